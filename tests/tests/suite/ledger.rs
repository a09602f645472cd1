//! The involvement ledger: recording, validation, who may see what, the audit trail, and the ledger API that
//! other capabilities call.

use app::{
    accounts::types::Role,
    error::AppError,
    ledger::{
        api::{self as ledger_api, LedgerSource, Participant, SourceKind, TakingPartAs},
        db::{self as ledger_db, NewActivity},
        types::{ActivityKind, ContinuumLevel, Participants},
    },
};
use continuum_tests::{form_error, location, on_both_engines, spawn_app, Backend};

fn open_day(service: &str) -> Vec<(&'static str, String)> {
    vec![
        ("service_id", service.to_owned()),
        ("level", "information".into()),
        ("kind", "open_day".into()),
        ("title", "Open day at the day service".into()),
        ("happened_on_day", "3".into()),
        ("happened_on_month", "10".into()),
        ("happened_on_year", "2026".into()),
        ("patients", "14".into()),
        ("carers", "6".into()),
        ("staff", "4".into()),
        ("others", "".into()),
        ("purpose", "To show new patients the day service".into()),
        ("outcome", "Three people asked to join the steering group".into()),
    ]
}

fn as_refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn staff_record_an_activity_and_see_it_in_the_ledger(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);

    let response = app.post_form("/api/record_activity", "/ledger/new", &as_refs(&open_day(&service))).await;

    let to = location(&response);
    assert!(to.starts_with("/ledger/") && to.ends_with("?saved=1"), "{to}");
    let page = app.page(&to).await;
    assert!(page.contains("Open day at the day service"));
    assert!(page.contains("14 patients, 6 carers, 4 staff, 0 others"));
    assert!(page.contains("Recorded on") && page.contains("Grace Okafor"), "the history names who recorded it");
    let ledger = app.page("/ledger?level=information").await;
    assert!(ledger.contains("Open day at the day service"));
    assert!(!app.page("/ledger?level=partnership").await.contains("Open day at the day service"));
}

async fn a_date_missing_its_month_is_marked_on_that_box_and_every_box_keeps_its_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let mut fields = open_day(&service);
    fields[4].1 = "27".into();
    fields[5].1 = String::new();
    fields[6].1 = "2o26".into();

    let response = app.post_form("/api/record_activity", "/ledger/new", &as_refs(&fields)).await;

    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap().replace("<!>", "");
    assert!(page.contains("Date it happened must include a month"), "the NHS.UK message");
    assert!(page.contains(r##"<a href="#record_activity--happened_on_month">"##), "the summary links to the empty box");
    assert_eq!(
        page.matches("Date it happened must include a month").count(),
        2,
        "once in the summary, once above the boxes"
    );
    assert!(
        page.contains(
            r#"id="record_activity--happened_on_day" name="happened_on_day" type="text" inputmode="numeric" value="27""#
        ),
        "the day is kept"
    );
    assert!(
        page.contains(r#"id="record_activity--happened_on_year" name="happened_on_year" type="text" inputmode="numeric" value="2o26""#),
        "the year is kept as typed"
    );
    assert!(page.contains("For example, 27 3 2026"), "the hint");

    // A form that posts no date at all (an old page, a hand-made request) gets the message too.
    let without: Vec<(&str, &str)> =
        as_refs(&fields).into_iter().filter(|(f, _)| !f.starts_with("happened_on")).collect();
    let response = app.post_form("/api/record_activity", "/ledger/new", &without).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("Enter the date it happened"));
    let stored: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM activity").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 0);
}

async fn a_wrong_level_or_kind_gets_a_clear_message_and_the_form_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let mut fields = open_day(&service);
    fields[1].1 = "collaboration".into();
    fields[2].1 = "party".into();
    fields[7].1 = "several".into();

    let response = app.post_form("/api/record_activity", "/ledger/new", &as_refs(&fields)).await;

    assert_eq!(response.status(), 422, "the form comes back with its messages");
    assert_eq!(location(&response), "", "and not by a redirect");
    let page = response.text().await.unwrap();
    let error = continuum_tests::error_on_page(422, &page);
    let messages: Vec<&str> = error.field_errors().iter().map(|f| f.message.as_str()).collect();
    assert!(messages
        .contains(&"Choose a continuum level: information, consultation, participation, inclusion or partnership"));
    assert!(messages.contains(&"Choose what kind of activity it was"));
    assert!(messages.contains(&"Enter the number of patients as a whole number, like 12"));
    assert!(page.contains("There is a problem"));
    assert!(page.contains(r#"value="Open day at the day service""#), "the title typed is kept");
    assert!(page.contains("Three people asked to join the steering group"), "the outcome typed is kept");
    let stored: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM activity").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 0);
}

async fn staff_of_one_service_cannot_see_or_edit_another_services_activities(backend: Backend) {
    let app = spawn_app(backend).await;
    let pd = app.add_service("Personality Disorder Service").await;
    let day = app.add_service("CAS Day Service").await;
    let theirs = app.add_activity(&pd, "participation", "2026-09-01", 6, 0).await;
    let outsider = app.person_signed_in("tom@example.org", &[(&day, Role::Staff)]).await;
    let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
        let client = outsider.clone();
        let (url, origin) = (app.url(path), app.address.clone());
        async move {
            client
                .post(url)
                .header("origin", origin)
                .header("referer", "http://127.0.0.1/ledger")
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };

    let detail = outsider.get(app.url(&format!("/ledger/{theirs}"))).send().await.unwrap();
    assert_eq!(detail.status(), 404, "another service's activity is not even shown to exist");
    let list = outsider.get(app.url(&format!("/ledger?service_id={pd}"))).send().await.unwrap();
    assert_eq!(list.status(), 403);
    let all = outsider.get(app.url("/ledger")).send().await.unwrap().text().await.unwrap();
    assert!(!all.contains("participation activity"), "the unfiltered ledger shows only their own service");
    let mut edit = open_day(&pd);
    edit.remove(0);
    edit.push(("activity_id", theirs.clone()));
    assert_eq!(form_error(post("/api/update_activity", edit).await).await, Some(AppError::NotFound));
    assert_eq!(
        form_error(post("/api/delete_activity", vec![("activity_id", theirs.clone())]).await).await,
        Some(AppError::NotFound)
    );
    assert_eq!(form_error(post("/api/record_activity", open_day(&pd)).await).await, Some(AppError::Forbidden));
    let title: String = sqlx::query_scalar("SELECT title FROM activity WHERE id = $1")
        .bind(&theirs)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(title, "participation activity on 2026-09-01", "unchanged");
}

async fn patients_never_see_the_ledger(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as(Role::Patient).await;

    assert_eq!(app.get("/ledger").await.status(), 403);
    assert_eq!(app.get("/ledger/new").await.status(), 403);
}

async fn edits_and_deletions_are_kept_in_the_audit_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let recorded = app.post_form("/api/record_activity", "/ledger/new", &as_refs(&open_day(&service))).await;
    let id = location(&recorded).trim_start_matches("/ledger/").trim_end_matches("?saved=1").to_owned();

    let mut changed = open_day(&service);
    changed.remove(0);
    changed[2].1 = "Open day with the steering group".into();
    changed.push(("activity_id", id.clone()));
    let updated = app.post_form("/api/update_activity", "/ledger/x/edit", &as_refs(&changed)).await;
    assert_eq!(location(&updated), format!("/ledger/{id}?saved=1"));
    let page = app.page(&format!("/ledger/{id}")).await;
    assert!(page.contains("Open day with the steering group"));
    assert!(page.contains("Changed on"));
    let deleted = app.post_form("/api/delete_activity", "/ledger/x", &[("activity_id", &id)]).await;
    assert_eq!(location(&deleted), "/ledger?deleted=1");

    let trail: Vec<(String, String)> = sqlx::query_as(
        "SELECT action, detail FROM audit_event WHERE subject_type = 'activity' AND subject_id = $1 ORDER BY at",
    )
    .bind(&id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let actions: Vec<&str> = trail.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(actions, ["activity_recorded", "activity_changed", "activity_deleted"]);
    assert!(
        trail[1].1.contains("Open day at the day service") && trail[1].1.contains("Open day with the steering group"),
        "before and after"
    );
    assert!(trail[2].1.contains("Open day with the steering group"), "what was deleted");
    assert_eq!(app.get(&format!("/ledger/{id}")).await.status(), 404);
}

async fn the_ledger_api_links_a_source_and_records_it_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let mut activity = NewActivity {
        service_id: service.clone().into(),
        level: ContinuumLevel::Information,
        kind: ActivityKind::OpenDay,
        title: "Spring open day".into(),
        happened_on: "2026-04-18".into(),
        participants: Participants { patients: 9, carers: 3, staff: 4, others: 0 },
        purpose: String::new(),
        outcome: String::new(),
        recorded_by: None,
    };

    let sam = Participant {
        person_id: None,
        name: "Sam (a named visitor)".into(),
        taking_part_as: TakingPartAs::Patient,
        lived_experience: true,
    };
    let source = |id: &str, activity: &NewActivity, people: Option<Vec<Participant>>| EventSource {
        id: id.to_owned(),
        activity: activity.clone(),
        people,
    };

    let mut tx = app::db::begin_write(&app.pool).await.unwrap();
    let first =
        ledger_api::record(&mut tx, &source("event-1", &activity, Some(vec![sam.clone()])), None).await.unwrap();
    tx.commit().await.unwrap();
    activity.participants.patients = 11;
    let mut tx = app::db::begin_write(&app.pool).await.unwrap();
    let second = ledger_api::record(&mut tx, &source("event-1", &activity, None), None).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(first, second, "the same source keeps one ledger row");
    let stored = ledger_db::fetch_activity(&app.pool, &first).await.unwrap().unwrap();
    assert_eq!(stored.participants.patients, 11);
    assert_eq!(stored.source, Some(("event".into(), "event-1".into())));
    let named: Vec<(Option<String>, String, String, i64)> = sqlx::query_as(
        "SELECT person_id, name, taking_part_as, CAST(lived_experience AS BIGINT) FROM activity_participant
         WHERE activity_id = $1",
    )
    .bind(&first)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(named, vec![(None, "Sam (a named visitor)".into(), "patient".into(), 1)], "who took part is kept");
    let mut tx = app::db::begin_write(&app.pool).await.unwrap();
    ledger_api::record(&mut tx, &source("event-2", &activity, None), None).await.unwrap();
    tx.rollback().await.unwrap();
    let rows: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM activity").fetch_one(&app.pool).await.unwrap();
    assert_eq!(rows, 1, "a rolled-back source leaves no ledger row");
}

/// A source as a capability would define one, for the ledger API test.
struct EventSource {
    id: String,
    activity: NewActivity,
    people: Option<Vec<Participant>>,
}

impl LedgerSource for EventSource {
    const KIND: SourceKind = SourceKind::Event;
    fn source_id(&self) -> &str {
        &self.id
    }
    fn activity(&self) -> NewActivity {
        self.activity.clone()
    }
    fn participants(&self) -> Option<Vec<Participant>> {
        self.people.clone()
    }
}

async fn the_ledger_pages_through_many_activities(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    for day in 1..=28 {
        app.add_activity(&service, "consultation", &format!("2026-02-{day:02}"), 5, 0).await;
    }
    app.add_person("grace@example.org", "Grace", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);

    let first = app.page("/ledger").await;
    let second = app.page("/ledger?page=2").await;

    assert!(first.contains("Showing 1 to 25 of 28 activities"));
    assert!(first.contains("consultation activity on 2026-02-28"), "newest first");
    assert!(second.contains("Showing 26 to 28 of 28 activities"));
    assert!(second.contains("consultation activity on 2026-02-01"));
    let filtered = app.page("/ledger?from_day=10&from_month=2&from_year=2026&to_day=12&to_month=2&to_year=2026").await;
    assert!(filtered.contains("Showing 1 to 3 of 3 activities"));
}

on_both_engines!(
    staff_record_an_activity_and_see_it_in_the_ledger,
    a_date_missing_its_month_is_marked_on_that_box_and_every_box_keeps_its_text,
    a_wrong_level_or_kind_gets_a_clear_message_and_the_form_keeps_what_was_typed,
    staff_of_one_service_cannot_see_or_edit_another_services_activities,
    patients_never_see_the_ledger,
    edits_and_deletions_are_kept_in_the_audit_trail,
    the_ledger_api_links_a_source_and_records_it_once,
    the_ledger_pages_through_many_activities,
);
