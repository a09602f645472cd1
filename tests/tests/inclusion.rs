//! Inclusion: volunteer roles, applying without an account (acknowledgement over SMTP, the status link,
//! withdrawing), duplicates merged, mistakes answered beside the field, the pipeline to appointment and its
//! ledger activity, equal-opportunities answers kept apart and suppressed, and another service's staff kept out.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{
    field_values, form_error, location, new_client, on_both_engines, spawn_app, token_in, Backend, TestApp,
};

/// A coordinator (staff) of a new service, signed in on the app's own client; returns the service id.
async fn coordinator(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

/// Adds a recruiting role to `service` as the signed-in coordinator; returns (role id, slug).
async fn add_role(app: &TestApp, service: &str, title: &str) -> (String, String) {
    let response = app
        .post_form(
            "/api/save_volunteer_role",
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
    let to = location(&response);
    assert!(to.starts_with("/inclusion/roles/"), "{to} {:?}", form_error(response).await);
    let id = to.trim_start_matches("/inclusion/roles/").trim_end_matches("?saved=1").to_owned();
    let slug: String = sqlx::query_scalar("SELECT slug FROM volunteer_role WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    (id, slug)
}

/// A complete application's fields.
fn application<'a>(slug: &'a str, name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("role_slug", slug),
        ("name", name),
        ("email", email),
        ("phone", ""),
        ("taking_part_as", "patient"),
        ("why", "The service helped me, and I would like to help others feel welcome."),
        ("availability", "Tuesdays"),
        ("access_needs", ""),
        ("referee1_name", "Pat Friend"),
        ("referee1_contact", "pat@example.org"),
        ("referee2_name", "Lee Tutor"),
        ("referee2_contact", "07700 900 982"),
        ("consent", "yes"),
    ]
}

/// Sends an application as a visitor who is not signed in, from the role's page, as a browser without
/// JavaScript does.
async fn apply(app: &TestApp, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    apply_with(app, &new_client(), slug, fields).await
}

async fn apply_with(app: &TestApp, client: &reqwest::Client, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(fields)
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

async fn application_id(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT id FROM volunteer_application WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn move_to(app: &TestApp, id: &str, stage: &str) -> reqwest::Response {
    let from = format!("/inclusion/applications/{id}");
    app.post_form("/api/move_application", &from, &[("application_id", id), ("stage", stage), ("note", "")]).await
}

async fn anyone_applies_without_an_account_and_follows_their_status_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;

    // The role is listed publicly and on Get involved, with a poster.
    assert!(app.anonymous_page("/volunteer").await.contains("Day service volunteer"));
    assert!(app.anonymous_page("/get-involved").await.contains(&format!("/volunteer/{slug}")));
    let poster = app.anonymous_page(&format!("/posters/volunteer/{slug}")).await;
    assert!(poster.contains("<svg") && poster.contains(&format!("/volunteer/{slug}")), "a QR poster");

    let response = apply(&app, &slug, &application(&slug, "Sam Jones", "sam@example.org")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/volunteer/{slug}?applied=new"), "nothing typed in the address");
    assert!(app.anonymous_page(&location(&response)).await.contains("Thank you for applying"));

    let mail = app.mail_to("sam@example.org").await;
    assert_eq!(mail.subject, "We have your application: Day service volunteer");
    let token = token_in(&mail.body);
    let status_page = app.anonymous_page(&format!("/volunteer/application?token={token}")).await;
    assert!(status_page.contains("Received"), "the status link shows the stage");
    assert!(status_page.contains("Withdraw my application"));
    assert!(!mail.body.contains("Tuesdays"), "the mail repeats nothing the applicant wrote but their name");

    let from = format!("/volunteer/application?token={token}");
    let withdrawn = new_client()
        .post(app.url("/api/withdraw_application"))
        .header("origin", &app.address)
        .header("referer", app.url(&from))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(withdrawn.status(), 303, "{:?}", form_error(withdrawn).await);
    let after = app.anonymous_page(&from).await;
    assert!(after.contains("Withdrawn") && after.contains("You withdrew this application"));
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'application_withdrawn'").await,
        1,
        "withdrawing is audited"
    );
    // An unknown link says so on a page of its own.
    assert!(app.anonymous_page("/volunteer/application?token=nothing").await.contains("This link cannot be used"));
}

async fn a_second_application_from_the_same_email_is_merged(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;

    apply(&app, &slug, &application(&slug, "Sam Jones", "sam@example.org")).await;
    app.mail_to("sam@example.org").await;
    let mut again = application(&slug, "Sam Jones", "SAM@example.org");
    again[6] = ("availability", "Thursdays now, not Tuesdays");
    let response = apply(&app, &slug, &again).await;

    assert_eq!(location(&response), format!("/volunteer/{slug}?applied=merged"));
    let page = app.anonymous_page(&location(&response)).await;
    assert!(page.contains("You had already applied for this role with this email address"), "merged with a message");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 1, "one application");
    let availability: String =
        sqlx::query_scalar("SELECT availability FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
    assert_eq!(availability, "Thursdays now, not Tuesdays", "what was sent last is kept");
}

async fn each_mistake_is_answered_beside_its_field_with_everything_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;

    let marker = "Marker-7c1e";
    let fields = [
        ("role_slug", slug.as_str()),
        ("name", marker),
        ("email", "not an address Marker-7c1e"),
        ("phone", ""),
        ("why", marker),
        ("availability", ""),
        ("referee1_name", marker),
        ("referee1_contact", ""),
        ("referee2_name", ""),
        ("referee2_contact", ""),
        ("eo_age", "martian"),
    ];
    let response = apply(&app, &slug, &fields).await;
    assert_eq!(response.status(), 422);
    assert!(location(&response).is_empty(), "answered in place, nothing typed in an address");
    let page = response.text().await.unwrap();
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else {
        panic!("not a validation error")
    };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    for field in [
        "email",
        "taking_part_as",
        "availability",
        "referee1_contact",
        "referee2_name",
        "referee2_contact",
        "consent",
        "eo_age",
    ] {
        assert!(fields.contains(&field), "a message for {field}: {fields:?}");
    }
    let kept = field_values(&page);
    for (field, value) in
        [("name", marker), ("why", marker), ("referee1_name", marker), ("email", "not an address Marker-7c1e")]
    {
        assert!(kept.contains(&(field.to_owned(), value.to_owned())), "{field} kept: {kept:?}");
    }
    assert!(page.contains("Enter an email address in the correct format"), "the message beside the field");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 0);

    // Neither an email nor a phone.
    let mut none = application(&slug, "Sam Jones", "");
    none[3] = ("phone", "");
    let refused = form_error(apply(&app, &slug, &none).await).await;
    assert!(refused
        .unwrap()
        .field_errors()
        .iter()
        .any(|e| e.field == "email" && e.message.contains("or a phone number")));
}

async fn the_pipeline_ends_in_an_appointment_recorded_in_the_ledger(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    // The applicant has an account as a patient of the service: the form starts filled in, and the
    // appointment is linked to the account.
    let patient = app.add_person("robin@example.org", "Robin Hughes", false, &[(&service, Role::Patient)]).await;
    let robin = app.client_signed_in_as("robin@example.org").await;
    let form = robin.get(app.url(&format!("/volunteer/{slug}"))).send().await.unwrap().text().await.unwrap();
    let prefilled = field_values(&form);
    assert!(prefilled.contains(&("email".to_owned(), "robin@example.org".to_owned())), "filled from the account");
    assert!(prefilled.contains(&("taking_part_as".to_owned(), "patient".to_owned())));
    apply_with(&app, &robin, &slug, &application(&slug, "Robin Hughes", "robin@example.org")).await;
    app.mail_to("robin@example.org").await;
    let id = application_id(&app, "robin@example.org").await;

    // One step at a time: skipping a stage is refused.
    assert!(form_error(move_to(&app, &id, "offered").await).await.is_some());
    for stage in ["shortlisted", "interview", "offered", "checks"] {
        let response = move_to(&app, &id, stage).await;
        assert_eq!(response.status(), 303, "{stage}: {:?}", form_error(response).await);
    }
    let page = app.page(&format!("/inclusion/applications/{id}")).await;
    assert!(page.contains("Appoint the volunteer"));
    let day = (app::clock::today_date() + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let from = format!("/inclusion/applications/{id}");
    let response = app
        .post_form(
            "/api/appoint_volunteer",
            &from,
            &[
                ("application_id", &id),
                ("starts_on_day", &day[8..10]),
                ("starts_on_month", &day[5..7]),
                ("starts_on_year", &day[..4]),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "{:?}", form_error(response).await);

    let (level, kind, patients, carers, happened_on): (String, String, i64, i64, String) = sqlx::query_as(
        "SELECT level, kind, CAST(patients AS BIGINT), CAST(carers AS BIGINT), happened_on FROM activity
         WHERE source_type = 'appointment'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((level.as_str(), kind.as_str(), patients, carers), ("inclusion", "volunteer_role", 1, 0));
    assert_eq!(happened_on, day);
    let (person, taking_part): (Option<String>, String) =
        sqlx::query_as("SELECT person_id, taking_part_as FROM activity_participant")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((person.as_deref(), taking_part.as_str()), (Some(patient.id.as_str()), "patient"));
    let linked: Option<String> =
        sqlx::query_scalar("SELECT person_id FROM volunteer_appointment").fetch_one(&app.pool).await.unwrap();
    assert_eq!(linked.as_deref(), Some(patient.id.as_str()), "appointed by their account's email");
    assert!(app
        .mail
        .wait_for_subject("robin@example.org", "Welcome: Day service volunteer", std::time::Duration::from_secs(15))
        .await
        .body
        .contains("Welcome"));
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'application_stage_changed'")
            .await,
        4,
        "every change is audited"
    );
    let list = app.page("/inclusion/applications?stage=appointed").await;
    assert!(list.contains("Robin Hughes") && list.contains("Appointed (1)"), "the list with counts per stage");

    // Another applicant, not taken forward: a kind message by mail.
    apply(&app, &slug, &application(&slug, "Kit Lane", "kit@example.org")).await;
    let kit = application_id(&app, "kit@example.org").await;
    let response = app
        .post_form(
            "/api/move_application",
            &format!("/inclusion/applications/{kit}"),
            &[
                ("application_id", &kit),
                ("stage", "not_taken_forward"),
                ("note", "We hope to see you at the open day."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let kind = app
        .mail
        .wait_for_subject(
            "kit@example.org",
            "Your application: Day service volunteer",
            std::time::Duration::from_secs(15),
        )
        .await;
    assert!(
        kind.body.contains("This is not a judgement of you")
            && kind.body.contains("We hope to see you at the open day.")
    );
}

async fn equal_opportunities_answers_are_kept_apart_and_small_numbers_suppressed(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;

    for n in 0..3 {
        let email = format!("person{n}@example.org");
        let mut fields = application(&slug, "Quinn Example", &email);
        fields.push(("eo_age", "25_34"));
        fields.push(("eo_disability", "yes"));
        apply(&app, &slug, &fields).await;
    }
    // Nothing in the application says what was answered, and the answers are kept as counts alone: no row
    // per person, no id, no time, no email or name.
    let columns = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_equality_count WHERE answers > 0").await;
    assert_eq!(columns, 2, "two answers counted, three times each, in two rows");
    let rows: Vec<(String, String, String, String, i64)> =
        sqlx::query_as("SELECT service_id, year, question, answer, CAST(answers AS BIGINT) FROM volunteer_equality_count WHERE answers > 0")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    for (_, year, _, _, answers) in &rows {
        assert_eq!(year.len(), 4, "the year only");
        assert_eq!(*answers, 3);
    }
    let id = application_id(&app, "person0@example.org").await;
    let page = app.page(&format!("/inclusion/applications/{id}")).await;
    assert!(!page.contains("25 to 34"), "never shown beside a name");

    let overview = app.page("/inclusion").await;
    assert!(!overview.contains("Quinn Example"), "the report names nobody");
    assert!(overview.contains("25 to 34"));
    assert!(!overview.contains(">3<"), "a count of 3 is not shown");
    assert!(overview.contains("fewer than 5"));

    for n in 3..6 {
        let email = format!("person{n}@example.org");
        let mut fields = application(&slug, "Quinn Example", &email);
        fields.push(("eo_age", "25_34"));
        apply(&app, &slug, &fields).await;
    }
    let overview = app.page("/inclusion").await;
    let row = overview.split("25 to 34").nth(1).unwrap_or_default();
    let shown = row.split("People </span>").nth(1).unwrap_or_default();
    assert!(shown.starts_with('5'), "6 people shown rounded to 5: {}", &shown[..shown.len().min(40)]);
}

async fn applicants_are_seen_only_by_their_own_services_staff(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role_id, slug) = add_role(&app, &service, "Day service volunteer").await;
    apply(&app, &slug, &application(&slug, "Sam Jones", "sam@example.org")).await;
    let id = application_id(&app, "sam@example.org").await;

    let other = app.add_service("Another service").await;
    let stranger = app.person_signed_in("other-staff@example.org", &[(&other, Role::Staff)]).await;
    let page = stranger.get(app.url(&format!("/inclusion/applications/{id}"))).send().await.unwrap();
    assert_eq!(page.status(), 404);
    assert!(!page.text().await.unwrap().contains("Sam Jones"));
    assert_eq!(stranger.get(app.url(&format!("/inclusion/roles/{role_id}"))).send().await.unwrap().status(), 404);
    let moved = stranger
        .post(app.url("/api/move_application"))
        .header("origin", &app.address)
        .header("referer", app.url("/inclusion/applications"))
        .form(&[("application_id", id.as_str()), ("stage", "shortlisted")])
        .send()
        .await
        .unwrap();
    assert_eq!(form_error(moved).await, Some(AppError::NotFound));
    let list = stranger.get(app.url("/inclusion/applications")).send().await.unwrap().text().await.unwrap();
    assert!(!list.contains("Sam Jones"), "not in their list");
    let stage: String =
        sqlx::query_scalar("SELECT stage FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stage, "received");
}

async fn worrying_words_are_flagged_for_review_and_the_application_is_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    app.add_person("mo@example.org", "Mo Manager", false, &[(&service, Role::Manager)]).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let mut fields = application(&slug, "Sam Jones", "sam@example.org");
    fields[5] = ("why", "honestly i dont think ill be around much longer so i want to do something good first");
    let response = apply(&app, &slug, &fields).await;
    assert_eq!(response.status(), 303, "never blocked");
    let flags = count(
        &app,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag WHERE source_type = 'volunteer_application' AND outcome IS NULL",
    )
    .await;
    assert_eq!(flags, 1, "a flag in the review queue");
    let list = app.page("/inclusion/applications").await;
    assert!(list.contains("Review today"));
    // The service's review queue lists it, and the duty inbox (here the manager) is told at once, without
    // the words.
    let queue = app.page("/consultation/review").await;
    assert!(queue.contains("Application to volunteer as Day service volunteer"), "{queue}");
    let alert: (String, String) =
        sqlx::query_as("SELECT to_address, body_text FROM outbox_mail WHERE subject = 'Words to review today'")
            .fetch_one(&app.pool)
            .await
            .expect("a duty alert");
    assert_eq!(alert.0, "mo@example.org", "the manager, as the service has no duty inbox");
    assert!(alert.1.contains("A volunteer application") && !alert.1.contains("around much longer"), "{}", alert.1);

    // The coordinator records what was done, once, from the application's page, through the review queue's
    // own server function (one rule and one code path for every flag); a plain POST goes on to the queue.
    let id = application_id(&app, "sam@example.org").await;
    let from = format!("/inclusion/applications/{id}");
    let page = app.page(&from).await;
    assert!(page.contains(r#"name="kind" value="volunteer_application""#), "the queue's form on the page");
    let fields = [
        ("kind", "volunteer_application"),
        ("id", id.as_str()),
        ("outcome", "followed_up"),
        ("note", "Phoned Sam; safe plan in place"),
    ];
    let reviewed = app.post_form("/api/record_flag_review", &from, &fields).await;
    assert_eq!(reviewed.status(), 303, "{:?}", form_error(reviewed).await);
    let again = app.post_form("/api/record_flag_review", &from, &fields).await;
    assert!(matches!(form_error(again).await, Some(AppError::Conflict(_))), "reviewed once");
    let page = app.page(&from).await;
    assert!(page.contains("Reviewed by Grace Okafor: Followed up.") && page.contains("Phoned Sam; safe plan in place"));
    assert!(!app.page("/inclusion/applications").await.contains("Review today"));
    assert_eq!(
        count(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event
             WHERE action = 'safeguarding_reviewed' AND subject_type = 'volunteer_application'"
        )
        .await,
        1
    );
    // Another service's staff are told the flag does not exist.
    let other = app.add_service("CAS Day Service (east)").await;
    let stranger = app.person_signed_in("ola@example.org", &[(&other, Role::Staff)]).await;
    let refused = stranger
        .post(app.url("/api/record_flag_review"))
        .header("origin", &app.address)
        .header("referer", app.url(&from))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(form_error(refused).await, Some(AppError::NotFound));
}

async fn a_flood_of_applications_from_one_client_is_asked_to_wait(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    for n in 0..10 {
        let email = format!("flood{n}@example.org");
        assert_eq!(apply(&app, &slug, &application(&slug, "Flo Od", &email)).await.status(), 303);
    }
    let response = apply(&app, &slug, &application(&slug, "Flo Od Marker-2b9d", "flood-last@example.org")).await;
    assert_eq!(response.status(), 429);
    let page = response.text().await.unwrap();
    assert!(page.contains("Please wait a few minutes"), "a calm page");
    assert!(page.contains("Flo Od Marker-2b9d"), "what was typed is shown back");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 10);
}

on_both_engines!(
    anyone_applies_without_an_account_and_follows_their_status_link,
    a_second_application_from_the_same_email_is_merged,
    each_mistake_is_answered_beside_its_field_with_everything_kept,
    the_pipeline_ends_in_an_appointment_recorded_in_the_ledger,
    equal_opportunities_answers_are_kept_apart_and_small_numbers_suppressed,
    applicants_are_seen_only_by_their_own_services_staff,
    worrying_words_are_flagged_for_review_and_the_application_is_kept,
    a_flood_of_applications_from_one_client_is_asked_to_wait,
);
