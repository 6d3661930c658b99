package org.zerocarbon.diagram.ui.internal;

import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.zerocarbon.diagram.Figure;
import org.zerocarbon.diagram.Node;

/**
 * The diagram canvas's tooltip: the hovered figure's element, its description and its problems, in a small popup of
 * its own. Not the control's native tooltip: that one stayed up over a deleted machine, or one the re-layout had
 * moved away, although the canvas cleared its text on every redraw (issue 17); the toolkit decides when a native
 * tooltip goes, and a test cannot see it. This one hides when told to ({@link #hide()}: when the drawing changes
 * under it, and as soon as a delete or a re-layout is asked for), and says whether it is up.
 * <p>
 * It shows when the pointer rests on a figure ({@code SWT.MouseHover}) and hides when the pointer moves onto another
 * figure or the background, leaves the canvas, presses a button or a key, or the view zooms or scrolls.
 */
public final class CanvasTooltip {

	/** Pixels between the pointer and the popup's top-left corner. */
	private static final int OFFSET = 16;

	private final Control owner;
	private Shell popup;
	/** The text of the figure the popup shows, while it is up. */
	private String shown;

	/** A tooltip for the control; it goes with it. */
	CanvasTooltip(Control owner) {
		this.owner = owner;
		owner.addListener(SWT.Dispose, e -> {
			if (popup != null && !popup.isDisposed()) {
				popup.dispose();
			}
		});
	}

	/**
	 * The tooltip text of a figure: its element's type and (qualified) name, the node's description, its problems.
	 *
	 * @param f     the figure, or {@code null} for the background
	 * @param info  its element, or {@code null}
	 * @param badge its problems, or {@code null}
	 * @return the text, or {@code null} for none
	 */
	static String text(Figure f, ElementInfo info, ProblemBadges.Badge badge) {
		if (f == null) {
			return null;
		}
		StringBuilder s = new StringBuilder();
		if (info != null && info.type() != null) {
			s.append(info.type()).append(' ').append(info.qualifiedName() != null ? info.qualifiedName() : info.name());
		} else if (f instanceof Node n) {
			s.append(n.title());
		}
		if (f instanceof Node n && n.tooltip() != null && !n.tooltip().isBlank()) {
			s.append('\n').append(n.tooltip());
		}
		if (badge != null) {
			s.append("\n\n").append(badge.tooltip());
		}
		return s.isEmpty() ? null : s.toString();
	}

	/**
	 * Shows the text near a point of the owner, replacing what was up.
	 *
	 * @param text the text; {@code null} hides the tooltip
	 * @param x    owner x of the pointer
	 * @param y    owner y of the pointer
	 */
	void show(String text, int x, int y) {
		if (text == null) {
			hide();
			return;
		}
		if (text.equals(shown) && isVisible()) {
			return;
		}
		hide(); // a fresh popup per showing: nothing of the last one (size, place) carries over
		popup = new Shell(owner.getShell(), SWT.ON_TOP | SWT.TOOL | SWT.NO_FOCUS);
		FillLayout layout = new FillLayout();
		layout.marginWidth = 4;
		layout.marginHeight = 3;
		popup.setLayout(layout);
		popup.setBackground(owner.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		Label label = new Label(popup, SWT.WRAP);
		label.setBackground(owner.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		label.setForeground(owner.getDisplay().getSystemColor(SWT.COLOR_INFO_FOREGROUND));
		label.setText(text.replace("&", "&&"));
		Point size = popup.computeSize(SWT.DEFAULT, SWT.DEFAULT);
		size.x = Math.min(size.x, 480);
		size = popup.computeSize(size.x, SWT.DEFAULT);
		Point at = owner.toDisplay(x + OFFSET, y + OFFSET);
		Rectangle screen = owner.getMonitor().getClientArea();
		at.x = Math.max(screen.x, Math.min(at.x, screen.x + screen.width - size.x));
		if (at.y + size.y > screen.y + screen.height) {
			at.y = owner.toDisplay(x, y).y - OFFSET - size.y; // above the pointer near the screen's bottom
		}
		at.y = Math.max(screen.y, Math.min(at.y, screen.y + screen.height - size.y));
		popup.setBounds(at.x, at.y, size.x, size.y);
		popup.setVisible(true);
		shown = text;
	}

	/** Hides the tooltip, if it is up. */
	public void hide() {
		shown = null;
		if (popup != null && !popup.isDisposed()) {
			popup.dispose();
		}
		popup = null;
	}

	/** Whether the tooltip is up. */
	public boolean isVisible() {
		return shown != null && popup != null && !popup.isDisposed() && popup.isVisible();
	}

	/** The text up, or {@code null} when the tooltip is hidden. */
	public String text() {
		return isVisible() ? shown : null;
	}

	/** Whether a new text differs from the one up (a move onto another figure). */
	boolean differs(String text) {
		return !Objects.equals(text, shown);
	}
}
