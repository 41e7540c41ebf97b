package io.omnireturns.console.returns;

import io.swagger.v3.oas.annotations.Hidden;
import io.omnireturns.console.portal.photos.ReturnPhotoResponses;
import io.omnireturns.console.portal.photos.ReturnPhotos;
import io.omnireturns.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The photos a customer uploaded with a return in the shopper portal, for staff (the return's page links them): the
 * list and each photo, within the caller's scope like the return's page itself.
 */
@Controller
@Hidden // a page's resource, not part of the API document
@RequestMapping("/console/returns/{returnId}/photos")
class CustomerPhotosController {

    private final ReturnPageModel pages;
    private final ReturnPhotos photos;

    CustomerPhotosController(ReturnPageModel pages, ReturnPhotos photos) {
        this.pages = pages;
        this.photos = photos;
    }

    @GetMapping
    String list(@PathVariable String returnId, Caller caller, Model model) {
        pages.visible(returnId, caller); // 404 outside the scope
        model.addAttribute("returnId", returnId);
        model.addAttribute("photos", photos.list(returnId));
        return "console/returns/photos";
    }

    @GetMapping("/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String returnId, @PathVariable String photoId, Caller caller) {
        pages.visible(returnId, caller);
        return photos.find(returnId, photoId).map(ReturnPhotoResponses::of)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
