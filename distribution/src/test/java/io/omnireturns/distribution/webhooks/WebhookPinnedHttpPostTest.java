package io.omnireturns.distribution.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender's HTTP exchange against a WireMock subscriber: what goes on the wire, and what it refuses. */
class WebhookPinnedHttpPostTest {

    private final WireMockServer subscriber = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
            .bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        subscriber.start();
    }

    @AfterEach
    void stop() {
        subscriber.stop();
    }

    private PinnedHttpPost client(List<String> allowedRanges) {
        DestinationAllowList allowList = new DestinationAllowList(new WebhookProperties.AllowList(null,
                List.of("localhost"), allowedRanges), host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        return new PinnedHttpPost(allowList, Duration.ofSeconds(1), Duration.ofSeconds(1),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @Test
    void the_post_carries_the_headers_and_the_exact_body_and_answers_the_status() throws Exception {
        subscriber.stubFor(post("/hooks/crm?tenant=7").willReturn(aResponse().withStatus(202).withBody("thanks")));
        byte[] body = "{\"id\":\"E-1\",\"data\":{\"note\":\"caf\u00e9\"}}".getBytes(StandardCharsets.UTF_8);

        int status = client(List.of("127.0.0.0/8")).post(URI.create("http://localhost:" + subscriber.port()
                + "/hooks/crm?tenant=7"), Map.of("webhook-id", "E-1"), body);

        assertThat(status).isEqualTo(202);
        subscriber.verify(postRequestedFor(urlEqualTo("/hooks/crm?tenant=7"))
                .withHeader("Host", equalTo("localhost:" + subscriber.port()))
                .withHeader("webhook-id", equalTo("E-1"))
                .withHeader("Content-Type", equalTo("application/cloudevents+json; charset=UTF-8")));
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/crm?tenant=7"))).get(0).getBody())
                .isEqualTo(body);
    }

    @Test
    void an_address_the_allow_list_refuses_is_never_connected_to() {
        subscriber.stubFor(post("/hooks").willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> client(List.of()).post(URI.create("http://localhost:" + subscriber.port() + "/hooks"),
                Map.of(), new byte[0])).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("internal address 127.0.0.1");
        assertThat(subscriber.getAllServeEvents()).isEmpty();
    }

    @Test
    void https_verifies_the_subscribers_certificate() {
        subscriber.stubFor(post("/hooks").willReturn(aResponse().withStatus(200)));

        // WireMock's own certificate is trusted by nobody: the exchange stops at the handshake
        assertThatThrownBy(() -> client(List.of("127.0.0.0/8")).post(URI.create("https://localhost:"
                + subscriber.httpsPort() + "/hooks"), Map.of(), new byte[0])).isInstanceOf(SSLException.class);
        assertThat(subscriber.getAllServeEvents()).isEmpty();
    }
}
