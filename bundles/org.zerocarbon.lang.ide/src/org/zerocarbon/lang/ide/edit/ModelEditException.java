package org.zerocarbon.lang.ide.edit;

/**
 * A model change that cannot be written back to its file, with a message fit for a dialog: what is wrong, where,
 * and what to do next. Nothing was changed when it is thrown.
 * <p>
 * Unchecked, so that the change itself (a {@code Consumer<ZcModel>}) can throw it when it does not find the
 * element it should change, e.g. {@code throw new ModelEditException("Machine 'VMC3' no longer exists.")}.
 */
public class ModelEditException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** A failure described by its message. */
	public ModelEditException(String message) {
		super(message);
	}

	/** A failure described by its message, caused by an unexpected exception (kept for the log). */
	public ModelEditException(String message, Throwable cause) {
		super(message, cause);
	}
}
