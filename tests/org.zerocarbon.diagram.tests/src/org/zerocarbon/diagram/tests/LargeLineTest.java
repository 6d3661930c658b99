package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcFactory;

/** A line long enough for ELK's per-node recursion to need the layout's own big-stack thread. */
class LargeLineTest {

	@Test
	void aChainOf1500MachinesLaysOutWithoutOverflowingTheStack() {
		ZcFactory f = ZcFactory.eINSTANCE;
		Line line = f.createLine();
		line.setName("Long");
		for (int i = 0; i < 1500; i++) {
			Machine m = f.createMachine();
			m.setName("M" + i);
			line.getMachines().add(m);
			if (i > 0) {
				MaterialFlow flow = f.createMaterialFlow();
				flow.setSource(line.getMachines().get(i - 1));
				flow.setTarget(m);
				Quantity rate = f.createQuantity();
				rate.setValue(BigDecimal.TEN);
				rate.setUnit("parts/h");
				flow.setRate(rate);
				line.getFlows().add(flow);
			}
		}
		Scene scene = SceneLayout.layout(new SceneBuilder().build(line));
		assertEquals(1500, scene.nodes().size());
		LayoutTest.assertWellFormed(scene);
	}
}
