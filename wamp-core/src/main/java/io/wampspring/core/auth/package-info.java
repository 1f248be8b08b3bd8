/**
 * The cryptography of WAMP authentication, without I/O, shared by the client's
 * authenticators and the embedded router's authentication methods: WAMP-CRA
 * ({@link io.wampspring.core.auth.WampCra}), WAMP-Cryptosign with Ed25519
 * ({@link io.wampspring.core.auth.CryptosignKey},
 * {@link io.wampspring.core.auth.Cryptosign}) and WAMP-SCRAM
 * ({@link io.wampspring.core.auth.Scram}, {@link io.wampspring.core.auth.ScramClient}).
 * <p>
 * Invalid input fails with an {@link java.lang.IllegalArgumentException} whose message
 * names what was wrong; no message, {@code toString()} or exception ever contains secret
 * material (passwords, private keys, derived keys).
 */
@NullMarked
package io.wampspring.core.auth;

import org.jspecify.annotations.NullMarked;
