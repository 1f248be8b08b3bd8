package io.wampspring.client.support;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * Test certificates made in memory (EC P-256, SHA-256 with ECDSA) with Bouncy Castle's
 * ASN.1 classes from bcprov: a certificate authority, and leaf certificates it issues for
 * {@code localhost} / {@code 127.0.0.1}, valid now or expired. No key ever touches the
 * disk.
 */
public final class TestCertificates {

	private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

	private static final AlgorithmIdentifier SHA256_ECDSA = new AlgorithmIdentifier(
			X9ObjectIdentifiers.ecdsa_with_SHA256);

	private TestCertificates() {
	}

	/**
	 * A key pair and its certificate.
	 *
	 * @param keyPair the key pair
	 * @param certificate the certificate
	 * @param name the subject's common name
	 */
	public record Issued(KeyPair keyPair, X509Certificate certificate, String name) {

		/**
		 * The private key.
		 * @return the key
		 */
		public PrivateKey privateKey() {
			return this.keyPair.getPrivate();
		}

	}

	/**
	 * A self-signed certificate authority valid from an hour ago for a day.
	 * @param name the common name
	 * @return the authority
	 */
	public static Issued authority(String name) {
		KeyPair keys = newKeyPair();
		Instant now = Instant.now();
		return new Issued(keys, sign(name, name, keys, keys.getPrivate(), now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)), null), name);
	}

	/**
	 * A leaf certificate for {@code localhost} and {@code 127.0.0.1}, usable by a server
	 * and a client, valid from an hour ago for a day.
	 * @param issuer the authority that signs it
	 * @param name the common name
	 * @return the certificate
	 */
	public static Issued issue(Issued issuer, String name) {
		Instant now = Instant.now();
		return issue(issuer, name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
	}

	/**
	 * A leaf certificate that expired yesterday.
	 * @param issuer the authority that signs it
	 * @param name the common name
	 * @return the certificate
	 */
	public static Issued expired(Issued issuer, String name) {
		Instant now = Instant.now();
		return issue(issuer, name, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
	}

	/**
	 * A leaf certificate for other host names only, valid from an hour ago for a day.
	 * @param issuer the authority that signs it
	 * @param name the common name
	 * @param hosts the DNS names it is for
	 * @return the certificate
	 */
	public static Issued issueFor(Issued issuer, String name, String... hosts) {
		Instant now = Instant.now();
		return issue(issuer, name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), hosts);
	}

	private static Issued issue(Issued issuer, String name, Instant notBefore, Instant notAfter, String... hosts) {
		KeyPair keys = newKeyPair();
		GeneralName[] names;
		if (hosts.length == 0) {
			names = new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
					new GeneralName(GeneralName.iPAddress, "127.0.0.1") };
		}
		else {
			names = new GeneralName[hosts.length];
			for (int i = 0; i < hosts.length; i++) {
				names[i] = new GeneralName(GeneralName.dNSName, hosts[i]);
			}
		}
		return new Issued(keys, sign(name, issuer.name(), keys, issuer.privateKey(), notBefore, notAfter, names), name);
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate sign(String subject, String issuer, KeyPair subjectKeys, PrivateKey issuerKey,
			Instant notBefore, Instant notAfter, GeneralName @Nullable [] hosts) {
		boolean authority = hosts == null;
		try {
			V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
			tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIALS.incrementAndGet())));
			tbs.setIssuer(new X500Name("CN=" + issuer));
			tbs.setSubject(new X500Name("CN=" + subject));
			tbs.setStartDate(new Time(Date.from(notBefore)));
			tbs.setEndDate(new Time(Date.from(notAfter)));
			tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
			tbs.setSignature(SHA256_ECDSA);
			ExtensionsGenerator extensions = new ExtensionsGenerator();
			extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			if (authority) {
				extensions.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
				extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts));
			}
			tbs.setExtensions(extensions.generate());
			TBSCertificate certificate = tbs.generateTBSCertificate();
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(issuerKey);
			signer.update(certificate.getEncoded(ASN1Encoding.DER));
			ASN1EncodableVector parts = new ASN1EncodableVector();
			parts.add(certificate);
			parts.add(SHA256_ECDSA);
			parts.add(new DERBitString(signer.sign()));
			byte[] der = new DERSequence(parts).getEncoded(ASN1Encoding.DER);
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not make a test certificate for " + subject, ex);
		}
	}

}
