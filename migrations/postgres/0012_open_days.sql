-- The days each nursery's calendar had it open, recorded once each day has ended (and when the
-- head changes a past day), so that the reports' "open days" follow the calendar as it stood:
-- an open day with nobody present still counts its enrolled children (issue 18).
CREATE TABLE nursery_open_days (
    nursery_id UUID NOT NULL REFERENCES nurseries(id),
    date DATE NOT NULL,
    PRIMARY KEY (nursery_id, date)
);
