//! Browser journey: someone finds a volunteer role and applies on a phone-sized window with JavaScript off (a
//! mistake first), follows the link in their acknowledgement and withdraws; axe-core (which needs JavaScript)
//! checks every new page, public and staff, with JavaScript on: the application at interview with its panel
//! (linked with JavaScript on), a course with a planned session, and the volunteer's own page with their hours.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, token_in, Backend, TestApp, PASSWORD,
};
use fantoccini::Locator;

/// A recruiting role of a new service, added by its coordinator on the app's own client; returns its slug.
async fn a_role(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", PASSWORD).await);
    let response = app
        .post_form(
            "/api/save_volunteer_role",
            "/inclusion",
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
    assert_eq!(response.status(), 303);
    sqlx::query_scalar("SELECT slug FROM volunteer_role").fetch_one(&app.pool).await.unwrap()
}

/// Clicks the label that reads `text` (a radio button or a checkbox, as a person taps it).
async fn choose(browser: &fantoccini::Client, text: &str) {
    let xpath = format!("//label[normalize-space()='{text}']");
    browser
        .find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no choice {text:?}: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_applies_on_a_phone_without_javascript_and_withdraws_from_their_link() {
    let app = spawn_app(Backend::Sqlite).await;
    a_role(&app).await;

    with_browser(Javascript::Off, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/get-involved")).await.unwrap();
        browser.find(Locator::LinkText("Day service volunteer")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "Apply for this role").await;
        assert!(browser.source().await.unwrap().contains("116 123"), "crisis contacts beside the form");

        // No consent ticked first: the message appears and everything typed stays.
        fill(&browser, "Your name", "Jamie Reed").await;
        fill(&browser, "Email address", "jamie@example.org").await;
        choose(&browser, "Someone who uses or has used the service").await;
        fill(&browser, "Why would you like this role?", "The day service helped me; I would like to help others.")
            .await;
        fill(&browser, "When are you available?", "Tuesdays").await;
        fill(&browser, "First referee's name", "Pat Friend").await;
        fill(&browser, "First referee's email address or phone number", "pat@example.org").await;
        fill(&browser, "Second referee's name", "Lee Tutor").await;
        fill(&browser, "Second referee's email address or phone number", "07700 900 982").await;
        press(&browser, "Send my application").await;
        wait_for_text(&browser, "Tick the box to agree to the checks").await;
        assert!(browser.title().await.unwrap().starts_with("Error: "));
        let name = field(&browser, "Your name").await.prop("value").await.unwrap();
        assert_eq!(name.as_deref(), Some("Jamie Reed"));
        let why = field(&browser, "Why would you like this role?").await.prop("value").await.unwrap();
        assert_eq!(why.as_deref(), Some("The day service helped me; I would like to help others."));
        assert!(!browser.current_url().await.unwrap().as_str().contains("Jamie"), "nothing typed in the address");

        choose(
            &browser,
            "I agree to the checks this role needs, such as references and, where the role asks for it, a DBS check",
        )
        .await;
        press(&browser, "Send my application").await;
        wait_for_text(&browser, "Thank you for applying").await;

        let mail = app.mail_to("jamie@example.org").await;
        let token = token_in(&mail.body);
        browser.goto(&app.url(&format!("/volunteer/application?token={token}"))).await.unwrap();
        wait_for_text(&browser, "Where it is").await;
        assert!(browser.source().await.unwrap().contains("Received"));
        press(&browser, "Withdraw my application").await;
        wait_for_text(&browser, "You withdrew this application").await;
        let stage: String =
            sqlx::query_scalar("SELECT stage FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
        assert_eq!(stage, "withdrawn");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violations_on_the_volunteering_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    let slug = a_role(&app).await;
    let response = continuum_tests::new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(&[
            ("role_slug", slug.as_str()),
            ("name", "Sam Jones"),
            ("email", "sam@example.org"),
            ("taking_part_as", "carer"),
            ("why", "To help"),
            ("availability", "Mondays"),
            ("referee1_name", "One"),
            ("referee1_contact", "one@example.org"),
            ("referee2_name", "Two"),
            ("referee2_contact", "two@example.org"),
            ("consent", "yes"),
            ("eo_age", "35_44"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let application: String =
        sqlx::query_scalar("SELECT id FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
    let role: String = sqlx::query_scalar("SELECT id FROM volunteer_role").fetch_one(&app.pool).await.unwrap();
    sqlx::query("UPDATE volunteer_application SET stage = 'checks' WHERE id = $1")
        .bind(&application)
        .execute(&app.pool)
        .await
        .unwrap();
    // An interview panel for the role (partnership's), for the application's interview stage.
    let service: String =
        sqlx::query_scalar("SELECT service_id FROM volunteer_role").fetch_one(&app.pool).await.unwrap();
    let day = (app::clock::today_date() + chrono::Duration::days(14)).format("%Y-%m-%d").to_string();
    let created = app
        .post_form(
            "/api/create_panel",
            "/partnership",
            &[
                ("service_id", &service),
                ("post_kind", "volunteer_role"),
                ("volunteer_role_id", &role),
                ("sits_on_day", &day[8..10]),
                ("sits_on_month", &day[5..7]),
                ("sits_on_year", &day[..4]),
                ("sits_at", "14:00"),
                ("place", "Orchard House"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303, "{:?}", continuum_tests::form_error(created).await);
    let panel_id: String = sqlx::query_scalar("SELECT id FROM panel").fetch_one(&app.pool).await.unwrap();

    with_browser(Javascript::On, |browser| async move {
        let token = token_in(&app.mail_to("sam@example.org").await.body);
        for (path, what) in [
            ("/volunteer".to_owned(), "the volunteer roles"),
            (format!("/volunteer/{slug}"), "a role's page with its application form"),
            (format!("/posters/volunteer/{slug}"), "a role's poster"),
            (format!("/volunteer/application?token={token}"), "the applicant's status page"),
        ] {
            browser.goto(&app.url(&path)).await.unwrap();
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, what).await;
        }
        // The form sent with nothing filled in: every message beside its field.
        browser.goto(&app.url(&format!("/volunteer/{slug}"))).await.unwrap();
        wait_for_hydration(&browser).await;
        press(&browser, "Send my application").await;
        wait_for_text(&browser, "There is a problem").await;
        assert_accessible(&browser, "the application form with its mistakes").await;
        browser.goto(&app.url("/sign-in")).await.unwrap();
        wait_for_hydration(&browser).await;
        fill(&browser, "Email address", "grace@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;
        for (path, what) in [
            ("/inclusion".to_owned(), "roles and the equal-opportunities report"),
            (format!("/inclusion/roles/{role}"), "a role's edit page"),
            ("/inclusion/applications".to_owned(), "the applications"),
            (
                format!("/inclusion/applications/{application}"),
                "an application with its pipeline and appointment forms",
            ),
        ] {
            browser.goto(&app.url(&path)).await.unwrap();
            wait_for_hydration(&browser).await;
            wait_for_text(&browser, "Sign out").await;
            assert_accessible(&browser, what).await;
        }
        // The staff pages hydrate: the pipeline's form works with JavaScript on.
        choose(&browser, "Not taken forward").await;
        press(&browser, "Save").await;
        wait_for_text(&browser, "Stage").await;
        let moved = continuum_tests::eventually(std::time::Duration::from_secs(10), || async {
            let stage: String =
                sqlx::query_scalar("SELECT stage FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
            stage == "not_taken_forward"
        })
        .await;
        assert!(moved, "the pipeline's form saved with JavaScript on");

        // At interview: the interview panel section, and linking a panel for the role with JavaScript on.
        sqlx::query("UPDATE volunteer_application SET stage = 'interview'").execute(&app.pool).await.unwrap();
        browser.goto(&app.url(&format!("/inclusion/applications/{application}"))).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "Interview panel").await;
        assert_accessible(&browser, "an application at interview with its interview panel form").await;
        browser
            .find(Locator::Css("select[name='panel_id'] option:not([value=''])"))
            .await
            .expect("the role's panel is offered")
            .click()
            .await
            .unwrap();
        press(&browser, "Link the panel").await;
        let linked = continuum_tests::eventually(std::time::Duration::from_secs(10), || async {
            let panel: Option<String> = sqlx::query_scalar("SELECT interview_panel_id FROM volunteer_application")
                .fetch_one(&app.pool)
                .await
                .unwrap();
            panel == Some(panel_id.clone())
        })
        .await;
        assert!(linked, "the panel linked with JavaScript on");
        wait_for_text(&browser, "Not recorded yet").await;

        // A filled role's page, reached from an old poster: it says the role is not recruiting (tester 16d).
        sqlx::query("UPDATE volunteer_role SET state = 'filled'").execute(&app.pool).await.unwrap();
        browser.goto(&app.url(&format!("/volunteer/{slug}"))).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "This role is not taking applications now").await;
        assert_accessible(&browser, "a filled role's page").await;
    })
    .await;
}

/// A volunteer of a new service appointed through the pipeline to a lived-experience role (signed in as
/// Robin, a patient with an account), a course with a session Robin co-facilitated, and an entry of hours;
/// the coordinator is signed in on the app's own client. Returns (course id, hours id).
async fn a_volunteer_with_hours(app: &TestApp) -> (String, String) {
    let slug = a_role(app).await;
    sqlx::query("UPDATE volunteer_role SET lived_experience = 1").execute(&app.pool).await.unwrap();
    let service: String =
        sqlx::query_scalar("SELECT service_id FROM volunteer_role").fetch_one(&app.pool).await.unwrap();
    app.add_person("robin@example.org", "Robin Hughes", false, &[(&service, Role::Patient)]).await;
    let applied = continuum_tests::new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/volunteer/{slug}")))
        .form(&[
            ("role_slug", slug.as_str()),
            ("name", "Robin Hughes"),
            ("email", "robin@example.org"),
            ("taking_part_as", "patient"),
            ("why", "To help"),
            ("availability", "Mondays"),
            ("referee1_name", "One"),
            ("referee1_contact", "one@example.org"),
            ("referee2_name", "Two"),
            ("referee2_contact", "two@example.org"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(applied.status(), 303);
    let application: String =
        sqlx::query_scalar("SELECT id FROM volunteer_application").fetch_one(&app.pool).await.unwrap();
    let from = format!("/inclusion/applications/{application}");
    for stage in ["shortlisted", "interview", "offered", "checks"] {
        app.post_form("/api/move_application", &from, &[("application_id", &application), ("stage", stage)]).await;
    }
    let appointed = app
        .post_form(
            "/api/appoint_volunteer",
            &from,
            &[
                ("application_id", &application),
                ("starts_on_day", "1"),
                ("starts_on_month", "9"),
                ("starts_on_year", "2026"),
            ],
        )
        .await;
    assert_eq!(appointed.status(), 303);
    let created = app
        .post_form(
            "/api/save_course",
            "/inclusion/courses",
            &[("service_id", &service), ("title", "Understanding emotions")],
        )
        .await;
    let course = continuum_tests::location(&created).trim_start_matches("/inclusion/courses/").to_owned();
    let appointment: String =
        sqlx::query_scalar("SELECT id FROM volunteer_appointment").fetch_one(&app.pool).await.unwrap();
    let day = app::clock::today();
    let recorded = app
        .post_form(
            "/api/record_session",
            &format!("/inclusion/courses/{course}"),
            &[
                ("course_id", &course),
                ("held_on_day", &day[8..10]),
                ("held_on_month", &day[5..7]),
                ("held_on_year", &day[..4]),
                ("start", "00:00"),
                ("end", "00:30"),
                ("place", "The Limes"),
                ("patients_attending", "8"),
                ("staff_facilitators", "Ruth Adeyemi"),
                ("co_facilitator", &appointment),
            ],
        )
        .await;
    assert_eq!(recorded.status(), 303);
    let logged = app
        .post_form(
            "/api/log_hours",
            "/inclusion/hours",
            &[
                ("appointment_id", &appointment),
                ("worked_on_day", &day[8..10]),
                ("worked_on_month", &day[5..7]),
                ("worked_on_year", &day[..4]),
                ("hours", "1"),
                ("what", "Set up the room"),
            ],
        )
        .await;
    assert_eq!(logged.status(), 303);
    let hours: String = sqlx::query_scalar("SELECT id FROM volunteer_hours").fetch_one(&app.pool).await.unwrap();
    // A session planned for next week with Robin and a person named.
    let next = (app::clock::today_date() + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let planned = app
        .post_form(
            "/api/record_session",
            &format!("/inclusion/courses/{course}"),
            &[
                ("course_id", &course),
                ("when", "planned"),
                ("held_on_day", &next[8..10]),
                ("held_on_month", &next[5..7]),
                ("held_on_year", &next[..4]),
                ("start", "10:00"),
                ("end", "12:00"),
                ("place", "The Limes"),
                ("staff_facilitators", "Ruth Adeyemi"),
                ("co_facilitator", &appointment),
                ("named_co_facilitator", "Kit Lawson"),
            ],
        )
        .await;
    assert_eq!(planned.status(), 303);
    (course, hours)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_logs_hours_on_a_phone_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    a_volunteer_with_hours(&app).await;

    with_browser(Javascript::Off, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "robin@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;
        browser.goto(&app.url("/inclusion/hours")).await.unwrap();
        wait_for_text(&browser, "Log your hours").await;

        // Hours that are not quarter-hours first: the message beside the field, everything typed kept.
        let day = app::clock::today();
        fill(&browser, "Day", &day[8..10]).await;
        fill(&browser, "Month", &day[5..7]).await;
        fill(&browser, "Year", &day[..4]).await;
        fill(&browser, "Hours", "1.1").await;
        fill(&browser, "What you did", "Ran the welcome desk").await;
        press(&browser, "Log the hours").await;
        wait_for_text(&browser, "Enter the hours in quarter-hours, like 1.25 or 1:15").await;
        let what = field(&browser, "What you did").await.prop("value").await.unwrap();
        assert_eq!(what.as_deref(), Some("Ran the welcome desk"));
        assert!(!browser.current_url().await.unwrap().as_str().contains("welcome"), "nothing typed in the address");

        fill(&browser, "Hours", "1:30").await;
        press(&browser, "Log the hours").await;
        wait_for_text(&browser, "Your hours have been logged").await;
        let logged: i64 = sqlx::query_scalar(
            "SELECT CAST(quarter_hours AS BIGINT) FROM volunteer_hours WHERE what = 'Ran the welcome desk'",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(logged, 6);

        // The session they co-facilitated, logged in one step.
        press(&browser, "Log 0.5 hours from this session").await;
        wait_for_text(&browser, "Hours logged").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violations_on_the_hours_and_courses_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    let (course, hours) = a_volunteer_with_hours(&app).await;

    with_browser(Javascript::On, |browser| async move {
        browser.goto(&app.url("/sign-in")).await.unwrap();
        wait_for_hydration(&browser).await;
        fill(&browser, "Email address", "grace@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;
        for (path, what) in [
            ("/inclusion/hours".to_owned(), "the hours page for staff"),
            (format!("/inclusion/hours/{hours}"), "an entry of hours with its approval form"),
            ("/inclusion/courses".to_owned(), "the courses"),
            (format!("/inclusion/courses/{course}"), "a course with its sessions and the session form"),
        ] {
            browser.goto(&app.url(&path)).await.unwrap();
            wait_for_hydration(&browser).await;
            wait_for_text(&browser, "Sign out").await;
            assert_accessible(&browser, what).await;
        }
        // The approval form hydrates and works with JavaScript on.
        browser.goto(&app.url(&format!("/inclusion/hours/{hours}"))).await.unwrap();
        wait_for_hydration(&browser).await;
        choose(&browser, "Approve").await;
        press(&browser, "Save").await;
        let approved = continuum_tests::eventually(std::time::Duration::from_secs(10), || async {
            let status: String =
                sqlx::query_scalar("SELECT status FROM volunteer_hours").fetch_one(&app.pool).await.unwrap();
            status == "approved"
        })
        .await;
        assert!(approved, "approved with JavaScript on");

        // The volunteer's own page with their hours, and their planned session on the hours page.
        browser.delete_all_cookies().await.unwrap();
        browser.goto(&app.url("/sign-in")).await.unwrap();
        wait_for_hydration(&browser).await;
        fill(&browser, "Email address", "robin@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;
        browser.goto(&app.url("/volunteering")).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "Your recent hours").await;
        wait_for_text(&browser, "Approved this month: 1 hour.").await;
        assert_accessible(&browser, "the volunteer's own page with their hours").await;
        browser.goto(&app.url("/inclusion/hours")).await.unwrap();
        wait_for_hydration(&browser).await;
        wait_for_text(&browser, "Planned").await;
        assert_accessible(&browser, "the hours page with a planned session").await;
    })
    .await;
}

/// Applies to the demo's day-service role without an account (as `email`), as a browser without JavaScript
/// posts the form.
async fn apply_to_the_demo_role(app: &TestApp, email: &str, why: &str) {
    let response = continuum_tests::new_client()
        .post(app.url("/api/apply_for_role"))
        .header("origin", &app.address)
        .header("referer", app.url("/volunteer/day-service-volunteer"))
        .form(&[
            ("role_slug", "day-service-volunteer"),
            ("name", "Ash Phone"),
            ("email", email),
            ("taking_part_as", "patient"),
            ("why", why),
            ("availability", "Mondays"),
            ("referee1_name", "Pat Friend"),
            ("referee1_contact", "pat.phone@example.org"),
            ("referee2_name", "Lee Tutor"),
            ("referee2_contact", "01632 960 001"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{:?}", continuum_tests::form_error(response).await);
}

/// The key (`key=…`) in a mailed link.
fn key_in(body: &str) -> String {
    let start = body.find("key=").expect("a link with a key") + "key=".len();
    body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// How far the page scrolls sideways, and the widest element that reaches past the window's right edge (for
/// the message).
const SIDEWAYS: &str = "const over = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
    return [document.documentElement.scrollWidth - window.innerWidth, over.slice(0, 5).join(' ')];";

/// Every Inclusion page, public, the applicant's and referee's, the coordinator's and the volunteer's, on a
/// 390×844 phone: none scrolls sideways, the role's QR poster included (tester 16 §9: it was 432 px wide).
async fn every_inclusion_page_fits_a_phone(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    // An applicant's status link, a link to confirm an application sent again, and a referee's link.
    apply_to_the_demo_role(&app, "ash.phone@example.org", "I would like to help").await;
    let status = token_in(&app.mail_to("ash.phone@example.org").await.body);
    apply_to_the_demo_role(&app, "ash.phone@example.org", "I would like to help, and I can do Fridays too").await;
    let confirm = key_in(
        &app.mail
            .wait_for_subject(
                "ash.phone@example.org",
                "Your application was sent again",
                std::time::Duration::from_secs(15),
            )
            .await
            .body,
    );
    continuum_tests::assert_signed_in(app.sign_in("tom.walsh@demo.example", continuum::seed::DEMO_PASSWORD).await);
    let ash: String = sqlx::query_scalar("SELECT id FROM volunteer_application WHERE email = $1")
        .bind("ash.phone@example.org")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let from = format!("/inclusion/applications/{ash}");
    let moved = app
        .post_form("/api/move_application", &from, &[("application_id", &ash), ("stage", "shortlisted"), ("note", "")])
        .await;
    assert_eq!(moved.status(), 303, "{:?}", continuum_tests::form_error(moved).await);
    let asked = app.post_form("/api/request_references", &from, &[("application_id", &ash)]).await;
    assert_eq!(asked.status(), 303, "{:?}", continuum_tests::form_error(asked).await);
    let reference = key_in(&app.mail_to("pat.phone@example.org").await.body);

    let ids = |sql: &'static str| {
        let pool = app.pool.clone();
        async move { sqlx::query_scalar::<_, String>(sql).fetch_all(&pool).await.unwrap() }
    };
    let public = vec![
        "/volunteer".to_owned(),
        "/volunteer/day-service-volunteer".to_owned(),
        "/posters/volunteer/day-service-volunteer".to_owned(),
        "/posters/volunteer/peer-co-facilitator".to_owned(),
        format!("/volunteer/application?token={status}"),
        format!("/volunteer/application/confirm?key={confirm}"),
        format!("/volunteer/reference?key={reference}"),
    ];
    let mut staff = vec![
        "/inclusion".to_owned(),
        "/inclusion/applications".to_owned(),
        "/inclusion/checks".to_owned(),
        "/inclusion/hours".to_owned(),
        "/inclusion/courses".to_owned(),
    ];
    for (prefix, sql) in [
        ("/inclusion/roles/", "SELECT id FROM volunteer_role"),
        ("/inclusion/applications/", "SELECT MIN(id) FROM volunteer_application GROUP BY stage"),
        ("/inclusion/appointments/", "SELECT id FROM volunteer_appointment"),
        ("/inclusion/courses/", "SELECT id FROM course"),
        ("/inclusion/hours/", "SELECT MIN(id) FROM volunteer_hours GROUP BY status"),
    ] {
        staff.extend(ids(sql).await.into_iter().map(|id| format!("{prefix}{id}")));
    }
    assert!(staff.len() > 20, "every kind of page, in every state the demo has: {staff:?}");
    let volunteer = vec!["/volunteering".to_owned(), "/inclusion/hours".to_owned()];

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        fits_a_phone(&browser, &app, &public, "anyone", javascript).await;
        for (email, pages, who) in [
            ("tom.walsh@demo.example", staff, "the coordinator"),
            ("sam.taylor@demo.example", volunteer, "the volunteer"),
        ] {
            browser.delete_all_cookies().await.unwrap();
            browser.goto(&app.url("/sign-in")).await.unwrap();
            if javascript == Javascript::On {
                wait_for_hydration(&browser).await;
            }
            fill(&browser, "Email address", email).await;
            fill(&browser, "Password", continuum::seed::DEMO_PASSWORD).await;
            press(&browser, "Sign in").await;
            wait_for_text(&browser, "Sign out").await;
            fits_a_phone(&browser, &app, &pages, who, javascript).await;
        }
    })
    .await;
}

/// Opens each page and checks it does not scroll sideways, naming what reaches past the edge if it does.
async fn fits_a_phone(
    browser: &fantoccini::Client,
    app: &TestApp,
    pages: &[String],
    who: &str,
    javascript: Javascript,
) {
    for page in pages {
        browser.goto(&app.url(page)).await.unwrap();
        if javascript == Javascript::On {
            wait_for_hydration(browser).await;
        }
        let source = browser.source().await.unwrap();
        assert!(!source.contains("Page not found"), "{who}: {page} is a page they may see");
        let (sideways, over): (f64, String) =
            serde_json::from_value(browser.execute(SIDEWAYS, vec![]).await.unwrap()).unwrap();
        assert!(sideways <= 1.0, "{who}: {page} scrolls sideways by {sideways} px ({over})");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inclusion_page_fits_a_phone_with_javascript() {
    every_inclusion_page_fits_a_phone(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inclusion_page_fits_a_phone_without_javascript() {
    every_inclusion_page_fits_a_phone(Javascript::Off).await;
}
