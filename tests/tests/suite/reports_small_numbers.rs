//! The involvement report's small numbers as a fresh tester attacked them (issue 18, tester's F1, F2, F3, F5):
//! a day with 1 to 4 of everything must read exactly like a day with nothing (the summary, every section's
//! heading, note, chart and table, and the PDF); the comment themes are chosen and ordered by their published
//! counts only; figures about volunteers are withheld with them; and the FFT monthly return counts whole
//! months.

use app::{
    accounts::types::Role,
    consultation::questions::QuestionKind,
    reports::involvement::{shortened, InvolvementReport, CHART_LABEL_CHARACTERS},
};
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

/// A service's Friends and Family Test form (opened on 1 July 2026), and `count` answers of `rating` on `day`,
/// each tagged with `theme` when one is named. Returns the ids of the responses.
struct Fft {
    form: String,
    version: String,
    fft: String,
    comment: String,
    made: usize,
}

impl Fft {
    async fn open(app: &TestApp, service: &str, manager: &reqwest::Client) -> Fft {
        app.set_clock(london("2026-07-01T10:00"));
        let form = app.open_feedback_form(manager, service, "Overall experience", "fft", "anonymous").await;
        app.set_clock(london("2026-10-15T12:00"));
        let question = |kind: QuestionKind| {
            form.questions.iter().find(|q| q.kind == kind).expect("the question").id.as_str().to_owned()
        };
        Fft {
            form: form.id.as_str().to_owned(),
            version: form.version.to_string(),
            fft: question(QuestionKind::FriendsAndFamily),
            comment: question(QuestionKind::LongText),
            made: 0,
        }
    }

    async fn answers(&mut self, app: &TestApp, day: &str, rating: &str, count: usize, theme: Option<&str>) {
        for _ in 0..count {
            self.made += 1;
            let id = format!("{}-response-{:03}", self.form, self.made);
            exec(
                app,
                &format!(
                    "INSERT INTO feedback_response (id, form_id, form_version, channel, submitted_on)
                     VALUES ($1, $2, {}, 'online', $3)",
                    self.version
                ),
                &[&id, &self.form, day],
            )
            .await;
            exec(
                app,
                "INSERT INTO feedback_answer (response_id, question_id, value) VALUES ($1, $2, $3)",
                &[&id, &self.fft, rating],
            )
            .await;
            if let Some(theme) = theme {
                exec(
                    app,
                    "INSERT INTO comment_theme (response_id, question_id, theme_id) VALUES ($1, $2, $3)",
                    &[&id, &self.comment, theme],
                )
                .await;
            }
        }
        // Written by hand in SQL: count feedback's aggregates again, as the app's own writes keep them.
        app.recount_feedback().await;
    }
}

async fn theme(app: &TestApp, service: &str, id: &str, name: &str) {
    exec(
        app,
        "INSERT INTO service_theme (id, service_id, name, created_at) VALUES ($1, $2, $3, $4)",
        &[id, service, name, AT],
    )
    .await;
}

/// A volunteer (`who`, unique in the test) appointed on `day` to a role of their own (a ledger activity for
/// the appointment, with its volunteer, as inclusion records it) who gave `quarter_hours` approved that day.
async fn volunteer(app: &TestApp, service: &str, who: &str, day: &str, quarter_hours: &str) {
    let (role, appointment, hours) = (format!("role-{who}"), format!("appointment-{who}"), format!("hours-{who}"));
    exec(
        app,
        "INSERT INTO volunteer_role (id, service_id, slug, title, duties, time_asked, place, support, expenses,
                                     lived_experience, posts, state, created_at)
         VALUES ($1, $2, $1, 'Peer supporter', 'Support', '3 hours a week', 'The hall',
                 'Supervision', 'Travel', 0, 2, 'recruiting', $3)",
        &[&role, service, AT],
    )
    .await;
    exec(
        app,
        "INSERT INTO volunteer_appointment (id, role_id, name, taking_part_as, starts_on, status, status_reason,
                                            created_at)
         VALUES ($1, $2, $3, 'patient', $4, 'active', '', $5)",
        &[&appointment, &role, who, day, AT],
    )
    .await;
    exec(
        app,
        &format!(
            "INSERT INTO volunteer_hours (id, appointment_id, worked_on, quarter_hours, what, status, query_note,
                                          answer, on_behalf, created_at, changed_at)
             VALUES ($1, $2, $3, {quarter_hours}, 'Group support', 'approved', '', '', 0, $4, $4)"
        ),
        &[&hours, &appointment, day, AT],
    )
    .await;
    let activity = app::ledger::db::NewActivity {
        service_id: service.into(),
        level: "inclusion".parse().expect("a level"),
        kind: "volunteer_role".parse().expect("a kind"),
        title: "Sam appointed peer supporter".to_owned(),
        happened_on: day.to_owned(),
        participants: app::ledger::types::Participants { patients: 1, carers: 0, staff: 0, others: 0 },
        purpose: String::new(),
        outcome: String::new(),
        recorded_by: None,
    };
    app::ledger::db::insert_activity(&app.pool, &activity).await.expect("insert activity");
}

/// The involvement report for one day, through its server function, as the page and the PDF publish it.
async fn report_of_day(app: &TestApp, client: &reqwest::Client, service: &str, day: u32) -> InvolvementReport {
    let day = day.to_string();
    let response = client
        .post(app.url("/api/involvement_report"))
        .header("origin", &app.address)
        .header("referer", app.url("/reports/involvement"))
        .header("accept", "application/json")
        .form(&[
            ("service_id", service),
            ("period", "range"),
            ("from_day", day.as_str()),
            ("from_month", "7"),
            ("from_year", "2026"),
            ("to_day", day.as_str()),
            ("to_month", "7"),
            ("to_year", "2026"),
        ])
        .send()
        .await
        .expect("POST");
    let status = response.status();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("the report as JSON")
}

/// `text` with each period's label and dates replaced by its place ("period 0" is the one reported).
fn without_dates(report: &InvolvementReport, text: &str) -> String {
    let mut text = text.to_owned();
    for (i, span) in report.periods.iter().enumerate() {
        let short = shortened(&span.label, CHART_LABEL_CHARACTERS);
        for said in [&span.label, &short, &span.from, &span.to] {
            text = text.replace(said.as_str(), &format!("period {i}"));
        }
    }
    text
}

/// What a reader sees of the report, dates aside: the summary, the sections (headings, notes, charts and their
/// text alternatives, tables, so every CSV) and the seams.
fn as_read(report: &InvolvementReport) -> String {
    let said = serde_json::to_string(&(&report.summary, &report.sections, &report.seams)).expect("JSON");
    without_dates(report, &said)
}

async fn pdf_of_day(app: &TestApp, client: &reqwest::Client, service: &str, day: u32) -> String {
    let path = format!(
        "/reports/involvement.pdf?service_id={service}&period=range&from_day={day}&from_month=7&from_year=2026\
         &to_day={day}&to_month=7&to_year=2026"
    );
    let response = client.get(app.url(&path)).send().await.expect("GET PDF");
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.expect("body");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back as text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tester's F1 and F3 (and F2's "even a single theme listed says 1 to 4"), as a whole kind: on 20 July 2026 one
/// FFT answer tagged with a theme, one volunteer appointed who gave 4.5 approved hours; on 27 July nothing (and
/// nothing in the four days before either). Every sentence, heading, note, chart, table row and the PDF must
/// read the same for the two days, as "fewer than 5" reads the same for 0 and for 1 to 4.
async fn a_day_with_one_of_everything_reads_exactly_like_a_day_with_nothing(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let steering = app.person_signed_in("robin@example.org", &[(&service, Role::SteeringMember)]).await;
    app.add_to_steering_group(&service, "robin@example.org").await;
    let mut fft = Fft::open(&app, &service, &manager).await;
    theme(&app, &service, "theme-1", "Alpha").await;
    fft.answers(&app, "2026-07-20", "very_good", 1, Some("theme-1")).await;
    volunteer(&app, &service, "sam", "2026-07-20", "18").await;

    for client in [&manager, &steering] {
        let (one, none) =
            (report_of_day(&app, client, &service, 20).await, report_of_day(&app, client, &service, 27).await);
        assert_eq!(one.periods[0].from, "2026-07-20");
        assert_eq!(none.periods[0].from, "2026-07-27");
        assert!(
            one.summary.iter().any(|s| s.starts_with("The Friends and Family Test's percentages are not shown")),
            "the FFT sentence is there: {:?}",
            one.summary
        );
        assert!(!as_read(&one).contains("4.5"), "no hours beside fewer than 5 volunteers: {}", as_read(&one));
        assert!(!as_read(&one).contains("Alpha"), "no theme on fewer than 5 responses is listed");
        let (a, b) = (as_read(&one), as_read(&none));
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| s.chars().skip(at.saturating_sub(300)).take(400).collect::<String>();
        assert!(a == b, "the day with one of everything reads like the day with none:\n{}\n{}", around(&a), around(&b));

        let (one_pdf, none_pdf) =
            (pdf_of_day(&app, client, &service, 20).await, pdf_of_day(&app, client, &service, 27).await);
        assert!(one_pdf.contains("Friends and Family Test"), "{one_pdf}");
        // The PDF's text read back joins wrapped lines without a space: compare it with no white space at all.
        let squashed = |report: &InvolvementReport, text: &str| {
            let mut text: String = text.split_whitespace().collect();
            for (i, span) in report.periods.iter().enumerate() {
                for said in [&span.label, &span.from, &span.to] {
                    text = text.replace(&said.split_whitespace().collect::<String>(), &format!("period{i}"));
                }
            }
            text
        };
        assert_eq!(squashed(&one, &one_pdf), squashed(&none, &none_pdf), "and so does the PDF");
    }
}

/// Tester's F2: themes tagged 4, 3, 2 and 1 times are not listed (in any order), and themes whose counts are
/// published alike (12 and 11 are both 10) are listed by name, not by their true counts; tester's F3: hours
/// and volunteers appointed follow their people.
async fn themes_are_chosen_and_ordered_by_their_published_counts_only(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let mut fft = Fft::open(&app, &service, &manager).await;
    for (id, name, tagged) in [
        ("theme-a", "Alpha", 1),
        ("theme-b", "Bravo", 2),
        ("theme-c", "Charlie", 3),
        ("theme-d", "Delta", 4),
        ("theme-w", "Waiting times", 12),
        ("theme-p", "Parking", 11),
        ("theme-s", "Staff kindness", 15),
    ] {
        theme(&app, &service, id, name).await;
        fft.answers(&app, "2026-08-12", "good", tagged, Some(id)).await;
    }
    volunteer(&app, &service, "sam", "2026-08-03", "18").await;
    let csv = |table: &str| format!("/reports/involvement.csv?service_id={service}&table={table}");

    let themes = manager.get(app.url(&csv("themes"))).send().await.expect("GET").text().await.expect("body");
    let rows: Vec<&str> = themes.lines().skip(4).filter(|l| !l.contains("To protect privacy")).collect();
    let f = "fewer than 5";
    assert_eq!(
        rows,
        [
            format!("Staff kindness,{f},{f},{f},{f},15"),
            format!("Parking,{f},{f},{f},{f},10"),
            format!("Waiting times,{f},{f},{f},{f},10"),
        ],
        "{themes}"
    );
    let inclusion = manager.get(app.url(&csv("inclusion"))).send().await.expect("GET").text().await.expect("body");
    for row in [
        format!("Volunteers appointed,{f},{f},{f},{f},{f}"),
        "Approved volunteer hours,withheld,withheld,withheld,withheld,withheld".to_owned(),
        format!("Active volunteers (with approved hours),{f},{f},{f},{f},{f}"),
    ] {
        assert!(inclusion.lines().any(|l| l == row), "{row} in {inclusion}");
    }
    assert!(!inclusion.contains("4.5"), "{inclusion}");
    let levels = manager.get(app.url(&csv("levels"))).send().await.expect("GET").text().await.expect("body");
    assert!(
        levels.lines().any(|l| l.starts_with("4. Inclusion,0,")),
        "the appointment is counted as a person, not an activity: {levels}"
    );
}

/// Tester's F5: the return is per calendar month, so 15 to 20 July is returned as the whole of July (and the
/// file and the page say so).
async fn the_fft_return_widens_a_part_month_to_the_whole_month(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let mut fft = Fft::open(&app, &service, &manager).await;
    fft.answers(&app, "2026-07-02", "very_good", 3, None).await;
    fft.answers(&app, "2026-07-18", "poor", 2, None).await;
    fft.answers(&app, "2026-07-31", "good", 1, None).await;
    fft.answers(&app, "2026-08-01", "good", 4, None).await;
    let filters = format!(
        "service_id={service}&period=range&from_day=15&from_month=7&from_year=2026&to_day=20&to_month=7&to_year=2026"
    );

    let response = manager.get(app.url(&format!("/reports/fft-return.csv?{filters}"))).send().await.expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"fft-return-personality-disorder-service-2026-07-01-to-2026-07-31.csv\""
    );
    let csv = response.text().await.expect("body");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[1], "Period,2026-07-01,2026-07-31");
    assert!(csv.contains("widened to the whole months it touches"), "the file says so: {csv}");
    assert_eq!(lines.last().copied(), Some("2026-07,Personality Disorder Service,3,1,0,2,0,0,6,6,0,0"), "{csv}");

    let page = manager
        .get(app.url(&format!("/reports/involvement?{filters}")))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(page.contains("widened to the whole months it touches"), "the page says so");
}

/// Tester's F3 across services (as partnership's money already is): one service's hours are withheld beside its
/// 1 volunteer, so the hours of all services, less the other service's (6 volunteers, 6 hours), must not be
/// shown either, or they would give its 4.5 hours.
async fn hours_of_all_services_are_withheld_when_one_service_has_fewer_than_5_volunteers(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let (few, many) = (app.add_service("CAS Day Service").await, app.add_service("Personality Disorder Service").await);
    volunteer(&app, &few, "sam", "2026-08-03", "18").await;
    for who in ["ann", "bea", "cal", "dev", "eli", "fay"] {
        volunteer(&app, &many, who, "2026-08-04", "4").await;
    }
    app.add_person("ada@example.org", "Ada", true, &[]).await;
    let admin = app.client_signed_in_as("ada@example.org").await;
    let hours = |service: &str| {
        let (admin, url) =
            (admin.clone(), app.url(&format!("/reports/involvement.csv?service_id={service}&table=inclusion")));
        async move {
            let csv = admin.get(url).send().await.expect("GET").text().await.expect("body");
            csv.lines().find(|l| l.starts_with("Approved volunteer hours,")).expect("the hours row").to_owned()
        }
    };

    assert_eq!(hours(&many).await, "Approved volunteer hours,withheld,withheld,withheld,withheld,6");
    assert_eq!(hours(&few).await, "Approved volunteer hours,withheld,withheld,withheld,withheld,withheld");
    assert_eq!(
        hours("all").await,
        "Approved volunteer hours,withheld,withheld,withheld,withheld,withheld",
        "10.5 in all, less 6, would be the 4.5 withheld"
    );
}

on_both_engines!(
    hours_of_all_services_are_withheld_when_one_service_has_fewer_than_5_volunteers,
    a_day_with_one_of_everything_reads_exactly_like_a_day_with_nothing,
    themes_are_chosen_and_ordered_by_their_published_counts_only,
    the_fft_return_widens_a_part_month_to_the_whole_month,
);
