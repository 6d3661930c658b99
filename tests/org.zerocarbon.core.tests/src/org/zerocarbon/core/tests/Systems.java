package org.zerocarbon.core.tests;

import org.zerocarbon.core.lca.ProductSystem;

/** Product systems with closed-form solutions, shared by the solver and Monte Carlo tests. */
final class Systems {

	private Systems() {
	}

	/**
	 * A ring of {@code n} processes "p0".."p(n-1)": process k needs 0.5 of the product of process k+1 (mod n) and emits
	 * 1 of indicator 0 ("GWP"). For a demand of 1 of p0: s_k = 0.5^k·s_0, s_0 = 1 / (1 - 0.5^n), total 2; every
	 * intensity is 2 (λ_k = 1 + 0.5·λ_(k+1) for all k).
	 */
	static ProductSystem ring(int n) {
		ProductSystem.Builder b = ProductSystem.builder();
		for (int k = 0; k < n; k++) {
			b.process("p" + k);
		}
		int gwp = b.indicator("GWP");
		for (int k = 0; k < n; k++) {
			b.input(k, (k + 1) % n, 0.5).intervention(k, gwp, 1);
		}
		return b.build();
	}
}
