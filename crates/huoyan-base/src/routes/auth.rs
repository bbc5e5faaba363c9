//! Login, logout and "who am I": a successful login returns a bearer token (and sets it as an
//! HttpOnly session cookie for the console).

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_domain::Role;
use huoyan_domain::access::{Action, Resource, can};
use huoyan_domain::account::User;
use huoyan_store::Scope;
use serde::{Deserialize, Serialize};

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, ClientAddr, JsonBody, SESSION_COOKIE};

/// Login request.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LoginRequest {
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
}

/// What a role may do with one resource.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Permission {
    /// Resource.
    pub resource: Resource,
    /// May list and read.
    pub read: bool,
    /// May change (a unit manager: its own unit only).
    pub write: bool,
    /// May create (新增), import (导入) and delete (`huoyan_domain::access::can_create`).
    pub create: bool,
}

/// The caller, their role in Chinese, their jurisdiction and what they may do.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Me {
    /// The account.
    pub user: User,
    /// The role's Chinese term.
    pub role_zh: String,
    /// Name of the account's jurisdiction (当前辖区).
    pub jurisdiction_name: String,
    /// Permissions by resource.
    pub permissions: Vec<Permission>,
}

/// Login answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct LoginResponse {
    /// Bearer token for `Authorization: Bearer …`.
    pub token: String,
    /// Seconds until it expires.
    pub expires_in: i64,
    /// Who logged in.
    pub me: Me,
}

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/auth/login", post(login)).route("/auth/logout", post(logout)).route("/auth/me", get(me))
}

pub(crate) fn permissions(role: Role) -> Vec<Permission> {
    Resource::ALL
        .iter()
        .map(|r| Permission {
            resource: *r,
            read: can(role, *r, Action::Read),
            write: can(role, *r, Action::Write),
            create: huoyan_domain::access::can_create(role, *r),
        })
        .collect()
}

async fn describe(st: &AppState, user: User) -> ApiResult<Me> {
    let j = st.store.get_jurisdiction(&Scope::all(), user.jurisdiction_id).await?;
    Ok(Me { role_zh: user.role.zh().into(), jurisdiction_name: j.name, permissions: permissions(user.role), user })
}

async fn login(
    State(st): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    JsonBody(req): JsonBody<LoginRequest>,
) -> ApiResult<impl IntoResponse> {
    if req.username.len() > 100 || req.password.len() > 1024 {
        return Err(ApiError::Unauthorized("wrong user name or password".into()));
    }
    let now = std::time::Instant::now();
    if let Some(wait) = st.logins.locked(&req.username, addr, now) {
        return Err(ApiError::TooManyRequests(
            format!("too many failed logins; try again in {wait} s (Retry-After)"),
            wait,
        ));
    }
    let (token, user) = match st.store.login(&req.username, &req.password).await {
        Ok(ok) => ok,
        Err(e) => {
            let locked =
                matches!(e, huoyan_store::StoreError::BadCredentials) && st.logins.failed(&req.username, addr, now);
            tracing::warn!(username = %req.username, address = ?addr, locked, "login failed");
            metrics::counter!("huoyan_login_failures_total").increment(1);
            return Err(e.into());
        }
    };
    st.logins.succeeded(&req.username, addr);
    let expires_in = huoyan_store::accounts::SESSION_HOURS * 3600;
    let secure = if secure_cookie(&st, &headers) { "; Secure" } else { "" };
    let cookie = format!("{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={expires_in}{secure}");
    let me = describe(&st, user).await?;
    Ok(([(SET_COOKIE, cookie)], Json(LoginResponse { token, expires_in, me })))
}

/// Whether the session cookie gets `Secure`: always when configured (`secure_cookies`), and when a
/// TLS-terminating proxy says the request came over HTTPS (`X-Forwarded-Proto: https`).
fn secure_cookie(st: &AppState, headers: &HeaderMap) -> bool {
    st.config.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').next().is_some_and(|p| p.trim().eq_ignore_ascii_case("https")))
}

async fn logout(State(st): State<AppState>, headers: HeaderMap, _auth: Auth) -> ApiResult<impl IntoResponse> {
    let secure = if secure_cookie(&st, &headers) { "; Secure" } else { "" };
    let (mut parts, _) = axum::http::Request::new(()).into_parts();
    parts.headers = headers;
    if let Some(t) = huoyan_api::extract::token_of(&parts) {
        st.store.logout(&t).await?;
    }
    let clear = format!("{SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{secure}");
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, clear)]))
}

async fn me(State(st): State<AppState>, Auth(p): Auth) -> ApiResult<Json<Me>> {
    let user = st.store.get_user(&Scope::all(), p.user_id).await?;
    Ok(Json(describe(&st, user).await?))
}
