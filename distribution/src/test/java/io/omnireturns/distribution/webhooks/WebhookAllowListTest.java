package io.omnireturns.distribution.webhooks;

import io.omnireturns.api.error.DomainException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAllowListTest {

    private final Map<String, String> dns = new ConcurrentHashMap<>(Map.of(
            "hooks.crm.example", "203.0.113.10",
            "intranet.crm.example", "10.1.2.3",
            "metadata.crm.example", "169.254.169.254",
            "v6.crm.example", "2001:db8::10",
            "ula.crm.example", "fd00:ec2::254"));

    private DestinationAllowList allowList(List<String> hosts, List<String> httpHosts, List<String> ranges) {
        return new DestinationAllowList(new WebhookProperties.AllowList(hosts, httpHosts, ranges), host -> {
            String address = host.matches("[0-9a-f.:]+") ? host : dns.get(host); // a literal, as the system resolves it
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    private final DestinationAllowList defaults = allowList(null, null, null);

    @Test
    void a_public_https_url_is_accepted_as_given() {
        assertThat(defaults.checkRegistration("https://hooks.crm.example/omnireturns?tenant=7").toString())
                .isEqualTo("https://hooks.crm.example/omnireturns?tenant=7");
        assertThat(defaults.checkRegistration("https://v6.crm.example:8443/hook")).hasPort(8443);
    }

    @Test
    void plain_http_is_refused_unless_the_host_is_configured_for_it() {
        assertRefused(defaults, "http://hooks.crm.example/hook", "WEBHOOK_URL_NOT_ALLOWED", "https");
        assertThat(allowList(null, List.of("hooks.crm.example"), null).checkRegistration("http://hooks.crm.example/h"))
                .hasScheme("http");
    }

    @Test
    void the_host_must_match_a_configured_pattern() {
        DestinationAllowList crmOnly = allowList(List.of("*.crm.example"), null, null);

        assertThat(crmOnly.checkRegistration("https://hooks.crm.example/h")).hasHost("hooks.crm.example");
        dns.put("hooks.evil.example", "203.0.113.66");
        assertRefused(crmOnly, "https://hooks.evil.example/h", "WEBHOOK_URL_NOT_ALLOWED", "host");
        dns.put("crm.example.evil.example", "203.0.113.67");
        assertRefused(crmOnly, "https://crm.example.evil.example/h", "WEBHOOK_URL_NOT_ALLOWED", "host");
    }

    @Test
    void loopback_private_link_local_metadata_and_unique_local_addresses_are_refused() {
        for (String url : List.of("https://localhost/h", "https://127.0.0.1/h", "https://[::1]/h",
                "https://10.0.0.8/h", "https://172.16.4.4/h", "https://192.168.1.1/h", "https://169.254.169.254/latest",
                "https://metadata.crm.example/h", "https://intranet.crm.example/h", "https://ula.crm.example/h",
                "https://100.100.100.200/h", "https://0.0.0.0/h", "https://[fe80::1]/h", "https://[::ffff:127.0.0.1]/h")) {
            dns.put("localhost", "127.0.0.1");
            assertRefused(defaults, url, "WEBHOOK_URL_NOT_ALLOWED", "internal address");
        }
    }

    @Test
    void an_internal_range_is_allowed_only_when_configured() {
        DestinationAllowList withIntranet = allowList(null, null, List.of("10.1.0.0/16"));

        assertThat(withIntranet.checkRegistration("https://intranet.crm.example/h")).hasHost("intranet.crm.example");
        assertRefused(withIntranet, "https://10.2.0.1/h", "WEBHOOK_URL_NOT_ALLOWED", "internal address");
        assertRefused(withIntranet, "https://metadata.crm.example/h", "WEBHOOK_URL_NOT_ALLOWED", "internal address");
    }

    @Test
    void a_name_that_later_resolves_to_an_internal_address_is_refused_at_delivery() throws UnknownHostException {
        defaults.checkRegistration("https://hooks.crm.example/h");
        dns.put("hooks.crm.example", "127.0.0.1"); // DNS rebinding after registration

        assertThatThrownBy(() -> defaults.resolve("hooks.crm.example"))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("internal address 127.0.0.1");
        dns.put("hooks.crm.example", "203.0.113.10");
        assertThat(defaults.resolve("hooks.crm.example")).extracting(InetAddress::getHostAddress)
                .containsExactly("203.0.113.10");
    }

    @Test
    void a_name_resolving_to_a_public_and_an_internal_address_is_refused_whole() {
        DestinationAllowList mixed = new DestinationAllowList(new WebhookProperties.AllowList(null, null, null),
                host -> new InetAddress[] {InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.0.0.1")});

        assertThatThrownBy(() -> mixed.resolve("hooks.crm.example")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void urls_that_are_no_absolute_web_urls_or_carry_credentials_are_invalid() {
        for (String url : List.of("", "hooks.crm.example/h", "ftp://hooks.crm.example/h", "https:///h",
                "https://user:pass@hooks.crm.example/h", "https://hooks.crm.example/h#frag", "mailto:ops@crm.example",
                "https://hooks.crm.example/a b")) {
            assertRefused(defaults, url, "INVALID_WEBHOOK_URL", "");
        }
        assertRefused(defaults, "https://unknown.crm.example/h", "WEBHOOK_URL_NOT_ALLOWED", "does not resolve");
    }

    @Test
    void a_malformed_allowed_range_stops_the_service_at_start_up() {
        assertThatThrownBy(() -> allowList(null, null, List.of("intranet.example/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-address-ranges");
        assertThatThrownBy(() -> allowList(null, null, List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(DestinationAllowList allowList, String url, String code, String detail) {
        assertThatThrownBy(() -> allowList.checkRegistration(url)).as(url)
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.code()).as(url).isEqualTo(code);
                    assertThat(refusal.getMessage()).as(url).contains(detail);
                });
    }
}
