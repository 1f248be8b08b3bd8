package io.wampspring.boot.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.WampSubscribe;

import org.springframework.stereotype.Component;

/**
 * Keeps the messages published to {@code test.messages}.
 */
@Component
public class EventLog {

	private final List<String> messages = new CopyOnWriteArrayList<>();

	@WampSubscribe("test.messages")
	public void onMessage(String message) {
		this.messages.add(message);
	}

	public List<String> messages() {
		return this.messages;
	}

}
