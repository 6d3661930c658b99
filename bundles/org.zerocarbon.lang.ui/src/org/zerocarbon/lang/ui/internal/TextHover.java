package org.zerocarbon.lang.ui.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.zerocarbon.lang.ui.internal.LanguageFeatures.HoverInfo;

/**
 * Hover with the element's documentation comment and its resolved values (for a factor: value and unit, source,
 * licence, ...). The platform calls hovers on a background thread, so waiting for the language thread is fine.
 */
public final class TextHover implements ITextHover {

	private final Supplier<ModelSession> session;

	/** @param session the editor's current session */
	public TextHover(Supplier<ModelSession> session) {
		this.session = session;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		ModelSession current = session.get();
		if (current == null) {
			return null;
		}
		try {
			HoverInfo info = current.read("hover", s -> LanguageFeatures.hover(s, region.getOffset()))
					.get(5, TimeUnit.SECONDS);
			return info == null ? null : html(info);
		} catch (TimeoutException e) {
			return null;
		} catch (ExecutionException e) {
			return "Cannot show information here: " + escape(LanguageAccess.unwrap(e).getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The hover as the simple HTML the platform's hover control renders. */
	public static String html(HoverInfo info) {
		StringBuilder html = new StringBuilder("<b>").append(escape(info.title())).append("</b>");
		if (info.documentation() != null && !info.documentation().isBlank()) {
			html.append("<p>").append(escape(info.documentation())).append("</p>");
		}
		if (!info.values().isEmpty()) {
			html.append("<p>");
			for (String[] value : info.values()) {
				html.append(escape(value[0])).append(": <b>").append(escape(value[1])).append("</b><br>");
			}
			html.append("</p>");
		}
		return html.toString();
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}
}
