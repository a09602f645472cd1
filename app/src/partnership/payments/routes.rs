//! Involvement payments' plain routes: a claim's receipt (for the person who claimed it and the service's
//! managers; `private, no-store`, `nosniff`, audited) and the finance CSV of a service's approved, unpaid items
//! (for its managers).

use axum::{
    extract::{OriginalUri, Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
    routing::get,
    Extension,
};
use http::Method;

use super::types::ClaimId;
use crate::{
    accounts::access::Visitor, accounts::types::ServiceId, capability::PlainRoute, download::Disposition, forms,
    state::AppState,
};

pub fn routes() -> Vec<PlainRoute> {
    vec![
        PlainRoute { path: "/payments/receipts/{id}/{name}", methods: &[Method::GET], handler: get(receipt) },
        PlainRoute { path: "/payments/export/{service}", methods: &[Method::GET], handler: get(export) },
    ]
}

/// `GET /payments/receipts/{claim id}/receipt`: a receipt, as the type its content was checked to be, under
/// its uploaded name in `Content-Disposition` only. Any other last segment is an old address that ended in that
/// name: 308 to the address without it.
pub async fn receipt(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path((id, file)): Path<(ClaimId, String)>,
) -> Response {
    use super::db::RECEIPT_FILE;
    if let Some(moved) = crate::download::moved(&file, RECEIPT_FILE, &format!("/payments/receipts/{id}/{RECEIPT_FILE}"))
    {
        return moved;
    }
    let Some(user) = visitor.user else { return forms::sign_in_first(&uri) };
    match super::server::read_receipt(&state.pool, &user, &id).await {
        Ok((name, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, mime),
                (header::CONTENT_DISPOSITION, crate::download::content_disposition(Disposition::Inline, &name)),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => forms::refusal(&state, &error),
    }
}

/// What the export's address may say: the latest approval to include (RFC 3339 UTC, from the manage page).
#[derive(serde::Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    through: String,
}

/// `GET /payments/export/{service id}?through=…`: the finance CSV.
pub async fn export(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path(service): Path<ServiceId>,
    Query(query): Query<ExportQuery>,
) -> Response {
    let Some(user) = visitor.user else { return forms::sign_in_first(&uri) };
    match super::server::finance_csv(&state.pool, &user, &service, &query.through).await {
        Ok((name, csv)) => crate::csv::download(&name, csv),
        Err(error) => forms::refusal(&state, &error),
    }
}
