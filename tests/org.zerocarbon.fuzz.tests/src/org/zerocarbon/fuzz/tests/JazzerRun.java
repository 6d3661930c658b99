package org.zerocarbon.fuzz.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of Jazzer's standalone driver in a JVM of its own. Jazzer instruments classes through a Java agent and
 * loads its native libFuzzer driver, neither of which fits inside the OSGi test runtime; so the child JVM runs on a
 * flat class path ({@link FuzzClassPath}: the bundles this test bundle is wired to, as {@code zcw} runs outside
 * OSGi) plus the Jazzer jars that the pom copies to {@code target/jazzer}.
 * <p>
 * Everything the run makes stays in its folder (normally {@code target/fuzz/<name>}): {@code corpus/} (the seeds
 * and the inputs that reached new code), {@code crashes/} (each crashing input, with a Java reproducer),
 * {@code work/} (the target's copy of the examples), {@code jazzer.log} (the driver's whole output) and
 * {@code classpath.txt}.
 *
 * @param exitCode the driver's exit code (0: no finding)
 * @param inputs   the number of inputs run, seeds included
 * @param seeds    the number of seed inputs
 * @param crashes  the crashing, timing-out or memory-exhausting inputs written by the driver
 * @param folder   the folder of this run
 * @param output   the driver's output
 */
record JazzerRun(int exitCode, long inputs, int seeds, List<Path> crashes, Path folder, String output) {

	private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units: (\\d+)");
	private static final Pattern PROGRESS = Pattern.compile("^#(\\d+)\\s", Pattern.MULTILINE);
	private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in");

	/** The longest escaped text of one crashing input put in a failure message. */
	private static final int MAX_SHOWN = 20_000;

	/**
	 * Seeds a corpus with the examples and fuzzes a target class for the given time.
	 *
	 * @param folder    emptied, then holds the corpus, the crashes and the log
	 * @param target    a class with {@code fuzzerTestOneInput(byte[])}, normally {@link ModelFuzzTarget}
	 * @param keepGoing how many distinct findings to collect before the driver stops (1: stop at the first)
	 * @param words     a dictionary for the mutations (the language's keywords), or none
	 */
	static JazzerRun start(Path examples, Path folder, long seconds, Class<?> target, int keepGoing, List<String> words)
			throws IOException, InterruptedException {
		delete(folder);
		Path corpus = Files.createDirectories(folder.resolve("corpus"));
		int seeds = ModelFuzzTarget.seed(examples, corpus);
		Path crashes = Files.createDirectories(folder.resolve("crashes"));
		List<String> classPath = FuzzClassPath.of(JazzerRun.class, folder.resolve("nested-jars"));
		Files.write(folder.resolve("classpath.txt"), classPath);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-XX:+EnableDynamicAgentLoading");
		command.add("--enable-native-access=ALL-UNNAMED");
		command.add("-D" + ModelFuzzTarget.EXAMPLES + "=" + examples);
		command.add("-D" + ModelFuzzTarget.WORK + "=" + folder.resolve("work"));
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath));
		command.add("com.code_intelligence.jazzer.Jazzer");
		command.add("--target_class=" + target.getName());
		// coverage feedback and comparison hooks in our code only (the parser is generated into
		// org.zerocarbon.lang): hooking every class of Xtext, EMF and Guice too would cost most of the time budget
		command.add("--instrumentation_includes=org.zerocarbon.**");
		command.add("--custom_hook_includes=org.zerocarbon.**");
		command.add("--reproducer_path=" + crashes);
		command.add("--keep_going=" + Math.max(1, keepGoing));
		command.add("-max_total_time=" + seconds);
		// keep every example as a seed to mutate, even one that reaches no code another has reached
		command.add("-keep_seed=1");
		// an input running for a minute is a hang (a valid example set takes well under a second; the first input,
		// which loads and instruments the classes, takes up to 20 s on a loaded machine)
		command.add("-timeout=60");
		command.add("-rss_limit_mb=2560");
		command.add("-print_final_stats=1");
		command.add("-artifact_prefix=" + crashes + File.separator);
		if (!words.isEmpty()) {
			Path dictionary = folder.resolve("keywords.dict");
			Files.write(dictionary, words.stream().map(JazzerRun::dictionaryEntry).toList());
			command.add("-dict=" + dictionary);
		}
		command.add(corpus.toString());
		Path log = folder.resolve("jazzer.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.directory(folder.toFile()).start();
		if (!process.waitFor(seconds + 180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		List<Path> found;
		try (Stream<Path> list = Files.list(crashes)) {
			found = list.filter(p -> {
				String name = p.getFileName().toString();
				return name.startsWith("crash-") || name.startsWith("timeout-") || name.startsWith("oom-");
			}).sorted().toList();
		}
		return new JazzerRun(process.exitValue(), inputs(output), seeds, found, folder, output);
	}

	/** The number of inputs run: libFuzzer's final statistics, else its last progress line. */
	static long inputs(String output) {
		Matcher executed = EXECUTED.matcher(output);
		if (executed.find()) {
			return Long.parseLong(executed.group(1));
		}
		long last = 0;
		for (Pattern pattern : List.of(PROGRESS, DONE)) {
			Matcher matcher = pattern.matcher(output);
			while (matcher.find()) {
				last = Math.max(last, Long.parseLong(matcher.group(1)));
			}
		}
		return last;
	}

	/**
	 * What a failure shows: each Java exception the driver reported with its stack, then each crashing input as
	 * Base64 and as escaped text, with the file it is kept in.
	 */
	String findings() throws IOException {
		StringBuilder text = new StringBuilder();
		int at = output.indexOf("== Java Exception");
		if (at < 0) {
			at = output.indexOf("==ERROR");
		}
		if (at < 0) {
			text.append(tail()).append('\n');
		}
		while (at >= 0) {
			int end = output.indexOf("== libFuzzer crashing input ==", at);
			end = end < 0 ? Math.min(output.length(), at + 6000) : end;
			text.append(output, at, Math.min(end, at + 6000)).append('\n');
			at = output.indexOf("== Java Exception", end);
		}
		for (Path crash : crashes) {
			byte[] input = Files.readAllBytes(crash);
			text.append("Input ").append(crash).append(" (").append(input.length).append(" bytes)\n");
			text.append("  Base64: ").append(Base64.getEncoder().encodeToString(input)).append('\n');
			String escaped = escaped(input);
			text.append("  Text:   ").append(escaped, 0, Math.min(escaped.length(), MAX_SHOWN))
					.append(escaped.length() > MAX_SHOWN ? "... (cut; the whole input is in the file)" : "").append('\n');
		}
		return text.toString();
	}

	/** Bytes as Java-like text: printable ASCII as is, {@code \n} {@code \t} {@code \\}, anything else {@code \xNN}. */
	static String escaped(byte[] input) {
		StringBuilder text = new StringBuilder(input.length);
		for (byte b : input) {
			int c = Byte.toUnsignedInt(b);
			if (c == '\\') {
				text.append("\\\\");
			} else if (c == '\n') {
				text.append("\\n");
			} else if (c == '\t') {
				text.append("\\t");
			} else if (c >= 0x20 && c < 0x7f) {
				text.append((char) c);
			} else {
				text.append(String.format("\\x%02x", c));
			}
		}
		return text.toString();
	}

	/** A word as a line of a libFuzzer dictionary: in quotes, its UTF-8 bytes outside printable ASCII as {@code \xNN}. */
	static String dictionaryEntry(String word) {
		StringBuilder entry = new StringBuilder("\"");
		for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
			int c = Byte.toUnsignedInt(b);
			if (c == '"' || c == '\\') {
				entry.append('\\').append((char) c);
			} else if (c >= 0x20 && c < 0x7f) {
				entry.append((char) c);
			} else {
				entry.append(String.format("\\x%02x", c));
			}
		}
		return entry.append('"').toString();
	}

	/** The end of the driver's output. */
	String tail() {
		return output.substring(Math.max(0, output.length() - 4000));
	}

	/** One line for the log and the README. */
	String summary() {
		return inputs + " inputs tried (" + seeds + " seeds from the examples), " + crashes.size() + " crashing";
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
