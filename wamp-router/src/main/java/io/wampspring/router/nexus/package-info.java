/**
 * The state behind the Nexus-style services: the metadata store SPI and its in-memory
 * default, one-time passwords and API keys with the ticket authenticator that accepts
 * them.
 */
@NullMarked
package io.wampspring.router.nexus;

import org.jspecify.annotations.NullMarked;
