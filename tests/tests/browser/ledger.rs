//! Browser journey: a member of staff records an involvement activity and sees it in the continuum profile,
//! with JavaScript on and with it off; axe-core checks the ledger, the form and the profile.

use app::accounts::types::Role;
use chrono::Datelike;
use continuum_tests::{
    browser::{assert_accessible, field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, PASSWORD,
};
use fantoccini::Locator;

async fn record_and_see_in_profile(javascript: Javascript) {
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
            assert_accessible(&browser, "the record-an-activity form").await;
        }
        // First without a title and without the date's month: each error comes back beside its field with
        // everything else kept, each box of the date with what was typed in it.
        field(&browser, "Kind of activity").await.select_by_value("open_day").await.unwrap();
        browser.find(Locator::Css("label[for='record_activity--level']")).await.unwrap().click().await.unwrap();
        fill(&browser, "Day", &today.day().to_string()).await;
        fill(&browser, "Year", &today.year().to_string()).await;
        fill(&browser, "Patients", "12").await;
        fill(&browser, "Carers", "5").await;
        fill(&browser, "What came of it", "Two people asked to volunteer").await;
        press(&browser, "Record activity").await;
        wait_for_text(&browser, "Enter a title").await;
        wait_for_text(&browser, "Date it happened must include a month").await;
        let boxes = browser.find(Locator::Css("a[href='#record_activity--happened_on_month']")).await;
        assert!(boxes.is_ok(), "the summary links to the month box");
        let month_class = field(&browser, "Month").await.attr("class").await.unwrap().unwrap_or_default();
        assert!(month_class.contains("nhsuk-input--error"), "the month box is marked: {month_class}");
        let day_class = field(&browser, "Day").await.attr("class").await.unwrap().unwrap_or_default();
        assert!(!day_class.contains("nhsuk-input--error"), "the day box is not: {day_class}");
        assert_eq!(field(&browser, "Day").await.prop("value").await.unwrap(), Some(today.day().to_string()));
        assert_eq!(field(&browser, "Year").await.prop("value").await.unwrap(), Some(today.year().to_string()));
        let address = browser.current_url().await.unwrap();
        assert!(
            !address.as_str().contains("volunteer") && !address.as_str().contains("__err"),
            "nothing typed is in the address: {address}"
        );
        assert_eq!(field(&browser, "Patients").await.prop("value").await.unwrap().as_deref(), Some("12"));
        assert_eq!(
            field(&browser, "What came of it").await.prop("value").await.unwrap().as_deref(),
            Some("Two people asked to volunteer")
        );
        let level_kept =
            browser.find(Locator::Css("#record_activity--level")).await.unwrap().prop("checked").await.unwrap();
        assert_eq!(level_kept.as_deref(), Some("true"), "the chosen level is kept");

        fill(&browser, "Title", "Open day at the day service").await;
        fill(&browser, "Month", &today.month().to_string()).await;
        press(&browser, "Record activity").await;
        wait_for_text(&browser, "The activity has been saved.").await;
        wait_for_text(&browser, "12 patients, 5 carers").await;

        browser.goto(&app.url("/ledger")).await.unwrap();
        wait_for_text(&browser, "Open day at the day service").await;
        if js {
            assert_accessible(&browser, "the ledger").await;
        }

        browser.goto(&app.url("/reports/continuum-profile")).await.unwrap();
        wait_for_text(&browser, "Involvement reached Information (level 1 of 5)").await;
        let table = browser.find(Locator::Css("table")).await.unwrap().text().await.unwrap();
        // 12 patients, 5 carers and 17 people together, each published rounded to the nearest 5.
        assert!(
            table.contains("1. Information 1 10 5 15"),
            "one activity (a thing, shown as it is), 12 patients, 5 carers, 17 people: {table}"
        );
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the continuum profile").await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_record_an_activity_and_see_it_in_the_profile_with_javascript() {
    record_and_see_in_profile(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_record_an_activity_and_see_it_in_the_profile_without_javascript() {
    record_and_see_in_profile(Javascript::Off).await;
}
