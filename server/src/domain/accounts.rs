//! Accounts through the year, as pure rules: the one-time codes of invitations and password
//! resets (made, typed back, checked), which scope a role is granted in, how a session is named
//! to its owner, and who may be deactivated.
//!
//! A code is 20 symbols of Crockford's base 32 (100 random bits), printed in groups of four
//! for a paper letter. Only its SHA-256 is stored: a copy of the database holds no usable code.
//! Typing it back forgives what people get wrong on paper: case, spaces and dashes, O for 0 and
//! I or L for 1.

use rand::Rng;
use sha2::{Digest, Sha256};

use super::{Id, Role, Timestamp};

/// Symbols of a code: Crockford's base 32 (no I, L, O, U).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_SYMBOLS: usize = 20;
const GROUP: usize = 4;

/// How long a code lasts unless configured otherwise (`ACCOUNT_CODE_TTL_DAYS`).
pub const DEFAULT_CODE_TTL_DAYS: u32 = 14;

/// A new code, formatted for printing: `ABCD-EFGH-JKMN-PQRS-TVWX`.
pub fn generate_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let symbols: String = (0..CODE_SYMBOLS)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format_code(&symbols)
}

/// The code's symbols in groups of four.
pub fn format_code(symbols: &str) -> String {
    symbols
        .as_bytes()
        .chunks(GROUP)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code as typed, reduced to its symbols; `None` when it cannot be a code at all.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut symbols = String::with_capacity(CODE_SYMBOLS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{3000}' | '\u{30FC}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            // Full-width letters and digits from a Japanese keyboard.
            c @ '\u{FF10}'..='\u{FF5A}' => {
                let narrow = char::from_u32(c as u32 - 0xFEE0)?.to_ascii_uppercase();
                match narrow {
                    'O' => '0',
                    'I' | 'L' => '1',
                    n => n,
                }
            }
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        symbols.push(c);
        if symbols.len() > CODE_SYMBOLS {
            return None;
        }
    }
    (symbols.len() == CODE_SYMBOLS).then_some(symbols)
}

/// What is stored of a code (its symbols, normalised).
pub fn code_hash(symbols: &str) -> String {
    let digest = Sha256::digest(format!("tsunagu-account-code:{symbols}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// When a code made at `now` stops working.
pub fn code_expiry(now: Timestamp, ttl_days: u32) -> Timestamp {
    Timestamp(now.0 + time::Duration::days(i64::from(ttl_days.max(1))))
}

/// What a code is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum CodePurpose {
    /// Creates the account it carries.
    Invitation,
    /// Sets a new password for an existing account.
    Reset,
}

/// An invitation or reset, as stored (without its code).
#[derive(Clone, Debug, PartialEq)]
pub struct AccountCode {
    pub id: Id,
    pub purpose: CodePurpose,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub role: Role,
    pub scope_id: Option<Id>,
    /// The nursery it belongs to, for its head's list and the audit trail.
    pub nursery_id: Option<Id>,
    /// The account a reset is for; the account an invitation created, once used.
    pub user_id: Option<Id>,
    pub created_by: Option<Id>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

/// Where a code stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
pub enum CodeStatus {
    Pending,
    Used,
    Revoked,
    Expired,
}

impl AccountCode {
    pub fn status(&self, now: Timestamp) -> CodeStatus {
        if self.used_at.is_some() {
            CodeStatus::Used
        } else if self.revoked_at.is_some() {
            CodeStatus::Revoked
        } else if self.expires_at <= now {
            CodeStatus::Expired
        } else {
            CodeStatus::Pending
        }
    }

    /// Whether the code can still be used at `now`.
    pub fn usable(&self, now: Timestamp) -> bool {
        self.status(now) == CodeStatus::Pending
    }

    /// Whether it can be given a new code: not once used (the account exists then).
    pub fn reissuable(&self) -> bool {
        self.used_at.is_none()
    }
}

/// The kind of entity a role is granted in; `None` for SYSTEM_ADMIN (no scope).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Municipality,
    Nursery,
    Family,
}

pub fn scope_kind(role: Role) -> Option<ScopeKind> {
    match role {
        Role::SystemAdmin => None,
        Role::MunicipalOfficer => Some(ScopeKind::Municipality),
        Role::NurseryAdmin | Role::Staff => Some(ScopeKind::Nursery),
        Role::Guardian => Some(ScopeKind::Family),
    }
}

/// How a session is named to its owner: derived from its token hash, so it neither is the
/// stored key nor lets anyone find the token.
pub fn session_public_id(token_hash: &str) -> String {
    let digest = Sha256::digest(format!("tsunagu-session-id:{token_hash}").as_bytes());
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The most of a `User-Agent` kept with a session.
pub const MAX_DEVICE_CHARS: usize = 200;

/// A short name for the device a session was made on ("Chrome on Android"), from its
/// `User-Agent`; the raw text (shortened) when nothing is recognised.
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent.trim();
    if ua.is_empty() {
        return String::new();
    }
    let os = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    // Order matters: Edge and Chrome also say "Safari"; Chrome on iOS says CriOS.
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    match (browser, os) {
        (Some(browser), Some(os)) => format!("{browser} on {os}"),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => ua.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::StoredText;

    #[test]
    fn codes_have_a_hundred_bits_and_are_typed_back_forgivingly() {
        let code = generate_code();
        assert_eq!(code.len(), CODE_SYMBOLS + CODE_SYMBOLS / GROUP - 1);
        assert_ne!(code, generate_code());
        let symbols = normalize_code(&code).expect("a made code reads back");
        assert_eq!(format_code(&symbols), code);
        // Lower case, spaces instead of dashes, O/I/L misread from paper, full-width input.
        assert_eq!(
            normalize_code("abcd efgh jkmn pqrs tvwx").as_deref(),
            Some("ABCDEFGHJKMNPQRSTVWX")
        );
        assert_eq!(
            normalize_code("O0I1-L000-0000-0000-0000").as_deref(),
            Some("00111000000000000000")
        );
        assert!(
            normalize_code("ＡＢＣＤ－ＥＦＧＨ").is_none(),
            "too short, and the full-width dash is not a separator"
        );
        assert_eq!(
            normalize_code("ＡＢＣＤＥＦＧＨＪＫＭＮＰＱＲＳＴＶＷＸ").as_deref(),
            Some("ABCDEFGHJKMNPQRSTVWX")
        );
        assert!(normalize_code("ABCD-EFGH-JKMN-PQRS-TVWXY").is_none(), "too long");
        assert!(
            normalize_code("UUUU-EFGH-JKMN-PQRS-TVWX").is_none(),
            "U is not a symbol"
        );
        assert!(normalize_code("").is_none());
        assert_eq!(code_hash("ABCDEFGHJKMNPQRSTVWX").len(), 64);
        assert_ne!(code_hash("ABCDEFGHJKMNPQRSTVWX"), code_hash("ABCDEFGHJKMNPQRSTVW0"));
    }

    fn code(now: Timestamp) -> AccountCode {
        AccountCode {
            id: Id::new(),
            purpose: CodePurpose::Invitation,
            email: "hana@example.jp".into(),
            display_name: "佐藤 花".into(),
            locale: "ja".into(),
            role: Role::Guardian,
            scope_id: Some(Id::new()),
            nursery_id: None,
            user_id: None,
            created_by: None,
            created_at: now,
            expires_at: code_expiry(now, DEFAULT_CODE_TTL_DAYS),
            used_at: None,
            revoked_at: None,
        }
    }

    #[test]
    fn a_code_is_usable_once_until_it_expires_or_is_revoked() {
        let now = Timestamp(time::macros::datetime!(2026-04-01 23:59:59 +09:00));
        let fresh = code(now);
        assert!(fresh.usable(now));
        let later = Timestamp(now.0 + time::Duration::days(14));
        assert_eq!(fresh.status(later), CodeStatus::Expired);
        let used = AccountCode {
            used_at: Some(now),
            ..fresh.clone()
        };
        assert_eq!(used.status(now), CodeStatus::Used);
        assert!(!used.reissuable());
        let revoked = AccountCode {
            revoked_at: Some(now),
            ..fresh.clone()
        };
        assert_eq!(revoked.status(now), CodeStatus::Revoked);
        assert!(revoked.reissuable());
        assert_eq!(
            CodePurpose::Reset.as_str().parse::<CodePurpose>().ok(),
            Some(CodePurpose::Reset)
        );
    }

    #[test]
    fn sessions_are_named_by_an_id_that_is_not_their_key_and_devices_by_name() {
        let id = session_public_id("abc");
        assert_eq!(id.len(), 24);
        assert_ne!(id, session_public_id("abd"));
        assert_eq!(
            device_label(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
            ),
            "Chrome on Android"
        );
        assert_eq!(
            device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1"),
            "Safari on iPhone"
        );
        assert_eq!(device_label("curl/8.5"), "curl/8.5");
        assert_eq!(device_label(""), "");
        assert_eq!(scope_kind(Role::Staff), Some(ScopeKind::Nursery));
        assert_eq!(scope_kind(Role::SystemAdmin), None);
    }
}
