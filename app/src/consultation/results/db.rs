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
