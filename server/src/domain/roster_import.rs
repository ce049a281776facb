//! A nursery's roster from a spreadsheet (CSV), as pure rules: the bytes decoded (UTF-8 with
//! or without BOM, or Excel's Shift_JIS), one child per line, every problem reported with its
//! line number before anything is written, and the plan of what to create: classrooms,
//! families, children, and one invitation per guardian.
//!
//! Columns (a header line first, Japanese or English names, any order):
//! クラス/classroom, 年齢/ageBand, 家族/family (any key shared by siblings), 氏名/name,
//! ふりがな/nameKana, 生年月日/birthDate, 入園日/enrolledOn (optional), 保護者氏名/guardianName,
//! 保護者メール/guardianEmail. A line with a guardian and no child adds a guardian (a second
//! parent) to its family.

use std::collections::{BTreeMap, HashMap};

use time::Date;

use super::validate;

/// The most lines one import takes (a large nursery is a few hundred children).
pub const MAX_LINES: usize = 2_000;

/// The text of an uploaded file: UTF-8 (a BOM is dropped), else Shift_JIS (Excel's CSV).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    }
}

/// One problem, on one line (1 is the header), about one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub line: usize,
    pub column: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedChild {
    pub line: usize,
    pub name: String,
    pub name_kana: Option<String>,
    pub birth_date: Date,
    pub enrolled_on: Date,
    pub classroom: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedGuardian {
    pub name: String,
    pub email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannedFamily {
    pub key: String,
    /// The first line naming the family.
    pub line: usize,
    pub children: Vec<PlannedChild>,
    pub guardians: Vec<PlannedGuardian>,
}

/// What an import would create, and everything wrong with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Classrooms by name with their age band (existing ones included).
    pub classrooms: BTreeMap<String, i32>,
    pub families: Vec<PlannedFamily>,
    pub problems: Vec<ImportProblem>,
}

const COLUMNS: [(&str, &[&str]); 9] = [
    ("classroom", &["クラス", "classroom"]),
    ("ageBand", &["年齢", "ageband"]),
    ("family", &["家族", "family"]),
    ("name", &["氏名", "name"]),
    ("nameKana", &["ふりがな", "namekana"]),
    ("birthDate", &["生年月日", "birthdate"]),
    ("enrolledOn", &["入園日", "enrolledon"]),
    ("guardianName", &["保護者氏名", "guardianname"]),
    ("guardianEmail", &["保護者メール", "guardianemail"]),
];

fn date(raw: &str) -> Option<Date> {
    let parts: Vec<&str> = raw.trim().split(['-', '/']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

fn push(problems: &mut Vec<ImportProblem>, line: usize, column: &str, message: String) {
    problems.push(ImportProblem {
        line,
        column: column.to_owned(),
        message,
    });
}

/// Reads and checks the file. `existing` are the nursery's classrooms (name → age band);
/// `taken` says whether an e-mail address already has an account.
pub fn plan(text: &str, existing: &BTreeMap<String, i32>, taken: &dyn Fn(&str) -> bool, today: Date) -> ImportPlan {
    let mut plan = ImportPlan {
        classrooms: existing.clone(),
        ..ImportPlan::default()
    };
    let mut problems: Vec<ImportProblem> = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        _ => {
            push(&mut problems, 1, "", "the file has no header line".into());
            plan.problems = problems;
            return plan;
        }
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (position, cell) in header.iter().enumerate() {
        let cell = cell.trim().to_lowercase();
        if let Some((key, _)) = COLUMNS.iter().find(|(_, names)| names.contains(&cell.as_str())) {
            index.insert(key, position);
        }
    }
    for required in ["classroom", "family", "name", "birthDate"] {
        if !index.contains_key(required) {
            push(&mut problems, 1, required, format!("the column {required} is missing"));
        }
    }
    if !problems.is_empty() {
        plan.problems = problems;
        return plan;
    }
    let mut families: Vec<PlannedFamily> = Vec::new();
    let mut emails: HashMap<String, usize> = HashMap::new();
    for (n, record) in records.enumerate() {
        let line = n + 2;
        if line > MAX_LINES + 1 {
            push(&mut problems, line, "", format!("at most {MAX_LINES} lines per import"));
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                push(&mut problems, line, "", format!("unreadable line: {err}"));
                continue;
            }
        };
        let cell = |key: &str| {
            index
                .get(key)
                .and_then(|i| record.get(*i))
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let family_key = cell("family");
        if family_key.is_empty() {
            push(&mut problems, line, "family", "the family is empty".into());
            continue;
        }
        let family = match families.iter().position(|f| f.key == family_key) {
            Some(i) => i,
            None => {
                families.push(PlannedFamily {
                    key: family_key.clone(),
                    line,
                    ..PlannedFamily::default()
                });
                families.len() - 1
            }
        };
        let name = cell("name");
        if !name.is_empty() {
            let before = plan.problems.len();
            let mut report = |column: &str, message: String| push(&mut problems, line, column, message);
            let name = validate::name("name", &name)
                .map_err(|e| report("name", e.to_string()))
                .ok();
            let kana = validate::optional_name("nameKana", Some(&cell("nameKana")))
                .map_err(|e| report("nameKana", e.to_string()))
                .ok()
                .flatten();
            let birth = match date(&cell("birthDate")) {
                Some(d) => validate::birth_date("birthDate", d, today)
                    .map_err(|e| report("birthDate", e.to_string()))
                    .ok(),
                None => {
                    report("birthDate", "the birth date is not a date (YYYY-MM-DD)".into());
                    None
                }
            };
            let enrolled_raw = cell("enrolledOn");
            let enrolled = if enrolled_raw.is_empty() {
                None
            } else {
                match date(&enrolled_raw) {
                    Some(d) => Some(d),
                    None => {
                        report("enrolledOn", "the enrolment date is not a date (YYYY-MM-DD)".into());
                        None
                    }
                }
            };
            let classroom = cell("classroom");
            let band = cell("ageBand");
            if classroom.is_empty() {
                report("classroom", "the classroom is empty".into());
            } else {
                let band = if band.is_empty() {
                    None
                } else {
                    match band.parse::<i32>() {
                        Ok(b) if (0..=5).contains(&b) => Some(b),
                        _ => {
                            report("ageBand", "the age band is 0 to 5".into());
                            None
                        }
                    }
                };
                match (plan.classrooms.get(&classroom).copied(), band) {
                    (Some(known), Some(b)) if known != b => {
                        report("ageBand", format!("{classroom} is the age band {known} elsewhere"))
                    }
                    (None, None) => report("ageBand", format!("{classroom} is new: give its age band")),
                    (None, Some(b)) => {
                        plan.classrooms.insert(classroom.clone(), b);
                    }
                    _ => {}
                }
            }
            if let (Some(name), Some(birth), true) = (name, birth, problems.len() == before) {
                match validate::enrolment_date("enrolledOn", enrolled, birth, today) {
                    Ok(enrolled_on) => families[family].children.push(PlannedChild {
                        line,
                        name,
                        name_kana: kana,
                        birth_date: birth,
                        enrolled_on,
                        classroom,
                    }),
                    Err(e) => push(&mut problems, line, "enrolledOn", e.to_string()),
                }
            }
        }
        let email = cell("guardianEmail");
        if !email.is_empty() {
            match validate::email("guardianEmail", &email) {
                Err(e) => push(&mut problems, line, "guardianEmail", e.to_string()),
                Ok(email) => {
                    let guardian_name = validate::name("guardianName", &cell("guardianName"));
                    match (emails.get(&email), guardian_name) {
                        (_, Err(e)) => push(&mut problems, line, "guardianName", e.to_string()),
                        (Some(f), _) if *f != family => push(
                            &mut problems,
                            line,
                            "guardianEmail",
                            "the same address is given for another family".into(),
                        ),
                        (Some(_), _) => {}
                        (None, Ok(_)) if taken(&email) => push(
                            &mut problems,
                            line,
                            "guardianEmail",
                            "an account with this address already exists".into(),
                        ),
                        (None, Ok(guardian_name)) => {
                            emails.insert(email.clone(), family);
                            families[family].guardians.push(PlannedGuardian {
                                name: guardian_name,
                                email,
                            });
                        }
                    }
                }
            }
        } else if name.is_empty() {
            push(&mut problems, line, "name", "a line needs a child or a guardian".into());
        }
    }
    for family in &families {
        let reported = problems.iter().any(|p| p.line == family.line);
        if family.children.is_empty() && !reported {
            push(
                &mut problems,
                family.line,
                "family",
                format!("the family {} has no child", family.key),
            );
        }
    }
    problems.sort_by_key(|p| p.line);
    plan.families = families;
    plan.problems = problems;
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 01);

    #[test]
    fn shift_jis_and_bom_files_read_alike() {
        let text = "クラス,氏名\nひよこ組,佐藤 はな\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        assert_eq!(decode(&sjis), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom), text);
        assert_eq!(decode(text.as_bytes()), text);
    }

    #[test]
    fn every_problem_is_reported_by_line_and_column() {
        let file = "クラス,年齢,家族,氏名,ふりがな,生年月日,保護者氏名,保護者メール
ひよこ組,1,F1,佐藤 はな,さとう はな,2024-05-10,佐藤 美咲,misaki@example.jp
ひよこ組,2,F2,鈴木 そら,,2024-06-01,鈴木 彩,aya@example.jp
りす組,,F3,田中 れん,,2020-13-01,田中 光,not-an-address
ひよこ組,1,F4,高橋 めい,,2024-07-01,高橋 優,misaki@example.jp
ひよこ組,1,F5,伊藤 りく,,2024-07-01,伊藤 翼,taken@example.jp
,,F1,,,,佐藤 健太,kenta@example.jp
";
        let plan = plan(file, &BTreeMap::new(), &|e| e == "taken@example.jp", TODAY);
        let found: Vec<(usize, &str)> = plan.problems.iter().map(|p| (p.line, p.column.as_str())).collect();
        assert_eq!(
            found,
            vec![
                (3, "ageBand"),
                (4, "birthDate"),
                (4, "ageBand"),
                (4, "guardianEmail"),
                (5, "guardianEmail"),
                (6, "guardianEmail"),
            ]
        );
        // The clean lines are planned: はな with both parents.
        let f1 = plan.families.iter().find(|f| f.key == "F1").unwrap();
        assert_eq!(f1.children.len(), 1);
        assert_eq!(f1.guardians.len(), 2);
        assert_eq!(plan.classrooms.get("ひよこ組"), Some(&1));
    }

    #[test]
    fn a_file_without_the_needed_columns_says_so() {
        let plan = plan("名前,誕生日\nはな,2024-01-01\n", &BTreeMap::new(), &|_| false, TODAY);
        assert_eq!(plan.problems.len(), 4);
        assert!(plan.problems.iter().all(|p| p.line == 1));
    }
}
