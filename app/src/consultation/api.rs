//! What consultation offers other capabilities (never its `db`, server functions, pages or tables).

use crate::accounts::types::ServiceId;
use sqlx::AnyPool;

use super::{
    forms::db,
    types::{FormId, FormState, QuestionId},
};
use crate::error::AppError;

/// What a form's QR poster says: its title and a line on how to answer. `None` for a draft or no such form.
pub async fn form_poster(pool: &AnyPool, slug: &str) -> Result<Option<FormPoster>, AppError> {
    let form = db::fetch_form_for_answering(pool, slug).await?.filter(|f| f.state != FormState::Draft);
    Ok(form.map(|form| {
        let how = if form.sign_in_required {
            "Tell us what you think: sign in, and it takes a few minutes."
        } else {
            "Tell us what you think. It takes a few minutes, and you do not need to give your name."
        };
        FormPoster {
            takes_answers: form.takes_answers_on(&crate::clock::today()),
            title: form.title,
            subtitle: how.to_owned(),
        }
    }))
}

/// What a feedback form's poster shows.
pub struct FormPoster {
    pub title: String,
    /// How to answer, in a sentence.
    pub subtitle: String,
    /// Whether the form takes answers today (open, and not past its last day); a closed form's poster says so.
    pub takes_answers: bool,
}

/// Feedback responses a service's forms received in a period, split by who answered (see
/// [`responses_received`]). Each response is counted once, in one of the three.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponsesReceived {
    /// Answered "A patient", or left unanswered, or to a form (or version) that does not ask who is answering.
    pub patients: i64,
    /// Answered "A carer, family member or friend".
    pub carers: i64,
    /// Answered "Someone else": neither a patient nor a carer, so not counted as either.
    pub someone_else: i64,
}

/// How many feedback responses a service's forms received from `from` up to but not including `until`
/// (`YYYY-MM-DD`), split by who answered: a response whose form version asks "Who is answering?"
/// (`QuestionKind::WhoIsAnswering`) counts as a carer's or someone else's when answered so; every other
/// response, unanswered ones and those to forms that do not ask included, counts as a patient's. One person
/// may answer more than once, so these count responses, not people.
pub async fn responses_received(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<ResponsesReceived, AppError> {
    use crate::consultation::questions::{AnsweringAs, QuestionKind};
    let total = db::count_service_responses(pool, service_id, from, until).await?;
    let values = [AnsweringAs::Carer.as_str(), AnsweringAs::SomeoneElse.as_str()];
    let groups = db::count_service_answers(pool, service_id, from, until, values).await?;
    // The "Who is answering?" question of each form version answered (a form asks it at most once).
    let asked = asking(pool, groups.iter().map(|g| (&g.0, g.1)), QuestionKind::WhoIsAnswering).await?;
    let mut received = ResponsesReceived::default();
    for (form_id, version, question_id, value, responses) in groups {
        if asked.get(&(form_id, version)) != Some(&question_id) {
            continue;
        }
        match value.parse::<AnsweringAs>() {
            Ok(AnsweringAs::Carer) => received.carers += responses,
            Ok(AnsweringAs::SomeoneElse) => received.someone_else += responses,
            _ => {}
        }
    }
    received.patients = (total - received.carers - received.someone_else).max(0);
    Ok(received)
}

// ---- for participation's "you said, we did" ------------------------------------------------------------

/// What a service's patients said, as consultation holds it: a comment theme or a focus group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaidKind {
    /// A theme staff tag comments with (`Theme`).
    Theme,
    /// A focus group held and recorded (`FocusGroup`).
    FocusGroup,
}

/// One thing patients said to a service, named as it may be shown to anyone (a theme's name, a focus group's
/// topic): never a respondent's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub kind: SaidKind,
    /// The theme's or focus group's id.
    pub id: String,
    pub service_id: ServiceId,
    /// The theme's name or the focus group's topic.
    pub name: String,
    /// A focus group's day, `YYYY-MM-DD`; `None` for a theme.
    pub held_on: Option<String>,
}

/// The comment themes (by name) then the focus groups (newest first) of the services named.
pub async fn said_to(pool: &AnyPool, service_ids: &[ServiceId]) -> Result<Vec<Said>, AppError> {
    if service_ids.is_empty() {
        return Ok(Vec::new());
    }
    let themes = super::review::db::list_themes(pool, service_ids).await?.into_iter().map(|t| Said {
        kind: SaidKind::Theme,
        id: t.id.to_string(),
        service_id: t.service_id,
        name: t.name,
        held_on: None,
    });
    let groups = super::focus_groups::db::list_focus_groups(pool, service_ids).await?.into_iter().map(|g| Said {
        kind: SaidKind::FocusGroup,
        id: g.id.to_string(),
        service_id: g.service_id,
        name: g.topic,
        held_on: Some(g.held_on),
    });
    Ok(themes.chain(groups).collect())
}

/// The id of a service's comment theme by its exact name, if there is one (for demo data that names themes).
pub async fn theme_named(
    conn: &mut sqlx::AnyConnection,
    service_id: &ServiceId,
    name: &str,
) -> Result<Option<String>, AppError> {
    // The one query consultation's api keeps itself: its db offers themes by pool only, and demo data runs on
    // one connection inside its transaction.
    Ok(sqlx::query_scalar("SELECT id FROM service_theme WHERE service_id = $1 AND name = $2")
        .bind(service_id)
        .bind(name)
        .fetch_optional(conn)
        .await?)
}

// ---- for reports (issue 18): the involvement report's consultation figures and the FFT monthly return ----

/// What consultation publishes about a service's period for the involvement report: counts before
/// suppression, which the report applies to the page as a whole. Responses and people are counts of people;
/// focus groups are counts of things.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsultationFigures {
    /// Responses by channel, in `Channel::ALL` order (online, paper, assisted); they add up to the responses.
    pub by_channel: [i64; 3],
    /// Answers to the Friends and Family Test question, in `FftRating::ALL` order (very good … don't know).
    pub fft: [i64; 6],
    /// Comment themes with the responses tagged with each, most first (a response may carry several themes,
    /// so these do not add up to anything).
    pub themes: Vec<(String, i64)>,
    /// Focus groups held (things) and the people at them.
    pub focus_groups: i64,
    pub focus_group_people: i64,
}

/// The Friends and Family Test's answers to a service's forms in one month, as NHS England collects them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FftMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Answers in `FftRating::ALL` order.
    pub ratings: [i64; 6],
    /// The same answers by how they were collected, in `Channel::ALL` order.
    pub by_channel: [i64; 3],
}

/// Consultation's figures for a service from `from` up to but not including `until` (`YYYY-MM-DD`).
/// Errors: a database failure (`AppError::Internal`).
pub async fn report_figures(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<ConsultationFigures, AppError> {
    use super::report_db;
    use super::types::Channel;
    let mut figures = ConsultationFigures::default();
    for (channel, n) in report_db::responses_by_channel(pool, service_id, from, until).await? {
        if let Some(i) = Channel::ALL.iter().position(|c| c.as_str() == channel) {
            figures.by_channel[i] += n;
        }
    }
    for month in fft_by_month(pool, service_id, from, until).await? {
        for (sum, n) in figures.fft.iter_mut().zip(month.ratings) {
            *sum += n;
        }
    }
    figures.themes = report_db::responses_by_theme(pool, service_id, from, until).await?;
    (figures.focus_groups, figures.focus_group_people) =
        report_db::focus_groups_held(pool, service_id, from, until).await?;
    Ok(figures)
}

/// The question of kind `kind` in each of the form versions `versions` that asks one (the first, if more),
/// read in one query (`forms::db::fetch_versions_questions`).
async fn asking<'a>(
    pool: &AnyPool,
    versions: impl Iterator<Item = (&'a FormId, i64)>,
    kind: crate::consultation::questions::QuestionKind,
) -> Result<std::collections::BTreeMap<(FormId, i64), QuestionId>, AppError> {
    let versions = versions.map(|(form, version)| (form.clone(), version)).collect();
    let questions = db::fetch_versions_questions(pool, &versions).await?;
    Ok(questions
        .into_iter()
        .filter_map(|(key, questions)| questions.into_iter().find(|q| q.kind == kind).map(|q| (key, q.id)))
        .collect())
}

/// The Friends and Family Test's answers to a service's forms from `from` up to but not including `until`
/// (`YYYY-MM-DD`), per month (in order, months with no answer left out): an answer counts when its form
/// version asks the question as the Friends and Family Test (`QuestionKind::FriendsAndFamily`).
/// Errors: a database failure (`AppError::Internal`).
pub async fn fft_by_month(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<FftMonth>, AppError> {
    use super::questions::{FftRating, QuestionKind};
    use super::types::Channel;
    use std::collections::BTreeMap;
    let values = FftRating::ALL.map(FftRating::as_str);
    let groups = super::report_db::answers_by_month(pool, service_id, from, until, values).await?;
    let asked = asking(pool, groups.iter().map(|g| (&g.0, g.1)), QuestionKind::FriendsAndFamily).await?;
    let mut months: BTreeMap<String, FftMonth> = BTreeMap::new();
    for (form_id, version, question_id, value, month, channel, n) in groups {
        if asked.get(&(form_id, version)).map(QuestionId::as_str) != Some(question_id.as_str()) {
            continue;
        }
        let Some(rating) = FftRating::ALL.iter().position(|r| r.as_str() == value) else { continue };
        let entry = months.entry(month.clone()).or_insert_with(|| FftMonth { month, ..FftMonth::default() });
        entry.ratings[rating] += n;
        if let Some(c) = Channel::ALL.iter().position(|c| c.as_str() == channel) {
            entry.by_channel[c] += n;
        }
    }
    Ok(months.into_values().collect())
}

/// A service's feedback forms that have results (open or closed, never a draft), newest first, as
/// `(form id, title)`: for participation's group page, which links its members to each form's aggregate
/// results (`/consultation/forms/<id>/results`, figures only for them). Errors: a database failure.
pub async fn forms_with_results(pool: &AnyPool, service_id: &ServiceId) -> Result<Vec<(FormId, String)>, AppError> {
    let forms = db::list_forms(pool, std::slice::from_ref(service_id)).await?;
    Ok(forms.into_iter().filter(|f| f.state != FormState::Draft).map(|f| (f.id, f.title)).collect())
}
