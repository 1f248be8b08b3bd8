package io.wampspring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.CryptosignAuthenticator;
import io.wampspring.client.auth.ScramAuthenticator;
import io.wampspring.core.auth.ScramVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultWampAuthenticatorFactoryTests {

	private static final String SEED = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";

	private final DefaultWampAuthenticatorFactory factory = new DefaultWampAuthenticatorFactory();

	private final WampCredentials secret = new WampCredentials("main", "joe", "s3cret", null, null);

	@Test
	void everyMethodOfTheClientIsAvailable() {
		assertThat(this.factory.create("anonymous", this.secret).authMethod()).isEqualTo("anonymous");
		assertThat(this.factory.create("ticket", this.secret).authMethod()).isEqualTo("ticket");
		assertThat(this.factory.create("wampcra", this.secret).authMethod()).isEqualTo("wampcra");
		ClientAuthenticator scram = this.factory.create("scram", this.secret);
		assertThat(scram.authMethod()).isEqualTo("scram");
		assertThat(((ScramAuthenticator) scram).variant()).isEqualTo(ScramVariant.AUTOBAHN);
		assertThat(((ScramAuthenticator) this.factory.create("wamp-scram", this.secret)).variant())
			.isEqualTo(ScramVariant.SPEC);
		assertThatThrownBy(() -> this.factory.create("kerberos", this.secret))
			.isInstanceOf(UnsupportedOperationException.class)
			.hasMessageContaining("'kerberos'");
	}

	@Test
	void cryptosignTakesAHexKeyOrAKeyFile(@TempDir Path dir) throws Exception {
		CryptosignAuthenticator fromHex = (CryptosignAuthenticator) this.factory.create("cryptosign",
				new WampCredentials("main", "alice", null, SEED, null));
		Path file = dir.resolve("alice.key");
		Files.writeString(file, SEED);
		CryptosignAuthenticator fromFile = (CryptosignAuthenticator) this.factory.create("cryptosign",
				new WampCredentials("main", "alice", null, null, file));
		assertThat(fromHex.publicKeyHex()).hasSize(64).isEqualTo(fromFile.publicKeyHex());
		assertThat(fromHex.toString()).doesNotContain(SEED);
	}

}
