// A family's edit or withdrawal of an absence report before it is acknowledged: statements of
// the service's unit of work. Shared SQL, included by each backend.

#[async_trait]
impl AbsenceUnit for DbUnit {
    async fn absence_for_change(&mut self, id: Id) -> StoreResult<Option<AbsenceReport>> {
        let row: Option<AbsenceRow> = sqlx::query_as(&format!("{ABSENCE_SELECT} WHERE id = $1{FOR_NO_KEY_UPDATE}"))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let symptoms: Vec<(Id, String)> = sqlx::query_as("SELECT absence_id, symptom FROM absence_symptoms WHERE absence_id = $1")
            .bind(id)
            .fetch_all(&mut *self.tx)
            .await?;
        Ok(assemble_absences(vec![row], symptoms)?.pop())
    }

    async fn update_absence(&mut self, report: &AbsenceReport) -> StoreResult<bool> {
        let updated = sqlx::query(
            "UPDATE absence_reports SET reason = $1, expected_arrival = $2, note = $3, updated_at = $4
             WHERE id = $5 AND acknowledged_at IS NULL",
        )
        .bind(report.reason.as_str())
        .bind(report.expected_arrival)
        .bind(&report.note)
        .bind(report.updated_at)
        .bind(report.id)
        .execute(&mut *self.tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM absence_symptoms WHERE absence_id = $1")
            .bind(report.id)
            .execute(&mut *self.tx)
            .await?;
        for symptom in &report.symptoms {
            sqlx::query("INSERT INTO absence_symptoms (absence_id, symptom) VALUES ($1, $2)")
                .bind(report.id)
                .bind(symptom.as_str())
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(true)
    }

    async fn withdraw_absence(&mut self, report: &AbsenceReport, by: Id, at: Timestamp) -> StoreResult<bool> {
        let json = serde_json::to_string(report).map_err(anyhow::Error::from)?;
        // Deleted first, so that a report acknowledged meanwhile is neither archived nor lost.
        let deleted = sqlx::query("DELETE FROM absence_reports WHERE id = $1 AND acknowledged_at IS NULL")
            .bind(report.id)
            .execute(&mut *self.tx)
            .await?;
        if deleted.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO withdrawn_absence_reports (id, child_id, nursery_id, family_id, kind, date, report, withdrawn_by, withdrawn_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(report.id)
        .bind(report.child_id)
        .bind(report.nursery_id)
        .bind(report.family_id)
        .bind(report.kind.as_str())
        .bind(report.date)
        .bind(json)
        .bind(by)
        .bind(at)
        .execute(&mut *self.tx)
        .await?;
        Ok(true)
    }
}
