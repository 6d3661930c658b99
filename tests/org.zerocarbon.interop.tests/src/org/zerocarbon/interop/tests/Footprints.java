package org.zerocarbon.interop.tests;

import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

/**
 * A small line's footprint written by hand (2 machines, 10 years, 4,000 h a year):
 * <pre>
 * A1  castings   1000 kg × 1.9   = 1900 kg CO2e   fossil 1800, biogenic 60, luluc 40
 * A1  steel       500 kg × 2.0   = 1000 kg CO2e   all fossil
 * A4  truck      2000 t*km × 0.1 =  200 kg CO2e   all fossil
 * B6  processing 100000 kWh × 0.4 = 40000 kg CO2e  fossil 39000, biogenic 1000
 * C3  recycling  1500 kg × 0.02  =   30 kg CO2e   all fossil
 * D   credit     1500 kg × -1.2  = -1800 kg CO2e  (reported apart)
 * total A-C = 1900 + 1000 + 200 + 40000 + 30 = 43130 kg CO2e
 * per machine (2): A1 1450, A4 100, B6 20000, C3 15, D -900
 * </pre>
 */
final class Footprints {

	static final double TOTAL = 43130;

	private Footprints() {
	}

	static FootprintResult line() {
		List<Contribution> contributions = List.of(
				new Contribution("demo.Cell.VMC1.Casting", null, Module.A1, Scope.SCOPE_3, "castings", 1000, "kg", "lib.Cast", 1900, true, null,
						new GwpSplit(1800, 60, 0, 40, true), 1900),
				new Contribution("demo.Cell.VMC1.Frame", null, Module.A1, Scope.SCOPE_3, "steel", 500, "kg", "lib.Steel", 1000, false, null),
				new Contribution("demo.Cell.Transport", null, Module.A4, Scope.SCOPE_3, "truck", 2000, "t*km", "lib.Truck", 200, false, null),
				new Contribution("demo.Cell", null, Module.B6, Scope.SCOPE_2, "electricity, processing", 100000, "kWh", "lib.Grid", 40000, false,
						null, new GwpSplit(39000, 1000, 0, 0, true), 40000),
				new Contribution("demo.Cell", null, Module.C3, Scope.SCOPE_3, "recycling", 1500, "kg", "lib.Recycling", 30, false, null),
				new Contribution("demo.Cell", null, Module.D, Scope.SCOPE_3, "recycling credit", 1500, "kg", "lib.Credit", -1800, false, null));
		List<FunctionalUnitResult> units = List.of(new FunctionalUnitResult("machine", 2, TOTAL / 2, null, "2 machines"),
				new FunctionalUnitResult("machineHour", 80000, TOTAL / 80000, null, "2 machines × 4,000 h a year × 10 a"),
				new FunctionalUnitResult("life", 10, TOTAL / 10, null, "service life 10 a"));
		return new FootprintResult(new FootprintResult.Subject("demo.Cell", "line", "cell.zc"),
				new FootprintResult.MethodologyRef("zc.iso24122", "1", "ISO/TR 24122", "m.zc"), contributions, units,
				new FootprintResult.Scope2(40000, 40000), new FootprintResult.DataQuality(0.5, null, List.of()), null, List.of(), List.of(),
				List.of(), List.of());
	}
}
