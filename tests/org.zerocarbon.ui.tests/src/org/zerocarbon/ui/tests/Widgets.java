package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Driving views, wizards and dialogs with SWT events, as a user's clicks arrive (no SWTBot on Maven Central), and
 * waiting for builds. The display-loop wait itself is {@link Workbench}'s, shared by the UI test bundles.
 */
final class Widgets {

	private Widgets() {
	}

	/** Runs the event loop until no job of the families (and no build) is waiting or running, then flushes. */
	static void waitForJobs(Object... families) {
		List<Object> all = new ArrayList<>(List.of(families));
		all.add(ResourcesPlugin.FAMILY_AUTO_BUILD);
		all.add(ResourcesPlugin.FAMILY_MANUAL_BUILD);
		Workbench.waitUntil("the builds have finished", () -> all.stream().allMatch(f -> Job.getJobManager().find(f).length == 0));
		Workbench.flush();
	}

	/** The widgets of a type below a composite (depth first) that match the condition. */
	static <T extends Control> List<T> find(Composite root, Class<T> type, Predicate<T> condition) {
		List<T> found = new ArrayList<>();
		for (Control child : root.getChildren()) {
			if (type.isInstance(child) && condition.test(type.cast(child))) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				found.addAll(find(composite, type, condition));
			}
		}
		return found;
	}

	/** The button whose label starts with the text (mnemonics ignored); fails when there is none. */
	static Button button(Composite root, String label) {
		List<Button> buttons = find(root, Button.class, b -> b.getText().replace("&", "").startsWith(label));
		if (buttons.isEmpty()) {
			fail("No button '" + label + "' in " + root);
		}
		return buttons.get(0);
	}

	/** Clicks a push button, or sets a check box to the given state, with the Selection event. */
	static void click(Button button, boolean... checked) {
		if (checked.length > 0) {
			button.setSelection(checked[0]);
		}
		button.notifyListeners(SWT.Selection, new Event());
		Workbench.flush();
	}

	/** Chooses an entry of a combo, with the Selection event. */
	static void choose(Combo combo, int index) {
		combo.select(index);
		combo.notifyListeners(SWT.Selection, new Event());
		Workbench.flush();
	}

	/** Selects a tree item and double-clicks it, as SWT reports it to viewers (Selection, then DefaultSelection). */
	static void doubleClick(TreeItem item) {
		Tree tree = item.getParent();
		tree.setSelection(item);
		Event select = new Event();
		select.item = item;
		tree.notifyListeners(SWT.Selection, select);
		Event open = new Event();
		open.item = item;
		tree.notifyListeners(SWT.DefaultSelection, open);
		Workbench.flush();
	}

	/** The tree's items at every level, depth first. */
	static List<TreeItem> allItems(Tree tree) {
		List<TreeItem> items = new ArrayList<>();
		for (TreeItem item : tree.getItems()) {
			collect(item, items);
		}
		return items;
	}

	private static void collect(TreeItem item, List<TreeItem> items) {
		items.add(item);
		for (TreeItem child : item.getItems()) {
			collect(child, items);
		}
	}
}
