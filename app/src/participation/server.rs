//! Participation's server functions. Reading a group's business is for its current members and the staff of
//! its service; setting up groups, members, meetings and agendas is for the service's staff; attendance,
//! guests and declarations are recorded by staff or the group's secretary. Every change is audited.

use std::collections::HashMap;

use leptos::prelude::*;

use super::types::{AgendaItemId, GroupId, GroupPage, MeetingId, MeetingPage, MemberId, ParticipationOverview};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use {
    super::{
        api::group_membership,
        db,
        sources::MeetingHeld,
        types::{Attendance, Group, Meeting, MeetingStatus, Member, MemberType},
        validate::{
            AgendaItemFields, DeclarationFields, GroupFields, GuestFields, MeetingFields, MemberFields, Membership,
            NewMemberWho,
        },
    },
    crate::{
        accounts::access::{
            ensure_reads_group, ensure_staff_of, keeps_records_of, person_by_email, require_signed_in, GroupMembership,
            SignedInUser,
        },
        db::Write,
        error::FormErrors,
        ledger::api as ledger_api,
        state::state,
    },
    sqlx::AnyConnection,
};

// ---- shared steps ------------------------------------------------------------------------------------------

/// The group and its membership today, or not found.
#[cfg(feature = "ssr")]
pub(crate) async fn group_and_membership(
    conn: &mut AnyConnection,
    group_id: &GroupId,
) -> Result<(Group, GroupMembership), AppError> {
    let membership = group_membership(&mut *conn, group_id, &crate::clock::today()).await?.ok_or(AppError::NotFound)?;
    let group = db::fetch_group(conn, group_id).await?.ok_or(AppError::NotFound)?;
    Ok((group, membership))
}

/// Refuses (403) anyone who is not staff of the group's service.
#[cfg(feature = "ssr")]
fn ensure_manages(user: &SignedInUser, membership: &GroupMembership) -> Result<(), AppError> {
    ensure_staff_of(user, &membership.service_id)
}

/// The meeting, its group and the group's membership today, or not found.
#[cfg(feature = "ssr")]
pub(crate) async fn meeting_and_group(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<(Meeting, Group, GroupMembership), AppError> {
    let meeting = db::fetch_meeting(&mut *conn, meeting_id).await?.ok_or(AppError::NotFound)?;
    let (group, membership) = group_and_membership(conn, &meeting.group_id).await?;
    Ok((meeting, group, membership))
}

/// Who may make a change to a group's business.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy)]
pub(crate) enum MayChange {
    /// Staff of the group's service.
    Manages,
    /// Staff of the group's service or the group's secretary ([`keeps_records_of`]).
    KeepsRecords,
    /// Whoever reads the group's business (its current members, staff of its service); the change checks more.
    Reads,
}

#[cfg(feature = "ssr")]
impl MayChange {
    fn ensure(self, user: &SignedInUser, membership: &GroupMembership) -> Result<(), AppError> {
        match self {
            MayChange::Manages => ensure_manages(user, membership),
            MayChange::KeepsRecords if keeps_records_of(user, membership) => Ok(()),
            MayChange::KeepsRecords => Err(AppError::Forbidden),
            MayChange::Reads => ensure_reads_group(user, membership),
        }
    }
}

/// A change to a group's business, begun: the signed-in caller, their write transaction, and the group and
/// membership the change is to, once the caller is shown to be allowed (404 for an unknown group, 403 for a
/// caller who may not). Every participation server function that writes starts with [`GroupChange::group`]
/// or [`GroupChange::meeting`], before anything typed is looked at.
#[cfg(feature = "ssr")]
#[allow(dead_code, reason = "each change reads the parts it needs")]
pub(crate) struct GroupChange {
    pub user: SignedInUser,
    pub tx: Write,
    pub group: Group,
    pub membership: GroupMembership,
}

#[cfg(feature = "ssr")]
impl GroupChange {
    pub(crate) async fn group(group_id: &GroupId, may: MayChange) -> Result<Self, AppError> {
        let user = require_signed_in()?;
        let state = state()?;
        let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
        let (group, membership) = group_and_membership(tx.conn(), group_id).await?;
        may.ensure(&user, &membership)?;
        Ok(GroupChange { user, tx, group, membership })
    }

    /// As [`GroupChange::group`], for the group of a meeting; also returns the meeting.
    pub(crate) async fn meeting(meeting_id: &MeetingId, may: MayChange) -> Result<(Self, Meeting), AppError> {
        let user = require_signed_in()?;
        let state = state()?;
        let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
        let (meeting, group, membership) = meeting_and_group(tx.conn(), meeting_id).await?;
        may.ensure(&user, &membership)?;
        Ok((GroupChange { user, tx, group, membership }, meeting))
    }
}

/// Each member current on the meeting's date with their attendance, if recorded.
#[cfg(feature = "ssr")]
pub async fn attendance_of(
    conn: &mut AnyConnection,
    meeting: &Meeting,
) -> Result<Vec<(Member, Option<Attendance>)>, AppError> {
    let members = db::list_members(&mut *conn, &meeting.group_id).await?;
    let recorded = db::list_attendance(conn, &meeting.id).await?;
    Ok(members
        .into_iter()
        .filter(|m| m.current_on(meeting.day()))
        .map(|m| {
            let attendance = recorded.iter().find(|(id, _)| *id == m.id).map(|(_, a)| *a);
            (m, attendance)
        })
        .collect())
}

/// Whether the meeting was quorate under its group's rule: members present (observers not counted), and of
/// them patient or carer members.
pub fn quorum_of(
    group: &super::types::Group,
    attendance: &[(super::types::Member, Option<super::types::Attendance>)],
) -> super::types::Quorum {
    use super::types::{Attendance, Position};
    let present: Vec<_> = attendance
        .iter()
        .filter(|(m, a)| *a == Some(Attendance::Present) && m.position != Position::Observer)
        .map(|(m, _)| m)
        .collect();
    let lived = present.iter().filter(|m| m.member_type.lived_experience()).count() as i64;
    group.quorum.check(present.len() as i64, lived)
}

/// Records (or updates) the meeting's Participation activity in the ledger when it is marked held, with the
/// people present; does nothing for a meeting not held.
#[cfg(feature = "ssr")]
pub async fn record_if_held(
    conn: &mut AnyConnection,
    group: &Group,
    meeting: &Meeting,
    by: Option<&crate::accounts::types::PersonId>,
) -> Result<bool, AppError> {
    if meeting.status != MeetingStatus::Held {
        return Ok(false);
    }
    let attendance = attendance_of(&mut *conn, meeting).await?;
    let guests = db::list_guests(&mut *conn, &meeting.id).await?;
    let held = MeetingHeld { group, meeting, attendance: &attendance, guests: &guests };
    ledger_api::record(conn, &held, by).await?;
    Ok(true)
}

/// As [`record_if_held`], inside a person's change, with the ledger's audit event.
#[cfg(feature = "ssr")]
async fn record_if_held_in(tx: &mut Write, group: &Group, meeting_id: &MeetingId) -> Result<(), AppError> {
    let meeting = db::fetch_meeting(tx.conn(), meeting_id).await?.ok_or(AppError::NotFound)?;
    if meeting.status != MeetingStatus::Held {
        return Ok(());
    }
    let attendance = attendance_of(tx.conn(), &meeting).await?;
    let guests = db::list_guests(tx.conn(), &meeting.id).await?;
    let held = MeetingHeld { group, meeting: &meeting, attendance: &attendance, guests: &guests };
    ledger_api::record_in(tx, &held).await?;
    Ok(())
}

/// The name of a member's attendance field on the meeting page: `attendance[m-<member id>]`.
pub fn attendance_field(member: &MemberId) -> String {
    format!("attendance[m-{member}]")
}

// ---- groups --------------------------------------------------------------------------------------------

/// The groups the caller may read (their services' groups for staff, their own groups for members) and the
/// services in which they may set one up.
#[server(endpoint = "/participation_overview")]
pub async fn get_participation_overview() -> Result<ParticipationOverview, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let today = crate::clock::today();
    let mut groups: Vec<_> = db::list_groups(&mut conn, &today)
        .await?
        .into_iter()
        .filter(|(s, _)| user.is_staff_of(s))
        .map(|(_, g)| g)
        .collect();
    for group in db::list_groups_of_member(&mut conn, &user.id, &today).await? {
        if !groups.iter().any(|g| g.id == group.id) {
            groups.push(group);
        }
    }
    let services = crate::accounts::access::services_staffed_by(&user).await?;
    Ok(ParticipationOverview { groups, services })
}

/// Sets up a group (no `group_id`) in a service the caller works in, or changes a group's settings. A change
/// may not ask for a quorum larger than the group's current membership. Returns the group's id.
#[server(endpoint = "/save_group")]
pub async fn save_group(
    #[server(default)] group_id: GroupId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] name: String,
    #[server(default)] purpose: String,
    #[server(default)] terms_of_reference: String,
    #[server(default)] quorum_present: String,
    #[server(default)] quorum_lived: String,
    #[server(default)] papers_due_days: String,
    #[server(default)] submission: String,
) -> Result<GroupId, AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    // Access first, before anything typed is looked at.
    let membership = if group_id.is_empty() {
        if !service_id.is_empty() {
            ensure_staff_of(&user, &service_id)?;
        } else if !user.is_staff_anywhere() {
            return Err(AppError::Forbidden);
        }
        None
    } else {
        let (_, membership) = group_and_membership(tx.conn(), &group_id).await?;
        ensure_manages(&user, &membership)?;
        let members = db::list_members(tx.conn(), &group_id).await?;
        let today = crate::clock::today();
        let counted: Vec<_> =
            members.iter().filter(|m| m.current_on(&today) && m.position != super::types::Position::Observer).collect();
        Some(Membership {
            members: counted.len() as i64,
            lived: counted.iter().filter(|m| m.member_type.lived_experience()).count() as i64,
        })
    };
    let fields = GroupFields { name, purpose, terms_of_reference, quorum_present, quorum_lived, papers_due_days };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    let mut parsed = fields.parse(membership);
    if group_id.is_empty() && service_id.is_empty() {
        // The service is the form's first field, so its message leads the summary (tester F9).
        let mut errors = FormErrors::new();
        errors.add("service_id", "Choose the service");
        errors.errors.extend(parsed.err().unwrap_or_default().errors);
        parsed = Err(errors);
    }
    let parsed = parsed.map_err(|e| AppError::Validation(e).keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = if group_id.is_empty() {
        db::insert_group(tx.conn(), &service_id, &parsed, Some(&user.id)).await?
    } else {
        db::update_group(tx.conn(), &group_id, &parsed).await?;
        group_id.clone()
    };
    let action = if group_id.is_empty() { "group_created" } else { "group_changed" };
    let detail = serde_json::json!({ "name": parsed.name, "quorum_present": parsed.quorum.present,
        "quorum_lived": parsed.quorum.lived, "papers_due_days": parsed.papers_due_days });
    tx.audit(action, "participation_group", &id, detail).await?;
    tx.commit_then(&format!("/participation/groups/{id}")).await?;
    Ok(id)
}

/// A group's page: for its current members and its service's staff. Members' email addresses and access
/// needs are shown only to those who organise its meetings.
#[server(endpoint = "/get_group")]
pub async fn get_group(#[server(default)] group_id: GroupId) -> Result<GroupPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (mut group, membership) = group_and_membership(&mut conn, &group_id).await?;
    ensure_reads_group(&user, &membership)?;
    let may_manage = user.is_staff_of(&membership.service_id);
    let organises = keeps_records_of(&user, &membership);
    group.terms_html = crate::markdown::render(&group.terms_of_reference);
    let today = crate::clock::today();
    let mut members = db::list_members(&mut conn, &group_id).await?;
    if !organises {
        for member in &mut members {
            member.email = None;
            member.access_needs = String::new();
            member.papers_by_post = false;
        }
    }
    // Current terms, and ended ones (history); a term that starts later shows once it has started.
    let (current, past): (Vec<_>, Vec<_>) = members.into_iter().partition(|m| m.current_on(&today));
    let makeup =
        MemberType::ALL.iter().map(|t| (*t, current.iter().filter(|m| m.member_type == *t).count() as i64)).collect();
    let past = past.into_iter().filter(|m| m.term_end.as_deref().is_some_and(|end| end < today.as_str())).collect();
    let meetings = db::list_meetings(&mut conn, &group_id).await?;
    let papers_late = super::papers::server::late_meetings(&mut conn, &group, &meetings).await?;
    drop(conn);
    let feedback_forms = crate::consultation::api::forms_with_results(&pool, &group.service_id)
        .await?
        .into_iter()
        .map(|(id, title)| (id.to_string(), title))
        .collect();
    let sees_report = user.manages(&group.service_id)
        || super::api::is_current_member_of_service(&pool, &user.id, &group.service_id).await?;
    Ok(GroupPage {
        group,
        current,
        past,
        makeup,
        meetings,
        may_manage,
        organises,
        papers_late,
        feedback_forms,
        sees_report,
    })
}

/// Adds a member to a group for a term: a person with an account (by its email address) or a named outside
/// stakeholder. Someone already a member for any part of the term is refused, beside the field.
#[server(endpoint = "/add_group_member")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field")]
pub async fn add_group_member(
    #[server(default)] group_id: GroupId,
    #[server(default)] account_email: String,
    #[server(default)] member_name: String,
    #[server(default)] organisation: String,
    #[server(default)] member_email: String,
    #[server(default)] member_type: String,
    #[server(default)] position: String,
    #[server(default)] term_start_day: String,
    #[server(default)] term_start_month: String,
    #[server(default)] term_start_year: String,
    #[server(default)] term_end_day: String,
    #[server(default)] term_end_month: String,
    #[server(default)] term_end_year: String,
    #[server(default)] access_needs: String,
    papers_by_post: Option<String>,
    #[server(default)] submission: String,
) -> Result<MemberId, AppError> {
    let GroupChange { mut tx, .. } = GroupChange::group(&group_id, MayChange::Manages).await?;
    let fields = MemberFields {
        account_email,
        name: member_name,
        organisation,
        email: member_email,
        member_type,
        position,
        term_start_day,
        term_start_month,
        term_start_year,
        term_end_day,
        term_end_month,
        term_end_year,
        access_needs,
    };
    let mut kept = fields.kept();
    if papers_by_post.is_some() {
        kept.push(("papers_by_post", "yes"));
    }
    let keep = |e: AppError| e.keeping(&kept);
    let parsed = fields.parse().map_err(|e| keep(AppError::Validation(e)))?;
    let (person_id, member_name, member_email, field) = match &parsed.who {
        NewMemberWho::Account(address) => match person_by_email(tx.conn(), address.as_str()).await? {
            Some((id, name)) => (Some(id), name, Some(address.as_str().to_owned()), "account_email"),
            None => {
                return Err(keep(AppError::field(
                    "account_email",
                    "There is no account with this email address. Leave it empty and enter their name instead",
                )))
            }
        },
        NewMemberWho::Outsider { name, email } => {
            (None, name.clone(), email.as_ref().map(|e| e.as_str().to_owned()), "member_name")
        }
    };
    let existing = db::list_members(tx.conn(), &group_id).await?;
    let overlaps = existing.iter().any(|m| {
        let same = match &person_id {
            Some(p) => m.person_id.as_ref() == Some(p),
            None => m.person_id.is_none() && m.name.to_lowercase() == member_name.to_lowercase(),
        };
        let ends_after_start = m.term_end.as_deref().is_none_or(|end| end >= parsed.term_start.as_str());
        let starts_before_end = parsed.term_end.as_deref().is_none_or(|end| m.term_start.as_str() <= end);
        same && ends_after_start && starts_before_end
    });
    if overlaps {
        return Err(keep(AppError::field(
            field,
            format!("{member_name} is already a member of this group for part of this term"),
        )));
    }
    tx.claim_submission(&submission).await?;
    let new = db::NewMember {
        group_id: &group_id,
        person_id: person_id.as_ref(),
        name: &member_name,
        organisation: &parsed.organisation,
        email: member_email.as_deref(),
        member_type: parsed.member_type,
        position: parsed.position,
        term_start: &parsed.term_start,
        term_end: parsed.term_end.as_deref(),
        access_needs: &parsed.access_needs,
        papers_by_post: papers_by_post.is_some(),
    };
    let id = db::insert_member(tx.conn(), &new).await?;
    let detail = serde_json::json!({ "group_id": group_id, "name": member_name, "member_type": parsed.member_type.as_str(),
        "position": parsed.position.as_str(), "term_start": parsed.term_start, "term_end": parsed.term_end });
    tx.audit("group_member_added", "group_member", &id, detail).await?;
    tx.commit_then(&format!("/participation/groups/{group_id}?member=1")).await?;
    Ok(id)
}

// ---- meetings ------------------------------------------------------------------------------------------

/// Plans a meeting of a group, in the service's local time.
#[server(endpoint = "/schedule_meeting")]
pub async fn schedule_meeting(
    #[server(default)] group_id: GroupId,
    #[server(default)] day_day: String,
    #[server(default)] day_month: String,
    #[server(default)] day_year: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] place: String,
    #[server(default)] joining_link: String,
    #[server(default)] submission: String,
) -> Result<MeetingId, AppError> {
    let GroupChange { mut tx, .. } = GroupChange::group(&group_id, MayChange::Manages).await?;
    let clock = state()?.clock;
    let fields = MeetingFields { day_day, day_month, day_year, start, end, place, joining_link };
    let kept = fields.kept();
    let parsed = fields.parse().map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let parse = |t: &str| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok();
    if let Some(skipped) =
        [&parsed.starts_at, &parsed.ends_at].into_iter().filter_map(|t| parse(t)).find(|t| !clock.exists(*t))
    {
        let message = format!(
            "There is no {} on that day: the clocks go forward that night. Choose a time after the change",
            skipped.format("%H:%M")
        );
        return Err(AppError::field("start", message).keeping(&kept));
    }
    tx.claim_submission(&submission).await?;
    let id = db::insert_meeting(tx.conn(), &group_id, &parsed).await?;
    tx.audit(
        "meeting_planned",
        "group_meeting",
        &id,
        serde_json::json!({ "group_id": group_id, "starts_at": parsed.starts_at }),
    )
    .await?;
    tx.commit_then(&format!("/participation/meetings/{id}")).await?;
    Ok(id)
}

/// A meeting's page: for the group's current members and its service's staff.
#[server(endpoint = "/get_meeting")]
pub async fn get_meeting(#[server(default)] meeting_id: MeetingId) -> Result<MeetingPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (meeting, group, membership) = meeting_and_group(&mut conn, &meeting_id).await?;
    ensure_reads_group(&user, &membership)?;
    let mut attendance = attendance_of(&mut conn, &meeting).await?;
    let may_record = keeps_records_of(&user, &membership);
    if !may_record {
        for (member, _) in &mut attendance {
            member.email = None;
            member.access_needs = String::new();
            member.papers_by_post = false;
        }
    }
    let quorum = quorum_of(&group, &attendance);
    let papers = super::papers::server::panel_for(&mut conn, &user, &group, &meeting, &membership).await?;
    let members = db::list_members(&mut conn, &group.id).await?;
    let mut items = db::list_agenda(&mut conn, &meeting.id).await?;
    if super::papers::server::only_observes(&user, &membership, &members, &crate::clock::today()) {
        hide_confidential(&mut items);
    }
    let attendance_closed = meeting.attendance_closed_reason(&crate::clock::local_now());
    Ok(MeetingPage {
        attendance_closed,
        papers,
        items,
        guests: db::list_guests(&mut conn, &meeting.id).await?,
        may_manage: user.is_staff_of(&membership.service_id),
        group,
        meeting,
        attendance,
        quorum,
        may_record,
    })
}

/// What an observer sees of a confidential agenda item, in place of its title.
pub const CONFIDENTIAL_ITEM: &str = "Confidential item (for members only)";

/// Hides confidential items from someone who may not read them (a member who is only an observer): the item
/// keeps its place on the agenda, but its title, lead and declarations are not sent.
pub fn hide_confidential(items: &mut [super::types::AgendaItem]) {
    for item in items.iter_mut().filter(|i| i.confidential) {
        item.title = CONFIDENTIAL_ITEM.to_owned();
        item.lead = String::new();
        item.declarations = Vec::new();
    }
}

/// Marks a meeting planned, held or cancelled. Marking it held records a Participation activity in the
/// ledger with the people present; a held meeting stays held (its activity is in the ledger).
#[server(endpoint = "/set_meeting_status")]
pub async fn set_meeting_status(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] status: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, group, .. }, meeting) = GroupChange::meeting(&meeting_id, MayChange::Manages).await?;
    let status: MeetingStatus = status.parse().map_err(|_| {
        AppError::field("status", "Choose whether the meeting is planned, held or cancelled")
            .keeping(&[("status", status.as_str())])
    })?;
    if meeting.status == MeetingStatus::Held && status != MeetingStatus::Held {
        return Err(AppError::field("status", "This meeting was held and is in the ledger, so it stays held")
            .keeping(&[("status", status.as_str())]));
    }
    // Held only from its start instant in the service's local time, as attendance (tester 15b F1).
    if status == MeetingStatus::Held && crate::clock::local_now().as_str() < meeting.starts_at.as_str() {
        return Err(AppError::field(
            "status",
            format!("A meeting can be marked held once it has started ({})", meeting.when()),
        )
        .keeping(&[("status", status.as_str())]));
    }
    tx.claim_submission(&submission).await?;
    db::update_meeting_status(tx.conn(), &meeting_id, status).await?;
    tx.audit("meeting_status_set", "group_meeting", &meeting_id, serde_json::json!({ "status": status.as_str() }))
        .await?;
    record_if_held_in(&mut tx, &group, &meeting_id).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}")).await?;
    Ok(())
}

/// Adds an item at the end of a meeting's agenda.
#[server(endpoint = "/add_agenda_item")]
pub async fn add_agenda_item(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] title: String,
    #[server(default)] lead: String,
    #[server(default)] minutes_allotted: String,
    confidential: Option<String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, .. }, _) = GroupChange::meeting(&meeting_id, MayChange::Manages).await?;
    // Approved minutes are the record: who came, what was discussed and declared no longer change.
    crate::participation::minutes::server::ensure_not_approved(tx.conn(), &meeting_id).await?;
    let fields = AgendaItemFields { title, lead, minutes_allotted, confidential: confidential.is_some() };
    let kept = fields.kept();
    let parsed = fields.parse().map_err(|e| AppError::Validation(e).keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_agenda_item(tx.conn(), &meeting_id, &parsed).await?;
    tx.audit(
        "agenda_item_added",
        "agenda_item",
        &id,
        serde_json::json!({ "meeting_id": meeting_id, "title": parsed.title,
        "confidential": parsed.confidential }),
    )
    .await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}")).await?;
    Ok(())
}

/// Refuses (409) recording who came to a meeting that has not started (in the service's local time, through
/// the one clock) and is not marked held, or that was cancelled (`Meeting::attendance_open`; tester F4).
#[cfg(feature = "ssr")]
fn ensure_attendance_open(meeting: &Meeting) -> Result<(), AppError> {
    match meeting.attendance_closed_reason(&crate::clock::local_now()) {
        Some(reason) => Err(AppError::Conflict(reason)),
        None => Ok(()),
    }
}

/// Records each member's attendance (`attendance[m-<member id>]` = present, apologies or absent) for the
/// members current on the meeting's date; updates the ledger when the meeting was held. The key starts with
/// `m-` because the form decoder (serde_qs) reads a bracketed key that starts with a digit as a list index.
#[server(endpoint = "/record_attendance")]
pub async fn record_attendance(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] attendance: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_attendance_open(&meeting)?;
    // Approved minutes are the record: who came, what was discussed and declared no longer change.
    crate::participation::minutes::server::ensure_not_approved(tx.conn(), &meeting_id).await?;
    let members = attendance_of(tx.conn(), &meeting).await?;
    let mut errors = FormErrors::new();
    let mut chosen = Vec::new();
    for (member, _) in &members {
        let field = attendance_field(&member.id);
        match attendance.get(&format!("m-{}", member.id)).map(|a| a.parse::<Attendance>()) {
            Some(Ok(a)) => chosen.push((member.id.clone(), a)),
            _ => {
                errors.add(&field, format!("Choose whether {} was present, sent apologies or was absent", member.name))
            }
        }
    }
    if !errors.is_empty() {
        let mut errors = errors;
        for (id, value) in &attendance {
            errors = errors.keep(&format!("attendance[{id}]"), value.clone());
        }
        return Err(AppError::Validation(errors));
    }
    tx.claim_submission(&submission).await?;
    for (member_id, a) in &chosen {
        db::set_attendance(tx.conn(), &meeting_id, member_id, *a).await?;
    }
    let present = chosen.iter().filter(|(_, a)| *a == Attendance::Present).count();
    tx.audit(
        "attendance_recorded",
        "group_meeting",
        &meeting_id,
        serde_json::json!({ "present": present, "members": chosen.len() }),
    )
    .await?;
    record_if_held_in(&mut tx, &group, &meeting_id).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}?attendance=1")).await?;
    Ok(())
}

/// Adds a guest (not a member) to a meeting, by name and role.
#[server(endpoint = "/add_meeting_guest")]
pub async fn add_meeting_guest(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] guest_name: String,
    #[server(default)] guest_role: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_attendance_open(&meeting)?;
    // Approved minutes are the record: who came, what was discussed and declared no longer change.
    crate::participation::minutes::server::ensure_not_approved(tx.conn(), &meeting_id).await?;
    let fields = GuestFields { guest_name, guest_role };
    let kept = fields.kept();
    let (name, role) = fields.parse().map_err(|e| AppError::Validation(e).keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_guest(tx.conn(), &meeting_id, &name, &role).await?;
    tx.audit(
        "meeting_guest_added",
        "meeting_guest",
        &id,
        serde_json::json!({ "meeting_id": meeting_id, "name": name }),
    )
    .await?;
    record_if_held_in(&mut tx, &group, &meeting_id).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}")).await?;
    Ok(())
}

/// Records a member's declaration of interest on an agenda item of the meeting.
#[server(endpoint = "/declare_interest")]
pub async fn declare_interest(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] item_id: AgendaItemId,
    #[server(default)] member_id: MemberId,
    #[server(default)] interest: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, .. }, meeting) = GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    // Approved minutes are the record: who came, what was discussed and declared no longer change.
    crate::participation::minutes::server::ensure_not_approved(tx.conn(), &meeting_id).await?;
    let kept = [("item_id", item_id.as_str()), ("member_id", member_id.as_str()), ("interest", interest.as_str())];
    let mut errors = FormErrors::new();
    let clean = DeclarationFields { interest: interest.clone() }.parse(&mut errors);
    if db::fetch_item_meeting(tx.conn(), &item_id).await?.as_ref() != Some(&meeting_id) {
        errors.add("item_id", "Choose the agenda item");
    }
    if !attendance_of(tx.conn(), &meeting).await?.iter().any(|(m, _)| m.id == member_id) {
        errors.add("member_id", "Choose the member declaring the interest");
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_declaration(tx.conn(), &item_id, &member_id, &clean).await?;
    tx.audit(
        "interest_declared",
        "interest_declaration",
        &id,
        serde_json::json!({ "item_id": item_id, "member_id": member_id }),
    )
    .await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}")).await?;
    Ok(())
}
