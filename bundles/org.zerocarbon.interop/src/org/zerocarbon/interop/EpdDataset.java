package org.zerocarbon.interop;

import java.util.List;

/**
 * The GWP figures and provenance of one EPD, as read from an ILCD+EPD dataset or an openEPD document, in the
 * language's terms (module labels of EN 15804, units of org.zerocarbon.units). One per declared product.
 *
 * @param uuid          the dataset's UUID (ILCD {@code common:UUID}, openEPD {@code id})
 * @param version       the dataset version (ILCD {@code dataSetVersion}), or null
 * @param name          the product's name (English base name when there is one)
 * @param declaredAmount the declared unit's amount, e.g. 1
 * @param declaredUnit  the declared unit as a unit of the language, e.g. {@code kg}, {@code m2}, {@code pcs}
 * @param referenceYear the reference year, or null
 * @param validUntil    the end of validity as yyyy-MM-dd, or null
 * @param standard      the standard it complies with, e.g. "EN 15804+A2", or null
 * @param operator      the programme operator (publisher / registration authority), or null
 * @param verifier      the verifier (reviewer), or null
 * @param file          the file it was read from, as the user gave it (zip entries as {@code a.zip!/entry})
 * @param url           a URL of the EPD, or null
 * @param licence       licence or access conditions, or null
 * @param serviceLifeYears the reference service life in years, or null
 * @param modules       the module values, in file order
 */
public record EpdDataset(String uuid, String version, String name, double declaredAmount, String declaredUnit,
		String referenceYear, String validUntil, String standard, String operator, String verifier, String file, String url,
		String licence, Double serviceLifeYears, List<ModuleValue> modules) {

	public EpdDataset {
		modules = List.copyOf(modules);
	}

	/**
	 * One module's GWP, per declared unit, in kg CO2e.
	 *
	 * @param module          EN 15804 label, a single module ({@code A4}) or a range ({@code A1-A3})
	 * @param scenario        the scenario's name, or null
	 * @param defaultScenario true when it is the scenario the EPD declares as default
	 * @param gwp             GWP-total (EN 15804+A2) or GWP (EN 15804+A1)
	 * @param fossil          GWP-fossil, or null
	 * @param biogenic        GWP-biogenic, or null
	 * @param luluc           GWP-luluc, or null
	 * @param gsd             geometric standard deviation of a lognormal uncertainty, or null
	 */
	public record ModuleValue(String module, String scenario, boolean defaultScenario, double gwp, Double fossil, Double biogenic,
			Double luluc, Double gsd) {

		/** True when the declared split exists and adds up to GWP-total within 0.5 % (the language's rule). */
		public boolean splitAddsUp() {
			if (fossil == null && biogenic == null && luluc == null) {
				return false;
			}
			double sum = (fossil == null ? 0 : fossil) + (biogenic == null ? 0 : biogenic) + (luluc == null ? 0 : luluc);
			return Math.abs(sum - gwp) <= Math.max(Math.abs(gwp) * 0.005, 1e-12) && (fossil == null || fossil >= 0);
		}
	}
}
