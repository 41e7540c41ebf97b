package io.omnireturns.console.finance;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.PeriodState;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.omnireturns.query.finance.AccountingPeriods;
import io.omnireturns.query.finance.PeriodClosing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Closing a period, in two steps: a confirmation page that names the period and what closing does, then the POST,
 * which closes only with {@code confirm} equal to the period (the confirmation's checkbox). The ledger's
 * {@link PeriodClosing} decides, as for {@code POST /api/v1/finance/periods/{period}/close}, with the signed-in
 * person as who closed it; its refusal (already closed, not ended yet, ledger replaying) is shown on the
 * confirmation page, and nothing changes.
 */
@Controller
@RequestMapping("/console/finance/periods/{period}/close")
class PeriodCloseController {

    private final PeriodClosing periodClosing;
    private final FinancePeriodsController reports;

    PeriodCloseController(PeriodClosing periodClosing, FinancePeriodsController reports) {
        this.periodClosing = periodClosing;
        this.reports = reports;
    }

    @GetMapping
    String confirmation(@PathVariable String period, Model model) {
        return page(AccountingPeriods.format(AccountingPeriods.parse(period)), null, model);
    }

    @PostMapping
    String close(@PathVariable String period, @RequestParam(required = false) String confirm,
                 HttpServletRequest request, HttpServletResponse response, Model model,
                 RedirectAttributes redirect) {
        String normalized = AccountingPeriods.format(AccountingPeriods.parse(period));
        if (!normalized.equals(confirm)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(normalized, "Tick the box to confirm that you close " + normalized + "; nothing was closed.",
                    model);
        }
        try {
            periodClosing.close(normalized, RequestMetadataInterceptor.actorOf(request));
        } catch (DomainException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(normalized, refused.getMessage() + ". Nothing was changed.", model);
        }
        redirect.addFlashAttribute("notice", "Period " + normalized + " is closed: its report is frozen.");
        return "redirect:/console/finance/periods/" + normalized;
    }

    private String page(String period, String problem, Model model) {
        PeriodReconciliation report = reports.report(period, 0, 1);
        model.addAttribute("report", report);
        model.addAttribute("closed", report.state() == PeriodState.CLOSED);
        model.addAttribute("problem", problem);
        return "console/finance/close";
    }
}
