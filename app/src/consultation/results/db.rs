//! Results' SQL: counts of responses, answers and comments for a form and period, read from the aggregates kept
//! in the write transactions (`consultation::tally`), and one page of comments at a time from the responses.

use crate::consultation::{
    tally,
    types::{FormId, QuestionId},
};
use sqlx::{AnyPool, FromRow};

use crate::consultation::review::db::{into_views, ResponseRow, RESPONSE_SELECT};
use crate::consultation::types::{Channel, ResponseView};

// ---- results -------------------------------------------------------------------------------------------

/// Which responses results count.
#[derive(Clone, Debug, Default)]
pub struct ResponseFilter {
    /// Inclusive, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub channel: Option<Channel>,
}

const FILTER: &str = "r.form_id = $1 AND r.submitted_on >= $2 AND r.submitted_on <= $3 AND ($4 = '' OR r.channel = $4)";

/// The same filter over an aggregate table (`consultation::tally`), aliased `t`, for one stretch of the period
/// (`tally::stretches_through`) whose date column is `on`: `$2` and `$3` are the stretch's bounds, `$3` not
/// included. Its rows are keyed by form, month or day and channel, so the counts below read a row per month
/// (or edge day), channel and answer, never a row per response.
fn tally_filter(on: &str) -> String {
    format!("t.form_id = $1 AND t.{on} >= $2 AND t.{on} < $3 AND ($4 = '' OR t.channel = $4)")
}

/// Runs a results count over the aggregate table `daily` (or its monthly roll-up), stretch by stretch, and adds
/// the stretches' rows up: `sql` is given the stretch's table and date column, and filters by
/// [`tally_filter`]; `split` parts each row into its key and its count.
async fn fetch_tallied<R, K>(
    pool: &AnyPool,
    daily: &str,
    sql: impl Fn(&str, &str) -> String,
    form_id: &FormId,
    filter: &ResponseFilter,
    split: impl Fn(R) -> (K, i64),
) -> Result<Vec<(K, i64)>, sqlx::Error>
where
    R: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    K: Ord,
{
    let mut rows = Vec::new();
    for stretch in tally::stretches_through(&filter.from, &filter.to) {
        let sql = sql(&stretch.table(daily), stretch.column());
        let part: Vec<R> = sqlx::query_as(&sql)
            .bind(form_id)
            .bind(&stretch.from)
            .bind(&stretch.until)
            .bind(filter.channel.map(Channel::as_str).unwrap_or(""))
            .fetch_all(pool)
            .await?;
        rows.extend(part.into_iter().map(&split));
    }
    Ok(tally::merged(rows))
}

/// Runs a results query whose `WHERE` is `FILTER`, binding the form and the filter.
async fn fetch_filtered<R>(
    pool: &AnyPool,
    sql: &str,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<R>, sqlx::Error>
where
    R: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    sqlx::query_as(sql)
        .bind(form_id)
        .bind(&filter.from)
        .bind(&filter.to)
        .bind(filter.channel.map(Channel::as_str).unwrap_or(""))
        .fetch_all(pool)
        .await
}

/// Responses per month (`YYYY-MM`, count), in order.
pub async fn responses_by_month(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let sql = |table: &str, on: &str| {
        format!(
            "SELECT substr(t.{on}, 1, 7) AS month, CAST(SUM(t.responses) AS BIGINT) AS n
             FROM {table} t WHERE {} GROUP BY substr(t.{on}, 1, 7)",
            tally_filter(on)
        )
    };
    fetch_tallied(pool, "feedback_response_tally", sql, form_id, filter, |row: (String, i64)| row).await
}

/// Responses by channel.
pub async fn responses_by_channel(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let sql = |table: &str, on: &str| {
        format!(
            "SELECT t.channel, CAST(SUM(t.responses) AS BIGINT) AS n FROM {table} t WHERE {} GROUP BY t.channel",
            tally_filter(on)
        )
    };
    fetch_tallied(pool, "feedback_response_tally", sql, form_id, filter, |row: (String, i64)| row).await
}

/// How many responses answered each value of each question that is not free text: (question id, value, count).
pub async fn answer_counts(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(QuestionId, String, i64)>, sqlx::Error> {
    let sql = |table: &str, on: &str| {
        format!(
            "SELECT t.question_id, t.value, CAST(SUM(t.answers) AS BIGINT) AS n FROM {table} t
             WHERE {} GROUP BY t.question_id, t.value",
            tally_filter(on)
        )
    };
    let split = |(question, value, n): (QuestionId, String, i64)| ((question, value), n);
    let rows = fetch_tallied(pool, "feedback_answer_tally", sql, form_id, filter, split).await?;
    Ok(rows.into_iter().map(|((question, value), n)| (question, value, n)).collect())
}

/// How many responses answered each question that is not free text at all: (question id, count).
pub async fn respondents_per_question(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(QuestionId, i64)>, sqlx::Error> {
    let sql = |table: &str, on: &str| {
        format!(
            "SELECT t.question_id, CAST(SUM(t.respondents) AS BIGINT) AS n FROM {table} t
             WHERE {} GROUP BY t.question_id",
            tally_filter(on)
        )
    };
    fetch_tallied(pool, "feedback_question_tally", sql, form_id, filter, |row: (QuestionId, i64)| row).await
}

/// The responses in a period with their answers, for the comments list and the CSV export: newest date first,
/// and within a day in random-id order, which says nothing about who answered first.
pub async fn list_responses(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql = format!("{RESPONSE_SELECT} WHERE {FILTER} ORDER BY r.submitted_on DESC, r.id");
    let rows: Vec<ResponseRow> = fetch_filtered(pool, &sql, form_id, filter).await?;
    into_views(pool, rows).await
}

// ---- comments, a page at a time (issue 18) -------------------------------------------------------------

/// Which comments a results page lists, on top of its period and channel: one theme, flagged or not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentFilter {
    /// A theme's name; `None` for every comment.
    pub theme: Option<String>,
    /// `Some(true)`: only responses the safeguarding screener flagged; `Some(false)`: only those it did not.
    pub flagged: Option<bool>,
}

/// One comment as listed: (response, its date, its channel, the question, the words).
pub type CommentRow = (String, String, String, String, String);

/// The `WHERE` of the comments queries: `FILTER`, the comment filter ($5 theme or '', $6 flagged 0/1 or -1)
/// and the free-text questions ($7 on).
fn comment_where(free_text: usize) -> String {
    let ids: Vec<String> = (0..free_text).map(|i| format!("${}", i + 7)).collect();
    format!(
        "{FILTER} AND a.question_id IN ({}) AND a.value <> ''
         AND ($5 = '' OR EXISTS (SELECT 1 FROM comment_theme ct JOIN service_theme t ON t.id = ct.theme_id
                                 WHERE ct.response_id = a.response_id AND ct.question_id = a.question_id AND t.name = $5))
         AND ($6 < 0 OR r.flagged = $6)",
        ids.join(", ")
    )
}

/// Binds a comments query's parameters in `comment_where`'s order.
fn bind_comments<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    form_id: &'q FormId,
    filter: &'q ResponseFilter,
    comments: &'q CommentFilter,
    free_text: &'q [QuestionId],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    query = query
        .bind(form_id)
        .bind(&filter.from)
        .bind(&filter.to)
        .bind(filter.channel.map(Channel::as_str).unwrap_or(""))
        .bind(comments.theme.as_deref().unwrap_or(""))
        .bind(comments.flagged.map_or(-1_i64, i64::from));
    for id in free_text {
        query = query.bind(id);
    }
    query
}

/// How many comments (non-empty answers to the free-text questions `free_text`) match the filters, from the
/// comment aggregates (`consultation::tally`): a row per day, channel, flagged or not and theme.
pub async fn count_comments(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
    comments: &CommentFilter,
    free_text: &[QuestionId],
) -> Result<i64, sqlx::Error> {
    if free_text.is_empty() {
        return Ok(0);
    }
    let mut total = 0;
    for stretch in tally::stretches_through(&filter.from, &filter.to) {
        let sql = format!(
            "SELECT CAST(COALESCE(SUM(t.comments), 0) AS BIGINT) FROM {} t
             WHERE {}
               AND (($5 = '' AND t.theme_id = '')
                    OR ($5 <> '' AND t.theme_id IN (SELECT s.id FROM service_theme s WHERE s.name = $5)))
               AND ($6 < 0 OR t.flagged = $6)",
            stretch.table("feedback_comment_tally"),
            tally_filter(stretch.column())
        );
        let (n,): (i64,) = sqlx::query_as(&sql)
            .bind(form_id)
            .bind(&stretch.from)
            .bind(&stretch.until)
            .bind(filter.channel.map(Channel::as_str).unwrap_or(""))
            .bind(comments.theme.as_deref().unwrap_or(""))
            .bind(comments.flagged.map_or(-1_i64, i64::from))
            .fetch_one(pool)
            .await?;
        total += n;
    }
    Ok(total)
}

/// The query of one page of comments (`list_comments`), for `free_text` free-text questions, binding `$1` to
/// `$6` as `comment_where` says and the questions from `$7`. The responses come first (`CROSS JOIN` keeps
/// them as the outer loop on SQLite; PostgreSQL plans it as the join it is), walked newest day first and by id
/// through the index `feedback_response_by_day`, so a page reads about its own rows and stops: it costs the
/// same at a million responses as at a hundred (checked by `EXPLAIN` in `tests/tests/suite/aggregates.rs`). A
/// theme or flag chosen that few comments match reads further before it finds a page.
pub fn comments_page_sql(free_text: usize, limit: i64, offset: i64) -> String {
    format!(
        "SELECT a.response_id, r.submitted_on, r.channel, a.question_id, a.value
         FROM feedback_response r CROSS JOIN feedback_answer a
         WHERE a.response_id = r.id AND {} ORDER BY r.submitted_on DESC, r.id, a.question_id
         LIMIT {limit} OFFSET {offset}",
        comment_where(free_text)
    )
}

/// One page of the comments that match the filters: `limit` of them after skipping `offset`, newest date
/// first, and within a day in random-id order (which says nothing about who answered first).
pub async fn list_comments(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
    comments: &CommentFilter,
    free_text: &[QuestionId],
    limit: i64,
    offset: i64,
) -> Result<Vec<CommentRow>, sqlx::Error> {
    if free_text.is_empty() {
        return Ok(Vec::new());
    }
    let sql = comments_page_sql(free_text.len(), limit, offset);
    bind_comments(sqlx::query_as(&sql), form_id, filter, comments, free_text).fetch_all(pool).await
}

/// The themes of the comments of `responses`: (response, question, theme name), by name.
pub async fn list_comment_themes(
    pool: &AnyPool,
    responses: &[String],
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    if responses.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = (1..=responses.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT ct.response_id, ct.question_id, t.name FROM comment_theme ct JOIN service_theme t ON t.id = ct.theme_id
         WHERE ct.response_id IN ({}) ORDER BY t.name",
        ids.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for id in responses {
        query = query.bind(id);
    }
    query.fetch_all(pool).await
}

/// Each theme the period's comments are tagged with and how many comments carry it, by name, from the comment
/// aggregates (`consultation::tally`).
pub async fn count_comments_by_theme(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let sql = |table: &str, on: &str| {
        format!(
            "SELECT s.name, CAST(SUM(t.comments) AS BIGINT) FROM {table} t
             JOIN service_theme s ON s.id = t.theme_id
             WHERE {} GROUP BY s.name",
            tally_filter(on)
        )
    };
    let themes = fetch_tallied(pool, "feedback_comment_tally", sql, form_id, filter, |row: (String, i64)| row).await?;
    Ok(themes.into_iter().filter(|(_, n)| *n > 0).collect())
}
