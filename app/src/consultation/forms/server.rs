//! The form builder's server functions: listing, creating, changing, versioning, duplicating, opening and
//! closing feedback forms. Each checks who is calling at its top; a form of a service the caller does not
//! work in is "not found".

use crate::accounts::types::ServiceId;
use crate::consultation::types::{FormId, QuestionId};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::db;
#[cfg(feature = "ssr")]
use crate::consultation::access::{form_kept_by, kept_service_ids};
use crate::consultation::types::{FeedbackForm, FormSummary};
#[cfg(feature = "ssr")]
use crate::db::Write;
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{ensure_staff_of, require_staff, services_staffed_by, SignedInUser},
    clock::today,
    consultation::sources::FormOpened,
    consultation::{
        forms::validate::{FormDetailsFields, ParsedFormDetails, QuestionFields},
        questions::{Question, QuestionKind},
        types::{FormState, Template},
    },
    error::FormErrors,
    forms::redirect_plain_post,
    ledger::api as ledger_api,
    state::state,
    text::{free_slug, slugify, SlugKind},
};
use crate::{accounts::types::ServiceSummary, error::AppError};

// ---- forms ---------------------------------------------------------------------------------------------

/// The forms of every service the caller keeps, newest first.
#[server(endpoint = "/list_feedback_forms")]
pub async fn list_feedback_forms() -> Result<Vec<FormSummary>, AppError> {
    let user = require_staff()?;
    let services = kept_service_ids(&user).await?;
    let today = today();
    Ok(db::list_forms(&state()?.pool, &services)
        .await?
        .into_iter()
        .map(|f| FormSummary {
            state_description: f.state_description(&today),
            id: f.id,
            service_name: f.service_name,
            slug: f.slug,
            title: f.title,
            intervention: f.intervention,
            sign_in_required: f.sign_in_required,
            responses: f.responses,
        })
        .collect())
}

/// A form with its current questions, for the builder and the preview.
#[server(endpoint = "/get_feedback_form")]
pub async fn get_feedback_form(#[server(default)] id: FormId) -> Result<FeedbackForm, AppError> {
    let user = require_staff()?;
    let mut form = form_kept_by(&user, &id).await?;
    form.state_text = form.state_description(&today());
    Ok(form)
}

/// A form as a respondent will see it, with the crisis contacts the page shows.
#[server(endpoint = "/preview_feedback_form")]
pub async fn preview_feedback_form(#[server(default)] id: FormId) -> Result<(FeedbackForm, Vec<String>), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &id).await?;
    Ok((form, state()?.site.crisis_contacts.clone()))
}

/// The services the caller may create forms for.
#[server(endpoint = "/consultation_services")]
pub async fn consultation_services() -> Result<Vec<ServiceSummary>, AppError> {
    let user = require_staff()?;
    services_staffed_by(&user).await
}

/// Creates a draft form, from a template or blank. Returns its id.
#[server(endpoint = "/create_feedback_form")]
pub async fn create_feedback_form(
    #[server(default)] service_id: ServiceId,
    #[server(default)] title: String,
    #[server(default)] intervention: String,
    #[server(default)] template: String,
    #[server(default)] answering: String,
    #[server(default)] submission: String,
) -> Result<FormId, AppError> {
    let user = require_staff()?;
    let details = FormDetailsFields { title, intervention, answering };
    let mut kept = details.kept();
    kept.extend([("service_id", service_id.as_str()), ("template", template.as_str())]);
    let keep = |e: AppError| e.keeping(&kept);
    // Access first: a service the caller does not work in is refused outright, never as a field message.
    if !service_id.is_empty() {
        ensure_staff_of(&user, &service_id)?;
    }
    let mut errors = FormErrors::new();
    if service_id.is_empty() {
        errors.add("service_id", "Select a service you work in");
    }
    let ParsedFormDetails { title: clean_title, intervention: clean_intervention, sign_in_required } =
        details.parse_into(&mut errors);
    let template = template.parse::<Template>().ok();
    if template.is_none() {
        errors.add("template", "Select how to start the form");
    }
    errors.into_result().map_err(keep)?;
    let questions = template.unwrap_or(Template::Blank).questions(QuestionId::new);
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let slug = free_slug(tx.conn(), SlugKind::FeedbackForm, &slugify(&clean_title)).await?;
    let id = db::insert_form(
        tx.conn(),
        &db::NewForm {
            service_id: &service_id,
            slug: &slug,
            title: &clean_title,
            intervention: &clean_intervention,
            sign_in_required,
            questions: &questions,
            created_by: Some(&user.id),
        },
    )
    .await?;
    tx.audit("form_created", "feedback_form", &id, serde_json::json!({ "title": clean_title })).await?;
    tx.commit_then(&format!("/consultation/forms/{id}")).await?;
    Ok(id)
}

/// Changes a form's title, intervention and who may answer.
#[server(endpoint = "/update_feedback_form")]
pub async fn update_feedback_form(
    #[server(default)] form_id: FormId,
    #[server(default)] title: String,
    #[server(default)] intervention: String,
    #[server(default)] answering: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    let details = FormDetailsFields { title, intervention, answering };
    let kept = details.kept();
    let keep = |e: AppError| e.keeping(&kept);
    let mut errors = FormErrors::new();
    let ParsedFormDetails { title: clean_title, intervention: clean_intervention, sign_in_required } =
        details.parse_into(&mut errors);
    if sign_in_required != form.sign_in_required && form.responses > 0 {
        errors.add(
            "answering",
            "People have already answered this form, so who can answer cannot change. Duplicate the form instead.",
        );
    }
    errors.into_result().map_err(keep)?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::update_form_details(tx.conn(), &form.id, &clean_title, &clean_intervention, sign_in_required).await?;
    tx.audit("form_updated",
        "feedback_form",
        &form.id,
        serde_json::json!({ "before": { "title": form.title, "intervention": form.intervention, "sign_in_required": form.sign_in_required },
                            "after": { "title": clean_title, "intervention": clean_intervention, "sign_in_required": sign_in_required } }),
    )
    .await?;
    tx.commit().await?;
    crate::consultation::runtime::form_pages(&state()?).forget(&form.slug);
    redirect_plain_post(&format!("/consultation/forms/{}?saved=1", form.id));
    Ok(())
}

/// The message when a version's questions are fixed because people have answered them.
#[cfg(feature = "ssr")]
const ANSWERED: &str =
    "People have already answered this version of the form, so its questions cannot change. Edit a new version instead.";

/// Writes a changed list of questions to the form's current version, unless it has been answered meanwhile.
#[cfg(feature = "ssr")]
async fn write_questions(
    user: &SignedInUser,
    form: &FeedbackForm,
    questions: &[Question],
    what: &str,
    submission: &str,
) -> Result<(), AppError> {
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(submission).await?;
    if !db::update_questions(tx.conn(), &form.id, form.version, questions).await? {
        return Err(AppError::Conflict(ANSWERED.into()));
    }
    tx.audit(what, "feedback_form", &form.id, serde_json::json!({ "version": form.version, "questions": questions }))
        .await?;
    tx.commit().await?;
    crate::consultation::runtime::form_pages(&state()?).forget(&form.slug);
    Ok(())
}

/// Adds a question to the form (`question_id` empty) or changes one. A changed question gets a new id, so that
/// results never count answers to its old wording as answers to its new one.
#[server(endpoint = "/save_question")]
pub async fn save_question(
    #[server(default)] form_id: FormId,
    #[server(default)] question_id: QuestionId,
    #[server(default)] prompt: String,
    #[server(default)] help: String,
    #[server(default)] required: String,
    #[server(default)] kind: String,
    #[server(default)] low: String,
    #[server(default)] high: String,
    #[server(default)] options: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    let fields = QuestionFields { prompt, help, required, kind, low, high, options };
    let kept = fields.kept();
    let keep = |e: AppError| e.keeping(&kept);
    if !form.questions_editable() {
        return Err(keep(AppError::field("prompt", ANSWERED)));
    }
    let question = fields.parse(QuestionId::new()).map_err(|e| keep(AppError::Validation(e)))?;
    let mut questions = form.questions.clone();
    // Asked twice, one response could be counted as a carer twice on the continuum profile.
    if question.kind == QuestionKind::WhoIsAnswering
        && questions.iter().any(|q| q.kind == QuestionKind::WhoIsAnswering && q.id != question_id)
    {
        return Err(keep(AppError::field("kind", "This form already asks who is answering")));
    }
    if question_id.is_empty() {
        if questions.len() >= 50 {
            return Err(keep(AppError::field("prompt", "A form can have up to 50 questions")));
        }
        questions.push(question);
    } else {
        let slot = questions.iter_mut().find(|q| q.id == question_id).ok_or(AppError::NotFound)?;
        let unchanged = slot.prompt == question.prompt && slot.kind == question.kind;
        // Only the wording or the answers make a question a different one; help text and "required" do not.
        let id = if unchanged { slot.id.clone() } else { question.id.clone() };
        *slot = Question { id, ..question };
    }
    write_questions(&user, &form, &questions, "form_questions_changed", &submission).await.map_err(keep)?;
    redirect_plain_post(&format!("/consultation/forms/{}?saved=1", form.id));
    Ok(())
}

/// Moves a question up or down, or removes it.
#[server(endpoint = "/arrange_question")]
pub async fn arrange_question(
    #[server(default)] form_id: FormId,
    #[server(default)] question_id: QuestionId,
    #[server(default)] change: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    let mut questions = form.questions.clone();
    let at = questions.iter().position(|q| q.id == question_id).ok_or(AppError::NotFound)?;
    match change.as_str() {
        "up" if at > 0 => questions.swap(at, at - 1),
        "down" if at + 1 < questions.len() => questions.swap(at, at + 1),
        "remove" => {
            questions.remove(at);
        }
        "up" | "down" => {}
        _ => return Err(AppError::field("change", "Choose up, down or remove")),
    }
    write_questions(&user, &form, &questions, "form_questions_changed", &submission).await?;
    redirect_plain_post(&format!("/consultation/forms/{}", form.id));
    Ok(())
}

/// Starts a new version of an answered form with the same questions, ready to edit. Answers to the earlier
/// version stay with the questions they answered.
#[server(endpoint = "/new_form_version")]
pub async fn new_form_version(
    #[server(default)] form_id: FormId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    if form.questions_editable() {
        return Err(AppError::Conflict("This version has no answers yet, so you can edit it as it is.".into()));
    }
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::insert_version(tx.conn(), &form.id, form.version + 1, &form.questions).await?;
    tx.audit("form_version_started", "feedback_form", &form.id, serde_json::json!({ "version": form.version + 1 }))
        .await?;
    tx.commit().await?;
    crate::consultation::runtime::form_pages(&state()?).forget(&form.slug);
    redirect_plain_post(&format!("/consultation/forms/{}", form.id));
    Ok(())
}

/// Copies a form, questions and all, into a new draft.
#[server(endpoint = "/duplicate_feedback_form")]
pub async fn duplicate_feedback_form(
    #[server(default)] form_id: FormId,
    #[server(default)] submission: String,
) -> Result<FormId, AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    let questions: Vec<Question> =
        form.questions.iter().map(|q| Question { id: QuestionId::new(), ..q.clone() }).collect();
    let title = format!("Copy of {}", form.title).chars().take(120).collect::<String>();
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let slug = free_slug(tx.conn(), SlugKind::FeedbackForm, &slugify(&title)).await?;
    let id = db::insert_form(
        tx.conn(),
        &db::NewForm {
            service_id: &form.service_id,
            slug: &slug,
            title: &title,
            intervention: &form.intervention,
            sign_in_required: form.sign_in_required,
            questions: &questions,
            created_by: Some(&user.id),
        },
    )
    .await?;
    tx.audit("form_duplicated", "feedback_form", &id, serde_json::json!({ "from": form.id })).await?;
    tx.commit_then(&format!("/consultation/forms/{id}")).await?;
    Ok(id)
}

/// Opens a form (optionally until a last day), closes it, or reopens it. Opening records the form as a
/// Consultation activity in the ledger, once per form.
#[server(endpoint = "/set_form_state")]
pub async fn set_form_state(
    #[server(default)] form_id: FormId,
    #[server(default)] state: String,
    #[server(default)] open_until_day: String,
    #[server(default)] open_until_month: String,
    #[server(default)] open_until_year: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let form = form_kept_by(&user, &form_id).await?;
    let keep = |e: AppError| {
        e.keeping(&[
            ("open_until_day", open_until_day.as_str()),
            ("open_until_month", open_until_month.as_str()),
            ("open_until_year", open_until_year.as_str()),
        ])
    };
    let new_state = state
        .parse::<FormState>()
        .ok()
        .filter(|s| *s != FormState::Draft)
        .ok_or_else(|| AppError::field("state", "Choose open or closed"))?;
    let today = today();
    let field = crate::dates::DateField {
        name: "open_until",
        legend: "Last day for answers",
        earliest: Some(crate::dates::Bound {
            day: crate::dates::Day::of_naive(crate::clock::today_date()),
            words: "today or in the future",
        }),
        latest: None,
    };
    let typed =
        crate::dates::DateParts::new(open_until_day.as_str(), open_until_month.as_str(), open_until_year.as_str());
    let until = match crate::dates::parse_optional_date_input(&field, &typed) {
        Ok(day) => day.map(|d| d.iso()),
        Err(error) => {
            let mut errors = FormErrors::new();
            error.add_to(&mut errors);
            return Err(keep(AppError::Validation(errors)));
        }
    };
    if new_state == FormState::Open && form.questions.is_empty() {
        return Err(keep(AppError::field("state", "Add at least one question before opening the form")));
    }
    let until = if new_state == FormState::Open { until } else { None };
    let mut tx = Write::begin(&crate::state::state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::update_state(tx.conn(), &form.id, new_state, until.as_deref()).await?;
    if new_state == FormState::Open && form.state == FormState::Draft {
        let opened = FormOpened {
            form_id: &form.id,
            service_id: &form.service_id,
            title: &form.title,
            intervention: &form.intervention,
            opened_on: &today,
        };
        ledger_api::record_in(&mut tx, &opened).await?;
    }
    tx.audit(
        "form_state_changed",
        "feedback_form",
        &form.id,
        serde_json::json!({ "before": form.state.as_str(), "after": new_state.as_str(), "open_until": until }),
    )
    .await?;
    tx.commit().await?;
    crate::consultation::runtime::form_pages(&crate::state::state()?).forget(&form.slug);
    redirect_plain_post(&format!("/consultation/forms/{}", form.id));
    Ok(())
}
