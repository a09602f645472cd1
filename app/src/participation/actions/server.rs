//! Actions' server functions. Actions are given by staff of the service or the group's secretary (while the
//! minutes are not approved); an action is updated by its owner, staff or the secretary; anyone signed in reads
//! their own actions and chooses how Participation mails them. Every change is audited.

use leptos::prelude::*;

use super::types::{ActionId, ActionPage, ActionSummary, MyActions};
use crate::error::AppError;
use crate::participation::types::{AgendaItemId, MeetingId};
#[cfg(feature = "ssr")]
use {
    super::{db, types::ActionStatus},
    crate::{
        accounts::access::{ensure_reads_group, keeps_records_of, require_signed_in},
        error::FormErrors,
        participation::{
            db as participation_db,
            minutes::server::{
                ensure_not_approved, local_when, long_text, meeting_bound, minutes_path, screen,
                writes_with_lived_experience, NOTE_MAX,
            },
            papers::server::only_observes,
            server::{meeting_and_group, GroupChange, MayChange},
            types::{GroupId, Position},
        },
        safeguarding::review::{FlagSource, FlagSourceKind},
        state::state,
    },
    std::collections::HashMap,
};

/// The longest action description, in characters.
pub const DESCRIPTION_MAX: usize = 500;

/// "My actions".
pub const MY_ACTIONS_PATH: &str = "/participation/my-actions";

/// An action's page address.
pub fn action_path(id: &ActionId) -> String {
    format!("/participation/actions/{id}")
}

/// Gives an action on an agenda item to one owner (`owner` = `m-<member id>` for a current member,
/// `p-<person id>` for staff of the service) with a due date not before the meeting.
#[server(endpoint = "/add_action")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field")]
pub async fn add_action(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] action_item_id: AgendaItemId,
    #[server(default)] description: String,
    #[server(default)] owner: String,
    #[server(default)] due_on_day: String,
    #[server(default)] due_on_month: String,
    #[server(default)] due_on_year: String,
    #[server(default)] submission: String,
) -> Result<ActionId, AppError> {
    let (GroupChange { mut tx, user, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_not_approved(tx.conn(), &meeting_id).await?;
    let kept = [
        ("action_item_id", action_item_id.as_str()),
        ("description", description.as_str()),
        ("owner", owner.as_str()),
        ("due_on_day", due_on_day.as_str()),
        ("due_on_month", due_on_month.as_str()),
        ("due_on_year", due_on_year.as_str()),
    ];
    let mut errors = FormErrors::new();
    let item =
        participation_db::list_agenda(tx.conn(), &meeting_id).await?.into_iter().find(|i| i.id == action_item_id);
    if item.is_none() {
        errors.add("action_item_id", "Choose the agenda item the action comes from");
    }
    let description = long_text(&mut errors, "description", &description, "what is to be done", DESCRIPTION_MAX, true);
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    let owners = crate::participation::minutes::server::owner_choices(tx.conn(), &group, &members).await?;
    let chosen = owners.iter().find(|(value, _)| *value == owner);
    if chosen.is_none() {
        errors.add("owner", "Choose who owns the action: one member of the group or one member of staff");
    }
    // An observer never reads a confidential item, so never owns what came from one.
    let observer_owner = owner
        .strip_prefix("m-")
        .is_some_and(|id| members.iter().any(|m| m.id.as_str() == id && m.position == Position::Observer));
    if item.as_ref().is_some_and(|i| i.confidential) && observer_owner {
        errors.add("owner", "An observer cannot own an action from a confidential item: choose someone else");
    }
    let field = crate::dates::DateField {
        name: "due_on",
        legend: "Due date",
        earliest: meeting_bound(meeting.day()),
        latest: None,
    };
    let typed = crate::dates::DateParts::new(due_on_day.clone(), due_on_month.clone(), due_on_year.clone());
    let due_on =
        crate::dates::parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok().map(|d| d.iso());
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let (Some((value, label)), Some(due_on)) = (chosen, due_on) else { return Err(AppError::Internal) };
    let owner = match value.split_once('-') {
        Some(("m", id)) => db::Owner::Member(id.to_owned().into()),
        Some((_, id)) => db::Owner::Person(id.to_owned().into()),
        None => return Err(AppError::Internal),
    };
    let owner_name = label.rsplit_once(" (").map(|(name, _)| name).unwrap_or(label).to_owned();
    tx.claim_submission(&submission).await?;
    crate::participation::minutes::db::ensure_minutes(tx.conn(), &meeting_id).await?;
    let new = db::NewAction {
        group_id: &group.id,
        meeting_id: &meeting_id,
        item_id: &action_item_id,
        description: &description,
        owner: &owner,
        owner_name: &owner_name,
        due_on: &due_on,
        by: Some(&user.id),
    };
    let id = db::insert_action(tx.conn(), &new).await?;
    tx.audit(
        "action_given",
        "group_action",
        &id,
        serde_json::json!({ "meeting_id": meeting_id, "owner": owner_name, "due_on": due_on }),
    )
    .await?;
    if writes_with_lived_experience(&members, &user, &crate::clock::today()) {
        let source = FlagSource { kind: FlagSourceKind::GroupAction, id: id.to_string() };
        screen(&mut tx, &group.service_id, source, &description, "An action in minutes").await?;
    }
    tx.commit_then(&format!("{}?action=1", minutes_path(&meeting_id))).await?;
    Ok(id)
}

/// An action's page, with its updates: for whoever reads its group's business.
#[server(endpoint = "/get_action")]
pub async fn get_action(#[server(default)] action_id: ActionId) -> Result<ActionPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let today = crate::clock::today();
    let action = db::fetch_action(&mut conn, &action_id, &today).await?.ok_or(AppError::NotFound)?;
    let (_, group, membership) = meeting_and_group(&mut conn, &action.meeting_id).await?;
    ensure_reads_group(&user, &membership)?;
    let members = participation_db::list_members(&mut conn, &group.id).await?;
    if action.confidential && only_observes(&user, &membership, &members, &today) {
        return Err(AppError::Forbidden);
    }
    let owner = db::fetch_owner_person(&mut conn, &action_id).await?;
    let may_update = keeps_records_of(&user, &membership) || owner.as_ref() == Some(&user.id);
    let updates = db::list_updates(&mut conn, &action_id)
        .await?
        .into_iter()
        .map(|u| super::types::ActionUpdate { made_at: local_when(&u.made_at), ..u })
        .collect();
    Ok(ActionPage { action, updates, may_update })
}

/// Updates an action: a dated note, and or a new status (done, or dropped with a reason). For its owner,
/// staff of the service and the group's secretary. Words a patient or carer member writes are screened.
#[server(endpoint = "/update_action")]
pub async fn update_action(
    #[server(default)] action_id: ActionId,
    #[server(default)] status: String,
    #[server(default)] reason: String,
    #[server(default)] update: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    // Signed in first, as every change: an unknown action is then "not found" only to someone signed in.
    require_signed_in()?;
    let group_id = {
        let pool = state()?.pool;
        let mut conn = pool.acquire().await?;
        db::fetch_action(&mut conn, &action_id, "").await?.ok_or(AppError::NotFound)?.group_id
    };
    let GroupChange { mut tx, user, group, membership } = GroupChange::group(&group_id, MayChange::Reads).await?;
    let owner = db::fetch_owner_person(tx.conn(), &action_id).await?;
    let confidential = db::fetch_action(tx.conn(), &action_id, "").await?.is_some_and(|a| a.confidential);
    let members_now = participation_db::list_members(tx.conn(), &group.id).await?;
    if confidential && only_observes(&user, &membership, &members_now, &crate::clock::today()) {
        return Err(AppError::Forbidden);
    }
    if !(keeps_records_of(&user, &membership) || owner.as_ref() == Some(&user.id)) {
        return Err(AppError::Forbidden);
    }
    let today = crate::clock::today();
    let action = db::fetch_action(tx.conn(), &action_id, &today).await?.ok_or(AppError::NotFound)?;
    let kept = [("status", status.as_str()), ("reason", reason.as_str()), ("update", update.as_str())];
    let mut errors = FormErrors::new();
    let new_status = status.parse::<ActionStatus>().ok();
    if new_status.is_none() {
        errors.add("status", "Choose whether the action is open, done or dropped");
    }
    let reason = long_text(
        &mut errors,
        "reason",
        &reason,
        "why it was dropped",
        NOTE_MAX,
        new_status == Some(ActionStatus::Dropped),
    );
    let update = long_text(&mut errors, "update", &update, "the update", NOTE_MAX, false);
    if errors.is_empty() && new_status == Some(action.status) && update.is_empty() {
        errors.add("update", "Enter an update, or change the action's status");
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(new_status) = new_status else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    if new_status != action.status || new_status == ActionStatus::Dropped {
        let reason = if new_status == ActionStatus::Dropped { reason.as_str() } else { "" };
        db::update_status(tx.conn(), &action_id, new_status, reason, &today).await?;
    }
    // A reason for dropping is kept as a dated update too, so the action's history says why.
    let dropped = (new_status == ActionStatus::Dropped && action.status != ActionStatus::Dropped)
        .then(|| format!("Dropped: {reason}"));
    let mut written = Vec::new();
    for text in [Some(update.clone()).filter(|u| !u.is_empty()), dropped].into_iter().flatten() {
        let id = db::insert_update(tx.conn(), &action_id, &text, &user.id, &user.name).await?;
        written.push((id, text));
    }
    tx.audit(
        "action_updated",
        "group_action",
        &action_id,
        serde_json::json!({ "status": new_status.as_str(), "noted": !update.is_empty() }),
    )
    .await?;
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    if writes_with_lived_experience(&members, &user, &today) {
        for (id, text) in &written {
            let source = FlagSource { kind: FlagSourceKind::ActionUpdate, id: id.clone() };
            screen(&mut tx, &group.service_id, source, text, "An update on an action").await?;
        }
    }
    tx.commit_then(&format!("{}?updated=1", action_path(&action_id))).await?;
    Ok(())
}

/// "My actions": the actions the caller owns (open first, overdue marked), and their mail choice.
#[server(endpoint = "/get_my_actions")]
pub async fn get_my_actions() -> Result<MyActions, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let today = crate::clock::today();
    let mut actions = db::list_owned_by(&mut conn, &user.id, &today).await?;
    // A confidential item's action is shown only to its service's staff and to the group's current members
    // who are not observers: the rule holds for every row, also one given to an observer before the rule
    // refused that (tester F9).
    let mut reads_confidential: HashMap<GroupId, bool> = HashMap::new();
    for action in actions.iter().filter(|a| a.confidential) {
        if reads_confidential.contains_key(&action.group_id) {
            continue;
        }
        let (_, membership) = crate::participation::server::group_and_membership(&mut conn, &action.group_id).await?;
        let members = participation_db::list_members(&mut conn, &action.group_id).await?;
        let reads = user.is_staff_of(&membership.service_id)
            || members.iter().any(|m| {
                m.person_id.as_ref() == Some(&user.id) && m.current_on(&today) && m.position != Position::Observer
            });
        reads_confidential.insert(action.group_id.clone(), reads);
    }
    actions.retain(|a| !a.confidential || reads_confidential.get(&a.group_id).copied().unwrap_or(false));
    let weekly_digest = db::fetch_weekly_digest(&mut conn, &user.id).await?;
    Ok(MyActions { actions, weekly_digest })
}

/// Chooses how Participation mails the caller: `single` mails (the default) or a `weekly` digest.
#[server(endpoint = "/choose_participation_mail")]
pub async fn choose_participation_mail(
    #[server(default)] mail: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let digest = match mail.as_str() {
        "single" => false,
        "weekly" => true,
        _ => {
            return Err(
                AppError::field("mail", "Choose single mails or a weekly summary").keeping(&[("mail", mail.as_str())])
            )
        }
    };
    let mut tx = crate::db::Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::set_weekly_digest(tx.conn(), &user.id, digest).await?;
    tx.audit("participation_mail_chosen", "person", &user.id, serde_json::json!({ "weekly_digest": digest })).await?;
    tx.commit_then(&format!("{MY_ACTIONS_PATH}?mail=1")).await?;
    Ok(())
}

/// Matters arising for a meeting: the open actions of its group's earlier meetings (and those closed since
/// this meeting's day), for whoever reads the group's business.
#[server(endpoint = "/get_matters_arising")]
pub async fn get_matters_arising(#[server(default)] meeting_id: MeetingId) -> Result<Vec<ActionSummary>, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (meeting, group, membership) = meeting_and_group(&mut conn, &meeting_id).await?;
    ensure_reads_group(&user, &membership)?;
    let today = crate::clock::today();
    let members = participation_db::list_members(&mut conn, &group.id).await?;
    let observer = only_observes(&user, &membership, &members, &today);
    let actions = db::list_matters_arising(&mut conn, &group.id, &meeting.starts_at, meeting.day(), &today).await?;
    // A member who is only an observer never reads what came from a confidential item.
    Ok(actions.into_iter().filter(|a| !(observer && a.confidential)).collect())
}
