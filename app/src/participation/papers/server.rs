//! Papers' server functions and access rule. Uploading a paper or its easy-read version and sending the
//! papers are for the service's staff; reading them is for the group's current members and its staff, and a
//! confidential item's papers never reach a member whose position is observer. Every change is audited.

use leptos::prelude::*;

use super::PaperId;
use crate::error::AppError;
use crate::participation::types::MeetingId;
#[cfg(feature = "ssr")]
use {
    super::{db, emails, timing, Paper, PapersPanel, Sending},
    crate::{
        accounts::access::{ensure_reads_group, GroupMembership, SignedInUser},
        error::FormErrors,
        participation::{
            db as participation_db,
            server::{GroupChange, MayChange},
            types::{AgendaItemId, Group, Meeting, MeetingStatus, Member, MemberId, Position},
        },
        state::state,
    },
    sqlx::AnyConnection,
};

/// The longest paper title, in characters.
pub const PAPER_TITLE_MAX: usize = 200;

// ---- who reads what ------------------------------------------------------------------------------------

/// Whether the caller is, today, a member of the group only as an observer: true when every current term of
/// theirs in the group is an observer's (staff of the service are never observers for this).
#[cfg(feature = "ssr")]
pub(crate) fn only_observes(
    user: &SignedInUser,
    membership: &GroupMembership,
    members: &[Member],
    today: &str,
) -> bool {
    if user.is_staff_of(&membership.service_id) {
        return false;
    }
    let mine: Vec<&Member> =
        members.iter().filter(|m| m.current_on(today) && m.person_id.as_ref() == Some(&user.id)).collect();
    !mine.is_empty() && mine.iter().all(|m| m.position == Position::Observer)
}

/// Refuses (403) a caller who may not read a paper: anyone but the group's current members and its
/// service's staff, and for a confidential item's paper also a member whose position is observer
/// (issue 15 §2: "confidential items' papers only reach members, never stakeholders marked as observers").
#[cfg(feature = "ssr")]
pub(crate) fn ensure_reads_paper(
    user: &SignedInUser,
    membership: &GroupMembership,
    members: &[Member],
    confidential: bool,
) -> Result<(), AppError> {
    ensure_reads_group(user, membership)?;
    if confidential && only_observes(user, membership, members, &crate::clock::today()) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// "3 March 2026 at 10:15", local, from a stored instant (RFC 3339 UTC); a malformed value as it is.
#[cfg(feature = "ssr")]
fn local_moment(stored: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stored) {
        Ok(at) => {
            let local = crate::clock::current().local(at.to_utc());
            format!(
                "{} at {}",
                crate::dates::readable_day(&local.format("%Y-%m-%d").to_string()),
                local.format("%H:%M")
            )
        }
        Err(_) => stored.to_owned(),
    }
}

/// The day a meeting's papers are due (`YYYY-MM-DD`): its day less the group's papers-due days.
#[cfg(feature = "ssr")]
fn due_on(group: &Group, meeting: &Meeting) -> String {
    chrono::NaiveDate::parse_from_str(meeting.day(), "%Y-%m-%d")
        .map(|day| (day - chrono::Duration::days(group.papers_due_days)).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The members current today with an email address: whom sending the papers mails.
#[cfg(feature = "ssr")]
fn mailable(members: &[Member], today: &str) -> Vec<Member> {
    members
        .iter()
        .filter(|m| m.current_on(today) && m.email.as_deref().is_some_and(|e| !e.is_empty()))
        .cloned()
        .collect()
}

/// How a meeting's papers are going: whether they were sent, when, and whether that was late.
#[cfg(feature = "ssr")]
async fn sending_of(conn: &mut AnyConnection, group: &Group, meeting: &Meeting) -> Result<Sending, AppError> {
    let sent_at = db::fetch_sent_at(&mut *conn, &meeting.id).await?;
    let members = participation_db::list_members(&mut *conn, &group.id).await?;
    let mailed = db::list_recipients(&mut *conn, &meeting.id).await?;
    let today = crate::clock::today();
    let not_yet_mailed = mailable(&members, &today).iter().filter(|m| !mailed.contains(&m.id)).count() as i64;
    let due = due_on(group, meeting);
    let sent_on = sent_at.as_deref().map(crate::clock::local_day_of);
    let timing = timing(meeting.day(), &due, sent_on.as_deref(), &today, meeting.status == MeetingStatus::Cancelled);
    let due_words = crate::dates::long_day(&due);
    let sent_words = sent_at.as_deref().map(local_moment);
    let sentence = match (timing, &sent_words) {
        (super::PapersTiming::OnTime, Some(at)) => {
            format!("The papers were sent on {at}, in time: they were due by {due_words}.")
        }
        (super::PapersTiming::SentLate, Some(at)) => {
            format!("The papers were sent late, on {at}: they were due by {due_words}.")
        }
        (super::PapersTiming::Overdue, _) => {
            format!("The papers are late: they were due by {due_words} and have not been sent yet.")
        }
        (super::PapersTiming::NotDueYet, _) => {
            format!("The papers have not been sent yet. They are due by {due_words}.")
        }
        _ => "The papers for this meeting were not sent through Continuum.".to_owned(),
    };
    Ok(Sending { timing, sentence, sent_at: sent_words, not_yet_mailed })
}

/// The meeting page's papers panel for `user` (already allowed to read the group): the papers they may read,
/// how sending is going, and the calendar file's address.
#[cfg(feature = "ssr")]
pub async fn panel_for(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    group: &Group,
    meeting: &Meeting,
    membership: &GroupMembership,
) -> Result<PapersPanel, AppError> {
    let members = participation_db::list_members(&mut *conn, &group.id).await?;
    let observer = only_observes(user, membership, &members, &crate::clock::today());
    let due = due_on(group, meeting);
    let papers = db::list_papers(&mut *conn, &meeting.id)
        .await?
        .into_iter()
        .filter(|p| !(p.confidential && observer))
        // The uploaded names stay on the server (they are only the download name): the page's data carries
        // none, since a file's name often tells a confidential subject (tester 15b F4).
        .map(|p| Paper {
            added_late: p.added_on > due,
            file_name: String::new(),
            easy_read: p.easy_read.map(|(_, size)| (String::new(), size)),
            ..p
        })
        .collect();
    let to_post = if crate::accounts::access::keeps_records_of(user, membership) {
        to_post(conn, group, meeting, &members).await?
    } else {
        Vec::new()
    };
    Ok(PapersPanel {
        papers,
        sending: sending_of(conn, group, meeting).await?,
        ics_href: format!("/participation/meetings/{}/meeting.ics", meeting.id),
        to_post,
    })
}

/// Once the papers are sent, the current members whose papers go by post, with the day each was posted (late
/// when after the day the papers were due).
#[cfg(feature = "ssr")]
async fn to_post(
    conn: &mut AnyConnection,
    group: &Group,
    meeting: &Meeting,
    members: &[Member],
) -> Result<Vec<super::PostLine>, AppError> {
    if db::fetch_sent_at(&mut *conn, &meeting.id).await?.is_none() {
        return Ok(Vec::new());
    }
    let posted = db::list_posted(&mut *conn, &meeting.id).await?;
    let due = due_on(group, meeting);
    let today = crate::clock::today();
    Ok(members
        .iter()
        .filter(|m| m.papers_by_post && m.current_on(&today))
        .map(|m| {
            let day = posted.iter().find(|(id, _)| *id == m.id).map(|(_, day)| day.clone());
            super::PostLine {
                member_id: m.id.clone(),
                name: m.name.clone(),
                late: day.as_deref().is_some_and(|d| d > due.as_str()),
                posted_on: day.as_deref().map(crate::dates::readable_day),
                observer: m.position == Position::Observer,
            }
        })
        .collect())
}

/// Records the day a member's papers were posted (`post_member_id`, `posted_on_day/month/year`): staff of the
/// service or the group's secretary, for a current member whose papers go by post, once the papers were sent;
/// a day in the future, or before the papers were first sent, is refused beside the field. Recording again
/// corrects the day. Audited with the day before. Late when after the day the group's rule had them go out.
#[server(endpoint = "/record_papers_posted")]
pub async fn record_papers_posted(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] post_member_id: crate::participation::types::MemberId,
    #[server(default)] posted_on_day: String,
    #[server(default)] posted_on_month: String,
    #[server(default)] posted_on_year: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    use crate::dates::{parse_date_input, DateField, DateParts};
    let (GroupChange { user, mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::KeepsRecords).await?;
    let kept = [
        ("post_member_id", post_member_id.as_str()),
        ("posted_on_day", posted_on_day.as_str()),
        ("posted_on_month", posted_on_month.as_str()),
        ("posted_on_year", posted_on_year.as_str()),
    ];
    let Some(sent_at) = db::fetch_sent_at(tx.conn(), &meeting_id).await? else {
        return Err(AppError::Conflict("The papers have not been sent yet, so none have been posted.".into()));
    };
    let mut errors = FormErrors::new();
    let today = crate::clock::today();
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    if !members.iter().any(|m| m.id == post_member_id && m.papers_by_post && m.current_on(&today)) {
        errors.add("post_member_id", "Choose the member whose papers were posted");
    }
    let field = DateField { name: "posted_on", legend: "Date posted", earliest: None, latest: None };
    let typed = DateParts::new(&posted_on_day, &posted_on_month, &posted_on_year);
    let day = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok().map(|d| d.iso());
    let sent_on = crate::clock::local_day_of(&sent_at);
    match &day {
        Some(day) if day.as_str() > today.as_str() => {
            errors.add("posted_on_day", "Date posted must be today or in the past")
        }
        Some(day) if day.as_str() < sent_on.as_str() => errors.add(
            "posted_on_day",
            format!(
                "Date posted must be the same as or after the day the papers were sent, {}",
                crate::dates::long_day(&sent_on)
            ),
        ),
        _ => {}
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(day) = day else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let before = db::record_posted(tx.conn(), &meeting_id, &post_member_id, &day, &user.id).await?;
    let late = day > due_on(&group, &meeting);
    let detail =
        serde_json::json!({ "meeting_id": meeting_id, "posted_on": day, "posted_on_before": before, "late": late });
    tx.audit("papers_posted", "group_member", &post_member_id, detail).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}?posted=1")).await?;
    Ok(())
}

/// The group's meetings whose papers are late (sent late, or overdue now), for the group page.
#[cfg(feature = "ssr")]
pub async fn late_meetings(
    conn: &mut AnyConnection,
    group: &Group,
    meetings: &[Meeting],
) -> Result<Vec<MeetingId>, AppError> {
    let sent = db::list_sent_for_group(&mut *conn, &group.id).await?;
    let today = crate::clock::today();
    Ok(meetings
        .iter()
        .filter(|m| {
            let sent_on = sent.iter().find(|(id, _)| *id == m.id).map(|(_, at)| crate::clock::local_day_of(at));
            timing(m.day(), &due_on(group, m), sent_on.as_deref(), &today, m.status == MeetingStatus::Cancelled).late()
        })
        .map(|m| m.id.clone())
        .collect())
}

// ---- uploads -------------------------------------------------------------------------------------------

/// Adds a paper to an agenda item: a multipart form with `meeting_id`, `paper_item_id`, `paper_title` and the PDF in
/// `file` (5 MB at most, checked by its first bytes; `crate::pdf`). A mistake comes back beside its field
/// with the title and item kept (a browser never sends a file back: it is chosen again).
#[server(endpoint = "/upload_paper", input = server_fn::codec::MultipartFormData)]
pub async fn upload_paper(data: server_fn::codec::MultipartData) -> Result<PaperId, AppError> {
    let mut upload = crate::pdf::read_upload(data, &["file"]).await?;
    let meeting_id = MeetingId::from(upload.text("meeting_id"));
    let (GroupChange { user, mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::Manages).await?;
    let (item_id, title, submission) =
        (upload.text("paper_item_id"), upload.text("paper_title"), upload.text("submission"));
    let file = upload.take_file("file");
    let kept = [("paper_item_id", item_id.as_str()), ("paper_title", title.as_str())];
    let mut errors = FormErrors::new();
    let item_id = AgendaItemId::from(item_id.clone());
    if participation_db::fetch_item_meeting(tx.conn(), &item_id).await?.as_ref() != Some(&meeting_id) {
        errors.add("paper_item_id", "Choose the agenda item the paper is for");
    }
    let clean_title =
        crate::text::one_line(&mut errors, "paper_title", &title, "the paper's title", PAPER_TITLE_MAX, true);
    let checked = if file.too_big {
        Err(crate::pdf::TOO_BIG.to_owned())
    } else {
        crate::pdf::check(&file.name, &file.bytes, "Papers")
    };
    if let Err(message) = checked {
        errors.add("file", message);
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let file_name = crate::download::uploaded_name(&file.name, "paper.pdf");
    let paper = db::NewPaper { item_id: &item_id, title: &clean_title, file_name: &file_name, content: &file.bytes };
    let id = db::insert_paper(tx.conn(), &paper, &user.id).await?;
    let mailed = mail_late_paper(&mut tx, &group, &meeting, &id).await?;
    let detail = serde_json::json!({ "meeting_id": meeting_id, "item_id": item_id, "title": clean_title,
        "size_bytes": file.bytes.len(), "mailed_on_its_own": mailed });
    tx.audit("paper_added", "meeting_paper", &id, detail).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}?paper=1")).await?;
    if mailed > 0 {
        state()?.mail_wakeup.notify_one();
    }
    Ok(id)
}

/// Mails a paper added after the meeting's papers were sent, on its own, to each current member the papers
/// were mailed to (`meeting_papers_recipient`) — a confidential item's paper never to an observer, and to
/// others without its title — marked late when added after the day the group's rule had the papers go out.
/// Each (paper, member) is claimed in `late_paper_recipient` in the upload's own transaction, so a member is
/// mailed a paper once, whichever app server takes the upload. Returns how many were mailed; none before
/// the papers were first sent (the first "Send the papers" carries it).
#[cfg(feature = "ssr")]
async fn mail_late_paper(
    tx: &mut crate::db::Write,
    group: &Group,
    meeting: &Meeting,
    paper_id: &PaperId,
) -> Result<i64, AppError> {
    if db::fetch_sent_at(tx.conn(), &meeting.id).await?.is_none() {
        return Ok(0);
    }
    let Some((paper, _)) = db::fetch_paper(tx.conn(), paper_id).await? else { return Ok(0) };
    let paper = Paper { added_late: paper.added_on > due_on(group, meeting), ..paper };
    let sent_to: Vec<MemberId> =
        db::list_recipients_sent(tx.conn(), &meeting.id).await?.into_iter().map(|(m, _)| m).collect();
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    let base = state()?.security.base_url.clone();
    let now = crate::db::now();
    let mut mailed = 0;
    for member in mailable(&members, &crate::clock::today()).iter().filter(|m| sent_to.contains(&m.id)) {
        if paper.confidential && member.position == Position::Observer {
            continue;
        }
        if !db::claim_late_paper(tx.conn(), paper_id, &member.id, &now).await? {
            continue;
        }
        let Some(address) = member.email.as_deref() else { continue };
        let mail = emails::late_paper(address, member, group, meeting, &paper, &base);
        crate::mail::enqueue(tx.conn(), &mail).await?;
        mailed += 1;
    }
    Ok(mailed)
}

/// Adds (or replaces) the easy-read version of a paper: a multipart form with `meeting_id`, `paper_id` and the
/// PDF in `easy_read`, checked as papers are.
#[server(endpoint = "/upload_easy_read", input = server_fn::codec::MultipartFormData)]
pub async fn upload_easy_read(data: server_fn::codec::MultipartData) -> Result<(), AppError> {
    let mut upload = crate::pdf::read_upload(data, &["easy_read"]).await?;
    let meeting_id = MeetingId::from(upload.text("meeting_id"));
    let (GroupChange { mut tx, .. }, _) = GroupChange::meeting(&meeting_id, MayChange::Manages).await?;
    let (paper_id, submission) = (PaperId::from(upload.text("paper_id")), upload.text("submission"));
    let file = upload.take_file("easy_read");
    let kept = [("paper_id", paper_id.as_str())];
    let mut errors = FormErrors::new();
    let paper = db::fetch_paper(tx.conn(), &paper_id).await?.filter(|(_, m)| *m == meeting_id).map(|(p, _)| p);
    if paper.is_none() {
        errors.add("paper_id", "Choose the paper this is the easy-read version of");
    }
    let checked = if file.too_big {
        Err(crate::pdf::TOO_BIG.to_owned())
    } else {
        crate::pdf::check(&file.name, &file.bytes, "Papers")
    };
    if let Err(message) = checked {
        errors.add("easy_read", message);
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    db::set_easy_read(tx.conn(), &paper_id, &crate::download::uploaded_name(&file.name, "paper.pdf"), &file.bytes)
        .await?;
    let detail = serde_json::json!({ "meeting_id": meeting_id, "size_bytes": file.bytes.len() });
    tx.audit("paper_easy_read_added", "meeting_paper", &paper_id, detail).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}?paper=1")).await?;
    Ok(())
}

// ---- sending -------------------------------------------------------------------------------------------

/// Sends the meeting's papers: mails every current member with an email address, through the outbox, the
/// meeting's date, time, place and joining link and links to the papers they may read (never a paper's text,
/// and never a confidential item's title or paper), and records when the papers first went. Sending again
/// mails only members not yet mailed (who joined since); when there are none it is refused calmly (409) and
/// nobody is mailed twice. Returns how many members were mailed.
#[server(endpoint = "/send_papers")]
pub async fn send_papers(
    #[server(default)] meeting_id: MeetingId,
    #[server(default)] submission: String,
) -> Result<i64, AppError> {
    let (GroupChange { user, mut tx, group, .. }, meeting) =
        GroupChange::meeting(&meeting_id, MayChange::Manages).await?;
    let state = state()?;
    let papers = db::list_papers(tx.conn(), &meeting_id).await?;
    if papers.is_empty() {
        return Err(AppError::field("send", "Add at least one paper before sending the papers"));
    }
    if meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::field("send", "This meeting was cancelled, so its papers are not sent"));
    }
    let today = crate::clock::today();
    let members = participation_db::list_members(tx.conn(), &group.id).await?;
    let already = db::list_recipients(tx.conn(), &meeting_id).await?;
    let to_mail: Vec<Member> = mailable(&members, &today).into_iter().filter(|m| !already.contains(&m.id)).collect();
    let sent_at = db::fetch_sent_at(tx.conn(), &meeting_id).await?;
    if to_mail.is_empty() {
        return Err(match sent_at {
            Some(at) => AppError::Conflict(format!(
                "The papers were already sent on {}, and every member with an email address has them. Nobody was mailed again.",
                local_moment(&at)
            )),
            None => AppError::field("send", "No current member has an email address, so there is nobody to send the papers to"),
        });
    }
    tx.claim_submission(&submission).await?;
    let now = crate::db::now();
    db::record_sent(tx.conn(), &meeting_id, &now, &user.id).await?;
    let base = &state.security.base_url;
    let mut mailed = 0_i64;
    for member in &to_mail {
        if !db::claim_recipient(tx.conn(), &meeting_id, &member.id, &now).await? {
            continue;
        }
        let Some(address) = member.email.as_deref() else { continue };
        let mail = emails::papers(address, member, &group, &meeting, &papers, base);
        crate::mail::enqueue(tx.conn(), &mail).await?;
        mailed += 1;
    }
    let detail = serde_json::json!({ "mailed": mailed, "first": sent_at.is_none() });
    tx.audit("papers_sent", "group_meeting", &meeting_id, detail).await?;
    tx.commit_then(&format!("/participation/meetings/{meeting_id}?sent=1")).await?;
    state.mail_wakeup.notify_one();
    Ok(mailed)
}

/// The papers a member may be sent links to: none of a confidential item's, ever (a mail body names no
/// confidential item), so the same list for every member; how many confidential papers there are besides,
/// for a member who is not an observer (0 for an observer, who is never told of them).
#[cfg(feature = "ssr")]
pub fn papers_for_mail<'a>(papers: &'a [Paper], member: &Member) -> (Vec<&'a Paper>, usize) {
    let open: Vec<&Paper> = papers.iter().filter(|p| !p.confidential).collect();
    let confidential =
        if member.position == Position::Observer { 0 } else { papers.iter().filter(|p| p.confidential).count() };
    (open, confidential)
}
