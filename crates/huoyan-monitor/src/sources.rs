//! Allowed source addresses (来源地址) of a UITD's connections and of the gateway's port: IPv4 and
//! IPv6 networks written as CIDRs (`10.0.0.0/8`, `fd00:1::/48`) or single addresses (`192.0.2.7`
//! = `/32`, `2001:db8::7` = `/128`), parsed and matched with `std::net` and prefix arithmetic.
//!
//! GB/T 26875.3-2011 has no authentication: a frame names its source UITD by a 6-byte address
//! that any TCP client can write. The gateway therefore refuses a connection that claims a
//! device whose record carries allowed sources (`devices.allowed_sources`) from an address
//! outside them, and `[gateway] allow` closes connections from elsewhere at accept
//! (`docs/SECURITY-gateway.md`). This module is pure: no I/O, no sockets.
//!
//! Rules: a network's address must have no bits set beyond its prefix (`10.0.0.1/8` is refused,
//! naming `10.0.0.0/8`: a typo there would otherwise silently widen or move the binding); the
//! prefix is decimal digits, at most 32 (IPv4) or 128 (IPv6); zone indices (`fe80::1%eth0`) are
//! not addresses. An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`, what a dual-stack socket
//! reports for an IPv4 peer) is matched as the IPv4 address, and a network written that way
//! (`::ffff:10.0.0.0/104`) is kept as its IPv4 network (`10.0.0.0/8`).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use huoyan_domain::FieldError;

/// At most this many allowed sources per device (a carrier's APN ranges and a few fixed
/// addresses fit; a longer list is a mistake or an attempt to make each lookup expensive).
pub const MAX_SOURCES: usize = 32;

/// A network of allowed source addresses: an address and a prefix length, host bits zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceNet {
    addr: IpAddr,
    prefix: u8,
}

/// Why a text is not a source network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// Not an IP address, nor an address, `/` and a prefix.
    #[error("{0:?} is not an IP address or a CIDR network (10.0.0.0/8, 192.0.2.7, fd00::/8)")]
    NotAnAddress(String),
    /// The prefix is longer than the address.
    #[error("{value:?}: the prefix is at most {max}")]
    Prefix {
        /// The text.
        value: String,
        /// 32 or 128.
        max: u8,
    },
    /// Bits set beyond the prefix.
    #[error("{value:?} has bits set beyond its prefix: write the network {network}")]
    HostBits {
        /// The text.
        value: String,
        /// The network it contains.
        network: String,
    },
}

impl SourceError {
    /// The error as a coded field error (`crate::code::BAD_CIDR`, `CIDR_PREFIX`,
    /// `CIDR_HOST_BITS`) on `field`.
    pub fn field(&self, field: &str) -> FieldError {
        match self {
            SourceError::NotAnAddress(v) => {
                FieldError::new(field, crate::code::BAD_CIDR, self.to_string()).with("value", v.as_str())
            }
            SourceError::Prefix { value, max } => FieldError::new(field, crate::code::CIDR_PREFIX, self.to_string())
                .with("value", value.as_str())
                .with("max", *max),
            SourceError::HostBits { value, network } => {
                FieldError::new(field, crate::code::CIDR_HOST_BITS, self.to_string())
                    .with("value", value.as_str())
                    .with("network", network.as_str())
            }
        }
    }
}

/// The address as the gateway compares it: an IPv4-mapped IPv6 address is its IPv4 address.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    }
}

fn bits(ip: IpAddr) -> (u128, u8) {
    match ip {
        IpAddr::V4(a) => (u128::from(u32::from(a)), 32),
        IpAddr::V6(a) => (u128::from(a), 128),
    }
}

/// The mask of a `prefix`-bit network in a `width`-bit address (low `width` bits used).
fn mask(prefix: u8, width: u8) -> u128 {
    if prefix == 0 {
        return 0;
    }
    let all: u128 = if width == 128 { u128::MAX } else { (1u128 << width) - 1 };
    // A shift by the whole width (a /128) is out of range for u128: the mask is then all ones.
    all & !all.checked_shr(u32::from(prefix)).unwrap_or(0)
}

fn from_bits(v: u128, width: u8) -> IpAddr {
    if width == 32 {
        // Only the low 32 bits are used for an IPv4 address.
        IpAddr::V4(Ipv4Addr::from(u32::try_from(v & u128::from(u32::MAX)).unwrap_or(0)))
    } else {
        IpAddr::V6(Ipv6Addr::from(v))
    }
}

impl SourceNet {
    /// Parses `10.0.0.0/8`, `192.0.2.7`, `fd00::/8`, `2001:db8::7` (surrounding blanks allowed).
    pub fn parse(text: &str) -> Result<SourceNet, SourceError> {
        let t = text.trim();
        let (addr_text, prefix_text) = match t.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (t, None),
        };
        let addr = IpAddr::from_str(addr_text).map_err(|_| SourceError::NotAnAddress(t.to_string()))?;
        let (_, width) = bits(addr);
        let prefix = match prefix_text {
            None => width,
            Some(p) => {
                // Digits only: u8's parser would take "+8".
                if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(SourceError::NotAnAddress(t.to_string()));
                }
                let n: u16 = p.parse().map_err(|_| SourceError::NotAnAddress(t.to_string()))?;
                u8::try_from(n)
                    .ok()
                    .filter(|n| *n <= width)
                    .ok_or(SourceError::Prefix { value: t.to_string(), max: width })?
            }
        };
        // An IPv4-mapped network (::ffff:a.b.c.d/96 and longer) is that IPv4 network.
        let (addr, prefix) = match addr {
            IpAddr::V6(v6) if prefix >= 96 && v6.to_ipv4_mapped().is_some() => (canonical(addr), prefix - 96),
            _ => (addr, prefix),
        };
        let (v, width) = bits(addr);
        let m = mask(prefix, width);
        if v & !m != 0 {
            let network = SourceNet { addr: from_bits(v & m, width), prefix };
            return Err(SourceError::HostBits { value: t.to_string(), network: network.to_string() });
        }
        Ok(SourceNet { addr, prefix })
    }

    /// Whether `ip` (a peer's address; IPv4-mapped IPv6 taken as IPv4) is in this network.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let (v, width) = bits(canonical(ip));
        let (net, net_width) = bits(self.addr);
        width == net_width && v & mask(self.prefix, width) == net
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }
}

impl fmt::Display for SourceNet {
    /// Always `address/prefix` (`127.0.0.2/32`), the form stored and shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl FromStr for SourceNet {
    type Err = SourceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SourceNet::parse(s)
    }
}

/// Whether any network of `nets` contains `ip`.
pub fn any_contains(nets: &[SourceNet], ip: IpAddr) -> bool {
    nets.iter().any(|n| n.contains(ip))
}

/// Checks a device's allowed sources as the API takes them (`field` is `allowed_sources`): each
/// one a network ([`SourceNet::parse`], errors on `allowed_sources[i]`), at most [`MAX_SOURCES`];
/// returns them in their stored form (`address/prefix`), repeats removed, in the given order.
pub fn check_list(field: &str, values: &[String]) -> Result<Vec<SourceNet>, Vec<FieldError>> {
    if values.len() > MAX_SOURCES {
        let reason = format!("at most {MAX_SOURCES} allowed sources");
        return Err(vec![
            FieldError::new(field, huoyan_domain::validate::code::TOO_MANY, reason).with("max", MAX_SOURCES),
        ]);
    }
    let mut out: Vec<SourceNet> = Vec::with_capacity(values.len());
    let mut errors = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match SourceNet::parse(v) {
            Ok(n) if !out.contains(&n) => out.push(n),
            Ok(_) => {}
            Err(e) => errors.push(e.field(&format!("{field}[{i}]"))),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Parses stored allowed sources (written by [`check_list`]); an entry that does not parse —
/// never written by Huoyan — is returned as an error so that the caller refuses rather than
/// widens.
pub fn parse_stored(values: &[String]) -> Result<Vec<SourceNet>, SourceError> {
    values.iter().map(|v| SourceNet::parse(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn net(s: &str) -> SourceNet {
        SourceNet::parse(s).unwrap()
    }

    #[test]
    fn ipv4_networks_and_hosts() {
        let n = net("10.0.0.0/8");
        assert!(n.contains(ip("10.0.0.0")) && n.contains(ip("10.255.255.255")) && n.contains(ip("10.1.2.3")));
        assert!(!n.contains(ip("11.0.0.0")) && !n.contains(ip("9.255.255.255")));
        let host = net("127.0.0.2");
        assert_eq!(host.to_string(), "127.0.0.2/32");
        assert!(host.contains(ip("127.0.0.2")));
        assert!(!host.contains(ip("127.0.0.1")) && !host.contains(ip("127.0.0.3")));
        assert_eq!(net("127.0.0.2/32"), host);
        let odd = net("192.0.2.128/25");
        assert!(odd.contains(ip("192.0.2.200")) && !odd.contains(ip("192.0.2.127")));
        let all = net("0.0.0.0/0");
        assert!(all.contains(ip("203.0.113.9")) && all.contains(ip("0.0.0.0")));
        assert!(!all.contains(ip("::1")), "an IPv4 network never holds an IPv6 peer");
        assert_eq!(net(" 172.16.0.0/12 ").to_string(), "172.16.0.0/12");
        assert!(net("172.16.0.0/12").contains(ip("172.31.255.255")));
        assert!(!net("172.16.0.0/12").contains(ip("172.32.0.0")));
    }

    #[test]
    fn ipv6_networks_and_hosts() {
        let n = net("fd00:1::/48");
        assert!(n.contains(ip("fd00:1::1")) && n.contains(ip("fd00:1:0:ffff::9")));
        assert!(!n.contains(ip("fd00:2::1")));
        assert!(!n.contains(ip("10.0.0.1")));
        let host = net("2001:db8::7");
        assert_eq!(host.to_string(), "2001:db8::7/128");
        assert!(host.contains(ip("2001:db8::7")) && !host.contains(ip("2001:db8::8")));
        assert!(net("::/0").contains(ip("2001:db8::1")));
        assert!(!net("::/0").contains(ip("192.0.2.1")));
        assert!(net("fe80::/10").contains(ip("febf::1")) && !net("fe80::/10").contains(ip("fec0::1")));
    }

    #[test]
    fn ipv4_mapped_peers_and_networks_are_ipv4() {
        // What a dual-stack listener ([::]:9026) reports for an IPv4 peer.
        assert!(net("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")));
        assert!(!net("10.0.0.0/8").contains(ip("::ffff:11.1.2.3")));
        assert_eq!(net("::ffff:10.0.0.0/104"), net("10.0.0.0/8"));
        assert_eq!(net("::ffff:192.0.2.7"), net("192.0.2.7/32"));
        assert_eq!(canonical(ip("::ffff:127.0.0.1")), ip("127.0.0.1"));
        assert_eq!(canonical(ip("::1")), ip("::1"), "loopback ::1 is not IPv4-mapped");
    }

    #[test]
    fn refusals_are_specific() {
        for bad in [
            "",
            " ",
            "10.0.0",
            "10.0.0.0/",
            "/8",
            "10.0.0.0/8/8",
            "10.0.0.0/+8",
            "10.0.0.0/-1",
            "10.0.0.0/ 8",
            "10.0.0.0/0x8",
            "256.0.0.0/8",
            "010.0.0.0/8",
            "10.0.0.0/0008",
            "fe80::1%eth0",
            "host.example",
            "10.0.0.0/8,",
            "::ffff:10.0.0.0/ab",
        ] {
            assert!(
                matches!(SourceNet::parse(bad), Err(SourceError::NotAnAddress(_))),
                "{bad:?} → {:?}",
                SourceNet::parse(bad)
            );
        }
        assert_eq!(SourceNet::parse("10.0.0.0/33"), Err(SourceError::Prefix { value: "10.0.0.0/33".into(), max: 32 }));
        assert_eq!(SourceNet::parse("fd00::/129"), Err(SourceError::Prefix { value: "fd00::/129".into(), max: 128 }));
        assert!(matches!(SourceNet::parse("10.0.0.0/999"), Err(SourceError::Prefix { max: 32, .. })));
        assert_eq!(
            SourceNet::parse("10.0.0.1/8"),
            Err(SourceError::HostBits { value: "10.0.0.1/8".into(), network: "10.0.0.0/8".into() })
        );
        assert_eq!(
            SourceNet::parse("fd00:1::5/48"),
            Err(SourceError::HostBits { value: "fd00:1::5/48".into(), network: "fd00:1::/48".into() })
        );
        assert!(matches!(SourceNet::parse("0.0.0.1/0"), Err(SourceError::HostBits { .. })));
    }

    #[test]
    fn masks_at_the_edges() {
        assert_eq!(mask(0, 32), 0);
        assert_eq!(mask(32, 32), u128::from(u32::MAX));
        assert_eq!(mask(1, 32), 0x8000_0000);
        assert_eq!(mask(128, 128), u128::MAX);
        assert_eq!(mask(1, 128), 1u128 << 127);
        assert_eq!(mask(127, 128), u128::MAX - 1);
    }

    #[test]
    fn lists_from_the_api_are_coded_per_entry() {
        let ok =
            check_list("allowed_sources", &["10.0.0.0/8".into(), "192.0.2.7".into(), "10.0.0.0/8".into()]).unwrap();
        assert_eq!(ok.iter().map(ToString::to_string).collect::<Vec<_>>(), ["10.0.0.0/8", "192.0.2.7/32"]);
        assert!(check_list("allowed_sources", &[]).unwrap().is_empty());
        let errs =
            check_list("allowed_sources", &["10.0.0.0/8".into(), "10.0.0.1/8".into(), "x".into(), "1.2.3.4/40".into()])
                .unwrap_err();
        let got: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(
            got,
            [
                ("allowed_sources[1]", crate::code::CIDR_HOST_BITS),
                ("allowed_sources[2]", crate::code::BAD_CIDR),
                ("allowed_sources[3]", crate::code::CIDR_PREFIX)
            ]
        );
        assert_eq!(errs[0].params["network"], "10.0.0.0/8");
        assert_eq!(errs[2].params["max"], 32);
        let many: Vec<String> = (0..=MAX_SOURCES).map(|i| format!("10.0.{i}.0/24")).collect();
        let e = check_list("allowed_sources", &many).unwrap_err();
        assert_eq!((e[0].code.as_str(), e[0].params["max"].as_u64()), ("too_many", Some(MAX_SOURCES as u64)));
    }

    #[test]
    fn stored_lists_fail_closed() {
        assert_eq!(parse_stored(&["10.0.0.0/8".into()]).unwrap(), vec![net("10.0.0.0/8")]);
        assert!(parse_stored(&["10.0.0.0/8".into(), "garbage".into()]).is_err());
        assert!(any_contains(&[net("10.0.0.0/8"), net("fd00::/8")], ip("fd12::1")));
        assert!(!any_contains(&[], ip("10.0.0.1")), "an empty list holds nothing");
    }
}
