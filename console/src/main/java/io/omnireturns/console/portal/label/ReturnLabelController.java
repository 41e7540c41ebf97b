package io.omnireturns.console.portal.label;

import io.swagger.v3.oas.annotations.Hidden;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.console.portal.shell.PortalShopper;
import io.omnireturns.console.portal.tracking.ShopperReturns;
import org.springframework.stereotype.Controller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Optional;
import java.util.function.Function;

/**
 * The label of a shopper's own return, as a PDF and as a QR code image; 404 for anyone else's, and until the carrier
 * issued the label.
 */
@Controller
@Hidden // a page's resource, not part of the API document
@RequestMapping("/portal/returns/{returnId}")
class ReturnLabelController {

    private final ShopperReturns returns;
    private final ReturnLabels labels;

    ReturnLabelController(ShopperReturns returns, ReturnLabels labels) {
        this.returns = returns;
        this.labels = labels;
    }

    @GetMapping("/label.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String returnId, PortalShopper shopper) {
        return answer(returnId, shopper, MediaType.APPLICATION_PDF, labels::pdf, "return-label-" + returnId + ".pdf");
    }

    @GetMapping("/label-qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String returnId, PortalShopper shopper) {
        return answer(returnId, shopper, MediaType.IMAGE_PNG, labels::qrPng, null);
    }

    private ResponseEntity<byte[]> answer(String returnId, PortalShopper shopper, MediaType type,
                                          Function<ReturnLabels.LabelFacts, byte[]> render, String fileName) {
        Optional<ReturnStatusView> view = returns.find(returnId, shopper);
        Optional<ShopperReturns.Label> label = view.flatMap(ShopperReturns::label);
        if (label.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        ReturnLabels.LabelFacts facts = new ReturnLabels.LabelFacts(returnId, view.get().orderId(),
                label.get().trackingNumber(), label.get().carrier());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(type)
                .cacheControl(CacheControl.noStore().cachePrivate());
        if (fileName != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString());
        }
        return ok.body(render.apply(facts));
    }
}
