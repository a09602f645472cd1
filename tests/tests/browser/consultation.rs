//! Browser journeys for consultation: a patient answers a feedback form on a phone-sized window (JavaScript on
//! and off), with a mistake first; staff build a form, read results and review a flagged response. axe-core
//! checks the form, the thank-you page, the builder, the results and the review queue.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, PASSWORD,
};
use fantoccini::Locator;

async fn a_patient_answers_on_a_phone(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "end_of_group", "anonymous").await;
    let pool = app.pool.clone();
    // Keep the server (and its database file) until the checks after the browser closes: dropping the app
    // removes the file, and the server then closes its pool on purpose (a lost database is never written to).
    let app = std::sync::Arc::new(app);
    let _keep_alive = app.clone();

    with_browser(javascript, |browser| async move {
        // axe-core is JavaScript: it runs on the pages of the JavaScript-on journey.
        let js = javascript == Javascript::On;
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/get-involved")).await.unwrap();
        browser.find(Locator::LinkText("DBT skills group")).await.unwrap().click().await.unwrap();
        let page = wait_for_text(&browser, "Overall, how was your experience of our service?").await;
        assert!(page.contains("116 123"), "crisis contacts on the form");
        assert!(page.contains("Nobody watches this form"), "says who reads it and when");
        if js {
            assert_accessible(&browser, "the feedback form").await;
        }

        // A comment and a tick, but the required scale left out: the form comes back with both kept.
        field(&browser, "Very good").await.click().await.unwrap();
        field(&browser, "Homework and practice").await.click().await.unwrap();
        fill(&browser, "What would you change about the group? (optional)", "More breaks, & an evening group <please>")
            .await;
        press(&browser, "Send feedback").await;
        wait_for_text(&browser, "There is a problem").await;
        wait_for_text(&browser, "Select a number from 1 to 5").await;
        let kept =
            field(&browser, "What would you change about the group? (optional)").await.prop("value").await.unwrap();
        assert_eq!(kept.as_deref(), Some("More breaks, & an evening group <please>"));
        assert_eq!(field(&browser, "Very good").await.prop("checked").await.unwrap().as_deref(), Some("true"));
        assert_eq!(
            field(&browser, "Homework and practice").await.prop("checked").await.unwrap().as_deref(),
            Some("true")
        );
        assert!(!browser.current_url().await.unwrap().as_str().contains("please"), "nothing typed is in the address");
        if js {
            assert_accessible(&browser, "the feedback form with errors").await;
        }

        field(&browser, "4").await.click().await.unwrap();
        press(&browser, "Send feedback").await;
        wait_for_text(&browser, "Thank you – your feedback has been sent").await;
        if js {
            assert_accessible(&browser, "the thank-you page").await;
        }
        browser.find(Locator::XPath("//a[contains(., 'Get involved')]")).await.unwrap();
    })
    .await;

    let stored: Vec<(String,)> = sqlx::query_as("SELECT value FROM feedback_answer WHERE value LIKE 'More breaks%'")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(stored, [("More breaks, & an evening group <please>".to_owned(),)]);
    let _ = form;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_answers_on_a_phone_with_javascript() {
    a_patient_answers_on_a_phone(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_answers_on_a_phone_without_javascript() {
    a_patient_answers_on_a_phone(Javascript::Off).await;
}

async fn staff_build_read_results_and_review(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("priya@example.org", "Priya Shah", false, &[(&service, Role::Manager)]).await;
    let manager = app.person_signed_in("manager2@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "Mentalisation group", "fft", "anonymous").await;
    for n in 0..12 {
        let rating = if n % 4 == 0 { "poor" } else { "very_good" };
        app.submit_feedback(&form, &[(0, rating), (1, "Helpful, thank you")]).await;
    }
    app.submit_feedback(&form, &[(0, "poor"), (1, "some days i dont want to be here anymore")]).await;
    let pool = app.pool.clone();
    // Keep the server (and its database file) until the checks after the browser closes: dropping the app
    // removes the file, and the server then closes its pool on purpose (a lost database is never written to).
    let app = std::sync::Arc::new(app);
    let _keep_alive = app.clone();

    with_browser(javascript, |browser| async move {
        let js = javascript == Javascript::On;
        browser.goto(&app.url("/sign-in")).await.unwrap();
        if js {
            wait_for_hydration(&browser).await;
        }
        fill(&browser, "Email address", "priya@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Priya Shah").await;

        // Build a new form from the end-of-group template and add a question.
        browser.goto(&app.url("/consultation/forms/new")).await.unwrap();
        if js {
            wait_for_hydration(&browser).await;
        }
        field(&browser, "Service").await.select_by_value(&service).await.unwrap();
        fill(&browser, "Title", "Skills group review").await;
        fill(&browser, "Intervention or topic", "DBT skills group – end of module").await;
        field(&browser, "End-of-group review").await.click().await.unwrap();
        press(&browser, "Create form").await;
        wait_for_text(&browser, "Questions (version 1)").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        if js {
            assert_accessible(&browser, "the form builder").await;
        }
        field(&browser, "Type of question").await.select_by_value("short_text").await.unwrap();
        fill(&browser, "Question", "One word for the group").await;
        press(&browser, "Add question").await;
        wait_for_text(&browser, "One word for the group").await;
        press(&browser, "Open the form").await;
        wait_for_text(&browser, "Close the form").await;

        browser.goto(&app.url(&format!("/consultation/forms/{}/results", form.id))).await.unwrap();
        wait_for_text(&browser, "Download responses (CSV)").await;
        if js {
            assert_accessible(&browser, "the results page").await;
        }

        browser.goto(&app.url("/consultation/review")).await.unwrap();
        wait_for_text(&browser, "Flagged for safeguarding review (1)").await;
        if js {
            assert_accessible(&browser, "the review queue").await;
        }
        browser.find(Locator::XPath("//a[contains(., 'Mentalisation group')]")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "Record the review").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        if js {
            assert_accessible(&browser, "a flagged response").await;
        }
        field(&browser, "Followed up").await.click().await.unwrap();
        fill(&browser, "Note", "Shared crisis contacts in the next group").await;
        press(&browser, "Record review").await;
        wait_for_text(&browser, "The review has been recorded").await;
    })
    .await;
    let outcome: Option<String> = sqlx::query_scalar("SELECT outcome FROM review_flag").fetch_one(&pool).await.unwrap();
    assert_eq!(outcome.as_deref(), Some("followed_up"));
    let built: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_form WHERE state = 'open'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(built, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_build_read_results_and_review_with_javascript() {
    staff_build_read_results_and_review(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_build_read_results_and_review_without_javascript() {
    staff_build_read_results_and_review(Javascript::Off).await;
}
