//! Inclusion: volunteer roles, applying without an account (acknowledgement over SMTP, the status link,
//! withdrawing), an application sent again (never changed by a stranger, confirmed by its owner, fresh after
//! a closed one), mistakes answered beside the field, the pipeline to appointment and its
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
    assert!(mail.body.contains("applying for the volunteer role Day service volunteer"), "{}", mail.body);
    let token = token_in(&mail.body);
    let opened = app.anonymous_get(&format!("/volunteer/application?token={token}")).await;
    assert_eq!(
        opened.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "a page reached by a secret link is not kept by a browser or proxy"
    );
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
    assert!(after.contains(&format!("href=\"/volunteer/{slug}\"")), "the role's page, while it recruits");
    // Once the role is filled its public page says it is not taking applications (tester 16d: an old poster's
    // code still leads somewhere that makes sense), without the form, and the status page no longer links to it.
    sqlx::query("UPDATE volunteer_role SET state = 'filled' WHERE slug = $1")
        .bind(&slug)
        .execute(&app.pool)
        .await
        .unwrap();
    let role_page = app.anonymous_get(&format!("/volunteer/{slug}")).await;
    assert_eq!(role_page.status(), 200);
    let role_page = role_page.text().await.unwrap();
    assert!(
        role_page.contains("This role is not taking applications now") && role_page.contains("href=\"/volunteer\"")
    );
    assert!(!role_page.contains("Send my application"), "no form");
    let filled = app.anonymous_page(&from).await;
    assert!(
        filled.contains("Withdrawn") && !filled.contains(&format!("href=\"/volunteer/{slug}\"")),
        "no link to the role's page: {}",
        filled
            .match_indices("/volunteer/")
            .map(|(i, _)| &filled[i.saturating_sub(80)..i + 40])
            .collect::<Vec<_>>()
            .join(" | ")
    );
    sqlx::query("UPDATE volunteer_role SET state = 'recruiting' WHERE slug = $1")
        .bind(&slug)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'application_withdrawn'").await,
        1,
        "withdrawing is audited"
    );
    // An unknown link says so on a page of its own.
    assert!(app.anonymous_page("/volunteer/application?token=nothing").await.contains("This link cannot be used"));
}

/// The key in a link in a mail body (`...?key=abc`).
fn key_in(body: &str) -> String {
    let start = body.find("key=").expect("a link with a key") + "key=".len();
    body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

async fn application_row(app: &TestApp, id: &str) -> (String, String, String, String) {
    sqlx::query_as("SELECT name, availability, referee1_contact, changed_at FROM volunteer_application WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn a_stranger_sending_an_application_again_changes_nothing_and_learns_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    apply(&app, &slug, &application(&slug, "Sam Jones", "sam@example.org")).await;
    app.mail_to("sam@example.org").await;
    let id = application_id(&app, "sam@example.org").await;
    let before = application_row(&app, &id).await;

    // Someone else, not signed in, sends an application with Sam's address: they are answered exactly as a new
    // applicant is, and Sam's application is untouched.
    let mut evil = application(&slug, "Evil Overwrite", "SAM@example.org");
    evil[6] = ("availability", "Thursdays now, not Tuesdays");
    evil[9] = ("referee1_contact", "attacker@evil.example");
    let resent = apply(&app, &slug, &evil).await;
    let fresh = apply(&app, &slug, &application(&slug, "Kit Lane", "kit@example.org")).await;
    assert_eq!(resent.status(), 303);
    assert_eq!(location(&resent), location(&fresh), "the same answer whether or not the address had applied");
    assert_eq!(location(&resent), format!("/volunteer/{slug}?applied=new"));
    assert_eq!(application_row(&app, &id).await, before, "nothing changed, not even the date it last changed");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application WHERE email = 'sam@example.org'").await,
        1
    );

    // Sam is mailed a single-use link to look and confirm; the mail repeats nothing that was sent.
    let mail = app.mail.wait_for_subject("sam@example.org", "sent again", std::time::Duration::from_secs(15)).await;
    assert!(!mail.body.contains("Evil") && !mail.body.contains("Thursdays"), "{}", mail.body);
    let key = key_in(&mail.body);
    let confirm_page = format!("/volunteer/application/confirm?key={key}");
    let shown = app.anonymous_get(&confirm_page).await;
    assert_eq!(
        shown.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "a page opened by a secret link is not kept"
    );
    let shown = shown.text().await.unwrap();
    assert!(shown.contains("Thursdays now, not Tuesdays") && shown.contains("Replace my application with this"));
    let confirm = || async {
        new_client()
            .post(app.url("/api/confirm_resent_application"))
            .header("origin", &app.address)
            .header("referer", app.url(&confirm_page))
            .form(&[("key", key.as_str())])
            .send()
            .await
            .unwrap()
    };
    let confirmed = confirm().await;
    assert_eq!(confirmed.status(), 303, "{:?}", form_error(confirmed).await);
    assert_eq!(location(&confirmed), "/volunteer/application/confirm?done=1", "nothing typed in the address");
    let (name, availability, referee, _) = application_row(&app, &id).await;
    assert_eq!((name.as_str(), availability.as_str()), ("Evil Overwrite", "Thursdays now, not Tuesdays"));
    assert_eq!(referee, "attacker@evil.example", "no referee had been asked, so the referees are what was sent");
    assert!(matches!(form_error(confirm().await).await, Some(AppError::Conflict(_))), "the link works once");
    let told = app
        .mail
        .wait_for_subject("grace@example.org", "An application was updated", std::time::Duration::from_secs(15))
        .await;
    assert!(told.body.contains(&format!("/inclusion/applications/{id}")), "the coordinator is told");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'application_merged'").await,
        1,
        "audited"
    );

    // Past shortlisting, sending again changes nothing and no link can change it.
    for stage in ["shortlisted", "interview"] {
        assert_eq!(move_to(&app, &id, stage).await.status(), 303);
    }
    let before = application_row(&app, &id).await;
    let again = apply(&app, &slug, &application(&slug, "Someone Else", "sam@example.org")).await;
    assert_eq!(location(&again), format!("/volunteer/{slug}?applied=new"));
    assert_eq!(application_row(&app, &id).await, before);
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application_resend WHERE used_at IS NULL").await,
        0,
        "nothing held for a link"
    );
}

async fn a_signed_in_applicant_replaces_their_own_application_keeping_referees_asked(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    app.add_person("robin@example.org", "Robin Hughes", false, &[(&service, Role::Patient)]).await;
    let robin = app.client_signed_in_as("robin@example.org").await;
    apply_with(&app, &robin, &slug, &application(&slug, "Robin Hughes", "robin@example.org")).await;
    let id = application_id(&app, "robin@example.org").await;
    assert_eq!(move_to(&app, &id, "shortlisted").await.status(), 303);
    let from = format!("/inclusion/applications/{id}");
    let asked = app.post_form("/api/request_references", &from, &[("application_id", &id)]).await;
    assert_eq!(asked.status(), 303, "{:?}", form_error(asked).await);

    let mut again = application(&slug, "Robin Hughes", "Robin@Example.org");
    again[6] = ("availability", "Weekends too");
    again[9] = ("referee1_contact", "someone.new@example.org");
    let response = apply_with(&app, &robin, &slug, &again).await;
    assert_eq!(location(&response), format!("/volunteer/{slug}?applied=merged"));
    let page = robin.get(app.url(&location(&response))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Your application is updated"), "merged at once, with a message");
    let (_, availability, referee, _) = application_row(&app, &id).await;
    assert_eq!(availability, "Weekends too");
    assert_eq!(referee, "pat@example.org", "referees already asked are never redirected");

    // Past shortlisting, their own application is kept as it was, and they are told so.
    assert_eq!(move_to(&app, &id, "interview").await.status(), 303);
    let response = apply_with(&app, &robin, &slug, &application(&slug, "Robin Hughes", "robin@example.org")).await;
    assert_eq!(location(&response), format!("/volunteer/{slug}?applied=kept"));
    assert_eq!(application_row(&app, &id).await.1, "Weekends too");
}

async fn applying_again_after_not_taken_forward_starts_a_fresh_application(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    apply(&app, &slug, &application(&slug, "Zed Contact", "zed@example.org")).await;
    let closed = application_id(&app, "zed@example.org").await;
    assert_eq!(move_to(&app, &closed, "not_taken_forward").await.status(), 303);
    let before = application_row(&app, &closed).await;

    let response = apply(&app, &slug, &application(&slug, "Zed Contact", "zed@example.org")).await;
    assert_eq!(location(&response), format!("/volunteer/{slug}?applied=new"));
    assert_eq!(application_row(&app, &closed).await, before, "the closed one, and its retention date, untouched");
    let stages: Vec<String> =
        sqlx::query_scalar("SELECT stage FROM volunteer_application WHERE email = 'zed@example.org' ORDER BY stage")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(stages, ["not_taken_forward", "received"], "a fresh application the coordinator sees");
    assert!(app.page("/inclusion/applications?stage=received").await.contains("Zed Contact"));
    app.mail.wait_for_subject("zed@example.org", "We have your application", std::time::Duration::from_secs(15)).await;
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

async fn a_referees_contact_is_an_email_address_or_a_phone_number(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let mut fields = application(&slug, "Sam Jones", "sam@example.org");
    fields[9] = ("referee1_contact", "zz");
    fields[11] = ("referee2_contact", "<script>alert(1)</script>");
    let response = apply(&app, &slug, &fields).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else {
        panic!("not a validation error")
    };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["referee1_contact", "referee2_contact"], "beside each field");
    assert!(
        page.contains("Enter your first referee&#x27;s email address")
            || page.contains("Enter your first referee's email address")
    );
    let kept = field_values(&page);
    assert!(kept.contains(&("referee1_contact".to_owned(), "zz".to_owned())), "kept as typed");
    assert!(kept.contains(&("name".to_owned(), "Sam Jones".to_owned())));
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 0);
}

/// Tester 16d, findings 10 and 11: nobody is their own referee (their own address in other capitals, their own
/// number written differently), the two referees are two people, and only the ticked box's "yes" is consent.
async fn a_referee_is_someone_else_and_only_yes_is_consent(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let mut fields = application(&slug, "Sam Jones", "sam@example.org");
    fields[3] = ("phone", "07700 900333");
    fields[9] = ("referee1_contact", "SAM@Example.org");
    fields[11] = ("referee2_contact", "07700900333");
    fields[12] = ("consent", "no");
    let page = apply(&app, &slug, &fields).await.text().await.unwrap();
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else {
        panic!("not a validation error")
    };
    let message =
        |field: &str| errors.errors.iter().find(|e| e.field == field).map(|e| e.message.clone()).unwrap_or_default();
    assert!(message("referee1_contact").contains("someone else"), "{errors:?}");
    assert!(message("referee2_contact").contains("someone else"), "{errors:?}");
    assert!(message("consent").starts_with("Tick the box"), "only yes is consent: {errors:?}");

    let mut fields = application(&slug, "Sam Jones", "sam@example.org");
    fields[11] = ("referee2_contact", "PAT@example.org");
    let page = apply(&app, &slug, &fields).await.text().await.unwrap();
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else {
        panic!("not a validation error")
    };
    assert_eq!(errors.errors.len(), 1);
    assert!(errors.errors[0].message.contains("different person from your first"));
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 0);
}

/// Tester 16d, finding 1: an application sent again is screened as a new one is, whoever sends it and however
/// far the application has gone — held for a link, past shortlisting, or by its signed-in owner — with a flag
/// on the application, the duty inbox told, and the words kept for the reviewer until the flag is reviewed
/// (even after the link runs out). The sender's answer is unchanged.
async fn an_application_sent_again_is_screened_at_every_stage(backend: Backend) {
    let app = continuum_tests::spawn_app_at(backend, continuum_tests::london("2026-03-02T10:00")).await;
    let service = coordinator(&app).await;
    app.add_person("mo@example.org", "Mo Manager", false, &[(&service, Role::Manager)]).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    apply(&app, &slug, &application(&slug, "Sam Jones", "sam@example.org")).await;
    let id = application_id(&app, "sam@example.org").await;
    let waiting = |app: &TestApp, id: &str| {
        let sql = format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag
             WHERE source_type = 'volunteer_application' AND source_id = '{id}' AND outcome IS NULL"
        );
        let pool = app.pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(waiting(&app, &id).await, 0);

    // Received, sent again by someone not signed in: flagged at once, not when (or if) the owner confirms.
    let mut resent = application(&slug, "Sam Jones", "sam@example.org");
    resent[5] = ("why", "I have been having thoughts of suicide lately");
    let answer = apply(&app, &slug, &resent).await;
    assert_eq!(location(&answer), format!("/volunteer/{slug}?applied=new"), "the same answer as ever");
    assert_eq!(waiting(&app, &id).await, 1, "a flag on the application");
    let alert: String =
        sqlx::query_scalar("SELECT to_address FROM outbox_mail WHERE subject = 'Words to review today'")
            .fetch_one(&app.pool)
            .await
            .expect("the duty inbox is told");
    assert_eq!(alert, "mo@example.org");
    let from = format!("/inclusion/applications/{id}");
    let page = app.page(&from).await;
    assert!(page.contains("thoughts of suicide lately"), "the coordinator reads the words on the application's page");
    assert!(app.page("/consultation/review").await.contains("thoughts of suicide lately"), "and in the review queue");
    assert!(app.page("/inclusion/applications").await.contains("Review today"));

    // The link runs out after 7 days, but words flagged are kept until someone has read them.
    app.set_clock(continuum_tests::london("2026-03-12T10:00"));
    app.clock.clone().scope(app::inclusion::retention::delete_expired(&app.pool, 12)).await.unwrap();
    let kept = "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application_resend WHERE flagged = 1";
    assert_eq!(count(&app, kept).await, 1, "kept while the flag waits");
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let review =
        [("kind", "volunteer_application"), ("id", id.as_str()), ("outcome", "followed_up"), ("note", "Rang Sam")];
    assert_eq!(app.post_form("/api/record_flag_review", &from, &review).await.status(), 303);
    app.clock.clone().scope(app::inclusion::retention::delete_expired(&app.pool, 12)).await.unwrap();
    assert_eq!(count(&app, kept).await, 0, "gone once reviewed");

    // Past shortlisting, sent again by someone not signed in: nothing changes, and the words are still read.
    for stage in ["shortlisted", "interview"] {
        assert_eq!(move_to(&app, &id, stage).await.status(), 303);
    }
    let before = application_row(&app, &id).await;
    resent[5] = ("why", "I want to kill myself");
    let answer = apply(&app, &slug, &resent).await;
    assert_eq!(location(&answer), format!("/volunteer/{slug}?applied=new"));
    assert_eq!(application_row(&app, &id).await, before, "nothing changed");
    assert_eq!(waiting(&app, &id).await, 1, "flagged again");
    assert!(app.page(&from).await.contains("I want to kill myself"));

    // Past shortlisting, sent again by its signed-in owner: kept as it was, and the words read.
    app.add_person("robin@example.org", "Robin Hughes", false, &[(&service, Role::Patient)]).await;
    let robin = app.client_signed_in_as("robin@example.org").await;
    apply_with(&app, &robin, &slug, &application(&slug, "Robin Hughes", "robin@example.org")).await;
    let robin_id = application_id(&app, "robin@example.org").await;
    for stage in ["shortlisted", "interview"] {
        assert_eq!(move_to(&app, &robin_id, stage).await.status(), 303);
    }
    let mut again = application(&slug, "Robin Hughes", "robin@example.org");
    again[5] = ("why", "I want to end my life");
    let answer = apply_with(&app, &robin, &slug, &again).await;
    assert_eq!(location(&answer), format!("/volunteer/{slug}?applied=kept"));
    assert_eq!(waiting(&app, &robin_id).await, 1, "the owner's words are read too");

    // Words that worry nobody are not kept.
    let held = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application_resend").await;
    apply_with(&app, &robin, &slug, &application(&slug, "Robin Hughes", "robin@example.org")).await;
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application_resend").await, held);
}

async fn an_application_too_large_to_read_is_refused_plainly_without_showing_it_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (_, slug) = add_role(&app, &service, "Day service volunteer").await;
    let huge = "Marker-3mb ".repeat(300_000);
    let mut fields = application(&slug, "Sam Jones", "sam@example.org");
    fields[5] = ("why", &huge);
    let response = apply(&app, &slug, &fields).await;
    assert_eq!(response.status(), 413);
    let page = response.text().await.unwrap();
    assert!(page.contains("What you sent is too large") && page.contains("make what you typed shorter"), "{page}");
    assert!(!page.contains("leaflet"), "words that fit every form");
    assert!(page.len() < 100_000 && !page.contains("Marker-3mb"), "the body is not sent back");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application").await, 0);
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
    let app = continuum_tests::spawn_app_at(backend, continuum_tests::london("2026-12-30T10:00")).await;
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

    for n in 3..5 {
        let email = format!("person{n}@example.org");
        let mut fields = application(&slug, "Quinn Example", &email);
        fields.push(("eo_age", "25_34"));
        apply(&app, &slug, &fields).await;
    }
    let people_for = |overview: &str, answer: &str| {
        let row = overview.split(answer).nth(1).unwrap_or_default();
        row.split("People </span>").nth(1).unwrap_or_default().chars().take(20).collect::<String>()
    };
    // While the year runs, its answers are not shown: a figure moving as applications arrive would tie the
    // answer to the name that arrived in between.
    let overview = app.page("/inclusion").await;
    assert!(!people_for(&overview, "25 to 34").starts_with('5'), "this year's answers wait for its end");
    assert!(overview.contains("whole years that have ended"), "the page says so");

    // Once the year has ended: 5 people shown as 5, 3 suppressed, nobody named.
    app.set_clock(continuum_tests::london("2027-01-02T10:00"));
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let overview = app.page("/inclusion").await;
    assert!(!overview.contains("Quinn Example"), "the report names nobody");
    assert!(people_for(&overview, "25 to 34").starts_with('5'), "{}", people_for(&overview, "25 to 34"));
    assert!(!overview.contains(">3<"), "a count of 3 is not shown");
    assert!(overview.contains("fewer than 5"));

    // Applications arriving in the new year move nothing that is shown (8 would be rounded to 10).
    for n in 5..8 {
        let email = format!("person{n}@example.org");
        let mut fields = application(&slug, "Eomanc Example", &email);
        fields.push(("eo_age", "25_34"));
        apply(&app, &slug, &fields).await;
    }
    let overview = app.page("/inclusion").await;
    assert!(people_for(&overview, "25 to 34").starts_with('5'), "unchanged until this year ends too");
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

/// The values of every `name="submission"` field of a page, and the nonce its scripts carry.
fn tokens_and_nonce(page: &str) -> (Vec<String>, Option<String>) {
    let field = "name=\"submission\" value=\"";
    let tokens = page.match_indices(field).map(|(at, _)| page[at + field.len()..].chars().take(32).collect()).collect();
    let nonce = page.find("nonce=\"").map(|at| page[at + 7..].chars().take_while(|c| *c != '"').collect());
    (tokens, nonce)
}

/// A crowd opening a role's page at once is served one rendering a second (`server/src/reuse.rs`), yet each
/// visitor's copy has its own form token and its own CSP nonce, two applicants from copies of one rendering are
/// two applications, a change staff make shows at once, and anyone with a cookie gets the page rendered for them.
async fn a_role_page_reused_for_a_crowd_gives_each_visitor_their_own_tokens(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = coordinator(&app).await;
    let (role_id, slug) = add_role(&app, &service, "Day service volunteer").await;
    let path = format!("/volunteer/{slug}");
    let mut seen_tokens = Vec::new();
    for _ in 0..3 {
        let response = new_client().get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
        let page = response.text().await.unwrap();
        assert!(page.contains("Day service volunteer"), "{page}");
        let (tokens, nonce) = tokens_and_nonce(&page);
        assert_eq!(tokens.len(), 1, "one application form");
        if let Some(nonce) = nonce {
            assert!(csp.contains(&format!("'nonce-{nonce}'")), "the page's scripts run under its own policy: {csp}");
        }
        seen_tokens.extend(tokens);
    }
    seen_tokens.sort();
    seen_tokens.dedup();
    assert_eq!(seen_tokens.len(), 3, "no two visitors share a token");

    // Two people apply from copies of the same second's page: two applications, neither taken for a repeat.
    for (name, email) in [("Ada Lovelace", "ada@example.org"), ("Alan Turing", "alan@example.org")] {
        let client = new_client();
        let page = client.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
        let token = tokens_and_nonce(&page).0.remove(0);
        let mut fields = application(&slug, name, email);
        fields.push(("submission", &token));
        let applied = apply_with(&app, &client, &slug, &fields).await;
        assert_eq!(applied.status(), 303, "{:?}", form_error(applied).await);
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM volunteer_application").await, 2);

    // Staff retitle the role: the next visitor sees the new title at once (a form sent here ends the reuse).
    let _ = new_client().get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    let saved = app
        .post_form(
            "/api/save_volunteer_role",
            &format!("/inclusion/roles/{role_id}"),
            &[
                ("role_id", role_id.as_str()),
                ("service_id", service.as_str()),
                ("title", "Day service volunteer (mornings)"),
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
    assert_eq!(saved.status(), 303, "{:?}", form_error(saved).await);
    let page = new_client().get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Day service volunteer (mornings)"), "the change shows at once");

    // The coordinator, signed in (a cookie), gets the page rendered for them: with their header.
    let theirs = app.client.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(theirs.contains("Sign out"), "a signed-in visitor's own page");
    let anyone = new_client().get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(!anyone.contains("Sign out"), "and never given to anyone else");
}

on_both_engines!(
    a_role_page_reused_for_a_crowd_gives_each_visitor_their_own_tokens,
    anyone_applies_without_an_account_and_follows_their_status_link,
    a_stranger_sending_an_application_again_changes_nothing_and_learns_nothing,
    a_signed_in_applicant_replaces_their_own_application_keeping_referees_asked,
    applying_again_after_not_taken_forward_starts_a_fresh_application,
    a_referees_contact_is_an_email_address_or_a_phone_number,
    a_referee_is_someone_else_and_only_yes_is_consent,
    an_application_sent_again_is_screened_at_every_stage,
    an_application_too_large_to_read_is_refused_plainly_without_showing_it_back,
    each_mistake_is_answered_beside_its_field_with_everything_kept,
    the_pipeline_ends_in_an_appointment_recorded_in_the_ledger,
    equal_opportunities_answers_are_kept_apart_and_small_numbers_suppressed,
    applicants_are_seen_only_by_their_own_services_staff,
    worrying_words_are_flagged_for_review_and_the_application_is_kept,
    a_flood_of_applications_from_one_client_is_asked_to_wait,
);
