package io.omnireturns.platform.security;

import io.omnireturns.platform.database.EmbeddedPostgresConfiguration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import org.springframework.web.util.UrlPathHelper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The staff console's security chain, ahead of the API's: a session per signed-in person, CSRF protection on, a
 * sign-in page at {@code /console/login} (the demo users' form in demo mode, OpenID Connect in jwt mode) and every
 * other console path allowed by role through the console's {@link ConsoleAccess} table. The API's chain
 * ({@link SecurityConfiguration#apiSecurity}) stays stateless, without sessions or CSRF: it never sees these paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // a console needs Spring MVC
public class ConsoleSecurityConfiguration {

    /** Reachable without signing in: the sign-in page, its assets, the refusal page and the OpenID Connect flow. */
    static final String[] OPEN_PATHS = {"/console/login", "/console/assets/**", "/console/denied",
            ConsoleSignIn.AUTHORIZATION_BASE + "/**", "/console/login/oauth2/code/**", "/webjars/**"};

    /** What Spring Boot gives a registration found through its issuer when no redirect URI is configured. */
    private static final String SPRING_DEFAULT_REDIRECT_URI = "{baseUrl}/{action}/oauth2/code/{registrationId}";
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    public ConsoleSignIn consoleSignIn(SecurityProperties properties, Environment environment,
                                       ObjectProvider<ClientRegistrationRepository> registrations) {
        boolean demo = properties.modeFor(EmbeddedPostgresConfiguration.usesEmbeddedDatabase(environment))
                == SecurityProperties.Mode.DEMO;
        List<ConsoleSignIn.Provider> providers = new ArrayList<>();
        if (!demo && registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new ConsoleSignIn.Provider(client.getRegistrationId(), client.getClientName()));
            }
        }
        return new ConsoleSignIn(demo, providers);
    }

    @Bean
    @Order(1)
    public SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityProperties properties, ConsoleSignIn signIn,
                                               ObjectProvider<ConsoleAccess> access,
                                               ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null); // no ?continue in the address bar after signing in
        http.securityMatcher("/console", "/console/**", "/webjars/**")
                .addFilterBefore(new CallerLogFilter(), AuthorizationFilter.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.accessDeniedHandler(refusal())
                        .authenticationEntryPoint(toSignInPage()))
                .authorizeHttpRequests(requests -> requests
                        // the refusal page and errors are shown to whoever was refused
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .anyRequest().access(byRole(access)))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signed-out"));
        if (signIn.demo()) {
            http.userDetailsService(SecurityConfiguration.demoUsers(properties))
                    .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console")
                            .failureUrl("/console/login?failed").permitAll());
        } else if (!signIn.providers().isEmpty()) {
            http.oauth2Login(login -> login.loginPage("/console/login")
                    .clientRegistrationRepository(withConsoleRedirect(registrations.getObject()))
                    .defaultSuccessUrl("/console")
                    .failureUrl("/console/login?failed")
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(ConsoleSignIn.AUTHORIZATION_BASE))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(ConsoleSignIn.REDIRECTION_BASE))
                    .userInfoEndpoint(user -> user.oidcUserService(new ConsoleOidcUsers(properties.jwt()))));
        }
        // else jwt mode without a client registration: the sign-in page says how to configure one; the API runs on
        return http.build();
    }

    /**
     * The client registrations with the console's redirect URI where they have Spring's default
     * ({@code {baseUrl}/login/oauth2/code/{registrationId}}, a path of the API's chain, where the identity provider's
     * answer would never be read); a redirect URI configured otherwise is kept.
     */
    static ClientRegistrationRepository withConsoleRedirect(ClientRegistrationRepository configured) {
        List<ClientRegistration> registrations = new ArrayList<>();
        for (Object each : (Iterable<?>) configured) {
            ClientRegistration registration = (ClientRegistration) each;
            registrations.add(SPRING_DEFAULT_REDIRECT_URI.equals(registration.getRedirectUri())
                    ? ClientRegistration.withClientRegistration(registration).redirectUri(ConsoleSignIn.REDIRECT_URI).build()
                    : registration);
        }
        return new InMemoryClientRegistrationRepository(registrations);
    }

    /** Signed in, and the console's table lets the caller's roles at this method and path (fail closed without it). */
    private static AuthorizationManager<RequestAuthorizationContext> byRole(ObjectProvider<ConsoleAccess> access) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication caller = authentication.get();
            if (caller == null || !caller.isAuthenticated() || TRUST.isAnonymous(caller)) {
                return new AuthorizationDecision(false);
            }
            ConsoleAccess table = access.getIfAvailable();
            String path = PATHS.getPathWithinApplication(context.getRequest());
            return new AuthorizationDecision(table != null && table.permits(
                    HttpMethod.valueOf(context.getRequest().getMethod()), path, Caller.of(caller).roles()));
        };
    }

    /**
     * Whoever is not signed in goes to the sign-in page, in every mode; an htmx request (of a session that ended)
     * takes the whole page there with {@code HX-Redirect}, rather than swapping the sign-in page into a fragment.
     */
    private static AuthenticationEntryPoint toSignInPage() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/console/login");
        return (request, response, notSignedIn) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/console/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                page.commence(request, response, notSignedIn);
            }
        };
    }

    /** A refused page or action (a role, or a missing CSRF token) shows the console's refusal page, with 403. */
    private static AccessDeniedHandler refusal() {
        return (request, response, denied) -> {
            request.setAttribute("consoleRefusal", denied instanceof CsrfException ? "csrf" : "role");
            response.setStatus(403);
            request.getRequestDispatcher("/console/denied").forward(request, response);
        };
    }
}
