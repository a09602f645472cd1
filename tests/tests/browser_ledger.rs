//! Browser journey: a member of staff records an involvement activity and sees it in the continuum profile,
//! with JavaScript on and with it off; axe-core checks the ledger, the form and the profile.

use app::accounts::types::Role;
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
        // First without a title: the error comes back beside the field with everything else kept.
        field(&browser, "Kind of activity").await.select_by_value("open_day").await.unwrap();
        browser.find(Locator::Css("label[for='level']")).await.unwrap().click().await.unwrap();
        let date = field(&browser, "Date it happened").await;
        // Chromium's date field takes the digits of its locale's order (en-US: month, day, year).
        date.send_keys(&today.format("%m%d%Y").to_string()).await.unwrap();
        fill(&browser, "Patients", "12").await;
        fill(&browser, "Carers", "5").await;
        fill(&browser, "What came of it", "Two people asked to volunteer").await;
        press(&browser, "Record activity").await;
        wait_for_text(&browser, "Enter a title").await;
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
        let level_kept = browser.find(Locator::Css("#level")).await.unwrap().prop("checked").await.unwrap();
        assert_eq!(level_kept.as_deref(), Some("true"), "the chosen level is kept");

        fill(&browser, "Title", "Open day at the day service").await;
        if !js {
            // A plain POST came back with the form rebuilt from what was kept; the date came back too.
            assert_eq!(
                field(&browser, "Date it happened").await.prop("value").await.unwrap(),
                Some(today.format("%Y-%m-%d").to_string())
            );
        }
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
        // 17 people are published rounded to the nearest 5.
        assert!(table.contains("1. Information 1 15"), "one activity (a thing, shown as it is), 17 people: {table}");
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
