//! Inclusion, the tester's smaller findings (issue 16, report §9): a session is never recorded without a member
//! of staff facilitating, and a refused application without JavaScript is answered as the role's own page and
//! says so (`Content-Location`), however often it is sent again.

use app::accounts::types::Role;
use continuum_tests::{
    date_fields, form_error, location, london, new_client, on_both_engines, spawn_app_at, Backend, TestApp,
};
use reqwest::{header, Client, Response};

async fn post(app: &TestApp, client: &Client, function: &str, from: &str, fields: &[(String, String)]) -> Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(from))
        .form(fields)
        .send()
        .await
        .expect("POST")
}

fn owned(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A coordinator (staff) of a new service, signed in on the app's own client; returns the service id.
async fn coordinator(app: &TestApp) -> String {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

/// A recruiting role of the service; returns its slug.
async fn role(app: &TestApp, service: &str) -> String {
    let fields = owned(&[
        ("role_id", ""),
        ("service_id", service),
        ("title", "Peer co-facilitator"),
        ("duties", "Help run the course"),
        ("time_asked", "A morning a week"),
        ("place", "The Limes"),
        ("support", "Supervision"),
        ("expenses", "Travel"),
        ("lived_experience", "yes"),
        ("posts", "2"),
        ("role_state", "recruiting"),
    ]);
    let saved = post(app, &app.client, "save_volunteer_role", "/inclusion", &fields).await;
    assert_eq!(saved.status(), 303, "{:?}", form_error(saved).await);
    sqlx::query_scalar("SELECT slug FROM volunteer_role").fetch_one(&app.pool).await.unwrap()
}

async fn a_session_is_never_recorded_without_a_member_of_staff_facilitating(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-11-02T10:00")).await;
    let service = coordinator(&app).await;
    let fields = owned(&[("service_id", &service), ("title", "Understanding emotions"), ("about", "")]);
    let created = post(&app, &app.client, "save_course", "/inclusion/courses", &fields).await;
    let course = location(&created).trim_start_matches("/inclusion/courses/").to_owned();
    let from = format!("/inclusion/courses/{course}");
    let session = |staff: &str, when: &str, day: &str| {
        let mut fields = owned(&[
            ("course_id", &course),
            ("when", when),
            ("start", "10:00"),
            ("end", "12:00"),
            ("place", "The Limes, Room 3"),
            ("patients_attending", if when == "held" { "7" } else { "" }),
            ("others_attending", ""),
            ("staff_facilitators", staff),
            ("named_co_facilitator", "Kit Lawson"),
            ("feedback_form", ""),
        ]);
        fields.extend(date_fields("held_on", day));
        fields
    };

    // Empty, or commas and spaces naming nobody, held or planned: the message beside the field, all kept.
    for (staff, when, day) in
        [("", "held", "2026-10-26"), (" , ; ", "held", "2026-10-26"), ("", "planned", "2026-11-09")]
    {
        let refused = post(&app, &app.client, "record_session", &from, &session(staff, when, day)).await;
        assert_eq!(refused.status(), 422, "{staff:?} {when}");
        assert!(location(&refused).is_empty(), "answered in place");
        let error = form_error(refused).await.expect("refused");
        let beside: Vec<_> = error.field_errors().iter().filter(|e| !e.message.is_empty()).collect();
        assert_eq!(beside.len(), 1, "{beside:?}");
        assert_eq!(beside[0].field, "staff_facilitators");
        assert_eq!(beside[0].message, app::inclusion::sessions::server::STAFF_NEEDED);
        assert_eq!(error.kept_value("named_co_facilitator"), Some("Kit Lawson"), "what was typed is kept");
        assert_eq!(error.kept_value("place"), Some("The Limes, Room 3"));
        assert_eq!(error.kept_value("patients_attending"), Some(if when == "held" { "7" } else { "" }));
    }
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM course_session").await, 0, "nothing stored");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity").await, 0);

    // Named: recorded, co-delivered, and in the ledger with its member of staff.
    let held = post(&app, &app.client, "record_session", &from, &session("Ruth Adeyemi", "held", "2026-10-26")).await;
    assert_eq!(held.status(), 303, "{:?}", form_error(held).await);
    let staff: String =
        sqlx::query_scalar("SELECT staff_facilitators FROM course_session").fetch_one(&app.pool).await.unwrap();
    assert_eq!(staff, "Ruth Adeyemi");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'course_session'").await,
        1
    );
}

async fn a_refused_application_without_javascript_is_the_roles_page_and_says_so(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-11-02T10:00")).await;
    let service = coordinator(&app).await;
    let slug = role(&app, &service).await;
    let page = format!("/volunteer/{slug}");
    // No consent to the checks: refused.
    let fields = owned(&[
        ("role_slug", &slug),
        ("name", "Sam Jones"),
        ("email", "sam@example.org"),
        ("taking_part_as", "patient"),
        ("why", "Marker-why: I would like to help others feel welcome"),
        ("availability", "Tuesdays"),
        ("referee1_name", "Pat Friend"),
        ("referee1_contact", "pat@example.org"),
        ("referee2_name", "Lee Tutor"),
        ("referee2_contact", "lee@example.org"),
        ("submission", "a-token-for-this-copy-0001"),
    ]);
    let applicant = new_client();
    // The first answer, then the same body again as a browser's reload sends it: refused the same way each
    // time, as the role's page, and nothing stored.
    for attempt in ["first", "reloaded"] {
        let refused = post(&app, &applicant, "apply_for_role", &page, &fields).await;
        assert_eq!(refused.status(), 422, "{attempt}");
        assert!(location(&refused).is_empty(), "{attempt}: no address carries the refusal");
        assert_eq!(
            refused.headers().get(header::CONTENT_LOCATION).and_then(|v| v.to_str().ok()),
            Some(page.as_str()),
            "{attempt}: the answer says it is the role's page"
        );
        assert_eq!(refused.headers().get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()), Some("no-store"));
        let error = form_error(refused).await.expect("refused");
        assert!(error.field_errors().iter().any(|e| e.field == "consent" && !e.message.is_empty()), "{error:?}");
        assert_eq!(error.kept_value("why"), Some("Marker-why: I would like to help others feel welcome"));
    }
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 0);

    // Corrected on that page (which names itself in its form): accepted, and onwards by 303.
    let mut corrected = fields.clone();
    corrected.push(("consent".to_owned(), "yes".to_owned()));
    corrected.push(("continuum_page".to_owned(), page.clone()));
    let applied = post(&app, &applicant, "apply_for_role", "/api/apply_for_role", &corrected).await;
    assert_eq!(applied.status(), 303, "{:?}", form_error(applied).await);
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 1);
}

on_both_engines!(
    a_session_is_never_recorded_without_a_member_of_staff_facilitating,
    a_refused_application_without_javascript_is_the_roles_page_and_says_so,
);
