package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ide.KeyFigures;
import org.zerocarbon.model.zc.NamedElement;

/** The key figures outlines and document symbols show for the issue-11 constructs. */
class ZcKeyFiguresTest {

	@Test
	void processesInstrumentsAndScope1ShowTheirKeyFigure() {
		IdeFixture ide = new IdeFixture();
		XtextResource resource = ide.load("test.zc", """
				import lib.*
				factors P {
					process Billet { output 1 kg input 0.5 kWh from DE input 1.1 kg from Steel emits 0.2 kgCO2e }
				}
				site S {
					grid DE
					onsite PV 40 MWh per year rate 0 gCO2e/kWh
					tariff Green share 10 % factor DE
					certificate Gec gec 60 MWh vintage 2025 tracking "T" retired
					certificate Rec rec 5 MWh
				}
				line L {
					site S
					machine M washer {
						fuel Gas 2600 m3 per year factor Steel
						refrigerant Chiller charge 2.5 kg leaks 4 % per year factor Steel
						emission Curing 120 kgCO2e per year
					}
				}
				""");
		Map<String, EObject> byName = new HashMap<>();
		resource.getAllContents().forEachRemaining(o -> {
			if (o instanceof NamedElement named) {
				byName.put(named.getName(), o);
			}
		});
		assertEquals("output 1 kg, 2 inputs, 1 direct emission", KeyFigures.of(byName.get("Billet")));
		assertEquals("onsite 40 MWh per year at 0 gCO2e/kWh", KeyFigures.of(byName.get("PV")));
		assertEquals("tariff share 10 %, DE", KeyFigures.of(byName.get("Green")));
		assertEquals("gec 60 MWh, vintage 2025, retired", KeyFigures.of(byName.get("Gec")));
		assertEquals("rec 5 MWh, not retired", KeyFigures.of(byName.get("Rec")));
		assertEquals("2600 m3 per year, Steel", KeyFigures.of(byName.get("Gas")));
		assertEquals("charge 2.5 kg, leaks 4 % per year, Steel", KeyFigures.of(byName.get("Chiller")));
		assertEquals("120 kgCO2e per year", KeyFigures.of(byName.get("Curing")));
		assertNull(KeyFigures.of(byName.get("L")));
		assertEquals("0.5 kWh from DE", KeyFigures.of(((org.zerocarbon.model.zc.Process) byName.get("Billet")).getInputs().get(0)));

		// document symbols (the language server's outline) carry them as their detail
		DocumentSymbolDetailsProvider details = ide.injector.getInstance(DocumentSymbolDetailsProvider.class);
		assertInstanceOf(KeyFigures.class, details);
		assertEquals("charge 2.5 kg, leaks 4 % per year, Steel", details.getDetails(byName.get("Chiller")));
	}
}
