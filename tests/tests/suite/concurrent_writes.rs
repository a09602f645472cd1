//! Concurrent writes: every server function that stores something, called by 8 members of staff at once while
//! anonymous feedback keeps arriving, on both engines. On SQLite a transaction that reads before it writes
//! cannot take the write lock later and fails at once ("database is locked"); every write therefore begins
//! with `BEGIN IMMEDIATE` through `db::Write` and waits its turn. Measured before that: up to half of
//! concurrent saves failed. The test counts calls, never time.

use std::time::Duration;

use app::accounts::types::Role;
use continuum_tests::{form_error, location, on_both_engines, spawn_app_with, token_in, Backend, TestApp, PASSWORD};
use reqwest::{header, multipart};

/// Members of staff saving at the same time.
const WRITERS: usize = 8;
/// Times each of them goes through every write.
const ROUNDS: usize = 2;
/// Anonymous clients submitting feedback meanwhile, and how many responses each sends.
const SUBMITTERS: usize = 8;
const SUBMISSIONS_EACH: usize = 30;

const PDF: &[u8] = b"%PDF-1.4\n% made by the concurrent writes test\n%%EOF\n";

/// What one writer needs: its own client, its own target person, and the shared records.
struct Writer {
    index: usize,
    /// The client address this writer's requests come from (sign-in is throttled per client address).
    address: String,
    client: reqwest::Client,
    email: String,
    target: String,
    service: String,
    patient: String,
    event_slug: String,
    event_id: String,
}

impl Writer {
    /// A new browser (no cookies) at this writer's address.
    fn fresh(&self) -> reqwest::Client {
        browser_at(&self.address)
    }
}

/// A browser without JavaScript at `address` (the server is told it through `X-Forwarded-For`).
fn browser_at(address: &str) -> reqwest::Client {
    let mut headers = header::HeaderMap::new();
    headers.insert(header::ACCEPT, header::HeaderValue::from_static("text/html,application/xhtml+xml"));
    headers.insert("x-forwarded-for", header::HeaderValue::from_str(address).expect("an address"));
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("a client")
}

/// The answer to one call: `Ok` with its `Location`, or why it failed.
async fn call(
    app: &TestApp,
    client: &reqwest::Client,
    function: &str,
    fields: &[(&str, &str)],
) -> Result<String, String> {
    let response = client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/"))
        .form(fields)
        .send()
        .await
        .map_err(|e| format!("{function}: {e}"))?;
    outcome(function, response).await
}

async fn outcome(function: &str, response: reqwest::Response) -> Result<String, String> {
    let status = response.status();
    if !status.is_redirection() {
        let body = response.text().await.unwrap_or_default();
        return Err(format!("{function}: {status} {}", body.chars().take(200).collect::<String>()));
    }
    let to = location(&response);
    match form_error(response).await {
        None => Ok(to),
        Some(error) => Err(format!("{function}: {error:?}")),
    }
}

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    sqlx::query_scalar::<_, String>(sql).bind(bind).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Every write server function once, with values that are valid and this writer's own, so that each call
/// should store something. Returns the calls that failed.
async fn every_write(app: &TestApp, w: &Writer, round: usize) -> Vec<String> {
    let mut failures = Vec::new();
    let tag = format!("{}-{round}", w.index);
    let mut check = |result: Result<String, String>| -> Option<String> {
        match result {
            Ok(location) => Some(location),
            Err(failure) => {
                failures.push(failure);
                None
            }
        }
    };
    let c = &w.client;
    let s = w.service.as_str();

    // Accounts.
    check(call(app, c, "update_my_name", &[("name", &format!("Writer {tag}"))]).await);
    let new_service = format!("Service {tag}");
    check(call(app, c, "create_service", &[("name", &new_service)]).await);
    let new_service_id = scalar(app, "SELECT id FROM service WHERE name = $1", &new_service).await;
    check(
        call(app, c, "rename_service", &[("service_id", &new_service_id), ("name", &format!("Renamed {tag}"))]).await,
    );
    check(
        call(app, c, "grant_role", &[("person_id", &w.patient), ("service_id", &new_service_id), ("role", "carer")])
            .await,
    );
    check(
        call(app, c, "revoke_role", &[("person_id", &w.patient), ("service_id", &new_service_id), ("role", "carer")])
            .await,
    );
    check(call(app, c, "set_administrator", &[("person_id", &w.target), ("administrator", "true")]).await);
    check(call(app, c, "set_administrator", &[("person_id", &w.target), ("administrator", "false")]).await);
    check(call(app, c, "set_account_disabled", &[("person_id", &w.target), ("disabled", "true")]).await);
    check(call(app, c, "set_account_disabled", &[("person_id", &w.target), ("disabled", "false")]).await);
    let invited = format!("invited-{tag}@example.org");
    check(
        call(
            app,
            c,
            "invite_person",
            &[("email", &invited), ("name", "Invited"), ("service_id", s), ("role", "patient")],
        )
        .await,
    );
    let stranger = w.fresh();
    let token = token_in(&app.mail.wait_for_subject(&invited, "invited", Duration::from_secs(60)).await.body);
    check(
        call(
            app,
            &stranger,
            "accept_invitation",
            &[
                ("token", &token),
                ("name", "Invited"),
                ("password", "a long new password"),
                ("confirm_password", "a long new password"),
            ],
        )
        .await,
    );
    check(call(app, &w.fresh(), "request_password_reset", &[("email", &invited)]).await);
    let token = token_in(&app.mail.wait_for_subject(&invited, "Reset", Duration::from_secs(60)).await.body);
    check(
        call(
            app,
            &w.fresh(),
            "reset_password",
            &[("token", &token), ("password", "another long password"), ("confirm_password", "another long password")],
        )
        .await,
    );
    check(
        call(app, &w.fresh(), "sign_in", &[("email", &invited), ("password", "another long password"), ("next", "/")])
            .await,
    );

    // The ledger.
    let title = format!("Activity {tag}");
    let activity = [
        ("level", "information"),
        ("kind", "other"),
        ("title", title.as_str()),
        ("happened_on_day", "2"),
        ("happened_on_month", "3"),
        ("happened_on_year", "2026"),
        ("patients", "3"),
        ("carers", "1"),
        ("staff", "1"),
        ("others", "0"),
        ("purpose", "A test"),
        ("outcome", ""),
    ];
    let mut fields = vec![("service_id", s)];
    fields.extend(activity);
    check(call(app, c, "record_activity", &fields).await);
    let activity_id = scalar(app, "SELECT id FROM activity WHERE title = $1", &title).await;
    let mut fields = vec![("activity_id", activity_id.as_str())];
    fields.extend(activity);
    fields[4] = ("happened_on_day", "3");
    check(call(app, c, "update_activity", &fields).await);
    check(call(app, c, "delete_activity", &[("activity_id", &activity_id)]).await);

    // Information.
    let page_title = format!("Page {tag}");
    let page = |id: &str| {
        vec![
            ("page_id", id.to_owned()),
            ("service_id", s.to_owned()),
            ("title", page_title.clone()),
            ("summary", "About the service".to_owned()),
            ("body", format!("What the service offers, {tag}.")),
            ("published", "yes".to_owned()),
        ]
    };
    let fields = page("");
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    check(call(app, c, "save_info_page", &borrowed).await);
    let page_id = scalar(app, "SELECT id FROM info_page WHERE title = $1", &page_title).await;
    let fields = page(&page_id);
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    check(call(app, c, "save_info_page", &borrowed).await);
    let event_title = format!("Open day {tag}");
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(40)).format("%Y-%m-%d").to_string();
    check(
        call(
            app,
            c,
            "save_event",
            &[
                ("event_id", ""),
                ("service_id", s),
                ("title", &event_title),
                ("description", "Come and meet us."),
                ("day_day", &day[8..10]),
                ("day_month", &day[5..7]),
                ("day_year", &day[..4]),
                ("start", "10:00"),
                ("end", "12:00"),
                ("place", "The day service"),
                ("capacity", "30"),
            ],
        )
        .await,
    );
    // The cancellation token is in the registering browser's short-lived cookie, never in the address.
    let registered = w
        .fresh()
        .post(app.url("/api/register_for_event"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/"))
        .form(&[
            ("event_slug", w.event_slug.as_str()),
            ("name", "A visitor"),
            ("email", &format!("visitor-{tag}@example.org")),
            ("access_needs", ""),
        ])
        .send()
        .await;
    let token = match registered {
        Ok(response) => {
            let token = continuum_tests::place_token(&response);
            check(outcome("register_for_event", response).await);
            token
        }
        Err(error) => {
            check(Err(format!("register_for_event: {error}")));
            None
        }
    };
    if let Some(token) = token {
        check(call(app, &w.fresh(), "cancel_registration", &[("token", &token)]).await);
    }
    check(
        call(
            app,
            c,
            "record_event_held",
            &[("event_id", &w.event_id), ("patients", "4"), ("carers", "1"), ("staff", "2"), ("others", "0")],
        )
        .await,
    );
    let uploaded = c
        .post(app.url("/api/upload_leaflet"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/information/leaflets/new"))
        .multipart(
            multipart::Form::new()
                .text("service_id", s.to_owned())
                .text("title", format!("Leaflet {tag}"))
                .text("summary", "What to expect")
                .part(
                    "file",
                    multipart::Part::bytes(PDF.to_vec())
                        .file_name("leaflet.pdf")
                        .mime_str("application/pdf")
                        .expect("mime"),
                ),
        )
        .send()
        .await;
    match uploaded {
        Ok(response) => {
            check(outcome("upload_leaflet", response).await);
        }
        Err(error) => {
            check(Err(format!("upload_leaflet: {error}")));
        }
    }

    // Consultation.
    let form_title = format!("Form {tag}");
    check(
        call(
            app,
            c,
            "create_feedback_form",
            &[
                ("service_id", s),
                ("title", &form_title),
                ("intervention", "A group"),
                ("template", "fft"),
                ("answering", "anonymous"),
            ],
        )
        .await,
    );
    let form_id = scalar(app, "SELECT id FROM feedback_form WHERE title = $1", &form_title).await;
    check(
        call(
            app,
            c,
            "update_feedback_form",
            &[("form_id", &form_id), ("title", &form_title), ("intervention", "The group"), ("answering", "anonymous")],
        )
        .await,
    );
    check(
        call(
            app,
            c,
            "save_question",
            &[
                ("form_id", &form_id),
                ("question_id", ""),
                ("prompt", "Anything else?"),
                ("help", ""),
                ("required", "no"),
                ("kind", "long_text"),
                ("low", ""),
                ("high", ""),
                ("options", ""),
            ],
        )
        .await,
    );
    let form = app::consultation::forms::db::fetch_form(&app.pool, &form_id.clone().into())
        .await
        .expect("fetch form")
        .expect("the form");
    if let Some(last) = form.questions.last() {
        check(
            call(
                app,
                c,
                "arrange_question",
                &[("form_id", &form_id), ("question_id", last.id.as_str()), ("change", "up")],
            )
            .await,
        );
    }
    check(call(app, c, "duplicate_feedback_form", &[("form_id", &form_id)]).await);
    check(call(app, c, "set_form_state", &[("form_id", &form_id), ("state", "open"), ("open_until", "")]).await);
    let answered =
        app.submit_feedback(&form, &[(0, "very_good"), (1, "I really don't want to be alive any more")]).await;
    if answered.status() != 200 {
        check(Err(format!("a flagged response to {form_title}: {}", answered.status())));
    }
    check(call(app, c, "new_form_version", &[("form_id", &form_id)]).await);
    let theme = format!("Theme {tag}");
    check(call(app, c, "add_theme", &[("service_id", s), ("name", &theme)]).await);
    let theme_id = scalar(app, "SELECT id FROM service_theme WHERE name = $1", &theme).await;
    check(
        call(app, c, "set_duty_inbox", &[("service_id", s), ("duty_inbox", &format!("duty-{tag}@example.org"))]).await,
    );
    let response_id = scalar(app, "SELECT id FROM feedback_response WHERE form_id = $1", &form_id).await;
    check(
        call(
            app,
            c,
            "record_review",
            &[("response_id", &response_id), ("outcome", "followed_up"), ("note", "Called them.")],
        )
        .await,
    );
    check(call(app, c, "mark_response_read", &[("response_id", &response_id)]).await);
    check(
        call(
            app,
            c,
            "tag_comment",
            &[
                ("response_id", &response_id),
                ("question_id", form.questions[1].id.as_str()),
                ("theme_id", &theme_id),
                ("on", "on"),
            ],
        )
        .await,
    );
    check(
        call(
            app,
            c,
            "record_focus_group",
            &[
                ("service_id", s),
                ("topic", &format!("Focus group {tag}")),
                ("held_on_day", "10"),
                ("held_on_month", "2"),
                ("held_on_year", "2026"),
                ("participants", "6"),
                ("themes", "Evenings"),
                ("notes", ""),
            ],
        )
        .await,
    );

    // Last, since it changes the password the writer signs in with.
    let (from, to) = if round.is_multiple_of(2) {
        (PASSWORD, "a changed long password")
    } else {
        ("a changed long password", PASSWORD)
    };
    check(
        call(
            app,
            c,
            "change_my_password",
            &[("current_password", from), ("new_password", to), ("confirm_password", to)],
        )
        .await,
    );
    check(call(app, c, "sign_out", &[]).await);
    check(call(app, c, "sign_in", &[("email", &w.email), ("password", to), ("next", "/")]).await);
    failures
}

async fn every_write_succeeds_from_8_staff_at_once_while_feedback_arrives(backend: Backend) {
    // Arrange: a service, its patient, a form open for anonymous feedback, an event, and 8 administrators,
    // each with a person of their own to change.
    let app = spawn_app_with(backend, |s| s.behind_proxy = true).await;
    let service = app.add_service("The service").await;
    let patient = app.add_person("patient@example.org", "Pat", false, &[(&service, Role::Patient)]).await;
    let staff = app.person_signed_in("staff@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&staff, &service, "Busy form", "fft", "anonymous").await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
    let created = call(
        &app,
        &staff,
        "save_event",
        &[
            ("event_id", ""),
            ("service_id", &service),
            ("title", "Busy open day"),
            ("description", "Come and meet us."),
            ("day_day", &day[8..10]),
            ("day_month", &day[5..7]),
            ("day_year", &day[..4]),
            ("start", "10:00"),
            ("end", "12:00"),
            ("place", "The day service"),
            ("capacity", "500"),
        ],
    )
    .await
    .expect("an event");
    let event_slug = created.trim_start_matches("/events/").to_owned();
    let event_id = scalar(&app, "SELECT id FROM event WHERE slug = $1", &event_slug).await;
    let mut writers = Vec::new();
    for index in 0..WRITERS {
        let email = format!("writer-{index}@example.org");
        app.add_person(&email, &email, true, &[]).await;
        let target = app.add_person(&format!("target-{index}@example.org"), "Target", false, &[]).await;
        let address = format!("10.0.0.{}", index + 1);
        let client = browser_at(&address);
        call(&app, &client, "sign_in", &[("email", &email), ("password", PASSWORD), ("next", "/")])
            .await
            .expect("signed in");
        writers.push(Writer {
            index,
            address,
            client,
            email,
            target: target.id,
            service: service.clone(),
            patient: patient.id.clone(),
            event_slug: event_slug.clone(),
            event_id: event_id.clone(),
        });
    }

    // Act: the writers and the submitters, all at once.
    let app = std::sync::Arc::new(app);
    let form = std::sync::Arc::new(form);
    let mut submitters = Vec::new();
    for _ in 0..SUBMITTERS {
        let (app, form) = (app.clone(), form.clone());
        submitters.push(tokio::spawn(async move {
            let mut acknowledged = 0;
            for _ in 0..SUBMISSIONS_EACH {
                let response = app.submit_feedback(&form, &[(0, "good"), (1, "Kind staff")]).await;
                if response.status() == 200 {
                    acknowledged += 1;
                }
            }
            acknowledged
        }));
    }
    let mut running = Vec::new();
    for writer in writers {
        let app = app.clone();
        running.push(tokio::spawn(async move {
            let mut failures = Vec::new();
            for round in 0..ROUNDS {
                failures.extend(every_write(&app, &writer, round).await);
            }
            failures
        }));
    }
    let mut failures = Vec::new();
    for writer in running {
        failures.extend(writer.await.expect("a writer"));
    }
    let mut acknowledged = 0;
    for submitter in submitters {
        acknowledged += submitter.await.expect("a submitter");
    }

    // Assert: nothing failed, and every submission was acknowledged and stored.
    assert!(failures.is_empty(), "{} of the concurrent writes failed:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(acknowledged, SUBMITTERS * SUBMISSIONS_EACH, "every anonymous submission acknowledged");
    let stored: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_id = $1")
        .bind(&form.id)
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(stored as usize, SUBMITTERS * SUBMISSIONS_EACH);
}

on_both_engines!(every_write_succeeds_from_8_staff_at_once_while_feedback_arrives);
