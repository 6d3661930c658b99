package org.zerocarbon.lang.validation;

import java.math.BigDecimal;

import org.eclipse.xtext.validation.Check;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.ZcPackage;

/**
 * Validation rules of the ZeroCarbon DSL. Every rule reports a stable issue code from {@link ZcIssueCodes}
 * so that quick fixes, markers and CI filters can key on it.
 */
public class ZcValidator extends AbstractZcValidator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The shares of time a machine spends in its energy states must cover the whole operating time. */
	@Check
	public void checkStateSharesCoverOperatingTime(Machine machine) {
		if (machine.getStates().isEmpty()) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (StateUse use : machine.getStates()) {
			Quantity share = use.getShare();
			if (share == null || share.getValue() == null) {
				return; // a syntax error is already reported
			}
			if (!"%".equals(share.getUnit())) {
				error("The share of time in state '" + use.getState().getLiteral() + "' must be a percentage (e.g. 40 %), not '"
						+ share.getUnit() + "'", use, ZcPackage.Literals.STATE_USE__SHARE, ZcIssueCodes.STATE_SHARE_NOT_PERCENT);
				return;
			}
			sum = sum.add(share.getValue());
		}
		if (sum.compareTo(HUNDRED) != 0) {
			error("The energy-state shares of machine '" + machine.getName() + "' add up to " + sum.stripTrailingZeros().toPlainString()
					+ " %, not 100 %", machine, ZcPackage.Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.STATE_SHARES_SUM);
		}
	}
}
