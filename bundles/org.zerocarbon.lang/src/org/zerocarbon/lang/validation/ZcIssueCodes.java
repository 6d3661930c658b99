package org.zerocarbon.lang.validation;

/**
 * Stable issue codes of the ZeroCarbon DSL validator. They appear in problem markers, in the CLI output and in
 * CI logs; quick fixes key on them. Never rename one: add a new code instead.
 */
public final class ZcIssueCodes {
	private static final String PREFIX = "org.zerocarbon.lang.";

	/** The shares of a machine's energy states do not add up to 100 %. */
	public static final String STATE_SHARES_SUM = PREFIX + "stateSharesSum";
	/** The share of time in an energy state is not written as a percentage. */
	public static final String STATE_SHARE_NOT_PERCENT = PREFIX + "stateShareNotPercent";

	private ZcIssueCodes() {
	}
}
