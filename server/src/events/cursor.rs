//! Opaque, ordered cursors for event positions. Clients pass them back as `after`; the format
//! is ours to change (hence the version prefix).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::domain::Position;
use crate::error::{AppError, AppResult};

pub fn encode(position: Position) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{}:{}", position.tx, position.seq))
}

pub fn decode(field: &str, cursor: &str) -> AppResult<Position> {
    let invalid = || AppError::bad_input(field, format!("`{field}` is not a cursor this server issued"));
    let bytes = URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let mut parts = text.split(':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("v1"), Some(tx), Some(seq), None) => Ok(Position {
            tx: tx.parse().map_err(|_| invalid())?,
            seq: seq.parse().map_err(|_| invalid())?,
        }),
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_bad_input() {
        let position = Position { tx: 812, seq: 77 };
        assert_eq!(decode("after", &encode(position)).unwrap(), position);
        assert!(matches!(decode("after", "not-a-cursor"), Err(AppError::BadInput { field, .. }) if field == "after"));
    }
}
