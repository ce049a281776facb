// Infection surveillance: each municipality's cluster rule, and the cluster check made in the
// absence report's own transaction, so an alert is raised exactly once, by the report that
// completes the cluster. Shared SQL, included by each backend.

#[derive(sqlx::FromRow)]
struct InfectionAlertRow {
    id: Id,
    municipality_id: Id,
    nursery_id: Id,
    classroom_id: Id,
    classroom_name: String,
    symptom: String,
    window_start: Date,
    window_end: Date,
    children: i64,
    min_children: i64,
    window_days: i64,
    raised_at: Timestamp,
}

impl TryFrom<InfectionAlertRow> for InfectionAlert {
    type Error = StoreError;
    fn try_from(r: InfectionAlertRow) -> StoreResult<Self> {
        Ok(InfectionAlert {
            id: r.id,
            municipality_id: r.municipality_id,
            nursery_id: r.nursery_id,
            classroom_id: r.classroom_id,
            classroom_name: r.classroom_name,
            symptom: parse_text_enum::<Symptom>(&r.symptom)?,
            window_start: r.window_start,
            window_end: r.window_end,
            children: r.children,
            rule: InfectionRule {
                min_children: r.min_children,
                window_days: r.window_days,
            },
            raised_at: r.raised_at,
        })
    }
}

const INFECTION_ALERT_SELECT: &str = "SELECT a.id, a.municipality_id, a.nursery_id, a.classroom_id,
        cl.name AS classroom_name, a.symptom, a.window_start, a.window_end, a.children, a.min_children,
        a.window_days, a.raised_at
     FROM infection_alerts a JOIN classrooms cl ON cl.id = a.classroom_id";

impl DbStore {
    /// Raises an alert for each of the report's symptoms that now forms a cluster in its
    /// classroom, unless an alert for that cluster was raised already (then its count grows).
    async fn watch_for_clusters(
        &self,
        tx: &mut sqlx::Transaction<'static, Db>,
        report: &AbsenceReport,
        classroom_id: Id,
        surveillance: &Surveillance,
    ) -> StoreResult<()> {
        let rule = surveillance.rule;
        // One decision at a time per classroom: two reports completing the same cluster
        // concurrently must not both raise it. (The report's own insert already holds a key-share
        // lock on the classroom; FOR UPDATE would deadlock two reporters, this does not.)
        let (classroom_name,): (String,) =
            sqlx::query_as(&format!("SELECT name FROM classrooms WHERE id = $1{FOR_NO_KEY_UPDATE}"))
                .bind(classroom_id)
                .fetch_one(&mut **tx)
                .await?;
        let (reach_start, reach_end) = rule.reach(report.date);
        for symptom in &report.symptoms {
            let seen: Vec<(Id, Date)> = sqlx::query_as(
                "SELECT r.child_id, r.date FROM absence_reports r JOIN absence_symptoms s ON s.absence_id = r.id
                 WHERE r.classroom_id = $1 AND r.kind = 'ABSENCE' AND s.symptom = $2 AND r.date >= $3 AND r.date <= $4",
            )
            .bind(classroom_id)
            .bind(symptom.as_str())
            .bind(reach_start)
            .bind(reach_end)
            .fetch_all(&mut **tx)
            .await?;
            let Some((window_start, window_end, children)) = rule.cluster_around(report.date, &seen) else {
                continue;
            };
            let ongoing: Option<(Id, i64)> = sqlx::query_as(
                "SELECT id, children FROM infection_alerts
                 WHERE classroom_id = $1 AND symptom = $2 AND window_end >= $3 AND window_start <= $4
                 ORDER BY raised_at DESC LIMIT 1",
            )
            .bind(classroom_id)
            .bind(symptom.as_str())
            .bind(reach_start)
            .bind(reach_end)
            .fetch_optional(&mut **tx)
            .await?;
            if let Some((id, counted)) = ongoing {
                if children > counted {
                    sqlx::query("UPDATE infection_alerts SET children = $1 WHERE id = $2")
                        .bind(children)
                        .bind(id)
                        .execute(&mut **tx)
                        .await?;
                }
                continue;
            }
            let alert = InfectionAlert {
                id: Id::new(),
                municipality_id: surveillance.municipality_id,
                nursery_id: report.nursery_id,
                classroom_id,
                classroom_name: classroom_name.clone(),
                symptom: *symptom,
                window_start,
                window_end,
                children,
                rule,
                raised_at: self.clock.now(),
            };
            sqlx::query(
                "INSERT INTO infection_alerts (id, municipality_id, nursery_id, classroom_id, symptom, window_start,
                    window_end, children, min_children, window_days, raised_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(alert.id)
            .bind(alert.municipality_id)
            .bind(alert.nursery_id)
            .bind(alert.classroom_id)
            .bind(alert.symptom.as_str())
            .bind(alert.window_start)
            .bind(alert.window_end)
            .bind(alert.children)
            .bind(rule.min_children)
            .bind(rule.window_days)
            .bind(alert.raised_at)
            .execute(&mut **tx)
            .await?;
            Self::publish_event(tx, alert.id, &EventPayload::InfectionAlert(alert), self.clock.now()).await?;
        }
        Ok(())
    }
}

#[async_trait]
impl SurveillanceStore for DbStore {
    async fn infection_rule(&self, municipality_id: Id) -> StoreResult<Option<InfectionRule>> {
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT min_children, window_days FROM infection_alert_rules WHERE municipality_id = $1")
                .bind(municipality_id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(min_children, window_days)| InfectionRule {
            min_children,
            window_days,
        }))
    }

    async fn set_infection_rule(&self, municipality_id: Id, rule: InfectionRule, by: Id) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO infection_alert_rules (municipality_id, min_children, window_days, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (municipality_id) DO UPDATE SET min_children = excluded.min_children,
                window_days = excluded.window_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(municipality_id)
        .bind(rule.min_children)
        .bind(rule.window_days)
        .bind(by)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Nowhere, &[municipality_id]).await
    }

    async fn infection_alerts(&self, nurseries: &[Id], from: Date, to: Date) -> StoreResult<Vec<InfectionAlert>> {
        let mut query = QueryBuilder::<Db>::new(INFECTION_ALERT_SELECT);
        query.push(" WHERE");
        push_in(&mut query, "a.nursery_id", nurseries);
        query.push(" AND a.window_end >= ").push_bind(from);
        query.push(" AND a.window_start <= ").push_bind(to);
        query.push(" ORDER BY a.raised_at DESC, a.id DESC LIMIT 1000");
        let rows: Vec<InfectionAlertRow> = query.build_query_as().fetch_all(self.reader()).await?;
        rows.into_iter().map(InfectionAlert::try_from).collect()
    }
}
