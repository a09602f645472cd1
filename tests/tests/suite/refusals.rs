//! How refusals and small faults are answered at the edge: each refusal of a server function with its own
//! status (so that a 5xx is always a fault), a plain POST that needs a sign-in sent to sign in, a malformed
//! multipart body, an unknown record named by an administrator, an over-long address, caching of what a
//! signed-in person sees, HSTS behind HTTPS, and the same answer to a reset request for any address.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, new_client, on_both_engines, spawn_app, spawn_app_with, Backend, TestApp};
use reqwest::header;

/// Calls a server function as the hydrated app does (JavaScript on): the answer is data, not a redirect.
async fn call_from_script(
    app: &TestApp,
    client: &reqwest::Client,
    function: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::ACCEPT, "application/json")
        .form(fields)
        .send()
        .await
        .expect("POST")
}

async fn every_refusal_of_a_server_function_answers_its_own_status(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("The service").await;
    let patient = app.person_signed_in("patient@example.org", &[(&service, Role::Patient)]).await;
    let admin = app.add_person("admin@example.org", "Ada", true, &[]).await;
    let admin_client = app.client_signed_in_as(&admin.email).await;

    let not_signed_in = call_from_script(&app, &new_client(), "list_people", &[]).await;
    assert_eq!(not_signed_in.status(), 401);
    assert_eq!(not_signed_in.json::<AppError>().await.expect("an error"), AppError::Unauthenticated);
    assert_eq!(call_from_script(&app, &patient, "list_people", &[]).await.status(), 403);
    assert_eq!(
        call_from_script(&app, &admin_client, "get_person", &[("person_id", "no-such-person")]).await.status(),
        404
    );
    assert_eq!(call_from_script(&app, &admin_client, "create_service", &[("name", "")]).await.status(), 422);
    let own_rights = [("person_id", admin.id.as_str()), ("administrator", "false")];
    assert_eq!(call_from_script(&app, &admin_client, "set_administrator", &own_rights).await.status(), 409);
    let stranger = new_client();
    app.add_person("sam@example.org", "Sam", false, &[]).await;
    let wrong = [("email", "sam@example.org"), ("password", "not the password"), ("next", "/")];
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(call_from_script(&app, &stranger, "sign_in", &wrong).await.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429], "five wrong passwords, then throttled");

    for body in [&b"\xff\xfe%%%=&&=="[..], &b"name=a&name=b&name[]=c"[..], &b"page=not-a-number"[..]] {
        let garbled = admin_client
            .post(app.url("/api/list_activities"))
            .header(header::ORIGIN, &app.address)
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body.to_vec())
            .send()
            .await
            .expect("POST");
        assert_eq!(garbled.status(), 422, "a body that cannot be read is the sender's mistake, not an outage");
    }

    app.lose_database().await;
    let right = [("email", "admin@example.org"), ("password", continuum_tests::PASSWORD), ("next", "/")];
    assert_eq!(call_from_script(&app, &new_client(), "sign_in", &right).await.status(), 503);
}

async fn a_plain_post_that_needs_a_sign_in_is_sent_to_sign_in_and_back(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.post_form("/api/update_my_name", "/account?tab=name", &[("name", "Sam")]).await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in?next=%2Faccount%3Ftab%3Dname");
}

async fn a_record_that_does_not_exist_is_not_found_rather_than_a_fault(backend: Backend) {
    let app = spawn_app(backend).await;
    let patient = app.add_person("patient@example.org", "Pat", false, &[]).await;
    app.sign_in_as_admin().await;

    let granted = app
        .post_form(
            "/api/grant_role",
            "/admin/people",
            &[("person_id", patient.id.as_str()), ("service_id", "no-such-service"), ("role", "patient")],
        )
        .await;
    let invited = app
        .post_form(
            "/api/invite_person",
            "/admin/people",
            &[("email", "new@example.org"), ("name", "New"), ("service_id", "no-such-service"), ("role", "patient")],
        )
        .await;

    for (what, response) in [("grant a role", granted), ("invite", invited)] {
        let error = form_error(response).await;
        assert!(
            matches!(error, Some(AppError::NotFound | AppError::Validation(_) | AppError::Forbidden)),
            "{what} in an unknown service: {error:?}"
        );
    }
}

async fn a_multipart_post_without_a_boundary_is_refused_calmly_with_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as(Role::Staff).await;

    let response = app
        .client
        .post(app.url("/api/upload_leaflet"))
        .header(header::ORIGIN, &app.address)
        .header(header::CONTENT_TYPE, "multipart/form-data")
        .body("--x\r\n\r\n")
        .send()
        .await
        .expect("POST");

    assert_eq!(response.status(), 400);
    assert!(response.headers().contains_key(header::CONTENT_SECURITY_POLICY));
    // Every server function that takes a file (each `Request::Upload` row of the access matrix, which lists
    // them all), sent a plain form or a multipart body without a boundary: refused calmly, never a panic.
    let uploads: Vec<&str> = continuum_tests::routes::ROUTES
        .iter()
        .filter(|r| matches!(r.request, continuum_tests::routes::Request::Upload(_)))
        .map(|r| r.path)
        .collect();
    assert!(uploads.len() >= 5, "{uploads:?}");
    for path in uploads {
        let not_multipart = app.post_form(path, "/", &[("title", "A leaflet")]).await;
        assert_eq!(not_multipart.status(), 400, "a form that is not multipart, to {path}");
        let no_boundary = app
            .client
            .post(app.url(path))
            .header(header::ORIGIN, &app.address)
            .header(header::CONTENT_TYPE, "multipart/form-data")
            .body("--x\r\n\r\n")
            .send()
            .await
            .expect("POST");
        assert_eq!(no_boundary.status(), 400, "multipart without a boundary, to {path}");
    }
}

async fn an_address_too_long_for_any_file_is_not_found(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.get(&format!("/{}", "a".repeat(256))).await;

    assert_eq!(response.status(), 404);
    assert!(response.text().await.expect("body").contains("</html>"), "the app's own not-found page");
}

async fn what_a_signed_in_person_sees_is_never_stored_by_a_browser_or_proxy(backend: Backend) {
    let app = spawn_app(backend).await;
    let public = app.get("/get-involved").await;
    assert_eq!(public.headers().get(header::CACHE_CONTROL), None, "a public page may be cached");

    app.sign_in_as(Role::Manager).await;
    for path in ["/account", "/ledger", "/reports/continuum-profile"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap_or_default()),
            Some("no-store"),
            "{path}"
        );
    }
}

async fn hsts_is_sent_only_when_cookies_are_secure(backend: Backend) {
    let plain = spawn_app(backend).await;
    assert_eq!(plain.get("/").await.headers().get(header::STRICT_TRANSPORT_SECURITY), None);

    let secure = spawn_app_with(backend, |s| s.secure_cookies = true).await;
    let hsts = secure.get("/").await.headers().get(header::STRICT_TRANSPORT_SECURITY).cloned();
    assert_eq!(hsts.as_ref().and_then(|v| v.to_str().ok()), Some("max-age=31536000"));
}

/// The answer to a reset request no longer waits for the account lookup or the write, so it is the same for
/// any address; timing itself is not measured here (a busy machine would make that test unreliable).
async fn a_reset_request_answers_the_same_for_an_account_and_a_stranger_and_still_sends_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam", false, &[]).await;

    let known = app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "sam@example.org")]).await;
    let unknown =
        app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "nobody@example.org")]).await;

    assert_eq!((known.status(), location(&known)), (unknown.status(), location(&unknown)));
    assert_eq!(location(&known), "/forgot-password?sent=1");
    assert!(app.mail_to("sam@example.org").await.subject.contains("Reset"));
}

on_both_engines!(
    every_refusal_of_a_server_function_answers_its_own_status,
    a_plain_post_that_needs_a_sign_in_is_sent_to_sign_in_and_back,
    a_record_that_does_not_exist_is_not_found_rather_than_a_fault,
    a_multipart_post_without_a_boundary_is_refused_calmly_with_the_security_headers,
    an_address_too_long_for_any_file_is_not_found,
    what_a_signed_in_person_sees_is_never_stored_by_a_browser_or_proxy,
    hsts_is_sent_only_when_cookies_are_secure,
    a_reset_request_answers_the_same_for_an_account_and_a_stranger_and_still_sends_the_link,
);
