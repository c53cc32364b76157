-- Bytes of field values each relationship holds, kept by every push, so that a push can refuse
-- growth past the server's limit without adding up a relationship's fields each time.
ALTER TABLE relationships ADD COLUMN stored_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET stored_bytes = (
    SELECT COALESCE(SUM(octet_length(f.value)), 0)
    FROM record_fields f WHERE f.relationship_id = relationships.id
);
