package io.omnireturns.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Asking the path first changes which requests are answered, and how near misses are refused, in nothing. */
class PathFirstHandlerMappingTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setCustomHandlerMapping(PathFirstHandlerMapping::new)
            .build();

    @Test
    void a_path_with_a_variable_reaches_its_handler_and_the_literal_path_beside_it_wins_over_the_variable()
            throws Exception {
        mvc.perform(get("/things/42")).andExpect(status().isOk()).andExpect(content().string("thing 42"));
        mvc.perform(get("/things/latest")).andExpect(status().isOk()).andExpect(content().string("the latest"));
        mvc.perform(post("/things/42").contentType(MediaType.APPLICATION_JSON).content("\"x\""))
                .andExpect(status().isOk()).andExpect(content().string("posted x to 42"));
    }

    @Test
    void near_misses_are_refused_as_spring_mvc_refuses_them() throws Exception {
        mvc.perform(put("/things/42")).andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/things/42").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(get("/things/42").accept(MediaType.IMAGE_PNG)).andExpect(status().isNotAcceptable());
        mvc.perform(get("/other/42")).andExpect(status().isNotFound());
    }

    @RestController
    static class Things {

        @GetMapping(path = "/things/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
        String thing(@PathVariable String id) {
            return "thing " + id;
        }

        @GetMapping(path = "/things/latest", produces = MediaType.TEXT_PLAIN_VALUE)
        String latest() {
            return "the latest";
        }

        @PostMapping(path = "/things/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.TEXT_PLAIN_VALUE)
        String post(@PathVariable String id, @RequestBody String body) {
            return "posted " + body.replace("\"", "") + " to " + id;
        }
    }
}
