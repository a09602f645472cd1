//! The test harness: the real Continuum server on port 0 over a fresh database (a SQLite file, or a new
//! database on a real PostgreSQL server), a real SMTP server on loopback, and a cookie-keeping HTTP client
//! that behaves like a browser without JavaScript. Helpers are named after what a person does.
//!
//! PostgreSQL comes from `CONTINUUM_TEST_POSTGRES_URL` (scripts/test starts a throwaway server and sets it).
//! Its absence fails the PostgreSQL tests: they are never skipped.

pub mod browser;
pub mod forms;
pub mod routes;
pub mod smtp;
pub mod world;

use std::{path::PathBuf, time::Duration};

use app::{
    accounts::{db as accounts_db, password, types::Role},
    error::AppError,
};
use base64::{engine::general_purpose::URL_SAFE, Engine as _};
use continuum::{config::Settings, startup::Application};
use reqwest::{header, redirect, Response};
use sqlx::AnyPool;

pub use smtp::{ReceivedMail, SmtpSink};

/// Fields as a person types them: each named date field whose value is `YYYY-MM-DD` becomes the NHS.UK date
/// input's three boxes (`<name>_day`, `<name>_month`, `<name>_year`, as `dates::part_name` names them), the way
/// someone types "14", "3", "2027". Other fields are kept as they are.
pub fn typed_dates(fields: &[(&str, &str)], date_fields: &[&str]) -> Vec<(String, String)> {
    let mut typed = Vec::new();
    for (name, value) in fields {
        let parts =
            date_fields.contains(name).then(|| chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()).flatten();
        match parts {
            Some(day) => {
                use chrono::Datelike;
                typed.push((format!("{name}_day"), day.day().to_string()));
                typed.push((format!("{name}_month"), day.month().to_string()));
                typed.push((format!("{name}_year"), day.year().to_string()));
            }
            None => typed.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    typed
}

/// The password every test account is given.
pub const PASSWORD: &str = "correct horse battery";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each named `async fn(Backend)` as two tests, `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Postgres).await
                }
            )*
        }
    };
}

/// A database made for one test.
pub struct TestDatabase {
    pub url: String,
    /// PostgreSQL: the server's admin URL and the database name, so a test can drop it.
    pub postgres: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        sqlx::any::install_default_drivers();
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}", dir.path().join("continuum.db").display());
                Self { url, postgres: None, _dir: Some(dir) }
            }
            Backend::Postgres => {
                let admin_url = std::env::var("CONTINUUM_TEST_POSTGRES_URL").expect(
                    "CONTINUUM_TEST_POSTGRES_URL is not set: run scripts/test, which starts a throwaway PostgreSQL, or point it at a server whose user may CREATE DATABASE",
                );
                let name = format!("continuum_test_{}", uuid::Uuid::new_v4().simple());
                let admin = sqlx::AnyPool::connect(&admin_url).await.expect("connect to the test PostgreSQL server");
                sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("create a test database");
                admin.close().await;
                let mut url = url::Url::parse(&admin_url).expect("CONTINUUM_TEST_POSTGRES_URL is a URL");
                url.set_path(&name);
                Self { url: url.to_string(), postgres: Some((admin_url, name)), _dir: None }
            }
        }
    }
}

/// The built site (`cargo leptos build`), for pages that load the JavaScript bundle.
pub fn site_root() -> PathBuf {
    std::env::var_os("CONTINUUM_TEST_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site")))
}

/// A running Continuum with its own database and SMTP server.
pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub pool: AnyPool,
    pub db: TestDatabase,
    pub mail: SmtpSink,
    /// A client that keeps cookies, does not follow redirects, and asks for HTML like a browser.
    pub client: reqwest::Client,
    pub backend: Backend,
    /// The app's clock: the system clock, or a stopped one from [`spawn_app_at`] that the test moves with
    /// [`TestApp::set_clock`] instead of waiting.
    pub clock: app::clock::Clock,
}

/// The instant of a local time in the default time zone (`Europe/London`), `YYYY-MM-DDTHH:MM`.
/// The three boxes of the date input named `field` (`held_on_day`, `held_on_month`, `held_on_year`) filled
/// with the date `YYYY-MM-DD`, as a person types it ("7", "3", "2026") and a browser posts it.
pub fn date_fields(field: &str, iso: &str) -> Vec<(String, String)> {
    let parts = app::dates::DateParts::of_iso(iso);
    assert!(!parts.is_empty(), "{iso} is not a date");
    vec![
        (format!("{field}_day"), parts.day),
        (format!("{field}_month"), parts.month),
        (format!("{field}_year"), parts.year),
    ]
}

pub fn london(local: &str) -> chrono::DateTime<chrono::Utc> {
    let local = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").expect("YYYY-MM-DDTHH:MM");
    app::clock::Clock::system(app::clock::DEFAULT_ZONE).instant_at(local)
}

/// An instant written in UTC, `YYYY-MM-DDTHH:MMZ`.
pub fn utc(at: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(&at.replace('Z', ":00Z")).expect("YYYY-MM-DDTHH:MMZ").to_utc()
}

/// Starts Continuum with its clock stopped at `at` (in `Europe/London`); `app.set_clock` moves it.
pub async fn spawn_app_at(backend: Backend, at: chrono::DateTime<chrono::Utc>) -> TestApp {
    spawn_app_with(backend, |settings| {
        settings.clock = Some(app::clock::Clock::stopped_at(app::clock::DEFAULT_ZONE, at));
    })
    .await
}

/// Starts Continuum on port 0 with a fresh database and SMTP server.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// As `spawn_app`, letting the test change settings first.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let db = TestDatabase::create(backend).await;
    let mail = SmtpSink::start().await;
    let mut settings = Settings::defaults();
    settings.database_url = db.url.clone();
    settings.listen = "127.0.0.1:0".parse().expect("address");
    settings.base_url = url::Url::parse("http://127.0.0.1").expect("url");
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", mail.port).into());
    settings.mail_retry_ms = 200;
    settings.site_root = site_root();
    settings.organisation = "Test NHS Trust".into();
    // Each test's SQLite file is new, in a folder made for it.
    settings.create_database = true;
    // Every test client comes from 127.0.0.1, and some tests post hundreds of responses: the feedback throttle
    // is off unless a test turns it on (`a_flood_from_one_client_is_asked_to_wait`).
    settings.feedback_burst_per_client = 0;
    settings.feedback_burst_per_form = 0;
    adjust(&mut settings);
    let clock = settings.clock();
    let app = Application::build(settings).await.expect("Continuum starts");
    let port = app.port();
    let pool = app.pool();
    tokio::spawn(app.run_until_stopped());
    TestApp { address: format!("http://127.0.0.1:{port}"), port, pool, db, mail, client: new_client(), backend, clock }
}

/// A browser-like client without JavaScript: keeps cookies, sends `Accept: text/html`, follows no redirects.
pub fn new_client() -> reqwest::Client {
    let mut headers = header::HeaderMap::new();
    headers.insert(header::ACCEPT, header::HeaderValue::from_static("text/html,application/xhtml+xml"));
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("HTTP client")
}

/// A person made directly in the database for a test.
#[derive(Clone, Debug)]
pub struct TestPerson {
    pub id: String,
    pub email: String,
    pub name: String,
}

impl TestApp {
    /// Moves the app's stopped clock to `at` (see [`spawn_app_at`]).
    pub fn set_clock(&self, at: chrono::DateTime<chrono::Utc>) {
        self.clock.set(at);
    }

    /// Runs the event reminders job as the app's housekeeping does, at the app's clock; returns how many
    /// reminders it queued.
    pub async fn queue_reminders(&self) -> usize {
        let base = url::Url::parse("http://127.0.0.1/").expect("url");
        let job = app::information::reminders::queue_due(&self.pool, &self.clock, &base);
        self.clock.clone().scope(job).await.expect("reminders")
    }
    /// Runs the duty alert summaries job as the app's housekeeping does, at the app's clock; returns how many
    /// mails it queued.
    pub async fn queue_alert_summaries(&self) -> usize {
        let base = url::Url::parse("http://127.0.0.1/").expect("url");
        let job = app::consultation::answering::writer::queue_alert_summaries(&self.pool, &base);
        self.clock.clone().scope(job).await.expect("alert summaries")
    }

    /// The full URL of a path on this app; a full URL (such as a redirect's `Location`) is kept as it is.
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") {
            path.to_owned()
        } else {
            format!("{}{path}", self.address)
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// Fetches a page as a visitor who is not signed in (a fresh client, no cookies).
    pub async fn anonymous_get(&self, path: &str) -> Response {
        new_client().get(self.url(path)).send().await.expect("GET")
    }

    /// The text of a page fetched by a visitor who is not signed in.
    pub async fn anonymous_page(&self, path: &str) -> String {
        self.anonymous_get(path).await.text().await.expect("body")
    }

    /// Submits a form as a browser without JavaScript does: a urlencoded POST from one of our pages.
    pub async fn post_form(&self, path: &str, from_page: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .header(header::ORIGIN, &self.address)
            .header(header::REFERER, self.url(from_page))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Adds a service directly in the database.
    pub async fn add_service(&self, name: &str) -> String {
        accounts_db::insert_service(&self.pool, name, &app::db::now()).await.expect("insert service").into_string()
    }

    /// Adds a person with the test password and the given roles.
    pub async fn add_person(&self, email: &str, name: &str, is_admin: bool, roles: &[(&str, Role)]) -> TestPerson {
        let hash = password::hash_password(PASSWORD).await.expect("hash");
        let now = app::db::now();
        let person = accounts_db::NewPerson { email, name, password_hash: Some(&hash), is_admin };
        let id = accounts_db::insert_person(&self.pool, &person, &now).await.expect("insert person");
        for (service_id, role) in roles {
            accounts_db::insert_role_grant(&self.pool, &id, &(*service_id).into(), *role, &now)
                .await
                .expect("grant role");
        }
        TestPerson { id: id.into_string(), email: email.to_owned(), name: name.to_owned() }
    }

    /// Adds a ledger activity directly in the database: `patients` and `carers` took part on `day`.
    pub async fn add_activity(&self, service_id: &str, level: &str, day: &str, patients: i64, carers: i64) -> String {
        let activity = app::ledger::db::NewActivity {
            service_id: service_id.into(),
            level: level.parse().expect("a level"),
            kind: app::ledger::types::ActivityKind::Other,
            title: format!("{level} activity on {day}"),
            happened_on: day.to_owned(),
            participants: app::ledger::types::Participants { patients, carers, staff: 1, others: 0 },
            purpose: String::new(),
            outcome: String::new(),
            recorded_by: None,
        };
        app::ledger::db::insert_activity(&self.pool, &activity).await.expect("insert activity").into_string()
    }

    /// Makes the person with account `email` a current member (a patient member, since 2000, no end) of the
    /// service's "Steering group", set up directly in the database if it has none. Reading the service's
    /// aggregate figures follows current membership of one of its groups, not the "steering group member"
    /// role (issue 15 §7).
    pub async fn add_to_steering_group(&self, service_id: &str, email: &str) {
        let now = app::db::now();
        let group: Option<String> =
            sqlx::query_scalar("SELECT id FROM participation_group WHERE service_id = $1 AND name = 'Steering group'")
                .bind(service_id)
                .fetch_optional(&self.pool)
                .await
                .expect("find group");
        let group = match group {
            Some(id) => id,
            None => {
                let id = app::db::new_id();
                sqlx::query(
                    "INSERT INTO participation_group (id, service_id, name, purpose, terms_of_reference,
                        quorum_present, quorum_lived, papers_due_days, created_at)
                     VALUES ($1, $2, 'Steering group', 'Shapes the service', '', 2, 1, 7, $3)",
                )
                .bind(&id)
                .bind(service_id)
                .bind(&now)
                .execute(&self.pool)
                .await
                .expect("insert group");
                id
            }
        };
        let (person, name): (String, String) = sqlx::query_as("SELECT id, display_name FROM person WHERE email = $1")
            .bind(email)
            .fetch_one(&self.pool)
            .await
            .expect("the person");
        sqlx::query(
            "INSERT INTO group_member (id, group_id, person_id, name, organisation, member_type, position,
                term_start, access_needs, created_at)
             VALUES ($1, $2, $3, $4, '', 'patient', 'member', '2000-01-01', '', $5)",
        )
        .bind(app::db::new_id())
        .bind(&group)
        .bind(&person)
        .bind(&name)
        .bind(&now)
        .execute(&self.pool)
        .await
        .expect("insert member");
    }

    /// Makes a person with roles in existing services, and signs them in on a new client of their own.
    pub async fn person_signed_in(&self, email: &str, roles: &[(&str, Role)]) -> reqwest::Client {
        self.add_person(email, email, false, roles).await;
        self.client_signed_in_as(email).await
    }

    /// Signs in an existing person (with the test password) on a new client of their own.
    pub async fn client_signed_in_as(&self, email: &str) -> reqwest::Client {
        let client = new_client();
        let response = client
            .post(self.url("/api/sign_in"))
            .header(header::ORIGIN, &self.address)
            .form(&[("email", email), ("password", PASSWORD), ("next", "/")])
            .send()
            .await
            .expect("sign in");
        assert_signed_in(response);
        client
    }

    /// Signs in through the sign-in form; returns the response (a redirect on success).
    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.post_form("/api/sign_in", "/sign-in", &[("email", email), ("password", password), ("next", "/")]).await
    }

    /// Makes a person with one role in a new service and signs them in.
    pub async fn sign_in_as(&self, role: Role) -> TestPerson {
        let service = self.add_service(&format!("{} test service", role.label())).await;
        let email = format!("{}@example.org", role.as_str());
        let person = self.add_person(&email, role.label(), false, &[(&service, role)]).await;
        assert_signed_in(self.sign_in(&email, PASSWORD).await);
        person
    }

    /// Makes an administrator and signs them in.
    pub async fn sign_in_as_admin(&self) -> TestPerson {
        let person = self.add_person("admin@example.org", "Ada Admin", true, &[]).await;
        assert_signed_in(self.sign_in(&person.email, PASSWORD).await);
        person
    }

    /// Waits for the mail worker to deliver a message to `to` over SMTP.
    pub async fn mail_to(&self, to: &str) -> ReceivedMail {
        self.mail.wait_for(to, Duration::from_secs(15)).await
    }

    /// The page at `path`, as text, after checking it answered 200.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.expect("body")
    }

    /// Creates a feedback form through the builder's server function as `staff` (signed in), from `template`
    /// ("fft", "end_of_group" or "blank") and `answering` ("anonymous" or "sign_in"), and opens it.
    pub async fn open_feedback_form(
        &self,
        staff: &reqwest::Client,
        service_id: &str,
        title: &str,
        template: &str,
        answering: &str,
    ) -> app::consultation::types::FeedbackForm {
        let created = staff
            .post(self.url("/api/create_feedback_form"))
            .header(header::ORIGIN, &self.address)
            .form(&[
                ("service_id", service_id),
                ("title", title),
                ("intervention", &format!("{title} (intervention)")),
                ("template", template),
                ("answering", answering),
            ])
            .send()
            .await
            .expect("create form");
        if !created.status().is_redirection() {
            panic!("create form: {:?}", form_error(created).await);
        }
        let form =
            app::consultation::forms::db::list_forms(&self.pool, &[app::accounts::types::ServiceId::from(service_id)])
                .await
                .expect("list forms")
                .into_iter()
                .find(|f| f.title == title)
                .expect("the new form");
        if !form.questions.is_empty() {
            let opened = staff
                .post(self.url("/api/set_form_state"))
                .header(header::ORIGIN, &self.address)
                .form(&[("form_id", form.id.as_str()), ("state", "open"), ("open_until", "")])
                .send()
                .await
                .expect("open form");
            if !opened.status().is_redirection() {
                panic!("open form: {:?}", form_error(opened).await);
            }
        }
        app::consultation::forms::db::fetch_form(&self.pool, &form.id).await.expect("fetch form").expect("form")
    }

    /// Counts feedback's aggregates again from the stored rows (`consultation::tally::rebuild`), for a test that
    /// wrote or changed responses, answers or themes by hand in SQL rather than through the app's writes.
    pub async fn recount_feedback(&self) {
        let mut tx = self.pool.begin().await.expect("begin");
        app::consultation::tally::rebuild(&mut tx).await.expect("recount feedback's aggregates");
        tx.commit().await.expect("commit");
    }

    /// Answers a feedback form at its public link with a fresh client (no cookies, as an anonymous visitor):
    /// `answers` are (question index, value) pairs; returns the response (the thank-you page, or the form
    /// again with its messages).
    pub async fn submit_feedback(
        &self,
        form: &app::consultation::types::FeedbackForm,
        answers: &[(usize, &str)],
    ) -> Response {
        self.submit_feedback_as(&new_client(), form, answers).await
    }

    /// As `submit_feedback`, from `client` (signed in or not).
    pub async fn submit_feedback_as(
        &self,
        client: &reqwest::Client,
        form: &app::consultation::types::FeedbackForm,
        answers: &[(usize, &str)],
    ) -> Response {
        let fields: Vec<(String, String)> = answers
            .iter()
            .map(|(i, v)| (app::consultation::answering::components::field_name(&form.questions[*i]), (*v).to_owned()))
            .collect();
        let response = client
            .post(self.url(&format!("/f/{}", form.slug)))
            .header(header::ORIGIN, &self.address)
            .form(&fields)
            .send()
            .await
            .expect("POST feedback");
        // A stored response is redirected to its thank-you page (post/redirect/get), which a browser follows.
        let thanks = format!("/f/{}/thanks", form.slug);
        if response.status() == 303 && location(&response) == thanks {
            return client.get(self.url(&thanks)).send().await.expect("GET thank-you page");
        }
        response
    }

    /// Closes the app's database pool: to the app, the database is gone.
    pub async fn lose_database(&self) {
        match &self.db.postgres {
            Some((admin_url, name)) => {
                let admin = sqlx::AnyPool::connect(admin_url).await.expect("connect as admin");
                sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                    .execute(&admin)
                    .await
                    .expect("drop database");
                admin.close().await;
            }
            None => self.pool.close().await,
        }
    }
}

/// Asserts a sign-in succeeded: a redirect onwards with a session cookie.
pub fn assert_signed_in(response: Response) {
    let status = response.status();
    let location = location(&response);
    assert_eq!(status, 303, "sign-in should redirect onwards (post/redirect/get)");
    assert!(!location.contains("__err"), "sign-in failed: {:?}", error_in_location(&location));
}

/// The `Location` header of a redirect.
pub fn location(response: &Response) -> String {
    response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The cancellation token an event registration left in the browser's short-lived cookie
/// (`information::types::PLACE_COOKIE`), if the response set it.
pub fn place_token(response: &Response) -> Option<String> {
    response.headers().get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookie| {
        let (pair, _) = cookie.split_once(';').unwrap_or((cookie, ""));
        let (name, value) = pair.split_once('=')?;
        (name == app::information::types::PLACE_COOKIE).then(|| value.to_owned())
    })
}

/// The error a plain form POST was sent back with, decoded from the redirect's `__err` parameter.
pub fn error_in_location(location: &str) -> Option<AppError> {
    let base = url::Url::parse("http://localhost/").ok()?;
    let url = base.join(location).ok()?;
    let encoded = url.query_pairs().find(|(k, _)| k == "__err")?.1.into_owned();
    let bytes = URL_SAFE.decode(encoded.as_bytes()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The refusal a plain form POST was answered with, read from the page that came back as a person reads it:
/// its status, the messages in "There is a problem" (each linking to its field), and the values in the form's
/// fields. `None` when the POST was not refused (a redirect onwards, or a page of its own).
pub async fn form_error(response: Response) -> Option<AppError> {
    let status = response.status();
    if status.is_redirection() {
        return error_in_location(&location(&response));
    }
    if status.is_success() {
        return None;
    }
    let page = response.text().await.unwrap_or_default();
    Some(error_on_page(status.as_u16(), &page))
}

/// The refusal a page shows, as `form_error` reads it.
pub fn error_on_page(status: u16, page: &str) -> AppError {
    let messages = summary_items(page);
    let first = || messages.first().map(|(_, m)| m.clone()).unwrap_or_default();
    match status {
        401 => AppError::Unauthenticated,
        403 => AppError::Forbidden,
        404 => AppError::NotFound,
        409 => AppError::Conflict(first()),
        429 => AppError::TooManyAttempts,
        503 => AppError::Unavailable,
        422 => {
            let mut errors = app::error::FormErrors::new();
            for (field, message) in &messages {
                errors.add(field.as_deref().unwrap_or("form"), message.clone());
            }
            errors.kept = field_values(page);
            AppError::Validation(errors)
        }
        _ => AppError::Internal,
    }
}

/// The items of a page's error summary: (the field each links to, its message).
pub fn summary_items(page: &str) -> Vec<(Option<String>, String)> {
    let Some(start) = page.find("nhsuk-error-summary__list") else {
        // A refusal with a page of its own (the form was not on the page it came from): its first paragraph.
        let paragraph = page.find("</h1>").and_then(|h| {
            let rest = &page[h..];
            let open = rest.find("<p class=\"nhsuk-body\">")? + "<p class=\"nhsuk-body\">".len();
            rest[open..].split("</p>").next().map(unescape)
        });
        return paragraph.map(|p| vec![(None, p)]).unwrap_or_default();
    };
    let list = &page[start..];
    let list = &list[..list.find("</ul>").unwrap_or(list.len())];
    list.split("<li>")
        .skip(1)
        .map(|item| {
            let item = item.split("</li>").next().unwrap_or_default();
            match item.strip_prefix("<a href=\"#") {
                Some(rest) => {
                    let (field, rest) = rest.split_once('"').unwrap_or_default();
                    // A form's controls have ids `<form>--<field>` (`ui::form::FormStatus::id_for`): the field.
                    let field = field.split_once("--").map_or(field, |(_, field)| field);
                    let message = rest.trim_start_matches('>').trim_end_matches("</a>");
                    (Some(unescape(field)), unescape(message))
                }
                None => (None, unescape(item)),
            }
        })
        .collect()
}

/// The values a page's form fields hold: text inputs, ticked radios and checkboxes, chosen options and
/// textareas, as (name, value).
pub fn field_values(page: &str) -> Vec<(String, String)> {
    let attribute = |tag: &str, name: &str| {
        let marker = format!(" {name}=\"");
        tag.find(&marker).map(|at| {
            let rest = &tag[at + marker.len()..];
            unescape(&rest[..rest.find('"').unwrap_or(rest.len())])
        })
    };
    let mut values = Vec::new();
    for tag in page.split("<input").skip(1).map(|t| &t[..t.find('>').unwrap_or(t.len())]) {
        let kind = attribute(tag, "type").unwrap_or_default();
        let ticked = tag.contains(" checked");
        if (kind == "radio" || kind == "checkbox") && !ticked {
            continue;
        }
        if let (Some(name), Some(value)) = (attribute(tag, "name"), attribute(tag, "value")) {
            values.push((name, value));
        }
    }
    for textarea in page.split("<textarea").skip(1) {
        let (tag, rest) = textarea.split_once('>').unwrap_or_default();
        if let Some(name) = attribute(tag, "name") {
            values.push((name, unescape(&rest[..rest.find("</textarea>").unwrap_or(rest.len())])));
        }
    }
    for select in page.split("<select").skip(1) {
        let (tag, rest) = select.split_once('>').unwrap_or_default();
        let options = &rest[..rest.find("</select>").unwrap_or(rest.len())];
        if let Some(name) = attribute(tag, "name") {
            for option in options.split("<option").skip(1).map(|o| &o[..o.find('>').unwrap_or(o.len())]) {
                if option.contains(" selected") {
                    values.push((name.clone(), attribute(option, "value").unwrap_or_default()));
                }
            }
        }
    }
    values
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The token in a link in a mail body (`...?token=abc`).
pub fn token_in(body: &str) -> String {
    let start = body.find("token=").expect("a link with a token") + "token=".len();
    body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// Polls `check` until it is true or `within` has passed.
pub async fn eventually<F, Fut>(within: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if check().await {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
