//! Browser journey on a phone-sized window (390×844), with JavaScript off and on: the group's secretary records
//! the minutes of a meeting and sends the draft to the members present; a patient member who was present adds
//! a correction to the draft. With JavaScript on, axe-core checks the minutes page (the secretary's forms and
//! the member's), an action's page, My actions and a published public summary.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, field, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    eventually, location, spawn_app, Backend, TestApp, PASSWORD,
};

fn day(offset: i64) -> String {
    (app::clock::today_date() + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string()
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// A steering group with Pat (a patient member), Sol (a carer, its secretary) and Tom (staff), all present at a
/// meeting yesterday with one agenda item; an action for Pat; and a second meeting whose approved minutes have
/// a published public summary. Returns (meeting id, item id, action id, summary meeting id).
async fn a_meeting(app: &TestApp) -> (String, String, String, String) {
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
                ("terms_of_reference", "## Quorum"),
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
        let typed = continuum_tests::typed_dates(
            &[
                ("group_id", group_id.as_str()),
                ("account_email", email),
                ("member_type", kind),
                ("position", position),
                ("term_start", &day(-90)),
            ],
            &["term_start"],
        );
        assert!(app.post_form("/api/add_group_member", &page, &pairs(&typed)).await.status().is_redirection());
    }
    let mut meetings = Vec::new();
    for (offset, place) in [(-1, "Room 2"), (-30, "Room 3")] {
        let typed = continuum_tests::typed_dates(
            &[("group_id", &group_id), ("day", &day(offset)), ("start", "18:00"), ("end", "19:30"), ("place", place)],
            &["day"],
        );
        let planned = app.post_form("/api/schedule_meeting", &page, &pairs(&typed)).await;
        let meeting_id = location(&planned).trim_start_matches("/participation/meetings/").to_owned();
        let meeting_page = format!("/participation/meetings/{meeting_id}");
        // Minutes are circulated and approved only once the meeting is marked held.
        app.post_form("/api/set_meeting_status", &meeting_page, &[("meeting_id", &meeting_id), ("status", "held")])
            .await;
        app.post_form(
            "/api/add_agenda_item",
            &meeting_page,
            &[("meeting_id", &meeting_id), ("title", "Evening groups"), ("minutes_allotted", "20")],
        )
        .await;
        let members: Vec<(String,)> = sqlx::query_as("SELECT id FROM group_member").fetch_all(&app.pool).await.unwrap();
        let mut attendance = vec![("meeting_id".to_owned(), meeting_id.clone())];
        attendance.extend(members.iter().map(|(id,)| (format!("attendance[m-{id}]"), "present".to_owned())));
        app.post_form("/api/record_attendance", &meeting_page, &pairs(&attendance)).await;
        meetings.push(meeting_id);
    }
    let (meeting_id, summary_id) = (meetings[0].clone(), meetings[1].clone());
    let item = |meeting: String| async move {
        sqlx::query_scalar::<_, String>("SELECT id FROM agenda_item WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let (item_id, summary_item) = (item(meeting_id.clone()).await, item(summary_id.clone()).await);
    let pat_member: String = sqlx::query_scalar(
        "SELECT m.id FROM group_member m JOIN person p ON p.id = m.person_id WHERE p.email = 'pat@example.org'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let minutes = format!("/participation/meetings/{meeting_id}/minutes");
    let owner = format!("m-{pat_member}");
    let typed = continuum_tests::typed_dates(
        &[
            ("meeting_id", &meeting_id),
            ("action_item_id", &item_id),
            ("description", "Ask the group about a later start"),
            ("owner", &owner),
            ("due_on", &day(14)),
        ],
        &["due_on"],
    );
    assert!(app.post_form("/api/add_action", &minutes, &pairs(&typed)).await.status().is_redirection());
    let action_id: String = sqlx::query_scalar("SELECT id FROM group_action").fetch_one(&app.pool).await.unwrap();
    let summary_minutes = format!("/participation/meetings/{summary_id}/minutes");
    let discussion = format!("discussion[i-{summary_item}]");
    for (function, fields) in [
        ("save_minutes", vec![("meeting_id", summary_id.as_str()), (discussion.as_str(), "We talked about evenings.")]),
        ("approve_minutes", vec![("meeting_id", summary_id.as_str()), ("approval", "next_meeting")]),
        ("publish_minutes", vec![("meeting_id", summary_id.as_str()), ("audience", "public")]),
    ] {
        let response = app.post_form(&format!("/api/{function}"), &summary_minutes, &fields).await;
        assert!(response.status().is_redirection(), "{function}");
    }
    (meeting_id, item_id, action_id, summary_id)
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

async fn scroll_to(browser: &fantoccini::Client, element: &fantoccini::elements::Element) {
    browser
        .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(element).unwrap()])
        .await
        .unwrap();
}

async fn stored(app: &TestApp, sql: &str) -> bool {
    eventually(std::time::Duration::from_secs(30), || async {
        sqlx::query_scalar::<_, i64>(sql).fetch_one(&app.pool).await.unwrap_or(0) > 0
    })
    .await
}

async fn secretary_records_and_member_corrects(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let (meeting_id, _, action_id, summary_id) = a_meeting(&app).await;
    let js = javascript == Javascript::On;
    let app = &app;
    let minutes = format!("/participation/meetings/{meeting_id}/minutes");
    let minutes = minutes.as_str();

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, app, "sol@example.org", js).await;
        browser.goto(&app.url(&format!("/participation/meetings/{meeting_id}"))).await.unwrap();
        wait_for_text(&browser, "Matters arising").await;
        browser.goto(&app.url(minutes)).await.unwrap();
        wait_for_text(&browser, "Record the minutes").await;
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the minutes page with the secretary's forms").await;
        }
        let text = field(&browser, "1. Evening groups").await;
        scroll_to(&browser, &text).await;
        text.send_keys("People in work asked for a later start.").await.unwrap();
        press(&browser, "Save minutes").await;
        assert!(
            stored(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM item_minutes WHERE discussion LIKE 'People in work%'")
                .await,
            "the secretary's minutes were saved"
        );
        if !js {
            wait_for_text(&browser, "The minutes have been saved.").await;
        }
        // The page as it now stands (with JavaScript, the form's page draws itself again after the save).
        browser.goto(&app.url(minutes)).await.unwrap();
        wait_for_text(&browser, "Send the draft for corrections").await;
        if js {
            wait_for_hydration(&browser).await;
        }
        let send = browser
            .find(fantoccini::Locator::XPath("//button[normalize-space()='Send to members present']"))
            .await
            .unwrap();
        scroll_to(&browser, &send).await;
        send.click().await.unwrap();
        assert!(
            stored(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_minutes WHERE stage = 'circulated'").await,
            "the draft was circulated"
        );
    })
    .await;

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        sign_in(&browser, app, "pat@example.org", js).await;
        browser.goto(&app.url(minutes)).await.unwrap();
        let page = wait_for_text(&browser, "Suggest a correction").await;
        assert!(page.contains("People in work asked for a later start."), "the member reads the draft");
        assert!(!page.contains("Record the minutes"), "a member corrects; the secretary records");
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the minutes page with a member's correction form").await;
        }
        let item = field(&browser, "Agenda item").await;
        scroll_to(&browser, &item).await;
        item.select_by_label("Evening groups").await.unwrap();
        fill(&browser, "Your correction", "It was most people, not some.").await;
        press(&browser, "Add correction").await;
        assert!(
            stored(
                app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM minutes_comment WHERE body = 'It was most people, not some.'"
            )
            .await,
            "the member's correction was saved"
        );
        if !js {
            wait_for_text(&browser, "Your correction has been added.").await;
        }
        if js {
            for (path, what, text) in [
                (format!("/participation/actions/{action_id}"), "an action's page", "Add an update"),
                ("/participation/my-actions".to_owned(), "My actions", "How we mail you"),
                (format!("/participation/summaries/{summary_id}"), "a public summary", "We talked about evenings."),
            ] {
                browser.goto(&app.url(&path)).await.unwrap();
                wait_for_text(&browser, text).await;
                wait_for_hydration(&browser).await;
                assert_accessible(&browser, what).await;
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretary_records_minutes_and_a_member_corrects_them_without_javascript() {
    secretary_records_and_member_corrects(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretary_records_minutes_and_a_member_corrects_them_with_javascript() {
    secretary_records_and_member_corrects(Javascript::On).await;
}
