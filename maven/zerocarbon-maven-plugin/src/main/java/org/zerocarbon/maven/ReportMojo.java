package org.zerocarbon.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code zcw report}: validates the models, computes the footprint of every line and park and writes the reports.
 * Models with errors produce no report and fail the build; so does a finding of severity error of the calculation
 * (the reports are written all the same).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = true)
public class ReportMojo extends AbstractFootprintMojo {

	/** Report formats: {@code json}, {@code csv}, {@code html}, {@code pdf}, comma-separated, or {@code all}. */
	@Parameter(property = "zerocarbon.formats", defaultValue = "json,csv,html")
	protected String formats;

	/** Where the reports are written. */
	@Parameter(property = "zerocarbon.outputDirectory", defaultValue = "${project.build.directory}/zerocarbon-reports")
	protected File outputDirectory;

	/** An earlier JSON report to compare with: the reports include the delta. */
	@Parameter(property = "zerocarbon.baseline")
	protected File baseline;

	/**
	 * Scenarios to compare with the model as it stands ({@code all}, or names separated by commas): writes
	 * {@code <subject>.scenarios.*}. By default those the methodology names with {@code compare scenarios}.
	 */
	@Parameter(property = "zerocarbon.scenarios")
	protected String scenarios;

	@Override
	protected String command() {
		return "report";
	}

	@Override
	protected void options(List<String> arguments) {
		super.options(arguments);
		option(arguments, "--format", formats);
		option(arguments, "--out", outputDirectory);
		option(arguments, "--baseline", baseline);
		option(arguments, "--scenarios", scenarios);
	}
}
