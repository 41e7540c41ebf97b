package io.omnireturns.console.portal.orders;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.returns.application.ReturnRequestAnswer;
import io.omnireturns.command.returns.application.ReturnRequestService;
import io.omnireturns.command.returns.quote.ReturnQuotes;
import io.omnireturns.console.portal.shell.PortalShopper;
import io.omnireturns.console.portal.shell.PortalWords;
import io.omnireturns.console.shell.ViewCatchUp;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order in the portal: the items that can come back (and why not the others), the reasons to choose from; then,
 * for what was chosen, each way of getting the money back with its exact amount (a quote from {@link ReturnQuotes});
 * then the return, requested as {@code POST /api/v1/returns} would request it: channel WEB, the shopper's customer
 * and scope, and the options page's idempotency key.
 */
@Controller
@RequestMapping("/portal/orders/{orderId}")
class PortalOrderController {

    static final String ITEMS = "portal/order";
    static final String OPTIONS = "portal/options";
    private static final Duration VIEW_PATIENCE = Duration.ofSeconds(15);

    private final OrderSystem orders;
    private final ReturnableItems returnable;
    private final ObjectProvider<ReturnQuotes> quotes;
    private final ReturnRequestService requests;
    private final ViewCatchUp catchUp;
    private final PortalWords words;

    PortalOrderController(OrderSystem orders, ReturnableItems returnable, ObjectProvider<ReturnQuotes> quotes,
                          ReturnRequestService requests, ViewCatchUp catchUp, PortalWords words) {
        this.orders = orders;
        this.returnable = returnable;
        this.quotes = quotes;
        this.requests = requests;
        this.catchUp = catchUp;
        this.words = words;
    }

    @GetMapping
    String items(@PathVariable String orderId, PortalShopper shopper, HttpServletResponse response, Model model) {
        Optional<OrderSnapshot> order = order(orderId, shopper, response, model);
        if (order.isEmpty()) {
            return "portal/missing";
        }
        showItems(order.get(), PortalReturnForm.fresh(order.get()), model);
        return ITEMS;
    }

    /** The options for what was chosen, each with its amount; a problem sends the shopper back to the items. */
    @PostMapping("/options")
    String options(@PathVariable String orderId, @ModelAttribute("form") PortalReturnForm form,
                   PortalShopper shopper, HttpServletResponse response, Model model) {
        Optional<OrderSnapshot> order = order(orderId, shopper, response, model);
        if (order.isEmpty()) {
            return "portal/missing";
        }
        List<ReturnableItems.Item> items = returnable.of(order.get());
        List<String> problems = new ArrayList<>();
        List<RequestedLine> chosen = form.chosen(items, problems);
        if (!problems.isEmpty()) {
            return itemsAgain(order.get(), form, problems, response, model);
        }
        form.setIdempotencyKey(PortalReturnForm.newKey());
        ReturnQuote quote = null;
        ReturnQuotes quoting = quotes.getIfAvailable();
        if (quoting != null) {
            try {
                quote = quoting.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, chosen), shopper.scope());
                form.setQuoteId(quote.quoteId());
            } catch (DomainException refused) {
                // a system the amounts depend on (the tax service) cannot answer: no amount is shown rather than a guess
                boolean unavailable = refused.kind() == ErrorKind.UNAVAILABLE;
                String problem = unavailable
                        ? "We cannot work out the exact amounts for these items right now. Please try again in a moment."
                        : "We cannot work out your options for these items: " + refused.getMessage();
                String page = itemsAgain(order.get(), form, List.of(problem), response, model);
                if (unavailable) {
                    // nothing is wrong with the shopper's choices: they are kept, and only asking again is needed
                    model.addAttribute("problemsHeading", "Your choices are kept, but:");
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
                return page;
            }
        }
        showOptions(order.get(), chosen, quote, form, model);
        return OPTIONS;
    }

    @PostMapping("/returns")
    String request(@PathVariable String orderId, @ModelAttribute("form") PortalReturnForm form,
                   PortalShopper shopper, HttpServletResponse response, Model model) {
        Optional<OrderSnapshot> order = order(orderId, shopper, response, model);
        if (order.isEmpty()) {
            return "portal/missing";
        }
        List<String> problems = new ArrayList<>();
        List<RequestedLine> chosen = form.chosen(returnable.of(order.get()), problems);
        if (!problems.isEmpty()) {
            return itemsAgain(order.get(), form, problems, response, model);
        }
        // the quote shown on the options page, if still valid (and of this order: a quote id is no key to another's)
        ReturnQuote quote = form.getQuoteId() == null || quotes.getIfAvailable() == null ? null
                : quotes.getObject().find(form.getQuoteId())
                .filter(found -> found.orderId().equals(order.get().orderId())).orElse(null);
        Optional<RefundMethod> method = form.method();
        Optional<String> key = form.validKey();
        if (method.isEmpty()) {
            problems.add("Choose how you would like your money back.");
        } else if (quote != null && quote.option(method.get()).map(option -> !option.available()).orElse(true)) {
            problems.add(words.method(method.get()) + " is not available for these items.");
        }
        if (key.isEmpty()) {
            problems.add("This page had expired, so nothing was sent. Please choose your options again.");
        }
        if (problems.isEmpty()) {
            try {
                ReturnRequestAnswer answer = requests.request(shopper.name(), key.get(),
                        PortalReturnForm.request(order.get(), method.get(), chosen, form.getQuoteId()));
                catchUp.follow(new FindReturnStatus(answer.returnId()), ReturnStatusView.class, view -> true,
                        VIEW_PATIENCE);
                return "redirect:/portal/returns/" + answer.returnId();
            } catch (DomainException refused) {
                problems.add(ReturnRequestService.IDEMPOTENCY_KEY_REUSED.equals(refused.code())
                        ? "You sent this return before with other choices, and that return stands: see your returns."
                        : refused.code().startsWith("QUOTE_")
                        ? "These amounts have run out or no longer match your choices, so nothing was sent: please "
                        + "choose your items again to see them afresh."
                        : "We could not take this return: " + refused.getMessage());
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            } catch (ConnectorException unanswered) {
                problems.add("Nothing was sent: we cannot reach our order system just now. Please try again.");
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("problems", problems);
        showOptions(order.get(), chosen, quote, form, model);
        return OPTIONS;
    }

    private String itemsAgain(OrderSnapshot order, PortalReturnForm typed, List<String> problems,
                              HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problems", problems);
        PortalReturnForm form = PortalReturnForm.fresh(order);
        // keep what was typed, line by line
        for (PortalReturnForm.Line line : form.getLines()) {
            typed.getLines().stream().filter(each -> each != null && line.getOrderLineId().equals(each.getOrderLineId()))
                    .findFirst().ifPresent(each -> {
                        line.setQuantity(each.getQuantity());
                        line.setReason(each.getReason());
                        line.setReplacementSku(each.getReplacementSku());
                    });
        }
        showItems(order, form, model);
        return ITEMS;
    }

    private void showItems(OrderSnapshot order, PortalReturnForm form, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("items", returnable.of(order));
        model.addAttribute("form", form);
    }

    private void showOptions(OrderSnapshot order, List<RequestedLine> chosen, ReturnQuote quote, PortalReturnForm form,
                             Model model) {
        model.addAttribute("order", order);
        model.addAttribute("chosen", chosen.stream().map(line -> new ChosenLine(line,
                PortalReturnForm.lineOf(order, line).description(), quote == null ? List.of()
                : quote.lines().stream().filter(quoted -> quoted.orderLineId().equals(line.orderLineId()))
                .flatMap(quoted -> quoted.notReturnableReasons().stream()).toList())).toList());
        model.addAttribute("quote", quote);
        model.addAttribute("options", ReturnOptions.of(chosen, quote));
        model.addAttribute("form", form);
    }

    /** The shopper's order, or a "not found" page: one that is not theirs is answered exactly as one that is missing. */
    private Optional<OrderSnapshot> order(String orderId, PortalShopper shopper, HttpServletResponse response,
                                          Model model) {
        Optional<OrderSnapshot> order;
        try {
            order = orders.findOrder(orderId).filter(shopper::owns);
        } catch (ConnectorException unanswered) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", "We cannot reach our order system just now. Please try again in a moment.");
            return Optional.empty();
        }
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return order;
    }

    /** A chosen line with the item's name and, when the quote will not take all of it, why not. */
    record ChosenLine(RequestedLine line, String description, List<String> whyNot) {
    }
}
