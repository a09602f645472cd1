//! Feedback's aggregates (`consultation::tally`, issue 18 §5) kept in the write transactions: after a burst of
//! concurrent submissions through the real writer, paper entries, a deletion, theme tags on and off and a new
//! form version, what is stored equals a full recount from the rows; concurrent writers whose batches touch the
//! same keys in opposite orders all commit (no deadlock on PostgreSQL) and lose no count. Bounded by counts,
//! never by time.

use app::accounts::types::Role;
use app::consultation::{tally, types::FeedbackForm};
use continuum_tests::{on_both_engines, spawn_app, Backend, TestApp};
use reqwest::header;

/// Anonymous clients answering at once, and how many times each.
const SUBMITTERS: usize = 6;
const SUBMISSIONS_EACH: usize = 8;

/// What is stored must be what a recount from the rows gives.
async fn assert_tallies_match(app: &TestApp, after: &str) {
    let mut conn = app.pool.acquire().await.expect("a connection");
    let stored = tally::stored(&mut conn).await.expect("stored tallies");
    let recount = tally::recount(&mut conn).await.expect("a recount");
    assert!(!recount.responses.is_empty(), "{after}: something to count");
    assert_eq!(stored, recount, "{after}: the aggregates equal a full recount");
    let months = tally::stored_months(&mut conn).await.expect("stored monthly roll-ups");
    assert_eq!(months, recount.by_month().without_zeros(), "{after}: the monthly roll-ups equal the recount's months");
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A staff call to a server function as a plain POST; it must be answered with a redirect (success).
async fn call_ok(app: &TestApp, client: &reqwest::Client, function: &str, fields: &[(&str, &str)]) {
    let response = client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .form(fields)
        .send()
        .await
        .expect("POST");
    assert!(response.status().is_redirection(), "{function}: {}", response.status());
}

async fn reload(app: &TestApp, form: &FeedbackForm) -> FeedbackForm {
    app::consultation::forms::db::fetch_form(&app.pool, &form.id).await.unwrap().unwrap()
}

/// The answers of submission `n` to the end-of-group review: every kind of question, varied by `n`.
fn answers(n: usize) -> Vec<(usize, String)> {
    use app::consultation::questions::{AnsweringAs, FftRating};
    let who = AnsweringAs::ALL.map(AnsweringAs::as_str);
    let mut answers = vec![(0, FftRating::ALL[n % 6].as_str().to_owned()), (1, (n % 5 + 1).to_string())];
    if !n.is_multiple_of(3) {
        answers.push((2, if n.is_multiple_of(2) { "yes" } else { "no" }.to_owned()));
    }
    // Multiple choice: one or two options ticked.
    answers.push((3, "Learning new skills".to_owned()));
    if n.is_multiple_of(2) {
        answers.push((3, "The handouts".to_owned()));
    }
    if n.is_multiple_of(4) {
        answers.push((4, format!("Comment {n}: more evening sessions please.")));
    } else if n.is_multiple_of(7) {
        answers.push((4, "Some weeks I have been thinking about killing myself.".to_owned()));
    }
    // Every fourth leaves "Who is answering?" out.
    if let Some(who) = who.get(n % 4) {
        answers.push((5, (*who).to_owned()));
    }
    answers
}

async fn submit(app: &TestApp, form: &FeedbackForm, n: usize) {
    let given = answers(n);
    let pairs: Vec<(usize, &str)> = given.iter().map(|(i, v)| (*i, v.as_str())).collect();
    let response = app.submit_feedback(form, &pairs).await;
    assert_eq!(response.status(), 200, "submission {n} is thanked");
}

async fn the_aggregates_equal_a_full_recount_after_a_burst_a_deletion_themes_and_a_new_version(backend: Backend) {
    // Arrange: a form asking every kind of question.
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Mentalisation group", "end_of_group", "anonymous").await;

    // A burst: several clients at once through the public form and the group-commit writer, and paper forms
    // typed in by staff meanwhile.
    let mut tasks = Vec::new();
    for submitter in 0..SUBMITTERS {
        let (app, form) = (&app, &form);
        tasks.push(async move {
            for i in 0..SUBMISSIONS_EACH {
                submit(app, form, submitter * SUBMISSIONS_EACH + i).await;
            }
        });
    }
    let paper = async {
        for n in 0..6_usize {
            let mut fields =
                vec![("channel".to_owned(), if n.is_multiple_of(2) { "paper" } else { "assisted" }.to_owned())];
            fields.extend(answers(n + 100).into_iter().map(|(i, v)| (format!("q-{}", form.questions[i].id), v)));
            let entered = staff
                .post(app.url(&format!("/f/{}/enter", form.slug)))
                .header(header::ORIGIN, &app.address)
                .form(&fields)
                .send()
                .await
                .unwrap();
            assert!(entered.status().is_redirection(), "paper form {n}: {}", entered.status());
        }
    };
    futures::future::join(futures::future::join_all(tasks), paper).await;
    let expected = i64::try_from(SUBMITTERS * SUBMISSIONS_EACH + 6).unwrap();
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await, expected);
    assert_eq!(
        count(&app, "SELECT CAST(SUM(responses) AS BIGINT) FROM feedback_response_tally").await,
        expected,
        "every response counted once"
    );
    assert!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE flagged = 1").await > 0);
    assert_tallies_match(&app, "a burst of submissions").await;

    // Themes: tag comments through the review page's server function, one twice, and take two tags off.
    let theme =
        app::consultation::review::db::insert_theme(&app.pool, &service.clone().into(), "Session times").await.unwrap();
    let comments: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.response_id, a.question_id FROM feedback_answer a WHERE a.question_id = $1 AND a.value <> ''
         ORDER BY a.response_id",
    )
    .bind(form.questions[4].id.as_str())
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(comments.len() >= 8, "comments to tag: {}", comments.len());
    let tag = |(response, question): &(String, String), on: &'static str| {
        let (app, staff, theme) = (&app, &staff, theme.to_string());
        let (response, question) = (response.clone(), question.clone());
        async move {
            let fields = [
                ("response_id", response.as_str()),
                ("question_id", question.as_str()),
                ("theme_id", theme.as_str()),
                ("on", on),
            ];
            call_ok(app, staff, "tag_comment", &fields).await;
        }
    };
    for comment in &comments[..6] {
        tag(comment, "on").await;
    }
    tag(&comments[0], "on").await;
    tag(&comments[1], "off").await;
    tag(&comments[2], "off").await;
    tag(&comments[7], "off").await;
    assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM comment_theme").await, 4);
    assert_tallies_match(&app, "tagging and untagging comments").await;

    // A deletion, through the one function that takes responses out, with a tagged one among them.
    let doomed: Vec<String> = vec![comments[0].0.clone(), comments[6].0.clone()];
    let mut extra: Vec<String> =
        sqlx::query_scalar("SELECT id FROM feedback_response ORDER BY id LIMIT 3").fetch_all(&app.pool).await.unwrap();
    extra.retain(|id| !doomed.contains(id));
    let doomed: Vec<String> = doomed.into_iter().chain(extra).collect();
    let mut tx = app::db::begin_write(&app.pool).await.unwrap();
    app::consultation::answering::db::delete_responses(&mut tx, &doomed).await.unwrap();
    tx.commit().await.unwrap();
    let left = expected - i64::try_from(doomed.len()).unwrap();
    assert_eq!(count(&app, "SELECT CAST(SUM(responses) AS BIGINT) FROM feedback_response_tally").await, left);
    assert_tallies_match(&app, "a deletion").await;

    // A new version: its answers are counted under it, and the first version's stay where they were.
    call_ok(&app, &staff, "new_form_version", &[("form_id", form.id.as_str())]).await;
    let v2 = reload(&app, &form).await;
    assert_eq!(v2.version, 2);
    for n in 0..5 {
        submit(&app, &v2, 200 + n).await;
    }
    assert_eq!(
        count(&app, "SELECT CAST(SUM(responses) AS BIGINT) FROM feedback_response_tally WHERE form_version = 2").await,
        5
    );
    assert_eq!(reload(&app, &form).await.version_responses, 5, "the form's page counts its version's answers");
    assert_tallies_match(&app, "a new form version").await;
}

/// Writers whose batches touch the same day, channel and answer keys, half of them listing the days in the
/// opposite order, each batch in its own transaction as the writer and the scale benchmark write them.
async fn concurrent_writers_on_the_same_keys_neither_deadlock_nor_lose_a_count(backend: Backend) {
    const WRITERS: usize = 6;
    const BATCHES: usize = 8;
    const DAYS: [&str; 4] = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"];
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Mentalisation group", "end_of_group", "anonymous").await;
    let (fft, yes_no) = (form.questions[0].id.clone(), form.questions[2].id.clone());

    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let (app, form, fft, yes_no) = (&app, &form, fft.clone(), yes_no.clone());
        writers.push(async move {
            let mut committed = 0;
            for batch in 0..BATCHES {
                let mut days = DAYS.to_vec();
                if writer % 2 == 1 {
                    days.reverse();
                }
                let answers = [(fft.clone(), "good".to_owned()), (yes_no.clone(), "yes".to_owned())];
                let rows: Vec<app::consultation::answering::db::NewResponse<'_>> = days
                    .iter()
                    .flat_map(|day| {
                        [app::consultation::types::Channel::Online, app::consultation::types::Channel::Paper].map(
                            |channel| app::consultation::answering::db::NewResponse {
                                form_id: &form.id,
                                form_version: form.version,
                                channel,
                                submitted_on: day,
                                respondent_id: None,
                                answers: &answers,
                                flagged: batch.is_multiple_of(2),
                                has_comments: false,
                            },
                        )
                    })
                    .collect();
                let ids: Vec<String> =
                    rows.iter().map(|_| app::consultation::answering::db::new_response_id().to_string()).collect();
                let with_ids: Vec<(&str, &app::consultation::answering::db::NewResponse<'_>)> =
                    ids.iter().map(String::as_str).zip(rows.iter()).collect();
                let mut tx = app::db::begin_write(&app.pool).await.expect("begin");
                app::consultation::answering::db::insert_responses(&mut tx, &with_ids)
                    .await
                    .unwrap_or_else(|e| panic!("writer {writer}, batch {batch}: {e}"));
                tx.commit().await.unwrap_or_else(|e| panic!("writer {writer}, batch {batch} commits: {e}"));
                committed += 1;
            }
            committed
        });
    }
    let committed: usize = futures::future::join_all(writers).await.into_iter().sum();

    assert_eq!(committed, WRITERS * BATCHES, "every batch committed");
    let responses = i64::try_from(WRITERS * BATCHES * DAYS.len() * 2).unwrap();
    assert_eq!(count(&app, "SELECT CAST(SUM(responses) AS BIGINT) FROM feedback_response_tally").await, responses);
    let per_key = i64::try_from(WRITERS * BATCHES).unwrap();
    assert_eq!(
        count(&app, "SELECT CAST(MIN(answers) AS BIGINT) FROM feedback_answer_tally").await,
        per_key,
        "each day, channel and answer counted by every batch"
    );
    assert_tallies_match(&app, "concurrent writers").await;
}

/// The query plan of a page of comments (`results::db::comments_page_sql`), with every filter bound empty.
async fn comments_plan(app: &TestApp, form: &FeedbackForm, explain: &str, settings: &[&str]) -> Vec<String> {
    let free_text: Vec<&str> = form.questions.iter().filter(|q| q.kind.is_free_text()).map(|q| q.id.as_str()).collect();
    let sql = format!("{explain} {}", app::consultation::results::db::comments_page_sql(free_text.len(), 20, 0));
    let mut tx = app.pool.begin().await.unwrap();
    for setting in settings {
        sqlx::query(setting).execute(&mut *tx).await.unwrap();
    }
    let mut query =
        sqlx::query(&sql).bind(form.id.as_str()).bind("2026-01-01").bind("2026-12-31").bind("").bind("").bind(-1_i64);
    for id in &free_text {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(&mut *tx).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    let column = if app.backend == Backend::Sqlite { 3 } else { 0 };
    rows.iter().map(|row| sqlx::Row::get::<String, _>(row, column)).collect()
}

/// The comments list reads one page in order through an index, however many responses the form has: the
/// plan walks `feedback_response_by_day` and never sorts every comment of the period. PostgreSQL's planner
/// prefers a sequential scan for a test's few rows, so there sequential scans and full sorts are priced out
/// for the plan (as they are by its own costs at scale) to show the index serves the page's order.
async fn a_page_of_comments_is_read_in_order_through_an_index(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "Mentalisation group", "end_of_group", "anonymous").await;
    for n in 0..8 {
        submit(&app, &form, n * 4).await;
    }

    let plan = if backend == Backend::Sqlite {
        comments_plan(&app, &form, "EXPLAIN QUERY PLAN", &[]).await
    } else {
        let off =
            ["SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off", "SET LOCAL enable_sort = off"];
        comments_plan(&app, &form, "EXPLAIN", &off).await
    };

    let text = plan.join("\n");
    assert!(text.contains("feedback_response_by_day"), "the responses are walked through the index:\n{text}");
    assert!(!text.contains("TEMP B-TREE FOR ORDER BY"), "SQLite sorts no more than one response's answers:\n{text}");
    assert!(
        !plan.iter().any(|line| line.trim_start().trim_start_matches("->").trim_start().starts_with("Sort ")),
        "PostgreSQL sorts no more than one response's answers:\n{text}"
    );
}

on_both_engines!(
    the_aggregates_equal_a_full_recount_after_a_burst_a_deletion_themes_and_a_new_version,
    concurrent_writers_on_the_same_keys_neither_deadlock_nor_lose_a_count,
    a_page_of_comments_is_read_in_order_through_an_index,
);
