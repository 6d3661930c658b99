package org.zerocarbon.telemetry.tests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the housing cell's example data: one week (Monday 2 March 2026, Europe/Berlin) of SYNTHETIC but realistic
 * 10 s data for two machines. VMC1 (vertical machining centre, ~9.5 kW processing, 1.2 kW standby) as MTConnect
 * Streams files (one gzip document per day, one agent run) with a probe; HMC1 (horizontal machining centre,
 * ~17.5 kW processing) as a CSV export (';', decimal comma, local times). Two shifts Monday to Friday (06-14, 14-22),
 * one on Saturday, Sunday off; breaks, warm-up, random interruptions, a breakdown, part counts reset daily, and one
 * data gap per machine. Deterministic (fixed seeds). Run: {@code java ... ExampleData <dir>}.
 */
public final class ExampleData {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
	static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
	static final int STEP_S = 10;

	/** One machine's behaviour. */
	record Machine(String name, double offW, double standbyW, double readyW, double warmupW, double processingW,
			String[] programs, int[] cycleS, int[] loadS, long seed) {
	}

	static final Machine VMC1 = new Machine("VMC1", 80, 1200, 3600, 5500, 9500, new String[] { "O2010_HOUSING_OP20",
			"O2020_COVER_OP20" }, new int[] { 660, 420 }, new int[] { 90, 60 }, 20260302L);
	static final Machine HMC1 = new Machine("HMC1", 150, 2600, 6800, 9000, 17500, new String[] { "P4711_HOUSING_OP10",
			"P4712_FLANGE_OP10" }, new int[] { 840, 600 }, new int[] { 30, 30 }, 4711L);

	/** A stretch of constant machine state. */
	record Segment(long start, long end, String execution, String state, String program, boolean on) {
	}

	private ExampleData() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "examples/housing-cell/data");
		write(dir);
		System.out.println("written to " + dir.toAbsolutePath());
	}

	static void write(Path dir) throws IOException {
		Files.createDirectories(dir.resolve("mtconnect"));
		writeMTConnect(dir.resolve("mtconnect"), timeline(VMC1));
		writeCsv(dir.resolve("hmc1-week.csv"), timeline(HMC1));
	}

	static long at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(ZONE).toInstant().toEpochMilli();
	}

	/** The week's segments: shifts, breaks, cycles, interruptions, a breakdown on Wednesday. */
	static List<Segment> timeline(Machine m) {
		Random random = new Random(m.seed());
		List<Segment> segments = new ArrayList<>();
		long t = at(MONDAY, 0, 0);
		for (int d = 0; d < 7; d++) {
			LocalDate day = MONDAY.plusDays(d);
			DayOfWeek dow = day.getDayOfWeek();
			if (dow == DayOfWeek.SUNDAY) {
				continue;
			}
			boolean afterWeekend = dow == DayOfWeek.MONDAY;
			long powerOn = at(day, 5, 30);
			if (afterWeekend) {
				segments.add(new Segment(t, powerOn, "READY", "off", null, false));
				segments.add(new Segment(powerOn, at(day, 5, 45), "READY", "standby", null, true));
			} else {
				segments.add(new Segment(t, at(day, 5, 45), "READY", "standby", null, true));
			}
			segments.add(new Segment(at(day, 5, 45), at(day, 6, 0), "ACTIVE", "warmup", "WARMUP", true));
			int shifts = dow == DayOfWeek.SATURDAY ? 1 : 2;
			for (int s = 0; s < shifts; s++) {
				int startHour = 6 + 8 * s;
				long end = at(day, startHour + 8, 0);
				long[][] breaks = s == 0 ? new long[][] { { at(day, 9, 0), at(day, 9, 15) }, { at(day, 12, 0), at(day, 12, 30) } }
						: new long[][] { { at(day, 17, 0), at(day, 17, 15) }, { at(day, 19, 30), at(day, 20, 0) } };
				long[] breakdown = dow == DayOfWeek.WEDNESDAY && s == 0 ? new long[] { at(day, 10, 12), at(day, 11, 5) } : null;
				produce(m, segments, at(day, startHour, 0), end, m.programs()[s], m.cycleS()[s], m.loadS()[s], breaks, breakdown, random);
			}
			t = at(day, 6 + 8 * shifts, 0);
			if (dow == DayOfWeek.SATURDAY) {
				segments.add(new Segment(t, t + 15 * 60_000, "READY", "ready", null, true));
				t += 15 * 60_000;
				long weekEnd = at(MONDAY.plusDays(7), 0, 0);
				segments.add(new Segment(t, weekEnd, "READY", "off", null, false));
				t = weekEnd;
			}
		}
		return segments;
	}

	private static void produce(Machine m, List<Segment> out, long from, long to, String program, int cycleS, int loadS,
			long[][] breaks, long[] breakdown, Random random) {
		long t = from;
		while (t < to) {
			long[] pause = null;
			for (long[] b : breaks) {
				if (t >= b[0] && t < b[1]) {
					pause = b;
				}
			}
			if (breakdown != null && t >= breakdown[0] && t < breakdown[1]) {
				pause = breakdown;
			}
			if (pause != null) {
				long readyEnd = Math.min(pause[1], t + 5 * 60_000);
				String execution = pause == breakdown ? "STOPPED" : "READY";
				out.add(new Segment(t, readyEnd, execution, "ready", program, true));
				if (readyEnd < pause[1]) {
					out.add(new Segment(readyEnd, pause[1], execution, "standby", program, true));
				}
				t = pause[1];
				continue;
			}
			long cycle = (long) ((cycleS + random.nextGaussian() * 12) * 1000);
			long next = Math.min(to, t + cycle);
			for (long[] b : breaks) {
				if (b[0] > t && b[0] < next) {
					next = b[0];
				}
			}
			if (breakdown != null && breakdown[0] > t && breakdown[0] < next) {
				next = breakdown[0];
			}
			if (random.nextDouble() < 0.08 && next - t > 120_000) { // an interruption inside the cycle (feed hold)
				long hold = t + (next - t) / 2;
				long holdEnd = Math.min(to, hold + (2 + random.nextInt(6)) * 60_000L);
				out.add(new Segment(t, hold, "ACTIVE", "processing", program, true));
				out.add(new Segment(hold, holdEnd, "FEED_HOLD", "ready", program, true));
				long rest = next - hold;
				t = holdEnd;
				next = Math.min(to, t + rest);
			}
			out.add(new Segment(t, next, "ACTIVE", "processing", program, true));
			boolean complete = next - t >= cycle / 3;
			t = next;
			if (t < to) {
				long load = Math.min(to, t + loadS * 1000L);
				out.add(new Segment(t, load, complete ? "PROGRAM_COMPLETED" : "READY", "ready", program, true));
				t = load;
			}
		}
	}

	/** The power of a state at t (W): the state's level with a cutting-load wave and noise while processing. */
	static double power(Machine m, Segment s, long t, Random random) {
		return switch (s.state()) {
			case "off" -> m.offW() + random.nextGaussian() * 5;
			case "standby" -> m.standbyW() + random.nextGaussian() * 40;
			case "ready" -> m.readyW() + random.nextGaussian() * 120;
			case "warmup" -> m.warmupW() + random.nextGaussian() * 250;
			default -> m.processingW() * (1 + 0.15 * Math.sin(2 * Math.PI * (t - s.start()) / 90_000.0))
					+ random.nextGaussian() * 300;
		};
	}

	// ---- VMC1 as MTConnect

	/** One observation as XML, with its sequence and the day it belongs to. */
	private record Observation(long sequence, long time, boolean sample, String xml) {
	}

	static void writeMTConnect(Path dir, List<Segment> segments) throws IOException {
		Random random = new Random(VMC1.seed() + 1);
		List<Observation> all = new ArrayList<>();
		long[] sequence = { 0 };
		long gapFrom = at(MONDAY.plusDays(3), 13, 0); // Thursday: the agent loses the meter for 20 min
		long gapTo = at(MONDAY.plusDays(3), 13, 20);
		double counter = 5.0e9; // J since the meter was installed
		String lastProgram = null;
		String lastExecution = null;
		Boolean lastOn = null;
		long parts = 0;
		LocalDate partsDay = null;
		int index = 0;
		long end = segments.get(segments.size() - 1).end();
		boolean unavailable = false;
		for (long t = segments.get(0).start(); t < end; t += STEP_S * 1000L) {
			while (segments.get(index).end() <= t) {
				index++;
			}
			// events at segment boundaries up to t
			for (int i = Math.max(0, index - 3); i <= index; i++) {
				Segment s = segments.get(i);
				if (s.start() > t - STEP_S * 1000L && s.start() <= t) {
					LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(s.start()), ZONE);
					if (s.start() >= at(day, 6, 0) && !day.equals(partsDay)) {
						partsDay = day;
						parts = 0;
						all.add(event(sequence, s.start(), "PartCount", "vmc1_parts", "0", " subType=\"ALL\""));
					}
					if (lastOn == null || lastOn != s.on()) {
						all.add(event(sequence, s.start(), "PowerState", "vmc1_pwr", s.on() ? "ON" : "OFF", ""));
						lastOn = s.on();
					}
					if (!s.execution().equals(lastExecution)) {
						all.add(event(sequence, s.start(), "Execution", "vmc1_exec", s.execution(), ""));
						lastExecution = s.execution();
					}
					String program = s.program() == null ? "UNAVAILABLE" : s.program();
					if (!program.equals(lastProgram)) {
						all.add(event(sequence, s.start(), "Program", "vmc1_prog", program, ""));
						lastProgram = program;
					}
					if ("PROGRAM_COMPLETED".equals(s.execution())) {
						parts++;
						all.add(event(sequence, s.start(), "PartCount", "vmc1_parts", Long.toString(parts), " subType=\"ALL\""));
					}
				}
			}
			double watts = Math.max(0, power(VMC1, segments.get(index), t, random));
			counter += watts * STEP_S;
			if (t >= gapFrom && t < gapTo) {
				if (!unavailable) {
					all.add(sample(sequence, t, "Wattage", "vmc1_power", "UNAVAILABLE"));
					all.add(sample(sequence, t, "ElectricalEnergy", "vmc1_energy", "UNAVAILABLE"));
					unavailable = true;
				}
				continue;
			}
			unavailable = false;
			all.add(sample(sequence, t, "Wattage", "vmc1_power", String.format(Locale.ROOT, "%.0f", watts)));
			if ((t / 1000) % 60 == 0) {
				all.add(sample(sequence, t, "ElectricalEnergy", "vmc1_energy", String.format(Locale.ROOT, "%.0f", counter)));
			}
		}
		for (int d = 0; d < 7; d++) {
			LocalDate day = MONDAY.plusDays(d);
			long from = at(day, 0, 0);
			long to = at(day.plusDays(1), 0, 0);
			List<Observation> doc = all.stream().filter(o -> o.time() >= from && o.time() < to).toList();
			if (!doc.isEmpty()) {
				writeStreams(dir.resolve("vmc1-" + day + ".xml.gz"), doc, all.get(0).sequence());
			}
		}
		writeAtomically(dir.resolve("vmc1-probe.xml"), probe().getBytes(StandardCharsets.UTF_8));
	}

	private static Observation sample(long[] sequence, long t, String element, String id, String value) {
		long s = ++sequence[0];
		return new Observation(s, t, true, "<" + element + " dataItemId=\"" + id + "\" timestamp=\"" + Instant.ofEpochMilli(t)
				+ "\" sequence=\"" + s + "\">" + value + "</" + element + ">");
	}

	private static Observation event(long[] sequence, long t, String element, String id, String value, String attributes) {
		long s = ++sequence[0];
		return new Observation(s, t, false, "<" + element + " dataItemId=\"" + id + "\" timestamp=\"" + Instant.ofEpochMilli(t)
				+ "\" sequence=\"" + s + "\"" + attributes + ">" + value + "</" + element + ">");
	}

	private static void writeStreams(Path file, List<Observation> doc, long firstSequence) throws IOException {
		long last = doc.get(doc.size() - 1).sequence();
		Instant created = Instant.ofEpochMilli(doc.get(doc.size() - 1).time() + 5000);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- SYNTHETIC example data (generated by ExampleData in "
					+ "org.zerocarbon.telemetry.tests), not measured on a real machine -->\n"
					+ "<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:2.4\">\n<Header creationTime=\"" + created
					+ "\" sender=\"vmc1-agent\" instanceId=\"1772409600\" version=\"2.4.0.0\" deviceModelChangeTime=\"2026-03-01T00:00:00Z\" "
					+ "bufferSize=\"131072\" firstSequence=\"" + firstSequence + "\" lastSequence=\"" + last + "\" nextSequence=\""
					+ (last + 1) + "\"/>\n<Streams>\n<DeviceStream name=\"VMC1\" uuid=\"vmc1-0001\">\n"
					+ "<ComponentStream component=\"Electric\" componentId=\"elec\" name=\"electric\">\n<Samples>\n");
			for (Observation o : doc) {
				if (o.sample()) {
					out.write(o.xml());
					out.write('\n');
				}
			}
			out.write("</Samples>\n</ComponentStream>\n");
			if (doc.stream().anyMatch(o -> !o.sample())) { // an empty Events element is invalid
				out.write("<ComponentStream component=\"Controller\" componentId=\"ctrl\" name=\"controller\">\n<Events>\n");
				for (Observation o : doc) {
					if (!o.sample()) {
						out.write(o.xml());
						out.write('\n');
					}
				}
				out.write("</Events>\n</ComponentStream>\n");
			}
			out.write("</DeviceStream>\n</Streams>\n</MTConnectStreams>\n");
		}
		writeAtomically(file, bytes.toByteArray());
	}

	static String probe() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- SYNTHETIC example data: the probe of the VMC1 agent (generated by ExampleData) -->
				<MTConnectDevices xmlns="urn:mtconnect.org:MTConnectDevices:2.4">
				  <Header creationTime="2026-03-01T23:00:00Z" sender="vmc1-agent" instanceId="1772409600" version="2.4.0.0" deviceModelChangeTime="2026-03-01T00:00:00Z" bufferSize="131072" assetBufferSize="1024" assetCount="0"/>
				  <Devices>
				    <Device id="vmc1" name="VMC1" uuid="vmc1-0001">
				      <Components>
				        <Controller id="ctrl" name="controller">
				          <DataItems>
				            <DataItem category="EVENT" id="vmc1_exec" type="EXECUTION"/>
				            <DataItem category="EVENT" id="vmc1_prog" type="PROGRAM"/>
				            <DataItem category="EVENT" id="vmc1_parts" type="PART_COUNT" subType="ALL"/>
				            <DataItem category="EVENT" id="vmc1_pwr" type="POWER_STATE"/>
				          </DataItems>
				        </Controller>
				        <Systems id="sys">
				          <Components>
				            <Electric id="elec" name="electric">
				              <DataItems>
				                <DataItem category="SAMPLE" id="vmc1_power" type="WATTAGE" units="WATT"/>
				                <DataItem category="SAMPLE" id="vmc1_energy" type="ELECTRICAL_ENERGY" units="WATT_SECOND"/>
				              </DataItems>
				            </Electric>
				          </Components>
				        </Systems>
				      </Components>
				    </Device>
				  </Devices>
				</MTConnectDevices>
				""";
	}

	// ---- HMC1 as CSV

	static void writeCsv(Path file, List<Segment> segments) throws IOException {
		Random random = new Random(HMC1.seed() + 1);
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		long gapFrom = at(MONDAY.plusDays(1), 2, 0); // Tuesday night: the logger restarts, 40 min missing
		long gapTo = at(MONDAY.plusDays(1), 2, 40);
		Path temp = Files.createTempFile(file.getParent(), "hmc1", ".tmp");
		try {
			try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				out.write("# SYNTHETIC example data (generated by ExampleData in org.zerocarbon.telemetry.tests), not measured on a real machine\n");
				out.write("# HMC1 energy logger export, local time Europe/Berlin, 10 s\n");
				out.write("timestamp;power_kW;state;program;parts\n");
				long parts = 0;
				LocalDate partsDay = null;
				int index = 0;
				long end = segments.get(segments.size() - 1).end();
				for (long t = segments.get(0).start(); t < end; t += STEP_S * 1000L) {
					while (segments.get(index).end() <= t) {
						index++;
					}
					Segment s = segments.get(index);
					LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZONE);
					if (local.toLocalTime().equals(LocalTime.of(6, 0)) && !local.toLocalDate().equals(partsDay)) {
						partsDay = local.toLocalDate();
						parts = 0;
					}
					if ("PROGRAM_COMPLETED".equals(s.execution()) && s.start() > t - STEP_S * 1000L) {
						parts++;
					}
					double kw = Math.max(0, power(HMC1, s, t, random)) / 1000;
					if (t >= gapFrom && t < gapTo) {
						continue;
					}
					out.write(format.format(local));
					out.write(';');
					out.write(String.format(Locale.ROOT, "%.3f", kw).replace('.', ','));
					out.write(';');
					out.write(s.state());
					out.write(';');
					out.write(s.program() == null ? "" : s.program());
					out.write(';');
					out.write(Long.toString(parts));
					out.write('\n');
				}
			}
			readable(temp);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Temp files are created owner-only; the example files are ordinary readable files. */
	private static void readable(Path file) {
		try {
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		} catch (IOException | UnsupportedOperationException e) {
			// not a POSIX file system: leave it
		}
	}

	static void writeAtomically(Path file, byte[] content) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				out.write(content);
			}
			readable(temp);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temp);
		}
	}
}
