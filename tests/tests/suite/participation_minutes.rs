//! Participation, slice 3: minutes and their workflow (approval locks them, amendments with who and when),
//! comments from members present (screened), the public summary, decisions, actions and their messages,
//! matters arising, reminders to an action's owner and the weekly digest, each sent once with two app servers.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, on_both_engines, spawn_app_at, Backend, TestApp};
use reqwest::header;

const DATES: &[&str] = &["term_start", "day", "review_on", "due_on"];

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

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    sqlx::query_scalar::<_, String>(sql).bind(bind).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn count(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).bind(bind).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

struct Setting {
    staff: reqwest::Client,
    pat: reqwest::Client,
    chair: reqwest::Client,
    group_id: String,
    meeting_id: String,
    /// The open item ("Waiting times") and the confidential one ("Staffing").
    open_item: String,
    secret_item: String,
    /// Pat's membership, for owning actions.
    pat_member: String,
}

impl Setting {
    fn minutes_page(&self) -> String {
        format!("/participation/meetings/{}/minutes", self.meeting_id)
    }
}

/// A service with a steering group: Pat (a patient member, present), Cat (a carer member, the chair,
/// present), Sam (a patient member, apologies) and the member of staff sol@example.org; a meeting yesterday
/// with an open item and a confidential one. Nora is a patient of the service and no member.
async fn setting(app: &TestApp) -> Setting {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("pat@example.org", "Pat Patient", false, &[(&service, Role::Patient)]).await;
    app.add_person("cat@example.org", "Cat Carer", false, &[(&service, Role::Carer)]).await;
    app.add_person("sam@example.org", "Sam Patient", false, &[(&service, Role::Patient)]).await;
    app.add_person("nora@example.org", "Nora Patient", false, &[(&service, Role::Patient)]).await;
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
            ("terms_of_reference", "## Terms"),
            ("quorum_present", "2"),
            ("quorum_lived", "1"),
            ("papers_due_days", ""),
        ],
    )
    .await;
    let group_id = to.trim_start_matches("/participation/groups/").to_owned();
    let group_page = format!("/participation/groups/{group_id}");
    let start = day(-200);
    for (email, kind, position) in [
        ("pat@example.org", "patient", "member"),
        ("cat@example.org", "carer", "chair"),
        ("sam@example.org", "patient", "member"),
    ] {
        let fields = [
            ("group_id", group_id.as_str()),
            ("account_email", email),
            ("member_type", kind),
            ("position", position),
            ("term_start", &start),
        ];
        ok(app, &staff, "add_group_member", &group_page, &fields).await;
    }
    let yesterday = day(-1);
    let to = ok(
        app,
        &staff,
        "schedule_meeting",
        &group_page,
        &[("group_id", &group_id), ("day", &yesterday), ("start", "18:00"), ("end", "19:30"), ("place", "Room 2")],
    )
    .await;
    let meeting_id = to.trim_start_matches("/participation/meetings/").to_owned();
    let meeting_page = format!("/participation/meetings/{meeting_id}");
    // Its minutes are circulated and approved only once it is marked held (tester F4).
    ok(app, &staff, "set_meeting_status", &meeting_page, &[("meeting_id", &meeting_id), ("status", "held")]).await;
    for (title, confidential) in [("Waiting times", false), ("Staffing", true)] {
        let mut fields = vec![("meeting_id", meeting_id.as_str()), ("title", title), ("minutes_allotted", "20")];
        if confidential {
            fields.push(("confidential", "yes"));
        }
        ok(app, &staff, "add_agenda_item", &meeting_page, &fields).await;
    }
    let item = |title: &str| {
        let title = title.to_owned();
        let meeting_id = meeting_id.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT id FROM agenda_item WHERE meeting_id = $1 AND title = $2")
                .bind(meeting_id)
                .bind(title)
                .fetch_one(&app.pool)
                .await
                .unwrap()
        }
    };
    let (open_item, secret_item) = (item("Waiting times").await, item("Staffing").await);
    let members: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.id, p.email FROM group_member m JOIN person p ON p.id = m.person_id WHERE m.group_id = $1",
    )
    .bind(&group_id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let mut attendance = vec![("meeting_id".to_owned(), meeting_id.clone())];
    for (id, email) in &members {
        let a = if email.starts_with("sam") { "apologies" } else { "present" };
        attendance.push((format!("attendance[m-{id}]"), a.to_owned()));
    }
    let response = staff
        .post(app.url("/api/record_attendance"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&meeting_page))
        .form(&attendance)
        .send()
        .await
        .unwrap();
    assert!(location(&response).ends_with("?attendance=1"));
    let pat_member = members.iter().find(|(_, e)| e.starts_with("pat")).map(|(id, _)| id.clone()).unwrap();
    Setting {
        pat: app.client_signed_in_as("pat@example.org").await,
        chair: app.client_signed_in_as("cat@example.org").await,
        staff,
        group_id,
        meeting_id,
        open_item,
        secret_item,
        pat_member,
    }
}

/// The secretary's draft: both items written.
async fn write_draft(app: &TestApp, s: &Setting) {
    let open = format!("discussion[i-{}]", s.open_item);
    let secret = format!("discussion[i-{}]", s.secret_item);
    let to = ok(
        app,
        &s.staff,
        "save_minutes",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            (&open, "We discussed **waiting times** for the first appointment."),
            (&secret, "Vacancies in the night team were discussed in private."),
        ],
    )
    .await;
    assert!(to.ends_with("?saved=1"), "{to}");
}

async fn approved_minutes(app: &TestApp, s: &Setting) {
    write_draft(app, s).await;
    ok(app, &s.staff, "circulate_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id)]).await;
    ok(app, &s.chair, "approve_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), ("approval", "chair")])
        .await;
}

async fn approval_locks_the_minutes_and_an_amendment_is_recorded_with_who_and_when(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    write_draft(&app, &s).await;

    // Circulated: each member present is mailed a link, never the text.
    ok(&app, &s.staff, "circulate_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id)]).await;
    let mail = app.mail.wait_for_subject("pat@example.org", "Draft minutes", std::time::Duration::from_secs(15)).await;
    assert!(mail.body.contains(&s.minutes_page()), "{}", mail.body);
    assert!(!mail.body.contains("waiting times") && !mail.body.contains("Vacancies"), "{}", mail.body);

    // Pat, present, adds a correction; Sam (apologies) is not one of those asked.
    let to = ok(
        &app,
        &s.pat,
        "comment_on_minutes",
        &s.minutes_page(),
        &[("meeting_id", &s.meeting_id), ("comment_item_id", &s.open_item), ("comment", "It was 12 weeks, not 10.")],
    )
    .await;
    assert!(to.ends_with("?commented=1"));
    let staff_view = s.staff.get(app.url(&s.minutes_page())).send().await.unwrap().text().await.unwrap();
    assert!(staff_view.contains("It was 12 weeks, not 10."), "the correction shows under its item");

    // Only the chair approves as chair: staff are not offered it, and are refused beside the field if they try.
    assert!(staff_view.contains("Approved at the next meeting") && !staff_view.contains("Approved by the chair"));
    let as_chair = [("meeting_id", s.meeting_id.as_str()), ("approval", "chair")];
    let refused = post(&app, &s.staff, "approve_minutes", &s.minutes_page(), &as_chair).await;
    assert!(matches!(form_error(refused).await, Some(AppError::Validation(_))), "staff do not approve as chair");
    ok(&app, &s.chair, "approve_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), ("approval", "chair")])
        .await;

    // An edit after approval is refused with its own status, and nothing changes.
    let open = format!("discussion[i-{}]", s.open_item);
    let refused =
        post(&app, &s.staff, "save_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), (&open, "Rewritten")])
            .await;
    assert_eq!(refused.status(), 409);
    assert!(matches!(form_error(refused).await, Some(AppError::Conflict(_))));
    let kept = scalar(&app, "SELECT discussion FROM item_minutes WHERE item_id = $1", &s.open_item).await;
    assert!(kept.starts_with("We discussed"), "{kept}");
    let decision = post(
        &app,
        &s.staff,
        "record_decision",
        &s.minutes_page(),
        &[("meeting_id", &s.meeting_id), ("decision_item_id", &s.open_item), ("wording", "Too late")],
    )
    .await;
    assert_eq!(decision.status(), 409, "no decision is added to approved minutes");
    // Nor an agenda item (which would reach the public summary), a guest or a declaration of interest: the
    // approved minutes are the record of the meeting.
    let meeting_page = format!("/participation/meetings/{}", s.meeting_id);
    let late_item =
        [("meeting_id", s.meeting_id.as_str()), ("title", "Added after approval"), ("minutes_allotted", "5")];
    let refused = post(&app, &s.staff, "add_agenda_item", &meeting_page, &late_item).await;
    assert_eq!(refused.status(), 409, "no agenda item is added to a meeting whose minutes are approved");
    let guest = [("meeting_id", s.meeting_id.as_str()), ("guest_name", "Late Guest"), ("guest_role", "Visitor")];
    assert_eq!(post(&app, &s.staff, "add_meeting_guest", &meeting_page, &guest).await.status(), 409);
    let added =
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM agenda_item WHERE title = $1", "Added after approval").await;
    assert_eq!(added, 0);

    // A correction is an amendment, with who and when.
    let to = ok(
        &app,
        &s.staff,
        "amend_minutes",
        &s.minutes_page(),
        &[("meeting_id", &s.meeting_id), ("amendment_item_id", &s.open_item), ("amendment", "The wait is 12 weeks.")],
    )
    .await;
    assert!(to.ends_with("?amended=1"));
    let (by, at): (String, String) = sqlx::query_as(
        "SELECT p.email, a.made_at FROM minutes_amendment a JOIN person p ON p.id = a.made_by WHERE a.item_id = $1",
    )
    .bind(&s.open_item)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(by, "sol@example.org");
    assert!(at.starts_with("2027-03-10T10:00"), "{at}");
    let page = s.staff.get(app.url(&s.minutes_page())).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("Amendment by sol@example.org, 10 March 2027 at 10:00: The wait is 12 weeks."),
        "the amendment under its item"
    );
    assert!(page.contains("Approved by the chair (Cat Carer) on 10 March 2027 at 10:00."), "the approval is shown");
}

async fn a_non_member_cannot_read_minutes_but_reads_a_published_summary_without_confidential_items(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    approved_minutes(&app, &s).await;
    let nora = app.client_signed_in_as("nora@example.org").await;
    let refused = nora.get(app.url(&s.minutes_page())).send().await.unwrap();
    assert_eq!(refused.status(), 403, "a patient who is not a member cannot read the minutes");
    let summary = format!("/participation/summaries/{}", s.meeting_id);
    assert_eq!(app.anonymous_get(&summary).await.status(), 404, "not published yet");

    ok(&app, &s.staff, "publish_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), ("audience", "public")])
        .await;
    for client in [&nora, &continuum_tests::new_client()] {
        let response = client.get(app.url(&summary)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains("Waiting times") && page.contains("<strong>waiting times</strong>"), "{page}");
        assert!(!page.contains("Staffing") && !page.contains("Vacancies"), "no confidential item: {page}");
    }
    assert_eq!(nora.get(app.url(&s.minutes_page())).send().await.unwrap().status(), 403, "still not the minutes");
}

async fn a_due_date_before_the_meeting_and_an_action_without_an_owner_each_have_their_message(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let owner = format!("m-{}", s.pat_member);
    let before = day(-3);
    let response = post(
        &app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", &s.open_item),
            ("description", "Ask the booking team for the waits"),
            ("owner", &owner),
            ("due_on", &before),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    assert_eq!(errors.errors[0].field, "due_on_day");
    assert_eq!(errors.errors[0].message, "Due date must be the same as or after the date of the meeting");
    assert!(errors.kept.contains(&("description".into(), "Ask the booking team for the waits".into())));

    let later = day(10);
    let response = post(
        &app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", &s.open_item),
            ("description", "Write to the commissioners"),
            ("owner", ""),
            ("due_on", &later),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    assert_eq!(errors.errors.len(), 1, "{errors:?}");
    assert_eq!(errors.errors[0].field, "owner");
    assert!(errors.errors[0].message.starts_with("Choose who owns the action"));
    assert!(errors.kept.contains(&("description".into(), "Write to the commissioners".into())));
    assert!(errors.kept.contains(&("due_on_day".into(), "20".into())));
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM group_action WHERE group_id = $1", &s.group_id).await,
        0
    );
}

async fn give_action(app: &TestApp, s: &Setting, description: &str, due_on: &str) -> String {
    let owner = format!("m-{}", s.pat_member);
    ok(
        app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", &s.open_item),
            ("description", description),
            ("owner", &owner),
            ("due_on", due_on),
        ],
    )
    .await;
    scalar(app, "SELECT id FROM group_action WHERE description = $1", description).await
}

async fn open_actions_are_carried_forward_as_matters_arising(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let action = give_action(&app, &s, "Ask the booking team for the waits", &day(10)).await;
    let group_page = format!("/participation/groups/{}", s.group_id);
    let next = day(27);
    let to = ok(
        &app,
        &s.staff,
        "schedule_meeting",
        &group_page,
        &[("group_id", &s.group_id), ("day", &next), ("start", "18:00"), ("end", "19:30"), ("place", "Room 2")],
    )
    .await;
    let page = s.pat.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    let arising = &page[page.find("Matters arising").expect("matters arising on the next meeting")..];
    assert!(arising.contains("Ask the booking team for the waits"), "{arising}");
    let first = s.pat.get(app.url(&format!("/participation/meetings/{}", s.meeting_id))).send().await.unwrap();
    let first = first.text().await.unwrap();
    assert!(first.contains("No open actions from earlier meetings"), "not on its own meeting");

    // Pat, its owner, marks it done: it is no longer carried forward.
    ok(
        &app,
        &s.pat,
        "update_action",
        &format!("/participation/actions/{action}"),
        &[("action_id", &action), ("status", "done"), ("update", "The waits are on the website now.")],
    )
    .await;
    let page = s.pat.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("No open actions from earlier meetings"), "done: not carried forward");
    let mine = s.pat.get(app.url("/participation/my-actions")).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains("Ask the booking team for the waits") && mine.contains("Done"), "{mine}");
}

/// A second app server on the same database, SMTP server and clock.
async fn second_server(app: &TestApp) -> sqlx::AnyPool {
    let mut settings = continuum::config::Settings::defaults();
    settings.database_url = app.db.url.clone();
    settings.listen = "127.0.0.1:0".parse().unwrap();
    settings.base_url = url::Url::parse("http://127.0.0.1").unwrap();
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", app.mail.port).into());
    settings.mail_retry_ms = 200;
    settings.site_root = continuum_tests::site_root();
    settings.clock = Some(app.clock.clone());
    let server = continuum::startup::Application::build(settings).await.expect("a second server starts");
    let pool = server.pool();
    tokio::spawn(server.run_until_stopped());
    pool
}

/// Runs a housekeeping job on both app servers at once, as their housekeeping would; returns what each queued.
async fn on_both_servers<F, Fut>(app: &TestApp, second: &sqlx::AnyPool, job: F) -> (usize, usize)
where
    F: Fn(sqlx::AnyPool, app::clock::Clock, url::Url) -> Fut,
    Fut: std::future::Future<Output = Result<usize, sqlx::Error>>,
{
    let base = url::Url::parse("http://127.0.0.1/").unwrap();
    let one = app.clock.clone().scope(job(app.pool.clone(), app.clock.clone(), base.clone()));
    let two = app.clock.clone().scope(job(second.clone(), app.clock.clone(), base));
    let (one, two) = tokio::join!(one, two);
    (one.expect("first server's job"), two.expect("second server's job"))
}

async fn mails_to(app: &TestApp, to: &str, subject: &str) -> usize {
    let all = app.mail.all().await;
    all.iter().filter(|m| m.to.iter().any(|t| t == to) && m.subject.contains(subject)).count()
}

/// Waits until the outbox has sent everything queued (the mail workers of both servers share it).
async fn outbox_drained(app: &TestApp) {
    let drained = continuum_tests::eventually(std::time::Duration::from_secs(30), || async {
        count(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE sent_at IS NULL AND to_address <> $1", "")
            .await
            == 0
    })
    .await;
    assert!(drained, "the outbox was sent");
}

async fn reminders_reach_the_owner_over_smtp_exactly_once_each_with_two_app_servers(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let due = day(20);
    give_action(&app, &s, "Ask the booking team for the waits", &due).await;
    let second = second_server(&app).await;
    let job = |pool: sqlx::AnyPool, clock: app::clock::Clock, base: url::Url| async move {
        app::participation::actions::jobs::queue_reminders(&pool, &clock, &base).await
    };
    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "nothing due 20 days ahead");

    for (offset, subject) in [(13, "due soon"), (19, "due tomorrow"), (21, "overdue")] {
        app.set_clock(continuum_tests::london(&format!("{}T09:30", day(offset))));
        // Each server's own housekeeping also runs the job when it starts, so either may have queued it.
        let (one, two) = on_both_servers(&app, &second, job).await;
        assert!(one + two <= 1, "at most one {subject} reminder between the two servers");
        assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "and never again");
        app.mail.wait_for_subject("pat@example.org", subject, std::time::Duration::from_secs(15)).await;
        outbox_drained(&app).await;
        assert_eq!(mails_to(&app, "pat@example.org", subject).await, 1, "{subject}: exactly one mail over SMTP");
        let queued = count(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE subject LIKE $1",
            &format!("%{subject}"),
        )
        .await;
        assert_eq!(queued, 1, "{subject}: queued once");
    }
    let overdue = app.mail.all().await.into_iter().find(|m| m.subject.contains("overdue")).unwrap();
    assert!(overdue.body.contains("Ask the booking team for the waits"), "{}", overdue.body);
    assert!(overdue.body.contains("/participation/my-actions"));
}

async fn one_weekly_digest_per_person_with_two_app_servers_and_no_confidential_words(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    give_action(&app, &s, "Ask the booking team for the waits", &day(5)).await;
    let owner = format!("m-{}", s.pat_member);
    ok(
        &app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", &s.secret_item),
            ("description", "Recruit two night nurses"),
            ("owner", &owner),
            ("due_on", &day(6)),
        ],
    )
    .await;
    let to = ok(&app, &s.pat, "choose_participation_mail", "/participation/my-actions", &[("mail", "weekly")]).await;
    assert!(to.ends_with("?mail=1"));
    ok(&app, &s.chair, "choose_participation_mail", "/participation/my-actions", &[("mail", "weekly")]).await;
    let second = second_server(&app).await;
    let job = |pool: sqlx::AnyPool, clock: app::clock::Clock, base: url::Url| async move {
        app::participation::actions::jobs::queue_digests(&pool, &clock, &base).await
    };
    // Each server's own housekeeping also runs the job when it starts, so either may have queued some.
    let (one, two) = on_both_servers(&app, &second, job).await;
    assert!(one + two <= 2, "at most one digest each for Pat and Cat");
    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "once a week");
    // Sent before the clock moves on: a claim on a message being sent lapses when the stopped clock jumps days.
    app.mail.wait_for_subject("pat@example.org", "weekly summary", std::time::Duration::from_secs(15)).await;
    app.mail.wait_for_subject("cat@example.org", "weekly summary", std::time::Duration::from_secs(15)).await;
    outbox_drained(&app).await;
    app.set_clock(continuum_tests::london(&format!("{}T09:00", day(4))));
    assert_eq!(on_both_servers(&app, &second, job).await, (0, 0), "Sunday is still the same week");
    for person in ["pat@example.org", "cat@example.org"] {
        let queued = count(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE subject = 'Your weekly summary' AND to_address = $1",
            person,
        )
        .await;
        assert_eq!(queued, 1, "{person}: one digest queued this week");
        assert_eq!(mails_to(&app, person, "weekly summary").await, 1, "{person}: one digest over SMTP");
    }
    let digest = app
        .mail
        .all()
        .await
        .into_iter()
        .find(|m| m.to.iter().any(|t| t == "pat@example.org") && m.subject.contains("weekly"))
        .unwrap();
    assert!(digest.body.contains("Ask the booking team for the waits"), "{}", digest.body);
    assert!(!digest.body.contains("night nurses") && !digest.body.contains("Staffing"), "{}", digest.body);
    // Pat takes the digest: no single reminder mails.
    let reminders = |pool: sqlx::AnyPool, clock: app::clock::Clock, base: url::Url| async move {
        app::participation::actions::jobs::queue_reminders(&pool, &clock, &base).await
    };
    assert_eq!(on_both_servers(&app, &second, reminders).await, (0, 0));

    app.set_clock(continuum_tests::london(&format!("{}T09:00", day(5))));
    let (one, two) = on_both_servers(&app, &second, job).await;
    assert_eq!(one + two, 2, "next Monday, the next week's digests (housekeeping sleeps five minutes meanwhile)");
    outbox_drained(&app).await;
    assert_eq!(mails_to(&app, "pat@example.org", "weekly summary").await, 2);
}

async fn a_flagged_correction_goes_to_review_and_is_saved(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    write_draft(&app, &s).await;
    ok(&app, &s.staff, "circulate_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id)]).await;
    let words = "honestly i dont think ill be around for the next module";
    ok(
        &app,
        &s.pat,
        "comment_on_minutes",
        &s.minutes_page(),
        &[("meeting_id", &s.meeting_id), ("comment_item_id", &s.open_item), ("comment", words)],
    )
    .await;
    let comment = scalar(&app, "SELECT id FROM minutes_comment WHERE body = $1", words).await;
    let flagged = count(
        &app,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM review_flag WHERE source_type = 'minutes_comment' AND source_id = $1",
        &comment,
    )
    .await;
    assert_eq!(flagged, 1, "the correction was saved and flagged for review");

    // The service's review queue lists it with feedback's flags: where it was written, the words, a review.
    let queue = s.staff.get(app.url("/consultation/review")).send().await.unwrap().text().await.unwrap();
    assert!(queue.contains("A comment on draft minutes: “Waiting times”"), "listed in the queue: {queue}");
    let flag_page = format!("/consultation/review/flags/minutes_comment/{comment}");
    assert!(queue.contains(&flag_page));
    let page = s.staff.get(app.url(&flag_page)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(words) && page.contains(&s.minutes_page()), "the words and where: {page}");
    // Recorded once, with a message beside a missing note; then off the queue, and audited.
    let fields = [("kind", "minutes_comment"), ("id", comment.as_str()), ("outcome", "followed_up"), ("note", "")];
    let refused = post(&app, &s.staff, "record_flag_review", &flag_page, &fields).await;
    assert!(matches!(form_error(refused).await, Some(AppError::Validation(_))));
    let fields =
        [("kind", "minutes_comment"), ("id", comment.as_str()), ("outcome", "followed_up"), ("note", "Rang Pat")];
    let reviewed = post(&app, &s.staff, "record_flag_review", &flag_page, &fields).await;
    assert_eq!(location(&reviewed), "/consultation/review?reviewed=1");
    let again = post(&app, &s.staff, "record_flag_review", &flag_page, &fields).await;
    assert!(matches!(form_error(again).await, Some(AppError::Conflict(_))), "reviewed once");
    let queue = s.staff.get(app.url("/consultation/review")).send().await.unwrap().text().await.unwrap();
    assert!(!queue.contains(&flag_page), "off the queue once reviewed");
    let audited = count(
        &app,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE action = 'safeguarding_reviewed' AND subject_id = $1",
        &comment,
    )
    .await;
    assert_eq!(audited, 1);
    // A patient member who wrote it cannot open the flag.
    let theirs = s.pat.get(app.url(&flag_page)).send().await.unwrap();
    assert_ne!(theirs.status(), 200);
}

// ---- "You said, we did" (issue 15 §6) ---------------------------------------------------------------------

/// The service's id and a comment theme of it ("Waiting times"), added by its staff.
async fn theme(app: &TestApp, s: &Setting) -> (String, String) {
    let service = scalar(app, "SELECT service_id FROM participation_group WHERE id = $1", &s.group_id).await;
    let response =
        post(app, &s.staff, "add_theme", "/consultation/review", &[("service_id", &service), ("name", "Long waits")])
            .await;
    assert!(response.status().is_redirection(), "add_theme: {:?}", form_error(response).await);
    let theme = scalar(app, "SELECT id FROM service_theme WHERE service_id = $1", &service).await;
    (service, theme)
}

/// Pat's action on the open item, due in ten days, and a decision on it.
async fn decision_and_action(app: &TestApp, s: &Setting, item: &str, description: &str) -> String {
    ok(
        app,
        &s.staff,
        "record_decision",
        &s.minutes_page(),
        &[("meeting_id", &s.meeting_id), ("decision_item_id", item), ("wording", "Offer evening first appointments")],
    )
    .await;
    let owner = format!("m-{}", s.pat_member);
    let due = day(10);
    ok(
        app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", item),
            ("description", description),
            ("owner", &owner),
            ("due_on", &due),
        ],
    )
    .await;
    sqlx::query_scalar("SELECT id FROM group_action WHERE description = $1")
        .bind(description)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

const OUTCOMES: &str = "/participation/you-said-we-did";

async fn a_comment_theme_is_traced_to_an_action_done_and_published_on_the_public_board(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (_, theme) = theme(&app, &s).await;
    let action = decision_and_action(&app, &s, &s.open_item, "Ask the booking team to open evening slots").await;

    // Staff link the theme to the action, with "you said" in plain words.
    let to = ok(
        &app,
        &s.staff,
        "add_you_said_we_did",
        OUTCOMES,
        &[
            ("source", &format!("theme-{theme}")),
            ("link", &format!("action-{action}")),
            ("you_said", "You told us the wait for a first appointment was too long."),
        ],
    )
    .await;
    let item_page = to.clone();
    assert!(to.starts_with("/participation/you-said-we-did/"), "{to}");
    let id = to.trim_start_matches("/participation/you-said-we-did/").to_owned();

    // "Done" before the action is done is refused beside the status, everything typed kept.
    let fields = [
        ("outcome_id", id.as_str()),
        ("status", "done"),
        ("we_did", "We now offer first appointments on Tuesday evenings."),
        ("reason", ""),
        ("quote", "I could not take time off work to come in the day."),
        ("publish", "yes"),
    ];
    let response = post(&app, &s.staff, "save_you_said_we_did", &item_page, &fields).await;
    assert_eq!(response.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    assert_eq!(errors.errors[0].field, "status");
    assert!(errors.errors[0].message.starts_with("The action is not marked done yet"), "{errors:?}");
    assert!(errors.kept.contains(&("we_did".into(), "We now offer first appointments on Tuesday evenings.".into())));
    assert!(app.anonymous_page("/you-said-we-did").await.contains("Nothing has been published here yet"));

    // Pat, the owner, marks the action done; now it is published.
    ok(
        &app,
        &s.pat,
        "update_action",
        &format!("/participation/actions/{action}"),
        &[("action_id", &action), ("status", "done"), ("update", "Booked")],
    )
    .await;
    let to = ok(&app, &s.staff, "save_you_said_we_did", &item_page, &fields).await;
    assert!(to.ends_with("?saved=1"), "{to}");

    // On the public board, signed out: what was said (the theme's name), what we did, done; the quote waits
    // for a manager, and the board is a light page.
    for board in ["/you-said-we-did", "/you-said-we-did/personality-disorder-service"] {
        let response = app.anonymous_get(board).await;
        assert_eq!(response.status(), 200, "{board}");
        let page = response.text().await.unwrap();
        assert!(page.contains("You told us the wait for a first appointment was too long."), "{page}");
        assert!(page.contains("What people told us about: Long waits"), "{page}");
        assert!(page.contains("We now offer first appointments on Tuesday evenings."), "{page}");
        assert!(page.contains("Done"), "{page}");
        assert!(!page.contains("I could not take time off work"), "an unapproved quote is not shown: {page}");
        assert!(!page.contains("Ask the booking team"), "an action's words never reach the board: {page}");
        assert!(page.contains("data-light=\"true\""), "the board loads no script: {board}");
    }
    assert_eq!(app.anonymous_get("/you-said-we-did/no-such-service").await.status(), 404);
    let poster = app.anonymous_page("/posters/you-said-we-did/personality-disorder-service").await;
    assert!(poster.contains("You said, we did: Personality Disorder Service") && poster.contains("<svg"), "{poster}");

    // A manager approves the quote: then it is shown.
    let service = scalar(&app, "SELECT service_id FROM participation_group WHERE id = $1", &s.group_id).await;
    let manager = app.person_signed_in("mo@example.org", &[(&service, app::accounts::types::Role::Manager)]).await;
    let refused = post(&app, &s.staff, "approve_you_said_we_did_quote", &item_page, &[("outcome_id", &id)]).await;
    assert_eq!(refused.status(), 403, "staff who do not manage the service cannot approve a quote");
    ok(&app, &manager, "approve_you_said_we_did_quote", &item_page, &[("outcome_id", &id)]).await;
    let board = app.anonymous_page("/you-said-we-did").await;
    assert!(board.contains("I could not take time off work to come in the day."), "{board}");

    // Staff see the chain back: theme, agenda item, decision, action, what we did.
    let page = s.staff.get(app.url(&item_page)).send().await.unwrap().text().await.unwrap();
    let chain = [
        "Comment theme: Long waits",
        "Waiting times",
        "Decision 1",
        "Offer evening first appointments",
        "Ask the booking team to open evening slots",
        "We now offer first appointments on Tuesday evenings.",
    ];
    let mut at = 0;
    for step in chain {
        let found = page[at..].find(step).unwrap_or_else(|| panic!("{step} after the step before: {page}"));
        at += found + step.len();
    }
    // Get involved links to the board; every change is audited.
    assert!(app.anonymous_page("/get-involved").await.contains("href=\"/you-said-we-did\""));
    let audited = count(
        &app,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE subject_type = 'you_said_we_did' AND subject_id = $1",
        &id,
    )
    .await;
    assert_eq!(audited, 3, "added, saved and the quote approved");
}

async fn a_confidential_item_never_reaches_the_board_a_mail_or_an_observer(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (service, theme) = theme(&app, &s).await;
    let secret_action = decision_and_action(&app, &s, &s.secret_item, "Recruit two night nurses").await;

    // Neither the confidential item nor its decision or action is offered or accepted.
    let page = s.staff.get(app.url(OUTCOMES)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Waiting times"), "the open item is offered: {page}");
    assert!(!page.contains("Staffing") && !page.contains("Recruit two night nurses"), "{page}");
    for link in [format!("agenda_item-{}", s.secret_item), format!("action-{secret_action}")] {
        let response = post(
            &app,
            &s.staff,
            "add_you_said_we_did",
            OUTCOMES,
            &[("source", &format!("theme-{theme}")), ("link", &link), ("you_said", "Not enough staff at night")],
        )
        .await;
        assert_eq!(response.status(), 422, "{link}");
        let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
        assert_eq!(errors.errors[0].field, "link");
        assert!(errors.errors[0].message.contains("confidential"), "{errors:?}");
        assert!(errors.kept.contains(&("you_said".into(), "Not enough staff at night".into())));
    }
    assert_eq!(
        count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM you_said_we_did WHERE service_id = $1", &service).await,
        0
    );

    // An observer reads the meeting and its published minutes without the confidential item's title or words.
    app.add_person("obi@example.org", "Obi Observer", false, &[(&service, app::accounts::types::Role::SteeringMember)])
        .await;
    let start = day(-200);
    ok(
        &app,
        &s.staff,
        "add_group_member",
        &format!("/participation/groups/{}", s.group_id),
        &[
            ("group_id", &s.group_id),
            ("account_email", "obi@example.org"),
            ("member_type", "stakeholder"),
            ("position", "observer"),
            ("term_start", &start),
        ],
    )
    .await;
    write_draft(&app, &s).await;
    // An observer never owns an action from a confidential item: refused beside the field, all typed kept.
    let obi_member = scalar(
        &app,
        "SELECT m.id FROM group_member m JOIN person p ON p.id = m.person_id WHERE p.email = $1",
        "obi@example.org",
    )
    .await;
    let (owner, due) = (format!("m-{obi_member}"), day(10));
    let refused = post(
        &app,
        &s.staff,
        "add_action",
        &s.minutes_page(),
        &[
            ("meeting_id", &s.meeting_id),
            ("action_item_id", &s.secret_item),
            ("description", "Tell the observer"),
            ("owner", &owner),
            ("due_on", &due),
        ],
    )
    .await;
    let Some(AppError::Validation(errors)) = form_error(refused).await else { panic!("a validation error") };
    assert_eq!(errors.errors[0].field, "owner");
    assert!(errors.errors[0].message.contains("observer"), "{errors:?}");
    ok(&app, &s.staff, "circulate_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id)]).await;
    let mail = app.mail.wait_for_subject("pat@example.org", "Draft minutes", std::time::Duration::from_secs(15)).await;
    assert!(!mail.body.contains("Staffing") && !mail.body.contains("Vacancies"), "{}", mail.body);
    ok(&app, &s.chair, "approve_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), ("approval", "chair")])
        .await;
    ok(&app, &s.staff, "publish_minutes", &s.minutes_page(), &[("meeting_id", &s.meeting_id), ("audience", "members")])
        .await;
    let obi = app.client_signed_in_as("obi@example.org").await;
    let meeting_page = format!("/participation/meetings/{}", s.meeting_id);
    for page in [meeting_page.as_str(), s.minutes_page().as_str()] {
        let response = obi.get(app.url(page)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{page}");
        let body = response.text().await.unwrap();
        assert!(body.contains("Waiting times"), "the open item is there: {page}");
        assert!(body.contains("Confidential item (for members only)"), "{page}: {body}");
        for secret in ["Staffing", "Vacancies", "Recruit two night nurses"] {
            assert!(!body.contains(secret), "{secret} on {page}: {body}");
        }
    }
    let action_page = format!("/participation/actions/{secret_action}");
    assert_eq!(obi.get(app.url(&action_page)).send().await.unwrap().status(), 403);
    // Pat, a member who is not an observer, still reads it.
    let pat_view = s.pat.get(app.url(&meeting_page)).send().await.unwrap().text().await.unwrap();
    assert!(pat_view.contains("Staffing"), "{pat_view}");
}

async fn bad_input_on_you_said_we_did_forms_has_its_message_beside_the_field(backend: Backend) {
    let app = spawn_app_at(backend, continuum_tests::london(NOW)).await;
    let s = setting(&app).await;
    let (_, theme) = theme(&app, &s).await;

    // Nothing chosen: a message beside each field, what was typed kept.
    let response = post(
        &app,
        &s.staff,
        "add_you_said_we_did",
        OUTCOMES,
        &[("source", ""), ("link", ""), ("you_said", "Typed words")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["source", "link"], "in the form's order: {errors:?}");
    assert!(errors.kept.contains(&("you_said".into(), "Typed words".into())));

    // An agenda item not led by a patient member is no source; "you said" is needed.
    let link = format!("agenda_item-{}", s.open_item);
    let response = post(
        &app,
        &s.staff,
        "add_you_said_we_did",
        OUTCOMES,
        &[("source", &format!("agenda_item-{}", s.open_item)), ("link", &link), ("you_said", "")],
    )
    .await;
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    let messages: Vec<(&str, &str)> = errors.errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
    assert_eq!(
        messages,
        [
            ("source", "Choose an agenda item led by a patient or carer member"),
            ("you_said", "Enter what patients said, in plain words")
        ]
    );

    // A patient may not add one at all.
    let refused = post(
        &app,
        &s.pat,
        "add_you_said_we_did",
        OUTCOMES,
        &[("source", &format!("theme-{theme}")), ("link", &link), ("you_said", "Mine")],
    )
    .await;
    assert_eq!(refused.status(), 403);

    let to = ok(
        &app,
        &s.staff,
        "add_you_said_we_did",
        OUTCOMES,
        &[("source", &format!("theme-{theme}")), ("link", &link), ("you_said", "Waits are long")],
    )
    .await;
    let id = to.trim_start_matches("/participation/you-said-we-did/").to_owned();
    // "We could not" without a reason, and publishing without what we did.
    let response = post(
        &app,
        &s.staff,
        "save_you_said_we_did",
        &to,
        &[
            ("outcome_id", &id),
            ("status", "could_not"),
            ("we_did", ""),
            ("reason", ""),
            ("quote", "A quote"),
            ("publish", "yes"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(!location(&response).contains("A quote"), "nothing typed in an address");
    let Some(AppError::Validation(errors)) = form_error(response).await else { panic!("a validation error") };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["we_did", "reason"], "{errors:?}");
    assert!(errors.kept.contains(&("quote".into(), "A quote".into())));
    assert!(app.anonymous_page("/you-said-we-did").await.contains("Nothing has been published here yet"));
}

on_both_engines!(
    approval_locks_the_minutes_and_an_amendment_is_recorded_with_who_and_when,
    a_non_member_cannot_read_minutes_but_reads_a_published_summary_without_confidential_items,
    a_due_date_before_the_meeting_and_an_action_without_an_owner_each_have_their_message,
    open_actions_are_carried_forward_as_matters_arising,
    reminders_reach_the_owner_over_smtp_exactly_once_each_with_two_app_servers,
    one_weekly_digest_per_person_with_two_app_servers_and_no_confidential_words,
    a_flagged_correction_goes_to_review_and_is_saved,
    a_comment_theme_is_traced_to_an_action_done_and_published_on_the_public_board,
    a_confidential_item_never_reaches_the_board_a_mail_or_an_observer,
    bad_input_on_you_said_we_did_forms_has_its_message_beside_the_field,
);
