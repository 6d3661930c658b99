package org.zerocarbon.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;

/** A goal that works under a methodology ({@code check}, {@code report}, {@code diff}). */
public abstract class AbstractMethodologyMojo extends AbstractZcwMojo {

	/**
	 * The methodology (qualified or simple name). By default, for {@code report} and {@code diff} the only one with
	 * life-cycle modules; for {@code check}, which also takes a criteria set, every criteria set among the files.
	 */
	@Parameter(property = "zerocarbon.methodology")
	protected String methodology;

	@Override
	protected void options(List<String> arguments) {
		option(arguments, "--methodology", methodology);
	}
}
