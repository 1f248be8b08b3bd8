/**
 * Our side of the benchmarks, each a process of its own: the embedded router with a plain
 * callee ({@link EmbeddedRouterMain}), a plain Netty WebSocket echo
 * ({@link NettyEchoMain}) and our client as a caller ({@link ClientCaller}).
 */
@NullMarked
package io.wampspring.benchmarks.peers;

import org.jspecify.annotations.NullMarked;
