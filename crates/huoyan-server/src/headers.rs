//! Security headers on every answer (the console's pages, its assets and the API):
//!
//! - `Content-Security-Policy`: scripts, styles, fonts and connections from this server only;
//!   images also from `data:`/`blob:` (the map's sprites); workers from `blob:` (MapLibre starts its
//!   tile workers that way); no plug-ins; the console may not be framed (`frame-ancestors 'none'`);
//!   forms post only here. When an external raster base map is configured (`tile_url`), its origin
//!   is added to `img-src` and `connect-src`. Inline styles are allowed (Vue binds `style`), inline
//!   scripts are not.
//! - `X-Frame-Options: DENY` (older browsers), `X-Content-Type-Options: nosniff`,
//!   `Referrer-Policy: same-origin`, `Cross-Origin-Opener-Policy: same-origin`.
//!
//! A handler that sets one of these itself keeps its own.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use huoyan_api::ServerConfig;

/// The headers, built once from the configuration.
#[derive(Debug, Clone)]
pub(crate) struct SecurityHeaders {
    csp: HeaderValue,
}

/// The origin (`scheme://host[:port]`) of an URL template, if it has one that can go in a CSP.
fn origin(url: &str) -> Option<&str> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return None;
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let ok =
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| &url.trim()[..scheme.len() + 3 + host_end])
}

impl SecurityHeaders {
    pub(crate) fn new(config: &ServerConfig) -> SecurityHeaders {
        let extra = origin(&config.tile_url).map(|o| format!(" {o}")).unwrap_or_default();
        let csp = format!(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data: blob:{extra}; font-src 'self' data:; connect-src 'self'{extra}; \
             worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        SecurityHeaders {
            csp: HeaderValue::from_str(&csp)
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'")),
        }
    }
}

/// Adds the headers to an answer.
pub(crate) async fn add(State(h): State<SecurityHeaders>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let fixed: [(HeaderName, HeaderValue); 5] = [
        (header::CONTENT_SECURITY_POLICY, h.csp.clone()),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
        (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
    ];
    for (name, value) in fixed {
        headers.entry(name).or_insert(value);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_tile_templates() {
        assert_eq!(
            origin("https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k"),
            Some("https://t0.tianditu.gov.cn")
        );
        assert_eq!(origin("http://10.1.2.3:8081/{z}/{x}/{y}.png"), Some("http://10.1.2.3:8081"));
        assert_eq!(origin(""), None);
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://evil.example'; script-src *"), None);
    }

    #[test]
    fn the_policy_names_the_external_base_map() {
        let cfg = ServerConfig { tile_url: "https://t0.tianditu.gov.cn/x?l={z}".into(), ..Default::default() };
        let csp = SecurityHeaders::new(&cfg).csp.to_str().unwrap().to_string();
        assert!(csp.contains("connect-src 'self' https://t0.tianditu.gov.cn;"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        let plain = SecurityHeaders::new(&ServerConfig::default()).csp.to_str().unwrap().to_string();
        assert!(plain.contains("connect-src 'self';"), "{plain}");
    }
}
