package io.wampspring.boot.test.autoconfigure;

import java.io.IOException;
import java.util.Set;

import io.wampspring.boot.autoconfigure.WampClientOptionsCustomizer;
import io.wampspring.boot.autoconfigure.WampTemplateCustomizer;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * {@link TypeExcludeFilter} for {@link WampTest @WampTest}: keeps the components that
 * have {@code @WampProcedure} or {@code @WampSubscribe} methods (the handlers under
 * test), the WAMP customizers, and the application's {@code @ConfigurationProperties}
 * classes found by scanning.
 */
final class WampTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<WampTest> {

	// @ConfigurationProperties: handlers are often configured by the application's own
	// properties, and a properties class is a plain value bean
	private static final Set<Class<?>> KNOWN_INCLUDES = Set.of(WampTemplateCustomizer.class,
			WampClientOptionsCustomizer.class, ConfigurationProperties.class);

	WampTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return KNOWN_INCLUDES;
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		AnnotationMetadata metadata = metadataReader.getAnnotationMetadata();
		return super.defaultInclude(metadataReader, metadataReaderFactory)
				|| metadata.hasAnnotatedMethods(WampProcedure.class.getName())
				|| metadata.hasAnnotatedMethods(WampSubscribe.class.getName());
	}

}
