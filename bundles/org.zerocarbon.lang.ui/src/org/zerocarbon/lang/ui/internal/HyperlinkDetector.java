package org.zerocarbon.lang.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.zerocarbon.lang.ui.internal.Analysis.Location;
import org.zerocarbon.lang.ui.internal.Analysis.Reference;

/**
 * Ctrl+click on a reference jumps to its declaration, in this or another file. Detection runs on the UI thread
 * while the mouse moves, so it never parses: it looks the offset up in the references of the last analysis, and
 * offers nothing while that is out of date (it is again a moment after typing stops).
 */
public final class HyperlinkDetector implements IHyperlinkDetector {

	private final Supplier<AnalysisPresenter> presenter;
	private final Consumer<Location> open;

	/**
	 * @param presenter the editor's presenter, for the last analysis
	 * @param open      opens a location (in this or another editor)
	 */
	public HyperlinkDetector(Supplier<AnalysisPresenter> presenter, Consumer<Location> open) {
		this.presenter = presenter;
		this.open = open;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		AnalysisPresenter current = presenter.get();
		Analysis analysis = current == null ? null : current.currentIfUpToDate();
		if (analysis == null) {
			return null;
		}
		for (Reference reference : analysis.references()) {
			if (reference.region().contains(region.getOffset())) {
				IRegion link = new Region(reference.region().offset(), reference.region().length());
				return new IHyperlink[] { new IHyperlink() {
					@Override
					public IRegion getHyperlinkRegion() {
						return link;
					}

					@Override
					public String getTypeLabel() {
						return null;
					}

					@Override
					public String getHyperlinkText() {
						return "Open Declaration";
					}

					@Override
					public void open() {
						open.accept(reference.target());
					}
				} };
			}
		}
		return null;
	}
}
