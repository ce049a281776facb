//! Accounts and the roster through the year in the authorization matrix (`authorization.rs`):
//! invitations and codes, passwords and sessions, deactivation and removal, moves, withdrawal,
//! edits and the roster import, each by every caller.

use serde_json::json;

use crate::authorization::{caller_index, Op};

pub(crate) fn ops() -> Vec<Op> {
    vec![
        invite_user("inviteUser STAFF", "STAFF", "UAFAFNNNN"),
        invite_user("inviteUser NURSERY_ADMIN", "NURSERY_ADMIN", "UAFFFNNNN"),
        invite_user("inviteUser GUARDIAN", "GUARDIAN", "UAFAFFNNN"),
        invite_user("inviteUser MUNICIPAL_OFFICER", "MUNICIPAL_OFFICER", "UAFNNNNNN"),
        invite_user("inviteUser SYSTEM_ADMIN", "SYSTEM_ADMIN", "UAFFFFFFF"),
        Op {
            name: "accountCodes",
            query: "query($n: ID!) { accountCodes(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "reissueAccountCode",
            query: "mutation($id: ID!) { reissueAccountCode(id: $id) { code } }",
            vars: |_, c, _| json!({"id": c.invitation}),
            expect: "UAFAFFNNN",
        },
        Op {
            name: "revokeAccountCode",
            query: "mutation($id: ID!) { revokeAccountCode(id: $id) { id } }",
            vars: |_, c, _| json!({"id": c.invitation}),
            expect: "UAFAFFNNN",
        },
        Op {
            name: "issuePasswordReset",
            query: "mutation($u: ID!) { issuePasswordReset(userId: $u) { code } }",
            vars: |_, c, _| json!({"u": c.target_user}),
            expect: "UAFAFNNNN",
        },
        // Anyone may try a code (an unknown one is BAD_USER_INPUT: allowed, and refused).
        Op {
            name: "activateAccount",
            query: "mutation { activateAccount(code: \"ABCD-EFGH-JKMN-PQRS-TVWX\", password: \"violet harbour lantern\") { token } }",
            vars: |_, _, _| json!({}),
            expect: "AAAAAAAAA",
        },
        Op {
            name: "changePassword",
            query: "mutation { changePassword(currentPassword: \"not the password\", newPassword: \"violet harbour lantern\") }",
            vars: |_, _, _| json!({}),
            expect: "UAAAAAAAA",
        },
        Op { name: "mySessions", query: "{ mySessions { id } }", vars: |_, _, _| json!({}), expect: "UAAAAAAAA" },
        // A session that is not the caller's does not exist for them, whoever they are.
        Op {
            name: "endSession",
            query: "mutation { endSession(id: \"000000000000000000000000\") }",
            vars: |_, _, _| json!({}),
            expect: "UNNNNNNNN",
        },
        Op { name: "endOtherSessions", query: "mutation { endOtherSessions }", vars: |_, _, _| json!({}), expect: "UAAAAAAAA" },
        Op {
            name: "deactivateUser",
            query: "mutation($u: ID!) { deactivateUser(userId: $u) { id } }",
            vars: |_, c, _| json!({"u": c.target_user}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "reactivateUser",
            query: "mutation($u: ID!) { reactivateUser(userId: $u) { id } }",
            vars: |_, c, _| json!({"u": c.target_user}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "renameUser",
            query: "mutation($u: ID!) { renameUser(userId: $u, displayName: \"鈴木 花\") { id } }",
            vars: |_, c, _| json!({"u": c.target_user}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "removeGuardian",
            query: "mutation($f: ID!, $u: ID!) { removeGuardian(familyId: $f, userId: $u) }",
            vars: |w, c, n| json!({"f": w.family_2, "u": c.removable[caller_index(n)]}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "moveUpPreview",
            query: "query($n: ID!) { moveUpPreview(nurseryId: $n, from: \"2027-04-01\") { graduating } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "applyMoveUp",
            query: "mutation($n: ID!) { applyMoveUp(nurseryId: $n, from: \"2027-04-01\") { graduating } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "moveChild",
            query: "mutation($c: ID!, $r: ID!) { moveChild(childId: $c, classroomId: $r, from: \"2027-01-04\") { id } }",
            vars: |w, _, _| json!({"c": w.child_2, "r": w.classroom_a}),
            expect: "UANAFNNNN",
        },
        Op {
            name: "updateChild",
            query: "mutation($c: ID!) { updateChild(childId: $c, input: {nameKana: \"すずき そうた\"}) { id } }",
            vars: |w, _, _| json!({"c": w.child_2}),
            expect: "UANAFNNNN",
        },
        Op {
            name: "withdrawChild",
            query: "mutation($c: ID!) { withdrawChild(childId: $c, date: \"2027-03-31\") { id } }",
            vars: |w, _, _| json!({"c": w.child_2}),
            expect: "UANAFNNNN",
        },
        Op {
            name: "renameClassroom",
            query: "mutation($r: ID!, $name: String!) { renameClassroom(classroomId: $r, name: $name) { id } }",
            vars: |w, _, n| json!({"r": w.classroom_a, "name": format!("ひよこ組{n}")}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "importRoster (dry run)",
            // "クラス,家族,氏名,生年月日\n" in base64: a header alone, nothing to write.
            query: "mutation($n: ID!) { importRoster(nurseryId: $n, csvBase64: \"44Kv44Op44K5LOWutuaXjyzmsI/lkI0s55Sf5bm05pyI5pelCg==\") { imported } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "renameNursery",
            query: "mutation($n: ID!) { renameNursery(nurseryId: $n, name: \"白土保育所\") { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UAAAFNNNN",
        },
        // Between nurseries: only those who administer staff in both (SYSTEM_ADMIN here).
        Op {
            name: "moveStaff",
            query: "mutation($u: ID!, $f: ID!, $t: ID!) { moveStaff(userId: $u, fromNurseryId: $f, toNurseryId: $t) { id } }",
            vars: |w, c, _| json!({"u": c.mover, "f": w.nursery_a, "t": c.nursery_b}),
            expect: "UAFNFNNNN",
        },
    ]
}

fn invite_user(name: &'static str, role: &'static str, expect: &'static str) -> Op {
    Op {
        name,
        query: "mutation($e: String!, $r: Role!, $s: ID) {
            inviteUser(input: {email: $e, displayName: \"新人\", role: $r, scopeId: $s}) { code }
        }",
        vars: match role {
            "STAFF" => |w, _, n| json!({"e": format!("invited{n}@t.test"), "r": "STAFF", "s": w.nursery_a}),
            "NURSERY_ADMIN" => {
                |w, _, n| json!({"e": format!("invited{n}@t.test"), "r": "NURSERY_ADMIN", "s": w.nursery_a})
            }
            "GUARDIAN" => |w, _, n| json!({"e": format!("invited{n}@t.test"), "r": "GUARDIAN", "s": w.family_1}),
            "MUNICIPAL_OFFICER" => {
                |w, _, n| json!({"e": format!("invited{n}@t.test"), "r": "MUNICIPAL_OFFICER", "s": w.municipality})
            }
            _ => |_, _, n| json!({"e": format!("invited{n}@t.test"), "r": "SYSTEM_ADMIN", "s": null}),
        },
        expect,
    }
}
