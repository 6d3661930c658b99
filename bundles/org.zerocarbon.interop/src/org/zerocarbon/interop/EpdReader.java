package org.zerocarbon.interop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.interop.internal.IlcdEpdMapper;
import org.zerocarbon.interop.internal.IlcdProcess;
import org.zerocarbon.interop.internal.IlcdProcessReader;
import org.zerocarbon.interop.internal.IlcdReferenceReader;
import org.zerocarbon.interop.internal.OpenEpdReader;
import org.zerocarbon.interop.internal.SecureZip;

/**
 * Reads EPDs from a file: the XML of one ILCD+EPD process dataset, an ILCD package zip (processes/, flows/,
 * flowproperties/, unitgroups/ …, as soda4LCA, ÖKOBAUDAT and the ECO Platform serve them), or an openEPD JSON
 * document. Everything is streamed: one dataset at a time, zip entries straight from the archive.
 */
public final class EpdReader {

	private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	private static final Pattern AMOUNT_UNIT = Pattern.compile("\\s*(?:([0-9.eE+-]+)\\s+)?(\\S+)\\s*");

	private EpdReader() {
	}

	/**
	 * Reads every EPD of the file.
	 *
	 * @param file         the file
	 * @param display      how to name it in messages and in the products' {@code file}
	 * @param declaredUnit the declared unit to use when the file does not give one (a single ILCD XML does not:
	 *                     its reference flow's unit is in the flow dataset), e.g. {@code "1 m2"}; or null
	 * @param report       collects what was ignored and warnings
	 * @param monitor      progress and cancellation, or null
	 */
	public static List<EpdDataset> read(Path file, String display, String declaredUnit, ImportReport report, IProgressMonitor monitor)
			throws InteropException {
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + display, 100);
		int kind;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			kind = sniff(in);
		} catch (IOException e) {
			throw new InteropException(display, 0, "cannot read: " + e.getMessage(), e);
		}
		List<EpdDataset> result = new ArrayList<>();
		switch (kind) {
			case 'P' -> readZip(file, display, declaredUnit, report, progress, result);
			case '{' -> {
				try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
					OpenEpdReader.read(in, display, report, result::add);
				} catch (IOException e) {
					throw new InteropException(display, 0, "cannot read: " + e.getMessage(), e);
				}
			}
			case '<' -> {
				IlcdProcess process;
				try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
					process = IlcdProcessReader.read(in, display);
				} catch (IOException e) {
					throw new InteropException(display, 0, "cannot read: " + e.getMessage(), e);
				}
				String[] unit = fallbackUnit(process, declaredUnit, display);
				result.add(IlcdEpdMapper.map(process, display, Double.parseDouble(unit[0]), unit[1], report));
			}
			default -> throw new InteropException(display, 0, "neither ILCD XML, an ILCD zip nor openEPD JSON");
		}
		progress.done();
		return result;
	}

	/** 'P' zip, '{' JSON (object or array), '<' XML, 0 unknown. */
	private static int sniff(InputStream in) throws IOException {
		in.mark(4096);
		byte[] head = in.readNBytes(4096);
		in.reset();
		if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
			return 'P';
		}
		for (byte b : head) {
			if (b == '{' || b == '[') {
				return '{';
			}
			if (b == '<') {
				return '<';
			}
			if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
				return 0;
			}
		}
		return 0;
	}

	private static String[] fallbackUnit(IlcdProcess process, String declaredUnit, String display) throws InteropException {
		if (declaredUnit == null) {
			throw new InteropException(display, 0, "the declared unit of '" + (process.name == null ? process.uuid : process.name)
					+ "' is not in this file (a single ILCD dataset refers to its reference flow"
					+ (process.referenceFlowUuid == null ? "" : " " + process.referenceFlowUuid)
					+ ", whose unit is in the flow dataset): import the ILCD zip, or give the unit (zcw import-epd … --unit \"1 m2\")");
		}
		Matcher m = AMOUNT_UNIT.matcher(declaredUnit);
		if (!m.matches()) {
			throw new InteropException(display, 0, "'" + declaredUnit + "' is not a declared unit such as \"1 kg\" or \"m2\"");
		}
		String unit = EpdUnits.declared(m.group(2)).orElseThrow(
				() -> new InteropException(display, 0, "the declared unit '" + m.group(2) + "' does not convert to a unit of the language"));
		String amount = m.group(1) == null ? "1" : m.group(1);
		try {
			if (!(Double.parseDouble(amount) > 0)) {
				throw new NumberFormatException();
			}
		} catch (NumberFormatException e) {
			throw new InteropException(display, 0, "the declared amount '" + amount + "' must be a positive number");
		}
		return new String[] { amount, unit };
	}

	private static void readZip(Path file, String display, String declaredUnit, ImportReport report, SubMonitor progress,
			List<EpdDataset> result) throws InteropException {
		try (SecureZip zip = SecureZip.open(file, display)) {
			Map<String, ZipEntry> flows = new HashMap<>();
			Map<String, ZipEntry> properties = new HashMap<>();
			Map<String, ZipEntry> groups = new HashMap<>();
			List<ZipEntry> processes = new ArrayList<>();
			int other = 0;
			for (ZipEntry entry : zip.entries()) {
				if (entry.isDirectory()) {
					continue;
				}
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				String folder = folder(lower);
				if (!lower.endsWith(".xml")) {
					other++;
					continue;
				}
				Matcher uuid = UUID.matcher(name.substring(name.lastIndexOf('/') + 1));
				String key = uuid.find() ? uuid.group().toLowerCase(Locale.ROOT) : null;
				switch (folder) {
					case "processes" -> processes.add(entry);
					case "flows" -> put(flows, key, entry);
					case "flowproperties" -> put(properties, key, entry);
					case "unitgroups" -> put(groups, key, entry);
					default -> other++;
				}
			}
			if (processes.isEmpty()) {
				throw new InteropException(display, 0, "the archive has no processes/ folder with process datasets: not an ILCD package");
			}
			if (other > 0) {
				report.ignored(display + ": " + other + " entries other than processes, flows, flow properties and unit groups"
						+ " (LCIA methods, sources, contacts …)");
			}
			// datasets are independent: read them on a few threads (a zip file serves concurrent entry streams), and
			// keep the archive's order
			Map<String, String> unitOfProperty = new ConcurrentHashMap<>();
			progress.setWorkRemaining(processes.size());
			int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
			ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
				Thread thread = new Thread(runnable, "epd-reader");
				thread.setDaemon(true);
				return thread;
			});
			try {
				List<Future<EpdDataset>> pending = new ArrayList<>();
				for (ZipEntry entry : processes) {
					pending.add(pool.submit(() -> readProcess(zip, entry, flows, properties, groups, unitOfProperty, declaredUnit, report)));
				}
				for (Future<EpdDataset> each : pending) {
					if (progress.isCanceled()) {
						throw new OperationCanceledException();
					}
					result.add(await(each));
					progress.worked(1);
				}
			} finally {
				pool.shutdownNow();
			}
		} catch (IOException e) {
			throw new InteropException(display, 0, "cannot read: " + e.getMessage(), e);
		}
	}

	private static EpdDataset readProcess(SecureZip zip, ZipEntry entry, Map<String, ZipEntry> flows, Map<String, ZipEntry> properties,
			Map<String, ZipEntry> groups, Map<String, String> unitOfProperty, String declaredUnit, ImportReport report)
			throws InteropException, IOException {
		String source = zip.display(entry);
		IlcdProcess process;
		try (InputStream in = zip.open(entry)) {
			process = IlcdProcessReader.read(in, source);
		}
		double amount;
		String unit;
		ZipEntry flow = process.referenceFlowUuid == null ? null : flows.get(process.referenceFlowUuid.toLowerCase(Locale.ROOT));
		if (flow == null) {
			String[] fallback = fallbackUnit(process, declaredUnit, source);
			amount = Double.parseDouble(fallback[0]);
			unit = fallback[1];
		} else {
			IlcdReferenceReader.FlowRef ref;
			try (InputStream in = zip.open(flow)) {
				ref = IlcdReferenceReader.flow(in, zip.display(flow));
			}
			if (ref == null) {
				throw new InteropException(zip.display(flow), 0, "the flow has no reference flow property");
			}
			String unitName = unitOfProperty.get(ref.propertyUuid());
			if (unitName == null) {
				unitName = unitName(zip, properties, groups, ref.propertyUuid(), zip.display(flow));
				unitOfProperty.put(ref.propertyUuid(), unitName);
			}
			String name = unitName;
			unit = EpdUnits.declared(unitName).orElseThrow(() -> new InteropException(zip.display(flow), 0,
					"the reference unit '" + name + "' of the product flow does not convert to a unit of the language"));
			amount = ref.meanValue();
		}
		return IlcdEpdMapper.map(process, source, amount, unit, report);
	}

	private static EpdDataset await(Future<EpdDataset> future) throws InteropException, IOException {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} catch (ExecutionException e) {
			if (e.getCause() instanceof InteropException interop) {
				throw interop;
			}
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private static String unitName(SecureZip zip, Map<String, ZipEntry> properties, Map<String, ZipEntry> groups, String propertyUuid,
			String flowSource) throws InteropException, IOException {
		ZipEntry property = properties.get(propertyUuid.toLowerCase(Locale.ROOT));
		if (property == null) {
			throw new InteropException(flowSource, 0, "flow property " + propertyUuid + " is not in the archive (flowproperties/)");
		}
		String group;
		try (InputStream in = zip.open(property)) {
			group = IlcdReferenceReader.flowProperty(in, zip.display(property));
		}
		ZipEntry unitGroup = group == null ? null : groups.get(group.toLowerCase(Locale.ROOT));
		if (unitGroup == null) {
			throw new InteropException(zip.display(property), 0, "unit group " + group + " is not in the archive (unitgroups/)");
		}
		String unit;
		try (InputStream in = zip.open(unitGroup)) {
			unit = IlcdReferenceReader.unitGroup(in, zip.display(unitGroup));
		}
		if (unit == null) {
			throw new InteropException(zip.display(unitGroup), 0, "the unit group has no reference unit");
		}
		return unit;
	}

	private static void put(Map<String, ZipEntry> map, String key, ZipEntry entry) {
		if (key != null) {
			map.putIfAbsent(key, entry);
		}
	}

	/** The folder an entry is in: the last path segment before the file name. */
	private static String folder(String lowerName) {
		int slash = lowerName.lastIndexOf('/');
		if (slash < 0) {
			return "";
		}
		int previous = lowerName.lastIndexOf('/', slash - 1);
		return lowerName.substring(previous + 1, slash);
	}
}
