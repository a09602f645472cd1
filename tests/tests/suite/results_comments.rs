//! A form's results page lists its comments a page at a time, filtered by theme and by flagged or not on top of
//! the period and channel, with how many match: with 300 comments the page holds one page of them.

use app::{accounts::types::Role, consultation::questions::QuestionKind};
use continuum_tests::{london, on_both_engines, spawn_app_at, Backend, TestApp};

async fn exec(app: &TestApp, sql: &str, binds: &[&str]) {
    let mut query = sqlx::query(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.execute(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.expect("GET");
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("body").replace("<!>", "").replace("<!---->", "")
}

/// 300 responses in September 2026, each with a comment ("Comment 1" to "Comment 300"); the first 7
/// flagged by the screener; the first 45 tagged "Waiting times".
async fn three_hundred_comments_show_one_page_at_a_time_with_their_counts(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("CAS Day Service").await;
    let staff = app.person_signed_in("sol@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let comment = form.questions.iter().find(|q| q.kind == QuestionKind::LongText).expect("a comment question");
    let version = form.version.to_string();
    exec(
        &app,
        "INSERT INTO service_theme (id, service_id, name, created_at) VALUES ('theme-1', $1, 'Waiting times', $2)",
        &[&service, "2026-09-01T09:00:00.000000Z"],
    )
    .await;
    for n in 1..=300 {
        let id = format!("response-{n:03}");
        let day = format!("2026-09-{:02}", n % 28 + 1);
        let flagged = if n <= 7 { 1 } else { 0 };
        exec(
            &app,
            &format!(
                "INSERT INTO feedback_response (id, form_id, form_version, channel, submitted_on, flagged)
                 VALUES ($1, $2, {version}, 'online', $3, {flagged})"
            ),
            &[&id, form.id.as_str(), &day],
        )
        .await;
        exec(
            &app,
            "INSERT INTO feedback_answer (response_id, question_id, value) VALUES ($1, $2, $3)",
            &[&id, comment.id.as_str(), &format!("Comment {n}.")],
        )
        .await;
        if n <= 45 {
            exec(
                &app,
                "INSERT INTO comment_theme (response_id, question_id, theme_id) VALUES ($1, $2, 'theme-1')",
                &[&id, comment.id.as_str()],
            )
            .await;
        }
    }
    app.recount_feedback().await;
    let results = format!("/consultation/forms/{}/results", form.id);
    let cards = |page: &str| page.matches("View the response").count();

    let first = page(&staff, &app, &results).await;
    assert_eq!(cards(&first), 20, "one page of comments");
    assert!(first.contains("Comments 1 to 20 of 300."), "how many match");
    assert!(first.contains("Page 2 of 15"), "a link to the next page");
    assert!(!first.contains(">Previous<"), "none before the first");
    assert!(first.contains(">Waiting times<") && first.contains(">45<"), "comments by theme, counted");

    let last = page(&staff, &app, &format!("{results}?page=15")).await;
    assert_eq!(cards(&last), 20);
    assert!(last.contains("Comments 281 to 300 of 300.") && !last.contains(">Next<"), "the last page");
    let past = page(&staff, &app, &format!("{results}?page=999")).await;
    assert!(past.contains("Comments 281 to 300 of 300."), "past the last page is the last page");

    let themed = page(&staff, &app, &format!("{results}?theme=Waiting%20times")).await;
    assert!(themed.contains("Comments 1 to 20 of 45."), "one theme");
    let flagged = page(&staff, &app, &format!("{results}?flagged=yes")).await;
    assert_eq!(cards(&flagged), 7, "only the flagged");
    assert!(flagged.contains("Comments 1 to 7 of 7."));
    for n in 1..=7 {
        assert!(flagged.contains(&format!("Comment {n}.<")), "flagged comment {n}");
    }
    let both = page(&staff, &app, &format!("{results}?theme=Waiting%20times&flagged=no&page=2")).await;
    assert!(both.contains("Comments 21 to 38 of 38."), "the theme's comments not flagged, page 2");
    assert_eq!(cards(&both), 18);

    // The filters keep the period and the channel: a period with no comments has none to page through.
    let august = page(
        &staff,
        &app,
        &format!("{results}?from_day=1&from_month=8&from_year=2026&to_day=31&to_month=8&to_year=2026&channel=all"),
    )
    .await;
    assert!(august.contains("No comments match.") && cards(&august) == 0, "August has none");
    let paper = page(&staff, &app, &format!("{results}?channel=paper")).await;
    assert_eq!(cards(&paper), 0, "no paper comments");
}

on_both_engines!(three_hundred_comments_show_one_page_at_a_time_with_their_counts);
