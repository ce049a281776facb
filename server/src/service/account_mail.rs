//! E-mailing invitation and reset codes when SMTP is configured (`SMTP_URL`). Paper is the
//! default and always works; an e-mail is a convenience sent after the code is committed, in
//! the background, so a slow or absent mail server never holds up the nursery head.

use super::Services;
use crate::domain::accounts::{AccountCode, CodePurpose};

/// The e-mail's subject and body in the invitee's language.
pub fn message(record: &AccountCode, code: &str) -> (String, String) {
    let expires = record.expires_at.utc().date();
    let english = record.locale.starts_with("en");
    match (record.purpose, english) {
        (CodePurpose::Invitation, false) => (
            "つなぐ 登録コードのお知らせ".to_owned(),
            format!(
                "{} 様\n\nつなぐへの登録コードをお送りします。\nアプリを開き「登録コードをお持ちの方」から次のコードを入力し、ご自身でパスワードを決めてください。\n\n登録コード: {code}\n有効期限: {expires}\n\nお心当たりのない場合は、このメールを破棄してください。\n",
                record.display_name
            ),
        ),
        (CodePurpose::Invitation, true) => (
            "Your Tsunagu activation code".to_owned(),
            format!(
                "Dear {},\n\nOpen the app, choose \"I have a code\", enter this code and choose your own password.\n\nCode: {code}\nValid until: {expires}\n\nIf you did not expect this, please ignore it.\n",
                record.display_name
            ),
        ),
        (CodePurpose::Reset, false) => (
            "つなぐ パスワード再設定コード".to_owned(),
            format!(
                "{} 様\n\nパスワード再設定のコードです。アプリの「登録コードをお持ちの方」から入力し、新しいパスワードを決めてください。\n\nコード: {code}\n有効期限: {expires}\n",
                record.display_name
            ),
        ),
        (CodePurpose::Reset, true) => (
            "Your Tsunagu password reset code".to_owned(),
            format!(
                "Dear {},\n\nEnter this code in the app (\"I have a code\") and choose a new password.\n\nCode: {code}\nValid until: {expires}\n",
                record.display_name
            ),
        ),
    }
}

/// Sends the code by e-mail when SMTP is configured; failures are logged, never answered (the
/// code is on paper anyway).
pub fn send_code(svc: &Services, record: &AccountCode, code: &str) {
    let Some(mailer) = svc.mailer.clone() else {
        return;
    };
    let (subject, body) = message(record, code);
    let to = record.email.clone();
    tokio::spawn(async move {
        if let Err(error) = mailer.send(&to, &subject, &body).await {
            tracing::warn!(%error, "could not e-mail an account code");
        }
    });
}
