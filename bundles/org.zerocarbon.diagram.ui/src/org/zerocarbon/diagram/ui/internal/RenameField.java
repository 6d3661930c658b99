package org.zerocarbon.diagram.ui.internal;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Text;
import org.zerocarbon.diagram.Node;

/**
 * The diagram canvas's in-place name field, over a node's title: Enter commits, Escape cancels, leaving the field
 * commits. A commit that changed the name asks for the rename.
 */
final class RenameField {

	private final DiagramCanvas canvas;
	/** The element's name now, by figure id ({@code null}: it has none, or went away). */
	private final Function<String, String> currentName;
	/** Receives (figure id, new name). */
	private final BiConsumer<String, String> rename;
	private Text field;
	private String renaming;

	RenameField(DiagramCanvas canvas, Function<String, String> currentName, BiConsumer<String, String> rename) {
		this.canvas = canvas;
		this.currentName = currentName;
		this.rename = rename;
	}

	/** Opens the field on a node's title (its canvas position at the zoom), in the given font, with its name. */
	void open(Node n, String name, double zoom, Font font) {
		cancel();
		int[] t = n.titleBox();
		Text text = new Text(canvas, SWT.SINGLE | SWT.BORDER);
		text.setFont(font);
		text.setText(name);
		int[] at = canvas.toCanvas(n.x() + t[0], n.y() + t[1]);
		int height = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
		int width = (int) Math.round(Math.max(t[2] + 40, 120) * zoom);
		text.setBounds(at[0] - 4, at[1] - (height - (int) (t[3] * zoom)) / 2, width, height);
		text.selectAll();
		text.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_RETURN) {
				e.doit = false;
				commit();
			} else if (e.detail == SWT.TRAVERSE_ESCAPE) {
				e.doit = false;
				cancel();
				canvas.setFocus();
			}
		});
		text.addListener(SWT.FocusOut, e -> canvas.getDisplay().asyncExec(this::commit));
		field = text;
		renaming = n.id();
		text.setFocus();
	}

	/** The figure being renamed, or {@code null}. */
	String renaming() {
		return renaming;
	}

	/** The open field, or {@code null}. */
	Text field() {
		return field;
	}

	/** Commits the open field, if any. */
	void commit() {
		if (field == null || field.isDisposed()) {
			return;
		}
		String id = renaming;
		String name = field.getText().strip();
		String current = currentName.apply(id);
		cancel();
		if (!canvas.isDisposed()) {
			canvas.setFocus();
		}
		if (current != null && !name.equals(current)) {
			rename.accept(id, name);
		}
	}

	/** Closes the open field, if any, without renaming. */
	void cancel() {
		Text text = field;
		field = null;
		renaming = null;
		if (text != null && !text.isDisposed()) {
			text.dispose();
		}
	}
}
