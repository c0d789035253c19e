package org.iopcare.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/** Reads PEM-encoded RSA keys (X.509 public, PKCS#8 private). */
public final class PemKeys {

    private PemKeys() {}

    public static RSAPublicKey publicKey(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the public key at " + resource.getDescription(), e);
        }
    }

    public static RSAPrivateKey privateKey(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the private key at " + resource.getDescription(), e);
        }
    }
}
