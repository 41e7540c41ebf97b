package io.omnireturns.console.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSourceSystemFilterTest {

    private final ConsoleSourceSystemFilter filter = new ConsoleSourceSystemFilter();

    @Test
    void a_console_request_reads_source_system_console_and_no_actor_whatever_the_browser_sent() throws Exception {
        HttpServletRequest seen = passThrough(request("/console/returns/new"));

        assertThat(seen.getHeader("X-Source-System")).isEqualTo("console");
        assertThat(Collections.list(seen.getHeaders("x-source-system"))).containsExactly("console");
        assertThat(seen.getHeader("X-Actor")).isNull();
        assertThat(seen.getHeaders("X-Actor").hasMoreElements()).isFalse();
        assertThat(seen.getHeader("X-Other")).isEqualTo("kept");
    }

    @Test
    void an_api_request_keeps_its_headers() throws Exception {
        HttpServletRequest seen = passThrough(request("/api/v1/returns"));

        assertThat(seen.getHeader("X-Source-System")).isEqualTo("pos");
        assertThat(seen.getHeader("X-Actor")).isEqualTo("cashier-17");
    }

    @Test
    void a_path_that_only_starts_like_the_console_is_not_the_consoles() throws Exception {
        assertThat(passThrough(request("/consoles")).getHeader("X-Source-System")).isEqualTo("pos");
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader("X-Source-System", "pos");
        request.addHeader("X-Actor", "cashier-17");
        request.addHeader("X-Other", "kept");
        return request;
    }

    private HttpServletRequest passThrough(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
