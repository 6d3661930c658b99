package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;

/** Helpers for tests of model changes: waiting for a change on the UI thread, reading a file as saved. */
final class Edits {

	private Edits() {
	}

	/** Runs the event loop until the change is done; returns its result, or fails with its failure. */
	static <T> T await(CompletableFuture<T> change) {
		Workbench.waitUntil("the model change is done", change::isDone);
		try {
			return change.join();
		} catch (CompletionException e) {
			throw new AssertionError("The change failed: " + e.getCause().getMessage(), e.getCause());
		}
	}

	/** Runs the event loop until the change is refused; returns the refusal. */
	static Throwable refusal(CompletableFuture<?> change) {
		Workbench.waitUntil("the model change is done", change::isDone);
		try {
			change.join();
		} catch (CompletionException e) {
			return e.getCause();
		}
		return fail("The change was made, but it should have been refused");
	}

	/** The file's contents as saved. */
	static String onDisk(IFile file) throws IOException, CoreException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
