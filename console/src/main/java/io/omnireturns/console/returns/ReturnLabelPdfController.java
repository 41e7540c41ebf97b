package io.omnireturns.console.returns;

import io.swagger.v3.oas.annotations.Hidden;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.console.portal.label.ReturnLabels;
import io.omnireturns.console.portal.tracking.ShopperReturns;
import io.omnireturns.platform.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The return label the customer has in the shopper portal, for staff (a customer on the phone without a printer). */
@Controller
@Hidden // a page's resource, not part of the API document
class ReturnLabelPdfController {

    private final ReturnPageModel pages;
    private final ReturnLabels labels;

    ReturnLabelPdfController(ReturnPageModel pages, ReturnLabels labels) {
        this.pages = pages;
        this.labels = labels;
    }

    @GetMapping("/console/returns/{returnId}/label.pdf")
    ResponseEntity<byte[]> label(@PathVariable String returnId, Caller caller) {
        ReturnStatusView view = pages.visible(returnId, caller);
        return ShopperReturns.label(view)
                .map(label -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .body(labels.pdf(new ReturnLabels.LabelFacts(returnId, view.orderId(), label.trackingNumber(),
                                label.carrier()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
