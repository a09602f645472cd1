//! Hours' types, shared by the server and the browser, and the reading of hours as people type them.

use crate::accounts::types::{ServiceId, ServiceSummary};
use crate::inclusion::types::AppointmentId;
use serde::{Deserialize, Serialize};

crate::id!(
    /// An entry of hours a volunteer gave.
    HoursId
);

/// Where an entry of hours is: waiting for approval, approved (counted in totals and reports), or queried by
/// the approver (the volunteer answers and sends it again, when it waits again).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum HoursStatus {
    Logged,
    Approved,
    Queried,
}

impl HoursStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            HoursStatus::Logged => "Waiting for approval",
            HoursStatus::Approved => "Approved",
            HoursStatus::Queried => "Queried",
        }
    }
}

/// The most hours one person may log on one day, in quarter-hours (24 hours).
pub const DAY_LIMIT: i64 = 96;

/// Reads hours as people type them into whole quarter-hours: `1.5`, `1.25`, `2`, `1:30`, `0:45`, `1 h 30`,
/// `1h30m`, `1 hour 30 minutes`, `2 hours`, `45 min`. Refused, with the message for the field: nothing typed,
/// anything else, no time at all, a time that is not a whole number of quarter-hours (1.1, 1:20), and more
/// than 24 hours.
pub fn parse_quarter_hours(text: &str) -> Result<i64, &'static str> {
    const UNCLEAR: &str = "Enter the hours as a number, like 1.5, 1:30 or 1 h 30";
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err("Enter the hours, like 1.5 or 1:30");
    }
    let minutes = if let Some((h, m)) = text.split_once(':') {
        let (h, m) = (h.trim(), m.trim());
        if h.is_empty() || m.len() != 2 || !all_digits(h) || !all_digits(m) {
            return Err(UNCLEAR);
        }
        let (h, m): (i64, i64) = (h.parse().map_err(|_| UNCLEAR)?, m.parse().map_err(|_| UNCLEAR)?);
        if m >= 60 {
            return Err(UNCLEAR);
        }
        h.checked_mul(60).and_then(|h| h.checked_add(m)).ok_or(UNCLEAR)?
    } else if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        decimal_minutes(&text)?
    } else {
        words_minutes(&text)?
    };
    if minutes == 0 {
        return Err("Hours must be more than 0");
    }
    if minutes % 15 != 0 {
        return Err("Enter the hours in quarter-hours, like 1.25 or 1:15");
    }
    if minutes > DAY_LIMIT * 15 {
        return Err("Hours must be 24 or fewer in a day");
    }
    Ok(minutes / 15)
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// `1.5` as minutes (90); `1.1` is 66, which is then refused as not a quarter-hour.
fn decimal_minutes(text: &str) -> Result<i64, &'static str> {
    const UNCLEAR: &str = "Enter the hours as a number, like 1.5, 1:30 or 1 h 30";
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if (whole.is_empty() && fraction.is_empty()) || fraction.contains('.') || whole.len() > 4 {
        return Err(UNCLEAR);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| UNCLEAR)? };
    // Minutes from the fraction, exact to a hundredth of an hour: .25 is 15, .5 is 30, .75 is 45.
    let digits: String = fraction.chars().chain(std::iter::repeat('0')).take(2).collect();
    if fraction.len() > 2 && fraction[2..].chars().any(|c| c != '0') {
        return Err("Enter the hours in quarter-hours, like 1.25 or 1:15");
    }
    let hundredths: i64 = digits.parse().map_err(|_| UNCLEAR)?;
    if (hundredths * 60) % 100 != 0 {
        return Err("Enter the hours in quarter-hours, like 1.25 or 1:15");
    }
    Ok(whole * 60 + hundredths * 60 / 100)
}

/// `1 h 30`, `1h30m`, `2 hours`, `1 hour 15 minutes`, `45 min` as minutes.
fn words_minutes(text: &str) -> Result<i64, &'static str> {
    const UNCLEAR: &str = "Enter the hours as a number, like 1.5, 1:30 or 1 h 30";
    // Split into numbers and words: "1h30m" is [1, h, 30, m].
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let digit = c.is_ascii_digit() || c == '.';
        match tokens.last_mut() {
            _ if c.is_whitespace() || c == ',' => tokens.push(String::new()),
            Some(last) if !last.is_empty() && last.chars().all(|l| l.is_ascii_digit() || l == '.') == digit => {
                last.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    tokens.retain(|t| !t.is_empty() && t != "and");
    let mut minutes = 0i64;
    let mut i = 0;
    let mut seen_hours = false;
    let mut seen_minutes = false;
    while i < tokens.len() {
        let number = &tokens[i];
        if !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(UNCLEAR);
        }
        let unit = tokens.get(i + 1).map(String::as_str);
        match unit {
            Some("h" | "hr" | "hrs" | "hour" | "hours") if !seen_hours && !seen_minutes => {
                minutes += decimal_minutes(number)?;
                seen_hours = true;
                i += 2;
            }
            Some("m" | "min" | "mins" | "minute" | "minutes") if !seen_minutes && all_digits(number) => {
                minutes += number.parse::<i64>().map_err(|_| UNCLEAR)?;
                seen_minutes = true;
                i += 2;
            }
            // "1 h 30": minutes after hours need no unit.
            None if seen_hours && !seen_minutes && all_digits(number) => {
                minutes += number.parse::<i64>().map_err(|_| UNCLEAR)?;
                seen_minutes = true;
                i += 1;
            }
            _ => return Err(UNCLEAR),
        }
    }
    if !seen_hours && !seen_minutes {
        return Err(UNCLEAR);
    }
    Ok(minutes)
}

/// Quarter-hours as hours in figures, as typed and as the CSV gives them: `1.5`, `2`, `0.25`, `1.75`.
pub fn hours_figure(quarter_hours: i64) -> String {
    let whole = quarter_hours / 4;
    match quarter_hours % 4 {
        0 => whole.to_string(),
        1 => format!("{whole}.25"),
        2 => format!("{whole}.5"),
        _ => format!("{whole}.75"),
    }
}

/// Quarter-hours in words: "1 hour", "1.5 hours", "0.25 hours".
pub fn hours_words(quarter_hours: i64) -> String {
    if quarter_hours == 4 {
        "1 hour".to_owned()
    } else {
        format!("{} hours", hours_figure(quarter_hours))
    }
}

/// An entry of hours, as the volunteer's and the approver's pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursEntry {
    pub id: HoursId,
    pub appointment_id: AppointmentId,
    /// The volunteer's name, as appointed.
    pub volunteer: String,
    pub role_title: String,
    pub service_id: ServiceId,
    pub service_name: String,
    /// `YYYY-MM-DD`, local.
    pub worked_on: String,
    pub quarter_hours: i64,
    pub what: String,
    pub status: HoursStatus,
    /// The approver's question, when queried (kept once answered).
    pub query_note: String,
    /// The volunteer's answer to a query.
    pub answer: String,
    /// Logged by a coordinator on the volunteer's behalf.
    pub on_behalf: bool,
    /// Who typed it in (the volunteer, or the coordinator).
    pub logged_by: String,
    /// The course whose session the hours were logged from, if any.
    pub session_course: String,
    /// Who approved or queried it, if anyone has.
    pub decided_by: String,
}

/// A volunteer's role they may log hours in: their appointment, with the role and service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleToLog {
    pub appointment_id: AppointmentId,
    /// "Peer co-facilitator, Personality Disorder Service" (with the volunteer's name first, for a coordinator).
    pub label: String,
}

/// A session a volunteer co-facilitated, from which they log its hours in one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySession {
    pub session_id: String,
    pub course_title: String,
    /// `YYYY-MM-DD`, local; times `HH:MM`.
    pub held_on: String,
    pub starts_at: String,
    pub ends_at: String,
    /// The session's length in quarter-hours: what logging from it gives.
    pub quarter_hours: i64,
    /// Whether its hours are logged already.
    pub logged: bool,
    /// Planned for a day to come: shown as planned, and no hours to log from it until it is held.
    pub planned: bool,
}

/// Approved hours over a period, in quarter-hours: per volunteer, per role, per month (`YYYY-MM`, by the
/// local date the hours were given) and in all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursTotals {
    pub by_volunteer: Vec<(String, i64)>,
    pub by_role: Vec<(String, i64)>,
    pub by_month: Vec<(String, i64)>,
    pub total: i64,
}

/// What the service's staff see on the hours page: entries waiting for them, volunteers they may log for,
/// and a service's approved totals for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHours {
    pub services: Vec<ServiceSummary>,
    /// The service the totals are for.
    pub service_id: ServiceId,
    pub to_decide: Vec<HoursEntry>,
    pub volunteers: Vec<RoleToLog>,
    /// The period of the totals, `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    pub totals: HoursTotals,
    /// What was wrong with the dates typed in the filter (the default period is shown instead).
    pub period_problems: Vec<String>,
}

/// The hours page: a volunteer's own roles, hours and sessions; for staff, their part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursPage {
    pub my_roles: Vec<RoleToLog>,
    pub mine: Vec<HoursEntry>,
    pub my_sessions: Vec<MySession>,
    pub staff: Option<StaffHours>,
}

/// One entry's page: for the volunteer it is for (who answers a query there) and the service's staff (who
/// approve or query it there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursEntryPage {
    pub entry: HoursEntry,
    /// The caller is the volunteer.
    pub mine: bool,
    /// The caller is staff of the service.
    pub staff: bool,
    /// The caller may approve or query it: the volunteer's supervisor, a manager of the service, or any of its
    /// staff while the volunteer has no supervisor (never the volunteer).
    pub may_decide: bool,
    /// The volunteer's supervisor, who approves their hours, when they have one.
    pub supervisor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_as_people_type_them() {
        for (typed, quarters) in [
            ("1.5", 6),
            ("1.25", 5),
            ("2", 8),
            (".75", 3),
            ("1:30", 6),
            ("0:45", 3),
            ("1 h 30", 6),
            ("1h30m", 6),
            ("1 hour 30 minutes", 6),
            ("2 hours", 8),
            ("45 min", 3),
            ("24", 96),
            (" 3.50 ", 14),
        ] {
            assert_eq!(parse_quarter_hours(typed), Ok(quarters), "{typed}");
        }
    }

    #[test]
    fn hours_that_are_not_quarter_hours_or_too_many_get_a_message() {
        assert_eq!(parse_quarter_hours(""), Err("Enter the hours, like 1.5 or 1:30"));
        for typed in ["lots", "1:3", "1::30", "1.5.5", "h", "1 h 30 h", "-1", "1e3", "=1+1"] {
            assert_eq!(
                parse_quarter_hours(typed),
                Err("Enter the hours as a number, like 1.5, 1:30 or 1 h 30"),
                "{typed}"
            );
        }
        for typed in ["1.1", "1:20", "10 min", "1.333"] {
            assert_eq!(
                parse_quarter_hours(typed),
                Err("Enter the hours in quarter-hours, like 1.25 or 1:15"),
                "{typed}"
            );
        }
        assert_eq!(parse_quarter_hours("0"), Err("Hours must be more than 0"));
        assert_eq!(parse_quarter_hours("24.25"), Err("Hours must be 24 or fewer in a day"));
        assert_eq!(
            parse_quarter_hours("99999999999999999999"),
            Err("Enter the hours as a number, like 1.5, 1:30 or 1 h 30")
        );
    }

    #[test]
    fn quarter_hours_read_back_as_hours() {
        assert_eq!(hours_figure(6), "1.5");
        assert_eq!(hours_figure(1), "0.25");
        assert_eq!(hours_words(4), "1 hour");
        assert_eq!(hours_words(7), "1.75 hours");
    }
}
