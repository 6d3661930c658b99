package org.zerocarbon.lang.ui.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.zerocarbon.lang.ui.internal.LanguageFeatures.HoverInfo;

/**
 * Hover with the problems at the word first (errors, then warnings and infos), then the element's documentation
 * comment and its resolved values (for a factor: value and unit, source, licence, ...). The platform calls hovers
 * on a background thread, so waiting for the language thread is fine.
 */
public final class TextHover implements ITextHover {

	/** Annotation types of problems (the platform's, used by live checks and markers alike), most severe first. */
	private static final Map<String, String> SEVERITIES = new LinkedHashMap<>();

	static {
		SEVERITIES.put(ProblemAnnotation.ERROR, "Error");
		SEVERITIES.put(ProblemAnnotation.WARNING, "Warning");
		SEVERITIES.put(ProblemAnnotation.INFO, "Info");
	}

	private final Supplier<ModelSession> session;

	/** @param session the editor's current session */
	public TextHover(Supplier<ModelSession> session) {
		this.session = session;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		String problems = problems(viewer instanceof ISourceViewer source ? source.getAnnotationModel() : null, region.getOffset());
		String element = element(region.getOffset());
		if (problems == null) {
			return element;
		}
		return element == null ? problems : problems + "<br>" + element; // the hover control knows no <hr>
	}

	/** The element's information, or null. */
	private String element(int offset) {
		ModelSession current = session.get();
		if (current == null) {
			return null;
		}
		try {
			HoverInfo info = current.read("hover", s -> LanguageFeatures.hover(s, offset)).get(5, TimeUnit.SECONDS);
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

	/**
	 * The errors, warnings and infos at the offset, errors first, each once (the live check and the builder's
	 * marker of the same problem say the same), as HTML; null when there are none.
	 */
	public static String problems(IAnnotationModel model, int offset) {
		if (model == null) {
			return null;
		}
		Map<String, Set<String>> bySeverity = new LinkedHashMap<>();
		for (String type : SEVERITIES.keySet()) {
			bySeverity.put(type, new LinkedHashSet<>());
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			Set<String> messages = bySeverity.get(annotation.getType());
			if (messages == null || annotation.isMarkedDeleted() || annotation.getText() == null || position == null
					|| offset < position.getOffset() || offset > position.getOffset() + position.getLength()) {
				continue;
			}
			messages.add(annotation.getText());
		}
		StringBuilder html = new StringBuilder();
		bySeverity.forEach((type, messages) -> {
			for (String message : messages) {
				html.append("<p><b>").append(SEVERITIES.get(type)).append(":</b> ").append(escape(message)).append("</p>");
			}
		});
		return html.isEmpty() ? null : html.toString();
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
