-- Accounts through the year: invitations and reset codes (one-time, stored hashed), accounts
-- switched off and on again, and what a user sees of their own sessions.

ALTER TABLE users ADD COLUMN deactivated_at TEXT;

ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_used_at TEXT;

-- An invitation carries the account to create when its code is used; a reset names the
-- account whose password the code sets. Only one code is live per row: reissuing replaces it.
CREATE TABLE account_codes (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('INVITATION', 'RESET')),
    code_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'MUNICIPAL_OFFICER', 'NURSERY_ADMIN', 'STAFF', 'GUARDIAN')),
    scope_id TEXT,
    nursery_id TEXT REFERENCES nurseries(id),
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX account_codes_nursery ON account_codes (nursery_id, created_at);
CREATE INDEX account_codes_user ON account_codes (user_id);
CREATE INDEX account_codes_created_by ON account_codes (created_by);
CREATE INDEX account_codes_email ON account_codes (email);
