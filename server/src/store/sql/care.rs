// Daily care records: health checks, meals, growth, settings, and a classroom's day for the
// diary. Shared SQL, included by each backend (naps are in naps.rs).

#[derive(sqlx::FromRow)]
struct HealthRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    family_id: Id,
    recorded_at: Timestamp,
    temperature_c: Option<f64>,
    fever: bool,
    note: Option<String>,
    source: String,
    recorded_by: Id,
}

const HEALTH_SELECT: &str =
    "SELECT id, child_id, nursery_id, family_id, recorded_at, temperature_c, fever, note, source,
        recorded_by FROM health_checks";

#[derive(sqlx::FromRow)]
struct MealRow {
    id: Id,
    child_id: Id,
    nursery_id: Id,
    date: Date,
    meal: String,
    amount: String,
    note: Option<String>,
    recorded_by: Id,
}

impl TryFrom<MealRow> for MealRecord {
    type Error = StoreError;
    fn try_from(r: MealRow) -> StoreResult<Self> {
        Ok(MealRecord {
            id: r.id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            date: r.date,
            meal: parse_text_enum::<Meal>(&r.meal)?,
            amount: parse_text_enum::<MealAmount>(&r.amount)?,
            note: r.note,
            recorded_by: r.recorded_by,
        })
    }
}

const MEAL_SELECT: &str = "SELECT id, child_id, nursery_id, date, meal, amount, note, recorded_by FROM meal_records";

#[derive(sqlx::FromRow)]
struct GrowthRow {
    id: Id,
    child_id: Id,
    measured_on: Date,
    height_cm: Option<f64>,
    weight_kg: Option<f64>,
    flagged: bool,
    recorded_by: Id,
}

impl From<GrowthRow> for GrowthRecord {
    fn from(r: GrowthRow) -> Self {
        GrowthRecord {
            id: r.id,
            child_id: r.child_id,
            measured_on: r.measured_on,
            height_cm: r.height_cm,
            weight_kg: r.weight_kg,
            flagged: r.flagged,
            recorded_by: r.recorded_by,
        }
    }
}

const GROWTH_SELECT: &str =
    "SELECT id, child_id, measured_on, height_cm, weight_kg, flagged, recorded_by FROM growth_records";

impl DbStore {
    async fn health_checks_where(
        &self,
        sql_tail: &str,
        id: Id,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<HealthCheck>> {
        let rows: Vec<HealthRow> = sqlx::query_as(&format!("{HEALTH_SELECT} WHERE {sql_tail}"))
            .bind(id)
            .bind(from)
            .bind(to)
            .fetch_all(self.reader())
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut query =
            QueryBuilder::<Db>::new("SELECT check_id, symptom FROM health_check_symptoms WHERE check_id IN (");
        let mut list = query.separated(", ");
        for row in &rows {
            list.push_bind(row.id);
        }
        query.push(")");
        let symptom_rows: Vec<(Id, String)> = query.build_query_as().fetch_all(self.reader()).await?;
        let mut by_check: std::collections::HashMap<Id, Vec<Symptom>> = std::collections::HashMap::new();
        for (id, text) in symptom_rows {
            by_check
                .entry(id)
                .or_default()
                .push(parse_text_enum::<Symptom>(&text)?);
        }
        rows.into_iter()
            .map(|r| {
                let mut symptoms = by_check.remove(&r.id).unwrap_or_default();
                symptoms.sort();
                Ok(HealthCheck {
                    id: r.id,
                    child_id: r.child_id,
                    nursery_id: r.nursery_id,
                    family_id: r.family_id,
                    recorded_at: r.recorded_at,
                    temperature_c: r.temperature_c,
                    fever: r.fever,
                    symptoms,
                    note: r.note,
                    source: parse_text_enum::<RecordSource>(&r.source)?,
                    recorded_by: r.recorded_by,
                })
            })
            .collect()
    }

    async fn meal_by_id(&self, id: Id) -> StoreResult<MealRecord> {
        let row: MealRow = sqlx::query_as(&format!("{MEAL_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        row.try_into()
    }

    async fn growth_by_id(&self, id: Id) -> StoreResult<GrowthRecord> {
        let row: GrowthRow = sqlx::query_as(&format!("{GROWTH_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row.into())
    }
}

#[async_trait]
impl CareStore for DbStore {
    async fn set_fever_threshold(&self, nursery_id: Id, celsius: f64) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE nurseries SET fever_threshold_c = $1 WHERE id = $2")
            .bind(celsius)
            .bind(nursery_id)
            .execute(&mut *tx)
            .await?;
        self.commit(tx, Place::Nursery(nursery_id), &[nursery_id]).await?;
        Ok(())
    }

    async fn set_allergies(&self, child_id: Id, allergens: &[String]) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM child_allergies WHERE child_id = $1")
            .bind(child_id)
            .execute(&mut *tx)
            .await?;
        for allergen in allergens {
            sqlx::query("INSERT INTO child_allergies (child_id, allergen) VALUES ($1, $2)")
                .bind(child_id)
                .bind(allergen)
                .execute(&mut *tx)
                .await?;
        }
        self.commit(tx, Place::Of(child_id), &[child_id]).await?;
        Ok(())
    }

    async fn allergies(&self, child_id: Id) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT allergen FROM child_allergies WHERE child_id = $1 ORDER BY allergen")
                .bind(child_id)
                .fetch_all(self.reader())
                .await?;
        Ok(rows.into_iter().map(|(a,)| a).collect())
    }

    async fn record_health_check(
        &self,
        check: HealthCheck,
        recorded: CareRecorded,
        alert: Option<CareAlert>,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<HealthCheck>> {
        let mut tx = match self.begin_keyed(&key, check.id).await? {
            Ok(tx) => tx,
            Err(earlier) => {
                let far = Timestamp(time::OffsetDateTime::UNIX_EPOCH);
                let end = Timestamp(self.clock.now().0 + time::Duration::days(1));
                let found = self
                    .health_checks_where("id = $1 AND recorded_at >= $2 AND recorded_at < $3", earlier, far, end)
                    .await?;
                let value = found.into_iter().next().ok_or(StoreError::NotFound)?;
                return Ok(Recorded { value, replayed: true });
            }
        };
        sqlx::query(
            "INSERT INTO health_checks (id, child_id, nursery_id, family_id, recorded_at, temperature_c, fever, note, source,
                recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(check.id)
        .bind(check.child_id)
        .bind(check.nursery_id)
        .bind(check.family_id)
        .bind(check.recorded_at)
        .bind(check.temperature_c)
        .bind(check.fever)
        .bind(&check.note)
        .bind(check.source.as_str())
        .bind(check.recorded_by)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        for symptom in &check.symptoms {
            sqlx::query("INSERT INTO health_check_symptoms (check_id, symptom) VALUES ($1, $2)")
                .bind(check.id)
                .bind(symptom.as_str())
                .execute(&mut *tx)
                .await?;
        }
        Self::publish_event(&mut tx, recorded.id, &EventPayload::CareRecorded(recorded), self.clock.now()).await?;
        if let Some(alert) = &alert {
            Self::publish_event(&mut tx, alert.id, &EventPayload::CareAlert(alert.clone()), self.clock.now()).await?;
        }
        self.commit(tx, Place::Nursery(check.nursery_id), &[check.child_id, check.id]).await?;
        Ok(Recorded {
            value: check,
            replayed: false,
        })
    }

    async fn health_checks_of_child(
        &self,
        child_id: Id,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<HealthCheck>> {
        self.health_checks_where(
            "child_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at, id",
            child_id,
            from,
            to,
        )
        .await
    }

    async fn record_meal(
        &self,
        meal: MealRecord,
        recorded: CareRecorded,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<MealRecord>> {
        let mut tx = match self.begin_keyed(&key, meal.id).await? {
            Ok(tx) => tx,
            Err(earlier) => {
                return Ok(Recorded {
                    value: self.meal_by_id(earlier).await?,
                    replayed: true,
                })
            }
        };
        sqlx::query(
            "INSERT INTO meal_records (id, child_id, nursery_id, date, meal, amount, note, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(meal.id)
        .bind(meal.child_id)
        .bind(meal.nursery_id)
        .bind(meal.date)
        .bind(meal.meal.as_str())
        .bind(meal.amount.as_str())
        .bind(&meal.note)
        .bind(meal.recorded_by)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        // The earlier record of this meal is corrected, not overwritten.
        sqlx::query(
            "UPDATE meal_records SET superseded_by = $1
             WHERE child_id = $2 AND date = $3 AND meal = $4 AND id <> $1 AND superseded_by IS NULL",
        )
        .bind(meal.id)
        .bind(meal.child_id)
        .bind(meal.date)
        .bind(meal.meal.as_str())
        .execute(&mut *tx)
        .await?;
        Self::publish_event(&mut tx, recorded.id, &EventPayload::CareRecorded(recorded), self.clock.now()).await?;
        self.commit(tx, Place::Nursery(meal.nursery_id), &[meal.child_id, meal.id]).await?;
        Ok(Recorded {
            value: meal,
            replayed: false,
        })
    }

    async fn meals_of_child(&self, child_id: Id, from: Date, to: Date) -> StoreResult<Vec<MealRecord>> {
        let rows: Vec<MealRow> = sqlx::query_as(&format!(
            "{MEAL_SELECT} WHERE child_id = $1 AND date >= $2 AND date <= $3 AND superseded_by IS NULL ORDER BY date, meal"
        ))
        .bind(child_id)
        .bind(from)
        .bind(to)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(MealRecord::try_from).collect()
    }

    async fn record_growth(
        &self,
        record: GrowthRecord,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<GrowthRecord>> {
        let mut tx = match self.begin_keyed(&key, record.id).await? {
            Ok(tx) => tx,
            Err(earlier) => {
                return Ok(Recorded {
                    value: self.growth_by_id(earlier).await?,
                    replayed: true,
                })
            }
        };
        sqlx::query(
            "INSERT INTO growth_records (id, child_id, measured_on, height_cm, weight_kg, flagged, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(record.id)
        .bind(record.child_id)
        .bind(record.measured_on)
        .bind(record.height_cm)
        .bind(record.weight_kg)
        .bind(record.flagged)
        .bind(record.recorded_by)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE growth_records SET superseded_by = $1
             WHERE child_id = $2 AND measured_on = $3 AND id <> $1 AND superseded_by IS NULL",
        )
        .bind(record.id)
        .bind(record.child_id)
        .bind(record.measured_on)
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Of(record.child_id), &[record.child_id, record.id]).await?;
        Ok(Recorded {
            value: record,
            replayed: false,
        })
    }

    async fn growth_of_child(&self, child_id: Id) -> StoreResult<Vec<GrowthRecord>> {
        let rows: Vec<GrowthRow> = sqlx::query_as(&format!(
            "{GROWTH_SELECT} WHERE child_id = $1 AND superseded_by IS NULL ORDER BY measured_on"
        ))
        .bind(child_id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(GrowthRecord::from).collect())
    }

    async fn classroom_day(
        &self,
        classroom_id: Id,
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<ClassroomDay> {
        let children: Vec<ChildRow> = sqlx::query_as(&format!(
            "SELECT {CHILD_COLUMNS} FROM children c WHERE c.classroom_id = $1
             AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $2) ORDER BY c.name_kana, c.name"
        ))
        .bind(classroom_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        let children: Vec<Child> = children.into_iter().map(Child::from).collect();
        let mut out = ClassroomDay::default();
        // One classroom is at most a few dozen children: per-child reads keep the SQL simple.
        for child in &children {
            out.attendance
                .extend(self.attendance_of_child(child.id, day.0, day.1).await?);
            out.absences.extend(self.absences_of_child(child.id, date, date).await?);
            out.health_checks
                .extend(self.health_checks_of_child(child.id, day.0, day.1).await?);
            out.meals.extend(self.meals_of_child(child.id, date, date).await?);
            out.naps.extend(self.naps_of_child(child.id, day.0, day.1).await?);
            out.compliance
                .push((child.id, self.nap_compliance(child.id, date).await?));
        }
        out.children = children;
        Ok(out)
    }
}
