package org.zerocarbon.lang.ide.edit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.util.TextRegion;

/**
 * Lays out the spots of a text that a change inserted or removed, with the language's formatter, and leaves the
 * rest alone.
 * <p>
 * The change serializer formats what it writes, but not the whitespace in front of it: a machine added as the
 * last statement of a block started in column 0, and a removed optional value left two spaces, or joined two
 * lines. Here the changed text is parsed and formatted again, restricted to each inserted or removed stretch and
 * the whitespace around it; single tokens replaced in place (a new value, a renamed reference) keep their
 * surroundings as written.
 */
final class ChangedSpots {

	/** A stretch of the new text to lay out, and where it came from in the old text. */
	private record Window(int newStart, int newEnd, int oldStart, int oldEnd) {
	}

	private ChangedSpots() {
	}

	/**
	 * The replacements that turn {@code oldText} into the changed text with its changed spots formatted. Sorted and
	 * non-overlapping, in offsets of {@code oldText}.
	 *
	 * @param services the language of the text
	 * @throws ModelEditException if the changed text does not parse
	 */
	static List<Replacement> format(IResourceServiceProvider services, URI uri, String oldText, List<Replacement> edits) {
		String newText = Replacement.apply(oldText, edits);
		List<Window> windows = windows(oldText, newText, edits);
		if (windows.isEmpty()) {
			return edits;
		}
		XtextResource parsed = parse(services, uri, newText);
		if (parsed.getParseResult() != null && parsed.getParseResult().hasSyntaxErrors()) {
			// ModelChanges reports it with the line; nothing to lay out.
			return edits;
		}
		ITextRegionAccess regions = new TextRegionAccessBuilder().forNodeModel(parsed).create();
		FormatterRequest request = services.get(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		request.setAllowIdentityEdits(false);
		List<ITextRegion> requested = new ArrayList<>();
		for (Window window : windows) {
			requested.add(new TextRegion(window.newStart(), window.newEnd() - window.newStart()));
		}
		request.setRegions(requested);
		List<ITextReplacement> layout = services.get(IFormatter2.class).format(request);

		List<Replacement> result = new ArrayList<>();
		for (Window window : windows) {
			StringBuilder formatted = new StringBuilder(newText.substring(window.newStart(), window.newEnd()));
			// Apply from the end, so that earlier offsets stay valid.
			List<ITextReplacement> inside = layout.stream()
					.filter(r -> r.getOffset() >= window.newStart() && r.getEndOffset() <= window.newEnd())
					.sorted((a, b) -> Integer.compare(b.getOffset(), a.getOffset())).toList();
			for (ITextReplacement replacement : inside) {
				formatted.replace(replacement.getOffset() - window.newStart(), replacement.getEndOffset() - window.newStart(),
						replacement.getReplacementText());
			}
			result.add(minimal(oldText, window.oldStart(), window.oldEnd(), formatted.toString()));
		}
		result.removeIf(r -> r.length() == 0 && r.text().isEmpty());
		return List.copyOf(result);
	}

	/**
	 * One window per run of edits that touch each other once their surrounding whitespace is added; edits that
	 * only swap one token for another get no layout and keep their own window.
	 */
	private static List<Window> windows(String oldText, String newText, List<Replacement> edits) {
		List<Window> windows = new ArrayList<>();
		boolean any = false;
		int shift = 0;
		for (Replacement edit : edits) {
			int newStart = edit.offset() + shift;
			int newEnd = newStart + edit.text().length();
			int oldStart = edit.offset();
			int oldEnd = edit.offset() + edit.length();
			if (needsLayout(edit)) {
				any = true;
				int before = whitespaceBefore(newText, newStart);
				int after = whitespaceAfter(newText, newEnd);
				oldStart -= newStart - before;
				oldEnd += after - newEnd;
				newStart = before;
				newEnd = after;
			}
			Window window = new Window(newStart, newEnd, oldStart, oldEnd);
			Window previous = windows.isEmpty() ? null : windows.get(windows.size() - 1);
			if (previous != null && previous.newEnd() >= window.newStart()) {
				windows.set(windows.size() - 1, new Window(previous.newStart(), Math.max(previous.newEnd(), window.newEnd()),
						previous.oldStart(), Math.max(previous.oldEnd(), window.oldEnd())));
			} else {
				windows.add(window);
			}
			shift += edit.text().length() - edit.length();
		}
		return any ? windows : List.of();
	}

	/** Inserting, removing, or writing several tokens; not a token swapped for a token. */
	private static boolean needsLayout(Replacement edit) {
		String text = edit.text();
		return edit.length() == 0 || text.isEmpty() || !text.strip().equals(text) || text.indexOf('\n') >= 0;
	}

	private static int whitespaceBefore(String text, int offset) {
		int at = offset;
		while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
			at--;
		}
		return at;
	}

	private static int whitespaceAfter(String text, int offset) {
		int at = offset;
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
		return at;
	}

	/** The replacement of old[start, end) by text, without the unchanged characters at both ends. */
	private static Replacement minimal(String oldText, int start, int end, String text) {
		int prefix = 0;
		int max = Math.min(end - start, text.length());
		while (prefix < max && oldText.charAt(start + prefix) == text.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < max - prefix
				&& oldText.charAt(end - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
			suffix++;
		}
		return new Replacement(start + prefix, end - start - prefix - suffix,
				text.substring(prefix, text.length() - suffix));
	}

	private static XtextResource parse(IResourceServiceProvider services, URI uri, String text) {
		XtextResourceSet scratch = services.get(XtextResourceSet.class);
		XtextResource resource = (XtextResource) services.get(IResourceFactory.class).createResource(uri);
		scratch.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, "UTF-8"), null);
		} catch (IOException e) {
			// Reading from a string does not fail.
			throw new ModelEditException("Cannot parse the changed text of " + ModelChanges.fileName(uri), e);
		}
		return resource;
	}
}
