//! Consultation's plain routes: the feedback form and staff entry (rendered in one go, loading no JavaScript;
//! see `answering.rs`) and the responses CSV.

use crate::consultation::types::FormId;
use axum::{
    extract::{OriginalUri, Path, Query, State},
    response::Response,
    routing::get,
    Extension,
};
use http::Method;
use serde::Deserialize;

use super::answering::handlers as answering;
use crate::{accounts::access::Visitor, capability::PlainRoute, forms, state::AppState};

pub fn routes() -> Vec<PlainRoute> {
    vec![
        // Feedback forms: plain handlers that render the whole page, so the page loads no JavaScript and a
        // mistake comes back with what was typed without it passing through a URL (see `answering.rs`).
        PlainRoute {
            path: "/f/{slug}",
            methods: &[Method::GET, Method::POST],
            handler: get(answering::show_form).post(answering::submit_form),
        },
        // The thank-you page a sent response is redirected to (post/redirect/get): Back and reload never send
        // the answers again.
        PlainRoute { path: "/f/{slug}/thanks", methods: &[Method::GET], handler: get(answering::show_thanks) },
        PlainRoute {
            path: "/f/{slug}/enter",
            methods: &[Method::GET, Method::POST],
            handler: get(answering::show_staff_entry).post(answering::submit_staff_entry),
        },
        PlainRoute {
            path: "/consultation/forms/{id}/responses.csv",
            methods: &[Method::GET],
            handler: get(form_responses_csv),
        },
    ]
}

#[derive(Deserialize)]
pub struct ResultsQuery {
    #[serde(flatten)]
    dates: crate::dates::PeriodQuery,
    #[serde(default)]
    channel: String,
}

/// `GET /consultation/forms/{id}/responses.csv`: a form's responses for a period and channel, one row per
/// response with its date and answers only. Refused (409) when the period has from 1 to 4 responses.
pub async fn form_responses_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path(form_id): Path<FormId>,
    Query(query): Query<ResultsQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    match super::results::responses_csv_for(&state.pool, &user, &form_id, &from, &to, &query.channel).await {
        Ok((name, csv)) => crate::csv::download(&name, csv),
        Err(error) => forms::refusal(&state, &error),
    }
}
