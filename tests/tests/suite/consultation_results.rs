//! A feedback form's results: the Friends and Family Test's percentages, small-number suppression on the page
//! and in the CSV, the channel and date filters, comments shown as text and made safe in the CSV, and who may
//! see them.

use app::{accounts::types::Role, consultation::types::FeedbackForm};
use continuum_tests::{on_both_engines, spawn_app, Backend, TestApp};

/// A service with a member of staff (signed in on the returned client) and an open anonymous FFT form: question
/// 0 is the Friends and Family Test, question 1 asks why.
async fn form_with_staff(app: &TestApp) -> (String, reqwest::Client, FeedbackForm) {
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    (service, staff, form)
}

async fn answer(app: &TestApp, form: &FeedbackForm, rating: &str, times: usize) {
    for _ in 0..times {
        let response = app.submit_feedback(form, &[(0, rating)]).await;
        assert_eq!(response.status(), 200, "answering the form");
    }
}

/// A page as staff get it, with Leptos's hydration markers taken out so figures can be found whole.
async fn get_text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("GET");
    let status = response.status().as_u16();
    let body = response.text().await.expect("body").replace("<!>", "").replace("<!---->", "");
    (status, body)
}

fn results_path(form: &FeedbackForm, query: &str) -> String {
    format!("/consultation/forms/{}/results?{query}", form.id)
}

fn csv_path(form: &FeedbackForm, query: &str) -> String {
    format!("/consultation/forms/{}/responses.csv?{query}", form.id)
}

/// The text of the element with this id, such as a headline figure.
fn figure(page: &str, id: &str) -> String {
    let start = page.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in the page"));
    let text = &page[start..];
    let text = &text[text.find('>').unwrap() + 1..];
    text[..text.find('<').unwrap()].to_owned()
}

/// Whether the text holds a number followed by a per cent sign.
fn has_a_percentage(text: &str) -> bool {
    text.char_indices().any(|(i, c)| c == '%' && text[..i].ends_with(|d: char| d.is_ascii_digit()))
}

/// The rows of the table with this caption: (label, count, percentage if the table has one), without its
/// "Total" row.
fn table_rows(page: &str, caption: &str) -> Vec<(String, String, Option<String>)> {
    let start = page.find(&format!(">{caption}</caption>")).unwrap_or_else(|| panic!("no table {caption}"));
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    let cells = |row: &str| -> Vec<String> {
        row.split("<td").skip(1).map(|c| c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()].to_owned()).collect()
    };
    table
        .split("<th scope=\"row\"")
        .skip(1)
        .map(|row| {
            let label = row[row.find('>').unwrap() + 1..row.find("</th>").unwrap()].to_owned();
            let cells = cells(row);
            (label, cells[0].clone(), cells.get(1).cloned())
        })
        .filter(|(label, _, _)| label != "Total")
        .collect()
}

fn count_of(rows: &[(String, String, Option<String>)], label: &str) -> String {
    rows.iter().find(|(l, _, _)| l == label).unwrap_or_else(|| panic!("no row {label}")).1.clone()
}

/// Every count a whole per cent `share` of `whole` can be, rounded half up as the page rounds.
fn counts_for_share(share: &str, whole: i64) -> Vec<i64> {
    let Some(percent) = share.strip_suffix('%').and_then(|p| p.parse::<i64>().ok()) else { return Vec::new() };
    (0..=whole).filter(|k| (200 * k + whole) / (2 * whole) == percent).collect()
}

/// What a careful reader can work out from one table and the total it adds up to: the total less the counts
/// shown (when one row is not shown, that is its count; when several are, it is theirs together), and each
/// row's count from its percentage. Fails if any of it is the suppressed count `hidden`, or 1 to 4 people.
fn assert_nothing_to_subtract(total: &str, rows: &[(String, String, Option<String>)], hidden: i64) {
    let total = total.parse::<i64>().ok();
    let mut counts: Vec<Option<i64>> = rows.iter().map(|(_, count, _)| count.parse::<i64>().ok()).collect();
    if let Some(total) = total {
        for (count, (label, _, share)) in counts.iter_mut().zip(rows) {
            if let (None, [only]) = (&count, counts_for_share(share.as_deref().unwrap_or(""), total).as_slice()) {
                assert_ne!(*only, hidden, "{label}'s percentage of {total} gives it away");
                *count = Some(*only);
            }
        }
        let shown: i64 = counts.iter().flatten().sum();
        let unshown = counts.iter().filter(|c| c.is_none()).count();
        let left = total - shown;
        assert!(unshown != 1 || left != hidden, "{total} less the rows shown gives {left}: {rows:?}");
        assert!(unshown == 0 || !(1..=4).contains(&left), "{left} in the rows not shown together: {rows:?}");
    }
}

/// The number in "Answered by N." under the question's table.
fn answered_by(page: &str) -> String {
    let start = page.find("Answered by ").expect("a question's respondents") + "Answered by ".len();
    page[start..start + page[start..].find('.').unwrap()].to_owned()
}

/// Moves every response not given on `kept` (a day, or "" for none) to `day`.
async fn answered_on(app: &TestApp, day: &str, kept: &str) {
    sqlx::query("UPDATE feedback_response SET submitted_on = $1 WHERE submitted_on <> $2")
        .bind(day)
        .bind(kept)
        .execute(&app.pool)
        .await
        .unwrap();
    app.recount_feedback().await;
}

async fn nine_responses_in_march_with_one_small_answer_leave_nothing_to_subtract(backend: Backend) {
    // The issue's single-choice form with 8 "Yes" and 1 "Unsure": here 8 "Good" and 1 "Neither".
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "good", 8).await;
    answer(&app, &form, "neither_good_nor_poor", 1).await;
    answered_on(&app, "2026-03-14", "").await;

    let (status, page) = get_text(
        &staff,
        &app,
        &results_path(&form, "from_day=1&from_month=3&from_year=2026&to_day=31&to_month=3&to_year=2026"),
    )
    .await;

    assert_eq!(status, 200);
    let total = figure(&page, "responses-total");
    let months = table_rows(&page, "Responses each month");
    let channels = table_rows(&page, "Responses by channel");
    let answers = table_rows(&page, app::consultation::questions::FFT_QUESTION);
    assert_eq!(count_of(&answers, "Neither good nor poor"), "fewer than 5");
    assert_eq!(count_of(&months, "March 2026"), "10", "the month is shown (9, rounded): Good and Neither are hidden");
    for (whole, rows) in [(&total, &months), (&total, &channels), (&total, &answers), (&answered_by(&page), &answers)] {
        assert_nothing_to_subtract(whole, rows, 1);
    }
    assert_nothing_to_subtract(&count_of(&months, "March 2026"), &answers, 1);
    assert_nothing_to_subtract(&count_of(&channels, "Online"), &answers, 1);
}

async fn a_channel_total_beside_the_months_does_not_give_away_a_small_month(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "good", 9).await;
    answered_on(&app, "2026-03-14", "").await;
    answer(&app, &form, "good", 3).await;
    answered_on(&app, "2026-04-10", "2026-03-14").await;

    let (_, page) = get_text(
        &staff,
        &app,
        &results_path(&form, "from_day=1&from_month=3&from_year=2026&to_day=30&to_month=4&to_year=2026"),
    )
    .await;

    let total = figure(&page, "responses-total");
    let months = table_rows(&page, "Responses each month");
    let channels = table_rows(&page, "Responses by channel");
    assert_eq!(count_of(&months, "April 2026"), "fewer than 5");
    assert_nothing_to_subtract(&total, &months, 3);
    for (_, channel, _) in &channels {
        assert_nothing_to_subtract(channel, &months, 3);
    }
    assert!(!page.contains(">3<") && !page.contains(">9<"), "neither month can be read off");
}

async fn sixty_two_responses_with_one_small_category_show_the_fft_percentages(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    for (rating, times) in [("very_good", 40), ("good", 12), ("poor", 8), ("very_poor", 2)] {
        answer(&app, &form, rating, times).await;
    }

    let (_, page) = get_text(&staff, &app, &results_path(&form, "")).await;

    // Counts rounded to the nearest 5, and percentages worked out from the rounded counts.
    assert_eq!(figure(&page, "responses-total"), "60", "62, rounded");
    assert_eq!(figure(&page, "fft-positive"), "83%", "52 of 62, published as 50 of 60");
    assert_eq!(figure(&page, "fft-negative"), "17%", "10 of 62, published as 10 of 60");
    let answers = table_rows(&page, app::consultation::questions::FFT_QUESTION);
    assert_eq!(count_of(&answers, "Very poor"), "fewer than 5");
    assert_eq!(count_of(&answers, "Very good"), "40");
    assert_nothing_to_subtract("60", &answers, 2);
    // Negative is poor and very poor: its percentage gives their sum, which must not leave the 2.
    let negative = answers.iter().filter(|(l, _, _)| l == "Poor" || l == "Very poor").cloned().collect::<Vec<_>>();
    for sum in counts_for_share(&figure(&page, "fft-negative"), 60) {
        assert_nothing_to_subtract(&sum.to_string(), &negative, 2);
    }
}

async fn fft_percentages_positive_and_negative_are_shown_from_ten_responses(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "very_good", 6).await;
    answer(&app, &form, "good", 6).await;
    answer(&app, &form, "poor", 5).await;

    let (status, page) = get_text(&staff, &app, &results_path(&form, "")).await;

    assert_eq!(status, 200);
    // Rounded to the nearest 5, and percentages from the rounded counts.
    assert_eq!(figure(&page, "responses-total"), "15", "17 responses in the last 12 months, rounded");
    assert_eq!(figure(&page, "fft-positive"), "67%", "12 of 17 positive, published as 10 of 15");
    assert_eq!(figure(&page, "fft-negative"), "33%", "5 of 17 negative, published as 5 of 15");
    assert!(page.contains("<svg"), "the chart is drawn on the server");
    assert!(page.contains("November 2026") || page.contains(&app_month()), "the months are named");
}

/// This month's name as the page writes it, such as "November 2026".
fn app_month() -> String {
    app::consultation::results::month_label(&app::clock::today_date().format("%Y-%m").to_string())
}

async fn with_fewer_than_ten_responses_no_percentage_is_shown(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "very_good", 5).await;
    answer(&app, &form, "poor", 4).await;

    let (status, page) = get_text(&staff, &app, &results_path(&form, "")).await;

    assert_eq!(status, 200);
    assert_eq!(figure(&page, "fft-positive"), "Not shown: fewer than 10 responses");
    assert_eq!(figure(&page, "fft-negative"), "Not shown: fewer than 10 responses");
    assert!(!has_a_percentage(&page), "no percentage anywhere on the page");
}

async fn a_count_from_one_to_four_is_fewer_than_five_on_the_page_and_the_csv_does_not_reveal_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "good", 3).await;

    let (status, page) = get_text(&staff, &app, &results_path(&form, "")).await;
    let csv = staff.get(app.url(&csv_path(&form, ""))).send().await.unwrap();
    let csv_status = csv.status();
    let csv_text = csv.text().await.unwrap();

    assert_eq!(status, 200);
    assert_eq!(figure(&page, "responses-total"), "fewer than 5");
    assert!(!page.contains(">3<"), "the 3 appears nowhere");
    assert!(page.contains("cannot be downloaded"), "the page says why there is no download");
    assert_eq!(csv_status, 409, "the CSV is refused: its rows would count the responses");
    assert!(csv_text.contains("fewer than 5"), "{csv_text}");
    // The refusal is a page in the service's frame (issue 9: every refusal is a page), naming no count.
    assert!(csv_text.contains("There is a problem") && csv_text.contains("start page"), "{csv_text}");
    assert!(!csv_text.contains(">3<") && !csv_text.contains(" 3 ") && !csv_text.contains("Good"), "{csv_text}");
}

async fn the_channel_filter_counts_only_that_channels_responses(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "very_good", 6).await;
    answer(&app, &form, "poor", 5).await;
    // The poor ones came on paper.
    sqlx::query(
        "UPDATE feedback_response SET channel = 'paper'
         WHERE id IN (SELECT response_id FROM feedback_answer WHERE value = 'poor')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.recount_feedback().await;

    let (_, all) = get_text(&staff, &app, &results_path(&form, "channel=all")).await;
    let (_, paper) = get_text(&staff, &app, &results_path(&form, "channel=paper")).await;
    let (_, online) = get_text(&staff, &app, &results_path(&form, "channel=online")).await;
    let paper_csv = staff.get(app.url(&csv_path(&form, "channel=paper"))).send().await.unwrap().text().await.unwrap();

    // Rounded to the nearest 5: 11 is 10, 6 is 5.
    assert_eq!(figure(&all, "responses-total"), "10");
    assert!(all.contains("Responses by channel"));
    assert_eq!(figure(&paper, "responses-total"), "5");
    assert!(paper.contains("Paper form"));
    assert_eq!(figure(&online, "responses-total"), "5");
    assert_eq!(paper_csv.lines().count(), 6, "a header and the 5 paper responses: {paper_csv}");
    assert!(paper_csv.lines().skip(1).all(|l| l.contains(",Paper form,") && l.ends_with(",Poor,")), "{paper_csv}");
}

async fn the_date_filter_counts_only_responses_in_the_period(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "poor", 6).await;
    sqlx::query("UPDATE feedback_response SET submitted_on = '2020-01-15'").execute(&app.pool).await.unwrap();
    app.recount_feedback().await;
    answer(&app, &form, "very_good", 5).await;

    let (_, recent) = get_text(&staff, &app, &results_path(&form, "")).await;
    let (_, january) = get_text(
        &staff,
        &app,
        &results_path(&form, "from_day=1&from_month=1&from_year=2020&to_day=31&to_month=1&to_year=2020"),
    )
    .await;
    let (_, february) = get_text(
        &staff,
        &app,
        &results_path(&form, "from_day=1&from_month=2&from_year=2020&to_day=29&to_month=2&to_year=2020"),
    )
    .await;
    let (bad_status, bad) = get_text(
        &staff,
        &app,
        &results_path(&form, "from_day=30&from_month=2&from_year=2020&to_day=1&to_month=1&to_year=2020"),
    )
    .await;
    let csv = staff
        .get(app.url(&csv_path(&form, "from_day=1&from_month=1&from_year=2020&to_day=31&to_month=1&to_year=2020")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    assert_eq!(figure(&recent, "responses-total"), "5", "the last 12 months hold only the recent 5");
    assert_eq!(figure(&january, "responses-total"), "5", "6, rounded");
    assert!(january.contains("January 2020"));
    assert_eq!(figure(&february, "responses-total"), "fewer than 5", "0 is in the band");
    assert_eq!(bad_status, 422);
    assert!(
        bad.contains("Start date must be a real date"),
        "a date that does not exist gets a message beside its field"
    );
    assert!(bad.contains(r##"href="#from_day""##), "the summary links to the day that does not exist");
    assert_eq!(csv.lines().count(), 7);
    assert!(csv.lines().skip(1).all(|l| l.starts_with("2020-01-15,")), "{csv}");
}

async fn comments_are_shown_as_text_and_made_safe_in_the_csv_without_ids_or_times(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, staff, form) = form_with_staff(&app).await;
    for comment in [
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "The group, and the tea, helped",
    ] {
        let response = app.submit_feedback(&form, &[(0, "good"), (1, comment)]).await;
        assert_eq!(response.status(), 200);
    }

    let (_, page) = get_text(&staff, &app, &results_path(&form, "")).await;
    let csv = staff.get(app.url(&csv_path(&form, ""))).send().await.unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let disposition = csv.headers()["content-disposition"].to_str().unwrap().to_owned();
    let csv = csv.text().await.unwrap();
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark first, for Excel").to_owned();
    let ids: Vec<(String,)> = sqlx::query_as("SELECT id FROM feedback_response").fetch_all(&app.pool).await.unwrap();

    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the comment is shown as text");
    assert!(!page.contains("<script>alert(1)"));
    // The file says whose it is and for when: the service, the form and the period (the last 12 months).
    let today = app::clock::today_date().format("%Y-%m-%d").to_string();
    let name = disposition.trim_start_matches("attachment; filename=\"").trim_end_matches('"').to_owned();
    assert!(name.starts_with("responses-personality-disorder-service-dbt-skills-group-20"), "{disposition}");
    assert!(name.ends_with(&format!("-to-{today}.csv")), "{disposition}");
    assert!(page.contains(&format!("download=\"{name}\"")), "the page's link names it the same: {name}");
    let online = staff.get(app.url(&csv_path(&form, "channel=online"))).send().await.unwrap();
    let online = online.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(online.ends_with(&format!("-to-{today}-online.csv\"")), "a chosen channel is named too: {online}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Date,Channel,\"Overall, how was your experience of our service?\",Please can you tell us why you gave your answer?"
    );
    assert_eq!(lines.len(), 6);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains(",'+cmd|' /C calc'!A0"), "{csv}");
    assert!(csv.contains(",'@SUM(1+1)"), "{csv}");
    assert!(csv.contains(",\"The group, and the tea, helped\""), "{csv}");
    for line in &lines[1..] {
        assert!(line.starts_with(&format!("{today},Online,Good,")), "only the date, never a time: {line}");
    }
    for (id,) in ids {
        assert!(!csv.contains(&id), "no response id in the CSV");
        assert!(page.contains(&format!("/consultation/responses/{id}")), "each comment links to its response");
    }
    let time_of_day = csv.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    assert!(!time_of_day, "no time of day: {csv}");
}

async fn comments_show_their_themes_and_the_themes_are_counted(backend: Backend) {
    let app = spawn_app(backend).await;
    let (service, staff, form) = form_with_staff(&app).await;
    for _ in 0..6 {
        app.submit_feedback(&form, &[(0, "good"), (1, "Evening sessions would help")]).await;
    }
    let theme =
        app::consultation::review::db::insert_theme(&app.pool, &service.clone().into(), "Session times").await.unwrap();
    let ids: Vec<(app::consultation::types::ResponseId, app::consultation::types::QuestionId)> = sqlx::query_as(
        "SELECT response_id, question_id FROM feedback_answer WHERE value = 'Evening sessions would help'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for (response_id, question_id) in &ids[..5] {
        let mut tx = app.pool.begin().await.unwrap();
        app::consultation::review::db::set_comment_theme(&mut tx, response_id, question_id, &theme, true)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    let (_, page) = get_text(&staff, &app, &results_path(&form, "")).await;

    assert!(page.contains("Comments by theme"));
    assert_eq!(page.matches("Session times</li>").count(), 5, "each tagged comment shows its theme");
    assert!(
        page.contains("Session times</th><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">5<"),
        "5 comments are tagged"
    );
    assert_eq!(page.matches("continuum-written\">Evening sessions would help<").count(), 6, "every comment is listed");
}

async fn patients_are_refused_and_staff_of_another_service_find_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (service, staff, form) = form_with_staff(&app).await;
    answer(&app, &form, "good", 5).await;
    let other = app.add_service("CAS Day Service").await;
    let patient = app.person_signed_in("morgan@example.org", &[(&service, Role::Patient)]).await;
    let member = app.person_signed_in("robin@example.org", &[(&service, Role::SteeringMember)]).await;
    let other_staff = app.person_signed_in("tom@example.org", &[(&other, Role::Staff)]).await;
    let (page, csv) = (results_path(&form, ""), csv_path(&form, ""));

    assert_eq!(staff.get(app.url(&page)).send().await.unwrap().status(), 200);
    assert_eq!(staff.get(app.url(&csv)).send().await.unwrap().status(), 200);
    for path in [&page, &csv] {
        assert_eq!(patient.get(app.url(path)).send().await.unwrap().status(), 403, "{path}");
        assert_eq!(member.get(app.url(path)).send().await.unwrap().status(), 403, "steering members: {path}");
        assert_eq!(other_staff.get(app.url(path)).send().await.unwrap().status(), 404, "{path}");
    }
    let (_, refused) = get_text(&patient, &app, &page).await;
    assert!(!refused.contains("DBT skills group"));
    assert_eq!(app.anonymous_get(&csv).await.status(), 303, "sign in first");
}

on_both_engines!(
    nine_responses_in_march_with_one_small_answer_leave_nothing_to_subtract,
    a_channel_total_beside_the_months_does_not_give_away_a_small_month,
    sixty_two_responses_with_one_small_category_show_the_fft_percentages,
    fft_percentages_positive_and_negative_are_shown_from_ten_responses,
    with_fewer_than_ten_responses_no_percentage_is_shown,
    a_count_from_one_to_four_is_fewer_than_five_on_the_page_and_the_csv_does_not_reveal_it,
    the_channel_filter_counts_only_that_channels_responses,
    the_date_filter_counts_only_responses_in_the_period,
    comments_are_shown_as_text_and_made_safe_in_the_csv_without_ids_or_times,
    comments_show_their_themes_and_the_themes_are_counted,
    patients_are_refused_and_staff_of_another_service_find_nothing,
);
