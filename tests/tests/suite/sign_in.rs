//! Signing in and out: the journey every account holder takes.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{assert_signed_in, form_error, location, on_both_engines, spawn_app, Backend, PASSWORD};

async fn sign_in_succeeds_and_the_header_shows_who_is_signed_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Patient)]).await;

    let response = app.sign_in("  Sam@Example.org ", PASSWORD).await;

    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_signed_in(response);
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let home = app.page("/").await;
    assert!(home.contains("Sam Jones"), "the header names the person");
    assert!(home.contains("Sign out"));
}

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam Jones", false, &[]).await;

    let wrong_password = app.sign_in("sam@example.org", "not the password").await;
    let unknown_email = app.sign_in("nobody@example.org", PASSWORD).await;

    assert_eq!(wrong_password.status(), unknown_email.status());
    let (a, b) =
        (form_error(wrong_password).await.expect("an error"), form_error(unknown_email).await.expect("an error"));
    assert_eq!(a.field_errors(), b.field_errors());
    assert!(a.field_errors()[0].message.contains("email address or password is not right"));
    assert_eq!(a.kept_value("email"), Some("sam@example.org"), "the email typed comes back");
    assert_eq!(a.kept_value("password"), None, "a password is never sent back");
    assert!(app.page("/").await.contains("Sign in"), "still signed out");
}

async fn a_form_with_missing_answers_comes_back_with_a_message_beside_each_field(backend: Backend) {
    let app = spawn_app(backend).await;

    let response = app.sign_in("not-an-email", "").await;

    assert_eq!(response.status(), 422, "the sign-in page comes back with its messages");
    let page = response.text().await.unwrap();
    let error = continuum_tests::error_on_page(422, &page);
    let fields: Vec<&str> = error.field_errors().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["email", "password"]);
    assert!(page.contains("There is a problem"), "the error summary is at the top");
    assert!(page.contains("Enter an email address in the correct format"), "the message is on the page");
    assert!(page.contains(r#"value="not-an-email""#), "what was typed is kept");
}

async fn sign_in_is_throttled_after_repeated_failures(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam Jones", false, &[]).await;

    for _ in 0..5 {
        let response = app.sign_in("sam@example.org", "a wrong guess").await;
        assert_ne!(form_error(response).await, Some(AppError::TooManyAttempts));
    }
    let with_the_right_password = app.sign_in("sam@example.org", PASSWORD).await;

    assert_eq!(form_error(with_the_right_password).await, Some(AppError::TooManyAttempts));
    assert!(app.page("/").await.contains("Sign in"), "still signed out");
}

async fn an_expired_session_no_longer_works(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as_admin().await;
    assert_eq!(app.get("/admin/people").await.status(), 200);

    // The session was last used longer ago than the idle limit allows.
    sqlx::query("UPDATE session SET last_seen_at = $1")
        .bind("2020-01-01T00:00:00.000000Z")
        .execute(&app.pool)
        .await
        .unwrap();

    let response = app.get("/admin/people").await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/sign-in?next="));
    let sessions: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM session").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sessions, 0, "the expired session is removed");
}

async fn a_session_past_its_absolute_expiry_no_longer_works(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as_admin().await;

    sqlx::query("UPDATE session SET expires_at = $1")
        .bind("2020-01-01T00:00:00.000000Z")
        .execute(&app.pool)
        .await
        .unwrap();

    assert_eq!(app.get("/admin/people").await.status(), 303);
}

async fn signing_out_ends_the_session_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as_admin().await;
    let cookie: String = sqlx::query_scalar("SELECT token_hash FROM session").fetch_one(&app.pool).await.unwrap();
    assert!(!cookie.is_empty());

    let response = app.post_form("/api/sign_out", "/", &[]).await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in?signed_out=1");
    let sessions: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM session").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sessions, 0);
    assert!(app.page("/sign-in?signed_out=1").await.contains("You have signed out."));
}

async fn signing_in_again_rotates_the_session_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in_as_admin().await;
    let first: String = sqlx::query_scalar("SELECT token_hash FROM session").fetch_one(&app.pool).await.unwrap();

    assert_signed_in(app.sign_in(&admin.email, PASSWORD).await);

    let hashes: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM session").fetch_all(&app.pool).await.unwrap();
    assert_eq!(hashes.len(), 1, "the old session is gone");
    assert_ne!(hashes[0], first);
}

async fn a_disabled_account_cannot_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let person = app.add_person("sam@example.org", "Sam Jones", false, &[]).await;
    sqlx::query("UPDATE person SET disabled_at = $1 WHERE id = $2")
        .bind(app::db::now())
        .bind(&person.id)
        .execute(&app.pool)
        .await
        .unwrap();

    let response = app.sign_in("sam@example.org", PASSWORD).await;

    assert!(form_error(response).await.expect("refused").field_errors()[0].message.contains("not right"));
}

on_both_engines!(
    sign_in_succeeds_and_the_header_shows_who_is_signed_in,
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    a_form_with_missing_answers_comes_back_with_a_message_beside_each_field,
    sign_in_is_throttled_after_repeated_failures,
    an_expired_session_no_longer_works,
    a_session_past_its_absolute_expiry_no_longer_works,
    signing_out_ends_the_session_on_the_server,
    signing_in_again_rotates_the_session_token,
    a_disabled_account_cannot_sign_in,
);
