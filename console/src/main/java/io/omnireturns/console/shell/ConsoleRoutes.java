package io.omnireturns.console.shell;

import io.omnireturns.platform.security.ConsoleAccess;
import io.omnireturns.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.omnireturns.platform.security.Role.*;

/**
 * The one table of the staff console: which roles reach each console path (enforced on the server by the console's
 * security chain, {@code ConsoleSecurityConfiguration}, before any controller runs, for every method) and which of
 * those paths the navigation shows. {@link Role#ADMIN} is added to every route. A console path missing here is
 * refused (403) to everyone; the sign-in page, {@code /console/assets/**} and {@code /webjars/**} are open. The
 * channel systems ({@link Role#CHANNEL}) have no console.
 * The roles follow the API's {@code AccessRules}: a screen never reaches further than the endpoints behind it.
 *
 * <h2>Adding a screen</h2>
 * <ol>
 *   <li><b>Route and role rule</b>: give its feature's route here the roles (they already exist for
 *       {@code /console/warehouse/**}, {@code /console/exceptions/**}, {@code /console/finance/**},
 *       {@code /console/audit/**}, {@code /console/operations/**}); a POST action may get its own narrower route,
 *       listed <em>before</em> the broader one (the first matching route decides). Give the route a {@link Nav}
 *       (label and one line for the home page) when its page exists: the navigation and the home page list it for
 *       whoever it admits.</li>
 *   <li><b>Controller</b> in the feature's package ({@code io.omnireturns.console.warehouse}, ...): a
 *       {@code @Controller} under {@code /console/<feature>}, calling application services, query handlers or the
 *       command gateway in-process (never HTTP to this service). Take the signed-in {@code Caller} as a parameter
 *       and pass its scope on as the API controllers do. Return the page's template; for an htmx request
 *       ({@link ConsolePage#isHtmx}) return just the fragment it swaps. A {@code DomainException} from a
 *       service is shown as the console's error page with its message ({@link ConsoleErrors}); catch it yourself
 *       to show it inline in a form.</li>
 *   <li><b>Template</b> in {@code templates/console/<feature>/}: start from {@code console/returns/search.html}:
 *       {@code <html th:replace="~{console/shell/layout :: page(~{::title}, ~{::main})}">}, a {@code <title>} and a
 *       {@code <main>}. The layout gives the header, navigation, skip link, CSRF meta tags (htmx sends the token on
 *       every request, {@code console.js}) and {@code /console/assets/console.css}. Label every input, keep to the
 *       CSS's classes, and use forms with {@code th:action} (Thymeleaf adds the CSRF field) for POSTs.</li>
 *   <li><b>Browser test</b> in {@code console/src/test/java/io/omnireturns/console/<feature>/}: annotate the class
 *       with {@code @ConsoleBrowserTest} and take a {@code @SignedInAs("warehouse") ConsoleBrowser} parameter;
 *       create data through {@code DemoReturns} (the public API, as a channel would) and assert what the person
 *       sees. Add a role test: another role gets 403 on the page and on its POST
 *       ({@code ConsoleBrowser#postWithCsrf}). A failing test leaves a screenshot in
 *       {@code console/target/browser-screenshots/}.</li>
 * </ol>
 */
@Component
public class ConsoleRoutes implements ConsoleAccess {

    /** A navigation entry: its label and one line for the home page. */
    public record Nav(String label, String summary) {
    }

    /** A console path pattern ({@code PathPattern} syntax), the roles it admits and, if shown, its navigation. */
    public record Route(String pattern, Set<Role> roles, Nav nav) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        PathPattern parsed() {
            return PARSER.parse(pattern);
        }

        public boolean admits(Set<Role> callerRoles) {
            return callerRoles.stream().anyMatch(roles::contains);
        }

        /** Where the navigation links to: the pattern up to its first wildcard. */
        public String link() {
            return pattern.replaceAll("/\\*\\*$", "");
        }
    }

    /** Where a return is started for a customer from an order look-up. */
    public static final String START_RETURN = "/console/returns/new";

    /** Every person's role: the console is for staff, not for the channel systems ({@link Role#CHANNEL}). */
    private static final Set<Role> STAFF = Set.copyOf(EnumSet.complementOf(EnumSet.of(CHANNEL)));

    public static final List<Route> ROUTES = List.of(
            route("/console", STAFF, null),
            // starting a return for a customer from an order look-up (io.omnireturns.console.intake): the contact
            // centre's; the returns search page links to it for whoever it admits
            route(START_RETURN, roles(SERVICE_AGENT), null),
            // the return page's actions (io.omnireturns.console.returns.ReturnActionsController), as the API's rules
            route("/console/returns/*/hold", roles(SERVICE_AGENT, OPERATIONS), null),
            route("/console/returns/*/hold-resolution", roles(SERVICE_AGENT, OPERATIONS), null),
            route("/console/returns/*/decline", roles(SERVICE_AGENT), null),
            route("/console/returns/*/goodwill", roles(SERVICE_AGENT), null),
            route("/console/returns/*/cancel", roles(STORE_ASSOCIATE, SERVICE_AGENT), null),
            route("/console/returns/*/notes", roles(STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, OPERATIONS), null),
            new Route("/console/returns/**", STAFF,
                    new Nav("Returns", "Find returns by order, customer, status, channel, store and date")),
            route("/console/warehouse/**", roles(WAREHOUSE, STORE_ASSOCIATE),
                    new Nav("Receive and inspect", "Scan a return or order at the bench: receive and inspect its items")),
            // retrying a failed step is the operations' alone, as POST /api/v1/exceptions/{id}/retry
            route("/console/exceptions/*/retry", roles(OPERATIONS), null),
            route("/console/exceptions/**", roles(SERVICE_AGENT, OPERATIONS),
                    new Nav("Exceptions", "Failed steps waiting for a person: retry or resolve, with their CRM case")),
            // finance: closing is finance's alone (the API's POST .../close); the KPIs are also operations' (GET /api/v1/kpis)
            route("/console/finance/periods/*/close", roles(FINANCE), null),
            new Route("/console/finance/periods/**", roles(FINANCE, AUDITOR),
                    new Nav("Finance", "Reconcile a period, download its CSV, close it")),
            new Route("/console/finance/kpis/**", roles(FINANCE, AUDITOR, OPERATIONS),
                    new Nav("KPIs", "Return cycle time, exceptions, refund and stock delays, reasons over time")),
            route("/console/finance/**", roles(FINANCE, AUDITOR), null),
            // the event export, as the API's (GET /api/v1/audit/events), is for auditors only
            route("/console/audit/export", roles(AUDITOR), null),
            route("/console/audit/**", roles(AUDITOR, OPERATIONS),
                    new Nav("Audit", "A return's every event with who acted, its state at any instant, the event export")),
            route("/console/operations/**", roles(OPERATIONS),
                    new Nav("Operations", "Event processors with lag and segments, replay and verification, connectors")));

    private final List<PathPattern> patterns = ROUTES.stream().map(Route::parsed).toList();

    @Override
    public boolean permits(HttpMethod method, String path, Set<Role> roles) {
        return route(path).map(route -> route.admits(roles)).orElse(false);
    }

    /** The first route whose pattern matches the path. */
    java.util.Optional<Route> route(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (int i = 0; i < ROUTES.size(); i++) {
            if (patterns.get(i).matches(container)) {
                return java.util.Optional.of(ROUTES.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether these roles reach a console path (with any method): a page shows a link only to whoever may follow it. */
    public boolean admits(String path, Set<Role> roles) {
        return permits(HttpMethod.GET, path, roles);
    }

    /** The navigation for these roles, in table order. */
    public List<Route> navigationFor(Set<Role> roles) {
        return ROUTES.stream().filter(route -> route.nav() != null && route.admits(roles)).toList();
    }

    private static Route route(String pattern, Set<Role> roles, Nav nav) {
        return new Route(pattern, roles, nav);
    }

    private static Set<Role> roles(Role... roles) {
        Set<Role> allowed = EnumSet.of(ADMIN);
        allowed.addAll(Arrays.asList(roles));
        return Set.copyOf(allowed);
    }
}
