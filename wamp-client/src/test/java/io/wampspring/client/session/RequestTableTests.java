package io.wampspring.client.session;

import java.util.ArrayList;
import java.util.List;

import io.wampspring.client.CancelMode;
import io.wampspring.core.WampException;
import io.wampspring.core.message.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request table finds, removes and counts calls by id, also when a slow call still
 * holds the slot that a newer id maps to.
 */
class RequestTableTests {

	@Test
	void aCallWhoseSlotIsTakenWaitsBesideItAndIsFoundByItsId() {
		// 2 calls allowed: 8 slots, so ids 1 and 9 share a slot
		RequestTable table = new RequestTable(2);
		TestCall slow = add(table);
		for (int i = 0; i < 7; i++) {
			TestCall passing = add(table);
			assertThat(table.removeCall(passing.id, passing)).isTrue();
		}
		TestCall sharing = add(table);
		assertThat(sharing.id % 8).isEqualTo(slow.id % 8);

		assertThat(table.pendingCalls()).isEqualTo(2);
		assertThat(table.call(slow.id)).isSameAs(slow);
		assertThat(table.call(sharing.id)).isSameAs(sharing);
		// the limit counts both
		TestCall third = new TestCall();
		third.id = table.nextId();
		assertThat(table.addCall(third.id, third)).isFalse();

		assertThat(table.removeCall(sharing.id)).isSameAs(sharing);
		assertThat(table.call(sharing.id)).isNull();
		assertThat(table.removeCall(slow.id, sharing)).isFalse();
		assertThat(table.removeCall(slow.id, slow)).isTrue();
		assertThat(table.pendingCalls()).isZero();
		assertThat(table.removeCall(slow.id)).isNull();
	}

	@Test
	void failAllFailsEveryCallOnceWhereverItWaits() {
		RequestTable table = new RequestTable(4);
		List<TestCall> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(add(table));
		}
		List<TestCall> visited = new ArrayList<>();
		table.forEachCall((call) -> visited.add((TestCall) call));
		assertThat(visited).containsExactlyInAnyOrderElementsOf(calls);

		table.failAll((what) -> new WampException("wamp.error.canceled", what));
		assertThat(calls).allSatisfy((call) -> assertThat(call.failures).isEqualTo(1));
		assertThat(table.pendingCalls()).isZero();
		assertThat(table.call(calls.get(0).id)).isNull();
	}

	private static TestCall add(RequestTable table) {
		TestCall call = new TestCall();
		call.id = table.nextId();
		assertThat(table.addCall(call.id, call)).isTrue();
		return call;
	}

	static final class TestCall extends PendingCall {

		int failures;

		TestCall() {
			super(null, "com.example.test", CancelMode.KILL_NO_WAIT);
		}

		@Override
		boolean onResult(Result result, boolean progress) {
			return true;
		}

		@Override
		void fail(Throwable error) {
			this.failures++;
		}

	}

}
