package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A product system in matrix form: {@code n} processes, each producing one reference product, linked by
 * technosphere exchanges, and {@code m} indicators (e.g. kg CO2e fossil, biogenic) emitted per unit of process
 * output. The technology matrix {@code A} has the outputs on its diagonal and minus the inputs elsewhere; the
 * intervention matrix {@code B} holds the indicators. For a final demand {@code f} the scaling vector {@code s}
 * solves {@code A·s = f} and the inventory is {@code g = B·s}.
 * <p>
 * The structure (which process consumes which product) is fixed at build time; the amounts can be replaced
 * for each Monte Carlo iteration through {@link Values} without repeating the structural analysis. Instances
 * are immutable and thread-safe.
 *
 * @see ProductSystemSolver
 */
public final class ProductSystem {

	final String[] processIds;
	final String[] indicatorIds;
	/** Row-wise storage of the off-diagonal technosphere inputs: row i lists consumers j with amount a_ij. */
	final int[] rowStart;
	final int[] rowConsumer;
	/** Index of a_ii (a process consuming its own product) in the input arrays, or -1. */
	final int[] selfInput;
	/** Column-wise storage of B: for process j, indicators k with amount b_kj. */
	final int[] interventionStart;
	final int[] interventionIndicator;
	final Values baseValues;

	private ProductSystem(Builder builder) {
		int n = builder.processIds.size();
		this.processIds = builder.processIds.toArray(String[]::new);
		this.indicatorIds = builder.indicatorIds.toArray(String[]::new);
		// Sort technosphere exchanges by provider (row) to get CSR storage; duplicate (i, j) pairs are summed.
		long[] keys = new long[builder.inputProvider.size()];
		for (int e = 0; e < keys.length; e++) {
			keys[e] = ((long) builder.inputProvider.get(e) << 32) | builder.inputConsumer.get(e);
		}
		Integer[] order = new Integer[keys.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
		rowStart = new int[n + 1];
		selfInput = new int[n];
		Arrays.fill(selfInput, -1);
		List<Integer> consumers = new ArrayList<>();
		List<Double> amounts = new ArrayList<>();
		List<Double> self = new ArrayList<>(); // kept separately, aligned with selfInput
		long previous = -1;
		for (int k : order) {
			int provider = builder.inputProvider.get(k);
			int consumer = builder.inputConsumer.get(k);
			double amount = builder.inputAmount.get(k);
			if (provider == consumer) {
				if (selfInput[provider] < 0) {
					selfInput[provider] = self.size();
					self.add(amount);
				} else {
					self.set(selfInput[provider], self.get(selfInput[provider]) + amount);
				}
				continue;
			}
			if (keys[k] == previous) {
				amounts.set(amounts.size() - 1, amounts.get(amounts.size() - 1) + amount);
				continue;
			}
			previous = keys[k];
			consumers.add(consumer);
			amounts.add(amount);
			rowStart[provider + 1]++;
		}
		for (int i = 0; i < n; i++) {
			rowStart[i + 1] += rowStart[i];
		}
		rowConsumer = consumers.stream().mapToInt(Integer::intValue).toArray();

		interventionStart = new int[n + 1];
		Integer[] bOrder = new Integer[builder.interventionProcess.size()];
		Arrays.setAll(bOrder, i -> i);
		Arrays.sort(bOrder, (x, y) -> {
			int c = Integer.compare(builder.interventionProcess.get(x), builder.interventionProcess.get(y));
			return c != 0 ? c : Integer.compare(builder.interventionIndicator.get(x), builder.interventionIndicator.get(y));
		});
		interventionIndicator = new int[bOrder.length];
		double[] bValues = new double[bOrder.length];
		for (int e = 0; e < bOrder.length; e++) {
			int j = builder.interventionProcess.get(bOrder[e]);
			interventionIndicator[e] = builder.interventionIndicator.get(bOrder[e]);
			bValues[e] = builder.interventionAmount.get(bOrder[e]);
			interventionStart[j + 1]++;
		}
		for (int j = 0; j < n; j++) {
			interventionStart[j + 1] += interventionStart[j];
		}
		baseValues = new Values(builder.output.stream().mapToDouble(Double::doubleValue).toArray(),
				amounts.stream().mapToDouble(Double::doubleValue).toArray(),
				self.stream().mapToDouble(Double::doubleValue).toArray(), bValues);
	}

	/** Number of processes. */
	public int processCount() {
		return processIds.length;
	}

	/** Number of indicators. */
	public int indicatorCount() {
		return indicatorIds.length;
	}

	/** Id of process {@code index}, as given to the builder. */
	public String processId(int index) {
		return processIds[index];
	}

	/** Id of indicator {@code index}, as given to the builder. */
	public String indicatorId(int index) {
		return indicatorIds[index];
	}

	/** The amounts given to the builder; copy them to vary amounts (Monte Carlo, scenarios). */
	public Values values() {
		return baseValues;
	}

	/** Number of off-diagonal technosphere links (non-zeros of A outside the diagonal). */
	public int linkCount() {
		return rowConsumer.length;
	}

	/** Position, in {@link Values#inputs()}, of the input of {@code provider}'s product into {@code consumer}, or -1. */
	public int inputPosition(int provider, int consumer) {
		for (int e = rowStart[provider]; e < rowStart[provider + 1]; e++) {
			if (rowConsumer[e] == consumer) {
				return e;
			}
		}
		return -1;
	}

	/** Position, in {@link Values#interventions()}, of indicator {@code indicator} of process {@code process}, or -1. */
	public int interventionPosition(int process, int indicator) {
		for (int e = interventionStart[process]; e < interventionStart[process + 1]; e++) {
			if (interventionIndicator[e] == indicator) {
				return e;
			}
		}
		return -1;
	}

	/** A builder; start with {@link ProductSystem#builder()}. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The numeric content of a product system, in arrays aligned with its structure. Arrays are shared, not
	 * copied: use {@link #copy()} before changing them.
	 *
	 * @param outputs       reference output of each process per run (usually 1)
	 * @param inputs        off-diagonal technosphere inputs, in the system's storage order (see
	 *                      {@link ProductSystem#inputPosition})
	 * @param selfInputs    amounts of their own product that processes consume (rare)
	 * @param interventions indicator amounts per process run (see {@link ProductSystem#interventionPosition})
	 */
	public record Values(double[] outputs, double[] inputs, double[] selfInputs, double[] interventions) {
		/** A deep copy that can be changed without affecting this one. */
		public Values copy() {
			return new Values(outputs.clone(), inputs.clone(), selfInputs.clone(), interventions.clone());
		}
	}

	/** Collects processes, exchanges and indicators; not thread-safe. */
	public static final class Builder {
		private final List<String> processIds = new ArrayList<>();
		private final List<Double> output = new ArrayList<>();
		private final List<String> indicatorIds = new ArrayList<>();
		private final List<Integer> inputProvider = new ArrayList<>();
		private final List<Integer> inputConsumer = new ArrayList<>();
		private final List<Double> inputAmount = new ArrayList<>();
		private final List<Integer> interventionProcess = new ArrayList<>();
		private final List<Integer> interventionIndicator = new ArrayList<>();
		private final List<Double> interventionAmount = new ArrayList<>();
		private final java.util.Map<Long, Integer> interventionIndex = new java.util.HashMap<>();

		private Builder() {
		}

		/** Adds a process with a reference output of 1 per run; returns its index. */
		public int process(String id) {
			return process(id, 1.0);
		}

		/** Adds a process producing {@code output} units of its reference product per run; returns its index. */
		public int process(String id, double output) {
			processIds.add(id);
			this.output.add(output);
			return processIds.size() - 1;
		}

		/** Adds an indicator (a row of B), e.g. "GWP-fossil"; returns its index. */
		public int indicator(String id) {
			indicatorIds.add(id);
			return indicatorIds.size() - 1;
		}

		/** Process {@code consumer} needs {@code amount} units of the product of {@code provider} per run. */
		public Builder input(int consumer, int provider, double amount) {
			check(consumer, processIds.size(), "process");
			check(provider, processIds.size(), "process");
			inputConsumer.add(consumer);
			inputProvider.add(provider);
			inputAmount.add(amount);
			return this;
		}

		/** One run of {@code process} emits {@code amount} of {@code indicator}. Repeated calls add up. */
		public Builder intervention(int process, int indicator, double amount) {
			check(process, processIds.size(), "process");
			check(indicator, indicatorIds.size(), "indicator");
			Integer existing = interventionIndex.putIfAbsent(((long) process << 32) | indicator, interventionProcess.size());
			if (existing != null) {
				interventionAmount.set(existing, interventionAmount.get(existing) + amount);
				return this;
			}
			interventionProcess.add(process);
			interventionIndicator.add(indicator);
			interventionAmount.add(amount);
			return this;
		}

		/** Builds the immutable system. */
		public ProductSystem build() {
			return new ProductSystem(this);
		}

		private static void check(int index, int size, String what) {
			if (index < 0 || index >= size) {
				throw new IndexOutOfBoundsException("no " + what + " with index " + index + " (there are " + size + ")");
			}
		}
	}
}
