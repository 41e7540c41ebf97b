package io.omnireturns.console.portal.photos;

import io.swagger.v3.oas.annotations.Hidden;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.console.portal.shell.PortalShopper;
import io.omnireturns.console.portal.tracking.ShopperReturns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Optional;

/** A shopper adds photos to their return (a damaged item) and sees them again; nobody else's. */
@Controller
@Hidden // a page's resource, not part of the API document
@RequestMapping("/portal/returns/{returnId}/photos")
class PhotoController {

    private final ShopperReturns returns;
    private final ReturnPhotos photos;

    PhotoController(ShopperReturns returns, ReturnPhotos photos) {
        this.returns = returns;
        this.photos = photos;
    }

    /** The upload form's body ({@code multipart/form-data} with one file, {@code photo}). */
    @PostMapping
    String upload(@PathVariable String returnId, PortalShopper shopper, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Optional<ReturnStatusView> view = returns.find(returnId, shopper);
        if (view.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/missing";
        }
        byte[] photo = PhotoUploadBody.file(request.getContentType(), request.getInputStream().readAllBytes(), "photo")
                .orElse(null);
        ReturnPhotos.Upload upload = photos.add(returnId, view.get().customerId(), shopper.name(), photo);
        redirect.addFlashAttribute(upload.stored() ? "photoAdded" : "photoProblem",
                upload.stored() ? "Thank you: your photo was added." : upload.refusal());
        return "redirect:/portal/returns/" + returnId + "#photos";
    }

    @GetMapping("/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String returnId, @PathVariable String photoId, PortalShopper shopper) {
        return returns.find(returnId, shopper).flatMap(view -> photos.find(returnId, photoId))
                .map(ReturnPhotoResponses::of)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
