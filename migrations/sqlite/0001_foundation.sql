-- Foundation: accounts, organisation, attendance, absences, the event log, idempotency keys.
-- Ids are hyphenated UUID text; instants are fixed-width UTC RFC 3339 text (text order is
-- time order); dates are YYYY-MM-DD in the nursery's calendar.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'ja-JP',
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE role_grants (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'MUNICIPAL_OFFICER', 'NURSERY_ADMIN', 'STAFF', 'GUARDIAN')),
    scope_id TEXT,
    UNIQUE (user_id, role, scope_id)
);
CREATE INDEX role_grants_scope ON role_grants (scope_id, role);
CREATE INDEX role_grants_role ON role_grants (role);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE municipalities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE nurseries (
    id TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities(id),
    name TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL DEFAULT 540,
    created_at TEXT NOT NULL
);
CREATE INDEX nurseries_municipality ON nurseries (municipality_id);

CREATE TABLE classrooms (
    id TEXT PRIMARY KEY,
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    name TEXT NOT NULL,
    age_band INTEGER NOT NULL CHECK (age_band BETWEEN 0 AND 5),
    created_at TEXT NOT NULL,
    UNIQUE (nursery_id, name)
);

CREATE TABLE families (
    id TEXT PRIMARY KEY,
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    created_at TEXT NOT NULL
);
CREATE INDEX families_nursery ON families (nursery_id);

CREATE TABLE children (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families(id),
    classroom_id TEXT NOT NULL REFERENCES classrooms(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    name TEXT NOT NULL,
    name_kana TEXT,
    birth_date TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX children_family ON children (family_id);
CREATE INDEX children_classroom ON children (classroom_id);
CREATE INDEX children_nursery ON children (nursery_id);

CREATE TABLE attendance_events (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    family_id TEXT NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    occurred_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    pickup_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX attendance_child_time ON attendance_events (child_id, occurred_at);
CREATE INDEX attendance_nursery_time ON attendance_events (nursery_id, occurred_at);
CREATE INDEX attendance_family ON attendance_events (family_id);
CREATE INDEX attendance_recorded_by ON attendance_events (recorded_by);

CREATE TABLE absence_reports (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    family_id TEXT NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL CHECK (kind IN ('ABSENCE', 'LATE', 'EARLY_PICKUP')),
    date TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('ILLNESS', 'FAMILY', 'MEDICAL_APPOINTMENT', 'OTHER')),
    expected_arrival TEXT,
    note TEXT,
    reported_by TEXT NOT NULL REFERENCES users(id),
    acknowledged_by TEXT REFERENCES users(id),
    acknowledged_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (child_id, date, kind)
);
CREATE INDEX absence_nursery_date ON absence_reports (nursery_id, date);
CREATE INDEX absence_family ON absence_reports (family_id);
CREATE INDEX absence_reported_by ON absence_reports (reported_by);
CREATE INDEX absence_acknowledged_by ON absence_reports (acknowledged_by);

CREATE TABLE absence_symptoms (
    absence_id TEXT NOT NULL REFERENCES absence_reports(id) ON DELETE CASCADE,
    symptom TEXT NOT NULL CHECK (symptom IN ('FEVER', 'COUGH', 'RUNNY_NOSE', 'DIARRHEA', 'VOMITING', 'RASH', 'CONJUNCTIVITIS', 'OTHER')),
    PRIMARY KEY (absence_id, symptom)
);

-- The ordered log behind live subscriptions and replays. tx_id is always 0 here: SQLite has
-- one writer, so seq order is commit order.
CREATE TABLE event_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tx_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    nursery_id TEXT NOT NULL,
    family_id TEXT,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX event_log_position ON event_log (tx_id, seq);
CREATE INDEX event_log_entity ON event_log (entity_id);
CREATE INDEX event_log_nursery ON event_log (nursery_id, tx_id, seq);
CREATE INDEX event_log_family ON event_log (family_id, tx_id, seq);

CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    operation TEXT NOT NULL,
    result_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
