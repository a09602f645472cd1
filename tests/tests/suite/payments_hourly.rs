//! Partnership §7, involvement payments paid by the hour: an hourly rate pays the activity's real length as
//! the ledger records it (`LedgerSource::length_minutes`), in whole pence rounded half up, or the rate card's
//! hours paid when the activity has no length; a per-session rate ignores the length; a co-delivered session
//! across the spring clock change pays the minutes its instants say; an unanswered offer follows its meeting's
//! new end and an answered one keeps its amount; the person's page, the manager's page and the finance CSV show
//! the hours paid, to the penny.

use app::accounts::types::{PersonId, Role, ServiceId};
use app::ledger::api::{LedgerSource, NewActivity, Participant, SourceKind, TakingPartAs};
use app::ledger::types::{ActivityKind, ContinuumLevel, Participants};
use continuum_tests::{form_error, location, london, on_both_engines, spawn_app, spawn_app_at, Backend, TestApp};
use reqwest::{header, Client, Response};

fn day(offset: i64) -> String {
    (app::clock::today_date() + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string()
}

async fn post(app: &TestApp, client: &Client, function: &str, from: &str, fields: &[(&str, &str)]) -> Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(from))
        .form(&continuum_tests::typed_dates(fields, &["term_start", "day"]))
        .send()
        .await
        .expect("POST")
}

/// Posts and expects success (a redirect onwards); returns where to.
async fn ok(app: &TestApp, client: &Client, function: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, client, function, "/payments", fields).await;
    let status = response.status();
    let to = location(&response);
    assert!(status.is_redirection(), "{function}: {status} {:?}", form_error(response).await);
    to
}

struct World {
    service: String,
    manager: Client,
    staff: Client,
    patient: Client,
    patient_id: String,
    group_id: String,
}

/// A service with a manager, a member of staff and a patient; a steering group of the patient and the member
/// of staff; and a rate card paying steering group meetings £20.00 an hour (3 hours when there is no length).
async fn world(app: &TestApp) -> World {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("manager@example.org", "Grace Manager", false, &[(&service, Role::Manager)]).await;
    app.add_person("sol@example.org", "Sol Staff", false, &[(&service, Role::Staff)]).await;
    let patient = app.add_person("pat@example.org", "Pat Patient", false, &[(&service, Role::Patient)]).await;
    let manager = app.client_signed_in_as("manager@example.org").await;
    let staff = app.client_signed_in_as("sol@example.org").await;
    let patient_client = app.client_signed_in_as("pat@example.org").await;
    let to = ok(
        app,
        &staff,
        "save_group",
        &[
            ("group_id", ""),
            ("service_id", &service),
            ("name", "Steering group"),
            ("purpose", "Shapes the service"),
            ("terms_of_reference", "## Quorum\n\nTwo members."),
            ("quorum_present", "2"),
            ("quorum_lived", "1"),
            ("papers_due_days", ""),
        ],
    )
    .await;
    let group_id = to.trim_start_matches("/participation/groups/").to_owned();
    let start = day(-60);
    for (email, kind) in [("pat@example.org", "patient"), ("sol@example.org", "staff")] {
        let fields = [
            ("group_id", group_id.as_str()),
            ("account_email", email),
            ("member_name", ""),
            ("organisation", ""),
            ("member_type", kind),
            ("position", "member"),
            ("term_start", &start),
            ("access_needs", ""),
        ];
        ok(app, &staff, "add_group_member", &fields).await;
    }
    let w = World { service, manager, staff, patient: patient_client, patient_id: patient.id, group_id };
    rate(app, &w, "steering_group_meeting", "hour", "20.00").await;
    w
}

/// Sets the rate card's line for `kind`: `basis` (`hour` or `session`), the amount, and 3 hours paid.
async fn rate(app: &TestApp, w: &World, kind: &str, basis: &str, amount: &str) {
    let fields = [
        ("service_id", w.service.as_str()),
        ("activity_kind", kind),
        ("basis", basis),
        ("amount", amount),
        ("hours", "3"),
    ];
    ok(app, &w.manager, "save_payment_rate", &fields).await;
}

/// A meeting of the group on `on` from `start` to `end` (local), everyone present, marked held: the ledger
/// records it through participation's own `MeetingHeld`. Returns its id.
async fn held_meeting(app: &TestApp, w: &World, on: &str, start: &str, end: &str) -> String {
    let to = ok(
        app,
        &w.staff,
        "schedule_meeting",
        &[("group_id", &w.group_id), ("day", on), ("start", start), ("end", end), ("place", "Room 2")],
    )
    .await;
    let meeting = to.trim_start_matches("/participation/meetings/").to_owned();
    everyone_present(app, w, &meeting).await;
    ok(app, &w.staff, "set_meeting_status", &[("meeting_id", &meeting), ("status", "held")]).await;
    meeting
}

/// Records every member present at the meeting (again: an attendance correction records the ledger again).
async fn everyone_present(app: &TestApp, w: &World, meeting: &str) {
    let members: Vec<String> = sqlx::query_scalar("SELECT id FROM group_member WHERE group_id = $1")
        .bind(&w.group_id)
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let mut fields = vec![("meeting_id".to_owned(), meeting.to_owned())];
    fields.extend(members.iter().map(|id| (format!("attendance[m-{id}]"), "present".to_owned())));
    let response = w
        .staff
        .post(app.url("/api/record_attendance"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/participation/meetings/{meeting}")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let to = location(&response);
    assert!(to.ends_with("?attendance=1"), "{to} {:?}", form_error(response).await);
}

async fn make_offers(app: &TestApp) -> usize {
    app.clock
        .clone()
        .scope(app::partnership::payments::server::make_offers(
            &app.pool,
            &app.address.parse::<url::Url>().expect("a base URL"),
        ))
        .await
        .expect("offers")
}

/// The offer for a source record (a meeting, a session): (id, offered pence, minutes paid, rate per hour,
/// status, what it offered before a change).
type OfferRow = (String, i64, Option<i64>, Option<i64>, String, Option<i64>);

async fn offer_for(app: &TestApp, source_id: &str) -> OfferRow {
    sqlx::query_as(
        "SELECT o.id, o.offered_pence, o.paid_minutes, o.hourly_rate_pence, o.status, o.repriced_from_pence
         FROM payment_offer o JOIN activity a ON a.id = o.activity_id WHERE a.source_id = $1",
    )
    .bind(source_id)
    .fetch_one(&app.pool)
    .await
    .expect("one offer")
}

async fn length_of(app: &TestApp, source_id: &str) -> Option<i64> {
    sqlx::query_scalar("SELECT length_minutes FROM activity WHERE source_id = $1")
        .bind(source_id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// An activity whose source knows no times (as a focus group or a panel with only its start), with the
/// patient taking part.
struct NoTimes {
    id: String,
    service: String,
    day: String,
    person: String,
}

impl LedgerSource for NoTimes {
    const KIND: SourceKind = SourceKind::Demo;
    fn source_id(&self) -> &str {
        &self.id
    }
    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: ServiceId::from(self.service.clone()),
            level: ContinuumLevel::Partnership,
            kind: ActivityKind::InterviewPanel,
            title: "Interview panel".into(),
            happened_on: self.day.clone(),
            participants: Participants { patients: 1, carers: 0, staff: 0, others: 0 },
            purpose: String::new(),
            outcome: String::new(),
            recorded_by: None,
        }
    }
    fn participants(&self) -> Option<Vec<Participant>> {
        Some(vec![Participant {
            person_id: Some(self.person.clone()),
            name: "Pat Patient".into(),
            taking_part_as: TakingPartAs::Patient,
            lived_experience: true,
        }])
    }
}

async fn an_hourly_rate_pays_each_meetings_real_length_to_the_penny(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let long = held_meeting(&app, &w, &day(-2), "18:00", "19:45").await;
    let short = held_meeting(&app, &w, &day(-3), "18:00", "18:50").await;
    assert_eq!(length_of(&app, &long).await, Some(105), "the ledger keeps the meeting's length");
    assert_eq!(make_offers(&app).await, 2, "one offer each, to the patient (not the staff member)");
    let (long_offer, pence, minutes, per_hour, _, _) = offer_for(&app, &long).await;
    assert_eq!((pence, minutes, per_hour), (3500, Some(105), Some(2000)), "1 h 45 min at £20.00 is £35.00 exactly");
    let (short_offer, pence, minutes, _, _, _) = offer_for(&app, &short).await;
    assert_eq!((pence, minutes), (1667, Some(50)), "50 minutes at £20.00 is 1,666.67p: £16.67");
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("offers you £35.00 for taking part: 1 h 45 min at £20.00 an hour"), "{page}");
    assert!(page.contains("offers you £16.67 for taking part: 50 min at £20.00 an hour"), "{page}");

    // A per-session rate ignores the length.
    rate(&app, &w, "steering_group_meeting", "session", "25.00").await;
    let session = held_meeting(&app, &w, &day(-4), "10:00", "12:30").await;
    assert_eq!(make_offers(&app).await, 1);
    let (_, pence, minutes, per_hour, _, _) = offer_for(&app, &session).await;
    assert_eq!((pence, minutes, per_hour), (2500, None, None), "a session's amount, whatever its length");
    assert_eq!(offer_for(&app, &long).await.1, 3500, "a change of the card does not re-price an offer");

    // An activity with no recorded length pays the card's hours paid.
    rate(&app, &w, "interview_panel", "hour", "20.00").await;
    let panel =
        NoTimes { id: "panel-1".into(), service: w.service.clone(), day: day(-5), person: w.patient_id.clone() };
    let mut conn = app.pool.acquire().await.unwrap();
    app::ledger::api::record(&mut conn, &panel, None).await.expect("recorded");
    drop(conn);
    assert_eq!(length_of(&app, "panel-1").await, None);
    assert_eq!(make_offers(&app).await, 1);
    let (_, pence, minutes, _, _, _) = offer_for(&app, "panel-1").await;
    assert_eq!((pence, minutes), (6000, Some(180)), "3 hours at £20.00");

    // The manager's page and the finance CSV show the hours paid, and total to the penny.
    for offer in [&long_offer, &short_offer] {
        ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", offer), ("choice", "accept")]).await;
        ok(&app, &w.manager, "review_payment_item", &[("item", "offer"), ("item_id", offer), ("decision", "approve")])
            .await;
    }
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(manage.contains("(offered £35.00: 1 h 45 min at £20.00 an hour)"), "{manage}");
    assert!(manage.contains("Hours paid when the activity has no recorded length (hourly rates only)"), "{manage}");
    let text =
        w.manager.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap().text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Type,Paid through,Name,Payment reference,Date,What for,Hours paid,Amount (GBP)", "{text}");
    assert!(lines.iter().any(|l| l.ends_with(",1 h 45 min at £20.00 an hour,35.00")), "{text}");
    assert!(lines.iter().any(|l| l.ends_with(",50 min at £20.00 an hour,16.67")), "{text}");
    assert_eq!(lines.last().copied(), Some("Total,,,,,,,51.67"), "{text}");
}

/// Moves a held meeting's end (no form changes a held meeting's times yet: a correction of the stored times)
/// and records attendance again, which records the meeting in the ledger again, as any correction does.
async fn move_end(app: &TestApp, w: &World, meeting: &str, end: &str) {
    sqlx::query("UPDATE group_meeting SET ends_at = SUBSTR(starts_at, 1, 11) || $2 WHERE id = $1")
        .bind(meeting)
        .bind(end)
        .execute(&app.pool)
        .await
        .unwrap();
    everyone_present(app, w, meeting).await;
}

async fn an_unanswered_offer_follows_the_meetings_new_end_and_an_answered_one_keeps_its_amount(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let open = held_meeting(&app, &w, &day(-2), "18:00", "19:45").await;
    let declined = held_meeting(&app, &w, &day(-9), "18:00", "19:00").await;
    assert_eq!(make_offers(&app).await, 2);
    let (declined_offer, ..) = offer_for(&app, &declined).await;
    ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", &declined_offer), ("choice", "decline")]).await;

    // The meeting ran to 20:00: the open offer follows, at the rate it was made at, and says what it was.
    rate(&app, &w, "steering_group_meeting", "hour", "99.00").await;
    move_end(&app, &w, &open, "20:00").await;
    move_end(&app, &w, &declined, "20:00").await;
    assert_eq!(length_of(&app, &open).await, Some(120));
    assert_eq!(make_offers(&app).await, 0, "no new offers");
    let (open_offer, pence, minutes, per_hour, status, was) = offer_for(&app, &open).await;
    assert_eq!((pence, minutes, per_hour, status.as_str(), was), (4000, Some(120), Some(2000), "offered", Some(3500)));
    assert_eq!(offer_for(&app, &declined).await.1, 2000, "a declined offer keeps its amount");
    let repriced: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'payment_offer_repriced' AND subject_id = $1",
    )
    .bind(&open_offer)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(repriced, 1, "the change is audited");
    assert_eq!(make_offers(&app).await, 0);
    assert_eq!(offer_for(&app, &open).await.1, 4000, "and made once");

    // The weekly cap warns on the new amount.
    ok(&app, &w.patient, "set_weekly_cap", &[("weekly_cap", "39.00")]).await;
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("offers you £40.00 for taking part: 2 h at £20.00 an hour"), "{page}");
    assert!(page.contains("The offer was £35.00 before the activity's recorded length changed."), "{page}");
    assert!(page.contains("Over your weekly limit") && page.contains("so accepting £40.00 would take you over it"));

    // Accepted, it keeps its amount when the meeting's end changes again.
    ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", &open_offer), ("choice", "accept")]).await;
    move_end(&app, &w, &open, "18:30").await;
    assert_eq!(length_of(&app, &open).await, Some(30));
    make_offers(&app).await;
    let (_, pence, minutes, _, status, _) = offer_for(&app, &open).await;
    assert_eq!((pence, minutes, status.as_str()), (4000, Some(120), "accepted"));
    let accepted: Option<i64> = sqlx::query_scalar("SELECT accepted_pence FROM payment_offer WHERE id = $1")
        .bind(&open_offer)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(accepted, Some(4000));
}

async fn a_session_across_the_spring_clock_change_pays_its_real_length(backend: Backend) {
    // The clocks go forward at 01:00 on Sunday 29 March 2026 (UK): 00:30 to 03:30 is 3 hours on the wall
    // clock and 2 hours of real time; 09:00 to 12:00 that day is 3 hours.
    let app = spawn_app_at(backend, london("2026-03-30T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("manager@example.org", "Grace Manager", false, &[(&service, Role::Manager)]).await;
    let jo = app.add_person("jo@example.org", "Jo Rivers", false, &[(&service, Role::Patient)]).await;
    let manager = app.client_signed_in_as("manager@example.org").await;
    let fields = [
        ("service_id", service.as_str()),
        ("activity_kind", "co_delivered_session"),
        ("basis", "hour"),
        ("amount", "15.00"),
        ("hours", "1"),
    ];
    ok(&app, &manager, "save_payment_rate", &fields).await;
    let service_id = ServiceId::from(service.clone());
    let people = [(Some(PersonId::from(jo.id.clone())), "Jo Rivers".to_owned())];
    for (id, starts_at, ends_at) in [("night", "00:30", "03:30"), ("morning", "09:00", "12:00")] {
        let held = app::inclusion::sources::CoDeliveredSessionHeld {
            id,
            service_id: &service_id,
            course_title: "Understanding emotions",
            held_on: "2026-03-29",
            starts_at,
            ends_at,
            co_facilitators: &people,
            patients_attending: 8,
            others_attending: 1,
            staff: 1,
        };
        let mut conn = app.pool.acquire().await.unwrap();
        app.clock.clone().scope(app::ledger::api::record(&mut conn, &held, None)).await.expect("recorded");
    }
    assert_eq!(length_of(&app, "night").await, Some(120), "real time, not the wall clock's 3 hours");
    assert_eq!(length_of(&app, "morning").await, Some(180));
    assert_eq!(make_offers(&app).await, 2);
    let (_, pence, minutes, ..) = offer_for(&app, "night").await;
    assert_eq!((pence, minutes), (3000, Some(120)), "2 hours at £15.00");
    let (_, pence, minutes, ..) = offer_for(&app, "morning").await;
    assert_eq!((pence, minutes), (4500, Some(180)), "3 hours at £15.00");
}

/// An hourly rate for a kind whose length the ledger always records (meetings, co-delivered sessions) is paid
/// for that length, so the card asks no "hours paid" for it; a kind with none (an interview panel) still needs
/// them (tester 17c, finding 5).
async fn hours_paid_are_asked_only_where_the_activity_has_no_recorded_length(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    for kind in ["steering_group_meeting", "co_delivered_session"] {
        let fields = [
            ("service_id", w.service.as_str()),
            ("activity_kind", kind),
            ("basis", "hour"),
            ("amount", "20.00"),
            ("hours", ""),
        ];
        ok(&app, &w.manager, "save_payment_rate", &fields).await;
    }
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(manage.contains("£20.00 an hour for the activity"), "{manage}");
    assert!(!manage.contains("when it has none"), "no hours on the card where the length is recorded");
    let meeting = held_meeting(&app, &w, &day(-2), "18:00", "19:45").await;
    assert_eq!(make_offers(&app).await, 1);
    assert_eq!(offer_for(&app, &meeting).await.1, 3500, "1 h 45 min at £20.00, from the meeting's own length");
    let fields = [
        ("service_id", w.service.as_str()),
        ("activity_kind", "interview_panel"),
        ("basis", "hour"),
        ("amount", "20.00"),
        ("hours", ""),
    ];
    let response = post(&app, &w.manager, "save_payment_rate", "/payments/manage", &fields).await;
    assert_eq!(response.status(), 422, "a panel has no recorded length: its hours are needed");
    let page = response.text().await.unwrap();
    let error = continuum_tests::error_on_page(422, &page);
    assert!(error.field_errors().iter().any(|e| e.field == "hours"), "{error:?}");
    for loose in ["+3", "3.0"] {
        let fields = [
            ("service_id", w.service.as_str()),
            ("activity_kind", "interview_panel"),
            ("basis", "hour"),
            ("amount", "20.00"),
            ("hours", loose),
        ];
        let response = post(&app, &w.manager, "save_payment_rate", "/payments/manage", &fields).await;
        assert_eq!(response.status(), 422, "hours of {loose}");
    }
}

on_both_engines!(
    an_hourly_rate_pays_each_meetings_real_length_to_the_penny,
    an_unanswered_offer_follows_the_meetings_new_end_and_an_answered_one_keeps_its_amount,
    a_session_across_the_spring_clock_change_pays_its_real_length,
    hours_paid_are_asked_only_where_the_activity_has_no_recorded_length,
);
