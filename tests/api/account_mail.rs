//! With SMTP configured, invitation and reset codes are also e-mailed: a local SMTP sink (a
//! few lines of the protocol on a loopback port, started here) receives the message in the
//! invitee's language, and the code in it activates the account.

use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(codes_are_mailed_when_smtp_is_configured);

/// Every message's DATA, as received.
type Inbox = Arc<Mutex<Vec<String>>>;

/// An SMTP server that accepts every message (plain, no TLS, no authentication).
async fn smtp_sink() -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox: Inbox = Arc::default();
    let kept = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let inbox = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            inbox.lock().unwrap().push(std::mem::take(body));
                            data = None;
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, inbox)
}

/// The text of a message whose body may be base64 or quoted-printable encoded.
fn readable(message: &str) -> String {
    let (headers, body) = message.split_once("\n\n").unwrap_or((message, ""));
    if headers
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: base64")
    {
        let joined: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(joined).unwrap();
        format!("{headers}\n\n{}", String::from_utf8(bytes).unwrap())
    } else {
        message.replace("=\n", "")
    }
}

async fn codes_are_mailed_when_smtp_is_configured(backend: Backend) {
    let (port, inbox) = smtp_sink().await;
    let url = format!("smtp://127.0.0.1:{port}");
    let app = TestApp::start_with(backend, &[("SMTP_URL", &url), ("SMTP_FROM", "園 <en@tsunagu.test>")]).await;
    let w = World::build(&app).await;
    let issued = crate::account_codes::invite(&w.head_a, "mailed@tsunagu.test", "GUARDIAN", &w.family_1).await;
    let code = issued["code"].as_str().unwrap();

    let deadline = tokio::time::Instant::now() + DELIVERY_WAIT;
    let message = loop {
        if let Some(message) = inbox.lock().unwrap().first().cloned() {
            break readable(&message);
        }
        assert!(tokio::time::Instant::now() < deadline, "no e-mail reached the sink");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(message.contains("To: mailed@tsunagu.test"), "{message}");
    assert!(message.contains(code), "the code is in the e-mail: {message}");
    assert!(message.contains("登録コード"), "in Japanese by default: {message}");
    crate::account_codes::activate(&app, code, "violet harbour lantern")
        .await
        .expect("the mailed code works");
}
