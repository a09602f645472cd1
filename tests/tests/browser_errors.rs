//! After a mistake, on a 390×844 phone and on a desktop, with JavaScript on and off: every page with a form
//! comes back with its error summary on the first screen, focused (so a keyboard or screen reader user starts
//! from it), "Error: " at the start of the page title, and (with JavaScript, which axe-core needs) nothing
//! axe-core finds wrong.

use std::time::Duration;

use continuum_tests::{
    browser::{
        assert_accessible, fill, press, wait_for_element, wait_for_hydration, wait_for_text, wait_until, with_browser,
        Javascript, ELEMENT_WAIT,
    },
    spawn_app, Backend, TestApp,
};
use fantoccini::{Client, Locator};

/// Where the error summary is and whether the page says it has a mistake.
const MEASURE: &str = "const summary = document.querySelector('.nhsuk-error-summary');
    return summary && {
        top: summary.getBoundingClientRect().top + window.scrollY,
        screen: window.innerHeight,
        focused: document.activeElement === summary,
        title: document.title,
    };";

#[derive(serde::Deserialize, Debug, Clone)]
struct Summary {
    top: f64,
    screen: f64,
    focused: bool,
    title: String,
}

/// How a mistake is made on a page: by pressing its button with the form left empty, or by an address whose
/// filter choices are not a date.
enum Mistake {
    Press(&'static str),
    Address,
}

/// Checks the page that came back from a mistake on `page`.
async fn check_the_summary(browser: &Client, page: &str, size: &str, javascript: Javascript) {
    wait_for_element(browser, ELEMENT_WAIT, Locator::Css(".nhsuk-error-summary"))
        .await
        .unwrap_or_else(|waited| panic!("{page} ({size}): no error summary after {waited:?}"));
    // Focus and the title follow the summary (an effect with JavaScript, `autofocus` without): wait for both
    // rather than read them at once.
    let settled = wait_until(Duration::from_secs(10), || async {
        let measured: Option<Summary> = serde_json::from_value(browser.execute(MEASURE, vec![]).await.ok()?).ok()?;
        measured.filter(|m| m.focused && m.title.starts_with("Error: "))
    })
    .await;
    let summary = match settled {
        Ok(summary) => summary,
        Err(_) => {
            let measured = browser.execute(MEASURE, vec![]).await.unwrap();
            panic!("{page} ({size}): the summary is not focused or the title lacks \"Error: \": {measured}");
        }
    };
    assert!(
        summary.top + 40.0 <= summary.screen,
        "{page} ({size}): the error summary starts {} px down a {} px screen",
        summary.top,
        summary.screen
    );
    // axe-core runs as a page script, which a browser without JavaScript does not run.
    if javascript == Javascript::On {
        assert_accessible(browser, &format!("{page} after a mistake ({size})")).await;
    }
}

async fn make_the_mistake(browser: &Client, app: &TestApp, page: &str, mistake: &Mistake, javascript: Javascript) {
    browser.goto(&app.url(page)).await.unwrap();
    if javascript == Javascript::On {
        wait_for_hydration(browser).await;
    }
    if let Mistake::Press(button) = mistake {
        press(browser, button).await;
    }
}

async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let event: String =
        sqlx::query_scalar("SELECT slug FROM event ORDER BY starts_at LIMIT 1").fetch_one(&app.pool).await.unwrap();
    let event = format!("/events/{event}");
    let public: Vec<(&str, Mistake)> = vec![
        ("/sign-in", Mistake::Press("Sign in")),
        ("/forgot-password", Mistake::Press("Send the link")),
        (event.as_str(), Mistake::Press("Register")),
        ("/f/dbt-skills-group", Mistake::Press("Send feedback")),
    ];
    let staff: Vec<(&str, Mistake)> = vec![
        ("/ledger/new", Mistake::Press("Record activity")),
        ("/information/events/new", Mistake::Press("Save event")),
        ("/consultation/focus-groups", Mistake::Press("Record focus group")),
        ("/account", Mistake::Press("Change password")),
        (
            "/reports/continuum-profile?from_day=1&from_month=1&from_year=1800&to_day=1&to_month=2&to_year=2026",
            Mistake::Address,
        ),
        ("/ledger?from_day=31&from_month=6&from_year=2026", Mistake::Address),
    ];

    with_browser(javascript, |browser| async move {
        for (width, height) in [(390, 844), (1280, 900)] {
            browser.set_window_size(width, height).await.unwrap();
            let size = format!("{width}×{height}, JavaScript {javascript:?}");
            for (page, mistake) in &public {
                make_the_mistake(&browser, &app, page, mistake, javascript).await;
                check_the_summary(&browser, page, &size, javascript).await;
            }
            browser.goto(&app.url("/sign-in")).await.unwrap();
            fill(&browser, "Email address", "priya.shah@demo.example").await;
            fill(&browser, "Password", continuum::seed::DEMO_PASSWORD).await;
            press(&browser, "Sign in").await;
            wait_for_text(&browser, "Dr Priya Shah").await;
            for (page, mistake) in &staff {
                make_the_mistake(&browser, &app, page, mistake, javascript).await;
                check_the_summary(&browser, page, &size, javascript).await;
            }
            browser.delete_all_cookies().await.unwrap();
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title_with_javascript() {
    after_a_mistake_the_summary_is_first_focused_and_in_the_title(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title_without_javascript() {
    after_a_mistake_the_summary_is_first_focused_and_in_the_title(Javascript::Off).await;
}
