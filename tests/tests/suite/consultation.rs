//! Consultation: building feedback forms, answering them at /f/<slug> (anonymously, signed in, on paper),
//! the safeguarding review, focus groups, and who may see what.

use app::{accounts::types::Role, consultation::types::FeedbackForm};
use continuum_tests::{form_error, london, new_client, on_both_engines, spawn_app, spawn_app_at, Backend, TestApp};
use reqwest::header;

/// A POST to a server function as a signed-in client; returns the response.
async fn call(app: &TestApp, client: &reqwest::Client, function: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    call_from(app, client, "/consultation", function, fields).await
}

/// Calls a server function as the form on `page` does without JavaScript: a refusal comes back as that page.
async fn call_from(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    function: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(page))
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// Calls a server function and checks it succeeded (a plain POST is redirected onwards without an error).
async fn call_ok(app: &TestApp, client: &reqwest::Client, function: &str, fields: &[(&str, &str)]) {
    let response = call(app, client, function, fields).await;
    assert!(response.status().is_redirection(), "{function}: {}", response.status());
    assert_eq!(form_error(response).await, None, "{function}");
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).fetch_one(&app.pool).await.unwrap()
}

async fn reload(app: &TestApp, form: &FeedbackForm) -> FeedbackForm {
    app::consultation::forms::db::fetch_form(&app.pool, &form.id).await.unwrap().unwrap()
}

async fn an_anonymous_response_stores_no_user_ip_or_time_of_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;

    let page = app.anonymous_page(&format!("/f/{}", form.slug)).await;
    assert!(page.contains("Overall, how was your experience of our service?"));
    assert!(page.contains("Nobody watches this form as you fill it in"), "says who reads it and when");
    assert!(page.contains("Samaritans"), "crisis contacts on the form");
    assert!(!page.contains("<script"), "the form page loads no JavaScript");

    // Even a signed-in person answering an anonymous form is not recorded.
    let response = app.submit_feedback_as(&staff, &form, &[(0, "very_good"), (1, "The group helped me a lot")]).await;
    assert_eq!(response.status(), 200);
    let thanks = response.text().await.unwrap();
    assert!(thanks.contains("Thank you – your feedback has been sent"), "{thanks}");
    assert!(thanks.contains("href=\"/get-involved\""), "the thank-you page links to Get involved");

    let row: (Option<String>, String, String) =
        sqlx::query_as("SELECT respondent_id, submitted_on, channel FROM feedback_response")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row.0, None, "no person");
    assert_eq!(row.1.len(), 10, "the date only: {}", row.1);
    assert_eq!(row.2, "online");
    // Nothing else in the row could carry a time or an address: its columns are exactly these.
    let id: String = sqlx::query_scalar("SELECT id FROM feedback_response").fetch_one(&app.pool).await.unwrap();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4, "a random id, not a time-ordered one");
    let columns: Vec<(String,)> = match backend {
        Backend::Sqlite => sqlx::query_as("SELECT name FROM pragma_table_info('feedback_response') ORDER BY name"),
        Backend::Postgres => sqlx::query_as(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = 'feedback_response' ORDER BY column_name",
        ),
    }
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let columns: Vec<String> = columns.into_iter().map(|(c,)| c).collect();
    assert_eq!(
        columns,
        ["channel", "flagged", "form_id", "form_version", "id", "respondent_id", "reviewed", "submitted_on"]
    );
}

/// A blank form with one question of every type, opened.
async fn form_with_every_question_type(app: &TestApp, staff: &reqwest::Client, service: &str) -> FeedbackForm {
    let form = app.open_feedback_form(staff, service, "Every kind", "blank", "anonymous").await;
    let questions: [(&str, &str, &str); 7] = [
        ("fft", "", ""),
        ("scale", "How helpful was it?", ""),
        ("yes_no", "Would you come again?", ""),
        ("single_choice", "Which day suits you?", "Tuesday\nThursday"),
        ("multiple_choice", "What helped?", "Skills\nPeople\nHandouts"),
        ("short_text", "One word for the group", ""),
        ("long_text", "Anything else?", ""),
    ];
    for (kind, prompt, options) in questions {
        let required = if kind == "long_text" { "no" } else { "yes" };
        call_ok(
            app,
            staff,
            "save_question",
            &[
                ("form_id", form.id.as_str()),
                ("question_id", ""),
                ("prompt", prompt),
                ("help", ""),
                ("required", required),
                ("kind", kind),
                ("low", "Not at all"),
                ("high", "Very"),
                ("options", options),
            ],
        )
        .await;
    }
    call_ok(app, staff, "set_form_state", &[("form_id", form.id.as_str()), ("state", "open"), ("open_until", "")])
        .await;
    reload(app, &form).await
}

/// Each copy of a feedback form's page carries its own token, though the page is cached; the same copy sent twice
/// (a double click, a resent POST) stores one response, and both go on to the thank-you page.
async fn the_same_page_sent_twice_stores_one_response(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let token_in_page = |page: String| {
        continuum_tests::field_values(&page).into_iter().find(|(k, _)| k == "submission").map(|(_, v)| v).unwrap()
    };
    let first_copy = token_in_page(app.anonymous_page(&format!("/f/{}", form.slug)).await);
    let second_copy = token_in_page(app.anonymous_page(&format!("/f/{}", form.slug)).await);
    assert_ne!(first_copy, second_copy, "two people never share a token, though the page is cached");
    let field = app::consultation::answering::components::field_name(&form.questions[0]);
    let person = continuum_tests::new_client();
    let send = || {
        person
            .post(app.url(&format!("/f/{}", form.slug)))
            .header(header::ORIGIN, &app.address)
            .form(&[("version", "1"), ("submission", first_copy.as_str()), (field.as_str(), "good")])
            .send()
    };

    let first = send().await.unwrap();
    let again = send().await.unwrap();

    for response in [&first, &again] {
        assert_eq!(response.status(), 303);
        assert_eq!(continuum_tests::location(response), format!("/f/{}/thanks", form.slug));
    }
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 1);
}

async fn each_question_type_validates_and_stores(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = form_with_every_question_type(&app, &staff, &service).await;
    assert_eq!(form.questions.len(), 7);

    // Values the form never offered are refused with a message beside each field.
    let bad = app
        .submit_feedback(&form, &[(0, "excellent"), (1, "9"), (2, "maybe"), (3, "Sunday"), (4, "Gin"), (5, "ok")])
        .await;
    assert_eq!(bad.status(), 422);
    let page = bad.text().await.unwrap();
    for message in [
        "Select one of the answers",
        "Select a number from 1 to 5",
        "Select yes or no",
        "Select one of the options",
        "Select from the options given",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 0);

    let good = app
        .submit_feedback(
            &form,
            &[
                (0, "good"),
                (1, "4"),
                (2, "yes"),
                (3, "Thursday"),
                (4, "Handouts"),
                (4, "Skills"),
                (5, "Calm"),
                (6, "Line one\nLine two"),
            ],
        )
        .await;
    assert_eq!(good.status(), 200);
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT question_id, value FROM feedback_answer").fetch_all(&app.pool).await.unwrap();
    let value_of = |i: usize| -> Vec<String> {
        let mut values: Vec<String> =
            stored.iter().filter(|(q, _)| form.questions[i].id == *q.as_str()).map(|(_, v)| v.clone()).collect();
        values.sort();
        values
    };
    assert_eq!(value_of(0), ["good"]);
    assert_eq!(value_of(1), ["4"]);
    assert_eq!(value_of(2), ["yes"]);
    assert_eq!(value_of(3), ["Thursday"]);
    assert_eq!(value_of(4), ["Handouts", "Skills"]);
    assert_eq!(value_of(5), ["Calm"]);
    assert_eq!(value_of(6), ["Line one\nLine two"]);
}

async fn a_missing_required_answer_comes_back_with_everything_typed_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = form_with_every_question_type(&app, &staff, &service).await;

    // Question 1 (the scale) is left out; everything else is answered.
    let written = "I found the <b>second</b> half hard & I'd like more breaks";
    let response = app
        .submit_feedback(
            &form,
            &[(0, "poor"), (2, "no"), (3, "Tuesday"), (4, "People"), (4, "Skills"), (5, "Tiring"), (6, written)],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(response.headers().get(header::LOCATION).is_none(), "answered in place: nothing typed goes into a URL");
    let page = response.text().await.unwrap();
    assert!(page.contains("There is a problem"), "the error summary");
    assert!(page.contains(&format!("href=\"#q-{}\"", form.questions[1].id)), "the summary links to the field");
    assert!(page.contains("Select a number from 1 to 5"));
    let checked = |i: usize, value: &str| {
        let name = format!("q-{}", form.questions[i].id);
        page.split('<').any(|tag| {
            tag.contains(&format!("name=\"{name}\""))
                && tag.contains(&format!("value=\"{value}\""))
                && tag.contains("checked")
        })
    };
    assert!(checked(0, "poor"));
    assert!(checked(2, "no"));
    assert!(checked(3, "Tuesday"));
    assert!(checked(4, "People") && checked(4, "Skills") && !checked(4, "Handouts"));
    assert!(page.contains("value=\"Tiring\""));
    let kept = page.split("<textarea").nth(1).unwrap_or_default();
    assert!(
        kept.contains("I found the &lt;b&gt;second&lt;/b&gt; half hard &amp; I'd like more breaks"),
        "the long answer is kept, as text: {kept}"
    );
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 0);
}

async fn a_closed_form_refuses_answers_calmly_and_gives_back_what_was_written(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Carers evening", "fft", "anonymous").await;
    // The open form's page is cached for a second; closing it clears that at once.
    assert!(app.anonymous_page(&format!("/f/{}", form.slug)).await.contains("Send feedback"));
    call_ok(&app, &staff, "set_form_state", &[("form_id", form.id.as_str()), ("state", "closed"), ("open_until", "")])
        .await;

    let page = app.anonymous_page(&format!("/f/{}", form.slug)).await;
    assert!(page.contains("This form is closed"));
    let response = app.submit_feedback(&form, &[(0, "good"), (1, "Please run it again in spring")]).await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.unwrap();
    assert!(page.contains("This form is closed"));
    assert!(page.contains("Please run it again in spring"), "what was written is shown back");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 0);

    // Closed by another app server (straight in the database, so this server's copy of the form is not
    // cleared): the writer checks the form in the transaction that would store the answer, and refuses it.
    call_ok(&app, &staff, "set_form_state", &[("form_id", form.id.as_str()), ("state", "open"), ("open_until", "")])
        .await;
    assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200, "this server now holds the open form");
    sqlx::query("UPDATE feedback_form SET state = 'closed' WHERE id = $1")
        .bind(&form.id)
        .execute(&app.pool)
        .await
        .unwrap();
    let late = app.submit_feedback(&form, &[(0, "poor"), (1, "Sent just as it closed")]).await;
    assert_eq!(late.status(), 409);
    assert!(late.text().await.unwrap().contains("Sent just as it closed"), "what was written is shown back");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 1);

    // A draft is not there at all for the public, and an unknown address is a calm 404.
    let draft = app.open_feedback_form(&staff, &service, "Still writing", "blank", "anonymous").await;
    assert_eq!(app.anonymous_get(&format!("/f/{}", draft.slug)).await.status(), 404);
    assert_eq!(app.anonymous_get("/f/no-such-form").await.status(), 404);
}

async fn a_sign_in_form_takes_one_response_per_person(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Members survey", "fft", "sign_in").await;

    let anonymous = app.anonymous_get(&format!("/f/{}", form.slug)).await;
    assert!(anonymous.status().is_redirection());
    let to = continuum_tests::location(&anonymous);
    assert_eq!(to, format!("/sign-in?next=/f/{}", form.slug));

    let patient = app.person_signed_in("jo@example.org", &[(&service, Role::Patient)]).await;
    let first = app.submit_feedback_as(&patient, &form, &[(0, "good")]).await;
    assert_eq!(first.status(), 200);
    let again = patient.get(app.url(&format!("/f/{}", form.slug))).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("You have already answered"));
    let second = app.submit_feedback_as(&patient, &form, &[(0, "poor"), (1, "Changed my mind")]).await;
    assert_eq!(second.status(), 409);
    assert!(second.text().await.unwrap().contains("Changed my mind"), "what was written is shown back");
    let other = app.person_signed_in("kim@example.org", &[(&service, Role::Patient)]).await;
    assert_eq!(app.submit_feedback_as(&other, &form, &[(0, "very_good")]).await.status(), 200);

    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 2);
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE respondent_id IS NOT NULL").await,
        2
    );
}

async fn a_flood_of_flagged_posts_sends_one_alert_then_one_summary(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-12-01T10:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    call_ok(&app, &manager, "set_duty_inbox", &[("service_id", &service), ("duty_inbox", "duty@example.org")]).await;
    let form = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;
    let alerts =
        || count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = 'duty@example.org'");

    for _ in 0..20 {
        let posted = app
            .submit_feedback(&form, &[(0, "poor"), (1, "i keep thinking everyone would be better off without me")])
            .await;
        assert_eq!(posted.status(), 200, "every post is accepted");
    }

    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag").await, 20, "every flag is kept");
    assert_eq!(alerts().await, 1, "the first flag alerts the duty inbox at once, the rest wait");
    assert_eq!(app.queue_alert_summaries().await, 0, "no summary inside the window");
    app.set_clock(london("2026-12-01T10:06"));
    assert_eq!(app.queue_alert_summaries().await, 1, "one summary for the 19 waiting");
    assert_eq!(app.queue_alert_summaries().await, 0, "and only one");
    assert_eq!(alerts().await, 2);
    let summary: String = sqlx::query_scalar(
        "SELECT body_text FROM outbox_mail WHERE to_address = 'duty@example.org' ORDER BY created_at DESC",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(summary.contains("19 more responses"), "{summary}");
    assert!(!summary.contains("better off without me"), "never the words");
}

async fn a_flood_from_one_client_is_asked_to_wait(backend: Backend) {
    let app = continuum_tests::spawn_app_with(backend, |settings| {
        settings.feedback_burst_per_client = 20;
        settings.feedback_burst_per_form = 300;
    })
    .await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;

    let mut statuses = Vec::new();
    for n in 0..100 {
        let posted = app.submit_feedback(&form, &[(0, "good"), (1, &format!("Flood post {n}"))]).await;
        let status = posted.status().as_u16();
        if status == 429 {
            let page = posted.text().await.unwrap();
            assert!(page.contains("Please wait a moment"), "a calm page");
            assert!(page.contains(&format!("Flood post {n}")), "what was written is shown back");
        }
        statuses.push(status);
    }

    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 20, "the first 20 are stored");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 80, "the rest are asked to wait");
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await,
        20,
        "every accepted one kept"
    );
}

async fn flagged_text_reaches_the_queue_and_the_duty_inbox_without_the_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    call_ok(&app, &manager, "set_duty_inbox", &[("service_id", &service), ("duty_inbox", "duty@example.org")]).await;
    let form = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;

    // An idiom is not flagged; indirect wording with no alarming keyword is.
    let idiom = app.submit_feedback(&form, &[(0, "very_good"), (1, "I nearly died laughing at the role play")]).await;
    let idiom = idiom.text().await.unwrap();
    assert!(idiom.find("If you are struggling").is_none(), "no crisis panel for an idiom");
    let words = "honestly i dont think ill be around for the next module";
    let person = continuum_tests::new_client();
    let flagged = app.submit_feedback_as(&person, &form, &[(0, "neither_good_nor_poor"), (1, words)]).await;
    assert_eq!(flagged.status(), 200, "screening never blocks a submission");
    let thanks_address = flagged.url().path().to_owned();
    assert_eq!(thanks_address, format!("/f/{}/thanks", form.slug), "the address names no response");
    let thanks = flagged.text().await.unwrap();
    let crisis = thanks.find("If you are struggling").expect("crisis contacts on the thank-you page");
    assert!(crisis < thanks.find("nhsuk-panel__title").unwrap(), "crisis contacts come first");
    // Reloading the thank-you page shows it again, crisis contacts first, and stores nothing.
    let reloaded = person.get(app.url(&thanks_address)).send().await.unwrap().text().await.unwrap();
    assert!(reloaded.find("If you are struggling").unwrap() < reloaded.find("nhsuk-panel__title").unwrap());

    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE flagged = 1").await, 1);
    let mail = app.mail.wait_for("duty@example.org", std::time::Duration::from_secs(15)).await;
    assert_eq!(mail.subject, "Feedback to review today");
    assert!(!mail.raw.contains("around for the next module"), "the mail never carries the response's words");
    assert!(
        mail.body.contains("/consultation/review") && !mail.body.contains("/consultation/responses/"),
        "a link to the review queue, not to the response: {}",
        mail.body
    );
    let (response_id, source_type, flag_id): (String, String, String) =
        sqlx::query_as("SELECT source_id, source_type, id FROM review_flag").fetch_one(&app.pool).await.unwrap();
    assert_eq!(source_type, "feedback_response", "the review queue's flag names its source");
    assert_eq!(uuid::Uuid::parse_str(&flag_id).unwrap().get_version_num(), 4, "a flag id tells no time");

    let queue = manager.get(app.url("/consultation/review")).send().await.unwrap().text().await.unwrap();
    assert!(queue.contains("Flagged for safeguarding review (1)"));
    assert!(queue.contains("Review today"));
    assert!(queue.contains("around for the next module"));
    let flagged_at = queue.find("around for the next module").unwrap();
    let idiom_at = queue.find("died laughing").unwrap();
    assert!(flagged_at < idiom_at, "flagged responses come first in the queue");

    // The reviewer records what was done; it is audited and leaves the queue.
    let missing = call_from(
        &app,
        &manager,
        &format!("/consultation/responses/{response_id}"),
        "record_review",
        &[("response_id", &response_id), ("outcome", ""), ("note", "")],
    )
    .await;
    let error = form_error(missing).await.expect("messages");
    assert_eq!(error.field_errors().len(), 2);
    call_ok(
        &app,
        &manager,
        "record_review",
        &[
            ("response_id", &response_id),
            ("outcome", "followed_up"),
            ("note", "Raised at handover; crisis card shared in group"),
        ],
    )
    .await;
    let queue = manager.get(app.url("/consultation/review")).send().await.unwrap().text().await.unwrap();
    assert!(queue.contains("Flagged for safeguarding review (0)"));
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'safeguarding_reviewed'").await,
        1
    );
    let page = manager.get(app.url(&format!("/consultation/responses/{response_id}"))).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Reviewed: Followed up"));
}

async fn without_a_duty_inbox_the_alert_goes_to_the_managers(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("grace@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "Drop-in", "fft", "anonymous").await;
    app.submit_feedback(&form, &[(0, "poor"), (1, "staff shouted at me and grabbed my arm")]).await;
    let mail = app.mail.wait_for("grace@example.org", std::time::Duration::from_secs(15)).await;
    assert!(!mail.raw.contains("grabbed"));
}

async fn responses_are_seen_only_by_their_services_staff_and_script_stays_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let other_service = app.add_service("CAS Day Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    app.submit_feedback(&form, &[(0, "good"), (1, "<script>alert('x')</script> loved it")]).await;
    let id: String = sqlx::query_scalar("SELECT id FROM feedback_response").fetch_one(&app.pool).await.unwrap();
    let path = format!("/consultation/responses/{id}");

    let page = staff.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("&lt;script&gt;alert") || page.contains("&lt;script>alert"), "shown as text");
    assert!(!page.contains("<script>alert"));

    let patient = app.person_signed_in("jo@example.org", &[(&service, Role::Patient)]).await;
    assert_eq!(patient.get(app.url(&path)).send().await.unwrap().status(), 403);
    assert_eq!(patient.get(app.url("/consultation/review")).send().await.unwrap().status(), 403);
    let outsider = app.person_signed_in("kim@example.org", &[(&other_service, Role::Staff)]).await;
    assert_eq!(outsider.get(app.url(&path)).send().await.unwrap().status(), 404);
    assert_eq!(outsider.get(app.url(&format!("/consultation/forms/{}", form.id))).send().await.unwrap().status(), 404);
    let queue = outsider.get(app.url("/consultation/review")).send().await.unwrap().text().await.unwrap();
    assert!(!queue.contains("loved it"));
    assert_eq!(app.anonymous_get(&path).await.status(), 303, "sign in first");
    // Staff of another service cannot enter responses to it either.
    assert_eq!(outsider.get(app.url(&format!("/f/{}/enter", form.slug))).send().await.unwrap().status(), 404);
}

async fn answered_questions_are_fixed_and_a_new_version_can_change_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Mentalisation group", "end_of_group", "anonymous").await;
    assert_eq!(form.questions.len(), 6, "the end-of-group review ends with who is answering");
    // Before any answers, questions move and go.
    let last = form.questions[4].id.clone();
    call_ok(
        &app,
        &staff,
        "arrange_question",
        &[("form_id", form.id.as_str()), ("question_id", last.as_str()), ("change", "up")],
    )
    .await;
    assert_eq!(reload(&app, &form).await.questions[3].id, last);
    let form = reload(&app, &form).await;

    app.submit_feedback(&form, &[(0, "good"), (1, "4")]).await;
    let refused = call(
        &app,
        &staff,
        "arrange_question",
        &[("form_id", form.id.as_str()), ("question_id", last.as_str()), ("change", "remove")],
    )
    .await;
    let error = form_error(refused).await;
    assert!(matches!(error, Some(app::error::AppError::Conflict(_))), "{error:?}");
    assert_eq!(reload(&app, &form).await.questions.len(), 6);

    call_ok(&app, &staff, "new_form_version", &[("form_id", form.id.as_str())]).await;
    let v2 = reload(&app, &form).await;
    assert_eq!(v2.version, 2);
    assert_eq!(v2.questions, form.questions, "the new version starts from the same questions");
    // Rewording a question gives it a new id; its old answers stay with the old wording.
    call_ok(
        &app,
        &staff,
        "save_question",
        &[
            ("form_id", form.id.as_str()),
            ("question_id", form.questions[2].id.as_str()),
            ("prompt", "Did the facilitators listen to you?"),
            ("help", ""),
            ("required", "no"),
            ("kind", "yes_no"),
            ("low", ""),
            ("high", ""),
            ("options", ""),
        ],
    )
    .await;
    let v2 = reload(&app, &form).await;
    assert_eq!(v2.questions[2].prompt, "Did the facilitators listen to you?");
    assert_ne!(v2.questions[2].id, form.questions[2].id);
    assert_eq!(v2.questions[0].id, form.questions[0].id, "unchanged questions keep their ids");
    let answered_v1: i64 =
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_version = 1").await;
    assert_eq!(answered_v1, 1);

    // Someone who opened version 1's page before the change sends it now: nothing is stored, the page says the
    // form changed, and their answers come back on version 2, the reworded question's included.
    let field = app::consultation::answering::components::field_name;
    let stale = continuum_tests::new_client()
        .post(app.url(&format!("/f/{}", form.slug)))
        .header(header::ORIGIN, &app.address)
        .form(&[
            ("version", "1"),
            (field(&form.questions[0]).as_str(), "good"),
            (field(&form.questions[1]).as_str(), "4"),
            (field(&form.questions[2]).as_str(), "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 422);
    let page = stale.text().await.unwrap();
    assert!(page.contains("This form changed while you were answering"), "the person is told plainly");
    let kept = continuum_tests::field_values(&page);
    assert!(kept.contains(&(field(&v2.questions[0]), "good".into())), "{kept:?}");
    assert!(kept.contains(&(field(&v2.questions[2]), "yes".into())), "the reworded question keeps its answer");
    assert!(kept.contains(&("version".into(), "2".into())), "sending again answers version 2");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 1, "nothing stored");

    // Duplicating makes a new draft with the same questions under new ids.
    call_ok(&app, &staff, "duplicate_feedback_form", &[("form_id", form.id.as_str())]).await;
    let forms = app::consultation::forms::db::list_forms(&app.pool, &[service.clone().into()]).await.unwrap();
    let copy = forms.iter().find(|f| f.title == "Copy of Mentalisation group").expect("the copy");
    assert_eq!(copy.questions.len(), 6);
    assert_eq!(copy.state, app::consultation::types::FormState::Draft);
    assert_ne!(copy.questions[0].id, v2.questions[0].id);
}

async fn opening_a_form_and_holding_a_focus_group_record_consultation_activities(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    // Closing and reopening does not record it twice.
    call_ok(&app, &staff, "set_form_state", &[("form_id", form.id.as_str()), ("state", "closed"), ("open_until", "")])
        .await;
    call_ok(
        &app,
        &staff,
        "set_form_state",
        &[
            ("form_id", form.id.as_str()),
            ("state", "open"),
            ("open_until_day", "31"),
            ("open_until_month", "12"),
            ("open_until_year", "2099"),
        ],
    )
    .await;
    assert_eq!(reload(&app, &form).await.open_until.as_deref(), Some("2099-12-31"));
    // Its QR poster carries the public link; a draft has no poster.
    let poster = app.anonymous_page(&format!("/posters/f/{}", form.slug)).await;
    assert!(poster.contains(&format!("http://127.0.0.1/f/{}", form.slug)), "{poster}");
    assert!(poster.contains("<svg"), "the QR code");
    let draft = app.open_feedback_form(&staff, &service, "Not yet", "blank", "anonymous").await;
    assert_eq!(app.anonymous_get(&format!("/posters/f/{}", draft.slug)).await.status(), 404);
    let past = call_from(
        &app,
        &staff,
        &format!("/consultation/forms/{}", form.id),
        "set_form_state",
        &[
            ("form_id", form.id.as_str()),
            ("state", "open"),
            ("open_until_day", "1"),
            ("open_until_month", "1"),
            ("open_until_year", "2001"),
        ],
    )
    .await;
    let past = form_error(past).await.unwrap();
    assert_eq!(past.field_errors()[0].field, "open_until_day");
    assert_eq!(past.field_errors()[0].message, "Last day for answers must be today or in the future");

    let missing = call_from(
        &app,
        &staff,
        "/consultation/focus-groups",
        "record_focus_group",
        &[
            ("service_id", &service),
            ("topic", ""),
            ("held_on_day", "someday"),
            ("participants", "0"),
            ("themes", ""),
            ("notes", ""),
        ],
    )
    .await;
    let error = form_error(missing).await.unwrap();
    let messages: Vec<&str> =
        error.field_errors().iter().map(|e| e.message.as_str()).filter(|m| !m.is_empty()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages.contains(&"Date held must include a month and year"), "{messages:?}");
    assert_eq!(error.kept_value("held_on_day"), Some("someday"));
    call_ok(
        &app,
        &staff,
        "record_focus_group",
        &[
            ("service_id", &service),
            ("topic", "Evening group pilot"),
            ("held_on_day", "14"),
            ("held_on_month", "10"),
            ("held_on_year", "2026"),
            ("participants", "7"),
            ("themes", "Evenings suit people in work\nText reminders help"),
            ("notes", "Seven members and a carer."),
        ],
    )
    .await;

    let activities: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT level, kind, source_type, patients FROM activity WHERE service_id = $1 ORDER BY source_type",
    )
    .bind(&service)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        activities,
        [
            ("consultation".to_owned(), "feedback_form".to_owned(), "feedback_form".to_owned(), 0),
            ("consultation".to_owned(), "focus_group".to_owned(), "focus_group".to_owned(), 7),
        ]
    );
    let page = staff.get(app.url("/consultation/focus-groups")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Evening group pilot") && page.contains("Text reminders help"));
}

async fn staff_enter_paper_and_assisted_responses_with_their_channel(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let field = format!("q-{}", form.questions[0].id);
    let enter = |channel: &'static str, rating: &'static str| {
        let field = field.clone();
        let staff = staff.clone();
        let url = app.url(&format!("/f/{}/enter", form.slug));
        let origin = app.address.clone();
        async move {
            staff
                .post(url)
                .header(header::ORIGIN, origin)
                .form(&[("channel", channel), (field.as_str(), rating)])
                .send()
                .await
                .unwrap()
        }
    };
    let page = staff.get(app.url(&format!("/f/{}/enter", form.slug))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("How did this response reach you?"));
    let missing = enter("", "good").await;
    assert_eq!(missing.status(), 422);
    assert!(missing.text().await.unwrap().contains("Select whether this is a paper form or an assisted response"));
    assert!(enter("paper", "good").await.status().is_redirection());
    assert!(enter("assisted", "poor").await.status().is_redirection());
    let channels: Vec<(String,)> =
        sqlx::query_as("SELECT channel FROM feedback_response ORDER BY channel").fetch_all(&app.pool).await.unwrap();
    assert_eq!(channels, [("assisted".to_owned(),), ("paper".to_owned(),)]);
    // A paper form can still be typed in after the form has closed.
    call_ok(&app, &staff, "set_form_state", &[("form_id", form.id.as_str()), ("state", "closed"), ("open_until", "")])
        .await;
    assert!(enter("paper", "very_good").await.status().is_redirection());
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 3);
    // The public cannot use the staff entry.
    assert_eq!(new_client().get(app.url(&format!("/f/{}/enter", form.slug))).send().await.unwrap().status(), 303);
}

async fn every_acknowledged_submission_of_a_burst_is_stored(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let members = app.open_feedback_form(&staff, &service, "Members", "fft", "sign_in").await;
    let patient = app.person_signed_in("jo@example.org", &[(&service, Role::Patient)]).await;

    // 120 people at once, and one person pressing "Send" twice on a sign-in form: the writer groups them into
    // batches, and the duplicate fails alone.
    let mut burst = Vec::new();
    for n in 0..120 {
        let app = &app;
        let form = &form;
        burst.push(async move {
            let comment = format!("comment {n}");
            app.submit_feedback(form, &[(0, "good"), (1, comment.as_str())]).await.status().as_u16()
        });
    }
    let twice = futures::future::join(
        app.submit_feedback_as(&patient, &members, &[(0, "good")]),
        app.submit_feedback_as(&patient, &members, &[(0, "poor")]),
    );
    let (statuses, (first, second)) = futures::future::join(futures::future::join_all(burst), twice).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let mut pair = [first.status().as_u16(), second.status().as_u16()];
    pair.sort();
    assert_eq!(pair, [200, 409]);
    let stored =
        count(&app, &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_id = '{}'", form.id))
            .await;
    assert_eq!(stored, 120);
    let answers =
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_answer WHERE value LIKE 'comment %'").await;
    assert_eq!(answers, 120);
    assert_eq!(
        count(
            &app,
            &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_id = '{}'", members.id)
        )
        .await,
        1
    );
}

async fn a_new_version_opened_while_someone_answers_brings_their_answers_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200, "this server now holds version 1");
    // Version 2 starts on another app server: straight in the database, so this server's copy is not cleared.
    let mut conn = app.pool.acquire().await.unwrap();
    app::consultation::forms::db::insert_version(&mut conn, &form.id, 2, &form.questions).await.unwrap();
    drop(conn);

    let late = app.submit_feedback(&form, &[(0, "poor"), (1, "Written against version 1")]).await;
    assert_eq!(late.status(), 422);
    let page = late.text().await.unwrap();
    assert!(page.contains("This form changed while you were answering"));
    assert!(page.contains("Written against version 1"), "what was written is kept");
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, 1);
    // Sent again, it goes to version 2.
    assert_eq!(app.submit_feedback(&form, &[(0, "poor")]).await.status(), 200);
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_version = 2").await, 1);
}

on_both_engines!(
    a_flood_from_one_client_is_asked_to_wait,
    a_flood_of_flagged_posts_sends_one_alert_then_one_summary,
    the_same_page_sent_twice_stores_one_response,
    a_new_version_opened_while_someone_answers_brings_their_answers_back,
    every_acknowledged_submission_of_a_burst_is_stored,
    an_anonymous_response_stores_no_user_ip_or_time_of_day,
    each_question_type_validates_and_stores,
    a_missing_required_answer_comes_back_with_everything_typed_kept,
    a_closed_form_refuses_answers_calmly_and_gives_back_what_was_written,
    a_sign_in_form_takes_one_response_per_person,
    flagged_text_reaches_the_queue_and_the_duty_inbox_without_the_text,
    without_a_duty_inbox_the_alert_goes_to_the_managers,
    responses_are_seen_only_by_their_services_staff_and_script_stays_text,
    answered_questions_are_fixed_and_a_new_version_can_change_them,
    opening_a_form_and_holding_a_focus_group_record_consultation_activities,
    staff_enter_paper_and_assisted_responses_with_their_channel,
);
