package io.omnireturns.console.portal.photos;

import io.omnireturns.console.portal.shell.PortalProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The photos of returns, in PostgreSQL ({@code portal_return_photo}): at most {@link PortalProperties#photoMaxCount()}
 * per return, each at most {@link PortalProperties#photoMaxSize()}, each a JPEG, PNG or WebP by its bytes. A refused
 * photo stores nothing. Who may see a return's photos is its owner's and staff's business, decided by the callers.
 */
@Component
public class ReturnPhotos {

    /** A stored photo, without its bytes. */
    public record PhotoInfo(String photoId, String contentType, int sizeBytes, Instant uploadedAt) {
    }

    /** A stored photo with its bytes. */
    public record Photo(ImageType type, byte[] bytes) {
    }

    /** What an upload came to: stored under an id, or refused with a message for the shopper. */
    public record Upload(String photoId, String refusal) {
        public boolean stored() {
            return photoId != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PortalProperties properties;
    private final Clock clock;

    ReturnPhotos(JdbcTemplate jdbc, PlatformTransactionManager transactions, PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    public List<PhotoInfo> list(String returnId) {
        return jdbc.query("SELECT photo_id, content_type, size_bytes, uploaded_at FROM portal_return_photo "
                        + "WHERE return_id = ? ORDER BY uploaded_at, photo_id",
                (row, n) -> new PhotoInfo(row.getString(1), row.getString(2), row.getInt(3),
                        row.getTimestamp(4).toInstant()), returnId);
    }

    public Optional<Photo> find(String returnId, String photoId) {
        return jdbc.query("SELECT content_type, content FROM portal_return_photo WHERE return_id = ? AND photo_id = ?",
                (row, n) -> new Photo(ImageType.ofContentType(row.getString(1)), row.getBytes(2)),
                returnId, photoId).stream().findFirst();
    }

    /** Checks the photo and, if it passes, stores it with the return. */
    public Upload add(String returnId, String customerId, String uploadedBy, byte[] bytes) {
        long maxSize = properties.photoMaxSize().toBytes();
        if (bytes == null || bytes.length == 0) {
            return refused("Choose a photo to upload.");
        }
        if (bytes.length > maxSize) {
            return refused("That photo is too large: the limit is " + properties.photoMaxSize().toMegabytes()
                    + " MB per photo.");
        }
        Optional<ImageType> type = ImageType.of(bytes);
        if (type.isEmpty()) {
            return refused("That file is not a photo we can take: upload a JPEG, PNG or WebP picture.");
        }
        return transaction.execute(status -> {
            // one upload at a time per return, so two at once cannot both take the last place
            jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", row -> { }, "portal-photos:" + returnId);
            Integer count = jdbc.queryForObject("SELECT count(*) FROM portal_return_photo WHERE return_id = ?",
                    Integer.class, returnId);
            if (count != null && count >= properties.photoMaxCount()) {
                return refused("This return already has " + properties.photoMaxCount()
                        + " photos, the most it can have.");
            }
            String photoId = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO portal_return_photo (photo_id, return_id, customer_id, content_type, size_bytes, "
                            + "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    photoId, returnId, customerId, type.get().contentType(), bytes.length, bytes, uploadedBy,
                    Timestamp.from(clock.instant()));
            return new Upload(photoId, null);
        });
    }

    private static Upload refused(String message) {
        return new Upload(null, message);
    }
}
