package org.zerocarbon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles the command line needs: every bundle reachable through the resolved wiring (required bundles,
 * imported packages, required capabilities such as the DS extender, fragments attached to a host, and the
 * dynamic imports resolved so far) from this bundle, except optional extenders. The {@code zcw} script writes a headless configuration of
 * just these bundles after a first run in the full product configuration, so that later runs neither install nor
 * resolve the workbench's ~100 UI bundles nor let Declarative Services process them: the largest part of
 * {@code zcw}'s start-up (see {@code benchmarks/cli-startup.sh}).
 * <p>
 * The wiring of a running framework is the exact answer; a closure computed from manifests would have to
 * re-implement the resolver (optional imports, uses constraints, capabilities).
 */
public final class BundleClosure {

	/** System property naming the file the closure is written to; unset means nothing is written. */
	static final String OUTPUT_PROPERTY = "zcw.bundleClosure";

	private BundleClosure() {
	}

	/** Writes the closure to the file the {@value #OUTPUT_PROPERTY} property names, if it is set. Never throws. */
	static void writeIfAsked() {
		String file = System.getProperty(OUTPUT_PROPERTY);
		Bundle self = FrameworkUtil.getBundle(BundleClosure.class);
		if (file == null || file.isBlank() || self == null) {
			return;
		}
		try {
			Path target = Path.of(file);
			Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
			Files.write(tmp, of(self), StandardCharsets.UTF_8);
			Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException | RuntimeException e) {
			// an optimisation only: without the file zcw keeps using the full configuration
		}
	}

	/**
	 * The bundles a headless run starts from besides the command line itself: the configurator that installs the
	 * bundles, and the runtime that hosts applications.
	 */
	private static final Set<String> ROOTS = Set.of("org.eclipse.equinox.simpleconfigurator", "org.eclipse.core.runtime",
			"org.eclipse.equinox.app");

	/**
	 * An optional extender is an enhancement its requirer does without: commons-logging's optional use of the
	 * ServiceLoader mediator (SPI Fly), whose start-up scan of every bundle costs about a second of CPU, and which the
	 * command line does not need (the reports, PDF included, are byte-identical without it).
	 */
	private static boolean optionalExtender(BundleWire wire) {
		return "osgi.extender".equals(wire.getCapability().getNamespace())
				&& "optional".equals(wire.getRequirement().getDirectives().get("resolution"));
	}

	/**
	 * A package wire made by a dynamic import. An optional extender left out must not come back through one: SPI Fly
	 * weaves commons-logging in the full configuration and gives it a dynamic import of its own package, which is
	 * wired once PDFBox first logs. Without this rule the closure would depend on whether the first run after a
	 * build wrote a PDF (it then held SPI Fly and ASM, and every later start took 0.3 s longer).
	 */
	private static boolean dynamic(BundleWire wire) {
		return "dynamic".equals(wire.getRequirement().getDirectives().get("resolution"));
	}

	/**
	 * "symbolicName,version" of every bundle in the closure of {@code root} and of the {@link #ROOTS} installed
	 * beside it, sorted; the framework excluded.
	 */
	public static Set<String> of(Bundle root) {
		Set<String> names = new TreeSet<>();
		Set<Bundle> seen = new java.util.HashSet<>();
		Deque<Bundle> todo = new ArrayDeque<>();
		todo.add(root);
		Set<Bundle> leftOut = new java.util.HashSet<>();
		for (Bundle bundle : root.getBundleContext().getBundles()) {
			if (ROOTS.contains(bundle.getSymbolicName())) {
				todo.add(bundle);
			}
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			if (wiring != null) {
				wiring.getRequiredWires(null).stream().filter(BundleClosure::optionalExtender).forEach(w -> leftOut.add(w.getProvider().getBundle()));
			}
		}
		while (!todo.isEmpty()) {
			Bundle bundle = todo.poll();
			if (!seen.add(bundle)) {
				continue;
			}
			if (bundle.getBundleId() != 0) {
				names.add(bundle.getSymbolicName() + "," + bundle.getVersion());
			}
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			if (wiring == null) {
				continue;
			}
			for (BundleWire wire : wiring.getRequiredWires(null)) {
				if (!optionalExtender(wire) && !(dynamic(wire) && leftOut.contains(wire.getProvider().getBundle()))) {
					todo.add(wire.getProvider().getBundle());
				}
			}
			// fragments attached to this bundle (their host wires are provided by the host)
			for (BundleWire wire : wiring.getProvidedWires(BundleRevision.HOST_NAMESPACE)) {
				todo.add(wire.getRequirer().getBundle());
			}
		}
		return names;
	}
}
