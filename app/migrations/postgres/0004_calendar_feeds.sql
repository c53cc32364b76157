-- A person's subscription link to one relationship's sessions: only the token's SHA-256 is
-- stored, one link per person and relationship (a new one replaces the old).
CREATE TABLE calendar_feeds (
    token_hash      TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id),
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, relationship_id)
);
CREATE INDEX calendar_feeds_by_relationship ON calendar_feeds (relationship_id);
