-- The schema SQLite reaches through its migrations 0001–0004, in PostgreSQL's types: ids and
-- clock stamps are text as there, times are timestamptz, flags boolean.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE relationships (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    ended_at   TIMESTAMPTZ,
    ended_by   TEXT REFERENCES users (id)
);

CREATE TABLE memberships (
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    role            TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
    joined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (relationship_id, user_id),
    UNIQUE (relationship_id, role)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE invites (
    id              TEXT PRIMARY KEY,
    token_hash      TEXT NOT NULL UNIQUE,
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    inviter_id      TEXT NOT NULL REFERENCES users (id),
    invitee_role    TEXT NOT NULL CHECK (invitee_role IN ('mentor', 'mentee')),
    created_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    used_by         TEXT REFERENCES users (id),
    revoked_at      TIMESTAMPTZ,
    declined_at     TIMESTAMPTZ
);
CREATE INDEX invites_by_relationship ON invites (relationship_id);

CREATE TABLE records (
    id              TEXT PRIMARY KEY,
    relationship_id TEXT NOT NULL REFERENCES relationships (id),
    kind            TEXT NOT NULL,
    author_id       TEXT NOT NULL REFERENCES users (id),
    private         BOOLEAN NOT NULL
);

CREATE TABLE record_fields (
    record_id       TEXT NOT NULL REFERENCES records (id),
    field           TEXT NOT NULL,
    value           TEXT NOT NULL,
    hlc             TEXT COLLATE "C" NOT NULL,
    relationship_id TEXT NOT NULL,
    version         BIGINT NOT NULL,
    PRIMARY KEY (record_id, field)
);
CREATE INDEX record_fields_by_relationship_version ON record_fields (relationship_id, version);

-- The last change version handed out; one row. A push holds this row's lock from reading it
-- to its commit, so versions become visible in the order they were handed out.
CREATE TABLE sync_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO sync_state (id, version) VALUES (1, 0);

CREATE TABLE known_devices (
    token_hash   TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_used_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (token_hash, user_id)
);
CREATE INDEX known_devices_by_user ON known_devices (user_id, last_used_at);

-- The secret invite links are derived from. SQLite keeps it in a file beside the database; here
-- every server sharing the database must derive the same links, so it lives in the database.
CREATE TABLE server_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BYTEA NOT NULL CHECK (length(key) = 32)
);
