//! Continuum's web application: Leptos components, routes and server functions, by capability.
//!
//! The same crate builds twice: with `ssr` into the axum server (rendering pages, running server functions,
//! all SQL) and with `hydrate` into the WebAssembly bundle that makes pages interactive. Every page is
//! complete without the bundle.

// Leptos views are nested types; the continuum profile page (a table per period, patients and carers apart)
// is deeper than the compiler's default limit of 128 when its layout is computed.
#![recursion_limit = "256"]

pub mod about;
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod capability;
#[cfg(feature = "ssr")]
pub mod chart;
pub mod consultation;
pub mod csv;
pub mod dates;
pub mod download;
pub mod error;
pub mod get_involved;
pub mod home;
pub mod ids;
pub mod inclusion;
pub mod information;
pub mod ledger;
pub mod participation;
pub mod partnership;
pub mod pdf;
pub mod reports;
pub mod routes;
pub mod safeguarding;
pub mod site;
pub mod suppression;
pub mod text;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::Router;

use crate::{
    site::shell_info,
    ui::layout::{Footer, Header, ShellResource},
};

/// The CSP nonce the server chose for this response, carried in the request's extensions.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The HTML document around the app. Runs on the server only.
///
/// Staff pages load the WebAssembly bundle and hydrate; the light public pages (`routes::LIGHT_PAGES`) and the
/// page for an unknown address (`routes::ServedLight`) load no script at all and say so with `data-light` on
/// the body.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    // The security-headers middleware chose this response's CSP nonce; the hydration script must carry it.
    #[cfg(feature = "ssr")]
    let (nonce, light) = {
        let parts = use_context::<http::request::Parts>();
        let nonce = parts.as_ref().and_then(|p| p.extensions.get::<CspNonce>().cloned());
        if let Some(nonce) = &nonce {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0.clone()));
        }
        let light = parts.as_ref().is_some_and(|p| routes::is_light_page(p.uri.path()))
            || use_context::<routes::ServedLight>().is_some();
        (nonce.map(|n| n.0).unwrap_or_default(), light)
    };
    #[cfg(not(feature = "ssr"))]
    let (nonce, light) = (String::new(), false);
    // A page answering a refused plain POST is shown at the server function's address, where the app's router
    // would find no page: it is complete as it is and loads no JavaScript.
    let hydrate = !light && use_context::<ui::RefusedPost>().is_none() && use_context::<ui::Refusal>().is_none();
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/vendor/nhsuk-frontend.min.css" />
                {hydrate.then(|| view! { <Hydration nonce /> })}
                <MetaTags />
            </head>
            <body data-light=light.then_some("true")>
                <App />
            </body>
        </html>
    }
}

/// Loads and starts the WebAssembly bundle (`/pkg/continuum.js` and `.wasm`, built by cargo-leptos): preloads
/// both, then a module script with this response's CSP nonce imports the bundle and hydrates the page.
#[component]
fn Hydration(nonce: String) -> impl IntoView {
    let start = "import init, { hydrate } from '/pkg/continuum.js';\n\
                 init({ module_or_path: '/pkg/continuum.wasm' }).then(() => hydrate());";
    view! {
        <link rel="modulepreload" href="/pkg/continuum.js" crossorigin="anonymous" />
        <link rel="preload" href="/pkg/continuum.wasm" r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce inner_html=start></script>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let shell: ShellResource = Resource::new_blocking(|| (), |_| shell_info());
    provide_context(shell);
    let shown_errors = ui::ShownErrors::default();
    provide_context(shown_errors.clone());
    let title = move |title: String| {
        let error = if shown_errors.any() { "Error: " } else { "" };
        text::for_raw_text_element(format!("{error}{title} – Continuum"))
    };
    view! {
        <Stylesheet id="continuum" href="/pkg/continuum.css" />
        <Title formatter=title />
        <Router>
            <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a>
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent">
                    {match use_context::<ui::Refusal>() {
                        Some(refusal) => view! { <ui::RefusalPage refusal /> }.into_any(),
                        None => view! { <routes::AppRoutes /> }.into_any(),
                    }}
                </main>
            </div>
            <Footer />
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // A marker that hydration finished: the browser tests wait for it before using the JavaScript paths.
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
