//! The frame log read back in id order for the alarm engine ([`Monitoring::frames_after`]).

use huoyan_store::Result;
use sqlx::Row;

use crate::store::Monitoring;

impl Monitoring<'_> {
    /// Frames after `after_id` in id order, at most `limit`, with their wire bytes.
    ///
    /// The rows come back as **one** text value (`id,quarantined,received_at,address,raw` per
    /// frame, `;` between frames; none of the fields can hold either separator) instead of a row
    /// per frame: sqlx's `Any` driver converts every row into an `AnyRow`, a heap value per
    /// column, and that conversion was 18 % of the server's CPU under ingest (the engine reads
    /// every frame the gateway stores; `perf --call-graph dwarf`, 2,000 connections).
    pub async fn frames_after(&self, after_id: i64, limit: i64) -> Result<Vec<FrameRecord>> {
        let sql = format!(
            "SELECT {}(CAST(id AS TEXT) || ',' || CAST(quarantined AS TEXT) || ',' || received_at || ',' \
             || device_address || ',' || raw, ';' ORDER BY id) FROM (SELECT id, received_at, device_address, \
             quarantined, raw FROM alarm_frames WHERE id > $1 ORDER BY id LIMIT $2) f",
            self.backend().string_agg()
        );
        let row = huoyan_store::dynq(sql).bind(after_id).bind(limit.max(1)).fetch_one(self.pool()).await?;
        let Some(text) = row.try_get::<Option<String>, _>(0)? else { return Ok(Vec::new()) };
        text.split(';').map(parse_frame_record).collect()
    }
}

/// One frame of [`Monitoring::frames_after`]'s text: `id,quarantined,received_at,address,raw`.
fn parse_frame_record(s: &str) -> Result<FrameRecord> {
    let corrupt = |id: i64, reason: String| huoyan_store::StoreError::Corrupt { table: "alarm_frames", id, reason };
    let mut f = s.splitn(5, ',');
    let mut next = || f.next().unwrap_or_default();
    let id_text = next();
    let id: i64 = id_text.parse().map_err(|_| corrupt(0, format!("id {id_text:?} in the frame log's text")))?;
    let quarantined = match next() {
        "0" => false,
        "1" => true,
        q => return Err(corrupt(id, format!("quarantined is {q:?}"))),
    };
    let (received_at, device_address, raw) = (next(), next(), next());
    if received_at.is_empty() || device_address.is_empty() {
        return Err(corrupt(id, "a field of the frame log's text is missing".into()));
    }
    let raw = hex::decode(raw).map_err(|e| corrupt(id, format!("raw is not hex: {e}")))?;
    Ok(FrameRecord {
        id,
        received_at: received_at.to_owned(),
        device_address: device_address.to_owned(),
        quarantined,
        raw,
    })
}

/// A stored frame as the alarm engine reads it ([`Monitoring::frames_after`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameRecord {
    /// Row id.
    pub id: i64,
    /// When the gateway received it (UTC RFC 3339).
    pub received_at: String,
    /// Source address, 12 hex digits.
    pub device_address: String,
    /// From an unregistered device.
    pub quarantined: bool,
    /// The wire bytes.
    pub raw: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::parse_frame_record;

    #[test]
    fn a_frame_of_the_log_text_is_parsed_field_by_field() {
        let f = parse_frame_record("42,1,2026-12-03T01:00:00.000Z,0a0000000001,4040ff").unwrap();
        assert_eq!((f.id, f.quarantined, f.device_address.as_str()), (42, true, "0a0000000001"));
        assert_eq!((f.received_at.as_str(), f.raw), ("2026-12-03T01:00:00.000Z", vec![0x40, 0x40, 0xff]));
        assert!(!parse_frame_record("7,0,t,a,").unwrap().quarantined);
    }

    #[test]
    fn damaged_text_is_an_error_naming_the_frame() {
        for (text, id, reason) in [
            ("", 0, "id"),
            ("x,0,t,a,40", 0, "id"),
            ("5,2,t,a,40", 5, "quarantined"),
            ("5,0,t", 5, "missing"),
            ("5,0,t,a,4g", 5, "not hex"),
            ("5,0,t,a,404", 5, "not hex"),
        ] {
            match parse_frame_record(text) {
                Err(huoyan_store::StoreError::Corrupt { id: got, reason: r, .. }) => {
                    assert_eq!(got, id, "{text:?}");
                    assert!(r.contains(reason), "{text:?}: {r}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
