//! Browser journey on a phone-sized window (390×844): a patient member reads their group, a meeting's agenda
//! and its paper; the group's secretary records attendance and sees whether the meeting was quorate. With
//! JavaScript off and on; with it on, axe-core checks the groups list, the group page, the meeting page with its
//! papers (as the member reads it, with the secretary's forms, and with staff's papers and term forms).

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    location, spawn_app, Backend, TestApp, PASSWORD,
};
use fantoccini::Locator;

fn day(offset: i64) -> String {
    (app::clock::today_date() + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string()
}

/// A steering group (quorum 2, of whom 1 patient or carer) with a patient member, a carer secretary and a
/// member of staff, and a meeting yesterday with one agenda item; returns (group id, meeting id).
async fn a_group(app: &TestApp) -> (String, String) {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("pat@example.org", "Pat Reed", false, &[(&service, Role::Patient)]).await;
    app.add_person("sol@example.org", "Sol Hughes", false, &[(&service, Role::SteeringMember)]).await;
    app.add_person("tom@example.org", "Tom Walsh", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("tom@example.org", PASSWORD).await);
    let saved = app
        .post_form(
            "/api/save_group",
            "/participation",
            &[
                ("group_id", ""),
                ("service_id", &service),
                ("name", "Steering group"),
                ("purpose", "Shapes the service together"),
                ("terms_of_reference", "## Quorum\n\nTwo members, one a patient or carer."),
                ("quorum_present", "2"),
                ("quorum_lived", "1"),
                ("papers_due_days", "7"),
            ],
        )
        .await;
    let group_id = location(&saved).trim_start_matches("/participation/groups/").to_owned();
    let page = format!("/participation/groups/{group_id}");
    for (email, kind, position) in [
        ("pat@example.org", "patient", "member"),
        ("sol@example.org", "carer", "secretary"),
        ("tom@example.org", "staff", "member"),
    ] {
        let fields = [
            ("group_id", group_id.as_str()),
            ("account_email", email),
            ("member_type", kind),
            ("position", position),
            ("term_start", &day(-90)),
        ];
        let typed = continuum_tests::typed_dates(&fields, &["term_start"]);
        let typed: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let response = app.post_form("/api/add_group_member", &page, &typed).await;
        assert!(response.status().is_redirection(), "{email}");
    }
    let planned = app
        .post_form(
            "/api/schedule_meeting",
            &page,
            &continuum_tests::typed_dates(
                &[
                    ("group_id", &group_id),
                    ("day", &day(-1)),
                    ("start", "18:00"),
                    ("end", "19:30"),
                    ("place", "Room 2"),
                ],
                &["day"],
            )
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        )
        .await;
    let meeting_id = location(&planned).trim_start_matches("/participation/meetings/").to_owned();
    app.post_form(
        "/api/add_agenda_item",
        "/participation",
        &[("meeting_id", &meeting_id), ("title", "Evening groups"), ("lead", "Pat Reed"), ("minutes_allotted", "20")],
    )
    .await;
    let item_id: String = sqlx::query_scalar("SELECT id FROM agenda_item WHERE meeting_id = $1")
        .bind(&meeting_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let paper = reqwest::multipart::Form::new()
        .text("meeting_id", meeting_id.clone())
        .text("paper_item_id", item_id)
        .text("paper_title", "Evening groups proposal")
        .part("file", reqwest::multipart::Part::bytes(PAPER.to_vec()).file_name("proposal.pdf"));
    let uploaded = app
        .client
        .post(app.url("/api/upload_paper"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/participation/meetings/{meeting_id}")))
        .multipart(paper)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 303, "a paper on the agenda item");
    (group_id, meeting_id)
}

/// The paper on the meeting's agenda.
const PAPER: &[u8] = b"%PDF-1.4\n% The evening groups proposal\n%%EOF\n";

/// Opens the link `css` finds on the browser's page as the browser's signed-in session would (a PDF is shown by
/// Chromium's viewer, which a test cannot read): the same address, with the browser's own cookies.
async fn open_link_as_the_browser(browser: &fantoccini::Client, app: &TestApp, css: &str) -> reqwest::Response {
    let link = browser.find(Locator::Css(css)).await.unwrap();
    let href = link.attr("href").await.unwrap().expect("a link");
    let cookies: Vec<String> =
        browser.get_all_cookies().await.unwrap().iter().map(|c| format!("{}={}", c.name(), c.value())).collect();
    continuum_tests::new_client().get(app.url(&href)).header("cookie", cookies.join("; ")).send().await.unwrap()
}

async fn sign_in(browser: &fantoccini::Client, app: &TestApp, email: &str, js: bool) {
    browser.goto(&app.url("/sign-in")).await.unwrap();
    if js {
        wait_for_hydration(browser).await;
    }
    fill(browser, "Email address", email).await;
    fill(browser, "Password", PASSWORD).await;
    press(browser, "Sign in").await;
    wait_for_text(browser, "Sign out").await;
}

async fn member_reads_and_secretary_records(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, meeting_id) = a_group(&app).await;
    let js = javascript == Javascript::On;
    let (app, meeting) = (&app, meeting_id.as_str());

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, app, "pat@example.org", js).await;
        browser.goto(&app.url("/participation")).await.unwrap();
        wait_for_text(&browser, "Steering group").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        if js {
            // axe-core is a script: it runs in the journey with JavaScript on.
            assert_accessible(&browser, "the groups list").await;
        }
        browser.find(Locator::LinkText("Steering group")).await.unwrap().click().await.unwrap();
        let page = wait_for_text(&browser, "Who is on it").await;
        assert!(page.contains("Shapes the service together") && page.contains("Pat Reed"));
        assert!(!page.contains("Add a member"), "a member reads; staff manage");
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "a group page").await;
        }
        browser
            .find(Locator::Css(&format!("a[href='/participation/meetings/{meeting}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let page = wait_for_text(&browser, "Evening groups").await;
        assert!(page.contains("Attendance has not been recorded yet"));
        assert!(!page.contains("Record attendance"));
        // The paper, from its link on the meeting page.
        assert!(page.contains("Evening groups proposal") && page.contains("Add this meeting to your calendar"));
        assert!(!page.contains("Send the papers"), "a member reads; staff send");
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "a meeting page with its papers, as a member reads it").await;
        }
        let paper = open_link_as_the_browser(&browser, app, "a[href^='/participation/papers/']").await;
        assert_eq!(paper.status(), 200);
        assert_eq!(paper.headers()["content-type"], "application/pdf");
        assert_eq!(paper.bytes().await.unwrap().as_ref(), PAPER);
        let calendar = open_link_as_the_browser(&browser, app, "a[href$='/meeting.ics']").await;
        assert_eq!(calendar.status(), 200);
        assert!(calendar.text().await.unwrap().contains("BEGIN:VEVENT"));
    })
    .await;

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, app, "sol@example.org", js).await;
        browser.goto(&app.url(&format!("/participation/meetings/{meeting}"))).await.unwrap();
        wait_for_text(&browser, "Record attendance").await;
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "a meeting page with the secretary's forms").await;
        }
        let members: Vec<(String, String)> =
            sqlx::query_as("SELECT name, id FROM group_member ORDER BY name").fetch_all(&app.pool).await.unwrap();
        for (name, id) in &members {
            // The first choice (Present) has the group's name as its id; the second (Apologies) has `-1`.
            let choice =
                if name == "Tom Walsh" { format!("attendance[m-{id}]-1") } else { format!("attendance[m-{id}]") };
            let radio = browser.find(Locator::Css(&format!("input[id$='--{choice}']"))).await.unwrap();
            browser
                .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&radio).unwrap()])
                .await
                .unwrap();
            radio.click().await.unwrap();
        }
        press(&browser, "Save attendance").await;
        let page = wait_for_text(&browser, "Attendance has been recorded").await;
        assert!(
            page.contains("This meeting was quorate: 2 members present, of whom 2 patient or carer members"),
            "{page}"
        );
    })
    .await;
    if js {
        // Staff's forms: sending and adding papers on the meeting page, ending a term on the group page.
        with_browser(javascript, |browser| async move {
            browser.set_window_size(390, 844).await.unwrap();
            sign_in(&browser, app, "tom@example.org", js).await;
            browser.goto(&app.url(&format!("/participation/meetings/{meeting}"))).await.unwrap();
            wait_for_text(&browser, "Add an easy-read version").await;
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "a meeting page with staff's papers forms").await;
            browser.find(Locator::Css("a.nhsuk-back-link")).await.unwrap().click().await.unwrap();
            wait_for_text(&browser, "End a member's term").await;
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "a group page with staff's forms").await;
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_reads_their_meeting_and_the_secretary_records_attendance_without_javascript() {
    member_reads_and_secretary_records(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_reads_their_meeting_and_the_secretary_records_attendance_with_javascript() {
    member_reads_and_secretary_records(Javascript::On).await;
}
