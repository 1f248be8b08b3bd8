/**
 * The session protocol machine: one instance per transport connection, with its pending
 * request tables.
 */
@NullMarked
package io.wampspring.client.session;

import org.jspecify.annotations.NullMarked;
