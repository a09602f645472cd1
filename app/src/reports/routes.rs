//! The reports' plain routes: CSV downloads. Each checks access first, exactly as the page showing the same
//! figures does, and applies the same suppression.

use crate::accounts::types::ServiceId;
use axum::{
    extract::{OriginalUri, Query, State},
    response::Response,
    Extension,
};
use serde::Deserialize;

use crate::{accounts::access::Visitor, capability::PlainRoute, forms, state::AppState};

pub fn routes() -> Vec<PlainRoute> {
    vec![
        PlainRoute {
            path: "/reports/continuum-profile.csv",
            methods: &[http::Method::GET],
            handler: axum::routing::get(continuum_profile_csv),
        },
        PlainRoute {
            path: "/reports/involvement.csv",
            methods: &[http::Method::GET],
            handler: axum::routing::get(involvement_csv),
        },
        PlainRoute {
            path: "/reports/involvement.pdf",
            methods: &[http::Method::GET],
            handler: axum::routing::get(involvement_pdf),
        },
        PlainRoute {
            path: "/reports/fft-return.csv",
            methods: &[http::Method::GET],
            handler: axum::routing::get(fft_return_csv),
        },
    ]
}

#[derive(Deserialize)]
pub struct ProfileQuery {
    #[serde(default)]
    service_id: ServiceId,
    #[serde(flatten)]
    dates: crate::dates::PeriodQuery,
}

/// Answers one of the reports' downloads: "sign in first" to someone signed out; otherwise the file `make` builds
/// for the signed-in person (given a clone of the state, which is cheap: its parts are shared), or its refusal with its own status (403, 404, 422; never 500 for a refusal).
async fn download<F, Fut>(state: &AppState, visitor: Visitor, uri: &http::Uri, make: F) -> Response
where
    F: FnOnce(AppState, crate::accounts::access::SignedInUser) -> Fut,
    Fut: std::future::Future<Output = Result<Response, crate::error::AppError>>,
{
    let Some(user) = visitor.user else {
        return forms::sign_in_first(uri);
    };
    match make(state.clone(), user).await {
        Ok(response) => response,
        Err(error) => forms::refusal(state, &error),
    }
}

/// `GET /reports/continuum-profile.csv`
pub async fn continuum_profile_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<ProfileQuery>,
) -> Response {
    download(&state, visitor, &uri, |state, user| async move {
        let (from, to) = query.dates.parts();
        let profile = super::server::profile_for(&state.pool, &user, &query.service_id, &from, &to).await?;
        Ok(crate::csv::download(&profile.csv_file_name(), profile.to_csv()))
    })
    .await
}

#[derive(Deserialize)]
pub struct InvolvementQuery {
    #[serde(default)]
    service_id: String,
    #[serde(default)]
    period: String,
    /// Which of the report's tables (`levels`, `trend`, `information`, …).
    #[serde(default)]
    table: String,
    #[serde(flatten)]
    dates: crate::dates::PeriodQuery,
}

impl InvolvementQuery {
    /// The involvement report these filters choose, with the page's access checks and suppression.
    async fn report(
        self,
        state: &AppState,
        user: &crate::accounts::access::SignedInUser,
    ) -> Result<super::involvement::InvolvementReport, crate::error::AppError> {
        let (from, to) = self.dates.parts();
        super::involvement::report_for(&state.pool, user, &self.service_id, &self.period, &from, &to).await
    }
}

/// `GET /reports/involvement.csv`: one table of the involvement report, with the page's access checks and
/// suppression (`involvement::report_for`). A table the report does not have is not found.
pub async fn involvement_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<InvolvementQuery>,
) -> Response {
    download(&state, visitor, &uri, |state, user| async move {
        let wanted = query.table.clone();
        let report = query.report(&state, &user).await?;
        let table = report.table(&wanted).ok_or(crate::error::AppError::NotFound)?;
        Ok(crate::csv::download(&report.csv_file_name(table), report.table_csv(table)))
    })
    .await
}

/// `GET /reports/involvement.pdf`: the whole involvement report as one PDF for a board pack, with the page's
/// access checks and suppression (`involvement::report_for`); its filters are the page's, so a plain link
/// works without JavaScript.
pub async fn involvement_pdf(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<InvolvementQuery>,
) -> Response {
    download(&state, visitor, &uri, |state, user| async move {
        let report = query.report(&state, &user).await?;
        let made_on = crate::clock::today_date().format("%-d %B %Y").to_string();
        let file_name = report.pdf_file_name();
        let organisation = state.site.organisation.clone();
        // Laying out and writing the PDF is CPU work: off the async workers, so that a few PDFs at once do not
        // stall every other request (and the connections they hold) behind them (tester, issue 18 F4).
        let bytes = tokio::task::spawn_blocking(move || super::pdf::involvement_pdf(&report, &organisation, &made_on))
            .await
            .map_err(|e| crate::error::AppError::internal("report pdf task", e))??;
        Ok(crate::pdf::serve(&file_name, bytes, "private, no-store"))
    })
    .await
}

/// `GET /reports/fft-return.csv`: the Friends and Family Test monthly return, for managers only and not
/// suppressed (`fft_return::return_for` says why).
pub async fn fft_return_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<InvolvementQuery>,
) -> Response {
    download(&state, visitor, &uri, |state, user| async move {
        let (from, to) = query.dates.parts();
        let fft =
            super::fft_return::return_for(&state.pool, &user, &query.service_id, &query.period, &from, &to).await?;
        Ok(crate::csv::download(&fft.file_name(), fft.to_csv()))
    })
    .await
}
