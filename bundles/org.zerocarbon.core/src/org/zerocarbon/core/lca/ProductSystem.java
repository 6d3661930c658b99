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
	/** Where each process comes from in the model (e.g. "line.zc:12"), or null; for error messages. */
	final String[] processLocations;
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

	private ProductSystem(Builder b) {
		int n = b.processIds.size();
		this.processIds = b.processIds.toArray(String[]::new);
		this.processLocations = b.locations == null ? null : Arrays.copyOf(b.locations, n);
		this.indicatorIds = b.indicatorIds.toArray(String[]::new);
		// CSR by provider (row) in O(n + non-zeros): a counting sort by consumer, then a stable one by provider, gives
		// the exchanges ordered by (provider, consumer), so duplicates are adjacent and summed in one pass.
		int[] byConsumer = countingSort(b.inputConsumer, b.inputs, n, null);
		int[] order = countingSort(b.inputProvider, b.inputs, n, byConsumer);
		rowStart = new int[n + 1];
		selfInput = new int[n];
		Arrays.fill(selfInput, -1);
		int[] consumers = new int[b.inputs];
		double[] amounts = new double[b.inputs];
		double[] self = new double[n];
		int links = 0;
		int selfCount = 0;
		int previousProvider = -1;
		for (int k : order) {
			int provider = b.inputProvider[k];
			int consumer = b.inputConsumer[k];
			double amount = b.inputAmount[k];
			if (provider == consumer) {
				if (selfInput[provider] < 0) {
					selfInput[provider] = selfCount++;
				}
				self[selfInput[provider]] += amount;
			} else if (provider == previousProvider && consumers[links - 1] == consumer) {
				amounts[links - 1] += amount; // repeated calls add up
			} else {
				previousProvider = provider;
				consumers[links] = consumer;
				amounts[links++] = amount;
				rowStart[provider + 1]++;
			}
		}
		for (int i = 0; i < n; i++) {
			rowStart[i + 1] += rowStart[i];
		}
		rowConsumer = Arrays.copyOf(consumers, links);

		int[] byIndicator = countingSort(b.interventionIndicator, b.interventions, b.indicatorIds.size(), null);
		int[] bOrder = countingSort(b.interventionProcess, b.interventions, n, byIndicator);
		interventionStart = new int[n + 1];
		int[] indicators = new int[b.interventions];
		double[] bValues = new double[b.interventions];
		int entries = 0;
		int previousProcess = -1;
		for (int k : bOrder) {
			int j = b.interventionProcess[k];
			int indicator = b.interventionIndicator[k];
			if (j == previousProcess && indicators[entries - 1] == indicator) {
				bValues[entries - 1] += b.interventionAmount[k]; // repeated calls add up
				continue;
			}
			previousProcess = j;
			indicators[entries] = indicator;
			bValues[entries++] = b.interventionAmount[k];
			interventionStart[j + 1]++;
		}
		for (int j = 0; j < n; j++) {
			interventionStart[j + 1] += interventionStart[j];
		}
		interventionIndicator = Arrays.copyOf(indicators, entries);
		baseValues = new Values(Arrays.copyOf(b.output, n), Arrays.copyOf(amounts, links),
				Arrays.copyOf(self, selfCount), Arrays.copyOf(bValues, entries));
	}

	/**
	 * Indices {@code 0..count-1} (or the permutation {@code within}, if given) stably sorted by {@code key[index]} in
	 * {@code 0..range-1}: a counting sort, O(count + range).
	 */
	private static int[] countingSort(int[] key, int count, int range, int[] within) {
		int[] start = new int[range + 1];
		for (int e = 0; e < count; e++) {
			start[key[e] + 1]++;
		}
		for (int r = 0; r < range; r++) {
			start[r + 1] += start[r];
		}
		int[] sorted = new int[count];
		for (int t = 0; t < count; t++) {
			int e = within == null ? t : within[t];
			sorted[start[key[e]]++] = e;
		}
		return sorted;
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

	/**
	 * Process {@code index} for messages: its id in quotes, followed by where it comes from in the model if the builder
	 * was told ({@link Builder#location}), e.g. {@code 'line.Furnace' (line.zc:12)}.
	 */
	public String describeProcess(int index) {
		String location = processLocations == null ? null : processLocations[index];
		return "'" + processIds[index] + "'" + (location == null ? "" : " (" + location + ")");
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

	/** Position, in {@link Values#selfInputs()}, of the amount of its own product {@code process} consumes, or -1. */
	public int selfInputPosition(int process) {
		return selfInput[process];
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

	/** Collects processes, exchanges and indicators in primitive growable arrays; not thread-safe. */
	public static final class Builder {
		private final List<String> processIds = new ArrayList<>();
		private double[] output = new double[16];
		private final List<String> indicatorIds = new ArrayList<>();
		private int inputs;
		private int[] inputProvider = new int[16];
		private int[] inputConsumer = new int[16];
		private double[] inputAmount = new double[16];
		private int interventions;
		private int[] interventionProcess = new int[16];
		private int[] interventionIndicator = new int[16];
		private double[] interventionAmount = new double[16];
		private String[] locations;

		private Builder() {
		}

		/** Records where process {@code process} comes from in the model (e.g. "line.zc:12"), for error messages. */
		public Builder location(int process, String where) {
			check(process, processIds.size(), "process");
			if (locations == null || locations.length <= process) {
				locations = Arrays.copyOf(locations == null ? new String[0] : locations, Math.max(16, 2 * (process + 1)));
			}
			locations[process] = where;
			return this;
		}

		/** Adds a process with a reference output of 1 per run; returns its index. */
		public int process(String id) {
			return process(id, 1.0);
		}

		/** Adds a process producing {@code output} units of its reference product per run; returns its index. */
		public int process(String id, double output) {
			int index = processIds.size();
			if (index == this.output.length) {
				this.output = Arrays.copyOf(this.output, index * 2);
			}
			processIds.add(id);
			this.output[index] = output;
			return index;
		}

		/** Adds an indicator (a row of B), e.g. "GWP-fossil"; returns its index. */
		public int indicator(String id) {
			indicatorIds.add(id);
			return indicatorIds.size() - 1;
		}

		/** Process {@code consumer} needs {@code amount} units of the product of {@code provider} per run. Repeated calls add up. */
		public Builder input(int consumer, int provider, double amount) {
			check(consumer, processIds.size(), "process");
			check(provider, processIds.size(), "process");
			if (inputs == inputAmount.length) {
				inputProvider = Arrays.copyOf(inputProvider, inputs * 2);
				inputConsumer = Arrays.copyOf(inputConsumer, inputs * 2);
				inputAmount = Arrays.copyOf(inputAmount, inputs * 2);
			}
			inputConsumer[inputs] = consumer;
			inputProvider[inputs] = provider;
			inputAmount[inputs++] = amount;
			return this;
		}

		/** One run of {@code process} emits {@code amount} of {@code indicator}. Repeated calls add up. */
		public Builder intervention(int process, int indicator, double amount) {
			check(process, processIds.size(), "process");
			check(indicator, indicatorIds.size(), "indicator");
			if (interventions == interventionAmount.length) {
				interventionProcess = Arrays.copyOf(interventionProcess, interventions * 2);
				interventionIndicator = Arrays.copyOf(interventionIndicator, interventions * 2);
				interventionAmount = Arrays.copyOf(interventionAmount, interventions * 2);
			}
			interventionProcess[interventions] = process;
			interventionIndicator[interventions] = indicator;
			interventionAmount[interventions++] = amount;
			return this;
		}

		/** Builds the immutable system in time linear in processes + exchanges (counting sorts, no maps). */
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
