/**
 * Peers: named pools of client sessions used by the template and the endpoints.
 */
@NullMarked
package io.wampspring.spring.peer;

import org.jspecify.annotations.NullMarked;
