package org.zerocarbon.evidence;

import java.util.List;
import java.util.SortedMap;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.footprint.FootprintResult;

/**
 * A contributor of measured-data files to an evidence package, e.g. the raw samples of one representative day
 * read from the telemetry sources ({@link RawDay}). The package always holds the per-meter aggregates the footprint used
 * ({@code measured/}, from {@link FootprintResult#measurements()}); further contributors are passed in
 * {@link EvidencePackage.Options#measured()}.
 */
@FunctionalInterface
public interface MeasuredEvidence {

	/**
	 * The files to add below {@code measured/}: relative name (e.g. {@code raw/VMC1_Main-2026-03-03.csv}) to UTF-8
	 * text. CSV files state their units in the header. Must be deterministic for the same models and data.
	 *
	 * @param results the footprints of the package's subjects
	 * @param models  the loaded models the results were computed from (to find a measurement's meter by its URI)
	 */
	SortedMap<String, String> files(List<FootprintResult> results, ResourceSet models);
}
