-- Foundation: accounts, organisation, attendance, absences, the event log, idempotency keys.
-- Ids are uuid; instants are timestamptz; dates are YYYY-MM-DD in the nursery's calendar.

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'ja-JP',
    password_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE role_grants (
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'MUNICIPAL_OFFICER', 'NURSERY_ADMIN', 'STAFF', 'GUARDIAN')),
    scope_id UUID,
    UNIQUE (user_id, role, scope_id)
);
CREATE INDEX role_grants_scope ON role_grants (scope_id, role);
CREATE INDEX role_grants_role ON role_grants (role);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE municipalities (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE nurseries (
    id UUID PRIMARY KEY,
    municipality_id UUID NOT NULL REFERENCES municipalities(id),
    name TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL DEFAULT 540,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX nurseries_municipality ON nurseries (municipality_id);

CREATE TABLE classrooms (
    id UUID PRIMARY KEY,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    name TEXT NOT NULL,
    age_band INTEGER NOT NULL CHECK (age_band BETWEEN 0 AND 5),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (nursery_id, name)
);

CREATE TABLE families (
    id UUID PRIMARY KEY,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX families_nursery ON families (nursery_id);

CREATE TABLE children (
    id UUID PRIMARY KEY,
    family_id UUID NOT NULL REFERENCES families(id),
    classroom_id UUID NOT NULL REFERENCES classrooms(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    name TEXT NOT NULL,
    name_kana TEXT,
    birth_date DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX children_family ON children (family_id);
CREATE INDEX children_classroom ON children (classroom_id);
CREATE INDEX children_nursery ON children (nursery_id);

CREATE TABLE attendance_events (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_by UUID NOT NULL REFERENCES users(id),
    pickup_by TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX attendance_child_time ON attendance_events (child_id, occurred_at);
CREATE INDEX attendance_nursery_time ON attendance_events (nursery_id, occurred_at);
CREATE INDEX attendance_family ON attendance_events (family_id);
CREATE INDEX attendance_recorded_by ON attendance_events (recorded_by);

CREATE TABLE absence_reports (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL CHECK (kind IN ('ABSENCE', 'LATE', 'EARLY_PICKUP')),
    date DATE NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('ILLNESS', 'FAMILY', 'MEDICAL_APPOINTMENT', 'OTHER')),
    expected_arrival TIMESTAMPTZ,
    note TEXT,
    reported_by UUID NOT NULL REFERENCES users(id),
    acknowledged_by UUID REFERENCES users(id),
    acknowledged_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (child_id, date, kind)
);
CREATE INDEX absence_nursery_date ON absence_reports (nursery_id, date);
CREATE INDEX absence_family ON absence_reports (family_id);
CREATE INDEX absence_reported_by ON absence_reports (reported_by);
CREATE INDEX absence_acknowledged_by ON absence_reports (acknowledged_by);

CREATE TABLE absence_symptoms (
    absence_id UUID NOT NULL REFERENCES absence_reports(id) ON DELETE CASCADE,
    symptom TEXT NOT NULL CHECK (symptom IN ('FEVER', 'COUGH', 'RUNNY_NOSE', 'DIARRHEA', 'VOMITING', 'RASH', 'CONJUNCTIVITIS', 'OTHER')),
    PRIMARY KEY (absence_id, symptom)
);

-- The ordered log behind live subscriptions and replays. tx_id is the writing transaction's
-- id: readers take only entries below the snapshot xmin, in (tx_id, seq) order.
CREATE TABLE event_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    nursery_id UUID NOT NULL,
    family_id UUID,
    entity_id UUID NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_log_position ON event_log (tx_id, seq);
CREATE INDEX event_log_entity ON event_log (entity_id);
CREATE INDEX event_log_nursery ON event_log (nursery_id, tx_id, seq);
CREATE INDEX event_log_family ON event_log (family_id, tx_id, seq);

CREATE TABLE idempotency_keys (
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    operation TEXT NOT NULL,
    result_id UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
