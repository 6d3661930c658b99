package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

/** Totals are derived from contributions, with module D kept apart. */
class FootprintResultTest {

	@Test
	void totalsAddUpByModuleAndScopeAndLeaveModuleDOut() {
		FootprintResult result = result(List.of(
				contribution("cell.VMC1", Module.A1, Scope.SCOPE_3, 1200),
				contribution("cell.VMC1", Module.B6, Scope.SCOPE_2, 30000),
				contribution("cell.HMC1", Module.B6, Scope.SCOPE_2, 45000),
				contribution("cell.HMC1", Module.A4, Scope.SCOPE_3, 300),
				contribution("cell.VMC1", Module.D, Scope.SCOPE_3, -800)));

		// A-C: 1200 + 30000 + 45000 + 300 = 76500; D = -800 reported apart
		assertEquals(76_500, result.total(), 1e-9);
		assertEquals(-800, result.moduleD(), 1e-9);
		assertEquals(75_000, result.total(Module.B6), 1e-9);
		assertEquals(75_000, result.total(Scope.SCOPE_2), 1e-9);
		assertEquals(1_500, result.total(Scope.SCOPE_3), 1e-9); // 1200 + 300, D excluded
		assertEquals(75_000, result.table().get(Module.B6).get(Scope.SCOPE_2), 1e-9);
		assertEquals(List.of(Module.A1, Module.A4, Module.B6, Module.D), List.copyOf(result.table().keySet()));
		assertEquals("cell.HMC1", result.topContributions(1).get(0).element());
	}

	@Test
	void normalizedOrderIsIndependentOfInputOrder() {
		Contribution a = contribution("x", Module.B6, Scope.SCOPE_2, 1);
		Contribution b = contribution("y", Module.A1, Scope.SCOPE_3, 2);
		assertEquals(result(List.of(a, b)).normalized(), result(List.of(b, a)).normalized());
	}

	private static Contribution contribution(String element, Module module, Scope scope, double kg) {
		return new Contribution(element, null, module, scope, "test", 1, "kWh", "f", kg, false, null);
	}

	private static FootprintResult result(List<Contribution> contributions) {
		return new FootprintResult(new FootprintResult.Subject("cell", "line", "cell.zc"),
				new FootprintResult.MethodologyRef("m", "1", "M", "m.zc"), contributions, List.of(),
				new FootprintResult.Scope2(0, 0), new FootprintResult.DataQuality(0, null, List.of()), null, List.of(), List.of(),
				List.of(), List.of());
	}
}
