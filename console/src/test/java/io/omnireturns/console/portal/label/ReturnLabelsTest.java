package io.omnireturns.console.portal.label;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnLabelsTest {

    private static final ReturnLabels.LabelFacts LABEL =
            new ReturnLabels.LabelFacts("RET-0042", "ORD-1001", "1ZSANDBOX0000042", "SANDBOX-CARRIER");

    private final ReturnLabels labels = new ReturnLabels();

    @Test
    void the_qr_code_reads_back_as_the_return_id_and_the_label_reference() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(labels.qrPng(LABEL)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());

        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();

        assertThat(read).isEqualTo("omnireturns:return:RET-0042:label:1ZSANDBOX0000042");
    }

    @Test
    void the_pdf_is_one_page_naming_the_return_the_order_and_the_label() throws Exception {
        byte[] pdf = labels.pdf(LABEL);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Return label", "Return RET-0042", "Order ORD-1001",
                    "Label 1ZSANDBOX0000042 (SANDBOX-CARRIER)");
        } finally {
            reader.close();
        }
    }
}
