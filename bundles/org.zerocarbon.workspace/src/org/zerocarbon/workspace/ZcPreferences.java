package org.zerocarbon.workspace;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IScopeContext;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.zerocarbon.report.ReportFormat;

/**
 * The build settings of ZeroCarbon projects: the preference keys, their defaults and how the builder reads them.
 * Values are looked up in the project's scope first ({@code .settings/org.zerocarbon.workspace.prefs}, a
 * project-specific override that can be shared in version control), then in the workspace (instance) scope, then
 * in the defaults. The UI only edits these keys; everything that interprets them is here, so headless builds
 * behave the same.
 */
public final class ZcPreferences {

	/** Preference node (the bundle's symbolic name). */
	public static final String QUALIFIER = "org.zerocarbon.workspace";
	/** Qualified or simple name of the methodology footprints are computed with; empty: choose automatically. */
	public static final String METHODOLOGY = "defaultMethodology";
	/** Comma-separated report formats written on build ({@code html,json,csv,pdf}). */
	public static final String REPORT_FORMATS = "reportFormats";
	/** Whether builds write reports into {@code reports/} at all. */
	public static final String GENERATE_REPORTS = "generateReports";
	/** Monte Carlo iterations on build; 0 for none. */
	public static final String ITERATIONS = "monteCarloIterations";
	/** Monte Carlo seed. */
	public static final String SEED = "monteCarloSeed";

	/** Every key, for copying settings between scopes and for removing a project's own settings. */
	public static final Set<String> KEYS = Set.of(METHODOLOGY, REPORT_FORMATS, GENERATE_REPORTS, ITERATIONS, SEED);

	/** The defaults: JSON, CSV and HTML (PDF is slow and rarely needed on every save), no Monte Carlo, seed 42. */
	public static final Settings DEFAULTS = new Settings("", EnumSet.of(ReportFormat.HTML, ReportFormat.JSON, ReportFormat.CSV), true, 0,
			42);

	/** Upper bound of the iterations a build runs (a larger value is taken as this). */
	public static final int MAX_ITERATIONS = 1_000_000;

	private ZcPreferences() {
	}

	/**
	 * The settings of a build.
	 *
	 * @param methodology     preferred methodology (qualified or simple name), or empty for the automatic choice
	 * @param formats         report formats to write
	 * @param generateReports whether to write reports at all
	 * @param iterations      Monte Carlo iterations (0: no uncertainty analysis)
	 * @param seed            Monte Carlo seed
	 */
	public record Settings(String methodology, Set<ReportFormat> formats, boolean generateReports, int iterations, long seed) {
		public Settings {
			methodology = methodology == null ? "" : methodology.strip();
			formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
		}

		/** The formats to write on build: none when report generation is off. */
		public Set<ReportFormat> formatsToWrite() {
			return generateReports ? formats : Set.of();
		}
	}

	/**
	 * Puts {@link #DEFAULTS} into the default scope (registered in plugin.xml), so that preference pages can restore
	 * them; the builder falls back to the same values without it.
	 */
	public static final class Initializer extends AbstractPreferenceInitializer {
		@Override
		public void initializeDefaultPreferences() {
			put(DefaultScope.INSTANCE.getNode(QUALIFIER), DEFAULTS);
		}
	}

	/** The settings that apply to a project: its own, else the workspace's, else the defaults. */
	public static Settings settings(IProject project) {
		IScopeContext[] scopes = project == null ? new IScopeContext[] { InstanceScope.INSTANCE, DefaultScope.INSTANCE }
				: new IScopeContext[] { new ProjectScope(project), InstanceScope.INSTANCE, DefaultScope.INSTANCE };
		var service = Platform.getPreferencesService();
		String methodology = service.getString(QUALIFIER, METHODOLOGY, DEFAULTS.methodology(), scopes);
		String formats = service.getString(QUALIFIER, REPORT_FORMATS, formatList(DEFAULTS.formats()), scopes);
		boolean generate = service.getBoolean(QUALIFIER, GENERATE_REPORTS, DEFAULTS.generateReports(), scopes);
		int iterations = service.getInt(QUALIFIER, ITERATIONS, DEFAULTS.iterations(), scopes);
		long seed = service.getLong(QUALIFIER, SEED, DEFAULTS.seed(), scopes);
		return new Settings(methodology, parseFormats(formats), generate, Math.clamp(iterations, 0, MAX_ITERATIONS), seed);
	}

	/** Writes every setting into a preference node (workspace or project scope) and saves it. */
	public static void store(IEclipsePreferences node, Settings settings) throws BackingStoreException {
		put(node, settings);
		node.flush();
	}

	private static void put(IEclipsePreferences node, Settings settings) {
		node.put(METHODOLOGY, settings.methodology());
		node.put(REPORT_FORMATS, formatList(settings.formats()));
		node.putBoolean(GENERATE_REPORTS, settings.generateReports());
		node.putInt(ITERATIONS, settings.iterations());
		node.putLong(SEED, settings.seed());
	}

	/** Whether the project has settings of its own (the project properties page's "project-specific settings"). */
	public static boolean hasProjectSettings(IProject project) {
		IEclipsePreferences node = new ProjectScope(project).getNode(QUALIFIER);
		return KEYS.stream().anyMatch(key -> node.get(key, null) != null);
	}

	/** Removes the project's own settings, so that the workspace's apply again. */
	public static void removeProjectSettings(IProject project) throws BackingStoreException {
		IEclipsePreferences node = new ProjectScope(project).getNode(QUALIFIER);
		KEYS.forEach(node::remove);
		node.flush();
	}

	/** Formats as stored: lower-case names in a fixed order, comma-separated. */
	public static String formatList(Set<ReportFormat> formats) {
		return EnumSet.copyOf(formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : formats).stream()
				.map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
	}

	/** Parses a stored format list; unknown names are logged and skipped, so a bad value never breaks a build. */
	public static Set<ReportFormat> parseFormats(String list) {
		Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
		for (String name : list.split(",")) {
			if (name.isBlank()) {
				continue;
			}
			try {
				formats.add(ReportFormat.parse(name.strip()));
			} catch (IllegalArgumentException e) {
				ILog.of(ZcPreferences.class).warn("Ignoring unknown report format '" + name.strip() + "' in preference " + REPORT_FORMATS);
			}
		}
		return formats;
	}
}
