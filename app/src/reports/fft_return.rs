//! The Friends and Family Test monthly return: the answers to the FFT question on a service's forms, per
//! answer category, per service, per month, as NHS England collects them from providers, as CSV.
//!
//! **Managers only** (and administrators): a steering group member of the service is refused (403), as
//! anyone who manages no service is; another service's manager asking for this one finds nothing (404).
//! **Not suppressed**, unlike every other figure Continuum publishes: NHS England collects the counts
//! unsuppressed from providers and applies its own small-number rules when it publishes them, so a return
//! with "fewer than 5" in it could not be submitted. That is why only managers may download it; the report
//! page and the file itself say so. Cells are formula-safe (`csv` kernel).

use chrono::{Months, NaiveDate};

use super::involvement::{choose_periods, sees_report_of, ALL_SERVICES, NOT_SUPPRESSED, WHOLE_MONTHS};
use crate::{
    accounts::{access::SignedInUser, types::ServiceSummary},
    consultation::{api::FftMonth, questions::FftRating, types::Channel},
    dates::DateParts,
    error::AppError,
};

/// The return, ready to write: one row per service per month of the period.
pub struct FftReturn {
    pub scope_name: String,
    /// Inclusive, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// (service, its months in order, every month of the period present, with zeros where nothing came in).
    pub services: Vec<(ServiceSummary, Vec<FftMonth>)>,
}

/// Whether this person may download a service's monthly return: its managers and administrators.
pub fn may_download(user: &SignedInUser, service_id: &crate::accounts::types::ServiceId) -> bool {
    user.manages(service_id)
}

/// Checks access and counts the return for `service_id` (empty: the caller's first managed service; `all`:
/// every service, for administrators) over the period chosen as the report chooses it (whole months are
/// what NHS England asks for; the default is the last complete quarter). Errors: 403 for someone who
/// manages no service, for a steering member of the service, and for "all" to anyone but an administrator;
/// 404 for a service the caller has nothing to do with; the period's messages.
pub async fn return_for(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    service_id: &str,
    choice: &str,
    from: &DateParts,
    to: &DateParts,
) -> Result<FftReturn, AppError> {
    let all = crate::accounts::access::all_services(pool).await?;
    let managed: Vec<ServiceSummary> = all.iter().filter(|s| may_download(user, &s.id)).cloned().collect();
    if managed.is_empty() {
        return Err(AppError::Forbidden);
    }
    let (scope_name, covered) = if service_id == ALL_SERVICES {
        if !user.is_admin {
            return Err(AppError::Forbidden);
        }
        ("All services".to_owned(), managed)
    } else if service_id.is_empty() {
        (managed[0].name.clone(), vec![managed[0].clone()])
    } else {
        match managed.into_iter().find(|s| s.id.as_str() == service_id) {
            Some(service) => (service.name.clone(), vec![service]),
            None => {
                let known = all.iter().find(|s| s.id.as_str() == service_id);
                return Err(match known {
                    Some(s) if sees_report_of(pool, user, &s.id).await? => AppError::Forbidden,
                    _ => AppError::NotFound,
                });
            }
        }
    };
    let periods = choose_periods(choice, from, to, crate::clock::today_date())?;
    let Some(&(start, end)) = periods.first() else { return Err(AppError::internal("fft return", "no period")) };
    let (start, end) = whole_months(start, end);
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let until = end.succ_opt().unwrap_or(end);
    let mut services = Vec::new();
    for service in covered {
        let counted = crate::consultation::api::fft_by_month(pool, &service.id, &day(start), &day(until)).await?;
        services.push((service, every_month(start, end, counted)));
    }
    Ok(FftReturn { scope_name, from: day(start), to: day(end), services })
}

/// The period widened to the whole calendar months it touches (15 July to 20 August is 1 July to 31 August):
/// the return is per calendar month, and a row for part of a month, labelled with the month, would
/// under-report it (tester, issue 18 F5). The report page and the file say so ([`WHOLE_MONTHS`]).
pub fn whole_months(start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let first = start.with_day(1).unwrap_or(start);
    let last =
        end.with_day(1).and_then(|m| m.checked_add_months(Months::new(1))).and_then(|m| m.pred_opt()).unwrap_or(end);
    (first, last)
}

/// Every month from `start` to `end` (`YYYY-MM`), with `counted`'s figures where it has them and zeros
/// elsewhere: a month with no answers is still a month to return.
fn every_month(start: NaiveDate, end: NaiveDate, counted: Vec<FftMonth>) -> Vec<FftMonth> {
    let mut months = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(chrono::Datelike::year(&start), chrono::Datelike::month(&start), 1);
    while let Some(m) = month.filter(|m| *m <= end) {
        let key = m.format("%Y-%m").to_string();
        let found = counted.iter().find(|c| c.month == key).cloned();
        months.push(found.unwrap_or(FftMonth { month: key, ..FftMonth::default() }));
        month = m.checked_add_months(Months::new(1));
    }
    months
}

impl FftReturn {
    /// The file's name: `fft-return-<service>-<from>-to-<to>.csv`.
    pub fn file_name(&self) -> String {
        crate::csv::file_name(&["fft-return", &self.scope_name, &self.from, "to", &self.to])
    }

    /// The return as CSV (without the byte-order mark, which `csv::download` adds): what it is and for when,
    /// why it is not suppressed, then a row per service per month: the six answers in NHS England's order,
    /// their total, and the same answers by how they were collected.
    pub fn to_csv(&self) -> String {
        use crate::csv::row;
        let mut out = String::new();
        out.push_str(&row(&["Friends and Family Test monthly return", &self.scope_name]));
        out.push_str(&row(&["Period", &self.from, &self.to]));
        out.push_str(&row(&[NOT_SUPPRESSED]));
        out.push_str(&row(&[WHOLE_MONTHS]));
        let mut header = vec!["Month".to_owned(), "Service".to_owned()];
        header.extend(FftRating::ALL.iter().map(|r| r.label().to_owned()));
        header.push("Total".to_owned());
        header.extend(Channel::ALL.iter().map(|c| format!("Collected: {}", c.label())));
        out.push_str(&row(&header));
        for (service, months) in &self.services {
            for month in months {
                let mut line = vec![month.month.clone(), service.name.clone()];
                line.extend(month.ratings.iter().map(i64::to_string));
                line.push(month.ratings.iter().sum::<i64>().to_string());
                line.extend(month.by_channel.iter().map(i64::to_string));
                out.push_str(&row(&line));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_widened_to_the_whole_months_it_touches() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
        assert_eq!(whole_months(day("2026-07-15"), day("2026-07-20")), (day("2026-07-01"), day("2026-07-31")));
        assert_eq!(whole_months(day("2026-07-15"), day("2026-08-20")), (day("2026-07-01"), day("2026-08-31")));
        assert_eq!(whole_months(day("2027-12-31"), day("2028-02-01")), (day("2027-12-01"), day("2028-02-29")));
    }

    #[test]
    fn every_month_of_the_period_is_returned_even_with_nothing_in_it() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
        let august = FftMonth { month: "2026-08".into(), ratings: [3, 1, 0, 0, 1, 0], by_channel: [4, 1, 0] };
        let months = every_month(day("2026-07-01"), day("2026-09-30"), vec![august.clone()]);
        let names: Vec<&str> = months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(names, ["2026-07", "2026-08", "2026-09"]);
        assert_eq!(months[1], august);
        assert_eq!(months[0].ratings, [0; 6]);
    }
}
