//! Participation, slice 2: meeting papers (upload refusals, who reads them, confidential papers and observers),
//! sending them (over SMTP, once each), late papers, the meeting's `.ics` file across a clock change, and ending
//! a member's term early.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{eventually, form_error, location, london, on_both_engines, spawn_app_at, utc, Backend, TestApp};
use reqwest::{header, multipart};
use std::time::Duration;

/// A PDF as far as the upload checks go, with words in it that must never be in a mail.
const PAPER: &[u8] = b"%PDF-1.4\n% The budget paper's own words: SECRET-BUDGET-LINES\n%%EOF\n";

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    function: &str,
    page: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(page))
        .form(&continuum_tests::typed_dates(fields, &["term_start", "term_end", "day", "ends_on"]))
        .send()
        .await
        .expect("POST")
}

async fn ok(app: &TestApp, client: &reqwest::Client, function: &str, page: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, client, function, page, fields).await;
    let to = location(&response);
    assert!(to.starts_with("/participation/"), "{function}: {to} {:?}", form_error(response).await);
    to
}

/// Uploads a paper as `client`, from the meeting page; the file is `bytes` named `name`.
async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    meeting_id: &str,
    item_id: &str,
    title: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = multipart::Form::new()
        .text("meeting_id", meeting_id.to_owned())
        .text("paper_item_id", item_id.to_owned())
        .text("paper_title", title.to_owned())
        .part("file", multipart::Part::bytes(bytes).file_name(name.to_owned()).mime_str("application/pdf").unwrap());
    client
        .post(app.url("/api/upload_paper"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/participation/meetings/{meeting_id}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

struct Setting {
    service: String,
    staff: reqwest::Client,
    group_id: String,
    meeting_id: String,
    /// The open item's id and the confidential item's id.
    items: (String, String),
}

/// A service with a steering group (papers due 7 days before) of Pat (a patient member), Obi (a stakeholder
/// observer with an account), Sol (staff) and Dana (an outside stakeholder with an email and no account),
/// members from 1 January 2026 (a date both the test's clock and the system's are past); a meeting on `day` at 18:00–19:30 in Room 2 with a joining link; an open
/// item "Budget" and a confidential item "Staffing complaint".
async fn setting(app: &TestApp, day: &str) -> Setting {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("pat@example.org", "Pat Patient", false, &[(&service, Role::Patient)]).await;
    app.add_person("obi@example.org", "Obi Observer", false, &[(&service, Role::SteeringMember)]).await;
    let staff = app.person_signed_in("sol@example.org", &[(&service, Role::Staff)]).await;
    let to = ok(
        app,
        &staff,
        "save_group",
        "/participation",
        &[
            ("group_id", ""),
            ("service_id", &service),
            ("name", "Steering group"),
            ("purpose", "Shapes the service"),
            ("terms_of_reference", "Terms"),
            ("quorum_present", "2"),
            ("quorum_lived", "1"),
            ("papers_due_days", "7"),
        ],
    )
    .await;
    let group_id = to.trim_start_matches("/participation/groups/").to_owned();
    let group_page = format!("/participation/groups/{group_id}");
    for (email, name, kind, position, own_email) in [
        ("pat@example.org", "", "patient", "member", ""),
        ("obi@example.org", "", "stakeholder", "observer", ""),
        ("sol@example.org", "", "staff", "chair", ""),
        ("", "Dana Fox", "stakeholder", "member", "dana@example.org"),
    ] {
        ok(
            app,
            &staff,
            "add_group_member",
            &group_page,
            &[
                ("group_id", &group_id),
                ("account_email", email),
                ("member_name", name),
                ("member_email", own_email),
                ("member_type", kind),
                ("position", position),
                ("term_start", "2026-01-01"),
            ],
        )
        .await;
    }
    let to = ok(
        app,
        &staff,
        "schedule_meeting",
        &group_page,
        &[
            ("group_id", &group_id),
            ("day", day),
            ("start", "18:00"),
            ("end", "19:30"),
            ("place", "Room 2"),
            ("joining_link", "https://meet.example.org/steering"),
        ],
    )
    .await;
    let meeting_id = to.trim_start_matches("/participation/meetings/").to_owned();
    let page = format!("/participation/meetings/{meeting_id}");
    for (title, confidential) in [("Budget", ""), ("Staffing complaint", "yes")] {
        ok(
            app,
            &staff,
            "add_agenda_item",
            &page,
            &[
                ("meeting_id", &meeting_id),
                ("title", title),
                ("minutes_allotted", "20"),
                ("confidential", confidential),
            ],
        )
        .await;
    }
    let items: Vec<String> = sqlx::query_scalar("SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position")
        .bind(&meeting_id)
        .fetch_all(&app.pool)
        .await
        .unwrap();
    Setting { service, staff, group_id, meeting_id, items: (items[0].clone(), items[1].clone()) }
}

impl Setting {
    /// Adds the budget paper (open item) and the complaint paper (confidential item); returns their ids.
    async fn add_papers(&self, app: &TestApp) -> (String, String) {
        for (item, title) in [(&self.items.0, "Budget 2027 to 2028"), (&self.items.1, "Complaint investigation report")]
        {
            let response = upload(app, &self.staff, &self.meeting_id, item, title, "paper.pdf", PAPER.to_vec()).await;
            assert_eq!(response.status(), 303, "{:?}", form_error(response).await);
        }
        let id = |title: &'static str| {
            let pool = app.pool.clone();
            async move {
                sqlx::query_scalar::<_, String>("SELECT id FROM meeting_paper WHERE title = $1")
                    .bind(title)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        (id("Budget 2027 to 2028").await, id("Complaint investigation report").await)
    }

    fn page(&self) -> String {
        format!("/participation/meetings/{}", self.meeting_id)
    }

    async fn send(&self, app: &TestApp) -> reqwest::Response {
        post(app, &self.staff, "send_papers", &self.page(), &[("meeting_id", &self.meeting_id)]).await
    }
}

/// Papers mails queued for `to`.
async fn papers_mails(app: &TestApp, to: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = $1 AND subject LIKE 'Papers for%'",
    )
    .bind(to)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn members_read_papers_and_observers_never_see_confidential_ones(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-01T09:00")).await;
    let s = setting(&app, "2027-03-20").await;
    let (budget, complaint) = s.add_papers(&app).await;
    let paper = |id: &str| format!("/participation/papers/{id}/paper.pdf");

    // A member reads both papers, as PDFs.
    let pat = app.client_signed_in_as("pat@example.org").await;
    for id in [&budget, &complaint] {
        let response = pat.get(app.url(&paper(id))).send().await.unwrap();
        assert_eq!(response.status(), 200, "a member reads {id}");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(response.bytes().await.unwrap().as_ref(), PAPER);
    }
    let page = pat.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Complaint investigation report") && page.contains(&paper(&budget)));

    // An observer reads the open paper, never the confidential one, and is not shown it.
    let obi = app.client_signed_in_as("obi@example.org").await;
    assert_eq!(obi.get(app.url(&paper(&budget))).send().await.unwrap().status(), 200);
    assert_eq!(obi.get(app.url(&paper(&complaint))).send().await.unwrap().status(), 403);
    let page = obi.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Budget 2027 to 2028") && !page.contains("Complaint investigation report"));
    let ics = obi.get(app.url(&format!("{}/meeting.ics", s.page()))).send().await.unwrap();
    assert_eq!(ics.status(), 200);
    let ics = unfold(&ics.text().await.unwrap());
    assert!(
        ics.contains("1. Budget") && !ics.contains("Staffing complaint"),
        "no confidential item in the .ics: {ics}"
    );

    // A patient who is not a member, and staff of another service: 403; nobody signed in: sign in first.
    let outsider = app.person_signed_in("morgan@example.org", &[(&s.service, Role::Patient)]).await;
    let other = app.add_service("CAS Day Service").await;
    let other_staff = app.person_signed_in("grace@example.org", &[(&other, Role::Staff)]).await;
    for client in [&outsider, &other_staff] {
        for path in [paper(&budget), paper(&complaint), format!("{}/meeting.ics", s.page())] {
            assert_eq!(client.get(app.url(&path)).send().await.unwrap().status(), 403, "{path}");
        }
    }
    let anonymous = app.anonymous_get(&paper(&budget)).await;
    assert_eq!(anonymous.status(), 303);
    assert!(location(&anonymous).starts_with("/sign-in?next="));

    // Sending: each member with an email gets links, never a paper's text, never a confidential item.
    assert_eq!(s.send(&app).await.status(), 303);
    let to_obi = app.mail_to("obi@example.org").await;
    let to_pat = app.mail_to("pat@example.org").await;
    let to_dana = app.mail_to("dana@example.org").await;
    for mail in [&to_obi, &to_pat, &to_dana] {
        assert!(mail.body.contains(&paper(&budget)), "a link to the open paper: {}", mail.body);
        assert!(mail.body.contains("Room 2") && mail.body.contains("https://meet.example.org/steering"));
        assert!(mail.body.contains("18:00 to 19:30") && mail.body.contains("meeting.ics"));
        assert!(!mail.body.contains("SECRET-BUDGET-LINES"), "never a paper's text");
        assert!(!mail.body.contains("Staffing complaint") && !mail.body.contains("Complaint investigation"));
        assert!(!mail.body.contains(&complaint), "no link to the confidential paper");
    }
    assert!(to_pat.body.contains("1 confidential paper for members only"), "{}", to_pat.body);
    assert!(!to_obi.body.contains("confidential"), "an observer is not told of it: {}", to_obi.body);
    assert!(to_dana.body.contains("sign in to Continuum"), "someone without an account is told how to read them");
}

async fn upload_refusals_keep_what_was_typed(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-01T09:00")).await;
    let s = setting(&app, "2027-03-20").await;
    let kept_title = |errors: &app::error::FormErrors| {
        assert!(
            errors.kept.iter().any(|(f, v)| f == "paper_title" && v == "Quarterly report"),
            "the title is kept: {:?}",
            errors.kept
        );
    };
    let message = |errors: &app::error::FormErrors| {
        errors.errors.iter().find(|e| e.field == "file").map(|e| e.message.clone()).unwrap_or_default()
    };

    // Not a PDF, whatever its name says.
    let response = upload(
        &app,
        &s.staff,
        &s.meeting_id,
        &s.items.0,
        "Quarterly report",
        "report.pdf",
        b"PK\x03\x04 a zip".to_vec(),
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("report.pdf is not a PDF. Papers must be PDF files") && page.contains("nhsuk-error-message"));
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else { panic!("a validation error") };
    assert_eq!(message(&errors), "report.pdf is not a PDF. Papers must be PDF files");
    kept_title(&errors);

    // Over 5 MB.
    let big = [b"%PDF-1.4\n".as_slice(), &vec![b' '; 5 * 1024 * 1024]].concat();
    let response = upload(&app, &s.staff, &s.meeting_id, &s.items.0, "Quarterly report", "big.pdf", big).await;
    assert_eq!(response.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    assert_eq!(message(&errors), "The file must be smaller than 5 MB");
    kept_title(&errors);

    let stored: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_paper").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 0, "nothing stored");

    // A member who is not staff may not add papers at all.
    let pat = app.client_signed_in_as("pat@example.org").await;
    let response = upload(&app, &pat, &s.meeting_id, &s.items.0, "Mine", "paper.pdf", PAPER.to_vec()).await;
    assert_eq!(response.status(), 403);
}

async fn late_papers_are_marked_and_sending_twice_mails_once(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-01T09:00")).await;
    // Due by 3 March (seven days before 10 March).
    let mut s = setting(&app, "2027-03-10").await;
    s.add_papers(&app).await;
    let page = s.staff.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("The papers have not been sent yet. They are due by Wednesday 3 March 2027."), "{page}");
    assert!(!page.contains("Papers late"));

    // Two days late.
    app.set_clock(london("2027-03-05T10:15"));
    s.staff = app.client_signed_in_as("sol@example.org").await; // four days on, the old session has ended
    let group_page = format!("/participation/groups/{}", s.group_id);
    let before = s.staff.get(app.url(&group_page)).send().await.unwrap().text().await.unwrap();
    assert!(before.contains("Papers late"), "overdue papers are late on the group page");
    // Members with accounts are mailed at their account's address, whatever copy the member row holds (the
    // demo's members have none).
    sqlx::query("UPDATE group_member SET email = NULL WHERE person_id IS NOT NULL").execute(&app.pool).await.unwrap();
    assert_eq!(s.send(&app).await.status(), 303);
    let page = s.staff.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Papers late"), "{page}");
    assert!(
        page.contains("The papers were sent late, on 5 March 2027 at 10:15: they were due by Wednesday 3 March 2027.")
    );
    let group = s.staff.get(app.url(&group_page)).send().await.unwrap().text().await.unwrap();
    assert_eq!(group.matches("Papers late").count(), 1, "the one meeting is marked late on the group page");

    // Sending again mails nobody twice: refused calmly.
    let again = s.send(&app).await;
    assert_eq!(again.status(), 409);
    let page = again.text().await.unwrap();
    assert!(page.contains("The papers were already sent on 5 March 2027 at 10:15"), "{page}");
    for to in ["pat@example.org", "obi@example.org", "sol@example.org", "dana@example.org"] {
        assert_eq!(papers_mails(&app, to).await, 1, "{to} mailed once");
    }
    assert!(
        eventually(Duration::from_secs(15), || async {
            let all = app.mail.all().await;
            ["pat@example.org", "obi@example.org", "sol@example.org", "dana@example.org"]
                .iter()
                .all(|to| all.iter().filter(|m| m.to.iter().any(|t| t == to)).count() == 1)
        })
        .await,
        "each member received exactly one papers mail over SMTP"
    );

    // Someone who joins afterwards is offered, and sent, the papers; nobody else is mailed again.
    app.add_person("kim@example.org", "Kim Carer", false, &[(&s.service, Role::Carer)]).await;
    ok(
        &app,
        &s.staff,
        "add_group_member",
        &group_page,
        &[
            ("group_id", &s.group_id),
            ("account_email", "kim@example.org"),
            ("member_type", "carer"),
            ("position", "member"),
            ("term_start", "2027-03-05"),
        ],
    )
    .await;
    let page = s.staff.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Send again to members who joined since (1)"), "{page}");
    assert_eq!(s.send(&app).await.status(), 303);
    assert_eq!(papers_mails(&app, "kim@example.org").await, 1);
    assert_eq!(papers_mails(&app, "pat@example.org").await, 1);
    let sent_at: String = sqlx::query_scalar("SELECT sent_at FROM meeting_papers_sent WHERE meeting_id = $1")
        .bind(&s.meeting_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(sent_at.starts_with("2027-03-05T10:15"), "the first sending's time is kept: {sent_at}");
}

/// An .ics file's lines unfolded (RFC 5545 §3.1: a line break followed by a space continues the line).
fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\n ", "")
}

/// The event's start and end in UTC, read back with the `icalendar` crate's parser.
fn utc_times(ics: &str) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
    let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
    let event = calendar.events().next().expect("one event");
    let at = |t: Option<DatePerhapsTime>| match t {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
        other => panic!("a UTC time, not {other:?}"),
    };
    assert!(event.get_summary().is_some_and(|s| s.contains("Steering group")));
    (at(event.get_start()), at(event.get_end()))
}

async fn the_ics_has_utc_times_across_a_clock_change(backend: Backend) {
    // 20 March 2027 is in GMT; the clocks go forward on 28 March.
    let app = spawn_app_at(backend, london("2027-03-20T09:00")).await;
    let s = setting(&app, "2027-03-25").await;
    let pat = app.client_signed_in_as("pat@example.org").await;
    let ics = |id: String| {
        let pat = pat.clone();
        let url = app.url(&format!("/participation/meetings/{id}/meeting.ics"));
        async move {
            let response = pat.get(url).send().await.unwrap();
            assert_eq!(response.status(), 200);
            assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
            response.text().await.unwrap()
        }
    };
    let winter = ics(s.meeting_id.clone()).await;
    assert_eq!(utc_times(&winter), (utc("2027-03-25T18:00Z"), utc("2027-03-25T19:30Z")), "GMT is UTC");
    let winter = unfold(&winter);
    assert!(winter.contains("Room 2") && winter.contains("https://meet.example.org/steering"));
    assert!(winter.contains("1. Budget") && !winter.contains("Staffing complaint"), "no confidential item");

    let to = ok(
        &app,
        &s.staff,
        "schedule_meeting",
        &format!("/participation/groups/{}", s.group_id),
        &[("group_id", &s.group_id), ("day", "2027-04-01"), ("start", "18:00"), ("end", "19:30"), ("place", "Room 2")],
    )
    .await;
    let summer = ics(to.trim_start_matches("/participation/meetings/").to_owned()).await;
    assert_eq!(utc_times(&summer), (utc("2027-04-01T17:00Z"), utc("2027-04-01T18:30Z")), "BST is UTC+1");

    // The meeting page links to it; for members only.
    let page = pat.get(app.url(&s.page())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("{}/meeting.ics", s.page())));
}

async fn ending_a_term_keeps_the_member_in_history(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-01T09:00")).await;
    let s = setting(&app, "2027-03-20").await;
    let group_page = format!("/participation/groups/{}", s.group_id);
    let pat_member: String = sqlx::query_scalar("SELECT id FROM group_member WHERE name = 'Pat Patient'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // A date before the term started: a message beside the field, what was typed kept.
    let response = post(
        &app,
        &s.staff,
        "end_member_term",
        &group_page,
        &[("group_id", &s.group_id), ("member_id", &pat_member), ("ends_on", "2025-12-31")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("The term cannot end before it started: it started on 1 January 2026"), "{page}");
    let AppError::Validation(errors) = continuum_tests::error_on_page(422, &page) else { panic!("a validation error") };
    assert!(errors.errors.iter().any(|e| e.field == "ends_on_day"));
    assert!(errors.kept.iter().any(|(f, v)| f == "ends_on_year" && v == "2025"), "{:?}", errors.kept);

    // Ended yesterday: kept as a past member, and no longer reads the group's business.
    ok(
        &app,
        &s.staff,
        "end_member_term",
        &group_page,
        &[("group_id", &s.group_id), ("member_id", &pat_member), ("ends_on", "2027-02-28")],
    )
    .await;
    let page = s.staff.get(app.url(&group_page)).send().await.unwrap().text().await.unwrap();
    let past = &page[page.find("Past members").expect("a past members list")..];
    assert!(past.contains("Pat Patient") && past.contains("1 January 2026 to 28 February 2027"));
    let kept: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM group_member WHERE id = $1")
        .bind(&pat_member)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 1, "never deleted");
    let pat = app.client_signed_in_as("pat@example.org").await;
    assert_eq!(pat.get(app.url(&group_page)).send().await.unwrap().status(), 403);
    let audited: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'group_member_term_ended'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
}

/// A member who chose the weekly digest finds the week's papers in it, by group and meeting day: never a paper's
/// or an item's title, so no confidential item is named.
async fn the_weekly_digest_lists_the_papers_sent_that_week(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-03-01T09:00")).await;
    let s = setting(&app, "2027-03-10").await;
    s.add_papers(&app).await;
    assert_eq!(s.send(&app).await.status(), 303);
    let pat = app.client_signed_in_as("pat@example.org").await;
    ok(&app, &pat, "choose_participation_mail", "/participation/my-actions", &[("mail", "weekly")]).await;

    let queued = app::participation::actions::jobs::queue_digests(
        &app.pool,
        &app::clock::current(),
        &url::Url::parse(&app.address).unwrap(),
    )
    .await
    .unwrap();

    assert!(queued >= 1, "Pat's digest is queued");
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM outbox_mail WHERE subject = 'Your weekly summary' AND to_address = 'pat@example.org'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(body.contains("Papers sent this week"), "{body}");
    assert!(body.contains("Steering group: the papers for 10 March 2027"), "{body}");
    assert!(!body.contains("Staffing complaint") && !body.contains("Budget"), "no item named: {body}");
}

on_both_engines!(
    the_weekly_digest_lists_the_papers_sent_that_week,
    members_read_papers_and_observers_never_see_confidential_ones,
    upload_refusals_keep_what_was_typed,
    late_papers_are_marked_and_sending_twice_mails_once,
    the_ics_has_utc_times_across_a_clock_change,
    ending_a_term_keeps_the_member_in_history,
);
