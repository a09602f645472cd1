//! The review queue's SQL: responses as staff read them, reviews, reading, and comment themes.

use crate::accounts::types::ServiceId;
use crate::consultation::types::{FormId, QuestionId, ResponseId, ThemeId};
use std::collections::HashMap;

use sqlx::{Any, AnyPool, Executor, FromRow};

use crate::consultation::{
    questions::Question,
    types::{AnswerView, Channel, FlagView, ResponseView, Theme},
};

#[derive(FromRow)]
pub(crate) struct ResponseRow {
    id: ResponseId,
    form_id: FormId,
    form_title: String,
    service_id: ServiceId,
    channel: String,
    submitted_on: String,
    reviewed: i64,
    concerns: Option<String>,
    reasons: Option<String>,
    flagged_on: Option<String>,
    outcome: Option<String>,
    note: Option<String>,
    reviewer: Option<String>,
    reviewed_at: Option<String>,
}

pub(crate) const RESPONSE_SELECT: &str = "SELECT r.id, r.form_id, f.title AS form_title, f.service_id, r.channel,
        r.submitted_on, r.reviewed, g.concerns, g.reasons, g.flagged_on, g.outcome, g.note,
        p.display_name AS reviewer, g.reviewed_at
     FROM feedback_response r
     JOIN feedback_form f ON f.id = r.form_id
     LEFT JOIN review_flag g ON g.source_type = 'feedback_response' AND g.source_id = r.id
     LEFT JOIN person p ON p.id = g.reviewed_by";

#[derive(FromRow)]
struct AnswerRow {
    response_id: ResponseId,
    question_id: QuestionId,
    value: String,
}

#[derive(FromRow)]
struct TagRow {
    response_id: ResponseId,
    question_id: QuestionId,
    name: String,
}

/// Builds the staff view of responses: answers in the order of the form's questions, with their themes.
pub(crate) async fn into_views(pool: &AnyPool, rows: Vec<ResponseRow>) -> Result<Vec<ResponseView>, sqlx::Error> {
    let ids: Vec<ResponseId> = rows.iter().map(|r| r.id.clone()).collect();
    let answers: Vec<AnswerRow> = crate::db::fetch_all_in(
        pool,
        "SELECT response_id, question_id, value FROM feedback_answer WHERE response_id IN ({in})",
        &ids,
    )
    .await?;
    let tags: Vec<TagRow> = crate::db::fetch_all_in(
        pool,
        "SELECT c.response_id, c.question_id, t.name FROM comment_theme c JOIN service_theme t ON t.id = c.theme_id
         WHERE c.response_id IN ({in}) ORDER BY t.name",
        &ids,
    )
    .await?;
    let mut questions_of: HashMap<FormId, Vec<Question>> = HashMap::new();
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        if !questions_of.contains_key(&row.form_id) {
            let questions = crate::consultation::forms::db::all_questions(pool, &row.form_id).await?;
            questions_of.insert(row.form_id.clone(), questions);
        }
        let questions = questions_of.get(&row.form_id).map(Vec::as_slice).unwrap_or_default();
        let mine: Vec<&AnswerRow> = answers.iter().filter(|a| a.response_id == row.id).collect();
        let mut answer_views = Vec::new();
        for question in questions {
            let values: Vec<String> = mine
                .iter()
                .filter(|a| a.question_id == question.id)
                .map(|a| question.kind.words_for(&a.value))
                .collect();
            if values.is_empty() {
                continue;
            }
            answer_views.push(AnswerView {
                question_id: question.id.clone(),
                prompt: question.prompt.clone(),
                answer: values.join("; "),
                is_free_text: question.kind.is_free_text(),
                themes: tags
                    .iter()
                    .filter(|t| t.response_id == row.id && t.question_id == question.id)
                    .map(|t| t.name.clone())
                    .collect(),
            });
        }
        let flag = match (row.concerns, row.flagged_on) {
            (Some(concerns), Some(flagged_on)) => Some(FlagView {
                concerns: concerns
                    .split(',')
                    .filter_map(crate::safeguarding::screener::Concern::parse)
                    .map(|c| c.label().to_owned())
                    .collect(),
                reasons: row.reasons.unwrap_or_default().lines().map(str::to_owned).collect(),
                flagged_on,
                outcome: row.outcome.as_deref().and_then(|o| o.parse().ok()),
                note: row.note.unwrap_or_default(),
                reviewed_by: row.reviewer,
                reviewed_at: row.reviewed_at,
            }),
            _ => None,
        };
        views.push(ResponseView {
            id: row.id,
            form_id: row.form_id,
            form_title: row.form_title,
            service_id: row.service_id,
            channel: row.channel.parse::<Channel>().unwrap_or(Channel::Online),
            submitted_on: row.submitted_on,
            reviewed: row.reviewed != 0,
            answers: answer_views,
            flag,
        });
    }
    Ok(views)
}

pub async fn fetch_response(pool: &AnyPool, id: &ResponseId) -> Result<Option<ResponseView>, sqlx::Error> {
    let sql = format!("{RESPONSE_SELECT} WHERE r.id = $1");
    let rows: Vec<ResponseRow> = sqlx::query_as(&sql).bind(id).fetch_all(pool).await?;
    Ok(into_views(pool, rows).await?.pop())
}

/// Flagged responses not yet reviewed, oldest first: these come first in a service's queue.
pub async fn list_flagged_unreviewed(
    pool: &AnyPool,
    service_ids: &[ServiceId],
) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql =
        format!("{RESPONSE_SELECT} WHERE g.outcome IS NULL AND g.service_id IN ({{in}}) ORDER BY g.flagged_on, r.id");
    let rows = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    into_views(pool, rows).await
}

/// Responses with free text nobody has read yet (flagged ones are in their own list), oldest first.
pub async fn list_unread(
    pool: &AnyPool,
    service_ids: &[ServiceId],
    limit: i64,
) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql = format!(
        "{RESPONSE_SELECT} WHERE r.reviewed = 0 AND r.flagged = 0 AND f.service_id IN ({{in}})
         ORDER BY r.submitted_on, r.id LIMIT {limit}"
    );
    let rows: Vec<ResponseRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    into_views(pool, rows).await
}

pub async fn mark_read<'c>(db: impl Executor<'c, Database = Any>, response_id: &ResponseId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE feedback_response SET reviewed = 1 WHERE id = $1").bind(response_id).execute(db).await?;
    Ok(())
}

// ---- themes --------------------------------------------------------------------------------------------

pub async fn list_themes(pool: &AnyPool, service_ids: &[ServiceId]) -> Result<Vec<Theme>, sqlx::Error> {
    let rows: Vec<(ThemeId, ServiceId, String)> = crate::db::fetch_all_in(
        pool,
        "SELECT id, service_id, name FROM service_theme WHERE service_id IN ({in}) ORDER BY name",
        service_ids,
    )
    .await?;
    Ok(rows.into_iter().map(|(id, service_id, name)| Theme { id, service_id, name }).collect())
}

pub async fn insert_theme<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &ServiceId,
    name: &str,
) -> Result<ThemeId, sqlx::Error> {
    let id = ThemeId::new();
    sqlx::query("INSERT INTO service_theme (id, service_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(service_id)
        .bind(name)
        .bind(crate::db::now())
        .execute(db)
        .await?;
    Ok(id)
}

pub async fn fetch_theme<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &ThemeId,
) -> Result<Option<Theme>, sqlx::Error> {
    let row: Option<(ThemeId, ServiceId, String)> =
        sqlx::query_as("SELECT id, service_id, name FROM service_theme WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(id, service_id, name)| Theme { id, service_id, name }))
}

/// Tags (or, with `on` false, untags) a free-text answer with a theme, and changes the comment aggregates
/// (`consultation::tally`) to match in the same transaction: run it inside a write transaction. Tagging twice, or
/// untagging what is not tagged, changes nothing.
pub async fn set_comment_theme(
    conn: &mut sqlx::AnyConnection,
    response_id: &ResponseId,
    question_id: &QuestionId,
    theme_id: &ThemeId,
    on: bool,
) -> Result<(), sqlx::Error> {
    let sql = if on {
        "INSERT INTO comment_theme (response_id, question_id, theme_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM comment_theme WHERE response_id = $1 AND question_id = $2 AND theme_id = $3"
    };
    let done = sqlx::query(sql).bind(response_id).bind(question_id).bind(theme_id).execute(&mut *conn).await?;
    if done.rows_affected() == 0 {
        return Ok(());
    }
    let response: Option<(String, String, String, i64)> =
        sqlx::query_as("SELECT form_id, submitted_on, channel, flagged FROM feedback_response WHERE id = $1")
            .bind(response_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((form_id, submitted_on, channel, flagged)) = response else { return Ok(()) };
    let now_tagged: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM comment_theme WHERE response_id = $1 AND theme_id = $2",
    )
    .bind(response_id)
    .bind(theme_id)
    .fetch_one(&mut *conn)
    .await?;
    let change = crate::consultation::tally::theme_change(
        (form_id, submitted_on, channel, flagged != 0),
        theme_id.as_str(),
        on,
        now_tagged,
    );
    crate::consultation::tally::apply(conn, &change).await
}

pub async fn fetch_duty_inbox<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &ServiceId,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT duty_inbox FROM service WHERE id = $1").bind(service_id).fetch_optional(db).await?;
    Ok(row.and_then(|(inbox,)| inbox).filter(|i| !i.is_empty()))
}

pub async fn update_duty_inbox<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &ServiceId,
    inbox: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE service SET duty_inbox = $2 WHERE id = $1").bind(service_id).bind(inbox).execute(db).await?;
    Ok(())
}
