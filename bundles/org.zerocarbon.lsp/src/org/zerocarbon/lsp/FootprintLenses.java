package org.zerocarbon.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;

import com.google.inject.Inject;

/**
 * A code lens on every line, park and machine of a file with its footprint from the engine, e.g. "6.37 kg CO2e per
 * machine-hour, 12 % of the line". Computed after the build (code lens requests are read requests, which Xtext runs
 * once the pending change is built and its diagnostics are published), on Xtext's read executor, so that the
 * engine never holds up diagnostics, and cancelled by the next change.
 */
public class FootprintLenses implements ICodeLensService {

	/** The command of a lens: the VS Code extension opens the subject's HTML report with it. */
	public static final String OPEN_REPORT = "zerocarbon.openReport";

	@Inject
	private Footprints footprints;

	@Inject
	private ZcServerExtension server;

	@Inject
	private ResourceDescriptionsProvider index;

	@Inject
	private ILocationInFileProvider locations;

	@Override
	public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params, CancelIndicator cancel) {
		if (server.access() == null) {
			return List.of();
		}
		List<URI> files = new ArrayList<>();
		for (IResourceDescription description : index.getResourceDescriptions(resource.getResourceSet()).getAllResourceDescriptions()) {
			files.add(description.getURI());
		}
		Footprints.Snapshot snapshot = footprints.compute(server.generation(), server.access().newLiveScopeResourceSet(resource.getURI()), files,
				cancel);
		List<CodeLens> lenses = new ArrayList<>();
		for (Footprints.Computed computed : snapshot.subjects()) {
			EObject subject = computed.subject();
			if (!resource.getURI().equals(subject.eResource().getURI())) {
				continue;
			}
			if (computed.result() == null) {
				lenses.add(lens(document, subject, "no footprint: " + computed.problem(), null));
				continue;
			}
			lenses.add(lens(document, subject, subjectText(computed.result()), computed.result().subject().name()));
			if (subject instanceof Line line) {
				for (Machine machine : line.getMachines()) {
					String text = machineText(computed.result(), EcoreUtil.getURI(machine).toString(), snapshot.machineHourUnits());
					if (text != null) {
						lenses.add(lens(document, machine, text, computed.result().subject().name()));
					}
				}
			}
		}
		return lenses;
	}

	private CodeLens lens(Document document, EObject element, String title, String subject) {
		ITextRegion region = locations.getSignificantTextRegion(element);
		Position start = document.getPosition(region.getOffset());
		Range range = new Range(start, document.getPosition(region.getOffset() + region.getLength()));
		return new CodeLens(range, new Command(title, subject == null ? "" : OPEN_REPORT, subject == null ? List.of() : List.of(subject)), null);
	}

	/** A line's or park's lens: "4,230,310 kg CO2e (modules A-C), 0.9512 kg CO2e per part", as zcw report prints it. */
	static String subjectText(FootprintResult result) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,.0f kg CO2e (modules A-C)", result.total()));
		result.functionalUnits().stream().limit(2).forEach(unit -> text.append(", " + org.zerocarbon.core.calc.SignificantFigures.of(
				unit.kgCO2ePerUnit()) + " kg CO2e per " + unit.name()));
		return text.toString();
	}

	/**
	 * A machine's lens: its A–C footprint (own inventory and its share of the shared utilities) per machine-hour when
	 * the methodology has a machine-hour unit (the engine counts machine-hours over all machines of the line, so one
	 * machine runs that amount over the number of machines), otherwise in kg CO2e; and its share of the line's
	 * total. Null when the result does not list the machine.
	 */
	static String machineText(FootprintResult result, String machineUri, Set<String> machineHourUnits) {
		List<FootprintResult.Equipment> machines = result.equipment().stream().filter(e -> "machine".equals(e.kind())).toList();
		FootprintResult.Equipment machine = machines.stream().filter(e -> machineUri.equals(e.elementUri())).findFirst().orElse(null);
		if (machine == null) {
			return null;
		}
		double machineHours = result.functionalUnits().stream().filter(u -> machineHourUnits.contains(u.name()))
				.mapToDouble(FootprintResult.FunctionalUnitResult::amount).findFirst().orElse(0);
		String figure = machineHours > 0
				? String.format(Locale.ROOT, "%.3g kg CO2e per machine-hour", machine.kgCO2e() / (machineHours / machines.size()))
				: String.format(Locale.ROOT, "%,.0f kg CO2e", machine.kgCO2e());
		if (result.total() == 0) {
			return figure;
		}
		double share = machine.kgCO2e() / result.total() * 100;
		return figure + String.format(Locale.ROOT, share >= 10 ? ", %.0f %% of the line" : ", %.1f %% of the line", share);
	}
}
