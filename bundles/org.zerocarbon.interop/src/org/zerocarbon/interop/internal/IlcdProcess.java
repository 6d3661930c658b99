package org.zerocarbon.interop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link IlcdProcessReader} found in one ILCD process dataset, before the declared unit is resolved: plain
 * fields, filled while streaming.
 */
public final class IlcdProcess {
	public String uuid;
	public String version;
	public String name;
	public String nameLang;
	public String referenceFlowId;
	public String referenceYear;
	public String validUntilYear;
	public String expirationDate;
	public String standard;
	public String operator;
	public String publisher;
	public String verifier;
	public String licence;
	public Double serviceLifeYears;
	/** Reference exchange: the flow's UUID and uri, the amount. */
	public String referenceFlowUuid;
	public String referenceFlowUri;
	public String referenceFlowName;
	public double referenceAmount = 1;
	/** Scenario name → default. */
	public final Map<String, Boolean> scenarios = new LinkedHashMap<>();
	public final List<Result> results = new ArrayList<>();
	public int otherExchanges;

	/** One LCIA result: the method reference and its module amounts. */
	public static final class Result {
		public String methodUuid;
		public String methodName;
		public String unitGroupUuid;
		public String unitName;
		public int line;
		public final List<Amount> amounts = new ArrayList<>();
	}

	/** One {@code epd:amount}. */
	public record Amount(String module, String scenario, String text, int line) {
	}
}
