package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.diagram.PathSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Park;

class SvgTest {

	private static final String SVG = "http://www.w3.org/2000/svg";

	@TempDir
	Path dir;

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	static List<String> texts(Document doc) {
		List<String> texts = new ArrayList<>();
		NodeList list = doc.getElementsByTagNameNS(SVG, "text");
		for (int i = 0; i < list.getLength(); i++) {
			texts.add(list.item(i).getTextContent());
		}
		return texts;
	}

	static Element group(Document doc, String id) {
		NodeList list = doc.getElementsByTagNameNS(SVG, "g");
		for (int i = 0; i < list.getLength(); i++) {
			Element g = (Element) list.item(i);
			if (id.equals(g.getAttribute("id"))) {
				return g;
			}
		}
		throw new AssertionError("no group " + id);
	}

	@Test
	void lineSvgIsWellFormedWithAGroupPerMachineAndFlow() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Document doc = parse(DiagramSvg.of(line));

		Element root = doc.getDocumentElement();
		assertEquals("svg", root.getLocalName());
		assertEquals(SVG, root.getNamespaceURI());
		assertTrue(Integer.parseInt(root.getAttribute("width")) > 100);
		assertEquals("node machine", group(doc, "Saw").getAttribute("class"));
		assertEquals("Band saw", group(doc, "Saw").getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
		group(doc, "Mill");
		Element flow = group(doc, "flow0_Saw_Mill");
		assertEquals("edge material", flow.getAttribute("class"));
		assertEquals(1, flow.getElementsByTagNameNS(SVG, "polyline").getLength());
		assertEquals(1, flow.getElementsByTagNameNS(SVG, "polygon").getLength(), "an arrowhead");
		List<String> texts = texts(doc);
		assertTrue(texts.containsAll(List.of("Saw", "Mill", "Spare", "12 parts/h", "VMC")), texts::toString);
	}

	@Test
	void loopSvgDrawsFeedbackDashedAndTheOpenLoopInRed() throws Exception {
		EnergyLoop loop = Models.find(Models.load(dir, Models.LOOP), EnergyLoop.class, "Air");
		Document doc = parse(DiagramSvg.of(loop));

		Element feedback = group(doc, "feedback6_Comp_P");
		assertEquals("edge feedback", feedback.getAttribute("class"));
		Element line = (Element) feedback.getElementsByTagNameNS(SVG, "polyline").item(0);
		assertFalse(line.getAttribute("stroke-dasharray").isEmpty(), "feedback edges are dashed");
		Element signal = group(doc, "signal0_P_Closed");
		assertTrue(((Element) signal.getElementsByTagNameNS(SVG, "polyline").item(0)).getAttribute("stroke-dasharray")
				.isEmpty());
		List<String> texts = texts(doc);
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("⚠ Open loop at controller Open")), texts::toString);
		assertTrue(texts.contains("set-point Target = 6.3 bar"), texts::toString);
	}

	@Test
	void parkSvgHasCompartmentsAndEnergyFlowsWithProportionalStrokes() throws Exception {
		Park park = Models.find(Models.load(dir, Models.PARK), Park.class, "P");
		Document doc = parse(DiagramSvg.of(park));

		assertEquals("compartment", group(doc, "Supply").getAttribute("class"));
		Element grid = group(doc, "Grid");
		assertEquals(group(doc, "Supply"), grid.getParentNode(), "sources are drawn inside the supply compartment");
		Element big = (Element) group(doc, "energy0_Grid").getElementsByTagNameNS(SVG, "polyline").item(0);
		Element small = (Element) group(doc, "energy1_Sun").getElementsByTagNameNS(SVG, "polyline").item(0);
		assertEquals("21", big.getAttribute("stroke-width"));
		assertEquals("5", small.getAttribute("stroke-width"));
		assertTrue(texts(doc).stream().anyMatch(t -> t.startsWith("Indicators (annual)")));
	}

	@Test
	void sameModelGivesByteIdenticalSvg() throws Exception {
		ResourceSet first = Models.load(dir.resolve(".."), Models.PARK);
		String a = DiagramSvg.of(Models.find(first, Park.class, "P"));
		Path other = Files.createTempDirectory(dir, "again");
		String b = DiagramSvg.of(Models.find(Models.load(other, Models.PARK), Park.class, "P"));
		assertEquals(a, b);
		assertEquals(a, DiagramSvg.of(Models.find(first, Park.class, "P")), "drawing twice changes nothing");
	}

	@Test
	void examplesOfTheHousingCellRender() throws Exception {
		ResourceSet set = Models.examples();
		for (var subject : List.of(Models.find(set, Line.class, "Cell"), Models.find(set, EnergyLoop.class, "AirLoop"),
				Models.find(set, Park.class, "Riverside"))) {
			String svg = DiagramSvg.of(subject);
			parse(svg);
			LayoutTest.assertWellFormed(org.zerocarbon.diagram.SceneLayout
					.layout(new org.zerocarbon.diagram.SceneBuilder().build(subject)));
		}
	}

	@Test
	void painterEscapesTextAndWritesEveryPrimitive() throws Exception {
		SvgPainter p = new SvgPainter(100, 50);
		p.beginGroup("1 bad id", "node", "a < b & \"c\"");
		p.setForeground(new Rgb(255, 0, 0));
		p.drawText("x < y & z", 1, 1);
		p.drawOval(0, 0, 5, 5);
		p.fillPath(new PathSpec().moveTo(0, 0).lineTo(10, 0).cubicTo(10, 5, 5, 10, 0, 10).close());
		p.setLineDash(new int[] { 2, 3 });
		p.drawLine(0, 0, 10, 10);
		p.endGroup();
		Document doc = parse(p.toSvg());
		Element g = group(doc, "e_1_bad_id");
		assertEquals("a < b & \"c\"", g.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
		assertEquals("x < y & z", texts(doc).get(0));
		assertEquals("#ff0000", ((Element) doc.getElementsByTagNameNS(SVG, "text").item(0)).getAttribute("fill"));
		assertEquals("2.5", ((Element) doc.getElementsByTagNameNS(SVG, "ellipse").item(0)).getAttribute("rx"));
		assertEquals("M 0,0 L 10,0 C 10,5 5,10 0,10 Z",
				((Element) doc.getElementsByTagNameNS(SVG, "path").item(0)).getAttribute("d"));
		assertEquals("2 3", ((Element) doc.getElementsByTagNameNS(SVG, "line").item(0)).getAttribute("stroke-dasharray"));
	}
}
