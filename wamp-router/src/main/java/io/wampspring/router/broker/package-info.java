/**
 * The broker of a realm: subscriptions, event dispatch with its filters, retained events
 * and event histories. Internal to the embedded router; not an API. It reaches its realm
 * only through {@link BrokerContext}.
 */
@NullMarked
package io.wampspring.router.broker;

import org.jspecify.annotations.NullMarked;
