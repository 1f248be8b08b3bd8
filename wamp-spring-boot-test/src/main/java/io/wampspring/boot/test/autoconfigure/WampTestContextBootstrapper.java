package io.wampspring.boot.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} for {@link WampTest @WampTest}: its
 * {@link WampTest#properties() properties} become inlined test properties.
 */
class WampTestContextBootstrapper extends TestSliceTestContextBootstrapper<WampTest> {

}
