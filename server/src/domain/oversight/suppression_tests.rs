//! Small-count suppression: what an officer's breakdowns withhold, and what stays.

use time::macros::date;

use super::*;

fn band(age_band: i32, enrolled: i64, present: i64, absent: i64, late: i64) -> (i32, DayCounts) {
    (
        age_band,
        DayCounts {
            enrolled,
            present,
            absent,
            late,
        },
    )
}

#[test]
fn small_cells_go_and_so_does_the_one_that_would_give_a_lone_cell_back() {
    assert_eq!(cells_to_withhold(&[0, 5, 9], 3), [false, false, false]);
    assert_eq!(cells_to_withhold(&[1, 5, 9], 3), [true, true, false]);
    assert_eq!(cells_to_withhold(&[1, 2, 9], 3), [true, true, false]);
    assert_eq!(cells_to_withhold(&[2], 3), [true]);
    assert_eq!(
        cells_to_withhold(&[1, 5, 9], 1),
        [false, false, false],
        "threshold 1: off"
    );
    assert_eq!(cells_to_withhold(&[1, 5, 9], 0), [false, false, false]);
}

#[test]
fn a_band_of_one_enrolled_child_absent_is_withheld_whole() {
    // The case: one child in the band, and that child absent.
    let released = release_bands(&[band(0, 1, 0, 1, 0), band(1, 12, 10, 2, 0), band(2, 20, 20, 0, 1)], 3);
    let infants = released[0];
    assert_eq!(
        (infants.enrolled, infants.present, infants.absent, infants.late),
        (None, None, None, None)
    );
    assert!(infants.suppressed());
    // Each column with one withheld cell loses its smallest other cell too, so the nursery's
    // totals minus the rest reveal nothing.
    assert_eq!(released[1].enrolled, None);
    assert_eq!(released[2].enrolled, Some(20));
    assert_eq!(released[1].absent, None, "2 absent is small");
    assert_eq!(released[2].late, None, "one late child");
    assert!(released.iter().all(ReleasedBand::suppressed));
}

#[test]
fn present_goes_when_the_children_missing_are_few() {
    let released = release_bands(&[band(3, 20, 19, 0, 0), band(4, 25, 20, 5, 0)], 3);
    assert_eq!(released[0].present, None, "20 − 19: one child missing");
    assert_eq!(released[0].enrolled, Some(20));
    assert_eq!(released[0].absent, Some(0), "zero singles nobody out");
    assert_eq!(released[1].present, None, "secondary: the column's other cell");
    assert_eq!(released[1].absent, Some(5));
}

#[test]
fn large_counts_and_readers_who_run_the_nursery_see_everything() {
    let bands = [band(0, 1, 0, 1, 0), band(1, 12, 10, 2, 0)];
    for released in release_bands(&bands, 0) {
        assert!(!released.suppressed());
    }
    let big = release_bands(&[band(4, 25, 20, 5, 3), band(5, 30, 26, 4, 0)], 3);
    assert!(big.iter().all(|b| !b.suppressed()), "{big:?}");
}

fn row(nursery: Id, classroom: &str, symptom: Symptom, children: i64) -> ClassroomSymptomDay {
    ClassroomSymptomDay {
        nursery_id: nursery,
        classroom_id: Id::new(),
        classroom_name: classroom.into(),
        age_band: 2,
        date: date!(2026 - 11 - 02),
        symptom,
        children,
    }
}

#[test]
fn a_classroom_symptom_count_of_one_is_withheld_with_its_neighbour() {
    let (a, b) = (Id::new(), Id::new());
    let rows = [
        row(a, "ひよこ組", Symptom::Fever, 1),
        row(a, "うさぎ組", Symptom::Fever, 4),
        row(a, "きりん組", Symptom::Fever, 6),
        row(a, "ひよこ組", Symptom::Cough, 5),
        row(b, "ぱんだ組", Symptom::Fever, 3),
    ];
    assert_eq!(
        release_classroom_counts(&rows, 3),
        [None, None, Some(6), Some(5), Some(3)],
        "groups are one nursery's day and symptom"
    );
    assert_eq!(
        release_classroom_counts(&rows, 0),
        [Some(1), Some(4), Some(6), Some(5), Some(3)]
    );
}
