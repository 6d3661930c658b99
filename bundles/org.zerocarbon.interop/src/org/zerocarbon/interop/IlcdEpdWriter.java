package org.zerocarbon.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.Module;

/**
 * Publishes a machine's or a line's footprint as an ILCD+EPD process dataset: GWP-total, -fossil, -biogenic and
 * -luluc (EN 15804+A2, by their reference UUIDs) per module A1 … D, per declared unit (one of the result's
 * functional units: one machine, a machine-hour …), with the reference service life. As {@code .xml} the process
 * dataset alone; as {@code .zip} an ILCD package with the product flow, its flow property and unit group, which
 * re-imports without further information.
 */
public final class IlcdEpdWriter {

	static final String PROCESS = "http://lca.jrc.it/ILCD/Process";
	static final String COMMON = "http://lca.jrc.it/ILCD/Common";
	static final String EPD = "http://www.iai.kit.edu/EPD/2013";
	static final String EPD24 = "http://www.indata.network/EPD/2024";
	/** The compliance system "EN 15804+A2" of the ILCD+EPD reference data. */
	static final String EN15804_A2 = "c0016b33-8cf7-415c-ac6e-deba0d21440d";

	private IlcdEpdWriter() {
	}

	/**
	 * What is declared: the functional unit (its amount over the assessed life) and its unit as an EPD writes it.
	 *
	 * @param name   the functional unit's name, e.g. {@code machine}, {@code machineHour}
	 * @param amount how many of it the result covers (2 machines, 64,000 machine-hours)
	 * @param unit   the declared unit in the language's form: {@code pcs} for a machine, {@code h} for an hour
	 */
	public record Declared(String name, double amount, String unit) {
	}

	/**
	 * The declared unit the methodology gives: the functional unit named {@code name}, or else the first
	 * functional unit counting machines, or else the first counting machine-hours; null when there is none.
	 */
	public static Declared declared(FootprintResult result, String name) {
		for (FunctionalUnitResult fu : result.functionalUnits()) {
			if (name != null && fu.name().equals(name)) {
				return new Declared(fu.name(), fu.amount(), unitOf(fu));
			}
		}
		if (name != null) {
			return null;
		}
		for (FunctionalUnitResult fu : result.functionalUnits()) {
			if (fu.basis() != null && fu.basis().matches("[0-9.,]+ machines?")) {
				return new Declared(fu.name(), fu.amount(), "pcs");
			}
		}
		for (FunctionalUnitResult fu : result.functionalUnits()) {
			if (fu.basis() != null && fu.basis().contains("h a year") && fu.basis().contains("machines")) {
				return new Declared(fu.name(), fu.amount(), "h");
			}
		}
		return null;
	}

	private static String unitOf(FunctionalUnitResult fu) {
		String basis = fu.basis() == null ? "" : fu.basis();
		return basis.contains("h a year") || basis.startsWith("hours in") ? "h" : basis.startsWith("service life") ? "a" : "pcs";
	}

	/** The reference service life in years: the amount of a functional unit whose basis is the service life, or null. */
	public static Double serviceLife(FootprintResult result) {
		for (FunctionalUnitResult fu : result.functionalUnits()) {
			if (fu.basis() != null && fu.basis().startsWith("service life")) {
				return fu.amount();
			}
		}
		return null;
	}

	/** A name-based (version 3) UUID, stable across exports of the same subject and declared unit. */
	public static String uuid(String qualifiedName) {
		return UUID.nameUUIDFromBytes(("zerocarbon:" + qualifiedName).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** Writes the dataset (.xml) or a package (.zip) atomically. */
	public static void write(FootprintResult result, Declared declared, Path out, Clock clock) throws InteropException {
		byte[] process = process(result, declared, clock);
		if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			LibraryWriter.atomicWrite(out, process);
			return;
		}
		String id = uuid("epd:" + result.subject().name() + ":" + declared.name());
		String flow = uuid("flow:" + result.subject().name() + ":" + declared.name());
		boolean hours = declared.unit().equals("h");
		// our own flow property and unit group records, with name-based UUIDs (a reader resolves them inside the package)
		String property = uuid("flowproperty:" + (hours ? "time" : "items"));
		String group = uuid("unitgroup:" + (hours ? "time" : "items"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "ILCD/processes/" + id + ".xml", process);
			entry(zip, "ILCD/flows/" + flow + ".xml", flowXml(flow, result.subject().name(), property));
			entry(zip, "ILCD/flowproperties/" + property + ".xml", propertyXml(property, hours ? "Time" : "Number of items", group));
			entry(zip, "ILCD/unitgroups/" + group + ".xml", groupXml(group, hours ? "Units of time" : "Units of items", hours ? "h" : "Item(s)"));
		} catch (IOException e) {
			throw new InteropException(out.toString(), 0, "cannot write: " + e.getMessage(), e);
		}
		LibraryWriter.atomicWrite(out, bytes.toByteArray());
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	/** The process dataset's XML. */
	public static byte[] process(FootprintResult result, Declared declared, Clock clock) throws InteropException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		String subject = result.subject().name();
		try {
			XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.setDefaultNamespace(PROCESS);
			w.setPrefix("common", COMMON);
			w.setPrefix("epd", EPD);
			w.setPrefix("epd24", EPD24);
			w.writeStartElement(PROCESS, "processDataSet");
			w.writeDefaultNamespace(PROCESS);
			w.writeNamespace("common", COMMON);
			w.writeNamespace("epd", EPD);
			w.writeNamespace("epd24", EPD24);
			w.writeAttribute("version", "1.1");
			open(w, PROCESS, "processInformation");
			open(w, PROCESS, "dataSetInformation");
			text(w, COMMON, "UUID", uuid("epd:" + subject + ":" + declared.name()));
			open(w, PROCESS, "name");
			w.writeStartElement(PROCESS, "baseName");
			w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
			w.writeCharacters(subject + " (" + result.subject().kind() + "), per " + declared.name());
			w.writeEndElement();
			close(w);
			Double life = serviceLife(result);
			if (life != null) {
				open(w, COMMON, "other");
				w.writeEmptyElement(EPD24, "referenceServiceLife");
				w.writeAttribute(EPD24, "years", ZcProductText.number(life));
				close(w);
			}
			close(w);
			open(w, PROCESS, "quantitativeReference");
			text(w, PROCESS, "referenceToReferenceFlow", "0");
			close(w);
			int year = LocalDate.now(clock).getYear();
			open(w, PROCESS, "time");
			text(w, COMMON, "referenceYear", Integer.toString(year));
			text(w, COMMON, "dataSetValidUntil", Integer.toString(year + 5));
			close(w);
			close(w); // processInformation
			open(w, PROCESS, "modellingAndValidation");
			open(w, PROCESS, "LCIMethodAndAllocation");
			text(w, PROCESS, "typeOfDataSet", "EPD");
			close(w);
			open(w, PROCESS, "complianceDeclarations");
			open(w, PROCESS, "compliance");
			reference(w, COMMON, "referenceToComplianceSystem", "source data set", EN15804_A2, "EN 15804+A2");
			close(w);
			close(w);
			close(w);
			open(w, PROCESS, "administrativeInformation");
			open(w, PROCESS, "dataEntryBy");
			text(w, COMMON, "timeStamp", OffsetDateTime.now(clock).withNano(0).toString());
			close(w);
			open(w, PROCESS, "publicationAndOwnership");
			text(w, COMMON, "dataSetVersion", "01.00.000");
			close(w);
			close(w);
			open(w, PROCESS, "exchanges");
			w.writeStartElement(PROCESS, "exchange");
			w.writeAttribute("dataSetInternalID", "0");
			reference(w, PROCESS, "referenceToFlowDataSet", "flow data set", uuid("flow:" + subject + ":" + declared.name()),
					subject + " (" + declared.name() + ")");
			text(w, PROCESS, "exchangeDirection", "Output");
			text(w, PROCESS, "meanAmount", "1");
			close(w);
			close(w);
			open(w, PROCESS, "LCIAResults");
			for (GwpIndicator indicator : new GwpIndicator[] { GwpIndicator.TOTAL, GwpIndicator.FOSSIL, GwpIndicator.BIOGENIC,
					GwpIndicator.LULUC }) {
				open(w, PROCESS, "LCIAResult");
				reference(w, PROCESS, "referenceToLCIAMethodDataSet", "LCIA method data set", indicator.exportUuid(), indicator.title());
				text(w, PROCESS, "meanAmount", "0");
				open(w, COMMON, "other");
				for (Module module : Module.values()) {
					if (result.contributions().stream().noneMatch(c -> c.module() == module)) {
						continue;
					}
					GwpSplit split = result.gwp(module);
					double value = switch (indicator) {
						case TOTAL -> result.total(module);
						case FOSSIL -> split.fossil();
						case BIOGENIC -> split.biogenic();
						case LULUC -> split.luluc();
						default -> throw new IllegalStateException();
					};
					w.writeStartElement(EPD, "amount");
					w.writeAttribute(EPD, "module", module.name());
					w.writeCharacters(Double.toString(value / declared.amount()));
					w.writeEndElement();
				}
				reference(w, EPD, "referenceToUnitGroupDataSet", "unit group data set", EpdUnits.KG_CO2E_UNIT_GROUP, "kg CO2 eqv.");
				close(w);
				close(w);
			}
			close(w);
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		} catch (XMLStreamException e) {
			throw new InteropException(subject, 0, "cannot write the EPD: " + e.getMessage(), e);
		}
		return bytes.toByteArray();
	}

	private static void open(XMLStreamWriter w, String ns, String local) throws XMLStreamException {
		w.writeStartElement(ns, local);
	}

	private static void close(XMLStreamWriter w) throws XMLStreamException {
		w.writeEndElement();
	}

	private static void text(XMLStreamWriter w, String ns, String local, String text) throws XMLStreamException {
		w.writeStartElement(ns, local);
		w.writeCharacters(text);
		w.writeEndElement();
	}

	private static void reference(XMLStreamWriter w, String ns, String local, String type, String uuid, String description)
			throws XMLStreamException {
		w.writeStartElement(ns, local);
		w.writeAttribute("type", type);
		w.writeAttribute("refObjectId", uuid);
		w.writeStartElement(COMMON, "shortDescription");
		w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
		w.writeCharacters(description);
		w.writeEndElement();
		w.writeEndElement();
	}

	private static byte[] flowXml(String uuid, String name, String property) {
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<flowDataSet xmlns="http://lca.jrc.it/ILCD/Flow" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <flowInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID><name><baseName xml:lang="en">%s</baseName></name></dataSetInformation>
				    <quantitativeReference><referenceToReferenceFlowProperty>0</referenceToReferenceFlowProperty></quantitativeReference>
				  </flowInformation>
				  <modellingAndValidation><LCIMethod><typeOfDataSet>Product flow</typeOfDataSet></LCIMethod></modellingAndValidation>
				  <flowProperties>
				    <flowProperty dataSetInternalID="0">
				      <referenceToFlowPropertyDataSet type="flow property data set" refObjectId="%s"/>
				      <meanValue>1</meanValue>
				    </flowProperty>
				  </flowProperties>
				</flowDataSet>
				""").formatted(uuid, xml(name), property).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] propertyXml(String uuid, String name, String group) {
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<flowPropertyDataSet xmlns="http://lca.jrc.it/ILCD/FlowProperty" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <flowPropertiesInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID><common:name xml:lang="en">%s</common:name></dataSetInformation>
				    <quantitativeReference><referenceToReferenceUnitGroup type="unit group data set" refObjectId="%s"/></quantitativeReference>
				  </flowPropertiesInformation>
				</flowPropertyDataSet>
				""").formatted(uuid, name, group).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] groupXml(String uuid, String name, String unit) {
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<unitGroupDataSet xmlns="http://lca.jrc.it/ILCD/UnitGroup" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <unitGroupInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID><common:name xml:lang="en">%s</common:name></dataSetInformation>
				    <quantitativeReference><referenceToReferenceUnit>0</referenceToReferenceUnit></quantitativeReference>
				  </unitGroupInformation>
				  <units><unit dataSetInternalID="0"><name>%s</name><meanValue>1</meanValue></unit></units>
				</unitGroupDataSet>
				""").formatted(uuid, name, unit).getBytes(StandardCharsets.UTF_8);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
