// Children through the year: placements (the classroom from each date), withdrawal, corrections
// and renames. Shared SQL, included by each backend (see store/roster_work.rs).

use crate::store::roster_work::{RosterReads, RosterWork};

/// The placement of the child on date `$1`.
const PLACEMENT_ON: &str = "p.child_id = children.id AND p.from_date <= $1 AND (p.until_date IS NULL OR p.until_date > $1)";

#[async_trait]
impl RosterReads for DbStore {
    async fn begin_roster_work(&self) -> StoreResult<Box<dyn RosterWork>> {
        Ok(Box::new(RosterWorkTx {
            tx: self.begin_write().await?,
            clock: self.clock.clone(),
        }))
    }

    async fn latest_placement_start(&self, child_id: Id) -> StoreResult<Option<Date>> {
        Ok(sqlx::query_scalar("SELECT MAX(from_date) FROM child_placements WHERE child_id = $1")
            .bind(child_id)
            .fetch_one(self.reader())
            .await?)
    }

    async fn children_on_roll(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<Child>> {
        let rows: Vec<ChildRow> = sqlx::query_as(&format!(
            "SELECT {CHILD_COLUMNS} FROM children c WHERE c.nursery_id = $1 AND c.enrolled_on <= $2
             AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $2) ORDER BY c.name_kana, c.name, c.id"
        ))
        .bind(nursery_id)
        .bind(date)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Child::from).collect())
    }

    async fn apply_due_placements(&self, now: Timestamp) -> StoreResult<usize> {
        let offsets: Vec<i32> = sqlx::query_scalar("SELECT DISTINCT utc_offset_minutes FROM nurseries")
            .fetch_all(self.reader())
            .await?;
        let mut moved = 0;
        for minutes in offsets {
            let today = now.local_date(crate::domain::calendar::offset_from_minutes(minutes));
            let mut tx = self.begin_write().await?;
            let done = sqlx::query(&format!(
                "UPDATE children SET classroom_id = (SELECT p.classroom_id FROM child_placements p WHERE {PLACEMENT_ON})
                 WHERE nursery_id IN (SELECT id FROM nurseries WHERE utc_offset_minutes = $2)
                 AND EXISTS (SELECT 1 FROM child_placements p WHERE {PLACEMENT_ON} AND p.classroom_id <> children.classroom_id)"
            ))
            .bind(today)
            .bind(minutes)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            moved += done.rows_affected() as usize;
        }
        Ok(moved)
    }
}

struct RosterWorkTx {
    tx: sqlx::Transaction<'static, Db>,
    clock: Arc<dyn Clock>,
}

#[async_trait]
impl RosterWork for RosterWorkTx {
    async fn place_child(&mut self, child: &Child, classroom_id: Id, from: Date) -> StoreResult<()> {
        sqlx::query("DELETE FROM child_placements WHERE child_id = $1 AND from_date >= $2")
            .bind(child.id)
            .bind(from)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "UPDATE child_placements SET until_date = $1
             WHERE child_id = $2 AND from_date < $1 AND (until_date IS NULL OR until_date > $1)",
        )
        .bind(from)
        .bind(child.id)
        .execute(&mut *self.tx)
        .await?;
        sqlx::query(
            "INSERT INTO child_placements (child_id, classroom_id, nursery_id, from_date, until_date)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(child.id)
        .bind(classroom_id)
        .bind(child.nursery_id)
        .bind(from)
        .bind(child.withdrawn_on)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn set_current_classroom(&mut self, child_id: Id, classroom_id: Id) -> StoreResult<()> {
        sqlx::query("UPDATE children SET classroom_id = $1 WHERE id = $2")
            .bind(classroom_id)
            .bind(child_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn withdraw_child(&mut self, child_id: Id, date: Date, at: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE children SET withdrawn_on = $1, withdrawn_at = $2 WHERE id = $3")
            .bind(date)
            .bind(at)
            .bind(child_id)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "UPDATE child_placements SET until_date = $1
             WHERE child_id = $2 AND from_date < $1 AND (until_date IS NULL OR until_date > $1)",
        )
        .bind(date)
        .bind(child_id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn update_child(&mut self, child: &Child) -> StoreResult<()> {
        sqlx::query("UPDATE children SET name = $1, name_kana = $2, birth_date = $3 WHERE id = $4")
            .bind(&child.name)
            .bind(&child.name_kana)
            .bind(child.birth_date)
            .bind(child.id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn rename_classroom(&mut self, classroom_id: Id, name: &str) -> StoreResult<()> {
        let renamed = sqlx::query("UPDATE classrooms SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(classroom_id)
            .execute(&mut *self.tx)
            .await;
        match renamed {
            Ok(_) => Ok(()),
            Err(err) => Err(unique_violation_as(err, "the nursery already has a classroom of this name")),
        }
    }

    async fn rename_nursery(&mut self, nursery_id: Id, name: &str) -> StoreResult<()> {
        sqlx::query("UPDATE nurseries SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(nursery_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn insert_classroom(&mut self, id: Id, nursery_id: Id, name: &str, age_band: i32) -> StoreResult<()> {
        let inserted = sqlx::query(
            "INSERT INTO classrooms (id, nursery_id, name, age_band, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(nursery_id)
        .bind(name)
        .bind(age_band)
        .bind(self.clock.now())
        .execute(&mut *self.tx)
        .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(err) => Err(unique_violation_as(err, "the nursery already has a classroom of this name")),
        }
    }

    async fn insert_family(&mut self, id: Id, nursery_id: Id) -> StoreResult<()> {
        sqlx::query("INSERT INTO families (id, nursery_id, created_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(nursery_id)
            .bind(self.clock.now())
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn insert_child(&mut self, child: &Child) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO children (id, family_id, classroom_id, nursery_id, name, name_kana, birth_date, enrolled_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(child.id)
        .bind(child.family_id)
        .bind(child.classroom_id)
        .bind(child.nursery_id)
        .bind(&child.name)
        .bind(&child.name_kana)
        .bind(child.birth_date)
        .bind(child.enrolled_on)
        .bind(self.clock.now())
        .execute(&mut *self.tx)
        .await?;
        sqlx::query(
            "INSERT INTO child_placements (child_id, classroom_id, nursery_id, from_date) VALUES ($1, $2, $3, $4)",
        )
        .bind(child.id)
        .bind(child.classroom_id)
        .bind(child.nursery_id)
        .bind(child.enrolled_on)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn insert_invitation(&mut self, code: &crate::domain::accounts::AccountCode, code_hash: &str) -> StoreResult<()> {
        insert_account_code(&mut self.tx, code, code_hash).await
    }

    async fn audit(&mut self, entry: &crate::audit::NewAuditEntry) -> StoreResult<()> {
        DbStore::insert_audit(&mut self.tx, entry).await
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}
