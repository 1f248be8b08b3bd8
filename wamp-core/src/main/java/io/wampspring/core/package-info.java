/**
 * The WAMP v2 protocol without I/O: the exception type that crosses the wire, and the
 * well-known URIs of the specification. Sub-packages hold messages, codecs, URI rules and
 * identifier rules.
 */
@NullMarked
package io.wampspring.core;

import org.jspecify.annotations.NullMarked;
