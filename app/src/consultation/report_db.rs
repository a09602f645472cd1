//! The SQL behind the figures consultation publishes for reports (`api::report_figures`,
//! `api::fft_by_month`): counts over a service's forms for a period, never a response's words.

use sqlx::AnyPool;

use crate::{accounts::types::ServiceId, consultation::types::FormId};

/// A service's responses from `from` up to but not including `until` (`YYYY-MM-DD`) by channel: (channel, n).
pub async fn responses_by_channel(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.channel, CAST(COUNT(*) AS BIGINT) FROM feedback_response r JOIN feedback_form f ON f.id = r.form_id
         WHERE f.service_id = $1 AND r.submitted_on >= $2 AND r.submitted_on < $3 GROUP BY r.channel",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_all(pool)
    .await
}

/// A service's answers with one of the six values `values` in a period, grouped: (form, form version,
/// question, value, month `YYYY-MM`, channel, responses). The caller keeps the groups whose question is, in
/// that version, the Friends and Family Test (values are not unique to a kind of question).
pub async fn answers_by_month(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
    values: [&str; 6],
) -> Result<Vec<(FormId, i64, String, String, String, String, i64)>, sqlx::Error> {
    let mut query = sqlx::query_as(
        "SELECT r.form_id, r.form_version, a.question_id, a.value, substr(r.submitted_on, 1, 7), r.channel,
                CAST(COUNT(DISTINCT r.id) AS BIGINT)
         FROM feedback_answer a
         JOIN feedback_response r ON r.id = a.response_id
         JOIN feedback_form f ON f.id = r.form_id
         WHERE f.service_id = $1 AND r.submitted_on >= $2 AND r.submitted_on < $3
           AND a.value IN ($4, $5, $6, $7, $8, $9)
         GROUP BY r.form_id, r.form_version, a.question_id, a.value, substr(r.submitted_on, 1, 7), r.channel",
    )
    .bind(service_id)
    .bind(from)
    .bind(until);
    for value in values {
        query = query.bind(value);
    }
    query.fetch_all(pool).await
}

/// A service's comment themes in a period with the responses tagged with each (a response counted once per
/// theme, however many of its answers carry it): (theme, responses), most first, then by name.
pub async fn responses_by_theme(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.name, CAST(COUNT(DISTINCT c.response_id) AS BIGINT) AS n
         FROM comment_theme c
         JOIN service_theme t ON t.id = c.theme_id
         JOIN feedback_response r ON r.id = c.response_id
         WHERE t.service_id = $1 AND r.submitted_on >= $2 AND r.submitted_on < $3
         GROUP BY t.name ORDER BY n DESC, t.name",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_all(pool)
    .await
}

/// A service's focus groups held in a period and the people at them: (groups, people).
pub async fn focus_groups_held(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(participants), 0) AS BIGINT) FROM focus_group
         WHERE service_id = $1 AND held_on >= $2 AND held_on < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await
}
