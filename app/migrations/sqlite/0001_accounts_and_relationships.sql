-- Ids are UUID text, times RFC 3339 UTC text.
CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE relationships (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    started_at TEXT,
    ended_at   TEXT,
    ended_by   TEXT REFERENCES users (id)
);

CREATE TABLE memberships (
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    role            TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
    joined_at       TEXT NOT NULL,
    PRIMARY KEY (relationship_id, user_id),
    -- one mentor and one mentee per relationship
    UNIQUE (relationship_id, role)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE invites (
    token           TEXT PRIMARY KEY NOT NULL,
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    inviter_id      TEXT NOT NULL REFERENCES users (id),
    invitee_role    TEXT NOT NULL CHECK (invitee_role IN ('mentor', 'mentee')),
    created_at      TEXT NOT NULL,
    used_at         TEXT,
    used_by         TEXT REFERENCES users (id),
    revoked_at      TEXT,
    declined_at     TEXT
);
CREATE INDEX invites_by_relationship ON invites (relationship_id);
