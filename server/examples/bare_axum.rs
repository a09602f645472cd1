//! A bare axum server for `scripts/bench` to compare Continuum's form page with: `GET /` answers a static
//! HTML page of about the form page's size. No database, no middleware, no compression.
//!
//!     cargo run --release --example bare_axum -p continuum -- 127.0.0.1:3999

use axum::{response::Html, routing::get, Router};

/// About 4 KB of static HTML, built once.
fn page() -> &'static str {
    static PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PAGE.get_or_init(|| {
        let mut html = String::from(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Bare axum</title></head><body><main>",
        );
        let mut n = 0;
        while html.len() < 4000 {
            n += 1;
            html.push_str(&format!(
                "<p>Paragraph {n}: a fixed sentence of static text, standing in for a server-rendered page.</p>"
            ));
        }
        html.push_str("</main></body></html>");
        html
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:3999".to_owned());
    let app = Router::new().route("/", get(|| async { Html(page()) }));
    let listener = tokio::net::TcpListener::bind(&address).await?;
    axum::serve(listener, app).await
}
