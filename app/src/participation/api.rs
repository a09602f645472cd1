//! What Participation offers other capabilities and the access checks (never its `db`, server functions,
//! pages or tables): a group's current membership, which `accounts::access` checks against, and what the
//! "you said, we did" board's poster says (information draws posters).

use sqlx::AnyConnection;

use super::{db, types::GroupId, types::Position};
use crate::accounts::access::GroupMembership;
use crate::error::AppError;

/// The group's service and the account holders whose term covers `day` (`YYYY-MM-DD`), with its current
/// secretaries; `None` when there is no such group.
pub async fn group_membership(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    day: &str,
) -> Result<Option<GroupMembership>, AppError> {
    let Some(group) = db::fetch_group(&mut *conn, group_id).await? else { return Ok(None) };
    let members = db::list_members(conn, group_id).await?;
    let current: Vec<_> = members.iter().filter(|m| m.current_on(day)).collect();
    Ok(Some(GroupMembership {
        service_id: group.service_id,
        current_members: current.iter().filter_map(|m| m.person_id.clone()).collect(),
        secretaries: current
            .iter()
            .filter(|m| m.position == Position::Secretary)
            .filter_map(|m| m.person_id.clone())
            .collect(),
    }))
}

/// Whether `person_id` is today (the service's local date, from the `clock` kernel) a current member of any
/// group of `service_id`: a membership whose term has started and not ended, of any position. This, not the
/// "steering group member" role, is what lets a member read the service's aggregate figures (the involvement
/// report and its forms' results, never a comment's words or a response): issue 15 §7 gives access to a group's
/// business by current membership, signed in. **Observers count**: the figures are aggregate and suppressed,
/// with nothing confidential in them, and an observer reads the group's non-confidential business too.
/// Errors: a database failure (`AppError::Internal`).
pub async fn is_current_member_of_service(
    pool: &sqlx::AnyPool,
    person_id: &crate::accounts::types::PersonId,
    service_id: &crate::accounts::types::ServiceId,
) -> Result<bool, AppError> {
    let mut conn = pool.acquire().await?;
    let today = crate::clock::today();
    Ok(db::count_current_memberships(&mut conn, service_id, person_id, &today).await? > 0)
}

/// What a service's "you said, we did" A4 poster says: its title, a line beneath, and its most recent published
/// items that fit the page (`fit_on_a4`), each as ("You said …", "We did …" or "We could not …, because …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardPoster {
    pub title: String,
    pub subtitle: String,
    pub items: Vec<(String, String)>,
}

/// The most items a poster holds beneath its title and QR code.
pub const POSTER_ITEMS: usize = 3;
/// The most characters of items a poster holds: with the title, the 110 mm code and the address, about what
/// the rest of an A4 page (15 mm margins) takes at the poster's item size, measured by printing the demo.
pub const POSTER_CHARACTERS: usize = 600;

/// The most recent items (given newest first) that fit one A4 poster: at most [`POSTER_ITEMS`], and no more
/// than [`POSTER_CHARACTERS`] together; an item that would overflow the page ends the list, so what is shown is
/// always the newest.
pub fn fit_on_a4(items: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut used = 0;
    let mut fitted = Vec::new();
    for (said, did) in items.into_iter().take(POSTER_ITEMS) {
        let size = said.chars().count() + did.chars().count();
        if used + size > POSTER_CHARACTERS {
            break;
        }
        used += size;
        fitted.push((said, did));
    }
    fitted
}

/// What a service's "you said, we did" poster says; `None` when no service's name slugifies to
/// `service_slug`. The poster's code leads to `/you-said-we-did/<service_slug>`. Errors: a database failure.
pub async fn board_poster(pool: &sqlx::AnyPool, service_slug: &str) -> Result<Option<BoardPoster>, AppError> {
    use super::outcomes::types::OutcomeStatus;
    let services = crate::accounts::access::all_services(pool).await?;
    let Some(service) = services.into_iter().find(|s| crate::text::slugify(&s.name) == service_slug) else {
        return Ok(None);
    };
    let mut conn = pool.acquire().await?;
    let items = super::outcomes::db::list_published(&mut conn)
        .await?
        .into_iter()
        .filter(|r| r.service_id == service.id)
        .map(|r| {
            let did = match r.status() {
                OutcomeStatus::CouldNot if !r.could_not_reason.is_empty() => {
                    format!("We could not: {} {}", r.we_did, r.could_not_reason)
                }
                OutcomeStatus::CouldNot => format!("We could not: {}", r.we_did),
                _ => format!("We did: {}", r.we_did),
            };
            (format!("You said: {}", r.you_said), did)
        })
        .collect();
    Ok(Some(BoardPoster {
        title: format!("You said, we did: {}", service.name),
        subtitle: "What patients and carers told us, and what we changed because of it.".to_owned(),
        items: fit_on_a4(items),
    }))
}

#[cfg(test)]
mod poster_tests {
    use super::*;

    fn item(n: usize) -> (String, String) {
        ("s".repeat(n), "d".repeat(n))
    }

    #[test]
    fn a_poster_holds_the_newest_items_that_fit_one_page() {
        assert_eq!(fit_on_a4(vec![item(10); 5]).len(), POSTER_ITEMS, "no more than three");
        let fitted = fit_on_a4(vec![item(100), item(200), item(50)]);
        assert_eq!(fitted, vec![item(100), item(200)], "the third would overflow the page, so the list ends");
        assert!(fit_on_a4(vec![item(400)]).is_empty(), "an item longer than a page is left for the board");
    }
}

// ---- for reports (issue 18): the involvement report's meetings, decisions and actions ----

/// What Participation publishes about a service's period for the involvement report, before suppression.
/// Meetings, decisions and actions are counts of things; attendances are counts of people.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParticipationFigures {
    /// Meetings of the service's groups marked held in the period.
    pub meetings_held: i64,
    /// Of them, those quorate under their group's rule (`server::quorum_of`, as the meeting's page says).
    pub meetings_quorate: i64,
    /// Members present at those meetings, by member type in `MemberType::ALL` order (patient, carer, staff,
    /// stakeholder): one per member per meeting, so a person at three meetings counts three times.
    pub attendance: [i64; 4],
    /// Decisions recorded at those meetings.
    pub decisions: i64,
    /// Actions given at meetings in the period.
    pub actions_opened: i64,
    /// Actions done or dropped in the period.
    pub actions_closed: i64,
    /// Actions overdue at the end of the period (or today, if the period has not ended).
    pub actions_overdue: i64,
    /// Days from the meeting that gave each action closed in the period to its closing, smallest first.
    pub days_to_close: Vec<i64>,
}

impl ParticipationFigures {
    /// The median of `days_to_close` (the mean of the middle two for an even number); `None` when no action
    /// was closed.
    pub fn median_days_to_close(&self) -> Option<f64> {
        let days = &self.days_to_close;
        match days.len() {
            0 => None,
            n if n % 2 == 1 => Some(days[n / 2] as f64),
            n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
        }
    }
}

/// Participation's figures for a service from `from` up to but not including `until` (local dates,
/// `YYYY-MM-DD`). Errors: a database failure (`AppError::Internal`).
pub async fn report_figures(
    pool: &sqlx::AnyPool,
    service_id: &crate::accounts::types::ServiceId,
    from: &str,
    until: &str,
) -> Result<ParticipationFigures, AppError> {
    use super::{
        report_db,
        types::{Attendance, MemberType},
    };
    use chrono::NaiveDate;
    let mut conn = pool.acquire().await?;
    let mut figures = ParticipationFigures::default();
    for meeting_id in report_db::list_held_meetings(&mut conn, service_id, from, until).await? {
        let Some(meeting) = db::fetch_meeting(&mut conn, &meeting_id).await? else { continue };
        let Some(group) = db::fetch_group(&mut conn, &meeting.group_id).await? else { continue };
        let attendance = super::server::attendance_of(&mut conn, &meeting).await?;
        figures.meetings_held += 1;
        if super::server::quorum_of(&group, &attendance).quorate {
            figures.meetings_quorate += 1;
        }
        for (member, _) in attendance.iter().filter(|(_, a)| *a == Some(Attendance::Present)) {
            if let Some(i) = MemberType::ALL.iter().position(|t| *t == member.member_type) {
                figures.attendance[i] += 1;
            }
        }
    }
    figures.decisions = report_db::count_decisions(&mut conn, service_id, from, until).await?;
    figures.actions_opened = report_db::count_actions_opened(&mut conn, service_id, from, until).await?;
    let closed = report_db::list_actions_closed(&mut conn, service_id, from, until).await?;
    figures.actions_closed = i64::try_from(closed.len()).unwrap_or(i64::MAX);
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    figures.days_to_close =
        closed.iter().filter_map(|(given, closed)| Some((day(closed)? - day(given)?).num_days().max(0))).collect();
    figures.days_to_close.sort_unstable();
    // Overdue at the period's last day, or today's when the period has not ended.
    let last = day(until).and_then(|d| d.pred_opt()).map(|d| d.min(crate::clock::today_date()));
    if let Some(last) = last {
        let last = last.format("%Y-%m-%d").to_string();
        figures.actions_overdue = report_db::count_actions_overdue(&mut conn, service_id, &last).await?;
    }
    Ok(figures)
}

/// How many "you said, we did" items of a service were published on its board from local day `from` up to
/// but not including local day `until` (`YYYY-MM-DD`, in the deployment's time zone; each item counted by
/// when it was first published, and only while it is still on the board): for the involvement report's
/// Consultation section. A count of things. Errors: a date that is not `YYYY-MM-DD` counts nothing; a
/// database failure is `AppError::Internal` (logged).
pub async fn you_said_we_did_published(
    pool: &sqlx::AnyPool,
    service_id: &crate::accounts::types::ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, AppError> {
    let instant = |day: &str| {
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|local| crate::db::timestamp(crate::clock::current().instant_at(local)))
    };
    let (Some(from), Some(until)) = (instant(from), instant(until)) else { return Ok(0) };
    let (published,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM you_said_we_did
         WHERE service_id = $1 AND published_at IS NOT NULL AND published_at >= $2 AND published_at < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await?;
    Ok(published)
}
