package io.omnireturns.console.warehouse;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.ReturnSummary;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.InspectionOutcome;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.console.shell.ConsoleCommandSender;
import io.omnireturns.console.shell.ConsoleRefusals;
import io.omnireturns.console.shell.ViewCatchUp;
import io.omnireturns.platform.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The bench: scan a return or order id, see each line's expected and received quantities, record a receipt and an
 * inspection. The actions send the commands behind {@code POST /api/v1/returns/{id}/receipts} and
 * {@code .../inspections}, with the caller's actor and scope, so the return refuses what it would refuse there; a
 * refusal is shown next to the form, and nothing changed.
 */
@Controller
@RequestMapping("/console/warehouse")
class WarehouseController {

    /** The location last used in this session: the bench's location stays filled in. */
    static final String LOCATION = "console.warehouse.location";
    private static final Set<ReturnStatus> RECEIVING = EnumSet.of(ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT,
            ReturnStatus.RECEIVED);
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String BENCH = "console/warehouse/bench";

    private final ReturnFinder finder;
    private final ConsoleCommandSender commands;
    private final ViewCatchUp catchUp;

    WarehouseController(ReturnFinder finder, ConsoleCommandSender commands, ViewCatchUp catchUp) {
        this.finder = finder;
        this.commands = commands;
        this.catchUp = catchUp;
    }

    /** The scan field; with a scanned {@code code}, the return it names (or a choice of its order's open returns). */
    @GetMapping
    String scan(@RequestParam(required = false) String code, Caller caller, Model model) {
        String scanned = code == null ? "" : code.strip();
        model.addAttribute("code", scanned);
        if (scanned.isEmpty()) {
            return "console/warehouse/scan";
        }
        List<ReturnSummary> found = finder.find(scanned, caller);
        if (found.size() == 1) {
            return "redirect:/console/warehouse/returns/" + found.get(0).returnId();
        }
        model.addAttribute("found", found);
        if (found.isEmpty()) {
            model.addAttribute("problem", "No return and no open return of an order with id " + scanned
                    + ". Check the label and scan again.");
        }
        return "console/warehouse/scan";
    }

    @GetMapping("/returns/{returnId}")
    String bench(@PathVariable String returnId, Caller caller, HttpSession session, Model model) {
        ReturnStatusView view = finder.visible(returnId, caller);
        show(view, caller, session, model);
        return BENCH;
    }

    @PostMapping("/returns/{returnId}/receipts")
    String receive(@PathVariable String returnId, @ModelAttribute("receipt") ReceiptForm form, Caller caller,
                   HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Bench bench = new Bench(finder.visible(returnId, caller), caller, session, model, redirect, response);
        List<String> problems = new ArrayList<>();
        List<ReceivedLine> lines = form.receivedLines(problems);
        String location = form.getLocationId() == null ? null : form.getLocationId().strip();
        int arrivedBefore = arrived(bench.view());
        return record(bench, "receipt", problems, () -> {
            commands.send(new RecordReceipt(bench.view().returnId(), messageId(form.getReceiptId(), "RCPT"), location,
                    lines));
            session.setAttribute(LOCATION, location);
            return "Receipt recorded at " + location + ": " + describe(lines) + ".";
        }, after -> arrived(after) > arrivedBefore);
    }

    @PostMapping("/returns/{returnId}/inspections")
    String inspect(@PathVariable String returnId, @ModelAttribute("inspection") InspectionForm form, Caller caller,
                   HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Bench bench = new Bench(finder.visible(returnId, caller), caller, session, model, redirect, response);
        List<String> problems = new ArrayList<>();
        List<InspectedLine> lines = form.inspectedLines(problems);
        long inspectedBefore = inspected(bench.view());
        return record(bench, "inspection", problems, () -> {
            commands.send(new RecordInspection(bench.view().returnId(), messageId(form.getInspectionId(), "INSP"),
                    lines));
            return "Inspection recorded for " + lines.size() + (lines.size() == 1 ? " line." : " lines.");
        }, after -> inspected(after) > inspectedBefore);
    }

    /** The return at the bench and what a form's handler needs of its request. */
    private record Bench(ReturnStatusView view, Caller caller, HttpSession session, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
    }

    /**
     * What the receipt and the inspection forms do once read: a form without problems sends its command (which answers
     * the notice to show) and waits until the status view shows it {@code recorded}, then back to the bench with the
     * notice. A form with problems, or one the return refused, is shown again as typed (the handler's model attribute)
     * with the problems next to it ({@code <form>Problems}) and the focus in it; nothing was recorded.
     */
    private String record(Bench bench, String form, List<String> problems, Supplier<String> command,
                          Predicate<ReturnStatusView> recorded) {
        if (problems.isEmpty()) {
            try {
                String notice = catchUp.sendAndFollow(new FindReturnStatus(bench.view().returnId()),
                        ReturnStatusView.class, command, recorded);
                bench.redirect().addFlashAttribute("notice", notice);
                return "redirect:/console/warehouse/returns/" + bench.view().returnId();
            } catch (DomainException refused) {
                problems.add("Nothing was recorded: " + refused.getMessage());
                bench.response().setStatus(ConsoleRefusals.status(refused));
            }
        } else {
            bench.response().setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        show(bench.view(), bench.caller(), bench.session(), bench.model());
        bench.model().addAttribute(form + "Problems", problems);
        bench.model().addAttribute("focus", form);
        return BENCH;
    }

    /** The bench page of a return, with a form as typed when the model holds it (a form shown again), else fresh. */
    private static void show(ReturnStatusView view, Caller caller, HttpSession session, Model model) {
        boolean parcelArrived = arrived(view) > 0;
        List<BenchLine> lines = view.lines().stream().map(line -> BenchLine.of(line, parcelArrived)).toList();
        List<BenchLine> toReceive = RECEIVING.contains(view.status())
                ? lines.stream().filter(BenchLine::receivable).toList() : List.of();
        List<BenchLine> toInspect = view.status() == ReturnStatus.RECEIVED
                ? lines.stream().filter(BenchLine::awaitsInspection).toList() : List.of();
        model.addAttribute("view", view);
        model.addAttribute("lines", lines);
        model.addAttribute("toReceive", toReceive);
        model.addAttribute("toInspect", toInspect);
        if (!model.containsAttribute("receipt")) {
            model.addAttribute("receipt", freshReceipt(toReceive, caller, session));
        }
        if (!model.containsAttribute("inspection")) {
            model.addAttribute("inspection", freshInspection(toInspect));
        }
        model.addAttribute("grades", Grade.values());
        model.addAttribute("dispositions", Disposition.values());
        if (!model.containsAttribute("focus")) {
            model.addAttribute("focus", "scan");
        }
    }

    private static ReceiptForm freshReceipt(List<BenchLine> toReceive, Caller caller, HttpSession session) {
        ReceiptForm form = new ReceiptForm();
        form.setReceiptId(newId("RCPT"));
        Object lastLocation = session.getAttribute(LOCATION);
        form.setLocationId(lastLocation instanceof String location ? location
                : caller.scope().stores().size() == 1 ? caller.scope().stores().iterator().next() : null);
        form.setLines(new ArrayList<>(toReceive.stream()
                .map(line -> new ReceiptForm.Line(line.line().orderLineId())).toList()));
        return form;
    }

    private static InspectionForm freshInspection(List<BenchLine> toInspect) {
        InspectionForm form = new InspectionForm();
        form.setInspectionId(newId("INSP"));
        form.setLines(new ArrayList<>(toInspect.stream()
                .map(line -> new InspectionForm.Line(line.line().orderLineId(), line.received())).toList()));
        return form;
    }

    /**
     * The id the form was rendered with, so sending the same form twice (a double tap, a resent page) records it
     * once, as the API's idempotent receipt and inspection ids do; a new one when it is missing or malformed.
     */
    private static String messageId(String fromForm, String prefix) {
        return fromForm != null && MESSAGE_ID.matcher(fromForm).matches() ? fromForm : newId(prefix);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Every item that has arrived for the return, right or wrong. */
    private static int arrived(ReturnStatusView view) {
        return view.lines().stream()
                .mapToInt(line -> line.logistics().receivedQuantity() + line.logistics().wrongItemQuantity()).sum();
    }

    private static long inspected(ReturnStatusView view) {
        return view.lines().stream().map(ReturnLineView::inspection)
                .filter(inspection -> inspection.outcome() != InspectionOutcome.PENDING).count();
    }

    private static String describe(List<ReceivedLine> lines) {
        return String.join(", ", lines.stream().map(line -> line.quantity() + " × " + line.orderLineId()
                + (line.receivedSku() == null ? "" : " (scanned " + line.receivedSku() + ")")).toList());
    }
}
