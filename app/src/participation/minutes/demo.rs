//! Demo minutes for the steering group's past meetings: each item's discussion, a numbered decision and an
//! action on the patients' feedback item, approved minutes published to members with a public summary for
//! meetings two or more months ago, and last month's draft circulated for corrections. Actions from three or
//! more months ago are done, two months ago's is overdue, last month's is open.

use chrono::{Duration, NaiveDate};

use super::{db, types::Approval};
use crate::error::AppError;
use crate::participation::demo::MonthPlan;
use crate::participation::{
    actions::{db as actions_db, types::ActionStatus},
    db as participation_db,
    types::{Group, Meeting, MemberType, Position},
};

fn discussion(title: &str, plan: &MonthPlan) -> String {
    match title {
        t if t.starts_with("Welcome") => "The chair welcomed everyone. Apologies were noted as recorded.".to_owned(),
        t if t.starts_with("What patients said") => format!(
            "Feedback about {} was read out. People said {}.\n\nMembers agreed what to do about it.",
            plan.topic, plan.said
        ),
        t if t.starts_with("Service update") => format!("The service manager reported on {}.", plan.update),
        _ => "Vacancies in the team were discussed.".to_owned(),
    }
}

/// Adds a held meeting's minutes, decision and action (`months_ago`: how long before this month it was).
pub async fn seed_minutes(
    conn: &mut sqlx::AnyConnection,
    group: &Group,
    meeting: &Meeting,
    months_ago: u32,
) -> Result<(), AppError> {
    let plan = crate::participation::demo::plan(months_ago);
    let items = participation_db::list_agenda(&mut *conn, &meeting.id).await?;
    for item in &items {
        db::save_discussion(&mut *conn, &item.id, &discussion(&item.title, plan), None).await?;
    }
    let Some(feedback) = items.iter().find(|i| i.title.starts_with("What patients said")) else { return Ok(()) };
    let meeting_day =
        NaiveDate::parse_from_str(meeting.day(), "%Y-%m-%d").map_err(|e| AppError::internal("demo minutes", e))?;
    db::insert_decision(
        &mut *conn,
        &group.id,
        &meeting.id,
        &feedback.id,
        plan.decision,
        Some(&(meeting_day + Duration::days(90)).format("%Y-%m-%d").to_string()),
    )
    .await?;
    let members = participation_db::list_members(&mut *conn, &group.id).await?;
    let owner = members
        .iter()
        .find(|m| m.member_type == MemberType::Patient && m.position == Position::Chair)
        .or_else(|| members.first());
    if let Some(owner) = owner {
        // Last month's action is due in a fortnight (open); the others three weeks after their meeting.
        let due = if months_ago == 1 {
            crate::clock::today_date() + Duration::days(14)
        } else {
            meeting_day + Duration::days(21)
        };
        let owner_ref = actions_db::Owner::Member(owner.id.clone());
        let new = actions_db::NewAction {
            group_id: &group.id,
            meeting_id: &meeting.id,
            item_id: &feedback.id,
            description: plan.action,
            owner: &owner_ref,
            owner_name: &owner.name,
            due_on: &due.format("%Y-%m-%d").to_string(),
            by: None,
        };
        let action = actions_db::insert_action(&mut *conn, &new).await?;
        if months_ago >= 3 {
            let done = (due - Duration::days(2)).format("%Y-%m-%d").to_string();
            actions_db::update_status(&mut *conn, &action, ActionStatus::Done, "", &done).await?;
        }
    }
    if months_ago >= 2 {
        db::approve(&mut *conn, &meeting.id, None, Approval::NextMeeting).await?;
        db::publish_to_members(&mut *conn, &meeting.id).await?;
        db::publish_summary(&mut *conn, &meeting.id).await?;
    } else {
        db::circulate(&mut *conn, &meeting.id).await?;
    }
    Ok(())
}
