package io.wampspring.router.nexus;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Where the router keeps the values of {@code my.metadata.*}, per realm and authid. The
 * default is {@link InMemoryMetadataStore}; an application that keeps them in its own
 * database implements this interface (and, with Spring Boot, declares it as a bean).
 * <p>
 * Every method returns a {@link Mono} and must not block the calling thread (the router's
 * event loop): a blocking driver belongs on a scheduler such as Reactor's
 * {@code boundedElastic}. The router waits for each answer at most its store timeout,
 * then answers the caller with {@code wamp.error.timeout}.
 * <p>
 * The router checks a single value against the quota before it calls {@link #put}; the
 * store enforces the quota over all the authid's entries, atomically when it can, and
 * signals {@link MetadataQuotaExceededException} when a put would exceed it.
 */
public interface MetadataStore {

	/**
	 * One value.
	 * @param realm the realm
	 * @param authid the authid
	 * @param key the key
	 * @return the entry, or empty when absent
	 */
	Mono<MetadataEntry> get(String realm, String authid, String key);

	/**
	 * Every value of an authid.
	 * @param realm the realm
	 * @param authid the authid
	 * @return the entries in the order they were first set, empty list when none
	 */
	Mono<List<MetadataEntry>> list(String realm, String authid);

	/**
	 * Set a value, keeping the entry's uuid when the key exists.
	 * @param realm the realm
	 * @param authid the authid
	 * @param key the key
	 * @param value the value, or null
	 * @param size the JSON size of key and value, in bytes, as the router measured it
	 * @param quota what the authid may hold
	 * @return the stored entry; {@link MetadataQuotaExceededException} when the quota
	 * would be exceeded (nothing is changed then)
	 */
	Mono<MetadataEntry> put(String realm, String authid, String key, @Nullable Object value, long size,
			MetadataQuota quota);

	/**
	 * Delete a value.
	 * @param realm the realm
	 * @param authid the authid
	 * @param key the key
	 * @return whether the key existed
	 */
	Mono<Boolean> delete(String realm, String authid, String key);

	/**
	 * Delete every value of an authid; the router calls it when the last session of an
	 * ephemeral (anonymous) authid leaves.
	 * @param realm the realm
	 * @param authid the authid
	 * @return completes when deleted
	 */
	Mono<Void> deleteAll(String realm, String authid);

}
