//! The form builder's SQL: forms, their versions and questions.

use crate::accounts::types::{PersonId, ServiceId};
use crate::consultation::types::{FormId, QuestionId};
use sqlx::{Any, AnyPool, Executor, FromRow};

use crate::consultation::{
    questions::Question,
    tally,
    types::{FeedbackForm, FormState},
};
use crate::db::flag;

fn decode(message: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Decode(message.into().into())
}

// ---- forms ---------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct FormRow {
    id: FormId,
    service_id: ServiceId,
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
            state: self.state.parse::<FormState>().ok().ok_or_else(|| decode(format!("form state {}", self.state)))?,
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
        (SELECT CAST(COALESCE(SUM(t.responses), 0) AS BIGINT) FROM feedback_response_tally_month t
            WHERE t.form_id = f.id AND t.form_version = f.current_version) AS version_responses,
        (SELECT CAST(COALESCE(SUM(t.responses), 0) AS BIGINT) FROM feedback_response_tally_month t
            WHERE t.form_id = f.id) AS responses
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

/// The questions of one version of a form, if it has that version.
pub async fn fetch_version_questions<'c>(
    db: impl Executor<'c, Database = Any>,
    form_id: &FormId,
    version: i64,
) -> Result<Option<Vec<Question>>, sqlx::Error> {
    let questions: Option<String> =
        sqlx::query_scalar("SELECT questions FROM feedback_form_version WHERE form_id = $1 AND version = $2")
            .bind(form_id)
            .bind(version)
            .fetch_optional(db)
            .await?;
    questions.map(|q| serde_json::from_str(&q).map_err(|e| decode(e.to_string()))).transpose()
}

/// The questions of the form versions `versions` (form, version) that exist, read in one query: for a
/// report, which meets a handful of versions in every period's counts.
pub async fn fetch_versions_questions(
    pool: &AnyPool,
    versions: &std::collections::BTreeSet<(FormId, i64)>,
) -> Result<std::collections::BTreeMap<(FormId, i64), Vec<Question>>, sqlx::Error> {
    let forms: std::collections::BTreeSet<&FormId> = versions.iter().map(|(form, _)| form).collect();
    let mut found = std::collections::BTreeMap::new();
    if forms.is_empty() {
        return Ok(found);
    }
    let list: Vec<String> = (1..=forms.len()).map(|i| format!("${i}")).collect();
    let sql =
        format!("SELECT form_id, version, questions FROM feedback_form_version WHERE form_id IN ({})", list.join(", "));
    let mut query = sqlx::query_as::<_, (FormId, i64, String)>(&sql);
    for form in forms {
        query = query.bind(form);
    }
    for (form_id, version, questions) in query.fetch_all(pool).await? {
        let key = (form_id, version);
        if versions.contains(&key) {
            let questions: Vec<Question> = serde_json::from_str(&questions).map_err(|e| decode(e.to_string()))?;
            found.insert(key, questions);
        }
    }
    Ok(found)
}

/// A form about to be created.
pub struct NewForm<'a> {
    pub service_id: &'a ServiceId,
    pub slug: &'a str,
    pub title: &'a str,
    pub intervention: &'a str,
    pub sign_in_required: bool,
    pub questions: &'a [Question],
    pub created_by: Option<&'a PersonId>,
}

fn questions_json(questions: &[Question]) -> Result<String, sqlx::Error> {
    serde_json::to_string(questions).map_err(|e| sqlx::Error::Encode(e.into()))
}

/// Creates a draft form with its first version and returns its id.
pub async fn insert_form(tx: &mut sqlx::AnyConnection, form: &NewForm<'_>) -> Result<FormId, sqlx::Error> {
    let id = FormId::new();
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
    id: &FormId,
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
pub async fn list_forms(pool: &AnyPool, service_ids: &[ServiceId]) -> Result<Vec<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.service_id IN ({{in}}) ORDER BY f.created_at DESC");
    let rows: Vec<FormRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    rows.into_iter().map(FormRow::into_form).collect()
}

/// The open forms of every service, for "Get involved".
/// Responses to a service's forms from `from` up to but not including `until` (`YYYY-MM-DD`), from the
/// aggregates (`consultation::tally`).
pub async fn count_service_responses(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    let mut total = 0;
    for stretch in tally::stretches(from, until) {
        let (table, on) = (stretch.table("feedback_response_tally"), stretch.column());
        let sql = format!(
            "SELECT CAST(COALESCE(SUM(t.responses), 0) AS BIGINT) FROM {table} t
             JOIN feedback_form f ON f.id = t.form_id
             WHERE f.service_id = $1 AND t.{on} >= $2 AND t.{on} < $3"
        );
        let n: i64 =
            sqlx::query_scalar(&sql).bind(service_id).bind(&stretch.from).bind(&stretch.until).fetch_one(pool).await?;
        total += n;
    }
    Ok(total)
}

/// Responses to a service's forms from `from` up to but not including `until` (`YYYY-MM-DD`) that answered
/// any question with one of `values`, grouped: (form, form version, question, value, responses). The caller
/// keeps the groups whose question, in that version, is the one it means (values are not unique to a kind).
/// From the aggregates (`consultation::tally`), which hold the questions that are not free text.
pub async fn count_service_answers(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
    values: [&str; 2],
) -> Result<Vec<(FormId, i64, QuestionId, String, i64)>, sqlx::Error> {
    let mut rows = Vec::new();
    for stretch in tally::stretches(from, until) {
        let (table, on) = (stretch.table("feedback_answer_tally"), stretch.column());
        let sql = format!(
            "SELECT t.form_id, t.form_version, t.question_id, t.value, CAST(SUM(t.answers) AS BIGINT)
             FROM {table} t
             JOIN feedback_form f ON f.id = t.form_id
             WHERE f.service_id = $1 AND t.{on} >= $2 AND t.{on} < $3 AND t.value IN ($4, $5)
             GROUP BY t.form_id, t.form_version, t.question_id, t.value"
        );
        let part: Vec<(FormId, i64, QuestionId, String, i64)> = sqlx::query_as(&sql)
            .bind(service_id)
            .bind(&stretch.from)
            .bind(&stretch.until)
            .bind(values[0])
            .bind(values[1])
            .fetch_all(pool)
            .await?;
        rows.extend(part.into_iter().map(|(f, v, q, a, n)| ((f, v, q, a), n)));
    }
    Ok(tally::merged(rows).into_iter().map(|((f, v, q, a), n)| (f, v, q, a, n)).collect())
}

pub async fn list_open_forms(pool: &AnyPool) -> Result<Vec<FeedbackForm>, sqlx::Error> {
    let sql = format!("{FORM_SELECT} WHERE f.state = 'open' ORDER BY f.title");
    let rows: Vec<FormRow> = sqlx::query_as(&sql).fetch_all(pool).await?;
    rows.into_iter().map(FormRow::into_form).collect()
}

pub async fn update_form_details<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &FormId,
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
    id: &FormId,
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
    form_id: &FormId,
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
    form_id: &FormId,
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
    form_id: &FormId,
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
