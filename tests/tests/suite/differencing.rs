//! The differencing attacker: a member of staff, a manager and a steering group member open every view they
//! can of seeded data, on two visits with a little more recorded between them — a form's results pages for
//! months, quarters, financial years, overlapping and mid-month ranges and each channel, and the continuum
//! profile of each service they may see for the same periods, as a page and as CSV — and subtract every figure about people
//! they were shown from every other. No pair may differ by 1 to 4: the
//! seeded data holds such differences (Q3 less July–August is September's 3 at Information, March–April less
//! March is April's 3 responses), so published exactly they would be found.
//!
//! Left out on purpose: the CSV of a form's responses and the list of comments, which are the responses
//! themselves for the staff who may read each one (their number of rows is exact by nature; see the README).

use std::collections::BTreeMap;

use app::{accounts::types::Role, consultation::types::FeedbackForm};
use continuum_tests::{on_both_engines, spawn_app, Backend, TestApp};

/// Periods a person might choose, on one visit or another: months, quarters, financial years, ranges that
/// overlap them and ranges that end mid-month.
const PERIODS: &[(&str, &str)] = &[
    ("2026-03-01", "2026-03-31"),
    ("2026-04-01", "2026-04-30"),
    ("2026-03-01", "2026-04-30"),
    ("2026-03-01", "2026-03-20"),
    ("2026-03-15", "2026-04-15"),
    ("2026-01-01", "2026-03-31"),
    ("2026-04-01", "2026-06-30"),
    ("2026-05-01", "2026-07-31"),
    ("2026-07-01", "2026-07-31"),
    ("2026-07-01", "2026-08-31"),
    ("2026-08-01", "2026-09-30"),
    ("2026-09-01", "2026-09-30"),
    ("2026-07-01", "2026-09-30"),
    ("2026-06-01", "2026-09-30"),
    ("2026-07-01", "2026-10-31"),
    ("2025-04-01", "2026-03-31"),
    ("2026-04-01", "2027-03-31"),
    ("2026-01-01", "2026-12-31"),
];

/// Every figure about people a person was shown, by value, with where it was seen first.
#[derive(Default)]
struct Seen(BTreeMap<i64, String>);

impl Seen {
    fn add(&mut self, value: i64, place: String) {
        self.0.entry(value.abs()).or_insert(place);
    }

    /// Fails if any two figures differ by 1 to 4, or any one is 1 to 4 itself (a change, or a count).
    fn assert_nothing_to_subtract(&self, who: &str) {
        assert!(self.0.len() > 5, "{who} was shown figures to compare: {:?}", self.0);
        for (a, first) in &self.0 {
            for (b, second) in self.0.range(a..) {
                assert!(!(1..=4).contains(&(b - a)), "{who}: {b} ({second}) less {a} ({first}) is {} people", b - a);
            }
            assert!(!(1..=4).contains(a), "{who}: {a} shown as it is ({first})");
        }
    }
}

/// Answers `form` `times` times with `rating`, then dates those responses `day` and sets their channel.
async fn answered(app: &TestApp, form: &FeedbackForm, rating: &str, times: usize, day: &str, channel: &str) {
    let today = app::clock::today_date().format("%Y-%m-%d").to_string();
    for _ in 0..times {
        assert_eq!(app.submit_feedback(form, &[(0, rating)]).await.status(), 200, "answering the form");
    }
    sqlx::query("UPDATE feedback_response SET submitted_on = $1, channel = $2 WHERE submitted_on = $3")
        .bind(day)
        .bind(channel)
        .bind(&today)
        .execute(&app.pool)
        .await
        .unwrap();
    app.recount_feedback().await;
}

/// The integers of a page's figures about people: the headline, every count in a table, and the sentences
/// that name how many answered.
fn results_figures(page: &str) -> Vec<i64> {
    let page = page.replace("<!>", "").replace("<!---->", "");
    let mut found = Vec::new();
    let mut after = |marker: &str, end: char| {
        for (at, _) in page.match_indices(marker) {
            let rest = &page[at + marker.len()..];
            if let Ok(n) = rest[..rest.find(end).unwrap_or(0)].trim().parse::<i64>() {
                found.push(n);
            }
        }
    };
    after("id=\"responses-total\">", '<');
    after("nhsuk-table__cell--numeric\">", '<');
    after("Answered by ", '.');
    after("Of ", ' ');
    found
}

/// The CSV profile's figures about people: each level's people now and before, the change, its patients and
/// carers now and before, and the totals.
fn profile_figures(csv: &str) -> Vec<i64> {
    let mut found = Vec::new();
    for line in csv.lines() {
        let cells: Vec<&str> = line.split(',').collect();
        let level = ["Information", "Consultation", "Participation", "Inclusion", "Partnership"]
            .iter()
            .any(|l| cells[0].trim_start_matches('\u{feff}') == *l);
        let columns: &[usize] = if level {
            &[2, 4, 6, 7, 8, 9, 10]
        } else if cells[0] == "Total" {
            &[2, 7, 8]
        } else {
            &[]
        };
        found.extend(columns.iter().filter_map(|&c| cells.get(c)?.trim_start_matches('+').parse::<i64>().ok()));
    }
    found
}

/// The profile page's figures about people: each row's numbers after the first (patients, carers, and both
/// together; the first is activities, things) and the change ("up 5", "down 10"); and how many rows had them.
fn profile_page_figures(page: &str) -> (usize, Vec<i64>) {
    let page = page.replace("<!>", "").replace("<!---->", "");
    let (mut rows, mut found) = (0, Vec::new());
    for row in page.split("<tr class=\"nhsuk-table__row\">").skip(1) {
        let row = &row[..row.find("</tr>").unwrap_or(row.len())];
        let numbers: Vec<&str> = row
            .split("nhsuk-table__cell--numeric\">")
            .skip(1)
            .map(|cell| &cell[..cell.find('<').unwrap_or(0)])
            .collect();
        if numbers.len() == 4 {
            rows += 1;
            found.extend(numbers[1..].iter().filter_map(|people| people.parse::<i64>().ok()));
        }
        for change in ["up ", "down "] {
            if let Some(at) = row.find(&format!("nhsuk-table__cell\">{change}")) {
                let rest = &row[at + "nhsuk-table__cell\">".len() + change.len()..];
                found.extend(rest[..rest.find('<').unwrap_or(0)].parse::<i64>().ok());
            }
        }
    }
    (rows, found)
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.expect("GET");
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("body")
}

/// Everything `client` can see of the form's results (if they may) and of the services' profiles, over every
/// period, added to what they saw before.
async fn every_view(
    seen: &mut Seen,
    app: &TestApp,
    client: &reqwest::Client,
    form: Option<&FeedbackForm>,
    services: &[&str],
) {
    let mut queries: Vec<String> = vec![String::new()];
    // The period as the filters' day, month and year boxes send it.
    let boxes = |field: &str, day: &str| {
        let parts = app::dates::DateParts::of_iso(day);
        format!("{field}_day={}&{field}_month={}&{field}_year={}", parts.day, parts.month, parts.year)
    };
    queries.extend(PERIODS.iter().map(|(from, to)| format!("{}&{}", boxes("from", from), boxes("to", to))));
    for query in &queries {
        if let Some(form) = form {
            for channel in ["all", "online", "paper"] {
                let path = format!("/consultation/forms/{}/results?{query}&channel={channel}", form.id);
                let page = get(client, app, &path).await;
                for n in results_figures(&page) {
                    seen.add(n, path.clone());
                }
            }
        }
        for service in services {
            let path = format!("/reports/continuum-profile.csv?service_id={service}&{query}");
            for n in profile_figures(&get(client, app, &path).await) {
                seen.add(n, path.clone());
            }
            let path = format!("/reports/continuum-profile?service_id={service}&{query}");
            let (rows, figures) = profile_page_figures(&get(client, app, &path).await);
            assert_eq!(rows, 6, "the page's five levels and total: {path}");
            for n in figures {
                seen.add(n, path.clone());
            }
        }
    }
}

async fn no_two_views_a_person_can_open_subtract_to_fewer_than_five_people(backend: Backend) {
    let app = spawn_app(backend).await;
    let pd = app.add_service("Personality Disorder Service").await;
    let day = app.add_service("CAS Day Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&pd, Role::Staff)]).await;
    let manager = app.person_signed_in("priya@example.org", &[(&pd, Role::Manager), (&day, Role::Manager)]).await;
    let member = app.person_signed_in("robin@example.org", &[(&pd, Role::SteeringMember)]).await;
    app.add_to_steering_group(&pd, "robin@example.org").await;
    for (service, level, on, patients, carers) in [
        (&pd, "information", "2026-07-04", 20, 5),
        (&pd, "information", "2026-08-10", 10, 0),
        (&pd, "information", "2026-09-30", 3, 0),
        (&pd, "consultation", "2026-07-20", 8, 0),
        (&pd, "participation", "2026-08-14", 3, 0),
        (&pd, "partnership", "2026-09-12", 2, 0),
        (&pd, "information", "2026-06-30", 6, 0),
        (&pd, "inclusion", "2026-10-01", 7, 1),
        (&pd, "information", "2026-03-10", 11, 0),
        (&day, "information", "2026-07-15", 12, 0),
        (&day, "information", "2026-09-15", 2, 0),
        (&day, "consultation", "2026-08-20", 9, 0),
        (&day, "participation", "2026-04-02", 6, 2),
    ] {
        app.add_activity(service, level, on, patients, carers).await;
    }
    let form = app.open_feedback_form(&staff, &pd, "DBT skills group", "fft", "anonymous").await;
    for (rating, times, on, channel) in [
        ("good", 8, "2026-03-14", "online"),
        ("neither_good_nor_poor", 1, "2026-03-25", "online"),
        ("good", 2, "2026-04-10", "online"),
        ("good", 1, "2026-04-11", "paper"),
        ("very_good", 6, "2026-07-08", "online"),
        ("poor", 2, "2026-08-19", "paper"),
        ("good", 4, "2026-09-03", "online"),
        ("very_good", 7, "2026-05-20", "paper"),
    ] {
        answered(&app, &form, rating, times, on, channel).await;
    }

    let (mut staff_saw, mut manager_saw, mut member_saw) = (Seen::default(), Seen::default(), Seen::default());
    every_view(&mut staff_saw, &app, &staff, Some(&form), &[&pd]).await;
    every_view(&mut manager_saw, &app, &manager, Some(&form), &[&pd, &day]).await;
    every_view(&mut member_saw, &app, &member, None, &[&pd]).await;
    // A later visit, when a little more has been recorded for periods already seen.
    answered(&app, &form, "good", 2, "2026-03-28", "online").await;
    app.add_activity(&pd, "information", "2026-09-29", 1, 0).await;
    app.add_activity(&day, "consultation", "2026-08-21", 2, 1).await;
    every_view(&mut staff_saw, &app, &staff, Some(&form), &[&pd]).await;
    every_view(&mut manager_saw, &app, &manager, Some(&form), &[&pd, &day]).await;
    every_view(&mut member_saw, &app, &member, None, &[&pd]).await;

    staff_saw.assert_nothing_to_subtract("a member of staff");
    manager_saw.assert_nothing_to_subtract("a manager");
    member_saw.assert_nothing_to_subtract("a steering group member");
}

on_both_engines!(no_two_views_a_person_can_open_subtract_to_fewer_than_five_people);
