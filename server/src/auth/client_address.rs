//! Who is on the other end of a request: the peer, or, when the peer is one of our reverse
//! proxies, the address the proxies say they were called from. Login throttling and the audit
//! trail key on it, so a client must not be able to choose it by sending a header.

use std::net::IpAddr;

use ipnet::IpNet;

/// A CIDR block, or a single address standing for itself (`TRUSTED_PROXIES`).
pub fn parse_cidr(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("`{text}` is not an address or CIDR block"))
}

/// The client's address. Each proxy appends the address it was called from to
/// `X-Forwarded-For`, so reading from the right, every address in the trusted set is one of
/// ours passing the request on, and the first one that is not is the client (whatever a
/// client wrote further left is its own claim, and ignored). A peer that is not a trusted
/// proxy is the client itself, whatever it sent.
pub fn client_address(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |address: &IpAddr| trusted.iter().any(|net| net.contains(&canonical(*address)));
    if !is_trusted(&peer) {
        return peer;
    }
    let Some(header) = forwarded_for else {
        return peer;
    };
    let mut client = peer;
    for hop in header.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(address) => {
                client = canonical(address);
                if !is_trusted(&client) {
                    return client;
                }
            }
            // Garbage where a proxy's entry should be: what lies beyond it cannot be believed.
            Err(_) => return client,
        }
    }
    client
}

/// An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.1`) is the IPv4 address.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies() -> Vec<IpNet> {
        ["10.0.0.0/24", "fd00::1"]
            .iter()
            .map(|t| parse_cidr(t).unwrap())
            .collect()
    }

    #[test]
    fn a_client_that_is_not_a_proxy_cannot_choose_its_address() {
        let got = client_address(ip("203.0.113.9"), Some("198.51.100.1"), &proxies());
        assert_eq!(got, ip("203.0.113.9"));
        assert_eq!(
            client_address(ip("203.0.113.9"), Some("198.51.100.1"), &[]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_proxies_the_right_most_untrusted_address_is_the_client() {
        let header = "198.51.100.66, 203.0.113.7, 10.0.0.3";
        assert_eq!(
            client_address(ip("10.0.0.2"), Some(header), &proxies()),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_address(ip("fd00::1"), Some("2001:db8::5"), &proxies()),
            ip("2001:db8::5")
        );
        assert_eq!(
            client_address(ip("::ffff:10.0.0.2"), Some("203.0.113.7"), &proxies()),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn garbage_or_only_proxies_in_the_header_leave_the_last_believable_hop() {
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("not-an-ip"), &proxies()),
            ip("10.0.0.2")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("203.0.113.7, junk, 10.0.0.9"), &proxies()),
            ip("10.0.0.9")
        );
        assert_eq!(client_address(ip("10.0.0.2"), None, &proxies()), ip("10.0.0.2"));
        assert!(parse_cidr("10.0.0.0/33").is_err());
        assert_eq!(parse_cidr(" 192.0.2.1 ").unwrap().to_string(), "192.0.2.1/32");
    }
}
