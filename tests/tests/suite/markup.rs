//! Text rendered outside the body's escaping path — the page `<title>`, attributes, SVG text — is escaped like
//! everything else: a title written to break out of `<title>` is shown as text and changes nothing.

use app::accounts::types::Role;
use continuum_tests::{location, on_both_engines, spawn_app, Backend, TestApp};

/// A title that would send every visitor elsewhere if it escaped `<title>` (a CSP cannot stop a meta refresh).
const PAYLOAD: &str = "Open day</title><meta http-equiv=refresh content='0;url=https://evil.example/'><b>bold";

fn assert_inert(page: &str, what: &str) {
    let lower = page.to_lowercase();
    assert!(!lower.contains("<meta http-equiv=refresh"), "{what}: the meta refresh is markup:\n{page}");
    assert!(!lower.contains("<b>bold"), "{what}: the tag is markup");
    assert!(
        page.contains("Open day&lt;/title&gt;")
            || page.contains("Open day&#x3C;/title&#x3E;")
            || page.contains("Open day&#60;/title&#62;"),
        "{what}: the title is shown as text:\n{page}"
    );
}

async fn staff(app: &TestApp) -> (String, reqwest::Client) {
    let service = app.add_service("CAS Day Service").await;
    let client = app.person_signed_in("grace@example.org", &[(&service, Role::Staff)]).await;
    (service, client)
}

async fn titles_are_escaped_in_the_head_and_on_posters(backend: Backend) {
    let app = spawn_app(backend).await;
    let (service, grace) = staff(&app).await;

    // An information page.
    let saved = grace
        .post(app.url("/api/save_info_page"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .form(&[
            ("page_id", ""),
            ("service_id", service.as_str()),
            ("title", PAYLOAD),
            ("summary", "About us"),
            ("body", "Welcome."),
            ("published", "yes"),
        ])
        .send()
        .await
        .unwrap();
    let page_path = location(&saved);
    assert!(page_path.starts_with("/info/"), "{page_path}");
    let slug = page_path.trim_start_matches("/info/").to_owned();
    assert_inert(&app.anonymous_page(&page_path).await, "the information page");
    assert_inert(&app.anonymous_page(&format!("/posters/info/{slug}")).await, "its poster");

    // An event, on its page and its poster.
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(10)).format("%Y-%m-%d").to_string();
    let saved = grace
        .post(app.url("/api/save_event"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .form(&[
            ("event_id", ""),
            ("service_id", service.as_str()),
            ("title", PAYLOAD),
            ("description", "Come and meet the team."),
            ("day_day", &day[8..10]),
            ("day_month", &day[5..7]),
            ("day_year", &day[..4]),
            ("start", "10:00"),
            ("end", "12:00"),
            ("place", "The day service"),
            ("capacity", "20"),
        ])
        .send()
        .await
        .unwrap();
    let event_path = location(&saved);
    assert!(event_path.starts_with("/events/"), "{event_path}");
    assert_inert(&app.anonymous_page(&event_path).await, "the event page");
    let slug = event_path.trim_start_matches("/events/");
    assert_inert(&app.anonymous_page(&format!("/posters/events/{slug}")).await, "its poster");

    // A feedback form, on its own page and its poster.
    let form = app.open_feedback_form(&grace, &service, PAYLOAD, "fft", "anonymous").await;
    assert_inert(&app.anonymous_page(&format!("/f/{}", form.slug)).await, "the feedback form");
    assert_inert(&app.anonymous_page(&format!("/posters/f/{}", form.slug)).await, "its poster");
}

on_both_engines!(titles_are_escaped_in_the_head_and_on_posters);
