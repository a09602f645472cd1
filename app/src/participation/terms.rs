//! Ending a member's term early (issue 15 §1: "a member whose term has ended is kept in history, not
//! deleted"): staff of the group's service set the day the term ends; the member stays in the group's past
//! members, and their access ends the day after. And changing a current member's position (chair, secretary,
//! observer …) within their term: an edit, audited with the position before and after, never a new term.

use leptos::prelude::*;

use crate::error::AppError;
use crate::participation::types::{GroupId, Member, MemberId, Position};
use crate::ui::{DateInput, FormStatus, Select, SubmitButton};
#[cfg(feature = "ssr")]
use {
    crate::dates::{parse_date_input, DateField, DateParts},
    crate::error::FormErrors,
    crate::participation::{
        db as participation_db,
        papers::db as papers_db,
        server::{GroupChange, MayChange},
    },
};

/// Ends a member's term on a day: on or after the term's start, and no later than an end it already has.
/// The member is kept in the group's history. Messages beside the fields, everything typed kept.
#[server(endpoint = "/end_member_term")]
pub async fn end_member_term(
    #[server(default)] group_id: GroupId,
    #[server(default)] member_id: MemberId,
    #[server(default)] ends_on_day: String,
    #[server(default)] ends_on_month: String,
    #[server(default)] ends_on_year: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let GroupChange { mut tx, .. } = GroupChange::group(&group_id, MayChange::Manages).await?;
    let kept = [
        ("member_id", member_id.as_str()),
        ("ends_on_day", ends_on_day.as_str()),
        ("ends_on_month", ends_on_month.as_str()),
        ("ends_on_year", ends_on_year.as_str()),
    ];
    let mut errors = FormErrors::new();
    let members = participation_db::list_members(tx.conn(), &group_id).await?;
    let member = members.iter().find(|m| m.id == member_id);
    if member.is_none() {
        errors.add("member_id", "Choose the member whose term ends");
    }
    let field = DateField { name: "ends_on", legend: "Date the term ends", earliest: None, latest: None };
    let typed = DateParts::new(&ends_on_day, &ends_on_month, &ends_on_year);
    let day = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok().map(|d| d.iso());
    if let (Some(member), Some(day)) = (member, &day) {
        if day.as_str() < member.term_start.as_str() {
            errors.add(
                "ends_on_day",
                format!(
                    "The term cannot end before it started: it started on {}",
                    crate::dates::readable_day(&member.term_start)
                ),
            );
        } else if let Some(end) = member.term_end.as_deref().filter(|end| day.as_str() > *end) {
            errors.add(
                "ends_on_day",
                format!(
                    "The term already ends on {}: choose that day or an earlier one",
                    crate::dates::readable_day(end)
                ),
            );
        }
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let (Some(member), Some(day)) = (member, day) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    papers_db::end_term(tx.conn(), &member_id, &day).await?;
    let detail = serde_json::json!({ "group_id": group_id, "name": member.name, "term_end": day,
        "term_end_before": member.term_end });
    tx.audit("group_member_term_ended", "group_member", &member_id, detail).await?;
    tx.commit_then(&format!("/participation/groups/{group_id}?ended=1")).await?;
    Ok(())
}

/// The form that ends a current member's term, for staff on the group page.
#[component]
pub fn EndTermForm(action: ServerAction<EndMemberTerm>, group_id: GroupId, current: Vec<Member>) -> impl IntoView {
    let status = FormStatus::of(action);
    let options: Vec<(String, String)> = current
        .iter()
        .map(|m| (m.id.to_string(), format!("{} ({}, {})", m.name, m.member_type.label(), m.position.label())))
        .collect();
    view! {
        <h2 class="nhsuk-heading-m">"End a member's term"</h2>
        <p class="nhsuk-body">"They stay in the group's history as a past member. Their access to the group's business ends after that day."</p>
        <ActionForm attr:novalidate=true action=action>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="group_id" value=group_id.to_string() />
            <Select name="member_id" label="Member" status options placeholder="Choose a member" />
            <DateInput name="ends_on" legend="Date the term ends" status />
            <SubmitButton label="End term" secondary=true />
        </ActionForm>
    }
}

/// Changes a current member's position (`new_position`: chair, vice_chair, secretary, member or observer) for
/// the rest of their term: an edit of the membership, audited with the position before and after, not a new
/// term (tester F9). Staff of the group's service only. Messages beside the fields, everything typed kept:
/// no member chosen, no position chosen, or the position they already hold.
#[server(endpoint = "/change_member_position")]
pub async fn change_member_position(
    #[server(default)] group_id: GroupId,
    #[server(default)] position_member_id: MemberId,
    #[server(default)] new_position: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let GroupChange { mut tx, .. } = GroupChange::group(&group_id, MayChange::Manages).await?;
    let kept = [("position_member_id", position_member_id.as_str()), ("new_position", new_position.as_str())];
    let mut errors = FormErrors::new();
    let today = crate::clock::today();
    let members = participation_db::list_members(tx.conn(), &group_id).await?;
    let member = members.iter().find(|m| m.id == position_member_id && m.current_on(&today));
    if member.is_none() {
        errors.add("position_member_id", "Choose the member whose position changes");
    }
    let position = new_position.parse::<Position>().ok();
    match (member, position) {
        (_, None) => errors.add("new_position", "Choose their new position"),
        (Some(m), Some(p)) if m.position == p => {
            errors.add("new_position", format!("{} is already {}: choose another position", m.name, p.label()))
        }
        _ => {}
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let (Some(member), Some(position)) = (member, position) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    participation_db::update_member_position(tx.conn(), &position_member_id, position).await?;
    let detail = serde_json::json!({ "group_id": group_id, "name": member.name,
        "position": position.as_str(), "position_before": member.position.as_str() });
    tx.audit("group_member_position_changed", "group_member", &position_member_id, detail).await?;
    tx.commit_then(&format!("/participation/groups/{group_id}?position=1")).await?;
    Ok(())
}

/// The form that changes a current member's position, for staff on the group page.
#[component]
pub fn ChangePositionForm(
    action: ServerAction<ChangeMemberPosition>,
    group_id: GroupId,
    current: Vec<Member>,
) -> impl IntoView {
    let status = FormStatus::of(action);
    let options: Vec<(String, String)> = current
        .iter()
        .map(|m| (m.id.to_string(), format!("{} ({}, {})", m.name, m.member_type.label(), m.position.label())))
        .collect();
    let positions: Vec<(String, String)> =
        Position::ALL.iter().map(|p| (p.as_str().to_owned(), p.label().to_owned())).collect();
    view! {
        <h2 class="nhsuk-heading-m">"Change a member's position"</h2>
        <p class="nhsuk-body">"For the rest of their term: their term's dates stay as they are."</p>
        <ActionForm attr:novalidate=true action=action>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="group_id" value=group_id.to_string() />
            <Select name="position_member_id" label="Member" status options placeholder="Choose a member" />
            <Select name="new_position" label="New position" status options=positions placeholder="Choose a position" />
            <SubmitButton label="Change position" secondary=true />
        </ActionForm>
    }
}
