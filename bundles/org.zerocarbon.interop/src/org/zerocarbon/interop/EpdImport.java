package org.zerocarbon.interop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The import of EPD files into a factor library: read ({@link EpdReader}), then write or update the library
 * ({@link LibraryWriter}). Used by {@code zcw import-epd} and the workbench's File > Import.
 */
public final class EpdImport {

	private EpdImport() {
	}

	/**
	 * Imports every EPD of {@code input} into {@code library}.
	 *
	 * @param display      how the input is named in messages and in the products' {@code file} (e.g. the path the
	 *                     user typed)
	 * @param declaredUnit the declared unit for files that do not give one, or null
	 */
	public static ImportReport run(Path input, String display, Path library, String declaredUnit, Clock clock, IProgressMonitor monitor)
			throws InteropException {
		SubMonitor progress = SubMonitor.convert(monitor, "Importing " + display, 10);
		ImportReport report = new ImportReport();
		List<EpdDataset> epds = EpdReader.read(input, display, declaredUnit, report, progress.split(8));
		if (epds.isEmpty()) {
			throw new InteropException(display, 0, "no EPD found");
		}
		LocalDate today = LocalDate.now(clock);
		for (EpdDataset epd : epds) {
			if (epd.validUntil() != null) {
				try {
					if (LocalDate.parse(epd.validUntil()).isBefore(today)) {
						report.warning(epd.file() + ": the EPD '" + epd.name() + "' expired on " + epd.validUntil()
								+ " (imported; the model will warn where it is used)");
					}
				} catch (DateTimeParseException e) {
					report.warning(epd.file() + ": validity '" + epd.validUntil() + "' is not a date");
				}
			}
		}
		LibraryWriter.write(library, epds, report);
		progress.done();
		return report;
	}
}
