package io.wampspring.spring.aot;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints that Spring's AOT engine derives from {@code @WampProcedure} /
 * {@code @WampSubscribe} through their {@code @Reflective} meta-annotation, registered
 * the way the engine does it for a bean class.
 */
class WampHandlerReflectiveProcessorTests {

	private final RuntimeHints hints = new RuntimeHints();

	WampHandlerReflectiveProcessorTests() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, Handlers.class);
	}

	@Test
	void handlerMethodsMayBeInvoked() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "place")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "onShipped"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "notAHandler"))
			.rejects(this.hints);
	}

	@Test
	void recordParametersAndResultsAreBound() {
		// a record parameter: Jackson calls its canonical constructor and reads its
		// components
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "item")).accepts(this.hints);
		// inside Mono, and a type nested in a bound record
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Receipt.class, "total")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Money.class, "cents")).accepts(this.hints);
	}

	@Test
	void wrappersAreUnwrapped() {
		// Flux<Line>, CompletableFuture<Optional<Summary>>, a @Kwarg parameter
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Line.class, "text")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Summary.class, "count")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Customer.class, "getName"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Shipment.class, "id")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Flux.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Mono.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(CompletableFuture.class)).rejects(this.hints);
	}

	@Test
	void injectedParametersNeedNoHints() {
		assertThat(RuntimeHintsPredicates.reflection().onType(InvocationDetails.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(EventDetails.class)).rejects(this.hints);
	}

	static class Handlers {

		@WampProcedure("com.example.place")
		Mono<Receipt> place(Order order, InvocationDetails details) {
			return Mono.just(new Receipt(new Money(order.quantity())));
		}

		@WampProcedure("com.example.lines")
		Flux<Line> lines(@Kwarg("customer") Customer customer) {
			return Flux.just(new Line(customer.getName()));
		}

		@WampProcedure("com.example.summary")
		CompletableFuture<Optional<Summary>> summary(List<Order> orders) {
			return CompletableFuture.completedFuture(Optional.of(new Summary(orders.size())));
		}

		@WampSubscribe("com.example.shipped")
		void onShipped(Shipment shipment, EventDetails details) {
		}

		void notAHandler(Order order) {
		}

	}

	record Order(String item, int quantity) {
	}

	record Receipt(Money total) {
	}

	record Money(long cents) {
	}

	record Line(String text) {
	}

	record Summary(int count) {
	}

	record Shipment(String id) {
	}

	/** A JavaBean, as a {@code @Kwarg} parameter. */
	static class Customer {

		private String name = "";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
