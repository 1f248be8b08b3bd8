package io.wampspring.router.realm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.MetadataEntry;
import io.wampspring.router.nexus.MetadataQuota;
import io.wampspring.router.nexus.MetadataQuotaExceededException;
import io.wampspring.router.nexus.MetadataStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code my.metadata.set/get/list/delete} of one realm: values per authid in a
 * {@link MetadataStore}, within the authid's quota. The values of an ephemeral authid (an
 * anonymous session's) are deleted when its last session leaves.
 */
final class MetadataService {

	private static final Logger logger = LoggerFactory.getLogger(MetadataService.class);

	private final String realm;

	private final NexusSettings settings;

	private final MetadataStore store;

	private final MetadataQuota quota;

	/** The live sessions of each ephemeral authid. */
	private final ConcurrentHashMap<String, Integer> ephemeral = new ConcurrentHashMap<>();

	MetadataService(String realm, NexusSettings settings, MetadataStore store) {
		this.realm = realm;
		this.settings = settings;
		this.store = store;
		this.quota = new MetadataQuota(settings.metadataMaxEntries(), settings.metadataMaxBytes());
	}

	Mono<List<@Nullable Object>> set(RouterSession caller, List<@Nullable Object> args) {
		String authid = caller.requireIdentity().authid();
		String key = NexusServices.stringArg(args, 0, "metadata key");
		noYaml(args, 2);
		Object value = (args.size() > 1) ? args.get(1) : null;
		long size = PayloadSize.of(key) + PayloadSize.of(value);
		if (size > this.quota.maxBytes()) {
			return Mono.error(new WampException(RouterLimits.LIMIT_EXCEEDED, "the metadata entry '" + key + "' has "
					+ size + " bytes, more than the " + this.quota.maxBytes() + " an authid may hold"));
		}
		return this.store.put(this.realm, authid, key, value, size, this.quota)
			.onErrorMap(MetadataQuotaExceededException.class,
					(ex) -> new WampException(RouterLimits.LIMIT_EXCEEDED, ex.getMessage()))
			.doOnSuccess((entry) -> {
				if (caller.isClosed()) {
					// the session left while the store wrote: drop what an ephemeral
					// authid left behind
					forgetIfGone(caller.requireIdentity());
				}
			})
			// Nexus answers with the value it stored
			.map((entry) -> Collections.singletonList(entry.value()));
	}

	Mono<List<@Nullable Object>> get(RouterSession caller, List<@Nullable Object> args) {
		String key = NexusServices.stringArg(args, 0, "metadata key");
		noYaml(args, 1);
		return this.store.get(this.realm, caller.requireIdentity().authid(), key)
			.map((entry) -> Collections.singletonList(entry.value()))
			.defaultIfEmpty(Collections.singletonList(null));
	}

	Mono<List<@Nullable Object>> list(RouterSession caller, List<@Nullable Object> args) {
		noYaml(args, 0);
		String authid = caller.requireIdentity().authid();
		return this.store.list(this.realm, authid).map((entries) -> {
			// key -> {value, uuid, owner}, as Nexus lists its metadata records
			Map<String, Object> byKey = new LinkedHashMap<>();
			for (MetadataEntry entry : entries) {
				Map<String, @Nullable Object> record = new LinkedHashMap<>();
				record.put("value", entry.value());
				record.put("uuid", entry.uuid());
				record.put("owner", authid);
				byKey.put(entry.key(), record);
			}
			return List.<@Nullable Object>of(byKey);
		});
	}

	Mono<List<@Nullable Object>> delete(RouterSession caller, List<@Nullable Object> args) {
		String key = NexusServices.stringArg(args, 0, "metadata key");
		return this.store.delete(this.realm, caller.requireIdentity().authid(), key)
			.map((deleted) -> List.<@Nullable Object>of(deleted));
	}

	private static void noYaml(List<@Nullable Object> args, int index) {
		if (args.size() > index && Boolean.TRUE.equals(args.get(index))) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"YAML values (yaml=True) are not supported by the embedded router; send the value itself");
		}
	}

	void sessionJoined(RouterSession session) {
		SessionIdentity who = session.identity();
		if (who != null && isEphemeral(who)) {
			this.ephemeral.merge(who.authid(), 1, Integer::sum);
		}
	}

	void sessionLeft(RouterSession session) {
		SessionIdentity who = session.identity();
		if (who == null || !isEphemeral(who)) {
			return;
		}
		Integer left = this.ephemeral.computeIfPresent(who.authid(), (authid, count) -> (count > 1) ? count - 1 : null);
		if (left == null) {
			deleteAll(who.authid());
		}
	}

	private void forgetIfGone(SessionIdentity who) {
		if (isEphemeral(who) && !this.ephemeral.containsKey(who.authid())) {
			deleteAll(who.authid());
		}
	}

	private void deleteAll(String authid) {
		this.store.deleteAll(this.realm, authid)
			.timeout(this.settings.storeTimeout())
			.subscribe(null, (ex) -> logger.warn("Could not delete the metadata of '{}' on realm '{}': {}", authid,
					this.realm, ex.toString()));
	}

	private static boolean isEphemeral(SessionIdentity who) {
		return AnonymousAuthenticator.METHOD.equals(who.authmethod());
	}

}
