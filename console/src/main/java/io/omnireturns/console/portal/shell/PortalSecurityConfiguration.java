package io.omnireturns.console.portal.shell;

import io.omnireturns.platform.database.EmbeddedPostgresConfiguration;
import io.omnireturns.platform.database.SchemaMigration;
import io.omnireturns.platform.security.DemoUser;
import io.omnireturns.platform.security.SecurityProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The shopper portal's security chain, ahead of the console's and the API's and matching only {@code /portal/**}: a
 * session of its own (its sign-in is kept apart from a console sign-in in the same browser), CSRF protection on as in
 * the console, the landing page, sign-in and guest look-up open, and every other portal path for a
 * {@link PortalShopper} only: a customer signed in with a customer-scoped account (demo mode: {@code customer-100};
 * jwt mode: a {@link CustomerPass} for the token the shop handed over at {@code /portal/sign-in}) or a guest with an
 * unexpired {@link GuestPass}. Staff and channel systems are not shoppers. Which order, return, label or photo a
 * shopper sees is decided by the controllers against {@link PortalShopper#owns}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class PortalSecurityConfiguration {

    /** Where the portal keeps its signed-in shopper in the session (the console keeps its own under Spring's key). */
    public static final String SESSION_KEY = "PORTAL_SECURITY_CONTEXT";

    static final String[] OPEN_PATHS = {"/portal", "/portal/login", "/portal/sign-in", "/portal/find",
            "/portal/assets/**"};

    @Bean
    SchemaMigration portalSchema() {
        return new SchemaMigration("portal", "classpath:db/migration/portal", "flyway_history_portal", 40);
    }

    @Bean
    HttpSessionSecurityContextRepository portalSecurityContexts() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(SESSION_KEY);
        return repository;
    }

    @Bean
    @Order(0)
    SecurityFilterChain portalSecurity(HttpSecurity http, SecurityProperties properties, Environment environment,
                                       HttpSessionSecurityContextRepository portalSecurityContexts, Clock clock)
            throws Exception {
        http.securityMatcher("/portal", "/portal/**")
                .securityContext(context -> context.securityContextRepository(portalSecurityContexts))
                .requestCache(cache -> cache.disable())
                // the shop's page posts the customer's sign-in token here: a form of another site, without our token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/portal/sign-in"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/portal?signed-out")))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .anyRequest().access(shopper(clock)))
                // signing out of the portal ends the portal's sign-in only, not a console sign-in in the same browser
                .logout(logout -> logout.logoutUrl("/portal/logout").invalidateHttpSession(false)
                        .logoutSuccessUrl("/portal?signed-out"));
        boolean demo = properties.modeFor(EmbeddedPostgresConfiguration.usesEmbeddedDatabase(environment))
                == SecurityProperties.Mode.DEMO;
        if (demo) {
            http.userDetailsService(customers(properties))
                    .formLogin(form -> form.loginPage("/portal/login").defaultSuccessUrl("/portal", true)
                            .failureUrl("/portal/login?failed").permitAll());
        }
        // jwt mode: the shop signs its customers in with the retailer's identity provider and hands them over with
        // a token of it (PortalSignInController, CustomerSignIn); guests find their order by number and e-mail or
        // postcode
        return http.build();
    }

    /** The shopper of every portal path behind the landing page: a customer or an unexpired guest. */
    private static AuthorizationManager<RequestAuthorizationContext> shopper(Clock clock) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(PortalShopper.of(authentication.get(), clock.instant()).isPresent());
    }

    /** The demo users who are customers (a customer-scoped account, like {@code customer-100}); nobody else. */
    static UserDetailsService customers(SecurityProperties properties) {
        Map<String, SecurityProperties.DemoAccount> accounts = properties.demoUsers().stream()
                .filter(account -> account.customerId() != null && !account.customerId().isBlank()
                        && account.stores().isEmpty())
                .collect(Collectors.toMap(SecurityProperties.DemoAccount::username, account -> account));
        return username -> {
            SecurityProperties.DemoAccount account = accounts.get(username);
            if (account == null) {
                throw new UsernameNotFoundException("no customer account " + username);
            }
            String password = account.password().startsWith("{") ? account.password() : "{noop}" + account.password();
            return new DemoUser(account.username(), password, account.roles(),
                    new io.omnireturns.api.security.AccessScope(Set.of(), account.customerId()));
        };
    }

    /** Portal controllers take the {@link PortalShopper} as a parameter. */
    @Bean
    WebMvcConfigurer portalShoppers(Clock clock) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == PortalShopper.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        return PortalShopper.of(SecurityContextHolder.getContext().getAuthentication(), clock.instant())
                                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                                        "not a shopper"));
                    }
                });
            }
        };
    }
}
