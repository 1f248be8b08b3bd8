package io.wampspring.spring.listener.adapter;

import io.wampspring.spring.support.WampJsonConverter;

/**
 * What a {@link WampHandlerMethodArgumentResolver} knows about a parameter beyond the
 * {@link org.springframework.core.MethodParameter} when it prepares it.
 *
 * @param uri the URI (or pattern) the method serves, for error messages
 * @param converter the converter of the endpoint's payloads
 * @param position the index of the positional argument the parameter would take: how many
 * parameters before it consume a positional argument
 */
public record WampParameterContext(String uri, WampJsonConverter converter, int position) {
}
