package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.tax.TaxService;
import io.omnireturns.command.policy.config.TaxProperties;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.tax.PriceDifferenceTax;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import io.omnireturns.command.policy.tax.RefundTaxQuestion;
import io.omnireturns.command.policy.tax.RefundTaxRequests;
import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tax service's figures a quote is priced with, so that it shows what the refund decision will settle: where the
 * decision would ask the service ({@link RefundTaxQuestion}, the same rule and the same taxable lines), the quote asks
 * it now, synchronously, once for the money options and once for an exchange whose price differences are taxed (both
 * at once). A quote is a request a caller waits for: the calls run on a few threads of their own (never a processor
 * thread) and the quote waits at most {@code omnireturns.tax.quote-timeout} for both. A service that is down, too slow,
 * too busy or refusing fails the quote with {@code 503 TAX_SERVICE_UNAVAILABLE}: a quote is exact or not given.
 */
@Component
class QuoteTax implements DisposableBean {

    public static final String TAX_SERVICE_UNAVAILABLE = "TAX_SERVICE_UNAVAILABLE";
    private static final int MAX_CALLS_AT_ONCE = 16;
    private static final Logger LOG = LoggerFactory.getLogger(QuoteTax.class);

    /**
     * The figures the money options and the exchange are priced with, each null where the service is not asked, with
     * the reasons; {@code exchangeRefundTax}: the exchange's figures cover the refund's own lines (not only its price
     * differences), {@code exchangePriceDifference}: they tax its price differences.
     */
    record Figures(RefundTaxFigures refund, List<String> refundReasons, RefundTaxFigures exchange,
                   List<String> exchangeReasons, boolean exchangeRefundTax, boolean exchangePriceDifference) {

        static Figures none() {
            return new Figures(null, List.of(), null, List.of(), false, false);
        }

        /** {@code input} with the figures its refund's own lines are priced with for {@code method}, if any. */
        RefundInput input(RefundInput input, RefundMethod method) {
            boolean exchanged = method == RefundMethod.EXCHANGE;
            RefundTaxFigures figures = exchanged ? (exchangeRefundTax ? exchange : null) : refund;
            return figures == null ? input : new RefundInput(input.order(), input.method(), input.lines(),
                    input.prior(), input.deductionsWaived(), figures);
        }

        List<String> reasons(RefundMethod method) {
            return method == RefundMethod.EXCHANGE ? exchangeReasons : refundReasons;
        }
    }

    private final TaxService service;
    private final TaxConsultation consultation;
    private final TaxJurisdictions jurisdictions;
    private final RefundCalculator calculator;
    private final Duration timeout;
    private final ThreadPoolExecutor calls;

    QuoteTax(TaxService service, TaxConsultation consultation, TaxJurisdictions jurisdictions,
             RefundCalculator calculator, TaxProperties properties) {
        this.service = service;
        this.consultation = consultation;
        this.jurisdictions = jurisdictions;
        this.calculator = calculator;
        this.timeout = properties.quoteTimeout();
        AtomicInteger number = new AtomicInteger();
        // no queue: a call waits for nobody; more than MAX_CALLS_AT_ONCE quotes at once are told to ask again
        this.calls = new ThreadPoolExecutor(0, MAX_CALLS_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                work -> {
                    Thread thread = new Thread(work, "quote-tax-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * @param input                 the returnable units as quoted, with the order's proportional share of tax
     * @param replacementUnitPrices the exchange's priced replacements, or null when no exchange is priced
     */
    Figures figures(String quoteId, QuoteRequest request, RefundInput input, Map<String, Money> replacementUnitPrices) {
        OrderSnapshot order = input.order();
        String sold = jurisdictions.saleJurisdiction(order);
        String returned = jurisdictions.returnJurisdiction(order, request.channel(), request.storeId());
        RefundBreakdown proportional = calculator.calculate(input);
        Optional<RefundTaxQuestion> money = RefundTaxQuestion.of(consultation, order, RefundMethod.ORIGINAL_TENDER,
                proportional, Map.of(), sold, returned);
        Optional<RefundTaxQuestion> exchange = replacementUnitPrices == null ? Optional.empty()
                : RefundTaxQuestion.of(consultation, order, RefundMethod.EXCHANGE, proportional, replacementUnitPrices,
                sold, returned);
        if (money.isEmpty() && exchange.isEmpty()) {
            return Figures.none();
        }
        TaxRequest moneyRequest = money.map(q -> q.request(quoteId + ":TAX:REFUND", null, order.currency()))
                .orElse(null);
        TaxRequest exchangeRequest = exchange.map(q -> q.request(quoteId + ":TAX:EXCHANGE", null, order.currency()))
                .orElse(null);
        if (RefundTaxRequests.sameBasis(moneyRequest, exchangeRequest)) {
            exchangeRequest = moneyRequest; // no price difference taxed: one question, one call
        }
        Map<TaxRequest, TaxCalculation> answers = ask(quoteId, moneyRequest, exchangeRequest);
        RefundTaxFigures moneyFigures = moneyRequest == null ? null
                : new RefundTaxFigures(moneyRequest, answers.get(moneyRequest));
        RefundTaxFigures exchangeFigures = exchangeRequest == null ? null
                : new RefundTaxFigures(exchangeRequest, answers.get(exchangeRequest));
        return new Figures(moneyFigures, money.map(RefundTaxQuestion::reasons).orElse(List.of()),
                exchangeFigures, exchange.map(RefundTaxQuestion::reasons).orElse(List.of()),
                exchange.map(RefundTaxQuestion::refundTax).orElse(false),
                exchange.map(RefundTaxQuestion::priceDifference).orElse(false));
    }

    /**
     * What an exchange's replacements cost with the service's tax on their price differences ({@code figures}, the
     * exchange's), priced on {@code exchanged} as the refund decision prices it: the differences from the refund with
     * the order's proportional share (what the question was built on), the returned tax from the refund as settled.
     */
    Money replacementCost(RefundInput exchanged, Map<String, Money> replacementUnitPrices, RefundTaxFigures figures) {
        RefundBreakdown asked = calculator.calculate(new RefundInput(exchanged.order(), RefundMethod.EXCHANGE,
                exchanged.lines(), exchanged.prior(), exchanged.deductionsWaived()));
        RefundBreakdown refund = calculator.calculate(new RefundInput(exchanged.order(), RefundMethod.EXCHANGE,
                exchanged.lines(), exchanged.prior(), exchanged.deductionsWaived(), exchanged.tax()));
        return PriceDifferenceTax.replacementCost(asked, refund, replacementUnitPrices, figures.request(),
                figures.calculation());
    }

    /** Each distinct request asked at once; all answered within the time limit, or the quote is not given. */
    private Map<TaxRequest, TaxCalculation> ask(String quoteId, TaxRequest... requests) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        Map<TaxRequest, Future<TaxCalculation>> pending = new java.util.LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (TaxRequest request : requests) {
                if (request != null && !pending.containsKey(request)) {
                    pending.put(request, CompletableFuture.supplyAsync(() -> call(request, context), calls));
                }
            }
            Map<TaxRequest, TaxCalculation> answers = new java.util.LinkedHashMap<>();
            for (Map.Entry<TaxRequest, Future<TaxCalculation>> call : pending.entrySet()) {
                long left = Math.max(0, deadline - System.nanoTime());
                answers.put(call.getKey(), call.getValue().get(left, TimeUnit.NANOSECONDS));
            }
            return answers;
        } catch (RejectedExecutionException busy) {
            throw unavailable(quoteId, "it is asked for " + MAX_CALLS_AT_ONCE + " quotes at once already");
        } catch (TimeoutException slow) {
            throw unavailable(quoteId, "it did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw unavailable(quoteId, cause instanceof ConnectorException refused
                    ? "it answered " + refused.code() + (refused.retryable() ? "" : " (a refusal)")
                    : "the call failed");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(quoteId, "the quote was interrupted");
        } finally {
            pending.values().forEach(call -> call.cancel(true));
        }
    }

    private TaxCalculation call(TaxRequest request, Map<String, String> context) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try {
            return service.calculate(request);
        } finally {
            MDC.clear();
        }
    }

    private static DomainException unavailable(String quoteId, String why) {
        LOG.warn("quote {} not given: the tax service cannot price it, {}", quoteId, why);
        return new DomainException(ErrorKind.UNAVAILABLE, TAX_SERVICE_UNAVAILABLE, "this return's amounts need the "
                + "tax service, and it cannot price them now (" + why + "); no quote was given, ask again shortly");
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
