// Municipal reports: counts per nursery, day and age band, aggregated in SQL from the daily
// attendance rollup, the absence reports, nap-check compliance and diary approvals. Shared SQL,
// included by each backend.

/// Appends `column IN (ids)`; with no ids, a condition nothing matches.
fn push_in(query: &mut QueryBuilder<'_, Db>, column: &str, ids: &[Id]) {
    query.push(format!(" {column} IN ("));
    let mut list = query.separated(", ");
    list.push("NULL");
    for id in ids {
        list.push_bind(*id);
    }
    query.push(")");
}

/// Appends `AND column BETWEEN from AND to` for dates.
fn push_dates(query: &mut QueryBuilder<'_, Db>, column: &str, from: Date, to: Date) {
    query.push(format!(" AND {column} >= ")).push_bind(from);
    query.push(format!(" AND {column} <= ")).push_bind(to);
}

#[derive(Default)]
struct DayBuilder {
    bands: std::collections::BTreeMap<i32, DayCounts>,
    symptoms: std::collections::BTreeMap<Symptom, i64>,
    nap_checks_required: i64,
    nap_checks_on_time: i64,
    diaries_approved: i64,
}

#[async_trait]
impl ReportStore for DbStore {
    async fn nursery_days(&self, nurseries: &[Id], from: Date, to: Date) -> StoreResult<Vec<NurseryDay>> {
        use std::collections::BTreeMap;

        // Open days, and who was enrolled on each (by age band).
        let mut enrolled = QueryBuilder::<Db>::new("WITH days AS (SELECT nursery_id, date FROM classroom_day_attendance WHERE");
        push_in(&mut enrolled, "nursery_id", nurseries);
        push_dates(&mut enrolled, "date", from, to);
        enrolled.push(" UNION SELECT nursery_id, date FROM absence_reports WHERE");
        push_in(&mut enrolled, "nursery_id", nurseries);
        push_dates(&mut enrolled, "date", from, to);
        // Days the calendar had the nursery open count even when nobody came.
        enrolled.push(" UNION SELECT nursery_id, date FROM nursery_open_days WHERE");
        push_in(&mut enrolled, "nursery_id", nurseries);
        push_dates(&mut enrolled, "date", from, to);
        // Each child counts from enrolment until withdrawal, in the classroom (age band) of the
        // day: placements are periods [starts, ends), ends open while the child stays.
        enrolled.push(
            "), roll AS (SELECT p.nursery_id, cl.age_band, p.from_date AS starts,
                    CASE WHEN c.withdrawn_on IS NOT NULL AND (p.until_date IS NULL OR c.withdrawn_on < p.until_date)
                         THEN c.withdrawn_on ELSE p.until_date END AS ends,
                    COUNT(*) AS n
                FROM child_placements p JOIN children c ON c.id = p.child_id
                JOIN classrooms cl ON cl.id = p.classroom_id WHERE",
        );
        push_in(&mut enrolled, "p.nursery_id", nurseries);
        enrolled.push(
            " GROUP BY p.nursery_id, cl.age_band, starts, ends)
             SELECT d.nursery_id, d.date, r.age_band, CAST(SUM(r.n) AS BIGINT)
             FROM days d LEFT JOIN roll r ON r.nursery_id = d.nursery_id AND r.starts <= d.date
                AND (r.ends IS NULL OR r.ends > d.date)
             GROUP BY d.nursery_id, d.date, r.age_band",
        );

        let mut present = QueryBuilder::<Db>::new(
            "SELECT a.nursery_id, a.date, cl.age_band, CAST(SUM(a.present) AS BIGINT)
             FROM classroom_day_attendance a JOIN classrooms cl ON cl.id = a.classroom_id WHERE",
        );
        push_in(&mut present, "a.nursery_id", nurseries);
        push_dates(&mut present, "a.date", from, to);
        present.push(" GROUP BY a.nursery_id, a.date, cl.age_band");

        let mut reported = QueryBuilder::<Db>::new(
            "SELECT r.nursery_id, r.date, cl.age_band, r.kind, COUNT(*)
             FROM absence_reports r JOIN classrooms cl ON cl.id = r.classroom_id
             WHERE r.kind IN ('ABSENCE', 'LATE') AND",
        );
        push_in(&mut reported, "r.nursery_id", nurseries);
        push_dates(&mut reported, "r.date", from, to);
        reported.push(" GROUP BY r.nursery_id, r.date, cl.age_band, r.kind");

        let mut symptoms = QueryBuilder::<Db>::new(
            "SELECT r.nursery_id, r.date, s.symptom, COUNT(*)
             FROM absence_reports r JOIN absence_symptoms s ON s.absence_id = r.id
             WHERE r.kind = 'ABSENCE' AND",
        );
        push_in(&mut symptoms, "r.nursery_id", nurseries);
        push_dates(&mut symptoms, "r.date", from, to);
        symptoms.push(" GROUP BY r.nursery_id, r.date, s.symptom");

        let mut naps = QueryBuilder::<Db>::new(
            "SELECT nursery_id, date, CAST(SUM(required_checks) AS BIGINT), CAST(SUM(on_time_checks) AS BIGINT)
             FROM nap_compliance WHERE",
        );
        push_in(&mut naps, "nursery_id", nurseries);
        push_dates(&mut naps, "date", from, to);
        naps.push(" GROUP BY nursery_id, date");

        // A diary counts once the head approved it (publishing comes after approval).
        let mut diaries = QueryBuilder::<Db>::new(
            "SELECT nursery_id, period_start, COUNT(*) FROM journals
             WHERE kind = 'DAILY_DIARY' AND status IN ('APPROVED', 'PUBLISHED') AND",
        );
        push_in(&mut diaries, "nursery_id", nurseries);
        push_dates(&mut diaries, "period_start", from, to);
        diaries.push(" GROUP BY nursery_id, period_start");

        let mut classrooms = QueryBuilder::<Db>::new("SELECT nursery_id, COUNT(*) FROM classrooms WHERE");
        push_in(&mut classrooms, "nursery_id", nurseries);
        classrooms.push(" GROUP BY nursery_id");

        // Independent aggregates: run side by side on the read pool.
        let pool = self.reader();
        let (enrolled, present, reported, symptoms, naps, diaries, classrooms) = tokio::try_join!(
            enrolled.build_query_as::<(Id, Date, Option<i32>, Option<i64>)>().fetch_all(pool),
            present.build_query_as::<(Id, Date, i32, i64)>().fetch_all(pool),
            reported.build_query_as::<(Id, Date, i32, String, i64)>().fetch_all(pool),
            symptoms.build_query_as::<(Id, Date, String, i64)>().fetch_all(pool),
            naps.build_query_as::<(Id, Date, i64, i64)>().fetch_all(pool),
            diaries.build_query_as::<(Id, Date, i64)>().fetch_all(pool),
            classrooms.build_query_as::<(Id, i64)>().fetch_all(pool),
        )?;

        let mut days: BTreeMap<(Id, Date), DayBuilder> = BTreeMap::new();
        for (nursery, date, band, enrolled) in enrolled {
            let day = days.entry((nursery, date)).or_default();
            if let (Some(band), Some(enrolled)) = (band, enrolled) {
                day.bands.entry(band).or_default().enrolled = enrolled;
            }
        }
        for (nursery, date, band, count) in present {
            if let Some(day) = days.get_mut(&(nursery, date)) {
                day.bands.entry(band).or_default().present = count;
            }
        }
        for (nursery, date, band, kind, count) in reported {
            if let Some(day) = days.get_mut(&(nursery, date)) {
                let counts = day.bands.entry(band).or_default();
                match parse_text_enum::<AbsenceKind>(&kind)? {
                    AbsenceKind::Absence => counts.absent = count,
                    _ => counts.late = count,
                }
            }
        }
        for (nursery, date, symptom, count) in symptoms {
            if let Some(day) = days.get_mut(&(nursery, date)) {
                day.symptoms.insert(parse_text_enum::<Symptom>(&symptom)?, count);
            }
        }
        for (nursery, date, required, on_time) in naps {
            if let Some(day) = days.get_mut(&(nursery, date)) {
                day.nap_checks_required = required;
                day.nap_checks_on_time = on_time;
            }
        }
        for (nursery, date, approved) in diaries {
            if let Some(day) = days.get_mut(&(nursery, date)) {
                day.diaries_approved = approved;
            }
        }
        let classrooms: BTreeMap<Id, i64> = classrooms.into_iter().collect();

        Ok(days
            .into_iter()
            .map(|((nursery_id, date), day)| NurseryDay {
                nursery_id,
                date,
                bands: day.bands.into_iter().collect(),
                symptoms: day.symptoms.into_iter().collect(),
                nap_checks_required: day.nap_checks_required,
                nap_checks_on_time: day.nap_checks_on_time,
                classrooms: classrooms.get(&nursery_id).copied().unwrap_or(0),
                diaries_approved: day.diaries_approved,
            })
            .collect())
    }

    async fn classroom_symptom_days(
        &self,
        nurseries: &[Id],
        from: Date,
        to: Date,
    ) -> StoreResult<Vec<ClassroomSymptomDay>> {
        let mut query = QueryBuilder::<Db>::new(
            "SELECT r.nursery_id, r.classroom_id, cl.name, cl.age_band, r.date, s.symptom, COUNT(*)
             FROM absence_reports r
             JOIN absence_symptoms s ON s.absence_id = r.id
             JOIN classrooms cl ON cl.id = r.classroom_id
             WHERE r.kind = 'ABSENCE' AND",
        );
        push_in(&mut query, "r.nursery_id", nurseries);
        push_dates(&mut query, "r.date", from, to);
        query.push(
            " GROUP BY r.nursery_id, r.classroom_id, cl.name, cl.age_band, r.date, s.symptom
              ORDER BY r.date, r.nursery_id, cl.age_band, cl.name, s.symptom",
        );
        let rows: Vec<(Id, Id, String, i32, Date, String, i64)> =
            query.build_query_as().fetch_all(self.reader()).await?;
        rows.into_iter()
            .map(|(nursery_id, classroom_id, classroom_name, age_band, date, symptom, children)| {
                Ok(ClassroomSymptomDay {
                    nursery_id,
                    classroom_id,
                    classroom_name,
                    age_band,
                    date,
                    symptom: parse_text_enum::<Symptom>(&symptom)?,
                    children,
                })
            })
            .collect()
    }
}
