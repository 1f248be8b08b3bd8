package io.wampspring.spring.listener.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.wampspring.client.ClientOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WampExceptionTranslatorTests {

	private final WampExceptionTranslator translator = WampExceptionTranslator.defaults();

	@Test
	void wampExceptionPassesThrough() {
		WampException original = new WampException("com.example.error.out_of_stock", List.of("sold out", 3L),
				Map.of("sku", "a1"));
		WampException translated = this.translator.translate(new CompletionException(original));
		assertThat(translated).isSameAs(original);
	}

	@Test
	void illegalArgumentAndSubclassesAreInvalidArguments() {
		assertThat(this.translator.translate(new IllegalArgumentException("bad input")).getUri())
			.isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(this.translator.translate(new NumberFormatException("not a number")).getUri())
			.isEqualTo(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void otherExceptionsGetTheDefaultUriAndOnlyTheirMessage() {
		WampException translated = this.translator.translate(new IllegalStateException("database is down"));
		assertThat(translated.getUri()).isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
		assertThat(translated.getArgs()).containsExactly("database is down");
		assertThat(translated.getKwargs()).isEmpty();
	}

	@Test
	void exceptionWithoutMessageSendsItsSimpleName() {
		assertThat(this.translator.translate(new UnsupportedOperationException()).getArgs())
			.containsExactly("UnsupportedOperationException");
	}

	@Test
	void optionalLibrariesAreMappedByClassName() {
		assertThat(this.translator.uriFor(Security.AccessDeniedException.class)).isEqualTo(ClientOptions.DEFAULT_ERROR_URI);
		WampExceptionTranslator custom = WampExceptionTranslator.builder()
			.map(Security.AccessDeniedException.class.getName(), WampUris.NOT_AUTHORIZED)
			.map(IllegalStateException.class, "com.example.error.state")
			.defaultUri("com.example.error")
			.build();
		assertThat(custom.uriFor(Security.AccessDeniedException.class)).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat(custom.translate(new IllegalStateException("x")).getUri()).isEqualTo("com.example.error.state");
		assertThat(custom.translate(new RuntimeException("x")).getUri()).isEqualTo("com.example.error");
	}

	@Test
	void invalidUriIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WampExceptionTranslator.builder().defaultUri("not a uri"))
			.withMessageContaining("not a valid WAMP error URI");
	}

	static final class Security {

		static final class AccessDeniedException extends RuntimeException {

			private static final long serialVersionUID = 1L;

		}

	}

}
