package io.omnireturns.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.core.AuthenticationException;

/**
 * The API's reading of a bearer token, for another door to the same identity: the one {@link JwtDecoder} of jwt mode
 * (signature, expiry, issuer and audience, {@link SecurityConfiguration#jwtDecoder}) and the same mapping of claims to
 * roles and scope ({@link JwtCallers}). The shopper portal signs a customer in with a token handed over by the shop.
 * In demo mode there is no decoder and nothing is read.
 */
public final class BearerTokens {

    /** A token that passed every check, and the caller it names. */
    public record Read(Jwt token, Caller caller) {
    }

    /** Why a token was refused, in words for a log (never shown to whoever sent it). */
    public static final class Refused extends RuntimeException {
        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final JwtDecoder decoder;
    private final JwtCallers callers;

    BearerTokens(JwtDecoder decoder, SecurityProperties.Jwt settings) {
        this.decoder = decoder;
        this.callers = decoder == null ? null : new JwtCallers(settings);
    }

    /** Whether tokens are read at all (jwt mode). */
    public boolean enabled() {
        return decoder != null;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** The caller of a token, or {@link Refused}: forged, expired, of another issuer or audience, naming nobody. */
    public Read read(String token) {
        if (decoder == null) {
            throw new Refused("bearer tokens are read in jwt mode only", null);
        }
        if (token == null || token.isBlank()) {
            throw new Refused("no token", null);
        }
        try {
            Jwt jwt = decoder.decode(token.strip());
            return new Read(jwt, Caller.of(callers.convert(jwt)));
        } catch (JwtException | AuthenticationException refused) {
            throw new Refused(refused.getMessage(), refused);
        }
    }
}
