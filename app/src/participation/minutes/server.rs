//! The minutes' server functions. Reading is for whoever reads the group's business (the draft only for
//! those who record it, and, once circulated, for the members present); recording, circulating, amending and
//! publishing for staff of the service or the group's secretary; approving also for the group's chair;
//! commenting for the members present while the draft is circulated. Every change is audited; every change
//! begins with `GroupChange::meeting`. Approved minutes are never edited: a change is refused with 409.

use std::collections::HashMap;

use leptos::prelude::*;

use super::types::{MinutesPage, PublicSummary};
use crate::error::AppError;
use crate::participation::types::{AgendaItemId, Meeting, MeetingId, MeetingStatus};
#[cfg(feature = "ssr")]
use {
    super::{
        db,
        types::{Approval, ItemMinutes, MinutesStage, SummaryItem},
    },
    crate::{
        accounts::{
            access::{ensure_reads_group, keeps_records_of, require_signed_in, SignedInUser},
            types::ServiceId,
        },
        db::Write,
        error::FormErrors,
        participation::{
            actions::db as actions_db,
            db as participation_db,
            server::{meeting_and_group, GroupChange, MayChange},
            types::{AgendaItem, Group, Member, Position},
        },
        safeguarding::review::{db as review_db, FlagSource, FlagSourceKind},
        state::state,
    },
    sqlx::AnyConnection,
};

/// The longest discussion of one item, in characters.
pub const DISCUSSION_MAX: usize = 8_000;
/// The longest comment, amendment or update, in characters.
pub const NOTE_MAX: usize = 2_000;
/// The longest decision, in characters.
pub const DECISION_MAX: usize = 1_000;

/// The field of an item's discussion on the minutes form: `discussion[i-<item id>]` (the `i-` because the
/// form decoder reads a bracketed key that starts with a digit as a list index).
pub fn discussion_field(item: &AgendaItemId) -> String {
    format!("discussion[i-{item}]")
}

/// The minutes page's address.
pub fn minutes_path(meeting_id: &MeetingId) -> String {
    format!("/participation/meetings/{meeting_id}/minutes")
}

/// Text of several lines, trimmed: required or not, and at most `max` characters, with its message.
#[cfg(feature = "ssr")]
pub(crate) fn long_text(
    errors: &mut FormErrors,
    field: &str,
    value: &str,
    what: &str,
    max: usize,
    required: bool,
) -> String {
    let text = value.trim().to_owned();
    if required && text.is_empty() {
        errors.add(field, format!("Enter {what}"));
    } else if text.chars().count() > max {
        errors.add(field, format!("{} must be {} characters or fewer", crate::text::capitalise(what), thousands(max)));
    }
    text
}

#[cfg(feature = "ssr")]
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A stored instant (UTC) as local date and time: "3 March 2026 at 18:04".
#[cfg(feature = "ssr")]
pub(crate) fn local_when(stored: &str) -> String {
    let local = crate::clock::current().local(crate::db::parse_timestamp(stored));
    format!("{} at {}", crate::dates::readable_day(&local.format("%Y-%m-%d").to_string()), local.format("%H:%M"))
}

/// Whether `user` is a current patient or carer member among `members` on `day`: their words are screened.
#[cfg(feature = "ssr")]
pub(crate) fn writes_with_lived_experience(members: &[Member], user: &SignedInUser, day: &str) -> bool {
    members
        .iter()
        .any(|m| m.person_id.as_ref() == Some(&user.id) && m.current_on(day) && m.member_type.lived_experience())
}

/// Runs the safeguarding screener over `text` just saved in `tx` (never blocking the save): a finding raises
/// a flag for the service's review, and the first flag in a few minutes alerts the duty inbox by a mail with a
/// link and never the words (`safeguarding::review::db::screen_and_raise`). `what` names the text for the mail
/// ("A comment on draft minutes").
#[cfg(feature = "ssr")]
pub(crate) async fn screen(
    tx: &mut Write,
    service_id: &ServiceId,
    source: FlagSource,
    text: &str,
    what: &str,
) -> Result<bool, AppError> {
    let base_url = state()?.security.base_url.clone();
    Ok(review_db::screen_and_raise(tx.conn(), &base_url, service_id, &source, text, what).await?)
}

/// The minutes' stage, refusing (409) a change to approved minutes.
#[cfg(feature = "ssr")]
pub(crate) async fn ensure_not_approved(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<MinutesStage, AppError> {
    let stage = db::fetch_state(conn, meeting_id).await?.stage;
    if stage.locked() {
        return Err(AppError::Conflict(
            "These minutes have been approved, so they cannot be changed. Add an amendment instead.".into(),
        ));
    }
    Ok(stage)
}

/// Refuses (409) circulating or approving the minutes of a meeting not marked held: until then there is
/// nothing the members present could check (tester F4). `what` is "circulated" or "approved".
#[cfg(feature = "ssr")]
fn ensure_held(meeting: &Meeting, what: &str) -> Result<(), AppError> {
    if meeting.status == MeetingStatus::Held {
        return Ok(());
    }
    Err(AppError::Conflict(held_first(meeting, what)))
}

/// Why draft minutes cannot be circulated yet although the meeting is held: no member is recorded present
/// (tester 15b F2), for the page and the 409 refusal.
pub const NO_ATTENDANCE_YET: &str =
    "Record attendance on the meeting's page first: the draft goes to the members present, and nobody is recorded present yet.";

/// "Minutes can be circulated once the meeting is marked held …", for the page and the refusal.
pub fn held_first(meeting: &Meeting, what: &str) -> String {
    match meeting.status {
        MeetingStatus::Cancelled => format!("This meeting was cancelled, so it has no minutes to be {what}."),
        _ => format!(
            "Minutes can be {what} once the meeting is marked held on its page (on {} or after).",
            crate::dates::readable_day(meeting.day())
        ),
    }
}

/// The agenda item `item_id` of the meeting, or a message beside `field`.
#[cfg(feature = "ssr")]
async fn item_of(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    item_id: &AgendaItemId,
    field: &str,
    errors: &mut FormErrors,
) -> Result<Option<AgendaItem>, AppError> {
    let item = participation_db::list_agenda(conn, meeting_id).await?.into_iter().find(|i| i.id == *item_id);
    if item.is_none() {
        errors.add(field, "Choose the agenda item");
    }
    Ok(item)
}

/// Whether `user` is the group's chair today.
#[cfg(feature = "ssr")]
fn chairs(members: &[Member], user: &SignedInUser, day: &str) -> bool {
    members.iter().any(|m| m.person_id.as_ref() == Some(&user.id) && m.current_on(day) && m.position == Position::Chair)
}

/// Who may own an action of the group: its current members and the staff of its service.
#[cfg(feature = "ssr")]
pub(crate) async fn owner_choices(
    conn: &mut AnyConnection,
    group: &Group,
    members: &[Member],
) -> Result<Vec<(String, String)>, AppError> {
    let today = crate::clock::today();
    let mut owners: Vec<(String, String)> = members
        .iter()
        .filter(|m| m.current_on(&today))
        .map(|m| (format!("m-{}", m.id), format!("{} (member)", m.name)))
        .collect();
    for (person, name) in db::staff_of_service(conn, &group.service_id).await? {
        if !members.iter().any(|m| m.current_on(&today) && m.person_id.as_ref() == Some(&person)) {
            owners.push((format!("p-{person}"), format!("{name} (staff)")));
        }
    }
    Ok(owners)
}

/// A meeting's minutes page.
#[server(endpoint = "/get_minutes")]
pub async fn get_minutes(#[server(default)] meeting_id: MeetingId) -> Result<MinutesPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (meeting, mut group, membership) = meeting_and_group(&mut conn, &meeting_id).await?;
    ensure_reads_group(&user, &membership)?;
    group.terms_html = String::new();
    let today = crate::clock::today();
    let minutes = db::fetch_state(&mut conn, &meeting_id).await?;
    let members = participation_db::list_members(&mut conn, &group.id).await?;
    let may_record = keeps_records_of(&user, &membership);
    let is_chair = chairs(&members, &user, &today);
    let may_approve = may_record || is_chair;
    let present = db::present_member(&mut conn, &meeting_id, &user.id).await?;
    let stage = minutes.stage;
    let readable =
        may_record || stage == MinutesStage::Published || (present.is_some() && stage != MinutesStage::Draft);
    let mut agenda = participation_db::list_agenda(&mut conn, &meeting_id).await?;
    // A member who is only an observer never reads a confidential item: not its title, nor its minutes.
    let observer = crate::participation::papers::server::only_observes(&user, &membership, &members, &today);
    let hidden: Vec<AgendaItemId> =
        if observer { agenda.iter().filter(|i| i.confidential).map(|i| i.id.clone()).collect() } else { Vec::new() };
    if observer {
        crate::participation::server::hide_confidential(&mut agenda);
    }
    let items = if readable {
        let discussions = db::list_discussions(&mut conn, &meeting_id).await?;
        let decisions = db::list_decisions(&mut conn, &meeting_id).await?;
        let actions = actions_db::list_for_meeting(&mut conn, &meeting_id, &today).await?;
        let comments = db::list_comments(&mut conn, &meeting_id).await?;
        let amendments = db::list_amendments(&mut conn, &meeting_id).await?;
        agenda
            .into_iter()
            .map(|item| {
                if hidden.contains(&item.id) {
                    return ItemMinutes {
                        discussion_html: String::new(),
                        discussion: String::new(),
                        decisions: Vec::new(),
                        actions: Vec::new(),
                        comments: Vec::new(),
                        amendments: Vec::new(),
                        item,
                    };
                }
                let discussion =
                    discussions.iter().find(|(i, _)| *i == item.id).map(|(_, d)| d.clone()).unwrap_or_default();
                ItemMinutes {
                    discussion_html: crate::markdown::render(&discussion),
                    discussion,
                    decisions: decisions.iter().filter(|d| d.item_id == item.id).cloned().collect(),
                    actions: actions.iter().filter(|a| a.item_id == item.id).cloned().collect(),
                    comments: comments.iter().filter(|(i, _)| *i == item.id).map(|(_, c)| c.clone()).collect(),
                    amendments: amendments
                        .iter()
                        .filter(|(i, _)| *i == item.id)
                        .map(|(_, a)| super::types::Amendment { made_at: local_when(&a.made_at), ..a.clone() })
                        .collect(),
                    item,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let approval = match (&minutes.approved_how, &minutes.approved_at) {
        (Some(how), Some(at)) => {
            let who = match (how, &minutes.approved_by_name) {
                (Approval::Chair, Some(name)) => format!(" ({name})"),
                (Approval::NextMeeting, Some(name)) => format!(" (recorded by {name})"),
                (_, None) => String::new(),
            };
            Some(format!("{}{who} on {}.", how.label(), local_when(at)))
        }
        _ => None,
    };
    let owners = if may_record { owner_choices(&mut conn, &group, &members).await? } else { Vec::new() };
    let held = meeting.status == MeetingStatus::Held;
    let anyone_present = db::count_present(&mut conn, &meeting.id).await? > 0;
    Ok(MinutesPage {
        group,
        meeting,
        stage,
        approval,
        summary_published: minutes.summary_published,
        readable,
        items,
        may_record,
        may_approve,
        is_chair,
        may_comment: present.is_some() && stage == MinutesStage::Circulated,
        held,
        anyone_present,
        owners,
    })
}

/// Saves the discussion of each agenda item (`discussion[i-<item id>]`, Markdown) while the minutes are a
/// draft or circulated. Approved minutes are refused (409). Words a patient or carer member writes are screened.
#[server(endpoint = "/save_minutes")]
pub async fn save_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] discussion: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, user, group, .. }, _) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_not_approved(tx.conn(), &meeting_id).await?;
    let items = participation_db::list_agenda(tx.conn(), &meeting_id).await?;
    let mut errors = FormErrors::new();
    let mut texts = Vec::new();
    for item in &items {
        let Some(typed) = discussion.get(&format!("i-{}", item.id)) else { continue };
        let what = format!("the minutes of \"{}\"", item.title);
        let text = long_text(&mut errors, &discussion_field(&item.id), typed, &what, DISCUSSION_MAX, false);
        texts.push((item.id.clone(), text));
    }
    if texts.is_empty() {
        let field = items.first().map(|i| discussion_field(&i.id)).unwrap_or_else(|| "discussion".to_owned());
        errors.add(&field, "Write the minutes of at least one agenda item");
    }
    if !errors.is_empty() {
        for (key, value) in &discussion {
            errors = errors.keep(&format!("discussion[{key}]"), value.clone());
        }
        return Err(AppError::Validation(errors));
    }
    tx.claim_submission(&submission).await?;
    db::ensure_minutes(tx.conn(), &meeting_id).await?;
    for (item_id, text) in &texts {
        db::save_discussion(tx.conn(), item_id, text, Some(&user.id)).await?;
    }
    tx.audit("minutes_saved", "group_meeting", &meeting_id, serde_json::json!({ "items": texts.len() })).await?;
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    if writes_with_lived_experience(&members, &user, &crate::clock::today()) {
        for (item_id, text) in &texts {
            let source = FlagSource { kind: FlagSourceKind::ItemMinutes, id: item_id.to_string() };
            screen(&mut tx, &group.service_id, source, text, "Minutes written by a patient or carer member").await?;
        }
    }
    tx.commit_then(&format!("{}?saved=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// Records a decision on an agenda item, numbered next in the group, with an optional review date.
#[server(endpoint = "/record_decision")]
pub async fn record_decision(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] decision_item_id: AgendaItemId,
    #[server(default)] wording: String,
    #[server(default)] review_on_day: String,
    #[server(default)] review_on_month: String,
    #[server(default)] review_on_year: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, user, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_not_approved(tx.conn(), &meeting_id).await?;
    let kept = [
        ("decision_item_id", decision_item_id.as_str()),
        ("wording", wording.as_str()),
        ("review_on_day", review_on_day.as_str()),
        ("review_on_month", review_on_month.as_str()),
        ("review_on_year", review_on_year.as_str()),
    ];
    let mut errors = FormErrors::new();
    item_of(tx.conn(), &meeting_id, &decision_item_id, "decision_item_id", &mut errors).await?;
    let wording = long_text(&mut errors, "wording", &wording, "the decision", DECISION_MAX, true);
    let field = crate::dates::DateField {
        name: "review_on",
        legend: "Date to review it",
        earliest: meeting_bound(meeting.day()),
        latest: None,
    };
    let typed = crate::dates::DateParts::new(review_on_day.clone(), review_on_month.clone(), review_on_year.clone());
    let review_on = crate::dates::parse_optional_date_input(&field, &typed)
        .map_err(|e| e.add_to(&mut errors))
        .ok()
        .flatten()
        .map(|d| d.iso());
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    db::ensure_minutes(tx.conn(), &meeting_id).await?;
    let (id, number) =
        db::insert_decision(tx.conn(), &group.id, &meeting_id, &decision_item_id, &wording, review_on.as_deref())
            .await?;
    tx.audit(
        "decision_recorded",
        "group_decision",
        &id,
        serde_json::json!({ "meeting_id": meeting_id, "number": number }),
    )
    .await?;
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    if writes_with_lived_experience(&members, &user, &crate::clock::today()) {
        let source = FlagSource { kind: FlagSourceKind::GroupDecision, id: id.to_string() };
        screen(&mut tx, &group.service_id, source, &wording, "A decision in minutes").await?;
    }
    tx.commit_then(&format!("{}?decision=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// The earliest date a decision's review or an action's due date may be: the meeting's own day.
#[cfg(feature = "ssr")]
pub(crate) fn meeting_bound(day: &str) -> Option<crate::dates::Bound> {
    crate::dates::Day::parse_iso(day)
        .map(|day| crate::dates::Bound { day, words: "the same as or after the date of the meeting" })
}

/// Sends draft minutes to the members present for their corrections: a mail to each with an email address,
/// with a link and never the text.
#[server(endpoint = "/circulate_minutes")]
pub async fn circulate_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    ensure_held(&meeting, "circulated")?;
    // Circulated "to those present": until attendance is recorded there is nobody to send them to (15b F2).
    if db::count_present(tx.conn(), &meeting_id).await? == 0 {
        return Err(AppError::Conflict(NO_ATTENDANCE_YET.into()));
    }
    let stage = ensure_not_approved(tx.conn(), &meeting_id).await?;
    if stage != MinutesStage::Draft {
        return Err(AppError::Conflict("These minutes have already been circulated.".into()));
    }
    tx.claim_submission(&submission).await?;
    db::circulate(tx.conn(), &meeting_id).await?;
    let link = crate::links::absolute(&state()?.security.base_url, &minutes_path(&meeting_id), &[]);
    let present = db::present_with_email(tx.conn(), &meeting_id).await?;
    for (name, email) in &present {
        let mail =
            crate::participation::actions::emails::minutes_circulated(email, name, &group.name, meeting.day(), &link);
        crate::mail::enqueue(&mut *tx.conn(), &mail).await?;
    }
    tx.audit("minutes_circulated", "group_meeting", &meeting_id, serde_json::json!({ "mailed": present.len() }))
        .await?;
    tx.commit_then(&format!("{}?circulated=1", minutes_path(&meeting_id))).await?;
    if let Ok(state) = state() {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// A member present adds their correction to an item of circulated minutes (one per item). The screener reads
/// it; a flag goes to the service's review, never blocking the save.
#[server(endpoint = "/comment_on_minutes")]
pub async fn comment_on_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] comment_item_id: AgendaItemId,
    #[server(default)] comment: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, user, group, membership }, _) =
        GroupChange::meeting(&meeting_id, MayChange::Reads).await?;
    let Some((member_id, _)) = db::present_member(tx.conn(), &meeting_id, &user.id).await? else {
        return Err(AppError::Forbidden);
    };
    let kept = [("comment_item_id", comment_item_id.as_str()), ("comment", comment.as_str())];
    if db::fetch_state(tx.conn(), &meeting_id).await?.stage != MinutesStage::Circulated {
        return Err(AppError::Conflict("These minutes are not open for corrections.".into()));
    }
    let mut errors = FormErrors::new();
    let item = item_of(tx.conn(), &meeting_id, &comment_item_id, "comment_item_id", &mut errors).await?;
    // An observer never reads a confidential item's minutes, so never corrects them.
    if item.is_some_and(|i| i.confidential) {
        let members = participation_db::list_members(tx.conn(), &group.id).await?;
        if crate::participation::papers::server::only_observes(&user, &membership, &members, &crate::clock::today()) {
            return Err(AppError::Forbidden);
        }
    }
    let comment = long_text(&mut errors, "comment", &comment, "your correction", NOTE_MAX, true);
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = match db::insert_comment(tx.conn(), &comment_item_id, &member_id, &comment).await {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(
                AppError::field("comment_item_id", "You have already added a correction to this item").keeping(&kept)
            )
        }
        Err(e) => return Err(e.into()),
    };
    tx.audit("minutes_comment_added", "minutes_comment", &id, serde_json::json!({ "item_id": comment_item_id }))
        .await?;
    let source = FlagSource { kind: FlagSourceKind::MinutesComment, id: id.clone() };
    screen(&mut tx, &group.service_id, source, &comment, "A comment on draft minutes").await?;
    tx.commit_then(&format!("{}?commented=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// Approves the minutes: by the chair, or recorded as approved at the next meeting. From then on they are
/// never edited.
#[server(endpoint = "/approve_minutes")]
pub async fn approve_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] approval: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, user, group, membership, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::Reads).await?;
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    let is_chair = chairs(&members, &user, &crate::clock::today());
    if !(keeps_records_of(&user, &membership) || is_chair) {
        return Err(AppError::Forbidden);
    }
    let kept = [("approval", approval.as_str())];
    let Ok(how) = approval.parse::<Approval>() else {
        return Err(AppError::field("approval", "Choose how the minutes were approved").keeping(&kept));
    };
    if how == Approval::Chair && !is_chair {
        return Err(AppError::field(
            "approval",
            "Only the chair approves the minutes as chair: choose \"Approved at the next meeting\"",
        )
        .keeping(&kept));
    }
    ensure_held(&meeting, "approved")?;
    ensure_not_approved(tx.conn(), &meeting_id).await?;
    tx.claim_submission(&submission).await?;
    db::approve(tx.conn(), &meeting_id, Some(&user.id), how).await?;
    tx.audit("minutes_approved", "group_meeting", &meeting_id, serde_json::json!({ "how": how.as_str() })).await?;
    tx.commit_then(&format!("{}?approved=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// Publishes approved minutes: to the group's members (`audience` = `members`), or a public summary of the
/// non-confidential items for everyone (`public`).
#[server(endpoint = "/publish_minutes")]
pub async fn publish_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] audience: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, .. }, _) = GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    let kept = [("audience", audience.as_str())];
    if !matches!(audience.as_str(), "members" | "public") {
        return Err(AppError::field("audience", "Choose who to publish the minutes to").keeping(&kept));
    }
    if !db::fetch_state(tx.conn(), &meeting_id).await?.stage.locked() {
        return Err(AppError::Conflict("Minutes can be published once they have been approved.".into()));
    }
    tx.claim_submission(&submission).await?;
    if audience == "members" {
        db::publish_to_members(tx.conn(), &meeting_id).await?;
    } else {
        db::publish_summary(tx.conn(), &meeting_id).await?;
    }
    tx.audit("minutes_published", "group_meeting", &meeting_id, serde_json::json!({ "audience": audience })).await?;
    tx.commit_then(&format!("{}?published=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// Adds an amendment (a correction) under an item of approved minutes, with who made it and when.
#[server(endpoint = "/amend_minutes")]
pub async fn amend_minutes(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] amendment_item_id: AgendaItemId,
    #[server(default)] amendment: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let (GroupChange { mut tx, user, group, .. }, _) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    let kept = [("amendment_item_id", amendment_item_id.as_str()), ("amendment", amendment.as_str())];
    let mut errors = FormErrors::new();
    item_of(tx.conn(), &meeting_id, &amendment_item_id, "amendment_item_id", &mut errors).await?;
    let body = long_text(&mut errors, "amendment", &amendment, "the amendment", NOTE_MAX, true);
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    if !db::fetch_state(tx.conn(), &meeting_id).await?.stage.locked() {
        return Err(AppError::Conflict(
            "These minutes are not approved yet: change the draft itself instead of amending it.".into(),
        ));
    }
    tx.claim_submission(&submission).await?;
    let id = db::insert_amendment(tx.conn(), &amendment_item_id, &body, &user.id, &user.name).await?;
    tx.audit("minutes_amended", "minutes_amendment", &id, serde_json::json!({ "item_id": amendment_item_id })).await?;
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    if writes_with_lived_experience(&members, &user, &crate::clock::today()) {
        let source = FlagSource { kind: FlagSourceKind::MinutesAmendment, id: id.clone() };
        screen(&mut tx, &group.service_id, source, &body, "An amendment to minutes").await?;
    }
    tx.commit_then(&format!("{}?amended=1", minutes_path(&meeting_id))).await?;
    Ok(())
}

/// The public summary of a meeting's approved minutes: non-confidential items only, for everyone. Not found
/// until it is published.
#[server(endpoint = "/get_public_summary")]
pub async fn get_public_summary(#[server(default)] meeting_id: MeetingId) -> Result<PublicSummary, AppError> {
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let minutes = db::fetch_state(&mut conn, &meeting_id).await?;
    if !minutes.summary_published || !minutes.stage.locked() {
        return Err(AppError::NotFound);
    }
    let (meeting, group, _) = meeting_and_group(&mut conn, &meeting_id).await?;
    let discussions = db::list_discussions(&mut conn, &meeting_id).await?;
    let decisions = db::list_decisions(&mut conn, &meeting_id).await?;
    let amendments = db::list_amendments(&mut conn, &meeting_id).await?;
    let items = participation_db::list_agenda(&mut conn, &meeting_id)
        .await?
        .into_iter()
        .filter(|i| !i.confidential)
        .map(|item| SummaryItem {
            discussion_html: crate::markdown::render(
                &discussions.iter().find(|(i, _)| *i == item.id).map(|(_, d)| d.clone()).unwrap_or_default(),
            ),
            decisions: decisions.iter().filter(|d| d.item_id == item.id).cloned().collect(),
            amendments: amendments
                .iter()
                .filter(|(i, _)| *i == item.id)
                .map(|(_, a)| super::types::Amendment { made_at: local_when(&a.made_at), ..a.clone() })
                .collect(),
            title: item.title,
        })
        .collect();
    Ok(PublicSummary { group_name: group.name, service_name: group.service_name, when: meeting.when(), items })
}
