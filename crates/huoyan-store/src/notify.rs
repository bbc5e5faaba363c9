//! Messages between the nodes that share one PostgreSQL database (`NOTIFY` / `LISTEN`).
//!
//! Several `huoyan serve` processes over one database and schema form a cluster: one of them
//! files the alarms ([`Store::try_lead`](crate::Store::try_lead)), any of them serves consoles.
//! What one node must tell the others — "frames were appended" (`APPEND_CHANNEL` of the monitoring module),
//! "this event went to my consoles" (the server's live bus) — goes as a PostgreSQL notification.
//! A channel is database-wide, so every payload starts with the schema: `schema` alone, or
//! `schema` + `\n` + body; a listener hears only its own schema's messages.
//!
//! Notifications are delivered at commit, in commit order, to the listeners connected then; a
//! listener whose connection was lost reconnects by itself and reports [`Heard::Gap`], since
//! whatever was sent in between is gone. On SQLite there is one node and nothing to send:
//! [`Store::notify`] does nothing and [`Store::listen`] gives `None`.

use sqlx::Row;

use crate::{Result, Store};

/// The largest body [`Store::notify`] sends: PostgreSQL refuses payloads of 8,000 bytes or more,
/// and the schema and its separator come first.
pub const MAX_BODY_BYTES: usize = 7_000;

/// What a [`ChannelListener`] heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// A message of this schema: its body (empty when the payload was the schema alone).
    Message(String),
    /// The connection was lost and is open again: messages sent in between were not heard.
    Gap,
}

/// One channel's messages for this store's schema, on a connection of its own.
pub struct ChannelListener {
    listener: sqlx::postgres::PgListener,
    schema: String,
}

impl std::fmt::Debug for ChannelListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChannelListener").field("schema", &self.schema).finish()
    }
}

impl ChannelListener {
    /// The next message of this schema, or [`Heard::Gap`] after a reconnection.
    pub async fn recv(&mut self) -> Result<Heard> {
        loop {
            let Some(n) = self.listener.try_recv().await? else { return Ok(Heard::Gap) };
            if let Some(body) = body_of(n.payload(), &self.schema) {
                return Ok(Heard::Message(body.to_string()));
            }
        }
    }
}

/// The body of `payload` if it is addressed to `schema` (see the module documentation).
fn body_of<'p>(payload: &'p str, schema: &str) -> Option<&'p str> {
    let rest = payload.strip_prefix(schema)?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix('\n')
}

impl Store {
    /// Sends each of `bodies` on `channel` to every node listening to this schema, in order, in
    /// one statement (PostgreSQL); does nothing on SQLite. A body longer than
    /// [`MAX_BODY_BYTES`] is refused before anything is sent.
    pub async fn notify(&self, channel: &str, bodies: &[String]) -> Result<()> {
        if self.backend != crate::Backend::Postgres || bodies.is_empty() {
            return Ok(());
        }
        if let Some(b) = bodies.iter().find(|b| b.len() > MAX_BODY_BYTES) {
            let reason = format!("{} bytes is more than a notification carries ({MAX_BODY_BYTES})", b.len());
            let e = huoyan_domain::FieldError::new("notification", "too_large", reason);
            return Err(e.with("bytes", b.len()).with("max", MAX_BODY_BYTES).into());
        }
        let list: Vec<&str> = bodies.iter().map(String::as_str).collect();
        // `WITH ORDINALITY … ORDER BY` keeps the bodies' order; the notifications of one
        // transaction are delivered in the order they were sent.
        crate::dynq(
            "SELECT pg_notify($1, current_schema() || E'\\n' || b) \
             FROM unnest($2::text[]) WITH ORDINALITY AS t(b, n) ORDER BY n",
        )
        .bind(channel)
        .bind(crate::dialect::text_array(&list))
        .fetch_all(&self.pool)
        .await?;
        Ok(())
    }

    /// A listener for `channel`'s messages to this schema from any node; `None` on SQLite.
    pub async fn listen(&self, channel: &str) -> Result<Option<ChannelListener>> {
        let Some(url) = &self.pg_url else { return Ok(None) };
        let schema: String =
            crate::dynq("SELECT CAST(current_schema() AS TEXT)").fetch_one(&self.pool).await?.try_get(0)?;
        let mut listener = sqlx::postgres::PgListener::connect(url).await?;
        listener.listen(channel).await?;
        Ok(Some(ChannelListener { listener, schema }))
    }
}

#[cfg(test)]
mod tests {
    use super::body_of;

    #[test]
    fn a_payload_is_heard_only_in_its_own_schema() {
        assert_eq!(body_of("huoyan", "huoyan"), Some(""));
        assert_eq!(body_of("huoyan\n{\"a\":1}", "huoyan"), Some("{\"a\":1}"));
        assert_eq!(body_of("huoyan_2\n{}", "huoyan"), None);
        assert_eq!(body_of("huoyan2", "huoyan"), None);
        assert_eq!(body_of("other\nhuoyan", "huoyan"), None);
        assert_eq!(body_of("", "huoyan"), None);
    }
}
