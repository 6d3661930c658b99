package org.zerocarbon.lang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.Contract;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.ZcPackage.Literals;

import com.google.inject.Inject;

/**
 * Energy supply: the quality criteria of contractual instruments (GHG Protocol Scope 2 guidance) as diagnostics,
 * the kinds of the factors instruments and sites use, and the silent zero of a line whose machines use electricity
 * on no grid factor. Methodologies and tracking ids are looked up in the index, so they are found across files.
 */
public class SupplyValidator extends ZcRuleValidator {

	@Inject
	private ResourceDescriptionsProvider indexProvider;

	// ------------------------------------------------------------------------------------------ certificates

	/** A certificate's vintage lies in the window of every methodology (in the model set) that sets one. */
	@Check
	public void checkCertificateVintage(Certificate certificate) {
		for (IEObjectDescription methodology : index(certificate).getExportedObjectsByType(Literals.METHODOLOGY)) {
			String window = methodology.getUserData(ZcResourceDescriptionStrategy.VINTAGE);
			if (window == null) {
				continue;
			}
			String[] years = window.split("\\.\\.");
			int from = Integer.parseInt(years[0]);
			int to = Integer.parseInt(years[1]);
			String name = methodology.getName().getLastSegment();
			if (certificate.getVintage() == 0) {
				warning("Certificate '" + certificate.getName() + "' states no vintage, but methodology '" + name + "' accepts vintages "
						+ from + " to " + to + " only: add 'vintage <year>'", certificate, Literals.NAMED_ELEMENT__NAME,
						ZcIssueCodes.CERTIFICATE_WITHOUT_VINTAGE, String.valueOf(from), String.valueOf(to));
				return;
			}
			if (certificate.getVintage() < from || certificate.getVintage() > to) {
				error("The vintage " + certificate.getVintage() + " of certificate '" + certificate.getName() + "' lies outside the window of "
						+ "methodology '" + name + "' (" + from + " to " + to + "): claim certificates of a vintage from " + from + " to " + to,
						certificate, Literals.CERTIFICATE__VINTAGE, ZcIssueCodes.CERTIFICATE_VINTAGE, String.valueOf(from), String.valueOf(to));
				return;
			}
		}
	}

	/** A certificate claimed for a consumption has a tracking id and is retired (cancelled) for it. */
	@Check
	public void checkCertificateTrackingAndRetirement(Certificate certificate) {
		if (certificate.getTracking() == null || certificate.getTracking().isBlank()) {
			warning("Certificate '" + certificate.getName() + "' has no tracking id, so a verifier cannot check that it is claimed once: "
					+ "add 'tracking \"<registry id>\"'", certificate, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.CERTIFICATE_WITHOUT_TRACKING);
		}
		if (!certificate.isRetired()) {
			warning("Certificate '" + certificate.getName() + "' is not retired: only certificates cancelled for this consumption may be "
					+ "claimed; retire them in the registry and add 'retired'", certificate, Literals.NAMED_ELEMENT__NAME,
					ZcIssueCodes.CERTIFICATE_NOT_RETIRED);
		}
	}

	/** A tracking id is claimed once in the whole model set. */
	@Check
	public void checkTrackingIsUnique(Certificate certificate) {
		String tracking = certificate.getTracking();
		if (tracking == null || tracking.isBlank()) {
			return;
		}
		Resource resource = certificate.eResource();
		List<String> others = new ArrayList<>();
		// this file as it is now (the index may hold an older copy of it) ...
		for (Certificate other : EcoreUtil2.eAllOfType(EcoreUtil.getRootContainer(certificate), Certificate.class)) {
			if (other != certificate && tracking.equals(other.getTracking())) {
				others.add("'" + other.getName() + "'");
			}
		}
		// ... and every other file of the model set
		for (IEObjectDescription other : index(certificate).getExportedObjectsByType(Literals.CERTIFICATE)) {
			if (!inResource(other, resource) && tracking.equals(other.getUserData(ZcResourceDescriptionStrategy.TRACKING))) {
				others.add("'" + other.getName() + "' in " + other.getEObjectURI().trimFragment().lastSegment());
			}
		}
		if (!others.isEmpty()) {
			error("The tracking id \"" + tracking + "\" of certificate '" + certificate.getName() + "' is also claimed by " + String.join(", ", others)
					+ ": a certificate can be claimed once only; remove one claim or correct its tracking id", certificate,
					Literals.CERTIFICATE__TRACKING, ZcIssueCodes.DUPLICATE_TRACKING);
		}
	}

	/** Whether an index entry describes an element of that resource (by its live object, its URI or the normalized URI). */
	private static boolean inResource(IEObjectDescription description, Resource resource) {
		if (resource == null) {
			return false;
		}
		EObject object = description.getEObjectOrProxy();
		if (object != null && !object.eIsProxy() && object.eResource() == resource) {
			return true;
		}
		URI uri = description.getEObjectURI().trimFragment();
		return uri.equals(resource.getURI()) || resource.getResourceSet() != null
				&& resource.getResourceSet().getURIConverter().normalize(resource.getURI()).equals(uri);
	}

	// ------------------------------------------------------------------------------------------ markets and factors

	@Check
	public void checkCertificateMarket(Certificate certificate) {
		checkMarket(certificate, certificate.getMarket(), Literals.CERTIFICATE__MARKET);
	}

	@Check
	public void checkContract(Contract contract) {
		checkMarket(contract, contract.getMarket(), Literals.CONTRACT__MARKET);
		checkSupplyFactor(contract, contract.getFactor(), Literals.CONTRACT__FACTOR);
	}

	@Check
	public void checkGeneration(Generation generation) {
		checkSupplyFactor(generation, generation.getFactor(), Literals.GENERATION__FACTOR);
	}

	/** An instrument's market is the consumption's: the market of the site it supplies, else the site's region. */
	private void checkMarket(EObject instrument, String market, org.eclipse.emf.ecore.EAttribute feature) {
		Site site = siteOf(instrument);
		if (market == null || site == null) {
			return;
		}
		String consumption = site.getMarket() != null ? site.getMarket() : site.getRegion();
		if (consumption != null && !consumption.equalsIgnoreCase(market)) {
			warning("The instrument '" + ((org.zerocarbon.model.zc.NamedElement) instrument).getName() + "' is for market '" + market
					+ "', but site '" + site.getName() + "' consumes in market '" + consumption + "': instruments count only in the "
					+ "market of the consumption; use an instrument of market \"" + consumption + "\"", instrument, feature,
					ZcIssueCodes.MARKET_MISMATCH, consumption);
		}
	}

	/** The site whose consumption an instrument covers: its own site, or the site of its line or park. */
	private static Site siteOf(EObject instrument) {
		EObject owner = instrument.eContainer();
		if (owner instanceof Site site) {
			return site;
		}
		Site site = owner instanceof Line line ? line.getSite() : owner instanceof Park park ? park.getSite() : null;
		return site == null || site.eIsProxy() ? null : site;
	}

	/** A contract's or a generation's factor is an electricity factor: a grid or a residual-mix factor. */
	private void checkSupplyFactor(EObject owner, EmissionFactor factor, org.eclipse.emf.ecore.EReference reference) {
		if (factor != null && !factor.eIsProxy() && factor.getKind() != FactorKind.GRID && factor.getKind() != FactorKind.RESIDUAL) {
			error("The factor of an energy instrument is an electricity factor (a grid or residual factor, per kWh), but '"
					+ factor.getName() + "' is a " + factor.getKind().getLiteral() + " factor: name a grid factor or write 'rate <kgCO2e/kWh>'",
					owner, reference, ZcIssueCodes.FACTOR_KIND_MISMATCH, FactorKind.GRID.getLiteral());
		}
	}

	/** A site's residual mix is a residual factor of the site's region. */
	@Check
	public void checkResidual(Site site) {
		EmissionFactor residual = site.getResidual();
		if (residual == null || residual.eIsProxy()) {
			return;
		}
		if (residual.getKind() != FactorKind.RESIDUAL) {
			error("The residual mix of site '" + site.getName() + "' must be a residual factor, but '" + residual.getName() + "' is a "
					+ residual.getKind().getLiteral() + " factor: declare it as 'residual factor ...' or name a residual factor", site,
					Literals.SITE__RESIDUAL, ZcIssueCodes.FACTOR_KIND_MISMATCH, FactorKind.RESIDUAL.getLiteral());
		} else if (site.getRegion() != null && residual.getRegion() != null && !site.getRegion().equalsIgnoreCase(residual.getRegion())) {
			warning("Site '" + site.getName() + "' is in region '" + site.getRegion() + "' but its residual mix '" + residual.getName()
					+ "' is for region '" + residual.getRegion() + "': use the residual mix of region '" + site.getRegion() + "'", site,
					Literals.SITE__RESIDUAL, ZcIssueCodes.RESIDUAL_REGION_MISMATCH, residual.getRegion());
		}
	}

	// ------------------------------------------------------------------------------------------ methodologies

	@Check
	public void checkVintageWindow(Methodology methodology) {
		if (methodology.getVintageFrom() > methodology.getVintageTo()) {
			error("The vintage window of methodology '" + methodology.getName() + "' starts after it ends (" + methodology.getVintageFrom()
					+ " to " + methodology.getVintageTo() + "): write 'vintage between " + methodology.getVintageTo() + " and "
					+ methodology.getVintageFrom() + "'", methodology, Literals.METHODOLOGY__VINTAGE_FROM, ZcIssueCodes.VINTAGE_WINDOW);
		}
	}

	// ------------------------------------------------------------------------------------------ no silent zero

	/**
	 * Machines with energy states and utilities with electricity use electricity (B6). Without a site, or on a site without grid factor, B6 would
	 * be 0 kg CO2e; when a methodology of the model set requires B6, that is an error (issue 11: no silent zero).
	 */
	@Check
	public void checkUseStageHasAGrid(Line line) {
		String users = line.getMachines().stream().anyMatch(SupplyValidator::usesElectricity) ? "machines"
				: line.getUtilities().stream().anyMatch(SupplyValidator::usesElectricity) ? "utilities" : null;
		if (users == null) {
			return;
		}
		Site site = line.getSite();
		if (site != null && (site.eIsProxy() || site.getGrid() != null)) {
			return; // an unresolved site is a linking error already
		}
		String methodology = methodologyRequiring(line, "B6");
		if (methodology == null) {
			return;
		}
		if (site == null) {
			error("The " + users + " of line '" + line.getName() + "' use electricity, but the line has no site, so their electricity (B6, "
					+ "required by methodology '" + methodology + "') would count 0 kg CO2e: add 'site <site>' on a site with a grid factor",
					line, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.USE_STAGE_WITHOUT_GRID, "site");
		} else {
			error("The " + users + " of line '" + line.getName() + "' use electricity, but site '" + site.getName() + "' has no grid factor, "
					+ "so their electricity (B6, required by methodology '" + methodology + "') would count 0 kg CO2e: add 'grid <grid factor>' "
					+ "to site '" + site.getName() + "'", line, Literals.LINE__SITE, ZcIssueCodes.USE_STAGE_WITHOUT_GRID, "grid");
		}
	}

	private static boolean usesElectricity(Machine machine) {
		return !machine.getStates().isEmpty() || machine.getComponents().stream().anyMatch(c -> !c.getStates().isEmpty());
	}

	private static boolean usesElectricity(Utility utility) {
		return !utility.getStates().isEmpty() || utility.getElectricity() != null || utility.getSpecificEnergy() != null;
	}

	/** The simple name of a methodology of the model set that requires a module, or null. */
	private String methodologyRequiring(EObject context, String module) {
		for (IEObjectDescription methodology : index(context).getExportedObjectsByType(Literals.METHODOLOGY)) {
			String required = methodology.getUserData(ZcResourceDescriptionStrategy.REQUIRED_MODULES);
			if (required != null && Set.of(required.split(" ")).contains(module)) {
				return methodology.getName().getLastSegment();
			}
		}
		return null;
	}

	private IResourceDescriptions index(EObject context) {
		return indexProvider.getResourceDescriptions(context.eResource());
	}
}
