package org.zerocarbon.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;

/** A goal that computes footprints ({@code report}, {@code diff}): the methodology and the Monte Carlo options. */
public abstract class AbstractFootprintMojo extends AbstractMethodologyMojo {

	/** Monte Carlo iterations (0 switches it off); zcw's default is 1000. */
	@Parameter(property = "zerocarbon.iterations")
	protected Integer iterations;

	/** Monte Carlo seed; zcw's default is 42. */
	@Parameter(property = "zerocarbon.seed")
	protected Long seed;

	@Override
	protected void options(List<String> arguments) {
		super.options(arguments);
		option(arguments, "--iterations", iterations);
		option(arguments, "--seed", seed);
	}
}
