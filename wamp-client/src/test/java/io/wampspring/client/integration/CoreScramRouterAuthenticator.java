package io.wampspring.client.integration;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramServer;
import io.wampspring.core.message.Dicts;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A router-side SCRAM method for the embedded router built on wamp-core's
 * {@link ScramServer}, for the dialect the router does not ship (Crossbar.io's
 * {@code scram}) and for an impostor router that answers with a wrong server signature.
 */
final class CoreScramRouterAuthenticator implements Authenticator {

	private final String authid;

	private final String role;

	private final ScramCredential credential;

	private final boolean forgeServerSignature;

	CoreScramRouterAuthenticator(String authid, String role, ScramCredential credential, boolean forgeServerSignature) {
		this.authid = authid;
		this.role = role;
		this.credential = credential;
		this.forgeServerSignature = forgeServerSignature;
	}

	@Override
	public String authMethod() {
		return this.credential.variant().authMethod();
	}

	@Override
	public boolean supports(AuthRequest request) {
		return this.authid.equals(request.authid());
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		String nonce = Dicts.string(request.authextra(), "nonce");
		if (nonce == null) {
			return Mono.just(AuthDecision.reject("no client nonce"));
		}
		ScramServer server = new ScramServer(this.credential, this.authid, nonce, null, null);
		return Mono.just(AuthDecision.challenge(server.challengeExtra(), server));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		ScramServer server = (ScramServer) state;
		if (server == null || !server.verify(signature, extra)) {
			return Mono.just(AuthDecision.reject("invalid SCRAM proof for authid '" + this.authid + "'"));
		}
		Map<String, Object> welcome = new LinkedHashMap<>(server.welcomeAuthExtra());
		if (this.forgeServerSignature) {
			welcome.put(this.credential.variant().verifierKey(), Base64.getEncoder().encodeToString(new byte[32]));
		}
		return Mono.just(new AuthDecision.Accept(this.authid, this.role, "static", welcome));
	}

}
