//! Browser journey: a member of staff records an activity with a double click on "Record activity", then goes
//! Back and sends the form again, with JavaScript on and with it off: one activity is stored (issue 9, §4).

use app::accounts::types::Role;
use continuum_tests::{
    browser::{field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, TestApp, PASSWORD,
};
use fantoccini::{
    actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT},
    Client, Locator,
};

const TITLE: &str = "Open day at the day service";

async fn activities_titled(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE title = $1")
        .bind(TITLE)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Two presses of the button in one gesture, as a double click sends them: the second before the first is
/// answered.
async fn double_click(browser: &Client, text: &str) {
    let button = browser.find(Locator::XPath(&format!("//button[normalize-space()='{text}']"))).await.unwrap();
    let clicks = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: button, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    browser.perform_actions(clicks).await.unwrap();
}

async fn double_click_then_back_and_again_store_one_activity(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    let today = app::clock::today_date();

    with_browser(javascript, |browser| async move {
        let js = javascript == Javascript::On;
        browser.goto(&app.url("/sign-in")).await.unwrap();
        if js {
            wait_for_hydration(&browser).await;
        }
        fill(&browser, "Email address", "grace@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Grace Okafor").await;

        browser.goto(&app.url("/ledger/new")).await.unwrap();
        if js {
            wait_for_hydration(&browser).await;
        }
        field(&browser, "Kind of activity").await.select_by_value("open_day").await.unwrap();
        browser.find(Locator::Css("label[for='record_activity--level']")).await.unwrap().click().await.unwrap();
        fill(&browser, "Day", &today.format("%-d").to_string()).await;
        fill(&browser, "Month", &today.format("%-m").to_string()).await;
        fill(&browser, "Year", &today.format("%Y").to_string()).await;
        fill(&browser, "Title", TITLE).await;
        fill(&browser, "Patients", "12").await;
        fill(&browser, "Carers", "5").await;

        let token = browser.find(Locator::Css("input[name='submission']")).await.unwrap().prop("value").await.unwrap();
        double_click(&browser, "Record activity").await;
        wait_for_text(&browser, "The activity has been saved.").await;
        let saved_at = browser.current_url().await.unwrap();
        assert_eq!(activities_titled(&app).await, 1, "a double click records one activity");

        // Back to the form. A browser that shows the same copy again (from its back/forward cache, with what was
        // typed) sends the same token, and is answered as the first time: the same activity, nothing more. A
        // browser that fetches the page again gets a new copy with a fresh token (the server cannot tell a page
        // fetched on Back from one opened anew): that is a new form, as README says.
        browser.back().await.unwrap();
        continuum_tests::browser::wait_for_element(
            &browser,
            continuum_tests::browser::ELEMENT_WAIT,
            Locator::XPath("//button[normalize-space()='Record activity']"),
        )
        .await
        .expect("Back shows the form again");
        if js {
            wait_for_hydration(&browser).await;
        }
        let shown = browser.find(Locator::Css("input[name='submission']")).await.unwrap().prop("value").await.unwrap();
        if shown == token {
            assert_eq!(field(&browser, "Title").await.prop("value").await.unwrap().as_deref(), Some(TITLE));
            press(&browser, "Record activity").await;
            wait_for_text(&browser, "The activity has been saved.").await;
            assert_eq!(browser.current_url().await.unwrap(), saved_at, "answered as the first time");
            assert_eq!(activities_titled(&app).await, 1, "Back and send again stores nothing more");
        } else {
            let shown = shown.unwrap_or_default();
            assert!(shown.len() == 32 && shown.bytes().all(|b| b.is_ascii_hexdigit()), "a fresh token: {shown}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_and_back_store_one_activity_with_javascript() {
    double_click_then_back_and_again_store_one_activity(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_and_back_store_one_activity_without_javascript() {
    double_click_then_back_and_again_store_one_activity(Javascript::Off).await;
}
