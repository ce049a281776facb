//! The group-commit writer at the store, with writes that must meet inside one batch: a child
//! checked in twice, one key sent twice, a check-out before its check-in, a check-out after an
//! arrival of the same batch, an unknown child. Every write is answered as if it had been
//! written alone, the events land in the log in batch order, first arrivals count once in the
//! daily rollup, and a refused write's idempotency key stays free.

use std::sync::Arc;

use tsunagu::domain::calendar::{offset_from_minutes, LocalDay, JST_OFFSET_MINUTES};
use tsunagu::domain::*;
use tsunagu::service::attendance_batch::record_attendances;
use tsunagu::store::{AttendanceWrite, IdempotencyKey, NewUser, Store, StoreError};

use crate::helpers::*;

crate::on_both_backends!(conflicting_writes_in_one_batch);

pub(crate) struct Nursery {
    pub id: Id,
    pub staff: Id,
    pub children: Vec<Child>,
}

pub(crate) async fn nursery(store: &Arc<dyn Store>) -> Nursery {
    let municipality = store.create_municipality("いわき市", "072044").await.unwrap();
    let nursery = store.create_nursery(municipality.id, "白土保育所").await.unwrap();
    let classroom = store.create_classroom(nursery.id, "ひよこ組", 1).await.unwrap();
    let staff = store
        .create_user(NewUser {
            id: Id::new(),
            email: "staff@batch.test".into(),
            display_name: "保育士".into(),
            locale: "ja-JP".into(),
            password_hash: "not a usable hash".into(),
            grant: Some(RoleGrant {
                role: Role::Staff,
                scope_id: Some(nursery.id),
            }),
        })
        .await
        .unwrap();
    let mut children = Vec::new();
    for name in ["はると", "ゆい", "そうた"] {
        let family = store.create_family(nursery.id).await.unwrap();
        let today = today_jst();
        let child = store
            .enroll_child(Child {
                id: Id::new(),
                family_id: family.id,
                classroom_id: classroom.id,
                nursery_id: nursery.id,
                name: name.into(),
                name_kana: None,
                birth_date: today - time::Duration::days(800),
                enrolled_on: today - time::Duration::days(30),
                withdrawn_on: None,
            })
            .await
            .unwrap();
        children.push(child);
    }
    Nursery {
        id: nursery.id,
        staff: staff.id,
        children,
    }
}

pub(crate) fn write(nursery: &Nursery, child: &Child, kind: AttendanceKind, key: Option<&str>) -> AttendanceWrite {
    let operation = match kind {
        AttendanceKind::CheckIn => "checkIn",
        AttendanceKind::CheckOut => "checkOut",
    };
    AttendanceWrite {
        event: AttendanceEvent {
            id: Id::new(),
            child_id: child.id,
            nursery_id: nursery.id,
            family_id: child.family_id,
            kind,
            occurred_at: Timestamp::now(),
            recorded_by: nursery.staff,
            pickup_by: None,
            pickup_person_id: None,
            position: Position::default(),
            corrects: None,
            correction_reason: None,
        },
        day: LocalDay::new(today_jst(), offset_from_minutes(JST_OFFSET_MINUTES)),
        key: key.map(|key| IdempotencyKey {
            user_id: nursery.staff,
            key: key.into(),
            operation,
        }),
        trail: None,
    }
}

async fn conflicting_writes_in_one_batch(backend: Backend) {
    let db = TestDb::create(&backend).await;
    let store = tsunagu::store::connect(&db.url).await.unwrap();
    let n = nursery(&store).await;
    let [haruto, yui, sota] = [&n.children[0], &n.children[1], &n.children[2]];
    let mut stranger = haruto.clone();
    stranger.id = Id::new();

    let batch = vec![
        write(&n, haruto, AttendanceKind::CheckIn, Some("a")),
        write(&n, haruto, AttendanceKind::CheckIn, Some("b")),
        write(&n, yui, AttendanceKind::CheckIn, Some("c")),
        write(&n, yui, AttendanceKind::CheckIn, Some("c")),
        write(&n, sota, AttendanceKind::CheckOut, Some("d")),
        write(&n, haruto, AttendanceKind::CheckOut, None),
        write(&n, &stranger, AttendanceKind::CheckIn, None),
        write(&n, sota, AttendanceKind::CheckOut, Some("a")),
    ];
    let ids: Vec<Id> = batch.iter().map(|w| w.event.id).collect();
    let answers = record_attendances(&*store, batch).await;
    assert_eq!(answers.len(), 8);

    let recorded = |i: usize| match &answers[i] {
        Ok(recorded) => recorded.clone(),
        Err(error) => panic!("write {i} refused: {error}"),
    };
    assert!(
        !recorded(0).replayed && recorded(0).value.id == ids[0],
        "the first check-in"
    );
    assert!(
        matches!(&answers[1], Err(StoreError::Conflict(_))),
        "checked in twice: {:?}",
        answers[1]
    );
    assert!(!recorded(2).replayed);
    assert!(
        recorded(3).replayed && recorded(3).value.id == ids[2],
        "the same key again is a replay"
    );
    assert!(
        matches!(&answers[4], Err(StoreError::Conflict(_))),
        "out before in: {:?}",
        answers[4]
    );
    assert_eq!(recorded(5).value.id, ids[5], "out after an arrival of the same batch");
    assert!(matches!(&answers[6], Err(StoreError::NotFound)), "{:?}", answers[6]);
    assert!(
        matches!(&answers[7], Err(StoreError::BadInput { field, .. }) if field == "idempotencyKey"),
        "a key used for another write: {:?}",
        answers[7]
    );

    // Log positions follow the batch order.
    let positions = [recorded(0), recorded(2), recorded(5)].map(|r| r.value.position);
    assert!(
        positions[0] < positions[1] && positions[1] < positions[2],
        "{positions:?}"
    );

    // Two first arrivals in the classroom's rollup; the refused write's key is free again.
    let today = today_jst();
    let days = store.nursery_days(&[n.id], today, today).await.unwrap();
    let present: i64 = days.iter().map(|d| d.totals().present).sum();
    assert_eq!(present, 2, "haruto and yui, each once");
    let sota_in = record_attendances(&*store, vec![write(&n, sota, AttendanceKind::CheckIn, None)]).await;
    assert!(sota_in[0].is_ok());
    let sota_out = record_attendances(&*store, vec![write(&n, sota, AttendanceKind::CheckOut, Some("d"))]).await;
    assert!(
        matches!(&sota_out[0], Ok(r) if !r.replayed),
        "the refused write left its key free: {:?}",
        sota_out[0]
    );
    let days = store.nursery_days(&[n.id], today, today).await.unwrap();
    assert_eq!(days.iter().map(|d| d.totals().present).sum::<i64>(), 3);
}
