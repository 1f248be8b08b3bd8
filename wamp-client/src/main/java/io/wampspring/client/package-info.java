/**
 * The reactive WAMP v2 client, free of Spring: {@link io.wampspring.client.WampClient}
 * (connect, call, register, publish, subscribe, state events), its immutable
 * {@link io.wampspring.client.ClientOptions}, the request options
 * ({@link io.wampspring.client.CallOptions},
 * {@link io.wampspring.client.RegisterOptions},
 * {@link io.wampspring.client.PublishOptions},
 * {@link io.wampspring.client.SubscribeOptions}) and the handles and values the
 * application sees.
 */
@NullMarked
package io.wampspring.client;

import org.jspecify.annotations.NullMarked;
