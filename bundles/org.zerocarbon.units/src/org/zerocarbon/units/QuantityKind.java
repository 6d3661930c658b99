package org.zerocarbon.units;

import java.util.List;
import java.util.Optional;

import javax.measure.Dimension;
import javax.measure.Unit;


/**
 * The kinds of quantity the ZeroCarbon metamodel uses. A kind is defined by a physical dimension (through a
 * reference unit); every unit whose dimension equals it {@linkplain #accepts(Unit) is accepted}. The metamodel
 * feature that holds a quantity declares which kind(s) it expects, and the validator checks the written unit
 * against it.
 */
public enum QuantityKind {
	/** Power, e.g. kW. */
	POWER("a power", "kW", "W"),
	/** Energy, e.g. kWh, GJ, tce. */
	ENERGY("an energy", "kWh", "J"),
	/** Material mass, e.g. kg, t. */
	MASS("a mass", "kg", "kg"),
	/** Greenhouse-gas mass as CO2 equivalents, e.g. kgCO2e, tCO2e. */
	CARBON_MASS("a carbon mass", "kgCO2e", "kgCO2e"),
	/** Time, e.g. h, a. */
	TIME("a time", "h", "s"),
	/** Length or distance, e.g. km. */
	LENGTH("a distance", "km", "m"),
	/** Freight transport work, mass times distance, e.g. tkm. */
	FREIGHT("a freight transport work", "tkm", "kg*m"),
	/** Volume, e.g. m3, l. */
	VOLUME("a volume", "m3", "m3"),
	/** Pressure, e.g. bar. */
	PRESSURE("a pressure", "bar", "Pa"),
	/** Temperature, e.g. degC, K. */
	TEMPERATURE("a temperature", "degC", "K"),
	/** A dimensionless ratio, e.g. %. */
	RATIO("a ratio", "%", "parts"),
	/** A rate per time, e.g. parts/h, Hz. */
	RATE("a rate per time", "parts/h", "Hz"),
	/** Volume flow, e.g. m3/min. */
	VOLUME_FLOW("a volume flow", "m3/min", "m3/s"),
	/** Emission intensity of energy, e.g. kgCO2e/kWh. */
	CARBON_PER_ENERGY("an emission factor per energy", "kgCO2e/kWh", "kgCO2e/J"),
	/** Emission intensity of mass, e.g. kgCO2e/kg, tCO2e/t. */
	CARBON_PER_MASS("an emission factor per mass", "kgCO2e/kg", "kgCO2e/kg"),
	/** Emission intensity of freight, e.g. kgCO2e/tkm. */
	CARBON_PER_FREIGHT("an emission factor per freight", "kgCO2e/tkm",
			"kgCO2e/kg/m"),
	/** Emission intensity of volume, e.g. kgCO2e/m3. */
	CARBON_PER_VOLUME("an emission factor per volume", "kgCO2e/m3", "kgCO2e/m3");

	private final String label;
	private final String preferredSymbol;
	private final Unit<?> referenceUnit;
	private final Dimension dimension;

	QuantityKind(String label, String preferredSymbol, String referenceUnit) {
		this.label = label;
		this.preferredSymbol = preferredSymbol;
		this.referenceUnit = ZcUnits.parse(referenceUnit);
		this.dimension = this.referenceUnit.getDimension();
	}

	/** The kind as named in messages, with its article: "a power", "an energy". */
	public String label() {
		return label;
	}

	/** The unit a quick fix proposes and a new quantity of this kind uses, e.g. {@code kW}. */
	public String preferredSymbol() {
		return preferredSymbol;
	}

	/** The SI reference unit of this kind; every accepted unit converts to it. */
	public Unit<?> referenceUnit() {
		return referenceUnit;
	}

	/** The dimension of this kind. */
	public Dimension dimension() {
		return dimension;
	}

	/** Whether a unit has the dimension of this kind. */
	public boolean accepts(Unit<?> unit) {
		return unit.getDimension().equals(dimension);
	}

	/** Whether a unit expression is valid and has the dimension of this kind. */
	public boolean accepts(String unitExpression) {
		return ZcUnits.dimensionOf(unitExpression).map(dimension::equals).orElse(false);
	}

	/** The known atomic unit symbols of this kind, in the order {@link ZcUnits#symbols()} lists them. */
	public List<String> symbols() {
		return ZcUnits.symbols().stream().filter(this::accepts).toList();
	}

	/**
	 * The first kind whose dimension matches the unit. Kinds that share a dimension (ratio and per-item figures)
	 * resolve to the one declared first.
	 */
	public static Optional<QuantityKind> of(Unit<?> unit) {
		for (QuantityKind kind : values()) {
			if (kind.accepts(unit)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}
}
