// The pickup plan (お迎え): the family's list, the day's plans and the warnings, read and written
// in a service's unit of work (see `store/pickup.rs`). Shared SQL, included by each backend.

use crate::domain::safety::pickup::{OneOffPerson, PickupPerson, PickupPlan, PickupWarning, PlannedPerson};

const PERSON_COLUMNS: &str =
    "p.id, p.family_id, p.name, p.relation, p.phone, p.added_by, p.added_at, p.confirmed_by, p.confirmed_at, p.removed_at";

#[derive(sqlx::FromRow)]
struct PickupPersonRow {
    id: Id,
    family_id: Id,
    name: String,
    relation: String,
    phone: String,
    added_by: Id,
    added_at: Timestamp,
    confirmed_by: Option<Id>,
    confirmed_at: Option<Timestamp>,
    removed_at: Option<Timestamp>,
}

impl From<PickupPersonRow> for PickupPerson {
    fn from(r: PickupPersonRow) -> Self {
        PickupPerson {
            id: r.id,
            family_id: r.family_id,
            name: r.name,
            relation: r.relation,
            phone: r.phone,
            added_by: r.added_by,
            added_at: r.added_at,
            confirmed_by: r.confirmed_by,
            confirmed_at: r.confirmed_at,
            removed_at: r.removed_at,
        }
    }
}

/// A plan with its listed person, if it names one (`p_*` are that person's columns).
const PLAN_SELECT: &str = "SELECT k.child_id, k.date, k.nursery_id, k.family_id, k.pickup_second, k.person_id,
        k.one_off_name, k.one_off_relation, k.one_off_phone, k.one_off_confirmed_by, k.one_off_confirmed_at,
        k.set_by, k.updated_at, p.family_id AS p_family_id, p.name AS p_name, p.relation AS p_relation,
        p.phone AS p_phone, p.added_by AS p_added_by, p.added_at AS p_added_at, p.confirmed_by AS p_confirmed_by,
        p.confirmed_at AS p_confirmed_at, p.removed_at AS p_removed_at
     FROM pickup_plans k LEFT JOIN pickup_people p ON p.id = k.person_id";

#[derive(sqlx::FromRow)]
struct PickupPlanRow {
    child_id: Id,
    date: Date,
    nursery_id: Id,
    family_id: Id,
    pickup_second: i32,
    person_id: Option<Id>,
    one_off_name: Option<String>,
    one_off_relation: Option<String>,
    one_off_phone: Option<String>,
    one_off_confirmed_by: Option<Id>,
    one_off_confirmed_at: Option<Timestamp>,
    set_by: Id,
    updated_at: Timestamp,
    p_family_id: Option<Id>,
    p_name: Option<String>,
    p_relation: Option<String>,
    p_phone: Option<String>,
    p_added_by: Option<Id>,
    p_added_at: Option<Timestamp>,
    p_confirmed_by: Option<Id>,
    p_confirmed_at: Option<Timestamp>,
    p_removed_at: Option<Timestamp>,
}

impl TryFrom<PickupPlanRow> for PickupPlan {
    type Error = StoreError;
    fn try_from(r: PickupPlanRow) -> StoreResult<Self> {
        let broken = || StoreError::Other(anyhow::anyhow!("pickup plan of {} {} names nobody", r.child_id, r.date));
        let person = match (r.person_id, r.one_off_name.clone()) {
            (Some(id), _) => PlannedPerson::Listed(PickupPerson {
                id,
                family_id: r.p_family_id.ok_or_else(broken)?,
                name: r.p_name.clone().ok_or_else(broken)?,
                relation: r.p_relation.clone().unwrap_or_default(),
                phone: r.p_phone.clone().unwrap_or_default(),
                added_by: r.p_added_by.ok_or_else(broken)?,
                added_at: r.p_added_at.ok_or_else(broken)?,
                confirmed_by: r.p_confirmed_by,
                confirmed_at: r.p_confirmed_at,
                removed_at: r.p_removed_at,
            }),
            (None, Some(name)) => PlannedPerson::OneOff(OneOffPerson {
                name,
                relation: r.one_off_relation.clone().unwrap_or_default(),
                phone: r.one_off_phone.clone().unwrap_or_default(),
                confirmed_by: r.one_off_confirmed_by,
                confirmed_at: r.one_off_confirmed_at,
            }),
            (None, None) => return Err(broken()),
        };
        Ok(PickupPlan {
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            family_id: r.family_id,
            date: r.date,
            time: r.pickup_second,
            person,
            set_by: r.set_by,
            updated_at: r.updated_at,
        })
    }
}

const WARNING_COLUMNS: &str =
    "id, attendance_id, child_id, nursery_id, family_id, date, pickup_by, person_id, recorded_by, raised_at";

#[derive(sqlx::FromRow)]
struct PickupWarningRow {
    id: Id,
    attendance_id: Id,
    child_id: Id,
    nursery_id: Id,
    family_id: Id,
    date: Date,
    pickup_by: Option<String>,
    person_id: Option<Id>,
    recorded_by: Id,
    raised_at: Timestamp,
}

impl From<PickupWarningRow> for PickupWarning {
    fn from(r: PickupWarningRow) -> Self {
        PickupWarning {
            id: r.id,
            attendance_id: r.attendance_id,
            child_id: r.child_id,
            nursery_id: r.nursery_id,
            family_id: r.family_id,
            date: r.date,
            pickup_by: r.pickup_by,
            person_id: r.person_id,
            recorded_by: r.recorded_by,
            raised_at: r.raised_at,
        }
    }
}

impl DbUnit {
    async fn person_in_unit(&mut self, id: Id) -> StoreResult<Option<PickupPerson>> {
        let row: Option<PickupPersonRow> =
            sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM pickup_people p WHERE p.id = $1"))
                .bind(id)
                .fetch_optional(&mut *self.tx)
                .await?;
        Ok(row.map(Into::into))
    }
}

#[async_trait]
impl PickupUnit for DbUnit {
    async fn insert_pickup_person(&mut self, person: &PickupPerson) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO pickup_people (id, family_id, name, relation, phone, added_by, added_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(person.id)
        .bind(person.family_id)
        .bind(&person.name)
        .bind(&person.relation)
        .bind(&person.phone)
        .bind(person.added_by)
        .bind(person.added_at)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn confirm_pickup_person(&mut self, id: Id, by: Id, at: Timestamp) -> StoreResult<Option<PickupPerson>> {
        // Confirming again keeps the first confirmation: who vouched for the person, and when.
        let done = sqlx::query(
            "UPDATE pickup_people SET confirmed_by = COALESCE(confirmed_by, $1), confirmed_at = COALESCE(confirmed_at, $2)
             WHERE id = $3 AND removed_at IS NULL",
        )
        .bind(by)
        .bind(at)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        self.person_in_unit(id).await
    }

    async fn remove_pickup_person(&mut self, id: Id, by: Id, at: Timestamp) -> StoreResult<Option<PickupPerson>> {
        let done = sqlx::query("UPDATE pickup_people SET removed_by = $1, removed_at = $2 WHERE id = $3 AND removed_at IS NULL")
            .bind(by)
            .bind(at)
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        self.person_in_unit(id).await
    }

    async fn put_pickup_plan(&mut self, plan: &PickupPlan) -> StoreResult<()> {
        let (person_id, one_off) = match &plan.person {
            PlannedPerson::Listed(p) => (Some(p.id), None),
            PlannedPerson::OneOff(o) => (None, Some(o)),
        };
        sqlx::query(
            "INSERT INTO pickup_plans (child_id, date, nursery_id, family_id, pickup_second, person_id, one_off_name,
                one_off_relation, one_off_phone, one_off_confirmed_by, one_off_confirmed_at, set_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (child_id, date) DO UPDATE SET pickup_second = excluded.pickup_second,
                person_id = excluded.person_id, one_off_name = excluded.one_off_name,
                one_off_relation = excluded.one_off_relation, one_off_phone = excluded.one_off_phone,
                one_off_confirmed_by = excluded.one_off_confirmed_by, one_off_confirmed_at = excluded.one_off_confirmed_at,
                set_by = excluded.set_by, updated_at = excluded.updated_at",
        )
        .bind(plan.child_id)
        .bind(plan.date)
        .bind(plan.nursery_id)
        .bind(plan.family_id)
        .bind(plan.time)
        .bind(person_id)
        .bind(one_off.map(|o| o.name.clone()))
        .bind(one_off.map(|o| o.relation.clone()))
        .bind(one_off.map(|o| o.phone.clone()))
        .bind(one_off.and_then(|o| o.confirmed_by))
        .bind(one_off.and_then(|o| o.confirmed_at))
        .bind(plan.set_by)
        .bind(plan.updated_at)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn confirm_one_off(&mut self, child_id: Id, date: Date, by: Id, at: Timestamp) -> StoreResult<Option<PickupPlan>> {
        let done = sqlx::query(
            "UPDATE pickup_plans SET one_off_confirmed_by = COALESCE(one_off_confirmed_by, $1),
                one_off_confirmed_at = COALESCE(one_off_confirmed_at, $2)
             WHERE child_id = $3 AND date = $4 AND one_off_name IS NOT NULL",
        )
        .bind(by)
        .bind(at)
        .bind(child_id)
        .bind(date)
        .execute(&mut *self.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        self.pickup_plan_of(child_id, date).await
    }

    async fn delete_pickup_plan(&mut self, child_id: Id, date: Date) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM pickup_plans WHERE child_id = $1 AND date = $2")
            .bind(child_id)
            .bind(date)
            .execute(&mut *self.tx)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn pickup_plan_of(&mut self, child_id: Id, date: Date) -> StoreResult<Option<PickupPlan>> {
        let row: Option<PickupPlanRow> = sqlx::query_as(&format!("{PLAN_SELECT} WHERE k.child_id = $1 AND k.date = $2"))
            .bind(child_id)
            .bind(date)
            .fetch_optional(&mut *self.tx)
            .await?;
        row.map(PickupPlan::try_from).transpose()
    }

    async fn plans_naming(&mut self, person_id: Id, from: Date) -> StoreResult<Vec<PickupPlan>> {
        let rows: Vec<PickupPlanRow> =
            sqlx::query_as(&format!("{PLAN_SELECT} WHERE k.person_id = $1 AND k.date >= $2 ORDER BY k.date, k.child_id"))
                .bind(person_id)
                .bind(from)
                .fetch_all(&mut *self.tx)
                .await?;
        rows.into_iter().map(PickupPlan::try_from).collect()
    }
}

#[async_trait]
impl PickupStore for DbStore {
    async fn begin_pickup_unit(&self) -> StoreResult<Box<dyn PickupUnit>> {
        Ok(Box::new(DbUnit {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn pickup_person(&self, id: Id) -> StoreResult<Option<PickupPerson>> {
        let row: Option<PickupPersonRow> =
            sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM pickup_people p WHERE p.id = $1"))
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(Into::into))
    }

    async fn pickup_people(&self, family_id: Id) -> StoreResult<Vec<PickupPerson>> {
        let rows: Vec<PickupPersonRow> = sqlx::query_as(&format!(
            "SELECT {PERSON_COLUMNS} FROM pickup_people p WHERE p.family_id = $1 AND p.removed_at IS NULL
             ORDER BY p.added_at, p.id"
        ))
        .bind(family_id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn unconfirmed_pickup_people(&self, nursery_id: Id) -> StoreResult<Vec<PickupPerson>> {
        let rows: Vec<PickupPersonRow> = sqlx::query_as(&format!(
            "SELECT {PERSON_COLUMNS} FROM pickup_people p JOIN families f ON f.id = p.family_id
             WHERE f.nursery_id = $1 AND p.confirmed_at IS NULL AND p.removed_at IS NULL ORDER BY p.added_at, p.id"
        ))
        .bind(nursery_id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn pickup_plan(&self, child_id: Id, date: Date) -> StoreResult<Option<PickupPlan>> {
        let row: Option<PickupPlanRow> = sqlx::query_as(&format!("{PLAN_SELECT} WHERE k.child_id = $1 AND k.date = $2"))
            .bind(child_id)
            .bind(date)
            .fetch_optional(self.reader())
            .await?;
        row.map(PickupPlan::try_from).transpose()
    }

    async fn pickup_plans(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<PickupPlan>> {
        let rows: Vec<PickupPlanRow> = sqlx::query_as(&format!(
            "{PLAN_SELECT} WHERE k.nursery_id = $1 AND k.date = $2 ORDER BY k.pickup_second, k.child_id"
        ))
        .bind(nursery_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter().map(PickupPlan::try_from).collect()
    }

    async fn pickup_warnings(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<PickupWarning>> {
        let rows: Vec<PickupWarningRow> = sqlx::query_as(&format!(
            "SELECT {WARNING_COLUMNS} FROM pickup_warnings WHERE nursery_id = $1 AND date = $2 ORDER BY raised_at DESC, id"
        ))
        .bind(nursery_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
