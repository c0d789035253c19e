package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of a local run: intake signs development staff tokens with the private key, every
 * service verifies them with the public one. Generated once per data folder so tokens stay valid
 * across restarts.
 */
final class JwtKeys {

    static final String PRIVATE_FILE = "jwt-private.pem";
    static final String PUBLIC_FILE = "jwt-public.pem";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private final Path privateKey;
    private final Path publicKey;

    private JwtKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair in {@code dir}, generated first if either half is missing. */
    static JwtKeys ensure(Path dir) {
        JwtKeys keys = new JwtKeys(dir.resolve(PRIVATE_FILE), dir.resolve(PUBLIC_FILE));
        if (Files.isRegularFile(keys.privateKey) && Files.isRegularFile(keys.publicKey)) {
            return keys;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            // getEncoded() of an RSA private key is PKCS#8 and of a public key X.509 SubjectPublicKeyInfo:
            // exactly what "BEGIN PRIVATE KEY" / "BEGIN PUBLIC KEY" PEM files hold.
            FilePermissions.writeSecret(
                    keys.privateKey, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()));
            Files.writeString(keys.publicKey, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JWT keys to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate RSA keys", e);
        }
    }

    Path privateKey() {
        return privateKey;
    }

    Path publicKey() {
        return publicKey;
    }

    RSAPrivateKey readPrivateKey() {
        return (RSAPrivateKey) decode(privateKey, PRIVATE_LABEL);
    }

    RSAPublicKey readPublicKey() {
        return (RSAPublicKey) decode(publicKey, PUBLIC_LABEL);
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static java.security.Key decode(Path file, String label) {
        try {
            String text = Files.readString(file);
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(file + " is not a PEM file with a " + label);
            }
            byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return PRIVATE_LABEL.equals(label)
                    ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " does not hold an RSA " + label, e);
        }
    }
}
