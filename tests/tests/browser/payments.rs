//! Browser journey: a lived-experience member answers a payment offer on a phone-sized window with JavaScript
//! off (a mistake in the lower amount first, kept beside its box), and axe-core (which needs JavaScript) checks
//! `/payments` and `/payments/manage`, with and without an error showing.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, TestApp, PASSWORD,
};

/// A service paying steering group meetings £25.00 a session, a manager, and a patient with an offer for a
/// meeting two days ago (recorded in the ledger with them as a participant).
async fn an_offer(app: &TestApp) {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    let pat = app.add_person("pat@example.org", "Pat Jones", false, &[(&service, Role::Patient)]).await;
    let manager = app.client_signed_in_as("grace@example.org").await;
    for (function, fields) in [
        (
            "save_payment_rate",
            vec![("service_id", service.as_str()), ("activity_kind", "other"), ("basis", "session"), ("amount", "25")],
        ),
        (
            "save_payment_settings",
            vec![
                ("service_id", service.as_str()),
                ("advice_contact", "Welfare rights team, 0161 000 0000"),
                ("public_transport", "yes"),
            ],
        ),
    ] {
        let response = manager
            .post(app.url(&format!("/api/{function}")))
            .header("origin", &app.address)
            .header("referer", app.url("/payments/manage"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{function}");
    }
    let day = (app::clock::today_date() - chrono::Duration::days(2)).format("%Y-%m-%d").to_string();
    let activity = app.add_activity(&service, "participation", &day, 1, 0).await;
    sqlx::query(
        "INSERT INTO activity_participant (id, activity_id, person_id, name, taking_part_as, lived_experience)
         VALUES ($1, $2, $3, 'Pat Jones', 'patient', 1)",
    )
    .bind(app::db::new_id())
    .bind(&activity)
    .bind(&pat.id)
    .execute(&app.pool)
    .await
    .unwrap();
    let made = app
        .clock
        .clone()
        .scope(app::partnership::payments::server::make_offers(
            &app.pool,
            &app.address.parse::<url::Url>().expect("a base URL"),
        ))
        .await
        .unwrap();
    assert_eq!(made, 1);
}

async fn sign_in(browser: &fantoccini::Client, app: &TestApp, email: &str, name: &str) {
    browser.goto(&app.url("/sign-in")).await.unwrap();
    fill(browser, "Email address", email).await;
    fill(browser, "Password", PASSWORD).await;
    press(browser, "Sign in").await;
    wait_for_text(browser, name).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_answers_an_offer_on_a_phone_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    an_offer(&app).await;
    let stored = app.pool.clone();
    // Keep the server (and its database file) until the check after the browser closes: dropping the app
    // removes the file, and the server then closes its pool on purpose (a lost database is never written to).
    let app = &app;

    with_browser(Javascript::Off, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, app, "pat@example.org", "Pat Jones").await;
        browser.goto(&app.url("/payments")).await.unwrap();
        wait_for_text(&browser, "offers you £25.00").await;
        wait_for_text(&browser, "Welfare rights team").await;
        fill(&browser, "The amount you accept", "twelve pounds").await;
        press(&browser, "Accept this amount").await;
        wait_for_text(&browser, "There is a problem").await;
        wait_for_text(&browser, "Enter the amount you accept in pounds and pence, like 12.50").await;
        assert!(!browser.current_url().await.unwrap().as_str().contains("twelve"), "nothing typed in the address");
        let kept = field(&browser, "The amount you accept").await.prop("value").await.unwrap();
        assert_eq!(kept.as_deref(), Some("twelve pounds"));
        fill(&browser, "The amount you accept", "12.50").await;
        press(&browser, "Accept this amount").await;
        wait_for_text(&browser, "Your answer has been saved.").await;
        wait_for_text(&browser, "You accepted £12.50 (offered £25.00)").await;
    })
    .await;
    let accepted: Option<i64> =
        sqlx::query_scalar("SELECT accepted_pence FROM payment_offer").fetch_one(&stored).await.unwrap();
    assert_eq!(accepted, Some(1250));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violations_on_the_payments_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    an_offer(&app).await;

    with_browser(Javascript::On, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, &app, "pat@example.org", "Pat Jones").await;
        browser.goto(&app.url("/payments")).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "offers you £25.00").await;
        assert_accessible(&browser, "/payments with an open offer").await;
        fill(&browser, "The amount you accept", "lots").await;
        press(&browser, "Accept this amount").await;
        wait_for_text(&browser, "There is a problem").await;
        assert_accessible(&browser, "/payments with an error").await;
        press(&browser, "Sign out").await;
        sign_in(&browser, &app, "grace@example.org", "Grace Okafor").await;
        browser.goto(&app.url("/payments/manage")).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "Rate card").await;
        assert_accessible(&browser, "/payments/manage").await;
    })
    .await;
}
