package org.zerocarbon.units;

/**
 * Thrown when a unit expression cannot be read: an unknown symbol or a malformed expression. The message is
 * meant for users (it names the offending symbol and, where one is close, suggests a known one).
 */
public class UnitSyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String symbol;
	private final String suggestion;

	/**
	 * @param message    user-facing message
	 * @param symbol     the symbol that was not understood, or null when the expression as a whole is malformed
	 * @param suggestion a known symbol close to it, or null
	 */
	public UnitSyntaxException(String message, String symbol, String suggestion) {
		super(message);
		this.symbol = symbol;
		this.suggestion = suggestion;
	}

	/** The symbol that was not understood, or null. */
	public String getSymbol() {
		return symbol;
	}

	/** A known symbol close to the unknown one (e.g. {@code kWh} for {@code kwh}), or null. */
	public String getSuggestion() {
		return suggestion;
	}
}
