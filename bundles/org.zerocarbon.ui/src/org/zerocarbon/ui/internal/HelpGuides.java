package org.zerocarbon.ui.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The guides shown by the Help view: every {@code docs/*.md} of the repository, bundled under {@code help/} at build
 * time, parsed once. The workbench guide comes first and the language reference second, then the others by file
 * name. {@link #search(String)} finds the sections that mention every word of a query, best first.
 */
public final class HelpGuides {

	/** The workbench guide's resource. */
	public static final String WORKBENCH = "help/workbench.md";
	/** The language reference's resource. */
	public static final String LANGUAGE = "help/language.md";

	/** A guide: its resource, its title (the first heading) and the parsed document. */
	public record Guide(String resource, String title, HelpDocument document) {
	}

	/**
	 * A search hit: a section of a guide and how often the query's words occur in it.
	 *
	 * @param offset where the first word first occurs in the guide's text
	 */
	public record Hit(Guide guide, HelpDocument.Section section, int count, int offset) {
		/** "Workbench guide › Footprint view (3)". */
		public String label() {
			return guide.title() + " › " + (section == null ? "(top)" : section.title()) + " (" + count + ")";
		}
	}

	private static volatile Map<String, Guide> guides;

	private HelpGuides() {
	}

	/** All guides, in the order the Help view lists them. */
	public static List<Guide> all() {
		Map<String, Guide> loaded = guides;
		if (loaded == null) {
			synchronized (HelpGuides.class) {
				if (guides == null) {
					guides = load();
				}
				loaded = guides;
			}
		}
		return List.copyOf(loaded.values());
	}

	/** The guide of a resource ({@code help/x.md}, or just {@code x.md}), or null. */
	public static Guide get(String resource) {
		String key = resource.startsWith("help/") ? resource : "help/" + resource;
		return all().stream().filter(g -> g.resource().equals(key)).findFirst().orElse(null);
	}

	private static Map<String, Guide> load() {
		Bundle bundle = FrameworkUtil.getBundle(HelpGuides.class);
		List<String> resources = new ArrayList<>();
		Enumeration<URL> entries = bundle == null ? null : bundle.findEntries("help", "*.md", false);
		while (entries != null && entries.hasMoreElements()) {
			String path = entries.nextElement().getPath();
			resources.add(path.startsWith("/") ? path.substring(1) : path);
		}
		if (resources.isEmpty()) {
			resources.add(LANGUAGE); // read through the class path, as before guides were listed
		}
		resources.sort(Comparator.comparing((String r) -> r.equals(WORKBENCH) ? 0 : r.equals(LANGUAGE) ? 1 : 2).thenComparing(r -> r));
		Map<String, Guide> result = new LinkedHashMap<>();
		for (String resource : resources) {
			HelpDocument document;
			try {
				document = HelpDocument.parse(BundledExamples.read(resource));
			} catch (IOException e) {
				ILog.of(HelpGuides.class).warn("Cannot read the guide " + resource + ": " + e.getMessage(), e);
				document = HelpDocument.parse("# " + resource + " is missing\n\n" + e.getMessage());
			}
			String title = document.sections().isEmpty() ? resource : document.sections().get(0).title();
			result.put(resource, new Guide(resource, title, document));
		}
		return Collections.unmodifiableMap(result);
	}

	/**
	 * The sections of all guides whose text holds every word of the query (case-insensitive), the most mentions
	 * first, then in guide order. An empty query finds nothing.
	 */
	public static List<Hit> search(String query) {
		List<String> words = List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
		List<Hit> hits = new ArrayList<>();
		if (words.isEmpty()) {
			return hits;
		}
		for (Guide guide : all()) {
			String text = guide.document().text().toLowerCase(Locale.ROOT);
			List<HelpDocument.Section> sections = guide.document().sections();
			for (int i = -1; i < sections.size(); i++) {
				int start = i < 0 ? 0 : sections.get(i).offset();
				int end = i + 1 < sections.size() ? sections.get(i + 1).offset() : text.length();
				if (start >= end) {
					continue;
				}
				String part = text.substring(start, end);
				int count = 0;
				boolean all = true;
				for (String word : words) {
					int n = occurrences(part, word);
					all &= n > 0;
					count += n;
				}
				if (all) {
					hits.add(new Hit(guide, i < 0 ? null : sections.get(i), count, start + part.indexOf(words.get(0))));
				}
			}
		}
		hits.sort(Comparator.comparingInt(Hit::count).reversed());
		return hits;
	}

	private static int occurrences(String text, String word) {
		int count = 0;
		for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
			count++;
		}
		return count;
	}
}
