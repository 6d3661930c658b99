package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.intro.IIntroPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.internal.Licences;
import org.zerocarbon.ui.internal.ProductInfo;
import org.zerocarbon.ui.internal.WelcomePart;
import org.zerocarbon.ui.views.HelpView;

/** The Welcome page (no "introPart is null"), the About dialog's version and build id, the licence of every bundle. */
class WelcomeAboutTest {

	@AfterEach
	void closeWelcome() {
		IIntroPart intro = PlatformUI.getWorkbench().getIntroManager().getIntro();
		if (intro != null) {
			PlatformUI.getWorkbench().getIntroManager().closeIntro(intro);
		}
		HelpView help = (HelpView) page().findView(HelpView.ID);
		if (help != null) {
			page().hideView(help); // it shares the bottom folder with the Footprint view, which later tests expect in front
		}
	}

	@Test
	void showViewWelcomeShowsOurWelcomePage() throws Exception {
		assertEquals("org.zerocarbon.ui.product", Platform.getProduct().getId(), "the tests run as the product");
		// Window > Show View > Other > General > Welcome: the platform's intro view, which threw "introPart is null"
		page().showView("org.eclipse.ui.internal.introview");
		Workbench.flush();
		IIntroPart intro = PlatformUI.getWorkbench().getIntroManager().getIntro();
		WelcomePart welcome = assertInstanceOf(WelcomePart.class, intro);
		assertEquals("Welcome", welcome.getTitle());
		assertEquals(WelcomePart.ACTIONS, welcome.links().stream().map(l -> (String) l.getData()).toList());
		for (Link link : welcome.links()) {
			assertTrue(link.getText().startsWith("<a>"), link.getText());
		}
	}

	@Test
	void aWelcomeLinkClosesThePageAndOpensTheGuide() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		WelcomePart welcome = assertInstanceOf(WelcomePart.class, PlatformUI.getWorkbench().getIntroManager().showIntro(window, false));
		Link guide = welcome.links().stream().filter(l -> "Read the workbench guide".equals(l.getData())).findFirst().orElseThrow();
		guide.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		waitUntil("the guide is shown", () -> page().findView(HelpView.ID) != null
				&& HelpView.WORKBENCH_GUIDE.equals(((HelpView) page().findView(HelpView.ID)).documentShown()));
		assertEquals(null, PlatformUI.getWorkbench().getIntroManager().getIntro(), "the Welcome page closed");
	}

	/**
	 * Help > About: the text names the version and the build id (the bundle's qualified version, e.g.
	 * 0.1.0.202612021948, which the product build also writes into config.ini as eclipse.buildId), never "unknown".
	 */
	@Test
	void aboutShowsTheVersionAndTheBuildId() throws Exception {
		Display display = Display.getCurrent();
		List<String> texts = new ArrayList<>();
		List<String> clipped = new ArrayList<>();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell.getText().startsWith("About") && shell.isVisible()) {
					collect(shell, texts);
					clipped.addAll(clipped(shell));
					shell.close();
					return;
				}
			}
			display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.aboutAction", null);
		String all = String.join("\n", texts);
		String bundleVersion = Platform.getBundle("org.zerocarbon.ui").getVersion().toString();
		assertTrue(all.contains("Version: " + ProductInfo.version()), all);
		assertTrue(all.contains("Build id: " + bundleVersion), all);
		assertTrue(bundleVersion.matches("0\\.1\\.0\\.\\d{12}"), bundleVersion);
		assertFalse(all.contains("{0}") || all.contains("{1}") || all.contains("unknown"), all);
		assertTrue(all.contains("Installation Details > Licences"), all);
		// the text is a MessageFormat pattern (about.mappings fills {0} and {1}): an apostrophe must be written twice
		assertTrue(all.contains("the methodology's criteria") && all.contains("the product's features"), all);
		assertEquals(List.of(), clipped, "the About text shows whole, without scrolling");
	}

	/**
	 * The About dialog's text (a StyledText in a ScrolledComposite whose height the dialog fixes from the about
	 * image): where its last line ends below the visible area, or a scroll bar is needed, it is clipped.
	 */
	private static List<String> clipped(Shell shell) {
		List<String> problems = new ArrayList<>();
		for (StyledText text : Widgets.find(shell, StyledText.class, t -> true)) {
			ScrolledComposite scroller = null;
			for (Composite parent = text.getParent(); parent != null && scroller == null; parent = parent.getParent()) {
				scroller = parent instanceof ScrolledComposite s ? s : null;
			}
			if (scroller == null) {
				continue;
			}
			int bottom = text.getParent().getLocation().y + text.getLocation().y + text.computeSize(text.getSize().x, SWT.DEFAULT).y;
			if (bottom > scroller.getClientArea().height) {
				problems.add("the text needs " + bottom + " px, the dialog shows " + scroller.getClientArea().height);
			}
			if (scroller.getVerticalBar() != null && scroller.getVerticalBar().getVisible()) {
				problems.add("the text scrolls");
			}
		}
		return problems;
	}

	@Test
	void everyRunningBundleHasALicence() {
		List<Licences.Entry> entries = Licences.ofRunningBundles();
		assertTrue(entries.size() > 50, "the workbench runs many bundles: " + entries.size());
		List<String> missing = entries.stream().filter(e -> e.licence() == null).map(Licences.Entry::symbolicName).toList();
		assertEquals(List.of(), missing, "add these to bundles/org.zerocarbon.ui/branding/licences.properties");
		assertEquals("EPL-2.0", Licences.licence("org.eclipse.ui.workbench", null));
		assertEquals("BSD-3-Clause", Licences.licence("tech.units.indriya", null));
		// the longest prefix wins: LSP4J is dual-licensed, unlike the rest of org.eclipse
		assertEquals("EPL-2.0 OR BSD-3-Clause", Licences.licence("org.eclipse.lsp4j.jsonrpc", null));
		// a bundle's own header comes first, without its attributes
		assertEquals("Apache-2.0", Licences.licence("org.eclipse.x", "Apache-2.0;link=\"https://www.apache.org/licenses/LICENSE-2.0\""));
		assertNotNull(Licences.licence("org.zerocarbon.ui", null));
	}

	private static void collect(Control control, List<String> texts) {
		if (control instanceof StyledText styled) {
			texts.add(styled.getText());
		} else if (control instanceof Text text) {
			texts.add(text.getText());
		} else if (control instanceof Label label) {
			texts.add(label.getText());
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, texts);
			}
		}
	}
}
