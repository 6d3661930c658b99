package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;

/**
 * Small helpers for driving the real workbench from tests on the UI thread: a display-loop wait (there is no
 * SWTBot on Maven Central), importing the repository's example projects into the test workspace, and opening
 * files in the ZeroCarbon editor. Exported for the other UI test bundles (the diagram editor's), which reuse it.
 */
public final class Workbench {

	/** Generous, because the first check loads the language and every file of the example projects. */
	public static final long TIMEOUT_MS = 60_000;

	private Workbench() {
	}

	/** Runs the event loop until the condition holds, or fails after the timeout with the message. */
	public static void waitUntil(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail("Timed out after " + TIMEOUT_MS + " ms waiting until " + what);
			}
			if (!display.readAndDispatch()) {
				// Wake up at least every 20 ms: work finishing on other threads posts no event of its own.
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	/** Waits until the supplier returns non-null, and returns that value. */
	public static <T> T waitFor(String what, Supplier<T> value) {
		Object[] result = new Object[1];
		waitUntil(what, () -> (result[0] = value.get()) != null);
		@SuppressWarnings("unchecked")
		T found = (T) result[0];
		return found;
	}

	/** Processes pending events. */
	public static void flush() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// Keep going until the queue is empty.
		}
	}

	/**
	 * Copies the example projects of the repository into a temporary folder (the tests edit them) and opens them
	 * in the workspace from there, unless they are open from there already.
	 */
	public static void importExamples(Path temp) throws IOException, CoreException {
		Path examples = Path.of("../../examples").toAbsolutePath().normalize();
		if (!Files.isDirectory(examples)) {
			fail("The example projects are not at " + examples + "; run the tests from the repository.");
		}
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		try (Stream<Path> projects = Files.list(examples)) {
			for (Path source : (Iterable<Path>) projects::iterator) {
				if (!Files.isRegularFile(source.resolve(".project"))) {
					continue;
				}
				Path copy = temp.resolve(source.getFileName());
				copyTree(source, copy);
				IProjectDescription description = workspace
						.loadProjectDescription(IPath.fromOSString(copy.resolve(".project").toString()));
				IProject project = workspace.getRoot().getProject(description.getName());
				if (project.exists() && project.getLocation() != null && copy.equals(project.getLocation().toPath())) {
					continue;
				}
				if (project.exists()) {
					// Imported by an earlier test class into its own temporary folder, which JUnit removes after the
					// class: use this class's fresh copy instead.
					project.delete(false, true, null);
				}
				description.setLocation(IPath.fromOSString(copy.toString()));
				project.create(description, null);
				project.open(null);
			}
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	public static IFile file(String project, String path) {
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getProject(project).getFile(path);
		if (!file.exists()) {
			fail(file.getFullPath() + " does not exist: did the example projects change?");
		}
		return file;
	}

	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens a file in its default editor and checks that it is the ZeroCarbon editor. */
	public static ZcEditor open(IFile file) throws PartInitException {
		if (!(IDE.openEditor(page(), file, true) instanceof ZcEditor editor)) {
			throw new AssertionError(file.getName() + " did not open in the ZeroCarbon editor");
		}
		return editor;
	}

	/** The editor's document. */
	public static org.eclipse.jface.text.IDocument document(ZcEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	/** The problems the editor shows while typing (its live check's annotations). */
	public static List<org.zerocarbon.lang.ui.internal.ProblemAnnotation> problems(ZcEditor editor) {
		org.eclipse.jface.text.source.IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		List<org.zerocarbon.lang.ui.internal.ProblemAnnotation> result = new java.util.ArrayList<>();
		for (var it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof org.zerocarbon.lang.ui.internal.ProblemAnnotation problem) {
				result.add(problem);
			}
		}
		return result;
	}

	/** Waits until the editor shows the analysis of its current text. */
	public static void waitForAnalysis(ZcEditor editor) {
		waitUntil("the editor has checked its current text",
				() -> editor.presenter() != null && editor.presenter().currentIfUpToDate() != null);
	}

	/** The outline node with the label (e.g. "Cell : Line") anywhere in the tree, or null. */
	public static OutlineNode outlineNode(List<OutlineNode> nodes, String label) {
		for (OutlineNode node : nodes) {
			if (node.label().equals(label)) {
				return node;
			}
			OutlineNode inner = outlineNode(node.children(), label);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	/** Saves the workbench window's client area as a PNG (for documentation screenshots). */
	public static void saveScreenshot(Path target) throws IOException {
		Shell shell = page().getWorkbenchWindow().getShell();
		Rectangle client = shell.getClientArea();
		Point origin = shell.toDisplay(client.x, client.y);
		saveScreenshot(shell.getDisplay(), new Rectangle(origin.x, origin.y, client.width, client.height), target);
	}

	/** Saves an area of the screen (display coordinates) as a PNG, e.g. a dialog with a margin around it. */
	public static void saveScreenshot(Display display, Rectangle area, Path target) throws IOException {
		Image image = new Image(display, area.width, area.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, area.x, area.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Files.createDirectories(target.toAbsolutePath().getParent());
			loader.save(target.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
