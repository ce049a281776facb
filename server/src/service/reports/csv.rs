//! The nursery-day report as CSV, for Excel: UTF-8 with a byte-order mark (Japanese Excel
//! reads BOM-less CSV as Shift_JIS), CRLF line ends, Japanese headers unless English is asked
//! for, one row per nursery per open day. Every figure is the one the GraphQL report gives,
//! small-count suppression included: a withheld age-band count is written `x` (the mark
//! Japanese statistical tables use for 秘匿), never 0.

use strum::VariantArray;

use crate::domain::{release_bands, NurseryDay, StoredText, Symptom};

use super::{rate, ReportScope};

pub const BOM: &str = "\u{feff}";
/// A count withheld because it could single out a child.
pub const WITHHELD: &str = "x";

/// Which header row to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderLanguage {
    Japanese,
    English,
}

impl HeaderLanguage {
    /// `ja` (the default) or `en`.
    pub fn parse(value: Option<&str>) -> Option<Self> {
        match value.map(str::to_ascii_lowercase).as_deref() {
            None | Some("ja") => Some(HeaderLanguage::Japanese),
            Some("en") => Some(HeaderLanguage::English),
            _ => None,
        }
    }
}

const AGE_BANDS: std::ops::RangeInclusive<i32> = 0..=5;

fn symptom_ja(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Fever => "発熱",
        Symptom::Cough => "咳",
        Symptom::RunnyNose => "鼻水",
        Symptom::Diarrhea => "下痢",
        Symptom::Vomiting => "嘔吐",
        Symptom::Rash => "発疹",
        Symptom::Conjunctivitis => "結膜炎",
        Symptom::Other => "その他",
    }
}

pub fn header(language: HeaderLanguage) -> Vec<String> {
    let ja = language == HeaderLanguage::Japanese;
    let fixed: &[(&str, &str)] = &[
        ("日付", "date"),
        ("施設ID", "nursery_id"),
        ("施設名", "nursery_name"),
        ("在籍児童数", "enrolled"),
        ("出席児童数", "present"),
        ("欠席児童数", "absent"),
        ("遅刻児童数", "late"),
        ("出席率", "attendance_rate"),
    ];
    let mut columns: Vec<String> = fixed.iter().map(|(j, e)| if ja { j } else { e }.to_string()).collect();
    for symptom in Symptom::VARIANTS {
        columns.push(if ja {
            format!("欠席({})", symptom_ja(*symptom))
        } else {
            format!("absent_{}", symptom.as_str().to_ascii_lowercase())
        });
    }
    for band in AGE_BANDS {
        for (j, e) in [
            ("在籍", "enrolled"),
            ("出席", "present"),
            ("欠席", "absent"),
            ("遅刻", "late"),
        ] {
            columns.push(if ja {
                format!("{band}歳児{j}")
            } else {
                format!("age{band}_{e}")
            });
        }
    }
    let tail: &[(&str, &str)] = &[
        ("午睡チェック必要回数", "nap_checks_required"),
        ("午睡チェック適時回数", "nap_checks_on_time"),
        ("クラス数", "classrooms"),
        ("承認済み保育日誌数", "diaries_approved"),
    ];
    columns.extend(tail.iter().map(|(j, e)| if ja { j } else { e }.to_string()));
    columns
}

/// A spreadsheet must not run a nursery's name as a formula.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn row(scope: &ReportScope, day: &NurseryDay) -> Vec<String> {
    let totals = day.totals();
    let name = scope
        .nursery(day.nursery_id)
        .map(|n| n.name.as_str())
        .unwrap_or_default();
    let mut fields = vec![
        day.date.to_string(),
        day.nursery_id.to_string(),
        defuse(name),
        totals.enrolled.to_string(),
        totals.present.to_string(),
        totals.absent.to_string(),
        totals.late.to_string(),
        rate(totals.present, totals.enrolled)
            .map(|r| r.to_string())
            .unwrap_or_default(),
    ];
    for symptom in Symptom::VARIANTS {
        let count = day.symptoms.iter().find(|(s, _)| s == symptom).map_or(0, |(_, n)| *n);
        fields.push(count.to_string());
    }
    // Bands with no child enrolled are left out of the GraphQL report and are zeros here.
    let released = release_bands(&day.bands, scope.withhold_below(day.nursery_id));
    for band in AGE_BANDS {
        match released.iter().find(|b| b.age_band == band) {
            Some(counts) => {
                for value in [counts.enrolled, counts.present, counts.absent, counts.late] {
                    fields.push(value.map_or_else(|| WITHHELD.to_owned(), |v| v.to_string()));
                }
            }
            None => fields.extend(["0"; 4].map(String::from)),
        }
    }
    for value in [
        day.nap_checks_required,
        day.nap_checks_on_time,
        day.classrooms,
        day.diaries_approved,
    ] {
        fields.push(value.to_string());
    }
    fields
}

/// The whole file: BOM, header, one row per nursery-day.
pub fn render(scope: &ReportScope, days: &[NurseryDay], language: HeaderLanguage) -> anyhow::Result<Vec<u8>> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    writer.write_record(header(language))?;
    for day in days {
        writer.write_record(row(scope, day))?;
    }
    Ok(writer.into_inner()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_like_formulas_are_defused_and_others_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("ひまわり保育園"), "ひまわり保育園");
    }

    #[test]
    fn headers_have_the_same_columns_in_both_languages() {
        let ja = header(HeaderLanguage::Japanese);
        let en = header(HeaderLanguage::English);
        assert_eq!(ja.len(), en.len());
        assert_eq!(ja[..4], ["日付", "施設ID", "施設名", "在籍児童数"]);
        assert_eq!(en[8], "absent_fever");
        assert_eq!(HeaderLanguage::parse(Some("EN")), Some(HeaderLanguage::English));
        assert_eq!(HeaderLanguage::parse(Some("fr")), None);
    }
}
