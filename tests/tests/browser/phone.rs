//! On a 390×844 phone: no page scrolls sideways (tables stack as the NHS.UK responsive table pattern does), the
//! header leaves room for the page, and the text in charts stays readable.

use continuum_tests::{
    browser::{fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend,
};

const MEASURE: &str = "return {
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    header: document.querySelector('header').getBoundingClientRect().height,
    chart_text: Math.min(...[...document.querySelectorAll('.continuum-chart__image svg text')]
        .filter(t => t.textContent.trim().length > 0)
        .map(t => t.getBoundingClientRect().height), 99),
};";

#[derive(serde::Deserialize, Debug)]
struct Measure {
    sideways: f64,
    header: f64,
    chart_text: f64,
}

async fn on_a_phone(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        // A patient opening the feedback form from a poster sees its first question on the first screen.
        browser.goto(&app.url("/f/dbt-skills-group")).await.unwrap();
        let first = browser
            .execute(
                "return [document.querySelector('form .nhsuk-form-group').getBoundingClientRect().top, window.innerHeight];",
                vec![],
            )
            .await
            .unwrap();
        let (top, height): (f64, f64) = serde_json::from_value(first).unwrap();
        assert!(top < height - 150.0, "the first question starts {top} px down a {height} px screen");
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "priya.shah@demo.example").await;
        fill(&browser, "Password", continuum::seed::DEMO_PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Dr Priya Shah").await;
        for page in [
            "/",
            "/get-involved",
            "/ledger",
            "/consultation",
            "/reports/continuum-profile",
            "/volunteer/day-service-volunteer",
            "/inclusion",
            "/inclusion/applications",
            "/you-said-we-did",
            "/you-said-we-did/personality-disorder-service",
            "/participation/you-said-we-did",
        ] {
            browser.goto(&app.url(page)).await.unwrap();
            if javascript == Javascript::On {
                wait_for_hydration(&browser).await;
            }
            let measured: Measure = serde_json::from_value(browser.execute(MEASURE, vec![]).await.unwrap()).unwrap();
            assert!(measured.sideways <= 1.0, "{page} scrolls sideways by {} px", measured.sideways);
            assert!(measured.header <= 170.0, "{page}: the header is {} px tall on a phone", measured.header);
            assert!(measured.chart_text >= 11.0, "{page}: chart text is {} px on a phone", measured.chart_text);
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fit_a_phone_with_javascript() {
    on_a_phone(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fit_a_phone_without_javascript() {
    on_a_phone(Javascript::Off).await;
}
