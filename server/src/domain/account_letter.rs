//! The paper letter of an invitation or reset: the link the QR code carries and the QR code
//! itself as SVG. The code travels in the link's fragment (`#code=…`), which browsers never
//! send to a server, so it does not land in any access log.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::error::{AppError, AppResult};

/// The app's activation screen with the code filled in, at `origin` (`https://host[:port]`,
/// as the app knows it from `location.origin`).
pub fn activation_link(origin: &str, code: &str) -> AppResult<String> {
    let bad = || AppError::bad_input("origin", "origin is the app's address: http(s)://host[:port]");
    let url = url::Url::parse(origin).map_err(|_| bad())?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some()
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none()
        && url.username().is_empty()
        && url.password().is_none();
    if !plain || origin.len() > 200 {
        return Err(bad());
    }
    Ok(format!("{}/activate#code={code}", url.as_str().trim_end_matches('/')))
}

/// The QR code of `text` as a standalone SVG document (scales to any print size).
pub fn qr_svg(text: &str) -> AppResult<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_the_code_in_its_fragment_and_origins_are_checked() {
        assert_eq!(
            activation_link("https://hoiku.example.jp", "ABCD-EFGH").unwrap(),
            "https://hoiku.example.jp/activate#code=ABCD-EFGH"
        );
        assert_eq!(
            activation_link("http://127.0.0.1:8080/", "X").unwrap(),
            "http://127.0.0.1:8080/activate#code=X"
        );
        for bad in [
            "javascript:alert(1)",
            "https://a.example/path",
            "ftp://a.example",
            "not a url",
            "https://u:p@a.example",
        ] {
            assert!(activation_link(bad, "X").is_err(), "{bad}");
        }
    }

    #[test]
    fn the_qr_code_is_an_svg_document() {
        let svg = qr_svg("https://hoiku.example.jp/activate#code=ABCD-EFGH-JKMN-PQRS-TVWX").unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.ends_with("</svg>"));
    }
}
