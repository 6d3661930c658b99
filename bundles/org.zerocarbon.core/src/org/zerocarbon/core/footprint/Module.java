package org.zerocarbon.core.footprint;

/**
 * The life-cycle modules of EN 15804+A2, in report order. Module D (benefits beyond the system boundary) is
 * always reported separately and never netted against the others.
 */
public enum Module {
	A1("Raw material supply", Stage.PRODUCT), A2("Transport to manufacturer", Stage.PRODUCT),
	A3("Manufacturing", Stage.PRODUCT), A4("Transport to site", Stage.CONSTRUCTION),
	A5("Installation", Stage.CONSTRUCTION), B1("Use", Stage.USE), B2("Maintenance", Stage.USE),
	B3("Repair", Stage.USE), B4("Replacement", Stage.USE), B5("Refurbishment", Stage.USE),
	B6("Operational energy use", Stage.USE), B7("Operational water use", Stage.USE),
	C1("Deconstruction", Stage.END_OF_LIFE), C2("Transport to end of life", Stage.END_OF_LIFE),
	C3("Waste processing", Stage.END_OF_LIFE), C4("Disposal", Stage.END_OF_LIFE),
	D("Benefits and loads beyond the system boundary", Stage.BEYOND);

	/** The stages that group the modules. */
	public enum Stage {
		PRODUCT("Product stage (A1–A3)"), CONSTRUCTION("Construction stage (A4–A5)"), USE("Use stage (B1–B7)"),
		END_OF_LIFE("End-of-life stage (C1–C4)"), BEYOND("Beyond the system boundary (D)");

		private final String label;

		Stage(String label) {
			this.label = label;
		}

		/** Human-readable label, e.g. "Use stage (B1–B7)". */
		public String label() {
			return label;
		}
	}

	private final String title;
	private final Stage stage;

	Module(String title, Stage stage) {
		this.title = title;
		this.stage = stage;
	}

	/** EN 15804 title, e.g. "Operational energy use". */
	public String title() {
		return title;
	}

	/** The stage the module belongs to. */
	public Stage stage() {
		return stage;
	}

	/** True for D, which is reported beside, never inside, the total. */
	public boolean isReportedSeparately() {
		return this == D;
	}
}
