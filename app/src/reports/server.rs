//! The reports' server functions.

use crate::accounts::types::ServiceId;
use leptos::prelude::*;

use super::profile::ContinuumProfile;
use crate::{accounts::types::ServiceSummary, error::AppError};
#[cfg(feature = "ssr")]
use crate::{
    accounts::{
        access::{require_signed_in, SignedInUser},
        types::Role,
    },
    chart,
    ledger::{api as ledger_api, types::ContinuumLevel},
    reports::profile::{decide_period, publish, LevelCounts, LevelTally, PublishedPeople},
    state::state,
};

/// Whether this person may see a service's continuum profile: those who keep its ledger, and its steering
/// group members (the profile is aggregate and suppressed).
#[cfg(feature = "ssr")]
pub fn sees_profile_of(user: &SignedInUser, service_id: &ServiceId) -> bool {
    user.is_staff_of(service_id) || user.has_role_in(service_id, Role::SteeringMember)
}

#[cfg(feature = "ssr")]
async fn profile_services(pool: &sqlx::AnyPool, user: &SignedInUser) -> Result<Vec<ServiceSummary>, AppError> {
    let all = crate::accounts::access::all_services(pool).await?;
    Ok(all.into_iter().filter(|s| sees_profile_of(user, &s.id)).collect())
}

/// The services whose profile the caller may see.
#[server(endpoint = "/profile_services")]
pub async fn list_profile_services() -> Result<Vec<ServiceSummary>, AppError> {
    let user = require_signed_in()?;
    let services = profile_services(&state()?.pool, &user).await?;
    if services.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(services)
}

/// The period a report covers: the "Start date" and "End date" inputs (`from`, `to`) as typed, or the current
/// calendar quarter when both are empty. Each must be a real date in Continuum's years (2000 to 2100), the end
/// on or after the start, and the period 5 years or less; a mistake is a validation error on its input.
#[cfg(feature = "ssr")]
pub fn period(
    from: &crate::dates::DateParts,
    to: &crate::dates::DateParts,
    today: chrono::NaiveDate,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), AppError> {
    use chrono::{Datelike, NaiveDate};
    let keep = |e: AppError| {
        let mut kept = from.kept("from");
        kept.extend(to.kept("to"));
        let kept: Vec<(&str, &str)> = kept.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
        e.keeping(&kept)
    };
    let (start, end) = crate::dates::parse_period(from, to).map_err(|e| keep(AppError::Validation(e)))?;
    let (start, end) = match (start, end) {
        (None, None) => {
            let first_month = (today.month0() / 3) * 3 + 1;
            let start = NaiveDate::from_ymd_opt(today.year(), first_month, 1).unwrap_or(today);
            let next = start.checked_add_months(chrono::Months::new(3)).unwrap_or(start);
            return Ok((start, next.pred_opt().unwrap_or(next)));
        }
        (Some(start), Some(end)) => (start.naive(), end.naive()),
        (None, Some(_)) => return Err(keep(AppError::field("from_day", "Enter the start date"))),
        (Some(_), None) => return Err(keep(AppError::field("to_day", "Enter the end date"))),
    };
    if (end - start).num_days() > 366 * 5 {
        return Err(keep(AppError::field("from_day", "Choose a period of 5 years or less")));
    }
    Ok((start, end))
}

/// The period a report compares with: the same number of calendar months before, when the period is whole
/// months (so a quarter compares with the quarter before); otherwise the same number of days before.
#[cfg(feature = "ssr")]
pub fn previous_period(from: chrono::NaiveDate, to: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::Datelike;
    let previous_to = from.pred_opt().unwrap_or(from);
    let after = to.succ_opt().unwrap_or(to);
    if from.day() == 1 && after.day() == 1 {
        let months = (after.year() - from.year()) * 12 + i32::try_from(after.month()).unwrap_or(1)
            - i32::try_from(from.month()).unwrap_or(1);
        if let Some(start) = u32::try_from(months).ok().and_then(|m| from.checked_sub_months(chrono::Months::new(m))) {
            return (start, previous_to);
        }
    }
    (from - chrono::Duration::days((to - from).num_days() + 1), previous_to)
}

/// A service's counts for a period (`[from, to]`): activities, patients and carers from the ledger, and the
/// patients and carers each capability involved beyond it (feedback responses); with the ledger's activities
/// per level and kind, read in the same query.
#[cfg(feature = "ssr")]
pub(crate) async fn level_counts(
    pool: &sqlx::AnyPool,
    service_id: &ServiceId,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(LevelCounts, Vec<ledger_api::KindCount>), AppError> {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let (from, until) = (day(from), day(to + chrono::Duration::days(1)));
    let (found, kinds) = ledger_api::count_by_level_and_kind(pool, service_id, &from, &until).await?;
    let mut counts: LevelCounts = [LevelTally::default(); 5];
    for found in found {
        counts[usize::from(found.level.rung() - 1)] =
            LevelTally { activities: found.activities, patients: found.patients, carers: found.carers };
    }
    for capability in crate::capability::all() {
        if let Some(report) = capability.report {
            for involvement in report(pool, service_id, &from, &until).await? {
                let tally = &mut counts[usize::from(involvement.level.rung() - 1)];
                tally.patients += involvement.patients;
                tally.carers += involvement.carers;
            }
        }
    }
    Ok((counts, kinds))
}

/// Takes the volunteer-role activities (`kinds`: level, kind and activities) out of the activities of
/// `counts`, and returns how many there were. Each is one volunteer's appointment, so their number is a count of
/// people (suppressed, as "volunteers appointed" in the involvement report), not of things: an exact count of
/// activities holding them would say how many people were appointed (tester, issue 18 F3).
#[cfg(feature = "ssr")]
pub(crate) fn appointments_apart(
    counts: &mut LevelCounts,
    kinds: impl Iterator<Item = (crate::ledger::types::ContinuumLevel, crate::ledger::types::ActivityKind, i64)>,
) -> i64 {
    let mut appointed = 0;
    for (level, kind, n) in kinds {
        if kind == crate::ledger::types::ActivityKind::VolunteerRole {
            counts[usize::from(level.rung() - 1)].activities -= n;
            appointed += n;
        }
    }
    appointed
}

/// A service's counts for a period and how its people are published, decided from its own counts alone
/// (`decide_period`), so no other service's figures change what it shows.
#[cfg(feature = "ssr")]
async fn decided_period(
    pool: &sqlx::AnyPool,
    service: &ServiceId,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(LevelCounts, PublishedPeople), AppError> {
    let (mut counts, kinds) = level_counts(pool, service, from, to).await?;
    appointments_apart(&mut counts, kinds.iter().map(|k| (k.level, k.kind, k.activities)));
    let (decided, _) = decide_period(std::slice::from_ref(&counts));
    decided.into_iter().next().map(|people| (counts, people)).ok_or(AppError::NotFound)
}

/// Builds the profile of a service for a period and the period before it (`previous_period`). Each period's
/// counts of people are decided from the service's own counts (see `decided_period`).
#[cfg(feature = "ssr")]
pub async fn build_profile(
    pool: &sqlx::AnyPool,
    service: ServiceSummary,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<ContinuumProfile, AppError> {
    let (previous_from, previous_to) = previous_period(from, to);
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let (current, current_people) = decided_period(pool, &service.id, from, to).await?;
    let (previous, previous_people) = decided_period(pool, &service.id, previous_from, previous_to).await?;
    let (rows, total_activities) = publish(&current, &current_people, &previous, &previous_people);
    let highest_level =
        ContinuumLevel::ALL.into_iter().rev().find(|l| current[usize::from(l.rung() - 1)].activities > 0);
    // The ladder is drawn with Partnership at the top.
    let bars: Vec<(&str, Option<i64>)> = rows.iter().rev().map(|r| (r.level.label(), r.people.chartable())).collect();
    let chart_svg = chart::horizontal_bars(&bars, "Patients and carers involved", "fewer than 5")
        .map_err(|e| AppError::internal("profile chart", e))?;
    Ok(ContinuumProfile {
        service,
        from: day(from),
        to: day(to),
        previous_from: day(previous_from),
        previous_to: day(previous_to),
        rows,
        total_activities,
        total_people: current_people.total,
        total_patients: current_people.total_patients,
        total_carers: current_people.total_carers,
        highest_level,
        chart_svg,
    })
}

/// Checks access and builds a service's profile; shared by the page and the CSV export.
#[cfg(feature = "ssr")]
pub async fn profile_for(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    service_id: &ServiceId,
    from: &crate::dates::DateParts,
    to: &crate::dates::DateParts,
) -> Result<ContinuumProfile, AppError> {
    let services = profile_services(pool, user).await?;
    if services.is_empty() {
        return Err(AppError::Forbidden);
    }
    let service = if service_id.is_empty() {
        services[0].clone()
    } else {
        services.into_iter().find(|s| s.id == *service_id).ok_or(AppError::Forbidden)?
    };
    let (start, end) = period(from, to, crate::clock::today_date())?;
    build_profile(pool, service, start, end).await
}

/// The continuum profile of a service (the caller's first, if none is named) for a period (this quarter, if
/// none is given).
#[server(endpoint = "/continuum_profile")]
pub async fn get_continuum_profile(
    #[server(default)] service_id: ServiceId,
    #[server(default)] from_day: String,
    #[server(default)] from_month: String,
    #[server(default)] from_year: String,
    #[server(default)] to_day: String,
    #[server(default)] to_month: String,
    #[server(default)] to_year: String,
) -> Result<ContinuumProfile, AppError> {
    let user = require_signed_in()?;
    let from = crate::dates::DateParts::new(from_day, from_month, from_year);
    let to = crate::dates::DateParts::new(to_day, to_month, to_year);
    profile_for(&state()?.pool, &user, &service_id, &from, &to).await
}

/// The choices of the involvement report's filter: the services the caller may report on (and "All services"
/// for administrators), and the periods offered (`involvement::period_options`). Refused (403) to someone who
/// may open no service's report.
#[server(endpoint = "/involvement_choices")]
pub async fn involvement_choices() -> Result<super::involvement::ReportChoices, AppError> {
    let user = require_signed_in()?;
    let services = super::involvement::report_services(&state()?.pool, &user).await?;
    if services.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut options = ServiceSummary::options(&services);
    if user.is_admin {
        options.insert(0, (super::involvement::ALL_SERVICES.to_owned(), "All services".to_owned()));
    }
    let periods = super::involvement::period_options(crate::clock::today_date());
    Ok(super::involvement::ReportChoices { services: options, periods })
}

/// The involvement report of a service (`service_id`; the caller's first when empty, `all` for every service,
/// administrators only) for a period (`period`: a value of the filter's periods, empty for the last complete
/// quarter, `range` for the dates typed), with the four periods before it. Errors: 403 for someone who may
/// open no report, 404 for a service whose report they may not open, a validation error for a period that is
/// not one.
#[server(endpoint = "/involvement_report")]
pub async fn get_involvement_report(
    #[server(default)] service_id: String,
    #[server(default)] period: String,
    #[server(default)] from_day: String,
    #[server(default)] from_month: String,
    #[server(default)] from_year: String,
    #[server(default)] to_day: String,
    #[server(default)] to_month: String,
    #[server(default)] to_year: String,
) -> Result<super::involvement::InvolvementReport, AppError> {
    let user = require_signed_in()?;
    let from = crate::dates::DateParts::new(from_day, from_month, from_year);
    let to = crate::dates::DateParts::new(to_day, to_month, to_year);
    super::involvement::report_for(&state()?.pool, &user, &service_id, &period, &from, &to).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::dates::DateParts;

    #[test]
    fn the_default_period_is_the_current_calendar_quarter() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let none = DateParts::default();
        let (from, to) = period(&none, &none, today).unwrap();
        assert_eq!((from.to_string(), to.to_string()), ("2026-10-01".into(), "2026-12-31".into()));
        let (from, to) = period(&none, &none, NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()).unwrap();
        assert_eq!((from.to_string(), to.to_string()), ("2026-01-01".into(), "2026-03-31".into()));
    }

    #[test]
    fn a_quarter_compares_with_the_quarter_before_and_other_periods_with_as_many_days_before() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(previous_period(day("2026-07-01"), day("2026-09-30")), (day("2026-04-01"), day("2026-06-30")));
        assert_eq!(previous_period(day("2026-03-01"), day("2026-03-31")), (day("2026-02-01"), day("2026-02-28")));
        assert_eq!(previous_period(day("2026-07-10"), day("2026-07-19")), (day("2026-06-30"), day("2026-07-09")));
    }

    #[test]
    fn a_backwards_period_gets_a_message_on_the_end_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let error = period(&DateParts::new("1", "5", "2026"), &DateParts::new("1", "4", "2026"), today).unwrap_err();
        assert_eq!(error.field_errors()[0].field, "to_day");
        assert_eq!(error.kept_value("from_month"), Some("5"));
    }

    #[test]
    fn a_year_out_of_range_or_half_a_period_gets_a_message_not_a_failure() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let old = period(&DateParts::new("1", "1", "1800"), &DateParts::new("1", "2", "2026"), today).unwrap_err();
        assert_eq!(old.field_errors()[0].message, "Start date must be the same as or after 1 January 2000");
        let far = period(&DateParts::new("1", "1", "2026"), &DateParts::new("1", "1", "99999"), today).unwrap_err();
        assert_eq!(far.field_errors()[0].field, "to_year");
        let half = period(&DateParts::new("1", "1", "2026"), &DateParts::default(), today).unwrap_err();
        assert_eq!(half.field_errors()[0].message, "Enter the end date");
    }
}
