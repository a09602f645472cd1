//! The involvement report on a 390×844 phone, with JavaScript off and on: it reads, no part of the page scrolls
//! sideways (its tables scroll inside their own regions), and axe-core (which needs JavaScript to run) finds
//! nothing wrong once the page has hydrated.

use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend,
};

async fn on_a_phone(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "priya.shah@demo.example").await;
        fill(&browser, "Password", continuum::seed::DEMO_PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Dr Priya Shah").await;

        browser.goto(&app.url("/reports/involvement")).await.unwrap();
        wait_for_text(&browser, "Involvement at each level").await;
        wait_for_text(&browser, "Trend over five periods").await;
        let sideways =
            browser.execute("return document.documentElement.scrollWidth - window.innerWidth;", vec![]).await.unwrap();
        let sideways: f64 = serde_json::from_value(sideways).unwrap();
        assert!(sideways <= 1.0, "the report scrolls sideways by {sideways} px");
        if javascript == Javascript::On {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the involvement report").await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_involvement_report_reads_on_a_phone_without_javascript() {
    on_a_phone(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_involvement_report_reads_on_a_phone_and_is_accessible_with_javascript() {
    on_a_phone(Javascript::On).await;
}
