package io.omnireturns.distribution.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The rule that keeps deliveries away from internal addresses (README, "Outbound webhooks"): the URL is https (http
 * only for a host configured in {@code http-hosts}), its host matches a configured pattern, and every address the host
 * resolves to is public unless it lies in a configured {@code allowed-address-ranges} entry. Loopback, private
 * (RFC 1918, IPv6 unique local), link-local (which holds the cloud metadata address 169.254.169.254), carrier-grade
 * NAT, multicast, unspecified and reserved addresses are refused. {@link #checkRegistration} applies the rule to a
 * URL operations registers; {@link #resolve} applies it again to every connection, and the connection goes to the
 * addresses it returned, so a name that resolves elsewhere later (DNS rebinding) is refused.
 */
public class DestinationAllowList {

    /** Resolves a host name (the system resolver; tests give their own). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_URL_LENGTH = 2000;

    private final List<String> hostPatterns;
    private final List<String> httpHosts;
    private final List<AddressRange> allowedRanges;
    private final HostResolver resolver;

    public DestinationAllowList(WebhookProperties.AllowList settings, HostResolver resolver) {
        this.hostPatterns = settings.hosts().stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
        this.httpHosts = settings.httpHosts().stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
        this.allowedRanges = settings.allowedAddressRanges().stream().map(AddressRange::parse).toList();
        this.resolver = resolver;
    }

    /** The URL as it will be called, or a refusal (INVALID_WEBHOOK_URL, WEBHOOK_URL_NOT_ALLOWED) that says why. */
    public URI checkRegistration(String url) {
        URI uri = parse(url);
        String host = hostOf(uri);
        if (!hostAllowed(host)) {
            throw WebhookErrors.urlNotAllowed("host " + host + " matches none of the allowed host patterns "
                    + hostPatterns);
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !httpHosts.contains(host)) {
            throw WebhookErrors.urlNotAllowed("the URL must be https (http is allowed only for configured hosts)");
        }
        try {
            resolve(host);
        } catch (UnknownHostException refused) {
            throw WebhookErrors.urlNotAllowed(refused.getMessage());
        }
        return uri;
    }

    /**
     * The addresses to connect to for {@code host}: all it resolves to, each allowed. Any one that is not refuses
     * the whole name (a resolver mixing a public and an internal address gains nothing).
     *
     * @throws UnknownHostException if the name does not resolve, or an address is refused (the message says which)
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (!hostAllowed(name)) {
            throw new UnknownHostException("host " + name + " is not on the allow-list");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException unknown) {
            throw new UnknownHostException("host " + name + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("host " + name + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                throw new UnknownHostException("host " + name + " resolves to the internal address "
                        + address.getHostAddress() + ", which the allow-list refuses");
            }
        }
        return addresses;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw WebhookErrors.invalidUrl("url must be an absolute https URL of at most " + MAX_URL_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException notAUrl) {
            throw WebhookErrors.invalidUrl("url is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getHost() == null || uri.isOpaque()) {
            throw WebhookErrors.invalidUrl("url must be an absolute https URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw WebhookErrors.invalidUrl("url must not carry credentials (user:password@); the signature "
                    + "authenticates the delivery");
        }
        if (uri.getRawFragment() != null) {
            throw WebhookErrors.invalidUrl("url must not have a fragment (#...)");
        }
        return uri;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean hostAllowed(String host) {
        for (String pattern : hostPatterns) {
            if (pattern.equals("*") || pattern.equals(host)
                    || pattern.startsWith("*.") && host.endsWith(pattern.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** Any address a public web service cannot have. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT (and cloud metadata 100.100.100.200)
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // unique local fc00::/7 (holds fd00:ec2::254, a metadata address)
                    || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0; // deprecated site-local fec0::/10
        }
        return true;
    }

    /** An address range in CIDR notation ({@code 127.0.0.0/8}, {@code fd00::/8}). */
    record AddressRange(byte[] network, int prefix) {

        static AddressRange parse(String cidr) {
            String[] parts = cidr.strip().split("/");
            try {
                if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F.:]+")) {
                    throw new IllegalArgumentException();
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress(); // a literal: no lookup
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new AddressRange(network, prefix);
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("omnireturns.webhooks.allow-list.allowed-address-ranges: '" + cidr
                        + "' is no address range (CIDR such as 10.20.0.0/16)");
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
