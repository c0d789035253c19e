package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void writesPkcs8AndX509PemFilesThatReadBackAsOneKeyPair() throws Exception {
        JwtKeys keys = JwtKeys.ensure(dir);

        String privatePem = Files.readString(keys.privateKey());
        String publicPem = Files.readString(keys.publicKey());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(privatePem.lines().skip(1).takeWhile(l -> !l.startsWith("-----")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));

        // What the private key signs, the public key verifies: they are one pair.
        byte[] data = "staff token".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.readPrivateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.readPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(keys.readPublicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void keepsThePrivateKeyToItsOwner() throws Exception {
        JwtKeys keys = JwtKeys.ensure(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey())))
                .isEqualTo("rw-------");
    }

    @Test
    void generatesOncePerFolder() throws Exception {
        JwtKeys first = JwtKeys.ensure(dir);
        String before = Files.readString(first.privateKey());

        JwtKeys second = JwtKeys.ensure(dir);

        assertThat(Files.readString(second.privateKey())).isEqualTo(before);
        assertThat(second.readPublicKey()).isEqualTo(first.readPublicKey());
    }
}
