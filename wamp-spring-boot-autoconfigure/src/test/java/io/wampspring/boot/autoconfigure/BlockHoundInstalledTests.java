package io.wampspring.boot.autoconfigure;

import io.wampspring.client.test.BlockHoundSupport;
import org.junit.jupiter.api.Test;

/**
 * BlockHound watches this suite too (wamp-client's {@link BlockHoundSupport}, from its
 * test jar): a blocking call on a {@code parallel} thread is refused and recorded.
 */
class BlockHoundInstalledTests {

	@Test
	void blockingOnAParallelThreadIsCaught() {
		BlockHoundSupport.verifyInstalled();
	}

}
