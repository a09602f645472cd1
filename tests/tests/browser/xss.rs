//! Script written into any free-text field never runs: every free-text field of information, consultation,
//! the ledger, participation (minutes, decisions, actions and their updates, amendments, "you said, we
//! did") and inclusion (references, checks, the volunteer's page, hours and courses) and partnership (panels) is
//! filled with markup that would run if it escaped (in the body, in an attribute, in `<title>`,
//! in SVG), and every page that shows it is loaded in Chromium with JavaScript on. Inclusion and partnership
//! add their fields here as they land (involvement payments' have).

use app::accounts::types::Role;
use continuum_tests::{
    browser::{fill, press, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, TestApp,
};

/// Markup that sets `window.__xss` if any of it runs: a script and an event handler, after a title, textarea and
/// attribute breakout.
/// (At most 100 characters, so that every field takes it, names included.)
const PAYLOAD: &str = "\"'></title></textarea><script>window.__xss=1</script><img src=x onerror=window.__xss=2>";

/// The payload within 80 characters, for fields no longer than that.
const SHORT_PAYLOAD: &str = "\"'></textarea><script>window.__xss=1</script><img src=x onerror=window.__xss=2>";

async fn post(app: &TestApp, client: &reqwest::Client, function: &str, fields: &[(&str, &str)]) {
    let response = client
        .post(app.url(&format!("/api/{function}")))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .unwrap();
    let to = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let status = response.status();
    if !status.is_redirection() || to.contains("__err") {
        let messages = continuum_tests::summary_items(&response.text().await.unwrap_or_default());
        panic!("{function} was refused: {status} {to} {messages:?}");
    }
}

async fn one(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_script_runs_from_any_free_text_field() {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(10)).format("%Y-%m-%d").to_string();
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let met = (chrono::Utc::now().date_naive() - chrono::Duration::days(10)).format("%Y-%m-%d").to_string();

    // Every free-text field, filled with the payload.
    post(
        &app,
        &staff,
        "save_info_page",
        &[
            ("page_id", ""),
            ("service_id", &service),
            ("title", PAYLOAD),
            ("summary", PAYLOAD),
            ("body", PAYLOAD),
            ("published", "yes"),
        ],
    )
    .await;
    post(
        &app,
        &staff,
        "save_event",
        &[
            ("event_id", ""),
            ("service_id", &service),
            ("title", PAYLOAD),
            ("description", PAYLOAD),
            ("day_day", &day[8..10]),
            ("day_month", &day[5..7]),
            ("day_year", &day[..4]),
            ("start", "10:00"),
            ("end", "12:00"),
            ("place", PAYLOAD),
            ("capacity", "20"),
        ],
    )
    .await;
    let event = one(&app, "SELECT slug FROM event").await;
    let registration = continuum_tests::new_client()
        .post(app.url("/api/register_for_event"))
        .header("origin", &app.address)
        .form(&[("event_slug", event.as_str()), ("name", PAYLOAD), ("email", ""), ("access_needs", PAYLOAD)])
        .send()
        .await
        .unwrap();
    assert!(registration.status().is_redirection(), "register: {}", registration.status());
    let form = app.open_feedback_form(&staff, &service, PAYLOAD, "fft", "anonymous").await;
    app.submit_feedback(&form, &[(0, "good"), (1, PAYLOAD)]).await;
    app.submit_feedback(&form, &[(0, "poor"), (1, &format!("some days i dont want to be here anymore {PAYLOAD}"))])
        .await;
    // A theme's name is at most 80 characters: the payload without its `</title>` break-out.
    post(&app, &staff, "add_theme", &[("service_id", &service), ("name", SHORT_PAYLOAD)]).await;
    post(
        &app,
        &staff,
        "record_activity",
        &[
            ("service_id", &service),
            ("level", "participation"),
            ("kind", "other"),
            ("title", PAYLOAD),
            ("happened_on_day", &today[8..10]),
            ("happened_on_month", &today[5..7]),
            ("happened_on_year", &today[..4]),
            ("patients", "6"),
            ("carers", "1"),
            ("staff", "2"),
            ("others", "0"),
            ("purpose", PAYLOAD),
            ("outcome", PAYLOAD),
        ],
    )
    .await;
    post(
        &app,
        &staff,
        "record_focus_group",
        &[
            ("service_id", &service),
            ("topic", PAYLOAD),
            ("held_on_day", &today[8..10]),
            ("held_on_month", &today[5..7]),
            ("held_on_year", &today[..4]),
            ("participants", "7"),
            ("themes", PAYLOAD),
            ("notes", PAYLOAD),
        ],
    )
    .await;
    // Participation: a group's name, purpose and terms of reference, a member's name, an agenda item's title,
    // a guest's name and a paper's title.
    post(
        &app,
        &staff,
        "save_group",
        &[
            ("group_id", ""),
            ("service_id", &service),
            ("name", PAYLOAD),
            ("purpose", PAYLOAD),
            ("terms_of_reference", PAYLOAD),
            ("quorum_present", "1"),
            ("quorum_lived", "0"),
            ("papers_due_days", "7"),
        ],
    )
    .await;
    let group = one(&app, "SELECT id FROM participation_group").await;
    post(
        &app,
        &staff,
        "add_group_member",
        &[
            ("group_id", &group),
            ("member_name", PAYLOAD),
            ("organisation", PAYLOAD),
            ("member_type", "stakeholder"),
            ("position", "member"),
            ("term_start_day", &today[8..10]),
            ("term_start_month", &today[5..7]),
            ("term_start_year", &today[..4]),
            ("access_needs", PAYLOAD),
        ],
    )
    .await;
    post(
        &app,
        &staff,
        "schedule_meeting",
        &[
            ("group_id", &group),
            ("day_day", &met[8..10]),
            ("day_month", &met[5..7]),
            ("day_year", &met[..4]),
            ("start", "18:00"),
            ("end", "19:30"),
            ("place", PAYLOAD),
        ],
    )
    .await;
    let meeting = one(&app, "SELECT id FROM group_meeting").await;
    // Guests are recorded and minutes approved only once a meeting has been held.
    post(&app, &staff, "set_meeting_status", &[("meeting_id", &meeting), ("status", "held")]).await;
    post(
        &app,
        &staff,
        "add_agenda_item",
        &[("meeting_id", &meeting), ("title", PAYLOAD), ("lead", PAYLOAD), ("minutes_allotted", "10")],
    )
    .await;
    post(
        &app,
        &staff,
        "add_meeting_guest",
        &[("meeting_id", &meeting), ("guest_name", PAYLOAD), ("guest_role", PAYLOAD)],
    )
    .await;
    let item = one(&app, "SELECT id FROM agenda_item").await;
    let paper = reqwest::multipart::Form::new()
        .text("meeting_id", meeting.clone())
        .text("paper_item_id", item)
        .text("paper_title", PAYLOAD)
        .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("paper.pdf"));
    let uploaded = staff
        .post(app.url("/api/upload_paper"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .multipart(paper)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 303, "upload a paper");

    // Minutes: an item's discussion, a decision, an action and its update, an amendment once approved; then
    // "you said, we did": what was said, what we did, why we could not and a quote (approved), published.
    let item = one(&app, "SELECT id FROM agenda_item").await;
    let discussion = format!("discussion[i-{item}]");
    post(&app, &staff, "save_minutes", &[("meeting_id", &meeting), (&discussion, PAYLOAD)]).await;
    post(
        &app,
        &staff,
        "record_decision",
        &[("meeting_id", &meeting), ("decision_item_id", &item), ("wording", PAYLOAD)],
    )
    .await;
    let owner = format!("p-{}", one(&app, "SELECT id FROM person WHERE email = 'priya@example.org'").await);
    let (due_day, due_month, due_year) = (day[8..].to_owned(), day[5..7].to_owned(), day[..4].to_owned());
    post(
        &app,
        &staff,
        "add_action",
        &[
            ("meeting_id", &meeting),
            ("action_item_id", &item),
            ("description", PAYLOAD),
            ("owner", &owner),
            ("due_on_day", &due_day),
            ("due_on_month", &due_month),
            ("due_on_year", &due_year),
        ],
    )
    .await;
    let action = one(&app, "SELECT id FROM group_action").await;
    post(&app, &staff, "update_action", &[("action_id", &action), ("status", "open"), ("update", PAYLOAD)]).await;
    let theme = one(&app, "SELECT id FROM service_theme").await;
    post(
        &app,
        &staff,
        "add_you_said_we_did",
        &[("source", &format!("theme-{theme}")), ("link", &format!("action-{action}")), ("you_said", PAYLOAD)],
    )
    .await;
    let outcome = one(&app, "SELECT id FROM you_said_we_did").await;
    post(
        &app,
        &staff,
        "save_you_said_we_did",
        &[
            ("outcome_id", &outcome),
            ("status", "could_not"),
            ("we_did", PAYLOAD),
            ("reason", PAYLOAD),
            ("quote", PAYLOAD),
            ("publish", "yes"),
        ],
    )
    .await;
    post(&app, &staff, "approve_you_said_we_did_quote", &[("outcome_id", &outcome)]).await;
    post(&app, &staff, "approve_minutes", &[("meeting_id", &meeting), ("approval", "next_meeting")]).await;
    post(
        &app,
        &staff,
        "amend_minutes",
        &[("meeting_id", &meeting), ("amendment_item_id", &item), ("amendment", PAYLOAD)],
    )
    .await;
    post(&app, &staff, "publish_minutes", &[("meeting_id", &meeting), ("audience", "public")]).await;
    // Partnership: a pool member's access needs, a panel's post and place, a criterion with what each score
    // means, a question and a candidate's name.
    post(
        &app,
        &staff,
        "add_to_panel_pool",
        &[("service_id", &service), ("email", "priya@example.org"), ("sits", "staff"), ("access_needs", PAYLOAD)],
    )
    .await;
    let sits_on = continuum_tests::date_fields("sits_on", &day);
    let mut panel_fields = vec![
        ("service_id", service.as_str()),
        ("post_kind", "staff_post"),
        ("post_title", PAYLOAD),
        ("sits_at", "10:00"),
        ("place", PAYLOAD),
    ];
    panel_fields.extend(sits_on.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    post(&app, &staff, "create_panel", &panel_fields).await;
    let panel = one(&app, "SELECT id FROM panel").await;
    post(
        &app,
        &staff,
        "add_panel_criterion",
        &[
            ("panel_id", &panel),
            ("name", PAYLOAD),
            ("means_0", PAYLOAD),
            ("means_1", PAYLOAD),
            ("means_2", PAYLOAD),
            ("means_3", PAYLOAD),
            ("means_4", PAYLOAD),
            ("minimum", "2"),
        ],
    )
    .await;
    let criterion = one(&app, "SELECT id FROM panel_criterion").await;
    let ticked = format!("evidences[c-{criterion}]");
    post(&app, &staff, "add_panel_question", &[("panel_id", &panel), ("wording", PAYLOAD), (&ticked, "yes")]).await;
    let candidate = reqwest::multipart::Form::new()
        .text("panel_id", panel.clone())
        .text("candidate_name", PAYLOAD)
        .text("removed", "yes")
        .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("pack.pdf"));
    let added = staff
        .post(app.url("/api/add_panel_candidate"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .multipart(candidate)
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303, "add a candidate");
    let page = one(&app, "SELECT slug FROM info_page").await;
    let activity = one(&app, "SELECT id FROM activity WHERE source_type IS NULL").await;
    let response = one(&app, "SELECT source_id FROM review_flag").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    // Inclusion's references, checks and the volunteer's own page (issue 16 §4–§6): a role needing a check
    // whose name is the payload, an application (Grace's, so she is the volunteer) with referees who answer in
    // the payload, a replacement referee so named, a supervision session's notes and Grace's own break.
    post(
        &app,
        &staff,
        "save_volunteer_role",
        &[
            ("role_id", ""),
            ("service_id", &service),
            ("title", "Peer co-facilitator"),
            ("duties", PAYLOAD),
            ("time_asked", "Two hours a week"),
            ("place", "The Limes"),
            ("support", PAYLOAD),
            ("expenses", "Travel"),
            ("lived_experience", "yes"),
            ("posts", "1"),
            ("role_state", "recruiting"),
        ],
    )
    .await;
    let role = one(&app, "SELECT id FROM volunteer_role").await;
    let role_slug = one(&app, "SELECT slug FROM volunteer_role").await;
    post(
        &app,
        &staff,
        "add_volunteer_check",
        &[("service_id", &service), ("category", "training"), ("check_name", PAYLOAD), ("valid_months", "12")],
    )
    .await;
    let kind = one(&app, "SELECT id FROM volunteer_check_kind").await;
    post(&app, &staff, "set_role_check", &[("role_id", &role), ("check_kind_id", &kind), ("needed", "yes")]).await;
    post(
        &app,
        &continuum_tests::new_client(),
        "apply_for_role",
        &[
            ("role_slug", &role_slug),
            ("name", "Grace Okafor"),
            ("email", "grace@example.org"),
            ("taking_part_as", "patient"),
            ("why", PAYLOAD),
            ("availability", PAYLOAD),
            ("referee1_name", PAYLOAD),
            ("referee1_contact", "pat@example.org"),
            ("referee2_name", PAYLOAD),
            ("referee2_contact", "lee@example.org"),
            ("consent", "yes"),
        ],
    )
    .await;
    let application = one(&app, "SELECT id FROM volunteer_application").await;
    for stage in ["shortlisted", "interview", "offered", "checks"] {
        post(&app, &staff, "move_application", &[("application_id", &application), ("stage", stage), ("note", "")])
            .await;
    }
    post(&app, &staff, "request_references", &[("application_id", &application)]).await;
    let key_of = |body: &str| -> String {
        let start = body.find("key=").expect("a link with a key") + 4;
        body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
    };
    let wait = std::time::Duration::from_secs(15);
    let pat = key_of(&app.mail.wait_for("pat@example.org", wait).await.body);
    let lee = key_of(&app.mail.wait_for("lee@example.org", wait).await.body);
    let referee = continuum_tests::new_client();
    post(&app, &referee, "give_reference", &[("key", &pat), ("known_how", PAYLOAD), ("reference", PAYLOAD)]).await;
    post(&app, &referee, "decline_reference", &[("key", &lee), ("decline_reason", PAYLOAD)]).await;
    let declined = one(&app, "SELECT id FROM volunteer_reference WHERE state = 'declined'").await;
    post(
        &app,
        &staff,
        "replace_referee",
        &[("reference_id", &declined), ("referee_name", PAYLOAD), ("referee_email", "jo@example.org")],
    )
    .await;
    let jo = key_of(&app.mail.wait_for("jo@example.org", wait).await.body);
    post(
        &app,
        &staff,
        "appoint_volunteer",
        &[
            ("application_id", &application),
            ("starts_on_day", &today[8..10]),
            ("starts_on_month", &today[5..7]),
            ("starts_on_year", &today[..4]),
        ],
    )
    .await;
    let appointment = one(&app, "SELECT id FROM volunteer_appointment").await;
    let dated = [
        ("appointment_id", appointment.as_str()),
        ("check_kind_id", kind.as_str()),
        ("done_on_day", &today[8..10]),
        ("done_on_month", &today[5..7]),
        ("done_on_year", &today[..4]),
    ];
    post(&app, &staff, "record_volunteer_check", &dated).await;
    post(
        &app,
        &staff,
        "record_supervision",
        &[
            ("appointment_id", &appointment),
            ("held_on_day", &today[8..10]),
            ("held_on_month", &today[5..7]),
            ("held_on_year", &today[..4]),
            ("notes", PAYLOAD),
        ],
    )
    .await;
    let grace = app.client_signed_in_as("grace@example.org").await;
    post(&app, &grace, "pause_my_volunteering", &[("appointment_id", &appointment), ("reason", PAYLOAD)]).await;

    // Inclusion's hours and courses: hours logged for that volunteer by staff, a course and a co-delivered
    // session with a named co-facilitator.
    post(
        &app,
        &staff,
        "log_hours",
        &[
            ("appointment_id", &appointment),
            ("worked_on_day", &today[8..10]),
            ("worked_on_month", &today[5..7]),
            ("worked_on_year", &today[..4]),
            ("hours", "1.5"),
            ("what", PAYLOAD),
        ],
    )
    .await;
    let hours = one(&app, "SELECT id FROM volunteer_hours").await;
    post(&app, &staff, "save_course", &[("service_id", &service), ("title", SHORT_PAYLOAD), ("about", PAYLOAD)]).await;
    let course = one(&app, "SELECT id FROM course").await;
    post(
        &app,
        &staff,
        "record_session",
        &[
            ("course_id", &course),
            ("held_on_day", &today[8..10]),
            ("held_on_month", &today[5..7]),
            ("held_on_year", &today[..4]),
            ("start", "00:00"),
            ("end", "00:15"),
            ("place", PAYLOAD),
            ("staff_facilitators", PAYLOAD),
            ("named_co_facilitator", PAYLOAD),
        ],
    )
    .await;

    // Involvement payments: the benefits advice contact, an expense's description and a manager's query.
    let patient = app.person_signed_in("payee@example.org", &[(&service, Role::Patient)]).await;
    let patient_id = one(&app, "SELECT id FROM person WHERE email = 'payee@example.org'").await;
    post(
        &app,
        &staff,
        "save_payment_rate",
        &[("service_id", &service), ("activity_kind", "other"), ("basis", "session"), ("amount", "10")],
    )
    .await;
    post(
        &app,
        &staff,
        "save_payment_settings",
        &[("service_id", &service), ("advice_contact", PAYLOAD), ("public_transport", "yes")],
    )
    .await;
    let took_part = app.add_activity(&service, "participation", &today, 1, 0).await;
    sqlx::query(
        "INSERT INTO activity_participant (id, activity_id, person_id, name, taking_part_as, lived_experience)
         VALUES ($1, $2, $3, 'Pat', 'patient', 1)",
    )
    .bind(app::db::new_id())
    .bind(&took_part)
    .bind(&patient_id)
    .execute(&app.pool)
    .await
    .unwrap();
    app.clock
        .clone()
        .scope(app::partnership::payments::server::make_offers(
            &app.pool,
            &app.address.parse::<url::Url>().expect("a base URL"),
        ))
        .await
        .unwrap();
    let day_parts = app::dates::DateParts::of_iso(&today);
    let expense = reqwest::multipart::Form::new()
        .text("service_id", service.clone())
        .text("kind", "public_transport")
        .text("incurred_on_day", day_parts.day)
        .text("incurred_on_month", day_parts.month)
        .text("incurred_on_year", day_parts.year)
        .text("description", PAYLOAD)
        .text("amount", "2.40")
        .part("receipt", reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("bus.pdf"));
    let claimed = patient
        .post(app.url("/api/claim_expense"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .multipart(expense)
        .send()
        .await
        .unwrap();
    assert_eq!(claimed.status(), 303, "claim an expense");
    let claim = one(&app, "SELECT id FROM expense_claim").await;
    post(
        &app,
        &staff,
        "review_payment_item",
        &[("item", "claim"), ("item_id", &claim), ("decision", "query"), ("note", PAYLOAD)],
    )
    .await;

    let pages = vec![
        "/".to_owned(),
        "/get-involved".to_owned(),
        format!("/info/{page}"),
        format!("/posters/info/{page}"),
        format!("/events/{event}"),
        format!("/posters/events/{event}"),
        format!("/f/{}", form.slug),
        format!("/posters/f/{}", form.slug),
        "/consultation".to_owned(),
        format!("/consultation/forms/{}", form.id),
        format!("/consultation/forms/{}/preview", form.id),
        format!("/consultation/forms/{}/results", form.id),
        "/consultation/review".to_owned(),
        format!("/consultation/responses/{response}"),
        "/consultation/focus-groups".to_owned(),
        "/consultation/settings".to_owned(),
        "/ledger".to_owned(),
        format!("/ledger/{activity}"),
        "/information".to_owned(),
        format!("/information/events/{event}"),
        "/reports/continuum-profile".to_owned(),
        "/participation".to_owned(),
        format!("/participation/groups/{group}"),
        format!("/participation/meetings/{meeting}"),
        "/inclusion/checks".to_owned(),
        format!("/inclusion/roles/{role}"),
        format!("/inclusion/applications/{application}"),
        format!("/inclusion/appointments/{appointment}"),
        format!("/volunteer/reference?key={jo}"),
        "/volunteering".to_owned(),
        "/inclusion/hours".to_owned(),
        format!("/inclusion/hours/{hours}"),
        "/inclusion/courses".to_owned(),
        format!("/inclusion/courses/{course}"),
        format!("/participation/meetings/{meeting}/minutes"),
        format!("/participation/summaries/{meeting}"),
        format!("/participation/actions/{action}"),
        "/participation/you-said-we-did".to_owned(),
        format!("/participation/you-said-we-did/{outcome}"),
        "/you-said-we-did".to_owned(),
        "/you-said-we-did/personality-disorder-service".to_owned(),
        "/posters/you-said-we-did/personality-disorder-service".to_owned(),
        "/partnership".to_owned(),
        format!("/partnership/panels/{panel}"),
        "/payments/manage".to_owned(),
    ];
    let page_count = pages.len();
    with_browser(Javascript::On, |browser| async move {
        let mut shown_as_text = 0;
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "grace@example.org").await;
        fill(&browser, "Password", continuum_tests::PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Grace Okafor").await;
        for page in &pages {
            browser.goto(&app.url(page)).await.unwrap();
            wait_for_text(&browser, "If you need help now").await;
            let ran = browser.execute("return window.__xss === undefined ? 0 : window.__xss;", vec![]).await.unwrap();
            assert_eq!(ran, serde_json::json!(0), "script ran on {page}");
            let source = browser.source().await.unwrap();
            assert!(!source.contains("<script>window.__xss"), "{page} carries the payload as markup");
            if source.contains("&lt;script&gt;window.__xss=1") {
                shown_as_text += 1;
            }
        }
        // The test means something only if the pages really show what was typed, as text.
        assert!(
            shown_as_text >= page_count / 2,
            "the payload is shown as text on {shown_as_text} of {page_count} pages"
        );
    })
    .await;
}
