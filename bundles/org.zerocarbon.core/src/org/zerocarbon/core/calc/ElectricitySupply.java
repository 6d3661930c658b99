package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;
import static org.zerocarbon.core.calc.Names.qualifiedName;
import static org.zerocarbon.core.calc.Names.uri;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.Contract;
import org.zerocarbon.model.zc.ContractKind;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.GenerationKind;
import org.zerocarbon.model.zc.Instrument;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Site;

/**
 * Electricity supply with contractual instruments, both scope-2 methods (GHG Protocol Scope 2 guidance), on an
 * annual basis.
 * <ul>
 * <li>Location-based: grid-delivered energy × grid average, plus direct-line and on-site energy × their own rate.</li>
 * <li>Market-based: the instruments in the hierarchy direct line and on-site generation, PPAs, certificates (rate 0),
 * supplier-specific (tariff, supplier), then the residual mix for what is left (no residual factor: the grid average,
 * with a finding). An instrument only covers what is left; its surplus is over-claimed (finding {@code overClaim}).
 * Shares ({@code share 10 %}) are of the consumption.</li>
 * <li>Sharing: the subject's own instruments (a line's, a park's) come first in each step of the hierarchy; a
 * site's instruments are shared pro rata by annual electricity consumption among every line and park on the site, so
 * each gets the same part {@code own consumption / site consumption} of each of them.</li>
 * </ul>
 */
final class ElectricitySupply {

	/** Written into the notes of every result that uses site electricity. */
	static final String RULE = "Scope 2 is reported both ways. Location-based: grid-delivered electricity × the grid average, plus "
			+ "direct-line and on-site electricity × their own rate. Market-based: direct line and on-site generation first, then PPAs, "
			+ "certificates (0 g/kWh), supplier-specific contracts, then the residual mix for the remainder. The subject's own "
			+ "instruments come first in each step; a site's instruments are shared pro rata by annual electricity consumption among "
			+ "all lines and parks on the site.";

	/**
	 * The electricity intensity of one supply, per kWh, as the product system needs it: {@code viaShare} kWh drawn
	 * from the factor {@code via} (the grid, location-based), an own location-based intensity (direct and on-site
	 * generation at their rate, fossil), and the market-based intensity.
	 */
	record Mix(String name, EmissionFactor via, double viaShare, double ownPerKWh, double marketPerKWh) {
	}

	/**
	 * @param mix        the intensities per kWh
	 * @param rows       location-based and market-based rows over the assessed period
	 * @param locationKg location-based kg CO2e over the period
	 * @param marketKg   market-based kg CO2e over the period
	 * @param cleanKWh   energy covered by zero-rate instruments (contractual clean energy) per year
	 */
	record Result(Mix mix, List<InstrumentUse> rows, double locationKg, double marketKg, double cleanKWh) {
	}

	/** An instrument as applied to one subject: its available energy per year (already its pro-rata part). */
	private record Use(Instrument instrument, String kind, double kWh, double rate, String note) {
	}

	private ElectricitySupply() {
	}

	/**
	 * Applies instruments to an annual consumption.
	 *
	 * @param name        the subject, for the mix's name
	 * @param consumption annual consumption in kWh
	 * @param years       the assessed period in years (rows are reported over it)
	 * @param own         the subject's own instruments
	 * @param site        the site (its grid, residual mix, market and instruments), or null
	 * @param siteShare   the subject's pro-rata part (0..1) of the site's instruments
	 * @param gridElement the element the grid rows name (the site, or a park's grid sources)
	 * @param grid        the grid-average factor, or null
	 * @param gridPerKWh  the grid average in kg CO2e per kWh (from {@code grid}, or the energy-weighted average of a park's
	 *                    grid sources)
	 */
	static Result apply(String name, double consumption, double years, List<Instrument> own, Site site, double siteShare, EObject gridElement,
			EmissionFactor grid, double gridPerKWh, Methodology methodology, List<String> notes, List<Finding> findings) {
		List<Use> uses = new ArrayList<>();
		collect(own, 1, consumption, "", uses);
		if (site != null) {
			collect(site.getInstruments(), siteShare, consumption, siteShare < 1 - 1e-12
					? String.format(Locale.ROOT, "%.4g %% of site %s's instrument, pro rata by consumption", 100 * siteShare, site.getName())
					: "site " + site.getName() + "'s instrument", uses);
		}
		uses.sort(Comparator.comparingInt(u -> rank(u.kind())));
		List<InstrumentUse> rows = new ArrayList<>();
		double remaining = consumption;
		double generated = 0;
		double generatedKg = 0;
		double marketKg = 0;
		double clean = 0;
		for (Use use : uses) {
			double covered = Math.min(use.kWh(), Math.max(remaining, 0));
			double surplus = use.kWh() - covered;
			if (surplus > 1e-6 * Math.max(1, use.kWh())) {
				findings.add(new Finding(use.instrument() instanceof Certificate ? "error" : "warning", "overClaim",
						use.instrument().getName() + " (" + use.kind() + ") offers " + format(use.kWh()) + " kWh a year to " + name
								+ ", but only " + format(covered) + " kWh of consumption were left to cover: " + format(surplus)
								+ " kWh are over-claimed and not counted.",
						qualifiedName(use.instrument()), uri(use.instrument())));
			}
			remaining -= covered;
			marketKg += covered * use.rate();
			if (use.rate() == 0) {
				clean += covered;
			}
			if (use.kind().equals("direct") || use.kind().equals("onsite")) {
				generated += covered;
				generatedKg += covered * use.rate();
				rows.add(new InstrumentUse(qualifiedName(use.instrument()), uri(use.instrument()), "location:" + use.kind(), covered * years,
						use.rate(), covered * use.rate() * years, "own rate" + (use.note().isEmpty() ? "" : "; " + use.note())));
			}
			rows.add(new InstrumentUse(qualifiedName(use.instrument()), uri(use.instrument()), use.kind(), covered * years, use.rate(),
					covered * use.rate() * years, use.note()));
		}
		double gridKWh = Math.max(consumption - generated, 0);
		if (consumption > 0) {
			rows.add(0, new InstrumentUse(gridElement == null ? name : qualifiedName(gridElement), uri(gridElement), "location:grid",
					gridKWh * years, gridPerKWh, gridKWh * gridPerKWh * years, grid == null ? "grid average of the sources" : "grid average "
							+ qualifiedName(grid)));
		}
		if (remaining > 1e-9) {
			EmissionFactor residual = site == null ? null : site.getResidual();
			if (residual != null) {
				double rate = Quantities.factor(residual, "residual mix of site " + site.getName()).kgCO2ePerUnit();
				marketKg += remaining * rate;
				rows.add(new InstrumentUse(qualifiedName(residual), uri(residual), "residual", remaining * years, rate, remaining * rate * years,
						"residual mix for the consumption no instrument covers"));
			} else {
				marketKg += remaining * gridPerKWh;
				rows.add(new InstrumentUse(gridElement == null ? name : qualifiedName(gridElement), uri(gridElement), "grid-average-fallback",
						remaining * years, gridPerKWh, remaining * gridPerKWh * years, "no residual-mix factor: the grid average is used"));
				if (!uses.isEmpty()) {
					findings.add(new Finding("warning", "noResidualMix", "The market-based figure of " + name + " uses the grid average for the "
							+ format(remaining) + " kWh a year no instrument covers: " + (site == null ? "no site" : "site " + site.getName())
							+ " gives no residual-mix factor, so certificates and contracts may be double counted.",
							site == null ? null : qualifiedName(site), uri(site)));
					notes.add("Market-based scope 2 of " + name + ": no residual-mix factor, the grid average is used for the remainder.");
				}
			}
		}
		double locationKg = gridKWh * gridPerKWh + generatedKg;
		double viaShare = consumption > 0 && grid != null ? gridKWh / consumption : 0;
		double ownPerKWh = consumption > 0 ? (generatedKg + (grid == null ? gridKWh * gridPerKWh : 0)) / consumption : 0;
		double marketPerKWh = consumption > 0 ? marketKg / consumption : gridPerKWh;
		return new Result(new Mix("electricity of " + name, grid, viaShare, ownPerKWh, marketPerKWh), rows, locationKg * years, marketKg * years,
				clean);
	}

	private static int rank(String kind) {
		return switch (kind) {
			case "direct" -> 0;
			case "onsite" -> 1;
			case "ppa" -> 2;
			case "certificate" -> 3;
			default -> 4;
		};
	}

	private static void collect(List<Instrument> instruments, double share, double consumption, String note, List<Use> uses) {
		for (Instrument instrument : instruments) {
			String where = "instrument " + instrument.getName();
			if (instrument instanceof Generation g) {
				double kwh = Quantities.in(g.getAmount(), "kWh", where) * share;
				uses.add(new Use(g, g.getKind() == GenerationKind.DIRECT ? "direct" : "onsite", kwh, rate(g.getRate(), g.getFactor(), where), note));
			} else if (instrument instanceof Contract c) {
				double kwh = c.getShare() != null ? Quantities.fraction(c.getShare(), where) * consumption
						: Quantities.in(c.getAmount(), "kWh", where) * share;
				String kind = c.getKind() == ContractKind.PPA ? "ppa" : c.getKind() == ContractKind.TARIFF ? "tariff" : "supplier";
				uses.add(new Use(c, kind, kwh, rate(c.getRate(), c.getFactor(), where), note));
			} else if (instrument instanceof Certificate c) {
				// the quality of a certificate (vintage window, market, tracking id, retired) is the validator's: SupplyValidator
				uses.add(new Use(c, "certificate", Quantities.in(c.getAmount(), "kWh", where) * share, 0, note));
			}
		}
	}

	/** An instrument's emission rate in kg CO2e per kWh: its rate, its factor, or 0. */
	static double rate(Quantity rate, EmissionFactor factor, String where) {
		if (rate != null) {
			return Quantities.in(rate, "kgCO2e/kWh", where + ", rate");
		}
		if (factor != null) {
			Quantities.FactorValue value = Quantities.factor(factor, where);
			if (!value.activityUnit().equals("kWh")) {
				throw new CalculationException(factor, where + ": factor '" + factor.getName() + "' is not per unit of energy");
			}
			return value.kgCO2ePerUnit();
		}
		return 0;
	}

	/** Findings for tracking ids claimed by more than one certificate anywhere in the model set. */
	static void duplicateTracking(EObject subject, List<Instrument> own, Site site, List<Finding> findings) {
		List<Instrument> used = new ArrayList<>(own);
		if (site != null) {
			used.addAll(site.getInstruments());
		}
		if (used.stream().noneMatch(Certificate.class::isInstance) || subject.eResource() == null || subject.eResource().getResourceSet() == null) {
			return;
		}
		var set = subject.eResource().getResourceSet();
		java.util.Map<String, List<Certificate>> byId = new java.util.TreeMap<>();
		// instruments belong to sites, lines and parks, all top-level elements (a scenario's supply is not the model's)
		for (EObject element : Names.topLevelElements(set)) {
			List<Instrument> instruments = element instanceof Site s ? s.getInstruments()
					: element instanceof org.zerocarbon.model.zc.Line l ? l.getInstruments()
							: element instanceof org.zerocarbon.model.zc.Park p ? p.getInstruments() : List.of();
			for (Instrument instrument : instruments) {
				if (instrument instanceof Certificate c && c.getTracking() != null && !c.getTracking().isBlank()) {
					byId.computeIfAbsent(c.getTracking(), k -> new ArrayList<>()).add(c);
				}
			}
		}
		byId.forEach((id, certificates) -> {
			if (certificates.size() > 1 && certificates.stream().anyMatch(used::contains)) {
				for (Certificate c : certificates) {
					findings.add(new Finding("error", "duplicateTracking", "Tracking id \"" + id + "\" is claimed by " + certificates.size()
							+ " certificates: " + String.join(", ", certificates.stream().map(Names::qualifiedName).toList()) + ".",
							qualifiedName(c), uri(c)));
				}
			}
		});
	}
}
