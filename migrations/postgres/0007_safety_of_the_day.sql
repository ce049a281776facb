-- Safety of the day (issue 18): each nursery's calendar and hours, the not-yet-arrived check
-- (登園確認), corrections of mistaken check-ins and check-outs (withdrawal is 0008's).
-- 0006 is left to the architecture branch.

-- A nursery's week and times, in seconds from local midnight (so tests can set a check a few
-- seconds ahead). A nursery without a row has the defaults: Mon–Sat 7:00–19:00, check 9:30.
CREATE TABLE nursery_hours (
    nursery_id UUID PRIMARY KEY REFERENCES nurseries(id),
    open_weekdays INTEGER NOT NULL,
    opens_at_second INTEGER NOT NULL,
    closes_at_second INTEGER NOT NULL,
    arrival_check_second INTEGER NOT NULL,
    late_grace_seconds INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The head's exceptions to the week and the public holidays: a closure or a special open day.
CREATE TABLE nursery_calendar_days (
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    date DATE NOT NULL,
    open BOOLEAN NOT NULL,
    note TEXT,
    PRIMARY KEY (nursery_id, date)
);

-- A correction supersedes one check-in or check-out; the original row stays.
CREATE TABLE attendance_corrections (
    id UUID PRIMARY KEY,
    attendance_id UUID NOT NULL UNIQUE REFERENCES attendance_events(id),
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    reason TEXT NOT NULL,
    corrected_by UUID NOT NULL REFERENCES users(id),
    corrected_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX attendance_corrections_child ON attendance_corrections (child_id);
CREATE INDEX attendance_corrections_nursery ON attendance_corrections (nursery_id);
CREATE INDEX attendance_corrections_by ON attendance_corrections (corrected_by);

-- One not-yet-arrived check per child per day: the uniqueness makes it once-only across
-- replicas and restarts.
CREATE TABLE arrival_checks (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    date DATE NOT NULL,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    raised_at TIMESTAMPTZ NOT NULL,
    resolution TEXT,
    resolved_at TIMESTAMPTZ,
    resolved_by UUID REFERENCES users(id),
    note TEXT,
    UNIQUE (child_id, date)
);
CREATE INDEX arrival_checks_nursery_date ON arrival_checks (nursery_id, date);
CREATE INDEX arrival_checks_open ON arrival_checks (nursery_id) WHERE resolution IS NULL;
CREATE INDEX arrival_checks_family ON arrival_checks (family_id);
CREATE INDEX arrival_checks_resolved_by ON arrival_checks (resolved_by);
