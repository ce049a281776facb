-- Municipal oversight: what reports aggregate over (the local date and classroom of every
-- arrival and absence, a child's enrolment date), a daily attendance rollup, infection
-- surveillance rules and alerts, and the audit log.

ALTER TABLE children ADD COLUMN enrolled_on TEXT;
UPDATE children SET enrolled_on = date(substr(created_at, 1, 19),
    (SELECT utc_offset_minutes FROM nurseries n WHERE n.id = children.nursery_id) || ' minutes');
CREATE INDEX children_nursery_enrolled ON children (nursery_id, enrolled_on);

-- The classroom a record was made in: children move up a classroom every April, and last
-- year's figures stay with last year's classroom.
ALTER TABLE attendance_events ADD COLUMN date TEXT;
ALTER TABLE attendance_events ADD COLUMN classroom_id TEXT REFERENCES classrooms(id);
UPDATE attendance_events SET
    date = date(substr(occurred_at, 1, 19),
        (SELECT utc_offset_minutes FROM nurseries n WHERE n.id = attendance_events.nursery_id) || ' minutes'),
    classroom_id = (SELECT classroom_id FROM children c WHERE c.id = attendance_events.child_id);
CREATE INDEX attendance_classroom_date ON attendance_events (classroom_id, date);

ALTER TABLE absence_reports ADD COLUMN classroom_id TEXT REFERENCES classrooms(id);
UPDATE absence_reports SET classroom_id = (SELECT classroom_id FROM children c WHERE c.id = absence_reports.child_id);
CREATE INDEX absence_classroom_date ON absence_reports (classroom_id, date);

-- Children present per classroom per day, kept in the check-in's transaction (a child's first
-- check-in of the day counts once), so a year's report reads thousands of rows, not millions.
CREATE TABLE classroom_day_attendance (
    classroom_id TEXT NOT NULL REFERENCES classrooms(id),
    date TEXT NOT NULL,
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    present INTEGER NOT NULL,
    PRIMARY KEY (classroom_id, date)
);
CREATE INDEX classroom_day_attendance_nursery ON classroom_day_attendance (nursery_id, date);
INSERT INTO classroom_day_attendance (classroom_id, date, nursery_id, present)
    SELECT classroom_id, date, nursery_id, count(DISTINCT child_id) FROM attendance_events
    WHERE kind = 'CHECK_IN' GROUP BY classroom_id, date, nursery_id;

CREATE TABLE infection_alert_rules (
    municipality_id TEXT PRIMARY KEY REFERENCES municipalities(id),
    min_children INTEGER NOT NULL CHECK (min_children >= 2),
    window_days INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 14),
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at TEXT NOT NULL
);
CREATE INDEX infection_alert_rules_updated_by ON infection_alert_rules (updated_by);

-- A cluster of one symptom in one classroom. Counts only: no child is named.
CREATE TABLE infection_alerts (
    id TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    classroom_id TEXT NOT NULL REFERENCES classrooms(id),
    symptom TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    children INTEGER NOT NULL,
    min_children INTEGER NOT NULL,
    window_days INTEGER NOT NULL,
    raised_at TEXT NOT NULL
);
CREATE INDEX infection_alerts_municipality ON infection_alerts (municipality_id, window_end);
CREATE INDEX infection_alerts_nursery ON infection_alerts (nursery_id, window_end);
CREATE INDEX infection_alerts_classroom ON infection_alerts (classroom_id, symptom, window_end);

-- Who read or changed what, when, from where; never the content. actor_id has no foreign key
-- on purpose: the trail outlives what it names.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT,
    access TEXT NOT NULL CHECK (access IN ('READ', 'WRITE')),
    operation TEXT NOT NULL,
    nursery_id TEXT,
    entity_ids TEXT NOT NULL,
    client_addr TEXT
);
CREATE INDEX audit_log_nursery ON audit_log (nursery_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
