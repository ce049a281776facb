-- Daily care records (health, meals, naps, growth) and staff journals with their history.

ALTER TABLE nurseries ADD COLUMN fever_threshold_c DOUBLE PRECISION NOT NULL DEFAULT 37.5;

CREATE TABLE child_allergies (
    child_id UUID NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    allergen TEXT NOT NULL,
    PRIMARY KEY (child_id, allergen)
);

CREATE TABLE health_checks (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    recorded_at TIMESTAMPTZ NOT NULL,
    temperature_c DOUBLE PRECISION,
    fever BOOLEAN NOT NULL,
    note TEXT,
    source TEXT NOT NULL CHECK (source IN ('HOME', 'NURSERY')),
    recorded_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX health_checks_child_time ON health_checks (child_id, recorded_at);
CREATE INDEX health_checks_nursery_time ON health_checks (nursery_id, recorded_at);
CREATE INDEX health_checks_family ON health_checks (family_id);
CREATE INDEX health_checks_recorded_by ON health_checks (recorded_by);

CREATE TABLE health_check_symptoms (
    check_id UUID NOT NULL REFERENCES health_checks(id) ON DELETE CASCADE,
    symptom TEXT NOT NULL,
    PRIMARY KEY (check_id, symptom)
);

-- A second record of the same meal on the same day is a correction: the earlier row stays,
-- pointing at the one that replaced it.
CREATE TABLE meal_records (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    date DATE NOT NULL,
    meal TEXT NOT NULL CHECK (meal IN ('BREAKFAST', 'MORNING_SNACK', 'LUNCH', 'AFTERNOON_SNACK')),
    amount TEXT NOT NULL CHECK (amount IN ('ALL', 'MOST', 'HALF', 'LITTLE', 'NONE')),
    note TEXT,
    recorded_by UUID NOT NULL REFERENCES users(id),
    superseded_by UUID REFERENCES meal_records(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meal_records_child_date ON meal_records (child_id, date);
CREATE INDEX meal_records_nursery_date ON meal_records (nursery_id, date);
CREATE INDEX meal_records_recorded_by ON meal_records (recorded_by);
CREATE INDEX meal_records_superseded_by ON meal_records (superseded_by);

CREATE TABLE nap_check_intervals (
    scope_id UUID NOT NULL,
    age_band INTEGER NOT NULL CHECK (age_band BETWEEN 0 AND 5),
    seconds BIGINT NOT NULL CHECK (seconds >= 0),
    PRIMARY KEY (scope_id, age_band)
);

-- due_at: when the next check is required (NULL when no check is required); the nap watcher
-- raises one alert per due time (alerted_due_at) however many replicas watch.
CREATE TABLE naps (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    family_id UUID NOT NULL REFERENCES families(id),
    classroom_id UUID NOT NULL REFERENCES classrooms(id),
    started_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ,
    interval_seconds BIGINT,
    last_check_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ,
    alerted_due_at TIMESTAMPTZ,
    started_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX naps_one_open_per_child ON naps (child_id) WHERE ended_at IS NULL;
CREATE INDEX naps_open_due ON naps (due_at) WHERE ended_at IS NULL;
CREATE INDEX naps_child_time ON naps (child_id, started_at);
CREATE INDEX naps_nursery ON naps (nursery_id);
CREATE INDEX naps_family ON naps (family_id);
CREATE INDEX naps_classroom ON naps (classroom_id);
CREATE INDEX naps_started_by ON naps (started_by);

CREATE TABLE nap_checks (
    id UUID PRIMARY KEY,
    nap_id UUID NOT NULL REFERENCES naps(id),
    child_id UUID NOT NULL REFERENCES children(id),
    checked_at TIMESTAMPTZ NOT NULL,
    position TEXT NOT NULL CHECK (position IN ('BACK', 'SIDE', 'FRONT')),
    breathing_ok BOOLEAN NOT NULL,
    recorded_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX nap_checks_nap ON nap_checks (nap_id, checked_at);
CREATE INDEX nap_checks_child_time ON nap_checks (child_id, checked_at);
CREATE INDEX nap_checks_recorded_by ON nap_checks (recorded_by);

CREATE TABLE nap_compliance (
    child_id UUID NOT NULL REFERENCES children(id),
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    date DATE NOT NULL,
    required_checks BIGINT NOT NULL,
    on_time_checks BIGINT NOT NULL,
    PRIMARY KEY (child_id, date)
);
CREATE INDEX nap_compliance_nursery_date ON nap_compliance (nursery_id, date);

CREATE TABLE growth_records (
    id UUID PRIMARY KEY,
    child_id UUID NOT NULL REFERENCES children(id),
    measured_on DATE NOT NULL,
    height_cm DOUBLE PRECISION,
    weight_kg DOUBLE PRECISION,
    flagged BOOLEAN NOT NULL,
    recorded_by UUID NOT NULL REFERENCES users(id),
    superseded_by UUID REFERENCES growth_records(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX growth_child_date ON growth_records (child_id, measured_on);
CREATE INDEX growth_recorded_by ON growth_records (recorded_by);
CREATE INDEX growth_superseded_by ON growth_records (superseded_by);

CREATE TABLE journals (
    id UUID PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('CONTACT_NOTEBOOK', 'DAILY_DIARY', 'GUIDANCE_PLAN')),
    status TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
    revision BIGINT NOT NULL,
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    classroom_id UUID REFERENCES classrooms(id),
    child_id UUID REFERENCES children(id),
    family_id UUID REFERENCES families(id),
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    body TEXT NOT NULL,
    author_id UUID NOT NULL REFERENCES users(id),
    review_comment TEXT,
    updated_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
-- One notebook page per child per day, one diary per classroom per day.
CREATE UNIQUE INDEX journals_one_notebook_page ON journals (child_id, period_start) WHERE kind = 'CONTACT_NOTEBOOK';
CREATE UNIQUE INDEX journals_one_diary_page ON journals (classroom_id, period_start) WHERE kind = 'DAILY_DIARY';
CREATE INDEX journals_nursery_period ON journals (nursery_id, kind, period_start);
CREATE INDEX journals_classroom ON journals (classroom_id);
CREATE INDEX journals_child ON journals (child_id);
CREATE INDEX journals_family ON journals (family_id);
CREATE INDEX journals_author ON journals (author_id);

CREATE TABLE journal_revisions (
    journal_id UUID NOT NULL REFERENCES journals(id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    body TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_id UUID NOT NULL REFERENCES users(id),
    at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journal_id, revision)
);
CREATE INDEX journal_revisions_actor ON journal_revisions (actor_id);
