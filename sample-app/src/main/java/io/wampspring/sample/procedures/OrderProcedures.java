package io.wampspring.sample.procedures;

import java.util.List;

import io.wampspring.spring.annotation.WampProcedure;

import org.springframework.stereotype.Component;

/**
 * A procedure whose argument and result are records, bound by Jackson: the shape of most
 * real services, and what the AOT test of the sample checks (the records need binding
 * hints once the application is processed ahead of time).
 */
@Component
public class OrderProcedures {

	/**
	 * The total of an order.
	 * @param order the order: one positional argument {@code {"lines": [...]}}, or the
	 * keyword argument {@code lines}
	 * @return the number of items and the total price in cents
	 */
	@WampProcedure("com.example.order_total")
	public OrderTotal orderTotal(Order order) {
		int items = 0;
		long cents = 0;
		for (Line line : order.lines()) {
			if (line.quantity() < 0 || line.unitCents() < 0) {
				throw new IllegalArgumentException("quantity and unitCents must not be negative");
			}
			items += line.quantity();
			cents = Math.addExact(cents, Math.multiplyExact(line.quantity(), line.unitCents()));
		}
		return new OrderTotal(items, cents);
	}

	/**
	 * An order.
	 *
	 * @param lines its lines
	 */
	public record Order(List<Line> lines) {
	}

	/**
	 * One line of an order.
	 *
	 * @param item what is ordered
	 * @param quantity how many
	 * @param unitCents the price of one, in cents
	 */
	public record Line(String item, int quantity, long unitCents) {
	}

	/**
	 * The total of an order.
	 *
	 * @param items the number of items
	 * @param cents the price, in cents
	 */
	public record OrderTotal(int items, long cents) {
	}

}
