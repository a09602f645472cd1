//! Whole pages rendered in one go on the server, for plain axum routes (the feedback form, export refusals):
//! the NHS.UK frame with the organisation's name and the crisis contacts in the footer, and no script at all
//! (a light page, see `routes::LIGHT_PAGES`).

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use leptos::{prelude::*, tachys::view::RenderHtml};

use crate::state::AppState;

/// An HTML response that is never cached (it may hold what someone typed).
pub fn html_response(status: StatusCode, body: axum::body::Bytes) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

/// A whole page under `status`: the NHS.UK frame with the organisation's name and the crisis contacts in the footer, around
/// `main`. No scripts.
pub fn page(state: &AppState, status: StatusCode, title: &str, main: impl FnOnce() -> AnyView) -> Response {
    html_response(status, render_page(state, title, main))
}

/// The HTML of a whole page titled `title` ("… – Continuum"), around `main`.
pub fn render_page(state: &AppState, title: &str, main: impl FnOnce() -> AnyView) -> axum::body::Bytes {
    let organisation = state.site.organisation.clone();
    let contacts = state.site.crisis_contacts.clone();
    let title = format!("{title} – Continuum");
    let html = Owner::new().with(|| {
        view! {
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title}</title>
                <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/vendor/nhsuk-frontend.min.css" />
                <link rel="stylesheet" href="/pkg/continuum.css" />
            </head>
            // A light page: no script at all (see `routes::LIGHT_PAGES`).
            <body data-light="true">
                <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a>
                <header class="nhsuk-header" role="banner">
                    <div class="nhsuk-header__container nhsuk-width-container">
                        <div class="nhsuk-header__service">
                            <a class="nhsuk-header__service-name" href="/">
                                "Continuum"
                                <span class="continuum-header__organisation">{organisation.clone()}</span>
                            </a>
                        </div>
                    </div>
                </header>
                <div class="nhsuk-width-container">
                    <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                        <div class="nhsuk-grid-row">
                            <div class="nhsuk-grid-column-two-thirds">{main()}</div>
                        </div>
                    </main>
                </div>
                <footer class="nhsuk-footer" role="contentinfo">
                    <div class="nhsuk-width-container">
                        <crate::ui::layout::FooterContent contacts organisation />
                    </div>
                </footer>
            </body>
        }
        .to_html()
    });
    axum::body::Bytes::from(format!("<!DOCTYPE html><html lang=\"en-GB\">{html}</html>"))
}
