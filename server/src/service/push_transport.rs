//! How pushes leave the server: an HTTPS client that verifies push services' certificates
//! (rustls, with the webpki roots, the platform's roots and an optional extra root), follows no
//! redirects, ignores proxy variables, and connects only to addresses the endpoint rules passed:
//! its resolver resolves, checks every address, then hands exactly those to the connector, so a
//! name that resolves differently after registration cannot lead it into our own network.

use std::error::Error as StdError;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::config::Config;
use crate::domain::endpoint::{EndpointRefusal, EndpointRules, PushTarget};

const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(5);

/// The endpoint rules from the configuration; unusable settings stop the start.
pub fn endpoint_rules(config: &Config) -> anyhow::Result<EndpointRules> {
    let rules = EndpointRules::new(
        &config.push_allowed_hosts,
        &config.push_allow_loopback_hosts,
        config.push_allow_insecure_endpoints,
    )
    .map_err(|e| anyhow::anyhow!("PUSH_ALLOWED_HOSTS / PUSH_ALLOW_LOOPBACK_HOSTS: {e}"))?;
    if !config.push_allow_loopback_hosts.trim().is_empty() || config.push_allow_insecure_endpoints {
        tracing::warn!(
            loopback_hosts = %config.push_allow_loopback_hosts,
            insecure = config.push_allow_insecure_endpoints,
            "push endpoint development switches are on: not for production"
        );
    }
    Ok(rules)
}

/// The client every push worker shares.
pub fn client(config: &Config, rules: Arc<EndpointRules>) -> anyhow::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        // A redirect would take the request somewhere the rules never saw.
        .redirect(reqwest::redirect::Policy::none())
        // A proxy would resolve and connect on our behalf, past the checked resolver.
        .no_proxy()
        .https_only(!config.push_allow_insecure_endpoints)
        .dns_resolver(Arc::new(CheckedResolver { rules }));
    if let Some(path) = &config.push_extra_root_cert {
        let pem = std::fs::read(path).with_context(|| format!("PUSH_EXTRA_ROOT_CERT {}", path.display()))?;
        let roots = reqwest::Certificate::from_pem_bundle(&pem)
            .with_context(|| format!("PUSH_EXTRA_ROOT_CERT {} is not PEM certificates", path.display()))?;
        anyhow::ensure!(
            !roots.is_empty(),
            "PUSH_EXTRA_ROOT_CERT {} holds no certificate",
            path.display()
        );
        for root in roots {
            builder = builder.add_root_certificate(root);
        }
    }
    Ok(builder.build()?)
}

/// At registration: the name resolves now, and only to addresses the rules allow.
pub async fn check_resolved(rules: &EndpointRules, target: &PushTarget) -> Result<(), EndpointRefusal> {
    if !target.needs_resolving {
        return Ok(());
    }
    let addresses = resolve(&target.host, target.port).await?;
    let ips: Vec<IpAddr> = addresses.iter().map(SocketAddr::ip).collect();
    rules.check_addresses(&target.host, &ips)
}

async fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, EndpointRefusal> {
    let lookup = tokio::net::lookup_host((host, port));
    match tokio::time::timeout(RESOLVE_TIMEOUT, lookup).await {
        Ok(Ok(addresses)) => Ok(addresses.collect()),
        Ok(Err(err)) => Err(EndpointRefusal(format!("{host} does not resolve: {err}"))),
        Err(_) => Err(EndpointRefusal(format!(
            "{host} did not resolve within {RESOLVE_TIMEOUT:?}"
        ))),
    }
}

/// reqwest's resolver for push sends: every address checked, all or nothing.
struct CheckedResolver {
    rules: Arc<EndpointRules>,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let rules = self.rules.clone();
        Box::pin(async move {
            // Port 0: reqwest puts the URL's port on the addresses it connects to.
            let addresses = resolve(name.as_str(), 0).await?;
            let ips: Vec<IpAddr> = addresses.iter().map(SocketAddr::ip).collect();
            rules.check_addresses(name.as_str(), &ips)?;
            Ok(Box::new(addresses.into_iter()) as Addrs)
        })
    }
}

/// The refusal behind a failed send, when the checked resolver refused the address.
pub fn refusal_in(err: &reqwest::Error) -> Option<&EndpointRefusal> {
    let mut source: Option<&(dyn StdError + 'static)> = err.source();
    while let Some(cause) = source {
        if let Some(refusal) = cause.downcast_ref::<EndpointRefusal>() {
            return Some(refusal);
        }
        source = cause.source();
    }
    None
}

/// The whole chain of causes ("…: invalid peer certificate: UnknownIssuer"), without the URL,
/// which holds the device's token.
pub fn describe(err: reqwest::Error) -> String {
    let err = err.without_url();
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn resolved(rules: EndpointRules, name: &str) -> Result<Vec<SocketAddr>, String> {
        let resolver = CheckedResolver { rules: Arc::new(rules) };
        match resolver.resolve(name.parse().unwrap()).await {
            Ok(addresses) => Ok(addresses.collect()),
            Err(err) => match err.downcast_ref::<EndpointRefusal>() {
                Some(refusal) => Err(refusal.to_string()),
                None => panic!("{name}: not a refusal: {err}"),
            },
        }
    }

    #[tokio::test]
    async fn the_sending_resolver_refuses_names_at_loopback_unless_listed() {
        let strict = EndpointRules::new("*", "", false).unwrap();
        let refusal = resolved(strict, "localhost").await.unwrap_err();
        assert!(refusal.contains("loopback"), "{refusal}");
        let development = EndpointRules::new("localhost", "localhost", false).unwrap();
        let addresses = resolved(development, "localhost").await.unwrap();
        assert!(!addresses.is_empty() && addresses.iter().all(|a| a.ip().is_loopback()));
        let unresolvable = EndpointRules::new("*", "", false).unwrap();
        let refusal = resolved(unresolvable, "push.invalid").await.unwrap_err();
        assert!(refusal.contains("does not resolve"), "{refusal}");
    }
}
