package org.zerocarbon.interop.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.zerocarbon.interop.InteropException;

/**
 * Streams one ILCD process dataset (ILCD 1.1 with the EPD extensions of 2013, 2019 and 2024) and keeps what the
 * import maps. Hand-written on StAX rather than olca-ilcd's JAXB classes: see docs/interop.md ("Why not
 * olca-ilcd"). Elements are matched by local name and position, namespaces by URI where two extensions use the
 * same local name.
 */
public final class IlcdProcessReader {

	static final String EPD_2013 = "http://www.iai.kit.edu/EPD/2013";

	private IlcdProcessReader() {
	}

	/** Reads the dataset; {@code source} names it in messages. */
	public static IlcdProcess read(InputStream in, String source) throws InteropException {
		IlcdProcess p = new IlcdProcess();
		Deque<String> path = new ArrayDeque<>();
		XMLStreamReader r = null;
		try {
			r = SecureXml.reader(in);
			IlcdProcess.Result result = null;
			boolean inReferenceExchange = false;
			String exchangeId = null;
			String amountModule = null;
			String amountScenario = null;
			int amountLine = 0;
			StringBuilder text = new StringBuilder();
			String lang = null;
			boolean rootSeen = false;
			while (r.hasNext()) {
				int event = SecureXml.next(r);
				if (event == XMLStreamConstants.START_ELEMENT) {
					String local = r.getLocalName();
					if (!rootSeen) {
						rootSeen = true;
						if (!local.equals("processDataSet")) {
							throw new InteropException(source, r.getLocation().getLineNumber(),
									"not an ILCD process dataset (root element <" + local + ">, expected <processDataSet>)");
						}
					}
					String parent = path.peek();
					path.push(local);
					text.setLength(0);
					lang = r.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
					switch (local) {
						case "exchange" -> {
							exchangeId = r.getAttributeValue(null, "dataSetInternalID");
							inReferenceExchange = exchangeId != null && exchangeId.equals(p.referenceFlowId);
							if (!inReferenceExchange) {
								p.otherExchanges++;
							}
						}
						case "referenceToFlowDataSet" -> {
							if (inReferenceExchange) {
								p.referenceFlowUuid = r.getAttributeValue(null, "refObjectId");
								p.referenceFlowUri = r.getAttributeValue(null, "uri");
							}
						}
						case "LCIAResult" -> {
							result = new IlcdProcess.Result();
							result.line = r.getLocation().getLineNumber();
							p.results.add(result);
						}
						case "referenceToLCIAMethodDataSet" -> {
							if (result != null) {
								result.methodUuid = r.getAttributeValue(null, "refObjectId");
							}
						}
						case "referenceToUnitGroupDataSet" -> {
							if (result != null) {
								result.unitGroupUuid = r.getAttributeValue(null, "refObjectId");
							}
						}
						case "amount" -> {
							amountModule = attribute(r, "module");
							amountScenario = attribute(r, "scenario");
							amountLine = r.getLocation().getLineNumber();
						}
						case "scenario" -> {
							String name = attribute(r, "name");
							if (name != null && "scenarios".equals(parent)) {
								p.scenarios.put(name, "true".equalsIgnoreCase(attribute(r, "default")));
							}
						}
						case "referenceServiceLife" -> {
							String years = attribute(r, "years");
							if (years != null) {
								p.serviceLifeYears = number(years, source, r.getLocation().getLineNumber());
							}
						}
						default -> { }
					}
				} else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					if (text.length() < 100_000 && !r.isWhiteSpace()) {
						text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
					}
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					String local = path.pop();
					String parent = path.peek();
					String value = text.toString().trim();
					String grandParent = path.size() > 1 ? second(path) : null;
					switch (local) {
						case "UUID" -> {
							if ("dataSetInformation".equals(parent) && p.uuid == null) {
								p.uuid = value;
							}
						}
						case "baseName" -> {
							if ("name".equals(parent) && "dataSetInformation".equals(grandParent) && better(lang, p.nameLang, p.name)) {
								p.name = value;
								p.nameLang = lang;
							}
						}
						case "referenceToReferenceFlow" -> p.referenceFlowId = value;
						case "referenceYear" -> p.referenceYear = value;
						case "dataSetValidUntil" -> p.validUntilYear = value;
						case "expirationDateOfEPD" -> p.expirationDate = value;
						case "dataSetVersion" -> p.version = value;
						case "licenseType" -> p.licence = value;
						case "meanAmount" -> {
							if (inReferenceExchange && !value.isEmpty()) {
								p.referenceAmount = number(value, source, r.getLocation().getLineNumber());
							}
						}
						case "shortDescription" -> {
							if (parent == null) {
								break;
							}
							switch (parent) {
								case "referenceToLCIAMethodDataSet" -> {
									if (result != null && (result.methodName == null || "en".equals(lang))) {
										result.methodName = value;
									}
								}
								case "referenceToUnitGroupDataSet" -> {
									if (result != null && (result.unitName == null || "en".equals(lang))) {
										result.unitName = value;
									}
								}
								case "referenceToComplianceSystem" -> {
									if (p.standard == null || "en".equals(lang)) {
										p.standard = value;
									}
								}
								case "referenceToNameOfReviewerAndInstitution" -> {
									if (p.verifier == null || "en".equals(lang)) {
										p.verifier = value;
									}
								}
								case "referenceToRegistrationAuthority" -> {
									if (p.operator == null || "en".equals(lang)) {
										p.operator = value;
									}
								}
								case "referenceToPublisher" -> {
									if (p.publisher == null || "en".equals(lang)) {
										p.publisher = value;
									}
								}
								case "referenceToFlowDataSet" -> {
									if (inReferenceExchange && (p.referenceFlowName == null || "en".equals(lang))) {
										p.referenceFlowName = value;
									}
								}
								default -> { }
							}
						}
						case "amount" -> {
							if (result != null && amountModule != null) {
								result.amounts.add(new IlcdProcess.Amount(amountModule, amountScenario, value, amountLine));
							}
							amountModule = null;
							amountScenario = null;
						}
						case "exchange" -> inReferenceExchange = false;
						case "LCIAResult" -> result = null;
						default -> { }
					}
					text.setLength(0);
				}
			}
			if (!rootSeen) {
				throw new InteropException(source, 0, "empty document");
			}
			return p;
		} catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			throw new InteropException(source, Math.max(line, 0), "not well-formed XML or not allowed: " + e.getMessage(), e);
		} finally {
			if (r != null) {
				try {
					r.close();
				} catch (XMLStreamException ignored) {
					// closing after a failure
				}
			}
		}
	}

	/** An attribute by local name in the EPD 2013 namespace, or without namespace. */
	private static String attribute(XMLStreamReader r, String local) {
		String value = r.getAttributeValue(EPD_2013, local);
		if (value == null) {
			for (int i = 0; i < r.getAttributeCount(); i++) {
				if (r.getAttributeLocalName(i).equals(local)) {
					return r.getAttributeValue(i);
				}
			}
		}
		return value;
	}

	private static String second(Deque<String> path) {
		var it = path.iterator();
		it.next();
		return it.next();
	}

	/** English wins; otherwise the first one. */
	private static boolean better(String lang, String currentLang, String current) {
		return current == null || "en".equals(lang) && !"en".equals(currentLang);
	}

	static double number(String text, String source, int line) throws InteropException {
		try {
			double value = Double.parseDouble(text.trim());
			if (!Double.isFinite(value)) {
				throw new NumberFormatException();
			}
			return value;
		} catch (NumberFormatException e) {
			throw new InteropException(source, line, "'" + text + "' is not a number");
		}
	}
}
