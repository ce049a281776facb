-- A family edits or withdraws an absence or lateness report until the nursery acknowledges it
-- (issue 18). An edit changes the report in place (`updated_at`; the audit trail says who); a
-- withdrawal takes it out of the records every list and figure reads, and keeps it here as it
-- stood, so nothing a family once told the nursery is lost.
ALTER TABLE absence_reports ADD COLUMN updated_at TEXT;

CREATE TABLE withdrawn_absence_reports (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    nursery_id TEXT NOT NULL REFERENCES nurseries(id),
    family_id TEXT NOT NULL REFERENCES families(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    -- The report as it stood, as JSON.
    report TEXT NOT NULL,
    withdrawn_by TEXT NOT NULL REFERENCES users(id),
    withdrawn_at TEXT NOT NULL
);
CREATE INDEX withdrawn_absence_child ON withdrawn_absence_reports (child_id, date);
CREATE INDEX withdrawn_absence_nursery ON withdrawn_absence_reports (nursery_id, date);
CREATE INDEX withdrawn_absence_family ON withdrawn_absence_reports (family_id);
CREATE INDEX withdrawn_absence_by ON withdrawn_absence_reports (withdrawn_by);
