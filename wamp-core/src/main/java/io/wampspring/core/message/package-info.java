/**
 * Every WAMP v2 message as an immutable record, with the type codes of the specification.
 */
@NullMarked
package io.wampspring.core.message;

import org.jspecify.annotations.NullMarked;
