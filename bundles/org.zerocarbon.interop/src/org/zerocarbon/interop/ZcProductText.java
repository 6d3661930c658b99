package org.zerocarbon.interop;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.zerocarbon.lang.batch.ZcLanguage;

/**
 * The language's text of a declared product: {@code product Name "…" per 1 kg { module … epd "…" … }}, and the
 * names and strings it needs (DSL IDs that are not keywords, escaped strings, plain decimal numbers).
 */
public final class ZcProductText {

	private static volatile Set<String> keywords;

	private ZcProductText() {
	}

	/** Every keyword of the grammar (read from the grammar, so that new keywords are avoided too). */
	public static Set<String> keywords() {
		Set<String> k = keywords;
		if (k == null) {
			k = new TreeSet<>(GrammarUtil.getAllKeywords(ZcLanguage.injector().getInstance(IGrammarAccess.class).getGrammar()));
			keywords = k;
		}
		return k;
	}

	/**
	 * A DSL ID for a product name: CamelCase words of ASCII letters and digits ("Grey iron casting EN-GJL-250" →
	 * {@code GreyIronCastingENGJL250}), at most 60 characters, {@code P} in front of a leading digit, and
	 * {@code _2}, {@code _3} … appended when it is a keyword or {@code taken} has it. The result is added to
	 * {@code taken}.
	 */
	public static String name(String text, Set<String> taken) {
		String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
				.replace("ß", "ss");
		StringBuilder name = new StringBuilder();
		for (String word : ascii.split("[^A-Za-z0-9]+")) {
			if (word.isEmpty()) {
				continue;
			}
			name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
			if (name.length() >= 60) {
				name.setLength(60);
				break;
			}
		}
		if (name.isEmpty()) {
			name.append("Product");
		}
		if (Character.isDigit(name.charAt(0))) {
			name.insert(0, 'P');
		}
		String base = name.toString();
		String candidate = base;
		for (int i = 2; keywords().contains(candidate) || taken.contains(candidate) || candidate.startsWith("^"); i++) {
			candidate = base + "_" + i;
		}
		taken.add(candidate);
		return candidate;
	}

	/** A DSL string literal, with {@code "} and {@code \} escaped and line breaks as spaces. */
	public static String string(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ").replace("\t", " ") + '"';
	}

	/** A number as the grammar reads it: plain decimal, shortest form that gives the double back. */
	public static String number(double value) {
		if (value == 0) {
			return "0";
		}
		BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		String plain = d.toPlainString();
		return plain.length() <= 40 ? plain : d.toString().replace("E+", "e").replace("E", "e");
	}

	/**
	 * The product's text, first line unindented, the following ones indented by {@code indent} (the product's
	 * own indentation), with a tab per level.
	 */
	public static String product(EpdDataset epd, String name, String indent) {
		String in = indent + "\t";
		StringBuilder text = new StringBuilder();
		text.append("product ").append(name).append(' ').append(string(epd.name())).append(" per ").append(number(epd.declaredAmount()))
				.append(' ').append(epd.declaredUnit()).append(" {\n");
		for (EpdDataset.ModuleValue m : epd.modules()) {
			text.append(in).append("module ").append(m.module()).append(' ').append(number(m.gwp())).append(" kgCO2e");
			if (m.fossil() != null || m.biogenic() != null || m.luluc() != null) {
				text.append(" {");
				if (m.fossil() != null) {
					text.append(" fossil ").append(number(m.fossil()));
				}
				if (m.biogenic() != null) {
					text.append(" biogenic ").append(number(m.biogenic()));
				}
				if (m.luluc() != null) {
					text.append(" luluc ").append(number(m.luluc()));
				}
				text.append(" }");
			}
			if (m.scenario() != null) {
				text.append(" scenario ").append(string(m.scenario()));
				if (m.defaultScenario()) {
					text.append(" default");
				}
			}
			if (m.gsd() != null && m.gsd() > 1) {
				text.append(" uncertainty lognormal gsd ").append(number(round(m.gsd())));
			}
			text.append('\n');
		}
		text.append(in).append("epd ").append(string(epd.uuid()));
		if (epd.version() != null) {
			text.append(" version ").append(string(epd.version()));
		}
		if (epd.validUntil() != null) {
			text.append(" valid until ").append(string(epd.validUntil()));
		}
		text.append('\n');
		StringBuilder who = new StringBuilder();
		if (epd.standard() != null) {
			who.append(" standard ").append(string(epd.standard()));
		}
		if (epd.operator() != null) {
			who.append(" operator ").append(string(epd.operator()));
		}
		if (epd.verifier() != null) {
			who.append(" verifier ").append(string(epd.verifier()));
		}
		if (!who.isEmpty()) {
			text.append(in).append(who.substring(1)).append('\n');
		}
		if (epd.file() != null) {
			text.append(in).append("file ").append(string(epd.file())).append('\n');
		}
		text.append(in).append("source ").append(string(source(epd)));
		if (epd.licence() != null) {
			text.append(" licence ").append(string(epd.licence()));
		}
		if (epd.url() != null) {
			text.append(" url ").append(string(epd.url()));
		}
		text.append('\n').append(indent).append('}');
		return text.toString();
	}

	private static String source(EpdDataset epd) {
		StringBuilder s = new StringBuilder("EPD '").append(epd.name()).append('\'');
		if (epd.operator() != null) {
			s.append(" by ").append(epd.operator());
		}
		if (epd.referenceYear() != null) {
			s.append(", reference year ").append(epd.referenceYear());
		}
		return s.toString();
	}

	private static double round(double gsd) {
		return new BigDecimal(gsd).round(new java.math.MathContext(4)).doubleValue();
	}

	/** A library name from a file name: {@code supplier-epds.zc} → {@code SupplierEpds}. */
	public static String libraryName(String fileName) {
		String base = fileName.toLowerCase(Locale.ROOT).endsWith(".zc") ? fileName.substring(0, fileName.length() - 3) : fileName;
		return name(base, new TreeSet<>());
	}
}
