//! The monthly mail: a manager chooses to be told when last month's involvement report is ready, and gets a
//! link (never a figure) through the outbox, once per month, even with two app servers running the job at once.

use app::accounts::types::Role;
use continuum_tests::{location, london, on_both_engines, spawn_app_at, Backend, TestApp};
use reqwest::header;

async fn choose(app: &TestApp, client: &reqwest::Client, mail: &str) -> reqwest::Response {
    client
        .post(app.url("/api/choose_report_mail"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/reports/involvement"))
        .form(&[("mail", mail)])
        .send()
        .await
        .expect("POST")
}

/// A second app server on the same database, SMTP server and clock.
async fn second_server(app: &TestApp) -> sqlx::AnyPool {
    let mut settings = continuum::config::Settings::defaults();
    settings.database_url = app.db.url.clone();
    settings.listen = "127.0.0.1:0".parse().expect("an address");
    settings.base_url = url::Url::parse("http://127.0.0.1").expect("a URL");
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", app.mail.port).into());
    settings.mail_retry_ms = 200;
    settings.site_root = continuum_tests::site_root();
    settings.clock = Some(app.clock.clone());
    let server = continuum::startup::Application::build(settings).await.expect("a second server starts");
    let pool = server.pool();
    tokio::spawn(server.run_until_stopped());
    pool
}

/// Runs the monthly mail job on both app servers at once; returns what each queued.
async fn on_both_servers(app: &TestApp, second: &sqlx::AnyPool) -> (usize, usize) {
    let base = url::Url::parse("http://127.0.0.1/").expect("a URL");
    let job = |pool: sqlx::AnyPool, base: url::Url| {
        let clock = app.clock.clone();
        async move { app::reports::monthly_mail::queue_monthly_mails(&pool, &clock, &base).await }
    };
    let one = app.clock.clone().scope(job(app.pool.clone(), base.clone()));
    let two = app.clock.clone().scope(job(second.clone(), base));
    let (one, two) = tokio::join!(one, two);
    (one.expect("first server's job"), two.expect("second server's job"))
}

async fn bodies_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body_text FROM outbox_mail WHERE to_address = $1 ORDER BY created_at")
        .bind(to)
        .fetch_all(&app.pool)
        .await
        .expect("outbox")
}

async fn a_manager_who_chose_it_gets_one_link_a_month_from_two_servers(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-02T09:00")).await;
    let service = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let steering = app.person_signed_in("sam@example.org", &[(&service, Role::SteeringMember)]).await;
    app.person_signed_in("olu@example.org", &[(&service, Role::Manager)]).await;

    let page = manager.get(app.url("/reports/involvement")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Tell me when last month"), "a manager is offered the monthly mail");
    let response = choose(&app, &manager, "monthly").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/reports/involvement?mail=1");
    // Saved from a report for a chosen service and quarter, the choice comes back to that report; the form
    // carries them, and anything else posted beside them is dropped.
    let page = manager
        .get(app.url(&format!("/reports/involvement?service_id={service}&period=q-2026-04")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("name=\"report[service_id]\" value=\"{service}\"")),
        "the form carries the report: {page}"
    );
    let response = manager
        .post(app.url("/api/choose_report_mail"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/reports/involvement"))
        .form(&[
            ("mail", "monthly"),
            ("report[service_id]", service.as_str()),
            ("report[period]", "q-2026-04"),
            ("report[note]", "secret"),
            ("report[from_day]", "my words"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/reports/involvement?service_id={service}&period=q-2026-04&mail=1"));
    assert_eq!(choose(&app, &steering, "monthly").await.status(), 403, "a steering member may not choose it");
    let theirs = steering.get(app.url("/reports/involvement")).send().await.unwrap().text().await.unwrap();
    assert!(!theirs.contains("Tell me when last month"), "nor is offered it");

    let second = second_server(&app).await;
    // Each server's own housekeeping also runs the job when it starts, so either may have queued it already.
    let (one, two) = on_both_servers(&app, &second).await;
    assert!(one + two <= 1, "one mail for September, whichever server queued it");
    assert_eq!(on_both_servers(&app, &second).await, (0, 0), "once a month");
    let sent = bodies_to(&app, "priya@example.org").await;
    assert_eq!(sent.len(), 1);
    let (subject, body) = &sent[0];
    assert_eq!(subject, "The involvement report for September 2026 is ready");
    assert!(
        body.contains(
            "http://127.0.0.1/reports/involvement?period=range&from_day=1&from_month=9&from_year=2026&to_day=30\
             &to_month=9&to_year=2026"
        ),
        "a link to September's report: {body}"
    );
    assert!(!body.contains("fewer than") && !body.contains("patients"), "no figures: {body}");
    assert!(bodies_to(&app, "olu@example.org").await.is_empty(), "only those who chose it");
    // An administrator's link is to the whole trust's report.
    app.add_person("admin@example.org", "Ada Admin", true, &[]).await;
    let admin = app.client_signed_in_as("admin@example.org").await;
    assert_eq!(choose(&app, &admin, "monthly").await.status(), 303);
    let base = url::Url::parse("http://127.0.0.1/").unwrap();
    let job = app::reports::monthly_mail::queue_monthly_mails(&app.pool, &app.clock, &base);
    app.clock.clone().scope(job).await.unwrap();
    let theirs = bodies_to(&app, "admin@example.org").await;
    assert!(theirs[0].1.contains("http://127.0.0.1/reports/involvement?service_id=all&period=range&"), "{theirs:?}");

    // Next month, another mail; after choosing no mail, none.
    app.set_clock(london("2026-11-02T09:00"));
    let (one, two) = on_both_servers(&app, &second).await;
    assert!(one + two <= 2, "Priya's and the administrator's, once each");
    assert_eq!(bodies_to(&app, "admin@example.org").await.len(), 2);
    let sent = bodies_to(&app, "priya@example.org").await;
    assert_eq!(sent.len(), 2, "October's too");
    assert_eq!(sent[1].0, "The involvement report for October 2026 is ready");
    // A month on, the session has ended: sign in again.
    let manager = app.client_signed_in_as("priya@example.org").await;
    let none = choose(&app, &manager, "none").await;
    assert_eq!(none.status(), 303);
    assert_eq!(location(&none), "/reports/involvement?mail=1");
    app.set_clock(london("2026-12-02T09:00"));
    on_both_servers(&app, &second).await;
    assert_eq!(bodies_to(&app, "priya@example.org").await.len(), 2, "no mail once chosen so");
    assert_eq!(bodies_to(&app, "admin@example.org").await.len(), 3, "the administrator still chose it");
}

on_both_engines!(a_manager_who_chose_it_gets_one_link_a_month_from_two_servers);
