//! The ledger's server functions. Only staff and managers of a service (and administrators) reach its ledger;
//! each function checks that first, then the row-level access to the service concerned.

use crate::accounts::types::ServiceId;
use crate::ledger::types::ActivityId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::types::{Activity, ActivityPage};
#[cfg(feature = "ssr")]
use crate::db::Write;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{ensure_staff_of, require_staff, services_staffed_by},
    forms::redirect_plain_post,
    ledger::{
        db::{self, ActivityFilter, NewActivity},
        validate::ActivityFields,
    },
    state::state,
};

/// Activities per page of the ledger.
pub const PER_PAGE: i64 = 25;

/// One line of an activity's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The local date it happened, `YYYY-MM-DD`.
    pub at: String,
    pub what: String,
    pub who: Option<String>,
}

/// An activity with its history, for its own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDetail {
    pub activity: Activity,
    pub history: Vec<HistoryEntry>,
}

/// One page of the ledger, filtered. Empty filter fields mean "any"; the caller sees only services they keep.
#[server(endpoint = "/list_activities")]
pub async fn list_activities(
    #[server(default)] service_id: ServiceId,
    #[server(default)] level: String,
    #[server(default)] kind: String,
    #[server(default)] from_day: String,
    #[server(default)] from_month: String,
    #[server(default)] from_year: String,
    #[server(default)] to_day: String,
    #[server(default)] to_month: String,
    #[server(default)] to_year: String,
    page: i64,
) -> Result<ActivityPage, AppError> {
    let user = require_staff()?;
    let kept = services_staffed_by(&user).await?;
    let service_ids: Vec<ServiceId> = if service_id.is_empty() {
        kept.into_iter().map(|s| s.id).collect()
    } else {
        ensure_staff_of(&user, &service_id)?;
        vec![service_id]
    };
    // A level or kind that does not parse is ignored rather than refused: they come from links and drop-down
    // lists, so only a hand-edited address can carry one. The period is typed, so it gets messages.
    let (from, to) = crate::dates::parse_period(
        &crate::dates::DateParts::new(from_day, from_month, from_year),
        &crate::dates::DateParts::new(to_day, to_month, to_year),
    )
    .map_err(AppError::Validation)?;
    let filter = ActivityFilter {
        service_ids,
        level: level.parse().ok(),
        kind: kind.parse().ok(),
        from: from.map(|d| d.iso()),
        to: to.map(|d| d.iso()),
    };
    let page = page.max(1);
    let (activities, total) = db::list_activities(&state()?.pool, &filter, page, PER_PAGE).await?;
    Ok(ActivityPage { activities, total, page, per_page: PER_PAGE })
}

/// One activity and its history.
#[server(endpoint = "/get_activity")]
pub async fn get_activity(#[server(default)] activity_id: ActivityId) -> Result<ActivityDetail, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let activity = db::fetch_activity(&pool, &activity_id).await?.ok_or(AppError::NotFound)?;
    // Someone from another service learns nothing, not even that the activity exists.
    if !user.is_staff_of(&activity.service_id) {
        return Err(AppError::NotFound);
    }
    let history = db::list_history(&pool, &activity_id)
        .await?
        .into_iter()
        .map(|h| HistoryEntry {
            at: crate::clock::local_day_of(&h.at),
            what: match h.action.as_str() {
                "activity_recorded" => "Recorded".to_owned(),
                "activity_changed" => "Changed".to_owned(),
                other => other.replace('_', " "),
            },
            who: h.actor_name,
        })
        .collect();
    Ok(ActivityDetail { activity, history })
}

#[cfg(feature = "ssr")]
use crate::clock::today_date as today;

/// Records an activity by hand.
#[server(endpoint = "/record_activity")]
pub async fn record_activity(
    #[server(default)] service_id: ServiceId,
    #[server(default)] level: String,
    #[server(default)] kind: String,
    #[server(default)] title: String,
    #[server(default)] happened_on_day: String,
    #[server(default)] happened_on_month: String,
    #[server(default)] happened_on_year: String,
    #[server(default)] patients: String,
    #[server(default)] carers: String,
    #[server(default)] staff: String,
    #[server(default)] others: String,
    #[server(default)] purpose: String,
    #[server(default)] outcome: String,
    #[server(default)] submission: String,
) -> Result<ActivityId, AppError> {
    let user = require_staff()?;
    let happened_on = crate::dates::DateParts::new(happened_on_day, happened_on_month, happened_on_year);
    let fields = ActivityFields { level, kind, title, happened_on, patients, carers, staff, others, purpose, outcome };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    let keep = |e: AppError| e.keeping(&kept);
    if service_id.is_empty() {
        return Err(keep(AppError::field("service_id", "Choose the service")));
    }
    ensure_staff_of(&user, &service_id)?;
    let parsed = fields.parse(today()).map_err(|e| keep(AppError::Validation(e)))?;
    let activity = parsed.into_new(service_id.clone(), Some(user.id.clone()));
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_activity(tx.conn(), &activity).await?;
    tx.audit("activity_recorded", "activity", &id, snapshot(&activity)).await?;
    tx.commit().await?;
    tracing::info!(activity.id = %id, "activity recorded");
    redirect_plain_post(&format!("/ledger/{id}?saved=1"));
    Ok(id)
}

/// What an activity said, for the audit trail.
#[cfg(feature = "ssr")]
fn snapshot(a: &NewActivity) -> serde_json::Value {
    serde_json::json!({
        "service_id": a.service_id, "level": a.level.as_str(), "kind": a.kind.as_str(), "title": a.title,
        "happened_on": a.happened_on, "patients": a.participants.patients, "carers": a.participants.carers,
        "staff": a.participants.staff, "others": a.participants.others, "purpose": a.purpose, "outcome": a.outcome,
    })
}

#[cfg(feature = "ssr")]
fn snapshot_of(a: &Activity) -> serde_json::Value {
    snapshot(&NewActivity {
        service_id: a.service_id.clone(),
        level: a.level,
        kind: a.kind,
        title: a.title.clone(),
        happened_on: a.happened_on.clone(),
        participants: a.participants,
        purpose: a.purpose.clone(),
        outcome: a.outcome.clone(),
        recorded_by: None,
    })
}

/// Changes an activity; the audit trail keeps what it said before and after.
#[server(endpoint = "/update_activity")]
pub async fn update_activity(
    #[server(default)] activity_id: ActivityId,
    #[server(default)] level: String,
    #[server(default)] kind: String,
    #[server(default)] title: String,
    #[server(default)] happened_on_day: String,
    #[server(default)] happened_on_month: String,
    #[server(default)] happened_on_year: String,
    #[server(default)] patients: String,
    #[server(default)] carers: String,
    #[server(default)] staff: String,
    #[server(default)] others: String,
    #[server(default)] purpose: String,
    #[server(default)] outcome: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let happened_on = crate::dates::DateParts::new(happened_on_day, happened_on_month, happened_on_year);
    let fields = ActivityFields { level, kind, title, happened_on, patients, carers, staff, others, purpose, outcome };
    let kept = fields.kept();
    let state = state()?;
    let before = db::fetch_activity(&state.pool, &activity_id).await?.ok_or(AppError::NotFound)?;
    if !user.is_staff_of(&before.service_id) {
        return Err(AppError::NotFound);
    }
    let parsed = fields.parse(today()).map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let after = parsed.into_new(before.service_id.clone(), None);
    refuse_people_counted_elsewhere(&before, &after).map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    if db::update_activity(tx.conn(), &activity_id, &after).await? == 0 {
        return Err(AppError::NotFound);
    }
    let detail = serde_json::json!({ "before": snapshot_of(&before), "after": snapshot(&after) });
    tx.audit("activity_changed", "activity", &activity_id, detail).await?;
    tx.commit_then(&format!("/ledger/{activity_id}?saved=1")).await?;
    Ok(())
}

/// Refuses patients or carers on an activity whose source's people are counted by its capability's report
/// (a feedback form opened in Continuum: its responses), so that nobody is counted twice in the profile.
#[cfg(feature = "ssr")]
fn refuse_people_counted_elsewhere(before: &Activity, after: &NewActivity) -> Result<(), crate::error::FormErrors> {
    use crate::ledger::{api::SourceKind, types::COUNTED_FROM_RESPONSES};
    let counted_elsewhere = before
        .source
        .as_ref()
        .and_then(|(kind, _)| kind.parse::<SourceKind>().ok())
        .is_some_and(SourceKind::people_counted_by_report);
    let people = after.participants;
    if !counted_elsewhere || (people.patients == 0 && people.carers == 0) {
        return Ok(());
    }
    let mut errors = crate::error::FormErrors::new();
    if people.patients != 0 {
        errors.add("patients", COUNTED_FROM_RESPONSES);
    }
    if people.carers != 0 {
        errors.add("carers", if people.patients != 0 { "" } else { COUNTED_FROM_RESPONSES });
    }
    Err(errors)
}

/// Deletes an activity; the audit trail keeps what it said.
#[server(endpoint = "/delete_activity")]
pub async fn delete_activity(
    #[server(default)] activity_id: ActivityId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let before = db::fetch_activity(&state.pool, &activity_id).await?.ok_or(AppError::NotFound)?;
    if !user.is_staff_of(&before.service_id) {
        return Err(AppError::NotFound);
    }
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::delete_activity(tx.conn(), &activity_id).await?;
    tx.audit("activity_deleted", "activity", &activity_id, serde_json::json!({ "before": snapshot_of(&before) }))
        .await?;
    tx.commit().await?;
    tracing::info!(activity.id = %activity_id, "activity deleted");
    redirect_plain_post("/ledger?deleted=1");
    Ok(())
}
