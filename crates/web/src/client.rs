//! Where a request came from: the connection's peer, or, when that peer is the
//! configured trusted proxy, the address the proxy puts last in `X-Forwarded-For`.
//! Anybody can send that header, so it is believed from the proxy only.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

/// The proxy in front of Bulyst (`serve --trusted-proxy`), as a request extension.
#[derive(Debug, Clone, Copy)]
pub struct TrustedProxy(pub IpAddr);

/// The client's address; `None` when the request came without a connection
/// (in-process tests) or from the proxy without a usable header.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

fn forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    // The proxy appends the peer it saw; what comes before is the client's word.
    let last = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()?;
    last.trim().parse().ok()
}

pub fn client_addr(parts: &Parts) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())?;
    match parts.extensions.get::<TrustedProxy>() {
        Some(TrustedProxy(proxy)) if proxy.to_canonical() == peer.to_canonical() => {
            forwarded_for(&parts.headers)
        }
        _ => Some(peer),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(ClientAddr(client_addr(parts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(peer: &str, proxy: Option<&str>, xff: &[&str]) -> Parts {
        let mut req = Request::get("/").body(()).unwrap();
        let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(peer));
        if let Some(p) = proxy {
            req.extensions_mut()
                .insert(TrustedProxy(p.parse().unwrap()));
        }
        for v in xff {
            req.headers_mut()
                .append("x-forwarded-for", v.parse().unwrap());
        }
        req.into_parts().0
    }

    fn addr(p: &Parts) -> Option<String> {
        client_addr(p).map(|a| a.to_string())
    }

    #[test]
    fn forwarded_for_is_believed_from_the_trusted_proxy_only() {
        let direct = parts("203.0.113.7", None, &["198.51.100.1"]);
        assert_eq!(addr(&direct).as_deref(), Some("203.0.113.7"));
        let other = parts("203.0.113.7", Some("10.0.0.2"), &["198.51.100.1"]);
        assert_eq!(addr(&other).as_deref(), Some("203.0.113.7"));
        let proxied = parts("10.0.0.2", Some("10.0.0.2"), &["1.2.3.4, 198.51.100.1"]);
        assert_eq!(addr(&proxied).as_deref(), Some("198.51.100.1"));
        let two_headers = parts("10.0.0.2", Some("10.0.0.2"), &["1.2.3.4", "198.51.100.9"]);
        assert_eq!(addr(&two_headers).as_deref(), Some("198.51.100.9"));
        let none = parts("10.0.0.2", Some("10.0.0.2"), &[]);
        assert_eq!(addr(&none), None);
        let no_socket = Request::get("/").body(()).unwrap().into_parts().0;
        assert_eq!(client_addr(&no_socket), None);
    }
}
