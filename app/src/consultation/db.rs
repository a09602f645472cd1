//! All of the consultation SQL: forms and their versions, responses and answers, safeguarding flags and their
//! review, comment themes, results and focus groups.

use std::collections::HashMap;

use sqlx::{Any, AnyPool, Executor, FromRow};

use super::{
    questions::Question,
    types::{AnswerView, Channel, FeedbackForm, FlagView, FocusGroup, FormState, ResponseView, ReviewOutcome, Theme},
};
use crate::db::flag;

fn decode(message: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Decode(message.into().into())
}

// ---- forms ---------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct FormRow {
    id: String,
    service_id: String,
    service_name: String,
    slug: String,
    title: String,
    intervention: String,
    state: String,
    open_until: Option<String>,
    sign_in_required: i64,
    current_version: i64,
    questions: String,
    version_responses: i64,
    responses: i64,
}

impl FormRow {
    fn into_form(self) -> Result<FeedbackForm, sqlx::Error> {
        Ok(FeedbackForm {
            state: FormState::parse(&self.state).ok_or_else(|| decode(format!("form state {}", self.state)))?,
            questions: serde_json::from_str(&self.questions).map_err(|e| decode(e.to_string()))?,
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            slug: self.slug,
            title: self.title,
            intervention: self.intervention,
            open_until: self.open_until,
            sign_in_required: self.sign_in_required != 0,
            version: self.current_version,
            version_responses: self.version_responses,
            responses: self.responses,
            state_text: String::new(),
        })
    }
}

const FORM_SELECT: &str = "SELECT f.id, f.service_id, s.name AS service_name, f.slug, f.title, f.intervention, f.state,
        f.open_until, f.sign_in_required, f.current_version, v.questions,
        (SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response r
            WHERE r.form_id = f.id AND r.form_version = f.current_version) AS version_responses,
        (SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response r WHERE r.form_id = f.id) AS responses
     FROM feedback_form f
     JOIN service s ON s.id = f.service_id
     JOIN feedback_form_version v ON v.form_id = f.id AND v.version = f.current_version";

/// A form as the public link needs it: without the response counts, which the page does not show and which
/// would cost a count of every response on every request.
pub async fn fetch_form_for_answering<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
) -> Result<Option<FeedbackForm>, sqlx::Error> {
    let sql = "SELECT f.id, f.service_id, s.name AS service_name, f.slug, f.title, f.intervention, f.state,
            f.open_until, f.sign_in_required, f.current_version, v.questions,
            CAST(0 AS BIGINT) AS version_responses, CAST(0 AS BIGINT) AS responses
         FROM feedback_form f
         JOIN service s ON s.id = f.service_id
         JOIN feedback_form_version v ON v.form_id = f.id AND v.version = f.current_version
         WHERE f.slug = $1";
    sqlx::query_as::<_, FormRow>(sql).bind(slug).fetch_optional(db).await?.map(FormRow::into_form).transpose()
}

/// A form about to be created.
pub struct NewForm<'a> {
    pub service_id: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub intervention: &'a str,
    pub sign_in_required: bool,
    pub questions: &'a [Question],
    pub created_by: Option<&'a str>,
}

fn questions_json(questions: &[Question]) -> Result<String, sqlx::Error> {
    serde_json::to_string(questions).map_err(|e| sqlx::Error::Encode(e.into()))
}

/// Creates a draft form with its first version and returns its id.
pub async fn insert_form(tx: &mut sqlx::AnyConnection, form: &NewForm<'_>) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO feedback_form (id, service_id, slug, title, intervention, state, sign_in_required,
            current_version, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, 1, $7, $8, $8)",
    )
    .bind(&id)
    .bind(form.service_id)
    .bind(form.slug)
    .bind(form.title)
    .bind(form.intervention)
    .bind(flag(form.sign_in_required))
    .bind(form.created_by)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO feedback_form_version (form_id, version, questions, created_at) VALUES ($1, 1, $2, $3)")
        .bind(&id)
        .bind(questions_json(form.questions)?)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    Ok(id)
}

pub async fn fetch_form<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &str,
) -> Result<Option<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.id = $1");
    sqlx::query_as::<_, FormRow>(&sql).bind(id).fetch_optional(db).await?.map(FormRow::into_form).transpose()
}

pub async fn fetch_form_by_slug<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
) -> Result<Option<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.slug = $1");
    sqlx::query_as::<_, FormRow>(&sql).bind(slug).fetch_optional(db).await?.map(FormRow::into_form).transpose()
}

/// The forms of the given services, newest first.
pub async fn list_forms(pool: &AnyPool, service_ids: &[String]) -> Result<Vec<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.service_id IN ({{in}}) ORDER BY f.created_at DESC");
    let rows: Vec<FormRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    rows.into_iter().map(FormRow::into_form).collect()
}

/// The open forms of every service, for "Get involved".
/// Responses to a service's forms from `from` up to but not including `until` (`YYYY-MM-DD`).
pub async fn count_service_responses(
    pool: &AnyPool,
    service_id: &str,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response r JOIN feedback_form f ON f.id = r.form_id
         WHERE f.service_id = $1 AND r.submitted_on >= $2 AND r.submitted_on < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await
}

pub async fn list_open_forms(pool: &AnyPool) -> Result<Vec<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.state = 'open' ORDER BY f.title");
    let rows: Vec<FormRow> = sqlx::query_as(&sql).fetch_all(pool).await?;
    rows.into_iter().map(FormRow::into_form).collect()
}

pub async fn update_form_details<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &str,
    title: &str,
    intervention: &str,
    sign_in_required: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE feedback_form SET title = $2, intervention = $3, sign_in_required = $4, updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(title)
    .bind(intervention)
    .bind(flag(sign_in_required))
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn update_state<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &str,
    state: FormState,
    open_until: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE feedback_form SET state = $2, open_until = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(state.as_str())
        .bind(open_until)
        .bind(crate::db::now())
        .execute(db)
        .await?;
    Ok(())
}

/// Replaces the questions of a version, but only while it has no responses: the check and the write are one
/// statement, so an answer arriving meanwhile cannot be left under changed questions. Returns whether it wrote.
pub async fn update_questions<'c>(
    db: impl Executor<'c, Database = Any>,
    form_id: &str,
    version: i64,
    questions: &[Question],
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE feedback_form_version SET questions = $3 WHERE form_id = $1 AND version = $2
           AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.form_id = $1 AND r.form_version = $2)",
    )
    .bind(form_id)
    .bind(version)
    .bind(questions_json(questions)?)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Starts a new version of a form with the given questions and makes it current.
pub async fn insert_version(
    tx: &mut sqlx::AnyConnection,
    form_id: &str,
    version: i64,
    questions: &[Question],
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    sqlx::query("INSERT INTO feedback_form_version (form_id, version, questions, created_at) VALUES ($1, $2, $3, $4)")
        .bind(form_id)
        .bind(version)
        .bind(questions_json(questions)?)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE feedback_form SET current_version = $2, updated_at = $3 WHERE id = $1")
        .bind(form_id)
        .bind(version)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Every question any version of a form has asked, by id (the latest wording where versions share one).
pub async fn all_questions<'c>(
    db: impl Executor<'c, Database = Any>,
    form_id: &str,
) -> Result<Vec<Question>, sqlx::Error> {
    let versions: Vec<(String,)> =
        sqlx::query_as("SELECT questions FROM feedback_form_version WHERE form_id = $1 ORDER BY version DESC")
            .bind(form_id)
            .fetch_all(db)
            .await?;
    let mut seen = std::collections::HashSet::new();
    let mut all = Vec::new();
    for (json,) in versions {
        let questions: Vec<Question> = serde_json::from_str(&json).map_err(|e| decode(e.to_string()))?;
        all.extend(questions.into_iter().filter(|q| seen.insert(q.id.clone())));
    }
    Ok(all)
}

// ---- responses -----------------------------------------------------------------------------------------

/// A response about to be stored. Nothing in it says who gave it unless the form requires sign-in, and nothing
/// says when beyond the date.
pub struct NewResponse<'a> {
    pub form_id: &'a str,
    pub form_version: i64,
    pub channel: Channel,
    /// `YYYY-MM-DD`
    pub submitted_on: &'a str,
    pub respondent_id: Option<&'a str>,
    /// (question id, value) pairs; a multiple-choice answer gives one pair per option.
    pub answers: &'a [(String, String)],
    pub flagged: bool,
    /// Whether any answer is free text; a response without any has nothing to read and skips the review queue.
    pub has_comments: bool,
}

/// A new response's id: a random UUID (v4), which carries no time.
pub fn new_response_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Stores one response and its answers and returns its id.
pub async fn insert_response(tx: &mut sqlx::AnyConnection, response: &NewResponse<'_>) -> Result<String, sqlx::Error> {
    let id = new_response_id();
    insert_responses(tx, &[(id.as_str(), response)]).await?;
    Ok(id)
}

/// Stores responses, each with its id, in two statements however many there are: one for the responses and
/// one for all their answers. The writer groups concurrent submissions into one such call (see `writer.rs`).
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
    let answers: Vec<(&str, &(String, String))> =
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
    Ok(())
}

/// The given forms' state, current version and last day, for the writer's check: (id, state, version, last day).
pub async fn form_states(
    tx: &mut sqlx::AnyConnection,
    form_ids: &[String],
) -> Result<Vec<(String, String, i64, Option<String>)>, sqlx::Error> {
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
pub async fn delete_responses(tx: &mut sqlx::AnyConnection, ids: &[String]) -> Result<(), sqlx::Error> {
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!("DELETE FROM feedback_response WHERE id IN ({})", list.join(", "));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.execute(&mut *tx).await?;
    Ok(())
}

/// Whether this person has already answered this form.
pub async fn has_responded<'c>(
    db: impl Executor<'c, Database = Any>,
    form_id: &str,
    person_id: &str,
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

/// Records what the safeguarding screener found in a response.
pub async fn insert_flag<'c>(
    db: impl Executor<'c, Database = Any>,
    response_id: &str,
    service_id: &str,
    concerns: &[&str],
    reasons: &[String],
    flagged_on: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO safeguarding_flag (response_id, service_id, concerns, reasons, flagged_on)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(response_id)
    .bind(service_id)
    .bind(concerns.join(","))
    .bind(reasons.join("\n"))
    .bind(flagged_on)
    .execute(db)
    .await?;
    Ok(())
}

/// Where a service's safeguarding alerts go: its duty inbox, or else its managers.
pub async fn duty_recipients<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT duty_inbox FROM service WHERE id = $1 AND duty_inbox IS NOT NULL AND duty_inbox <> ''
         UNION
         SELECT p.email FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role = 'manager' AND p.disabled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM service s WHERE s.id = $1 AND s.duty_inbox IS NOT NULL AND s.duty_inbox <> '')",
    )
    .bind(service_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(email,)| email).collect())
}

pub async fn fetch_duty_inbox<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT duty_inbox FROM service WHERE id = $1").bind(service_id).fetch_optional(db).await?;
    Ok(row.and_then(|(inbox,)| inbox).filter(|i| !i.is_empty()))
}

pub async fn update_duty_inbox<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &str,
    inbox: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE service SET duty_inbox = $2 WHERE id = $1").bind(service_id).bind(inbox).execute(db).await?;
    Ok(())
}

#[derive(FromRow)]
struct ResponseRow {
    id: String,
    form_id: String,
    form_title: String,
    service_id: String,
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

const RESPONSE_SELECT: &str = "SELECT r.id, r.form_id, f.title AS form_title, f.service_id, r.channel,
        r.submitted_on, r.reviewed, g.concerns, g.reasons, g.flagged_on, g.outcome, g.note,
        p.display_name AS reviewer, g.reviewed_at
     FROM feedback_response r
     JOIN feedback_form f ON f.id = r.form_id
     LEFT JOIN safeguarding_flag g ON g.response_id = r.id
     LEFT JOIN person p ON p.id = g.reviewed_by";

#[derive(FromRow)]
struct AnswerRow {
    response_id: String,
    question_id: String,
    value: String,
}

#[derive(FromRow)]
struct TagRow {
    response_id: String,
    question_id: String,
    name: String,
}

/// Builds the staff view of responses: answers in the order of the form's questions, with their themes.
async fn into_views(pool: &AnyPool, rows: Vec<ResponseRow>) -> Result<Vec<ResponseView>, sqlx::Error> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
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
    let mut questions_of: HashMap<String, Vec<Question>> = HashMap::new();
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        if !questions_of.contains_key(&row.form_id) {
            let questions = all_questions(pool, &row.form_id).await?;
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
                outcome: row.outcome.as_deref().and_then(ReviewOutcome::parse),
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
            channel: Channel::parse(&row.channel).unwrap_or(Channel::Online),
            submitted_on: row.submitted_on,
            reviewed: row.reviewed != 0,
            answers: answer_views,
            flag,
        });
    }
    Ok(views)
}

pub async fn fetch_response(pool: &AnyPool, id: &str) -> Result<Option<ResponseView>, sqlx::Error> {
    let sql = format!("{RESPONSE_SELECT} WHERE r.id = $1");
    let rows: Vec<ResponseRow> = sqlx::query_as(&sql).bind(id).fetch_all(pool).await?;
    Ok(into_views(pool, rows).await?.pop())
}

/// Flagged responses not yet reviewed, oldest first: these come first in a service's queue.
pub async fn list_flagged_unreviewed(pool: &AnyPool, service_ids: &[String]) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql =
        format!("{RESPONSE_SELECT} WHERE g.outcome IS NULL AND g.service_id IN ({{in}}) ORDER BY g.flagged_on, r.id");
    let rows = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    into_views(pool, rows).await
}

/// Responses with free text nobody has read yet (flagged ones are in their own list), oldest first.
pub async fn list_unread(pool: &AnyPool, service_ids: &[String], limit: i64) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql = format!(
        "{RESPONSE_SELECT} WHERE r.reviewed = 0 AND r.flagged = 0 AND f.service_id IN ({{in}})
         ORDER BY r.submitted_on, r.id LIMIT {limit}"
    );
    let rows: Vec<ResponseRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    into_views(pool, rows).await
}

/// Records the review of a flagged response, once: a second reviewer finds it already done.
pub async fn record_review<'c>(
    db: impl Executor<'c, Database = Any>,
    response_id: &str,
    outcome: ReviewOutcome,
    note: &str,
    reviewer_id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE safeguarding_flag SET outcome = $2, note = $3, reviewed_by = $4, reviewed_at = $5
         WHERE response_id = $1 AND outcome IS NULL",
    )
    .bind(response_id)
    .bind(outcome.as_str())
    .bind(note)
    .bind(reviewer_id)
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn mark_read<'c>(db: impl Executor<'c, Database = Any>, response_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE feedback_response SET reviewed = 1 WHERE id = $1").bind(response_id).execute(db).await?;
    Ok(())
}

// ---- themes --------------------------------------------------------------------------------------------

pub async fn list_themes(pool: &AnyPool, service_ids: &[String]) -> Result<Vec<Theme>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = crate::db::fetch_all_in(
        pool,
        "SELECT id, service_id, name FROM service_theme WHERE service_id IN ({in}) ORDER BY name",
        service_ids,
    )
    .await?;
    Ok(rows.into_iter().map(|(id, service_id, name)| Theme { id, service_id, name }).collect())
}

pub async fn insert_theme<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &str,
    name: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO service_theme (id, service_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(service_id)
        .bind(name)
        .bind(crate::db::now())
        .execute(db)
        .await?;
    Ok(id)
}

pub async fn fetch_theme<'c>(db: impl Executor<'c, Database = Any>, id: &str) -> Result<Option<Theme>, sqlx::Error> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, service_id, name FROM service_theme WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(id, service_id, name)| Theme { id, service_id, name }))
}

/// Tags (or, with `on` false, untags) a free-text answer with a theme.
pub async fn set_comment_theme<'c>(
    db: impl Executor<'c, Database = Any>,
    response_id: &str,
    question_id: &str,
    theme_id: &str,
    on: bool,
) -> Result<(), sqlx::Error> {
    let sql = if on {
        "INSERT INTO comment_theme (response_id, question_id, theme_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM comment_theme WHERE response_id = $1 AND question_id = $2 AND theme_id = $3"
    };
    sqlx::query(sql).bind(response_id).bind(question_id).bind(theme_id).execute(db).await?;
    Ok(())
}

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
    form_id: &str,
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
    form_id: &str,
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
    form_id: &str,
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
    form_id: &str,
    filter: &ResponseFilter,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
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
    form_id: &str,
    filter: &ResponseFilter,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
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
    form_id: &str,
    filter: &ResponseFilter,
) -> Result<Vec<ResponseView>, sqlx::Error> {
    let sql = format!("{RESPONSE_SELECT} WHERE {FILTER} ORDER BY r.submitted_on DESC, r.id");
    let rows: Vec<ResponseRow> = fetch_filtered(pool, &sql, form_id, filter).await?;
    into_views(pool, rows).await
}

// ---- focus groups --------------------------------------------------------------------------------------

#[derive(FromRow)]
struct FocusGroupRow {
    id: String,
    service_id: String,
    service_name: String,
    topic: String,
    held_on: String,
    participants: i64,
    themes: String,
    notes: String,
}

impl FocusGroupRow {
    fn into_focus_group(self) -> FocusGroup {
        FocusGroup {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            topic: self.topic,
            held_on: self.held_on,
            participants: self.participants,
            themes: self.themes.lines().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect(),
            notes: self.notes,
        }
    }
}

const FOCUS_GROUP_SELECT: &str = "SELECT g.id, g.service_id, s.name AS service_name, g.topic, g.held_on,
        g.participants, g.themes, g.notes
     FROM focus_group g JOIN service s ON s.id = g.service_id";

pub struct FocusGroupFields<'a> {
    pub service_id: &'a str,
    pub topic: &'a str,
    pub held_on: &'a str,
    pub participants: i64,
    pub themes: &'a [String],
    pub notes: &'a str,
}

pub async fn insert_focus_group<'c>(
    db: impl Executor<'c, Database = Any>,
    fields: &FocusGroupFields<'_>,
    recorded_by: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO focus_group (id, service_id, topic, held_on, participants, themes, notes, recorded_by,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(fields.service_id)
    .bind(fields.topic)
    .bind(fields.held_on)
    .bind(fields.participants)
    .bind(fields.themes.join("\n"))
    .bind(fields.notes)
    .bind(recorded_by)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn fetch_focus_group<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &str,
) -> Result<Option<FocusGroup>, sqlx::Error> {
    let sql = format!("{FOCUS_GROUP_SELECT} WHERE g.id = $1");
    Ok(sqlx::query_as::<_, FocusGroupRow>(&sql).bind(id).fetch_optional(db).await?.map(FocusGroupRow::into_focus_group))
}

pub async fn list_focus_groups(pool: &AnyPool, service_ids: &[String]) -> Result<Vec<FocusGroup>, sqlx::Error> {
    let sql = format!("{FOCUS_GROUP_SELECT} WHERE g.service_id IN ({{in}}) ORDER BY g.held_on DESC");
    let rows: Vec<FocusGroupRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    Ok(rows.into_iter().map(FocusGroupRow::into_focus_group).collect())
}
