package io.omnireturns.platform.security;

import org.springframework.http.HttpMethod;

import java.util.Set;

/**
 * Which console page or action a caller's roles reach, for the staff console's security chain
 * ({@link ConsoleSecurityConfiguration}). The console module provides it (its table of console paths to roles);
 * without one every console page is refused, whoever signs in.
 */
@FunctionalInterface
public interface ConsoleAccess {

    /**
     * @param method the request's method
     * @param path   the request's path inside the application, starting with {@code /console}
     * @param roles  the signed-in caller's roles
     */
    boolean permits(HttpMethod method, String path, Set<Role> roles);
}
