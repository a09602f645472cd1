//! The continuum profile: counts per level for a period, the change from the period before, small-number
//! suppression on the page and in the CSV, and who may see it.

use app::accounts::types::Role;
use continuum_tests::{on_both_engines, spawn_app, Backend, TestApp};

/// A quarter of activities (Q3 2026) and the quarter before it (Q2 2026) for one service.
async fn seed_two_quarters(app: &TestApp, service: &str) {
    // Q3: Information 3 activities (40 people); Consultation 2 (12); Participation 1 (3: suppressed);
    // Inclusion 0; Partnership 1 (2: suppressed).
    for (level, day, patients, carers) in [
        ("information", "2026-07-04", 20, 5),
        ("information", "2026-08-10", 10, 0),
        ("information", "2026-09-30", 3, 2),
        ("consultation", "2026-07-20", 8, 0),
        ("consultation", "2026-09-02", 4, 0),
        ("participation", "2026-08-14", 3, 0),
        ("partnership", "2026-09-12", 2, 0),
        // Outside the period on both sides.
        ("inclusion", "2026-10-01", 30, 0),
    ] {
        app.add_activity(service, level, day, patients, carers).await;
    }
    // Q2: Information 2 activities (30 people); Consultation 1 (6).
    for (level, day, patients, carers) in [
        ("information", "2026-04-02", 15, 5),
        ("information", "2026-06-30", 10, 0),
        ("consultation", "2026-05-05", 6, 0),
    ] {
        app.add_activity(service, level, day, patients, carers).await;
    }
}

const Q3: &str = "from=2026-07-01&to=2026-09-30";

async fn the_profile_counts_a_seeded_period_and_its_change_from_the_last(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    seed_two_quarters(&app, &service).await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;

    let page =
        manager.get(app.url(&format!("/reports/continuum-profile?service_id={service}&{Q3}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    let csv = manager
        .get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}&{Q3}")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();

    assert!(page.contains("Compared with 1 April 2026 to 30 June 2026"), "the previous period is the quarter before");
    assert!(page.contains("Involvement reached Partnership (level 5 of 5)"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[1], "Period,2026-07-01,2026-09-30");
    assert_eq!(lines[2], "Previous period,2026-04-01,2026-06-30");
    // Level, activities, people, previous activities, previous people, change in activities, change in people.
    assert_eq!(lines[4], "Information,fewer than 5,40,fewer than 5,30,withheld,+10");
    assert_eq!(lines[5], "Consultation,fewer than 5,12,fewer than 5,6,withheld,+6");
    assert_eq!(lines[6], "Participation,fewer than 5,fewer than 5,0,0,withheld,withheld");
    assert_eq!(lines[7], "Inclusion,0,0,0,0,0,0", "the October activity is outside the period");
    assert_eq!(lines[8], "Partnership,fewer than 5,fewer than 5,0,0,withheld,withheld");
    assert_eq!(lines[9], "Total,withheld,withheld");
    assert!(page.contains("up 10"), "the page shows the change in people");
}

async fn small_numbers_and_totals_that_would_reveal_them_are_suppressed_on_the_page_and_in_the_csv(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    // Five or more everywhere but one level with 4 people: the total would reveal it.
    for day in ["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-04", "2026-07-05"] {
        app.add_activity(&service, "information", day, 6, 0).await;
        app.add_activity(&service, "consultation", day, 5, 1).await;
    }
    app.add_activity(&service, "inclusion", "2026-07-06", 4, 0).await;
    let manager = app.person_signed_in("grace@example.org", &[(&service, Role::Manager)]).await;

    let page =
        manager.get(app.url(&format!("/reports/continuum-profile?{Q3}"))).send().await.unwrap().text().await.unwrap();
    let csv = manager
        .get(app.url(&format!("/reports/continuum-profile.csv?{Q3}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    for text in [&page, &csv] {
        assert!(text.contains("fewer than 5"));
        assert!(!text.contains(">64<") && !text.contains(",64"), "64 people in all would reveal the 4");
        assert!(text.contains("withheld"));
    }
    assert!(csv.contains("Information,5,30,"));
    assert!(csv.contains("Inclusion,fewer than 5,fewer than 5,"));
    assert!(page.contains("<svg"), "the chart is drawn on the server");
    assert!(page.contains("Information") && page.contains("Partnership"));
}

async fn steering_members_see_the_profile_and_patients_and_other_services_do_not(backend: Backend) {
    let app = spawn_app(backend).await;
    let pd = app.add_service("Personality Disorder Service").await;
    let day = app.add_service("CAS Day Service").await;
    let member = app.person_signed_in("robin@example.org", &[(&pd, Role::SteeringMember)]).await;
    let patient = app.person_signed_in("morgan@example.org", &[(&pd, Role::Patient)]).await;
    let other_staff = app.person_signed_in("tom@example.org", &[(&day, Role::Staff)]).await;
    let path = format!("/reports/continuum-profile?service_id={pd}");
    let csv_path = format!("/reports/continuum-profile.csv?service_id={pd}");

    assert_eq!(member.get(app.url(&path)).send().await.unwrap().status(), 200);
    assert_eq!(patient.get(app.url(&path)).send().await.unwrap().status(), 403);
    assert_eq!(patient.get(app.url(&csv_path)).send().await.unwrap().status(), 403);
    assert_eq!(other_staff.get(app.url(&path)).send().await.unwrap().status(), 403);
    assert_eq!(other_staff.get(app.url(&csv_path)).send().await.unwrap().status(), 403);
    let anonymous = app.get(&csv_path).await;
    assert_eq!(anonymous.status(), 303);
}

async fn the_profile_counts_feedback_responses_at_consultation(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;
    for _ in 0..6 {
        assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    }

    // The current quarter, which holds today.
    let csv = manager
        .get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let page = manager.get(app.url(&format!("/reports/continuum-profile?service_id={service}"))).send().await.unwrap();
    let page = page.text().await.unwrap();

    let consultation = csv.lines().find(|l| l.starts_with("Consultation,")).unwrap();
    assert!(
        consultation.starts_with("Consultation,fewer than 5,6,"),
        "the form opened is one activity and its six responses count as six times people took part: {consultation}"
    );
    assert!(page.contains("one person may answer more than once"));
}

on_both_engines!(
    the_profile_counts_feedback_responses_at_consultation,
    the_profile_counts_a_seeded_period_and_its_change_from_the_last,
    small_numbers_and_totals_that_would_reveal_them_are_suppressed_on_the_page_and_in_the_csv,
    steering_members_see_the_profile_and_patients_and_other_services_do_not,
);
