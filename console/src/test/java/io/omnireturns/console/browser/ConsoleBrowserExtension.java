package io.omnireturns.console.browser;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Gives a {@link ConsoleBrowserTest}'s methods their {@link ConsoleBrowser}s (headless Chromium, signed in as
 * {@link SignedInAs} says) and {@link DemoReturns}; when a test failed, saves what each browser showed to
 * {@code target/browser-screenshots/<TestClass>.<method>[-n].png}. Debian's {@code chromium} and
 * {@code chromium-driver} must be installed ({@code .ci/run} installs them): a missing browser fails the test.
 * <p>
 * A browser is started once and used again by later tests of the run (a start costs 1.5-3 s, and the module has
 * some 75 browser parameters): after each test it is wiped as a new one would be, every cookie, the cache, what the
 * service's origin stored, extra windows, the window size, a blank page ({@link ConsoleBrowser#wipe()}). One that
 * cannot be wiped is quit, and the next test gets a new one. All are quit when the run ends.
 */
public final class ConsoleBrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConsoleBrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ConsoleBrowser.class || type == DemoReturns.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        if (parameter.getParameter().getType() == DemoReturns.class) {
            return new DemoReturns(spring.getBean(TestRestTemplate.class), spring.getBean(SandboxOrderSystem.class),
                    spring.getBean(Clock.class));
        }
        String baseUrl = "http://localhost:" + spring.getEnvironment().getRequiredProperty("local.server.port");
        ConsoleBrowser browser = idle(context).take(baseUrl);
        browsers(context).add(browser);
        parameter.findAnnotation(SignedInAs.class).ifPresent(user -> browser.signInAs(user.value()));
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        List<ConsoleBrowser> browsers = browsers(context);
        for (int i = 0; i < browsers.size(); i++) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + (i == 0 ? "" : "-" + i) + ".png";
            try {
                Path file = browsers.get(i).screenshot(SCREENSHOTS.resolve(name));
                System.err.println("Browser screenshot of the failed test: " + file.toAbsolutePath());
            } catch (RuntimeException browserGone) {
                System.err.println("No screenshot for " + name + ": " + browserGone.getMessage());
            }
        }
    }

    private static List<ConsoleBrowser> browsers(ExtensionContext context) {
        Idle idle = idle(context);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("browsers", key -> new Browsers(idle), Browsers.class).all;
    }

    /** The browsers no test is using, kept for the whole run (the root context's store closes them at its end). */
    private static Idle idle(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("idle", key -> new Idle(), Idle.class);
    }

    private static ConsoleBrowser start(String baseUrl) {
        if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new ParameterResolutionException("The console's browser tests need Debian's chromium and "
                    + "chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver "
                    + "(.ci/run does it)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new ParameterResolutionException("no temporary directory for a Chromium profile", e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + ConsoleBrowser.WINDOW.width + "," + ConsoleBrowser.WINDOW.height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options), baseUrl, profile);
    }

    /**
     * The browsers of one test method, wiped and given back when JUnit closes the method's store (after the test and
     * its screenshots).
     */
    private static final class Browsers implements ExtensionContext.Store.CloseableResource {
        final List<ConsoleBrowser> all = new ArrayList<>();
        private final Idle idle;

        Browsers(Idle idle) {
            this.idle = idle;
        }

        @Override
        public void close() {
            all.forEach(idle::giveBack);
        }
    }

    private static final class Idle implements ExtensionContext.Store.CloseableResource {
        private final Deque<ConsoleBrowser> browsers = new ArrayDeque<>();

        synchronized ConsoleBrowser take(String baseUrl) {
            ConsoleBrowser browser = browsers.pollFirst();
            return browser == null ? start(baseUrl) : browser.at(baseUrl);
        }

        void giveBack(ConsoleBrowser browser) {
            try {
                browser.wipe();
            } catch (RuntimeException cannotBeWiped) {
                browser.close();
                return;
            }
            synchronized (this) {
                browsers.addFirst(browser);
            }
        }

        @Override
        public synchronized void close() {
            browsers.forEach(ConsoleBrowser::close);
            browsers.clear();
        }
    }
}
