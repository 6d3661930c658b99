package org.zerocarbon.core.footprint;

/** GHG Protocol scopes. */
public enum Scope {
	/** Direct emissions from owned or controlled sources. */
	SCOPE_1("Scope 1"),
	/** Indirect emissions from purchased energy. */
	SCOPE_2("Scope 2"),
	/** All other indirect emissions of the value chain. */
	SCOPE_3("Scope 3");

	private final String label;

	Scope(String label) {
		this.label = label;
	}

	/** "Scope 1", "Scope 2" or "Scope 3". */
	public String label() {
		return label;
	}
}
