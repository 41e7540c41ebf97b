package io.omnireturns.console.portal.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A return's label for the parcel: a PDF to print, and the same code as a QR image for printerless drop-off (the
 * drop-off point scans it from the shopper's phone). Both carry {@link #code}: the return id and the carrier's
 * label reference (its tracking number).
 */
@Component
public class ReturnLabels {

    /** What a label identifies: the return and the carrier's label. */
    public record LabelFacts(String returnId, String orderId, String trackingNumber, String carrier) {
    }

    private static final int QR_SIZE = 360;

    /** The text the QR code holds: {@code omnireturns:return:<returnId>:label:<trackingNumber>}. */
    public static String code(LabelFacts label) {
        return "omnireturns:return:" + label.returnId() + ":label:" + label.trackingNumber();
    }

    /** The QR code as a PNG image. */
    public byte[] qrPng(LabelFacts label) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(qrImage(label), "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label as a one-page PDF (A6, a common label size): what it is for, the references and the QR code. */
    public byte[] pdf(LabelFacts label) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6, 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, pdf);
            document.addTitle("Return label " + label.returnId());
            document.open();
            document.add(new Paragraph("Return label", new Font(Font.HELVETICA, 18, Font.BOLD)));
            Font text = new Font(Font.HELVETICA, 10);
            document.add(new Paragraph("Return " + label.returnId(), text));
            document.add(new Paragraph("Order " + label.orderId(), text));
            document.add(new Paragraph("Label " + label.trackingNumber()
                    + (label.carrier() == null ? "" : " (" + label.carrier() + ")"), text));
            Image qr = Image.getInstance(qrPng(label));
            qr.scaleToFit(170, 170);
            qr.setAlignment(Element.ALIGN_CENTER);
            document.add(qr);
            document.add(new Paragraph("Stick this label on your parcel, or show the QR code at the drop-off point.",
                    new Font(Font.HELVETICA, 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            document.close();
        }
        return pdf.toByteArray();
    }

    private static BufferedImage qrImage(LabelFacts label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(code(label), BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("the label code does not fit a QR code", e);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
