//! The access matrix: every route Continuum serves, asked as each kind of person, against what each should
//! get. The table and the generated list of routes are in `continuum_tests::routes`.

use std::{collections::HashMap, time::Instant};

use app::accounts::types::Role;
use continuum_tests::{
    form_error, location, new_client, on_both_engines,
    routes::{fill, outcome_of, served_routes, Outcome, Person, Request, Row, Verb, KNOWN_FAILURES, ROUTES},
    spawn_app, Backend, TestApp,
};
use reqwest::{header, multipart};

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

/// A small file that is a PDF as far as the leaflet upload checks.
const PDF: &[u8] = b"%PDF-1.4\n% made by the access matrix test\n%%EOF\n";

/// The records of "the service" that the routes' placeholders name, and a client for each person.
struct World {
    values: HashMap<&'static str, String>,
    /// An activity of the service for each person to delete, in `Person::ALL` order.
    own_activities: Vec<String>,
    clients: Vec<reqwest::Client>,
}

impl World {
    async fn seed(app: &TestApp) -> Self {
        let service = app.add_service("The service").await;
        let other = app.add_service("Another service").await;
        let people: [(&str, Option<(&str, Role)>); 9] = [
            ("patient@example.org", Some((&service, Role::Patient))),
            ("carer@example.org", Some((&service, Role::Carer))),
            ("volunteer@example.org", Some((&service, Role::Volunteer))),
            ("steering@example.org", Some((&service, Role::SteeringMember))),
            ("other-staff@example.org", Some((&other, Role::Staff))),
            ("other-manager@example.org", Some((&other, Role::Manager))),
            ("staff@example.org", Some((&service, Role::Staff))),
            ("manager@example.org", Some((&service, Role::Manager))),
            ("admin@example.org", None),
        ];
        let mut values: HashMap<&'static str, String> = HashMap::new();
        let mut clients = vec![new_client()];
        for (email, role) in people {
            let roles: Vec<(&str, Role)> = role.into_iter().collect();
            let person = app.add_person(email, email, role.is_none(), &roles).await;
            match email {
                "patient@example.org" => values.insert("patient", person.id),
                "admin@example.org" => values.insert("administrator", person.id),
                _ => None,
            };
            clients.push(app.client_signed_in_as(email).await);
        }
        let admin = clients[Person::Administrator.index()].clone();
        let manager = clients[Person::Manager.index()].clone();
        let post = |fields: Vec<(&'static str, String)>, function: &'static str| {
            let admin = admin.clone();
            async move {
                let response = admin
                    .post(app.url(&format!("/api/{function}")))
                    .header(header::ORIGIN, &app.address)
                    .header(header::REFERER, app.url("/"))
                    .form(&fields)
                    .send()
                    .await
                    .expect("POST");
                assert!(response.status().is_redirection(), "{function}: {}", response.status());
                let to = location(&response);
                assert_eq!(form_error(response).await, None, "{function}");
                to
            }
        };

        values.insert("service", service.clone());
        values.insert("activity", app.add_activity(&service, "consultation", "2026-03-02", 6, 1).await);
        let mut own_activities = Vec::new();
        for _ in Person::ALL {
            own_activities.push(app.add_activity(&service, "information", "2026-03-03", 0, 0).await);
        }

        let page = [
            ("page_title", "Matrix page"),
            ("page_summary", "About the service"),
            ("page_body", "What the service offers."),
        ];
        values.extend(page.map(|(k, v)| (k, v.to_owned())));
        let saved = post(
            vec![
                ("page_id", String::new()),
                ("service_id", service.clone()),
                ("title", page[0].1.into()),
                ("summary", page[1].1.into()),
                ("body", page[2].1.into()),
                ("published", "yes".into()),
            ],
            "save_info_page",
        )
        .await;
        let page_slug = saved.trim_start_matches("/info/").to_owned();
        values.insert("page_id", scalar(app, "SELECT id FROM info_page WHERE slug = $1", &[&page_slug]).await);
        values.insert("page_slug", page_slug);

        let day = (app::clock::today_date() + chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
        let event = [
            ("event_title", "Matrix open day".to_owned()),
            ("event_description", "Come and meet the team.".to_owned()),
            ("event_day", day),
            ("event_start", "10:00".to_owned()),
            ("event_end", "13:00".to_owned()),
            ("event_place", "The day service".to_owned()),
            ("event_capacity", "20".to_owned()),
        ];
        values.extend(event.clone());
        let saved = post(
            vec![
                ("event_id", String::new()),
                ("service_id", service.clone()),
                ("title", event[0].1.clone()),
                ("description", event[1].1.clone()),
                ("day", event[2].1.clone()),
                ("start", event[3].1.clone()),
                ("end", event[4].1.clone()),
                ("place", event[5].1.clone()),
                ("capacity", event[6].1.clone()),
            ],
            "save_event",
        )
        .await;
        let event_slug = saved.trim_start_matches("/events/").to_owned();
        values.insert("event_id", scalar(app, "SELECT id FROM event WHERE slug = $1", &[&event_slug]).await);
        values.insert("event_slug", event_slug);

        let uploaded = admin
            .post(app.url("/api/upload_leaflet"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url("/information/leaflets/new"))
            .multipart(leaflet_form(&[
                ("service_id", service.clone()),
                ("title", "What to expect".into()),
                ("summary", "Your first weeks".into()),
            ]))
            .send()
            .await
            .expect("upload");
        assert_eq!(form_error(uploaded).await, None, "upload a leaflet");
        values.insert("leaflet_id", scalar(app, "SELECT id FROM leaflet WHERE service_id = $1", &[&service]).await);

        let form = app.open_feedback_form(&manager, &service, "Matrix form", "fft", "anonymous").await;
        let flagged = app
            .submit_feedback(
                &form,
                &[(0, "neither_good_nor_poor"), (1, "honestly i dont think ill be around for the next module")],
            )
            .await;
        assert_eq!(flagged.status(), 200, "a flagged response");
        values.insert("form_id", form.id.clone());
        values.insert("form_slug", form.slug.clone());
        values.insert("question_id", form.questions[0].id.clone());
        values.insert("comment_question_id", form.questions[1].id.clone());
        values.insert("response_id", scalar(app, "SELECT source_id FROM review_flag", &[]).await);
        let spare = app.open_feedback_form(&manager, &service, "Spare form", "fft", "anonymous").await;
        values.insert("spare_form_id", spare.id);

        post(vec![("service_id", service.clone()), ("name", "Waiting times".into())], "add_theme").await;
        values.insert("theme_id", scalar(app, "SELECT id FROM service_theme WHERE service_id = $1", &[&service]).await);
        post(
            vec![
                ("service_id", service.clone()),
                ("topic", "Evening group pilot".into()),
                ("held_on", "2026-01-14".into()),
                ("participants", "7".into()),
                ("themes", "Evenings suit people in work".into()),
                ("notes", String::new()),
            ],
            "record_focus_group",
        )
        .await;

        Self { values, own_activities, clients }
    }

    /// The placeholders' values for `person`.
    fn values_for(&self, person: Person) -> HashMap<&str, String> {
        let mut values = self.values.clone();
        values.insert("own_activity", self.own_activities[person.index()].clone());
        values
    }
}

/// The one text value `sql` finds, with `binds` bound to `$1`, `$2`...
async fn scalar(app: &TestApp, sql: &str, binds: &[&str]) -> String {
    let mut query = sqlx::query_scalar::<_, String>(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn leaflet_form(fields: &[(&'static str, String)]) -> multipart::Form {
    let mut form = multipart::Form::new();
    for (name, value) in fields {
        form = form.text(*name, value.clone());
    }
    let file = multipart::Part::bytes(PDF.to_vec()).file_name("leaflet.pdf").mime_str("application/pdf").expect("mime");
    form.part("file", file)
}

/// Asks `row` as `person`, from `client`, as a browser without JavaScript would.
async fn ask(app: &TestApp, client: &reqwest::Client, row: &Row, values: &HashMap<&str, String>) -> reqwest::Response {
    let fields = |fields: &[(&str, &str)]| -> Vec<(String, String)> {
        fields.iter().map(|(k, v)| ((*k).to_owned(), fill(v, values))).collect()
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

on_both_engines!(each_person_gets_what_they_should_from_every_route);
