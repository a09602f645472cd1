//! Nobody can lock somebody else out: wrong guesses are throttled per account and client, and the person can
//! always sign in from a browser they signed in from before, or with a reset link.

use continuum_tests::{
    assert_signed_in, form_error, new_client, on_both_engines, spawn_app, spawn_app_with, token_in, Backend, TestApp,
    PASSWORD,
};
use reqwest::header;

/// Tries to sign in from `client`, as a browser without JavaScript, optionally from a forwarded address.
async fn try_sign_in(app: &TestApp, client: &reqwest::Client, from: Option<&str>, password: &str) -> reqwest::Response {
    let mut request = client
        .post(app.url("/api/sign_in"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/sign-in"))
        .form(&[("email", "sam@example.org"), ("password", password), ("next", "/")]);
    if let Some(address) = from {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.expect("sign in")
}

async fn throttled(app: &TestApp, client: &reqwest::Client, from: Option<&str>) -> bool {
    let response = try_sign_in(app, client, from, "a wrong guess").await;
    form_error(response).await == Some(app::error::AppError::TooManyAttempts)
}

async fn an_attacker_elsewhere_cannot_lock_a_person_out_of_their_own_address(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.behind_proxy = true).await;
    app.add_person("sam@example.org", "Sam", false, &[]).await;
    let attacker = new_client();

    let mut refused = 0;
    for _ in 0..20 {
        if throttled(&app, &attacker, Some("203.0.113.9")).await {
            refused += 1;
        }
    }

    assert!(refused >= 15, "the attacker is throttled after 5 guesses: {refused} of 20 refused");
    assert_signed_in(try_sign_in(&app, &new_client(), Some("198.51.100.7"), PASSWORD).await);
}

async fn a_person_signs_in_from_their_own_browser_however_many_guesses_come_from_anywhere(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam", false, &[]).await;
    let own_browser = new_client();
    assert_signed_in(try_sign_in(&app, &own_browser, None, PASSWORD).await);

    // Every request comes from 127.0.0.1 here, so the attacker shares the person's address too.
    let attacker = new_client();
    for _ in 0..10 {
        try_sign_in(&app, &attacker, None, "a wrong guess").await;
    }
    assert!(throttled(&app, &attacker, None).await, "the attacker is throttled");
    assert!(throttled(&app, &new_client(), None).await, "a browser not seen before is throttled from that address");

    assert_signed_in(try_sign_in(&app, &own_browser, None, PASSWORD).await);
}

async fn a_reset_link_lets_a_throttled_person_back_in_and_asking_for_one_does_not_throttle_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    app.add_person("sam@example.org", "Sam", false, &[]).await;
    let attacker = new_client();
    for _ in 0..10 {
        try_sign_in(&app, &attacker, None, "a wrong guess").await;
    }
    let browser = new_client();
    assert!(throttled(&app, &browser, None).await, "a new browser at the same address is throttled");

    let asked = browser
        .post(app.url("/api/request_password_reset"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/forgot-password"))
        .form(&[("email", "sam@example.org")])
        .send()
        .await
        .expect("ask for a reset");
    assert_eq!(form_error(asked).await, None, "asking for a reset is not throttled by sign-in guesses");
    let token = token_in(&app.mail_to("sam@example.org").await.body);
    let reset = browser
        .post(app.url("/api/reset_password"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/reset-password"))
        .form(&[
            ("token", token.as_str()),
            ("password", "a brand new password"),
            ("confirm_password", "a brand new password"),
        ])
        .send()
        .await
        .expect("reset");
    assert_eq!(form_error(reset).await, None, "the reset");

    assert_signed_in(try_sign_in(&app, &browser, None, "a brand new password").await);
}

on_both_engines!(
    an_attacker_elsewhere_cannot_lock_a_person_out_of_their_own_address,
    a_person_signs_in_from_their_own_browser_however_many_guesses_come_from_anywhere,
    a_reset_link_lets_a_throttled_person_back_in_and_asking_for_one_does_not_throttle_sign_in,
);
