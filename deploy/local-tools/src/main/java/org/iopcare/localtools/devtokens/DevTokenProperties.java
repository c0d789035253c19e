package org.iopcare.localtools.devtokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The local run's signing key.
 *
 * @param privateKeyLocation PEM (PKCS#8) private key matching {@code iopcare.security.jwt.public-key-location}
 */
@ConfigurationProperties("iopcare.devtokens")
record DevTokenProperties(Resource privateKeyLocation) {}
