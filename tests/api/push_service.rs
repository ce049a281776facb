//! A loopback HTTP server playing the push service, as strict as a real one: it checks the
//! VAPID JWT (ES256 signature with the key in the header, aud, exp, sub) and decrypts the
//! aes128gcm body with the device's private key. Each device answers from a script of status
//! codes (then 201), so tests can make it fail, throttle or say the device is gone.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use serde_json::{json, Value};

/// A phone's push subscription: keys the browser would hold.
pub struct Device {
    pub name: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    components: ece::EcKeyComponents,
    auth_secret: [u8; 16],
}

/// What the push service accepted for one device.
#[derive(Clone, Debug)]
pub struct Received {
    pub payload: Value,
    pub urgency: String,
    pub ttl: u64,
}

#[derive(Default)]
struct Shared {
    devices: HashMap<String, (ece::EcKeyComponents, [u8; 16])>,
    scripts: HashMap<String, VecDeque<u16>>,
    delivered: HashMap<String, Vec<Received>>,
    /// Every request, whatever the answer.
    attempts: HashMap<String, usize>,
    problems: Vec<String>,
    vapid_key: Option<String>,
}

#[derive(Clone)]
pub struct PushService {
    shared: Arc<Mutex<Shared>>,
    pub origin: String,
}

impl PushService {
    pub async fn start() -> PushService {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let app = Router::new()
            .route("/push/{device}", post(receive))
            .with_state((shared.clone(), origin.clone()));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        PushService { shared, origin }
    }

    /// Expect every push signed with this VAPID public key (the server's `vapidPublicKey`).
    pub fn expect_vapid_key(&self, key: &str) {
        self.shared.lock().unwrap().vapid_key = Some(key.to_owned());
    }

    /// A new device; its first answers follow `script`, then 201.
    pub fn device(&self, name: &str, script: &[u16]) -> Device {
        let (keypair, auth_secret) = ece::generate_keypair_and_auth_secret().unwrap();
        let components = keypair.raw_components().unwrap();
        let mut shared = self.shared.lock().unwrap();
        shared
            .devices
            .insert(name.to_owned(), (components.clone(), auth_secret));
        shared.scripts.insert(name.to_owned(), script.iter().copied().collect());
        Device {
            name: name.to_owned(),
            endpoint: format!("{}/push/{name}", self.origin),
            p256dh: URL_SAFE_NO_PAD.encode(components.public_key()),
            auth: URL_SAFE_NO_PAD.encode(auth_secret),
            components,
            auth_secret,
        }
    }

    pub fn delivered(&self, device: &Device) -> Vec<Received> {
        self.shared
            .lock()
            .unwrap()
            .delivered
            .get(&device.name)
            .cloned()
            .unwrap_or_default()
    }

    pub fn attempts(&self, device: &Device) -> usize {
        self.shared
            .lock()
            .unwrap()
            .attempts
            .get(&device.name)
            .copied()
            .unwrap_or(0)
    }

    /// Anything a real push service would have refused.
    pub fn problems(&self) -> Vec<String> {
        self.shared.lock().unwrap().problems.clone()
    }

    /// Waits until `device` has `count` deliveries (or the wait runs out) and returns them.
    pub async fn wait_for(&self, device: &Device, count: usize, wait: std::time::Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let got = self.delivered(device);
            if got.len() >= count || tokio::time::Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

impl Device {
    pub fn input(&self) -> Value {
        json!({"endpoint": self.endpoint, "p256dh": self.p256dh, "auth": self.auth})
    }

    fn decrypt(&self, body: &[u8]) -> Result<Vec<u8>, String> {
        ece::decrypt(&self.components, &self.auth_secret, body).map_err(|e| e.to_string())
    }
}

type AppState = (Arc<Mutex<Shared>>, String);

async fn receive(
    State((shared, origin)): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut state = shared.lock().unwrap();
    *state.attempts.entry(name.clone()).or_default() += 1;
    let problem = check_vapid(&header("authorization"), &origin, state.vapid_key.as_deref()).err();
    let problem = problem.or_else(|| {
        (header("content-encoding") != "aes128gcm").then(|| "content-encoding is not aes128gcm".to_owned())
    });
    let problem = problem.or_else(|| header("ttl").parse::<u64>().is_err().then(|| "no TTL".to_owned()));
    if let Some(problem) = problem {
        state.problems.push(format!("{name}: {problem}"));
        return StatusCode::BAD_REQUEST;
    }
    let Some((components, auth)) = state.devices.get(&name).cloned() else {
        return StatusCode::NOT_FOUND;
    };
    if let Some(status) = state.scripts.get_mut(&name).and_then(VecDeque::pop_front) {
        if status != 201 {
            return StatusCode::from_u16(status).unwrap();
        }
    }
    let device = Device {
        name: name.clone(),
        endpoint: String::new(),
        p256dh: String::new(),
        auth: String::new(),
        components,
        auth_secret: auth,
    };
    let plaintext = match device.decrypt(&body) {
        Ok(plaintext) => plaintext,
        Err(err) => {
            state.problems.push(format!("{name}: cannot decrypt: {err}"));
            return StatusCode::BAD_REQUEST;
        }
    };
    let payload: Value = serde_json::from_slice(&plaintext).unwrap_or(Value::Null);
    let received = Received {
        payload,
        urgency: header("urgency"),
        ttl: header("ttl").parse().unwrap_or(0),
    };
    state.delivered.entry(name).or_default().push(received);
    StatusCode::CREATED
}

/// RFC 8292: `vapid t=<JWT>, k=<public key>`; ES256 over header.claims; aud is our origin;
/// exp in the future and within 24 h; sub present.
fn check_vapid(authorization: &str, origin: &str, expected_key: Option<&str>) -> Result<(), String> {
    let rest = authorization.strip_prefix("vapid ").ok_or("no vapid authorization")?;
    let mut token = None;
    let mut key = None;
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(t) = part.strip_prefix("t=") {
            token = Some(t);
        } else if let Some(k) = part.strip_prefix("k=") {
            key = Some(k);
        }
    }
    let (token, key) = (token.ok_or("no t=")?, key.ok_or("no k=")?);
    if expected_key.is_some_and(|expected| expected != key) {
        return Err("signed with another key than vapidPublicKey".into());
    }
    let key_bytes = URL_SAFE_NO_PAD.decode(key).map_err(|_| "k is not base64url")?;
    let verifying = VerifyingKey::from_sec1_bytes(&key_bytes).map_err(|_| "k is not a P-256 key")?;
    let (signed, signature) = token.rsplit_once('.').ok_or("malformed JWT")?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| "signature not base64url")?;
    let signature = Signature::from_slice(&signature).map_err(|_| "signature not r||s")?;
    verifying
        .verify(signed.as_bytes(), &signature)
        .map_err(|_| "bad signature")?;
    let claims = signed.split('.').nth(1).ok_or("no claims")?;
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).map_err(|_| "claims not base64url")?)
        .map_err(|_| "claims not JSON")?;
    if claims["aud"] != origin {
        return Err(format!("aud {} is not {origin}", claims["aud"]));
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let exp = claims["exp"].as_i64().ok_or("no exp")?;
    if exp <= now || exp > now + 24 * 3600 {
        return Err(format!("exp {exp} is not within 24 h"));
    }
    if !claims["sub"]
        .as_str()
        .is_some_and(|s| s.starts_with("mailto:") || s.starts_with("https:"))
    {
        return Err("no sub contact".into());
    }
    Ok(())
}
