package io.omnireturns.distribution.webhooks;

import io.omnireturns.distribution.contract.CloudEventJson;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 POST to a subscriber, connected to exactly the addresses the allow-list accepted for its host. On
 * Java 17 no standard HTTP client takes a resolver, so a client that resolves the name itself could be answered
 * differently the second time (DNS rebinding); here the name is resolved once, through the allow-list, and the
 * socket goes to what that returned. https keeps the URL's host for SNI and certificate verification. Only the
 * status line is read ({@code Connection: close}), no redirect is followed, and an attempt ends after the connect
 * time-out plus the answer time-out, however slowly a subscriber drips its answer. A module's own client rather
 * than a general HTTP library on the classpath, which would also change the client Spring picks everywhere else.
 */
class PinnedHttpPost {

    private static final int MAX_STATUS_LINE = 1024;

    private final DestinationAllowList allowList;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLSocketFactory tls;

    PinnedHttpPost(DestinationAllowList allowList, Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
        this.allowList = allowList;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.tls = tls;
    }

    /**
     * @return the answer's HTTP status
     * @throws java.net.UnknownHostException if the host does not resolve or the allow-list refuses an address
     * @throws SocketTimeoutException         if no (complete) status line came in time
     * @throws IOException                    if no address could be connected to, or the exchange failed
     */
    int post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        String host = host(url);
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        InetAddress[] addresses = allowList.resolve(host);
        IOException unreachable = new ConnectException("could not connect to " + host);
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
            } catch (IOException failed) {
                socket.close();
                unreachable = failed;
                continue;
            }
            long deadline = System.nanoTime() + readTimeout.toNanos();
            try (Socket open = https ? secured(socket, host, port) : socket) {
                open.setSoTimeout((int) readTimeout.toMillis());
                OutputStream out = new BufferedOutputStream(open.getOutputStream());
                out.write(head(url, host, port, https, headers, body.length));
                out.write(body);
                out.flush();
                return status(new BufferedInputStream(open.getInputStream()), deadline);
            } finally {
                socket.close();
            }
        }
        throw unreachable;
    }

    private Socket secured(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        if (!isAddressLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout((int) readTimeout.toMillis());
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] head(URI url, String host, int port, boolean https, Map<String, String> headers,
                               int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + (port == (https ? 443 : 80) ? "" : ":" + port);
        StringBuilder head = new StringBuilder()
                .append("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("User-Agent: omnireturns-webhooks\r\n")
                .append("Content-Type: ").append(CloudEventJson.CONTENT_TYPE).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads {@code HTTP/1.x NNN ...}; nothing after it is needed. */
    private static int status(InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("no complete answer in time");
            }
            int next = in.read();
            if (next == -1 || next == '\n' || line.length() > MAX_STATUS_LINE) {
                break;
            }
            line.append((char) next);
        }
        String[] parts = line.toString().strip().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("the answer is no HTTP/1.x answer");
        }
        return Integer.parseInt(parts[1]);
    }

    private static String host(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
