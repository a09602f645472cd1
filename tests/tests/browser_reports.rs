//! The involvement report on a 390×844 phone with JavaScript off: it reads, no part of the page scrolls
//! sideways (its tables scroll inside their own regions), and axe-core finds nothing wrong.

use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_text, with_browser, Javascript},
    spawn_app, Backend,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_involvement_report_reads_on_a_phone_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();

    with_browser(Javascript::Off, |browser| async move {
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
        assert_accessible(&browser, "the involvement report").await;
    })
    .await;
}
