package io.omnireturns.console.portal.photos;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoUploadBodyTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX7";

    @Test
    void the_photo_part_is_read_byte_for_byte_beside_other_fields() {
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, '\r', '\n', '-', '-', 0, 1, 2};
        byte[] body = body(part("_csrf", null, "token".getBytes(StandardCharsets.US_ASCII)),
                part("photo", "damage.jpg", photo));

        assertThat(PhotoUploadBody.file(TYPE, body, "photo")).hasValueSatisfying(
                read -> assertThat(read).containsExactly(photo));
    }

    @Test
    void a_body_without_the_field_or_not_a_form_has_no_photo() {
        byte[] body = body(part("other", "x.jpg", new byte[]{1, 2, 3}));

        assertThat(PhotoUploadBody.file(TYPE, body, "photo")).isEmpty();
        assertThat(PhotoUploadBody.file("application/json", body, "photo")).isEmpty();
        assertThat(PhotoUploadBody.file(null, body, "photo")).isEmpty();
        assertThat(PhotoUploadBody.file(TYPE, "garbage".getBytes(StandardCharsets.US_ASCII), "photo")).isEmpty();
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        String headers = "------WebKitFormBoundaryX7\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/jpeg") + "\r\n\r\n";
        part.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return part.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        body.writeBytes("------WebKitFormBoundaryX7--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
