package io.wampspring.core.codec;

import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;

/**
 * A value that a codec could read but cannot map to the value tree. It stands in the tree
 * where the value was, so that decoding goes on to the end of the frame and
 * {@link MessageFactory} still checks the message structure; the first one of a frame
 * also learns its path (indices and keys from the message array down to the value) while
 * the reader unwinds, and becomes a {@link io.wampspring.core.WampPayloadException} once
 * the structure is known to be good.
 */
final class PayloadProblem {

	private final String description;

	/**
	 * Indices and keys from the message array down to the value; built only for the first
	 * problem.
	 */
	private final ArrayDeque<Object> path = new ArrayDeque<>(4);

	/**
	 * Depth of the value whose index or key is the next to prepend; 0 once the path is
	 * complete.
	 */
	private int pending;

	/**
	 * @param description what the value is, completing "... is": for example "a
	 * MessagePack extension value (type 5), which WAMP payloads cannot carry"
	 * @param depth the depth of the value: 1 for an element of the message array
	 */
	PayloadProblem(String description, int depth) {
		this.description = description;
		this.pending = depth;
	}

	/**
	 * Called by a container, the parent of values at {@code depth}, after it read its
	 * child at {@code index} or {@code key}: prepends the segment when that child holds
	 * the problem.
	 */
	void unwind(int depth, Object segment) {
		if (this.pending == depth) {
			this.path.addFirst(segment);
			this.pending--;
		}
	}

	/**
	 * The element of the message array that holds the value.
	 * @return its index, or -1 while the path is incomplete
	 */
	int element() {
		return (this.pending == 0 && !this.path.isEmpty()) ? (Integer) this.path.getFirst() : -1;
	}

	/**
	 * A sentence part that says where the value is and what it is.
	 * @param elementName the name of the message element that holds it, such as
	 * {@code Arguments}
	 * @return such as {@code Arguments[2] is a MessagePack extension value (type 5), ...}
	 */
	String describe(String elementName) {
		StringBuilder text = new StringBuilder(elementName);
		boolean first = true;
		for (Object segment : this.path) {
			if (first) {
				first = false;
			}
			else if (segment instanceof Integer index) {
				text.append('[').append(index).append(']');
			}
			else {
				String key = (String) segment;
				if (isPlainKey(key)) {
					text.append('.').append(key);
				}
				else {
					text.append("[\"").append(abbreviate(key)).append("\"]");
				}
			}
		}
		return text.append(" is ").append(this.description).toString();
	}

	private static boolean isPlainKey(String key) {
		if (key.isEmpty() || key.length() > 60) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!(c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	private static String abbreviate(String text) {
		String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
		return (escaped.length() > 60) ? escaped.substring(0, 57) + "..." : escaped;
	}

	/** What the value is, as the structure checks name a value they did not expect. */
	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * The state a codec's tree reader keeps while it reads one frame: the first problem,
	 * and the calls that build its path. The checks cost one field read per container
	 * element when nothing was unmappable.
	 */
	abstract static class Tracker {

		private @Nullable PayloadProblem first;

		/**
		 * Record an unmappable value.
		 * @param description what the value is (see
		 * {@link PayloadProblem#PayloadProblem})
		 * @param depth the depth of the value
		 * @return the value that stands in the tree in its place
		 */
		final PayloadProblem unmappable(String description, int depth) {
			PayloadProblem problem = new PayloadProblem(description, depth);
			if (this.first == null) {
				this.first = problem;
			}
			return problem;
		}

		/** A list read its element {@code index}, a value at {@code depth}. */
		final void readElement(int depth, int index) {
			PayloadProblem problem = this.first;
			if (problem != null) {
				problem.unwind(depth, index);
			}
		}

		/** A dictionary read the value of {@code key}, at {@code depth}. */
		final void readEntry(int depth, String key) {
			PayloadProblem problem = this.first;
			if (problem != null) {
				problem.unwind(depth, key);
			}
		}

		/**
		 * The first unmappable value of the frame.
		 * @return the problem, or null when every value was mapped
		 */
		final @Nullable PayloadProblem problem() {
			return this.first;
		}

	}

}
