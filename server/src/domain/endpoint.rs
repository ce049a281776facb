//! Which push endpoints the server may send to. A push endpoint is a URL a client hands us and
//! the server later POSTs to, so an unchecked one lets any user make the server reach its own
//! network (cloud metadata, databases, admin ports): server-side request forgery. The rules:
//! https only, no user name or password, a host on the push-service allow-list, and every
//! address the host has must be globally routable. The checks are pure; resolving a name is the
//! service's job, which hands the addresses back here (at registration and again when sending).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// The browser vendors' push services, the default allow-list (`PUSH_ALLOWED_HOSTS`): Chrome
/// and Android (FCM), Firefox (autopush), Edge (WNS), Safari (APNs web push).
pub const DEFAULT_PUSH_HOSTS: &str =
    "fcm.googleapis.com,updates.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com,*.push.apple.com";

/// What an address is, after the IANA special-purpose registries. Only `Public` is sent to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressClass {
    Public,
    Unspecified,
    Loopback,
    Private,
    SharedCgnat,
    LinkLocal,
    UniqueLocal,
    Multicast,
    Broadcast,
    Documentation,
    Benchmarking,
    /// Reserved, deprecated, protocol-specific or unallocated space: nothing a push service is on.
    Reserved,
}

impl AddressClass {
    fn describe(self) -> &'static str {
        match self {
            AddressClass::Public => "public",
            AddressClass::Unspecified => "unspecified",
            AddressClass::Loopback => "loopback",
            AddressClass::Private => "private",
            AddressClass::SharedCgnat => "shared (carrier-grade NAT)",
            AddressClass::LinkLocal => "link-local",
            AddressClass::UniqueLocal => "unique-local",
            AddressClass::Multicast => "multicast",
            AddressClass::Broadcast => "broadcast",
            AddressClass::Documentation => "documentation",
            AddressClass::Benchmarking => "benchmarking",
            AddressClass::Reserved => "reserved",
        }
    }
}

pub fn classify(ip: IpAddr) -> AddressClass {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        // 0.0.0.0/8 "this network": connecting to it reaches this host on Linux.
        (0, _, _) => AddressClass::Unspecified,
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => AddressClass::Private,
        (100, 64..=127, _) => AddressClass::SharedCgnat,
        (127, _, _) => AddressClass::Loopback,
        (169, 254, _) => AddressClass::LinkLocal,
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => AddressClass::Documentation,
        (198, 18..=19, _) => AddressClass::Benchmarking,
        // IETF protocol assignments; the deprecated 6to4 relay anycast.
        (192, 0, 0) | (192, 88, 99) => AddressClass::Reserved,
        (224..=239, _, _) => AddressClass::Multicast,
        _ if ip == Ipv4Addr::BROADCAST => AddressClass::Broadcast,
        (240..=255, _, _) => AddressClass::Reserved,
        _ => AddressClass::Public,
    }
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    let segments = ip.segments();
    let embedded_v4 = |high: u16, low: u16| Ipv4Addr::from((u32::from(high) << 16) | u32::from(low));
    if ip.is_unspecified() {
        return AddressClass::Unspecified;
    }
    if ip.is_loopback() {
        return AddressClass::Loopback;
    }
    // Addresses that carry an IPv4 address are what that address is: ::ffff:a.b.c.d (mapped),
    // 64:ff9b::a.b.c.d (NAT64, RFC 6052), 2002:aabb:ccdd:: (6to4).
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return classify_v4(embedded_v4(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return classify_v4(embedded_v4(segments[1], segments[2]));
    }
    match segments[0] {
        0xff00..=0xffff => AddressClass::Multicast,
        0xfe80..=0xfebf => AddressClass::LinkLocal,
        // fec0::/10, the deprecated site-local space, is as private as unique-local.
        0xfc00..=0xfdff | 0xfec0..=0xfeff => AddressClass::UniqueLocal,
        0x2001 if segments[1] == 0x0db8 => AddressClass::Documentation,
        0x3fff if segments[1] <= 0x0fff => AddressClass::Documentation,
        // 2001::/23: IETF protocol assignments (Teredo, benchmarking 2001:2::/48, ORCHID).
        0x2001 if segments[1] <= 0x01ff => AddressClass::Reserved,
        // Only 2000::/3 is allocated as global unicast; the rest (::/96 IPv4-compatible,
        // 64:ff9b:1::/48 local NAT64, 100::/64 discard, 5f00::/16 SRv6…) is not on the internet.
        0x2000..=0x3fff => AddressClass::Public,
        _ => AddressClass::Reserved,
    }
}

/// Why an endpoint is refused, in words a client developer can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointRefusal(pub String);

impl fmt::Display for EndpointRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EndpointRefusal {}

fn refuse(message: impl Into<String>) -> EndpointRefusal {
    EndpointRefusal(message.into())
}

/// One entry of the allow-list: `name` (exactly), `*.name` (any name below it), `*` (any host,
/// still only at public addresses).
#[derive(Clone, Debug, PartialEq, Eq)]
enum HostPattern {
    Exactly(String),
    Below(String),
    Any,
}

impl HostPattern {
    fn parse(text: &str) -> Result<HostPattern, String> {
        let text = normalize_host(text);
        let valid_name = |name: &str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        };
        match text.strip_prefix("*.") {
            _ if text == "*" => Ok(HostPattern::Any),
            Some(suffix) if valid_name(suffix) => Ok(HostPattern::Below(format!(".{suffix}"))),
            None if valid_name(&text) => Ok(HostPattern::Exactly(text)),
            _ => Err(format!("`{text}` is not a host name, `*.name` or `*`")),
        }
    }

    fn matches(&self, host: &str) -> bool {
        match self {
            HostPattern::Exactly(name) => host == name,
            HostPattern::Below(suffix) => host.len() > suffix.len() && host.ends_with(suffix.as_str()),
            HostPattern::Any => true,
        }
    }
}

/// Lower case, no trailing dot (`FCM.googleapis.com.` is `fcm.googleapis.com`), IPv6 unbracketed.
fn normalize_host(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(inner) => inner.to_owned(),
        None => host,
    }
}

/// An endpoint that passed every check that needs no network: what remains is resolving `host`
/// (when it is a name) and handing the addresses to [`EndpointRules::check_addresses`].
#[derive(Clone, Debug)]
pub struct PushTarget {
    pub url: Url,
    /// Normalized: lower case, no trailing dot, IPv6 without brackets.
    pub host: String,
    /// Whether `host` is a name to resolve (an address literal has been checked already).
    pub needs_resolving: bool,
    pub port: u16,
}

/// The endpoint rules in force, from the configuration.
#[derive(Clone, Debug)]
pub struct EndpointRules {
    allowed_hosts: Vec<HostPattern>,
    /// Names allowed to resolve to loopback addresses (a push service on this machine, for
    /// development and tests); every other class stays refused even for them.
    loopback_hosts: Vec<String>,
    allow_http: bool,
}

impl EndpointRules {
    /// `allowed_hosts` and `loopback_hosts` are comma-separated lists.
    pub fn new(allowed_hosts: &str, loopback_hosts: &str, allow_http: bool) -> Result<Self, String> {
        let list = |text: &str| {
            text.split(',')
                .map(str::trim)
                .filter(|entry| !entry.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let allowed_hosts = list(allowed_hosts)
            .iter()
            .map(|entry| HostPattern::parse(entry))
            .collect::<Result<Vec<_>, _>>()?;
        let loopback_hosts = list(loopback_hosts)
            .iter()
            .map(|name| match HostPattern::parse(name)? {
                HostPattern::Exactly(name) => Ok(name),
                _ => Err(format!("`{name}`: loopback is allowed for exact host names only")),
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(EndpointRules {
            allowed_hosts,
            loopback_hosts,
            allow_http,
        })
    }

    /// Everything that can be told from the URL itself.
    pub fn check_url(&self, endpoint: &str) -> Result<PushTarget, EndpointRefusal> {
        if endpoint.len() > 2048 {
            return Err(refuse("the endpoint is longer than 2048 characters"));
        }
        // The URL parser would encode them, but the text as given is what is stored.
        if endpoint.chars().any(char::is_control) {
            return Err(refuse("the endpoint must not contain control characters"));
        }
        // The WHATWG parser normalizes what attackers use to hide an address: 2130706433,
        // 0x7f.1 and 0177.0.0.1 are all 127.0.0.1 once parsed.
        let url = Url::parse(endpoint.trim()).map_err(|e| refuse(format!("the endpoint is not a URL: {e}")))?;
        match url.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            _ => return Err(refuse("the endpoint must be the https URL the browser gave")),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refuse("the endpoint must not carry a user name or password"));
        }
        let (host, literal) = match url.host() {
            Some(Host::Domain(name)) => (normalize_host(name), None),
            Some(Host::Ipv4(ip)) => (ip.to_string(), Some(IpAddr::V4(ip))),
            Some(Host::Ipv6(ip)) => (ip.to_string(), Some(IpAddr::V6(ip))),
            None => return Err(refuse("the endpoint has no host")),
        };
        if !self.allowed_hosts.iter().any(|pattern| pattern.matches(&host)) {
            return Err(refuse(format!(
                "{host} is not a push service this server sends to (PUSH_ALLOWED_HOSTS)"
            )));
        }
        if let Some(ip) = literal {
            self.check_addresses(&host, &[ip])?;
        }
        // RFC 6761: localhost and every name below it are loopback, whatever a resolver says.
        if host == "localhost" || host.ends_with(".localhost") {
            self.check_addresses(&host, &[IpAddr::V4(Ipv4Addr::LOCALHOST)])?;
        }
        let port = url.port_or_known_default().unwrap_or(443);
        Ok(PushTarget {
            needs_resolving: literal.is_none(),
            host,
            port,
            url,
        })
    }

    /// Every address `host` resolved to must be public: one bad address is enough to refuse,
    /// since the connection may go to any of them.
    pub fn check_addresses(&self, host: &str, addresses: &[IpAddr]) -> Result<(), EndpointRefusal> {
        if addresses.is_empty() {
            return Err(refuse(format!("{host} has no address")));
        }
        let host = normalize_host(host);
        for &ip in addresses {
            match classify(ip) {
                AddressClass::Public => {}
                AddressClass::Loopback if self.loopback_hosts.contains(&host) => {}
                class => {
                    return Err(refuse(format!(
                        "{host} is at {ip}, a {} address, not a public push service",
                        class.describe()
                    )))
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "endpoint_tests.rs"]
mod tests;
