package org.zerocarbon.ui.views;

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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.PlatformUI;
import org.zerocarbon.ui.internal.HelpDocument;
import org.zerocarbon.ui.internal.HelpGuides;
import org.zerocarbon.ui.internal.ZcHelpUI;
import org.zerocarbon.ui.internal.HelpDocument.Section;
import org.zerocarbon.ui.internal.HelpDocument.Span;

/**
 * The ZeroCarbon help inside the workbench: the guides of {@code docs/} ({@link HelpGuides}: the workbench guide,
 * the language reference, diagrams, model editing, reports ...), a guide chooser, contents on the left, the text on
 * the right, and a search field over all guides whose hits replace the contents until it is cleared. Help &gt; Help
 * Contents, Search and Show Context Help open it ({@link org.zerocarbon.ui.internal.ZcHelpUI}); F1 in the model editor
 * opens the language reference at the section that explains the word at the caret, F1 in our views at their section.
 */
public class HelpView extends ViewPart {

	/** View id (kept from the days it showed only the language reference, so saved layouts still find it). */
	public static final String ID = "org.zerocarbon.ui.languageHelpView";
	/** The workbench guide. */
	public static final String WORKBENCH_GUIDE = HelpGuides.WORKBENCH;
	/** The language reference. */
	public static final String LANGUAGE = HelpGuides.LANGUAGE;

	private static final RGB CODE_BACKGROUND = new RGB(0xf3, 0xf4, 0xf6);
	private static final RGB LINK = new RGB(0x1f, 0x4e, 0x79);
	private static final RGB HEADING = new RGB(0x1f, 0x3a, 0x5a);

	private HelpGuides.Guide guide;
	private HelpDocument document;
	private Combo guides;
	private StyledText styled;
	private org.eclipse.swt.widgets.List contents;
	private Text find;
	/** The search hits listed instead of the contents, or null while the contents are listed. */
	private List<HelpGuides.Hit> hits;
	private final List<Font> fonts = new ArrayList<>();

	@Override
	public void createPartControl(Composite parent) {
		Composite view = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(4, false);
		layout.marginHeight = 2;
		view.setLayout(layout);
		new Label(view, SWT.NONE).setText("Guide:");
		guides = new Combo(view, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (HelpGuides.Guide g : HelpGuides.all()) {
			guides.add(g.title());
		}
		guides.addListener(SWT.Selection, e -> showDocument(HelpGuides.all().get(guides.getSelectionIndex()).resource(), null));
		new Label(view, SWT.NONE).setText("Search:");
		find = new Text(view, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		find.setMessage("words in any guide, e.g. transport (Enter)");
		find.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		find.addListener(SWT.DefaultSelection, e -> search(find.getText()));
		find.addListener(SWT.Modify, e -> {
			if (find.getText().isBlank() && hits != null) {
				listContents();
			}
		});

		SashForm sash = new SashForm(view, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		contents = new org.eclipse.swt.widgets.List(sash, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
		styled = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		styled.setMargins(12, 8, 12, 8);
		styled.setLineSpacing(2);
		sash.setWeights(24, 76);
		contents.addListener(SWT.Selection, e -> contentSelected(contents.getSelectionIndex()));
		styled.addListener(SWT.MouseUp, e -> followLink(e.x, e.y));
		view.addDisposeListener(e -> fonts.forEach(Font::dispose));
		PlatformUI.getWorkbench().getHelpSystem().setHelp(styled, ZcHelpUI.CONTEXT_PREFIX + "helpView");
		showDocument(LANGUAGE, null);
	}

	/**
	 * Shows a guide ({@code help/x.md} or {@code x.md}) at a section ({@code #anchor} or anchor; null: the top).
	 *
	 * @return whether the guide exists
	 */
	public boolean showDocument(String resource, String anchor) {
		HelpGuides.Guide wanted = HelpGuides.get(resource);
		if (wanted == null) {
			return false;
		}
		if (wanted != guide) {
			guide = wanted;
			document = wanted.document();
			render();
			guides.select(HelpGuides.all().indexOf(wanted));
			if (hits == null) {
				listContents();
			}
		}
		Section section = anchor == null || anchor.isBlank() ? null : document.section(anchor);
		if (section != null) {
			reveal(section);
		} else {
			styled.setTopIndex(0);
		}
		return true;
	}

	/** The guide shown (its resource, e.g. {@code help/workbench.md}). */
	public String documentShown() {
		return guide == null ? null : guide.resource();
	}

	/** Lists the sections of every guide that mention the words, best first; an empty query lists the contents again. */
	public List<HelpGuides.Hit> search(String query) {
		if (!query.equals(find.getText())) {
			find.setText(query);
		}
		if (query.isBlank()) {
			listContents();
			return List.of();
		}
		hits = HelpGuides.search(query);
		contents.removeAll();
		if (hits.isEmpty()) {
			contents.add("Nothing found for \"" + query.strip() + "\"");
		}
		for (HelpGuides.Hit hit : hits) {
			contents.add(hit.label());
		}
		if (!hits.isEmpty()) {
			contents.select(0);
			contentSelected(0);
		}
		return hits;
	}

	/** Puts the keyboard focus into the search field. */
	public void focusSearch() {
		find.setFocus();
		find.selectAll();
	}

	/** The contents or search hits listed on the left (for tests). */
	public String[] listed() {
		return contents.getItems();
	}

	private void listContents() {
		hits = null;
		contents.removeAll();
		for (Section section : document.sections()) {
			contents.add("    ".repeat(Math.max(0, section.level() - 1)) + section.title());
		}
	}

	private void contentSelected(int index) {
		if (index < 0) {
			return;
		}
		if (hits == null) {
			reveal(document.sections().get(index));
		} else if (index < hits.size()) {
			HelpGuides.Hit hit = hits.get(index);
			List<HelpGuides.Hit> kept = hits;
			showDocument(hit.guide().resource(), null);
			hits = kept;
			if (hit.offset() >= 0) {
				styled.setSelection(hit.offset(), hit.offset() + find.getText().strip().split("\\s+")[0].length());
				styled.setTopIndex(Math.max(0, styled.getLineAtOffset(hit.offset()) - 2));
			}
		}
	}

	private void render() {
		List<Font> previous = new ArrayList<>(fonts);
		fonts.clear();
		styled.setText(document.text()); // drops the styles that used the previous fonts
		previous.forEach(Font::dispose);
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
		showDocument(LANGUAGE, null);
		Section section = document.sectionFor(word);
		if (section == null) {
			styled.setTopIndex(0);
			if (word != null && !word.isBlank()) {
				search(word);
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
		if (hits == null) {
			contents.setSelection(document.sections().indexOf(section));
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
				} else if (span.target().matches("[\\w-]+\\.md(#.*)?")) {
					String[] target = span.target().split("#", 2);
					showDocument(target[0], target.length > 1 ? target[1] : null);
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
