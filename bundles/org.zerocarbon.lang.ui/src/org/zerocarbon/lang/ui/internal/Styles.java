package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

/**
 * The colours of the editor, keyed by Xtext's highlighting style ids ({@link HighlightingStyles}) so that lexical
 * and semantic highlighting, and any custom style ids the language's highlighting calculator emits, share one
 * table. Colours live in JFace's colour registry, which disposes them with the display.
 */
public final class Styles {

	private static final String PREFIX = "org.zerocarbon.lang.ui.style.";

	private Styles() {
	}

	/** The text attribute for a style id; unknown ids (a language's own styles) get a neutral emphasis. UI thread. */
	public static TextAttribute attribute(String styleId) {
		return switch (styleId == null ? HighlightingStyles.DEFAULT_ID : styleId) {
			case HighlightingStyles.KEYWORD_ID -> attribute(styleId, new RGB(127, 0, 85), SWT.BOLD);
			case HighlightingStyles.COMMENT_ID -> attribute(styleId, new RGB(63, 127, 95), SWT.NORMAL);
			case HighlightingStyles.STRING_ID -> attribute(styleId, new RGB(42, 0, 255), SWT.NORMAL);
			case HighlightingStyles.NUMBER_ID -> attribute(styleId, new RGB(0, 110, 110), SWT.NORMAL);
			case HighlightingStyles.TASK_ID -> attribute(styleId, new RGB(127, 159, 191), SWT.BOLD);
			case HighlightingStyles.INVALID_TOKEN_ID -> attribute(styleId, new RGB(200, 0, 0), SWT.NORMAL);
			case HighlightingStyles.DEFINITION_ID -> attribute(styleId, new RGB(0, 0, 192), SWT.NORMAL);
			case HighlightingStyles.TYPE_ID -> attribute(styleId, new RGB(0, 80, 50), SWT.NORMAL);
			case Analyzer.REFERENCE_STYLE -> attribute(styleId, new RGB(0, 112, 160), SWT.ITALIC);
			case HighlightingStyles.DEFAULT_ID, HighlightingStyles.PUNCTUATION_ID -> new TextAttribute(null);
			default -> attribute(styleId, new RGB(100, 70, 0), SWT.NORMAL);
		};
	}

	private static TextAttribute attribute(String id, RGB rgb, int style) {
		ColorRegistry colors = JFaceResources.getColorRegistry();
		String key = PREFIX + id;
		if (!colors.hasValueFor(key)) {
			colors.put(key, rgb);
		}
		return new TextAttribute(colors.get(key), null, style);
	}
}
