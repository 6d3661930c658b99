package org.zerocarbon.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code zcw validate}: parses and validates the models; an error (or, with {@code werror}, a warning) fails the
 * build, and every problem is logged as {@code file:line:column: severity: message [code]}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = true)
public class ValidateMojo extends AbstractZcwMojo {

	@Override
	protected String command() {
		return "validate";
	}
}
