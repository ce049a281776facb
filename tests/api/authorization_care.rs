//! Care records and journals in the authorization matrix (`authorization.rs`): health checks,
//! meals, naps, growth, allergies, the nursery's care settings, and the journals from draft to
//! approval, each by every caller, at this place in the sequence.

use serde_json::json;

use crate::authorization::Op;

pub(crate) fn ops() -> Vec<Op> {
    vec![
        Op {
            name: "recordHealthCheck",
            query: "mutation($c: ID!) { recordHealthCheck(input: {childId: $c, temperatureC: 36.5}) { id } }",
            vars: |w, _, _| json!({"c": w.child_1a}),
            expect: "UNNAAANNN",
        },
        Op {
            name: "recordMeal LUNCH",
            query: "mutation($c: ID!, $d: Date!) { recordMeal(input: {childId: $c, date: $d, meal: \"LUNCH\", amount: ALL}) { id } }",
            vars: |w, c, _| json!({"c": w.child_1a, "d": c.today}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "recordNapCheck",
            query: "mutation($c: ID!) { recordNapCheck(input: {childId: $c, position: BACK, breathingOk: true}) { id } }",
            vars: |w, _, _| json!({"c": w.child_1a}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "recordGrowth",
            query: "mutation($c: ID!) { recordGrowth(input: {childId: $c, measuredOn: \"2025-10-01\", heightCm: 80.0}) { id } }",
            vars: |w, _, _| json!({"c": w.child_1a}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "setChildAllergies",
            query: "mutation($c: ID!) { setChildAllergies(childId: $c, allergens: [\"そば\"]) { id } }",
            vars: |w, _, _| json!({"c": w.child_1a}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "setFeverThreshold",
            query: "mutation($n: ID!) { setFeverThreshold(nurseryId: $n, celsius: 37.5) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAAAFNNNN",
        },
        Op {
            name: "setNapCheckInterval",
            query: "mutation($n: ID!) { setNapCheckInterval(scopeId: $n, ageBand: 0, seconds: 300) }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAAAFNNNN",
        },
        Op {
            name: "saveJournalDraft",
            query: "mutation($c: ID!, $d: Date!) { saveJournalDraft(input: {kind: DAILY_DIARY, classroomId: $c, periodStart: $d, periodEnd: $d, body: \"{}\"}) { id } }",
            vars: |w, c, _| json!({"c": w.classroom_a, "d": c.today}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "journalTemplate",
            query: "query($c: ID!, $d: Date!) { journalTemplate(kind: DAILY_DIARY, classroomId: $c, date: $d) }",
            vars: |w, c, _| json!({"c": w.classroom_a, "d": c.today}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "journals",
            query: "query($n: ID!) { journals(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAAANNN",
        },
        Op { name: "journal", query: "query($id: ID!) { journal(id: $id) { id } }", vars: |_, c, _| json!({"id": c.diary}), expect: "UNNAANNNN" },
        Op { name: "journalHistory", query: "query($id: ID!) { journalHistory(id: $id) { revision } }", vars: |_, c, _| json!({"id": c.diary}), expect: "UNNAANNNN" },
        Op {
            name: "submitJournal",
            query: "mutation($id: ID!) { submitJournal(id: $id, revision: 1) { id } }",
            vars: |_, c, _| json!({"id": c.diary}),
            expect: "UNNAANNNN",
        },
        Op {
            name: "returnJournal",
            query: "mutation($id: ID!) { returnJournal(id: $id, comment: \"再提出してください\") { id } }",
            vars: |_, c, _| json!({"id": c.diary}),
            expect: "UNNAFNNNN",
        },
        Op { name: "approveJournal", query: "mutation($id: ID!) { approveJournal(id: $id) { id } }", vars: |_, c, _| json!({"id": c.diary}), expect: "UNNAFNNNN" },
    ]
}
