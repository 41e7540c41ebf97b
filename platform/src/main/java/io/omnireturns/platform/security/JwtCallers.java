package io.omnireturns.platform.security;

import io.omnireturns.api.security.AccessScope;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a caller from a validated JWT: roles from the configured claim (a list, or a space- or comma-separated
 * string; {@code store-associate}, {@code STORE_ASSOCIATE} and {@code ROLE_STORE_ASSOCIATE} all name the same role;
 * names that are not ours are ignored), the stores and the customer it is scoped to, and the name recorded as actor.
 * It fails closed: a token naming nobody is refused, and a store associate without stores is no store associate.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt settings;

    JwtCallers(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object nameClaim = claim(jwt.getClaims(), settings.nameClaim());
        String name = nameClaim == null ? jwt.getSubject() : nameClaim.toString();
        if (name == null || name.isBlank()) {
            // every event records who acted: a token that names nobody is refused (401)
            throw new InvalidBearerTokenException("the token names no caller (" + settings.nameClaim() + ", sub)");
        }
        List<String> stores = values(claim(jwt.getClaims(), settings.storesClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claim(jwt.getClaims(), settings.rolesClaim()))) {
            role(value).ifPresent(roles::add);
        }
        if (stores.isEmpty()) {
            // fail closed: a store associate whose stores the token does not name works for no store
            roles.remove(Role.STORE_ASSOCIATE);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, name);
        Object customer = claim(jwt.getClaims(), settings.customerClaim());
        token.setDetails(new AccessScope(Set.copyOf(stores), customer == null ? null : customer.toString()));
        return token;
    }

    private static java.util.Optional<Role> role(String value) {
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normalized.startsWith("ROLE_")) {
            normalized = normalized.substring("ROLE_".length());
        }
        for (Role role : Role.values()) {
            if (role.name().equals(normalized)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    /** A claim of exactly this name (namespaced ones contain dots), else by dotted path into nested objects. */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            for (String value : text.split("[,\\s]+")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
