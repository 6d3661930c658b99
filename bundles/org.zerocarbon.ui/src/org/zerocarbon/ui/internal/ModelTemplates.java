package org.zerocarbon.ui.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.zerocarbon.lang.batch.ZcLanguage;

/**
 * Skeletons of new model files, one per kind of top-level element. Every skeleton validates without errors on its
 * own and meets the error-severity criteria of the bundled methodologies (metered machines, a digital twin on
 * lines, feedback-controlled loops), so a new file never turns a project red. Figures a user must replace are
 * either flagged by the validator (a factor without source and licence) or named in a comment.
 */
public final class ModelTemplates {

	/** The kinds of model file the New Model File wizard creates. */
	public enum Kind {
		LINE("CNC line", "line", "Line"),
		LOOP("Energy loop", "loop", "EnergyLoop"),
		PARK("Industrial park", "park", "Park"),
		FACTORS("Factor library", "factors", "Factors"),
		METHODOLOGY("Methodology", "methodology", "Methodology"),
		CRITERIA("Criteria set", "criteria", "Criteria");

		private final String label;
		private final String keyword;
		private final String defaultName;

		Kind(String label, String keyword, String defaultName) {
			this.label = label;
			this.keyword = keyword;
			this.defaultName = defaultName;
		}

		/** What the wizard shows, e.g. "Energy loop". */
		public String label() {
			return label;
		}

		/** The keyword that starts the element, e.g. {@code loop}. */
		public String keyword() {
			return keyword;
		}

		/** A sensible element name for a new file of this kind. */
		public String defaultName() {
			return defaultName;
		}
	}

	/**
	 * A site with its grid factor, for lines created together with a factor library.
	 *
	 * @param name       the site's name
	 * @param region     the grid factor's region, e.g. {@code DE}
	 * @param gridFactor qualified name of the grid factor, e.g. {@code zc.lib.grid.DE_2023}
	 */
	public record Site(String name, String region, String gridFactor) {
	}

	/**
	 * Factors of a library the new line's first machine can use for what it is made of (A1-A3) and for its
	 * delivery to the site (A4), so that a new project does not start with the methodologies' "no material" and
	 * "no transport leg" warnings. Either may be null: that part is left out.
	 *
	 * @param materialFactor qualified name of a material factor per kg, e.g. {@code zc.lib.materials.Steel_crude_2021}
	 * @param truckFactor    qualified name of a road-freight factor per tkm, e.g. {@code zc.lib.transport.HGV_2015}
	 */
	public record Supply(String materialFactor, String truckFactor) {
	}

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private ModelTemplates() {
	}

	/**
	 * Checks a name typed by a user.
	 *
	 * @return null when it is a valid identifier, otherwise what is wrong with it
	 */
	public static String checkName(String name, String what) {
		if (name == null || name.isBlank()) {
			return "Enter the " + what + ".";
		}
		if (!IDENTIFIER.matcher(name).matches()) {
			return "The " + what + " '" + name + "' is not a name: use letters, digits and '_', not starting with a digit.";
		}
		return null;
	}

	/**
	 * Checks a package name typed by a user; empty means no package.
	 *
	 * @return null when valid, otherwise what is wrong with it
	 */
	public static String checkPackage(String name) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		for (String segment : name.split("\\.", -1)) {
			String problem = checkName(segment, "package segment");
			if (problem != null) {
				return segment.isEmpty() ? "The package '" + name + "' has an empty segment." : problem;
			}
		}
		return null;
	}

	/** A package name derived from a project or file name: lower case, other characters dropped. */
	public static String packageFor(String name) {
		String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]+", "_").replaceAll("^[^a-z]+", "");
		return cleaned.replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
	}

	/**
	 * The text of a new model file.
	 *
	 * @param kind        what to create
	 * @param packageName the package, or empty for none
	 * @param name        the element's name (a valid identifier; keywords are escaped)
	 * @param description the element's description, or empty for none
	 * @param site        a site to create and use (lines only), or null for a site on a placeholder grid factor
	 */
	public static String render(Kind kind, String packageName, String name, String description, Site site) {
		return render(kind, packageName, name, description, site, null);
	}

	/**
	 * The text of a new model file whose line's first machine also has a frame of the supply's material and a
	 * delivery by truck (lines only; null for neither).
	 */
	public static String render(Kind kind, String packageName, String name, String description, Site site, Supply supply) {
		StringBuilder text = new StringBuilder();
		if (!packageName.isEmpty()) {
			text.append("package ").append(qualified(packageName)).append("\n\n");
		}
		String header = kind.keyword() + " " + id(name) + (kind == Kind.PARK ? " industrial" : "") + describe(description);
		switch (kind) {
		case LINE -> line(text, header, name, packageName, site, supply);
		case LOOP -> text.append(LOOP.formatted(header));
		case PARK -> text.append(PARK.formatted(header));
		case FACTORS -> text.append(FACTORS.formatted(header));
		case METHODOLOGY -> text.append(METHODOLOGY.formatted(header, quote(description.isEmpty() ? name : description)));
		case CRITERIA -> text.append(CRITERIA.formatted(header));
		}
		return text.toString();
	}

	/**
	 * A line always gets a site, so that its machines' energy states have a grid factor and B6 is never a silent
	 * zero (issue 11 §6). Without a grid factor to use, the file gets a placeholder factor of its own: 0 g CO2e/kWh,
	 * without source or licence (the validator warns until both are given), and a comment says that B6 stays 0
	 * until it is replaced.
	 */
	private static void line(StringBuilder text, String header, String name, String packageName, Site site, Supply supply) {
		Site used = site;
		if (used == null) {
			String factor = name + "Grid";
			text.append(SITE_PLACEHOLDER.formatted(id(name + "SiteGrid"), id(factor)));
			used = new Site(name + "Site", "XX", packageName.isEmpty() ? factor : packageName + "." + factor);
		}
		text.append("site ").append(id(used.name())).append(" {\n\tregion ").append(quote(used.region())).append("\n\tgrid ")
				.append(qualified(used.gridFactor())).append("\n}\n\n");
		text.append(header).append(" {\n");
		text.append("\tsite ").append(id(used.name())).append('\n');
		text.append(LINE_BODY.formatted(id(name + "Twin"), supply(supply)));
	}

	/** The first machine's frame and delivery, indented as machine members, or "" without a supply. */
	private static String supply(Supply supply) {
		if (supply == null || supply.materialFactor() == null && supply.truckFactor() == null) {
			return "";
		}
		StringBuilder text = new StringBuilder("\t\t// What the machine is made of and how it reaches the site: replace with its bill of materials and route.\n");
		if (supply.materialFactor() != null) {
			text.append("\t\tsubassembly Frame \"Frame, castings and guards\" {\n\t\t\tmaterial 3500 kg factor ")
					.append(qualified(supply.materialFactor())).append("\n\t\t}\n");
		}
		if (supply.truckFactor() != null) {
			text.append("\t\ttransport 4 t over 500 km by truck factor ").append(qualified(supply.truckFactor())).append('\n');
		}
		return text.toString();
	}

	/** A name as the language writes it: keywords get a caret ({@code ^line}). */
	static String id(String name) {
		return Names.converter().toString(name, "ID");
	}

	/**
	 * A qualified name as the language writes it: only the first segment needs a caret when it is a keyword; the
	 * others may be keywords as they are ({@code zc.lib.transport}), and a caret there would not link.
	 */
	private static String qualified(String name) {
		int dot = name.indexOf('.');
		return dot < 0 ? id(name) : id(name.substring(0, dot)) + name.substring(dot);
	}

	private static String describe(String description) {
		return description == null || description.isBlank() ? "" : " " + quote(description.strip());
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
	}

	/** The language's value converters, created once (the injector is shared with the builder). */
	private static final class Names {
		private static IValueConverterService converter;

		static synchronized IValueConverterService converter() {
			if (converter == null) {
				converter = ZcLanguage.injector().getInstance(IValueConverterService.class);
			}
			return converter;
		}
	}

	private static final String LINE_BODY = """
				profile {
					shifts 2
					hours 4000 h per year
					service life 15 a
				}
				twin %s "Digital twin of the line" maps thermal electrical every 1 s
				// One machine to start from: replace its figures with the machine's data sheet and measurements.
				machine M1 vmc "Vertical machining centre" {
					rated 15 kW
					state off 0.1 kW for 5 %%
					state standby 1.2 kW for 25 %%
					state processing 9.5 kW for 70 %%
			%s		operation OP10 "First operation" rate 12 parts/h {
						processing 240 s
						standby 60 s
					}
					meter M1_Main machine every 1 s item "WATTAGE"
					meter M1_OP10 operation OP10 every 1 s item "ELECTRICAL_ENERGY"
				}
			}
			""";

	private static final String SITE_PLACEHOLDER = """
			// The site's grid factor gives the use stage (B6) its electricity emissions. This placeholder is 0 g CO2e/kWh:
			// B6 stays 0 until it is replaced with the grid the line buys from (e.g. a factor of zc.lib.grid), or the site
			// uses another grid factor. The validator warns until the factor has a source and a licence.
			factors %s "Placeholder grid factor of the site" {
				grid factor %s "Grid intensity of the site (placeholder: replace)" = 0 gCO2e/kWh {
					region "XX"
					year 2024
					data secondary
				}
			}

			""";

	private static final String LOOP = """
			%s {
				// A closed loop: the sensor feeds the controller, the controller drives the actuator, the actuator acts on the asset.
				asset Compressor compressor "Screw compressor" rated 30 kW
				sensor HeaderPressure measures pressure on Compressor every 1 s
				sensor CompressorPower measures power on Compressor every 1 s
				actuator CompressorDrive vfd controls Compressor
				controller PressureControl pid "Keeps the header pressure" reads HeaderPressure, CompressorPower drives CompressorDrive {
					setpoint HeaderTarget 6.3 bar
				}
			}
			""";

	private static final String PARK = """
			%s {
				// The six systems of a zero-carbon park; replace the figures with the park's own.
				energy supply Supply "Energy-supply system" {
					source GridConnection grid capacity 10 MW delivers 20000 MWh per year
					source RoofPV pv "Roof-top PV" capacity 2 MW delivers 2200 MWh per year clean
				}
				production Production "Production system" {
				}
				infrastructure Infrastructure "Infrastructure system" {
					item Lighting "Street lighting" energy 300 MWh
				}
				logistics Logistics "Logistics system" {
				}
				buildings Buildings "Buildings system" {
				}
				ecosystems Ecosystems "Ecosystem system" {
				}
				annual {
					energy 2700 tce
					emissions 9000 tCO2e
					clean share 10 %%
				}
			}
			""";

	private static final String FACTORS = """
			%s {
				// Replace the placeholder with a published figure: its value, region, year, source and licence.
				// The validator warns about a factor without source or licence until both are given.
				grid factor Grid_XX "Grid intensity of region XX (placeholder)" = 0 gCO2e/kWh {
					region "XX"
					year 2024
					data secondary
				}
			}
			""";

	private static final String METHODOLOGY = """
			%s {
				version "0.1"
				title %s
				module A1 required in scope3
				module A2 required in scope3
				module A3 required in scope1
				module A4 in scope3
				module A5 in scope3
				module B6 required in scope2
				module C1 in scope3
				module C2 in scope3
				module C3 in scope3
				module C4 in scope3
				module D separately
				functional unit MachineHour machineHour "kg CO2e per machine-hour"
				service life 15 a between 10 a and 25 a
				cutoff 1 %%
				gwp AR6
			}
			""";

	private static final String CRITERIA = """
			%s {
				reference "The document these criteria implement"
				criterion MachinesMetered "Every machine has an energy meter" {
					severity warning
					clause "Clause of the document"
					message "The machine has no energy meter"
					check every Machine m satisfies some Meter x in m.meters satisfies x.scope = machine or x.scope = operation
				}
			}
			""";
}
