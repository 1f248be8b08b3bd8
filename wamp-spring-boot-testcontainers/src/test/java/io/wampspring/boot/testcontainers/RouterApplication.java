package io.wampspring.boot.testcontainers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application of the integration tests: one procedure and one subscription,
 * on the router that {@code @ServiceConnection} supplies.
 */
@SpringBootApplication
class RouterApplication {

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	/** Annotated handlers. */
	static class Handlers {

		final BlockingQueue<String> news = new LinkedBlockingQueue<>();

		@WampProcedure("com.example.add2")
		long add2(long a, long b) {
			return a + b;
		}

		@WampSubscribe("com.example.news")
		void onNews(String headline) {
			this.news.add(headline);
		}

	}

}
