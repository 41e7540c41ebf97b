package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.tax.SandboxTaxRates;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import io.omnireturns.command.connectors.tax.TaxService;
import io.omnireturns.command.policy.config.TaxProperties;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import io.omnireturns.command.policy.tax.TaxTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tax service's figures for a quote, on the deterministic sandbox (FR 20 %, DE 19 %) or a stand-in that fails:
 * the zip hoodie of the demo store order (49.95 + 9.99, sold in France) taken back in the German store and
 * exchanged there for the 107.94 jacket.
 */
class QuoteTaxTest {

    private static final OrderSnapshot ORDER = DemoOrders.storeOrderPaidCashAndCard(Instant.parse("2026-01-10T10:00:00Z"));
    private static final String HOODIE = ORDER.orderId() + "-L1";
    private static final Map<String, Money> JACKET = Map.of(HOODIE, eur(10794));
    private static final RefundCalculator CALCULATOR = new RefundCalculator(RefundRules.defaults());

    private final CountDownLatch never = new CountDownLatch(1);
    private QuoteTax quoteTax;

    @AfterEach
    void stop() {
        never.countDown();
        if (quoteTax != null) {
            quoteTax.destroy();
        }
    }

    @Test
    void a_cross_border_exchange_asks_the_same_lines_as_the_decision_and_costs_the_difference_with_german_tax() {
        quoteTax = quoteTax(new SandboxTaxService(SandboxBehaviour.immediate(ExternalSystem.TAX),
                new SandboxTaxRates(Map.of())), Duration.ofSeconds(3));

        QuoteTax.Figures figures = quoteTax.figures("QUO-1", inGermany(), hoodieBack(), JACKET);

        assertThat(figures.refundReasons()).containsExactly("CROSS_JURISDICTION");
        assertThat(figures.exchangeReasons()).containsExactly("CROSS_JURISDICTION", "PRICE_DIFFERENCE");
        assertThat(figures.exchangeRefundTax()).isTrue();
        assertThat(figures.exchangePriceDifference()).isTrue();
        assertThat(figures.exchange().request().requestId()).isEqualTo("QUO-1:TAX:EXCHANGE");
        assertThat(figures.exchange().request().returnId()).isNull();
        // the hoodie gives back 59.94; the jacket costs 9.99 (the hoodie's tax) + 89.95 net + 7.60 German tax
        RefundInput exchanged = figures.input(hoodieBack(), RefundMethod.EXCHANGE);
        assertThat(exchanged.tax()).isSameAs(figures.exchange());
        assertThat(quoteTax.replacementCost(exchanged, JACKET, figures.exchange())).isEqualTo(eur(999 + 8995 + 760));
        assertThat(CALCULATOR.calculate(figures.input(hoodieBack(), RefundMethod.ORIGINAL_TENDER)).total())
                .isEqualTo(eur(5994));
    }

    @Test
    void a_cross_border_exchange_for_a_change_of_mind_costs_the_jacket_with_the_hoodies_tax_before_the_fees_tax() {
        quoteTax = quoteTax(new SandboxTaxService(SandboxBehaviour.immediate(ExternalSystem.TAX),
                new SandboxTaxRates(Map.of())), Duration.ofSeconds(3));
        RefundInput changedMind = new RefundInput(ORDER, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(HOODIE, 1, Grade.NEW, ReturnReason.CHANGED_MIND)), PriorRefunds.none("EUR"));

        QuoteTax.Figures figures = quoteTax.figures("QUO-5", inGermany(), changedMind, JACKET);

        RefundInput exchanged = figures.input(changedMind, RefundMethod.EXCHANGE);
        // the hoodie gives back 49.95 + 9.99 - 4.99 fee - 0.95 German tax on it; the jacket still costs 9.99 (the
        // hoodie's tax) + 89.95 net + 7.60 German tax on the 40.00 difference asked about
        assertThat(CALCULATOR.calculate(exchanged).total()).isEqualTo(eur(5400));
        assertThat(quoteTax.replacementCost(exchanged, JACKET, figures.exchange())).isEqualTo(eur(999 + 8995 + 760));
    }

    @Test
    void a_return_where_the_order_was_sold_asks_nothing() {
        TaxService unused = request -> {
            throw new AssertionError("the tax service was asked about " + request);
        };
        quoteTax = quoteTax(unused, Duration.ofSeconds(3));

        QuoteTax.Figures figures = quoteTax.figures("QUO-2", new QuoteRequest(ORDER.orderId(), SalesChannel.STORE,
                DemoOrders.DEMO_STORE, List.of(new RequestedLine(HOODIE, 1, ReturnReason.SIZE_OR_FIT, null))),
                hoodieBack(), null);

        assertThat(figures).isEqualTo(QuoteTax.Figures.none());
    }

    @Test
    void a_tax_service_slower_than_the_quotes_time_limit_fails_the_quote_in_time() {
        TaxService stuck = request -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new ConnectorException(ExternalSystem.TAX, FailureCode.UNREACHABLE, "too late");
        };
        quoteTax = quoteTax(stuck, Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(() -> quoteTax.figures("QUO-3", inGermany(), hoodieBack(), JACKET))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(refused.code()).isEqualTo(QuoteTax.TAX_SERVICE_UNAVAILABLE);
                    assertThat(refused.getMessage()).contains("did not answer within 200 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_tax_service_that_refuses_fails_the_quote_with_what_it_answered() {
        TaxService refusing = request -> {
            throw new ConnectorException(ExternalSystem.TAX, FailureCode.UNKNOWN_JURISDICTION, "no rates");
        };
        quoteTax = quoteTax(refusing, Duration.ofSeconds(3));

        assertThatThrownBy(() -> quoteTax.figures("QUO-4", inGermany(), hoodieBack(), null))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(QuoteTax.TAX_SERVICE_UNAVAILABLE);
                    assertThat(refused.getMessage()).contains("UNKNOWN_JURISDICTION (a refusal)");
                });
    }

    private static QuoteTax quoteTax(TaxService service, Duration timeout) {
        TaxProperties properties = new TaxProperties(Set.of(TaxTrigger.CROSS_JURISDICTION, TaxTrigger.PRICE_DIFFERENCE),
                "FR", Map.of(), timeout);
        return new QuoteTax(service, properties.consultation(), properties.jurisdictions(), CALCULATOR, properties);
    }

    private static QuoteRequest inGermany() {
        return new QuoteRequest(ORDER.orderId(), SalesChannel.STORE, "STORE-DE-01",
                List.of(new RequestedLine(HOODIE, 1, ReturnReason.SIZE_OR_FIT, "JKT-RAIN-NVY-M")));
    }

    private static RefundInput hoodieBack() {
        return new RefundInput(ORDER, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(HOODIE, 1, Grade.NEW, ReturnReason.SIZE_OR_FIT)), PriorRefunds.none("EUR"));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
