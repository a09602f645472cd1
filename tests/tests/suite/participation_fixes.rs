//! Participation: the faults a fresh tester found (issue 15). Nothing of a meeting is recorded before it
//! starts, nor its minutes circulated or approved before it is held (F4); the service's aggregate figures
//! follow current membership of one of its groups, not the role, and a member sees no comment (F7); the demo's
//! meetings each have their own agenda, decisions numbered oldest first (F8); and the small ones (F9): error
//! summaries in the form's order, the poster's items, an unknown board, draft minutes in the weekly digest, a
//! position changed without a new term, a reminder to someone without an account, an observer's "my actions".

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, on_both_engines, spawn_app_at, Backend, TestApp};
use reqwest::header;

const DATES: &[&str] = &["term_start", "day", "review_on", "due_on", "ends_on", "posted_on"];

/// The tests' "today": a Wednesday, 10:00 in London.
const NOW: &str = "2027-03-10T10:00";

fn day(offset: i64) -> String {
    (chrono::NaiveDate::from_ymd_opt(2027, 3, 10).unwrap() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

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
        .form(&continuum_tests::typed_dates(fields, DATES))
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

async fn count(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).bind(bind).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

struct Setting {
    service: String,
    staff: reqwest::Client,
    pat: reqwest::Client,
    group_id: String,
}

impl Setting {
    fn group_page(&self) -> String {
        format!("/participation/groups/{}", self.group_id)
    }

    async fn member(&self, app: &TestApp, name: &str) -> String {
        sqlx::query_scalar("SELECT id FROM group_member WHERE group_id = $1 AND name = $2")
            .bind(&self.group_id)
            .bind(name)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    }

    /// Plans a meeting on `on` from `start` to `end`, with one open item and one confidential item; returns its id.
    async fn meeting(&self, app: &TestApp, on: &str, start: &str, end: &str) -> String {
        let fields =
            [("group_id", self.group_id.as_str()), ("day", on), ("start", start), ("end", end), ("place", "Room 2")];
        let to = ok(app, &self.staff, "schedule_meeting", &self.group_page(), &fields).await;
        let meeting_id = to.trim_start_matches("/participation/meetings/").to_owned();
        let page = format!("/participation/meetings/{meeting_id}");
        for (title, confidential) in [("Waiting times", false), ("Staffing", true)] {
            let mut fields = vec![("meeting_id", meeting_id.as_str()), ("title", title), ("minutes_allotted", "20")];
            if confidential {
                fields.push(("confidential", "yes"));
            }
            ok(app, &self.staff, "add_agenda_item", &page, &fields).await;
        }
        meeting_id
    }

    async fn item(&self, app: &TestApp, meeting_id: &str, title: &str) -> String {
        sqlx::query_scalar("SELECT id FROM agenda_item WHERE meeting_id = $1 AND title = $2")
            .bind(meeting_id)
            .bind(title)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    }
}

/// A service with a steering group: Pat (a patient member), Obi (a stakeholder observer with an account),
/// Dana Fox (an outside member with an email address and no account), and the member of staff sol.
async fn setting(app: &TestApp) -> Setting {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("pat@example.org", "Pat Patient", false, &[(&service, Role::Patient)]).await;
    app.add_person("obi@example.org", "Obi Observer", false, &[(&service, Role::SteeringMember)]).await;
    let staff = app.person_signed_in("sol@example.org", &[(&service, Role::Staff)]).await;
    let fields = [
        ("group_id", ""),
        ("service_id", service.as_str()),
        ("name", "Steering group"),
        ("purpose", "Shapes the service"),
        ("terms_of_reference", "## Terms"),
        ("quorum_present", "1"),
        ("quorum_lived", "1"),
        ("papers_due_days", ""),
    ];
    let to = ok(app, &staff, "save_group", "/participation", &fields).await;
    let group_id = to.trim_start_matches("/participation/groups/").to_owned();
    let group_page = format!("/participation/groups/{group_id}");
    let start = day(-200);
    for (email, kind, position) in
        [("pat@example.org", "patient", "member"), ("obi@example.org", "stakeholder", "observer")]
    {
        let fields = [
            ("group_id", group_id.as_str()),
            ("account_email", email),
            ("member_type", kind),
            ("position", position),
            ("term_start", &start),
        ];
        ok(app, &staff, "add_group_member", &group_page, &fields).await;
    }
    let fields = [
        ("group_id", group_id.as_str()),
        ("member_name", "Dana Fox"),
        ("organisation", "Healthwatch"),
        ("member_email", "dana@example.org"),
        ("member_type", "stakeholder"),
        ("position", "member"),
        ("term_start", &start),
    ];
    ok(app, &staff, "add_group_member", &group_page, &fields).await;
    Setting { pat: app.client_signed_in_as("pat@example.org").await, service, staff, group_id }
}

fn present(members: &[&str]) -> Vec<(String, String)> {
    members.iter().map(|m| (format!("attendance[m-{m}]"), "present".to_owned())).collect()
}

async fn record_attendance(
    app: &TestApp,
    client: &reqwest::Client,
    meeting_id: &str,
    members: &[&str],
) -> reqwest::Response {
    let mut fields = vec![("meeting_id".to_owned(), meeting_id.to_owned())];
    fields.extend(present(members));
    client
        .post(app.url("/api/record_attendance"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/participation/meetings/{meeting_id}")))
        .form(&fields)
        .send()
        .await
        .unwrap()
}

async fn nothing_is_recorded_before_the_meeting_starts_nor_minutes_sent_before_it_is_held(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let members =
        [s.member(&app, "Pat Patient").await, s.member(&app, "Obi Observer").await, s.member(&app, "Dana Fox").await];
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    // This morning's meeting at 10:30, at 10:00.
    let meeting_id = s.meeting(&app, &day(0), "10:30", "12:00").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    let minutes_page = format!("{meeting_page}/minutes");

    // The page does not offer what would be refused, and says when it will.
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    assert!(page.contains("Attendance can be recorded once the meeting has started"), "says when");
    assert!(!page.contains("Save attendance") && !page.contains("Add guest"), "no attendance or guest form yet");

    // Attendance and guests are refused with their own status and a message; nothing is stored.
    let refused = record_attendance(&app, &s.staff, &meeting_id, &members).await;
    assert_eq!(refused.status(), 409);
    assert!(
        matches!(form_error(refused).await, Some(AppError::Conflict(m)) if m.contains("once the meeting has started"))
    );
    let guest = [("meeting_id", meeting_id.as_str()), ("guest_name", "Sue Park"), ("guest_role", "Visitor")];
    assert_eq!(post(&app, &s.staff, "add_meeting_guest", &meeting_page, &guest).await.status(), 409);
    let stored = "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_attendance WHERE meeting_id = $1";
    assert_eq!(count(&app, stored, &meeting_id).await, 0);
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_guest WHERE meeting_id = $1", &meeting_id).await,
        0
    );

    // The draft may be written ahead; it is not circulated nor approved, and neither is offered.
    let item = s.item(&app, &meeting_id, "Waiting times").await;
    let discussion = format!("discussion[i-{item}]");
    ok(&app, &s.staff, "save_minutes", &minutes_page, &[("meeting_id", &meeting_id), (&discussion, "Prepared.")]).await;
    let (_, page) = text(&s.staff, &app, &minutes_page).await;
    assert!(page.contains("Minutes can be circulated once the meeting is marked held"), "says why");
    assert!(!page.contains("Send to members present") && !page.contains("Approve minutes"), "not offered");
    for (function, fields) in [
        ("circulate_minutes", vec![("meeting_id", meeting_id.as_str())]),
        ("approve_minutes", vec![("meeting_id", meeting_id.as_str()), ("approval", "next_meeting")]),
    ] {
        let refused = post(&app, &s.staff, function, &minutes_page, &fields).await;
        assert_eq!(refused.status(), 409, "{function}");
        assert!(
            matches!(form_error(refused).await, Some(AppError::Conflict(m)) if m.contains("once the meeting is marked held"))
        );
    }
    let stage = "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_minutes WHERE meeting_id = $1 AND stage <> 'draft'";
    assert_eq!(count(&app, stage, &meeting_id).await, 0, "still a draft");

    // From its start (local time) attendance may be recorded, before it is marked held.
    app.set_clock(continuum_tests::london(&format!("{}T10:35", day(0))));
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    let shown = page.find("Record attendance").map(|i| &page[i..(i + 400).min(page.len())]).unwrap_or_default();
    assert!(page.contains("Save attendance"), "offered once the meeting has started: {shown}");
    assert!(location(&record_attendance(&app, &s.staff, &meeting_id, &members).await).ends_with("?attendance=1"));
    let refused = post(&app, &s.staff, "circulate_minutes", &minutes_page, &[("meeting_id", &meeting_id)]).await;
    assert_eq!(refused.status(), 409, "minutes wait until the meeting is marked held");

    // Marked held: the minutes go round and are approved.
    ok(&app, &s.staff, "set_meeting_status", &meeting_page, &[("meeting_id", &meeting_id), ("status", "held")]).await;
    ok(&app, &s.staff, "circulate_minutes", &minutes_page, &[("meeting_id", &meeting_id)]).await;
    ok(&app, &s.staff, "approve_minutes", &minutes_page, &[("meeting_id", &meeting_id), ("approval", "next_meeting")])
        .await;

    // A cancelled meeting never takes attendance.
    let cancelled = s.meeting(&app, &day(-3), "18:00", "19:30").await;
    let page = format!("/participation/meetings/{cancelled}");
    ok(&app, &s.staff, "set_meeting_status", &page, &[("meeting_id", &cancelled), ("status", "cancelled")]).await;
    assert_eq!(record_attendance(&app, &s.staff, &cancelled, &members).await.status(), 409);
}

async fn the_services_figures_follow_current_membership_and_a_member_reads_no_comment(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let form = app.open_feedback_form(&s.staff, &s.service, "DBT skills group", "fft", "anonymous").await;
    for _ in 0..6 {
        app.submit_feedback(&form, &[(0, "good"), (1, "The Tuesday group changed my week")]).await;
    }
    let results = format!("/consultation/forms/{}/results", form.id);
    let csv = format!("/consultation/forms/{}/responses.csv", form.id);
    let report = format!("/reports/involvement?service_id={}", s.service);

    // Pat, a current member (with no "steering group member" role), reads the figures and no comment.
    let (status, page) = text(&s.pat, &app, &results).await;
    assert_eq!(status, 200, "a current member reads the form's results");
    assert!(page.contains("id=\"responses-total\""), "the figures");
    assert!(!page.contains("Tuesday group") && !page.contains("Show comments"), "no comment text, no comments filter");
    assert!(!page.contains("responses.csv"), "no download of responses");
    assert_eq!(text(&s.pat, &app, &csv).await.0, 403, "nor the responses themselves");
    assert_eq!(text(&s.pat, &app, "/consultation/review").await.0, 403, "nor the review queue");
    assert_eq!(text(&s.pat, &app, &report).await.0, 200, "a current member reads the involvement report");
    // Reached from the group page.
    let (_, group) = text(&s.pat, &app, &s.group_page()).await;
    assert!(group.contains(&results) && group.contains(&report), "the group page links to the figures");
    // Staff of the service read the comments as before.
    assert!(text(&s.staff, &app, &results).await.1.contains("Tuesday group"));

    // The role alone grants nothing: Robin has it and is in no group.
    let robin = app.person_signed_in("robin@example.org", &[(&s.service, Role::SteeringMember)]).await;
    assert_eq!(text(&robin, &app, &report).await.0, 403, "the role without membership: report");
    assert_eq!(text(&robin, &app, &results).await.0, 403, "the role without membership: results");

    // Pat's term ends yesterday: access ends with it.
    let pat = s.member(&app, "Pat Patient").await;
    let end = day(-1);
    let fields = [("group_id", s.group_id.as_str()), ("member_id", pat.as_str()), ("ends_on", end.as_str())];
    let response = post(&app, &s.staff, "end_member_term", &s.group_page(), &fields).await;
    assert!(location(&response).ends_with("?ended=1"));
    assert_eq!(text(&s.pat, &app, &report).await.0, 403, "a past member: report");
    assert_eq!(text(&s.pat, &app, &results).await.0, 403, "a past member: results");

    // An observer is a current member: the figures hold nothing confidential.
    let obi = app.client_signed_in_as("obi@example.org").await;
    assert_eq!(text(&obi, &app, &report).await.0, 200, "an observer reads the report");
}

async fn a_member_on_the_weekly_digest_gets_draft_minutes_in_it_and_not_alone(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (pat, obi) = (s.member(&app, "Pat Patient").await, s.member(&app, "Obi Observer").await);
    let meeting_id = s.meeting(&app, &day(-1), "18:00", "19:30").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    ok(&app, &s.staff, "set_meeting_status", &meeting_page, &[("meeting_id", &meeting_id), ("status", "held")]).await;
    let dana = s.member(&app, "Dana Fox").await;
    let response = record_attendance(&app, &s.staff, &meeting_id, &[&pat, &obi, &dana]).await;
    assert!(location(&response).ends_with("?attendance=1"));
    ok(&app, &s.pat, "choose_participation_mail", "/participation/my-actions", &[("mail", "weekly")]).await;
    let minutes_page = format!("{meeting_page}/minutes");
    ok(&app, &s.staff, "circulate_minutes", &minutes_page, &[("meeting_id", &meeting_id)]).await;

    let single =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = $1 AND subject LIKE 'Draft minutes%'";
    assert_eq!(count(&app, single, "pat@example.org").await, 0, "Pat chose the digest: no single mail");
    assert_eq!(count(&app, single, "obi@example.org").await, 1, "Obi takes single mails");

    // Next Monday's digest carries it, with the link and never the text.
    app.set_clock(continuum_tests::london(&format!("{}T09:00", day(5))));
    let base = url::Url::parse("http://127.0.0.1/").unwrap();
    let queued = app
        .clock
        .clone()
        .scope(app::participation::actions::jobs::queue_digests(&app.pool, &app.clock, &base))
        .await
        .unwrap();
    assert!(queued <= 1, "one digest for Pat (the housekeeping may have queued it first)");
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM outbox_mail WHERE to_address = 'pat@example.org' AND subject = 'Your weekly summary' ORDER BY created_at DESC",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(body.contains("Draft minutes to check") && body.contains(&minutes_page), "{body}");
    assert!(!body.contains("Staffing"), "{body}");
}

async fn a_position_changes_within_the_term_and_is_audited(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let obi = s.member(&app, "Obi Observer").await;
    let terms = "SELECT CAST(COUNT(*) AS BIGINT) FROM group_member WHERE group_id = $1";
    let before = count(&app, terms, &s.group_id).await;

    // Nothing chosen: messages beside the fields, in the form's order.
    let refused = post(&app, &s.staff, "change_member_position", &s.group_page(), &[("group_id", &s.group_id)]).await;
    assert_eq!(refused.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(refused).await else { panic!("a validation error") };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["position_member_id", "new_position"]);
    let same = [("group_id", s.group_id.as_str()), ("position_member_id", obi.as_str()), ("new_position", "observer")];
    let refused = post(&app, &s.staff, "change_member_position", &s.group_page(), &same).await;
    assert!(
        matches!(form_error(refused).await, Some(AppError::Validation(e)) if e.errors[0].message.contains("already"))
    );
    // Pat, a patient member, may not.
    let change = [("group_id", s.group_id.as_str()), ("position_member_id", obi.as_str()), ("new_position", "member")];
    assert_eq!(post(&app, &s.pat, "change_member_position", &s.group_page(), &change).await.status(), 403);

    let to = ok(&app, &s.staff, "change_member_position", &s.group_page(), &change).await;
    assert!(to.ends_with("?position=1"), "{to}");
    let position: String = sqlx::query_scalar("SELECT position FROM group_member WHERE id = $1")
        .bind(&obi)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(position, "member");
    assert_eq!(count(&app, terms, &s.group_id).await, before, "the same term, not a new one");
    let audited = "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'group_member_position_changed' AND subject_id = $1";
    assert_eq!(count(&app, audited, &obi).await, 1);
}

async fn a_reminder_to_someone_without_an_account_does_not_send_them_to_my_actions(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (dana, pat) = (s.member(&app, "Dana Fox").await, s.member(&app, "Pat Patient").await);
    let meeting_id = s.meeting(&app, &day(-1), "18:00", "19:30").await;
    let item = s.item(&app, &meeting_id, "Waiting times").await;
    let minutes_page = format!("/participation/meetings/{meeting_id}/minutes");
    for (owner, description) in [(&dana, "Ask Healthwatch for their survey"), (&pat, "Read the survey")] {
        let owner = format!("m-{owner}");
        let fields = [
            ("meeting_id", meeting_id.as_str()),
            ("action_item_id", item.as_str()),
            ("description", description),
            ("owner", owner.as_str()),
            ("due_on", &day(5)),
        ];
        ok(&app, &s.staff, "add_action", &minutes_page, &fields).await;
    }
    let base = url::Url::parse("http://127.0.0.1/").unwrap();
    let job = app::participation::actions::jobs::queue_reminders(&app.pool, &app.clock, &base);
    app.clock.clone().scope(job).await.unwrap();
    let body = |to: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT body_text FROM outbox_mail WHERE to_address = $1 AND subject LIKE 'An action you own%'",
            )
            .bind(to)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let dana_mail = body("dana@example.org").await;
    assert!(!dana_mail.contains("/participation/my-actions"), "{dana_mail}");
    assert!(dana_mail.contains("tell the Steering group's secretary"), "{dana_mail}");
    assert!(body("pat@example.org").await.contains("/participation/my-actions"), "an account holder gets the link");
}

async fn an_observer_never_sees_a_confidential_items_action_in_my_actions(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (obi, pat) = (s.member(&app, "Obi Observer").await, s.member(&app, "Pat Patient").await);
    let meeting_id = s.meeting(&app, &day(-1), "18:00", "19:30").await;
    let secret = s.item(&app, &meeting_id, "Staffing").await;
    let open = s.item(&app, &meeting_id, "Waiting times").await;
    // Rows from before observers were refused such actions: written straight into the table.
    let group_id = s.group_id.clone();
    for (id, member, item, description) in [
        ("00000000-0000-7000-8000-000000000001", &obi, &secret, "Recruit two night nurses"),
        ("00000000-0000-7000-8000-000000000002", &obi, &open, "Bring the Healthwatch survey"),
        ("00000000-0000-7000-8000-000000000003", &pat, &secret, "Read the staffing paper"),
    ] {
        sqlx::query(
            "INSERT INTO group_action (id, group_id, meeting_id, item_id, description, owner_member_id, owner_name,
                due_on, status, dropped_reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'Someone', $7, 'open', '', $8)",
        )
        .bind(id)
        .bind(&group_id)
        .bind(&meeting_id)
        .bind(item)
        .bind(description)
        .bind(member)
        .bind(day(10))
        .bind(app::db::now())
        .execute(&app.pool)
        .await
        .unwrap();
    }
    let observer = app.client_signed_in_as("obi@example.org").await;
    let (_, mine) = text(&observer, &app, "/participation/my-actions").await;
    assert!(mine.contains("Bring the Healthwatch survey"), "their other action");
    assert!(!mine.contains("night nurses"), "never a confidential item's action");
    let (_, pats) = text(&s.pat, &app, "/participation/my-actions").await;
    assert!(pats.contains("Read the staffing paper"), "a member who is not an observer sees theirs");
}

async fn error_summaries_follow_the_forms_order(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    // The new group form: the service first, then its name and purpose.
    let refused = post(&app, &s.staff, "save_group", "/participation", &[("group_id", "")]).await;
    let Some(AppError::Validation(errors)) = form_error(refused).await else { panic!("a validation error") };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields[..3], ["service_id", "name", "purpose"], "{fields:?}");
    // "You said, we did": what patients said, what took it up, the words.
    let refused = post(&app, &s.staff, "add_you_said_we_did", "/participation/you-said-we-did", &[]).await;
    let Some(AppError::Validation(errors)) = form_error(refused).await else { panic!("a validation error") };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["source", "link", "you_said"]);
}

async fn the_poster_shows_the_newest_published_items_and_an_unknown_board_is_not_found(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let poster = app.anonymous_page("/posters/you-said-we-did/personality-disorder-service").await;
    assert!(poster.contains("continuum-poster__items"), "the poster holds items");
    let newest: String = sqlx::query_scalar(
        "SELECT you_said FROM you_said_we_did WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(poster.contains(&newest), "the newest item is on it");
    assert!(poster.matches("continuum-poster__said").count() <= app::participation::api::POSTER_ITEMS);
    assert_eq!(app.anonymous_get("/you-said-we-did/no-such-service").await.status(), 404);
    assert_eq!(app.anonymous_get("/you-said-we-did/personality-disorder-service").await.status(), 200);
}

async fn demo_meetings_have_their_own_agendas_and_decisions_numbered_oldest_first(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let decisions: Vec<(i64, String)> = sqlx::query_as(
        "SELECT d.number, m.starts_at FROM group_decision d JOIN group_meeting m ON m.id = d.meeting_id
         ORDER BY d.number",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(decisions.len(), 12);
    assert!(decisions.windows(2).all(|w| w[0].1 < w[1].1), "numbered in date order, oldest first: {decisions:?}");
    let titles: Vec<String> =
        sqlx::query_scalar("SELECT title FROM agenda_item WHERE title LIKE 'What patients said%'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let distinct: std::collections::BTreeSet<&String> = titles.iter().collect();
    assert_eq!((titles.len(), distinct.len()), (12, 12), "each meeting has its own agenda: {titles:?}");
}

async fn upload(app: &TestApp, client: &reqwest::Client, meeting_id: &str, item_id: &str, title: &str) -> String {
    upload_named(app, client, meeting_id, item_id, title, "paper.pdf").await
}

async fn upload_named(
    app: &TestApp,
    client: &reqwest::Client,
    meeting_id: &str,
    item_id: &str,
    title: &str,
    file_name: &str,
) -> String {
    let form = reqwest::multipart::Form::new()
        .text("meeting_id", meeting_id.to_owned())
        .text("paper_item_id", item_id.to_owned())
        .text("paper_title", title.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(app::pdf::one_page(title))
                .file_name(file_name.to_owned())
                .mime_str("application/pdf")
                .unwrap(),
        );
    let response = client
        .post(app.url("/api/upload_paper"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/participation/meetings/{meeting_id}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let to = location(&response);
    assert!(to.ends_with("?paper=1"), "{to} {:?}", form_error(response).await);
    to
}

async fn a_paper_added_after_the_papers_were_sent_is_mailed_on_its_own_once_and_marked_late(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    // A meeting in four days: the papers were due three days ago (7 days before).
    let meeting_id = s.meeting(&app, &day(4), "18:00", "19:30").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    let (open, secret) =
        (s.item(&app, &meeting_id, "Waiting times").await, s.item(&app, &meeting_id, "Staffing").await);
    upload(&app, &s.staff, &meeting_id, &open, "Waiting list figures").await;
    ok(&app, &s.staff, "send_papers", &meeting_page, &[("meeting_id", &meeting_id)]).await;
    let further =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = $1 AND subject LIKE 'A further paper%'";

    // An open item's paper goes to everyone sent the papers, with its link and marked late.
    upload(&app, &s.staff, &meeting_id, &open, "Survey results").await;
    for to in ["pat@example.org", "obi@example.org", "dana@example.org"] {
        assert_eq!(count(&app, further, to).await, 1, "{to}: one mail for the late paper");
    }
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM outbox_mail WHERE to_address = 'pat@example.org' AND subject LIKE 'A further paper%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(body.contains("Survey results") && body.contains("/participation/papers/"), "{body}");
    assert!(body.contains("This paper is late"), "{body}");
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    assert!(page.contains("Added late"), "the meeting page marks it");

    // A confidential item's paper: never to the observer, and to members without its title.
    upload(&app, &s.staff, &meeting_id, &secret, "Night team vacancies").await;
    assert_eq!(count(&app, further, "obi@example.org").await, 1, "the observer is not told of it");
    assert_eq!(count(&app, further, "pat@example.org").await, 2);
    let words = "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE body_text LIKE $1";
    assert_eq!(count(&app, words, "%Night team%").await, 0, "no mail names it");

    // Each (paper, member) is claimed once: the claims stand, so nobody is mailed a paper twice.
    let claims = "SELECT CAST(COUNT(*) AS BIGINT) FROM late_paper_recipient r JOIN meeting_paper p ON p.id = r.paper_id WHERE p.title = $1";
    assert_eq!(count(&app, claims, "Survey results").await, 3);
    assert_eq!(count(&app, claims, "Night team vacancies").await, 2);
}

async fn members_who_asked_for_papers_by_post_are_listed_and_the_day_posted_is_recorded(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let fields = [
        ("group_id", s.group_id.as_str()),
        ("member_name", "Kim Post"),
        ("member_type", "patient"),
        ("position", "member"),
        ("term_start", &day(-30)),
        ("access_needs", "Large print"),
        ("papers_by_post", "yes"),
    ];
    ok(&app, &s.staff, "add_group_member", &s.group_page(), &fields).await;
    let kim = s.member(&app, "Kim Post").await;
    let meeting_id = s.meeting(&app, &day(4), "18:00", "19:30").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    let open = s.item(&app, &meeting_id, "Waiting times").await;
    upload(&app, &s.staff, &meeting_id, &open, "Waiting list figures").await;
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    assert!(!page.contains("papers-by-post"), "listed only once the papers are sent");
    ok(&app, &s.staff, "send_papers", &meeting_page, &[("meeting_id", &meeting_id)]).await;
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    assert!(page.contains("id=\"papers-by-post\"") && page.contains("Kim Post") && page.contains("not posted yet"));
    let (_, pats) = text(&s.pat, &app, &meeting_page).await;
    assert!(!pats.contains("papers-by-post"), "a member who does not organise meetings is not shown the list");

    // A day to come is refused beside the field, with what was typed kept.
    let tomorrow = day(1);
    let posted = |on: String| {
        [
            ("meeting_id".to_owned(), meeting_id.clone()),
            ("post_member_id".to_owned(), kim.clone()),
            ("posted_on".to_owned(), on),
        ]
    };
    let pairs = |fields: &[(String, String)]| -> Vec<(String, String)> { fields.to_vec() };
    let fields = pairs(&posted(tomorrow));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
    let refused = post(&app, &s.staff, "record_papers_posted", &meeting_page, &borrowed).await;
    assert_eq!(refused.status(), 422);
    assert!(matches!(form_error(refused).await, Some(AppError::Validation(e)) if e.errors[0].field == "posted_on_day"));
    let fields = posted(day(0));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
    assert_eq!(post(&app, &s.pat, "record_papers_posted", &meeting_page, &borrowed).await.status(), 403);

    // Posted today, after the day they were due (seven days before the meeting): late.
    ok(&app, &s.staff, "record_papers_posted", &meeting_page, &borrowed).await;
    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    assert!(page.contains("posted on 10 March 2027") && page.contains("Posted late"), "the day and the late rule");
    let audited = "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'papers_posted' AND subject_id = $1";
    assert_eq!(count(&app, audited, &kim).await, 1);
}

/// Tester 15b F1 and F2: a meeting later today is not marked held before its start (local time), and draft
/// minutes are not circulated before anyone is recorded present, with the reason where the button would be.
async fn held_only_from_the_start_and_circulated_only_once_attendance_is_recorded(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    // This morning's meeting at 10:30, at 10:00.
    let meeting_id = s.meeting(&app, &day(0), "10:30", "12:00").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    let held = [("meeting_id", meeting_id.as_str()), ("status", "held")];
    let refused = post(&app, &s.staff, "set_meeting_status", &meeting_page, &held).await;
    assert_eq!(refused.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(refused).await else { panic!("a validation error") };
    assert_eq!(errors.errors[0].field, "status");
    assert!(errors.errors[0].message.contains("once it has started"), "{errors:?}");
    let status = "SELECT status FROM group_meeting WHERE id = $1";
    let stored: String = sqlx::query_scalar(status).bind(&meeting_id).fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, "planned");

    // From its start it may be marked held; the draft still waits for attendance.
    app.set_clock(continuum_tests::london(&format!("{}T10:30", day(0))));
    ok(&app, &s.staff, "set_meeting_status", &meeting_page, &held).await;
    let minutes_page = format!("{meeting_page}/minutes");
    let item = s.item(&app, &meeting_id, "Waiting times").await;
    let discussion = format!("discussion[i-{item}]");
    ok(&app, &s.staff, "save_minutes", &minutes_page, &[("meeting_id", &meeting_id), (&discussion, "Talked.")]).await;
    let (_, page) = text(&s.staff, &app, &minutes_page).await;
    assert!(page.contains("Record attendance on the meeting"), "says why beside where the button would be");
    assert!(!page.contains("Send to members present"), "not offered");
    let refused = post(&app, &s.staff, "circulate_minutes", &minutes_page, &[("meeting_id", &meeting_id)]).await;
    assert_eq!(refused.status(), 409);
    assert!(matches!(form_error(refused).await, Some(AppError::Conflict(m)) if m.contains("Record attendance")));
    let stage = "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_minutes WHERE meeting_id = $1 AND stage <> 'draft'";
    assert_eq!(count(&app, stage, &meeting_id).await, 0, "still a draft");

    // Once someone is recorded present, it goes to them.
    let members =
        [s.member(&app, "Pat Patient").await, s.member(&app, "Obi Observer").await, s.member(&app, "Dana Fox").await];
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    assert!(location(&record_attendance(&app, &s.staff, &meeting_id, &members).await).ends_with("?attendance=1"));
    let (_, page) = text(&s.staff, &app, &minutes_page).await;
    assert!(page.contains("Send to members present"), "offered now");
    ok(&app, &s.staff, "circulate_minutes", &minutes_page, &[("meeting_id", &meeting_id)]).await;
    let single =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = $1 AND subject LIKE 'Draft minutes%'";
    assert_eq!(count(&app, single, "obi@example.org").await, 1);
}

/// Tester 15b F3 and F5: a feedback form's thank-you page links the "you said, we did" board itself, and the
/// digest choice says "once a week" (it goes in the first housekeeping run of each week, not on a set day).
async fn the_thank_you_page_links_the_board_and_the_digest_promises_no_day(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let form = app.open_feedback_form(&s.staff, &s.service, "DBT skills group", "fft", "anonymous").await;
    let thanks = app.submit_feedback(&form, &[(0, "very_good")]).await;
    assert_eq!(thanks.url().path(), format!("/f/{}/thanks", form.slug));
    let thanks = thanks.text().await.unwrap();
    assert!(thanks.contains(r#"href="/you-said-we-did""#), "links the board directly");

    let (status, page) = text(&s.pat, &app, "/participation/my-actions").await;
    assert_eq!(status, 200);
    assert!(page.contains("once a week") && !page.contains("every Monday"), "no day promised");
}

/// Tester 15b F4: a paper's address carries no uploaded file name, on the page, in the mails or for its
/// easy-read version; the download keeps its name in `Content-Disposition`.
async fn no_paper_address_or_mail_carries_the_uploaded_file_name(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let meeting_id = s.meeting(&app, &day(10), "18:00", "19:30").await;
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    let (open, secret) =
        (s.item(&app, &meeting_id, "Waiting times").await, s.item(&app, &meeting_id, "Staffing").await);
    upload_named(&app, &s.staff, &meeting_id, &open, "Waiting list figures", "Waitlist Dr Shah.pdf").await;
    upload_named(&app, &s.staff, &meeting_id, &secret, "Night team", "CONFFILE redundancy of Dr Shah.pdf").await;
    let paper_id: String = sqlx::query_scalar("SELECT id FROM meeting_paper WHERE item_id = $1")
        .bind(&open)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let form =
        reqwest::multipart::Form::new().text("meeting_id", meeting_id.clone()).text("paper_id", paper_id.clone()).part(
            "easy_read",
            reqwest::multipart::Part::bytes(app::pdf::one_page("Easy read"))
                .file_name("Easy Shah.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let response = s
        .staff
        .post(app.url("/api/upload_easy_read"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&meeting_page))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(location(&response).ends_with("?paper=1"), "{:?}", form_error(response).await);
    ok(&app, &s.staff, "send_papers", &meeting_page, &[("meeting_id", &meeting_id)]).await;

    let (_, page) = text(&s.staff, &app, &meeting_page).await;
    let paper = format!("/participation/papers/{paper_id}/paper.pdf");
    assert!(page.contains(&paper) && page.contains(&format!("/participation/papers/{paper_id}/easy-read/paper.pdf")));
    for typed in ["shah", "Shah", "conffile", "CONFFILE", "redundancy"] {
        assert!(!page.contains(typed), "the meeting page shows no file name: {typed}");
    }
    let mails = "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE LOWER(body_text) LIKE $1";
    assert!(count(&app, mails, &format!("%{paper}%")).await >= 1, "the mails link the paper");
    assert_eq!(count(&app, mails, "%shah%").await, 0, "no mail carries a file name");

    // The plain address serves it, with its uploaded name only as the download name.
    let response = s.pat.get(app.url(&paper)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let disposition = response.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert!(disposition.contains("filename="), "{disposition}");
}

on_both_engines!(
    nothing_is_recorded_before_the_meeting_starts_nor_minutes_sent_before_it_is_held,
    the_services_figures_follow_current_membership_and_a_member_reads_no_comment,
    a_member_on_the_weekly_digest_gets_draft_minutes_in_it_and_not_alone,
    a_position_changes_within_the_term_and_is_audited,
    a_reminder_to_someone_without_an_account_does_not_send_them_to_my_actions,
    an_observer_never_sees_a_confidential_items_action_in_my_actions,
    error_summaries_follow_the_forms_order,
    the_poster_shows_the_newest_published_items_and_an_unknown_board_is_not_found,
    demo_meetings_have_their_own_agendas_and_decisions_numbered_oldest_first,
    a_paper_added_after_the_papers_were_sent_is_mailed_on_its_own_once_and_marked_late,
    members_who_asked_for_papers_by_post_are_listed_and_the_day_posted_is_recorded,
    held_only_from_the_start_and_circulated_only_once_attendance_is_recorded,
    the_thank_you_page_links_the_board_and_the_digest_promises_no_day,
    no_paper_address_or_mail_carries_the_uploaded_file_name,
);
