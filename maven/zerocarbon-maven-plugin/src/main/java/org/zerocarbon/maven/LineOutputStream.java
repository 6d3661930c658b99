package org.zerocarbon.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hands every complete line written to it (UTF-8, without its line end) to a consumer; a last line without a line
 * end is handed over on {@link #close()}. Thread-safe, so report writer threads may share it.
 */
final class LineOutputStream extends OutputStream {

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();
	private final Consumer<String> lines;

	LineOutputStream(Consumer<String> lines) {
		this.lines = lines;
	}

	@Override
	public synchronized void write(int b) {
		if (b == '\n') {
			emit();
		} else {
			line.write(b);
		}
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

	@Override
	public synchronized void close() {
		if (line.size() > 0) {
			emit();
		}
	}

	private void emit() {
		String text = line.toString(StandardCharsets.UTF_8);
		line.reset();
		lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
	}
}
