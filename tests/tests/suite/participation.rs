//! Participation: groups, members, meetings, attendance, the quorum, the ledger activity of a meeting held,
//! who may read and manage a group's business, and the messages for bad input.

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, on_both_engines, spawn_app, Backend, TestApp};
use reqwest::header;

fn day(offset: i64) -> String {
    (app::clock::today_date() + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string()
}

/// POSTs a form as `client` would without JavaScript, from `page`.
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
        .form(&continuum_tests::typed_dates(fields, &["term_start", "term_end", "day"]))
        .send()
        .await
        .expect("POST")
}

/// Posts and expects success (a redirect onwards); returns where to.
async fn ok(app: &TestApp, client: &reqwest::Client, function: &str, page: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, client, function, page, fields).await;
    let to = location(&response);
    assert!(to.starts_with("/participation/"), "{function}: {to} {:?}", form_error(response).await);
    to
}

struct Setting {
    service: String,
    staff: reqwest::Client,
    group_id: String,
    meeting_id: String,
    /// (name, member id): Pat and Sam (patients with accounts), sol@example.org (staff), Dana (an outside
    /// stakeholder).
    members: Vec<(String, String)>,
}

/// A service with a steering group (quorum: 3 members present, of whom 2 patient or carer members) of two
/// patients with accounts, a member of staff and an outside stakeholder, and a meeting yesterday.
async fn setting(app: &TestApp) -> Setting {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("pat@example.org", "Pat Patient", false, &[(&service, Role::Patient)]).await;
    app.add_person("sam@example.org", "Sam Patient", false, &[(&service, Role::Patient)]).await;
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
            ("terms_of_reference", "## Quorum\n\nThree members, two of them patients or carers."),
            ("quorum_present", "3"),
            ("quorum_lived", "2"),
            ("papers_due_days", ""),
        ],
    )
    .await;
    let group_id = to.trim_start_matches("/participation/groups/").to_owned();
    let group_page = format!("/participation/groups/{group_id}");
    let start = day(-60);
    for (email, name, kind) in [
        ("pat@example.org", "", "patient"),
        ("sam@example.org", "", "patient"),
        ("sol@example.org", "", "staff"),
        ("", "Dana Fox", "stakeholder"),
    ] {
        let fields = [
            ("group_id", group_id.as_str()),
            ("account_email", email),
            ("member_name", name),
            ("organisation", if name.is_empty() { "" } else { "Healthwatch" }),
            ("member_type", kind),
            ("position", "member"),
            ("term_start", &start),
            ("access_needs", "Large print"),
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
    let members: Vec<(String, String)> =
        sqlx::query_as("SELECT name, id FROM group_member WHERE group_id = $1 ORDER BY name")
            .bind(&group_id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    Setting { service, staff, group_id, meeting_id, members }
}

impl Setting {
    async fn record_attendance(&self, app: &TestApp, present: &[&str]) {
        let fields: Vec<(String, String)> = std::iter::once(("meeting_id".to_owned(), self.meeting_id.clone()))
            .chain(self.members.iter().map(|(name, id)| {
                let a = if present.iter().any(|p| name.starts_with(p)) { "present" } else { "apologies" };
                (format!("attendance[m-{id}]"), a.to_owned())
            }))
            .collect();
        let response = self
            .staff
            .post(app.url("/api/record_attendance"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url(&format!("/participation/meetings/{}", self.meeting_id)))
            .form(&fields)
            .send()
            .await
            .unwrap();
        let to = location(&response);
        assert!(to.ends_with("?attendance=1"), "{to} {:?}", form_error(response).await);
    }

    async fn meeting_page(&self, app: &TestApp, client: &reqwest::Client) -> String {
        let response =
            client.get(app.url(&format!("/participation/meetings/{}", self.meeting_id))).send().await.unwrap();
        assert_eq!(response.status(), 200);
        response.text().await.unwrap()
    }
}

/// (patients, carers, staff, others) on the meeting's ledger activity, and how many people are named on it.
async fn ledger(app: &TestApp, meeting_id: &str) -> ((i64, i64, i64, i64), i64) {
    let counts: (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT CAST(patients AS BIGINT), CAST(carers AS BIGINT), CAST(staff AS BIGINT), CAST(others AS BIGINT)
         FROM activity WHERE source_type = 'group_meeting' AND source_id = $1 AND level = 'participation'",
    )
    .bind(meeting_id)
    .fetch_one(&app.pool)
    .await
    .expect("the meeting's activity");
    let named: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM activity_participant p JOIN activity a ON a.id = p.activity_id
         WHERE a.source_id = $1",
    )
    .bind(meeting_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    (counts, named)
}

async fn quorum_and_the_ledger_follow_the_patients_present(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = setting(&app).await;
    // Three present, but only one patient member: not quorate.
    s.record_attendance(&app, &["Pat", "sol", "Dana"]).await;
    let page = s.meeting_page(&app, &s.staff).await;
    assert!(page.contains("This meeting was not quorate (too few patient or carer members present)"), "{page}");
    assert!(page.contains("3 members present, of whom 1 patient or carer member"));

    ok(&app, &s.staff, "set_meeting_status", "/participation", &[("meeting_id", &s.meeting_id), ("status", "held")])
        .await;
    assert_eq!(ledger(&app, &s.meeting_id).await, ((1, 0, 1, 1), 3), "one patient, staff and a stakeholder present");

    // Sam came after all: quorate, and the ledger counts both patients.
    s.record_attendance(&app, &["Pat", "Sam", "sol", "Dana"]).await;
    let page = s.meeting_page(&app, &s.staff).await;
    assert!(page.contains("This meeting was quorate: 4 members present, of whom 2 patient or carer members"), "{page}");
    assert_eq!(ledger(&app, &s.meeting_id).await, ((2, 0, 1, 1), 4));
    let sam: Option<String> = sqlx::query_scalar(
        "SELECT p.person_id FROM activity_participant p JOIN activity a ON a.id = p.activity_id
         WHERE a.source_id = $1 AND p.name = 'Sam Patient'",
    )
    .bind(&s.meeting_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(sam.is_some(), "an account holder is recorded as themselves");

    // A held meeting stays held; every change is in the audit trail.
    let response = post(
        &app,
        &s.staff,
        "set_meeting_status",
        "/participation",
        &[("meeting_id", &s.meeting_id), ("status", "cancelled")],
    )
    .await;
    assert!(matches!(form_error(response).await, Some(AppError::Validation(_))));
    let audited: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_event ORDER BY at").fetch_all(&app.pool).await.unwrap();
    for action in [
        "group_created",
        "group_member_added",
        "meeting_planned",
        "attendance_recorded",
        "meeting_status_set",
        "activity_recorded",
    ] {
        assert!(audited.iter().any(|a| a == action), "{action} audited: {audited:?}");
    }
}

async fn members_read_their_group_and_others_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = setting(&app).await;
    let group_page = format!("/participation/groups/{}", s.group_id);
    let meeting_page = format!("/participation/meetings/{}", s.meeting_id);

    let member = app.client_signed_in_as("pat@example.org").await;
    for path in [&group_page, &meeting_page] {
        let response = member.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "a member reads {path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("Steering group"));
        assert!(!page.contains("Large print"), "members' access needs are for those who organise meetings");
    }
    let listed = member.get(app.url("/participation")).send().await.unwrap().text().await.unwrap();
    assert!(listed.contains(&group_page), "a member's groups are listed for them");
    // A member does not manage the group.
    let response =
        post(&app, &member, "add_agenda_item", &meeting_page, &[("meeting_id", &s.meeting_id), ("title", "Mine")])
            .await;
    assert_eq!(response.status(), 403);

    let outsider = app.person_signed_in("morgan@example.org", &[(&s.service, Role::Patient)]).await;
    let other_service = app.add_service("CAS Day Service").await;
    let other_staff = app.person_signed_in("grace@example.org", &[(&other_service, Role::Staff)]).await;
    for client in [&outsider, &other_staff] {
        for path in [&group_page, &meeting_page] {
            assert_eq!(client.get(app.url(path)).send().await.unwrap().status(), 403, "{path}");
        }
        let response = post(&app, client, "get_group", "/participation", &[("group_id", &s.group_id)]).await;
        assert_eq!(response.status(), 403);
        let response = post(&app, client, "record_attendance", &meeting_page, &[("meeting_id", &s.meeting_id)]).await;
        assert_eq!(response.status(), 403);
    }

    // Staff of the service manage it: they see access needs, and add an item.
    let page = s.staff.get(app.url(&group_page)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Large print") && page.contains("Add a member"));
    ok(
        &app,
        &s.staff,
        "add_agenda_item",
        &meeting_page,
        &[
            ("meeting_id", &s.meeting_id),
            ("title", "Service update"),
            ("lead", "Sol"),
            ("minutes_allotted", "15"),
            ("confidential", "yes"),
        ],
    )
    .await;
    let page = s.meeting_page(&app, &member).await;
    assert!(page.contains("Service update") && page.contains("Confidential"));

    // A secretary who is a patient member records attendance, and nothing else changes for them.
    let secretary = app.person_signed_in("sec@example.org", &[(&s.service, Role::SteeringMember)]).await;
    ok(
        &app,
        &s.staff,
        "add_group_member",
        &group_page,
        &[
            ("group_id", &s.group_id),
            ("account_email", "sec@example.org"),
            ("member_type", "carer"),
            ("position", "secretary"),
            ("term_start", &day(-30)),
        ],
    )
    .await;
    let response = post(
        &app,
        &secretary,
        "add_meeting_guest",
        &meeting_page,
        &[("meeting_id", &s.meeting_id), ("guest_name", "Sue Park"), ("guest_role", "Involvement lead")],
    )
    .await;
    assert!(location(&response).starts_with("/participation/meetings/"), "{:?}", form_error(response).await);
    let response = post(&app, &secretary, "schedule_meeting", &group_page, &[("group_id", &s.group_id)]).await;
    assert_eq!(response.status(), 403);
}

/// Each message is beside its field and everything typed comes back.
async fn bad_input_has_its_message_beside_the_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = setting(&app).await;
    let group_page = format!("/participation/groups/{}", s.group_id);
    let refused = |response: reqwest::Response| async move {
        assert_eq!(response.status(), 422);
        match form_error(response).await {
            Some(AppError::Validation(errors)) => errors,
            other => panic!("not a validation error: {other:?}"),
        }
    };
    let message_for = |errors: &app::error::FormErrors, field: &str| {
        errors.errors.iter().find(|e| e.field == field).map(|e| e.message.clone()).unwrap_or_default()
    };
    let kept = |errors: &app::error::FormErrors, field: &str, value: &str| {
        assert!(
            errors.kept.iter().any(|(f, v)| f == field && v == value),
            "{field} kept as {value:?}: {:?}",
            errors.kept
        );
    };

    // A meeting's end before its start.
    let yesterday = day(-1);
    let errors = refused(
        post(
            &app,
            &s.staff,
            "schedule_meeting",
            &group_page,
            &[
                ("group_id", &s.group_id),
                ("day", &yesterday),
                ("start", "18:00"),
                ("end", "17:00"),
                ("place", "Room 2"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(message_for(&errors, "end"), "The meeting must end after it starts");
    kept(&errors, "place", "Room 2");
    kept(&errors, "start", "18:00");

    // A member added twice (for an overlapping term).
    let errors = refused(
        post(
            &app,
            &s.staff,
            "add_group_member",
            &group_page,
            &[
                ("group_id", &s.group_id),
                ("account_email", "PAT@example.org"),
                ("member_type", "patient"),
                ("position", "chair"),
                ("term_start", &day(-10)),
                ("access_needs", "Breaks"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        message_for(&errors, "account_email"),
        "Pat Patient is already a member of this group for part of this term"
    );
    kept(&errors, "access_needs", "Breaks");
    let errors = refused(
        post(
            &app,
            &s.staff,
            "add_group_member",
            &group_page,
            &[
                ("group_id", &s.group_id),
                ("member_name", "dana fox"),
                ("member_type", "stakeholder"),
                ("position", "member"),
                ("term_start", &day(-5)),
            ],
        )
        .await,
    )
    .await;
    assert!(message_for(&errors, "member_name").contains("already a member"), "{errors:?}");

    // A term ending before it starts.
    let errors = refused(
        post(
            &app,
            &s.staff,
            "add_group_member",
            &group_page,
            &[
                ("group_id", &s.group_id),
                ("member_name", "Ali Khan"),
                ("organisation", "Mind"),
                ("member_type", "stakeholder"),
                ("position", "observer"),
                ("term_start", "2026-05-01"),
                ("term_end", "2026-04-01"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(message_for(&errors, "term_end_day"), "The term must end after it starts");
    kept(&errors, "member_name", "Ali Khan");
    kept(&errors, "organisation", "Mind");

    // A quorum larger than the membership (four current members, two of them patients).
    let errors = refused(
        post(
            &app,
            &s.staff,
            "save_group",
            &group_page,
            &[
                ("group_id", &s.group_id),
                ("service_id", &s.service),
                ("name", "Steering group"),
                ("purpose", "Shapes the service"),
                ("terms_of_reference", "Terms"),
                ("quorum_present", "5"),
                ("quorum_lived", "2"),
                ("papers_due_days", "7"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        message_for(&errors, "quorum_present"),
        "The quorum cannot be larger than the membership: the group has 4 current members"
    );
    kept(&errors, "terms_of_reference", "Terms");

    // The page that comes back shows the message beside the field.
    let response = post(
        &app,
        &s.staff,
        "schedule_meeting",
        &group_page,
        &[
            ("group_id", &s.group_id),
            ("day", &yesterday),
            ("start", "18:00"),
            ("end", "17:00"),
            ("place", "Typed place"),
        ],
    )
    .await;
    let page = response.text().await.unwrap();
    assert!(
        page.contains("nhsuk-error-message")
            && page.contains("The meeting must end after it starts")
            && page.contains("Typed place")
    );
}

on_both_engines!(
    quorum_and_the_ledger_follow_the_patients_present,
    members_read_their_group_and_others_are_refused,
    bad_input_has_its_message_beside_the_field,
);
