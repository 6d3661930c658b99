package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.text.source.Annotation;

/** Marks an occurrence of the element under the caret (its declaration and every reference to it in the file). */
public final class OccurrenceAnnotation extends Annotation {

	/** Annotation type, declared with its colours in plugin.xml. */
	public static final String TYPE = "org.zerocarbon.lang.ui.occurrences";

	OccurrenceAnnotation(String text) {
		super(TYPE, false, text);
	}
}
