//! Inclusion's second slice (issue 16 §4–§6): references by link (one referee declines, another replaces
//! them; a link used twice or after 30 days refused calmly; one reminder after a week with two app servers),
//! checks that expire (never active with a missing or lapsed check; reminders 60, 30 and 7 days before, each
//! once with two app servers; a lapsed DBS pauses the appointment and its renewal resumes it), the
//! volunteer's own page (pausing themselves and coming back; only their own record; supervision notes for the
//! supervisor and the volunteer alone), another service's staff kept out, and bad input on every new form.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{
    field_values, form_error, location, london, new_client, on_both_engines, spawn_app, spawn_app_at, Backend, TestApp,
};

/// A coordinator (staff) of a new service, signed in on the app's own client; returns the service id.
async fn coordinator(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

async fn post(app: &TestApp, function: &str, from: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.post_form(&format!("/api/{function}"), from, fields).await
}

/// Posts as the coordinator and expects a success.
async fn done(app: &TestApp, function: &str, from: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, function, from, fields).await;
    assert_eq!(response.status(), 303, "{function}: {:?}", form_error(response).await);
    let to = location(&response);
    assert!(!to.starts_with("/sign-in"), "{function}: still signed in");
    to
}

/// The validation error a refused form came back with.
async fn refused(response: reqwest::Response) -> AppError {
    assert_eq!(response.status(), 422, "a refusal with messages");
    assert!(location(&response).is_empty(), "answered in place: nothing typed in an address");
    form_error(response).await.expect("an error")
}

fn message_for(error: &AppError, field: &str) -> String {
    error
        .field_errors()
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
        .unwrap_or_else(|| panic!("no message for {field}: {error:?}"))
}

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&app.pool).await.unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

/// A recruiting role of `service`; returns (role id, slug).
async fn add_role(app: &TestApp, service: &str, title: &str) -> (String, String) {
    let to = done(
        app,
        "save_volunteer_role",
        "/inclusion",
        &[
            ("role_id", ""),
            ("service_id", service),
            ("title", title),
            ("duties", "Welcome people as they arrive and make drinks."),
            ("time_asked", "One day a week"),
            ("place", "Orchard House"),
            ("support", "Supervision once a month"),
            ("expenses", "Travel and lunch"),
            ("lived_experience", "no"),
            ("posts", "2"),
            ("role_state", "recruiting"),
        ],
    )
    .await;
    let id = to.trim_start_matches("/inclusion/roles/").trim_end_matches("?saved=1").to_owned();
    let slug = scalar(app, "SELECT slug FROM volunteer_role WHERE id = $1", &id).await;
    (id, slug)
}

/// Adds a check to the service's list and says the role needs it; returns the check's id.
async fn needs_check(app: &TestApp, service: &str, role: &str, category: &str, name: &str, months: &str) -> String {
    let level = if category == "dbs" { "enhanced" } else { "" };
    done(
        app,
        "add_volunteer_check",
        "/inclusion/checks",
        &[
            ("service_id", service),
            ("category", category),
            ("check_name", name),
            ("valid_months", months),
            ("dbs_level", level),
        ],
    )
    .await;
    let kind = scalar(app, "SELECT id FROM volunteer_check_kind WHERE name = $1", name).await;
    let from = format!("/inclusion/roles/{role}");
    done(app, "set_role_check", &from, &[("role_id", role), ("check_kind_id", &kind), ("needed", "yes")]).await;
    kind
}

/// Applies without an account (both referees with email addresses) and moves the application to `stage`;
/// returns its id.
async fn application_at(app: &TestApp, slug: &str, name: &str, email: &str, stage: &str) -> String {
    let response = new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(&[
            ("role_slug", slug),
            ("name", name),
            ("email", email),
            ("taking_part_as", "patient"),
            ("why", "The service helped me, and I would like to help others feel welcome."),
            ("availability", "Tuesdays"),
            ("referee1_name", "Pat Friend"),
            ("referee1_contact", "pat@example.org"),
            ("referee2_name", "Lee Tutor"),
            ("referee2_contact", "lee@example.org"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let id = scalar(app, "SELECT id FROM volunteer_application WHERE email = $1", email).await;
    let from = format!("/inclusion/applications/{id}");
    for next in ["shortlisted", "interview", "offered", "checks"] {
        done(app, "move_application", &from, &[("application_id", &id), ("stage", next), ("note", "")]).await;
        if next == stage {
            break;
        }
    }
    id
}

/// Appoints an application at "checks" from today; returns the appointment's id.
async fn appoint(app: &TestApp, application: &str) -> String {
    let day = app.clock.today().format("%Y-%m-%d").to_string();
    let from = format!("/inclusion/applications/{application}");
    done(
        app,
        "appoint_volunteer",
        &from,
        &[
            ("application_id", application),
            ("starts_on_day", &day[8..10]),
            ("starts_on_month", &day[5..7]),
            ("starts_on_year", &day[..4]),
        ],
    )
    .await;
    scalar(app, "SELECT id FROM volunteer_appointment WHERE application_id = $1", application).await
}

/// Records a check done on `day` (`YYYY-MM-DD`) for an appointment.
async fn record_check(app: &TestApp, appointment: &str, kind: &str, day: &str, number: &str) -> reqwest::Response {
    let from = format!("/inclusion/appointments/{appointment}");
    let response = post(
        app,
        "record_volunteer_check",
        &from,
        &[
            ("appointment_id", appointment),
            ("check_kind_id", kind),
            ("done_on_day", &day[8..10]),
            ("done_on_month", &day[5..7]),
            ("done_on_year", &day[..4]),
            ("certificate_number", number),
        ],
    )
    .await;
    assert!(!location(&response).starts_with("/sign-in"), "still signed in");
    response
}

async fn status_of(app: &TestApp, appointment: &str) -> (String, String) {
    sqlx::query_as("SELECT status, status_reason FROM volunteer_appointment WHERE id = $1")
        .bind(appointment)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The key in a referee's mail's link.
fn key_in(body: &str) -> String {
    let start = body.find("key=").expect("a link with a key") + "key=".len();
    body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// Posts a referee's form from their link, as a browser without JavaScript does.
async fn as_referee(app: &TestApp, function: &str, key: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("key", key)];
    form.extend_from_slice(fields);
    new_client()
        .post(app.url(&format!("/api/{function}")))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/reference?key={key}")))
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// A second app server on the same database, SMTP server and clock.
async fn second_server(app: &TestApp) -> sqlx::AnyPool {
    let mut settings = continuum::config::Settings::defaults();
    settings.database_url = app.db.url.clone();
    settings.listen = "127.0.0.1:0".parse().unwrap();
    settings.base_url = url::Url::parse("http://127.0.0.1").unwrap();
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", app.mail.port).into());
    settings.mail_retry_ms = 200;
    settings.site_root = continuum_tests::site_root();
    settings.clock = Some(app.clock.clone());
    let server = continuum::startup::Application::build(settings).await.expect("a second server starts");
    let pool = server.pool();
    tokio::spawn(server.run_until_stopped());
    pool
}

/// Runs a housekeeping job on both app servers at once; returns what each did.
async fn on_both_servers<F, Fut>(app: &TestApp, second: &sqlx::AnyPool, job: F) -> (usize, usize)
where
    F: Fn(sqlx::AnyPool, app::clock::Clock, url::Url) -> Fut,
    Fut: std::future::Future<Output = Result<usize, sqlx::Error>>,
{
    let base = url::Url::parse("http://127.0.0.1/").unwrap();
    let one = app.clock.clone().scope(job(app.pool.clone(), app.clock.clone(), base.clone()));
    let two = app.clock.clone().scope(job(second.clone(), app.clock.clone(), base));
    let (one, two) = tokio::join!(one, two);
    (one.expect("first server's job"), two.expect("second server's job"))
}

async fn outbox_with(app: &TestApp, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE subject LIKE $1")
        .bind(format!("%{subject}%"))
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn references_by_link_one_declines_and_a_replacement_gives_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let id = application_at(&app, &slug, "Sam Jones", "sam@example.org", "offered").await;
    let page_path = format!("/inclusion/applications/{id}");
    assert!(app.page(&page_path).await.contains("Ask the referees now"));

    done(&app, "request_references", &page_path, &[("application_id", &id)]).await;
    let pat = app
        .mail
        .wait_for_subject("pat@example.org", "A reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    let lee = app
        .mail
        .wait_for_subject("lee@example.org", "A reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    let (pat_key, lee_key) = (key_in(&pat.body), key_in(&lee.body));
    assert!(!pat.body.contains("Tuesdays"), "nothing the applicant wrote is repeated");
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT key_hash FROM volunteer_reference").fetch_all(&app.pool).await.unwrap();
    assert!(!stored.contains(&pat_key) && !stored.contains(&lee_key), "only hashes are stored");

    // Pat's link shows a short form (not kept by a browser or proxy); Pat gives a reference.
    let opened = app.anonymous_get(&format!("/volunteer/reference?key={pat_key}")).await;
    assert_eq!(opened.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    assert!(pat.body.contains("has applied for the volunteer role Day service volunteer"), "{}", pat.body);
    // Pat's link shows a short form; Pat gives a reference.
    let form = app.anonymous_page(&format!("/volunteer/reference?key={pat_key}")).await;
    assert!(form.contains("A reference for Sam Jones") && form.contains("Send my reference"));
    let given = as_referee(
        &app,
        "give_reference",
        &pat_key,
        &[("known_how", "Neighbour for six years"), ("reference", "Sam is kind and reliable.")],
    )
    .await;
    assert_eq!(given.status(), 303, "{:?}", form_error(given).await);
    assert_eq!(location(&given), "/volunteer/reference?thanks=given", "no key or typed words in the address");

    // Used twice: refused calmly, nothing changed.
    let again = as_referee(&app, "give_reference", &pat_key, &[("known_how", "Again"), ("reference", "Again")]).await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("already been used"));
    assert!(app
        .anonymous_page(&format!("/volunteer/reference?key={pat_key}"))
        .await
        .contains("This link cannot be used"));

    // Lee declines.
    let declined =
        as_referee(&app, "decline_reference", &lee_key, &[("decline_reason", "I do not know Sam well enough")]).await;
    assert_eq!(declined.status(), 303, "{:?}", form_error(declined).await);

    // The coordinator sees which came back, and replaces Lee with another referee.
    let page = app.page(&page_path).await;
    assert!(
        page.contains("Sam is kind and reliable.") && page.contains("Neighbour for six years"),
        "reference shown to staff"
    );
    assert!(page.contains("Declined") && page.contains("I do not know Sam well enough"));
    let lee_ref = scalar(&app, "SELECT id FROM volunteer_reference WHERE referee_email = $1", "lee@example.org").await;
    done(
        &app,
        "replace_referee",
        &page_path,
        &[("reference_id", &lee_ref), ("referee_name", "Jo Mentor"), ("referee_email", "jo@example.org")],
    )
    .await;
    let jo = app
        .mail
        .wait_for_subject("jo@example.org", "A reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    let jo_key = key_in(&jo.body);
    let given = as_referee(
        &app,
        "give_reference",
        &jo_key,
        &[("known_how", "Mentor at college"), ("reference", "Warm and dependable.")],
    )
    .await;
    assert_eq!(given.status(), 303);
    // Lee's link no longer works.
    assert_eq!(as_referee(&app, "decline_reference", &lee_key, &[]).await.status(), 409);
    let states: Vec<(String, String)> =
        sqlx::query_as("SELECT referee_email, state FROM volunteer_reference ORDER BY referee_email")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let page = app.page(&page_path).await;
    assert!(
        page.contains("Declined, then replaced by another referee") && page.contains("I do not know Sam well enough"),
        "a declined referee's reason is kept after they are replaced"
    );
    // The history reads in order: Lee declined (with the reason), then Jo was asked instead.
    let (lee_at, jo_at) = (
        page.find("Declined, then replaced by another referee").unwrap(),
        page.find("instead of Lee Tutor").expect("the replacement says whom it replaced"),
    );
    assert!(lee_at < jo_at, "asked in order");
    assert_eq!(
        states,
        [
            ("jo@example.org".to_owned(), "received".to_owned()),
            ("lee@example.org".to_owned(), "replaced".to_owned()),
            ("pat@example.org".to_owned(), "received".to_owned()),
        ]
    );

    // On to appointment.
    let from = page_path.clone();
    done(&app, "move_application", &from, &[("application_id", &id), ("stage", "checks"), ("note", "")]).await;
    appoint(&app, &id).await;
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action IN ('references_requested', 'reference_received', 'reference_declined', 'referee_replaced')").await,
        5
    );
    // Another service's coordinator cannot see or replace references.
    let other = app.add_service("Another service").await;
    let stranger = app.person_signed_in("other@example.org", &[(&other, Role::Staff)]).await;
    let replaced = stranger
        .post(app.url("/api/replace_referee"))
        .header("origin", &app.address)
        .header("referer", app.url("/inclusion"))
        .form(&[("reference_id", lee_ref.as_str()), ("referee_name", "X"), ("referee_email", "x@example.org")])
        .send()
        .await
        .unwrap();
    assert_eq!(form_error(replaced).await, Some(AppError::NotFound));
}

async fn a_referee_is_reminded_once_and_the_link_ends_after_30_days(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-02-01T10:00")).await;
    let second = second_server(&app).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let id = application_at(&app, &slug, "Sam Jones", "sam@example.org", "shortlisted").await;
    done(&app, "request_references", &format!("/inclusion/applications/{id}"), &[("application_id", &id)]).await;
    let pat = app
        .mail
        .wait_for_subject("pat@example.org", "A reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    let job = |pool, clock, base| async move {
        app::inclusion::references::jobs::queue_reminders(&pool, &clock, &base).await
    };

    app.set_clock(london("2027-02-07T10:00"));
    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "not yet a week");
    app.set_clock(london("2027-02-08T10:30"));
    let (one, two) = on_both_servers(&app, &second, job).await;
    assert_eq!(one + two, 2, "each referee reminded once, by one server");
    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "and never again");
    assert_eq!(outbox_with(&app, "Reminder: a reference for Sam Jones").await, 2);
    let reminder = app
        .mail
        .wait_for_subject("pat@example.org", "Reminder: a reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    assert_ne!(key_in(&reminder.body), key_in(&pat.body), "a second link to the same request");

    // After 30 days the link is refused calmly, on its page and when posted.
    app.set_clock(london("2027-03-04T10:00"));
    let key = key_in(&pat.body);
    let page = app.anonymous_page(&format!("/volunteer/reference?key={key}")).await;
    assert!(page.contains("run out"), "{page}");
    // The coordinator sees the links ran out, never "works until" a day gone by.
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let coordinator_page = app.page(&format!("/inclusion/applications/{id}")).await;
    assert!(coordinator_page.contains("Link ran out without an answer"), "{coordinator_page}");
    assert!(coordinator_page.contains("the link ran out on 3 March 2027"), "{coordinator_page}");
    assert!(!coordinator_page.contains("works until"), "{coordinator_page}");
    let late = as_referee(&app, "give_reference", &key, &[("known_how", "Friend"), ("reference", "Late words")]).await;
    assert_eq!(late.status(), 409);
    assert!(late.text().await.unwrap().contains("links work for 30 days"));
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_reference WHERE state = 'received'").await,
        0
    );
}

async fn a_volunteer_cannot_be_made_active_with_a_missing_or_lapsed_check(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let dbs = needs_check(&app, &service, &role, "dbs", "DBS check", "").await;
    let induction = needs_check(&app, &service, &role, "induction", "Induction", "0").await;
    let months: i64 = sqlx::query_scalar("SELECT CAST(valid_months AS BIGINT) FROM volunteer_check_kind WHERE id = $1")
        .bind(&dbs)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(months, 36, "DBS lasts 3 years by default");
    let application = application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await;
    let appointment = appoint(&app, &application).await;
    assert_eq!(status_of(&app, &appointment).await, ("paused".to_owned(), "waiting for checks".to_owned()));

    let page_path = format!("/inclusion/appointments/{appointment}");
    let make_active = [("appointment_id", appointment.as_str()), ("status", "active"), ("reason", "")];
    let error = refused(post(&app, "set_appointment_status", &page_path, &make_active).await).await;
    assert_eq!(
        message_for(&error, "status"),
        "The volunteer cannot be active until every check the role needs is in date: DBS check (Enhanced) and Induction"
    );

    // A DBS issued more than three years ago has lapsed: still refused.
    let today = app.clock.today();
    let old = (today - chrono::Duration::days(3 * 366)).format("%Y-%m-%d").to_string();
    assert_eq!(record_check(&app, &appointment, &dbs, &old, "001234567890").await.status(), 303);
    let error = refused(post(&app, "set_appointment_status", &page_path, &make_active).await).await;
    assert!(message_for(&error, "status").ends_with("DBS check (Enhanced) and Induction"));
    assert!(app.page(&page_path).await.contains("Lapsed"));

    // Both in date: recording the last resumes the appointment on its own.
    let recent = (today - chrono::Duration::days(10)).format("%Y-%m-%d").to_string();
    assert_eq!(record_check(&app, &appointment, &dbs, &recent, "001234567891").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await.0, "paused", "induction still missing");
    assert_eq!(record_check(&app, &appointment, &induction, &recent, "").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await, ("active".to_owned(), String::new()));
    let superseded = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_check WHERE superseded = 1").await;
    assert_eq!(superseded, 1, "the lapsed record is kept, superseded");
}

async fn check_reminders_60_30_and_7_days_before_go_once_with_two_app_servers(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-01-10T09:00")).await;
    let second = second_server(&app).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let training = needs_check(&app, &service, &role, "training", "Safeguarding adults", "12").await;
    let application = application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await;
    let appointment = appoint(&app, &application).await;
    // Done on 15 March 2026, lasting 12 months: expires on 15 March 2027.
    assert_eq!(record_check(&app, &appointment, &training, "2026-03-15", "").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await.0, "active");
    let job =
        |pool, clock, base| async move { app::inclusion::checks::jobs::queue_reminders(&pool, &clock, &base).await };

    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "64 days ahead: nothing yet");
    for (day, days) in [("2027-01-14T09:00", 60), ("2027-02-13T09:00", 30), ("2027-03-08T09:00", 7)] {
        app.set_clock(london(day));
        let (one, two) = on_both_servers(&app, &second, job).await;
        assert_eq!(one + two, 2, "{days} days before: the volunteer's and the coordinator's, once");
        assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "{days} days before: never twice");
    }
    assert_eq!(outbox_with(&app, "Safeguarding adults needs renewing").await, 3, "the volunteer's three");
    assert_eq!(outbox_with(&app, "A volunteer's Safeguarding adults runs out").await, 3, "the coordinator's three");
    let to_coordinator: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = 'grace@example.org' AND subject LIKE '%runs out on%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(to_coordinator, 3, "the coordinator who appointed them");
    let mail =
        app.mail.wait_for_subject("sam@example.org", "needs renewing before", std::time::Duration::from_secs(15)).await;
    assert!(mail.body.contains("15 March 2027"), "the local date: {}", mail.body);
}

async fn a_lapsed_dbs_pauses_the_appointment_and_renewal_resumes_it(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-06-01T09:00")).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let dbs = needs_check(&app, &service, &role, "dbs", "DBS check", "").await;
    let application = application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await;
    let appointment = appoint(&app, &application).await;
    // Sam had no account: appointing invited them to make one, and the appointment is linked to it.
    assert_eq!(outbox_with(&app, "You have been invited to Continuum").await, 1);
    let linked = scalar(
        &app,
        "SELECT p.email FROM volunteer_appointment a JOIN person p ON p.id = a.person_id WHERE a.id = $1",
        &appointment,
    )
    .await;
    assert_eq!(linked, "sam@example.org");
    // Issued 10 June 2024: expires 10 June 2027.
    assert_eq!(record_check(&app, &appointment, &dbs, "2024-06-10", "001234567890").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await.0, "active");
    let pause = |app: &TestApp| {
        let (pool, clock) = (app.pool.clone(), app.clock.clone());
        async move { clock.clone().scope(app::inclusion::checks::jobs::pause_lapsed(&pool, &clock)).await.unwrap() }
    };

    app.set_clock(london("2027-06-09T23:30"));
    assert_eq!(pause(&app).await, 0, "in date on its last day");
    app.set_clock(london("2027-06-10T00:30"));
    assert_eq!(pause(&app).await, 1);
    assert_eq!(status_of(&app, &appointment).await, ("paused".to_owned(), "check lapsed".to_owned()));
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_appointment").await, 1, "never deleted");
    assert_eq!(pause(&app).await, 0, "paused once");

    // The coordinator (signed in again: nine days passed) sees the day it ran out as gone, not still to come.
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let page = app.page(&format!("/inclusion/appointments/{appointment}")).await;
    assert!(page.contains("Expired on 10 June 2027") && page.contains("Lapsed"), "{page}");
    assert!(!page.contains("Expires 10 June 2027"), "a past day never reads as still to come");

    // Renewal resumes it, and the page says when the new one expires.
    assert_eq!(record_check(&app, &appointment, &dbs, "2027-06-10", "009876543210").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await, ("active".to_owned(), String::new()));
    let page = app.page(&format!("/inclusion/appointments/{appointment}")).await;
    assert!(page.contains("Expires 10 June 2030") && !page.contains("Expired on"), "{page}");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'appointment_status_changed'")
            .await,
        3,
        "the resume on the first record, the pause and the resume on renewal, each audited"
    );
}

async fn an_older_check_is_kept_as_history_and_the_status_is_right_at_once(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-06-01T09:00")).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let dbs = needs_check(&app, &service, &role, "dbs", "DBS check", "").await;
    let application = application_at(&app, &slug, "Alex Tester", "alex@example.org", "checks").await;
    let appointment = appoint(&app, &application).await;
    // Issued 1 January 2026: in date until 1 January 2029.
    assert_eq!(record_check(&app, &appointment, &dbs, "2026-01-01", "001234567890").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await.0, "active");

    // An older certificate (it lapsed on 1 January 2026) is kept as history; the newer one still holds.
    assert_eq!(record_check(&app, &appointment, &dbs, "2023-01-01", "000000000001").await.status(), 303);
    let current: Vec<(String, i64)> = sqlx::query_as(
        "SELECT done_on, CAST(superseded AS BIGINT) FROM volunteer_check WHERE appointment_id = $1 ORDER BY done_on",
    )
    .bind(&appointment)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(current, [("2023-01-01".to_owned(), 1), ("2026-01-01".to_owned(), 0)], "the newest by date done holds");
    assert_eq!(status_of(&app, &appointment).await.0, "active");

    // A training the role now needs: held back at once (tester 16d, finding 3), not at the next housekeeping
    // run; recorded with a date that has already lapsed, the reason says so.
    let training = needs_check(&app, &service, &role, "training", "Safeguarding adults", "12").await;
    assert_eq!(status_of(&app, &appointment).await, ("paused".to_owned(), "waiting for checks".to_owned()));
    assert_eq!(record_check(&app, &appointment, &training, "2025-01-01", "").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await, ("paused".to_owned(), "check lapsed".to_owned()));
    // Its renewal resumes it.
    assert_eq!(record_check(&app, &appointment, &training, "2027-05-01", "").await.status(), 303);
    assert_eq!(status_of(&app, &appointment).await.0, "active");
}

async fn a_check_reminder_always_reaches_a_coordinator_and_says_to_phone(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-01-10T09:00")).await;
    let service = coordinator(&app).await;
    app.add_person("mo@example.org", "Mo Manager", false, &[(&service, Role::Manager)]).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let training = needs_check(&app, &service, &role, "training", "Safeguarding adults", "12").await;
    // Applied by phone only: no email address, so no account.
    let response = new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(&[
            ("role_slug", slug.as_str()),
            ("name", "Priya Nair"),
            ("email", ""),
            ("phone", "07700 900 123"),
            ("taking_part_as", "patient"),
            ("why", "To help others."),
            ("availability", "Tuesdays"),
            ("referee1_name", "Pat Friend"),
            ("referee1_contact", "pat@example.org"),
            ("referee2_name", "Lee Tutor"),
            ("referee2_contact", "lee@example.org"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{:?}", form_error(response).await);
    let id = scalar(&app, "SELECT id FROM volunteer_application WHERE name = $1", "Priya Nair").await;
    let from = format!("/inclusion/applications/{id}");
    for next in ["shortlisted", "interview", "offered", "checks"] {
        done(&app, "move_application", &from, &[("application_id", &id), ("stage", next), ("note", "")]).await;
    }
    let appointment = appoint(&app, &id).await;
    // Done on 15 March 2026, lasting 12 months: expires on 15 March 2027.
    assert_eq!(record_check(&app, &appointment, &training, "2026-03-15", "").await.status(), 303);
    // The coordinator who appointed her has left (their account disabled): the service's managers are told.
    sqlx::query("UPDATE person SET disabled_at = '2027-01-01T00:00:00.000000Z' WHERE email = 'grace@example.org'")
        .execute(&app.pool)
        .await
        .unwrap();
    let run = |app: &TestApp| {
        let (pool, clock) = (app.pool.clone(), app.clock.clone());
        let base = url::Url::parse("http://127.0.0.1/").unwrap();
        async move {
            clock.clone().scope(app::inclusion::checks::jobs::queue_reminders(&pool, &clock, &base)).await.unwrap()
        }
    };
    app.set_clock(london("2027-01-14T09:00"));
    assert_eq!(run(&app).await, 1, "60 days before: the manager, since Priya has no email address");
    let (to, body): (String, String) = sqlx::query_as(
        "SELECT to_address, body_text FROM outbox_mail WHERE subject LIKE '%Safeguarding adults runs out%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(to, "mo@example.org");
    assert!(body.contains("please phone them on 07700 900 123"), "{body}");

    // Nobody left to tell: the reminder is not marked sent, and goes once someone can be told.
    sqlx::query("DELETE FROM role_grant WHERE role = 'manager'").execute(&app.pool).await.unwrap();
    app.set_clock(london("2027-02-13T09:00"));
    assert_eq!(run(&app).await, 0);
    let claimed: Option<String> =
        sqlx::query_scalar("SELECT reminded_30_at FROM volunteer_check WHERE appointment_id = $1")
            .bind(&appointment)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(claimed.is_none(), "a reminder that reached nobody is not claimed as sent");
    sqlx::query("UPDATE service SET duty_inbox = 'duty@example.org' WHERE id = $1")
        .bind(&service)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(run(&app).await, 1, "the service's duty inbox, as the last resort");
    assert_eq!(run(&app).await, 0, "once");
}

async fn a_volunteer_sees_only_their_own_record_and_pauses_and_comes_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Volunteer)]).await;
    app.add_person("kit@example.org", "Kit Lane", false, &[(&service, Role::Volunteer)]).await;
    let sam_application = application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await;
    let sam_appointment = appoint(&app, &sam_application).await;
    let kit_application = application_at(&app, &slug, "Kit Lane", "kit@example.org", "checks").await;
    let kit_appointment = appoint(&app, &kit_application).await;

    // The coordinator names a supervisor and records a session with notes.
    let page_path = format!("/inclusion/appointments/{sam_appointment}");
    let grace = scalar(&app, "SELECT id FROM person WHERE email = $1", "grace@example.org").await;
    done(
        &app,
        "set_volunteer_supervisor",
        &page_path,
        &[("appointment_id", &sam_appointment), ("supervisor_id", &grace)],
    )
    .await;
    let today = app.clock.today().format("%Y-%m-%d").to_string();
    done(
        &app,
        "record_supervision",
        &page_path,
        &[
            ("appointment_id", &sam_appointment),
            ("held_on_day", &today[8..10]),
            ("held_on_month", &today[5..7]),
            ("held_on_year", &today[..4]),
            ("notes", "Talked about pacing the week"),
        ],
    )
    .await;
    assert!(app.page(&page_path).await.contains("Talked about pacing the week"), "the supervisor reads the notes");
    // Another member of staff sees the date, not the notes.
    let colleague = app.person_signed_in("ali@example.org", &[(&service, Role::Staff)]).await;
    let seen = colleague.get(app.url(&page_path)).send().await.unwrap().text().await.unwrap();
    assert!(seen.contains("with Grace Okafor") && !seen.contains("Talked about pacing the week"), "date only");

    // Sam's own page: the role, the supervisor and the notes.
    let sam = app.client_signed_in_as("sam@example.org").await;
    let mine = sam.get(app.url("/volunteering")).send().await.unwrap().text().await.unwrap();
    assert!(
        mine.contains("Day service volunteer")
            && mine.contains("Grace Okafor")
            && mine.contains("Talked about pacing the week")
    );
    assert!(mine.contains("I need a break"));

    // Kit cannot pause Sam's role (it does not exist for them), nor read Sam's appointment page.
    let kit = app.client_signed_in_as("kit@example.org").await;
    let theirs = kit
        .post(app.url("/api/pause_my_volunteering"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteering"))
        .form(&[("appointment_id", sam_appointment.as_str()), ("reason", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(form_error(theirs).await, Some(AppError::NotFound));
    assert_eq!(kit.get(app.url(&page_path)).send().await.unwrap().status(), 403);
    let kit_page = kit.get(app.url("/volunteering")).send().await.unwrap().text().await.unwrap();
    assert!(!kit_page.contains("Talked about pacing the week"));
    // A coordinator of another service gets 404.
    let other = app.add_service("Another service").await;
    let stranger = app.person_signed_in("other@example.org", &[(&other, Role::Staff)]).await;
    assert_eq!(stranger.get(app.url(&page_path)).send().await.unwrap().status(), 404);

    // Sam pauses themselves, with a reason, and comes back without reapplying.
    let paused = sam
        .post(app.url("/api/pause_my_volunteering"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteering"))
        .form(&[("appointment_id", sam_appointment.as_str()), ("reason", "A hard month")])
        .send()
        .await
        .unwrap();
    assert_eq!(paused.status(), 303, "{:?}", form_error(paused).await);
    assert_eq!(location(&paused), "/volunteering?paused=1", "the reason is not in the address");
    assert_eq!(
        status_of(&app, &sam_appointment).await,
        ("paused".to_owned(), "taking a break: A hard month".to_owned())
    );
    let mine = sam.get(app.url("/volunteering?paused=1")).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains("Come back") && mine.contains("Your break has started"));
    let back = sam
        .post(app.url("/api/come_back_to_volunteering"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteering"))
        .form(&[("appointment_id", sam_appointment.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), 303);
    assert_eq!(status_of(&app, &sam_appointment).await, ("active".to_owned(), String::new()));
    assert_eq!(status_of(&app, &kit_appointment).await.0, "active", "Kit's untouched");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'appointment_status_changed'")
            .await,
        2
    );
}

async fn bad_input_on_every_new_form_has_its_message_and_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;

    let error = refused(
        post(
            &app,
            "add_volunteer_check",
            "/inclusion/checks",
            &[
                ("service_id", &service),
                ("category", "dbs"),
                ("check_name", "Typed check"),
                ("valid_months", "999"),
                ("dbs_level", ""),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        message_for(&error, "valid_months"),
        "Enter how many months it lasts, from 0 (it does not expire) to 120"
    );
    assert_eq!(message_for(&error, "dbs_level"), "Choose the level of the DBS check");
    assert_eq!(error.kept_value("check_name"), Some("Typed check"));
    let page = post(
        &app,
        "add_volunteer_check",
        "/inclusion/checks",
        &[("service_id", &service), ("check_name", "Typed check")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(
        page.contains("Choose what kind of check it is")
            && field_values(&page).contains(&("check_name".to_owned(), "Typed check".to_owned()))
    );

    let dbs = needs_check(&app, &service, &role, "dbs", "DBS check", "").await;
    let application = application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await;
    done(
        &app,
        "request_references",
        &format!("/inclusion/applications/{application}"),
        &[("application_id", &application)],
    )
    .await;
    let appointment = appoint(&app, &application).await;
    let tomorrow = (app.clock.today() + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let error = refused(record_check(&app, &appointment, &dbs, &tomorrow, "12 34").await).await;
    assert_eq!(message_for(&error, "done_on_day"), "Date done must be today or in the past");
    assert_eq!(message_for(&error, "certificate_number"), "The DBS certificate number must be 12 digits");
    assert_eq!(error.kept_value("certificate_number"), Some("12 34"));

    let from = format!("/inclusion/appointments/{appointment}");
    let error = refused(
        post(
            &app,
            "set_appointment_status",
            &from,
            &[("appointment_id", &appointment), ("status", "ended"), ("reason", "")],
        )
        .await,
    )
    .await;
    assert_eq!(message_for(&error, "reason"), "Enter why the appointment ended");
    let error = refused(
        post(
            &app,
            "record_supervision",
            &from,
            &[
                ("appointment_id", &appointment),
                ("held_on_day", "31"),
                ("held_on_month", "2"),
                ("held_on_year", "2026"),
                ("notes", "Typed notes"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(message_for(&error, "held_on_day"), "Date of the session must be a real date");
    assert_eq!(error.kept_value("notes"), Some("Typed notes"));

    let reference =
        scalar(&app, "SELECT id FROM volunteer_reference WHERE referee_email = $1", "lee@example.org").await;
    let error = refused(
        post(
            &app,
            "replace_referee",
            &format!("/inclusion/applications/{application}"),
            &[("reference_id", &reference), ("referee_name", ""), ("referee_email", "not an address")],
        )
        .await,
    )
    .await;
    assert_eq!(message_for(&error, "referee_name"), "Enter the new referee's name");
    assert_eq!(
        message_for(&error, "referee_email"),
        "Enter an email address in the correct format, like name@example.com"
    );
    assert_eq!(error.kept_value("referee_email"), Some("not an address"));

    let mail = app
        .mail
        .wait_for_subject("pat@example.org", "A reference for Sam Jones", std::time::Duration::from_secs(15))
        .await;
    let key = key_in(&mail.body);
    let response = as_referee(&app, "give_reference", &key, &[("known_how", "Typed how"), ("reference", "")]).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Enter your reference") && page.contains("Typed how"), "the message and what was typed");
    let long = "x".repeat(501);
    let error = refused(as_referee(&app, "decline_reference", &key, &[("decline_reason", &long)]).await).await;
    assert_eq!(message_for(&error, "decline_reason"), "The reason must be 500 characters or fewer");

    // The volunteer's own form (Sam was invited to make an account when appointed): a reason too long.
    sqlx::query("UPDATE person SET password_hash = (SELECT password_hash FROM person WHERE email = 'grace@example.org') WHERE email = 'sam@example.org'")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE volunteer_appointment SET status = 'active'").execute(&app.pool).await.unwrap();
    let sam = app.client_signed_in_as("sam@example.org").await;
    let response = sam
        .post(app.url("/api/pause_my_volunteering"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteering"))
        .form(&[("appointment_id", appointment.as_str()), ("reason", &format!("Typed-{long}"))])
        .send()
        .await
        .unwrap();
    let error = refused(response).await;
    assert_eq!(message_for(&error, "reason"), "The reason must be 500 characters or fewer");
}

/// Tester 16d, finding 3: a check a role comes to need holds back at once everyone active in it without the
/// check ("waiting for checks", never "lapsed"), the housekeeping finds any the page did not, and a volunteer
/// back from a break is treated exactly as those who stayed; recording the check lets each start again.
async fn a_check_newly_needed_holds_back_everyone_without_it_alike(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    app.add_person("kit@example.org", "Kit Lane", false, &[(&service, Role::Volunteer)]).await;
    let sam = appoint(&app, &application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await).await;
    let kit = appoint(&app, &application_at(&app, &slug, "Kit Lane", "kit@example.org", "checks").await).await;
    let active = ("active".to_owned(), String::new());
    let waiting = ("paused".to_owned(), "waiting for checks".to_owned());
    assert_eq!((status_of(&app, &sam).await, status_of(&app, &kit).await), (active.clone(), active.clone()));

    // Kit takes a break; then the role comes to need fire safety training, which nobody has.
    let kit_client = app.client_signed_in_as("kit@example.org").await;
    let volunteer_post = |function: &'static str, fields: Vec<(&'static str, String)>| {
        let request = kit_client
            .post(app.url(&format!("/api/{function}")))
            .header("origin", &app.address)
            .header("referer", app.url("/volunteering"))
            .form(&fields);
        async move { request.send().await.unwrap() }
    };
    let paused =
        volunteer_post("pause_my_volunteering", vec![("appointment_id", kit.clone()), ("reason", String::new())]).await;
    assert_eq!(paused.status(), 303);
    let fire = needs_check(&app, &service, &role, "training", "Fire safety", "12").await;
    assert_eq!(status_of(&app, &sam).await, waiting, "held back at once, as not done yet");
    let sams_page = app.page(&format!("/inclusion/appointments/{sam}")).await;
    assert!(sams_page.contains("waiting for checks") && sams_page.contains("Not done yet"));

    // Kit comes back: exactly where Sam is, not worse ("lapsed").
    let back = volunteer_post("come_back_to_volunteering", vec![("appointment_id", kit.clone())]).await;
    assert_eq!(location(&back), "/volunteering?came_back=waiting");
    assert_eq!(status_of(&app, &kit).await, waiting);
    let page = kit_client.get(app.url("/volunteering?came_back=waiting")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("a check you have not done yet") && !page.contains("has run out"));

    // Recording the training lets each start again.
    let today = app.clock.today().format("%Y-%m-%d").to_string();
    for appointment in [&sam, &kit] {
        assert_eq!(record_check(&app, appointment, &fire, &today, "").await.status(), 303);
        assert_eq!(status_of(&app, appointment).await, active);
    }

    // A check needed by some other way than the role's page (here the database call itself) is found by the
    // housekeeping, with the same reason.
    done(
        &app,
        "add_volunteer_check",
        "/inclusion/checks",
        &[
            ("service_id", &service),
            ("category", "induction"),
            ("check_name", "Induction"),
            ("valid_months", "0"),
            ("dbs_level", ""),
        ],
    )
    .await;
    let induction = scalar(&app, "SELECT id FROM volunteer_check_kind WHERE name = $1", "Induction").await;
    let mut conn = app.pool.acquire().await.unwrap();
    app::inclusion::checks::db::set_role_check(&mut conn, &role.clone().into(), &induction.into(), true).await.unwrap();
    drop(conn);
    let paused =
        app.clock.clone().scope(app::inclusion::checks::jobs::pause_lapsed(&app.pool, &app.clock)).await.unwrap();
    assert_eq!(paused, 2);
    assert_eq!((status_of(&app, &sam).await, status_of(&app, &kit).await), (waiting.clone(), waiting));
}

/// Tester 16d, findings 4 and 7: a replaced referee is told they were replaced, and once an application is not
/// taken forward (or withdrawn) its referees are not reminded and their links are refused kindly (409).
async fn referees_of_a_closed_application_are_left_alone_and_a_replaced_one_is_told(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-02-01T10:00")).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let id = application_at(&app, &slug, "Sam Jones", "sam@example.org", "shortlisted").await;
    let page_path = format!("/inclusion/applications/{id}");
    done(&app, "request_references", &page_path, &[("application_id", &id)]).await;
    let wait = std::time::Duration::from_secs(15);
    let pat = app.mail.wait_for_subject("pat@example.org", "A reference for Sam Jones", wait).await;
    let lee = app.mail.wait_for_subject("lee@example.org", "A reference for Sam Jones", wait).await;

    let lee_ref = scalar(&app, "SELECT id FROM volunteer_reference WHERE referee_email = $1", "lee@example.org").await;
    let replace =
        [("reference_id", lee_ref.as_str()), ("referee_name", "Jo Mentor"), ("referee_email", "jo@example.org")];
    done(&app, "replace_referee", &page_path, &replace).await;
    let lee_key = key_in(&lee.body);
    let page = app.anonymous_page(&format!("/volunteer/reference?key={lee_key}")).await;
    assert!(page.contains("asked someone else") && !page.contains("already been used"), "{page}");
    let late = as_referee(&app, "give_reference", &lee_key, &[("known_how", "Friend"), ("reference", "Words")]).await;
    assert_eq!(late.status(), 409);
    assert!(late.text().await.unwrap().contains("asked someone else"));

    done(
        &app,
        "move_application",
        &page_path,
        &[("application_id", &id), ("stage", "not_taken_forward"), ("note", "")],
    )
    .await;
    let pat_key = key_in(&pat.body);
    let page = app.anonymous_page(&format!("/volunteer/reference?key={pat_key}")).await;
    assert!(page.contains("no longer going ahead"), "{page}");
    assert!(!page.contains("not taken forward") && !page.contains("withdrawn"), "the applicant's business");
    let late = as_referee(&app, "give_reference", &pat_key, &[("known_how", "Friend"), ("reference", "Words")]).await;
    assert_eq!(late.status(), 409);
    app.set_clock(london("2027-02-09T10:00"));
    let reminded = app
        .clock
        .clone()
        .scope(app::inclusion::references::jobs::queue_reminders(
            &app.pool,
            &app.clock,
            &url::Url::parse("http://127.0.0.1/").unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(reminded, 0, "nobody is chased for a closed application");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_reference WHERE state = 'received'").await,
        0
    );
}

/// Tester 16d, finding 5 and the lows: a volunteer waiting for checks is told so on appointment and cannot log
/// hours until cleared (beside the field, everything kept); a break and a query on hours are mailed; what a
/// volunteer writes (an answer on hours, a reason for a break) is screened.
async fn a_volunteer_waiting_for_checks_logs_no_hours_and_breaks_and_queries_are_mailed(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role, slug) = add_role(&app, &service, "Day service volunteer").await;
    let dbs = needs_check(&app, &service, &role, "dbs", "DBS check", "").await;
    app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Volunteer)]).await;
    let appointment = appoint(&app, &application_at(&app, &slug, "Sam Jones", "sam@example.org", "checks").await).await;
    let welcome = app.mail.wait_for_subject("sam@example.org", "Welcome", std::time::Duration::from_secs(15)).await;
    assert!(
        welcome.body.contains("needs some checks first") && welcome.body.contains("do not come in"),
        "{}",
        welcome.body
    );

    let sam = app.client_signed_in_as("sam@example.org").await;
    let today = app.clock.today().format("%Y-%m-%d").to_string();
    let log = || {
        let fields = [
            ("entry_id", ""),
            ("appointment_id", appointment.as_str()),
            ("worked_on_day", &today[8..10]),
            ("worked_on_month", &today[5..7]),
            ("worked_on_year", &today[..4]),
            ("hours", "4"),
            ("what", "First day on the ward"),
            ("answer", ""),
        ];
        sam.post(app.url("/api/log_hours"))
            .header("origin", &app.address)
            .header("referer", app.url("/inclusion/hours"))
            .form(&fields)
            .send()
    };
    let refused_hours = log().await.unwrap();
    assert_eq!(refused_hours.status(), 422);
    let page = refused_hours.text().await.unwrap();
    assert!(page.contains("it starts once the checks it needs are done"), "beside the role");
    assert!(field_values(&page).contains(&("what".to_owned(), "First day on the ward".to_owned())), "kept");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_hours").await, 0);

    // Cleared: the hours are logged; the supervisor's question reaches Sam by mail.
    let recent = (app.clock.today() - chrono::Duration::days(5)).format("%Y-%m-%d").to_string();
    assert_eq!(record_check(&app, &appointment, &dbs, &recent, "001234567890").await.status(), 303);
    assert_eq!(log().await.unwrap().status(), 303);
    let entry = scalar(&app, "SELECT id FROM volunteer_hours WHERE appointment_id = $1", &appointment).await;
    let from = format!("/inclusion/hours/{entry}");
    done(&app, "decide_hours", &from, &[("entry_id", &entry), ("decision", "query"), ("note", "Which ward was it?")])
        .await;
    let asked = app
        .mail
        .wait_for_subject("sam@example.org", "A question about hours", std::time::Duration::from_secs(15))
        .await;
    assert!(asked.body.contains(&from) && !asked.body.contains("Which ward"), "{}", asked.body);
    // Sam's answer is read by the screener, as an application is.
    let answer = [
        ("entry_id", entry.as_str()),
        ("appointment_id", ""),
        ("worked_on_day", &today[8..10]),
        ("worked_on_month", &today[5..7]),
        ("worked_on_year", &today[..4]),
        ("hours", "4"),
        ("what", "First day on the ward"),
        ("answer", "Ward 3. Honestly I want to end my life"),
    ];
    let answered = sam
        .post(app.url("/api/log_hours"))
        .header("origin", &app.address)
        .header("referer", app.url(&from))
        .form(&answer)
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 303, "{:?}", form_error(answered).await);
    let flags =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag WHERE source_type = 'volunteer_hours' AND outcome IS NULL";
    assert_eq!(count(&app, flags).await, 1);

    // Sam takes a break: the coordinator is told, without Sam's words.
    let paused = sam
        .post(app.url("/api/pause_my_volunteering"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteering"))
        .form(&[("appointment_id", appointment.as_str()), ("reason", "A hard month, I feel like ending it all")])
        .send()
        .await
        .unwrap();
    assert_eq!(paused.status(), 303);
    let flags =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag WHERE source_type = 'volunteer_break' AND outcome IS NULL";
    assert_eq!(count(&app, flags).await, 1, "the reason is screened");
    assert!(app.page("/consultation/review").await.contains("ending it all"), "and read in the review queue");
    let told = app
        .mail
        .wait_for_subject("grace@example.org", "Sam Jones is taking a break", std::time::Duration::from_secs(15))
        .await;
    assert!(
        told.body.contains(&format!("/inclusion/appointments/{appointment}")) && !told.body.contains("A hard month")
    );
}

on_both_engines!(
    an_older_check_is_kept_as_history_and_the_status_is_right_at_once,
    a_check_reminder_always_reaches_a_coordinator_and_says_to_phone,
    references_by_link_one_declines_and_a_replacement_gives_one,
    a_referee_is_reminded_once_and_the_link_ends_after_30_days,
    a_volunteer_cannot_be_made_active_with_a_missing_or_lapsed_check,
    check_reminders_60_30_and_7_days_before_go_once_with_two_app_servers,
    a_lapsed_dbs_pauses_the_appointment_and_renewal_resumes_it,
    a_volunteer_sees_only_their_own_record_and_pauses_and_comes_back,
    bad_input_on_every_new_form_has_its_message_and_keeps_what_was_typed,
    a_check_newly_needed_holds_back_everyone_without_it_alike,
    referees_of_a_closed_application_are_left_alone_and_a_replaced_one_is_told,
    a_volunteer_waiting_for_checks_logs_no_hours_and_breaks_and_queries_are_mailed,
);
