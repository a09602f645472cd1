//! The one clock: "now" and "today" as the application reads them. Every capability asks here rather than
//! reading the system clock itself, so that there is one place where local time is decided.
//!
//! Instants are stored as UTC (`db::timestamp`). Dates and times that people see and enter (today, a form's
//! last day, an event's start) are the service's local date and time; until the time-zone setting lands they
//! are read as UTC, which is an hour out in British Summer Time (the "service's own clock" issue).

use chrono::{NaiveDate, NaiveDateTime, Utc};

/// The current instant.
pub fn now() -> chrono::DateTime<Utc> {
    Utc::now()
}

/// Today's date, as people read it.
pub fn today_date() -> NaiveDate {
    local_now_naive().date()
}

/// Today's date as stored, `YYYY-MM-DD`.
pub fn today() -> String {
    today_date().format("%Y-%m-%d").to_string()
}

/// The local date and time now.
pub fn local_now_naive() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The local time now as events store it, `YYYY-MM-DDTHH:MM`.
pub fn local_now() -> String {
    local_now_naive().format("%Y-%m-%dT%H:%M").to_string()
}
