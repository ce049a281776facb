// Municipalities, nurseries, classrooms, families and children, and the scope lookups that
// authorization decisions are made on. Shared SQL, included by each backend.

#[derive(sqlx::FromRow)]
struct ChildRow {
    id: Id,
    family_id: Id,
    classroom_id: Id,
    nursery_id: Id,
    name: String,
    name_kana: Option<String>,
    birth_date: Date,
    enrolled_on: Date,
    withdrawn_on: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct PlacedChildRow {
    #[sqlx(flatten)]
    child: ChildRow,
    municipality_id: Id,
    utc_offset_minutes: i32,
}

impl From<ChildRow> for Child {
    fn from(r: ChildRow) -> Self {
        Child {
            id: r.id,
            family_id: r.family_id,
            classroom_id: r.classroom_id,
            nursery_id: r.nursery_id,
            name: r.name,
            name_kana: r.name_kana,
            birth_date: r.birth_date,
            enrolled_on: r.enrolled_on,
            withdrawn_on: r.withdrawn_on,
        }
    }
}

const CHILD_COLUMNS: &str =
    "c.id, c.family_id, c.classroom_id, c.nursery_id, c.name, c.name_kana, c.birth_date, c.enrolled_on, c.withdrawn_on";

/// Appends `(…)` binding `keys`, padded to a power-of-two length by repeating the last key: the
/// key lists of coalesced reads and group commits vary in length with every batch, and a few
/// statement shapes (1, 2, 4 … keys) stay prepared on every connection where one per length
/// would not.
fn push_padded_list<T>(query: &mut QueryBuilder<'_, Db>, keys: &[T])
where
    T: Clone + Send + for<'q> sqlx::Encode<'q, Db> + sqlx::Type<Db> + 'static,
{
    let Some(last) = keys.last() else {
        query.push("(NULL)");
        return;
    };
    let mut list = query.separated(", ");
    list.push_unseparated("(");
    for key in keys {
        list.push_bind(key.clone());
    }
    for _ in keys.len()..keys.len().next_power_of_two() {
        list.push_bind(last.clone());
    }
    list.push_unseparated(")");
}

/// Appends `AND (c.nursery_id IN (..) OR c.family_id IN (..))`: the policy's filter as SQL.
/// An empty filter matches nothing.
fn push_child_filter(query: &mut QueryBuilder<'_, Db>, alias: &str, filter: &ChildFilter) {
    query.push(" AND (1 = 0");
    if !filter.nurseries.is_empty() {
        query.push(format!(" OR {alias}.nursery_id IN ("));
        let mut list = query.separated(", ");
        for id in &filter.nurseries {
            list.push_bind(*id);
        }
        query.push(")");
    }
    if !filter.families.is_empty() {
        query.push(format!(" OR {alias}.family_id IN ("));
        let mut list = query.separated(", ");
        for id in &filter.families {
            list.push_bind(*id);
        }
        query.push(")");
    }
    query.push(")");
}

/// ` AND column IN (ids)`, or nothing matches when there are none.
fn push_scope_ids(query: &mut QueryBuilder<'_, Db>, column: &str, ids: &[Id]) {
    if ids.is_empty() {
        query.push(" AND 1 = 0");
        return;
    }
    query.push(format!(" AND {column} IN ("));
    let mut list = query.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    query.push(")");
}

#[async_trait]
impl OrgStore for DbStore {
    async fn scope_of(&self, entity: EntityRef) -> StoreResult<Option<Scope>> {
        let (sql, id, child_level) = match entity {
            EntityRef::Municipality(id) => ("SELECT id, NULL, NULL FROM municipalities WHERE id = $1", id, false),
            EntityRef::Nursery(id) => ("SELECT municipality_id, id, NULL FROM nurseries WHERE id = $1", id, false),
            EntityRef::Classroom(id) => (
                "SELECT n.municipality_id, n.id, NULL FROM classrooms c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id = $1",
                id,
                false,
            ),
            EntityRef::Family(id) => (
                "SELECT n.municipality_id, n.id, f.id FROM families f JOIN nurseries n ON n.id = f.nursery_id WHERE f.id = $1",
                id,
                false,
            ),
            EntityRef::Child(id) => (
                "SELECT n.municipality_id, n.id, c.family_id FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id = $1",
                id,
                true,
            ),
            EntityRef::AbsenceReport(id) => (
                "SELECT n.municipality_id, n.id, a.family_id FROM absence_reports a JOIN nurseries n ON n.id = a.nursery_id WHERE a.id = $1",
                id,
                true,
            ),
            EntityRef::Journal(id) => (
                "SELECT n.municipality_id, n.id, j.family_id FROM journals j JOIN nurseries n ON n.id = j.nursery_id WHERE j.id = $1",
                id,
                true,
            ),
        };
        let row: Option<(Option<Id>, Option<Id>, Option<Id>)> =
            sqlx::query_as(sql).bind(id).fetch_optional(self.reader()).await?;
        Ok(row.map(|(municipality, nursery, family)| Scope {
            municipality,
            nursery,
            family,
            child_level,
        }))
    }

    async fn create_municipality(&self, name: &str, code: &str) -> StoreResult<Municipality> {
        let id = Id::new();
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO municipalities (id, name, code, created_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(name)
            .bind(code)
            .bind(self.clock.now())
            .execute(&mut *tx)
            .await
            .map_err(|e| unique_violation_as(e, "a municipality with this code already exists"))?;
        self.commit(tx, Place::Nowhere, &[id]).await?;
        Ok(Municipality {
            id,
            name: name.to_owned(),
            code: code.to_owned(),
        })
    }

    async fn municipality(&self, id: Id) -> StoreResult<Option<Municipality>> {
        let row: Option<(Id, String, String)> =
            sqlx::query_as("SELECT id, name, code FROM municipalities WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(id, name, code)| Municipality { id, name, code }))
    }

    async fn create_nursery(&self, municipality_id: Id, name: &str) -> StoreResult<Nursery> {
        let nursery = Nursery {
            id: Id::new(),
            municipality_id,
            name: name.to_owned(),
            utc_offset_minutes: crate::domain::calendar::JST_OFFSET_MINUTES,
            fever_threshold_c: 37.5,
        };
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO nurseries (id, municipality_id, name, utc_offset_minutes, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(nursery.id)
        .bind(municipality_id)
        .bind(name)
        .bind(nursery.utc_offset_minutes)
        .bind(self.clock.now())
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Nursery(nursery.id), &[municipality_id, nursery.id]).await?;
        Ok(nursery)
    }

    async fn nursery(&self, id: Id) -> StoreResult<Option<Nursery>> {
        let row: Option<(Id, Id, String, i32, f64)> = sqlx::query_as(
            "SELECT id, municipality_id, name, utc_offset_minutes, fever_threshold_c FROM nurseries WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(
            |(id, municipality_id, name, utc_offset_minutes, fever_threshold_c)| Nursery {
                id,
                municipality_id,
                name,
                utc_offset_minutes,
                fever_threshold_c,
            },
        ))
    }

    async fn nurseries_of_municipality(&self, municipality_id: Id) -> StoreResult<Vec<Nursery>> {
        self.nurseries_listed(municipality_id, None).await
    }

    async fn nurseries_listed(&self, municipality_id: Id, only: Option<&ChildFilter>) -> StoreResult<Vec<Nursery>> {
        let mut query = QueryBuilder::<Db>::new(
            "SELECT n.id, n.municipality_id, n.name, n.utc_offset_minutes, n.fever_threshold_c FROM nurseries n
             WHERE n.municipality_id = ",
        );
        query.push_bind(municipality_id);
        if let Some(filter) = only {
            // A guardian's grant names a family: its nursery is theirs.
            query.push(" AND (n.id IN (SELECT f.nursery_id FROM families f WHERE 1 = 1");
            push_scope_ids(&mut query, "f.id", &filter.families);
            query.push(") OR 1 = 1");
            push_scope_ids(&mut query, "n.id", &filter.nurseries);
            query.push(")");
        }
        query.push(" ORDER BY n.name, n.id");
        let rows: Vec<(Id, Id, String, i32, f64)> = query.build_query_as().fetch_all(self.reader()).await?;
        Ok(rows
            .into_iter()
            .map(|(id, municipality_id, name, utc_offset_minutes, fever_threshold_c)| Nursery {
                id,
                municipality_id,
                name,
                utc_offset_minutes,
                fever_threshold_c,
            })
            .collect())
    }

    async fn create_classroom(&self, nursery_id: Id, name: &str, age_band: i32) -> StoreResult<Classroom> {
        let classroom = Classroom {
            id: Id::new(),
            nursery_id,
            name: name.to_owned(),
            age_band,
        };
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO classrooms (id, nursery_id, name, age_band, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(classroom.id)
            .bind(nursery_id)
            .bind(name)
            .bind(age_band)
            .bind(self.clock.now())
            .execute(&mut *tx)
            .await
            .map_err(|e| unique_violation_as(e, "this nursery already has a classroom with this name"))?;
        self.commit(tx, Place::Nursery(nursery_id), &[classroom.id]).await?;
        Ok(classroom)
    }

    async fn classroom(&self, id: Id) -> StoreResult<Option<Classroom>> {
        let row: Option<(Id, Id, String, i32)> =
            sqlx::query_as("SELECT id, nursery_id, name, age_band FROM classrooms WHERE id = $1")
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(row.map(|(id, nursery_id, name, age_band)| Classroom {
            id,
            nursery_id,
            name,
            age_band,
        }))
    }

    async fn classrooms_of_nursery(&self, nursery_id: Id) -> StoreResult<Vec<Classroom>> {
        let rows: Vec<(Id, Id, String, i32)> = sqlx::query_as(
            "SELECT id, nursery_id, name, age_band FROM classrooms WHERE nursery_id = $1 ORDER BY age_band, name, id",
        )
        .bind(nursery_id)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, nursery_id, name, age_band)| Classroom {
                id,
                nursery_id,
                name,
                age_band,
            })
            .collect())
    }

    async fn create_family(&self, nursery_id: Id) -> StoreResult<Family> {
        let family = Family {
            id: Id::new(),
            nursery_id,
        };
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO families (id, nursery_id, created_at) VALUES ($1, $2, $3)")
            .bind(family.id)
            .bind(nursery_id)
            .bind(self.clock.now())
            .execute(&mut *tx)
            .await?;
        self.commit(tx, Place::Nursery(nursery_id), &[family.id]).await?;
        Ok(family)
    }

    async fn family(&self, id: Id) -> StoreResult<Option<Family>> {
        let row: Option<(Id, Id)> = sqlx::query_as("SELECT id, nursery_id FROM families WHERE id = $1")
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(|(id, nursery_id)| Family { id, nursery_id }))
    }

    async fn enroll_child(&self, child: Child) -> StoreResult<Child> {
        let mut tx = self.begin_write().await?;
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
        .execute(&mut *tx)
        .await?;
        // The first placement: reports count each day by the classroom of that day.
        sqlx::query(
            "INSERT INTO child_placements (child_id, classroom_id, nursery_id, from_date) VALUES ($1, $2, $3, $4)",
        )
        .bind(child.id)
        .bind(child.classroom_id)
        .bind(child.nursery_id)
        .bind(child.enrolled_on)
        .execute(&mut *tx)
        .await?;
        self.commit(tx, Place::Nursery(child.nursery_id), &[child.family_id, child.id]).await?;
        Ok(child)
    }

    async fn child(&self, id: Id) -> StoreResult<Option<Child>> {
        let row: Option<ChildRow> = sqlx::query_as(&format!("SELECT {CHILD_COLUMNS} FROM children c WHERE c.id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(Child::from))
    }

    async fn placed_children(&self, ids: &[Id]) -> StoreResult<HashMap<Id, PlacedChild>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut query = QueryBuilder::<Db>::new(format!(
            "SELECT {CHILD_COLUMNS}, n.municipality_id, n.utc_offset_minutes
             FROM children c JOIN nurseries n ON n.id = c.nursery_id WHERE c.id IN "
        ));
        push_padded_list(&mut query, ids);
        let rows: Vec<PlacedChildRow> = query.build_query_as().fetch_all(self.keyed_reader()).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let child = Child::from(row.child);
                let placed = PlacedChild {
                    scope: Scope {
                        municipality: Some(row.municipality_id),
                        nursery: Some(child.nursery_id),
                        family: Some(child.family_id),
                        child_level: true,
                    },
                    child,
                    utc_offset_minutes: row.utc_offset_minutes,
                };
                (placed.child.id, placed)
            })
            .collect())
    }

    async fn children(
        &self,
        filter: &ChildFilter,
        classroom: Option<Id>,
        family: Option<Id>,
    ) -> StoreResult<Vec<Child>> {
        if filter.is_empty() {
            return Ok(Vec::new());
        }
        // Withdrawn children leave the lists from the first instant of their withdrawal date.
        let mut query = QueryBuilder::<Db>::new(format!("SELECT {CHILD_COLUMNS} FROM children c WHERE (c.withdrawn_at IS NULL OR c.withdrawn_at > "));
        query.push_bind(self.clock.now()).push(")");
        push_child_filter(&mut query, "c", filter);
        if let Some(classroom) = classroom {
            query.push(" AND c.classroom_id = ").push_bind(classroom);
        }
        if let Some(family) = family {
            query.push(" AND c.family_id = ").push_bind(family);
        }
        query.push(" ORDER BY c.name_kana, c.name, c.id");
        let rows: Vec<ChildRow> = query.build_query_as().fetch_all(self.reader()).await?;
        Ok(rows.into_iter().map(Child::from).collect())
    }
}
