package io.omnireturns.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A web return of one jacket of an order shaped like ORD-1001 (see {@link FreshOrders}), through the REST API. */
public final class WebReturnRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebReturnRequests() {
    }

    /** Requests the return of line {@code <orderId>-L1}, expects 201 and answers the return's id. */
    public static String requestOneJacket(MockMvc mvc, String orderId) throws Exception {
        String answer = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer).path("returnId").asText();
    }
}
