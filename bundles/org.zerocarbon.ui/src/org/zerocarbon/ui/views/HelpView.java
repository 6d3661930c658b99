package org.zerocarbon.ui.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.HelpDocument;
import org.zerocarbon.ui.internal.HelpDocument.Section;
import org.zerocarbon.ui.internal.HelpDocument.Span;

/**
 * The ZeroCarbon language reference (docs/language.md) inside the workbench: contents on the left, the text on the
 * right, a find field. F1 in the model editor opens it at the section that explains the word at the caret.
 */
public class LanguageHelpView extends ViewPart {

	/** View id. */
	public static final String ID = "org.zerocarbon.ui.languageHelpView";
	/** Where the reference is bundled (copied from docs/ at build time). */
	static final String RESOURCE = "help/language.md";

	private static final RGB CODE_BACKGROUND = new RGB(0xf3, 0xf4, 0xf6);
	private static final RGB LINK = new RGB(0x1f, 0x4e, 0x79);
	private static final RGB HEADING = new RGB(0x1f, 0x3a, 0x5a);

	private HelpDocument document;
	private StyledText styled;
	private org.eclipse.swt.widgets.List contents;
	private Text find;
	private final List<Font> fonts = new ArrayList<>();

	@Override
	public void createPartControl(Composite parent) {
		Composite view = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginHeight = 2;
		view.setLayout(layout);
		new Label(view, SWT.NONE).setText("Find:");
		find = new Text(view, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
		find.setMessage("a word of the language, e.g. transport (Enter: next)");
		find.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		find.addListener(SWT.DefaultSelection, e -> findNext(find.getText()));

		SashForm sash = new SashForm(view, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		contents = new org.eclipse.swt.widgets.List(sash, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
		styled = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		styled.setMargins(12, 8, 12, 8);
		styled.setLineSpacing(2);
		sash.setWeights(22, 78);
		load();
		contents.addListener(SWT.Selection, e -> {
			int index = contents.getSelectionIndex();
			if (index >= 0) {
				reveal(document.sections().get(index));
			}
		});
		styled.addListener(SWT.MouseUp, e -> followLink(e.x, e.y));
		view.addDisposeListener(e -> fonts.forEach(Font::dispose));
	}

	private void load() {
		try {
			document = HelpDocument.parse(BundledExamples.read(RESOURCE));
		} catch (IOException e) {
			document = HelpDocument.parse("# The language reference is missing\n\n" + e.getMessage());
		}
		styled.setText(document.text());
		Font mono = JFaceResources.getTextFont();
		Font base = styled.getFont();
		for (Span span : document.spans()) {
			StyleRange range = new StyleRange();
			range.start = span.start();
			range.length = span.length();
			switch (span.style()) {
			case HEADING_1 -> heading(range, base, 1.6f);
			case HEADING_2 -> heading(range, base, 1.35f);
			case HEADING_3 -> heading(range, base, 1.15f);
			case HEADING_4 -> heading(range, base, 1.0f);
			case CODE_BLOCK, CODE -> {
				range.font = mono;
				range.background = new Color(CODE_BACKGROUND);
			}
			case BOLD, TABLE_HEADER -> range.fontStyle = SWT.BOLD;
			case LINK -> {
				range.foreground = new Color(LINK);
				range.underline = true;
				range.underlineStyle = SWT.UNDERLINE_LINK;
			}
			}
			styled.setStyleRange(range);
		}
		// code blocks get their background on whole lines, so that blocks read as boxes
		for (Span span : document.spans()) {
			if (span.style() == HelpDocument.Style.CODE_BLOCK && span.length() > 0) {
				int first = styled.getLineAtOffset(span.start());
				int last = styled.getLineAtOffset(span.start() + span.length() - 1);
				styled.setLineBackground(first, last - first + 1, new Color(CODE_BACKGROUND));
			}
		}
		for (Section section : document.sections()) {
			contents.add("    ".repeat(Math.max(0, section.level() - 1)) + section.title());
		}
	}

	private void heading(StyleRange range, Font base, float scale) {
		FontData[] data = base.getFontData();
		for (FontData d : data) {
			d.setHeight(Math.round(d.getHeight() * scale));
			d.setStyle(SWT.BOLD);
		}
		Font font = new Font(styled.getDisplay(), data);
		fonts.add(font);
		range.font = font;
		range.foreground = new Color(HEADING);
	}

	@Override
	public void setFocus() {
		find.setFocus();
	}

	/**
	 * Shows the section that explains a word of the language, or the beginning when no section does.
	 *
	 * @return the section shown, or null
	 */
	public Section showWord(String word) {
		Section section = document.sectionFor(word);
		if (section == null) {
			styled.setTopIndex(0);
			if (word != null && !word.isBlank()) {
				find.setText(word);
			}
			return null;
		}
		reveal(section);
		return section;
	}

	/** The text shown (for tests). */
	public StyledText text() {
		return styled;
	}

	private void reveal(Section section) {
		int line = styled.getLineAtOffset(section.offset());
		styled.setTopIndex(line);
		styled.setSelection(section.offset());
		contents.setSelection(document.sections().indexOf(section));
	}

	private void findNext(String word) {
		if (word.isBlank()) {
			return;
		}
		String text = styled.getText();
		int from = styled.getSelection().y;
		int found = text.toLowerCase().indexOf(word.toLowerCase(), from);
		if (found < 0) {
			found = text.toLowerCase().indexOf(word.toLowerCase());
		}
		if (found >= 0) {
			styled.setSelection(found, found + word.length());
			styled.showSelection();
			Section section = document.sectionAt(found);
			if (section != null) {
				contents.setSelection(document.sections().indexOf(section));
			}
		}
	}

	private void followLink(int x, int y) {
		int offset = styled.getOffsetAtPoint(new org.eclipse.swt.graphics.Point(x, y));
		if (offset < 0 || styled.getSelectionCount() > 0) {
			return;
		}
		for (Span span : document.spans()) {
			if (span.style() == HelpDocument.Style.LINK && span.contains(offset)) {
				if (span.target().startsWith("#")) {
					Section section = document.section(span.target());
					if (section != null) {
						reveal(section);
					}
				} else {
					openExternal(span.target());
				}
				return;
			}
		}
	}

	private void openExternal(String target) {
		try {
			if (!org.zerocarbon.ui.internal.ReportOpener.launchSystemBrowser(new java.net.URI(target))) {
				org.eclipse.jface.dialogs.MessageDialog.openInformation(getSite().getShell(), "Link",
						"No system web browser is set up to open " + target + ".");
			}
		} catch (java.net.URISyntaxException e) {
			// relative links point into the repository, which is not part of the product: nothing to open
			org.eclipse.core.runtime.ILog.of(getClass()).info("Cannot open " + target + ": " + e.getMessage());
		}
	}
}
