//! Nothing typed travels in an address, and nothing typed is lost: every form of the app (`continuum_tests::forms`),
//! submitted without JavaScript with a mistake and a marker word in every text field, comes back as its page with
//! the marker on it, and the marker is in no `Location` header, no address and no line the server logs.

use std::{
    collections::HashMap,
    io::Write,
    sync::{Arc, Mutex, OnceLock},
    time::Duration,
};

use continuum_tests::{
    forms::{Form, FORMS, NOT_FORMS, NO_TOKEN},
    location, on_both_engines,
    routes::{fill, Person, Verb, ROUTES},
    spawn_app,
    world::World,
    Backend, TestApp,
};
use reqwest::{header, multipart};

/// Everything the server logs in this test process, at every level.
fn server_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let writer = LogWriter(log.clone());
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        log
    })
    .clone()
}

#[derive(Clone)]
struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn every_post_the_access_matrix_lists_is_a_form_here_or_said_not_to_be_one() {
    let listed: Vec<&str> = FORMS.iter().map(|f| f.action).chain(NOT_FORMS.iter().map(|(p, _)| *p)).collect();
    let missing: Vec<&str> =
        ROUTES.iter().filter(|r| r.verb == Verb::Post).map(|r| r.path).filter(|p| !listed.contains(p)).collect();
    assert!(missing.is_empty(), "add these to continuum_tests::forms (FORMS or NOT_FORMS): {missing:?}");
    let posts: Vec<&str> = ROUTES.iter().filter(|r| r.verb == Verb::Post).map(|r| r.path).collect();
    let stale: Vec<&str> = listed.iter().copied().filter(|p| !posts.contains(p)).collect();
    assert!(stale.is_empty(), "no longer served, so no longer a form: {stale:?}");
}

/// What the form posts, with the marker in place.
fn filled(form: &Form, values: &HashMap<&str, String>) -> Vec<(String, String)> {
    form.fields.iter().map(|(name, value)| (fill(name, values), fill(value, values))).collect()
}

/// Submits `form` from its page, or (`again`) from the page that came back from a first submission: that page's
/// address is the one it was posted to, and its form names the page it is on in a hidden field.
async fn submit(
    app: &TestApp,
    client: &reqwest::Client,
    form: &Form,
    values: &HashMap<&str, String>,
    again: Option<&str>,
) -> reqwest::Response {
    let to = fill(form.post_to.unwrap_or(form.action), values);
    let from = if again.is_some() { to.clone() } else { fill(form.page, values) };
    let request =
        client.post(app.url(&to)).header(header::ORIGIN, &app.address).header(header::REFERER, app.url(&from));
    let mut fields = filled(form, values);
    if let Some(page) = again {
        fields.push(("continuum_page".into(), page.to_owned()));
    }
    let request = if form.upload {
        let mut body = multipart::Form::new();
        for (name, value) in fields {
            body = body.text(name, value);
        }
        let file = multipart::Part::bytes(b"not a pdf".to_vec()).file_name("notes.pdf").mime_str("application/pdf");
        request.multipart(body.part("file", file.unwrap()))
    } else {
        request.form(&fields)
    };
    request.send().await.unwrap()
}

async fn a_refused_form_comes_back_as_its_page_and_the_words_typed_go_nowhere_else(backend: Backend) {
    let log = server_log();
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let marker = format!("Marker{}", uuid::Uuid::new_v4().simple());
    let mut problems = Vec::new();
    let mut sent_again = 0;
    let mut summaries = 0;

    for form in FORMS {
        let mut values = world.values_for(form.person);
        values.insert("marker", marker.clone());
        values.insert("long", format!("{marker} {}", "all of this was typed by hand ".repeat(333)));
        let client = &world.clients[form.person.index()];
        let response = submit(&app, client, form, &values, None).await;

        let status = response.status();
        let to = location(&response);
        let page = response.text().await.unwrap();
        if !status.is_client_error() {
            problems.push(format!("{}: answered {status} {to}, not refused with its page", form.action));
        }
        if to.contains(&marker) || to.contains("__err") {
            problems.push(format!("{}: the Location header carries what was typed: {to}", form.action));
        }
        let typed =
            filled(form, &values).iter().any(|(name, value)| !name.contains("password") && value.contains(&marker));
        if form.shows_typed && typed && !page.contains(&marker) {
            problems.push(format!("{}: what was typed is not on the page that came back ({status})", form.action));
        }
        // After a mistake the error summary takes focus without JavaScript, and the title says "Error: ".
        if page.contains("class=\"nhsuk-error-summary\"") {
            summaries += 1;
            if !page.contains("<title>Error: ") {
                problems.push(format!("{}: the page that came back has no \"Error: \" in its title", form.action));
            }
            if !page.contains("tabindex=\"-1\" autofocus") {
                problems.push(format!("{}: the error summary does not take focus without JavaScript", form.action));
            }
        }
        let passwords = filled(form, &values).iter().any(|(name, v)| name.contains("password") && v.contains(&marker));
        if passwords && !typed && page.contains(&marker) {
            problems.push(format!("{}: a password came back on the page", form.action));
        }
        // The same mistake again, from the page that came back: it comes back once more, as its own page.
        let named = continuum_tests::field_values(&page).into_iter().find(|(k, _)| k == "continuum_page");
        if let (true, true, Some((_, named))) = (form.shows_typed, form.action.starts_with("/api/"), named) {
            sent_again += 1;
            let again = submit(&app, client, form, &values, Some(&named)).await;
            let status = again.status();
            let page = again.text().await.unwrap();
            if !status.is_client_error() || (typed && !page.contains(&marker)) {
                problems.push(format!("{}: sent again from the page that came back: {status}", form.action));
            }
        } else if form.shows_typed
            && form.action.starts_with("/api/")
            && page.contains(&format!("action=\"{}\"", form.action))
        {
            problems.push(format!("{}: the page that came back does not name the form's page", form.action));
        }
    }
    // The pages the person is sent on to afterwards are the addresses they saw: none holds the marker either,
    // and neither does anything the server wrote to its log.
    let logged = String::from_utf8_lossy(&log.lock().unwrap()).into_owned();
    assert!(logged.contains("/api/record_activity"), "the server's request log is captured and read");
    if logged.contains(&marker) {
        let line = logged.lines().find(|l| l.contains(&marker)).unwrap_or_default();
        problems.push(format!("the server logged what was typed: {}", line.chars().take(300).collect::<String>()));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(sent_again > FORMS.len() / 2, "most forms were sent again from the page that came back: {sent_again}");
    assert!(summaries > FORMS.len() / 2, "most refused forms came back with an error summary: {summaries}");
}

/// The form on `page` that posts to `action`, from its `<form` tag to its `</form>`.
fn form_posting_to<'p>(page: &'p str, action: &str) -> Option<&'p str> {
    let at = page.find(&format!("action=\"{action}\""))?;
    let start = page[..at].rfind("<form")?;
    let end = page[at..].find("</form>").map_or(page.len(), |end| at + end);
    Some(&page[start..end])
}

/// A repeated submission of the same page stores one record: every form that stores something carries a fresh
/// single-use token in each copy of its page served (`NO_TOKEN` lists the few that need none, and why). Forms
/// behind a link the test cannot have (their page shows no form) are the only ones not looked at here;
/// `repeats.rs` sends those twice.
async fn every_form_that_stores_something_carries_a_fresh_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let mut problems = Vec::new();
    let mut not_on_their_page = Vec::new();
    // The pages where forms that the list tries elsewhere (for their mistakes) are shown: "Mark as read" is on a
    // response nobody's words flagged, and a cancellation page needs a real link.
    let values = world.values_for(Person::Anonymous);
    let answered = continuum_tests::new_client()
        .post(app.url(&format!("/f/{}", values["form_slug"])))
        .header(header::ORIGIN, &app.address)
        .form(&[
            ("version", "1".to_owned()),
            (&format!("q-{}", values["question_id"]), "good".to_owned()),
            (&format!("q-{}", values["comment_question_id"]), "The room was warm".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 303, "a response with a comment nobody needs to review first");
    let read_id = continuum_tests::world::scalar(
        &app,
        "SELECT id FROM feedback_response WHERE id <> $1",
        &[&values["response_id"]],
    )
    .await;
    let event_slug = world.values_for(Person::Anonymous)["event_slug"].clone();
    let registered = app
        .post_form(
            "/api/register_for_event",
            &format!("/events/{event_slug}"),
            &[("event_slug", event_slug.as_str()), ("name", "Sam Jones"), ("email", "sam.jones@example.org")],
        )
        .await;
    assert_eq!(location(&registered), format!("/events/{event_slug}?registered=1"), "no token in the address");
    let cancel_token = continuum_tests::place_token(&registered).expect("the cancellation token, in a cookie");
    // The world's volunteer applicant's status link, from the acknowledgement mailed to them.
    let acknowledgement = app
        .mail
        .wait_for_subject(
            "applicant@example.org",
            "We have your application: Matrix volunteer",
            Duration::from_secs(15),
        )
        .await;
    let status_token = continuum_tests::token_in(&acknowledgement.body);
    const SHOWN_ON: &[(&str, &str)] = &[
        ("/api/arrange_question", "/consultation/forms/{spare_form_id}"),
        ("/api/new_form_version", "/consultation/forms/{form_id}"),
        ("/api/cancel_registration", "/events/cancel?token={cancel_token}"),
        ("/api/withdraw_application", "/volunteer/application?token={status_token}"),
        ("/api/mark_response_read", "/consultation/responses/{read_id}"),
    ];

    for form in FORMS.iter().filter(|f| !NO_TOKEN.iter().any(|(action, _)| *action == f.action)) {
        let mut values = world.values_for(form.person);
        values.insert("cancel_token", cancel_token.clone());
        values.insert("status_token", status_token.clone());
        values.insert("read_id", read_id.clone());
        let client = &world.clients[form.person.index()];
        let action = fill(form.post_to.unwrap_or(form.action), &values);
        let shown_on = SHOWN_ON.iter().find(|(a, _)| *a == form.action).map_or(form.page, |(_, page)| *page);
        let page = fill(shown_on, &values);
        let mut tokens = Vec::new();
        for _ in 0..2 {
            let html = client.get(app.url(&page)).send().await.unwrap().text().await.unwrap();
            let Some(on_page) = form_posting_to(&html, &action) else {
                not_on_their_page.push(form.action);
                break;
            };
            // Every field the list posts is one the page's form has (a form whose inputs are named otherwise
            // than its server function's arguments posts nothing a person types: three settings forms did).
            // An edit keeps the record's service: the list posts `service_id` for the form's create case.
            const NOT_ON_THE_EDIT_PAGE: &[(&str, &str)] =
                &[("/api/save_info_page", "service_id"), ("/api/save_event", "service_id")];
            for (field, _) in form.fields.iter().filter(|_| tokens.is_empty()) {
                let named = fill(field, &values);
                if NOT_ON_THE_EDIT_PAGE.contains(&(form.action, *field)) {
                    continue;
                }
                if !on_page.contains(&format!(" name=\"{named}\"")) {
                    problems.push(format!("{}: its form on {page} has no field named {named}", form.action));
                }
            }
            // The form names its page, so a refusal comes back as this page even without a `Referer`.
            let named = continuum_tests::field_values(on_page).into_iter().find(|(k, _)| k == "continuum_page");
            // (The feedback form posts to its own address, which answers a refusal with the page itself.)
            if action.starts_with("/api/") && named.as_ref().map(|(_, p)| p.as_str()) != Some(page.as_str()) {
                problems.push(format!("{}: its form on {page} names another page: {named:?}", form.action));
            }
            let token = continuum_tests::field_values(on_page).into_iter().find(|(k, _)| k == "submission");
            match token {
                Some((_, token)) if token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    tokens.push(token)
                }
                other => {
                    problems.push(format!("{}: its form on {page} carries no token ({other:?})", form.action));
                    break;
                }
            }
        }
        if tokens.len() == 2 && tokens[0] == tokens[1] {
            problems.push(format!("{}: two copies of {page} carry the same token", form.action));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let behind_links: Vec<&str> = FORMS.iter().filter(|f| !f.shows_typed).map(|f| f.action).collect();
    assert_eq!(not_on_their_page, behind_links, "only forms behind a link are not on their page");
    let stale: Vec<&str> = NO_TOKEN.iter().map(|(a, _)| *a).filter(|a| !FORMS.iter().any(|f| f.action == *a)).collect();
    assert!(stale.is_empty(), "no longer forms: {stale:?}");
}

/// A radio group with nothing chosen is not posted at all: the form says so beside it and keeps the rest.
async fn a_choice_left_unmade_gets_its_message_beside_it_and_the_rest_is_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, app::accounts::types::Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    let fields = [
        ("service_id", service.as_str()),
        ("kind", "open_day"),
        ("title", "Open day at the day service"),
        ("happened_on_day", "2"),
        ("happened_on_month", "3"),
        ("happened_on_year", "2026"),
        ("patients", "12"),
        ("carers", "3"),
        ("staff", "4"),
        ("others", "0"),
        ("purpose", ""),
        ("outcome", ""),
    ];

    let response = app.post_form("/api/record_activity", "/ledger/new", &fields).await;

    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let error = continuum_tests::error_on_page(422, &page);
    assert_eq!(error.field_errors().iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["level"]);
    assert!(page.contains(r#"id="record_activity--level-error""#), "the message is beside the level");
    assert!(page.contains(r#"value="Open day at the day service""#), "the title typed is kept");
    assert!(!page.contains("The form was incomplete"));
}

/// A page shows only what the server said about this person's own submission: an address that carries an error
/// (as Leptos's own round trip did) is sent on without it, and nothing it says reaches a page.
async fn an_error_in_an_address_is_never_shown(backend: Backend) {
    use base64::Engine as _;
    let app = spawn_app(backend).await;
    let forged = app::error::AppError::Conflict("Your account is locked. Call 0900 000 000".into());
    let encoded = base64::engine::general_purpose::URL_SAFE.encode(serde_json::to_vec(&forged).unwrap());

    let response = app.get(&format!("/sign-in?next=%2Fledger&__path=%2Fapi%2Fsign_in&__err={encoded}")).await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in?next=%2Fledger");
    let page = app.page("/sign-in?next=%2Fledger").await;
    assert!(!page.contains("0900") && !page.contains("There is a problem"));
}

/// Every refusal is a page in the service's frame that says what happened: a body too large, and one that
/// cannot be read.
async fn a_refusal_of_what_was_sent_is_a_page_that_says_what_to_do(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let staff = &world.clients[continuum_tests::routes::Person::Manager.index()];
    let huge = multipart::Part::bytes(vec![b' '; 7 * 1024 * 1024]).file_name("huge.pdf");
    let form = multipart::Form::new().text("title", "Too big").part("file", huge);

    let too_large = staff
        .post(app.url("/api/upload_leaflet"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/information/leaflets/new"))
        .multipart(form)
        .send()
        .await
        .unwrap();

    assert_eq!(too_large.status(), 413);
    let page = too_large.text().await.unwrap();
    assert!(page.contains("What you sent is too large"), "{page}");
    assert!(page.contains("at most 6 MB"), "the limit is stated");
    assert!(page.contains("nhsuk-header") && page.contains("Skip to main content"), "in the service's frame");

    let unreadable = staff
        .post(app.url("/api/rename_service"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/admin/services"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, b'=', 0xff])
        .send()
        .await
        .unwrap();

    assert!(unreadable.status().is_client_error(), "{}", unreadable.status());
    let page = unreadable.text().await.unwrap();
    assert!(page.contains("nhsuk-header"), "in the service's frame");
    assert!(!page.contains("Check your connection"), "a form that arrived broken is not a lost connection");
}

/// A browser that sends no `Referer` (a privacy setting or an extension strips it) still gets its form's page
/// back with what was typed: the form names its page in a hidden field.
async fn a_refused_form_without_a_referer_comes_back_as_its_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let slug = world.values_for(Person::Anonymous)["event_slug"].clone();
    let page = format!("/events/{slug}");
    let visitor = continuum_tests::new_client();
    let html = visitor.get(app.url(&page)).send().await.unwrap().text().await.unwrap();
    let form = form_posting_to(&html, "/api/register_for_event").expect("the registration form");
    let mut fields = continuum_tests::field_values(form);
    fields.retain(|(k, _)| k != "name" && k != "email");
    fields.push(("name".into(), String::new()));
    fields.push(("email".into(), "NoReferer not an address".into()));

    let refused = visitor
        .post(app.url("/api/register_for_event"))
        .header(header::ORIGIN, &app.address)
        .form(&fields)
        .send()
        .await
        .unwrap();

    assert_eq!(refused.status(), 422, "{} {fields:?}", location(&refused));
    assert_eq!(location(&refused), "");
    let body = refused.text().await.unwrap();
    assert!(body.contains("Register for a place") && body.contains("NoReferer not an address"), "{body}");
    assert!(body.contains("There is a problem"));
}

/// An address that only takes forms, opened in a browser (left in the address bar after a refused form), and a
/// form sent to a page that takes none: each is a page saying what happened, not a blank answer.
async fn an_address_for_forms_opened_as_a_page_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let visitor = continuum_tests::new_client();

    let opened = visitor.get(app.url("/api/register_for_event")).send().await.unwrap();
    assert_eq!(opened.status(), 405);
    let page = opened.text().await.unwrap();
    assert!(page.contains("This address is for sending forms") && page.contains("nhsuk-header"), "{page}");

    let posted = visitor
        .post(app.url("/get-involved"))
        .header(header::ORIGIN, &app.address)
        .form(&[("name", "Sam")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 405);
    let page = posted.text().await.unwrap();
    assert!(page.contains("This page does not take forms") && page.contains("nhsuk-header"), "{page}");

    // A form sent to an address that is no page and no file: not found, as opening it would be.
    for address in ["/no-such-page", "/pkg/no-such-file.js", "/vendor/../Cargo.toml"] {
        let posted = visitor
            .post(app.url(address))
            .header(header::ORIGIN, &app.address)
            .form(&[("name", "Sam")])
            .send()
            .await
            .unwrap();
        assert_eq!(posted.status(), 404, "{address}");
        let page = posted.text().await.unwrap();
        assert!(page.contains("Page not found") && page.contains("nhsuk-header"), "{address}: {page}");
    }
}

on_both_engines!(
    a_refused_form_without_a_referer_comes_back_as_its_page,
    an_address_for_forms_opened_as_a_page_says_so,
    a_refused_form_comes_back_as_its_page_and_the_words_typed_go_nowhere_else,
    every_form_that_stores_something_carries_a_fresh_token,
    a_choice_left_unmade_gets_its_message_beside_it_and_the_rest_is_kept,
    an_error_in_an_address_is_never_shown,
    a_refusal_of_what_was_sent_is_a_page_that_says_what_to_do
);
