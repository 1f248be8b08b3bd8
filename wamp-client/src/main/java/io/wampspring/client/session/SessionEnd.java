package io.wampspring.client.session;

import org.jspecify.annotations.Nullable;

/**
 * Why a session ended.
 *
 * @param reason a readable reason, for logs and state events
 * @param error the failure behind it (a lost transport, an ABORT, a protocol violation),
 * or null for a normal goodbye initiated by the application
 */
public record SessionEnd(String reason, @Nullable Throwable error) {
}
