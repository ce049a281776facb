-- Pickup plan (お迎え, issue 18): the people a family allows to collect its children, which
-- staff confirm; each child's planned pickup of a day (a listed person or a one-off person the
-- nursery confirms); who actually collected at check-out; and the warnings raised when that
-- was someone not allowed. 0009 is left to another branch.

-- Never deleted: a removed person keeps their row (check-outs and plans name it) and leaves
-- the list by `removed_at`.
CREATE TABLE pickup_people (
    id UUID PRIMARY KEY,
    family_id UUID NOT NULL REFERENCES families(id),
    name TEXT NOT NULL,
    relation TEXT NOT NULL,
    phone TEXT NOT NULL,
    added_by UUID NOT NULL REFERENCES users(id),
    added_at TIMESTAMPTZ NOT NULL,
    confirmed_by UUID REFERENCES users(id),
    confirmed_at TIMESTAMPTZ,
    removed_by UUID REFERENCES users(id),
    removed_at TIMESTAMPTZ
);
CREATE INDEX pickup_people_family ON pickup_people (family_id);
CREATE INDEX pickup_people_added_by ON pickup_people (added_by);
CREATE INDEX pickup_people_confirmed_by ON pickup_people (confirmed_by);
CREATE INDEX pickup_people_removed_by ON pickup_people (removed_by);

-- One plan per child and day; the pickup time in seconds from local midnight. Either a
-- listed person or a one-off person (name, relation, phone) the nursery must confirm.
CREATE TABLE pickup_plans (
    child_id UUID NOT NULL REFERENCES children(id),
    date DATE NOT NULL,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    pickup_second INTEGER NOT NULL,
    person_id UUID REFERENCES pickup_people(id),
    one_off_name TEXT,
    one_off_relation TEXT,
    one_off_phone TEXT,
    one_off_confirmed_by UUID REFERENCES users(id),
    one_off_confirmed_at TIMESTAMPTZ,
    set_by UUID NOT NULL REFERENCES users(id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (child_id, date),
    CHECK ((person_id IS NULL) <> (one_off_name IS NULL))
);
CREATE INDEX pickup_plans_nursery_date ON pickup_plans (nursery_id, date);
CREATE INDEX pickup_plans_family ON pickup_plans (family_id);
CREATE INDEX pickup_plans_person ON pickup_plans (person_id);
CREATE INDEX pickup_plans_set_by ON pickup_plans (set_by);
CREATE INDEX pickup_plans_one_off_confirmed_by ON pickup_plans (one_off_confirmed_by);

-- Who collected, when staff chose them from the list.
ALTER TABLE attendance_events ADD COLUMN pickup_person_id UUID REFERENCES pickup_people(id);
CREATE INDEX attendance_events_pickup_person ON attendance_events (pickup_person_id);

-- A check-out by someone neither on the confirmed list nor today's confirmed one-off: recorded,
-- and warned to the nursery. One per check-out, so a replay cannot warn twice.
CREATE TABLE pickup_warnings (
    id UUID PRIMARY KEY,
    attendance_id UUID NOT NULL UNIQUE REFERENCES attendance_events(id),
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    date DATE NOT NULL,
    pickup_by TEXT,
    person_id UUID REFERENCES pickup_people(id),
    recorded_by UUID NOT NULL REFERENCES users(id),
    raised_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pickup_warnings_nursery_date ON pickup_warnings (nursery_id, date);
CREATE INDEX pickup_warnings_child ON pickup_warnings (child_id);
CREATE INDEX pickup_warnings_family ON pickup_warnings (family_id);
CREATE INDEX pickup_warnings_person ON pickup_warnings (person_id);
CREATE INDEX pickup_warnings_recorded_by ON pickup_warnings (recorded_by);
