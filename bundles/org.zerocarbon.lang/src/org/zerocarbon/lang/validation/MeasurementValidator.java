package org.zerocarbon.lang.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.data.DataLocations;
import org.zerocarbon.model.zc.DataColumn;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeteredQuantity;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.StateThreshold;
import org.zerocarbon.model.zc.UseStageBasis;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Measured data: data sources (their options fit their format; zones, timestamp formats and periods are valid; the
 * files exist) and meter bindings (a binding that fits the source, to an item whose unit is what the meter measures:
 * a power meter may not bind to an energy column).
 */
public class MeasurementValidator extends ZcRuleValidator {

	/** MTConnect data item types a meter can bind to, and what they measure. */
	private static final Set<String> MTCONNECT_POWER = Set.of("WATTAGE");
	private static final Set<String> MTCONNECT_ENERGY = Set.of("ELECTRICAL_ENERGY");
	private static final Set<String> MTCONNECT_PARTS = Set.of("AMPERAGE_AC", "VOLTAGE_AC", "POWER_FACTOR", "AMPERAGE", "VOLTAGE");

	@Check
	public void checkSource(DataSource source) {
		DataFormat format = source.getFormat();
		if (format == DataFormat.CSV) {
			if (source.isLive()) {
				error("A CSV source is a file in the project, not a URL: write its path (source " + source.getName() + " csv \"data/x.csv\")",
						source, Literals.DATA_SOURCE__LIVE, ZcIssueCodes.DATA_SOURCE_OPTION);
			}
		} else {
			for (EAttribute option : List.of(Literals.DATA_SOURCE__TIMESTAMP_COLUMN, Literals.DATA_SOURCE__DELIMITER, Literals.DATA_SOURCE__DECIMAL,
					Literals.DATA_SOURCE__HEADER, Literals.DATA_SOURCE__STATE_COLUMN, Literals.DATA_SOURCE__PROGRAM_COLUMN,
					Literals.DATA_SOURCE__PARTS_COLUMN)) {
				if (source.eIsSet(option)) {
					error("'" + keyword(option) + "' applies to CSV sources only", source, option, ZcIssueCodes.DATA_SOURCE_OPTION);
				}
			}
			if (!source.getColumns().isEmpty()) {
				error("Columns apply to CSV sources only; bind meters to " + (format == DataFormat.OPCUA ? "nodes ('item' or 'path')"
						: "data items ('item' or 'type')"), source.getColumns().get(0), Literals.DATA_COLUMN__NAME, ZcIssueCodes.DATA_SOURCE_OPTION);
			}
		}
		if (format == DataFormat.OPCUA && !source.isLive()) {
			error("An OPC UA source is a server: write 'opcua url \"opc.tcp://host:4840\"'", source, Literals.DATA_SOURCE__LOCATION,
					ZcIssueCodes.DATA_SOURCE_OPTION);
		}
		String location = source.getLocation();
		if (source.isLive() && location != null) {
			String scheme = format == DataFormat.OPCUA ? "opc.tcp://" : "http";
			if (!location.toLowerCase(Locale.ROOT).startsWith(scheme)) {
				error("The URL of " + (format == DataFormat.OPCUA ? "an OPC UA server starts with opc.tcp://" : "an MTConnect agent starts with http:// or https://"),
						source, Literals.DATA_SOURCE__LOCATION, ZcIssueCodes.DATA_SOURCE_OPTION);
			}
		} else if (source.isLive() == false && source.getRefresh() != null) {
			error("'refresh' applies to live sources (url) only; files are re-read when they change", source, Literals.DATA_SOURCE__REFRESH,
					ZcIssueCodes.DATA_SOURCE_OPTION);
		}
		if (format != DataFormat.MTCONNECT && source.getProbe() != null) {
			error("'probe' applies to MTConnect sources only", source, Literals.DATA_SOURCE__PROBE, ZcIssueCodes.DATA_SOURCE_OPTION);
		}
		checkFormats(source);
		if (!source.isLive() && location != null && format != DataFormat.OPCUA) {
			try {
				if (DataLocations.folderOf(source.eResource()).isPresent() && DataLocations.files(source).isEmpty()) {
					warning("No data at '" + location + "' (relative to this file): the meters bound to '" + source.getName()
							+ "' have no measurements, and B6 falls back to the declared state powers", source, Literals.DATA_SOURCE__LOCATION,
							ZcIssueCodes.DATA_NOT_FOUND);
				}
			} catch (IllegalArgumentException e) {
				error(e.getMessage(), source, Literals.DATA_SOURCE__LOCATION, ZcIssueCodes.DATA_SOURCE_OPTION);
			}
		}
	}

	private void checkFormats(DataSource source) {
		if (source.getZone() != null) {
			try {
				ZoneId.of(source.getZone());
			} catch (DateTimeException e) {
				error("'" + source.getZone() + "' is not a time zone: write a zone id (\"Europe/Berlin\") or a UTC offset (\"+01:00\")", source,
						Literals.DATA_SOURCE__ZONE, ZcIssueCodes.INVALID_DATA_FORMAT);
			}
		}
		String format = source.getTimeFormat();
		if (format != null && !Set.of("iso", "epoch-s", "epoch-ms").contains(format)) {
			try {
				DateTimeFormatter.ofPattern(format);
			} catch (IllegalArgumentException e) {
				error("'" + format + "' is not a timestamp format: write iso, epoch-s, epoch-ms or a pattern such as \"yyyy-MM-dd HH:mm:ss\" ("
						+ e.getMessage() + ")", source, Literals.DATA_SOURCE__TIME_FORMAT, ZcIssueCodes.INVALID_DATA_FORMAT);
			}
		}
		if (source.getDecimal() != null && !Set.of(".", ",").contains(source.getDecimal())) {
			error("The decimal separator is \".\" or \",\"", source, Literals.DATA_SOURCE__DECIMAL, ZcIssueCodes.INVALID_DATA_FORMAT);
		}
		if (source.getDelimiter() != null && !Set.of(",", ";", "\t", "tab").contains(source.getDelimiter())) {
			error("The delimiter is \",\", \";\" or \"tab\"", source, Literals.DATA_SOURCE__DELIMITER, ZcIssueCodes.INVALID_DATA_FORMAT);
		}
		if (source.getDelimiter() != null && source.getDelimiter().equals(source.getDecimal())) {
			error("The delimiter and the decimal separator must differ", source, Literals.DATA_SOURCE__DECIMAL, ZcIssueCodes.INVALID_DATA_FORMAT);
		}
		if (source.getHeader() != null && source.getHeader() < 0) {
			error("The number of header lines cannot be negative", source, Literals.DATA_SOURCE__HEADER, ZcIssueCodes.INVALID_DATA_FORMAT);
		}
		if (source.getPeriodFrom() != null) {
			Optional<LocalDate> from = ProductValidator.date(source.getPeriodFrom());
			Optional<LocalDate> to = ProductValidator.date(source.getPeriodTo());
			if (from.isEmpty() || to.isEmpty()) {
				error("The period is written as ISO dates: period \"2026-11-02\" to \"2026-11-08\"", source, Literals.DATA_SOURCE__PERIOD_FROM,
						ZcIssueCodes.INVALID_DATE);
			} else if (to.get().isBefore(from.get())) {
				error("The period ends before it starts", source, Literals.DATA_SOURCE__PERIOD_TO, ZcIssueCodes.INVALID_DATE);
			}
		}
		for (DataColumn column : source.getColumns()) {
			Optional<QuantityKind> kind = column.getUnit() == null ? Optional.empty() : ZcUnits.kindOf(column.getUnit());
			boolean electrical = column.getUnit() != null && isElectrical(column.getUnit());
			if (!electrical && (kind.isEmpty() || !Set.of(QuantityKind.POWER, QuantityKind.ENERGY, QuantityKind.RATIO).contains(kind.get()))) {
				error("Column \"" + column.getName() + "\" is in '" + column.getUnit() + "': a value column holds a power (kW), an energy (kWh), "
						+ "a current (A), a voltage (V) or a power factor (%)", column, Literals.DATA_COLUMN__UNIT, ZcIssueCodes.METER_UNIT);
			} else if (column.isCounter() && kind.filter(k -> k == QuantityKind.ENERGY).isEmpty()) {
				error("Only an energy column can be a counter", column, Literals.DATA_COLUMN__COUNTER, ZcIssueCodes.METER_UNIT);
			}
		}
	}

	@Check
	public void checkMeter(Meter meter) {
		DataSource source = meter.getSource();
		if (source == null || source.eIsProxy()) {
			for (EAttribute binding : List.of(Literals.METER__STATE_ITEM, Literals.METER__PROGRAM_ITEM, Literals.METER__PARTS_ITEM)) {
				if (meter.eIsSet(binding)) {
					warning("'" + meter.getName() + "' reads no data source ('from <source>'), so its " + keyword(binding) + " item is not used", meter,
							binding, ZcIssueCodes.METER_BINDING);
				}
			}
			return;
		}
		DataFormat format = source.getFormat();
		boolean derived = meter.getCurrentItem() != null;
		if (meter.getItemType() != null && format != DataFormat.MTCONNECT) {
			error("'type' binds MTConnect data items; a " + format.getLiteral() + " source binds by 'item'" + (format == DataFormat.OPCUA ? " or 'path'" : ""),
					meter, Literals.METER__ITEM_TYPE, ZcIssueCodes.METER_BINDING);
		}
		if (meter.getBrowsePath() != null && format != DataFormat.OPCUA) {
			error("'path' binds OPC UA nodes by browse path; a " + format.getLiteral() + " source binds by 'item'", meter, Literals.METER__BROWSE_PATH,
					ZcIssueCodes.METER_BINDING);
		}
		if (meter.getDataItem() == null && meter.getItemType() == null && meter.getBrowsePath() == null && !derived) {
			error("Meter '" + meter.getName() + "' reads '" + source.getName() + "' but names no item: add " + switch (format) {
				case CSV -> "item \"<column>\"";
				case MTCONNECT -> "item \"<dataItemId>\" or type \"WATTAGE\"";
				case OPCUA -> "item \"ns=2;s=<node>\" or path \"<browse path>\"";
			}, meter, Literals.METER__SOURCE, ZcIssueCodes.METER_BINDING);
			return;
		}
		if (meter.getRollover() != null && meter.getMeasures() == MeteredQuantity.POWER) {
			error("A rollover applies to energy counters; this meter measures power", meter, Literals.METER__ROLLOVER, ZcIssueCodes.METER_UNIT);
		}
		MeteredQuantity measures = meter.eIsSet(Literals.METER__MEASURES) ? meter.getMeasures() : null;
		if (format == DataFormat.CSV) {
			checkColumns(meter, source, measures, derived);
		} else if (format == DataFormat.MTCONNECT && meter.getItemType() != null) {
			String type = meter.getItemType().toUpperCase(Locale.ROOT);
			MeteredQuantity of = MTCONNECT_POWER.contains(type) ? MeteredQuantity.POWER : MTCONNECT_ENERGY.contains(type) ? MeteredQuantity.ENERGY : null;
			if (of == null) {
				error(MTCONNECT_PARTS.contains(type) ? "'" + meter.getItemType() + "' alone is no power: bind current, voltage and power factor "
						+ "(current \"<id>\" voltage \"<id>\" factor \"<id>\")" : "'" + meter.getItemType() + "' is not an MTConnect energy data item: "
								+ "use WATTAGE (a power) or ELECTRICAL_ENERGY (an energy)", meter, Literals.METER__ITEM_TYPE, ZcIssueCodes.METER_UNIT);
			} else if (measures != null && measures != of) {
				error(mismatch(meter, measures, "data items of type " + meter.getItemType(), of), meter, Literals.METER__ITEM_TYPE,
						ZcIssueCodes.METER_UNIT);
			}
		}
		if (derived && measures == MeteredQuantity.ENERGY) {
			error("Current x voltage x power factor is a power; this meter measures energy", meter, Literals.METER__CURRENT_ITEM,
					ZcIssueCodes.METER_UNIT);
		}
		if (meter.getPhases() != null && meter.getPhases() != 1 && meter.getPhases() != 3) {
			error("Phases are 1 or 3", meter, Literals.METER__PHASES, ZcIssueCodes.METER_BINDING);
		}
		checkThresholds(meter);
	}

	private void checkColumns(Meter meter, DataSource source, MeteredQuantity measures, boolean derived) {
		if (source.getColumns().isEmpty()) {
			return; // no declared columns: checked against the file's header when it is read
		}
		List<String> names = source.getColumns().stream().map(DataColumn::getName).toList();
		for (String item : derived ? new String[] { meter.getCurrentItem(), meter.getVoltageItem(), meter.getPowerFactorItem() }
				: new String[] { meter.getDataItem() }) {
			if (item == null) {
				continue;
			}
			Optional<DataColumn> column = source.getColumns().stream().filter(c -> item.equals(c.getName())).findFirst();
			if (column.isEmpty()) {
				String close = CriteriaValidator.closest(item, names);
				error("Source '" + source.getName() + "' declares no column \"" + item + "\"" + (close == null ? "; it has " + String.join(", ", names)
						: "; did you mean \"" + close + "\"?"), meter, derived ? Literals.METER__CURRENT_ITEM : Literals.METER__DATA_ITEM,
						ZcIssueCodes.UNKNOWN_COLUMN, close == null ? new String[0] : new String[] { close });
				continue;
			}
			if (derived) {
				continue;
			}
			Optional<QuantityKind> kind = ZcUnits.kindOf(column.get().getUnit());
			MeteredQuantity of = kind.filter(k -> k == QuantityKind.POWER).isPresent() ? MeteredQuantity.POWER
					: kind.filter(k -> k == QuantityKind.ENERGY).isPresent() ? MeteredQuantity.ENERGY : null;
			if (of == null) {
				error("Column \"" + item + "\" is in " + column.get().getUnit() + ": bind a power or energy column, or a current with its voltage "
						+ "(current \"..\" voltage \"..\")", meter, Literals.METER__DATA_ITEM, ZcIssueCodes.METER_UNIT);
			} else if (measures != null && measures != of) {
				error(mismatch(meter, measures, "column \"" + item + "\" (" + column.get().getUnit() + ")", of), meter, Literals.METER__DATA_ITEM,
						ZcIssueCodes.METER_UNIT);
			}
		}
	}

	private static String mismatch(Meter meter, MeteredQuantity measures, String what, MeteredQuantity of) {
		return "Meter '" + meter.getName() + "' measures " + measures.getLiteral() + ", but " + what + " holds " + (of == MeteredQuantity.POWER
				? "a power" : "an energy") + ": bind it to " + (measures == MeteredQuantity.POWER ? "a power" : "an energy") + " item, or write 'measures "
				+ of.getLiteral() + "'";
	}

	private void checkThresholds(Meter meter) {
		StateThreshold previous = null;
		for (StateThreshold threshold : meter.getThresholds()) {
			if (previous != null && convertible(previous.getLimit(), threshold.getLimit())
					&& in(threshold.getLimit(), "W").compareTo(in(previous.getLimit(), "W")) <= 0) {
				error("Thresholds go upwards: " + threshold.getState().getLiteral() + " below " + text(threshold.getLimit()) + " comes after "
						+ previous.getState().getLiteral() + " below " + text(previous.getLimit()), threshold, Literals.STATE_THRESHOLD__LIMIT,
						ZcIssueCodes.THRESHOLD_ORDER);
			}
			previous = threshold;
		}
	}

	@Check
	public void checkUseStage(Methodology methodology) {
		if (methodology.getTolerance() != null && methodology.getUseStage() != UseStageBasis.RECONCILED) {
			warning("A tolerance applies to 'use stage reconciled' only", methodology, Literals.METHODOLOGY__TOLERANCE, ZcIssueCodes.METER_BINDING);
		}
	}

	private static boolean isElectrical(String unit) {
		return ZcUnits.isCompatible(unit, "A") || ZcUnits.isCompatible(unit, "V");
	}

	private static String keyword(EAttribute option) {
		return switch (option.getName()) {
			case "timestampColumn" -> "timestamp";
			case "stateColumn" -> "state";
			case "programColumn" -> "program";
			case "partsColumn", "partsItem" -> "count";
			case "stateItem" -> "state";
			case "programItem" -> "program";
			default -> option.getName();
		};
	}
}
