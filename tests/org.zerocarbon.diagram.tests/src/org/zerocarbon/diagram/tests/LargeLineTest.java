package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;

/** A line long enough for ELK's per-node recursion to need the layout's own big-stack thread. */
class LargeLineTest {

	@Test
	void aChainOf1500MachinesLaysOutWithoutOverflowingTheStack() {
		Scene scene = SceneLayout.layout(new SceneBuilder().build(Models.chain(1500)));
		assertEquals(1500, scene.nodes().size());
		LayoutTest.assertWellFormed(scene);
	}
}
