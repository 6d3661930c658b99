package org.zerocarbon.cli;

import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Equinox entry point of the {@code zcw} command; all work is done by {@link Zcw}. */
public class ZcwApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		// The launcher's exit code is taken from the Integer this returns.
		int code = new Zcw(System.out, System.err, Path.of("").toAbsolutePath()).run(args == null ? new String[0] : args);
		BundleClosure.writeIfAsked();
		return code;
	}

	@Override
	public void stop() {
		// nothing to stop: every command runs to completion on the caller's thread
	}
}
