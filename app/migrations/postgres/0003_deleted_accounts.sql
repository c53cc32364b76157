-- A deleted account keeps its row, so that what it shared stays with its author "a former
-- member": its e-mail is replaced (free for a new account), its name and password erased.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;
