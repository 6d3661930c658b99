package org.zerocarbon.core.lca;

/**
 * The result of solving a product system for one final demand.
 *
 * @param system    the system
 * @param values    the amounts it was solved with
 * @param scaling   {@code s}: how many runs of each process the demand needs
 * @param inventory {@code g = B·s}: the total of each indicator
 */
public record Solution(ProductSystem system, ProductSystem.Values values, double[] scaling, double[] inventory) {

	/** Total of indicator {@code indicator}. */
	public double total(int indicator) {
		return inventory[indicator];
	}

	/** What process {@code process} itself emits of {@code indicator} (its direct contribution, b_kj·s_j). */
	public double directContribution(int process, int indicator) {
		int position = system.interventionPosition(process, indicator);
		return position < 0 ? 0 : values.interventions()[position] * scaling[process];
	}
}
