package io.omnireturns.command.connectors;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.connectors.carrier.Carrier;
import io.omnireturns.command.connectors.carrier.CarrierConnectorConfiguration;
import io.omnireturns.command.connectors.carrier.HttpCarrier;
import io.omnireturns.command.connectors.carrier.SandboxCarrier;
import io.omnireturns.command.connectors.common.ConnectorsConfiguration;
import io.omnireturns.command.connectors.crm.Crm;
import io.omnireturns.command.connectors.crm.CrmConnectorConfiguration;
import io.omnireturns.command.connectors.crm.HttpCrm;
import io.omnireturns.command.connectors.crm.SandboxCrm;
import io.omnireturns.command.connectors.erp.Erp;
import io.omnireturns.command.connectors.erp.ErpConnectorConfiguration;
import io.omnireturns.command.connectors.erp.HttpErp;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.fraud.FraudConnectorConfiguration;
import io.omnireturns.command.connectors.fraud.FraudScoring;
import io.omnireturns.command.connectors.fraud.HttpFraudScoring;
import io.omnireturns.command.connectors.fraud.SandboxFraudScoring;
import io.omnireturns.command.connectors.loyalty.HttpLoyalty;
import io.omnireturns.command.connectors.loyalty.Loyalty;
import io.omnireturns.command.connectors.loyalty.LoyaltyConnectorConfiguration;
import io.omnireturns.command.connectors.loyalty.SandboxLoyalty;
import io.omnireturns.command.connectors.orders.HttpOrderSystem;
import io.omnireturns.command.connectors.orders.OrderConnectorConfiguration;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.HttpPaymentGateway;
import io.omnireturns.command.connectors.payments.PaymentConnectorConfiguration;
import io.omnireturns.command.connectors.payments.PaymentGateway;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.command.connectors.tax.HttpTaxService;
import io.omnireturns.command.connectors.tax.SandboxTaxRates;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import io.omnireturns.command.connectors.tax.TaxConnectorConfiguration;
import io.omnireturns.command.connectors.tax.TaxService;
import io.omnireturns.command.connectors.warehouse.HttpWarehouse;
import io.omnireturns.command.connectors.warehouse.SandboxWarehouse;
import io.omnireturns.command.connectors.warehouse.Warehouse;
import io.omnireturns.command.connectors.warehouse.WarehouseConnectorConfiguration;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectorConfigurationTest {

    private static final List<Connector> CONNECTORS = List.of(
            new Connector("orders", OrderSystem.class, SandboxOrderSystem.class, HttpOrderSystem.class),
            new Connector("fraud", FraudScoring.class, SandboxFraudScoring.class, HttpFraudScoring.class),
            new Connector("carrier", Carrier.class, SandboxCarrier.class, HttpCarrier.class),
            new Connector("warehouse", Warehouse.class, SandboxWarehouse.class, HttpWarehouse.class),
            new Connector("payments", PaymentGateway.class, SandboxPaymentGateway.class, HttpPaymentGateway.class),
            new Connector("erp", Erp.class, SandboxErp.class, HttpErp.class),
            new Connector("crm", Crm.class, SandboxCrm.class, HttpCrm.class),
            new Connector("loyalty", Loyalty.class, SandboxLoyalty.class, HttpLoyalty.class),
            new Connector("tax", TaxService.class, SandboxTaxService.class, HttpTaxService.class));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC))
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withUserConfiguration(ConnectorsConfiguration.class,
                    OrderConnectorConfiguration.class, FraudConnectorConfiguration.class,
                    CarrierConnectorConfiguration.class, WarehouseConnectorConfiguration.class,
                    PaymentConnectorConfiguration.class, ErpConnectorConfiguration.class,
                    CrmConnectorConfiguration.class, LoyaltyConnectorConfiguration.class,
                    TaxConnectorConfiguration.class);

    static Stream<Named<Connector>> connectors() {
        return CONNECTORS.stream().map(connector -> Named.of(connector.name(), connector));
    }

    @Test
    void every_connector_is_its_sandbox_when_no_mode_is_set() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            for (Connector connector : CONNECTORS) {
                assertThat(ctx).as(connector.name()).hasSingleBean(connector.port());
                assertThat(ctx.getBean(connector.port())).as(connector.name()).isInstanceOf(connector.sandbox());
                assertThat(ctx).as(connector.name()).doesNotHaveBean(connector.http());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void a_connector_in_sandbox_mode_is_its_sandbox(Connector connector) {
        context.withPropertyValues("omnireturns.connectors." + connector.name() + ".mode=sandbox")
                .run(ctx -> assertThat(ctx.getBean(connector.port())).isInstanceOf(connector.sandbox()));
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void a_connector_in_http_mode_calls_the_real_system_and_the_others_stay_sandboxes(Connector connector) {
        context.withPropertyValues(
                        "omnireturns.connectors." + connector.name() + ".mode=http",
                        "omnireturns.connectors." + connector.name() + ".base-url=http://localhost:9")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).hasSingleBean(connector.port());
                    assertThat(ctx.getBean(connector.port())).isInstanceOf(connector.http());
                    assertThat(ctx).doesNotHaveBean(connector.sandbox());
                    CONNECTORS.stream().filter(other -> other != connector).forEach(other ->
                            assertThat(ctx.getBean(other.port())).as(other.name()).isInstanceOf(other.sandbox()));
                });
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void http_mode_without_a_base_url_fails_at_start_up(Connector connector) {
        context.withPropertyValues("omnireturns.connectors." + connector.name() + ".mode=http")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure()
                        .hasStackTraceContaining("omnireturns.connectors." + connector.name() + ".base-url"));
    }

    @Test
    void the_sandbox_tax_rates_come_from_the_properties_whatever_the_case_of_their_keys() {
        context.withPropertyValues("omnireturns.connectors.tax.sandbox.rates.be.standard=2100",
                        "omnireturns.connectors.tax.sandbox.rates.be.categories.BOOKS=600")
                .run(ctx -> {
                    SandboxTaxRates rates = ctx.getBean(SandboxTaxRates.class);
                    assertThat(rates.of("BE").standard()).isEqualTo(2100);
                    assertThat(rates.of("BE").forCategory("books")).isEqualTo(600);
                    assertThat(rates.of("DE")).as("configured rates replace the demo's").isNull();
                });
    }

    @Test
    void sandbox_failure_rate_comes_from_the_connector_properties() {
        context.withPropertyValues("omnireturns.connectors.payments.sandbox.failure-rate=1.0",
                        "omnireturns.connectors.payments.sandbox.latency=1ms",
                        "omnireturns.connectors.payments.sandbox.seed=42")
                .run(ctx -> {
                    assertUnavailable(() -> ctx.getBean(PaymentGateway.class).refund(refund(1000)));
                    // only the payments connector was made flaky
                    assertThat(ctx.getBean(OrderSystem.class).findOrder("ORD-1001")).isPresent();
                });
    }

    @Test
    void the_sandbox_gateway_can_be_told_to_settle_later() {
        context.withPropertyValues("omnireturns.connectors.payments.sandbox.settle-immediately=false")
                .run(ctx -> assertThat(ctx.getBean(PaymentGateway.class).refund(refund(1000)).settled()).isFalse());
    }

    @Test
    void the_sandbox_gateway_knows_the_captures_of_the_sandbox_orders() {
        // ORD-1001 captured 365.58 EUR
        context.run(ctx -> assertRejected(() -> ctx.getBean(PaymentGateway.class).refund(refund(36559)),
                "REFUND_EXCEEDS_CAPTURE"));
    }

    @Test
    void the_fraud_watch_list_and_threshold_come_from_the_properties() {
        context.withPropertyValues("omnireturns.connectors.fraud.sandbox.watch-list=CUST-100,CUST-200",
                        "omnireturns.connectors.fraud.sandbox.review-above=500.00")
                .run(ctx -> {
                    SandboxFraudScoring fraud = ctx.getBean(SandboxFraudScoring.class);
                    assertThat(fraud.watchList()).containsExactlyInAnyOrder("CUST-100", "CUST-200");
                    assertThat(fraud.reviewAbove()).isEqualByComparingTo(new BigDecimal("500"));
                    assertThat(fraud.assess(new FraudCheck("R-1", "ORD-1001", "CUST-100", SalesChannel.WEB, 1,
                            Money.of(100, "EUR"))).reviewRequired()).isTrue();
                });
    }

    @Test
    void the_fraud_sandbox_watches_cust_666_above_two_thousand_by_default() {
        context.run(ctx -> {
            SandboxFraudScoring fraud = ctx.getBean(SandboxFraudScoring.class);
            assertThat(fraud.watchList()).containsExactly("CUST-666");
            assertThat(fraud.reviewAbove()).isEqualByComparingTo(new BigDecimal("2000"));
        });
    }

    private static RefundInstruction refund(long minor) {
        Money amount = Money.of(minor, "EUR");
        return new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, amount)), amount);
    }

    record Connector(String name, Class<?> port, Class<?> sandbox, Class<?> http) {
    }
}
