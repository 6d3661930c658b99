package org.zerocarbon.lang.validation;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * The base of the validators per concern (quantities, energy supply, scope 1, processes) that {@link ZcValidator}
 * joins with {@code @ComposedChecks}; they are not registered on their own. Holds the quantity helpers they share.
 */
public abstract class ZcRuleValidator extends AbstractDeclarativeValidator {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(ZcPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into ZcValidator
	}

	/** A quantity with a value and a unit of that kind. */
	static boolean isOfKind(Quantity quantity, QuantityKind kind) {
		return quantity != null && quantity.getValue() != null && quantity.getUnit() != null && kind.accepts(quantity.getUnit());
	}

	/** Two quantities with values and units of one dimension. */
	static boolean convertible(Quantity a, Quantity b) {
		return a != null && b != null && a.getValue() != null && b.getValue() != null && a.getUnit() != null && b.getUnit() != null
				&& ZcUnits.isCompatible(a.getUnit(), b.getUnit());
	}

	/** The value of a quantity in another unit (which must convert). */
	static BigDecimal in(Quantity quantity, String unit) {
		return ZcUnits.convert(quantity.getValue(), quantity.getUnit(), unit);
	}

	/** "4 %", "2.5 kg", "3". */
	static String text(Quantity quantity) {
		return quantity.getValue().toPlainString() + (quantity.getUnit() == null ? "" : " " + quantity.getUnit());
	}

	/** A number as written in messages, without trailing zeros. */
	static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
