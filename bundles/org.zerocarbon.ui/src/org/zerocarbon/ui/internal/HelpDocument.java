package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language reference ({@code docs/language.md}, bundled at build time) as styled plain text for the native help
 * view, and where each keyword is explained (for F1 in the editor).
 * <p>
 * Hand-written because no Markdown library is in the target platform (and the workbench's help system, with its
 * web server and browser, is not on Maven Central in a form that runs here). It reads the subset our docs use:
 * ATX headings, paragraphs, bullet lists, fenced code blocks, pipe tables (shown row by row, which wraps better
 * than a grid in a narrow view) and inline code, bold and links.
 */
public final class HelpDocument {

	/** How a span of the text is shown. */
	public enum Style {
		HEADING_1, HEADING_2, HEADING_3, HEADING_4, CODE_BLOCK, CODE, BOLD, LINK, TABLE_HEADER
	}

	/**
	 * A styled span.
	 *
	 * @param target for links: the anchor ({@code #quantities-and-units}) or URL; otherwise null
	 */
	public record Span(int start, int length, Style style, String target) {
		/** Whether the offset lies in this span. */
		public boolean contains(int offset) {
			return offset >= start && offset < start + length;
		}
	}

	/** A heading: its anchor as GitHub makes it, its title and level, and where it starts in the text. */
	public record Section(String anchor, String title, int level, int offset) {
	}

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
	private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)\\]\\(([^)]+)\\)");
	private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*$");
	private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\[?([a-z][a-zA-Z]*)\\b");

	private final StringBuilder text = new StringBuilder();
	private final List<Span> spans = new ArrayList<>();
	private final List<Section> sections = new ArrayList<>();
	/**
	 * Word → anchor of the section that explains it, with a priority: 4 for the word that starts a syntax block of
	 * the reference, 3 for the other statements of those blocks, 2 for code in tables (units, issue codes,
	 * enumeration values), 1 for the statements of the other code blocks (the tour). The first place of the highest
	 * priority wins.
	 */
	private final Map<String, String> keywords = new HashMap<>();
	private final Map<String, Integer> keywordPriority = new HashMap<>();
	private boolean inReference;

	private HelpDocument() {
	}

	/** Parses Markdown text. */
	public static HelpDocument parse(String markdown) {
		HelpDocument document = new HelpDocument();
		document.read(markdown.replace("\r\n", "\n").split("\n", -1));
		return document;
	}

	/** The plain text to show. */
	public String text() {
		return text.toString();
	}

	/** The styled spans, in text order (inline spans may lie inside block spans). */
	public List<Span> spans() {
		return spans;
	}

	/** The headings, in order. */
	public List<Section> sections() {
		return sections;
	}

	/** The section with the given anchor ({@code #} optional), or null. */
	public Section section(String anchor) {
		String key = anchor.startsWith("#") ? anchor.substring(1) : anchor;
		return sections.stream().filter(s -> s.anchor().equals(key)).findFirst().orElse(null);
	}

	/**
	 * The section that explains a word of the language, e.g. {@code machine} → Machines, {@code kWh} → Quantities
	 * and units: the reference's syntax blocks first, then headings, then the first place the word is quoted as
	 * code. Null when the word is nowhere.
	 */
	public Section sectionFor(String word) {
		if (word == null || word.isBlank()) {
			return null;
		}
		String anchor = keywords.get(word);
		if (anchor != null) {
			return section(anchor);
		}
		Pattern whole = Pattern.compile("\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "s?\\b");
		for (Section section : sections) {
			if (section.level() > 1 && whole.matcher(section.title().toLowerCase(Locale.ROOT)).find()) {
				return section;
			}
		}
		for (Span span : spans) {
			if (span.style() == Style.CODE && codeMentions(text.substring(span.start(), span.start() + span.length()), word)) {
				return sectionAt(span.start());
			}
		}
		return null;
	}

	private static boolean codeMentions(String code, String word) {
		for (String token : code.split("[^A-Za-z0-9_]+")) {
			if (token.equals(word)) {
				return true;
			}
		}
		return false;
	}

	/** The section the offset lies in, or null before the first heading. */
	public Section sectionAt(int offset) {
		Section found = null;
		for (Section section : sections) {
			if (section.offset() <= offset) {
				found = section;
			}
		}
		return found;
	}

	private void read(String[] lines) {
		int i = 0;
		while (i < lines.length) {
			String line = lines[i];
			Matcher heading = HEADING.matcher(line);
			if (line.isBlank()) {
				i++;
			} else if (line.startsWith("```")) {
				i = codeBlock(lines, i + 1);
			} else if (heading.matches()) {
				heading(heading.group(1).length(), heading.group(2).strip());
				i++;
			} else if (line.startsWith("|")) {
				i = table(lines, i);
			} else if (line.startsWith("- ")) {
				i = listItem(lines, i);
			} else {
				i = paragraph(lines, i);
			}
		}
	}

	private void heading(int level, String title) {
		if (!text.isEmpty()) {
			text.append('\n');
		}
		inReference = level == 2 ? title.equals("Reference") : inReference && level > 2;
		int start = text.length();
		String plain = inline(title);
		sections.add(new Section(anchor(plain), plain, level, start));
		spans.add(new Span(start, plain.length(), Style.values()[Math.min(level, 4) - 1], null));
		text.append("\n\n");
	}

	/** GitHub's anchors: lower case, punctuation dropped, spaces become dashes. */
	static String anchor(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}

	private int codeBlock(String[] lines, int from) {
		int start = text.length();
		int i = from;
		boolean first = true;
		for (; i < lines.length && !lines[i].startsWith("```"); i++) {
			String line = lines[i].replace("\t", "    ");
			text.append(line).append('\n');
			Matcher word = FIRST_WORD.matcher(line);
			if (!sections.isEmpty() && word.find()) {
				index(word.group(1), inReference ? first ? 4 : 3 : 1);
				first = false;
			}
		}
		spans.add(new Span(start, text.length() - start, Style.CODE_BLOCK, null));
		text.append('\n');
		return i + 1;
	}

	private void index(String word, int priority) {
		if (keywordPriority.getOrDefault(word, 0) < priority) {
			keywords.put(word, sections.get(sections.size() - 1).anchor());
			keywordPriority.put(word, priority);
		}
	}

	private int table(String[] lines, int from) {
		int i = from;
		List<String> header = cells(lines[i]);
		i++;
		if (i < lines.length && TABLE_RULE.matcher(lines[i]).matches()) {
			i++;
		}
		int start = text.length();
		text.append(String.join("  ·  ", header.stream().map(cell -> cell.replaceAll("[`*]", "")).toList())).append('\n');
		spans.add(new Span(start, text.length() - start - 1, Style.TABLE_HEADER, null));
		for (; i < lines.length && lines[i].startsWith("|"); i++) {
			List<String> cells = cells(lines[i]);
			text.append("  ");
			for (int c = 0; c < cells.size(); c++) {
				if (c > 0) {
					text.append(" — ");
				}
				int cellStart = text.length();
				int spansBefore = spans.size();
				inline(cells.get(c));
				for (Span span : spans.subList(spansBefore, spans.size())) {
					if (span.style() == Style.CODE) {
						for (String token : text.substring(span.start(), span.start() + span.length()).split("[^A-Za-z0-9_]+")) {
							if (!token.isEmpty() && !sections.isEmpty()) {
								index(token, 2);
							}
						}
					}
				}
				if (c == 0 && spans.stream().noneMatch(s -> s.start() == cellStart)) {
					spans.add(new Span(cellStart, text.length() - cellStart, Style.BOLD, null));
				}
			}
			text.append('\n');
		}
		text.append('\n');
		return i;
	}

	/** The cells of a table row; a pipe inside inline code does not split. */
	private static List<String> cells(String row) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean code = false;
		String trimmed = row.strip();
		for (int i = trimmed.startsWith("|") ? 1 : 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '`') {
				code = !code;
			}
			if (c == '|' && !code) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			} else {
				cell.append(c);
			}
		}
		if (!cell.toString().isBlank()) {
			cells.add(cell.toString().strip());
		}
		return cells;
	}

	private int listItem(String[] lines, int from) {
		StringBuilder item = new StringBuilder(lines[from].substring(2).strip());
		int i = from + 1;
		for (; i < lines.length && lines[i].startsWith("  ") && !lines[i].isBlank(); i++) {
			item.append(' ').append(lines[i].strip());
		}
		text.append("  •  ");
		inline(item.toString());
		text.append('\n');
		if (i >= lines.length || !lines[i].startsWith("- ")) {
			text.append('\n');
		}
		return i;
	}

	private int paragraph(String[] lines, int from) {
		StringBuilder paragraph = new StringBuilder();
		int i = from;
		for (; i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("```") && !lines[i].startsWith("#")
				&& !lines[i].startsWith("|") && !lines[i].startsWith("- "); i++) {
			paragraph.append(paragraph.isEmpty() ? "" : " ").append(lines[i].strip());
		}
		inline(paragraph.toString());
		text.append("\n\n");
		return i;
	}

	/** Appends text with inline markup resolved into spans; returns the plain text appended. */
	private String inline(String markdown) {
		int before = text.length();
		Matcher matcher = INLINE.matcher(markdown);
		int last = 0;
		while (matcher.find()) {
			text.append(markdown, last, matcher.start());
			int start = text.length();
			if (matcher.group(1) != null) {
				text.append(matcher.group(1));
				spans.add(new Span(start, matcher.group(1).length(), Style.CODE, null));
			} else if (matcher.group(2) != null) {
				text.append(matcher.group(2));
				spans.add(new Span(start, matcher.group(2).length(), Style.BOLD, null));
			} else {
				String label = matcher.group(3).replace("`", "");
				text.append(label);
				spans.add(new Span(start, label.length(), Style.LINK, matcher.group(4)));
			}
			last = matcher.end();
		}
		text.append(markdown.substring(last));
		return text.substring(before);
	}
}
