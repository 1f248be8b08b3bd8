/**
 * Integration tests of the client against the embedded router, on real sockets.
 */
@NullMarked
package io.wampspring.client.integration;

import org.jspecify.annotations.NullMarked;
