package io.omnireturns.console.portal.photos;

import java.util.Optional;

/**
 * The picture formats a shopper may upload, recognised by the file's first bytes (its "magic"), never by the name or
 * the content type the browser claims.
 */
public enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** What the bytes are, if one of the accepted formats. */
    public static Optional<ImageType> of(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_SIGNATURE, 0)) {
            return Optional.of(PNG);
        }
        // RIFF <4-byte size> WEBP
        if (bytes.length >= 12 && startsWith(bytes, new byte[]{'R', 'I', 'F', 'F'}, 0)
                && startsWith(bytes, new byte[]{'W', 'E', 'B', 'P'}, 8)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type stored with a photo, back from its content type. */
    static ImageType ofContentType(String contentType) {
        for (ImageType type : values()) {
            if (type.contentType.equals(contentType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a photo type: " + contentType);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
