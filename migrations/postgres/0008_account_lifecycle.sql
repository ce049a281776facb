-- Accounts through the year: invitations and reset codes (one-time, stored hashed), accounts
-- switched off and on again, and what a user sees of their own sessions.

ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMPTZ;

ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_used_at TIMESTAMPTZ;

-- An invitation carries the account to create when its code is used; a reset names the
-- account whose password the code sets. Only one code is live per row: reissuing replaces it.
CREATE TABLE account_codes (
    id UUID PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('INVITATION', 'RESET')),
    code_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'MUNICIPAL_OFFICER', 'NURSERY_ADMIN', 'STAFF', 'GUARDIAN')),
    scope_id UUID,
    nursery_id UUID REFERENCES nurseries(id),
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX account_codes_nursery ON account_codes (nursery_id, created_at);
CREATE INDEX account_codes_user ON account_codes (user_id);
CREATE INDEX account_codes_created_by ON account_codes (created_by);
CREATE INDEX account_codes_email ON account_codes (email);

-- Children through the year: the classroom each child is in from each date (reports count a
-- day by the classroom of that day), and the withdrawal date (not enrolled from that day on;
-- `withdrawn_at` is its first instant at the nursery, for rosters read by the clock).
ALTER TABLE children ADD COLUMN withdrawn_on DATE;
ALTER TABLE children ADD COLUMN withdrawn_at TIMESTAMPTZ;

CREATE TABLE child_placements (
    child_id UUID NOT NULL REFERENCES children(id),
    classroom_id UUID NOT NULL REFERENCES classrooms(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    from_date DATE NOT NULL,
    until_date DATE,
    PRIMARY KEY (child_id, from_date)
);
CREATE INDEX child_placements_classroom ON child_placements (classroom_id);
CREATE INDEX child_placements_nursery ON child_placements (nursery_id, from_date);

INSERT INTO child_placements (child_id, classroom_id, nursery_id, from_date, until_date)
    SELECT id, classroom_id, nursery_id, enrolled_on, NULL FROM children;
