//! Where an appointment's checks stand, and the rule that a volunteer is active only while every check their
//! role needs is in date. Used by the coordinator's pages, the volunteer's own page and the housekeeping.

use chrono::{Months, NaiveDate};
use sqlx::AnyConnection;

use super::{
    db::{self, AppointmentRow},
    types::{check_state, CheckStanding},
};

/// Days before expiry from which a check shows as "expires soon" (the first reminder).
pub const SOON_DAYS: i64 = 60;

/// The day a check done on `done` expires (in date before it) when it lasts `months`; `None` when it does
/// not expire (0 months) or the day would be past the calendar's end.
pub fn expires_on(done: NaiveDate, months: i64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok().filter(|m| *m > 0)?;
    done.checked_add_months(Months::new(months))
}

/// Every check of the appointment's service that its role needs or that was recorded for it, with where it
/// stands on `today`: needed ones first, then by name.
pub async fn standings(
    conn: &mut AnyConnection,
    appointment: &AppointmentRow,
    today: NaiveDate,
) -> Result<Vec<CheckStanding>, sqlx::Error> {
    let kinds = db::list_kinds(conn, &appointment.service_id).await?;
    let needed = db::list_role_checks(conn, &appointment.role_id).await?;
    let latest = db::latest_checks(conn, &appointment.id).await?;
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let (today_iso, soon) = (iso(today), iso(today + chrono::Duration::days(SOON_DAYS)));
    let mut standings: Vec<CheckStanding> = kinds
        .into_iter()
        .filter_map(|kind| {
            let is_needed = needed.contains(&kind.id);
            let recorded = latest.iter().find(|(k, _)| *k == kind.id).map(|(_, c)| c.clone());
            (is_needed || recorded.is_some()).then(|| CheckStanding {
                state: check_state(recorded.as_ref(), &today_iso, &soon),
                needed: is_needed,
                latest: recorded,
                kind,
            })
        })
        .collect();
    standings.sort_by(|a, b| b.needed.cmp(&a.needed).then_with(|| a.kind.name.cmp(&b.kind.name)));
    Ok(standings)
}

/// The needed checks that stop the volunteer being active (lapsed or not done), by name.
pub fn blocking(standings: &[CheckStanding]) -> Vec<String> {
    standings.iter().filter(|s| s.needed && !s.state.allows_active()).map(|s| s.kind.full_name()).collect()
}

/// The message beside the status field when a volunteer cannot be made active, naming what is missing.
pub fn not_in_date_message(blocking: &[String]) -> String {
    let list = match blocking {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!("The volunteer cannot be active until every check the role needs is in date: {list}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_expires_after_its_months_and_some_never_do() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(expires_on(day("2026-01-31"), 36), Some(day("2029-01-31")));
        assert_eq!(expires_on(day("2026-01-31"), 1), Some(day("2026-02-28")));
        assert_eq!(expires_on(day("2026-01-31"), 0), None);
        assert_eq!(expires_on(day("2026-01-31"), -3), None);
    }

    #[test]
    fn the_message_names_every_check_in_the_way() {
        let message = not_in_date_message(&["DBS check".into(), "Induction".into(), "Fire safety".into()]);
        assert!(message.ends_with("DBS check, Induction and Fire safety"), "{message}");
    }
}
