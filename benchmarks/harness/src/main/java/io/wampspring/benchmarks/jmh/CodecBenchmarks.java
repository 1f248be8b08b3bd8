package io.wampspring.benchmarks.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.core.codec.FrameDecoder;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Yield;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding and decoding the five messages of a routed call and an event, in the three
 * serializers, with the payload of the load benchmarks ({@code ["hello", 42]}, no kwargs)
 * and the details a router sends. Encoding writes into a reused stream, as a transport
 * writing into a buffer does; decoding reads from the frame's bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmarks {

	/** The serializer. */
	@Param({ "json", "msgpack", "cbor" })
	public String codec = "json";

	/** The message type. */
	@Param({ "CALL", "INVOCATION", "YIELD", "RESULT", "EVENT" })
	public String message = "CALL";

	private WampCodec wampCodec = WampCodecs.JSON;

	private WampMessage value = message("CALL");

	private byte[] bytes = new byte[0];

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

	private FrameDecoder frames = WampCodecs.JSON.frameDecoder();

	private ByteBuffer frame = ByteBuffer.allocate(0);

	/** Build the message and its bytes. */
	@Setup
	public void setUp() {
		this.wampCodec = WampCodecs.byName(this.codec);
		this.value = message(this.message);
		this.bytes = this.wampCodec.encode(this.value);
		this.frames = this.wampCodec.frameDecoder();
		this.frame = ByteBuffer.wrap(this.bytes);
	}

	static WampMessage message(String type) {
		List<Object> args = List.of("hello", 42L);
		return switch (type) {
			case "CALL" -> new Call(7_123_456L, Map.of(), "com.example.echo", args, Map.of());
			case "INVOCATION" -> new Invocation(7_123_456L, 4_503_599_627_370_495L, Map.of(), args, Map.of());
			case "YIELD" -> new Yield(7_123_456L, Map.of(), args, Map.of());
			case "RESULT" -> new Result(7_123_456L, Map.of(), args, Map.of());
			case "EVENT" -> new Event(1_234_567_890L, 4_503_599_627_370_495L, Map.of(), args, Map.of());
			default -> throw new IllegalArgumentException(type);
		};
	}

	/**
	 * Encode into a reused stream.
	 * @return the size, so the work is not dead code
	 */
	@Benchmark
	public int encode() {
		this.out.reset();
		this.wampCodec.encode(this.value, this.out);
		return this.out.size();
	}

	/**
	 * Decode from the frame's bytes.
	 * @return the message
	 */
	@Benchmark
	public WampMessage decode() {
		return this.wampCodec.decode(this.bytes);
	}

	/**
	 * Decode a frame as the transports do: with the connection's frame decoder, which may
	 * keep its parser between frames (JSON does).
	 * @return the message
	 */
	@Benchmark
	public WampMessage decodeFrame() {
		return this.frames.decode(this.frame);
	}

}
