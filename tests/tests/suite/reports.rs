//! The involvement report (issue 18, slice 1): every figure of a small hand-computed fixture on the page and in
//! its CSVs, small numbers on the page, in the CSVs and in the summary sentences (with the differencing cases),
//! and who may open it.

use app::accounts::types::Role;
use continuum_tests::{london, on_both_engines, spawn_app_at, Backend, TestApp};

/// Adds a ledger activity of `kind` directly in the database: `patients` and `carers` took part on `day`.
async fn add(app: &TestApp, service: &str, level: &str, kind: &str, day: &str, patients: i64, carers: i64) {
    let activity = app::ledger::db::NewActivity {
        service_id: service.into(),
        level: level.parse().expect("a level"),
        kind: kind.parse().expect("a kind"),
        title: format!("{kind} on {day}"),
        happened_on: day.to_owned(),
        participants: app::ledger::types::Participants { patients, carers, staff: 1, others: 0 },
        purpose: String::new(),
        outcome: String::new(),
        recorded_by: None,
    };
    app::ledger::db::insert_activity(&app.pool, &activity).await.expect("insert activity");
}

/// The report's fixture, for one service. Jul–Sep 2026 (the last complete quarter on 15 October 2026):
/// Information a leaflet (no one), two open days (20 patients and 10 carers; 12 patients) and another activity
/// (no one); Consultation a focus group (7 patients) and a feedback form opened on 10 August with 8 responses
/// (each a patient's: the form does not ask who is answering, one with a comment); Participation two steering
/// group meetings (6 and 4 patients); Partnership an interview panel (2 patients). Apr–Jun 2026: an open day
/// (25 patients, 5 carers) and a focus group (6 patients). Nothing before.
///
/// So Jul–Sep: patients per level 32, 15, 10, 0, 2 (59); carers 10, 0, 0, 0, 0 (10); together 42, 15, 10, 0,
/// 2 (69). Published: 30, 15, 10, fewer than 5, fewer than 5 (60); 10 and fewer than 5 (10); 40, 15, 10, fewer
/// than 5, fewer than 5 (70). Apr–Jun: 25 and 6 patients (31: 30), 5 carers (5), 30 and 6 together (36: 35).
async fn seed(app: &TestApp, service: &str, manager: &reqwest::Client) {
    for (level, kind, day, patients, carers) in [
        ("information", "leaflet", "2026-07-03", 0, 0),
        ("information", "open_day", "2026-07-10", 20, 10),
        ("information", "open_day", "2026-09-20", 12, 0),
        ("information", "other", "2026-08-01", 0, 0),
        ("consultation", "focus_group", "2026-08-05", 7, 0),
        ("participation", "steering_group_meeting", "2026-07-15", 6, 0),
        ("participation", "steering_group_meeting", "2026-08-15", 4, 0),
        ("partnership", "interview_panel", "2026-09-01", 2, 0),
        ("information", "open_day", "2026-05-01", 25, 5),
        ("consultation", "focus_group", "2026-06-01", 6, 0),
    ] {
        add(app, service, level, kind, day, patients, carers).await;
    }
    app.set_clock(london("2026-08-10T10:00"));
    let form = app.open_feedback_form(manager, service, "DBT skills group", "fft", "anonymous").await;
    assert_eq!(app.submit_feedback(&form, &[(0, "good"), (1, "The Tuesday group helped me most")]).await.status(), 200);
    for _ in 0..7 {
        assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    }
    app.set_clock(london("2026-10-15T12:00"));
}

async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap().replace("<!>", "").replace("<!---->", ""))
}

/// The rows of a CSV after its four lines of title, period, caption and header, up to the small-numbers note.
fn rows(csv: &str) -> Vec<String> {
    csv.lines().skip(4).filter(|l| !l.contains("To protect privacy")).map(str::to_owned).collect()
}

async fn every_figure_of_the_fixture_is_on_the_page_and_in_its_csvs(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service, &manager).await;

    let (status, page) = text(&manager, &app, &format!("/reports/involvement?service_id={service}")).await;
    assert_eq!(status, 200, "{page}");
    let csv = |table: &str| format!("/reports/involvement.csv?service_id={service}&table={table}");
    let levels = manager.get(app.url(&csv("levels"))).send().await.unwrap();
    assert_eq!(levels.status(), 200);
    let name = "involvement-levels-personality-disorder-service-2026-07-01-to-2026-09-30.csv";
    assert_eq!(levels.headers()["content-disposition"], format!("attachment; filename=\"{name}\"").as_str());
    let levels = levels.text().await.unwrap();
    assert!(levels.starts_with('\u{feff}'), "Excel reads it as UTF-8");
    let levels = levels.trim_start_matches('\u{feff}');
    assert!(levels.contains("Period,2026-07-01,2026-09-30"), "the default is the last complete quarter: {levels}");

    assert_eq!(
        rows(levels),
        [
            "1. Information,4,30,10,40,up 10",
            "2. Consultation,2,15,fewer than 5,15,up 10",
            "3. Participation,2,10,fewer than 5,10,withheld",
            "4. Inclusion,0,fewer than 5,fewer than 5,fewer than 5,withheld",
            "5. Partnership,1,fewer than 5,fewer than 5,fewer than 5,withheld",
            "Total,9,60,10,70,up 35",
        ]
    );
    let (_, trend) = text(&manager, &app, &csv("trend")).await;
    assert!(
        trend.contains("Level,Jul to Sep 2025,Oct to Dec 2025,Jan to Mar 2026,Apr to Jun 2026,Jul to Sep 2026"),
        "the four periods before, oldest first: {trend}"
    );
    let f = "fewer than 5";
    assert_eq!(
        rows(&trend),
        [
            format!("Information,{f},{f},{f},30,40"),
            format!("Consultation,{f},{f},{f},5,15"),
            format!("Participation,{f},{f},{f},{f},10"),
            format!("Inclusion,{f},{f},{f},{f},{f}"),
            format!("Partnership,{f},{f},{f},{f},{f}"),
            format!("All levels,{f},{f},{f},35,70"),
        ]
    );
    let (_, information) = text(&manager, &app, &csv("information")).await;
    assert_eq!(
        rows(&information),
        [
            "Leaflets published,0,0,0,0,1".to_owned(),
            "Open days and events held,0,0,0,1,2".to_owned(),
            "Other information activities,0,0,0,0,1".to_owned(),
            "Information pages published,0,0,0,0,0".to_owned(),
            "Events held,0,0,0,0,0".to_owned(),
            format!("People registered for events held,{f},{f},{f},{f},{f}"),
            format!("Patients,{f},{f},{f},25,30"),
            format!("Carers,{f},{f},{f},5,10"),
            format!("Patients and carers,{f},{f},{f},30,40"),
        ]
    );
    let (_, consultation) = text(&manager, &app, &csv("consultation")).await;
    assert_eq!(
        rows(&consultation),
        [
            "Feedback forms opened,0,0,0,0,1".to_owned(),
            "Focus groups held,0,0,0,1,1".to_owned(),
            "Other consultation activities,0,0,0,0,0".to_owned(),
            format!("Feedback responses from patients,{f},{f},{f},{f},10"),
            format!("Feedback responses from carers,{f},{f},{f},{f},{f}"),
            format!("Feedback responses from someone else,{f},{f},{f},{f},{f}"),
            format!("Feedback responses in all,{f},{f},{f},{f},10"),
            format!("Feedback responses online,{f},{f},{f},{f},10"),
            format!("Feedback responses on paper,{f},{f},{f},{f},{f}"),
            format!("Feedback responses assisted,{f},{f},{f},{f},{f}"),
            format!("People at focus groups,{f},{f},{f},{f},{f}"),
            "\"\"\"You said, we did\"\" items published\",0,0,0,0,0".to_owned(),
            format!("Patients,{f},{f},{f},5,15"),
            format!("Carers,{f},{f},{f},{f},{f}"),
            format!("Patients and carers,{f},{f},{f},5,15"),
        ]
    );
    let (_, participation) = text(&manager, &app, &csv("participation")).await;
    assert_eq!(rows(&participation)[0], "Steering group meetings held,0,0,0,0,2");
    let (_, partnership) = text(&manager, &app, &csv("partnership")).await;
    assert_eq!(rows(&partnership)[0], "Interview panels in the ledger (panels sat and any recorded by hand),0,0,0,0,1");

    // The page shows the same tables, the summary in sentences and a chart per section.
    for sentence in [
        "In Jul to Sep 2026, 60 patients and 10 carers were involved in 9 activities.",
        "Involvement reached Partnership (level 5 of 5).",
        "Information: 30 patients and 10 carers took part.",
        "Consultation: 15 patients and fewer than 5 carers took part.",
        "Partnership: fewer than 5 patients and fewer than 5 carers took part.",
        "Patients and carers involved went up by 35 from Apr to Jun 2026.",
    ] {
        assert!(page.contains(sentence), "the summary says {sentence:?}");
    }
    for table in [&levels.to_owned(), &trend, &information, &consultation] {
        for row in rows(table) {
            // The cells hold no comma; a row's header may ("You said, we did"), quoted.
            let cells: Vec<&str> = row.rsplitn(6, ',').take(5).collect();
            for cell in cells {
                assert!(page.contains(&format!(">{cell}<")), "the page shows {cell} of {row}");
            }
        }
    }
    assert_eq!(
        page.matches("class=\"continuum-chart__image\"").count(),
        11,
        "a chart for the levels, the trend, each level, the FFT, the themes, the meetings, and panels and payments"
    );
    assert!(!page.contains("appear here when"), "every section has landed: no seam is left");
    assert!(page.contains(&format!("download=\"{name}\"")), "each table's CSV is linked by its file name");
}

async fn small_numbers_hold_across_levels_periods_csvs_and_sentences(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("grace@example.org", &[(&service, Role::Manager)]).await;
    // A level of 4 people beside one of 40 in July to September; 25 in April to June; 3 in October to
    // December (in the financial year, after "today").
    add(&app, &service, "information", "open_day", "2026-08-01", 40, 0).await;
    add(&app, &service, "inclusion", "volunteer_role", "2026-08-02", 4, 0).await;
    add(&app, &service, "information", "open_day", "2026-05-01", 25, 0).await;
    add(&app, &service, "information", "open_day", "2026-11-01", 3, 0).await;

    // A level's count against the total less the other levels.
    let (status, levels) =
        text(&manager, &app, &format!("/reports/involvement.csv?service_id={service}&table=levels")).await;
    assert_eq!(status, 200);
    let people: Vec<String> = rows(&levels).iter().map(|r| r.split(',').nth(4).unwrap().to_owned()).collect();
    assert_eq!(people[3], "fewer than 5", "Inclusion's 4 people: {levels}");
    if let Ok(total) = people[5].parse::<i64>() {
        let shown: i64 = people[..5].iter().filter_map(|p| p.parse::<i64>().ok()).sum();
        let left = total - shown;
        assert!(left != 4 && !(1..=4).contains(&left), "{total} less the levels shown leaves {left}: {levels}");
    }
    let (_, page) = text(&manager, &app, &format!("/reports/involvement?service_id={service}")).await;
    // The appointment is a count of people (a volunteer appointed), not an activity to show as it is.
    assert!(levels.contains("4. Inclusion,0,fewer than 5,fewer than 5,fewer than 5,"), "{levels}");
    assert!(!page.contains(" 4 patients") && !page.contains(" 44 "), "no sentence says the small count");
    assert!(!levels.contains(",4,") && !levels.contains(",44,"), "nor the CSV: {levels}");

    // A financial year against its quarters: Information in April 2026 to March 2027 less the quarters shown.
    let information = |table: &str| {
        table.lines().find(|l| l.starts_with("1. Information,")).unwrap().split(',').nth(4).unwrap().to_owned()
    };
    let q = |period: &str| format!("/reports/involvement.csv?service_id={service}&table=levels&period={period}");
    let (status, year) = text(&manager, &app, &q("fy-2026")).await;
    assert_eq!(status, 200, "{year}");
    let year: i64 = information(&year).parse().expect("the year's Information is shown");
    let mut shown = 0;
    let mut hidden = 0;
    for quarter in ["q-2026-04", "q-2026-07", "q-2026-10", "q-2027-01"] {
        let (_, csv) = text(&manager, &app, &q(quarter)).await;
        match information(&csv).parse::<i64>() {
            Ok(n) => shown += n,
            Err(_) => hidden += 1,
        }
    }
    let left = year - shown;
    assert_eq!((year, shown, hidden), (70, 65, 2), "68 in the year; 25 and 40 shown, 3 and 0 not");
    assert!(!(1..=4).contains(&left), "the year less the quarters shown leaves {left}, not October's 3");
    // And within one report, the trend's periods beside the period: each is published on its own.
    let (_, trend) =
        text(&manager, &app, &format!("/reports/involvement.csv?service_id={service}&table=trend&period=q-2026-10"))
            .await;
    assert!(trend.contains("Information,fewer than 5,fewer than 5,25,40,fewer than 5"), "{trend}");
}

async fn managers_and_steering_members_see_the_figures_and_no_one_else_does(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let other = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service, &manager).await;
    add(&app, &other, "information", "open_day", "2026-08-01", 3, 0).await;
    let steering = app.person_signed_in("sam@example.org", &[(&service, Role::SteeringMember)]).await;
    app.add_to_steering_group(&service, "sam@example.org").await;
    let patient = app.person_signed_in("pat@example.org", &[(&service, Role::Patient)]).await;
    let staff = app.person_signed_in("sol@example.org", &[(&service, Role::Staff)]).await;
    let other_manager = app.person_signed_in("olu@example.org", &[(&other, Role::Manager)]).await;
    let page = format!("/reports/involvement?service_id={service}");
    let csv = format!("/reports/involvement.csv?service_id={service}&table=levels");

    let (status, managers) = text(&manager, &app, &page).await;
    assert_eq!(status, 200);
    let (status, steerings) = text(&steering, &app, &page).await;
    assert_eq!(status, 200, "a steering member of the service sees the report");
    assert!(steerings.contains(">70<") && steerings.contains("60 patients and 10 carers"), "its figures");
    for seen in [&managers, &steerings] {
        assert!(!seen.contains("Tuesday group"), "the report holds no comment text");
    }
    assert_eq!(text(&steering, &app, &csv).await.0, 200);
    for (who, client, expected) in
        [("patient", &patient, 403), ("staff who do not manage", &staff, 403), ("another manager", &other_manager, 404)]
    {
        assert_eq!(text(client, &app, &page).await.0, expected, "{who}: page");
        assert_eq!(text(client, &app, &csv).await.0, expected, "{who}: CSV");
    }
    assert_eq!(text(&manager, &app, "/reports/involvement?service_id=all").await.0, 403, "all services: admins");
    let anonymous = app.get(&csv).await;
    assert_eq!(anonymous.status(), 303, "sent to sign in");

    // An administrator sees every service, summed before suppression: 42 + 3 at Information is 45.
    app.add_person("ada@example.org", "Ada", true, &[]).await;
    let admin = app.client_signed_in_as("ada@example.org").await;
    let (status, all) = text(&admin, &app, "/reports/involvement.csv?service_id=all&table=levels").await;
    assert_eq!(status, 200);
    assert!(all.contains("Involvement report,All services"), "{all}");
    assert!(all.contains("1. Information,5,35,10,45,"), "{all}");
    assert_eq!(text(&admin, &app, &format!("/reports/involvement?service_id={other}")).await.0, 200);
}

on_both_engines!(
    every_figure_of_the_fixture_is_on_the_page_and_in_its_csvs,
    small_numbers_hold_across_levels_periods_csvs_and_sentences,
    managers_and_steering_members_see_the_figures_and_no_one_else_does,
);
