package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.model.zc.ActivityKind;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.CertificateType;
import org.zerocarbon.model.zc.CleanShareBasis;
import org.zerocarbon.model.zc.Contract;
import org.zerocarbon.model.zc.ContractKind;
import org.zerocarbon.model.zc.DataKind;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.EnergyCarrier;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.FunctionalUnitKind;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.GenerationKind;
import org.zerocarbon.model.zc.GwpPart;
import org.zerocarbon.model.zc.LifeCycleModule;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.TceMethod;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;

/** The accounting constructs (energy instruments, scope 1, processes, functional units, GWP split) parse into the metamodel. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class AccountingSyntaxTest {

	@Inject
	private ParseHelper<ZcModel> parser;

	private static final String LIBRARY = """
			package lib
			factors Lib {
				grid factor CN "China" = 582 gCO2e/kWh { region "CN" }
				residual factor CN_RES "China residual mix" = 620 gCO2e/kWh { region "CN" }
				material factor Steel = 1.9 kgCO2e/kg { split fossil 1.85 biogenic -0.01 luluc 0.06 kgCO2e/kg }
				fuel factor Gas = 2.0 kgCO2e/m3 { calorific 36 MJ/m3 }
				refrigerant factor R134a = 1530 kgCO2e/kg
				process Billet "Steel billet, supplier route" {
					output 1 kg { uncertainty lognormal gsd 1.05 }
					input 0.5 kWh from Power
					input 1.1 kg from Steel { data primary source "mill report" uncertainty lognormal gsd 1.1 }
					emits 0.2 kgCO2e
					emits -0.05 kgCO2e biogenic
					data primary
					source "Supplier X, 2025"
				}
				process Power "Electricity with plant upkeep" {
					output 1 kWh
					input 0.001 kg from Billet
					emits 0.5 kgCO2e fossil
				}
			}
			""";

	private ZcModel parse(ResourceSet set, String text) throws Exception {
		ZcModel model = set == null ? parser.parse(text) : parser.parse(text, set);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return model;
	}

	@Test
	void factorsWithSplitCalorificValueAndProcesses() throws Exception {
		ZcModel model = parse(null, LIBRARY);
		FactorLibrary library = (FactorLibrary) model.getElements().get(0);
		assertEquals(FactorKind.RESIDUAL, library.getFactors().get(1).getKind());
		EmissionFactor steel = library.getFactors().get(2);
		assertEquals("1.85", steel.getSplit().getFossil().getValue().toPlainString());
		assertEquals(null, steel.getSplit().getFossil().getUnit(), "a part without a unit is in the factor's unit");
		assertEquals("-0.01", steel.getSplit().getBiogenic().getValue().toPlainString());
		assertEquals("kgCO2e/kg", steel.getSplit().getLuluc().getUnit());
		assertEquals("MJ/m3", library.getFactors().get(3).getCalorific().getUnit());
		assertEquals(FactorKind.REFRIGERANT, library.getFactors().get(4).getKind());

		Process billet = library.getProcesses().get(0);
		Process power = library.getProcesses().get(1);
		assertEquals("kg", billet.getOutput().getAmount().getUnit());
		assertTrue(billet.getOutput().getUncertainty() != null);
		assertSame(power, billet.getInputs().get(0).getProvider(), "a process input resolves to a process of the library");
		assertSame(steel, billet.getInputs().get(1).getProvider(), "... or to a factor");
		assertEquals(DataKind.PRIMARY, billet.getInputs().get(1).getData());
		assertEquals(GwpPart.FOSSIL, billet.getEmissions().get(0).getPart(), "fossil is the default part");
		assertEquals(GwpPart.BIOGENIC, billet.getEmissions().get(1).getPart());
		assertEquals(DataKind.PRIMARY, billet.getData());
		assertSame(billet, power.getInputs().get(0).getProvider(), "loops between processes can be written");
	}

	@Test
	void siteLineAndParkInstruments() throws Exception {
		ZcModel lib = parse(null, LIBRARY);
		ZcModel model = parse(lib.eResource().getResourceSet(), """
				package demo
				import lib.*
				site Plant {
					region "CN"
					market "CN"
					grid CN
					residual CN_RES
					direct WindLine "Private wire" 300 MWh per year rate 11 gCO2e/kWh
					onsite RoofPV 120 MWh per year
					ppa WindPPA 400 MWh per year rate 0 gCO2e/kWh market "CN"
					tariff Green share 10 % factor CN_RES
					certificate Gec2025 gec "GECs 2025" 500 MWh vintage 2025 market "CN" tracking "GEC-1" retired
				}
				line Cell {
					site Plant
					profile { shifts 2 hours 4000 h per year service life 15 a output 32 parts/h }
					machine Washer washer {
						state processing 20 kW for 50 %
						fuel Burner "gas burner" 1800 m3 per year factor Gas
						refrigerant Chiller charge 6 kg leaks 5 % per year recovered 80 % factor R134a
						emission Degassing 120 kgCO2e per year
						subassembly Frame { material 10 kg factor Billet }
					}
					certificate LineRecs rec 10 MWh
				}
				park P industrial {
					site Plant
					energy supply S {
						source G grid delivers 100 MWh per year factor CN
						source W greenDirect delivers 50 MWh per year rate 5 gCO2e/kWh clean
					}
					buildings B {
						item Offices energy 10 MWh area 1200 m2 { fuel Boiler 4000 m3 per year factor Gas }
					}
					ppa ParkPpa share 20 % rate 0 gCO2e/kWh
				}
				""");
		Site site = (Site) model.getElements().get(0);
		assertEquals("CN", site.getMarket());
		assertEquals("CN_RES", site.getResidual().getName());
		assertEquals(5, site.getInstruments().size());
		Generation wire = assertInstanceOf(Generation.class, site.getInstruments().get(0));
		assertEquals(GenerationKind.DIRECT, wire.getKind());
		assertEquals("gCO2e/kWh", wire.getRate().getUnit());
		assertEquals(GenerationKind.ONSITE, ((Generation) site.getInstruments().get(1)).getKind());
		Contract tariff = assertInstanceOf(Contract.class, site.getInstruments().get(3));
		assertEquals(ContractKind.TARIFF, tariff.getKind());
		assertEquals("%", tariff.getShare().getUnit());
		Certificate gec = assertInstanceOf(Certificate.class, site.getInstruments().get(4));
		assertEquals(CertificateType.GEC, gec.getType());
		assertEquals(2025, gec.getVintage());
		assertEquals("GEC-1", gec.getTracking());
		assertTrue(gec.isRetired());

		Line line = (Line) model.getElements().get(1);
		assertEquals("parts/h", line.getProfile().getOutput().getUnit());
		Machine washer = line.getMachines().get(0);
		assertEquals("m3", washer.getFuels().get(0).getAmount().getUnit());
		assertEquals("80", washer.getRefrigerants().get(0).getRecovery().getValue().toPlainString());
		assertEquals("kgCO2e", washer.getProcessEmissions().get(0).getAmount().getUnit());
		assertInstanceOf(Process.class, washer.getParts().get(0).getMaterials().get(0).getFactor(), "a material can use a process");
		assertFalse(((Certificate) line.getInstruments().get(0)).isRetired());

		Park park = (Park) model.getElements().get(2);
		assertEquals("gCO2e/kWh", ((org.zerocarbon.model.zc.EnergySupplySystem) park.getSystems().get(0)).getSources().get(1).getRate().getUnit());
		ParkItem offices = ((GenericSystem) park.getSystems().get(1)).getItems().get(0);
		assertEquals("m2", offices.getArea().getUnit());
		assertEquals(1, offices.getFuels().size());
		assertEquals(1, park.getInstruments().size());
	}

	@Test
	void methodologyAccountingRulesConversionsAndFunctionalUnits() throws Exception {
		ZcModel model = parse(null, """
				methodology M {
					module B6 in scope2
					functional unit MillingHour hours in processing, ready "per hour of milling"
					functional unit Part piece
					functional unit Air delivered
					functional unit Floor area
					account fuel as B6 in scope1
					account refrigerant as B1
					conversion calorific "calorific-equivalent method" { electricity 0.1229 kgce/kWh heat 0.03412 kgce/MJ }
					conversion coal { electricity 0.2985 kgce/kWh }
					vintage between 2024 and 2026
					clean share contractual
				}
				""");
		Methodology m = (Methodology) model.getElements().get(0);
		assertEquals(FunctionalUnitKind.STATE_HOURS, m.getFunctionalUnits().get(0).getKind());
		assertEquals(List.of(EnergyState.PROCESSING, EnergyState.READY), m.getFunctionalUnits().get(0).getStates());
		assertEquals("per hour of milling", m.getFunctionalUnits().get(0).getDescription());
		assertEquals(FunctionalUnitKind.PIECE, m.getFunctionalUnits().get(1).getKind());
		assertEquals(FunctionalUnitKind.DELIVERED, m.getFunctionalUnits().get(2).getKind());
		assertEquals(FunctionalUnitKind.AREA, m.getFunctionalUnits().get(3).getKind());
		assertEquals(ActivityKind.FUEL, m.getAccounts().get(0).getKind());
		assertEquals(LifeCycleModule.B6, m.getAccounts().get(0).getModule());
		assertEquals(TceMethod.CALORIFIC, m.getConversions().get(0).getMethod());
		assertEquals(EnergyCarrier.HEAT, m.getConversions().get(0).getCoefficients().get(1).getCarrier());
		assertEquals(TceMethod.COAL_EQUIVALENT, m.getConversions().get(1).getMethod());
		assertEquals(2024, m.getVintageFrom());
		assertEquals(2026, m.getVintageTo());
		assertEquals(CleanShareBasis.CONTRACTUAL, m.getCleanShare());
	}
}
