package org.zerocarbon.core.calc;

/**
 * A model the engine cannot compute with, for a reason the user can fix (a missing value, a unit of the wrong
 * dimension, a missing factor). The message names the element and says what is wrong.
 */
public class CalculationException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CalculationException(String message) {
		super(message);
	}
}
