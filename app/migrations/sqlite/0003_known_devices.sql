-- Browsers that have signed in to an account before: guessing at the account's password from
-- elsewhere slows down, but not for them. A browser has one token, which can be known to
-- several accounts (a shared computer); tokens are stored hashed, as session tokens are.
CREATE TABLE known_devices (
    token_hash   TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_used_at TEXT NOT NULL,
    PRIMARY KEY (token_hash, user_id)
);
CREATE INDEX known_devices_by_user ON known_devices (user_id, last_used_at);
