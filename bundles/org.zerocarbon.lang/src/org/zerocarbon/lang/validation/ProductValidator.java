package org.zerocarbon.lang.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.measure.Unit;

import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.LifeCycleModule;
import org.zerocarbon.model.zc.MaterialUse;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;

/**
 * Declared products (the figures of an EPD): a positive declared unit, module values that do not overlap or repeat,
 * scenarios with one default, a validity date that is a date and not past, and uses that fit (a material or an input
 * takes the product-stage value A1-A3, per the declared unit).
 */
public class ProductValidator extends ZcRuleValidator {

	/** The clock the expiry check reads; tests set a fixed one. */
	static Clock clock = Clock.systemDefaultZone();

	@Check
	public void checkProduct(DeclaredProduct product) {
		Quantity per = product.getPer();
		if (per != null && per.getValue() != null && per.getValue().signum() <= 0) {
			error("The declared unit of product '" + product.getName() + "' must be positive (per 1 kg, per 1 m2 ...)", per,
					Literals.QUANTITY__VALUE, ZcIssueCodes.NEGATIVE_QUANTITY);
		}
		if (product.getModules().isEmpty()) {
			warning("Product '" + product.getName() + "' declares no module values: add 'module A1-A3 <value> kgCO2e' from its EPD", product,
					Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.PRODUCT_AS_PROVIDER);
		}
		if (product.getValidUntil() != null) {
			Optional<LocalDate> until = date(product.getValidUntil());
			if (until.isEmpty()) {
				error("'" + product.getValidUntil() + "' is not a date: write it as yyyy-MM-dd (valid until \"2027-05-31\")", product,
						Literals.DECLARED_PRODUCT__VALID_UNTIL, ZcIssueCodes.INVALID_DATE);
			} else if (until.get().isBefore(LocalDate.now(clock))) {
				warning("The EPD of product '" + product.getName() + "' expired on " + until.get() + ": use a valid EPD or justify the use of an "
						+ "expired one", product, Literals.DECLARED_PRODUCT__VALID_UNTIL, ZcIssueCodes.EPD_EXPIRED);
			}
		}
		checkModules(product);
	}

	private void checkModules(DeclaredProduct product) {
		Map<String, List<DeclaredModule>> byModule = new LinkedHashMap<>();
		for (DeclaredModule module : product.getModules()) {
			if (module.isRange() && module.getToModule().getValue() <= module.getModule().getValue()) {
				error("The module range " + label(module) + " must run forwards (A1-A3, C1-C4)", module, Literals.DECLARED_MODULE__TO_MODULE,
						ZcIssueCodes.MODULE_RANGE);
				return;
			}
			byModule.computeIfAbsent(label(module), k -> new ArrayList<>()).add(module);
		}
		List<DeclaredModule> representatives = new ArrayList<>();
		for (Map.Entry<String, List<DeclaredModule>> entry : byModule.entrySet()) {
			List<DeclaredModule> values = entry.getValue();
			representatives.add(values.get(0));
			Map<String, DeclaredModule> scenarios = new LinkedHashMap<>();
			int defaults = 0;
			for (DeclaredModule module : values) {
				String scenario = module.getScenario() == null ? "" : module.getScenario();
				if (scenarios.put(scenario, module) != null) {
					error("Module " + entry.getKey() + (scenario.isEmpty() ? "" : " (scenario \"" + scenario + "\")") + " of product '"
							+ product.getName() + "' is declared twice" + (scenario.isEmpty() && values.size() > 1
									? ": give each value its scenario (scenario \"...\")" : ""),
							module, Literals.DECLARED_MODULE__MODULE, ZcIssueCodes.DUPLICATE_PRODUCT_MODULE);
				}
				defaults += module.isDefaultScenario() ? 1 : 0;
				if (defaults == 2 && module.isDefaultScenario()) {
					error("Module " + entry.getKey() + " of product '" + product.getName() + "' has two default scenarios", module,
							Literals.DECLARED_MODULE__DEFAULT_SCENARIO, ZcIssueCodes.DUPLICATE_PRODUCT_MODULE);
				}
			}
			if (values.size() > 1 && defaults == 0 && scenarios.size() == values.size()) {
				warning("Module " + entry.getKey() + " of product '" + product.getName() + "' has " + values.size()
						+ " scenarios and none is the default: the first (" + describe(values.get(0)) + ") is used; mark one 'default'",
						values.get(0), Literals.DECLARED_MODULE__SCENARIO, ZcIssueCodes.SCENARIO_WITHOUT_DEFAULT);
			}
		}
		for (int i = 0; i < representatives.size(); i++) {
			for (int j = i + 1; j < representatives.size(); j++) {
				DeclaredModule a = representatives.get(i);
				DeclaredModule b = representatives.get(j);
				if (first(a) <= last(b) && first(b) <= last(a)) {
					error("Modules " + label(a) + " and " + label(b) + " of product '" + product.getName() + "' overlap: a value would be counted "
							+ "twice; declare either the range or its modules", b, Literals.DECLARED_MODULE__MODULE, ZcIssueCodes.MODULE_OVERLAP);
				}
			}
		}
	}

	@Check
	public void checkMaterial(MaterialUse material) {
		checkProvider(material.getFactor(), material.getMass(), material, Literals.MATERIAL_USE__FACTOR, "a material");
	}

	@Check
	public void checkInput(ProcessInput input) {
		checkProvider(input.getProvider(), input.getAmount(), input, Literals.PROCESS_INPUT__PROVIDER, "an input");
	}

	/** A product used as a provider gives its product-stage value (A1-A3) per declared unit. */
	private void checkProvider(Provider provider, Quantity amount, org.eclipse.emf.ecore.EObject owner, org.eclipse.emf.ecore.EReference reference,
			String what) {
		if (!(provider instanceof DeclaredProduct product) || product.eIsProxy()) {
			return;
		}
		if (!product.getModules().isEmpty() && product.getModules().stream().noneMatch(m -> last(m) <= LifeCycleModule.A3_VALUE)) {
			error("Product '" + product.getName() + "' declares no product-stage value (A1-A3), so it cannot be used as " + what
					+ ": use 'declared <amount> epd " + product.getName() + "' on a subassembly for its other modules", owner, reference,
					ZcIssueCodes.PRODUCT_AS_PROVIDER);
			return;
		}
		if (owner instanceof MaterialUse && amount != null && amount.getUnit() != null) {
			Optional<Unit<?>> unit = ExpectedKinds.referenceUnit(product);
			if (unit.isPresent() && QuantityKind.of(unit.get()).filter(k -> k == QuantityKind.MASS).isEmpty()) {
				error("Product '" + product.getName() + "' is declared per " + ExpectedKinds.declaredUnit(product)
						+ ", not per mass, so it cannot be a material: use 'declared <amount> epd " + product.getName() + "' on the subassembly",
						owner, reference, ZcIssueCodes.PRODUCT_AS_PROVIDER);
			}
		}
	}

	/** "A1-A3", "C3". */
	public static String label(DeclaredModule module) {
		return module.getModule().getLiteral() + (module.isRange() ? "-" + module.getToModule().getLiteral() : "");
	}

	private static String describe(DeclaredModule module) {
		return module.getScenario() == null ? "no scenario" : "scenario \"" + module.getScenario() + "\"";
	}

	private static int first(DeclaredModule module) {
		return module.getModule().getValue();
	}

	private static int last(DeclaredModule module) {
		return module.isRange() ? module.getToModule().getValue() : module.getModule().getValue();
	}

	/** An ISO date, or a year-month, or empty. */
	static Optional<LocalDate> date(String text) {
		try {
			return Optional.of(LocalDate.parse(text.trim()));
		} catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
