//! The SQL behind the figures consultation publishes for reports (`api::report_figures`,
//! `api::fft_by_month`): counts over a service's forms for a period, never a response's words. Feedback's
//! counts come from the aggregates kept in the write transactions (`consultation::tally`): whole months from
//! the monthly roll-ups and the days at a range's edges from the daily rows (`tally::stretches`), so they cost
//! a row per form, month, channel and answer value read, whatever the number of responses.

use sqlx::AnyPool;

use crate::{
    accounts::types::ServiceId,
    consultation::{tally, types::FormId},
};

/// A service's responses from `from` up to but not including `until` (`YYYY-MM-DD`) by channel: (channel, n).
pub async fn responses_by_channel(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let mut rows = Vec::new();
    for stretch in tally::stretches(from, until) {
        let (table, on) = (stretch.table("feedback_response_tally"), stretch.column());
        let sql = format!(
            "SELECT t.channel, CAST(SUM(t.responses) AS BIGINT) FROM {table} t
             JOIN feedback_form f ON f.id = t.form_id
             WHERE f.service_id = $1 AND t.{on} >= $2 AND t.{on} < $3 GROUP BY t.channel"
        );
        let part: Vec<(String, i64)> =
            sqlx::query_as(&sql).bind(service_id).bind(&stretch.from).bind(&stretch.until).fetch_all(pool).await?;
        rows.extend(part);
    }
    Ok(tally::merged(rows))
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
    let mut rows = Vec::new();
    for stretch in tally::stretches(from, until) {
        let (table, on) = (stretch.table("feedback_answer_tally"), stretch.column());
        let sql = format!(
            "SELECT t.form_id, t.form_version, t.question_id, t.value, substr(t.{on}, 1, 7), t.channel,
                    CAST(SUM(t.answers) AS BIGINT)
             FROM {table} t
             JOIN feedback_form f ON f.id = t.form_id
             WHERE f.service_id = $1 AND t.{on} >= $2 AND t.{on} < $3
               AND t.value IN ($4, $5, $6, $7, $8, $9)
             GROUP BY t.form_id, t.form_version, t.question_id, t.value, substr(t.{on}, 1, 7), t.channel"
        );
        let mut query = sqlx::query_as(&sql).bind(service_id).bind(&stretch.from).bind(&stretch.until);
        for value in values {
            query = query.bind(value);
        }
        let part: Vec<(FormId, i64, String, String, String, String, i64)> = query.fetch_all(pool).await?;
        rows.extend(part.into_iter().map(|(f, v, q, a, m, c, n)| ((f, v, q, a, m, c), n)));
    }
    Ok(tally::merged(rows).into_iter().map(|((f, v, q, a, m, c), n)| (f, v, q, a, m, c, n)).collect())
}

/// A service's comment themes in a period with the responses tagged with each (a response counted once per
/// theme, however many of its answers carry it): (theme, responses), most first, then by name.
pub async fn responses_by_theme(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let mut rows = Vec::new();
    for stretch in tally::stretches(from, until) {
        let (table, on) = (stretch.table("feedback_comment_tally"), stretch.column());
        let sql = format!(
            "SELECT s.name, CAST(SUM(t.responses) AS BIGINT) AS n
             FROM {table} t
             JOIN feedback_form f ON f.id = t.form_id
             JOIN service_theme s ON s.id = t.theme_id
             WHERE f.service_id = $1 AND s.service_id = $1 AND t.{on} >= $2 AND t.{on} < $3
             GROUP BY s.name"
        );
        let part: Vec<(String, i64)> =
            sqlx::query_as(&sql).bind(service_id).bind(&stretch.from).bind(&stretch.until).fetch_all(pool).await?;
        rows.extend(part);
    }
    let mut themes: Vec<(String, i64)> = tally::merged(rows).into_iter().filter(|(_, n)| *n > 0).collect();
    themes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(themes)
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
