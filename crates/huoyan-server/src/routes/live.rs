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

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::Auth;
use crate::live::{LiveEvent, NewLiveEvent, visible};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/events/stream", get(stream_events))
        .route("/events/recent", get(recent))
        .route("/events/test", post(test_event))
}

fn sse(e: &LiveEvent) -> Event {
    Event::default()
        .id(e.seq.to_string())
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
    // Browsers resend the last id on reconnect; `?after=` does the same for scripts.
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| q.iter().find(|(k, _)| k == "after").map(|(_, v)| v.clone()))
        .map(|s| {
            s.trim()
                .parse::<u64>()
                .map_err(|_| ApiError::BadRequest(format!("Last-Event-ID / after: {s:?} is not an event number")))
        })
        .transpose()?;
    let (rx, missed) = st.live.subscribe(after);
    let mut first: Vec<Event> = Vec::new();
    match missed {
        Some(list) => first.extend(list.iter().filter(|e| visible(&scope, &e.jurisdiction_path)).map(sse)),
        // Too much was missed: the console reloads its lists.
        None => first.push(Event::default().event("resync").data("{}")),
    }
    first.push(Event::default().event("hello").data(format!("{{\"last_seq\":{}}}", st.live.last_seq())));
    let head = stream::iter(first.into_iter().map(Ok));
    let tail = stream::unfold((rx, scope), |(mut rx, scope)| async move {
        loop {
            match rx.recv().await {
                Ok(e) if visible(&scope, &e.jurisdiction_path) => return Some((Ok(sse(&e)), (rx, scope))),
                Ok(_) => continue,
                Err(RecvError::Lagged(_)) => {
                    return Some((Ok(Event::default().event("resync").data("{}")), (rx, scope)));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(stream::StreamExt::chain(head, tail)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

async fn recent(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<LiveEvent>>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let (_, kept) = st.live.subscribe(Some(0));
    let list =
        kept.unwrap_or_default().into_iter().filter(|e| visible(&p.jurisdiction_path, &e.jurisdiction_path)).collect();
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
    let (_, kept) = st.live.subscribe(Some(seq - 1));
    kept.and_then(|v| v.into_iter().next())
        .map(Json)
        .ok_or_else(|| ApiError::Internal("the test event was not kept".into()))
}
