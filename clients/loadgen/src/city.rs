//! The benchmark city, written straight into the database: nurseries with a classroom and a
//! teacher each, one family per child with a guardian holding a session, and yesterday's
//! arrivals and departures, so the event tables hold history as they do in a real city.

use std::sync::Arc;

use futures::StreamExt;
use time::macros::time;
use tsunagu::domain::calendar::{offset_from_minutes, LocalDay, JST_OFFSET_MINUTES};
use tsunagu::domain::*;
use tsunagu::store::{AttendanceWrite, NewUser, Store};

/// One child of the city, their family's guardian and their teacher.
pub struct Family {
    /// The nursery's index (its tablet).
    pub nursery: usize,
    pub nursery_id: Id,
    pub family_id: Id,
    pub teacher_id: Id,
    pub child: Id,
    pub guardian_token: String,
}

/// The city, written directly: nurseries with a classroom and a teacher each, and one family
/// per child with one guardian holding a session.
pub async fn populate(
    store: &Arc<dyn Store>,
    nurseries: usize,
    children_per_nursery: usize,
) -> anyhow::Result<(Vec<String>, Vec<Family>)> {
    let municipality = store.create_municipality("いわき市", "072044").await?;
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$not-a-usable-hash".to_owned();
    let expires = Timestamp(time::OffsetDateTime::now_utc() + time::Duration::days(1));
    let mut staff_tokens = Vec::new();
    let mut families = Vec::new();
    for n in 0..nurseries {
        let nursery = store.create_nursery(municipality.id, &format!("保育所{n}")).await?;
        let classroom = store.create_classroom(nursery.id, "きりん組", 3).await?;
        let staff = store
            .create_user(new_user(&format!("staff{n}@rush.test"), &hash, Role::Staff, nursery.id))
            .await?;
        staff_tokens.push(session(store, staff.id, expires).await?);
        let made = futures::stream::iter(0..children_per_nursery)
            .map(|c| {
                let (store, hash, staff) = (store.clone(), hash.clone(), staff.clone());
                async move {
                    let family = store.create_family(nursery.id).await?;
                    let child = store
                        .enroll_child(Child {
                            id: Id::new(),
                            family_id: family.id,
                            classroom_id: classroom.id,
                            nursery_id: nursery.id,
                            name: format!("園児 {n}-{c}"),
                            name_kana: None,
                            birth_date: time::macros::date!(2022 - 06 - 01),
                            enrolled_on: time::macros::date!(2025 - 04 - 01),
                            withdrawn_on: None,
                        })
                        .await?;
                    let guardian = store
                        .create_user(new_user(
                            &format!("g{n}-{c}@rush.test"),
                            &hash,
                            Role::Guardian,
                            family.id,
                        ))
                        .await?;
                    let guardian_token = session(&store, guardian.id, expires).await?;
                    anyhow::Ok(Family {
                        nursery: n,
                        nursery_id: nursery.id,
                        family_id: family.id,
                        teacher_id: staff.id,
                        child: child.id,
                        guardian_token,
                    })
                }
            })
            .buffer_unordered(16)
            .collect::<Vec<_>>()
            .await;
        for family in made {
            families.push(family?);
        }
    }
    Ok((staff_tokens, families))
}

fn new_user(email: &str, hash: &str, role: Role, scope: Id) -> NewUser {
    NewUser {
        id: Id::new(),
        email: email.to_owned(),
        display_name: email.to_owned(),
        locale: "ja-JP".into(),
        password_hash: hash.to_owned(),
        grant: Some(RoleGrant {
            role,
            scope_id: Some(scope),
        }),
    }
}

async fn session(store: &Arc<dyn Store>, user: Id, expires: Timestamp) -> anyhow::Result<String> {
    let token = tsunagu::auth::token::generate();
    store
        .create_session(&tsunagu::auth::token::hash(&token), user, expires)
        .await?;
    Ok(token)
}

/// Yesterday's arrival (08:00) and departure (17:00) of every child, recorded by their teacher
/// through the store's group commit. Returns how many events were written.
pub async fn yesterday(store: &Arc<dyn Store>, families: &[Family]) -> anyhow::Result<usize> {
    let offset = offset_from_minutes(JST_OFFSET_MINUTES);
    let date = time::OffsetDateTime::now_utc().to_offset(offset).date() - time::Duration::days(1);
    let day = LocalDay::new(date, offset);
    let at = |clock| Timestamp(date.with_time(clock).assume_offset(offset));
    let writes: Vec<AttendanceWrite> = families
        .iter()
        .flat_map(|family| {
            [
                (AttendanceKind::CheckIn, time!(08:00)),
                (AttendanceKind::CheckOut, time!(17:00)),
            ]
            .map(|(kind, clock)| AttendanceWrite {
                event: AttendanceEvent {
                    id: Id::new(),
                    child_id: family.child,
                    nursery_id: family.nursery_id,
                    family_id: family.family_id,
                    kind,
                    occurred_at: at(clock),
                    recorded_by: family.teacher_id,
                    pickup_by: None,
                    pickup_person_id: None,
                    position: Position::default(),
                    corrects: None,
                    correction_reason: None,
                },
                day,
                key: None,
                trail: Some(tsunagu::audit::WriteContext {
                    actor_id: Some(family.teacher_id),
                    operation: match kind {
                        AttendanceKind::CheckIn => "checkIn".into(),
                        AttendanceKind::CheckOut => "checkOut".into(),
                    },
                    client_addr: None,
                }),
            })
        })
        .collect();
    // A child's check-out must follow their check-in: each child's pair stays in one chunk.
    let chunks: Vec<Vec<AttendanceWrite>> = writes.chunks(64).map(<[_]>::to_vec).collect();
    let answers: Vec<_> = futures::stream::iter(chunks)
        .map(|chunk| {
            let store = store.clone();
            async move { tsunagu::service::attendance_batch::record_attendances(&*store, chunk).await }
        })
        .buffer_unordered(4)
        .collect()
        .await;
    let mut written = 0;
    for answer in answers.into_iter().flatten() {
        answer?;
        written += 1;
    }
    Ok(written)
}
