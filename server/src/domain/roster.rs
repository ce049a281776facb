//! Children through the year, as pure rules: when a child may move to another classroom, the
//! April move-up (every classroom's children to the next age band's classroom), and whether a
//! withdrawal date makes sense. History is never rewritten: a move or withdrawal may be dated
//! back, but not before what is already recorded for the child.

use time::Date;

use super::{Child, Classroom, Id};
use crate::error::{AppError, AppResult};

/// Checks a move of `child` (whose latest placement began `latest_start`) to `target` from
/// `from`.
pub fn check_move(child: &Child, latest_start: Date, target: &Classroom, from: Date) -> AppResult<()> {
    if target.nursery_id != child.nursery_id {
        return Err(AppError::bad_input(
            "classroomId",
            "the classroom is at another nursery",
        ));
    }
    if from < child.enrolled_on || from < latest_start {
        return Err(AppError::bad_input(
            "from",
            format!("a move starts on or after {}", latest_start.max(child.enrolled_on)),
        ));
    }
    if child.withdrawn_on.is_some_and(|w| from >= w) {
        return Err(AppError::bad_input("from", "the child is withdrawn by then"));
    }
    if target.id == child.classroom_id && from <= latest_start {
        return Err(AppError::bad_input(
            "classroomId",
            "the child is already in this classroom",
        ));
    }
    Ok(())
}

/// Checks a withdrawal of `child` from `date` (the first day not enrolled).
pub fn check_withdrawal(child: &Child, latest_start: Date, date: Date) -> AppResult<()> {
    if date <= child.enrolled_on || date <= latest_start {
        return Err(AppError::bad_input(
            "date",
            "the withdrawal date comes after the child's enrolment and last move",
        ));
    }
    if child.withdrawn_on.is_some() {
        return Err(AppError::conflict("the child is already withdrawn"));
    }
    Ok(())
}

/// One child's move in the April move-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedMove {
    pub child_id: Id,
    pub from_classroom: Id,
    pub to_classroom: Id,
}

/// The move-up of a nursery, before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoveUpPlan {
    pub moves: Vec<PlannedMove>,
    /// Children of the oldest band (5歳児): they leave for school, nobody moves them.
    pub graduating: Vec<Id>,
    /// Classrooms whose children have no single next classroom (none, or several of the next
    /// age band): their children stay until moved one by one.
    pub unplaced_classrooms: Vec<Id>,
}

/// The oldest age band a nursery keeps.
pub const OLDEST_BAND: i32 = 5;

/// Every child of a classroom of band `b` to the one classroom of band `b + 1`.
pub fn plan_move_up(classrooms: &[Classroom], children: &[Child]) -> MoveUpPlan {
    let mut plan = MoveUpPlan::default();
    for classroom in classrooms {
        let members = children.iter().filter(|c| c.classroom_id == classroom.id);
        if classroom.age_band >= OLDEST_BAND {
            plan.graduating.extend(members.map(|c| c.id));
            continue;
        }
        let next: Vec<&Classroom> = classrooms
            .iter()
            .filter(|c| c.age_band == classroom.age_band + 1)
            .collect();
        match next.as_slice() {
            [target] => plan.moves.extend(members.map(|c| PlannedMove {
                child_id: c.id,
                from_classroom: classroom.id,
                to_classroom: target.id,
            })),
            _ => {
                if children.iter().any(|c| c.classroom_id == classroom.id) {
                    plan.unplaced_classrooms.push(classroom.id);
                }
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn room(nursery: Id, band: i32) -> Classroom {
        Classroom {
            id: Id::new(),
            nursery_id: nursery,
            name: format!("{band}歳児"),
            age_band: band,
        }
    }

    fn child(room: &Classroom) -> Child {
        Child {
            id: Id::new(),
            family_id: Id::new(),
            classroom_id: room.id,
            nursery_id: room.nursery_id,
            name: "佐藤 はな".into(),
            name_kana: None,
            birth_date: date!(2023 - 05 - 10),
            enrolled_on: date!(2025 - 04 - 01),
            withdrawn_on: None,
        }
    }

    #[test]
    fn every_band_moves_up_the_oldest_graduate_and_ambiguous_bands_stay() {
        let nursery = Id::new();
        let (one, two, three_a, three_b, four, five) = (
            room(nursery, 1),
            room(nursery, 2),
            room(nursery, 3),
            room(nursery, 3),
            room(nursery, 4),
            room(nursery, 5),
        );
        let rooms = vec![
            one.clone(),
            two.clone(),
            three_a.clone(),
            three_b.clone(),
            four.clone(),
            five.clone(),
        ];
        let kids = vec![child(&one), child(&two), child(&two), child(&four), child(&five)];
        let plan = plan_move_up(&rooms, &kids);
        // 1 → 2; 4 → 5; 2 has two classrooms of band 3 to choose from: it stays.
        assert_eq!(plan.moves.len(), 2);
        assert!(plan
            .moves
            .iter()
            .any(|m| m.from_classroom == one.id && m.to_classroom == two.id));
        assert!(plan
            .moves
            .iter()
            .any(|m| m.from_classroom == four.id && m.to_classroom == five.id));
        assert_eq!(plan.unplaced_classrooms, vec![two.id]);
        assert_eq!(plan.graduating, vec![kids[4].id]);
    }

    #[test]
    fn moves_and_withdrawals_do_not_rewrite_history() {
        let nursery = Id::new();
        let (one, two) = (room(nursery, 1), room(nursery, 2));
        let hana = child(&one);
        let start = hana.enrolled_on;
        assert!(check_move(&hana, start, &two, date!(2025 - 10 - 01)).is_ok());
        assert!(
            check_move(&hana, start, &two, date!(2025 - 03 - 31)).is_err(),
            "before enrolment"
        );
        assert!(
            check_move(&hana, start, &room(Id::new(), 2), date!(2025 - 10 - 01)).is_err(),
            "another nursery"
        );
        assert!(
            check_move(&hana, date!(2025 - 11 - 01), &two, date!(2025 - 10 - 01)).is_err(),
            "before the last move"
        );
        assert!(check_withdrawal(&hana, start, date!(2026 - 03 - 31)).is_ok());
        assert!(check_withdrawal(&hana, start, start).is_err());
        let gone = Child {
            withdrawn_on: Some(date!(2026 - 01 - 01)),
            ..hana.clone()
        };
        assert!(check_withdrawal(&gone, start, date!(2026 - 03 - 31)).is_err());
        assert!(
            check_move(&gone, start, &two, date!(2026 - 02 - 01)).is_err(),
            "after withdrawal"
        );
    }
}
