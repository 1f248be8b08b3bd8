/**
 * Declarative WAMP callers: an interface annotated with
 * {@link io.wampspring.spring.exchange.WampExchange @WampExchange} whose methods are
 * calls ({@link io.wampspring.spring.exchange.WampCall @WampCall}) and publications
 * ({@link io.wampspring.spring.exchange.WampPublish @WampPublish}), implemented by a
 * proxy from {@link io.wampspring.spring.exchange.WampExchangeProxyFactory}, the WAMP
 * counterpart of Spring's HTTP interface clients.
 */
@NullMarked
package io.wampspring.spring.exchange;

import org.jspecify.annotations.NullMarked;
