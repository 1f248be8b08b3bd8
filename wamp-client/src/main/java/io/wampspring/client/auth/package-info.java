/**
 * Client-side authentication: the {@link io.wampspring.client.auth.ClientAuthenticator} SPI with anonymous and ticket authenticators.
 */
@NullMarked
package io.wampspring.client.auth;

import org.jspecify.annotations.NullMarked;
