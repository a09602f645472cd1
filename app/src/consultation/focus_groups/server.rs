//! Focus groups' server functions: listing and recording them (a Consultation activity in the ledger).

use crate::accounts::types::ServiceId;
use crate::consultation::types::FocusGroupId;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::db;
#[cfg(feature = "ssr")]
use crate::consultation::access::kept_service_ids;
use crate::consultation::types::FocusGroup;
#[cfg(feature = "ssr")]
use crate::db::Write;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{ensure_staff_of, require_staff},
    clock::today_date,
    consultation::focus_groups::validate::{FocusGroupFields, ParsedFocusGroup},
    consultation::sources::FocusGroupHeld,
    error::FormErrors,
    ledger::api as ledger_api,
    state::state,
};

// ---- focus groups --------------------------------------------------------------------------------------

/// The focus groups of the caller's services, latest first.
#[server(endpoint = "/list_focus_groups")]
pub async fn list_focus_groups() -> Result<Vec<FocusGroup>, AppError> {
    let user = require_staff()?;
    let services = kept_service_ids(&user).await?;
    Ok(db::list_focus_groups(&state()?.pool, &services).await?)
}

/// Records a focus group, and with it a Consultation activity in the ledger.
#[server(endpoint = "/record_focus_group")]
pub async fn record_focus_group(
    #[server(default)] service_id: ServiceId,
    #[server(default)] topic: String,
    #[server(default)] held_on_day: String,
    #[server(default)] held_on_month: String,
    #[server(default)] held_on_year: String,
    #[server(default)] participants: String,
    #[server(default)] themes: String,
    #[server(default)] notes: String,
    #[server(default)] submission: String,
) -> Result<FocusGroupId, AppError> {
    let user = require_staff()?;
    let fields = FocusGroupFields { topic, held_on_day, held_on_month, held_on_year, participants, themes, notes };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    // Access first: a service the caller does not work in is refused outright, never as a field message.
    if !service_id.is_empty() {
        ensure_staff_of(&user, &service_id)?;
    }
    let mut errors = FormErrors::new();
    if service_id.is_empty() {
        errors.add("service_id", "Select a service you work in");
    }
    let parsed = fields.parse_into(&mut errors, today_date());
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(ParsedFocusGroup { topic: clean_topic, held_on, participants, themes: theme_list, notes }) = parsed else {
        return Err(AppError::Validation(FormErrors::new()).keeping(&kept));
    };
    let day = held_on.as_str();
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let fields = db::FocusGroupFields {
        service_id: &service_id,
        topic: &clean_topic,
        held_on: day,
        participants,
        themes: &theme_list,
        notes: &notes,
    };
    let id = db::insert_focus_group(tx.conn(), &fields, &user.id).await?;
    let held = FocusGroupHeld {
        id: &id,
        service_id: &service_id,
        topic: &clean_topic,
        held_on: day,
        participants,
        themes: &theme_list,
    };
    ledger_api::record_in(&mut tx, &held).await?;
    tx.audit("focus_group_recorded", "focus_group", &id, serde_json::json!({ "topic": clean_topic })).await?;
    tx.commit_then("/consultation/focus-groups?recorded=1").await?;
    Ok(id)
}
