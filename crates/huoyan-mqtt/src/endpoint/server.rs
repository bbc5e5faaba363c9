//! The embedded endpoint's sockets: accepts connections (up to `max_connections`; one more is
//! closed at once), runs a [`Session`] per connection and carries out its actions against the
//! store — credentials through `Monitoring::authenticate_sensor`, payloads through the same checks and
//! store as HTTP and the MQTT client — and wakes the alarm engine after a commit.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use huoyan_monitor::ingest;
use huoyan_monitor::store::Monitoring;
use huoyan_store::Store;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tokio::task::JoinSet;

use super::session::{Action, Auth, Closed, Limits, Session};
use crate::{self as mqtt, MqttConfig, MqttConfigError, Outcome};

/// Bytes read from a socket at a time.
const READ_CHUNK: usize = 4096;
/// A write (an acknowledgement) that does not complete within this closes the connection.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The checked settings of the endpoint.
#[derive(Clone)]
pub struct Endpoint {
    /// `[mqtt]` (the topic pattern).
    pub config: MqttConfig,
    /// Per-connection limits.
    pub limits: Limits,
    /// Simultaneous connections at most.
    pub max_connections: usize,
    /// TLS, when `tls_cert` and `tls_key` are set.
    pub tls: Option<tokio_rustls::TlsAcceptor>,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("config", &self.config)
            .field("limits", &self.limits)
            .field("max_connections", &self.max_connections)
            .field("tls", &self.tls.is_some())
            .finish()
    }
}

/// The TLS acceptor of `cert` and `key` (PEM files).
fn tls_acceptor(cert: &str, key: &str) -> Result<tokio_rustls::TlsAcceptor, MqttConfigError> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    use tokio_rustls::rustls;
    let bad = |what: &str, e: &dyn std::fmt::Display| MqttConfigError::Tls(format!("{what}: {e}"));
    let not_cert =
        |e: &dyn std::fmt::Display| MqttConfigError::Tls(format!("{cert}: not a PEM certificate chain ({e})"));
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| not_cert(&e))?
        .collect::<Result<_, _>>()
        .map_err(|e| not_cert(&e))?;
    if chain.is_empty() {
        return Err(not_cert(&"no certificate in it"));
    }
    let key = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| MqttConfigError::Tls(format!("{key}: not a PEM private key ({e})")))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| bad("TLS versions", &e))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| bad("certificate and key", &e))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

impl Endpoint {
    /// Checks the topic pattern and the limits of `config`.
    pub fn new(config: &MqttConfig) -> Result<Endpoint, MqttConfigError> {
        config.filter()?;
        let limit = |name, value: u64, ok: bool, range| match ok {
            true => Ok(()),
            false => Err(MqttConfigError::Limit { name, value, range }),
        };
        let packet = config.max_packet_bytes;
        limit("max_packet_bytes", packet as u64, (64..=268_435_455).contains(&packet), "64–268435455")?;
        let conns = config.max_connections;
        limit("max_connections", conns as u64, (1..=1_000_000).contains(&conns), "1–1000000")?;
        let secs = config.connect_timeout_secs;
        limit("connect_timeout_secs", secs, (1..=3600).contains(&secs), "1–3600")?;
        let tls = match (config.tls_cert.trim(), config.tls_key.trim()) {
            ("", "") => None,
            ("", _) | (_, "") => {
                return Err(MqttConfigError::Tls("set both the certificate and the key, or neither".into()));
            }
            (cert, key) => Some(tls_acceptor(cert, key)?),
        };
        Ok(Endpoint {
            config: config.clone(),
            limits: Limits { max_packet_bytes: packet, connect_timeout: Duration::from_secs(secs) },
            max_connections: conns,
            tls,
        })
    }
}

/// Serves MQTT on `listener` until `shutdown` completes, then drops the open connections (a
/// message without its acknowledgement is sent again by the device).
pub async fn serve(
    listener: TcpListener,
    store: Store,
    endpoint: Endpoint,
    wake: Arc<Notify>,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(endpoint.max_connections));
    let endpoint = Arc::new(endpoint);
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            a = listener.accept() => a,
        };
        let (socket, peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Out of descriptors and the like: wait instead of spinning.
                tracing::warn!(error = %e, "MQTT accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(%peer, max = endpoint.max_connections, "MQTT connection refused: too many connections");
            drop(socket);
            continue;
        };
        let _ = socket.set_nodelay(true);
        let (store, endpoint, wake) = (store.clone(), endpoint.clone(), wake.clone());
        connections.spawn(async move {
            match &endpoint.tls {
                None => connection(socket, peer, &store, &endpoint, &wake).await,
                // The handshake counts against the time a connection has for its CONNECT.
                Some(tls) => match tokio::time::timeout(endpoint.limits.connect_timeout, tls.accept(socket)).await {
                    Ok(Ok(stream)) => connection(stream, peer, &store, &endpoint, &wake).await,
                    Ok(Err(e)) => tracing::info!(%peer, error = %e, "MQTT TLS handshake failed"),
                    Err(_) => tracing::info!(%peer, "MQTT TLS handshake timed out"),
                },
            }
            drop(slot);
        });
    }
    connections.shutdown().await;
}

/// Sleeps until `deadline`, or forever without one.
async fn until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(tokio::time::Instant::from_std(d)).await,
        None => std::future::pending().await,
    }
}

/// One connection, until its session closes or the peer goes away.
async fn connection<S: AsyncRead + AsyncWrite + Unpin>(
    mut socket: S,
    peer: SocketAddr,
    store: &Store,
    endpoint: &Endpoint,
    wake: &Notify,
) {
    let mut session = Session::new(endpoint.config.clone(), endpoint.limits.clone(), Instant::now());
    let mut buf = vec![0u8; READ_CHUNK];
    let mut actions = Vec::new();
    loop {
        // Carry out the actions; a check or a store yields the session's next ones.
        let mut queue = std::collections::VecDeque::from(std::mem::take(&mut actions));
        while let Some(action) = queue.pop_front() {
            let more = match action {
                Action::Send(bytes) => {
                    if !matches!(tokio::time::timeout(WRITE_TIMEOUT, socket.write_all(&bytes)).await, Ok(Ok(()))) {
                        tracing::debug!(%peer, "MQTT write failed");
                        return;
                    }
                    continue;
                }
                Action::Authenticate { address, token } => {
                    let auth = match Monitoring(store).authenticate_sensor(&address, &token).await {
                        Ok(Some(device)) => Auth::Sensor(device.address),
                        Ok(None) => Auth::Refused,
                        Err(e) => {
                            tracing::error!(%peer, error = %e, "MQTT: checking a sensor's credentials failed");
                            Auth::Unavailable
                        }
                    };
                    session.authenticated(auth, Instant::now())
                }
                Action::Ingest { address, token, payload } => {
                    let outcome = ingest_payload(store, &address, &token, &payload).await;
                    report(&address, &outcome, wake);
                    session.ingested(&outcome, Instant::now())
                }
                Action::Close(why) => {
                    if why == Closed::Disconnect {
                        tracing::debug!(%peer, sensor = session.sensor(), "MQTT client disconnected");
                    } else {
                        tracing::info!(%peer, sensor = session.sensor(), reason = %why, "MQTT connection closed");
                    }
                    let _ = tokio::time::timeout(WRITE_TIMEOUT, socket.shutdown()).await;
                    return;
                }
            };
            queue.extend(more);
        }
        tokio::select! {
            read = socket.read(&mut buf) => match read {
                Ok(0) | Err(_) => {
                    tracing::debug!(%peer, sensor = session.sensor(), "MQTT peer went away");
                    return;
                }
                Ok(n) => actions = session.feed(buf.get(..n).unwrap_or_default(), Instant::now()),
            },
            () = until(session.deadline()) => actions = session.timeout(Instant::now()),
        }
    }
}

/// Decodes and stores a payload of an authenticated connection: `token` in the payload may be
/// omitted and must otherwise be the connection's (`address` is checked by the ingest).
pub async fn ingest_payload(store: &Store, address: &str, token: &str, payload: &Bytes) -> Outcome {
    let p = match ingest::parse(payload) {
        Ok(p) => p,
        Err(e) => return Outcome::Refused(e),
    };
    if p.token.as_deref().is_some_and(|t| t.trim() != token.trim()) {
        let reason = "does not match the token the connection authenticated with";
        return Outcome::Refused(ingest::invalid("token", huoyan_monitor::code::TOKEN_MISMATCH, reason));
    }
    mqtt::store_payload(store, address, token, &p).await
}

/// Logs an outcome and wakes the engine after new readings were committed.
fn report(address: &str, outcome: &Outcome, wake: &Notify) {
    match outcome {
        Outcome::Stored(r) if r.stored > 0 => wake.notify_one(),
        Outcome::Stored(_) => {}
        Outcome::Refused(e) => tracing::warn!(sensor = address, error = %e, "MQTT reading refused"),
        Outcome::Retry(e) => {
            tracing::error!(sensor = address, error = %e, "storing MQTT readings failed; not acknowledged")
        }
    }
}
