package io.omnireturns.platform.testing;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * For a side's MockMvc tests about something other than security: every request is an admin's unless the test
 * says otherwise with {@code .with(user(...))}. Roles and scopes are proved end to end in the app module.
 * (Per request, not per thread: Awaitility polls from its own thread.)
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsAdmin {

    @Bean
    MockMvcBuilderCustomizer signedInAsAdmin() {
        return builder -> builder.defaultRequest(get("/").with(user("test-admin").roles("ADMIN")));
    }
}
