//! Unit tests of the push endpoint rules: one case per address class (IPv4, IPv6, IPv4 inside
//! IPv6), the URL forms that hide an address, userinfo, schemes, the allow-list patterns.

use super::*;

fn class(text: &str) -> AddressClass {
    classify(text.parse().unwrap())
}

#[test]
fn every_ipv4_class() {
    for (ip, expected) in [
        ("0.0.0.0", AddressClass::Unspecified),
        ("0.1.2.3", AddressClass::Unspecified),
        ("127.0.0.1", AddressClass::Loopback),
        ("127.255.0.9", AddressClass::Loopback),
        ("10.0.0.1", AddressClass::Private),
        ("172.16.0.1", AddressClass::Private),
        ("172.31.255.255", AddressClass::Private),
        ("192.168.1.1", AddressClass::Private),
        ("100.64.0.1", AddressClass::SharedCgnat),
        ("100.127.255.254", AddressClass::SharedCgnat),
        ("169.254.169.254", AddressClass::LinkLocal),
        ("192.0.2.1", AddressClass::Documentation),
        ("198.51.100.7", AddressClass::Documentation),
        ("203.0.113.9", AddressClass::Documentation),
        ("198.18.0.1", AddressClass::Benchmarking),
        ("198.19.255.1", AddressClass::Benchmarking),
        ("192.0.0.8", AddressClass::Reserved),
        ("192.88.99.1", AddressClass::Reserved),
        ("224.0.0.1", AddressClass::Multicast),
        ("239.255.255.250", AddressClass::Multicast),
        ("240.0.0.1", AddressClass::Reserved),
        ("255.255.255.255", AddressClass::Broadcast),
        ("8.8.8.8", AddressClass::Public),
        ("142.250.196.106", AddressClass::Public),
        ("172.32.0.1", AddressClass::Public),
        ("100.128.0.1", AddressClass::Public),
        ("192.169.0.1", AddressClass::Public),
    ] {
        assert_eq!(class(ip), expected, "{ip}");
    }
}

#[test]
fn every_ipv6_class() {
    for (ip, expected) in [
        ("::", AddressClass::Unspecified),
        ("::1", AddressClass::Loopback),
        ("fe80::1", AddressClass::LinkLocal),
        ("febf::1", AddressClass::LinkLocal),
        ("fc00::1", AddressClass::UniqueLocal),
        ("fd12:3456::1", AddressClass::UniqueLocal),
        ("fec0::1", AddressClass::UniqueLocal),
        ("ff02::1", AddressClass::Multicast),
        ("ff0e::1", AddressClass::Multicast),
        ("2001:db8::1", AddressClass::Documentation),
        ("3fff::1", AddressClass::Documentation),
        ("2001::1", AddressClass::Reserved),
        ("2001:2::1", AddressClass::Reserved),
        ("::127.0.0.1", AddressClass::Reserved),
        ("100::1", AddressClass::Reserved),
        ("64:ff9b:1::1", AddressClass::Reserved),
        ("5f00::1", AddressClass::Reserved),
        ("2a00:1450:4001:80b::200a", AddressClass::Public),
        ("2607:f8b0::1", AddressClass::Public),
    ] {
        assert_eq!(class(ip), expected, "{ip}");
    }
}

#[test]
fn ipv4_inside_ipv6_is_what_the_ipv4_address_is() {
    for (ip, expected) in [
        ("::ffff:127.0.0.1", AddressClass::Loopback),
        ("::ffff:169.254.169.254", AddressClass::LinkLocal),
        ("::ffff:a00:1", AddressClass::Private),
        ("::ffff:8.8.8.8", AddressClass::Public),
        ("64:ff9b::7f00:1", AddressClass::Loopback),
        ("64:ff9b::a9fe:a9fe", AddressClass::LinkLocal),
        ("64:ff9b::808:808", AddressClass::Public),
        ("2002:7f00:1::", AddressClass::Loopback),
        ("2002:c0a8:101::1", AddressClass::Private),
        ("2002:808:808::1", AddressClass::Public),
    ] {
        assert_eq!(class(ip), expected, "{ip}");
    }
}

fn any_public_host() -> EndpointRules {
    EndpointRules::new("*", "", false).unwrap()
}

#[test]
fn hidden_addresses_are_found_in_the_parsed_url() {
    let rules = any_public_host();
    for endpoint in [
        "https://2130706433/",
        "https://0x7f000001/",
        "https://0177.0.0.1/",
        "https://127.1/",
        "https://0x7f.1/",
        "https://[::ffff:127.0.0.1]/",
        "https://[0:0:0:0:0:ffff:7f00:1]/",
        "https://169.254.169.254/latest/meta-data/",
        "https://0251.0376.0251.0376/",
        "https://[::]/",
        "https://0/",
        "https://localhost/",
        "https://LOCALHOST./",
        "https://push.localhost/",
    ] {
        let refusal = rules.check_url(endpoint).unwrap_err();
        assert!(refusal.0.contains("address"), "{endpoint}: {refusal}");
    }
    let public = rules.check_url("https://8.8.8.8/push/x").unwrap();
    assert!(!public.needs_resolving);
    let name = rules.check_url("https://Push.Example.com./x").unwrap();
    assert_eq!(
        (name.host.as_str(), name.port, name.needs_resolving),
        ("push.example.com", 443, true)
    );
}

#[test]
fn userinfo_and_schemes_are_refused() {
    let rules = any_public_host();
    for endpoint in [
        "https://fcm.googleapis.com@127.0.0.1/",
        "https://user:pass@fcm.googleapis.com/fcm/send/x",
        "https://:pass@fcm.googleapis.com/",
        "http://localhost@169.254.169.254/",
        "http://fcm.googleapis.com/fcm/send/x",
        "ftp://fcm.googleapis.com/x",
        "file:///etc/passwd",
        "fcm.googleapis.com/fcm/send/x",
        "https://fcm.googleapis.com/fcm/send/x\0y",
        "https://fcm.googleapis.com/fcm/send/x\ny",
    ] {
        assert!(rules.check_url(endpoint).is_err(), "{endpoint}");
    }
    let long = format!("https://fcm.googleapis.com/{}", "x".repeat(2048));
    assert!(rules.check_url(&long).is_err());
    let insecure = EndpointRules::new("*", "", true).unwrap();
    assert!(insecure.check_url("http://8.8.8.8/x").is_ok());
    assert!(
        insecure.check_url("http://10.0.0.1/x").is_err(),
        "http still public only"
    );
}

#[test]
fn the_default_allow_list_is_the_browser_vendors() {
    let rules = EndpointRules::new(DEFAULT_PUSH_HOSTS, "", false).unwrap();
    for endpoint in [
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
        "https://web.push.apple.com/QAbc",
        "https://api.push.apple.com/3/device/abc",
    ] {
        assert!(rules.check_url(endpoint).is_ok(), "{endpoint}");
    }
    for endpoint in [
        "https://evil.example/fcm.googleapis.com",
        "https://fcm.googleapis.com.evil.example/",
        "https://evilfcm.googleapis.com/",
        "https://notify.windows.com/",
        "https://evilnotify.windows.com/",
        "https://8.8.8.8/",
    ] {
        let refusal = rules.check_url(endpoint).unwrap_err();
        assert!(refusal.0.contains("PUSH_ALLOWED_HOSTS"), "{endpoint}: {refusal}");
    }
}

#[test]
fn loopback_is_allowed_only_for_listed_hosts_and_only_loopback() {
    let rules = EndpointRules::new("localhost,push.test", "localhost", false).unwrap();
    let localhost = rules.check_url("https://localhost:8443/push/a").unwrap();
    assert_eq!(localhost.port, 8443);
    let loopback = ["127.0.0.1".parse().unwrap(), "::1".parse().unwrap()];
    assert!(rules.check_addresses("localhost", &loopback).is_ok());
    assert!(rules.check_addresses("push.test", &loopback).is_err(), "not listed");
    for other in ["10.0.0.1", "169.254.169.254", "fd00::1", "0.0.0.0"] {
        let mixed = [loopback[0], other.parse().unwrap()];
        assert!(rules.check_addresses("localhost", &mixed).is_err(), "{other}");
    }
    assert!(rules.check_addresses("localhost", &[]).is_err());
    assert!(EndpointRules::new("*", "*.test", false).is_err(), "exact names only");
    assert!(EndpointRules::new("bad host/", "", false).is_err());
}

#[test]
fn any_address_refused_refuses_the_host() {
    let rules = any_public_host();
    let public: IpAddr = "8.8.8.8".parse().unwrap();
    assert!(rules.check_addresses("push.example.com", &[public]).is_ok());
    let refusal = rules
        .check_addresses("push.example.com", &[public, "10.1.2.3".parse().unwrap()])
        .unwrap_err();
    assert!(
        refusal.0.contains("10.1.2.3") && refusal.0.contains("private"),
        "{refusal}"
    );
}
