//! Invitations and password resets: links that arrive by mail over a real SMTP server and work once.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{
    assert_signed_in, form_error, location, on_both_engines, spawn_app, token_in, Backend, PASSWORD,
};

async fn an_invitation_arrives_by_mail_and_its_link_sets_a_password_once_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.sign_in_as_admin().await;

    let response = app
        .post_form(
            "/api/invite_person",
            "/admin/people",
            &[
                ("email", "new.volunteer@example.org"),
                ("name", "Nia Volunteer"),
                ("service_id", &service),
                ("role", "volunteer"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).contains("invited=1"), "{}", location(&response));

    let mail = app.mail_to("new.volunteer@example.org").await;
    assert!(mail.subject.contains("invited"), "{}", mail.subject);
    assert!(mail.body.contains("Hello Nia Volunteer"));
    let token = token_in(&mail.body);
    let invitation_page = app.page(&format!("/invitation?token={token}")).await;
    assert!(invitation_page.contains("new.volunteer@example.org"));

    let newcomer = continuum_tests::new_client();
    let accept = |client: reqwest::Client| {
        let (url, origin, token) = (app.url("/api/accept_invitation"), app.address.clone(), token.clone());
        let referer = app.url(&format!("/invitation?token={token}"));
        async move {
            client
                .post(url)
                .header("origin", origin)
                .header("referer", referer)
                .form(&[
                    ("token", token.as_str()),
                    ("name", "Nia Jones"),
                    ("password", "a long new password"),
                    ("confirm_password", "a long new password"),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let first = accept(newcomer.clone()).await;
    assert_eq!(first.status(), 303);
    assert_eq!(location(&first), "/");
    let home = newcomer.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("Nia Jones"), "accepting signs the person in under the name they chose");

    let second = accept(continuum_tests::new_client()).await;
    assert!(matches!(form_error(second).await, Some(AppError::Conflict(_))), "the link works once only");
    assert!(app.page(&format!("/invitation?token={token}")).await.contains("This link cannot be used"));

    let fresh = continuum_tests::new_client();
    let signed_in = fresh
        .post(app.url("/api/sign_in"))
        .header("origin", &app.address)
        .header("referer", app.url("/sign-in"))
        .form(&[("email", "new.volunteer@example.org"), ("password", "a long new password"), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_signed_in(signed_in);
    let roles: Vec<String> =
        sqlx::query_scalar("SELECT role FROM role_grant g JOIN person p ON p.id = g.person_id WHERE p.email = $1")
            .bind("new.volunteer@example.org")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(roles, ["volunteer"]);
}

async fn inviting_someone_who_already_has_an_account_says_so_beside_the_email(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam Jones", false, &[]).await;
    app.sign_in_as_admin().await;

    let response = app
        .post_form(
            "/api/invite_person",
            "/admin/people",
            &[("email", "SAM@example.org"), ("name", "Sam"), ("service_id", ""), ("role", "")],
        )
        .await;

    let error = form_error(response).await.expect("refused");
    assert_eq!(error.field_errors()[0].field, "email");
    assert!(error.field_errors()[0].message.contains("already has an account"));
    assert_eq!(error.kept_value("name"), Some("Sam"));
}

async fn a_password_reset_round_trip_changes_the_password(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Patient)]).await;

    let response =
        app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "sam@example.org")]).await;
    assert_eq!(location(&response), "/forgot-password?sent=1");
    let mail = app.mail_to("sam@example.org").await;
    assert!(mail.body.contains("expires in 1 hour"));
    let token = token_in(&mail.body);

    let reset = app
        .post_form(
            "/api/reset_password",
            &format!("/reset-password?token={token}"),
            &[("token", &token), ("password", "my brand new password"), ("confirm_password", "my brand new password")],
        )
        .await;
    assert_eq!(location(&reset), "/sign-in?reset=1");

    assert!(
        form_error(app.sign_in("sam@example.org", PASSWORD).await).await.is_some(),
        "the old password no longer works"
    );
    assert_signed_in(app.sign_in("sam@example.org", "my brand new password").await);
    let again = app
        .post_form(
            "/api/reset_password",
            "/reset-password",
            &[("token", &token), ("password", "another new password"), ("confirm_password", "another new password")],
        )
        .await;
    assert!(matches!(form_error(again).await, Some(AppError::Conflict(_))), "the reset link works once only");
}

async fn a_reset_request_for_an_unknown_email_gets_the_same_reply_and_sends_nothing(backend: Backend) {
    let app = spawn_app(backend).await;

    let response =
        app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "nobody@example.org")]).await;

    assert_eq!(location(&response), "/forgot-password?sent=1");
    let queued: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail").fetch_one(&app.pool).await.unwrap();
    assert_eq!(queued, 0);
}

async fn mismatched_new_passwords_are_refused_with_a_message(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam Jones", false, &[]).await;
    app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "sam@example.org")]).await;
    let token = token_in(&app.mail_to("sam@example.org").await.body);

    let response = app
        .post_form(
            "/api/reset_password",
            &format!("/reset-password?token={token}"),
            &[("token", &token), ("password", "one long password"), ("confirm_password", "another long one")],
        )
        .await;

    let error = form_error(response).await.expect("refused");
    assert_eq!(error.field_errors()[0].field, "confirm_password");
}

on_both_engines!(
    an_invitation_arrives_by_mail_and_its_link_sets_a_password_once_only,
    inviting_someone_who_already_has_an_account_says_so_beside_the_email,
    a_password_reset_round_trip_changes_the_password,
    a_reset_request_for_an_unknown_email_gets_the_same_reply_and_sends_nothing,
    mismatched_new_passwords_are_refused_with_a_message,
);
