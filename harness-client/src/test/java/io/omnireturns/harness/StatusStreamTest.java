package io.omnireturns.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusStreamTest {

    private static final String END = "<end>";

    private final BlockingQueue<String> toSend = new LinkedBlockingQueue<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> changes = new CopyOnWriteArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private HttpServer server;
    private StatusStream stream;

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(StatusStream.PATH, this::events);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void events(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String next = toSend.poll(10, TimeUnit.SECONDS);
                if (next == null || next.equals(END)) {
                    return; // the server ends the stream (its time-out, or the node went away)
                }
                out.write(next.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StatusStream.Listener listener() {
        return new StatusStream.Listener() {
            @Override
            public void connected() {
                connected.incrementAndGet();
            }

            @Override
            public void changed(JsonNode summary, long arrivedNanos) {
                changes.add(summary);
            }
        };
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void each_return_event_reaches_the_listener_and_comments_and_other_events_do_not() throws Exception {
        String node = serve();
        stream = new StatusStream(List.of(node), "Basic abc", listener(), Duration.ofSeconds(30)).start();
        assertThat(stream.awaitConnected(Duration.ofSeconds(5))).isTrue();
        toSend.add("event:return\ndata:{\"returnId\":\"R1\",\"status\":\"AUTHORIZED\",\"version\":1}\n\n");
        toSend.add(":keep-alive\n\nevent:other\ndata:{\"returnId\":\"X\"}\n\n");
        toSend.add("event: return\ndata: {\"returnId\":\"R1\",\n"
                + "data: \"status\":\"COMPLETED\",\"version\":9}\n\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 2);
        assertThat(changes).extracting(change -> change.path("status").asText())
                .containsExactly("AUTHORIZED", "COMPLETED");
        assertThat(authorizations).containsOnly("Basic abc");
        assertThat(connected).hasValue(1);
    }

    @Test
    void a_stream_the_server_ends_is_followed_again_and_the_listener_hears_of_the_new_connection() throws Exception {
        String node = serve();
        stream = new StatusStream(List.of(node), "Basic abc", listener(), Duration.ofSeconds(30)).start();
        assertThat(stream.awaitConnected(Duration.ofSeconds(5))).isTrue();
        toSend.add(END);
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get() == 2);
        toSend.add("event:return\ndata:{\"returnId\":\"R2\",\"status\":\"REQUESTED\",\"version\":0}\n\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 1);
        assertThat(stream.connections()).isEqualTo(2);
    }

    @Test
    void a_node_that_refuses_the_connection_is_passed_over_for_the_next() throws Exception {
        String down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + socket.getLocalPort(); // closed again: nobody listens there
        }
        String node = serve();
        stream = new StatusStream(List.of(down, node), "Basic abc", listener(), Duration.ofSeconds(30)).start();
        assertThat(stream.awaitConnected(Duration.ofSeconds(10))).isTrue();
        assertThat(connected).hasValue(1);
    }

    @Test
    void a_silent_connection_is_given_up_and_opened_again() throws Exception {
        String node = serve();
        stream = new StatusStream(List.of(node), "Basic abc", listener(), Duration.ofMillis(500)).start();
        assertThat(stream.awaitConnected(Duration.ofSeconds(5))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.get() >= 2); // the server sends nothing
    }
}
