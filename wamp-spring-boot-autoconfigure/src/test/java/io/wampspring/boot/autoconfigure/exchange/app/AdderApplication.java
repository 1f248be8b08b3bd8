package io.wampspring.boot.autoconfigure.exchange.app;

import io.wampspring.spring.annotation.WampProcedure;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A test application whose package is the auto-configuration package.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class AdderApplication {

	/**
	 * The procedure the exchange calls.
	 * @return the bean
	 */
	@Bean
	public Procedures procedures() {
		return new Procedures();
	}

	/** Adds. */
	public static class Procedures {

		/**
		 * Add.
		 * @param a a number
		 * @param b another
		 * @return the sum
		 */
		@WampProcedure("com.example.add2")
		public long add(long a, long b) {
			return a + b;
		}

	}

}
