//! Hours' plain route: the approved hours of a service over a period, as CSV.

use axum::{
    extract::{OriginalUri, Query, State},
    response::Response,
    routing::get,
    Extension,
};
use http::Method;
use serde::Deserialize;

use crate::{accounts::access::Visitor, accounts::types::ServiceId, capability::PlainRoute, forms, state::AppState};

pub fn routes() -> Vec<PlainRoute> {
    vec![PlainRoute { path: "/inclusion/hours.csv", methods: &[Method::GET], handler: get(approved_hours_csv) }]
}

#[derive(Deserialize)]
pub struct HoursQuery {
    #[serde(default)]
    service: ServiceId,
    #[serde(flatten)]
    dates: crate::dates::PeriodQuery,
}

/// `GET /inclusion/hours.csv?service=<id>&from_day=…`: a service's approved hours over a period (this
/// financial year when no dates are given), for its staff (see `server::approved_hours_csv`).
pub async fn approved_hours_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<HoursQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    match super::server::approved_hours_csv(&state.pool, &user, &query.service, &from, &to).await {
        Ok((name, csv)) => crate::csv::download(&name, csv),
        Err(error) => forms::refusal(&state, &error),
    }
}
