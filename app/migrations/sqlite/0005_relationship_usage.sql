-- Bytes each person's records hold in each relationship: their fields' values and 64 for each
-- field's name, stamp and ids. Kept by every push, so that a push can refuse growth past the
-- server's limit without adding up a relationship's fields each time.
CREATE TABLE relationship_usage (
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    author_id       TEXT NOT NULL REFERENCES users (id),
    bytes           INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, author_id)
);
INSERT INTO relationship_usage (relationship_id, author_id, bytes)
SELECT r.relationship_id, r.author_id, SUM(length(CAST(f.value AS BLOB)) + 64)
FROM records r JOIN record_fields f ON f.record_id = r.id
GROUP BY r.relationship_id, r.author_id;
