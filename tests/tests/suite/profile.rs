//! The continuum profile: counts per level for a period, the change from the period before, small-number
//! suppression on the page and in the CSV, and who may see it.

use app::{accounts::types::Role, consultation::types::FeedbackForm, error::AppError};
use continuum_tests::{form_error, on_both_engines, spawn_app, Backend, TestApp};

/// A quarter of activities (Q3 2026) and the quarter before it (Q2 2026) for one service.
async fn seed_two_quarters(app: &TestApp, service: &str) {
    // Q3: Information 3 activities (40 people); Consultation 2 (12); Participation 1 (3: suppressed);
    // Inclusion 0; Partnership 1 (2: suppressed).
    for (level, day, patients, carers) in [
        ("information", "2026-07-04", 20, 5),
        ("information", "2026-08-10", 10, 0),
        ("information", "2026-09-30", 3, 2),
        ("consultation", "2026-07-20", 8, 0),
        ("consultation", "2026-09-02", 4, 0),
        ("participation", "2026-08-14", 3, 0),
        ("partnership", "2026-09-12", 2, 0),
        // Outside the period on both sides.
        ("inclusion", "2026-10-01", 30, 0),
    ] {
        app.add_activity(service, level, day, patients, carers).await;
    }
    // Q2: Information 2 activities (30 people); Consultation 1 (6).
    for (level, day, patients, carers) in [
        ("information", "2026-04-02", 15, 5),
        ("information", "2026-06-30", 10, 0),
        ("consultation", "2026-05-05", 6, 0),
    ] {
        app.add_activity(service, level, day, patients, carers).await;
    }
}

const Q3: &str = "from_day=1&from_month=7&from_year=2026&to_day=30&to_month=9&to_year=2026";

/// The profile's CSV for a service and query, as a manager gets it.
async fn profile_csv(app: &TestApp, client: &reqwest::Client, query: &str) -> String {
    let response = client.get(app.url(&format!("/reports/continuum-profile.csv?{query}"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// The patients and carers at each level, Information first, as the CSV publishes them.
fn people_column(csv: &str) -> Vec<String> {
    let levels = ["Information,", "Consultation,", "Participation,", "Inclusion,", "Partnership,"];
    levels
        .iter()
        .map(|level| {
            let line = csv.lines().find(|l| l.starts_with(level)).unwrap_or_else(|| panic!("no {level} in {csv}"));
            line.split(',').nth(2).unwrap().to_owned()
        })
        .collect()
}

fn total_people(csv: &str) -> String {
    let line = csv.lines().find(|l| l.starts_with("Total,")).unwrap();
    line.split(',').nth(2).unwrap().to_owned()
}

/// Fails if the published total less the published levels gives the suppressed count `hidden`, or a group of
/// hidden levels of 1 to 4 people, as a reader with the CSV and a calculator would work it out.
fn assert_nothing_to_subtract(levels: &[String], total: &str, hidden: i64) {
    let Ok(total) = total.parse::<i64>() else { return };
    let shown: i64 = levels.iter().filter_map(|l| l.parse::<i64>().ok()).sum();
    let unshown = levels.iter().filter(|l| l.parse::<i64>().is_err()).count();
    let left = total - shown;
    assert!(unshown != 1 || left != hidden, "{total} less the levels shown gives {left}: {levels:?}");
    assert!(!(1..=4).contains(&left) || unshown == 0, "{left} people in the levels not shown: {levels:?}");
}

async fn the_profile_counts_a_seeded_period_and_its_change_from_the_last(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    seed_two_quarters(&app, &service).await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;

    let page =
        manager.get(app.url(&format!("/reports/continuum-profile?service_id={service}&{Q3}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    let csv = manager
        .get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}&{Q3}")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let name = "continuum-profile-personality-disorder-service-2026-07-01-to-2026-09-30.csv";
    assert_eq!(
        csv.headers()["content-disposition"],
        format!("attachment; filename=\"{name}\"").as_str(),
        "the file says which service and period it is"
    );
    assert!(page.contains(&format!("download=\"{name}\"")), "and the page's link names it the same");
    let csv = csv.text().await.unwrap();

    assert!(page.contains("Compared with 1 April 2026 to 30 June 2026"), "the previous period is the quarter before");
    assert!(page.contains("Involvement reached Partnership (level 5 of 5)"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[1], "Period,2026-07-01,2026-09-30");
    assert_eq!(lines[2], "Previous period,2026-04-01,2026-06-30");
    // Level, activities, people, previous activities, previous people, change in activities, change in people;
    // then patients, carers, previous patients, previous carers. Activities are counts of things, shown as
    // they are. Information: 33 patients and 7 carers (35 and 5, rounded), before 25 and 5.
    assert_eq!(lines[4], "Information,3,40,2,30,+1,+10,35,5,25,5");
    // Counts of people are rounded to the nearest 5: 12 is 10, 6 is 5.
    assert_eq!(lines[5], "Consultation,2,10,1,5,+1,+5,10,fewer than 5,5,fewer than 5");
    let small = "fewer than 5,fewer than 5,fewer than 5,fewer than 5";
    assert_eq!(lines[6], format!("Participation,1,fewer than 5,0,fewer than 5,+1,withheld,{small}"));
    assert_eq!(
        lines[7],
        format!("Inclusion,0,fewer than 5,0,fewer than 5,0,withheld,{small}"),
        "the October activity is outside the period"
    );
    assert_eq!(lines[8], format!("Partnership,1,fewer than 5,0,fewer than 5,+1,withheld,{small}"));
    // 57, rounded: less the levels shown it leaves 5 for Participation and Partnership together (truly 5,
    // give or take the rounding): 1 to 4 each, neither pinned. 50 patients and 7 carers.
    assert_eq!(lines[9], "Total,7,55,,,,,50,5");
    assert!(page.contains("up 10"), "the page shows the change in people");
}

async fn small_numbers_and_totals_that_would_reveal_them_are_suppressed_on_the_page_and_in_the_csv(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    // Five or more everywhere but one level with 4 people: the total would reveal it.
    for day in ["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-04", "2026-07-05"] {
        app.add_activity(&service, "information", day, 6, 0).await;
        app.add_activity(&service, "consultation", day, 5, 1).await;
    }
    app.add_activity(&service, "inclusion", "2026-07-06", 4, 0).await;
    let manager = app.person_signed_in("grace@example.org", &[(&service, Role::Manager)]).await;

    let page =
        manager.get(app.url(&format!("/reports/continuum-profile?{Q3}"))).send().await.unwrap().text().await.unwrap();
    let page = page.replace("<!>", "").replace("<!---->", "");
    let csv = profile_csv(&app, &manager, Q3).await;

    let people = people_column(&csv);
    assert_eq!(people[3], "fewer than 5", "Inclusion's 4 people");
    assert_nothing_to_subtract(&people, &total_people(&csv), 4);
    assert!(csv.contains("Information,5,") && csv.contains("Consultation,5,"), "activities are shown: {csv}");
    assert!(csv.contains("Inclusion,1,fewer than 5,"), "{csv}");
    for figure in &people {
        assert!(page.contains(&format!(">{figure}<")), "the page shows the same figures as the CSV: {figure}");
    }
    assert!(page.contains("<svg"), "the chart is drawn on the server");
    assert!(page.contains("Information") && page.contains("Partnership"));
}

async fn a_period_that_is_not_one_gets_its_message_beside_the_date_not_an_error_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let manager = app.person_signed_in("grace@example.org", &[(&service, Role::Manager)]).await;
    let cases = [
        (
            "from_day=1&from_month=1&from_year=1800&to_day=1&to_month=2&to_year=2026",
            "Start date must be the same as or after 1 January 2000",
            "from_day",
        ),
        (
            "from_day=1&from_month=1&from_year=2026&to_day=1&to_month=1&to_year=99999",
            "Year must include 4 numbers",
            "to_year",
        ),
        (
            "from_day=1&from_month=5&from_year=2026&to_day=1&to_month=4&to_year=2026",
            "End date must be the same as or after the start date",
            "to_day",
        ),
        (
            "from_day=31&from_month=6&from_year=2026&to_day=1&to_month=7&to_year=2026",
            "Start date must be a real date",
            "from_day",
        ),
        (
            "from_day=1&from_month=&from_year=2026&to_day=1&to_month=7&to_year=2026",
            "Start date must include a month",
            "from_month",
        ),
    ];
    for (query, message, first_box) in cases {
        let response = manager
            .get(app.url(&format!("/reports/continuum-profile?service_id={service}&{query}")))
            .send()
            .await
            .unwrap();

        assert_eq!(response.status(), 422, "{query}");
        let page = response.text().await.unwrap().replace("<!>", "");
        assert!(page.contains(message), "{query}: {message}");
        assert!(page.contains(&format!("href=\"#{first_box}\"")), "the summary links to the first wrong box: {query}");
        assert!(page.contains("nhsuk-date-input__input nhsuk-input--width"), "the date is three boxes");
        assert!(!page.contains("problem with the service"), "{query}");
        let csv = manager
            .get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}&{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), 422, "the CSV refuses the same period: {query}");
    }
}

async fn steering_members_see_the_profile_and_patients_and_other_services_do_not(backend: Backend) {
    let app = spawn_app(backend).await;
    let pd = app.add_service("Personality Disorder Service").await;
    let day = app.add_service("CAS Day Service").await;
    let member = app.person_signed_in("robin@example.org", &[(&pd, Role::SteeringMember)]).await;
    let patient = app.person_signed_in("morgan@example.org", &[(&pd, Role::Patient)]).await;
    let other_staff = app.person_signed_in("tom@example.org", &[(&day, Role::Staff)]).await;
    let path = format!("/reports/continuum-profile?service_id={pd}");
    let csv_path = format!("/reports/continuum-profile.csv?service_id={pd}");

    assert_eq!(member.get(app.url(&path)).send().await.unwrap().status(), 200);
    assert_eq!(patient.get(app.url(&path)).send().await.unwrap().status(), 403);
    assert_eq!(patient.get(app.url(&csv_path)).send().await.unwrap().status(), 403);
    assert_eq!(other_staff.get(app.url(&path)).send().await.unwrap().status(), 403);
    assert_eq!(other_staff.get(app.url(&csv_path)).send().await.unwrap().status(), 403);
    let anonymous = app.get(&csv_path).await;
    assert_eq!(anonymous.status(), 303);
}

async fn the_profile_counts_feedback_responses_at_consultation(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;
    for _ in 0..6 {
        assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    }

    // The current quarter, which holds today.
    let csv = manager
        .get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let page = manager.get(app.url(&format!("/reports/continuum-profile?service_id={service}"))).send().await.unwrap();
    let page = page.text().await.unwrap();

    let consultation = csv.lines().find(|l| l.starts_with("Consultation,")).unwrap();
    assert!(
        consultation.starts_with("Consultation,1,5,"),
        "the form opened is one activity and its six responses count as six times people took part (rounded to 5): \
         {consultation}"
    );
    assert!(page.contains("one person may answer more than once"));
}

/// Adds the standard "Who is answering?" question to `form` through the builder, as staff do; returns the
/// builder's answer (a redirect when it was added, the builder page with its message when refused).
async fn add_who_is_answering(app: &TestApp, staff: &reqwest::Client, form: &FeedbackForm) -> reqwest::Response {
    staff
        .post(app.url("/api/save_question"))
        .header(reqwest::header::ORIGIN, &app.address)
        .header(reqwest::header::REFERER, app.url(&format!("/consultation/forms/{}", form.id)))
        .form(&[
            ("form_id", form.id.as_str()),
            ("question_id", ""),
            ("prompt", ""),
            ("help", ""),
            ("required", "no"),
            ("kind", "who_is_answering"),
            ("low", ""),
            ("high", ""),
            ("options", ""),
        ])
        .send()
        .await
        .unwrap()
}

async fn carers_who_answer_a_form_that_asks_are_counted_apart_on_the_page_and_in_the_csv(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    let form = app.open_feedback_form(&manager, &service, "Carers and patients group", "fft", "anonymous").await;
    let added = add_who_is_answering(&app, &manager, &form).await;
    assert!(added.status().is_redirection(), "the question is added: {}", added.status());
    assert_eq!(form_error(added).await, None);
    let form = app::consultation::forms::db::fetch_form(&app.pool, &form.id).await.unwrap().unwrap();
    let asks = form.questions.iter().position(|q| q.prompt == "Who is answering?").expect("the question");
    let again = add_who_is_answering(&app, &manager, &form).await;
    assert!(
        matches!(form_error(again).await, Some(AppError::Validation(e)) if e.errors[0].message == "This form already asks who is answering"),
        "a form asks it once, so no response is counted as a carer twice"
    );
    // And a form that does not ask: its responses are patients'.
    let other = app.open_feedback_form(&manager, &service, "DBT skills group", "fft", "anonymous").await;

    // 20 patients, 12 carers, 6 someone else and 3 who left it out; 4 responses to the other form.
    for (who, times) in [(Some("patient"), 20), (Some("carer"), 12), (Some("someone_else"), 6), (None, 3)] {
        for _ in 0..times {
            let mut answers = vec![(0, "good")];
            answers.extend(who.map(|who| (asks, who)));
            assert_eq!(app.submit_feedback(&form, &answers).await.status(), 200);
        }
    }
    for _ in 0..4 {
        assert_eq!(app.submit_feedback(&other, &[(0, "good")]).await.status(), 200);
    }

    // The current quarter, which holds today.
    let csv = profile_csv(&app, &manager, &format!("service_id={service}")).await;
    let page = manager.get(app.url(&format!("/reports/continuum-profile?service_id={service}"))).send().await.unwrap();
    let page = page.text().await.unwrap().replace("<!>", "").replace("<!---->", "");

    let consultation: Vec<&str> = csv.lines().find(|l| l.starts_with("Consultation,")).unwrap().split(',').collect();
    // Patients: 20 answered, 3 unanswered and 4 to the form that does not ask: 27, rounded. Carers: 12,
    // rounded. Someone else is neither. Together 39, rounded.
    assert_eq!(consultation[1], "2", "two forms opened: {consultation:?}");
    assert_eq!((consultation[7], consultation[8]), ("25", "10"), "patients and carers apart: {consultation:?}");
    assert_eq!(consultation[2], "40", "patients and carers together: {consultation:?}");
    let header = csv.lines().find(|l| l.starts_with("Level,")).unwrap();
    assert!(header.ends_with(",Patients,Carers,Patients in previous period,Carers in previous period"), "{header}");
    let total: Vec<&str> = csv.lines().find(|l| l.starts_with("Total,")).unwrap().split(',').collect();
    assert_eq!((total[2], total[7], total[8]), ("40", "25", "10"), "{total:?}");
    assert!(csv.contains("for feedback only where a form asks"), "the CSV says where carers are counted apart");

    for heading in [">Patients<", ">Carers<", ">Patients and carers<"] {
        assert!(page.contains(heading), "the page's table has {heading}");
    }
    let row = page.split("2. Consultation").nth(1).expect("the Consultation row");
    let row = &row[..row.find("</tr>").unwrap()];
    let numbers: Vec<&str> =
        row.split("nhsuk-table__cell--numeric\">").skip(1).map(|cell| &cell[..cell.find('<').unwrap()]).collect();
    assert_eq!(numbers, ["2", "25", "10", "40"], "activities, patients, carers, together");
    assert!(page.contains("for feedback only where a form asks"), "the page says where carers are counted apart");

    // The form's results show the question like any single-choice question.
    let results = manager.get(app.url(&format!("/consultation/forms/{}/results", form.id))).send().await.unwrap();
    assert_eq!(results.status(), 200);
    let results = results.text().await.unwrap();
    assert!(results.contains("Who is answering?") && results.contains("A carer, family member or friend"));
}

async fn two_services_profiles_do_not_give_away_a_small_level_of_either(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.add_service("Personality Disorder Service").await;
    let second = app.add_service("CAS Day Service").await;
    for (service, level, patients) in [
        (&first, "information", 40),
        (&first, "consultation", 30),
        (&second, "information", 20),
        (&second, "consultation", 3),
    ] {
        app.add_activity(service, level, "2026-08-03", patients, 0).await;
    }
    let manager = app.person_signed_in("priya@example.org", &[(&first, Role::Manager), (&second, Role::Manager)]).await;

    let first_csv = profile_csv(&app, &manager, &format!("service_id={first}&{Q3}")).await;
    let second_csv = profile_csv(&app, &manager, &format!("service_id={second}&{Q3}")).await;

    let (first_people, second_people) = (people_column(&first_csv), people_column(&second_csv));
    assert_eq!(second_people[1], "fewer than 5", "{second_csv}");
    assert_nothing_to_subtract(&second_people, &total_people(&second_csv), 3);
    // The two services' published figures, and their totals, added up as a trust total would be.
    let both: Vec<String> = first_people.iter().chain(&second_people).cloned().collect();
    let totals = [total_people(&first_csv), total_people(&second_csv)];
    if let (Ok(a), Ok(b)) = (totals[0].parse::<i64>(), totals[1].parse::<i64>()) {
        assert_nothing_to_subtract(&both, &(a + b).to_string(), 3);
    }
    assert!(first_csv.contains("Consultation,1,") && second_csv.contains("Consultation,1,"), "activities are shown");
}

async fn the_csv_opens_in_excel_with_its_accents(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Zoë's Day Service").await;
    let manager = app.person_signed_in("zoe@example.org", &[(&service, Role::Manager)]).await;

    let response =
        manager.get(app.url(&format!("/reports/continuum-profile.csv?service_id={service}"))).send().await.unwrap();
    let bytes = response.bytes().await.unwrap();

    assert_eq!(bytes[..3], [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark first, so Excel reads UTF-8");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Continuum profile,Zoë's Day Service\r\n"), "{text}");
    assert!(!text.contains('\u{feff}'), "the mark is there once");
}

/// The one activity a feedback form records when it opens, as a capability's source would record it again
/// (with people, which the ledger must not keep: they are counted from the responses).
struct FormOpenedWithPeople {
    form_id: String,
    activity: app::ledger::db::NewActivity,
}

impl app::ledger::api::LedgerSource for FormOpenedWithPeople {
    const KIND: app::ledger::api::SourceKind = app::ledger::api::SourceKind::FeedbackForm;
    fn source_id(&self) -> &str {
        &self.form_id
    }
    fn activity(&self) -> app::ledger::db::NewActivity {
        self.activity.clone()
    }
}

async fn a_feedback_form_s_answers_are_counted_once_and_paper_forms_are_recorded_apart(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("priya@example.org", "Priya Shah", false, &[(&service, Role::Manager)]).await;
    continuum_tests::assert_signed_in(app.sign_in("priya@example.org", continuum_tests::PASSWORD).await);
    let form = app.open_feedback_form(&app.client, &service, "DBT skills group", "fft", "anonymous").await;
    for _ in 0..6 {
        assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    }
    let (activity_id,): (String,) = sqlx::query_as("SELECT id FROM activity WHERE source_type = 'feedback_form'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let today = app::clock::today_date();
    let (day, month, year) =
        (today.format("%d").to_string(), today.format("%m").to_string(), today.format("%Y").to_string());
    let activity = |kind: &'static str, title: &'static str, patients: &'static str, carers: &'static str| {
        vec![
            ("level", "consultation".to_owned()),
            ("kind", kind.to_owned()),
            ("title", title.to_owned()),
            ("happened_on_day", day.clone()),
            ("happened_on_month", month.clone()),
            ("happened_on_year", year.clone()),
            ("patients", patients.to_owned()),
            ("carers", carers.to_owned()),
            ("staff", String::new()),
            ("others", String::new()),
            ("purpose", "Feedback on the group".to_owned()),
            ("outcome", String::new()),
        ]
    };
    let post = |path: &'static str, page: String, fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(path, &page, &fields).await
        }
    };

    // Staff give the form's own activity the people who answered online: refused, beside the field.
    let mut edit = activity("feedback_form", "DBT skills group", "6", "");
    edit.push(("activity_id", activity_id.clone()));
    let edit_page = format!("/ledger/{activity_id}/edit");
    let refused = post("/api/update_activity", edit_page.clone(), edit).await;
    assert_eq!(refused.status(), 422);
    match form_error(refused).await {
        Some(AppError::Validation(errors)) => {
            assert_eq!(errors.errors[0].field, "patients");
            assert_eq!(errors.errors[0].message, app::ledger::types::COUNTED_FROM_RESPONSES);
        }
        other => panic!("the people are refused beside the field: {other:?}"),
    }
    // The same change without people is taken: only the double count is refused.
    let mut edit = activity("feedback_form", "DBT skills group", "", "");
    edit.push(("activity_id", activity_id.clone()));
    let changed = post("/api/update_activity", edit_page, edit).await;
    assert!(changed.status().is_redirection(), "{:?}", form_error(changed).await);
    // Recording the form's activity again through the ledger's API with people keeps none of them.
    let mut again =
        app::ledger::db::fetch_activity(&app.pool, &app::ledger::types::ActivityId::from(activity_id.clone()))
            .await
            .unwrap()
            .unwrap();
    again.participants.patients = 6;
    let source = FormOpenedWithPeople {
        form_id: form.id.to_string(),
        activity: app::ledger::db::NewActivity {
            service_id: again.service_id.clone(),
            level: again.level,
            kind: again.kind,
            title: again.title.clone(),
            happened_on: again.happened_on.clone(),
            participants: again.participants,
            purpose: again.purpose.clone(),
            outcome: again.outcome.clone(),
            recorded_by: None,
        },
    };
    let mut tx = app::db::begin_write(&app.pool).await.unwrap();
    app::ledger::api::record(&mut tx, &source, None).await.unwrap();
    tx.commit().await.unwrap();
    let (patients, carers): (i64, i64) = sqlx::query_as("SELECT patients, carers FROM activity WHERE id = $1")
        .bind(&activity_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!((patients, carers), (0, 0), "a form's activity counts nobody: its people are its responses");

    // Ten paper forms that were never typed in are recorded by hand as a feedback-form activity of their own.
    let mut paper = activity("feedback_form", "Paper feedback forms: DBT skills group", "10", "");
    paper.insert(0, ("service_id", service.clone()));
    let recorded = post("/api/record_activity", "/ledger/new".to_owned(), paper).await;
    assert!(recorded.status().is_redirection(), "{:?}", form_error(recorded).await);

    let csv = profile_csv(&app, &app.client, &format!("service_id={service}")).await;
    let consultation = csv.lines().find(|l| l.starts_with("Consultation,")).unwrap();
    assert!(
        consultation.starts_with("Consultation,2,15,"),
        "two activities (the form, the paper forms) and 6 answers online and 10 on paper, counted once each (16, \
         rounded): {consultation}"
    );
    let record_page = app.page("/ledger/new").await;
    assert!(record_page.contains("only for paper forms that were not typed into Continuum"), "the form says so");
    let page = app.page(&format!("/reports/continuum-profile?service_id={service}")).await;
    for (what, text) in [("page", &page), ("CSV", &csv)] {
        assert!(text.contains("counts paper forms that were not typed into Continuum"), "the profile's {what} says so");
    }
}

on_both_engines!(
    a_feedback_form_s_answers_are_counted_once_and_paper_forms_are_recorded_apart,
    carers_who_answer_a_form_that_asks_are_counted_apart_on_the_page_and_in_the_csv,
    two_services_profiles_do_not_give_away_a_small_level_of_either,
    the_csv_opens_in_excel_with_its_accents,
    the_profile_counts_feedback_responses_at_consultation,
    the_profile_counts_a_seeded_period_and_its_change_from_the_last,
    small_numbers_and_totals_that_would_reveal_them_are_suppressed_on_the_page_and_in_the_csv,
    a_period_that_is_not_one_gets_its_message_beside_the_date_not_an_error_page,
    steering_members_see_the_profile_and_patients_and_other_services_do_not,
);
