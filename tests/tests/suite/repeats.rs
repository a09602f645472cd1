//! The same request twice stores one record (issue 9, §4). Each copy of a form page served carries a fresh
//! single-use token; the first submission that commits uses it, in its own transaction, and a repeat of it (a
//! double click, a retry after a timeout, Back and send again) stores nothing and is answered as the first was:
//! the same `303` to the same page without JavaScript, the same value for the hydrated app.
//!
//! "One record" is read from the whole database: the row count of every table (records, audit events, ledger
//! activities, mail queued) after a repeat is what it was after the first submission.

use std::collections::BTreeMap;

use app::accounts::types::Role;
use continuum_tests::{
    field_values, location, on_both_engines,
    routes::{fill, Person},
    spawn_app,
    world::World,
    Backend, TestApp,
};
use reqwest::header;

/// One form that stores something, filled in correctly.
struct Case {
    action: &'static str,
    page: &'static str,
    person: Person,
    /// `{n}` is the round (1 without JavaScript, 2 with), where a second record needs other words.
    fields: &'static [(&'static str, &'static str)],
    /// Sent with JavaScript too: false where the first round leaves nothing to do again (one flagged response).
    with_javascript: bool,
}

/// The forms the issue names and every other kind of record a form creates (the `World` placeholders filled).
const CASES: &[Case] = &[
    Case {
        action: "/api/record_activity",
        page: "/ledger/new",
        person: Person::Manager,
        fields: &[
            ("service_id", "{service}"),
            ("level", "consultation"),
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
        ],
        with_javascript: true,
    },
    // A registration without an email address: nothing else can tell the second from the first.
    Case {
        action: "/api/register_for_event",
        page: "/events/{event_slug}",
        person: Person::Anonymous,
        fields: &[("event_slug", "{event_slug}"), ("name", "Sam Jones"), ("email", ""), ("access_needs", "")],
        with_javascript: true,
    },
    Case {
        action: "/api/record_focus_group",
        page: "/consultation/focus-groups",
        person: Person::Manager,
        fields: &[
            ("service_id", "{service}"),
            ("topic", "Waiting times"),
            ("held_on_day", "2"),
            ("held_on_month", "3"),
            ("held_on_year", "2026"),
            ("participants", "6"),
            ("themes", ""),
            ("notes", "People waited too long for a first appointment."),
        ],
        with_javascript: true,
    },
    Case {
        action: "/api/create_feedback_form",
        page: "/consultation/forms/new",
        person: Person::Manager,
        fields: &[
            ("service_id", "{service}"),
            ("title", "End of group review {n}"),
            ("intervention", "DBT skills group"),
            ("template", "fft"),
            ("answering", "anonymous"),
        ],
        with_javascript: true,
    },
    Case {
        action: "/api/save_question",
        page: "/consultation/forms/{spare_form_id}",
        person: Person::Manager,
        fields: &[
            ("form_id", "{spare_form_id}"),
            ("question_id", ""),
            ("prompt", "What would you change?"),
            ("help", ""),
            ("required", "no"),
            ("kind", "long_text"),
            ("low", ""),
            ("high", ""),
            ("options", ""),
        ],
        with_javascript: true,
    },
    Case {
        action: "/api/duplicate_feedback_form",
        page: "/consultation/forms/{form_id}",
        person: Person::Manager,
        fields: &[("form_id", "{form_id}")],
        with_javascript: true,
    },
    Case {
        action: "/api/add_theme",
        page: "/consultation/settings",
        person: Person::Manager,
        fields: &[("service_id", "{service}"), ("name", "Feeling listened to {n}")],
        with_javascript: true,
    },
    Case {
        action: "/api/record_review",
        page: "/consultation/responses/{response_id}",
        person: Person::Manager,
        fields: &[("response_id", "{response_id}"), ("outcome", "no_action"), ("note", "Read by the duty worker.")],
        with_javascript: false,
    },
    Case {
        action: "/api/create_service",
        page: "/admin/services",
        person: Person::Administrator,
        fields: &[("name", "Eating Disorders Service {n}")],
        with_javascript: true,
    },
    Case {
        action: "/api/invite_person",
        page: "/admin/people",
        person: Person::Administrator,
        fields: &[
            ("email", "new.colleague{n}@example.org"),
            ("name", "New Colleague"),
            ("service_id", "{service}"),
            ("role", "staff"),
        ],
        with_javascript: true,
    },
];

/// The number of rows in every table of the app's database.
async fn row_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let tables: Vec<String> = match app.backend {
        Backend::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
        ),
        Backend::Postgres => sqlx::query_scalar(
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
        ),
    }
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let mut counts = BTreeMap::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
        counts.insert(table, count);
    }
    counts
}

/// The tables whose row count changed from `before` to `after`.
fn changed(before: &BTreeMap<String, i64>, after: &BTreeMap<String, i64>) -> Vec<String> {
    after
        .iter()
        .filter(|(t, n)| before.get(*t) != Some(n))
        .map(|(t, n)| format!("{t}: {:?} → {n}", before.get(t)))
        .collect()
}

/// The token in the form on `html` that posts to `action`.
fn token_of(html: &str, action: &str) -> String {
    let at = html.find(&format!("action=\"{action}\"")).unwrap_or_else(|| panic!("no form posting to {action}"));
    let start = html[..at].rfind("<form").unwrap();
    let end = html[at..].find("</form>").map_or(html.len(), |end| at + end);
    field_values(&html[start..end])
        .into_iter()
        .find(|(k, _)| k == "submission")
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("the form posting to {action} carries no token"))
}

/// A copy of the case's page, as its person gets it: its token.
async fn copy_of_page(app: &TestApp, client: &reqwest::Client, case: &Case, values: &Values<'_>) -> String {
    let html = client.get(app.url(&fill(case.page, values))).send().await.unwrap().text().await.unwrap();
    token_of(&html, case.action)
}

type Values<'a> = std::collections::HashMap<&'a str, String>;

/// Posts the case's fields with `token` as a browser without JavaScript does (`plain`) or as the hydrated app
/// does (asking for the server function's value).
async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    case: &Case,
    values: &Values<'_>,
    token: &str,
    plain: bool,
) -> reqwest::Response {
    let mut fields: Vec<(String, String)> =
        case.fields.iter().map(|(k, v)| ((*k).to_owned(), fill(v, values))).collect();
    fields.push(("submission".into(), token.to_owned()));
    let accept = if plain { "text/html,application/xhtml+xml" } else { "application/json" };
    client
        .post(app.url(case.action))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&fill(case.page, values)))
        .header(header::ACCEPT, accept)
        .form(&fields)
        .send()
        .await
        .unwrap()
}

/// Each form sent twice from one copy of its page, without JavaScript and then with it: the first is stored,
/// the second stores nothing and is answered exactly as the first was.
async fn each_form_sent_twice_from_one_page_stores_one_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let mut problems = Vec::new();

    for case in CASES {
        let mut values = world.values_for(case.person);
        let client = &world.clients[case.person.index()];
        for plain in [true, false].into_iter().filter(|plain| *plain || case.with_javascript) {
            values.insert("n", if plain { "1" } else { "2" }.to_owned());
            let how = if plain { "without JavaScript" } else { "with JavaScript" };
            let token = copy_of_page(&app, client, case, &values).await;
            let before = row_counts(&app).await;

            let first = send(&app, client, case, &values, &token, plain).await;
            let (first_status, first_location) = (first.status(), location(&first));
            let first_body = first.text().await.unwrap();
            let stored = row_counts(&app).await;
            let again = send(&app, client, case, &values, &token, plain).await;
            let (again_status, again_location) = (again.status(), location(&again));
            let again_body = again.text().await.unwrap();
            let after = row_counts(&app).await;

            let expected = if plain { 303 } else { 200 };
            if first_status != expected {
                problems.push(format!("{} {how}: first answered {first_status}: {first_body:.300}", case.action));
                continue;
            }
            if changed(&before, &stored).is_empty() {
                problems.push(format!("{} {how}: the first submission stored nothing", case.action));
            }
            let more = changed(&stored, &after);
            if !more.is_empty() {
                problems.push(format!("{} {how}: the repeat stored more: {more:?}", case.action));
            }
            if (again_status, &again_location) != (first_status, &first_location)
                || (!plain && again_body != first_body)
            {
                problems.push(format!(
                    "{} {how}: the repeat was answered {again_status} {again_location} {again_body:.200}, \
                     the first {first_status} {first_location} {first_body:.200}",
                    case.action
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A double click sends both before either is answered: one record, and both answered as the first.
async fn the_same_page_sent_twice_at_once_stores_one_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let case = &CASES[0];
    let values = world.values_for(case.person);
    let client = &world.clients[case.person.index()];

    for plain in [true, false] {
        let token = copy_of_page(&app, client, case, &values).await;
        let before = row_counts(&app).await;

        let (one, two) = tokio::join!(
            send(&app, client, case, &values, &token, plain),
            send(&app, client, case, &values, &token, plain)
        );

        let after = row_counts(&app).await;
        assert_eq!(after["activity"], before["activity"] + 1, "one activity (plain: {plain})");
        // The repeat is answered as the first was; should the first take longer than the server waits for it
        // (a machine far busier than any seen), the repeat says plainly that it was already sent. Either way
        // one record is stored, which is the point.
        let (one_status, two_status) = (one.status(), two.status());
        let (one_location, two_location) = (location(&one), location(&two));
        let (one, two) = (one.text().await.unwrap(), two.text().await.unwrap());
        let already_sent = [&one, &two].iter().any(|text| text.contains(app::forms::ALREADY_SENT));
        if !already_sent {
            assert_eq!(one_status, two_status);
            assert_eq!(one_location, two_location);
            if !plain {
                assert_eq!(one, two, "both calls get the same activity");
            }
        }
    }
}

/// A browser that gives up on the first submission (a double click cancels the first request; a phone loses
/// signal) must not leave it half answered: it is stored and how it was answered kept, so sending the same copy
/// again is answered as the first was (303 to the record), never "already sent", and nothing more is stored. The
/// first is sent by a client that gives up after a few milliseconds, over a range of delays, so that some give up
/// before the server answers.
async fn a_first_submission_the_browser_gave_up_on_still_answers_its_repeat(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let case = &CASES[0];
    let values = world.values_for(case.person);
    let client = &world.clients[case.person.index()];
    // The same manager in a second browser, which gives up on its requests.
    let impatient = continuum_tests::new_client();
    let signed_in = impatient
        .post(app.url("/api/sign_in"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/sign-in"))
        .form(&[("email", "manager@example.org"), ("password", continuum_tests::PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303);
    for ms in [1, 2, 3, 5, 8, 13, 21, 34] {
        let token = copy_of_page(&app, client, case, &values).await;
        let before = row_counts(&app).await;
        let gave_up = send_or_give_up(&app, &impatient, case, &values, &token, ms).await;
        // Whatever the first did, the same copy sent again is one record, answered as a stored one.
        let again = send(&app, client, case, &values, &token, true).await;
        let (status, to) = (again.status(), location(&again));
        let body = again.text().await.unwrap();
        let title = body.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap_or_default();
        assert_eq!(status, 303, "after giving up at {ms} ms ({gave_up}): {title}");
        assert!(!body.contains(app::forms::ALREADY_SENT) && !to.is_empty(), "{ms} ms: answered {to}");
        let after = row_counts(&app).await;
        assert_eq!(after["activity"], before["activity"] + 1, "{ms} ms: one activity");
    }
}

/// Sends the case as a plain POST on `client`, giving up after `ms` milliseconds; whether it was answered or
/// given up ("answered 303", "gave up").
async fn send_or_give_up(
    app: &TestApp,
    client: &reqwest::Client,
    case: &Case,
    values: &Values<'_>,
    token: &str,
    ms: u64,
) -> String {
    let mut fields: Vec<(String, String)> =
        case.fields.iter().map(|(k, v)| ((*k).to_owned(), fill(v, values))).collect();
    fields.push(("submission".into(), token.to_owned()));
    let sent = client
        .post(app.url(case.action))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&fill(case.page, values)))
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .timeout(std::time::Duration::from_millis(ms))
        .form(&fields)
        .send()
        .await;
    match sent {
        Ok(response) => format!("answered {}", response.status()),
        Err(_) => "gave up".to_owned(),
    }
}

/// A refusal stores nothing and leaves the token usable: the page that comes back keeps the same token, and
/// the corrected form sent with it is stored once.
async fn a_refused_submission_leaves_its_token_for_the_corrected_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let case = &CASES[0];
    let values = world.values_for(case.person);
    let client = &world.clients[case.person.index()];
    let token = copy_of_page(&app, client, case, &values).await;
    let before = row_counts(&app).await;
    let mistaken = Case {
        fields: &[
            ("service_id", "{service}"),
            ("kind", "open_day"),
            ("title", "Open day at the day service"),
            ("happened_on_day", "2"),
            ("happened_on_month", "3"),
            ("happened_on_year", "2026"),
            ("patients", "twelve"),
        ],
        ..*case
    };

    let refused = send(&app, client, &mistaken, &values, &token, true).await;

    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert_eq!(token_of(&page, case.action), token, "the page that comes back is the same copy");
    assert!(changed(&before, &row_counts(&app).await).is_empty(), "a refusal stores nothing");

    let corrected = send(&app, client, case, &values, &token, true).await;
    assert_eq!(corrected.status(), 303);
    assert!(location(&corrected).starts_with("/ledger/"), "{}", location(&corrected));
    let again = send(&app, client, case, &values, &token, true).await;
    assert_eq!(location(&again), location(&corrected));
    assert_eq!(row_counts(&app).await["activity"], before["activity"] + 1);
}

/// A form posted without a token (a page saved before tokens, a script) or with something that cannot be one is
/// taken as a form without a token: stored, calmly, each time. A made-up token of the right shape is a fresh
/// one: it stops only its own repeat.
async fn a_missing_or_made_up_token_is_handled_calmly(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let case = &CASES[0];
    let values = world.values_for(case.person);
    let client = &world.clients[case.person.index()];
    let before = row_counts(&app).await;

    for token in ["", "", "<script>alert(1)</script>", "<script>alert(1)</script>"] {
        let response = send(&app, client, case, &values, token, true).await;
        assert_eq!(response.status(), 303, "{token}");
    }
    assert_eq!(row_counts(&app).await["activity"], before["activity"] + 4);

    let made_up = "0123456789abcdef0123456789abcdef";
    let first = send(&app, client, case, &values, made_up, true).await;
    let again = send(&app, client, case, &values, made_up, true).await;
    assert_eq!((first.status(), location(&first)), (again.status(), location(&again)));
    assert_eq!(row_counts(&app).await["activity"], before["activity"] + 5);
}

/// A row of the token store: hash, next page, day used, the first answer's type and value.
type TokenRow = (String, String, String, Option<String>, Option<String>);

/// The token store of an anonymous response keeps no person, address, time of day or response: a hash, the
/// day, and nothing else; and it is forgotten a week after.
async fn an_anonymous_responses_token_keeps_nothing_about_who_or_when(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let page = app.anonymous_page(&format!("/f/{}", form.slug)).await;
    let token = field_values(&page).into_iter().find(|(k, _)| k == "submission").map(|(_, v)| v).unwrap();
    let field = app::consultation::answering::components::field_name(&form.questions[0]);
    sqlx::query("DELETE FROM submission").execute(&app.pool).await.unwrap();

    let sent = continuum_tests::new_client()
        .post(app.url(&format!("/f/{}", form.slug)))
        .header(header::ORIGIN, &app.address)
        .form(&[("version", "1"), ("submission", token.as_str()), (field.as_str(), "good")])
        .send()
        .await
        .unwrap();

    assert_eq!(sent.status(), 303);
    let rows: Vec<TokenRow> = sqlx::query_as("SELECT token_hash, next, used_on, answer_type, answer FROM submission")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let (hash, next, used_on, answer_type, answer) = rows[0].clone();
    assert_eq!(hash.len(), 64, "a hash, never the token");
    assert_ne!(hash, token);
    assert_eq!((next.as_str(), answer_type, answer), ("", None, None), "nothing about the response");
    assert_eq!(used_on.len(), "2026-11-30".len(), "the day only, never a time of day: {used_on}");
    let response_id: String =
        sqlx::query_scalar("SELECT id FROM feedback_response").fetch_one(&app.pool).await.unwrap();
    assert!(!rows[0].0.contains(&response_id) && !rows[0].1.contains(&response_id));
    let columns: Vec<String> = match backend {
        Backend::Sqlite => sqlx::query_scalar("SELECT name FROM pragma_table_info('submission') ORDER BY name"),
        Backend::Postgres => sqlx::query_scalar(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = 'submission' ORDER BY column_name",
        ),
    }
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(columns, ["answer", "answer_type", "next", "token_hash", "used_on"], "no column for who or when");

    app::forms::clear_old_submissions(&app.pool).await.unwrap();
    let kept: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM submission").fetch_one(&app.pool).await.unwrap();
    assert_eq!(kept, 1, "kept while a repeat may still come");
    sqlx::query("UPDATE submission SET used_on = '2026-01-01'").execute(&app.pool).await.unwrap();
    app::forms::clear_old_submissions(&app.pool).await.unwrap();
    let left: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM submission").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 0, "forgotten a week after");
}

/// Back, change the answers, send again: the same copy of a page with other words is a new submission, stored
/// (and screened) as one, never dropped as a repeat of the first. Only the same words again are a repeat.
async fn the_same_page_sent_again_with_other_words_is_stored_and_screened(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let visitor = continuum_tests::new_client();
    let slug = world.values_for(Person::Anonymous)["event_slug"].clone();
    let html = visitor.get(app.url(&format!("/events/{slug}"))).send().await.unwrap().text().await.unwrap();
    let token = token_of(&html, "/api/register_for_event");
    let register = |name: &'static str, email: &'static str| {
        let (visitor, token, slug) = (visitor.clone(), token.clone(), slug.clone());
        let app = &app;
        async move {
            visitor
                .post(app.url("/api/register_for_event"))
                .header(header::ORIGIN, &app.address)
                .header(header::REFERER, app.url(&format!("/events/{slug}")))
                .form(&[
                    ("event_slug", slug.as_str()),
                    ("name", name),
                    ("email", email),
                    ("access_needs", ""),
                    ("submission", token.as_str()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let places = || async {
        let names: Vec<String> = sqlx::query_scalar("SELECT name FROM event_registration WHERE name LIKE 'Back %'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
        names
    };

    assert_eq!(register("Back One", "backone@example.org").await.status(), 303);
    assert_eq!(register("Back One", "backone@example.org").await.status(), 303);
    assert_eq!(places().await.len(), 1, "the same words again: one place");
    assert_eq!(register("Back Two", "backtwo@example.org").await.status(), 303);
    let mut names = places().await;
    names.sort();
    assert_eq!(names, ["Back One", "Back Two"], "other words from the same page: a second place");

    // The feedback form: the same copy sent with a crisis in place of "It was fine" is stored and screened.
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let page = app.anonymous_page(&format!("/f/{}", form.slug)).await;
    let token = field_values(&page).into_iter().find(|(k, _)| k == "submission").map(|(_, v)| v).unwrap();
    let choice = app::consultation::answering::components::field_name(&form.questions[0]);
    let comment = app::consultation::answering::components::field_name(&form.questions[1]);
    let form_address = app.url(&format!("/f/{}", form.slug));
    let answer = |rating: &'static str, words: &'static str| {
        let address = form_address.clone();
        let fields = vec![
            ("version".to_owned(), "1".to_owned()),
            ("submission".to_owned(), token.clone()),
            (choice.clone(), rating.to_owned()),
            (comment.clone(), words.to_owned()),
        ];
        let app = &app;
        async move {
            continuum_tests::new_client()
                .post(address)
                .header(header::ORIGIN, &app.address)
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let responses = || async {
        let n: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_id = $1")
            .bind(&form.id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        n
    };

    assert_eq!(answer("good", "It was fine").await.status(), 303);
    assert_eq!(answer("good", "It was fine").await.status(), 303);
    assert_eq!(responses().await, 1, "the same answers again: one response");
    assert_eq!(answer("very_poor", "Actually I want to end my life tonight").await.status(), 303);
    assert_eq!(responses().await, 2, "other answers from the same page: a second response");
    let flagged = continuum_tests::eventually(std::time::Duration::from_secs(15), || async {
        let n: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag")
            .fetch_one(&app.pool)
            .await
            .unwrap_or(0);
        n >= 1
    })
    .await;
    assert!(flagged, "the crisis sent from the same page was screened and flagged");
}

on_both_engines!(
    a_first_submission_the_browser_gave_up_on_still_answers_its_repeat,
    the_same_page_sent_again_with_other_words_is_stored_and_screened,
    each_form_sent_twice_from_one_page_stores_one_record,
    the_same_page_sent_twice_at_once_stores_one_record,
    a_refused_submission_leaves_its_token_for_the_corrected_one,
    a_missing_or_made_up_token_is_handled_calmly,
    an_anonymous_responses_token_keeps_nothing_about_who_or_when
);
