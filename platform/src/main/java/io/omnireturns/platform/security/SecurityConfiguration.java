package io.omnireturns.platform.security;

import io.omnireturns.api.security.AccessScope;
import io.omnireturns.platform.database.EmbeddedPostgresConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every endpoint needs a signed-in caller, except health, the API document and the HMAC-signed webhooks. What each
 * role may call is {@link AccessRules}, applied here before any controller runs; which returns a caller may handle
 * is its {@link AccessScope}, applied by the query controllers and, for commands, by the return itself. The staff
 * console has its own chain, ordered first and matching only its paths ({@link ConsoleSecurityConfiguration}); this
 * one, for everything else, stays stateless.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import(ConsoleSecurityConfiguration.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static {
        // controllers take the Caller as a parameter; it is not part of any request
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * Spring Security observes nothing: its chain is not wrapped in an observation per filter at all, where the
     * property {@code management.observations.enable.spring.security=false} only made those observations no-ops
     * around every filter, authentication and authorization of every request. {@code http.server.requests} still
     * times and traces each request.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, Environment environment,
                                           ApplicationContext context, BearerTokens bearerTokens) throws Exception {
        SecurityProperties.Mode mode = properties.modeFor(EmbeddedPostgresConfiguration.usesEmbeddedDatabase(environment));
        String challenge = mode == SecurityProperties.Mode.JWT ? "Bearer" : "Basic realm=\"omnireturns\"";
        http.addFilterBefore(new CallerLogFilter(), AuthorizationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(challenge))
                        .accessDeniedHandler(ProblemResponses.denied()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(AccessRules.PUBLIC_PATHS.toArray(String[]::new)).permitAll();
                    requests.requestMatchers(org.springframework.http.HttpMethod.POST, AccessRules.WEBHOOKS).permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        AuthorizationManager<RequestAuthorizationContext> roles =
                                AuthorityAuthorizationManager.hasAnyRole(rule.roleNames());
                        AuthorizationManager<RequestAuthorizationContext> access = rule.admitsScopedCallers()
                                ? roles : AuthorizationManagers.allOf(roles, SecurityConfiguration::unscoped);
                        requests.requestMatchers(rule.method(), rule.pattern()).access(access);
                        if (rule.method() == org.springframework.http.HttpMethod.GET) {
                            // Spring MVC answers HEAD with its GET handler: whoever may GET may HEAD
                            requests.requestMatchers(org.springframework.http.HttpMethod.HEAD, rule.pattern())
                                    .access(access);
                        }
                    }
                    // other methods on the actuator (log levels, ...) for no one
                    requests.requestMatchers("/actuator/**").denyAll();
                    requests.anyRequest().access(new UnmappedRequests(context));
                });
        if (mode == SecurityProperties.Mode.JWT) {
            JwtDecoder decoder = bearerTokens.decoder();
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(challenge))
                    .accessDeniedHandler(ProblemResponses.denied())
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallers(properties.jwt()))));
        } else {
            log.warn("Security runs in demo mode: HTTP Basic with the documented demo users (password 'demo'). "
                    + "Set omnireturns.security.mode=jwt with an issuer and audience for production.");
            http.userDetailsService(demoUsers(properties))
                    .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(challenge)));
        }
        return http.build();
    }

    /** The bearer tokens of jwt mode, read once for the API and for any other door (the portal's sign-in). */
    @Bean
    public BearerTokens bearerTokens(SecurityProperties properties, Environment environment) {
        boolean jwt = properties.modeFor(EmbeddedPostgresConfiguration.usesEmbeddedDatabase(environment))
                == SecurityProperties.Mode.JWT;
        return new BearerTokens(jwt ? jwtDecoder(properties) : null, properties.jwt());
    }

    /** Only a caller without a store or customer limit passes (see {@link AccessRules.Rule#admitsScopedCallers}). */
    private static AuthorizationDecision unscoped(Supplier<Authentication> authentication,
                                                  RequestAuthorizationContext context) {
        return new AuthorizationDecision(!Caller.of(authentication.get()).scope().isScoped());
    }

    static UserDetailsService demoUsers(SecurityProperties properties) {
        for (SecurityProperties.DemoAccount account : properties.demoUsers()) {
            if (account.roles().contains(Role.STORE_ASSOCIATE) && account.stores().isEmpty()) {
                throw new IllegalStateException("demo user " + account.username()
                        + " is a STORE_ASSOCIATE without stores: give it omnireturns.security.demo-users[n].stores");
            }
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, DemoUser> users = properties.demoUsers().stream()
                .map(account -> new DemoUser(account.username(),
                        account.password().startsWith("{") ? account.password() : "{noop}" + account.password(),
                        account.roles(), new AccessScope(Set.copyOf(account.stores()), account.customerId())))
                .collect(Collectors.toMap(DemoUser::username, Function.identity()));
        return username -> {
            DemoUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no demo user " + username);
            }
            // a fresh copy each time: Spring Security erases credentials of what it is given
            return new DemoUser(user.username(), user.password(), user.roles(), user.scope());
        };
    }

    /**
     * Signature (keys from the issuer's discovery document or the JWK set), expiry (a token without {@code exp} is
     * refused: it would never expire), issuer and audience, all required.
     */
    static JwtDecoder jwtDecoder(SecurityProperties properties) {
        SecurityProperties.Jwt jwt = properties.jwt();
        if (jwt.issuerUri() == null || jwt.audience() == null || jwt.audience().isBlank()) {
            throw new IllegalStateException("omnireturns.security.mode=jwt needs omnireturns.security.jwt.issuer-uri and "
                    + "omnireturns.security.jwt.audience (or omnireturns.security.mode=demo, for demos only)");
        }
        NimbusJwtDecoder decoder = jwt.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build()
                : NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri().toString()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(jwt.issuerUri().toString()));
        validators.add(token -> token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no expiry", null)));
        validators.add(token -> token.getAudience() != null && token.getAudience().contains(jwt.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for audience " + jwt.audience(), null)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** A URL or header the firewall refuses (encoded '/', NUL, line breaks, TRACE, ...) gets problem details too. */
    @Bean
    public RequestRejectedHandler problemForRejectedRequests() {
        return ProblemResponses.rejected();
    }

    @Bean
    public FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter() {
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(new IdempotencyKeyFilter());
        // before Spring Security (-100), whose firewall would otherwise throw when a non-ASCII key is read
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecurityProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), properties.maxWebhookBody().toBytes(),
                        properties.maxUploadBody().toBytes()));
        // before Spring Security (-100): an oversized body is refused before anyone reads it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    public WebMvcConfigurer callers() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    public SecurityOpenApiCustomizer securityOpenApiCustomizer(SecurityProperties properties) {
        return new SecurityOpenApiCustomizer();
    }
}
