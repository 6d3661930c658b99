package org.zerocarbon.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code zcw diff}: compares the footprints of a baseline and of the models (each side a JSON report, or {@code .zc}
 * files to compute) and explains the change by factor and activity. With {@code maxIncrease}, a total that grows by
 * more than that percentage fails the build: the CI gate against an accidental footprint increase.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true)
public class DiffMojo extends AbstractFootprintMojo {

	/** The old side: a JSON report (such as the main branch's), or a {@code .zc} file or directory. */
	@Parameter(property = "zerocarbon.diff.baseline", required = true)
	protected File baseline;

	/** Fail the build when a total grows by more than this percentage (such as {@code 5} or {@code 2.5%}). */
	@Parameter(property = "zerocarbon.maxIncrease")
	protected String maxIncrease;

	@Override
	protected String command() {
		return "diff";
	}

	@Override
	protected void options(List<String> arguments) {
		arguments.add(0, path(baseline)); // zcw diff <old> <new>
		super.options(arguments);
		option(arguments, "--max-increase", maxIncrease);
	}
}
