//! Inclusion, the rest of issue 16: an application at interview linked to a partnership interview panel, the
//! panel and its outcome on the application's page (the outcome arriving by partnership's one path); hours on
//! the volunteer's own page; sessions planned and later marked held, with several co-facilitators of each kind,
//! each counted in the ledger; and who may see and do what.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{
    date_fields, form_error, location, london, new_client, on_both_engines, spawn_app_at, world::leaflet_form, Backend,
    TestApp,
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

/// Posts and expects the plain POST's 303; returns where it went.
async fn ok(app: &TestApp, client: &Client, function: &str, fields: &[(String, String)]) -> String {
    let response = post(app, client, function, "/inclusion", fields).await;
    let status = response.status();
    let to = location(&response);
    assert!(status.is_redirection(), "{function}: {status} {:?}", form_error(response).await);
    assert!(!to.starts_with("/sign-in") && !to.contains("__err"), "{function}: went on to {to}");
    to
}

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn page(app: &TestApp, client: &Client, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// A new role of `service` (recruiting) as `client`; returns (role id, slug).
async fn role(app: &TestApp, client: &Client, service: &str, title: &str, lived: bool) -> (String, String) {
    let fields = owned(&[
        ("role_id", ""),
        ("service_id", service),
        ("title", title),
        ("duties", "Help"),
        ("time_asked", "A day a week"),
        ("place", "Orchard House"),
        ("support", "Supervision"),
        ("expenses", "Travel"),
        ("lived_experience", if lived { "yes" } else { "no" }),
        ("posts", "2"),
        ("role_state", "recruiting"),
    ]);
    let to = ok(app, client, "save_volunteer_role", &fields).await;
    let id = to.trim_start_matches("/inclusion/roles/").trim_end_matches("?saved=1").to_owned();
    let slug = scalar(app, "SELECT slug FROM volunteer_role WHERE id = $1", &id).await;
    (id, slug)
}

/// An application to the role by `email`, without an account, moved on by `client` through `stages`;
/// returns its id.
async fn application(app: &TestApp, client: &Client, slug: &str, email: &str, name: &str, stages: &[&str]) -> String {
    let fields = owned(&[
        ("role_slug", slug),
        ("name", name),
        ("email", email),
        ("taking_part_as", "patient"),
        ("why", "To help others"),
        ("availability", "Tuesdays"),
        ("referee1_name", "Pat"),
        ("referee1_contact", "pat@example.org"),
        ("referee2_name", "Lee"),
        ("referee2_contact", "lee@example.org"),
        ("consent", "yes"),
    ]);
    let applied = post(app, &new_client(), "apply_for_role", &format!("/volunteer/{slug}"), &fields).await;
    assert_eq!(applied.status(), 303);
    let id = scalar(app, "SELECT id FROM volunteer_application WHERE email = $1", email).await;
    for stage in stages {
        ok(app, client, "move_application", &owned(&[("application_id", &id), ("stage", stage), ("note", "")])).await;
    }
    id
}

/// A panel of `service` for a post as `client`: `post_kind` `volunteer_role` (with `role`) or `staff_post`.
async fn panel(app: &TestApp, client: &Client, service: &str, post_kind: &str, role: &str, day: &str) -> String {
    let mut fields = owned(&[
        ("service_id", service),
        ("post_kind", post_kind),
        ("volunteer_role_id", role),
        ("post_title", "Clinical psychologist"),
        ("sits_at", "14:00"),
        ("place", "The Limes, Room 2"),
    ]);
    fields.extend(date_fields("sits_on", day));
    let to = ok(app, client, "create_panel", &fields).await;
    to.trim_start_matches("/partnership/panels/").to_owned()
}

async fn an_application_at_interview_is_linked_to_a_panel_that_records_its_outcome(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-11-02T10:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    let grace = app.client_signed_in_as("grace@example.org").await;
    let (role_id, slug) = role(&app, &grace, &service, "Peer co-facilitator", true).await;
    let fern = application(&app, &grace, &slug, "fern@example.org", "Fern Ahmed", &["shortlisted", "interview"]).await;
    let from = format!("/inclusion/applications/{fern}");

    // No panel for the role yet: the page says where to set one up.
    assert!(page(&app, &grace, &from).await.contains("There is no interview panel for this role yet"));

    // Two panels: one for the role, one for a staff post. Only the role's is offered, and only it is taken.
    let for_role = panel(&app, &grace, &service, "volunteer_role", &role_id, "2026-12-21").await;
    let staff_post = panel(&app, &grace, &service, "staff_post", "", "2026-12-22").await;
    let shown = page(&app, &grace, &from).await;
    assert!(shown.contains(&format!("value=\"{for_role}\"")) && !shown.contains(&format!("value=\"{staff_post}\"")));
    let link = |panel: &str| owned(&[("application_id", &fern), ("panel_id", panel)]);
    let refused = post(&app, &grace, "link_interview_panel", &from, &link(&staff_post)).await;
    let error = form_error(refused).await.expect("refused");
    assert_eq!(error.field_errors()[0].field, "panel_id");

    // Another service's coordinator is told it does not exist; a patient is refused.
    let other = app.add_service("CAS Day Service").await;
    let stranger = app.person_signed_in("ola@example.org", &[(&other, Role::Manager)]).await;
    let answer = post(&app, &stranger, "link_interview_panel", &from, &link(&for_role)).await;
    assert_eq!(form_error(answer).await, Some(AppError::NotFound));
    let patient = app.person_signed_in("pat@example.org", &[(&service, Role::Patient)]).await;
    let answer = post(&app, &patient, "link_interview_panel", &from, &link(&for_role)).await;
    assert_eq!(form_error(answer).await, Some(AppError::Forbidden));

    // Linked: the page shows the panel's date, place and state, and that no outcome is recorded yet.
    ok(&app, &grace, "link_interview_panel", &link(&for_role)).await;
    let shown = page(&app, &grace, &from).await;
    for words in ["21 December 2026, 14:00", "The Limes, Room 2", "Arranged", "Not yet added", "Not recorded yet"] {
        assert!(shown.contains(words), "{words}");
    }
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'application_panel_linked'").await,
        1
    );

    // The panel sits: a trained lived-experience member chairs, the applicant is its candidate, and the
    // outcome it records reaches the application by partnership's one path (`inclusion::api::panel_outcome`).
    app.add_person("robin@example.org", "Robin Hughes", false, &[(&service, Role::Patient)]).await;
    let robin = app.client_signed_in_as("robin@example.org").await;
    ok(
        &app,
        &grace,
        "add_to_panel_pool",
        &owned(&[("service_id", &service), ("email", "robin@example.org"), ("sits", "patient")]),
    )
    .await;
    let pool_id = scalar(&app, "SELECT id FROM panel_pool_member WHERE service_id = $1", &service).await;
    let mut fields = owned(&[("pool_member_id", &pool_id), ("may_chair", "yes")]);
    fields.extend(date_fields("trained_on", "2026-01-10"));
    fields.extend(date_fields("shadowed_on", "2026-02-10"));
    ok(&app, &grace, "record_panel_training", &fields).await;
    let mut fields = owned(&[("panel_id", &for_role), ("name", "Values"), ("minimum", "2")]);
    for n in 0..5 {
        fields.push((format!("means_{n}"), format!("Values at {n}")));
    }
    ok(&app, &grace, "add_panel_criterion", &fields).await;
    let criterion = scalar(&app, "SELECT id FROM panel_criterion WHERE panel_id = $1", &for_role).await;
    ok(
        &app,
        &grace,
        "add_panel_member",
        &owned(&[("panel_id", &for_role), ("pool_member_id", &pool_id), ("chair", "yes")]),
    )
    .await;
    let added = grace
        .post(app.url("/api/add_panel_candidate"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/partnership/panels/{for_role}")))
        .multipart(leaflet_form(&[
            ("panel_id", for_role.clone()),
            ("candidate_name", "Fern Ahmed".into()),
            ("application_id", fern.clone()),
            ("removed", "yes".into()),
        ]))
        .send()
        .await
        .unwrap();
    assert!(added.status().is_redirection(), "add_panel_candidate: {}", added.status());
    assert!(page(&app, &grace, &from).await.contains("Added to the panel as a candidate"));
    let candidate = scalar(&app, "SELECT id FROM panel_candidate WHERE panel_id = $1", &for_role).await;
    ok(&app, &robin, "agree_panel_confidentiality", &owned(&[("panel_id", &for_role), ("agree", "yes")])).await;
    ok(&app, &robin, "declare_panel_interest", &owned(&[("panel_id", &for_role), ("interest", "none")])).await;
    let score = format!("score[c-{candidate}_{criterion}]");
    let evidence = format!("evidence[c-{candidate}_{criterion}]");
    // The panel sits on its day: scores and the outcome are taken from its start (partnership), and its
    // people sign in that day.
    app.set_clock(london("2026-12-21T14:00"));
    let (robin, grace) =
        (app.client_signed_in_as("robin@example.org").await, app.client_signed_in_as("grace@example.org").await);
    ok(
        &app,
        &robin,
        "submit_panel_scores",
        &owned(&[("candidate_id", &candidate), (&score, "4"), (&evidence, "Warm")]),
    )
    .await;
    // The panel page's forms name each candidate's fields apart (`outcome[c-<candidate>]`).
    let (chosen, reasons) = (format!("outcome[c-{candidate}]"), format!("outcome_reasons[c-{candidate}]"));
    let outcome = [("candidate_id", candidate.as_str()), (&chosen, "appoint"), (&reasons, "Met it all")];
    ok(&app, &robin, "record_panel_outcome", &owned(&outcome)).await;

    let shown = page(&app, &grace, &from).await;
    assert!(shown.contains(">Decided<") && shown.contains(">Appoint<"), "the panel's outcome on the page");
    assert_eq!(scalar(&app, "SELECT stage FROM volunteer_application WHERE id = $1", &fern).await, "offered");
    // Past interview, the link is kept and shown but no longer changed.
    let answer = post(&app, &grace, "link_interview_panel", &from, &link("")).await;
    assert!(matches!(form_error(answer).await, Some(AppError::Conflict(_))));
    assert!(page(&app, &grace, &from).await.contains("21 December 2026, 14:00"));
}

/// A coordinator (staff) of a new service, signed in on the app's own client; returns the service id.
async fn coordinator(app: &TestApp, name: &str) -> String {
    let service = app.add_service(name).await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

/// Appoints `email` (a patient account made here) to a new role of the service through the pipeline, as
/// the app's signed-in coordinator; returns (the volunteer's client, the appointment id).
async fn appoint(app: &TestApp, service: &str, title: &str, email: &str, name: &str) -> (Client, String) {
    let (_, slug) = role(app, &app.client, service, title, true).await;
    app.add_person(email, name, false, &[(service, Role::Patient)]).await;
    let id =
        application(app, &app.client, &slug, email, name, &["shortlisted", "interview", "offered", "checks"]).await;
    let mut fields = owned(&[("application_id", &id)]);
    fields.extend(date_fields("starts_on", "2026-09-01"));
    ok(app, &app.client, "appoint_volunteer", &fields).await;
    let appointment = scalar(app, "SELECT id FROM volunteer_appointment WHERE application_id = $1", &id).await;
    (app.client_signed_in_as(email).await, appointment)
}

async fn log(app: &TestApp, client: &Client, appointment: &str, day: &str, hours: &str, what: &str) {
    let mut fields = owned(&[("entry_id", ""), ("appointment_id", appointment), ("hours", hours), ("what", what)]);
    fields.extend(date_fields("worked_on", day));
    let response = post(app, client, "log_hours", "/inclusion/hours", &fields).await;
    assert_eq!(response.status(), 303, "{:?}", form_error(response).await);
}

async fn decide(app: &TestApp, day: &str, decision: &str, note: &str) {
    let entry = scalar(app, "SELECT id FROM volunteer_hours WHERE worked_on = $1", day).await;
    let fields = owned(&[("entry_id", &entry), ("decision", decision), ("note", note)]);
    ok(app, &app.client, "decide_hours", &fields).await;
}

async fn the_volunteers_own_page_shows_their_hours_and_totals(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-11-02T10:00")).await;
    let service = coordinator(&app, "CAS Day Service").await;
    let (sam, appointment) = appoint(&app, &service, "Day service volunteer", "sam@example.org", "Sam Taylor").await;
    let (kim, _) = appoint(&app, &service, "Welcome desk volunteer", "kim@example.org", "Kim Lee").await;

    // Nothing logged yet: totals of nothing, and the way to log some.
    let mine = page(&app, &sam, "/volunteering").await;
    assert!(mine.contains("No hours logged yet.") && mine.contains("href=\"/inclusion/hours\""));

    // October's last day and November's first two: approved, approved, queried.
    log(&app, &sam, &appointment, "2026-10-31", "2", "The cooking group").await;
    log(&app, &sam, &appointment, "2026-11-01", "1:30", "The art group").await;
    log(&app, &sam, &appointment, "2026-11-02", "1", "The welcome desk").await;
    decide(&app, "2026-10-31", "approve", "").await;
    decide(&app, "2026-11-01", "approve", "").await;
    decide(&app, "2026-11-02", "query", "Which desk was this?").await;

    let mine = page(&app, &sam, "/volunteering").await;
    assert!(
        mine.contains("Approved this month: 1.5 hours. Approved this year: 3.5 hours. Waiting or queried: 1 hour."),
        "the totals by local date"
    );
    for words in ["The cooking group", "Approved", "Queried: Which desk was this?", "1 November 2026"] {
        assert!(mine.contains(words), "{words}");
    }
    // Only their own: another volunteer sees none of it.
    let theirs = page(&app, &kim, "/volunteering").await;
    assert!(!theirs.contains("The cooking group") && !theirs.contains("Which desk was this?"));
    assert!(theirs.contains("No hours logged yet."));
}

fn session(
    course: &str,
    when: &str,
    day: &str,
    volunteers: [&str; 3],
    named: [&str; 3],
    patients: &str,
) -> Vec<(String, String)> {
    let mut fields = owned(&[
        ("course_id", course),
        ("when", when),
        ("start", "10:00"),
        ("end", "12:00"),
        ("place", "The Limes, Room 3"),
        ("patients_attending", patients),
        ("others_attending", ""),
        ("staff_facilitators", "Ruth Adeyemi, Tom Hale"),
        ("co_facilitator", volunteers[0]),
        ("co_facilitator_2", volunteers[1]),
        ("co_facilitator_3", volunteers[2]),
        ("named_co_facilitator", named[0]),
        ("named_co_facilitator_2", named[1]),
        ("named_co_facilitator_3", named[2]),
        ("feedback_form", ""),
    ]);
    fields.extend(date_fields("held_on", day));
    fields
}

async fn a_planned_session_is_marked_held_and_counts_each_co_facilitator(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-11-02T10:00")).await;
    let service = coordinator(&app, "Personality Disorder Service").await;
    let (robin, robin_at) = appoint(&app, &service, "Peer co-facilitator", "robin@example.org", "Robin Hughes").await;
    let (_, sky_at) = appoint(&app, &service, "Peer educator", "sky@example.org", "Sky Moss").await;
    let to =
        ok(&app, &app.client, "save_course", &owned(&[("service_id", &service), ("title", "Understanding emotions")]))
            .await;
    let course = to.trim_start_matches("/inclusion/courses/").to_owned();
    let from = format!("/inclusion/courses/{course}");
    let activities = "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'course_session'";

    // Mistakes beside their fields, everything kept: a planned session in the past, a held one to come, the
    // same volunteer twice.
    let past = post(
        &app,
        &app.client,
        "record_session",
        &from,
        &session(&course, "planned", "2026-10-30", ["", "", ""], ["Kit Lawson", "", ""], ""),
    )
    .await;
    let error = form_error(past).await.expect("refused");
    assert_eq!(error.field_errors()[0].field, "held_on_day");
    assert_eq!(error.kept_value("named_co_facilitator"), Some("Kit Lawson"));
    let to_come = post(
        &app,
        &app.client,
        "record_session",
        &from,
        &session(&course, "held", "2026-11-09", ["", "", ""], ["", "", ""], "3"),
    )
    .await;
    assert_eq!(form_error(to_come).await.expect("refused").field_errors()[0].field, "held_on_day");
    let twice = post(
        &app,
        &app.client,
        "record_session",
        &from,
        &session(&course, "planned", "2026-11-09", [&robin_at, &robin_at, ""], ["", "", ""], ""),
    )
    .await;
    let error = form_error(twice).await.expect("refused");
    assert!(error
        .field_errors()
        .iter()
        .any(|e| e.field == "co_facilitator_2" && e.message == "Choose each volunteer once"));

    // Planned for next Monday with two volunteers and two people named: not in the ledger, not counted.
    let planned =
        session(&course, "planned", "2026-11-09", [&robin_at, &sky_at, ""], ["Kit Lawson", "Lee Chan", ""], "");
    assert!(ok(&app, &app.client, "record_session", &planned).await.ends_with("?planned=1"));
    assert_eq!(count(&app, activities).await, 0);
    let figures =
        app::inclusion::api::figures(&app.pool, &service.as_str().into(), "2026-11-01", "2026-12-01").await.unwrap();
    assert_eq!((figures.sessions, figures.co_delivered_sessions), (0, 0));
    let shown = page(&app, &app.client, &from).await;
    assert!(shown.contains("Sessions planned") && shown.contains("Mark a planned session held"));
    for name in ["Robin Hughes (lived experience)", "Sky Moss (lived experience)", "Lee Chan (lived experience)"] {
        assert!(shown.contains(name), "{name}");
    }

    // Robin sees it as planned and cannot log its hours yet.
    let hours = page(&app, &robin, "/inclusion/hours").await;
    assert!(hours.contains("Planned") && !hours.contains("from this session"));
    let session_id = scalar(&app, "SELECT id FROM course_session WHERE course_id = $1", &course).await;
    let early =
        post(&app, &robin, "log_session_hours", "/inclusion/hours", &owned(&[("session_id", &session_id)])).await;
    assert!(matches!(form_error(early).await, Some(AppError::Conflict(_))));

    // Marking it held: a count that is not a number is answered beside the field; before its day, refused.
    let mark = |patients: &str| {
        owned(&[
            ("course_id", &course),
            ("session_id", &session_id),
            ("patients_attending", patients),
            ("others_attending", "1"),
        ])
    };
    let wrong = post(&app, &app.client, "mark_session_held", &from, &mark("lots")).await;
    let error = form_error(wrong).await.expect("refused");
    assert_eq!(error.field_errors()[0].field, "patients_attending");
    assert_eq!(error.kept_value("patients_attending"), Some("lots"));
    let early = post(&app, &app.client, "mark_session_held", &from, &mark("8")).await;
    assert!(matches!(form_error(early).await, Some(AppError::Conflict(_))));

    // On the day: held, in the ledger once, counting each of the four co-facilitators and the eight patients.
    app.set_clock(london("2026-11-09T13:00"));
    // A week on, everyone signs in again.
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let robin = app.client_signed_in_as("robin@example.org").await;
    ok(&app, &app.client, "mark_session_held", &mark("8")).await;
    let again = form_error(post(&app, &app.client, "mark_session_held", &from, &mark("8")).await).await;
    assert!(matches!(again, Some(AppError::Conflict(_))), "once: {again:?}");
    let (patients, others, staff): (i64, i64, i64) = sqlx::query_as(
        "SELECT CAST(patients AS BIGINT), CAST(others AS BIGINT), CAST(staff AS BIGINT) FROM activity
         WHERE source_type = 'course_session'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((patients, others, staff), (4 + 8, 1, 2));
    let lived = "SELECT CAST(COUNT(*) AS BIGINT) FROM activity_participant p JOIN activity a ON a.id = p.activity_id
         WHERE a.source_type = 'course_session' AND p.lived_experience = 1";
    assert_eq!(count(&app, lived).await, 4, "each co-facilitator with lived experience");
    let figures =
        app::inclusion::api::figures(&app.pool, &service.as_str().into(), "2026-11-01", "2026-12-01").await.unwrap();
    assert_eq!((figures.sessions, figures.co_delivered_sessions), (1, 1));

    // Now Robin logs its two hours in one step.
    assert!(page(&app, &robin, "/inclusion/hours").await.contains("Log 2 hours from this session"));
    let logged =
        post(&app, &robin, "log_session_hours", "/inclusion/hours", &owned(&[("session_id", &session_id)])).await;
    assert_eq!(logged.status(), 303);

    // Another service's staff are told the course does not exist.
    let other = app.add_service("CAS Day Service").await;
    let stranger = app.person_signed_in("ola@example.org", &[(&other, Role::Staff)]).await;
    let answer = post(&app, &stranger, "mark_session_held", &from, &mark("8")).await;
    assert_eq!(form_error(answer).await, Some(AppError::NotFound));
}

on_both_engines!(
    an_application_at_interview_is_linked_to_a_panel_that_records_its_outcome,
    the_volunteers_own_page_shows_their_hours_and_totals,
    a_planned_session_is_marked_held_and_counts_each_co_facilitator,
);
