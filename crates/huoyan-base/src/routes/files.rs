//! Excel and CSV registers over HTTP: import units or water sources from a brigade's spreadsheet
//! (Chinese headers), and export them back to .xlsx. Imports are all-or-nothing for the rows that
//! pass; bad rows are reported with their row numbers.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::{Unit, WaterSource};
use huoyan_import::{ImportReport, TableFormat, TableLayer};
use huoyan_store::{ListQuery, Scope};
use serde::Serialize;

use super::records::parse_list_query;
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;

/// Most rows exported in one file.
pub(crate) const MAX_EXPORT: i64 = 100_000;

/// The outcome of an upload.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct UploadResult {
    /// Rows written.
    pub imported: usize,
    /// Rows skipped by the reader (row number and reason).
    #[schema(value_type = Object)]
    pub report: ImportReport,
    /// Rows the store refused (e.g. outside your jurisdiction, duplicate 统一社会信用代码).
    pub refused: Vec<String>,
}

pub(crate) fn router() -> Router<AppState> {
    let mut r = Router::new();
    for layer in ["units", "water_sources"] {
        r = r
            .route(
                &format!("/{layer}/import"),
                post(move |st, auth, headers, body| upload(st, auth, layer, headers, body)),
            )
            .route(&format!("/{layer}/export.xlsx"), get(move |st, auth, q| export(st, auth, layer, q)));
    }
    r
}

fn layer_of(s: &str) -> ApiResult<(TableLayer, Resource)> {
    match s {
        "units" => Ok((TableLayer::Units, Resource::Unit)),
        "water_sources" => Ok((TableLayer::WaterSources, Resource::WaterSource)),
        _ => Err(ApiError::NotFound(format!("no spreadsheet import or export for {s:?}; use units or water_sources"))),
    }
}

async fn upload(
    State(st): State<AppState>,
    auth: Auth,
    layer: &'static str,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<UploadResult>)> {
    let (layer, resource) = layer_of(layer)?;
    let p = auth.require(resource, Action::Write)?.clone();
    if !huoyan_domain::access::can_create(p.role, resource) {
        // A unit manager keeps its own unit's entry; every row of an upload would be refused.
        return Err(ApiError::Forbidden("a unit manager does not import records; 单位管理人不能导入".into()));
    }
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let format = if ct.starts_with("text/csv") {
        TableFormat::Csv
    } else if ct.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        || ct.starts_with("application/octet-stream")
    {
        TableFormat::Xlsx
    } else {
        return Err(ApiError::UnsupportedMediaType(
            "send the file as text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".into(),
        ));
    };
    if body.is_empty() {
        return Err(ApiError::field("file", huoyan_domain::validate::code::REQUIRED, "the file is empty"));
    }
    let bytes = body.to_vec();
    let batch = tokio::task::spawn_blocking(move || huoyan_import::read_table(&bytes, format, layer))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::from(e.field_error("file")))?;
    let mut imp = st.store.begin_import(&p).await?;
    let ids = match layer {
        TableLayer::Units => imp.records(batch.units).await?,
        TableLayer::WaterSources => imp.records(batch.water_sources).await?,
    };
    let imported = ids.iter().filter(|i| i.is_some()).count();
    // The reader knows each record's spreadsheet row (title rows and skipped rows shift them).
    let refused = imp
        .refused
        .iter()
        .map(|r| match batch.source_rows.get(r.index) {
            Some(row) => format!("第{row}行: {}", r.reason),
            None => format!("#{}: {}", r.index + 1, r.reason),
        })
        .collect();
    imp.commit("upload", &batch.report).await?;
    Ok((StatusCode::OK, Json(UploadResult { imported, report: batch.report, refused })))
}

async fn export(
    State(st): State<AppState>,
    auth: Auth,
    layer: &'static str,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<impl IntoResponse> {
    let (layer, resource) = layer_of(layer)?;
    let p = auth.require(resource, Action::Read)?;
    let mut q: ListQuery = parse_list_query(&params)?;
    q.limit = Some(huoyan_store::query::MAX_PAGE);
    let scope = Scope::from(p);
    let (bytes, name) = match layer {
        TableLayer::Units => {
            let items = collect::<Unit>(&st, &scope, q).await?;
            (huoyan_import::write_xlsx_units(&items).map_err(|e| ApiError::Internal(e.to_string()))?, "units.xlsx")
        }
        TableLayer::WaterSources => {
            let items = collect::<WaterSource>(&st, &scope, q).await?;
            (
                huoyan_import::write_xlsx_water_sources(&items).map_err(|e| ApiError::Internal(e.to_string()))?,
                "water_sources.xlsx",
            )
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    ))
}

async fn collect<R: huoyan_domain::Record>(st: &AppState, scope: &Scope, mut q: ListQuery) -> ApiResult<Vec<R>> {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        q.offset = Some(offset);
        let page = st.store.list::<R>(scope, &q).await?;
        let n = page.items.len() as i64;
        all.extend(page.items);
        offset += n;
        if n == 0 || offset >= page.total || offset >= MAX_EXPORT {
            return Ok(all);
        }
    }
}
