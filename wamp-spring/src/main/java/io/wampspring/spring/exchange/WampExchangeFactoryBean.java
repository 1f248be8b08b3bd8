package io.wampspring.spring.exchange;

import java.util.Objects;

import io.wampspring.spring.core.WampOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;

/**
 * The bean of one {@link WampExchange} interface: its proxy, made by the context's
 * {@link WampExchangeProxyFactory} bean, or else by a factory over the context's
 * {@link WampOperations} (with {@code ${...}} placeholders resolved from the
 * environment). Registered by {@link EnableWampExchanges} and by Spring Boot's
 * auto-configuration for every interface they find.
 *
 * @param <T> the interface type
 */
public class WampExchangeFactoryBean<T> implements FactoryBean<T>, BeanFactoryAware {

	private final Class<T> type;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Create the factory bean.
	 * @param type the interface
	 */
	public WampExchangeFactoryBean(Class<T> type) {
		this.type = Objects.requireNonNull(type, "type");
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * The interface.
	 * @return the interface
	 */
	public Class<T> getType() {
		return this.type;
	}

	@Override
	public T getObject() {
		BeanFactory beanFactory = this.beanFactory;
		if (beanFactory == null) {
			throw new IllegalStateException("WampExchangeFactoryBean of " + this.type.getName()
					+ " has no bean factory: it is meant to be a bean");
		}
		WampExchangeProxyFactory factory = beanFactory.getBeanProvider(WampExchangeProxyFactory.class)
			.getIfUnique(() -> fallbackFactory(beanFactory));
		return factory.create(this.type);
	}

	private WampExchangeProxyFactory fallbackFactory(BeanFactory beanFactory) {
		WampOperations operations;
		try {
			operations = beanFactory.getBean(WampOperations.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("the WAMP exchange " + this.type.getName()
					+ " needs a WampOperations bean (a WampTemplate) or a WampExchangeProxyFactory bean: "
					+ "define one, or use the Spring Boot starter, which does", ex);
		}
		WampExchangeProxyFactory.Builder builder = WampExchangeProxyFactory.builder(operations);
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			builder.embeddedValueResolver(new EmbeddedValueResolver(configurable));
		}
		return builder.build();
	}

	@Override
	public Class<T> getObjectType() {
		return this.type;
	}

	@Override
	public boolean isSingleton() {
		return true;
	}

}
