//! Storing responses: responses and their answers, safeguarding flags, and where duty alerts go.

use crate::accounts::types::{PersonId, ServiceId};
use crate::consultation::types::{FormId, QuestionId, ResponseId};
use crate::safeguarding::review::{db as review_db, FlagSource, FlagSourceKind};
use sqlx::{Any, Executor};

use crate::consultation::{tally, types::Channel};
use crate::db::flag;

// ---- responses -----------------------------------------------------------------------------------------

/// A response about to be stored. Nothing in it says who gave it unless the form requires sign-in, and nothing
/// says when beyond the date.
pub struct NewResponse<'a> {
    pub form_id: &'a FormId,
    pub form_version: i64,
    pub channel: Channel,
    /// `YYYY-MM-DD`
    pub submitted_on: &'a str,
    pub respondent_id: Option<&'a str>,
    /// (question id, value) pairs; a multiple-choice answer gives one pair per option.
    pub answers: &'a [(QuestionId, String)],
    pub flagged: bool,
    /// Whether any answer is free text; a response without any has nothing to read and skips the review queue.
    pub has_comments: bool,
}

/// A new response's id: a random UUID (v4), which carries no time.
pub fn new_response_id() -> ResponseId {
    ResponseId::from(uuid::Uuid::new_v4().to_string())
}

/// Stores one response and its answers and returns its id.
pub async fn insert_response(
    tx: &mut sqlx::AnyConnection,
    response: &NewResponse<'_>,
) -> Result<ResponseId, sqlx::Error> {
    let id = new_response_id();
    insert_responses(tx, &[(id.as_str(), response)]).await?;
    Ok(id)
}

/// Stores responses, each with its id, in two statements however many there are: one for the responses and
/// one for all their answers, and adds them to the aggregates (`consultation::tally`) in the same transaction.
/// The writer groups concurrent submissions into one such call (see `writer.rs`).
pub async fn insert_responses(
    tx: &mut sqlx::AnyConnection,
    responses: &[(&str, &NewResponse<'_>)],
) -> Result<(), sqlx::Error> {
    if responses.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..responses.len())
        .map(|i| {
            let p = i * 8;
            format!("(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8)
        })
        .collect();
    let sql = format!(
        "INSERT INTO feedback_response (id, form_id, form_version, channel, submitted_on, respondent_id, flagged,
            reviewed) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (id, response) in responses {
        query = query
            .bind(*id)
            .bind(response.form_id)
            .bind(response.form_version)
            .bind(response.channel.as_str())
            .bind(response.submitted_on)
            .bind(response.respondent_id)
            .bind(flag(response.flagged))
            .bind(flag(!response.has_comments));
    }
    query.execute(&mut *tx).await?;
    let answers: Vec<(&str, &(QuestionId, String))> =
        responses.iter().flat_map(|(id, r)| r.answers.iter().map(move |a| (*id, a))).collect();
    // Each statement stays well under both engines' limits on bound values (SQLite 32,766; PostgreSQL 65,535).
    for chunk in answers.chunks(5_000) {
        let rows: Vec<String> =
            (0..chunk.len()).map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3)).collect();
        let sql = format!("INSERT INTO feedback_answer (response_id, question_id, value) VALUES {}", rows.join(", "));
        let mut query = sqlx::query(&sql);
        for (id, (question_id, value)) in chunk {
            query = query.bind(*id).bind(question_id).bind(value);
        }
        query.execute(&mut *tx).await?;
    }
    // The aggregates, in the same transaction (`consultation::tally`): each response added to its keys, the
    // batch's changes added up per key first and written in the fixed order that keeps writers from deadlocking.
    let mut changes = tally::Tallies::default();
    let mut versions = tally::Versions::default();
    for (_, response) in responses {
        let questions = versions.get(tx, response.form_id.as_str(), response.form_version).await?;
        let answers: Vec<(String, String)> =
            response.answers.iter().map(|(question, value)| (question.to_string(), value.clone())).collect();
        let counted = tally::Counted {
            form_id: response.form_id.as_str(),
            form_version: response.form_version,
            submitted_on: response.submitted_on,
            channel: response.channel.as_str(),
            flagged: response.flagged,
            answers: &answers,
            themes: &[],
        };
        changes.add(&counted, questions, 1);
    }
    tally::apply(tx, &changes).await
}

/// The given forms' state, current version and last day, for the writer's check: (id, state, version, last day).
pub async fn form_states(
    tx: &mut sqlx::AnyConnection,
    form_ids: &[FormId],
) -> Result<Vec<(FormId, String, i64, Option<String>)>, sqlx::Error> {
    let list: Vec<String> = (1..=form_ids.len()).map(|i| format!("${i}")).collect();
    let sql =
        format!("SELECT id, state, current_version, open_until FROM feedback_form WHERE id IN ({})", list.join(", "));
    let mut query = sqlx::query_as(&sql);
    for id in form_ids {
        query = query.bind(id);
    }
    query.fetch_all(&mut *tx).await
}

/// Takes responses out again (their answers go with them), inside the transaction that wrote them.
/// The aggregates lose what the responses counted (`consultation::tally`), in the same transaction.
pub async fn delete_responses(tx: &mut sqlx::AnyConnection, ids: &[String]) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let removed = tally::removal_of(tx, ids).await?;
    tally::apply(tx, &removed).await?;
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!("DELETE FROM feedback_response WHERE id IN ({})", list.join(", "));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.execute(&mut *tx).await?;
    // Their flags go with them: a flag names its source without a foreign key.
    review_db::delete_for(tx, FlagSourceKind::FeedbackResponse, ids).await?;
    Ok(())
}

/// Whether this person has already answered this form.
pub async fn has_responded<'c>(
    db: impl Executor<'c, Database = Any>,
    form_id: &FormId,
    person_id: &PersonId,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response WHERE form_id = $1 AND respondent_id = $2",
    )
    .bind(form_id)
    .bind(person_id)
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

/// Raises a safeguarding review flag on a response with what the screener found, in the caller's transaction.
pub async fn flag_response(
    conn: &mut sqlx::AnyConnection,
    response_id: &ResponseId,
    service_id: &ServiceId,
    concerns: &[&str],
    reasons: &[String],
    flagged_on: &str,
) -> Result<(), sqlx::Error> {
    let source = FlagSource { kind: FlagSourceKind::FeedbackResponse, id: response_id.to_string() };
    let flag = review_db::NewFlag { service_id, source: &source, concerns, reasons, flagged_on };
    review_db::raise(conn, &flag).await
}
