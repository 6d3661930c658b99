package org.zerocarbon.telemetry.mtconnect;

import java.util.Arrays;

import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.RecordSink;

/**
 * One document's observations in compact arrays, in document order, as sorted runs (a document lists them by
 * component and category, each group in sequence order); {@link #flush()} passes them to the sink in sequence order
 * by a k-way merge of the runs. Holds at most {@link #MAX_BUFFER} observations (37 bytes each); beyond that it
 * flushes what it has, with a warning.
 */
final class ObservationBuffer {

	static final int MAX_BUFFER = 2_000_000;
	static final byte VALUE = 0;
	static final byte UNAVAILABLE = 1;
	static final byte EVENT = 2;

	private final String source;
	private final RecordSink sink;

	private int size;
	private long[] seq = new long[1024];
	private long[] time = new long[1024];
	private byte[] kind = new byte[1024];
	private String[] channel = new String[1024];
	private double[] value = new double[1024];
	private String[] text = new String[1024];
	private EventKind[] eventKind = new EventKind[1024];
	private int[] runStarts = new int[16];
	private int runs;
	private boolean overflowNoted;

	ObservationBuffer(String source, RecordSink sink) {
		this.source = source;
		this.sink = sink;
	}

	int size() {
		return size;
	}

	/** Drops everything buffered (nothing is passed on). */
	void clear() {
		Arrays.fill(channel, 0, size, null);
		Arrays.fill(text, 0, size, null);
		size = 0;
		runs = 0;
	}

	void startRun() {
		if (runs == runStarts.length) {
			runStarts = Arrays.copyOf(runStarts, runs * 2);
		}
		if (runs == 0 || runStarts[runs - 1] != size) {
			runStarts[runs++] = size;
		}
	}

	void add(long s, long t, byte k, String id, double v, String eventText, EventKind eventType) {
		if (size > 0 && s < seq[size - 1] && (runs == 0 || runStarts[runs - 1] != size)) {
			startRun(); // an observation out of sequence within a group starts a new run
		}
		if (size == seq.length) {
			if (size >= MAX_BUFFER) {
				if (!overflowNoted) {
					overflowNoted = true;
					sink.diagnostic(Diagnostic.warning(source, -1, null, "the document has more than " + MAX_BUFFER
							+ " observations; beyond that they are passed on in document order"));
				}
				flush();
				startRun();
			} else {
				grow();
			}
		}
		if (runs == 0) {
			startRun();
		}
		seq[size] = s;
		time[size] = t;
		kind[size] = k;
		channel[size] = id;
		value[size] = v;
		text[size] = eventText;
		eventKind[size] = eventType;
		size++;
	}

	private void grow() {
		int n = Math.min(MAX_BUFFER, seq.length * 2);
		seq = Arrays.copyOf(seq, n);
		time = Arrays.copyOf(time, n);
		kind = Arrays.copyOf(kind, n);
		channel = Arrays.copyOf(channel, n);
		value = Arrays.copyOf(value, n);
		text = Arrays.copyOf(text, n);
		eventKind = Arrays.copyOf(eventKind, n);
	}

	/** Emits the buffered observations in sequence order (a k-way merge of the runs) and empties the buffer. */
	void flush() {
		int k = runs;
		int[] pos = new int[k];
		int[] stop = new int[k];
		int live = 0;
		for (int r = 0; r < k; r++) {
			int from = runStarts[r];
			int to = r + 1 < k ? runStarts[r + 1] : size;
			if (from < to) {
				pos[live] = from;
				stop[live] = to;
				live++;
			}
		}
		// a binary min-heap of run indices by the sequence at their head
		int[] heap = new int[live];
		for (int i = 0; i < live; i++) {
			heap[i] = i;
			siftUp(heap, i, pos);
		}
		int n = live;
		while (n > 0) {
			int r = heap[0];
			emit(pos[r]);
			pos[r]++;
			if (pos[r] == stop[r]) {
				heap[0] = heap[--n];
			}
			siftDown(heap, n, pos);
		}
		Arrays.fill(channel, 0, size, null);
		Arrays.fill(text, 0, size, null);
		size = 0;
		runs = 0;
	}

	private void siftUp(int[] heap, int i, int[] pos) {
		while (i > 0) {
			int parent = (i - 1) / 2;
			if (seq[pos[heap[parent]]] <= seq[pos[heap[i]]]) {
				return;
			}
			int swap = heap[parent];
			heap[parent] = heap[i];
			heap[i] = swap;
			i = parent;
		}
	}

	private void siftDown(int[] heap, int n, int[] pos) {
		int i = 0;
		while (true) {
			int left = 2 * i + 1;
			if (left >= n) {
				return;
			}
			int least = left + 1 < n && seq[pos[heap[left + 1]]] < seq[pos[heap[left]]] ? left + 1 : left;
			if (seq[pos[heap[i]]] <= seq[pos[heap[least]]]) {
				return;
			}
			int swap = heap[least];
			heap[least] = heap[i];
			heap[i] = swap;
			i = least;
		}
	}

	private void emit(int i) {
		switch (kind[i]) {
			case VALUE -> sink.value(channel[i], time[i], value[i]);
			case UNAVAILABLE -> sink.unavailable(channel[i], time[i]);
			default -> sink.event(eventKind[i], channel[i], time[i], text[i]);
		}
	}
}
