//! Consultation: building feedback forms, answering them at /f/<slug> (anonymously, signed in, on paper),
//! the safeguarding review and who may see what.

use app::accounts::types::Role;
use continuum_tests::{on_both_engines, spawn_app, Backend};

async fn an_anonymous_response_is_thanked_and_stored_without_a_person_or_time(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;

    let page = app.anonymous_page(&format!("/f/{}", form.slug)).await;
    assert!(page.contains("Overall, how was your experience of our service?"));
    assert!(!page.contains("<script"), "the form page loads no JavaScript");

    let response = app.submit_feedback(&form, &[(0, "very_good"), (1, "The group helped me a lot")]).await;
    assert_eq!(response.status(), 200);
    let thanks = response.text().await.unwrap();
    assert!(thanks.contains("Thank you – your feedback has been sent"), "{thanks}");

    let row: (Option<String>, String, String) =
        sqlx::query_as("SELECT respondent_id, submitted_on, channel FROM feedback_response").fetch_one(&app.pool).await.unwrap();
    assert_eq!(row.0, None);
    assert_eq!(row.1.len(), 10, "the date only: {}", row.1);
    assert_eq!(row.2, "online");
}

on_both_engines!(an_anonymous_response_is_thanked_and_stored_without_a_person_or_time);
