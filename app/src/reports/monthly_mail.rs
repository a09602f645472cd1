//! The monthly mail: a manager may choose to be told when last month's involvement report is ready. The mail
//! is a link to the report for last month, never a figure or an attachment (figures are published only
//! through the report, with its access checks and suppression). Queued through the outbox by a housekeeping
//! job, once per month per person even with several app servers: the month is claimed (`report_mail_sent`) in
//! the transaction that queues the mail, as participation's weekly digest is.

use leptos::prelude::*;

use crate::error::AppError;

/// The report page's address, where a choice returns (`?mail=1` says it was saved).
pub const REPORT_PATH: &str = "/reports/involvement";

/// The report's choices a saved mail choice returns to (the service and the period, as the report's GET form
/// names them), posted as `report[<name>]`: so saving the choice does not lose the report being read.
pub const REPORT_CHOICES: [&str; 8] =
    ["service_id", "period", "from_day", "from_month", "from_year", "to_day", "to_month", "to_year"];

/// The report's address with the choices in `report` that are report choices ([`REPORT_CHOICES`]) and look like
/// one (up to 40 letters, digits and hyphens: ids, `q-2026-3`, `all`, date parts), then `mail=1`. Anything else
/// posted is dropped: the address never carries free text.
#[cfg(feature = "ssr")]
pub fn back_to_report(report: &std::collections::HashMap<String, String>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for name in REPORT_CHOICES {
        let value = report.get(name).map(|v| v.trim()).unwrap_or_default();
        let plain = value.len() <= 40 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !value.is_empty() && plain {
            query.append_pair(name, value);
        }
    }
    query.append_pair("mail", "1");
    format!("{REPORT_PATH}?{}", query.finish())
}

/// Chooses whether the caller is mailed when last month's report is ready: `monthly` or `none`, then returns
/// to the report that was being read (`report`: see [`back_to_report`]). For managers (and administrators)
/// only: anyone else is refused (403).
#[server(endpoint = "/choose_report_mail")]
pub async fn choose_report_mail(
    #[server(default)] mail: String,
    #[server(default)] report: std::collections::HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    use crate::{accounts::access::require_signed_in, state::state};
    let user = require_signed_in()?;
    let pool = state()?.pool;
    if !may_choose(&pool, &user).await? {
        return Err(AppError::Forbidden);
    }
    let monthly = match mail.as_str() {
        "monthly" => true,
        "none" => false,
        _ => {
            return Err(
                AppError::field("mail", "Choose whether to be mailed each month").keeping(&[("mail", mail.as_str())])
            )
        }
    };
    let mut tx = crate::db::Write::begin(&pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::set_choice(tx.conn(), &user.id, monthly).await?;
    tx.audit("report_mail_chosen", "person", &user.id, serde_json::json!({ "monthly": monthly })).await?;
    tx.commit_then(&back_to_report(&report)).await?;
    Ok(())
}

/// Whether this person may choose the monthly mail: someone who manages a service, or an administrator.
#[cfg(feature = "ssr")]
pub async fn may_choose(pool: &sqlx::AnyPool, user: &crate::accounts::access::SignedInUser) -> Result<bool, AppError> {
    let services = crate::accounts::access::all_services(pool).await?;
    Ok(user.is_admin || services.iter().any(|s| user.manages(&s.id)))
}

/// Whether this person chose the monthly mail.
#[cfg(feature = "ssr")]
pub async fn chosen(pool: &sqlx::AnyPool, person: &crate::accounts::types::PersonId) -> Result<bool, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(db::fetch_choice(&mut conn, person).await?)
}

#[cfg(feature = "ssr")]
pub use job::*;

#[cfg(feature = "ssr")]
mod job {
    use chrono::{Datelike, Months, NaiveDate};
    use sqlx::AnyPool;

    use super::{db, REPORT_PATH};
    use crate::{clock::Clock, mail::OutgoingMail};

    /// The first and last days of the month before the one holding `today`.
    pub fn last_month(today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = today.with_day(1).unwrap_or(today);
        let start = first.checked_sub_months(Months::new(1)).unwrap_or(first);
        (start, first.pred_opt().unwrap_or(first))
    }

    /// The mail: who it is to, and a link to last month's report. No figure, no attachment.
    pub fn mail(to: &str, name: &str, month: &str, link: &str) -> OutgoingMail {
        let body = format!(
            "Hello {name},\n\nThe involvement report for {month} is ready in Continuum. It is not in this mail: \
             open it, and download it as a PDF for a board pack, at\n{link}\n\nYou asked to be told each month. \
             To stop, change your choice at the foot of the report.\n"
        );
        OutgoingMail { to: to.to_owned(), subject: format!("The involvement report for {month} is ready"), body }
    }

    /// Queues last month's mail for each person who chose it, still manages a service (or is an
    /// administrator) and has not had it; returns how many were queued. Each is claimed in the transaction
    /// that queues it, so two app servers running this at once queue one mail each.
    pub async fn queue_monthly_mails(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
        let (start, end) = last_month(clock.today());
        let month = start.format("%Y-%m").to_string();
        let words = start.format("%B %Y").to_string();
        let day = |d: NaiveDate, part: &str| d.format(part).to_string();
        let (fd, fm, fy, td, tm, ty) =
            (day(start, "%-d"), day(start, "%-m"), day(start, "%Y"), day(end, "%-d"), day(end, "%-m"), day(end, "%Y"));
        let link = crate::links::absolute(
            base_url,
            REPORT_PATH,
            &[
                ("period", "range"),
                ("from_day", &fd),
                ("from_month", &fm),
                ("from_year", &fy),
                ("to_day", &td),
                ("to_month", &tm),
                ("to_year", &ty),
            ],
        );
        // An administrator's link is to the whole trust's report, as they would choose it on the page.
        let trust_link = link.replacen("?", &format!("?service_id={}&", crate::reports::involvement::ALL_SERVICES), 1);
        let mut queued = 0;
        for (person, name, email, is_admin) in db::list_due(pool, &month).await? {
            let mut tx = crate::db::begin_write(pool).await?;
            if db::claim(&mut tx, &person, &month).await? {
                let link = if is_admin != 0 { &trust_link } else { &link };
                crate::mail::enqueue(&mut *tx, &mail(&email, &name, &words, link)).await?;
                queued += 1;
            }
            tx.commit().await?;
        }
        if queued > 0 {
            tracing::info!(mails = queued, month = %month, "monthly report mails queued");
        }
        Ok(queued)
    }

    /// Queues the mails and rings the mail worker (the housekeeping job).
    pub async fn queue_monthly_mails_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
        let queued = queue_monthly_mails(&state.pool, &state.clock, &state.security.base_url).await?;
        if queued > 0 {
            state.mail_wakeup.notify_one();
        }
        Ok(queued)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn last_month_is_the_whole_month_before_today() {
            let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
            assert_eq!(last_month(day("2026-03-01")), (day("2026-02-01"), day("2026-02-28")));
            assert_eq!(last_month(day("2026-01-15")), (day("2025-12-01"), day("2025-12-31")));
        }

        #[test]
        fn a_saved_choice_returns_to_the_report_being_read_and_nothing_typed() {
            let report: std::collections::HashMap<String, String> = [
                ("service_id", "01HSERVICE"),
                ("period", "range"),
                ("from_day", "1"),
                ("to_year", "2026"),
                ("evil", "x"),
                ("from_month", "my words here"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
            assert_eq!(
                super::super::back_to_report(&report),
                "/reports/involvement?service_id=01HSERVICE&period=range&from_day=1&to_year=2026&mail=1"
            );
            assert_eq!(super::super::back_to_report(&Default::default()), "/reports/involvement?mail=1");
        }

        #[test]
        fn the_mail_is_a_link_and_no_figure() {
            let sent = mail("a@example.org", "Priya", "September 2026", "http://x/reports/involvement?period=range");
            assert!(sent.body.contains("http://x/reports/involvement?period=range"));
            let digits: String = sent.body.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(digits, "2026", "no figure: only the month's year");
        }
    }
}

/// The monthly mail's SQL.
#[cfg(feature = "ssr")]
mod db {
    use sqlx::AnyConnection;

    use crate::accounts::types::PersonId;

    pub async fn fetch_choice(conn: &mut AnyConnection, person: &PersonId) -> Result<bool, sqlx::Error> {
        let found: Option<String> = sqlx::query_scalar("SELECT person_id FROM report_mail_choice WHERE person_id = $1")
            .bind(person)
            .fetch_optional(conn)
            .await?;
        Ok(found.is_some())
    }

    pub async fn set_choice(conn: &mut AnyConnection, person: &PersonId, monthly: bool) -> Result<(), sqlx::Error> {
        if monthly {
            sqlx::query(
                "INSERT INTO report_mail_choice (person_id, chosen_at) VALUES ($1, $2)
                 ON CONFLICT (person_id) DO NOTHING",
            )
            .bind(person)
            .bind(crate::db::now())
            .execute(conn)
            .await?;
        } else {
            sqlx::query("DELETE FROM report_mail_choice WHERE person_id = $1").bind(person).execute(conn).await?;
        }
        Ok(())
    }

    /// The people who chose the mail, still manage a service or are administrators, are not disabled, and
    /// have not had `month`'s: (person, name, email, 1 for an administrator).
    pub async fn list_due(
        pool: &sqlx::AnyPool,
        month: &str,
    ) -> Result<Vec<(PersonId, String, String, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT p.id, p.display_name, p.email, CAST(p.is_admin AS BIGINT) FROM report_mail_choice c JOIN person p ON p.id = c.person_id
             WHERE p.disabled_at IS NULL
               AND (p.is_admin = 1 OR EXISTS (SELECT 1 FROM role_grant r WHERE r.person_id = p.id AND r.role = 'manager'))
               AND NOT EXISTS (SELECT 1 FROM report_mail_sent s WHERE s.person_id = p.id AND s.month = $1)
             ORDER BY p.id",
        )
        .bind(month)
        .fetch_all(pool)
        .await
    }

    /// Claims a person's mail for the month; `false` if another app server claimed it first.
    pub async fn claim(conn: &mut AnyConnection, person: &PersonId, month: &str) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "INSERT INTO report_mail_sent (person_id, month, sent_at) VALUES ($1, $2, $3)
             ON CONFLICT (person_id, month) DO NOTHING",
        )
        .bind(person)
        .bind(month)
        .bind(crate::db::now())
        .execute(conn)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
