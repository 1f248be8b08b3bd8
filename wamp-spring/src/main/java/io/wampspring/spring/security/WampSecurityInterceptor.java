package io.wampspring.spring.security;

import java.util.Objects;

import io.wampspring.client.WampInvocation;
import io.wampspring.spring.listener.adapter.WampHandlerInterceptor;
import io.wampspring.spring.listener.adapter.WampHandlerMethod;
import io.wampspring.spring.support.WampIdentity;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.messaging.Message;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs each procedure handler with the caller's identity as a
 * {@link WampAuthenticationToken}, so that Spring Security's method security
 * ({@code @PreAuthorize("hasRole('backend')")}) applies to {@code @WampProcedure}
 * methods:
 * <ul>
 * <li>imperative: the security context is set on the handler's thread for the call and
 * the thread's previous context restored after it;</li>
 * <li>reactive: a returned {@code Mono}, {@code Flux} or other {@code Publisher} carries
 * the context in its subscriber context ({@link ReactiveSecurityContextHolder}).</li>
 * </ul>
 * When the router disclosed no authid (the procedure was registered without
 * {@code disclose_caller}, or the router does not disclose), the handler runs with an
 * empty security context, so a method that requires an authentication is refused. A
 * refusal ({@code AccessDeniedException}, {@code AuthenticationException}) answers
 * {@code wamp.error.not_authorized} (see {@code WampExceptionTranslator}). Event handlers
 * run as before: a publisher is not a caller to authorize.
 */
public final class WampSecurityInterceptor implements WampHandlerInterceptor {

	/** The default prefix of the role authority. */
	public static final String DEFAULT_ROLE_PREFIX = "ROLE_";

	private final SecurityContextHolderStrategy strategy;

	private final String rolePrefix;

	/**
	 * An interceptor with the global {@link SecurityContextHolder} strategy and the
	 * {@value #DEFAULT_ROLE_PREFIX} role prefix.
	 */
	public WampSecurityInterceptor() {
		this(SecurityContextHolder.getContextHolderStrategy(), DEFAULT_ROLE_PREFIX);
	}

	/**
	 * Create an interceptor.
	 * @param strategy where the security context of the handler's thread is held
	 * @param rolePrefix the prefix of the role authority, such as {@code ROLE_}
	 */
	public WampSecurityInterceptor(SecurityContextHolderStrategy strategy, String rolePrefix) {
		this.strategy = Objects.requireNonNull(strategy, "strategy");
		this.rolePrefix = Objects.requireNonNull(rolePrefix, "rolePrefix");
	}

	@Override
	public @Nullable Object intercept(Message<?> message, WampHandlerMethod method, Next next) throws Exception {
		if (!(message.getPayload() instanceof WampInvocation invocation)) {
			return next.proceed();
		}
		WampAuthenticationToken authentication = authentication(invocation);
		SecurityContext context = this.strategy.createEmptyContext();
		if (authentication != null) {
			context.setAuthentication(authentication);
		}
		SecurityContext previous = this.strategy.getContext();
		boolean restore = previous.getAuthentication() != null;
		this.strategy.setContext(context);
		try {
			Object returned = next.proceed();
			return (authentication != null) ? withReactiveContext(returned, context) : returned;
		}
		finally {
			if (restore) {
				this.strategy.setContext(previous);
			}
			else {
				// nothing stays bound to a pooled thread
				this.strategy.clearContext();
			}
		}
	}

	/**
	 * The authentication of an invocation's caller.
	 * @param invocation the invocation
	 * @return the token, or null when the router disclosed no authid
	 */
	public @Nullable WampAuthenticationToken authentication(WampInvocation invocation) {
		return WampAuthenticationToken.of(WampIdentity.of(invocation), this.rolePrefix);
	}

	private static @Nullable Object withReactiveContext(@Nullable Object returned, SecurityContext context) {
		if (!(returned instanceof Publisher<?> publisher)) {
			return returned;
		}
		Context security = ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context));
		if (publisher instanceof Mono<?> mono) {
			return mono.contextWrite(security);
		}
		return Flux.from(publisher).contextWrite(security);
	}

}
