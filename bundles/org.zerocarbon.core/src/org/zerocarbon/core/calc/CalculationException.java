package org.zerocarbon.core.calc;

import org.eclipse.emf.ecore.EObject;

/**
 * A model the engine cannot compute with, for a reason the user can fix (a missing value, a unit of the wrong
 * dimension, a missing factor). The message names the element and says what is wrong; where the engine knows
 * the model element at fault, {@link #element()} gives it, so that callers can show its file and line.
 */
public class CalculationException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient EObject element;

	public CalculationException(String message) {
		this(null, message);
	}

	/**
	 * @param element the model element at fault (its file and line locate the problem), or null
	 * @param message what is wrong and what to do
	 */
	public CalculationException(EObject element, String message) {
		super(message);
		this.element = element;
	}

	/** The model element at fault, or null when the problem is not tied to one. */
	public EObject element() {
		return element;
	}
}
