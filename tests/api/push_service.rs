//! A loopback HTTPS server playing the push service, as strict as a real one: it checks the
//! VAPID JWT (ES256 signature with the key in the header, aud, exp, sub) and decrypts the
//! aes128gcm body with the device's private key. Each device answers from a script of status
//! codes (then 201), so tests can make it fail, throttle, redirect or say the device is gone.
//! Its certificate is made at start by a certificate authority of its own, which the server
//! under test trusts only through its configuration (`PUSH_EXTRA_ROOT_CERT`): the server sends
//! over the same verified TLS as in production.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::TlsAcceptor;

/// Settings as `TestApp::start_with` takes them.
pub fn env_pairs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(key, value)| (*key, value.as_str())).collect()
}

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
    /// Where a device's 3xx answers point.
    redirects: HashMap<String, String>,
    delivered: HashMap<String, Vec<Received>>,
    /// Every request, whatever the answer.
    attempts: HashMap<String, usize>,
    problems: Vec<String>,
    vapid_key: Option<String>,
    /// TLS handshakes that failed (a client that did not trust the certificate).
    refused_handshakes: usize,
}

#[derive(Clone)]
pub struct PushService {
    shared: Arc<Mutex<Shared>>,
    /// `https://localhost:PORT`
    pub origin: String,
    root: Arc<RootFile>,
}

/// The certificate authority's PEM file, removed with the last handle on the service.
struct RootFile(PathBuf);

impl Drop for RootFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl PushService {
    pub async fn start() -> PushService {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (root_pem, certificate, key) = certificates();
        let root = std::env::temp_dir().join(format!("tsunagu-push-root-{}.pem", uuid::Uuid::new_v4().simple()));
        std::fs::write(&root, root_pem).unwrap();
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let mut tls = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![certificate], key)
            .unwrap();
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let tcp = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("https://localhost:{}", tcp.local_addr().unwrap().port());
        let listener = TlsListener {
            tcp,
            acceptor: TlsAcceptor::from(Arc::new(tls)),
            shared: shared.clone(),
        };
        let app = Router::new()
            .route("/push/{device}", post(receive))
            .with_state((shared.clone(), origin.clone()));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        PushService {
            shared,
            origin,
            root: Arc::new(RootFile(root)),
        }
    }

    /// What the server needs to reach this service: `localhost` on the allow-list, allowed to
    /// be loopback, and this service's certificate authority as an extra root.
    pub fn server_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("PUSH_ALLOWED_HOSTS", "localhost".to_owned()),
            ("PUSH_ALLOW_LOOPBACK_HOSTS", "localhost".to_owned()),
            ("PUSH_EXTRA_ROOT_CERT", self.root.0.display().to_string()),
        ]
    }

    /// A device whose first answer is `status` (a 3xx) pointing at `to`'s endpoint.
    pub fn redirecting_device(&self, name: &str, status: u16, to: &Device) -> Device {
        let device = self.device(name, &[status]);
        let mut shared = self.shared.lock().unwrap();
        shared.redirects.insert(name.to_owned(), to.endpoint.clone());
        device
    }

    pub fn refused_handshakes(&self) -> usize {
        self.shared.lock().unwrap().refused_handshakes
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
) -> Response {
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
        return StatusCode::BAD_REQUEST.into_response();
    }
    let Some((components, auth)) = state.devices.get(&name).cloned() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Some(status) = state.scripts.get_mut(&name).and_then(VecDeque::pop_front) {
        let status = StatusCode::from_u16(status).unwrap();
        if let (true, Some(location)) = (status.is_redirection(), state.redirects.get(&name)) {
            return (status, [(header::LOCATION, location.clone())]).into_response();
        }
        if status != StatusCode::CREATED {
            return status.into_response();
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
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    let payload: Value = serde_json::from_slice(&plaintext).unwrap_or(Value::Null);
    let received = Received {
        payload,
        urgency: header("urgency"),
        ttl: header("ttl").parse().unwrap_or(0),
    };
    state.delivered.entry(name).or_default().push(received);
    StatusCode::CREATED.into_response()
}

/// A certificate authority (its PEM) and a certificate for `localhost` it signed, with its key.
fn certificates() -> (String, CertificateDer<'static>, PrivateKeyDer<'static>) {
    let authority_key = rcgen::KeyPair::generate().unwrap();
    let mut authority = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    authority.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    authority
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Tsunagu test push service CA");
    authority.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    let authority = authority.self_signed(&authority_key).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let certificate = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &authority, &authority_key)
        .unwrap();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    (authority.pem(), certificate.der().clone(), key)
}

/// TCP accepted, then TLS; a failed handshake is counted and the next connection awaited.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    shared: Arc<Mutex<Shared>>,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((tcp, address)) = self.tcp.accept().await else {
                continue;
            };
            match tokio::time::timeout(Duration::from_secs(10), self.acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => return (tls, address),
                _ => self.shared.lock().unwrap().refused_handshakes += 1,
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
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
