-- Brings four columns of 0004 to NOT NULL, as they have been on PostgreSQL from the start
-- (`children.enrolled_on`, `attendance_events.date`, `attendance_events.classroom_id`,
-- `absence_reports.classroom_id`); the migration parity test found the drift. SQLite cannot
-- add NOT NULL to a column, so each table is rebuilt (SQLite's documented procedure: foreign
-- keys off, copy, drop, rename, check). Migrations run on a connection of their own with
-- foreign keys off (`SqliteBackend::connect`): with them on, dropping `children` would cascade
-- to `child_allergies` and dropping `absence_reports` to `absence_symptoms`.

-- Rows written before the code always filled these in get 0004's values again.
UPDATE children SET enrolled_on = date(substr(created_at, 1, 19),
    (SELECT utc_offset_minutes FROM nurseries n WHERE n.id = children.nursery_id) || ' minutes')
    WHERE enrolled_on IS NULL;
UPDATE attendance_events SET
    date = date(substr(occurred_at, 1, 19),
        (SELECT utc_offset_minutes FROM nurseries n WHERE n.id = attendance_events.nursery_id) || ' minutes')
    WHERE date IS NULL;
UPDATE attendance_events SET
    classroom_id = (SELECT classroom_id FROM children c WHERE c.id = attendance_events.child_id)
    WHERE classroom_id IS NULL;
UPDATE absence_reports SET
    classroom_id = (SELECT classroom_id FROM children c WHERE c.id = absence_reports.child_id)
    WHERE classroom_id IS NULL;

CREATE TABLE children_rebuilt (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families(id),
    classroom_id TEXT NOT NULL REFERENCES classrooms(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    name TEXT NOT NULL,
    name_kana TEXT,
    birth_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    enrolled_on TEXT NOT NULL
);
INSERT INTO children_rebuilt (id, family_id, classroom_id, nursery_id, name, name_kana, birth_date, created_at,
        enrolled_on)
    SELECT id, family_id, classroom_id, nursery_id, name, name_kana, birth_date, created_at, enrolled_on
    FROM children;
DROP TABLE children;
ALTER TABLE children_rebuilt RENAME TO children;
CREATE INDEX children_family ON children (family_id);
CREATE INDEX children_classroom ON children (classroom_id);
CREATE INDEX children_nursery ON children (nursery_id);
CREATE INDEX children_nursery_enrolled ON children (nursery_id, enrolled_on);

CREATE TABLE attendance_events_rebuilt (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    family_id TEXT NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    occurred_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    pickup_by TEXT,
    created_at TEXT NOT NULL,
    date TEXT NOT NULL,
    classroom_id TEXT NOT NULL REFERENCES classrooms(id)
);
INSERT INTO attendance_events_rebuilt (id, child_id, nursery_id, family_id, kind, occurred_at, recorded_by,
        pickup_by, created_at, date, classroom_id)
    SELECT id, child_id, nursery_id, family_id, kind, occurred_at, recorded_by, pickup_by, created_at, date,
        classroom_id
    FROM attendance_events;
DROP TABLE attendance_events;
ALTER TABLE attendance_events_rebuilt RENAME TO attendance_events;
CREATE INDEX attendance_child_time ON attendance_events (child_id, occurred_at);
CREATE INDEX attendance_nursery_time ON attendance_events (nursery_id, occurred_at);
CREATE INDEX attendance_family ON attendance_events (family_id);
CREATE INDEX attendance_recorded_by ON attendance_events (recorded_by);
CREATE INDEX attendance_classroom_date ON attendance_events (classroom_id, date);

CREATE TABLE absence_reports_rebuilt (
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
    classroom_id TEXT NOT NULL REFERENCES classrooms(id),
    UNIQUE (child_id, date, kind)
);
INSERT INTO absence_reports_rebuilt (id, child_id, nursery_id, family_id, kind, date, reason, expected_arrival,
        note, reported_by, acknowledged_by, acknowledged_at, created_at, classroom_id)
    SELECT id, child_id, nursery_id, family_id, kind, date, reason, expected_arrival, note, reported_by,
        acknowledged_by, acknowledged_at, created_at, classroom_id
    FROM absence_reports;
DROP TABLE absence_reports;
ALTER TABLE absence_reports_rebuilt RENAME TO absence_reports;
CREATE INDEX absence_nursery_date ON absence_reports (nursery_id, date);
CREATE INDEX absence_family ON absence_reports (family_id);
CREATE INDEX absence_reported_by ON absence_reports (reported_by);
CREATE INDEX absence_acknowledged_by ON absence_reports (acknowledged_by);
CREATE INDEX absence_classroom_date ON absence_reports (classroom_id, date);

-- Fails the migration (and rolls it back) if any reference no longer holds.
CREATE TEMP TABLE foreign_keys_hold (violations INTEGER CHECK (violations = 0));
INSERT INTO foreign_keys_hold SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE foreign_keys_hold;
