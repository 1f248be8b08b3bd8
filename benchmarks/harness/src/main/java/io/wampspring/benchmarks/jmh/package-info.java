/**
 * JMH microbenchmarks: the codecs ({@link CodecBenchmarks}) and the client's request path
 * without sockets ({@link ClientCallBenchmarks}). Run them with the GC profiler:
 * {@code benchmarks/run jmh} or {@code java -cp ... org.openjdk.jmh.Main -prof gc}.
 */
@NullMarked
package io.wampspring.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
