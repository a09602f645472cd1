//! Partnership §7, involvement payments: offers made once from the ledger's participants (with two app
//! servers), accept / accept less / decline, the weekly cap warning, expenses with receipts kept apart from
//! payments, the finance CSV (to the penny, formula-safe), bad money and receipts refused beside their fields
//! with what was typed kept, and each person seeing only their own.

use app::accounts::types::{Role, ServiceId};
use app::ledger::api::{LedgerSource, NewActivity, Participant, SourceKind, TakingPartAs};
use app::ledger::types::{ActivityKind, ContinuumLevel, Participants};
use continuum_tests::{date_fields, error_on_page, location, on_both_engines, spawn_app, Backend, TestApp};
use reqwest::{header, multipart, Client, Response};

/// A meeting the ledger records with who took part, through its published API.
struct Attended {
    id: String,
    service: String,
    day: String,
    people: Vec<(String, bool)>,
}

impl LedgerSource for Attended {
    const KIND: SourceKind = SourceKind::Demo;
    fn source_id(&self) -> &str {
        &self.id
    }
    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: ServiceId::from(self.service.clone()),
            level: ContinuumLevel::Participation,
            kind: ActivityKind::SteeringGroupMeeting,
            title: format!("Steering group {}", self.id),
            happened_on: self.day.clone(),
            participants: Participants { patients: 1, carers: 0, staff: 1, others: 0 },
            purpose: String::new(),
            outcome: String::new(),
            recorded_by: None,
        }
    }
    fn participants(&self) -> Option<Vec<Participant>> {
        Some(
            self.people
                .iter()
                .map(|(id, lived)| Participant {
                    person_id: Some(id.clone()),
                    name: "Someone".into(),
                    taking_part_as: if *lived { TakingPartAs::Patient } else { TakingPartAs::Staff },
                    lived_experience: *lived,
                })
                .collect(),
        )
    }
}

async fn post(app: &TestApp, client: &Client, function: &str, from: &str, fields: &[(&str, &str)]) -> Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(from))
        .form(fields)
        .send()
        .await
        .expect("POST")
}

async fn ok(app: &TestApp, client: &Client, function: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, client, function, "/payments", fields).await;
    let status = response.status();
    let to = location(&response);
    assert!(status.is_redirection(), "{function}: {status} {}", response.text().await.unwrap_or_default());
    to
}

struct World {
    service: String,
    manager: Client,
    patient: Client,
    patient_id: String,
    staff_id: String,
}

/// A service whose rate card pays steering group meetings £25.00 a session and reimburses mileage, public
/// transport and parking; a manager, a staff member and a patient.
async fn world(app: &TestApp) -> World {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("manager@example.org", "Grace Manager", false, &[(&service, Role::Manager)]).await;
    let staff = app.add_person("staff@example.org", "Sam Staff", false, &[(&service, Role::Staff)]).await;
    let patient = app.add_person("pat@example.org", "=HYPERLINK(\"x\")", false, &[(&service, Role::Patient)]).await;
    let manager = app.client_signed_in_as("manager@example.org").await;
    let patient_client = app.client_signed_in_as("pat@example.org").await;
    ok(
        app,
        &manager,
        "save_payment_rate",
        &[
            ("service_id", &service),
            ("activity_kind", "steering_group_meeting"),
            ("basis", "session"),
            ("amount", "£25.00"),
        ],
    )
    .await;
    ok(
        app,
        &manager,
        "save_payment_settings",
        &[
            ("service_id", &service),
            ("advice_contact", "https://advice.example.org/benefits"),
            ("mileage", "0.45"),
            ("public_transport", "yes"),
            ("parking", "yes"),
            ("care_cover", "no"),
        ],
    )
    .await;
    World { service, manager, patient: patient_client, patient_id: patient.id, staff_id: staff.id }
}

/// Records a meeting on `day` that the patient (lived experience) and the staff member attended.
async fn meeting(app: &TestApp, w: &World, id: &str, day: &str) {
    let source = Attended {
        id: id.to_owned(),
        service: w.service.clone(),
        day: day.to_owned(),
        people: vec![(w.patient_id.clone(), true), (w.staff_id.clone(), false)],
    };
    let mut conn = app.pool.acquire().await.unwrap();
    app::ledger::api::record(&mut conn, &source, None).await.expect("recorded");
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

async fn offers_of(app: &TestApp, person: &str) -> Vec<(String, i64, String)> {
    sqlx::query_as("SELECT id, offered_pence, status FROM payment_offer WHERE person_id = $1 ORDER BY title")
        .bind(person)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

fn days_ago(n: u64) -> String {
    (app::clock::today_date() - chrono::Days::new(n)).format("%Y-%m-%d").to_string()
}

/// A second app server on the same database and clock.
async fn second_server(app: &TestApp) -> sqlx::AnyPool {
    let mut settings = continuum::config::Settings::defaults();
    settings.database_url = app.db.url.clone();
    settings.listen = "127.0.0.1:0".parse().unwrap();
    settings.base_url = url::Url::parse("http://127.0.0.1").unwrap();
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", app.mail.port).into());
    settings.site_root = continuum_tests::site_root();
    settings.clock = Some(app.clock.clone());
    let server = continuum::startup::Application::build(settings).await.expect("a second server starts");
    let pool = server.pool();
    tokio::spawn(server.run_until_stopped());
    pool
}

async fn attendance_creates_one_offer_even_with_two_app_servers(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    meeting(&app, &w, "a", &days_ago(3)).await;
    let second = second_server(&app).await;
    let base: url::Url = app.address.parse().expect("a base URL");
    let (one, two) = tokio::join!(
        app.clock.clone().scope(app::partnership::payments::server::make_offers(&app.pool, &base)),
        app.clock.clone().scope(app::partnership::payments::server::make_offers(&second, &base)),
    );
    assert_eq!(one.unwrap() + two.unwrap(), 1, "one offer between the two servers");
    assert_eq!(make_offers(&app).await, 0, "never twice");
    assert_eq!(
        offers_of(&app, &w.patient_id).await,
        vec![(offers_of(&app, &w.patient_id).await[0].0.clone(), 2500, "offered".to_owned())]
    );
    assert!(offers_of(&app, &w.staff_id).await.is_empty(), "staff taking part are not offered payment");
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("offers you £25.00") && page.contains("https://advice.example.org/benefits"), "{page}");
    assert!(page.contains("talk to a benefits adviser"), "the benefits note comes before accepting");
    // The person is told by mail, once between the two servers, with a link and no amount.
    let mails = outbox_to(&app, "pat@example.org").await;
    assert_eq!(mails.len(), 1, "one mail for one offer: {mails:?}");
    let (subject, body) = &mails[0];
    assert_eq!(subject, "An involvement payment offer is waiting for you");
    assert!(body.contains(&format!("{}/payments", app.address)), "a link to /payments: {body}");
    // No amount in any form (the address's random port may hold the digits "25", so look for the amounts).
    assert!(
        !body.contains('£') && !body.contains("25.00") && !body.contains("2500"),
        "money is private, never in a mail: {body}"
    );
}

/// The mails queued in the outbox to `to`: subject and body.
async fn outbox_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body_text FROM outbox_mail WHERE to_address = $1 ORDER BY created_at")
        .bind(to)
        .fetch_all(&app.pool)
        .await
        .expect("outbox")
}

async fn an_offer_mail_is_queued_per_offer_and_never_to_someone_without_an_address(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let carer = app.add_person("carer@example.org", "Cara Carer", false, &[(&w.service, Role::Patient)]).await;
    let source = Attended {
        id: "both".into(),
        service: w.service.clone(),
        day: days_ago(2),
        people: vec![(w.patient_id.clone(), true), (carer.id.clone(), true)],
    };
    let mut conn = app.pool.acquire().await.unwrap();
    app::ledger::api::record(&mut conn, &source, None).await.expect("recorded");
    drop(conn);
    meeting(&app, &w, "later", &days_ago(1)).await;
    // The carer's account has no address (as an account made for someone without one would).
    sqlx::query("UPDATE person SET email = '' WHERE id = $1").bind(&carer.id).execute(&app.pool).await.unwrap();

    assert_eq!(make_offers(&app).await, 3, "two offers to the patient, one to the carer");

    assert_eq!(outbox_to(&app, "pat@example.org").await.len(), 2, "one mail per offer");
    assert!(outbox_to(&app, "").await.is_empty(), "no mail without an address");
    assert_eq!(make_offers(&app).await, 0);
    assert_eq!(outbox_to(&app, "pat@example.org").await.len(), 2, "never again for the same offers");
    // And it is delivered through the outbox to the SMTP sink.
    let mail = app
        .mail
        .wait_for_subject("pat@example.org", "involvement payment offer", std::time::Duration::from_secs(20))
        .await;
    assert!(mail.body.contains("/payments"), "{}", mail.body);
}

async fn an_offer_is_accepted_lowered_or_declined_and_bad_money_stays_beside_its_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    for (id, day) in [("a", 20), ("b", 10), ("c", 3)] {
        meeting(&app, &w, id, &days_ago(day)).await;
    }
    assert_eq!(make_offers(&app).await, 3);
    let offers = offers_of(&app, &w.patient_id).await;
    let (a, b, c) = (&offers[0].0, &offers[1].0, &offers[2].0);

    // Bad money: refused beside the offer's own amount box, with the words kept and nothing in an address.
    let response = post(
        &app,
        &w.patient,
        "answer_payment_offer",
        "/payments",
        &[("offer_id", b), ("choice", "accept"), ("amount", "twelve quid")],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(response.headers().get(header::LOCATION).is_none());
    let page = response.text().await.unwrap();
    let app::error::AppError::Validation(errors) = error_on_page(422, &page) else { panic!("a validation error") };
    let field = format!("amount-{b}");
    assert!(errors.errors.iter().any(|e| e.field == field && e.message.contains("pounds and pence")), "{errors:?}");
    // The box posts as `amount`: what was typed is back in the form of offer b, and only there.
    let at = errors.kept.iter().position(|(f, v)| f == "amount" && v == "twelve quid").expect("the words kept");
    assert_eq!(errors.kept[at - 2], ("offer_id".to_owned(), b.clone()), "{:?}", errors.kept);
    assert_eq!(errors.kept.iter().filter(|(_, v)| v == "twelve quid").count(), 1);
    let response = post(
        &app,
        &w.patient,
        "answer_payment_offer",
        "/payments",
        &[("offer_id", b), ("choice", "accept"), ("amount", "30.00")],
    )
    .await;
    assert_eq!(response.status(), 422, "no more than the offer");

    ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", a), ("choice", "accept"), ("amount", "25.00")]).await;
    let to = ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", b), ("choice", "accept"), ("amount", "12.5")])
        .await;
    assert!(!to.contains("12.5"));
    ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", c), ("choice", "decline")]).await;
    let stored: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT status, accepted_pence FROM payment_offer WHERE person_id = $1 ORDER BY title")
            .bind(&w.patient_id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        vec![("accepted".into(), Some(2500)), ("accepted".into(), Some(1250)), ("declined".into(), None)]
    );
    let again =
        post(&app, &w.patient, "answer_payment_offer", "/payments", &[("offer_id", c), ("choice", "accept")]).await;
    assert_eq!(again.status(), 409, "a choice is kept");
    let audited: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'payment_offer_answered'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 3);
}

async fn an_offer_that_would_pass_the_weekly_cap_says_so_before_accepting(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    // Two meetings in one week (Monday to Sunday).
    let (monday, _) = app::partnership::payments::server::week_of(&days_ago(14)).unwrap();
    let wednesday = (chrono::NaiveDate::parse_from_str(&monday, "%Y-%m-%d").unwrap() + chrono::Days::new(2))
        .format("%Y-%m-%d")
        .to_string();
    meeting(&app, &w, "a", &monday).await;
    meeting(&app, &w, "b", &wednesday).await;
    make_offers(&app).await;
    let bad = post(&app, &w.patient, "set_weekly_cap", "/payments", &[("weekly_cap", "lots")]).await;
    assert_eq!(bad.status(), 422);
    ok(&app, &w.patient, "set_weekly_cap", &[("weekly_cap", "30")]).await;
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Over your weekly limit"), "one offer alone is within the limit");
    assert!(page.contains("value=\"30.00\""), "the limit's box shows the limit kept, to change it");
    let offers = offers_of(&app, &w.patient_id).await;
    ok(&app, &w.patient, "answer_payment_offer", &[("offer_id", &offers[0].0), ("choice", "accept")]).await;
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Over your weekly limit") && page.contains("You have accepted £25.00 that week"), "{page}");
}

async fn claim(
    app: &TestApp,
    client: &Client,
    service: &str,
    kind: &str,
    amount: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Response {
    let mut form = multipart::Form::new()
        .text("service_id", service.to_owned())
        .text("kind", kind.to_owned())
        .text("description", "=SUM(A1) bus fare")
        .text("amount", amount.to_owned())
        .part("receipt", multipart::Part::bytes(bytes).file_name(name.to_owned()));
    for (k, v) in date_fields("incurred_on", &days_ago(2)) {
        form = form.text(k, v);
    }
    client
        .post(app.url("/api/claim_expense"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/payments"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The patient's offer for a meeting three days ago, accepted at `amount`; its id.
async fn accepted_offer(app: &TestApp, w: &World, amount: &str) -> String {
    meeting(app, w, "a", &days_ago(3)).await;
    make_offers(app).await;
    let offer = offers_of(app, &w.patient_id).await[0].0.clone();
    ok(app, &w.patient, "answer_payment_offer", &[("offer_id", &offer), ("choice", "accept"), ("amount", amount)])
        .await;
    offer
}

async fn expenses_stay_apart_and_the_finance_csv_totals_to_the_penny(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let offer = accepted_offer(&app, &w, "10.01").await;

    // A receipt that is not a PDF or an image is refused with its message, the typed words kept.
    let refused =
        claim(&app, &w.patient, &w.service, "public_transport", "4.80", "ticket.pdf", b"PK\x03\x04".to_vec()).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("ticket.pdf is not a PDF, JPEG or PNG file"), "{page}");
    let app::error::AppError::Validation(errors) = error_on_page(422, &page) else { panic!("a validation error") };
    assert!(errors.kept.iter().any(|(f, v)| f == "amount" && v == "4.80"));
    // Bad money on a claim.
    let refused =
        claim(&app, &w.patient, &w.service, "parking", "£3.5.0", "p.png", b"\x89PNG\r\n\x1a\nx".to_vec()).await;
    assert_eq!(refused.status(), 422);

    let to = location(
        &claim(&app, &w.patient, &w.service, "public_transport", "4.80", "ticket.pdf", b"%PDF-1.4 bus".to_vec()).await,
    );
    assert_eq!(to, "/payments?claimed=1");
    let to = location(
        &claim(&app, &w.patient, &w.service, "parking", "0.09", "car park.png", b"\x89PNG\r\n\x1a\nx".to_vec()).await,
    );
    assert_eq!(to, "/payments?claimed=1");

    // Expenses are not income: the weekly cap counts only the payment.
    let (from, until) = app::partnership::payments::server::week_of(&days_ago(3)).unwrap();
    let mut conn = app.pool.acquire().await.unwrap();
    let counted =
        app::partnership::payments::db::accepted_between(&mut conn, &w.patient_id.clone().into(), &from, &until)
            .await
            .unwrap();
    assert_eq!(counted, 1001);
    drop(conn);

    // The manager approves all three; the CSV holds them with a total to the penny, formula-safe.
    let claims: Vec<String> =
        sqlx::query_scalar("SELECT id FROM expense_claim ORDER BY amount_pence").fetch_all(&app.pool).await.unwrap();
    ok(&app, &w.manager, "review_payment_item", &[("item", "offer"), ("item_id", &offer), ("decision", "approve")])
        .await;
    for id in &claims {
        ok(&app, &w.manager, "review_payment_item", &[("item", "claim"), ("item_id", id), ("decision", "approve")])
            .await;
    }
    let query = post(
        &app,
        &w.manager,
        "review_payment_item",
        "/payments/manage",
        &[("item", "claim"), ("item_id", &claims[0]), ("decision", "query")],
    )
    .await;
    assert_eq!(query.status(), 422, "a query says what it asks");
    // Nobody has recorded how the patient is paid: the page warns before the file is downloaded.
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(manage.contains("Finance cannot pay these people from the file until"), "a missing reference warns");
    ok(
        &app,
        &w.manager,
        "save_payment_details",
        &[
            ("service_id", &w.service),
            ("email", "pat@example.org"),
            ("paid_through", "payroll"),
            ("payment_reference", "PAY-1"),
        ],
    )
    .await;
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(!manage.contains("Finance cannot pay these people"), "no warning once the reference is recorded");
    let csv = w.manager.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "the byte-order mark");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(
        lines[1].starts_with("Involvement payment,Payroll,\"'=HYPERLINK(\"\"x\"\")\",PAY-1,")
            && lines[1].ends_with(",10.01"),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.contains("'=SUM(A1) bus fare") && l.ends_with(",4.80")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("\"Expense (receipted, not income)\"") && l.ends_with(",0.09")));
    assert_eq!(lines[4], "Total,,,,,,,14.90");

    // Marked paid, they leave the next export.
    let through: String =
        sqlx::query_scalar("SELECT MAX(approved_at) FROM expense_claim").fetch_one(&app.pool).await.unwrap();
    ok(&app, &w.manager, "mark_payments_paid", &[("service_id", &w.service), ("through", &through)]).await;
    let text =
        w.manager.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap().text().await.unwrap();
    assert!(text.ends_with("Total,,,,,,,0.00\r\n"), "{text}");
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Paid"), "the person sees their payments paid");
}

async fn each_person_sees_only_their_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    meeting(&app, &w, "a", &days_ago(3)).await;
    make_offers(&app).await;
    let offer = offers_of(&app, &w.patient_id).await[0].0.clone();
    let to = location(
        &claim(&app, &w.patient, &w.service, "public_transport", "4.80", "ticket.pdf", b"%PDF-1.4 bus".to_vec()).await,
    );
    assert_eq!(to, "/payments?claimed=1");
    let claim_id: String = sqlx::query_scalar("SELECT id FROM expense_claim").fetch_one(&app.pool).await.unwrap();
    let receipt = format!("/payments/receipts/{claim_id}/receipt");
    let own = w.patient.get(app.url(&receipt)).send().await.unwrap();
    assert_eq!(own.status(), 200);
    assert_eq!(own.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(w.manager.get(app.url(&receipt)).send().await.unwrap().status(), 200);

    let other = app.add_service("Day Service").await;
    app.add_person("someone@example.org", "Alex Other", false, &[(&w.service, Role::Patient)]).await;
    app.add_person("elsewhere@example.org", "Eli Elsewhere", false, &[(&other, Role::Manager)]).await;
    let someone = app.client_signed_in_as("someone@example.org").await;
    let elsewhere = app.client_signed_in_as("elsewhere@example.org").await;

    assert_eq!(someone.get(app.url(&receipt)).send().await.unwrap().status(), 403);
    assert_eq!(elsewhere.get(app.url(&receipt)).send().await.unwrap().status(), 404);
    let answered =
        post(&app, &someone, "answer_payment_offer", "/payments", &[("offer_id", &offer), ("choice", "accept")]).await;
    assert_eq!(answered.status(), 404);
    let page = someone.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("You have no offers yet") && !page.contains("£25.00"), "{page}");
    assert_eq!(elsewhere.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap().status(), 403);
    let reviewed = post(
        &app,
        &elsewhere,
        "review_payment_item",
        "/payments/manage",
        &[("item", "offer"), ("item_id", &offer), ("decision", "approve")],
    )
    .await;
    assert_eq!(reviewed.status(), 404);
    let rate = post(
        &app,
        &elsewhere,
        "save_payment_rate",
        "/payments/manage",
        &[("service_id", &w.service), ("activity_kind", "focus_group"), ("basis", "session"), ("amount", "1")],
    )
    .await;
    assert_eq!(rate.status(), 403);
    assert_eq!(someone.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap().status(), 403);
    let manage = elsewhere.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(!manage.contains("Personality Disorder Service"), "another service's manager sees only their own");
}

async fn bad_rates_are_refused_beside_the_field_with_the_words_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let response = post(
        &app,
        &w.manager,
        "save_payment_rate",
        "/payments/manage",
        &[
            ("service_id", &w.service),
            ("activity_kind", "interview_panel"),
            ("basis", "hour"),
            ("amount", "£20.999"),
            ("hours", "3"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(response.headers().get(header::LOCATION).is_none());
    let page = response.text().await.unwrap();
    let app::error::AppError::Validation(errors) = error_on_page(422, &page) else { panic!("a validation error") };
    assert!(errors.errors.iter().any(|e| e.field == "amount"), "{errors:?}");
    assert!(errors.kept.iter().any(|(f, v)| f == "amount" && v == "£20.999"));
    // An hourly rate offers its hours' worth.
    ok(
        &app,
        &w.manager,
        "save_payment_rate",
        &[
            ("service_id", &w.service),
            ("activity_kind", "steering_group_meeting"),
            ("basis", "hour"),
            ("amount", "12.50"),
            ("hours", "3"),
        ],
    )
    .await;
    meeting(&app, &w, "a", &days_ago(1)).await;
    make_offers(&app).await;
    assert_eq!(offers_of(&app, &w.patient_id).await[0].1, 3750);
    // Expenses only makes no offer.
    ok(
        &app,
        &w.manager,
        "save_payment_rate",
        &[("service_id", &w.service), ("activity_kind", "steering_group_meeting"), ("basis", "expenses_only")],
    )
    .await;
    meeting(&app, &w, "b", &days_ago(1)).await;
    assert_eq!(make_offers(&app).await, 0);
}

/// Sends a correction of `claim_id`: the claim form with the claim's id, a new amount and (when `receipt`
/// is given) a new receipt.
async fn correct(
    app: &TestApp,
    client: &Client,
    service: &str,
    claim_id: &str,
    amount: &str,
    receipt: Option<(&str, Vec<u8>)>,
) -> Response {
    let mut form = multipart::Form::new()
        .text("claim_id", claim_id.to_owned())
        .text("service_id", service.to_owned())
        .text("kind", "public_transport")
        .text("description", "Bus there and back")
        .text("amount", amount.to_owned());
    form = match receipt {
        Some((name, bytes)) => form.part("receipt", multipart::Part::bytes(bytes).file_name(name.to_owned())),
        // A browser sends an empty file part when no file is chosen.
        None => form.part("receipt", multipart::Part::bytes(Vec::new()).file_name(String::new())),
    };
    for (k, v) in date_fields("incurred_on", &days_ago(2)) {
        form = form.text(k, v);
    }
    client
        .post(app.url("/api/claim_expense"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/payments?correct={claim_id}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn a_claim_is_corrected_or_withdrawn_until_a_manager_approves_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    meeting(&app, &w, "a", &days_ago(3)).await;
    make_offers(&app).await;
    for amount in ["4.80", "2.00"] {
        let sent = claim(&app, &w.patient, &w.service, "public_transport", amount, "t.pdf", b"%PDF-1.4 bus".to_vec());
        assert_eq!(location(&sent.await), "/payments?claimed=1");
    }
    let id_of = |pence: i64| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT id FROM expense_claim WHERE amount_pence = $1")
                .bind(pence)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let (first, second) = (id_of(480).await, id_of(200).await);

    // The page offers both changes for a claim not yet approved, and fills the claim form to correct it.
    let page =
        w.patient.get(app.url(&format!("/payments?correct={first}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Correct your claim") && page.contains("value=\"4.80\""), "the form, filled");
    assert!(page.contains("Withdraw the claim"), "a withdrawal");

    // The manager queries the first; the claimant corrects it, keeping its receipt, and it goes back as new.
    let asked = [("item", "claim"), ("item_id", first.as_str()), ("decision", "query"), ("note", "Which bus?")];
    ok(&app, &w.manager, "review_payment_item", &asked).await;
    // Bad money in a correction stays beside the field with the words kept.
    let refused = correct(&app, &w.patient, &w.service, &first, "four pounds", None).await;
    assert_eq!(refused.status(), 422);
    let app::error::AppError::Validation(errors) = error_on_page(422, &refused.text().await.unwrap()) else {
        panic!("a validation error")
    };
    assert!(errors.kept.iter().any(|(f, v)| f == "amount" && v == "four pounds"));
    assert!(errors.kept.iter().any(|(f, v)| f == "claim_id" && *v == first), "still correcting that claim");
    assert_eq!(location(&correct(&app, &w.patient, &w.service, &first, "5.20", None).await), "/payments?corrected=1");
    let (amount, review, note, receipt): (i64, String, String, Option<String>) =
        sqlx::query_as("SELECT amount_pence, review, review_note, receipt_name FROM expense_claim WHERE id = $1")
            .bind(&first)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((amount, review.as_str(), note.as_str()), (520, "pending", ""), "sent again as new");
    assert!(receipt.is_some(), "the receipt is kept");

    // Someone else's claim is not found, to its service's manager too.
    for client in [&w.manager] {
        let response = correct(&app, client, &w.service, &first, "1.00", None).await;
        assert_eq!(response.status(), 404);
        let response =
            post(&app, client, "withdraw_expense_claim", "/payments", &[("claim_id", &first), ("withdraw", "yes")])
                .await;
        assert_eq!(response.status(), 404);
    }
    // Withdrawing needs the box ticked; then it is gone, audited.
    let unticked = post(&app, &w.patient, "withdraw_expense_claim", "/payments", &[("claim_id", &second)]).await;
    assert_eq!(unticked.status(), 422);
    let withdrawn = [("claim_id", second.as_str()), ("withdraw", "yes")];
    assert_eq!(ok(&app, &w.patient, "withdraw_expense_claim", &withdrawn).await, "/payments?withdrawn=1");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM expense_claim").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 1);
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'expense_claim_withdrawn'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // Once approved, neither: 409 with its message, and nothing changes.
    let approve = [("item", "claim"), ("item_id", first.as_str()), ("decision", "approve")];
    ok(&app, &w.manager, "review_payment_item", &approve).await;
    let late = correct(&app, &w.patient, &w.service, &first, "9.99", None).await;
    assert_eq!(late.status(), 409);
    assert!(late.text().await.unwrap().contains("can no longer be changed"));
    let late =
        post(&app, &w.patient, "withdraw_expense_claim", "/payments", &[("claim_id", &first), ("withdraw", "yes")])
            .await;
    assert_eq!(late.status(), 409);
    let amount: i64 = sqlx::query_scalar("SELECT amount_pence FROM expense_claim WHERE id = $1")
        .bind(&first)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(amount, 520);
    let page =
        w.patient.get(app.url(&format!("/payments?correct={first}"))).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Correct your claim") && !page.contains("Withdraw the claim"), "no changes offered");
}

async fn expenses_only_work_lets_the_person_who_took_part_claim_expenses(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    // The rate card pays nothing for steering group meetings: the patient takes part, expenses only.
    ok(
        &app,
        &w.manager,
        "save_payment_rate",
        &[("service_id", &w.service), ("activity_kind", "steering_group_meeting"), ("basis", "expenses_only")],
    )
    .await;
    // Before taking part, the service is not one they may claim from.
    let refused =
        claim(&app, &w.patient, &w.service, "public_transport", "3.20", "ticket.pdf", b"%PDF-1.4 bus".to_vec()).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Choose the service the expense was for"));
    meeting(&app, &w, "a", &days_ago(2)).await;
    assert_eq!(make_offers(&app).await, 0, "expenses only: no offer");
    let page = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Claim an expense"), "the claim form is there without an offer");
    assert!(page.contains("Personality Disorder Service"), "from the service they took part in");
    let to = location(
        &claim(&app, &w.patient, &w.service, "public_transport", "3.20", "ticket.pdf", b"%PDF-1.4 bus".to_vec()).await,
    );
    assert_eq!(to, "/payments?claimed=1");
    let stored: Vec<i64> = sqlx::query_scalar("SELECT amount_pence FROM expense_claim WHERE person_id = $1")
        .bind(&w.patient_id)
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, vec![320]);
    // Someone who took part in another service's work cannot claim from this one.
    let other = app.add_service("Day Service").await;
    app.add_person("other@example.org", "Olu Other", false, &[(&other, Role::Patient)]).await;
    let outsider = app.client_signed_in_as("other@example.org").await;
    let refused =
        claim(&app, &outsider, &w.service, "public_transport", "3.20", "ticket.pdf", b"%PDF-1.4 bus".to_vec()).await;
    assert_eq!(refused.status(), 422);
    // The manager's finance CSV is an audited read.
    let csv = w.manager.get(app.url(&format!("/payments/export/{}", w.service))).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let audited: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'finance_csv_read'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1, "reading the finance CSV is audited");
}

/// Every money box reads money one strict way — "£ 45" and "+45" are refused like "twelve quid", beside the
/// field with the words kept — and money comes back as it was accepted: "1,234.05" is shown as £1,234.05
/// (tester 17c, finding 5), by the one formatter, on the person's page and the manager's.
async fn money_is_read_one_strict_way_and_shown_as_it_was_accepted(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    meeting(&app, &w, "a", &days_ago(3)).await;
    assert_eq!(make_offers(&app).await, 1);
    let offer = offers_of(&app, &w.patient_id).await[0].0.clone();
    for loose in ["£ 20", "+20", "£+20", "20 .00"] {
        let fields = [("offer_id", offer.as_str()), ("choice", "accept"), ("amount", loose)];
        let response = post(&app, &w.patient, "answer_payment_offer", "/payments", &fields).await;
        assert_eq!(response.status(), 422, "{loose} is refused");
        let page = response.text().await.unwrap();
        let app::error::AppError::Validation(errors) = error_on_page(422, &page) else { panic!("a validation error") };
        assert!(errors.errors.iter().any(|e| e.field == format!("amount-{offer}")), "beside the box: {errors:?}");
        assert!(errors.kept.iter().any(|(f, v)| f == "amount" && v == loose), "the words kept");
    }
    for (field, loose) in [("amount", "£ 45"), ("amount", "+45")] {
        let fields = [
            ("service_id", w.service.as_str()),
            ("activity_kind", "focus_group"),
            ("basis", "session"),
            (field, loose),
        ];
        let response = post(&app, &w.manager, "save_payment_rate", "/payments/manage", &fields).await;
        assert_eq!(response.status(), 422, "a rate of {loose}");
    }
    let fields = [("service_id", w.service.as_str()), ("advice_contact", "Call us"), ("mileage", "£ 0.45")];
    let response = post(&app, &w.manager, "save_payment_settings", "/payments/manage", &fields).await;
    assert_eq!(response.status(), 422, "a mileage rate of £ 0.45");
    // Accepted amounts come back with their thousands separated.
    let fields = [
        ("service_id", w.service.as_str()),
        ("activity_kind", "focus_group"),
        ("basis", "session"),
        ("amount", "1,234.05"),
    ];
    ok(&app, &w.manager, "save_payment_rate", &fields).await;
    let response =
        claim(&app, &w.patient, &w.service, "public_transport", "1,234.05", "ticket.pdf", b"%PDF-1.7\n".to_vec()).await;
    assert!(response.status().is_redirection(), "the claim: {}", response.status());
    let mine = w.patient.get(app.url("/payments")).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains("£1,234.05") && !mine.contains("£1234.05"), "the person's page");
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert!(manage.contains("£1,234.05 a session"), "the rate card");
    assert!(manage.contains("£1,234.05") && !manage.contains("£1234.05"), "the manager's page");
    let stored: i64 = sqlx::query_scalar("SELECT amount_pence FROM expense_claim").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 123_405, "in pence");
}

/// The export address and the "mark these items paid" form's `through` on the manager's page (they are one
/// value: the latest approval the page showed).
fn export_through(page: &str) -> String {
    let after = page.split("?through=").nth(1).expect("an export link");
    let through = after.split('"').next().unwrap().to_owned();
    assert!(page.contains(&format!("name=\"through\" value=\"{through}\"")), "the form marks what the file holds");
    through
}

async fn an_approved_item_is_final_and_marked_paid_with_the_file_it_was_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let offer = accepted_offer(&app, &w, "25.00").await;
    let to = location(
        &claim(&app, &w.patient, &w.service, "parking", "3.20", "p.png", b"\x89PNG\r\n\x1a\nx".to_vec()).await,
    );
    assert_eq!(to, "/payments?claimed=1");
    let claim_id: String = sqlx::query_scalar("SELECT id FROM expense_claim").fetch_one(&app.pool).await.unwrap();
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert_eq!(manage.matches("value=\"approve\"").count(), 2, "both items wait for review");

    // Approved once; approving again or querying it is refused with 409 and its message, and changes nothing.
    let approve = [("item", "offer"), ("item_id", offer.as_str()), ("decision", "approve")];
    ok(&app, &w.manager, "review_payment_item", &approve).await;
    let approved_at: String = sqlx::query_scalar("SELECT approved_at FROM payment_offer WHERE id = $1")
        .bind(&offer)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.clock.set(app.clock.now() + chrono::Duration::minutes(1));
    let query = [("item", "offer"), ("item_id", offer.as_str()), ("decision", "query"), ("note", "Which meeting?")];
    for again in [&approve[..], &query[..]] {
        let refused = post(&app, &w.manager, "review_payment_item", "/payments/manage", again).await;
        assert_eq!(refused.status(), 409);
        assert!(refused.text().await.unwrap().contains("cannot be approved again or queried"));
    }
    let (review, still): (String, String) =
        sqlx::query_as("SELECT review, approved_at FROM payment_offer WHERE id = $1")
            .bind(&offer)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((review.as_str(), still.as_str()), ("approved", approved_at.as_str()));
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'payment_reviewed'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1, "one review, one audit line");
    // The page offers no second review of the approved item: only the claim's buttons are left.
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    assert_eq!(manage.matches("value=\"approve\"").count(), 1, "{manage}");
    assert!(manage.contains("Approved, to be paid"));

    // The file downloaded now holds the offer; the claim approved after the download is not marked paid with it.
    let through = export_through(&manage);
    let file = w
        .manager
        .get(app.url(&format!("/payments/export/{}?through={through}", w.service)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(file.trim_end().ends_with("Total,,,,,,,25.00"), "{file}");
    app.clock.set(app.clock.now() + chrono::Duration::minutes(1));
    ok(&app, &w.manager, "review_payment_item", &[("item", "claim"), ("item_id", &claim_id), ("decision", "approve")])
        .await;
    ok(&app, &w.manager, "mark_payments_paid", &[("service_id", &w.service), ("through", &through)]).await;
    let offer_paid: Option<String> = sqlx::query_scalar("SELECT paid_at FROM payment_offer WHERE id = $1")
        .bind(&offer)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let claim_paid: Option<String> = sqlx::query_scalar("SELECT paid_at FROM expense_claim WHERE id = $1")
        .bind(&claim_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(offer_paid.is_some() && claim_paid.is_none(), "exactly the file's items are paid");
    let manage = w.manager.get(app.url("/payments/manage")).send().await.unwrap().text().await.unwrap();
    let next = w
        .manager
        .get(app.url(&format!("/payments/export/{}?through={}", w.service, export_through(&manage))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(next.trim_end().ends_with("Total,,,,,,,3.20") && !next.contains("Steering group"), "{next}");

    // Paid, it is refused just the same.
    for again in [&approve[..], &query[..]] {
        let refused = post(&app, &w.manager, "review_payment_item", "/payments/manage", again).await;
        assert_eq!(refused.status(), 409);
    }
}

on_both_engines!(
    an_approved_item_is_final_and_marked_paid_with_the_file_it_was_in,
    expenses_only_work_lets_the_person_who_took_part_claim_expenses,
    attendance_creates_one_offer_even_with_two_app_servers,
    an_offer_mail_is_queued_per_offer_and_never_to_someone_without_an_address,
    an_offer_is_accepted_lowered_or_declined_and_bad_money_stays_beside_its_field,
    an_offer_that_would_pass_the_weekly_cap_says_so_before_accepting,
    expenses_stay_apart_and_the_finance_csv_totals_to_the_penny,
    each_person_sees_only_their_own,
    a_claim_is_corrected_or_withdrawn_until_a_manager_approves_it,
    bad_rates_are_refused_beside_the_field_with_the_words_kept,
    money_is_read_one_strict_way_and_shown_as_it_was_accepted,
);
