package org.zerocarbon.lang.validation;

/**
 * Stable issue codes of the ZeroCarbon DSL validator. They appear in problem markers, in the CLI output and in
 * CI logs; quick fixes key on them. Never rename one: add a new code instead.
 * <p>
 * Issue data (where a quick fix needs it) is documented per code.
 */
public final class ZcIssueCodes {
	private static final String PREFIX = "org.zerocarbon.lang.";

	/** The shares of a machine's energy states do not add up to 100 %. */
	public static final String STATE_SHARES_SUM = PREFIX + "stateSharesSum";
	/** The share of time in an energy state is not written as a percentage. Data: none. */
	public static final String STATE_SHARE_NOT_PERCENT = PREFIX + "stateShareNotPercent";

	/** A unit symbol is not known. Data: [0] the suggested unit expression, if any. */
	public static final String UNKNOWN_UNIT = PREFIX + "unknownUnit";
	/** A quantity has a unit of the wrong dimension (an energy where a power is expected). Data: proposed unit expressions. */
	public static final String WRONG_DIMENSION = PREFIX + "wrongDimension";
	/** A number that needs a unit has none. Data: [0] the preferred unit of the expected kind. */
	public static final String MISSING_UNIT = PREFIX + "missingUnit";
	/** A value that must not be negative is negative. */
	public static final String NEGATIVE_QUANTITY = PREFIX + "negativeQuantity";
	/** The text holds a replacement character: the file was probably not saved as UTF-8. */
	public static final String NOT_UTF8 = PREFIX + "notUtf8";
	/** A number beyond the engine's double-precision range (it would become infinite or zero). */
	public static final String NUMBER_OUT_OF_RANGE = PREFIX + "numberOutOfRange";
	/** A ratio is above 100 %. */
	public static final String RATIO_ABOVE_100 = PREFIX + "ratioAbove100";

	/** An energy state is listed twice for one machine or component. */
	public static final String DUPLICATE_STATE = PREFIX + "duplicateState";
	/** The mean power in an energy state exceeds the machine's rated power. */
	public static final String STATE_POWER_ABOVE_RATED = PREFIX + "statePowerAboveRated";
	/** The end-of-life shares of a machine add up to more than 100 %. */
	public static final String END_OF_LIFE_SHARES = PREFIX + "endOfLifeShares";

	/** A reference points to a factor of the wrong kind (e.g. a material factor used as grid factor). Data: [0] expected kind literal. */
	public static final String FACTOR_KIND_MISMATCH = PREFIX + "factorKindMismatch";
	/** A material, transport, consumable or end-of-life entry has no emission factor. Data: [0] the factor kind needed. */
	public static final String MISSING_FACTOR = PREFIX + "missingFactor";
	/** A credit factor (module D) is not negative. */
	public static final String CREDIT_SIGN = PREFIX + "creditSign";
	/** A module D credit's recovered amount is not in a unit its credit factor applies to. */
	public static final String CREDIT_UNITS = PREFIX + "creditUnits";
	/** An emission factor has no source. */
	public static final String FACTOR_WITHOUT_SOURCE = PREFIX + "factorWithoutSource";
	/** An emission factor has no licence. */
	public static final String FACTOR_WITHOUT_LICENCE = PREFIX + "factorWithoutLicence";
	/** A pedigree score is outside 1..5. */
	public static final String PEDIGREE_RANGE = PREFIX + "pedigreeRange";
	/** An uncertainty distribution is inconsistent (gsd <= 1, min >= max, mode outside the range). */
	public static final String UNCERTAINTY_INVALID = PREFIX + "uncertaintyInvalid";

	/** A site's grid region has no grid factor in the visible factor libraries. Data: the known regions. */
	public static final String UNKNOWN_GRID_REGION = PREFIX + "unknownGridRegion";
	/** A site's grid factor is for another region than the site. Data: [0] the factor's region. */
	public static final String GRID_REGION_MISMATCH = PREFIX + "gridRegionMismatch";
	/** A site has no grid factor. Data: qualified names of visible grid factors of the site's region. */
	public static final String MISSING_GRID_FACTOR = PREFIX + "missingGridFactor";

	/** A component meter names no component of the machine, or similar scope inconsistencies. */
	public static final String METER_SCOPE = PREFIX + "meterScope";
	/** A material flow connects a machine to itself. */
	public static final String FLOW_TO_ITSELF = PREFIX + "flowToItself";
	/** A software-enabled saving is claimed on an asset that no controller drives. */
	public static final String SAVING_WITHOUT_CONTROL = PREFIX + "savingWithoutControl";
	/** A sensor or actuator of a loop is not used by any controller (the loop is open). */
	public static final String OPEN_LOOP = PREFIX + "openLoop";

	/** The declared allocation shares of a machine's functions do not add up to 100 %, or only some functions declare one. */
	public static final String ALLOCATION_SHARES_SUM = PREFIX + "allocationSharesSum";
	/**
	 * Some functions of a machine declare an allocation basis amount (hours, capacity, output, mass, energy, value)
	 * that others lack, so a methodology allocating by it cannot split the machine. Data: [0] the missing statement.
	 */
	public static final String ALLOCATION_BASIS_INCOMPLETE = PREFIX + "allocationBasisIncomplete";
	/** The basis amounts of a machine's functions cannot be compared (units of different kinds). */
	public static final String ALLOCATION_BASIS_UNITS = PREFIX + "allocationBasisUnits";

	/** A shared utility's electricity is given more than one way (energy states, per year, specific energy), or not at all (warning). */
	public static final String UTILITY_ELECTRICITY = PREFIX + "utilityElectricity";
	/** A shared utility supplies machines with two different products (a volume and an energy). */
	public static final String UTILITY_SUPPLY_UNITS = PREFIX + "utilitySupplyUnits";
	/** A shared utility supplies no machine; its footprint is not allocated. */
	public static final String UTILITY_WITHOUT_CONSUMERS = PREFIX + "utilityWithoutConsumers";
	/** A machine draws from a utility in an energy state it does not declare. */
	public static final String SUPPLY_STATE_UNKNOWN = PREFIX + "supplyStateUnknown";

	/** A life-cycle module is listed twice in a methodology. */
	public static final String DUPLICATE_MODULE = PREFIX + "duplicateModule";
	/** A service-life range is inverted or excludes the default. */
	public static final String SERVICE_LIFE_RANGE = PREFIX + "serviceLifeRange";

	/** A quantified variable's type is not a metamodel class. Data: [0] a close class name, if any. */
	public static final String UNKNOWN_TYPE = PREFIX + "unknownType";
	/** An attribute path names a feature the class does not have. Data: [0] a close feature name, if any. */
	public static final String UNKNOWN_FEATURE = PREFIX + "unknownFeature";
	/** A comparison compares values of different kinds (a power with an energy, an enum with an unknown literal). */
	public static final String INCOMPATIBLE_COMPARISON = PREFIX + "incompatibleComparison";
	/** A quantifier ranges over a path that is not a collection of elements. */
	public static final String NOT_A_COLLECTION = PREFIX + "notACollection";

	// ---------------------------------------------------------------------------------- energy supply (issue 11)

	/** A certificate's vintage lies outside a methodology's window ('vintage between ... and ...'). Data: [0] from, [1] to. */
	public static final String CERTIFICATE_VINTAGE = PREFIX + "certificateVintage";
	/** A certificate has no vintage while a methodology sets a vintage window. */
	public static final String CERTIFICATE_WITHOUT_VINTAGE = PREFIX + "certificateWithoutVintage";
	/** An instrument is for another market than the consumption's (the site's market, else its region). Data: [0] the market. */
	public static final String MARKET_MISMATCH = PREFIX + "marketMismatch";
	/** A certificate has no tracking id. */
	public static final String CERTIFICATE_WITHOUT_TRACKING = PREFIX + "certificateWithoutTracking";
	/** A certificate is not retired (cancelled) for the consumption it is claimed for. */
	public static final String CERTIFICATE_NOT_RETIRED = PREFIX + "certificateNotRetired";
	/** The same certificate tracking id is claimed twice (in this file or another one). */
	public static final String DUPLICATE_TRACKING = PREFIX + "duplicateTracking";
	/** A site's residual-mix factor is for another region than the site. Data: [0] the factor's region. */
	public static final String RESIDUAL_REGION_MISMATCH = PREFIX + "residualRegionMismatch";
	/** A methodology's certificate vintage window is inverted. */
	public static final String VINTAGE_WINDOW = PREFIX + "vintageWindow";
	/**
	 * A line's machines have energy states, a methodology requires B6, but the line has no site or its site no grid
	 * factor: B6 would silently be 0. Data: [0] "site" (the line has none) or "grid" (its site has no grid factor).
	 */
	public static final String USE_STAGE_WITHOUT_GRID = PREFIX + "useStageWithoutGrid";

	// ---------------------------------------------------------------------------------- scope 1, processes (issue 11)

	/** A fuel is given as an energy but its factor is per volume or mass and declares no calorific value. */
	public static final String MISSING_CALORIFIC = PREFIX + "missingCalorific";
	/** The parts of a factor's GWP split do not add up to its value. */
	public static final String GWP_SPLIT_SUM = PREFIX + "gwpSplitSum";
	/** A process's reference output is not positive. */
	public static final String PROCESS_OUTPUT_NOT_POSITIVE = PREFIX + "processOutputNotPositive";
	/** A process consumes at least as much of its own output as it produces (directly or through a loop). */
	public static final String PROCESS_LOOP = PREFIX + "processLoop";

	/** An amount taken from a process (a material, a consumable, a credit) does not convert to the process's output unit. */
	public static final String PROVIDER_UNITS = PREFIX + "providerUnits";

	// declared products (EPDs)
	/** An EPD is past its validity date. */
	public static final String EPD_EXPIRED = PREFIX + "epdExpired";
	/** A date is not an ISO date (yyyy-MM-dd). */
	public static final String INVALID_DATE = PREFIX + "invalidDate";
	/** A module (and scenario) of a declared product is declared twice, or two scenarios of one module are the default. */
	public static final String DUPLICATE_PRODUCT_MODULE = PREFIX + "duplicateProductModule";
	/** Module values of a declared product overlap (A1-A3 and A2): a value would be counted twice. */
	public static final String MODULE_OVERLAP = PREFIX + "moduleOverlap";
	/** A module range runs backwards (A3-A1) or is not a range. */
	public static final String MODULE_RANGE = PREFIX + "moduleRange";
	/** A module has several scenarios and none is marked default. */
	public static final String SCENARIO_WITHOUT_DEFAULT = PREFIX + "scenarioWithoutDefault";
	/** A declared product used as a material or input declares no A1-A3 value, or its declared unit does not fit. */
	public static final String PRODUCT_AS_PROVIDER = PREFIX + "productAsProvider";

	// measured data
	/** A data source's file is not there (B6 falls back to declared values). */
	public static final String DATA_NOT_FOUND = PREFIX + "dataNotFound";
	/** A data-source option does not apply to its format, or a location does not fit the format. */
	public static final String DATA_SOURCE_OPTION = PREFIX + "dataSourceOption";
	/** A time zone, timestamp format, separator or period of a data source is not valid. */
	public static final String INVALID_DATA_FORMAT = PREFIX + "invalidDataFormat";
	/** A meter binds to a column that the CSV source does not declare. Data: [0] the closest column name, if any. */
	public static final String UNKNOWN_COLUMN = PREFIX + "unknownColumn";
	/** A meter binds to an item whose unit or type is not what the meter measures (a power meter on an energy column). */
	public static final String METER_UNIT = PREFIX + "meterUnit";
	/** A meter's binding is missing or does not apply to its source. */
	public static final String METER_BINDING = PREFIX + "meterBinding";
	/** Power thresholds of a meter are not ascending. */
	public static final String THRESHOLD_ORDER = PREFIX + "thresholdOrder";
	/** Parameters whose values depend on each other in a circle. */
	public static final String PARAMETER_CYCLE = PREFIX + org.zerocarbon.parameters.ParameterEvaluator.CYCLE;
	/** An expression adding, subtracting or dividing quantities whose units do not fit. */
	public static final String PARAMETER_UNIT_MISMATCH = PREFIX + org.zerocarbon.parameters.ParameterEvaluator.UNIT_MISMATCH;
	/** An expression whose parameter has no value. */
	public static final String PARAMETER_UNRESOLVED = PREFIX + org.zerocarbon.parameters.ParameterEvaluator.UNRESOLVED;
	/** A scenario extending itself through its bases. */
	public static final String SCENARIO_CYCLE = PREFIX + org.zerocarbon.parameters.Scenarios.CYCLE;
	/** A scenario setting a parameter to a value of another dimension. */
	public static final String SCENARIO_SETTING_UNIT = PREFIX + "scenarioSettingUnit";
	/** Two scenarios of one qualified name (in different files). */
	public static final String DUPLICATE_SCENARIO = PREFIX + "duplicateScenario";
	/** A scenario that changes nothing. */
	public static final String EMPTY_SCENARIO = PREFIX + "emptyScenario";
	/** A factor substitution between providers of different reference units. */
	public static final String SUBSTITUTION_UNIT = PREFIX + "substitutionUnit";
	/** A parameter's sensitivity range that does not contain its value or is backwards. */
	public static final String PARAMETER_RANGE = PREFIX + "parameterRange";

	private ZcIssueCodes() {
	}
}
