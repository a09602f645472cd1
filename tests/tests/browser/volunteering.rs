//! Browser journey: a volunteer pauses themselves ("I need a break") and comes back on a phone-sized window
//! with JavaScript off; axe-core (which needs JavaScript) checks every new page of references, checks and the
//! volunteer's own page with JavaScript on.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, TestApp, PASSWORD,
};

async fn done(app: &TestApp, function: &str, fields: &[(&str, &str)]) {
    let response = app.post_form(&format!("/api/{function}"), "/inclusion", fields).await;
    assert_eq!(response.status(), 303, "{function}: {:?}", continuum_tests::form_error(response).await);
}

/// A role needing a DBS check, Sam's application with references asked (one back), and Sam appointed with
/// the check in date and a supervision session. Returns (application, appointment, an unused referee key).
async fn a_volunteer(app: &TestApp) -> (String, String, String) {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Volunteer)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", PASSWORD).await);
    done(
        app,
        "save_volunteer_role",
        &[
            ("role_id", ""),
            ("service_id", &service),
            ("title", "Day service volunteer"),
            ("duties", "Welcome people as they arrive and make drinks."),
            ("time_asked", "One day a week"),
            ("place", "Orchard House"),
            ("support", "Supervision once a month"),
            ("expenses", "Travel and lunch"),
            ("lived_experience", "no"),
            ("posts", "2"),
            ("role_state", "recruiting"),
        ],
    )
    .await;
    let one =
        |sql: &'static str| async move { sqlx::query_scalar::<_, String>(sql).fetch_one(&app.pool).await.unwrap() };
    let (role, slug) = (one("SELECT id FROM volunteer_role").await, one("SELECT slug FROM volunteer_role").await);
    done(
        app,
        "add_volunteer_check",
        &[("service_id", &service), ("category", "dbs"), ("check_name", "DBS check"), ("dbs_level", "enhanced")],
    )
    .await;
    let kind = one("SELECT id FROM volunteer_check_kind").await;
    done(app, "set_role_check", &[("role_id", &role), ("check_kind_id", &kind), ("needed", "yes")]).await;
    let applied = continuum_tests::new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(&[
            ("role_slug", slug.as_str()),
            ("name", "Sam Jones"),
            ("email", "sam@example.org"),
            ("taking_part_as", "patient"),
            ("why", "To help others feel welcome."),
            ("availability", "Tuesdays"),
            ("referee1_name", "Pat Friend"),
            ("referee1_contact", "pat@example.org"),
            ("referee2_name", "Lee Tutor"),
            ("referee2_contact", "lee@example.org"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(applied.status(), 303);
    let application = one("SELECT id FROM volunteer_application").await;
    for stage in ["shortlisted", "interview", "offered", "checks"] {
        done(app, "move_application", &[("application_id", &application), ("stage", stage), ("note", "")]).await;
    }
    done(app, "request_references", &[("application_id", &application)]).await;
    let wait = std::time::Duration::from_secs(15);
    let key = |body: String| {
        let start = body.find("key=").expect("a link") + 4;
        body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect::<String>()
    };
    let pat = key(app.mail.wait_for("pat@example.org", wait).await.body);
    let lee = key(app.mail.wait_for("lee@example.org", wait).await.body);
    let given = continuum_tests::new_client()
        .post(app.url("/api/give_reference"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/reference?key={pat}")))
        .form(&[("key", pat.as_str()), ("known_how", "Neighbour"), ("reference", "Kind and reliable.")])
        .send()
        .await
        .unwrap();
    assert_eq!(given.status(), 303);
    let today = app::clock::today_date().format("%Y-%m-%d").to_string();
    let dated = |field: &'static str| -> Vec<(String, String)> {
        vec![
            (format!("{field}_day"), today[8..10].to_owned()),
            (format!("{field}_month"), today[5..7].to_owned()),
            (format!("{field}_year"), today[..4].to_owned()),
        ]
    };
    let mut appoint: Vec<(String, String)> = vec![("application_id".into(), application.clone())];
    appoint.extend(dated("starts_on"));
    let appoint: Vec<(&str, &str)> = appoint.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    done(app, "appoint_volunteer", &appoint).await;
    let appointment = one("SELECT id FROM volunteer_appointment").await;
    let mut check: Vec<(String, String)> = vec![
        ("appointment_id".into(), appointment.clone()),
        ("check_kind_id".into(), kind.clone()),
        ("certificate_number".into(), "001234567890".into()),
    ];
    check.extend(dated("done_on"));
    let check: Vec<(&str, &str)> = check.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    done(app, "record_volunteer_check", &check).await;
    let mut session: Vec<(String, String)> =
        vec![("appointment_id".into(), appointment.clone()), ("notes".into(), "Settling in well".into())];
    session.extend(dated("held_on"));
    let session: Vec<(&str, &str)> = session.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    done(app, "record_supervision", &session).await;
    (application, appointment, lee)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_pauses_themselves_and_comes_back_on_a_phone_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, appointment, _) = a_volunteer(&app).await;
    let app = &app;

    with_browser(Javascript::Off, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/sign-in?next=/volunteering")).await.unwrap();
        fill(&browser, "Email address", "sam@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        browser.goto(&app.url("/volunteering")).await.unwrap();
        wait_for_text(&browser, "Your volunteering").await;
        let page = browser.source().await.unwrap();
        assert!(
            page.contains("Day service volunteer") && page.contains("DBS check") && page.contains("Settling in well")
        );
        let width: i64 = browser
            .execute("return document.documentElement.scrollWidth;", vec![])
            .await
            .unwrap()
            .as_i64()
            .unwrap_or_default();
        assert!(width <= 390, "no sideways scrolling: {width}");

        fill(&browser, "Anything you would like the coordinator to know (optional)", "A hard month").await;
        press(&browser, "Start my break").await;
        wait_for_text(&browser, "Your break has started").await;
        assert!(browser.source().await.unwrap().contains("taking a break: A hard month"));
        let url = browser.current_url().await.unwrap();
        assert!(!url.as_str().contains("hard"), "nothing typed in the address: {url}");
        press(&browser, "Come back").await;
        wait_for_text(&browser, "Welcome back. Your role is active again.").await;
    })
    .await;
    let status: String = sqlx::query_scalar("SELECT status FROM volunteer_appointment WHERE id = $1")
        .bind(&appointment)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "active");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_pages_pass_axe() {
    let app = spawn_app(Backend::Sqlite).await;
    let (application, appointment, key) = a_volunteer(&app).await;
    let app = &app;

    with_browser(Javascript::On, |browser| async move {
        // The referee's light page, before signing in.
        browser.goto(&app.url(&format!("/volunteer/reference?key={key}"))).await.unwrap();
        wait_for_text(&browser, "A reference for Sam Jones").await;
        assert_accessible(&browser, "the referee's page").await;
        press(&browser, "Send my reference").await;
        wait_for_text(&browser, "Enter how you know them").await;
        assert_accessible(&browser, "the referee's page with its mistakes").await;

        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "grace@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Grace Okafor").await;
        for (path, text, what) in [
            ("/inclusion/checks".to_owned(), "Add a check or training course", "the service's checks"),
            (format!("/inclusion/applications/{application}"), "Kind and reliable.", "an application's references"),
            (format!("/inclusion/appointments/{appointment}"), "Record a check", "an appointment"),
        ] {
            browser.goto(&app.url(&path)).await.unwrap();
            wait_for_hydration(&browser).await;
            wait_for_text(&browser, text).await;
            assert_accessible(&browser, what).await;
        }
    })
    .await;

    with_browser(Javascript::On, |browser| async move {
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "sam@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        browser.goto(&app.url("/volunteering")).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "I need a break").await;
        assert_accessible(&browser, "the volunteer's own page").await;
    })
    .await;
}
