//! Partnership's plain route: a candidate's shortlisting pack as a PDF, for the panel's members whose
//! training, agreement and declaration are recorded, until the outcome; after it, to nobody (the service's
//! managers keep the panel's record, not its packs). Sent `private, no-store`; every read is audited.

use axum::{
    extract::{OriginalUri, Path, State},
    response::Response,
    routing::get,
    Extension,
};
use http::Method;

use super::types::CandidateId;
use crate::{accounts::access::Visitor, capability::PlainRoute, forms, state::AppState};

pub fn routes() -> Vec<PlainRoute> {
    let mut routes =
        vec![PlainRoute { path: "/partnership/packs/{id}/{name}", methods: &[Method::GET], handler: get(pack) }];
    // Involvement payments: receipts and the finance CSV.
    routes.extend(super::payments::routes::routes());
    routes
}

/// `GET /partnership/packs/{candidate id}/pack.pdf` (`types::pack_href`): a candidate's pack, downloaded
/// under its uploaded name (in `Content-Disposition` only). Any other last segment is an old address that
/// ended in that name: 308 to the address without it.
pub async fn pack(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path((id, file)): Path<(CandidateId, String)>,
) -> Response {
    if let Some(moved) = crate::download::moved(&file, super::types::PACK_FILE, &super::types::pack_href(&id)) {
        return moved;
    }
    let Some(user) = visitor.user else { return forms::sign_in_first(&uri) };
    let read = async {
        let mut conn = state.pool.acquire().await?;
        super::server::read_pack(&mut conn, &user, &id).await
    };
    match read.await {
        Ok((name, bytes)) => crate::pdf::serve(&name, bytes, "private, no-store"),
        Err(error) => forms::refusal(&state, &error),
    }
}
