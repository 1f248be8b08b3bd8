/**
 * Client-side authentication: the {@link io.wampspring.client.auth.ClientAuthenticator}
 * SPI with the anonymous and ticket methods, and the exception for refused credentials.
 */
@NullMarked
package io.wampspring.client.auth;

import org.jspecify.annotations.NullMarked;
