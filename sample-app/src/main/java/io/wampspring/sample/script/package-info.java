/**
 * The {@code script} profile: an izaber-style script that uses the Nexus helpers and
 * exits.
 */
@NullMarked
package io.wampspring.sample.script;

import org.jspecify.annotations.NullMarked;
