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

/// `GET /reports/continuum-profile.csv`
pub async fn continuum_profile_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<ProfileQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    match super::server::profile_for(&state.pool, &user, &query.service_id, &from, &to).await {
        Ok(profile) => crate::csv::download(&profile.csv_file_name(), profile.to_csv()),
        Err(error) => forms::refusal(&state, &error),
    }
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

/// `GET /reports/involvement.csv`: one table of the involvement report, with the page's access checks and
/// suppression (`involvement::report_for`). A table the report does not have is not found.
pub async fn involvement_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<InvolvementQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    let report = super::involvement::report_for(&state.pool, &user, &query.service_id, &query.period, &from, &to).await;
    match report {
        Ok(report) => match report.table(&query.table) {
            Some(table) => crate::csv::download(&report.csv_file_name(table), report.table_csv(table)),
            None => forms::refusal(&state, &crate::error::AppError::NotFound),
        },
        Err(error) => forms::refusal(&state, &error),
    }
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
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    let report = super::involvement::report_for(&state.pool, &user, &query.service_id, &query.period, &from, &to).await;
    let made_on = crate::clock::today_date().format("%-d %B %Y").to_string();
    let pdf = report.and_then(|report| {
        let bytes = super::pdf::involvement_pdf(&report, &state.site.organisation, &made_on)?;
        Ok((report.pdf_file_name(), bytes))
    });
    match pdf {
        Ok((name, bytes)) => crate::pdf::serve(&name, bytes, "private, no-store"),
        Err(error) => forms::refusal(&state, &error),
    }
}

/// `GET /reports/fft-return.csv`: the Friends and Family Test monthly return, for managers only and not
/// suppressed (`fft_return::return_for` says why).
pub async fn fft_return_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<InvolvementQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return forms::sign_in_first(&uri);
    };
    let (from, to) = query.dates.parts();
    match super::fft_return::return_for(&state.pool, &user, &query.service_id, &query.period, &from, &to).await {
        Ok(fft) => crate::csv::download(&fft.file_name(), fft.to_csv()),
        Err(error) => forms::refusal(&state, &error),
    }
}
