package org.zerocarbon.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code zcw check}: validates the models, then evaluates the criteria rule-sets of the methodologies. An unmet
 * criterion of severity error (or, with {@code werror}, of severity warning) fails the build; each failing element
 * is logged with its {@code file:line}. Models without criteria pass.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true)
public class CheckMojo extends AbstractMethodologyMojo {

	@Override
	protected String command() {
		return "check";
	}
}
