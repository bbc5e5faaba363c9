//! The console's live channel: `GET /events/stream` (Server-Sent Events of [`LiveEvent`]s in the
//! caller's jurisdiction, resuming after `Last-Event-ID`), `GET /events/recent` (the kept events,
//! for a panel's first paint) and `POST /events/test` (a test event, to check the sound and the
//! panel — the 声光测试 of a monitoring centre).

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::stream::{self, Stream};
use huoyan_domain::access::{Action, Resource};
use tokio::sync::broadcast::error::RecvError;

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;
use huoyan_api::live::{After, LiveBus, LiveEvent, NewLiveEvent, RESYNC, for_subscriber};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/events/stream", get(stream_events))
        .route("/events/recent", get(recent))
        .route("/events/test", post(test_event))
}

fn sse(bus: &LiveBus, e: &LiveEvent) -> Event {
    if e.kind == RESYNC {
        return Event::default().id(bus.event_id(e.seq)).event(RESYNC).data("{}");
    }
    Event::default()
        .id(bus.event_id(e.seq))
        .event(e.kind.clone())
        .json_data(e)
        .unwrap_or_else(|_| Event::default().comment("unserialisable event"))
}

async fn stream_events(
    State(st): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let scope = p.jurisdiction_path.clone();
    let unit = p.unit_id;
    // Browsers resend the last id on reconnect; `?after=` does the same for scripts.
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| q.iter().find(|(k, _)| k == "after").map(|(_, v)| v.clone()))
        .map(|s| {
            st.live.parse_after(&s).ok_or_else(|| {
                ApiError::BadRequest(format!("Last-Event-ID / after: {s:?} is not an event id of this stream"))
            })
        })
        .transpose()?;
    let (rx, missed) = st.live.subscribe(after);
    let mut first: Vec<Event> = Vec::new();
    match missed {
        Some(list) => first.extend(list.iter().filter(|e| for_subscriber(&scope, unit, e)).map(|e| sse(&st.live, e))),
        // Too much was missed, or it was missed elsewhere: the console reloads its lists.
        None => first.push(Event::default().event(RESYNC).data("{}")),
    }
    let last = st.live.last_seq();
    first.push(
        Event::default()
            .id(st.live.event_id(last))
            .event("hello")
            .data(format!("{{\"last_seq\":{last},\"origin\":\"{}\"}}", st.live.origin())),
    );
    let head = stream::iter(first.into_iter().map(Ok));
    let bus = st.live.clone();
    let tail = stream::unfold((rx, scope, bus), move |(mut rx, scope, bus)| async move {
        loop {
            match rx.recv().await {
                Ok(e) if for_subscriber(&scope, unit, &e) => {
                    let ev = sse(&bus, &e);
                    return Some((Ok(ev), (rx, scope, bus)));
                }
                Ok(_) => continue,
                Err(RecvError::Lagged(_)) => {
                    return Some((Ok(Event::default().event(RESYNC).data("{}")), (rx, scope, bus)));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(stream::StreamExt::chain(head, tail)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

async fn recent(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<LiveEvent>>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let (_, kept) = st.live.subscribe(Some(After::Seq(0)));
    let list = kept
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.kind != RESYNC && for_subscriber(&p.jurisdiction_path, p.unit_id, e))
        .collect();
    Ok(Json(list))
}

async fn test_event(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<LiveEvent>> {
    let p = auth.require(Resource::Alarm, Action::Write)?;
    let seq = st.live.publish(NewLiveEvent {
        kind: "test".into(),
        title: format!("声光测试 · {}", p.username),
        level: "fire".into(),
        unhandled: false,
        data: serde_json::json!({ "by": p.username }),
        jurisdiction_path: p.jurisdiction_path.clone(),
    });
    let (_, kept) = st.live.subscribe(Some(After::Seq(seq - 1)));
    kept.and_then(|v| v.into_iter().next())
        .map(Json)
        .ok_or_else(|| ApiError::Internal("the test event was not kept".into()))
}
