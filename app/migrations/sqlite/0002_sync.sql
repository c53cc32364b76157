-- Synced records: one row per record, one row per field (a last-writer-wins register).
CREATE TABLE records (
    id              TEXT PRIMARY KEY NOT NULL,
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    kind            TEXT NOT NULL,
    author_id       TEXT NOT NULL REFERENCES users (id),
    private         INTEGER NOT NULL CHECK (private IN (0, 1))
);

CREATE TABLE record_fields (
    record_id       TEXT NOT NULL REFERENCES records (id),
    field           TEXT NOT NULL,
    -- JSON
    value           TEXT NOT NULL,
    -- hybrid logical clock, fixed-width text: compares as the clock does
    hlc             TEXT NOT NULL,
    -- copied from the record, so a pull reads one index range
    relationship_id TEXT NOT NULL,
    -- server-assigned, increasing in commit order: what pull cursors count
    version         INTEGER NOT NULL,
    PRIMARY KEY (record_id, field)
);
CREATE INDEX record_fields_by_relationship_version ON record_fields (relationship_id, version);

-- The last change version handed out; one row.
CREATE TABLE sync_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO sync_state (id, version) VALUES (1, 0);
