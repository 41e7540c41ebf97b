package io.omnireturns.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptableAnswerCheckTest {

    @RestController
    static class Api {
        public String command() {
            return "{}";
        }
    }

    @Controller
    static class Screen {
        public String form() {
            return "view";
        }
    }

    private final AcceptableAnswerCheck check = new AcceptableAnswerCheck();

    @Test
    void a_command_whose_client_accepts_no_json_is_refused_before_it_runs() throws Exception {
        for (String accept : new String[] {"text/html", "application/xml", "application/json;q=0", "@@@",
                "application/problem+json;q=0", "text/csv"}) {
            assertThatThrownBy(() -> check.preHandle(request("POST", accept), new MockHttpServletResponse(), handler(new Api(), "command")))
                    .as(accept).isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        }
    }

    @Test
    void a_command_whose_client_accepts_json_or_anything_or_says_nothing_goes_on() throws Exception {
        for (String accept : new String[] {"application/json", "*/*", "text/html, */*;q=0.8", "application/*", null,
                "application/json;charset=UTF-8", "text/html;q=0.9, application/json;q=0.1",
                "application/problem+json", "application/problem+json, application/json;q=0.5"}) {
            assertThat(check.preHandle(request("POST", accept), new MockHttpServletResponse(), handler(new Api(), "command")))
                    .as(String.valueOf(accept)).isTrue();
        }
    }

    @Test
    void reads_and_screens_that_render_a_view_negotiate_for_themselves() throws Exception {
        assertThat(check.preHandle(request("GET", "text/html"), new MockHttpServletResponse(), handler(new Api(), "command")))
                .isTrue();
        assertThat(check.preHandle(request("POST", "text/html"), new MockHttpServletResponse(), handler(new Screen(), "form")))
                .isTrue();
    }

    private static MockHttpServletRequest request(String method, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/anything");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    private static HandlerMethod handler(Object bean, String name) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getMethod(name));
    }
}
