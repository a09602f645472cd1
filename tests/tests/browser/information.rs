//! Browser journey: someone finds an open day, registers on a phone-sized window, and can cancel; with
//! JavaScript on and off. axe-core checks an information page, an event page, a poster and Get involved.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, TestApp,
};

async fn an_open_day_and_a_page(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let day = (app::clock::today_date() + chrono::Duration::days(9)).format("%Y-%m-%d").to_string();
    app.post_form(
        "/api/save_event",
        "/information/events/new",
        &[
            ("event_id", ""),
            ("service_id", &service),
            ("title", "Open day"),
            ("description", "Meet the team and **see the rooms**."),
            ("day_day", &day[8..10]),
            ("day_month", &day[5..7]),
            ("day_year", &day[..4]),
            ("start", "10:00"),
            ("end", "13:00"),
            ("place", "The day service, 1 High Street"),
            ("capacity", "12"),
        ],
    )
    .await;
    app.post_form(
        "/api/save_info_page",
        "/information/pages/new",
        &[
            ("page_id", ""),
            ("service_id", &service),
            ("title", "Groups we run"),
            ("summary", "What happens in each group"),
            ("body", "## Skills groups\n\nWeekly, in small groups.\n\n- Tuesdays\n- Thursdays\n\n[NHS mental health](https://www.nhs.uk/mental-health/)"),
            ("published", "yes"),
        ],
    )
    .await;
    sqlx::query_scalar("SELECT slug FROM event").fetch_one(&app.pool).await.unwrap()
}

async fn register_and_cancel(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let slug = an_open_day_and_a_page(&app).await;

    with_browser(javascript, |browser| async move {
        let js = javascript == Javascript::On;
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/get-involved")).await.unwrap();
        browser.find(fantoccini::Locator::LinkText("Open day")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "Register for a place").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        assert!(browser.source().await.unwrap().contains("116 123"), "crisis contacts beside the form");

        // A mistyped email first: the message appears and the name typed stays.
        fill(&browser, "Your name", "Jamie Reed").await;
        fill(&browser, "Email address (optional)", "jamie@").await;
        press(&browser, "Register").await;
        wait_for_text(&browser, "Enter an email address in the correct format").await;
        let name = continuum_tests::browser::field(&browser, "Your name").await.prop("value").await.unwrap();
        assert_eq!(name.as_deref(), Some("Jamie Reed"));

        fill(&browser, "Email address (optional)", "jamie@example.org").await;
        press(&browser, "Register").await;
        wait_for_text(&browser, "You are registered").await;
        let mail = app.mail_to("jamie@example.org").await;
        assert!(mail.body.contains("/events/cancel?token="));

        browser.find(fantoccini::Locator::LinkText("cancel your place")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "Cancel my place").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        press(&browser, "Cancel my place").await;
        wait_for_text(&browser, "Your place has been cancelled").await;
        let taken: i64 = sqlx::query_scalar("SELECT places_taken FROM event WHERE slug = $1")
            .bind(&slug)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(taken, 0);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_registers_for_an_open_day_and_cancels_with_javascript() {
    register_and_cancel(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_registers_for_an_open_day_and_cancels_without_javascript() {
    register_and_cancel(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violations_on_information_event_poster_and_get_involved_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    let slug = an_open_day_and_a_page(&app).await;

    with_browser(Javascript::On, |browser| async move {
        for (path, what) in [
            ("/info/groups-we-run".to_owned(), "an information page"),
            (format!("/events/{slug}"), "an event page"),
            (format!("/posters/events/{slug}"), "an event poster"),
            ("/posters/info/groups-we-run".to_owned(), "a page poster"),
            ("/get-involved".to_owned(), "Get involved"),
        ] {
            browser.goto(&app.url(&path)).await.unwrap();
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, what).await;
        }
    })
    .await;
}
