//! The service's own clock: dates and times people see and enter are in the deployment's time zone
//! (`Europe/London` here), across both clock changes, and what is sent matches the moment it is read. Every
//! test stops the app's clock at a chosen instant and moves it; none waits.

use std::time::Duration;

use app::accounts::types::Role;
use continuum_tests::{form_error, location, london, on_both_engines, spawn_app_at, token_in, utc, Backend, TestApp};

const MAIL: Duration = Duration::from_secs(15);

/// A member of staff of a new service, signed in on the app's own client; returns the service id.
async fn staff(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

/// Saves an event as staff (`event_id` empty for a new one); returns the response.
async fn save_event(
    app: &TestApp,
    event_id: &str,
    service: &str,
    title: &str,
    day: &str,
    start: &str,
    description: &str,
) -> reqwest::Response {
    app.post_form(
        "/api/save_event",
        "/information/events/new",
        &[
            ("event_id", event_id),
            ("service_id", service),
            ("title", title),
            ("description", description),
            ("day_day", &day[8..10]),
            ("day_month", &day[5..7]),
            ("day_year", &day[..4]),
            ("start", start),
            ("end", "16:00"),
            ("place", "The day service, 1 High Street"),
            ("capacity", "20"),
        ],
    )
    .await
}

/// A new event on `day` at `start`; returns its slug.
async fn add_event(app: &TestApp, service: &str, title: &str, day: &str, start: &str) -> String {
    let response = save_event(app, "", service, title, day, start, "Come and meet the team.").await;
    let to = location(&response);
    assert!(to.starts_with("/events/"), "{to} {:?}", form_error(response).await);
    to.trim_start_matches("/events/").to_owned()
}

async fn register(app: &TestApp, slug: &str, name: &str, email: &str) -> reqwest::Response {
    continuum_tests::new_client()
        .post(app.url("/api/register_for_event"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/events/{slug}")))
        .form(&[("event_slug", slug), ("name", name), ("email", email), ("access_needs", "")])
        .send()
        .await
        .unwrap()
}

/// Signs staff in again after the clock moved past their session's end.
async fn sign_in_again(app: &TestApp) {
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

async fn a_response_at_half_past_midnight_in_summer_is_dated_that_day(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-06-30T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let open = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let until_june = app.open_feedback_form(&staff, &service, "June survey", "fft", "anonymous").await;
    let last_day = staff
        .post(app.url("/api/set_form_state"))
        .header("origin", &app.address)
        .form(&[
            ("form_id", until_june.id.as_str()),
            ("state", "open"),
            ("open_until_day", "30"),
            ("open_until_month", "6"),
            ("open_until_year", "2027"),
        ])
        .send()
        .await
        .unwrap();
    assert!(last_day.status().is_redirection(), "{:?}", form_error(last_day).await);

    // 23:30 UTC on 30 June is 00:30 British Summer Time on 1 July.
    app.set_clock(utc("2027-06-30T23:30Z"));
    let thanks = app.submit_feedback(&open, &[(0, "very_good")]).await;
    assert_eq!(thanks.status(), 200);
    let refused = app.submit_feedback(&until_june, &[(0, "very_good")]).await.text().await.unwrap();

    let day: String =
        sqlx::query_scalar("SELECT submitted_on FROM feedback_response").fetch_one(&app.pool).await.unwrap();
    assert_eq!(day, "2027-07-01", "dated by the local day");
    assert!(refused.contains("closed"), "a form whose last day was 30 June takes nothing on 1 July: {refused}");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 1);
    let service = service.into();
    let quarter = app::consultation::api::responses_received(&app.pool, &service, "2027-07-01", "2027-10-01");
    assert_eq!(quarter.await.unwrap().patients, 1, "counted in July's quarter (a patient's: the form does not ask)");
}

async fn dates_turn_over_at_local_midnight_on_both_sides_of_the_march_change(backend: Backend) {
    let app = spawn_app_at(backend, utc("2027-03-28T00:30Z")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;

    // 00:30 GMT on Sunday 28 March, before the clocks go forward at 01:00 UTC.
    assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    // 23:30 UTC that Sunday is 00:30 BST on Monday 29 March.
    app.set_clock(utc("2027-03-28T23:30Z"));
    assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);

    let days: Vec<String> = sqlx::query_scalar("SELECT submitted_on FROM feedback_response ORDER BY submitted_on")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(days, ["2027-03-28", "2027-03-29"]);
}

async fn reminders_go_at_nine_local_time_across_both_clock_changes(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-20T12:00")).await;
    let service = staff(&app).await;
    // Each event's reminder is due at 09:00 local the day before: GMT, BST, BST and GMT respectively.
    let events = [
        ("Spring open day", "2027-03-28", "spring@example.org", "2027-03-27T09:00Z"),
        ("Monday open day", "2027-03-29", "monday@example.org", "2027-03-28T08:00Z"),
        ("Autumn open day", "2027-10-31", "autumn@example.org", "2027-10-30T08:00Z"),
        ("November open day", "2027-11-01", "november@example.org", "2027-10-31T09:00Z"),
    ];
    for (title, day, email, _) in events {
        let slug = add_event(&app, &service, title, day, "10:00").await;
        assert!(location(&register(&app, &slug, "Jamie Reed", email).await).contains("?registered="));
    }

    for (title, _, email, due) in events {
        app.set_clock(utc(due) - chrono::Duration::minutes(1));
        assert_eq!(app.queue_reminders().await, 0, "{title}: nothing at 08:59 local");
        app.set_clock(utc(due));
        assert_eq!(app.queue_reminders().await, 1, "{title}: its reminder at 09:00 local");
        app.mail.wait_for_subject(email, &format!("Reminder: {title} is tomorrow"), MAIL).await;
    }

    // The hour the clocks skip cannot be chosen; the one they repeat can.
    app.set_clock(london("2027-03-20T12:00"));
    sign_in_again(&app).await;
    let skipped = save_event(&app, "", &service, "Night walk", "2027-03-28", "01:30", "").await;
    let error = format!("{:?}", form_error(skipped).await);
    assert!(error.contains("the clocks go forward"), "{error}");
    add_event(&app, &service, "Night walk", "2027-10-31", "01:30").await;
}

async fn a_late_registration_gets_no_reminder_and_is_promised_none(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-07-09T08:00")).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, "Open day", "2027-07-10", "14:00").await;

    register(&app, &slug, "Early Bird", "early@example.org").await;
    let early = app.mail.wait_for_subject("early@example.org", "You are registered: Open day", MAIL).await;
    app.set_clock(london("2027-07-09T10:00"));
    register(&app, &slug, "Late Comer", "late@example.org").await;
    let late = app.mail.wait_for_subject("late@example.org", "You are registered: Open day", MAIL).await;

    assert!(early.body.contains("reminder the day before"), "{}", early.body);
    assert!(!late.body.contains("reminder"), "no reminder is promised after 09:00 the day before: {}", late.body);
    assert_eq!(app.queue_reminders().await, 1, "the day before: the early registration only");
    app.set_clock(london("2027-07-10T09:30"));
    assert_eq!(app.queue_reminders().await, 0, "on the day itself nobody is told it is tomorrow");
    app.set_clock(london("2027-07-10T09:35"));
    assert_eq!(app.queue_reminders().await, 0);
    let reminded: Vec<String> =
        sqlx::query_scalar("SELECT email FROM event_registration WHERE reminded_at IS NOT NULL")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(reminded, ["early@example.org"]);
}

async fn moving_an_event_tells_everyone_registered_and_its_old_address_still_works(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-07-01T12:00")).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, "Open day", "2027-07-20", "10:00").await;
    assert_eq!(slug, "open-day-2027-07-20");
    let event_id: String = sqlx::query_scalar("SELECT id FROM event").fetch_one(&app.pool).await.unwrap();
    register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    register(&app, &slug, "Sam Taylor", "sam@example.org").await;
    register(&app, &slug, "No Email", "").await;
    app.set_clock(london("2027-07-19T10:00"));
    assert_eq!(app.queue_reminders().await, 2);
    let first_reminder = app.mail.wait_for_subject("jamie@example.org", "Reminder: Open day is tomorrow", MAIL).await;
    sign_in_again(&app).await;

    let moved =
        save_event(&app, &event_id, &service, "Open day", "2027-07-27", "11:00", "Come and meet the team.").await;

    assert_eq!(location(&moved), "/events/open-day-2027-07-27", "{:?}", form_error(moved).await);
    let subject = "Open day has moved to Tuesday 27 July 2027";
    let told = app.mail.wait_for_subject("jamie@example.org", subject, MAIL).await;
    app.mail.wait_for_subject("sam@example.org", subject, MAIL).await;
    assert!(told.body.contains("Tuesday 27 July 2027, 11:00 to 16:00"), "{}", told.body);
    assert!(told.body.contains("It was: Tuesday 20 July 2027, 10:00 to 16:00"), "{}", told.body);
    let cancel = app.anonymous_page(&format!("/events/cancel?token={}", token_in(&told.body))).await;
    assert!(cancel.contains("Cancel my place"), "the mail's own link cancels");
    let old_reminder = app.anonymous_page(&format!("/events/cancel?token={}", token_in(&first_reminder.body))).await;
    assert!(old_reminder.contains("Cancel my place"), "links sent before the move still work");
    let old_address = app.anonymous_page("/events/open-day-2027-07-20").await;
    assert!(old_address.contains("Tuesday 27 July 2027"), "the old address shows the event as it is now");
    let poster = app.anonymous_page("/posters/events/open-day-2027-07-20").await;
    assert!(poster.contains("/events/open-day-2027-07-27"), "a poster's code leads to the new address");

    // Reminders are for the new date; a change to the words alone tells nobody.
    app.set_clock(london("2027-07-26T09:30"));
    assert_eq!(app.queue_reminders().await, 2, "each registration is reminded for the new date");
    sign_in_again(&app).await;
    save_event(&app, &event_id, &service, "Open day", "2027-07-27", "11:00", "Now with lunch.").await;
    let changes = "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE subject LIKE 'Open day has%'";
    assert_eq!(count(&app, changes).await, 2, "only the move was mailed");
    // Moving back takes its first address again.
    app.set_clock(london("2027-07-01T12:00"));
    sign_in_again(&app).await;
    let back = save_event(&app, &event_id, &service, "Open day", "2027-07-20", "11:00", "Now with lunch.").await;
    assert_eq!(location(&back), "/events/open-day-2027-07-20");
    assert!(app.anonymous_page("/events/open-day-2027-07-27").await.contains("Tuesday 20 July 2027"));
}

on_both_engines!(
    a_response_at_half_past_midnight_in_summer_is_dated_that_day,
    dates_turn_over_at_local_midnight_on_both_sides_of_the_march_change,
    reminders_go_at_nine_local_time_across_both_clock_changes,
    a_late_registration_gets_no_reminder_and_is_promised_none,
    moving_an_event_tells_everyone_registered_and_its_old_address_still_works,
);
