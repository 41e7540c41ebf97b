package io.omnireturns.console.portal.photos;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored photo as an answer: its own type (as checked when stored), private to the browser, never sniffed. */
public final class ReturnPhotoResponses {

    private ReturnPhotoResponses() {
    }

    public static ResponseEntity<byte[]> of(ReturnPhotos.Photo photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.type().contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }
}
