package io.omnireturns.console.portal.photos;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ImageTypeTest {

    @Test
    void a_jpeg_and_a_png_written_by_java_are_recognised_by_their_bytes() throws IOException {
        assertThat(ImageType.of(picture("jpg"))).contains(ImageType.JPEG);
        assertThat(ImageType.of(picture("png"))).contains(ImageType.PNG);
    }

    @Test
    void a_webp_is_recognised_by_its_riff_header() {
        byte[] webp = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

        assertThat(ImageType.of(webp)).contains(ImageType.WEBP);
    }

    @Test
    void other_files_are_not_photos_whatever_they_claim() {
        assertThat(ImageType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageType.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        // a RIFF that is not WebP (a WAV sound)
        assertThat(ImageType.of(new byte[]{'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'})).isEmpty();
        // the first bytes of a PNG signature, cut short
        assertThat(ImageType.of(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(ImageType.of(new byte[0])).isEmpty();
        assertThat(ImageType.of(null)).isEmpty();
    }

    private static byte[] picture(String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, bytes);
        return bytes.toByteArray();
    }
}
