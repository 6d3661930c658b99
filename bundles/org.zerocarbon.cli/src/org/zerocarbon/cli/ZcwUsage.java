package org.zerocarbon.cli;

/** The usage text of {@code zcw help} (kept apart from the command dispatch in {@link Zcw}). */
final class ZcwUsage {

	private ZcwUsage() {
	}

	static final String TEXT = """
			Usage: zcw <command> [options] <paths...>

			Commands:
			  validate <paths...>   Parse and validate .zc model files (directories are searched recursively,
			                        hidden directories skipped). Files are validated together, so references
			                        between them resolve. Without errors, also the footprints' findings and
			                        the unmet criteria, as the workbench marks them.
			  report <paths...>     Validate, then compute the footprint of every line and park and write reports.
			  check <paths...>      Validate, then evaluate the criteria rule-sets of the methodologies.
			  diff <old> <new>      Compare footprints: each side is a JSON report or .zc files/directories.
			  import-epd <file> --into <lib.zc> [--unit "1 m2"]  Import ILCD+EPD (XML, zip) or openEPD JSON products.
			  export-epd <paths> --subject <name> --out <x.xml|x.zip> [--per <functional unit>]  Publish an EPD.
			  export-olca <paths> --subject <name> --out <x.zip>  Export an openLCA JSON-LD product system.
			  import-olca <zip> --into <lib.zc>  Import openLCA JSON-LD processes as processes.
			  evidence <paths> --out <x.zip> [--subject <names>] [--loop <names|none>]  Build the evidence
			                        package (reports, criteria, diagrams, measured data, models, provenance,
			                        manifest with SHA-256) of the lines and parks of --subject and the energy
			                        loops of --loop (qualified names separated by commas; default: all);
			                        --sign <p12> --alias <a> --password-env <VAR> signs the manifest (CMS);
			                        --raw-day <YYYY-MM-DD|none> the day of raw samples (default: median day).
			  evidence verify <x.zip>  Check every hash and recompute the footprints from the packaged models.
			  lsp                   Run the language server on stdin/stdout (editors start it; see docs/editors.md).
			  help                  Show this help.

			Options:
			  --methodology <id>    Methodology (qualified or simple name). Default for report/diff: the only one
			                        with life-cycle modules. For check: a methodology or criteria set; default:
			                        every criteria set among the files.
			  --format <list>       report: json,csv,html,pdf or all (default json,csv,html; the PDF adds
			                        about a second per line or park).
			  --out <dir>           report: output directory (default reports).
			  --iterations <n>      report/diff: Monte Carlo iterations (default 1000; 0 switches it off).
			  --seed <n>            report/diff: Monte Carlo seed (default 42).
			  --baseline <json>     report: compare with an earlier JSON report and include the delta.
			  --scenarios <list>    report: compare the baseline with scenarios (all, or names separated by commas;
			                        default: those the methodology names with 'compare scenarios'); writes
			                        <subject>.scenarios.* with Monte Carlo on common random numbers and a tornado.
			  --max-increase <pct>  diff: exit 1 if a total grows by more than this percentage.
			  --werror              Treat warnings as errors (exit code 1).
			  --quiet               Print only problems and results, not summaries or progress.
			  --debug               Print stack traces of internal errors.
			  --version             Print the version and exit.

			Exit codes: 0 no errors, 1 problems found, 2 usage or internal error.
			""";
}
