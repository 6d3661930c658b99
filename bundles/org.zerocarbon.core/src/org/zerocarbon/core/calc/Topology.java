package org.zerocarbon.core.calc;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.Utility;

/**
 * How a line's activities hang together: the equipment that owns them (machines, then shared utilities), the split
 * of multi-function machines and what each shared utility delivers to which machine. Parks have none: their
 * activities are demanded by the subject directly.
 */
record Topology(List<EObject> owners, Map<EObject, Allocation.Result> allocations, Map<Utility, SharedUtility.Result> utilities) {
	static final Topology NONE = new Topology(List.of(), Map.of(), Map.of());
}
