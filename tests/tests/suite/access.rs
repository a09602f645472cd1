//! Who may see what: role checks on pages and server functions, and refusal of cross-site requests.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, on_both_engines, spawn_app, Backend};

async fn a_patient_gets_403_on_admin_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as(Role::Patient).await;

    for path in ["/admin/people", "/admin/services"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 403, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("You do not have access to this page"), "a calm 403 page");
        assert!(page.contains("116 123"), "with the crisis contacts in the footer");
    }
}

async fn a_refused_staff_page_shows_none_of_the_staff_tools(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as(Role::Patient).await;

    for path in ["/consultation", "/consultation/review", "/consultation/focus-groups", "/ledger", "/information"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 403, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("You do not have access to this page"), "{path}");
        for tool in ["Create a form", "Review queue", "Themes and duty inbox", "Record an activity", "Add a page"] {
            assert!(!page.contains(tool), "{path} shows {tool:?} to someone who cannot use it");
        }
    }
}

async fn a_patient_cannot_call_admin_server_functions_directly(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as(Role::Patient).await;

    let response = app.post_form("/api/create_service", "/admin/services", &[("name", "Sneaky Service")]).await;

    assert_eq!(form_error(response).await, Some(AppError::Forbidden));
    let services: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM service WHERE name = 'Sneaky Service'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(services, 0);
}

async fn an_anonymous_visitor_is_sent_to_sign_in_and_back(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.get("/admin/people").await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in?next=/admin/people");
    let sign_in_page = app.page("/sign-in?next=/admin/people").await;
    assert!(sign_in_page.contains(r#"name="next" value="/admin/people""#));
}

async fn a_cross_origin_post_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.add_person("admin@example.org", "Ada Admin", true, &[]).await;

    let response = app
        .client
        .post(app.url("/api/sign_in"))
        .header("origin", "https://evil.example")
        .form(&[("email", admin.email.as_str()), ("password", continuum_tests::PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none(), "no session was started");
}

async fn pages_carry_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.get("/").await;

    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap().to_owned();
    let page = response.text().await.unwrap();
    let inline_scripts = page.matches("<script").count();
    let with_nonce = page.matches(&format!("nonce=\"{nonce}\"")).count();
    assert_eq!(inline_scripts, with_nonce, "every script carries this response's nonce");

    // A stylesheet is never a document: `nosniff`, but no page policy (about 450 bytes a page on a phone).
    let css = app.get("/pkg/continuum.css").await;
    if css.status() == 200 {
        assert_eq!(css.headers()["x-content-type-options"], "nosniff");
        for name in ["content-security-policy", "x-frame-options", "permissions-policy"] {
            assert!(css.headers().get(name).is_none(), "{name} on a stylesheet");
        }
    } else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI builds the site: /pkg/continuum.css is served");
    }
    // Every document keeps them, the not-found page included.
    let missing = app.get("/no/such/page").await;
    assert!(missing.headers().contains_key("content-security-policy"));
    assert_eq!(missing.headers()["x-frame-options"], "DENY");
}

async fn an_unknown_page_gets_a_calm_404(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.get("/no/such/page").await;

    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("Page not found"));
    assert!(page.contains("NHS 111"));
}

/// Every unknown address, and every public page's address that names nothing, is answered with a light 404
/// page (no WebAssembly bundle and no script that would load it), for someone signed out and for a member of
/// staff signed in.
async fn every_unknown_address_and_public_404_is_a_light_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let staff = app.person_signed_in("grace@example.org", &[(&service, Role::Staff)]).await;
    let missing = [
        "/no/such/page",
        "/get-involved/old-link",
        "/events",
        "/info",
        "/info/no-such-page",
        "/events/no-such-event",
        "/posters/events/no-such-event",
        "/posters/info/no-such-page",
        "/posters/f/no-such-form",
        "/posters/nothing/at-all",
        "/f/no-such-form",
        "/leaflets/019ad000-0000-7000-8000-000000000000/leaflet.pdf",
        "/pkg/no-such-file.js",
        "/ledger/x/y/z",
    ];

    for (who, client) in [("someone signed out", continuum_tests::new_client()), ("staff", staff)] {
        for path in missing {
            let response = client.get(app.url(path)).header("accept", "text/html").send().await.unwrap();
            assert_eq!(response.status(), 404, "{path} for {who}");
            let page = response.text().await.unwrap();
            assert!(page.contains("Page not found"), "{path} for {who}: a calm page");
            assert!(page.contains("tel:116123"), "{path} for {who}: with the crisis contacts");
            // Leptos's inline resource data may be there (as on every light page); the bundle may not.
            for bundle in ["/pkg/continuum.js", "continuum.wasm", "<script type=\"module\"", "modulepreload"] {
                assert!(!page.contains(bundle), "{path} for {who} loads no WebAssembly bundle ({bundle}): {page}");
            }
            assert!(page.contains("data-light=\"true\""), "{path} for {who} is a light page");
        }
    }
}

on_both_engines!(
    a_refused_staff_page_shows_none_of_the_staff_tools,
    a_patient_gets_403_on_admin_pages,
    a_patient_cannot_call_admin_server_functions_directly,
    an_anonymous_visitor_is_sent_to_sign_in_and_back,
    a_cross_origin_post_is_refused,
    pages_carry_the_security_headers,
    an_unknown_page_gets_a_calm_404,
    every_unknown_address_and_public_404_is_a_light_page,
);
