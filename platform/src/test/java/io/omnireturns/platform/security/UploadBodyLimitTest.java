package io.omnireturns.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads ({@link AccessRules#UPLOADS}) have their own body limit; every other path keeps the request limit. */
class UploadBodyLimitTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(64 * 1024, 256 * 1024, 6 * 1024 * 1024);

    @Test
    void a_photo_of_a_megabyte_reaches_the_portal_but_not_the_api() throws Exception {
        assertThat(status("/portal/returns/RET-1/photos", 1024 * 1024)).isEqualTo(200);
        assertThat(status("/api/v1/returns", 1024 * 1024)).isEqualTo(413);
        assertThat(status("/portal/orders/ORD-1/returns", 1024 * 1024)).isEqualTo(413);
    }

    @Test
    void an_upload_past_its_own_limit_is_refused() throws Exception {
        assertThat(status("/portal/returns/RET-1/photos", 6 * 1024 * 1024 + 1)).isEqualTo(413);
    }

    private int status(String path, int length) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[length]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
