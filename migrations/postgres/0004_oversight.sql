-- Municipal oversight: what reports aggregate over (the local date and classroom of every
-- arrival and absence, a child's enrolment date), a daily attendance rollup, infection
-- surveillance rules and alerts, and the audit log.

ALTER TABLE children ADD COLUMN enrolled_on DATE;
UPDATE children c SET enrolled_on = (c.created_at AT TIME ZONE 'UTC' + make_interval(mins => n.utc_offset_minutes))::date
    FROM nurseries n WHERE n.id = c.nursery_id;
ALTER TABLE children ALTER COLUMN enrolled_on SET NOT NULL;
CREATE INDEX children_nursery_enrolled ON children (nursery_id, enrolled_on);

-- The classroom a record was made in: children move up a classroom every April, and last
-- year's figures stay with last year's classroom.
ALTER TABLE attendance_events ADD COLUMN date DATE;
ALTER TABLE attendance_events ADD COLUMN classroom_id UUID REFERENCES classrooms(id);
UPDATE attendance_events a
    SET date = (a.occurred_at AT TIME ZONE 'UTC' + make_interval(mins => n.utc_offset_minutes))::date,
        classroom_id = c.classroom_id
    FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id = a.child_id;
ALTER TABLE attendance_events ALTER COLUMN date SET NOT NULL;
ALTER TABLE attendance_events ALTER COLUMN classroom_id SET NOT NULL;
CREATE INDEX attendance_classroom_date ON attendance_events (classroom_id, date);

ALTER TABLE absence_reports ADD COLUMN classroom_id UUID REFERENCES classrooms(id);
UPDATE absence_reports r SET classroom_id = c.classroom_id FROM children c WHERE c.id = r.child_id;
ALTER TABLE absence_reports ALTER COLUMN classroom_id SET NOT NULL;
CREATE INDEX absence_classroom_date ON absence_reports (classroom_id, date);

-- Children present per classroom per day, kept in the check-in's transaction (a child's first
-- check-in of the day counts once), so a year's report reads thousands of rows, not millions.
CREATE TABLE classroom_day_attendance (
    classroom_id UUID NOT NULL REFERENCES classrooms(id),
    date DATE NOT NULL,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    present BIGINT NOT NULL,
    PRIMARY KEY (classroom_id, date)
);
CREATE INDEX classroom_day_attendance_nursery ON classroom_day_attendance (nursery_id, date);
INSERT INTO classroom_day_attendance (classroom_id, date, nursery_id, present)
    SELECT classroom_id, date, nursery_id, count(DISTINCT child_id) FROM attendance_events
    WHERE kind = 'CHECK_IN' GROUP BY classroom_id, date, nursery_id;

CREATE TABLE infection_alert_rules (
    municipality_id UUID PRIMARY KEY REFERENCES municipalities(id),
    min_children BIGINT NOT NULL CHECK (min_children >= 2),
    window_days BIGINT NOT NULL CHECK (window_days BETWEEN 1 AND 14),
    updated_by UUID NOT NULL REFERENCES users(id),
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX infection_alert_rules_updated_by ON infection_alert_rules (updated_by);

-- A cluster of one symptom in one classroom. Counts only: no child is named.
CREATE TABLE infection_alerts (
    id UUID PRIMARY KEY,
    municipality_id UUID NOT NULL REFERENCES municipalities(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    classroom_id UUID NOT NULL REFERENCES classrooms(id),
    symptom TEXT NOT NULL,
    window_start DATE NOT NULL,
    window_end DATE NOT NULL,
    children BIGINT NOT NULL,
    min_children BIGINT NOT NULL,
    window_days BIGINT NOT NULL,
    raised_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX infection_alerts_municipality ON infection_alerts (municipality_id, window_end);
CREATE INDEX infection_alerts_nursery ON infection_alerts (nursery_id, window_end);
CREATE INDEX infection_alerts_classroom ON infection_alerts (classroom_id, symptom, window_end);

-- Who read or changed what, when, from where; never the content. actor_id has no foreign key
-- on purpose: the trail outlives what it names.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID,
    access TEXT NOT NULL CHECK (access IN ('READ', 'WRITE')),
    operation TEXT NOT NULL,
    nursery_id UUID,
    entity_ids TEXT NOT NULL,
    client_addr TEXT
);
CREATE INDEX audit_log_nursery ON audit_log (nursery_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
