//! Browser journey: signing in and out in real Chromium, with JavaScript on and with it off.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, PASSWORD,
};
use fantoccini::Locator;

async fn sign_in_and_out(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("jamie@example.org", "Jamie Reed", false, &[(&service, Role::Patient)]).await;

    with_browser(javascript, |browser| async move {
        browser.goto(&app.url("/sign-in")).await.unwrap();
        let hydrated = || async { browser.find(Locator::Css("body[data-hydrated]")).await.is_ok() };
        if javascript == Javascript::On {
            wait_for_hydration(&browser).await;
        }

        // A wrong password first: the error appears, and the email typed is still there.
        fill(&browser, "Email address", "jamie@example.org").await;
        fill(&browser, "Password", "not my password").await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "The email address or password is not right").await;
        // Signing in is a light public page: it loads no script, so with JavaScript on or off the form is a
        // plain POST that comes back with the error.
        assert!(browser.find(Locator::Css("body[data-light]")).await.is_ok(), "a light page");
        assert!(!hydrated().await, "no WebAssembly was loaded");
        let email = continuum_tests::browser::field(&browser, "Email address").await;
        assert_eq!(email.prop("value").await.unwrap().as_deref(), Some("jamie@example.org"));

        // Then the right one.
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Jamie Reed").await;
        assert_eq!(browser.current_url().await.unwrap().path(), "/");

        // And out again.
        press(&browser, "Sign out").await;
        wait_for_text(&browser, "You have signed out.").await;
        let page = browser.source().await.unwrap();
        assert!(!page.contains("Jamie Reed"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_signs_in_and_out_with_javascript() {
    sign_in_and_out(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_signs_in_and_out_without_javascript() {
    sign_in_and_out(Javascript::Off).await;
}
