//! The service's own clock: "now" and "today" as the application reads them, in the deployment's time zone
//! (`CONTINUUM_TIME_ZONE`, default `Europe/London`). Every capability asks here rather than reading the system
//! clock itself, so there is one place where local time is decided and one place a test can set the time.
//!
//! What is kept in which form:
//! - **Instants** (when something was recorded, sessions, tokens, mail) are stored as UTC (`db::timestamp`,
//!   RFC 3339 with `Z`), which is unambiguous.
//! - **Date-only values** (a response's `submitted_on`, "today", a form's last day, report periods, an
//!   activity's date) are the *local* date, `YYYY-MM-DD`. Rows written before this clock existed hold the UTC
//!   date of the moment they were made; no time was kept, so they cannot be re-dated and are left as they are.
//! - **Event times** (`starts_at`, `ends_at`) are local wall-clock times, `YYYY-MM-DDTHH:MM`, as staff enter
//!   and people read them: an open day at 10:00 is at 10:00 whatever the offset that day. With one time zone
//!   per deployment they are unambiguous except in the hour the clocks go back (01:00–01:59 on the last
//!   Sunday of October in the UK happens twice), which [`Clock::instant_at`] reads as its first occurrence,
//!   and the hour they go forward (01:00–01:59 on the last Sunday of March does not exist), which event forms
//!   refuse ([`Clock::exists`]).
//!
//! The clock itself is a [`Clock`] held in `AppState` (the system clock in a deployment; a clock that stands
//! still at a chosen instant in tests, moved with [`Clock::set`]). Code reaches it through [`current`], which
//! finds the clock of the app server it is running in: from the Leptos context in pages and server
//! functions, and from a task-local value that the server sets around every request, housekeeping run, the
//! mail worker and the response writer ([`Clock::scope`]).

use std::{
    future::Future,
    sync::{Arc, Mutex, PoisonError},
};

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, Offset as _, TimeZone, Utc};
use chrono_tz::Tz;

/// The time zone used when none is configured: the UK's (GMT in winter, BST in summer).
pub const DEFAULT_ZONE: Tz = chrono_tz::Europe::London;

tokio::task_local! {
    static CURRENT: Clock;
}

/// A clock in a time zone: the system clock, or (for tests) one that stands where it is set.
#[derive(Clone, Debug)]
pub struct Clock {
    zone: Tz,
    /// `None` for the system clock; otherwise the instant a test set it to.
    set_to: Option<Arc<Mutex<DateTime<Utc>>>>,
}

impl Clock {
    /// The system clock, read in `zone`.
    pub fn system(zone: Tz) -> Self {
        Self { zone, set_to: None }
    }

    /// A clock that stands still at `at` until it is [`set`](Self::set) again: for tests, which change the
    /// time instead of waiting for it. Clones share the setting.
    pub fn stopped_at(zone: Tz, at: DateTime<Utc>) -> Self {
        Self { zone, set_to: Some(Arc::new(Mutex::new(at))) }
    }

    /// Moves a stopped clock to `at` (every clone with it). The system clock cannot be moved: does nothing.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Some(set_to) = &self.set_to {
            *set_to.lock().unwrap_or_else(PoisonError::into_inner) = at;
        }
    }

    /// The time zone people's dates and times are in.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.set_to {
            Some(set_to) => *set_to.lock().unwrap_or_else(PoisonError::into_inner),
            None => Utc::now(),
        }
    }

    /// The local date and time now.
    pub fn local_now(&self) -> NaiveDateTime {
        self.local(self.now())
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.local_now().date()
    }

    /// An instant as local date and time.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.zone).naive_local()
    }

    /// The instant a local date and time names. A time the clocks pass twice (the hour they go back) is read
    /// as its first occurrence; a time they skip (the hour they go forward) as the same distance after the
    /// change, that is, by the offset before it.
    pub fn instant_at(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.zone.from_local_datetime(&local) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
            LocalResult::None => {
                // Every gap in the IANA database is shorter than a day: the offset a day earlier is the one
                // in force before the change.
                let before = self.zone.from_utc_datetime(&(local - Duration::days(1))).offset().fix();
                (local - before).and_utc()
            }
        }
    }

    /// False for a local time the clocks skip (01:30 on the last Sunday of March in the UK).
    pub fn exists(&self, local: NaiveDateTime) -> bool {
        !matches!(self.zone.from_local_datetime(&local), LocalResult::None)
    }

    /// Runs `work` with this clock as the [`current`] one, for work outside a request (housekeeping, the mail
    /// worker, the response writer) and around every request.
    pub fn scope<F: Future>(self, work: F) -> impl Future<Output = F::Output> {
        CURRENT.scope(self, work)
    }

    /// As [`scope`](Self::scope) for synchronous work, such as starting tasks that take the current clock.
    pub fn sync_scope<R>(self, work: impl FnOnce() -> R) -> R {
        CURRENT.sync_scope(self, work)
    }
}

/// The clock of the app server this code runs in: the task's clock (set by [`Clock::scope`]), else the one in
/// the Leptos context (pages and server functions, whose parts Leptos may run on tasks of its own), else the
/// system clock in the default zone (command-line tools, which set none).
pub fn current() -> Clock {
    CURRENT
        .try_with(Clock::clone)
        .ok()
        .or_else(leptos::prelude::use_context::<Clock>)
        .unwrap_or_else(|| Clock::system(DEFAULT_ZONE))
}

/// The current instant.
pub fn now() -> DateTime<Utc> {
    current().now()
}

/// Today's local date.
pub fn today_date() -> NaiveDate {
    current().today()
}

/// Today's local date as stored, `YYYY-MM-DD`.
pub fn today() -> String {
    today_date().format("%Y-%m-%d").to_string()
}

/// The local date and time now.
pub fn local_now_naive() -> NaiveDateTime {
    current().local_now()
}

/// The local time now as events store it, `YYYY-MM-DDTHH:MM`.
pub fn local_now() -> String {
    local_now_naive().format("%Y-%m-%dT%H:%M").to_string()
}

/// A stored instant (`db::timestamp` text) as the local date, `YYYY-MM-DD`, for showing when something was
/// done. A malformed value is returned as it is.
pub fn local_day_of(stored: &str) -> String {
    match DateTime::parse_from_rfc3339(stored) {
        Ok(at) => current().local(at.with_timezone(&Utc)).format("%Y-%m-%d").to_string(),
        Err(_) => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).unwrap()
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn half_past_midnight_on_the_first_of_july_is_the_first_of_july_in_london() {
        let clock = Clock::stopped_at(DEFAULT_ZONE, utc("2027-06-30T23:30:00Z"));
        assert_eq!(clock.today().to_string(), "2027-07-01");
        assert_eq!(clock.local_now(), local("2027-07-01T00:30"));
    }

    #[test]
    fn in_winter_london_is_utc() {
        let clock = Clock::stopped_at(DEFAULT_ZONE, utc("2027-01-15T23:30:00Z"));
        assert_eq!(clock.today().to_string(), "2027-01-15");
    }

    #[test]
    fn the_clocks_go_forward_at_one_on_the_last_sunday_of_march() {
        let clock = Clock::stopped_at(DEFAULT_ZONE, utc("2027-03-28T00:59:00Z"));
        assert_eq!(clock.local_now(), local("2027-03-28T00:59"));
        clock.set(utc("2027-03-28T01:00:00Z"));
        assert_eq!(clock.local_now(), local("2027-03-28T02:00"));
        assert!(!clock.exists(local("2027-03-28T01:30")));
        assert!(clock.exists(local("2027-03-28T02:00")));
        // A skipped time is read by the offset before the change.
        assert_eq!(clock.instant_at(local("2027-03-28T01:30")), utc("2027-03-28T01:30:00Z"));
        assert_eq!(clock.instant_at(local("2027-03-28T09:00")), utc("2027-03-28T08:00:00Z"));
    }

    #[test]
    fn the_repeated_hour_in_october_is_read_as_its_first_occurrence() {
        let clock = Clock::system(DEFAULT_ZONE);
        assert_eq!(clock.instant_at(local("2027-10-31T01:30")), utc("2027-10-31T00:30:00Z"));
        assert_eq!(clock.instant_at(local("2027-10-31T09:00")), utc("2027-10-31T09:00:00Z"));
        assert_eq!(clock.instant_at(local("2027-10-30T09:00")), utc("2027-10-30T08:00:00Z"));
        assert!(clock.exists(local("2027-10-31T01:30")));
    }

    #[test]
    fn a_stopped_clock_moves_only_when_set_and_its_clones_move_with_it() {
        let clock = Clock::stopped_at(DEFAULT_ZONE, utc("2027-03-27T12:00:00Z"));
        let clone = clock.clone();
        clock.set(utc("2027-03-29T12:00:00Z"));
        assert_eq!(clone.now(), utc("2027-03-29T12:00:00Z"));
        Clock::system(DEFAULT_ZONE).set(utc("2000-01-01T00:00:00Z"));
        assert!(Clock::system(DEFAULT_ZONE).now() > utc("2026-01-01T00:00:00Z"));
    }

    #[tokio::test]
    async fn the_current_clock_is_the_scoped_one() {
        let clock = Clock::stopped_at(chrono_tz::America::New_York, utc("2027-07-01T02:00:00Z"));
        let today = clock.scope(async { today() }).await;
        assert_eq!(today, "2027-06-30");
        assert_eq!(local_day_of("2027-07-01T02:00:00.000000Z"), "2027-07-01");
    }
}
