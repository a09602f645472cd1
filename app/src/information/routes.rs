//! Information's plain routes: published leaflets as files.

use crate::information::types::LeafletId;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use crate::{capability::PlainRoute, state::AppState};

pub fn routes() -> Vec<PlainRoute> {
    vec![PlainRoute {
        path: "/leaflets/{id}/{name}",
        methods: &[http::Method::GET],
        handler: axum::routing::get(leaflet),
    }]
}

/// `GET /leaflets/{id}/leaflet.pdf` (`Leaflet::href`): a published leaflet, open to everyone, served by the
/// PDF kernel (`crate::pdf::serve`) under its uploaded name, which travels only in `Content-Disposition`. Any
/// other last segment is an old address that ended in that name: 308 to the address without it.
pub async fn leaflet(State(state): State<AppState>, Path((id, file)): Path<(LeafletId, String)>) -> Response {
    use super::types::{leaflet_href, LEAFLET_FILE};
    if let Some(moved) = crate::download::moved(&file, LEAFLET_FILE, &leaflet_href(&id)) {
        return moved;
    }
    match super::db::fetch_leaflet_file(&state.pool, &id).await {
        Ok(Some((file_name, bytes))) => crate::pdf::serve(&file_name, bytes, "public, max-age=3600"),
        // A page in the service's frame, light as every public page is (`ui::plain`): an old link to a
        // leaflet taken down is opened from a poster or a text message like any other.
        Ok(None) => crate::ui::plain::page(&state, StatusCode::NOT_FOUND, "Page not found", || {
            use leptos::prelude::*;
            view! {
                <h1 class="nhsuk-heading-l">"Page not found"</h1>
                <p class="nhsuk-body">"There is no leaflet at this address. It may have been replaced by a newer one."</p>
                <p class="nhsuk-body"><a href="/get-involved">"Leaflets and other ways to get involved"</a></p>
            }
            .into_any()
        }),
        Err(error) => {
            tracing::error!(error = %error, "could not read a leaflet");
            (StatusCode::INTERNAL_SERVER_ERROR, "Sorry, the leaflet could not be loaded. Please try again.")
                .into_response()
        }
    }
}
