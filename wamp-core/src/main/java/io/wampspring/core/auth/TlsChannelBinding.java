package io.wampspring.core.auth;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Provider;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSession;

import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.jspecify.annotations.Nullable;

/**
 * TLS channel binding for WAMP-Cryptosign: reads the channel binding data of a TLS
 * connection and turns it into the 32-byte channel id that is XORed with the challenge.
 * <ul>
 * <li>{@code tls-unique} (RFC 5929, TLS 1.2 and older): the first Finished message of the
 * connection; the channel id is its SHA-256, as Autobahn and Crossbar.io compute it.</li>
 * <li>{@code tls-exporter} (RFC 9266, TLS 1.3): 32 bytes of keying material exported with
 * the label {@code EXPORTER-Channel-Binding} and no context; the channel id is those
 * bytes.</li>
 * </ul>
 * Where the data comes from:
 * <ul>
 * <li>{@code tls-unique}: the Bouncy Castle JSSE provider
 * ({@code org.bouncycastle:bctls-jdk18on}, an optional dependency); Java's own provider
 * (SunJSSE) does not expose it.</li>
 * <li>{@code tls-exporter}: Java's own provider on Java 25 or later
 * ({@code ExtendedSSLSession.exportKeyingMaterialData}, called reflectively since the
 * project compiles for Java 17). The Bouncy Castle JSSE provider (1.83) cannot: it clears
 * the exporter secret when the handshake completes (bc-java issue 1535).</li>
 * </ul>
 * Where neither applies, {@link #read(SSLEngine, String)} says why, and TLS keeps working
 * for everything else. No Bouncy Castle JSSE class is loaded until one of these methods
 * needs it.
 */
public final class TlsChannelBinding {

	/** RFC 5929 {@code tls-unique}, defined for TLS 1.2 and older. */
	public static final String TLS_UNIQUE = "tls-unique";

	/** RFC 9266 {@code tls-exporter}, defined for TLS 1.3. */
	public static final String TLS_EXPORTER = "tls-exporter";

	/** The RFC 9266 exporter label; the context is empty and the length 32 bytes. */
	private static final String EXPORTER_LABEL = "EXPORTER-Channel-Binding";

	private static final String BC_ENGINE = "org.bouncycastle.jsse.BCSSLEngine";

	private static final String HOW_TO = "use the Bouncy Castle JSSE provider (add org.bouncycastle:bctls-jdk18on and "
			+ "set ssl provider bouncy-castle) on both ends";

	private static final boolean AVAILABLE = isPresent();

	// Java 25's ExtendedSSLSession.exportKeyingMaterialData(String, byte[], int), or null
	private static final @Nullable Method EXPORT = exportMethod();

	private static @Nullable Method exportMethod() {
		try {
			return ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
					int.class);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private TlsChannelBinding() {
	}

	private static boolean isPresent() {
		try {
			Class.forName(BC_ENGINE, false, TlsChannelBinding.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Whether a channel binding type is one this class knows.
	 * @param type such as {@code tls-unique}
	 * @return true for {@link #TLS_UNIQUE} and {@link #TLS_EXPORTER}
	 */
	public static boolean isKnown(@Nullable String type) {
		return TLS_UNIQUE.equals(type) || TLS_EXPORTER.equals(type);
	}

	/**
	 * Whether the Bouncy Castle JSSE provider is on the class path.
	 * @return true when {@code bctls-jdk18on} can be loaded
	 */
	public static boolean isBouncyCastleAvailable() {
		return AVAILABLE;
	}

	/**
	 * The Bouncy Castle JSSE provider (one instance, made on first use), for Netty's
	 * {@code SslContextBuilder.sslContextProvider(..)} with the JDK SslProvider.
	 * @return the provider
	 * @throws IllegalStateException when {@code bctls-jdk18on} is not on the class path
	 */
	public static Provider bouncyCastleJsseProvider() {
		if (!AVAILABLE) {
			throw new IllegalStateException("the Bouncy Castle JSSE provider was chosen for TLS, but "
					+ "org.bouncycastle:bctls-jdk18on is not on the class path; add it (same version as bcprov-jdk18on) "
					+ "or choose the jdk provider");
		}
		return BouncyCastle.provider();
	}

	/**
	 * Read the channel binding data of a TLS connection.
	 * @param engine the connection's engine, after its handshake
	 * @param type {@link #TLS_UNIQUE} or {@link #TLS_EXPORTER}
	 * @return the data, or why there is none
	 */
	public static Result read(SSLEngine engine, String type) {
		if (!isKnown(type)) {
			return Result.missing("unknown channel binding type '" + type + "': use " + TLS_UNIQUE + " (TLS 1.2) or "
					+ TLS_EXPORTER + " (TLS 1.3)");
		}
		SSLSession session = engine.getSession();
		String protocol = (session != null) ? session.getProtocol() : "?";
		if (TLS_UNIQUE.equals(type) && "TLSv1.3".equals(protocol)) {
			return Result.missing("channel binding " + TLS_UNIQUE + " is not defined for TLS 1.3 (RFC 8446); use "
					+ TLS_EXPORTER + ", or TLS 1.2");
		}
		if (TLS_EXPORTER.equals(type) && EXPORT != null && session instanceof ExtendedSSLSession extended) {
			try {
				return new Result((byte[]) EXPORT.invoke(extended, EXPORTER_LABEL, null, Cryptosign.CHALLENGE_LENGTH),
						null);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				Throwable cause = (ex instanceof InvocationTargetException target) ? target.getCause() : ex;
				if (!(cause instanceof UnsupportedOperationException)) {
					return Result.missing("the TLS connection (" + protocol + ") cannot export " + type + ": "
							+ ((cause != null) ? cause.getMessage() : ex.toString()));
				}
			}
		}
		if (TLS_EXPORTER.equals(type)) {
			return Result.missing("channel binding " + TLS_EXPORTER + " needs Java 25 or later with Java's own TLS "
					+ "provider (this JVM is Java " + Runtime.version().feature() + ", provider "
					+ engine.getClass().getName() + "); the Bouncy Castle JSSE provider cannot export it after the "
					+ "handshake; use " + TLS_UNIQUE + " over TLS 1.2 with the Bouncy Castle JSSE provider instead");
		}
		if (!AVAILABLE || !BouncyCastle.isEngine(engine)) {
			return Result.missing("the TLS provider of this connection (" + engine.getClass().getName()
					+ ") does not expose channel binding data; " + HOW_TO);
		}
		byte[] data;
		try {
			data = BouncyCastle.channelBinding(engine, type);
		}
		catch (RuntimeException ex) {
			return Result
				.missing("the TLS connection (" + protocol + ") cannot provide " + type + ": " + ex.getMessage());
		}
		if (data == null || data.length == 0) {
			return Result.missing("the TLS connection (" + protocol + ") has no " + type + " data yet");
		}
		return new Result(data, null);
	}

	/**
	 * The 32-byte channel id that is XORed with a cryptosign challenge.
	 * @param type {@link #TLS_UNIQUE} or {@link #TLS_EXPORTER}
	 * @param data the channel binding data from {@link #read(SSLEngine, String)}
	 * @return the channel id
	 * @throws IllegalArgumentException for an unknown type, or exporter data of another
	 * length than 32 bytes
	 */
	public static byte[] channelId(String type, byte[] data) {
		if (TLS_UNIQUE.equals(type)) {
			return Cryptosign.tlsUniqueChannelId(data);
		}
		if (TLS_EXPORTER.equals(type)) {
			if (data.length != Cryptosign.CHALLENGE_LENGTH) {
				throw new IllegalArgumentException(
						"tls-exporter data must be " + Cryptosign.CHALLENGE_LENGTH + " bytes, got " + data.length);
			}
			return data.clone();
		}
		throw new IllegalArgumentException("unknown channel binding type '" + type + "'");
	}

	/**
	 * Channel binding data of a connection, or why there is none.
	 *
	 * @param data the data, or null
	 * @param problem why there is no data (for an error message), or null
	 */
	public record Result(byte @Nullable [] data, @Nullable String problem) {

		/**
		 * No data, and why.
		 * @param problem what is missing and what to do
		 * @return the result
		 */
		public static Result missing(String problem) {
			return new Result(null, problem);
		}

		@Override
		public String toString() {
			// the data is key material: never printed
			return (this.data != null) ? "Result[" + this.data.length + " bytes]" : "Result[" + this.problem + "]";
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Result result && Arrays.equals(this.data, result.data)
					&& java.util.Objects.equals(this.problem, result.problem);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.data) * 31 + java.util.Objects.hashCode(this.problem);
		}

	}

	/** Loaded only when the Bouncy Castle JSSE provider is on the class path. */
	private static final class BouncyCastle {

		// its own crypto provider: the JSSE provider needs Bouncy Castle's DEFAULT
		// SecureRandom, which a JVM without the BC provider registered does not have
		private static final Provider PROVIDER = new BouncyCastleJsseProvider(new BouncyCastleProvider());

		static Provider provider() {
			return PROVIDER;
		}

		static boolean isEngine(SSLEngine engine) {
			return engine instanceof BCSSLEngine;
		}

		static byte @Nullable [] channelBinding(SSLEngine engine, String type) {
			BCSSLConnection connection = ((BCSSLEngine) engine).getConnection();
			return (connection != null) ? connection.getChannelBinding(type) : null;
		}

	}

}
