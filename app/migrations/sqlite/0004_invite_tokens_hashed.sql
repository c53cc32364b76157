-- Invite tokens are no longer stored: an invite has an id, its link's token is derived from the id
-- with the server's secret key (kept outside the database), and only the token's SHA-256 is
-- stored to look it up. Tokens stored before cannot be hashed here: their invites are revoked
-- (the inviter makes a new link).
CREATE TABLE invites_hashed (
    id              TEXT PRIMARY KEY NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    inviter_id      TEXT NOT NULL REFERENCES users (id),
    invitee_role    TEXT NOT NULL CHECK (invitee_role IN ('mentor', 'mentee')),
    created_at      TEXT NOT NULL,
    used_at         TEXT,
    used_by         TEXT REFERENCES users (id),
    revoked_at      TEXT,
    declined_at     TEXT
);
INSERT INTO invites_hashed
SELECT lower(hex(randomblob(16))), 'withdrawn:' || lower(hex(randomblob(16))), relationship_id,
       inviter_id, invitee_role, created_at, used_at, used_by,
       CASE WHEN used_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL
            THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE revoked_at END,
       declined_at
FROM invites ORDER BY rowid;
DROP TABLE invites;
ALTER TABLE invites_hashed RENAME TO invites;
CREATE INDEX invites_by_relationship ON invites (relationship_id);
