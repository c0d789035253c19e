package org.iopcare.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How staff tokens are verified.
 *
 * @param issuer the {@code iss} every accepted token must carry
 * @param issuerUri an OpenID provider to fetch signing keys from (production); wins over the key
 * @param publicKeyLocation a PEM RSA public key (the local run and tests)
 */
@ConfigurationProperties("iopcare.security.jwt")
public record JwtProperties(@DefaultValue("iopcare") String issuer, String issuerUri, Resource publicKeyLocation) {}
