-- Photos shoppers upload with a return (a damaged item), kept beside the return, seen only by its owner and staff.
CREATE TABLE portal_return_photo (
    photo_id     VARCHAR(36)  PRIMARY KEY,
    return_id    VARCHAR(64)  NOT NULL,
    customer_id  VARCHAR(64)  NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(200) NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX portal_return_photo_by_return ON portal_return_photo (return_id, uploaded_at);
