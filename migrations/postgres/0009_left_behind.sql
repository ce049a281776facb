-- Nobody left behind (降園確認, issue 18): from the nursery's closing time, each child checked in
-- and not checked out has one check per day, alerted to the nursery's staff and head, and again
-- at a set interval, until the check-out comes or staff explain it. The uniqueness makes the
-- check once-only across replicas and restarts; a repeat is claimed by moving `alerted_at`
-- from the value the replica read, so it too is sent once.
CREATE TABLE departure_checks (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    date DATE NOT NULL,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    raised_at TIMESTAMPTZ NOT NULL,
    alerted_at TIMESTAMPTZ NOT NULL,
    alerts INTEGER NOT NULL,
    resolution TEXT,
    resolved_at TIMESTAMPTZ,
    resolved_by UUID REFERENCES users(id),
    note TEXT,
    UNIQUE (child_id, date)
);
CREATE INDEX departure_checks_nursery_date ON departure_checks (nursery_id, date);
CREATE INDEX departure_checks_resolved_by ON departure_checks (resolved_by);
