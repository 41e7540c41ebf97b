package io.omnireturns.console.intake;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.returns.application.ReturnRequestAnswer;
import io.omnireturns.command.returns.application.ReturnRequestForm;
import io.omnireturns.command.returns.application.ReturnRequestService;
import io.omnireturns.console.shell.ConsoleRefusals;
import io.omnireturns.console.shell.ViewCatchUp;
import io.omnireturns.platform.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contact centre starts a return for a customer on the phone: look the order up (in the order system, through the
 * command side's {@link OrderSystem} port), choose what comes back and why, and request it as
 * {@code POST /api/v1/returns} does, with channel {@code CONTACT_CENTRE}, the order's customer, the signed-in person's
 * name as the namespace of the form's idempotency key and the caller's scope. The return's events carry the person as
 * actor and {@code console} as source system. A refusal is shown next to the form, with what was typed, and nothing was
 * created; done, the return's page with what was decided.
 */
@Controller
@RequestMapping("/console/returns/new")
class StartReturnController {

    static final String TEMPLATE = "console/intake/start";
    private static final int MAX_ORDER_ID = 64;
    /** How long a request waits for the status view to show the new return (it usually takes milliseconds). */
    private static final Duration VIEW_PATIENCE = Duration.ofSeconds(15);

    private final OrderSystem orders;
    private final ReturnRequestService requests;
    private final ViewCatchUp catchUp;

    StartReturnController(OrderSystem orders, ReturnRequestService requests, ViewCatchUp catchUp) {
        this.orders = orders;
        this.requests = requests;
        this.catchUp = catchUp;
    }

    /**
     * The look-up form; with an {@code orderId}, the order and the return form. The form's idempotency key is minted
     * here and kept in the page's address ({@code key}), so the page reached again with the back button sends the
     * same key: the same form sent twice gives one return.
     */
    @GetMapping
    String lookUp(@RequestParam(required = false) String orderId, @RequestParam(required = false) String key,
                  Caller caller, HttpServletResponse response, Model model) {
        String typed = orderId == null ? "" : orderId.strip();
        model.addAttribute("orderId", typed);
        if (typed.isEmpty()) {
            return TEMPLATE;
        }
        Optional<OrderSnapshot> order = find(typed, caller, response, model);
        if (order.isEmpty()) {
            return TEMPLATE;
        }
        if (StartReturnForm.validKey(key).isEmpty()) {
            return "redirect:" + UriComponentsBuilder.fromPath("/console/returns/new").queryParam("orderId", typed)
                    .queryParam("key", StartReturnForm.newKey()).encode().build().toUriString();
        }
        show(order.get(), StartReturnForm.fresh(order.get(), key), model);
        return TEMPLATE;
    }

    @PostMapping
    String request(@ModelAttribute("form") StartReturnForm form, Caller caller, HttpServletResponse response,
                   Model model, RedirectAttributes redirect) {
        String orderId = form.getOrderId() == null ? "" : form.getOrderId().strip();
        model.addAttribute("orderId", orderId);
        Optional<OrderSnapshot> order = find(orderId, caller, response, model);
        if (order.isEmpty()) {
            return TEMPLATE;
        }
        List<String> problems = new ArrayList<>();
        Optional<String> key = StartReturnForm.validKey(form.getIdempotencyKey());
        if (key.isEmpty()) {
            problems.add("This form had lost its key, so nothing was requested: send it again.");
        }
        ReturnRequestForm request = form.toRequest(order.get(), problems);
        if (problems.isEmpty()) {
            try {
                ReturnRequestAnswer answer = requests.request(caller.name(), key.get(), scoped(request, caller));
                // the return's page reads the status view, a moment behind: open it once it shows the return
                if (!catchUp.follow(new FindReturnStatus(answer.returnId()), ReturnStatusView.class, view -> true,
                        VIEW_PATIENCE)) {
                    model.addAttribute("requested", answer);
                    model.addAttribute("requestedNotice", describe(answer));
                    return TEMPLATE;
                }
                redirect.addFlashAttribute("actionDone", describe(answer));
                return "redirect:/console/returns/" + answer.returnId();
            } catch (DomainException refused) {
                problems.add(refusal(refused));
                response.setStatus(ConsoleRefusals.status(refused));
            } catch (ConnectorException unanswered) {
                problems.add("Nothing was requested: the order system did not answer. Try again in a moment.");
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("problems", problems);
        show(order.get(), form.alignedWith(order.get()), model);
        return TEMPLATE;
    }

    /** What the return page says first: the return's status and, line by line, what was not authorized and why. */
    static String describe(ReturnRequestAnswer answer) {
        List<String> notAuthorized = answer.lines().stream()
                .filter(line -> line.authorizedQuantity() < line.requestedQuantity())
                .map(StartReturnController::notAuthorized)
                .toList();
        return "Return requested: " + answer.status()
                + (notAuthorized.isEmpty() ? "." : ". " + String.join("; ", notAuthorized) + ".");
    }

    private static String notAuthorized(LineDecision line) {
        String what = line.authorizedQuantity() == 0 ? "rejected"
                : line.authorizedQuantity() + " of " + line.requestedQuantity() + " authorized";
        return line.orderLineId() + " " + what + " (" + String.join(", ", line.reasonCodes()) + ")";
    }

    /** The order, if the order system knows it and the caller may act for its customer; else a problem on the page. */
    private Optional<OrderSnapshot> find(String orderId, Caller caller, HttpServletResponse response, Model model) {
        if (orderId.isEmpty() || orderId.length() > MAX_ORDER_ID) {
            model.addAttribute("lookupProblem", "Enter an order id (at most " + MAX_ORDER_ID + " characters).");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return Optional.empty();
        }
        Optional<OrderSnapshot> order;
        try {
            order = orders.findOrder(orderId)
                    .filter(found -> caller.scope().customerId() == null
                            || caller.scope().customerId().equals(found.customerId()));
        } catch (ConnectorException unanswered) {
            model.addAttribute("lookupProblem", "The order system did not answer: try again in a moment.");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return Optional.empty();
        }
        if (order.isEmpty()) {
            model.addAttribute("lookupProblem", "No order " + orderId + " in the order system: check the id with the "
                    + "customer and look it up again.");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return order;
    }

    private static void show(OrderSnapshot order, StartReturnForm form, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("ourFaultReasons", StartReturnChoices.OUR_FAULT_REASONS);
        model.addAttribute("customerReasons", StartReturnChoices.CUSTOMER_REASONS);
        model.addAttribute("refundMethods", StartReturnChoices.REFUND_METHODS);
    }

    /**
     * As the API's {@code ReturnCommandController#scoped}: a store associate takes in store returns only, so never a
     * contact centre's; a caller acting for one customer requests that customer's returns only.
     */
    private static ReturnRequestForm scoped(ReturnRequestForm form, Caller caller) {
        if (!caller.scope().isScoped()) {
            return form;
        }
        if (!caller.scope().stores().isEmpty()) {
            throw new DomainException(ErrorKind.FORBIDDEN, "STORE_NOT_IN_SCOPE",
                    "a store associate takes in store returns only (channel " + SalesChannel.STORE + ")");
        }
        return new ReturnRequestForm(form.orderId(), form.channel(), form.storeId(),
                caller.customerFor(form.customerId()), form.refundMethod(), form.lines());
    }

    /** The refusal as the person at the console reads it: nothing was requested, and why. */
    private static String refusal(DomainException refused) {
        if (ReturnRequestService.IDEMPOTENCY_KEY_REUSED.equals(refused.code())) {
            return "This form was sent before with other choices, and that return stands. To start another return "
                    + "of this order, look the order up again.";
        }
        return "Nothing was requested: " + refused.getMessage() + " (" + refused.code() + ").";
    }
}
