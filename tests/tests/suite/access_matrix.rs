//! The access matrix: every route Continuum serves, asked as each kind of person, against what each should
//! get. The table and the generated list of routes are in `continuum_tests::routes`.

use std::{collections::HashMap, time::Instant};

use continuum_tests::{
    on_both_engines,
    routes::{fill, outcome_of, served_routes, Outcome, Person, Request, Row, Verb, KNOWN_FAILURES, ROUTES},
    spawn_app,
    world::{leaflet_form, World},
    Backend, TestApp,
};
use reqwest::header;

// A runtime, because listing the Leptos routes renders the app once.
#[tokio::test]
async fn every_route_served_has_a_row_in_the_matrix_and_every_row_a_route() {
    let served = served_routes();
    let listed: Vec<(Verb, &str)> = ROUTES.iter().map(|row| (row.verb, row.path)).collect();

    let missing: Vec<String> = served
        .iter()
        .filter(|route| !listed.contains(&(route.verb, route.path.as_str())))
        .map(|route| format!("{} {} ({:?})", route.verb, route.path, route.kind))
        .collect();
    let gone: Vec<String> = listed
        .iter()
        .filter(|(verb, path)| !served.iter().any(|route| route.verb == *verb && route.path == *path))
        .map(|(verb, path)| format!("{verb} {path}"))
        .collect();
    let mut repeated: Vec<String> = listed
        .iter()
        .filter(|entry| listed.iter().filter(|other| other == entry).count() > 1)
        .map(|(verb, path)| format!("{verb} {path}"))
        .collect();
    repeated.sort();
    repeated.dedup();

    assert!(
        missing.is_empty() && gone.is_empty() && repeated.is_empty(),
        "the access matrix (tests/src/routes.rs) is not the route table.\nServed, with no row: {missing:#?}\n\
         Rows for routes no longer served: {gone:#?}\nRows listed twice: {repeated:#?}"
    );
}

#[test]
fn every_access_pattern_has_a_letter_per_person_and_every_known_failure_names_a_cell_that_differs() {
    for row in ROUTES {
        for person in Person::ALL {
            row.access.outcome_for(person);
        }
    }
    for known in KNOWN_FAILURES {
        let row = ROUTES
            .iter()
            .find(|row| row.verb == known.verb && row.path == known.path)
            .unwrap_or_else(|| panic!("a known failure names {} {}, which has no row", known.verb, known.path));
        assert_ne!(
            row.access.outcome_for(known.person),
            known.actual,
            "a known failure of {} {} as {} is what the row expects",
            known.verb,
            known.path,
            known.person
        );
    }
}

/// Asks `row` as `person`, from `client`, as a browser without JavaScript would.
async fn ask(app: &TestApp, client: &reqwest::Client, row: &Row, values: &HashMap<&str, String>) -> reqwest::Response {
    let fields = |fields: &[(&str, &str)]| -> Vec<(String, String)> {
        // Names are filled too: a candidate's own form names its fields `<name>[c-<candidate id>]`.
        fields.iter().map(|(k, v)| (fill(k, values), fill(v, values))).collect()
    };
    let post = |address: &str| {
        client.post(app.url(address)).header(header::ORIGIN, &app.address).header(header::REFERER, app.url("/"))
    };
    let request = match row.request {
        Request::Visit(address) => client.get(app.url(&fill(address, values))),
        Request::Form(pairs) => post(row.path).form(&fields(pairs)),
        Request::FormTo(address, pairs) => post(&fill(address, values)).form(&fields(pairs)),
        Request::Upload(pairs) => {
            let filled: Vec<(&'static str, String)> = pairs.iter().map(|(k, v)| (*k, fill(v, values))).collect();
            post(row.path).multipart(leaflet_form(&filled))
        }
    };
    request.send().await.unwrap_or_else(|e| panic!("{} {}: {e}", row.verb, row.path))
}

async fn each_person_gets_what_they_should_from_every_route(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let started = Instant::now();

    // The rows that end the asker's session come last, for every person.
    let ordered: Vec<&Row> =
        ROUTES.iter().filter(|row| !row.ends_session).chain(ROUTES.iter().filter(|row| row.ends_session)).collect();
    let mut counts: HashMap<Outcome, usize> = HashMap::new();
    let mut wrong = Vec::new();
    let mut known = Vec::new();
    let mut fixed = Vec::new();
    for person in Person::ALL {
        let client = &world.clients[person.index()];
        let values = world.values_for(person);
        for row in &ordered {
            let expected = row.access.outcome_for(person);
            let actual = outcome_of(ask(&app, client, row, &values).await).await;
            let cell = format!("{} {} as {person}", row.verb, row.path);
            let listed = KNOWN_FAILURES.iter().find(|k| k.verb == row.verb && k.path == row.path && k.person == person);
            match (actual, listed) {
                (Ok(actual), Some(k)) if actual == k.actual && actual != expected => {
                    known.push(format!("{cell}: should be {expected:?}, is {actual:?} ({})", k.why));
                }
                (Ok(actual), Some(_)) if actual == expected => fixed.push(cell),
                (Ok(actual), _) if actual == expected => *counts.entry(actual).or_default() += 1,
                (Ok(actual), _) => wrong.push(format!("{cell}: expected {expected:?}, got {actual:?}")),
                (Err(error), _) => wrong.push(format!("{cell}: expected {expected:?}, got an error: {error}")),
            }
        }
    }

    eprintln!(
        "access matrix on {backend:?}: {} routes × {} people in {:.1?}; as expected: {counts:?}",
        ROUTES.len(),
        Person::ALL.len(),
        started.elapsed()
    );
    for failure in &known {
        eprintln!("known failure: {failure}");
    }
    assert!(wrong.is_empty(), "{} cells differ from the access matrix:\n{}", wrong.len(), wrong.join("\n"));
    assert!(fixed.is_empty(), "these known failures now behave as expected; take them off KNOWN_FAILURES: {fixed:#?}");
}

/// The element ids of an HTML document that repeat, each with how many times: scripts and comments left out.
fn repeated_ids(page: &str) -> Vec<(String, usize)> {
    let mut markup = String::with_capacity(page.len());
    let mut rest = page;
    // Scripts (the hydration data) and comments hold no elements.
    while let Some(at) = rest.find("<script").into_iter().chain(rest.find("<!--")).min() {
        markup.push_str(&rest[..at]);
        let close = if rest[at..].starts_with("<!--") { "-->" } else { "</script>" };
        rest = rest[at..].find(close).map_or("", |end| &rest[at + end + close.len()..]);
    }
    markup.push_str(rest);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for piece in markup.split(" id=\"").skip(1) {
        let id = &piece[..piece.find('"').unwrap_or(piece.len())];
        *seen.entry(id.to_owned()).or_default() += 1;
    }
    let mut repeated: Vec<(String, usize)> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    repeated.sort();
    repeated
}

#[test]
fn repeated_ids_are_found_outside_scripts_and_comments() {
    let page = r#"<p id="a"></p><script>x = '<p id="a">'</script><!-- <p id="a"> --><input id="b"><label id="b">"#;
    assert_eq!(repeated_ids(page), vec![("b".to_owned(), 2)]);
}

/// No page has two elements with one id, as a service's manager and an administrator see them (issue 17,
/// tester 17c: `/partnership` had two `id="service_id"`, so a label and the error summary's link went to the
/// wrong box). Every form's controls take their ids from the form (`ui::form::FormStatus::id_for`).
async fn no_page_repeats_an_element_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed(&app).await;
    let mut repeated = Vec::new();
    let mut pages = 0;
    for person in [Person::Manager, Person::Administrator] {
        let client = &world.clients[person.index()];
        let values = world.values_for(person);
        for row in ROUTES.iter().filter(|row| row.verb == Verb::Get && !row.ends_session) {
            let Request::Visit(address) = row.request else { continue };
            let response = client.get(app.url(&fill(address, &values))).send().await.expect("GET");
            let html = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html"));
            if !response.status().is_success() || !html {
                continue;
            }
            pages += 1;
            let page = response.text().await.expect("a page");
            for (id, times) in repeated_ids(&page) {
                repeated.push(format!("{} as {person}: id=\"{id}\" {times} times", row.path));
            }
        }
    }
    assert!(pages > 40, "the walk saw only {pages} pages");
    assert!(repeated.is_empty(), "{} repeated ids:\n{}", repeated.len(), repeated.join("\n"));
}

on_both_engines!(each_person_gets_what_they_should_from_every_route, no_page_repeats_an_element_id);
