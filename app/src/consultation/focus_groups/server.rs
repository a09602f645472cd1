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
    consultation::sources::FocusGroupHeld,
    dates::{parse_date_input, Bound, DateField, DateParts, Day},
    error::FormErrors,
    ledger::api as ledger_api,
    state::state,
    text::one_line,
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
    let keep = |e: AppError| {
        e.keeping(&[
            ("service_id", service_id.as_str()),
            ("topic", topic.as_str()),
            ("held_on_day", held_on_day.as_str()),
            ("held_on_month", held_on_month.as_str()),
            ("held_on_year", held_on_year.as_str()),
            ("participants", participants.as_str()),
            ("themes", themes.as_str()),
            ("notes", notes.as_str()),
        ])
    };
    // Access first: a service the caller does not work in is refused outright, never as a field message.
    if !service_id.is_empty() {
        ensure_staff_of(&user, &service_id)?;
    }
    let mut errors = FormErrors::new();
    if service_id.is_empty() {
        errors.add("service_id", "Select a service you work in");
    }
    let clean_topic = one_line(&mut errors, "topic", &topic, "the intervention or topic", 200, true);
    let field = DateField {
        name: "held_on",
        legend: "Date held",
        earliest: None,
        latest: Some(Bound { day: Day::of_naive(today_date()), words: "today or in the past" }),
    };
    let typed = DateParts::new(held_on_day.as_str(), held_on_month.as_str(), held_on_year.as_str());
    let day = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok().map(|d| d.iso());
    let count = participants.trim().parse::<i64>().ok().filter(|n| (1..=1_000).contains(n));
    if count.is_none() {
        errors.add("participants", "Enter how many people took part, as a whole number like 8");
    }
    let theme_list: Vec<String> =
        themes.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    if theme_list.iter().any(|t| t.chars().count() > 200) {
        errors.add("themes", "Each theme must be 200 characters or fewer");
    }
    if notes.chars().count() > 10_000 {
        errors.add("notes", "Notes must be 10000 characters or fewer");
    }
    errors.into_result().map_err(keep)?;
    let participants = count.unwrap_or_default();
    let day = day.unwrap_or_default();
    let day = day.as_str();
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let fields = db::FocusGroupFields {
        service_id: &service_id,
        topic: &clean_topic,
        held_on: day,
        participants,
        themes: &theme_list,
        notes: notes.trim(),
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
