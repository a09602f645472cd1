//! Results' SQL: counts of responses and answers for a form and period.

use crate::consultation::types::{FormId, QuestionId};
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
    let sql = format!(
        "SELECT substr(r.submitted_on, 1, 7) AS month, CAST(COUNT(*) AS BIGINT) AS n FROM feedback_response r
         WHERE {FILTER} GROUP BY substr(r.submitted_on, 1, 7) ORDER BY month"
    );
    fetch_filtered(pool, &sql, form_id, filter).await
}

/// Responses by channel.
pub async fn responses_by_channel(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT r.channel, CAST(COUNT(*) AS BIGINT) AS n FROM feedback_response r WHERE {FILTER} GROUP BY r.channel"
    );
    fetch_filtered(pool, &sql, form_id, filter).await
}

/// How many responses answered each value of each question: (question id, value, count).
pub async fn answer_counts(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(QuestionId, String, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT a.question_id, a.value, CAST(COUNT(*) AS BIGINT) AS n
         FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
         WHERE {FILTER} GROUP BY a.question_id, a.value"
    );
    fetch_filtered(pool, &sql, form_id, filter).await
}

/// How many responses answered each question at all: (question id, count).
pub async fn respondents_per_question(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(QuestionId, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT a.question_id, CAST(COUNT(DISTINCT a.response_id) AS BIGINT) AS n
         FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
         WHERE {FILTER} GROUP BY a.question_id"
    );
    fetch_filtered(pool, &sql, form_id, filter).await
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

/// How many comments (non-empty answers to the free-text questions `free_text`) match the filters.
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
    let sql = format!(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
         WHERE {}",
        comment_where(free_text.len())
    );
    let (n,): (i64,) =
        bind_comments(sqlx::query_as(&sql), form_id, filter, comments, free_text).fetch_one(pool).await?;
    Ok(n)
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
    let sql = format!(
        "SELECT a.response_id, r.submitted_on, r.channel, a.question_id, a.value
         FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
         WHERE {} ORDER BY r.submitted_on DESC, r.id, a.question_id LIMIT {limit} OFFSET {offset}",
        comment_where(free_text.len())
    );
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

/// Each theme the period's comments are tagged with and how many comments carry it, by name.
pub async fn count_comments_by_theme(
    pool: &AnyPool,
    form_id: &FormId,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT t.name, CAST(COUNT(*) AS BIGINT) FROM comment_theme ct
         JOIN service_theme t ON t.id = ct.theme_id
         JOIN feedback_response r ON r.id = ct.response_id
         WHERE {FILTER} GROUP BY t.name ORDER BY t.name"
    );
    fetch_filtered(pool, &sql, form_id, filter).await
}
