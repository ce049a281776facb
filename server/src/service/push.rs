//! Web Push (RFC 8030, aes128gcm RFC 8291, VAPID RFC 8292): reaching phones whose app is
//! closed. Notifications sit in the outbox, written with their event; this worker leases due
//! rows, encrypts and signs each for its device, and records what the push service said:
//! 2xx delivered; 404/410 the device is gone; 429, 5xx and network errors retried with
//! exponential backoff honouring Retry-After, up to a bound, then kept as failed with the reason.
//! Endpoints are checked against the SSRF rules (`domain::endpoint`) at registration and again
//! before each send; `push_transport` carries the request.

use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use futures::StreamExt;
use tokio::sync::Notify;
use web_push::{
    ContentEncoding, PartialVapidSignatureBuilder, SubscriptionInfo, Urgency, VapidSignatureBuilder,
    WebPushMessageBuilder,
};

use super::push_transport;
use crate::clock::Clock;
use crate::config::Config;
use crate::domain::endpoint::{EndpointRules, PushTarget};
use crate::domain::{validate, Timestamp};
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::store::{PushJob, PushOutcome, Store};

/// Sends at once per worker; a slow push service must not hold up the others.
const CONCURRENT_SENDS: usize = 16;
const BATCH: i64 = 64;

#[derive(Clone)]
pub struct PushSender {
    wake: Arc<Notify>,
    public_key: Arc<String>,
    rules: Arc<EndpointRules>,
}

impl PushSender {
    /// Loads (or creates, once for all replicas) the VAPID key and starts the worker.
    /// `clock` times the claims' leases and the retries.
    pub async fn start(store: Arc<dyn Store>, clock: Arc<dyn Clock>, config: &Config) -> anyhow::Result<Self> {
        let (private_key, public_key) = match (&config.vapid_private_key, &config.vapid_public_key) {
            (Some(private), Some(public)) => (private.to_string(), public.clone()),
            _ => store.vapid_keys(generate_vapid_keys()).await?,
        };
        let signer = VapidSignatureBuilder::from_base64_no_sub(&private_key)
            .map_err(|e| anyhow::anyhow!("the VAPID private key is unusable: {e}"))?;
        let wake = Arc::new(Notify::new());
        let rules = Arc::new(push_transport::endpoint_rules(config)?);
        let http = push_transport::client(config, rules.clone())?;
        for _ in 0..config.push_workers {
            let worker = Worker {
                store: store.clone(),
                clock: clock.clone(),
                signer: signer.clone(),
                subject: config.vapid_subject.clone(),
                http: http.clone(),
                rules: rules.clone(),
                wake: wake.clone(),
                lease: time::Duration::seconds(config.push_lease_seconds.max(1) as i64),
                poll: Duration::from_millis(config.push_poll_interval_ms.max(10)),
                max_attempts: config.push_max_attempts.max(1) as i64,
            };
            crate::health::spawn_essential(crate::health::PUSH_WORKER, worker.run());
        }
        Ok(PushSender {
            wake,
            public_key: Arc::new(public_key),
            rules,
        })
    }

    /// The application server key clients pass to `pushManager.subscribe`.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// What push endpoints must be, from the configuration.
    pub fn endpoint_rules(&self) -> &EndpointRules {
        &self.rules
    }

    /// A transaction with notifications has committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// A fresh P-256 key pair, as base64url: the raw private scalar and the uncompressed point.
fn generate_vapid_keys() -> (String, String) {
    let secret = p256::SecretKey::random(&mut rand::rngs::OsRng);
    let public = secret.public_key().to_sec1_bytes();
    (
        URL_SAFE_NO_PAD.encode(secret.to_bytes()),
        URL_SAFE_NO_PAD.encode(public),
    )
}

struct Worker {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    signer: PartialVapidSignatureBuilder,
    subject: String,
    http: reqwest::Client,
    rules: Arc<EndpointRules>,
    wake: Arc<Notify>,
    lease: time::Duration,
    poll: Duration,
    max_attempts: i64,
}

impl Worker {
    async fn run(self) {
        loop {
            let now = self.clock.now();
            match self.store.claim_pushes(now, Timestamp(now.0 + self.lease), BATCH).await {
                Ok(jobs) if !jobs.is_empty() => {
                    let full = jobs.len() as i64 == BATCH;
                    futures::stream::iter(jobs)
                        .for_each_concurrent(CONCURRENT_SENDS, |job| self.deliver(job))
                        .await;
                    if full {
                        continue;
                    }
                }
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "claiming pushes failed"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll) => {}
            }
        }
    }

    async fn deliver(&self, job: PushJob) {
        let outcome = match self.send(&job).await {
            Ok(outcome) => outcome,
            Err(error) => PushOutcome::Failed { error },
        };
        let outcome = match outcome {
            PushOutcome::Retry { error, .. } if job.attempts >= self.max_attempts => PushOutcome::Failed {
                error: format!("gave up after {} attempts: {error}", job.attempts),
            },
            other => other,
        };
        let result = match &outcome {
            PushOutcome::Delivered => "delivered",
            PushOutcome::Gone => "gone",
            PushOutcome::Retry { .. } => "retry",
            PushOutcome::Failed { .. } => "failed",
        };
        metrics::counter!(crate::metrics::PUSH_SENDS, "result" => result).increment(1);
        if let PushOutcome::Failed { error } | PushOutcome::Retry { error, .. } = &outcome {
            tracing::warn!(push = job.id, attempts = job.attempts, %error, "push not delivered");
        }
        if let Err(err) = self.store.finish_push(&job, outcome).await {
            // The lease runs out and the push is tried again: at least once, not lost.
            tracing::error!(push = job.id, error = %err, "recording a push outcome failed");
        }
    }

    /// One attempt. `Err` is a permanent failure of our own (unusable keys or endpoint).
    async fn send(&self, job: &PushJob) -> Result<PushOutcome, String> {
        // The rules may have changed since registration; the resolver checks the addresses.
        let target = self
            .rules
            .check_url(&job.endpoint)
            .map_err(|refusal| format!("endpoint refused: {refusal}"))?;
        let info = SubscriptionInfo::new(job.endpoint.as_str(), job.p256dh.as_str(), job.auth.as_str());
        let mut signature = self.signer.clone().add_sub_info(&info);
        signature.add_claim("sub", self.subject.as_str());
        // RFC 8292: `aud` is the endpoint's origin, port included; web-push drops the port.
        let audience = audience_of(&target.url)?;
        signature.add_claim("aud", audience.as_str());
        let signature = signature.build().map_err(|e| format!("VAPID signature: {e}"))?;
        let mut message = WebPushMessageBuilder::new(&info);
        message.set_payload(ContentEncoding::Aes128Gcm, job.payload.as_bytes());
        message.set_ttl(u32::try_from(job.ttl_seconds).unwrap_or(u32::MAX));
        message.set_urgency(match job.urgency.as_str() {
            "high" => Urgency::High,
            "low" => Urgency::Low,
            _ => Urgency::Normal,
        });
        message.set_vapid_signature(signature);
        let message = message.build().map_err(|e| format!("encrypting for the device: {e}"))?;
        let request = web_push::request_builder::build_request::<Vec<u8>>(message);
        // To the URL the rules checked, not web-push's re-parse of the raw text.
        let mut outgoing = self.http.post(target.url.clone()).body(request.body().clone());
        for (name, value) in request.headers() {
            outgoing = outgoing.header(name.as_str(), value.as_bytes());
        }
        let response = match outgoing.send().await {
            Ok(response) => response,
            Err(err) => {
                if let Some(refusal) = push_transport::refusal_in(&err) {
                    return Err(format!("endpoint refused: {refusal}"));
                }
                return Ok(PushOutcome::Retry {
                    at: self.clock.now(),
                    error: format!("network: {}", push_transport::describe(err)),
                });
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<i64>().ok())
            .map(|secs| Timestamp(self.clock.now().0 + time::Duration::seconds(secs.clamp(0, 86_400))));
        Ok(match status {
            200..=299 => PushOutcome::Delivered,
            404 | 410 => PushOutcome::Gone,
            429 | 500..=599 => PushOutcome::Retry {
                at: retry_after.unwrap_or_else(|| self.clock.now()),
                error: format!("push service answered {status}"),
            },
            _ => PushOutcome::Failed {
                error: format!("push service refused it: {status}"),
            },
        })
    }
}

/// The origin of a push endpoint: scheme, host and any non-default port.
fn audience_of(url: &url::Url) -> Result<String, String> {
    let host = url.host_str().ok_or("endpoint has no host")?;
    Ok(match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    })
}

/// A device to register: the browser's PushSubscription fields.
pub struct DeviceInput<'a> {
    pub endpoint: &'a str,
    pub p256dh: &'a str,
    pub auth: &'a str,
}

/// The checks that need no network; the endpoint's host is resolved after them.
fn check_device(input: &DeviceInput<'_>, rules: &EndpointRules) -> AppResult<PushTarget> {
    let target = rules
        .check_url(input.endpoint)
        .map_err(|refusal| AppError::bad_input("endpoint", refusal.to_string()))?;
    let key = URL_SAFE_NO_PAD
        .decode(input.p256dh.trim_end_matches('='))
        .unwrap_or_default();
    if key.len() != 65 || key[0] != 4 {
        return Err(AppError::bad_input(
            "p256dh",
            "p256dh must be the base64url P-256 public key of the subscription",
        ));
    }
    let auth = URL_SAFE_NO_PAD
        .decode(input.auth.trim_end_matches('='))
        .unwrap_or_default();
    if auth.len() != 16 {
        return Err(AppError::bad_input(
            "auth",
            "auth must be the subscription's 16-byte base64url secret",
        ));
    }
    Ok(target)
}

pub async fn register_device(svc: &super::Services, actor: &Actor, input: DeviceInput<'_>) -> AppResult<bool> {
    let rules = svc.push.endpoint_rules();
    let target = check_device(&input, rules)?;
    push_transport::check_resolved(rules, &target)
        .await
        .map_err(|refusal| AppError::bad_input("endpoint", refusal.to_string()))?;
    let p256dh = input.p256dh.trim_end_matches('=');
    let auth = input.auth.trim_end_matches('=');
    svc.store
        .register_push_subscription(actor.user.id, input.endpoint.trim(), p256dh, auth)
        .await?;
    Ok(true)
}

pub async fn unregister_device(svc: &super::Services, actor: &Actor, endpoint: &str) -> AppResult<bool> {
    if endpoint.len() > 2048 || endpoint.chars().any(char::is_control) {
        return Err(AppError::bad_input("endpoint", "not an endpoint"));
    }
    Ok(svc
        .store
        .unregister_push_subscription(actor.user.id, endpoint.trim())
        .await?)
}

pub async fn set_preference(
    svc: &super::Services,
    actor: &Actor,
    kind: crate::domain::PushKind,
    enabled: bool,
) -> AppResult<bool> {
    svc.store.set_push_preference(actor.user.id, kind, enabled).await?;
    Ok(enabled)
}

/// The notification kinds the caller switched off. Their own settings, as `set_preference`:
/// no Action beyond being signed in.
pub async fn disabled_kinds(svc: &super::Services, actor: &Actor) -> AppResult<Vec<crate::domain::PushKind>> {
    Ok(svc.store.disabled_push_kinds(actor.user.id).await?)
}

/// Delivery state of notifications, newest first (SYSTEM_ADMIN).
pub async fn deliveries(
    svc: &super::Services,
    actor: &Actor,
    status: Option<crate::domain::PushStatus>,
    user_id: Option<&str>,
    limit: Option<i32>,
) -> AppResult<Vec<crate::store::PushDelivery>> {
    actor.authorize_global(crate::policy::Action::ReadPushDeliveries)?;
    let user_id = user_id.map(|id| validate::id("userId", id)).transpose()?;
    let limit = limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(AppError::bad_input("limit", "limit is 1 to 1000"));
    }
    Ok(svc.store.push_deliveries(status, user_id, limit.into()).await?)
}
