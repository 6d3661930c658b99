package org.zerocarbon.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.Dimension;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.function.Calculus;
import tech.units.indriya.function.DefaultNumberSystem;
import tech.units.indriya.function.RationalNumber;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The units of the ZeroCarbon DSL, built on the JSR 385 reference implementation (Indriya).
 * <p>
 * A unit expression is what a model writes after a number: an atomic symbol ({@code kW}, {@code tce},
 * {@code kgCO2e}), symbols joined by {@code *} and {@code /} and evaluated left to right
 * ({@code kgCO2e/kWh}, {@code t*km}, {@code m3/min}), each optionally raised to an integer power
 * ({@code m^3}), or {@code %}. {@link #parse(String)} turns it into an Indriya {@link Unit}; dimension checks and
 * conversions are Indriya's.
 * <p>
 * Units that SI does not have are defined here: the CO2-equivalent mass ({@code kgCO2e}, with a base dimension of
 * its own, see {@link CarbonMass}), the tonne of coal equivalent ({@code tce} = 29.3076 GJ), the tonne of oil
 * equivalent ({@code toe} = 41.868 GJ), freight work ({@code tkm}), the bar, the year ({@code a} = 365 d) and
 * the count of parts ({@code part}, dimensionless). CO2-only masses ({@code kgCO2}) share the CO2e dimension and
 * scale: the distinction is recorded on the factor ({@code basis co2}), not in the unit.
 * <p>
 * This class uses Indriya's classes directly and never {@code javax.measure.spi.ServiceProvider}, whose
 * ServiceLoader lookup does not work across OSGi bundles. All methods are thread-safe.
 */
public final class ZcUnits {

	// Must run before Indriya's Units class is touched: Indriya finds its number system with ServiceLoader, which
	// cannot see across OSGi bundles, so the default one is installed directly.
	private static final boolean NUMBER_SYSTEM_READY = installNumberSystem();

	/** The base dimension of greenhouse-gas mass in CO2 equivalents, written {@code [C]}. */
	public static final Dimension CARBON_DIMENSION = UnitDimension.parse('C');

	/** Kilogram of CO2 equivalent, the base unit of {@link CarbonMass}. */
	public static final Unit<CarbonMass> KG_CO2E = new BaseUnit<>("kgCO2e", CARBON_DIMENSION);

	/** Tonne of coal equivalent: 29.3076 GJ (the Chinese statistical standard). */
	public static final Unit<?> TCE = Units.JOULE.multiply(new BigDecimal("29307600000"));

	private static final Map<String, Unit<?>> SYMBOLS = new LinkedHashMap<>();
	private static final Map<String, Unit<?>> PARSED = new ConcurrentHashMap<>();
	private static final Map<String, Optional<Dimension>> DIMENSIONS = new ConcurrentHashMap<>();

	static {
		Unit<?> w = Units.WATT;
		define("W", w);
		define("kW", w.multiply(n(1000)));
		define("MW", w.multiply(n(1_000_000)));
		define("GW", w.multiply(n(1_000_000_000)));
		Unit<?> j = Units.JOULE;
		define("J", j);
		define("kJ", j.multiply(n(1000)));
		define("MJ", j.multiply(n(1_000_000)));
		define("GJ", j.multiply(n(1_000_000_000L)));
		define("TJ", j.multiply(n(1_000_000_000_000L)));
		Unit<?> wh = j.multiply(n(3600));
		define("Wh", wh);
		define("kWh", wh.multiply(n(1000)));
		define("MWh", wh.multiply(n(1_000_000)));
		define("GWh", wh.multiply(n(1_000_000_000L)));
		define("TWh", wh.multiply(n(1_000_000_000_000L)));
		define("tce", TCE);
		define("kgce", TCE.divide(n(1000)));
		define("toe", j.multiply(new BigDecimal("41868000000")));
		Unit<?> kg = Units.KILOGRAM;
		define("g", kg.divide(n(1000)));
		define("kg", kg);
		define("t", kg.multiply(n(1000)));
		define("kt", kg.multiply(n(1_000_000)));
		define("Mt", kg.multiply(n(1_000_000_000L)));
		Unit<?> c = KG_CO2E;
		for (String gas : new String[] { "CO2e", "CO2" }) {
			define("g" + gas, c.divide(n(1000)));
			define("kg" + gas, c);
			define("t" + gas, c.multiply(n(1000)));
			define("kt" + gas, c.multiply(n(1_000_000)));
			define("Mt" + gas, c.multiply(n(1_000_000_000L)));
		}
		Unit<?> s = Units.SECOND;
		define("ms", s.divide(n(1000)));
		define("s", s);
		define("min", s.multiply(n(60)));
		define("h", s.multiply(n(3600)));
		define("d", s.multiply(n(86_400)));
		define("wk", s.multiply(n(604_800)));
		define("a", s.multiply(n(31_536_000)));
		define("yr", s.multiply(n(31_536_000)));
		Unit<?> m = Units.METRE;
		define("mm", m.divide(n(1000)));
		define("cm", m.divide(n(100)));
		define("m", m);
		define("km", m.multiply(n(1000)));
		define("tkm", kg.multiply(n(1000)).multiply(m.multiply(n(1000))));
		define("m2", m.pow(2));
		define("m3", m.pow(3));
		define("Nm3", m.pow(3));
		define("l", m.pow(3).divide(n(1000)));
		define("L", m.pow(3).divide(n(1000)));
		Unit<?> pa = Units.PASCAL;
		define("Pa", pa);
		define("kPa", pa.multiply(n(1000)));
		define("MPa", pa.multiply(n(1_000_000)));
		define("mbar", pa.multiply(n(100)));
		define("bar", pa.multiply(n(100_000)));
		define("K", Units.KELVIN);
		define("degC", Units.CELSIUS);
		define("Hz", Units.HERTZ);
		define("A", Units.AMPERE);
		define("V", Units.VOLT);
		define("part", AbstractUnit.ONE);
		define("parts", AbstractUnit.ONE);
		define("pcs", AbstractUnit.ONE);
		define("%", Units.PERCENT);
	}

	private ZcUnits() {
	}

	private static boolean installNumberSystem() {
		Calculus.setCurrentNumberSystem(new DefaultNumberSystem());
		return true;
	}

	/** Exact scale factors: a primitive argument would pick Indriya's double overload. */
	private static Number n(long factor) {
		return Long.valueOf(factor);
	}

	private static void define(String symbol, Unit<?> unit) {
		SYMBOLS.put(symbol, unit);
	}

	/** The known atomic symbols, in a stable order grouped by dimension (power, energy, mass ...). */
	public static List<String> symbols() {
		return Collections.unmodifiableList(new ArrayList<>(SYMBOLS.keySet()));
	}

	/** Whether a string is a known atomic symbol (case-sensitive: {@code MW} is not {@code mW}). */
	public static boolean isSymbol(String symbol) {
		return SYMBOLS.containsKey(symbol);
	}

	/**
	 * Reads a unit expression.
	 *
	 * @param expression e.g. {@code kW}, {@code kgCO2e/kWh}, {@code t*km}, {@code m^3}, {@code %}; blanks between
	 *                   symbols and operators are ignored
	 * @return the Indriya unit
	 * @throws UnitSyntaxException if a symbol is unknown or the expression is malformed
	 */
	public static Unit<?> parse(String expression) {
		if (expression == null) {
			throw new UnitSyntaxException("A unit is missing", null, null);
		}
		String key = expression.replace(" ", "");
		Unit<?> cached = PARSED.get(key);
		if (cached != null) {
			return cached;
		}
		Unit<?> unit = doParse(key);
		PARSED.put(key, unit);
		return unit;
	}

	/** {@link #parse(String)}, or empty when the expression is not a valid unit. */
	public static Optional<Unit<?>> tryParse(String expression) {
		try {
			return Optional.of(parse(expression));
		} catch (UnitSyntaxException e) {
			return Optional.empty();
		}
	}

	private static Unit<?> doParse(String expression) {
		if (expression.isEmpty()) {
			throw new UnitSyntaxException("A unit is missing", null, null);
		}
		Unit<?> result = null;
		char operator = '*';
		int i = 0;
		while (i <= expression.length()) {
			int end = i;
			while (end < expression.length() && expression.charAt(end) != '*' && expression.charAt(end) != '/') {
				end++;
			}
			Unit<?> term = term(expression.substring(i, end), expression);
			result = result == null ? term : operator == '*' ? result.multiply(term) : result.divide(term);
			if (end == expression.length()) {
				break;
			}
			operator = expression.charAt(end);
			i = end + 1;
		}
		return result;
	}

	private static Unit<?> term(String term, String expression) {
		if (term.isEmpty()) {
			throw new UnitSyntaxException("The unit '" + expression + "' is malformed: a symbol is missing next to '*' or '/'",
					null, null);
		}
		String symbol = term;
		int exponent = 1;
		int caret = term.indexOf('^');
		if (caret >= 0) {
			symbol = term.substring(0, caret);
			try {
				exponent = Integer.parseInt(term.substring(caret + 1));
			} catch (NumberFormatException e) {
				throw new UnitSyntaxException("The exponent in '" + term + "' must be a whole number", null, null);
			}
		}
		Unit<?> unit = SYMBOLS.get(symbol);
		if (unit == null) {
			String suggestion = suggest(symbol);
			throw new UnitSyntaxException("Unknown unit '" + symbol + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"),
					symbol, suggestion);
		}
		return exponent == 1 ? unit : unit.pow(exponent);
	}

	/**
	 * A known symbol close to an unknown one: the same letters in another case ({@code kwh} → {@code kWh}), a
	 * common spelling ({@code kgCO2eq} → {@code kgCO2e}), or the one at the smallest edit distance (at most 2).
	 *
	 * @return the suggestion, or null when nothing is close
	 */
	public static String suggest(String unknown) {
		if (unknown == null || unknown.isEmpty()) {
			return null;
		}
		for (String symbol : SYMBOLS.keySet()) {
			if (symbol.equalsIgnoreCase(unknown)) {
				return symbol;
			}
		}
		String normalised = unknown.replace("CO2eq", "CO2e").replace("co2e", "CO2e").replace("CO2-eq", "CO2e");
		if (SYMBOLS.containsKey(normalised)) {
			return normalised;
		}
		String lower = unknown.toLowerCase(Locale.ROOT);
		if (lower.equals("y") || lower.equals("year") || lower.equals("years")) {
			return "a";
		}
		if (lower.equals("hr") || lower.equals("hrs") || lower.equals("hour") || lower.equals("hours")) {
			return "h";
		}
		String best = null;
		int bestDistance = 3;
		for (String symbol : SYMBOLS.keySet()) {
			int distance = distance(lower, symbol.toLowerCase(Locale.ROOT));
			if (distance < bestDistance && symbol.length() > 1) {
				best = symbol;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** Levenshtein edit distance of two strings (insertions, deletions and substitutions of one character). */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The dimension of a unit expression, or empty when it is not a valid unit. Cached: a model repeats a handful of
	 * units many thousand times, and Indriya computes a product unit's dimension on every call.
	 */
	public static Optional<Dimension> dimensionOf(String expression) {
		if (expression == null) {
			return Optional.empty();
		}
		return DIMENSIONS.computeIfAbsent(expression, e -> tryParse(e).map(Unit::getDimension));
	}

	/**
	 * The kind a unit expression denotes, or empty when the expression is invalid or of no known kind. Cached like
	 * {@link #dimensionOf}: finding the kind compares the dimension with every kind's.
	 */
	public static Optional<QuantityKind> kindOf(String expression) {
		if (expression == null) {
			return Optional.empty();
		}
		return KINDS.computeIfAbsent(expression, e -> tryParse(e).flatMap(QuantityKind::of));
	}

	private static final Map<String, Optional<QuantityKind>> KINDS = new ConcurrentHashMap<>();

	/** Whether two unit expressions are valid and have the same dimension (so one converts to the other). */
	public static boolean isCompatible(String a, String b) {
		Optional<Unit<?>> ua = tryParse(a);
		Optional<Unit<?>> ub = tryParse(b);
		return ua.isPresent() && ub.isPresent() && ua.get().isCompatible(ub.get());
	}

	/**
	 * Converts a value between two unit expressions with Indriya's exact (rational) converters; the result is
	 * rounded to 16 significant digits only where it is not a terminating decimal.
	 *
	 * @throws UnitSyntaxException     if either expression is invalid
	 * @throws IllegalArgumentException if the units have different dimensions (e.g. kWh to kW)
	 */
	public static BigDecimal convert(BigDecimal value, String from, String to) {
		return toBigDecimal(converter(from, to).convert(value));
	}

	/** Converts a value between two units; see {@link #convert(BigDecimal, String, String)}. */
	public static double convert(double value, String from, String to) {
		if (from.equals(to)) {
			return value;
		}
		return converter(from, to).convert(value);
	}

	/**
	 * Converters by "from to": Indriya builds a converter anew on each request (for the validator's state powers that
	 * was 17 % of a keystroke in the language server), and a model repeats few pairs. Converters are immutable. The
	 * cache is emptied when it grows past {@value #MAX_CONVERTERS} pairs (a session of typing can invent many).
	 */
	private static final Map<String, UnitConverter> CONVERTERS = new ConcurrentHashMap<>();
	private static final int MAX_CONVERTERS = 4096;

	private static UnitConverter converter(String from, String to) {
		String key = from + " " + to;
		UnitConverter converter = CONVERTERS.get(key);
		if (converter == null) {
			converter = converter(parse(from), parse(to), from, to);
			if (CONVERTERS.size() >= MAX_CONVERTERS) {
				CONVERTERS.clear();
			}
			CONVERTERS.put(key, converter);
		}
		return converter;
	}

	private static UnitConverter converter(Unit<?> from, Unit<?> to, String fromText, String toText) {
		try {
			return from.getConverterToAny(to);
		} catch (IncommensurableException | UnconvertibleException e) {
			throw new IllegalArgumentException("Cannot convert '" + fromText + "' to '" + toText + "': the dimensions differ ("
					+ from.getDimension() + " vs " + to.getDimension() + ")", e);
		}
	}

	private static BigDecimal toBigDecimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof RationalNumber rational) {
			return rational.bigDecimalValue();
		}
		if (number instanceof Long || number instanceof Integer) {
			return BigDecimal.valueOf(number.longValue());
		}
		return new BigDecimal(number.doubleValue(), MathContext.DECIMAL64);
	}
}
