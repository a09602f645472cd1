//! The involvement report's sections fed by other capabilities' published figures (Information's pages and
//! events, Consultation's channels, Friends and Family Test, themes and focus groups, Participation's
//! meetings, decisions and actions), its PDF for a board pack read back as text, and the FFT monthly return:
//! each against a hand-computed fixture, with who may open what.

use app::{accounts::types::Role, consultation::questions::QuestionKind};
use continuum_tests::{london, on_both_engines, spawn_app_at, Backend, TestApp};

/// Runs one statement binding `binds` as text, in order.
async fn exec(app: &TestApp, sql: &str, binds: &[&str]) {
    let mut query = sqlx::query(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.execute(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

const AT: &str = "2026-07-01T09:00:00.000000Z";

/// The fixture, for one service, with the clock on 15 October 2026 (the report's default period is July to
/// September 2026, with April to June before it):
///
/// - Friends and Family Test answers (every response answers it; none says who is answering, so all are
///   patients'): 10 July online 10 very good and 5 good; 20 July on paper 5 poor; 12 August online 12 very
///   good, assisted 8 good; 20 August on paper 6 neither; 5 September online 9 very poor; 6 September
///   assisted 2 don't know. So 57 answers: very good 22, good 13, neither 6, poor 5, very poor 9, don't
///   know 2; online 36, paper 11, assisted 10. Published: 20, 15, 5, 5, 10, fewer than 5, answers 55;
///   online 35, paper 10, assisted 10; positive 35 (22 + 13) of 55 is 64%, negative 15 (14) of 55 is 27%.
/// - Themes: "Waiting times" on 12 responses, "Feeling listened to" on 7, "Parking" on 2: 10, 5, and Parking
///   not listed (fewer than 5).
/// - A focus group on 5 August with 9 people: 10.
/// - Information: a page published (1 August) and one not, and one published in May; an event held on
///   10 September with 7 registrations, one cancelled (6: published 5), and one not marked held.
/// - Participation: a group (quorum 3 present, 2 of them patients or carers) of two patients, a carer, two
///   staff and a stakeholder. Held 15 July: both patients, the carer and a member of staff present (quorate);
///   held 15 August: both staff and a patient present, the carer sent apologies (not quorate); 15 September
///   planned, not held. Attendances: patients 3, carers 1, staff 3, stakeholders 0, all 7: each fewer than 5,
///   all 5. Decisions: 2 and 1. Actions: from July, one due 30 July done 25 July (10 days) and one due
///   1 August still open (overdue at the end); from August, one due 1 September done 4 September (20 days)
///   and one due 1 December open. So 4 opened, 2 closed, 1 overdue, median 15 days.
async fn seed(app: &TestApp, service: &str, manager: &reqwest::Client) {
    app.set_clock(london("2026-07-01T10:00"));
    let form = app.open_feedback_form(manager, service, "Overall experience", "fft", "anonymous").await;
    app.set_clock(london("2026-10-15T12:00"));
    let fft = form.questions.iter().find(|q| q.kind == QuestionKind::FriendsAndFamily).expect("an FFT question");
    let comment = form.questions.iter().find(|q| q.kind == QuestionKind::LongText).expect("a comment question");
    let version = form.version.to_string();
    let mut n = 0;
    let mut responses = Vec::new();
    for (day, channel, rating, count) in [
        ("2026-07-10", "online", "very_good", 10),
        ("2026-07-10", "online", "good", 5),
        ("2026-07-20", "paper", "poor", 5),
        ("2026-08-12", "online", "very_good", 12),
        ("2026-08-12", "assisted", "good", 8),
        ("2026-08-20", "paper", "neither_good_nor_poor", 6),
        ("2026-09-05", "online", "very_poor", 9),
        ("2026-09-06", "assisted", "dont_know", 2),
    ] {
        for _ in 0..count {
            n += 1;
            let id = format!("response-{n:03}");
            exec(
                app,
                &format!(
                    "INSERT INTO feedback_response (id, form_id, form_version, channel, submitted_on)
                     VALUES ($1, $2, {version}, $3, $4)"
                ),
                &[&id, form.id.as_str(), channel, day],
            )
            .await;
            exec(
                app,
                "INSERT INTO feedback_answer (response_id, question_id, value) VALUES ($1, $2, $3)",
                &[&id, fft.id.as_str(), rating],
            )
            .await;
            responses.push(id);
        }
    }
    exec(
        app,
        "INSERT INTO feedback_answer (response_id, question_id, value) VALUES ($1, $2, $3)",
        &[&responses[0], comment.id.as_str(), "The Tuesday group helped me most"],
    )
    .await;
    for (theme, name, tagged) in
        [("theme-1", "Waiting times", 12), ("theme-2", "Feeling listened to", 7), ("theme-3", "Parking", 2)]
    {
        exec(
            app,
            "INSERT INTO service_theme (id, service_id, name, created_at) VALUES ($1, $2, $3, $4)",
            &[theme, service, name, AT],
        )
        .await;
        for response in responses.iter().take(tagged) {
            exec(
                app,
                "INSERT INTO comment_theme (response_id, question_id, theme_id) VALUES ($1, $2, $3)",
                &[response, comment.id.as_str(), theme],
            )
            .await;
        }
    }
    exec(
        app,
        "INSERT INTO focus_group (id, service_id, topic, held_on, participants, created_at, updated_at)
         VALUES ('focus-1', $1, 'Evening groups', '2026-08-05', 9, $2, $2)",
        &[service, AT],
    )
    .await;

    // Information.
    for (id, published, created) in [
        ("page-1", 1, "2026-08-01T09:00:00.000000Z"),
        ("page-2", 0, "2026-08-02T09:00:00.000000Z"),
        ("page-3", 1, "2026-05-03T09:00:00.000000Z"),
    ] {
        exec(
            app,
            &format!(
                "INSERT INTO info_page (id, service_id, slug, title, body, published, created_at, updated_at)
                 VALUES ($1, $2, $1, 'About us', 'Text', {published}, $3, $3)"
            ),
            &[id, service, created],
        )
        .await;
    }
    for (id, held_on, registered) in [("event-1", Some("2026-09-10"), 7), ("event-2", None, 3)] {
        exec(
            app,
            "INSERT INTO event (id, service_id, slug, title, starts_at, ends_at, place, capacity, created_at, updated_at)
             VALUES ($1, $2, $1, 'Open day', '2026-09-10T10:00', '2026-09-10T12:00', 'The hall', 40, $3, $3)",
            &[id, service, AT],
        )
        .await;
        if let Some(day) = held_on {
            exec(app, "UPDATE event SET held_on = $2 WHERE id = $1", &[id, day]).await;
        }
        for r in 0..registered {
            let reg = format!("{id}-registration-{r}");
            exec(
                app,
                "INSERT INTO event_registration (id, event_id, name, cancel_token_hash, registered_at)
                 VALUES ($1, $2, 'A visitor', $1, $3)",
                &[&reg, id, AT],
            )
            .await;
        }
    }
    exec(app, "UPDATE event_registration SET cancelled_at = $1 WHERE id = 'event-1-registration-0'", &[AT]).await;

    // Participation.
    exec(
        app,
        "INSERT INTO participation_group
             (id, service_id, name, purpose, terms_of_reference, quorum_present, quorum_lived, created_at)
         VALUES ('group-1', $1, 'Steering group', 'Steering', 'Terms', 3, 2, $2)",
        &[service, AT],
    )
    .await;
    for (id, kind) in
        [("p1", "patient"), ("p2", "patient"), ("c1", "carer"), ("s1", "staff"), ("s2", "staff"), ("k1", "stakeholder")]
    {
        exec(
            app,
            "INSERT INTO group_member
                 (id, group_id, name, organisation, member_type, position, term_start, access_needs, created_at)
             VALUES ($1, 'group-1', $1, '', $2, 'member', '2026-01-01', '', $3)",
            &[id, kind, AT],
        )
        .await;
    }
    for (meeting, starts, status, present, apologies) in [
        ("m1", "2026-07-15", "held", &["p1", "p2", "c1", "s1"][..], &[][..]),
        ("m2", "2026-08-15", "held", &["s1", "s2", "p1"][..], &["c1"][..]),
        ("m3", "2026-09-15", "planned", &[][..], &[][..]),
    ] {
        exec(
            app,
            "INSERT INTO group_meeting (id, group_id, starts_at, ends_at, place, joining_link, status, created_at)
             VALUES ($1, 'group-1', $2, $3, 'Room 1', '', $4, $5)",
            &[meeting, &format!("{starts}T18:00"), &format!("{starts}T19:30"), status, AT],
        )
        .await;
        exec(
            app,
            "INSERT INTO agenda_item (id, meeting_id, position, title, lead, minutes_allotted, confidential)
             VALUES ($1, $2, 1, 'Service update', 'Chair', 30, 0)",
            &[&format!("{meeting}-item"), meeting],
        )
        .await;
        for (members, attendance) in [(present, "present"), (apologies, "apologies")] {
            for member in members {
                exec(
                    app,
                    "INSERT INTO meeting_attendance (meeting_id, member_id, attendance) VALUES ($1, $2, $3)",
                    &[meeting, member, attendance],
                )
                .await;
            }
        }
    }
    for (id, meeting, number) in [("d1", "m1", "1"), ("d2", "m1", "2"), ("d3", "m2", "3")] {
        exec(
            app,
            &format!(
                "INSERT INTO group_decision (id, group_id, number, meeting_id, item_id, wording, created_at)
                 VALUES ($1, 'group-1', {number}, $2, $3, 'Agreed', $4)"
            ),
            &[id, meeting, &format!("{meeting}-item"), AT],
        )
        .await;
    }
    for (id, meeting, due, status, closed) in [
        ("a1", "m1", "2026-07-30", "done", Some("2026-07-25")),
        ("a2", "m1", "2026-08-01", "open", None),
        ("a3", "m2", "2026-09-01", "done", Some("2026-09-04")),
        ("a4", "m2", "2026-12-01", "open", None),
    ] {
        exec(
            app,
            "INSERT INTO group_action (id, group_id, meeting_id, item_id, description, owner_name, due_on, status,
                                       dropped_reason, created_at)
             VALUES ($1, 'group-1', $2, $3, 'Find out', 'Sam', $4, $5, '', $6)",
            &[id, meeting, &format!("{meeting}-item"), due, status, AT],
        )
        .await;
        if let Some(day) = closed {
            exec(app, "UPDATE group_action SET closed_on = $2 WHERE id = $1", &[id, day]).await;
        }
    }
    // The feedback above was written by hand: count its aggregates as the migration would.
    app.recount_feedback().await;
}

async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body").replace("<!>", "").replace("<!---->", ""))
}

/// The rows of a report table's CSV after its four lines of title, period, caption and header, up to the
/// small-numbers note.
fn rows(csv: &str) -> Vec<String> {
    csv.lines().skip(4).filter(|l| !l.contains("To protect privacy")).map(str::to_owned).collect()
}

/// The PDF's text with every run of white space made one space.
async fn pdf_text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String, String) {
    let response = client.get(app.url(path)).send().await.expect("GET PDF");
    let status = response.status().as_u16();
    let disposition =
        response.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let bytes = response.bytes().await.expect("body");
    if status != 200 {
        return (status, disposition, String::from_utf8_lossy(&bytes).into_owned());
    }
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back as text");
    (status, disposition, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

async fn every_new_figure_is_on_the_page_in_the_csvs_and_in_the_pdf(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service, &manager).await;
    let csv = |table: &str| format!("/reports/involvement.csv?service_id={service}&table={table}");
    let f = "fewer than 5";
    let n = "Not shown: fewer than 10 responses";

    let (status, fft) = text(&manager, &app, &csv("fft")).await;
    assert_eq!(status, 200, "{fft}");
    assert_eq!(
        rows(&fft),
        [
            format!("Very good,{f},{f},{f},{f},20"),
            format!("Good,{f},{f},{f},{f},15"),
            format!("Neither good nor poor,{f},{f},{f},{f},5"),
            format!("Poor,{f},{f},{f},{f},5"),
            format!("Very poor,{f},{f},{f},{f},10"),
            format!("Don't know,{f},{f},{f},{f},{f}"),
            format!("Answers,{f},{f},{f},{f},55"),
            format!("Positive (very good or good),{n},{n},{n},{n},64%"),
            format!("Negative (poor or very poor),{n},{n},{n},{n},27%"),
        ]
    );
    let (_, themes) = text(&manager, &app, &csv("themes")).await;
    assert_eq!(
        rows(&themes),
        [format!("Waiting times,{f},{f},{f},{f},10"), format!("Feeling listened to,{f},{f},{f},{f},5"),],
        "Parking, on fewer than 5 responses, is not listed: listing it would say it was tagged at least once"
    );
    let (_, meetings) = text(&manager, &app, &csv("meetings")).await;
    let none = "none closed";
    assert_eq!(
        rows(&meetings),
        [
            "Meetings held,0,0,0,0,2".to_owned(),
            "Meetings quorate,0,0,0,0,1".to_owned(),
            "Decisions recorded,0,0,0,0,3".to_owned(),
            "Actions opened,0,0,0,0,4".to_owned(),
            "Actions closed,0,0,0,0,2".to_owned(),
            "Actions overdue at the end,0,0,0,0,1".to_owned(),
            format!("Median days to close an action,{none},{none},{none},{none},15"),
            format!("Attendances: patient members,{f},{f},{f},{f},{f}"),
            format!("Attendances: carer members,{f},{f},{f},{f},{f}"),
            format!("Attendances: staff members,{f},{f},{f},{f},{f}"),
            format!("Attendances: stakeholder members,{f},{f},{f},{f},{f}"),
            format!("Attendances in all,{f},{f},{f},{f},5"),
        ]
    );
    let (_, information) = text(&manager, &app, &csv("information")).await;
    for row in [
        "Information pages published,0,0,0,1,1".to_owned(),
        "Events held,0,0,0,0,1".to_owned(),
        format!("People registered for events held,{f},{f},{f},{f},5"),
    ] {
        assert!(rows(&information).contains(&row), "{row} in {information}");
    }
    let (_, consultation) = text(&manager, &app, &csv("consultation")).await;
    for row in [
        format!("Feedback responses in all,{f},{f},{f},{f},55"),
        format!("Feedback responses online,{f},{f},{f},{f},35"),
        format!("Feedback responses on paper,{f},{f},{f},{f},10"),
        format!("Feedback responses assisted,{f},{f},{f},{f},10"),
        format!("People at focus groups,{f},{f},{f},{f},10"),
    ] {
        assert!(rows(&consultation).contains(&row), "{row} in {consultation}");
    }

    // The page: the summary's new sentences, the sections and their figures, and the two downloads.
    let (status, page) = text(&manager, &app, &format!("/reports/involvement?service_id={service}")).await;
    assert_eq!(status, 200);
    for sentence in [
        "1 information page was published and 1 event held, with 5 people registered.",
        "Of 55 answers to the Friends and Family Test, 64% were positive and 27% negative.",
        "2 meetings were held (1 quorate), with 3 decisions recorded; 4 actions opened, 2 closed and 1 overdue at the end.",
    ] {
        assert!(page.contains(sentence), "the summary says {sentence:?}");
    }
    for heading in ["Friends and Family Test", "Comment themes", "Meetings, decisions and actions"] {
        assert!(page.contains(&format!(">{heading}</h2>")), "a section {heading}");
    }
    assert!(page.contains(">64%<") && page.contains(">Waiting times<"), "the tables are on the page");
    assert!(page.contains("/reports/involvement.pdf?service_id="), "the PDF is a plain link");
    assert!(page.contains("/reports/fft-return.csv?service_id="), "a manager is offered the monthly return");
    assert!(page.contains("NHS England collects unsuppressed counts"), "and told why it is not suppressed");

    // The PDF: A4 pages of the same report, read back as text.
    let (status, disposition, pdf) =
        pdf_text(&manager, &app, &format!("/reports/involvement.pdf?service_id={service}")).await;
    assert_eq!(status, 200, "{pdf}");
    assert_eq!(
        disposition,
        "inline; filename=\"involvement-personality-disorder-service-2026-07-01-to-2026-09-30.pdf\""
    );
    for expected in [
        "Involvement report",
        "Personality Disorder Service",
        "Summary",
        "Involvement at each level",
        "Friends and Family Test",
        "Comment themes",
        "Meetings, decisions and actions",
        "Of 55 answers to the Friends and Family Test, 64% were positive and 27% negative.",
        "Waiting times",
        "fewer than 5",
        "Page 1 of",
        "Made on 15 October 2026",
    ] {
        assert!(pdf.contains(expected), "the PDF says {expected:?}: {pdf}");
    }
    // Never a suppressed number: Parking's 2 responses, the 2 "don't know" answers, the 3 patients' attendances.
    for hidden in ["Parking 2", "Don't know 2", "Don’t know 2", "patient members 3"] {
        assert!(!pdf.contains(hidden), "the PDF does not say {hidden:?}");
    }
    assert!(!pdf.contains("Tuesday group"), "no comment text");
}

async fn the_fft_return_counts_every_answer_per_month_unsuppressed_for_managers_only(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let other = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service, &manager).await;
    let path = format!("/reports/fft-return.csv?service_id={service}");

    let response = manager.get(app.url(&path)).send().await.expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"fft-return-personality-disorder-service-2026-07-01-to-2026-09-30.csv\""
    );
    let csv = response.text().await.expect("body");
    let csv = csv.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "Friends and Family Test monthly return,Personality Disorder Service");
    assert_eq!(lines[1], "Period,2026-07-01,2026-09-30");
    assert!(lines[2].contains("NHS England collects unsuppressed counts"), "the file says why: {csv}");
    assert!(lines[3].contains("whole calendar months"), "and that it counts whole months: {csv}");
    assert_eq!(
        lines[4..],
        [
            "Month,Service,Very good,Good,Neither good nor poor,Poor,Very poor,Don't know,Total,Collected: Online,\
             Collected: Paper form,Collected: Assisted",
            "2026-07,Personality Disorder Service,10,5,0,5,0,0,20,15,5,0",
            "2026-08,Personality Disorder Service,12,8,6,0,0,0,26,12,6,8",
            "2026-09,Personality Disorder Service,0,0,0,0,9,2,11,9,0,2",
        ]
    );

    // Managers only: a steering member of the service is refused, as are a patient and its staff; another
    // service's manager finds nothing; an administrator may have every service's.
    let steering = app.person_signed_in("sam@example.org", &[(&service, Role::SteeringMember)]).await;
    app.add_to_steering_group(&service, "sam@example.org").await;
    let patient = app.person_signed_in("pat@example.org", &[(&service, Role::Patient)]).await;
    let staff = app.person_signed_in("sol@example.org", &[(&service, Role::Staff)]).await;
    let other_manager = app.person_signed_in("olu@example.org", &[(&other, Role::Manager)]).await;
    for (who, client, expected) in [
        ("steering member", &steering, 403),
        ("patient", &patient, 403),
        ("staff", &staff, 403),
        ("another service's manager", &other_manager, 404),
    ] {
        assert_eq!(text(client, &app, &path).await.0, expected, "{who}");
    }
    assert_eq!(text(&manager, &app, "/reports/fft-return.csv?service_id=all").await.0, 403, "all: admins only");
    let (_, page) = text(&steering, &app, &format!("/reports/involvement?service_id={service}")).await;
    assert!(!page.contains("/reports/fft-return.csv"), "a steering member is not offered the return");
    app.add_person("ada@example.org", "Ada", true, &[]).await;
    let admin = app.client_signed_in_as("ada@example.org").await;
    let (status, all) = text(&admin, &app, "/reports/fft-return.csv?service_id=all").await;
    assert_eq!(status, 200);
    assert!(all.contains("2026-09,Personality Disorder Service,0,0,0,0,9,2,11,9,0,2"), "{all}");
    assert!(all.contains("2026-09,CAS Day Service,0,0,0,0,0,0,0,0,0,0"), "every service, every month: {all}");
}

async fn a_steering_member_sees_the_figures_and_no_comment_and_others_are_refused(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let other = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service, &manager).await;
    let steering = app.person_signed_in("sam@example.org", &[(&service, Role::SteeringMember)]).await;
    app.add_to_steering_group(&service, "sam@example.org").await;
    let patient = app.person_signed_in("pat@example.org", &[(&service, Role::Patient)]).await;
    let other_manager = app.person_signed_in("olu@example.org", &[(&other, Role::Manager)]).await;
    let pdf = format!("/reports/involvement.pdf?service_id={service}");

    let (status, page) = text(&steering, &app, &format!("/reports/involvement?service_id={service}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(">64%<") && page.contains(">Waiting times<"), "the aggregate figures");
    assert!(!page.contains("Tuesday group"), "no comment text");
    let (status, _, text_of_pdf) = pdf_text(&steering, &app, &pdf).await;
    assert_eq!(status, 200);
    assert!(text_of_pdf.contains("64%") && !text_of_pdf.contains("Tuesday group"));
    for (who, client, expected) in [("patient", &patient, 403), ("another service's manager", &other_manager, 404)] {
        assert_eq!(pdf_text(client, &app, &pdf).await.0, expected, "{who}");
    }
    assert_eq!(app.get(&pdf).await.status(), 303, "sent to sign in");
}

on_both_engines!(
    every_new_figure_is_on_the_page_in_the_csvs_and_in_the_pdf,
    the_fft_return_counts_every_answer_per_month_unsuppressed_for_managers_only,
    a_steering_member_sees_the_figures_and_no_comment_and_others_are_refused,
);
