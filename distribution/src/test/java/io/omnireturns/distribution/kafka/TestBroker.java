package io.omnireturns.distribution.kafka;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * One real Kafka broker (KRaft, one node, spring-kafka-test) for the tests of this JVM, reached only through a
 * {@link TcpProxy}: it advertises the proxy's port, so every client, the service's and the test's, goes through it
 * and the test can take the broker away and give it back with its log intact.
 */
final class TestBroker {

    private static TestBroker instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final TcpProxy proxy;

    private TestBroker() {
        proxy = new TcpProxy();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // not spring.kafka.bootstrap-servers (its default): that system property would switch Kafka on in every
        // other test's context of this JVM, and point past the proxy
        broker.brokerListProperty("omnireturns.test.kafka.direct-bootstrap-servers");
        broker.brokerProperties(Map.of(
                "advertised.listeners", "EXTERNAL://localhost:" + proxy.port(),
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        String direct = broker.getBrokersAsString();
        proxy.forwardTo(Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            broker.destroy();
        }));
    }

    static synchronized TestBroker get() {
        if (instance == null) {
            instance = new TestBroker();
        }
        return instance;
    }

    /** What the service and the test's consumers bootstrap from: the proxy. */
    String bootstrapServers() {
        return "localhost:" + proxy.port();
    }

    /** The broker is unreachable for everyone until {@link #restore()}; its log stays as it was. */
    void cut() {
        proxy.cut();
    }

    void restore() {
        proxy.restore();
    }
}
