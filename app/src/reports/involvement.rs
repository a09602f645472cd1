//! The involvement report (issue 18, slice 1): for one service, or for every service of the trust, and a
//! period (a quarter, a financial year or any range) with the four periods before it beside it for trend. It
//! opens with a summary in plain sentences made from the published figures, then a section per continuum level,
//! each with a chart drawn on the server (and its text alternative) and its data table, each table also as CSV.
//!
//! **Small numbers.** Every count of people on the page, in its CSVs and in its sentences is published through
//! `suppression`: each period's people at each level, patients and carers apart and together, are decided by
//! the continuum profile's whole-page decision (`profile::decide_period`, with its interval audit), on the
//! counts summed over the services first when the report covers all of them; feedback responses by who
//! answered are one more disclosure per period (patients, carers and someone else adding up to the responses).
//! Every published count of people is a multiple of 5 or "fewer than 5" or "withheld", so two figures of the
//! report (a level and the total less the other levels, a period and the periods beside it) never subtract to
//! 1 to 4 (see `suppression`'s "views decided apart"). Counts of things (activities, meetings, leaflets, focus
//! groups) are shown as they are. The sentences are made from the published figures only, never the counts.
//!
//! **Panels and involvement payments** (Partnership, issue 17): panels sat, the share with a lived-experience
//! member and outcomes that departed from their scores are counts of things, shown as they are; the offers
//! made, accepted, declined and paid are each one person's, so they are counted as people (tester, issue 18); the people offered, accepting and paid are
//! counts of people, one more disclosure per period, and each sum of money (integer pence, shown as pounds)
//! is a figure about the people it went to, withheld whenever their count is (`Disclosure::about`).
//!
//! A part of the report whose capability has not landed is a [`Seam`] that says so; every section has landed.

use serde::{Deserialize, Serialize};

/// One table of the report, as published: every cell is already suppressed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The table's name in its CSV address (`?table=levels`) and file name.
    pub id: String,
    pub caption: String,
    /// What the row headers are (the first column's heading).
    pub corner: String,
    pub columns: Vec<String>,
    /// Each row: its header and its cells, one per column.
    pub rows: Vec<(String, Vec<String>)>,
}

/// A section of the report: a heading, what it shows, its chart and its table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub intro: String,
    pub chart: Chart,
    pub table: Table,
}

/// A section's chart: horizontal bars, one per row, drawn on the server as SVG for the page and again as
/// vector graphics in the PDF from the same bars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    /// The chart as an SVG document.
    pub svg: String,
    /// The chart's text alternative: the figures it draws, in words.
    pub alt: String,
    /// Each bar's label and length, top to bottom; `None` draws no bar and says `missing` instead.
    pub bars: Vec<(String, Option<i64>)>,
    /// What the bars measure ("Patients and carers", "Per cent positive").
    pub axis: String,
    /// What a row with no bar says ("fewer than 5", "not shown").
    pub missing: String,
}

/// A part of the report that appears when its capability lands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seam {
    pub heading: String,
    pub text: String,
}

/// One period of the report, inclusive, `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: String,
    pub to: String,
    /// How the period reads in a column heading ("Jul to Sep 2026").
    pub label: String,
}

/// The involvement report, as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvolvementReport {
    /// The service's id, or `all`.
    pub scope_id: String,
    /// The service's name, or "All services".
    pub scope_name: String,
    /// The period reported and the four before it, the period reported first.
    pub periods: Vec<Span>,
    /// The summary, one plain sentence each.
    pub summary: Vec<String>,
    pub sections: Vec<Section>,
    pub seams: Vec<Seam>,
    /// Whether the caller may download the Friends and Family Test monthly return for this scope (managers
    /// and administrators; not steering members).
    pub fft_return: bool,
    /// Whether the caller may choose the monthly mail (managers and administrators), and whether they have.
    pub may_choose_mail: bool,
    pub monthly_mail: bool,
}

/// The choices of the report's filter: the services the caller may see (with `all` for administrators) and
/// the periods offered (value, label).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportChoices {
    pub services: Vec<(String, String)>,
    pub periods: Vec<(String, String)>,
}

/// The value of "All services" in the service choice (administrators only).
pub const ALL_SERVICES: &str = "all";

/// What every table's CSV and the page say about small numbers.
pub const SMALL_NUMBERS: &str = "To protect privacy, counts of patients and carers from 0 to 4 are shown as \"fewer than 5\", other counts of people are rounded to the nearest 5 (so they may not add up), and other figures that would let a small count be worked out are withheld. Counts of things (activities, meetings, leaflets, focus groups, panels) are shown as they are; a sum of money is withheld when the people it went to are not shown. People are counted each time they took part, so one person may be counted more than once.";

/// Why the Friends and Family Test monthly return is not suppressed, on the report page and in the file.
pub const NOT_SUPPRESSED: &str = "The monthly return is not suppressed: it gives the exact counts, because NHS England collects unsuppressed counts from providers and applies its own small-number rules when it publishes them. It is for managers submitting the return; do not publish or share it.";

/// What the report page and the Friends and Family Test monthly return say about the return's months
/// (`fft_return::whole_months`).
pub const WHOLE_MONTHS: &str = "The return counts whole calendar months, as NHS England collects them: a period that starts or ends part way through a month is widened to the whole months it touches.";

impl InvolvementReport {
    /// The period reported.
    pub fn period(&self) -> Option<&Span> {
        self.periods.first()
    }

    /// The table named `id`, if the report has one.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.sections.iter().map(|s| &s.table).find(|t| t.id == id)
    }

    /// The PDF's file name: the service and the period (`involvement-cas-day-service-2026-07-01-to-2026-09-30.pdf`).
    pub fn pdf_file_name(&self) -> String {
        let (from, to) = self.period().map(|p| (p.from.as_str(), p.to.as_str())).unwrap_or_default();
        let csv = crate::csv::file_name(&["involvement", &self.scope_name, from, "to", to]);
        format!("{}.pdf", csv.trim_end_matches(".csv"))
    }

    /// A table's CSV file name: the table, the service and the period
    /// (`involvement-levels-cas-day-service-2026-07-01-to-2026-09-30.csv`).
    pub fn csv_file_name(&self, table: &Table) -> String {
        let (from, to) = self.period().map(|p| (p.from.as_str(), p.to.as_str())).unwrap_or_default();
        crate::csv::file_name(&["involvement", &table.id, &self.scope_name, from, "to", to])
    }

    /// A table as CSV (without the byte-order mark, which `csv::download` adds): what it is, whose and for
    /// when, the table as the page shows it (suppressed the same way), and the small-numbers rule.
    pub fn table_csv(&self, table: &Table) -> String {
        use crate::csv::row;
        let mut out = String::new();
        out.push_str(&row(&["Involvement report", &self.scope_name]));
        if let Some(period) = self.period() {
            out.push_str(&row(&["Period", &period.from, &period.to]));
        }
        out.push_str(&row(&[&table.caption]));
        let mut header = vec![table.corner.clone()];
        header.extend(table.columns.iter().cloned());
        out.push_str(&row(&header));
        for (name, cells) in &table.rows {
            let mut line = vec![name.clone()];
            line.extend(cells.iter().cloned());
            out.push_str(&row(&line));
        }
        out.push_str(&row(&[SMALL_NUMBERS]));
        out
    }
}

#[cfg(feature = "ssr")]
pub use build::*;

#[cfg(feature = "ssr")]
mod build {
    use chrono::{Datelike, Months, NaiveDate};

    use super::*;
    use crate::{
        accounts::{access::SignedInUser, types::ServiceSummary},
        consultation::api::{ConsultationFigures, ResponsesReceived},
        dates::DateParts,
        error::AppError,
        information::api::InformationFigures,
        ledger::types::{ActivityKind, ContinuumLevel},
        participation::api::ParticipationFigures,
        partnership::api::{PanelFigures, PaymentFigures},
        reports::profile::{decide_period, LevelCounts, LevelTally, PublishedPeople},
        suppression::{Disclosure, Published, PublishedChange, PublishedShare, SMALLEST_SHOWN},
    };

    /// Whether this person may open a service's involvement report: its managers (and administrators), and
    /// the **current members** of its groups (`participation::api::is_current_member_of_service`: a term that
    /// has not ended, observers included), who see the same aggregate figures (the report holds no comment
    /// text). The "steering group member" role alone grants nothing: a member whose term ended loses access
    /// (issue 15 §7; tester F7). Errors: a database failure.
    pub async fn sees_report_of(
        pool: &sqlx::AnyPool,
        user: &SignedInUser,
        service_id: &crate::accounts::types::ServiceId,
    ) -> Result<bool, AppError> {
        Ok(user.manages(service_id)
            || crate::participation::api::is_current_member_of_service(pool, &user.id, service_id).await?)
    }

    /// The services whose report this person may open.
    pub async fn report_services(pool: &sqlx::AnyPool, user: &SignedInUser) -> Result<Vec<ServiceSummary>, AppError> {
        let mut open = Vec::new();
        for service in crate::accounts::access::all_services(pool).await? {
            if sees_report_of(pool, user, &service.id).await? {
                open.push(service);
            }
        }
        Ok(open)
    }

    /// The first day of the quarter (January, April, July, October) holding `day`.
    fn quarter_of(day: NaiveDate) -> NaiveDate {
        NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1).unwrap_or(day)
    }

    /// The last day of the period of `months` months starting `start`.
    fn end_after(start: NaiveDate, months: u32) -> NaiveDate {
        let next = start.checked_add_months(Months::new(months)).unwrap_or(start);
        next.pred_opt().unwrap_or(next)
    }

    /// The last complete quarter on `today` (a local date, from the `clock` kernel).
    pub fn last_complete_quarter(today: NaiveDate) -> NaiveDate {
        let current = quarter_of(today);
        current.checked_sub_months(Months::new(3)).unwrap_or(current)
    }

    /// The first year of the financial year (April to March) holding `day`.
    fn financial_year_of(day: NaiveDate) -> i32 {
        if day.month() >= 4 {
            day.year()
        } else {
            day.year() - 1
        }
    }

    /// The periods the filter offers on `today`: the last eight complete quarters (`q-YYYY-MM`), this
    /// financial year and the two before (`fy-YYYY`, April of that year to March of the next), and the dates
    /// typed below (`range`).
    pub fn period_options(today: NaiveDate) -> Vec<(String, String)> {
        let mut options = Vec::new();
        let mut quarter = last_complete_quarter(today);
        for _ in 0..8 {
            options.push((quarter.format("q-%Y-%m").to_string(), label(quarter, end_after(quarter, 3))));
            quarter = quarter.checked_sub_months(Months::new(3)).unwrap_or(quarter);
        }
        let year = financial_year_of(today);
        for y in [year, year - 1, year - 2] {
            options.push((format!("fy-{y}"), format!("Financial year April {y} to March {}", y + 1)));
        }
        options.push(("range".to_owned(), "The dates below".to_owned()));
        options
    }

    /// How a period reads in a column heading: whole months as "Jul to Sep 2026" (or "Apr 2026 to Mar
    /// 2027"), other periods as "1 Jul 2026 to 19 Jul 2026".
    pub fn label(from: NaiveDate, to: NaiveDate) -> String {
        let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|d| d.day() == 1);
        if whole_months && from.year() == to.year() && from.month() == to.month() {
            from.format("%b %Y").to_string()
        } else if whole_months && from.year() == to.year() {
            format!("{} to {}", from.format("%b"), to.format("%b %Y"))
        } else if whole_months {
            format!("{} to {}", from.format("%b %Y"), to.format("%b %Y"))
        } else {
            format!("{} to {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
        }
    }

    /// The period chosen (`choice`: a value of [`period_options`], empty for the last complete quarter, or
    /// `range` for the dates typed) and the four before it, the chosen one first: four quarters before a
    /// quarter, four financial years before a year, and for a range four ranges as long (whole months when it
    /// is whole months, as `server::previous_period` does). A choice that is not one of these is a message on
    /// the period field; mistakes in the dates are messages on the dates.
    pub fn choose_periods(
        choice: &str,
        from: &DateParts,
        to: &DateParts,
        today: NaiveDate,
    ) -> Result<Vec<(NaiveDate, NaiveDate)>, AppError> {
        let unknown = || AppError::field("period", "Choose a period from the list").keeping(&[("period", choice)]);
        let step_back = |months: u32, start: NaiveDate| -> Vec<(NaiveDate, NaiveDate)> {
            (0..5u32)
                .map(|i| {
                    let s = start.checked_sub_months(Months::new(months * i)).unwrap_or(start);
                    (s, end_after(s, months))
                })
                .collect()
        };
        let in_range = |d: NaiveDate| (2000..=2100).contains(&d.year());
        if choice.is_empty() {
            return Ok(step_back(3, last_complete_quarter(today)));
        }
        if let Some(quarter) = choice.strip_prefix("q-") {
            let start = NaiveDate::parse_from_str(&format!("{quarter}-01"), "%Y-%m-%d").map_err(|_| unknown())?;
            if quarter_of(start) != start || !in_range(start) {
                return Err(unknown());
            }
            return Ok(step_back(3, start));
        }
        if let Some(year) = choice.strip_prefix("fy-") {
            let year: i32 = year.parse().map_err(|_| unknown())?;
            let start = NaiveDate::from_ymd_opt(year, 4, 1).filter(|d| in_range(*d)).ok_or_else(unknown)?;
            return Ok(step_back(12, start));
        }
        if choice != "range" {
            return Err(unknown());
        }
        // "The dates below" with none typed is a mistake, not the current quarter: a board pack must never show
        // a quarter that is not over as if it were one (tester, issue 18 F1).
        if from.is_empty() && to.is_empty() {
            return Err(AppError::field("from_day", "Enter the start and end dates, or choose a quarter or a year")
                .keeping(&[("period", choice)]));
        }
        let (start, end) =
            crate::reports::server::period(from, to, today).map_err(|e| e.keeping(&[("period", choice)]))?;
        let mut periods = vec![(start, end)];
        for _ in 0..4 {
            let (s, e) = periods[periods.len() - 1];
            periods.push(crate::reports::server::previous_period(s, e));
        }
        Ok(periods)
    }

    /// Everything the report counts for one period, summed over the services it covers, before suppression.
    #[derive(Clone, Debug, Default)]
    pub struct PeriodCounts {
        /// Per level: activities, patients and carers (the ledger's, and feedback responses).
        pub levels: LevelCounts,
        /// Activities per level (in `ContinuumLevel::ALL` order) and kind: counts of things.
        pub kinds: Vec<(ContinuumLevel, ActivityKind, i64)>,
        /// Feedback responses by who answered.
        pub responses: ResponsesReceived,
        /// Inclusion's figures: hours, volunteers, lived-experience roles filled, sessions (`inclusion::api`).
        pub inclusion: crate::inclusion::api::InclusionFigures,
        /// Information's figures (`information::api::report_figures`).
        pub information: InformationFigures,
        /// Consultation's figures (`consultation::api::report_figures`).
        pub consultation: ConsultationFigures,
        /// Participation's figures (`participation::api::report_figures`).
        pub participation: ParticipationFigures,
        /// "You said, we did" items published on the board (`participation::api::you_said_we_did_published`).
        pub you_said_we_did: i64,
        /// Panels sat (`partnership::api::panels_decided`) and involvement payments
        /// (`partnership::api::payment_figures`).
        pub panels: PanelFigures,
        pub payments: PaymentFigures,
        /// Volunteers appointed to roles: the ledger's volunteer-role activities, one per appointment and its
        /// volunteer, so a count of people, not of things: not in `kinds` nor in the levels' activities
        /// (`server::appointments_apart`).
        pub volunteers_appointed: i64,
        /// Whether a service summed in had 1 to 4 active volunteers: its hours are withheld on its own report,
        /// so a sum over services holding them is withheld too, or the sum less the other services' hours
        /// would give them away. Set by `add`.
        pub hours_of_few: bool,
    }

    impl PeriodCounts {
        fn add(&mut self, other: &PeriodCounts) {
            for (mine, theirs) in self.levels.iter_mut().zip(other.levels.iter()) {
                mine.activities += theirs.activities;
                mine.patients += theirs.patients;
                mine.carers += theirs.carers;
            }
            self.kinds.extend(other.kinds.iter().copied());
            self.responses.patients += other.responses.patients;
            self.responses.carers += other.responses.carers;
            self.responses.someone_else += other.responses.someone_else;
            self.inclusion.add(&other.inclusion);
            self.volunteers_appointed += other.volunteers_appointed;
            self.hours_of_few |= other.hours_of_few || (1..SMALLEST_SHOWN).contains(&other.inclusion.active_volunteers);
            let (mine, theirs) = (&mut self.information, &other.information);
            mine.pages_published += theirs.pages_published;
            mine.events_held += theirs.events_held;
            mine.people_registered += theirs.people_registered;
            let (mine, theirs) = (&mut self.consultation, &other.consultation);
            add_into(&mut mine.by_channel, &theirs.by_channel);
            add_into(&mut mine.fft, &theirs.fft);
            for (theme, n) in &theirs.themes {
                match mine.themes.iter_mut().find(|(t, _)| t == theme) {
                    Some((_, sum)) => *sum += n,
                    None => mine.themes.push((theme.clone(), *n)),
                }
            }
            mine.themes.sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| a.cmp(b)));
            mine.focus_groups += theirs.focus_groups;
            mine.focus_group_people += theirs.focus_group_people;
            let (mine, theirs) = (&mut self.participation, &other.participation);
            mine.meetings_held += theirs.meetings_held;
            mine.meetings_quorate += theirs.meetings_quorate;
            add_into(&mut mine.attendance, &theirs.attendance);
            mine.decisions += theirs.decisions;
            mine.actions_opened += theirs.actions_opened;
            mine.actions_closed += theirs.actions_closed;
            mine.actions_overdue += theirs.actions_overdue;
            mine.days_to_close.extend(theirs.days_to_close.iter().copied());
            mine.days_to_close.sort_unstable();
            self.you_said_we_did += other.you_said_we_did;
            self.panels.add(&other.panels);
            self.payments.add(&other.payments);
        }

        /// Activities of `kind` at `level`.
        fn of_kind(&self, level: ContinuumLevel, kind: ActivityKind) -> i64 {
            self.kinds.iter().filter(|(l, k, _)| *l == level && *k == kind).map(|(_, _, n)| n).sum()
        }

        fn activities(&self, level: ContinuumLevel) -> i64 {
            self.levels[index(level)].activities
        }
    }

    fn add_into<const N: usize>(mine: &mut [i64; N], theirs: &[i64; N]) {
        for (m, t) in mine.iter_mut().zip(theirs) {
            *m += t;
        }
    }

    fn index(level: ContinuumLevel) -> usize {
        usize::from(level.rung() - 1)
    }

    /// One service's counts for a period (`[from, to]`), through the ledger's and consultation's APIs.
    pub async fn service_counts(
        pool: &sqlx::AnyPool,
        service: &crate::accounts::types::ServiceId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<PeriodCounts, AppError> {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let (first, until) = (day(from), day(to + chrono::Duration::days(1)));
        let (mut levels, kinds) = crate::reports::server::level_counts(pool, service, from, to).await?;
        let mut kinds: Vec<(ContinuumLevel, ActivityKind, i64)> =
            kinds.into_iter().map(|k| (k.level, k.kind, k.activities)).collect();
        // Appointments are people, not things: out of the activities, into a count of their own.
        let volunteers_appointed = crate::reports::server::appointments_apart(&mut levels, kinds.iter().copied());
        kinds.retain(|(_, kind, _)| *kind != ActivityKind::VolunteerRole);
        let responses = crate::consultation::api::responses_received(pool, service, &first, &until).await?;
        let inclusion = crate::inclusion::api::figures(pool, service, &first, &until).await?;
        let information = crate::information::api::report_figures(pool, service, &first, &until).await?;
        let consultation = crate::consultation::api::report_figures(pool, service, &first, &until).await?;
        let participation = crate::participation::api::report_figures(pool, service, &first, &until).await?;
        let you_said_we_did =
            crate::participation::api::you_said_we_did_published(pool, service, &first, &until).await?;
        let panels = crate::partnership::api::panels_decided(pool, service, &first, &until).await?;
        let payments = crate::partnership::api::payment_figures(pool, service, &first, &until).await?;
        Ok(PeriodCounts {
            levels,
            kinds,
            responses,
            inclusion,
            information,
            consultation,
            participation,
            you_said_we_did,
            panels,
            payments,
            volunteers_appointed,
            hours_of_few: false,
        })
    }

    /// How one period's counts of people are published.
    #[derive(Clone, Debug)]
    pub struct PublishedPeriod {
        pub counts: PeriodCounts,
        pub people: PublishedPeople,
        /// Feedback responses from patients, carers, someone else, and in all.
        pub responses: [Published; 4],
        /// Inclusion's counts of people: active volunteers, lived-experience roles filled, and volunteers
        /// appointed.
        pub volunteers: [Published; 3],
        /// The approved volunteer hours in quarter-hours, `None` when withheld with the count of active
        /// volunteers (a figure about fewer than 5 people, or about a count that is not shown).
        pub approved_quarter_hours: Option<i64>,
        /// Feedback responses by channel, in `Channel::ALL` order.
        pub channels: [Published; 3],
        /// Friends and Family Test answers in `FftRating::ALL` order, and in all.
        pub fft: [Published; 6],
        pub fft_answers: Published,
        /// The shares of the answers positive (very good and good) and negative (poor and very poor).
        pub fft_positive: PublishedShare,
        pub fft_negative: PublishedShare,
        /// Comment themes with the responses tagged with each, most first.
        pub themes: Vec<(String, Published)>,
        pub focus_group_people: Published,
        pub people_registered: Published,
        /// Attendances at meetings by member type (`MemberType::ALL` order), and in all.
        pub attendance: [Published; 4],
        pub attendances: Published,
        /// Involvement payments' people: offered, accepting and paid.
        pub payment_people: [Published; 3],
        /// The money offered, accepted and paid (pence), each about the people beside it: withheld with them.
        pub payment_money: [Published; 3],
        /// Involvement payment offers made, accepted, declined and paid: each is one person's, so they are
        /// counted as people are (as feedback responses are), not as things (tester, issue 18 F3: an exact
        /// "offers paid: 1" beside "people paid: fewer than 5" says one person was paid).
        pub payment_offers: [Published; 4],
    }

    /// Decides a period's counts of people as a whole: the profile's decision for the levels
    /// (`decide_period`), and every other count of people of the period as one more disclosure with the sums
    /// that tie them: the responses are the total of who answered and of the channels, and of those who
    /// answered the Friends and Family Test and those who did not; its answers add up to those who answered
    /// it, and its positive and negative counts (printed only as percentages) to their categories; the
    /// attendances are the total of the member types. Themes, focus groups' people and people registered for
    /// events stand alone.
    pub fn publish_period(counts: PeriodCounts) -> PublishedPeriod {
        use crate::consultation::questions::FftRating;
        let (decided, _) = decide_period(std::slice::from_ref(&counts.levels));
        let people = decided.into_iter().next().unwrap_or_else(|| decide_period(&[]).1);
        let r = counts.responses;
        let c = &counts.consultation;
        let mut d = Disclosure::new();
        let parts = [r.patients, r.carers, r.someone_else].map(|n| d.people(n));
        let all = r.patients + r.carers + r.someone_else;
        let total = d.people(all);
        d.sum(total, &parts);
        let channels = c.by_channel.map(|n| d.people(n));
        d.sum(total, &channels);
        let fft = c.fft.map(|n| d.people(n));
        let answered: i64 = c.fft.iter().sum();
        let fft_answers = d.people(answered);
        d.sum(fft_answers, &fft);
        let unanswered = d.unprinted((all - answered).max(0));
        d.sum(total, &[fft_answers, unanswered]);
        let mut share = |keep: fn(FftRating) -> bool| {
            let chosen: Vec<usize> = (0..6).filter(|&i| keep(FftRating::ALL[i])).collect();
            let figure = d.people(chosen.iter().map(|&i| c.fft[i]).sum());
            d.sum(figure, &chosen.iter().map(|&i| fft[i]).collect::<Vec<_>>());
            figure
        };
        let (positive, negative) = (share(FftRating::is_positive), share(FftRating::is_negative));
        let themes: Vec<_> = c.themes.iter().map(|(name, n)| (name.clone(), d.people(*n))).collect();
        let focus = d.people(c.focus_group_people);
        let registered = d.people(counts.information.people_registered);
        let attendance = counts.participation.attendance.map(|n| d.people(n));
        let attendances = d.people(counts.participation.attendance.iter().sum());
        d.sum(attendances, &attendance);
        let decided = d.decide();
        // Inclusion's people: three counts of their own, none a part of another nor of any total shown, and
        // the approved hours, a figure about the active volunteers: withheld with their count (tester, issue 18
        // F3: hours printed beside "fewer than 5" volunteers said whether anyone volunteered that day).
        let mut disclosure = Disclosure::new();
        let i = &counts.inclusion;
        let figures = [i.active_volunteers, i.lived_experience_roles_filled, counts.volunteers_appointed]
            .map(|n| disclosure.people(n));
        let hours = disclosure.about(i.approved_quarter_hours, figures[0]);
        let (volunteers, approved_quarter_hours) = {
            let decided = disclosure.decide();
            let hours = decided.count(hours).chartable().filter(|_| !counts.hours_of_few);
            (figures.map(|f| decided.count(f)), hours)
        };
        // Involvement payments' people (one more disclosure: none is a part of another's sum, since one person
        // may be offered several payments), and the money each group was offered, accepted and paid.
        let mut pay = Disclosure::new();
        let p = &counts.payments;
        let paying = [p.people_offered, p.people_accepted, p.people_paid].map(|n| pay.people(n));
        let offers = [p.offers, p.accepted, p.declined, p.paid].map(|n| pay.people(n));
        let unanswered = pay.unprinted((p.offers - p.accepted - p.declined).max(0));
        pay.sum(offers[0], &[offers[1], offers[2], unanswered]);
        let money = [p.offered_pence, p.accepted_pence, p.paid_pence];
        let money = [0, 1, 2].map(|i| pay.about(money[i], paying[i]));
        let paid = pay.decide();
        // Over several services, an amount is withheld when one service's own is (its people 1 to 4), or the
        // sum less the other services' reports would give it away.
        let money = [0, 1, 2].map(|i| if p.small_groups[i] { Published::Withheld } else { paid.count(money[i]) });
        PublishedPeriod {
            payment_offers: offers.map(|f| paid.count(f)),
            payment_people: paying.map(|f| paid.count(f)),
            payment_money: money,
            responses: [
                decided.count(parts[0]),
                decided.count(parts[1]),
                decided.count(parts[2]),
                decided.count(total),
            ],
            volunteers,
            approved_quarter_hours,
            channels: channels.map(|f| decided.count(f)),
            fft: fft.map(|f| decided.count(f)),
            fft_answers: decided.count(fft_answers),
            fft_positive: decided.share(positive, fft_answers),
            fft_negative: decided.share(negative, fft_answers),
            themes: themes.into_iter().map(|(name, f)| (name, decided.count(f))).collect(),
            focus_group_people: decided.count(focus),
            people_registered: decided.count(registered),
            attendance: attendance.map(|f| decided.count(f)),
            attendances: decided.count(attendances),
            counts,
            people,
        }
    }

    /// "40 patients", "fewer than 5 carers", "a withheld number of patients".
    fn people_phrase(figure: Published, noun: &str) -> String {
        match figure {
            Published::Count(n) => format!("{n} {noun}"),
            Published::FewerThanFive => format!("fewer than 5 {noun}"),
            Published::Withheld => format!("a withheld number of {noun}"),
        }
    }

    fn capitalised(text: &str) -> String {
        let mut chars = text.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// A sum of money (pence) as published: pounds to the penny by integer division (`£1234.05`,
    /// `payments::types::pounds`), or "withheld" when the people it went to are suppressed.
    fn money(figure: Published) -> String {
        match figure {
            Published::Count(pence) => crate::partnership::payments::types::pounds(pence),
            Published::FewerThanFive | Published::Withheld => "withheld".to_owned(),
        }
    }

    /// A share of `part` in `whole` (counts of things) as a whole per cent, rounded half up in integers;
    /// `none` when `whole` is 0.
    fn share_of(part: i64, whole: i64, none: &str) -> String {
        if whole <= 0 {
            none.to_owned()
        } else {
            format!("{}%", (part * 100 + whole / 2) / whole)
        }
    }

    /// The summary sentences, made from the published figures only (`now` and `before`, the period before).
    pub fn summary(now: &PublishedPeriod, before: &PublishedPeriod, period: &str, previous: &str) -> Vec<String> {
        let activities: i64 = now.counts.levels.iter().map(|l| l.activities).sum();
        let mut sentences = vec![format!(
            "In {period}, {} and {} were involved in {}.",
            people_phrase(now.people.total_patients, "patients"),
            people_phrase(now.people.total_carers, "carers"),
            crate::text::count(activities, "activity", "activities"),
        )];
        match ContinuumLevel::ALL.into_iter().rev().find(|l| now.counts.activities(*l) > 0) {
            Some(level) => {
                sentences.push(format!("Involvement reached {} (level {} of 5).", level.label(), level.rung()))
            }
            None => sentences.push("No involvement activities were recorded.".to_owned()),
        }
        for level in ContinuumLevel::ALL {
            let i = index(level);
            if now.counts.activities(level) == 0 && now.people.levels[i] == Published::FewerThanFive {
                continue;
            }
            sentences.push(format!(
                "{}: {} and {} took part.",
                level.label(),
                people_phrase(now.people.patients[i], "patients"),
                people_phrase(now.people.carers[i], "carers"),
            ));
        }
        sentences.push(match PublishedChange::between(now.people.total, before.people.total) {
            PublishedChange::Change(0) => format!("Patients and carers involved did not change from {previous}."),
            PublishedChange::Change(n) if n > 0 => {
                format!("Patients and carers involved went up by {n} from {previous}.")
            }
            PublishedChange::Change(n) => format!("Patients and carers involved went down by {} from {previous}.", -n),
            PublishedChange::Withheld => {
                format!("The change from {previous} is not shown, as it would reveal a number under 5.")
            }
        });
        let moved = ContinuumLevel::ALL
            .into_iter()
            .filter_map(|level| {
                match PublishedChange::between(now.people.levels[index(level)], before.people.levels[index(level)]) {
                    PublishedChange::Change(n) if n != 0 => Some((level, n)),
                    _ => None,
                }
            })
            .max_by_key(|(_, n)| n.abs());
        if let Some((level, n)) = moved {
            let way = if n > 0 { "up" } else { "down" };
            sentences.push(format!("The largest change was at {}: {way} by {}.", level.label(), n.abs()));
        }
        let info = &now.counts.information;
        if info.pages_published > 0 || info.events_held > 0 {
            sentences.push(format!(
                "{} published and {} held, with {} registered.",
                capitalised(&crate::text::count(
                    info.pages_published,
                    "information page was",
                    "information pages were"
                )),
                crate::text::count(info.events_held, "event", "events"),
                people_phrase(now.people_registered, "people"),
            ));
        }
        match (now.fft_positive, now.fft_negative) {
            (PublishedShare::Percent(p), PublishedShare::Percent(n)) => sentences.push(format!(
                "Of {} answers to the Friends and Family Test, {p}% were positive and {n}% negative.",
                now.fft_answers.text()
            )),
            (PublishedShare::AllOrNearlyAll, _) => sentences.push(format!(
                "Of {} answers to the Friends and Family Test, all or all but fewer than 5 were positive.",
                now.fft_answers.text()
            )),
            (_, PublishedShare::AllOrNearlyAll) => sentences.push(format!(
                "Of {} answers to the Friends and Family Test, all or all but fewer than 5 were negative.",
                now.fft_answers.text()
            )),
            // Said whatever the count, even none: were it said only when someone answered, it would turn
            // "fewer than 5" answers into "1 to 4" (tester, issue 18 F1).
            _ => sentences.push(format!(
                "The Friends and Family Test's percentages are not shown: {} answered it, and none is worked out \
                 from fewer than 10 answers or where it would reveal a number under 5.",
                people_phrase(now.fft_answers, "people")
            )),
        }
        let p = &now.counts.participation;
        if p.meetings_held > 0 || p.actions_opened > 0 || p.actions_closed > 0 {
            sentences.push(format!(
                "{} held ({} quorate), with {} recorded; {} opened, {} closed and {} overdue at the end.",
                capitalised(&crate::text::count(p.meetings_held, "meeting was", "meetings were")),
                p.meetings_quorate,
                crate::text::count(p.decisions, "decision", "decisions"),
                crate::text::count(p.actions_opened, "action", "actions"),
                p.actions_closed,
                p.actions_overdue,
            ));
        }
        if now.counts.you_said_we_did > 0 {
            sentences.push(format!(
                "{} published on the \"you said, we did\" board.",
                capitalised(&crate::text::count(now.counts.you_said_we_did, "item was", "items were")),
            ));
        }
        sentences.extend(partnership_sentences(now));
        sentences
    }

    /// The Partnership section's sentences: panels sat, with a lived-experience member and departing from
    /// their scores (counts of things), and the period's payment offers and what became of them, with the
    /// people paid and the money paid only as published.
    fn partnership_sentences(now: &PublishedPeriod) -> Vec<String> {
        let mut sentences = Vec::new();
        let panels = now.counts.panels;
        if panels.panels > 0 {
            sentences.push(format!(
                "{} sat ({} with a lived-experience member); {} departed from the lived-experience members' scores.",
                capitalised(&crate::text::count(panels.panels, "interview panel", "interview panels")),
                panels.with_lived_experience,
                crate::text::count(panels.departures, "outcome", "outcomes"),
            ));
        }
        // Said only when the offers made are published as a number, and in published figures only.
        if let Published::Count(made) = now.payment_offers[0] {
            let paid_to = match (now.payment_money[2], now.payment_people[2]) {
                (Published::Count(pence), Published::Count(_)) => format!(
                    " ({} to {})",
                    crate::partnership::payments::types::pounds(pence),
                    people_phrase(now.payment_people[2], "people")
                ),
                _ => String::new(),
            };
            sentences.push(format!(
                "{made} involvement payment offers were made for the period's activities: {} accepted, {} declined \
                 and {} paid{paid_to}.",
                now.payment_offers[1].text(),
                now.payment_offers[2].text(),
                now.payment_offers[3].text(),
            ));
        }
        sentences
    }

    /// A chart of one row of figures per period (oldest at the top) and its text alternative.
    fn bar_chart(rows: &[(String, Published)], axis: &str, what: &str) -> Result<Chart, AppError> {
        let bars: Vec<(String, Option<i64>)> = rows.iter().map(|(l, p)| (l.clone(), p.chartable())).collect();
        let said: Vec<String> = rows.iter().map(|(l, p)| format!("{l}: {}", p.text())).collect();
        drawn(bars, axis, "fewer than 5", format!("{what}. {}.", said.join("; ")))
    }

    /// A chart of percentages (`None`: not shown) and its text alternative.
    fn percent_chart(rows: &[(String, PublishedShare)], axis: &str, what: &str) -> Result<Chart, AppError> {
        let bars: Vec<(String, Option<i64>)> = rows
            .iter()
            .map(|(l, p)| (l.clone(), if let PublishedShare::Percent(n) = p { Some(*n) } else { None }))
            .collect();
        let said: Vec<String> = rows.iter().map(|(l, p)| format!("{l}: {}", p.text())).collect();
        drawn(bars, axis, "not shown", format!("{what}. {}.", said.join("; ")))
    }

    /// How many characters of a label fit the chart kernel's label column (150 pixels, its labels drawn at
    /// about 14 pixels in the 420-pixel-wide SVG).
    pub const CHART_LABEL_CHARACTERS: usize = 18;

    /// `label` cut to `most` characters, the last an ellipsis, when it is longer.
    pub fn shortened(label: &str, most: usize) -> String {
        if label.chars().count() <= most {
            label.to_owned()
        } else {
            let kept: String = label.chars().take(most.saturating_sub(1)).collect();
            format!("{}…", kept.trim_end())
        }
    }

    /// The chart drawn as SVG, with its bars kept for the PDF (which draws them again as vector graphics).
    fn drawn(bars: Vec<(String, Option<i64>)>, axis: &str, missing: &str, alt: String) -> Result<Chart, AppError> {
        // Labels longer than the chart's label column are shortened with an ellipsis (a long theme name was
        // cut off at the SVG's left edge: tester, issue 18 F7); the table beside it and the text alternative
        // keep them whole.
        let short: Vec<String> = bars.iter().map(|(l, _)| shortened(l, CHART_LABEL_CHARACTERS)).collect();
        let rows: Vec<(&str, Option<i64>)> = short.iter().zip(&bars).map(|(l, (_, v))| (l.as_str(), *v)).collect();
        let svg = crate::chart::horizontal_bars(&rows, axis, missing)
            .map_err(|e| AppError::internal("involvement chart", e))?;
        Ok(Chart { svg, alt, bars, axis: axis.to_owned(), missing: missing.to_owned() })
    }

    /// Builds the report for `scope_name` (`scope_id`: a service's id or `all`) from each period's counts
    /// (the period reported first, then the four before it) and their spans.
    pub fn assemble(
        scope_id: String,
        scope_name: String,
        spans: Vec<Span>,
        counts: Vec<PeriodCounts>,
    ) -> Result<InvolvementReport, AppError> {
        let published: Vec<PublishedPeriod> = counts.into_iter().map(publish_period).collect();
        let (Some(now), Some(before)) = (published.first(), published.get(1)) else {
            return Err(AppError::internal("involvement report", "fewer than two periods"));
        };
        let label = |i: usize| spans.get(i).map(|s| s.label.clone()).unwrap_or_default();
        let summary = summary(now, before, &label(0), &label(1));
        // Trend columns read oldest to newest.
        let oldest_first: Vec<usize> = (0..published.len()).rev().collect();
        let columns: Vec<String> = oldest_first.iter().map(|&i| label(i)).collect();
        let across = |f: &dyn Fn(&PublishedPeriod) -> String| -> Vec<String> {
            oldest_first.iter().map(|&i| f(&published[i])).collect()
        };
        let mut sections = Vec::new();

        // The levels now.
        let mut rows: Vec<(String, Vec<String>)> = ContinuumLevel::ALL
            .into_iter()
            .map(|level| {
                let i = index(level);
                (
                    format!("{}. {}", level.rung(), level.label()),
                    vec![
                        Published::of_things(now.counts.activities(level)).text(),
                        now.people.patients[i].text(),
                        now.people.carers[i].text(),
                        now.people.levels[i].text(),
                        PublishedChange::between(now.people.levels[i], before.people.levels[i]).text(),
                    ],
                )
            })
            .collect();
        rows.push((
            "Total".to_owned(),
            vec![
                Published::of_things(now.counts.levels.iter().map(|l| l.activities).sum()).text(),
                now.people.total_patients.text(),
                now.people.total_carers.text(),
                now.people.total.text(),
                PublishedChange::between(now.people.total, before.people.total).text(),
            ],
        ));
        let bars: Vec<(String, Published)> = ContinuumLevel::ALL
            .into_iter()
            .rev()
            .map(|l| (l.label().to_owned(), now.people.levels[index(l)]))
            .collect();
        let chart = bar_chart(
            &bars,
            "Patients and carers",
            &format!("Patients and carers involved at each level in {}", label(0)),
        )?;
        sections.push(Section {
            heading: "Involvement at each level".to_owned(),
            intro: "Activities, and the patients and carers who took part, at each level of the continuum. \
                    Volunteers appointed to roles are counted as people (in Inclusion), not as activities."
                .to_owned(),
            chart,
            table: Table {
                id: "levels".to_owned(),
                caption: format!("Involvement at each level, {}", label(0)),
                corner: "Level".to_owned(),
                columns: vec![
                    "Activities".to_owned(),
                    "Patients".to_owned(),
                    "Carers".to_owned(),
                    "Patients and carers".to_owned(),
                    format!("Change in patients and carers from {}", label(1)),
                ],
                rows,
            },
        });

        // The trend.
        let mut rows: Vec<(String, Vec<String>)> = ContinuumLevel::ALL
            .into_iter()
            .map(|level| (level.label().to_owned(), across(&|p| p.people.levels[index(level)].text())))
            .collect();
        rows.push(("All levels".to_owned(), across(&|p| p.people.total.text())));
        let bars: Vec<(String, Published)> =
            oldest_first.iter().map(|&i| (label(i), published[i].people.total)).collect();
        let chart = bar_chart(&bars, "Patients and carers", "Patients and carers involved in each period")?;
        sections.push(Section {
            heading: "Trend over five periods".to_owned(),
            intro: "Patients and carers involved at each level in this period and the four before it.".to_owned(),
            chart,
            table: Table {
                id: "trend".to_owned(),
                caption: "Patients and carers involved, by period".to_owned(),
                corner: "Level".to_owned(),
                columns: columns.clone(),
                rows,
            },
        });

        // A section per level: its rows of things, then its people.
        let level_section = |level: ContinuumLevel,
                             id: &str,
                             intro: &str,
                             kinds: &[(ActivityKind, &str)],
                             other: &str,
                             extra: Vec<(String, Vec<String>)>|
         -> Result<Section, AppError> {
            let i = index(level);
            let mut rows: Vec<(String, Vec<String>)> = Vec::new();
            for (kind, name) in kinds {
                rows.push(((*name).to_owned(), across(&|p| p.counts.of_kind(level, *kind).to_string())));
            }
            rows.push((
                other.to_owned(),
                across(&|p| {
                    let named: i64 = kinds.iter().map(|(k, _)| p.counts.of_kind(level, *k)).sum();
                    (p.counts.activities(level) - named).to_string()
                }),
            ));
            rows.extend(extra);
            rows.push(("Patients".to_owned(), across(&|p| p.people.patients[i].text())));
            rows.push(("Carers".to_owned(), across(&|p| p.people.carers[i].text())));
            rows.push(("Patients and carers".to_owned(), across(&|p| p.people.levels[i].text())));
            let bars: Vec<(String, Published)> =
                oldest_first.iter().map(|&p| (label(p), published[p].people.levels[i])).collect();
            let chart = bar_chart(
                &bars,
                "Patients and carers",
                &format!("Patients and carers involved at {} in each period", level.label()),
            )?;
            Ok(Section {
                heading: format!("{}. {}", level.rung(), level.label()),
                intro: intro.to_owned(),
                chart,
                table: Table {
                    id: id.to_owned(),
                    caption: format!("{} by period", level.label()),
                    corner: "Figure".to_owned(),
                    columns: columns.clone(),
                    rows,
                },
            })
        };
        sections.push(level_section(
            ContinuumLevel::Information,
            "information",
            "Information given to patients and carers: leaflets published and open days and other events held.",
            &[(ActivityKind::Leaflet, "Leaflets published"), (ActivityKind::OpenDay, "Open days and events held")],
            "Other information activities",
            vec![
                (
                    "Information pages published".to_owned(),
                    across(&|p| p.counts.information.pages_published.to_string()),
                ),
                ("Events held".to_owned(), across(&|p| p.counts.information.events_held.to_string())),
                ("People registered for events held".to_owned(), across(&|p| p.people_registered.text())),
            ],
        )?);
        let responses = vec![
            ("Feedback responses from patients".to_owned(), across(&|p| p.responses[0].text())),
            ("Feedback responses from carers".to_owned(), across(&|p| p.responses[1].text())),
            ("Feedback responses from someone else".to_owned(), across(&|p| p.responses[2].text())),
            ("Feedback responses in all".to_owned(), across(&|p| p.responses[3].text())),
            ("Feedback responses online".to_owned(), across(&|p| p.channels[0].text())),
            ("Feedback responses on paper".to_owned(), across(&|p| p.channels[1].text())),
            ("Feedback responses assisted".to_owned(), across(&|p| p.channels[2].text())),
            ("People at focus groups".to_owned(), across(&|p| p.focus_group_people.text())),
            ("\"You said, we did\" items published".to_owned(), across(&|p| p.counts.you_said_we_did.to_string())),
        ];
        sections.push(level_section(
            ContinuumLevel::Consultation,
            "consultation",
            "Views sought from patients and carers: feedback forms and the responses they received (by who answered, \
             where a form asks), focus groups, and the \"you said, we did\" items published on the board. Patients and carers count each response and each person at a \
             focus group or other activity.",
            &[(ActivityKind::FeedbackForm, "Feedback forms opened"), (ActivityKind::FocusGroup, "Focus groups held")],
            "Other consultation activities",
            responses,
        )?);
        sections.push(fft_section(&published, &oldest_first, &columns, &label)?);
        sections.push(themes_section(&published, &oldest_first, &columns, &label)?);
        sections.push(level_section(
            ContinuumLevel::Participation,
            "participation",
            "Patients and carers shaping the service: steering group meetings held, and the patients and carers at \
             them and at other participation activities.",
            &[(ActivityKind::SteeringGroupMeeting, "Steering group meetings held")],
            "Other participation activities",
            Vec::new(),
        )?);
        sections.push(meetings_section(&published, &oldest_first, &columns, &label)?);
        let share = |p: &PublishedPeriod| {
            let i = p.counts.inclusion;
            if i.sessions == 0 {
                "none held".to_owned()
            } else {
                format!("{}%", (i.co_delivered_sessions * 100 + i.sessions / 2) / i.sessions)
            }
        };
        let inclusion = vec![
            ("Sessions held, co-delivered or not".to_owned(), across(&|p| p.counts.inclusion.sessions.to_string())),
            ("Share of sessions co-delivered".to_owned(), across(&share)),
            ("Volunteers appointed".to_owned(), across(&|p| p.volunteers[2].text())),
            (
                "Approved volunteer hours".to_owned(),
                across(&|p| match p.approved_quarter_hours {
                    Some(quarters) => crate::inclusion::hours::types::hours_figure(quarters),
                    None => "withheld".to_owned(),
                }),
            ),
            ("Active volunteers (with approved hours)".to_owned(), across(&|p| p.volunteers[0].text())),
            ("Lived-experience roles filled".to_owned(), across(&|p| p.volunteers[1].text())),
        ];
        sections.push(level_section(
            ContinuumLevel::Inclusion,
            "inclusion",
            "Patients helping to deliver the service: co-delivered sessions, as the ledger records them; every \
             session of the service's courses held and the share co-delivered with a co-facilitator with lived \
             experience; volunteers appointed to roles (counted as people, not as activities); volunteer hours \
             approved (by the day they were given; withheld whenever the volunteers with approved hours are); \
             volunteers with approved hours; and lived-experience roles filled at the period's end.",
            &[(ActivityKind::CoDeliveredSession, "Co-delivered sessions")],
            "Other inclusion activities",
            inclusion,
        )?);
        sections.push(level_section(
            ContinuumLevel::Partnership,
            "partnership",
            "Patients sharing decisions, as the ledger records them: interview panels (each recorded once decided, \
             with its members) and other shared decisions, and the patients and carers who took part.",
            &[(ActivityKind::InterviewPanel, "Interview panels in the ledger (panels sat and any recorded by hand)")],
            "Other partnership activities",
            Vec::new(),
        )?);
        sections.push(panels_and_payments_section(&published, &oldest_first, &columns, &label)?);
        let seams = Vec::new();
        Ok(InvolvementReport {
            scope_id,
            scope_name,
            periods: spans,
            summary,
            sections,
            seams,
            fft_return: false,
            may_choose_mail: false,
            monthly_mail: false,
        })
    }

    /// The Friends and Family Test: its answers, and the shares positive and negative, in each period.
    fn fft_section(
        published: &[PublishedPeriod],
        oldest_first: &[usize],
        columns: &[String],
        label: &dyn Fn(usize) -> String,
    ) -> Result<Section, AppError> {
        use crate::consultation::questions::FftRating;
        let across = |f: &dyn Fn(&PublishedPeriod) -> String| -> Vec<String> {
            oldest_first.iter().map(|&i| f(&published[i])).collect()
        };
        let mut rows: Vec<(String, Vec<String>)> = FftRating::ALL
            .iter()
            .enumerate()
            .map(|(i, rating)| (rating.label().to_owned(), across(&|p| p.fft[i].text())))
            .collect();
        rows.push(("Answers".to_owned(), across(&|p| p.fft_answers.text())));
        rows.push(("Positive (very good or good)".to_owned(), across(&|p| p.fft_positive.text())));
        rows.push(("Negative (poor or very poor)".to_owned(), across(&|p| p.fft_negative.text())));
        let bars: Vec<(String, PublishedShare)> =
            oldest_first.iter().map(|&i| (label(i), published[i].fft_positive)).collect();
        let chart =
            percent_chart(&bars, "Per cent positive", "Friends and Family Test answers positive in each period")?;
        Ok(Section {
            heading: "Friends and Family Test".to_owned(),
            intro: "Answers to \"Overall, how was your experience of our service?\" on the service's feedback forms, \
                    and the shares positive and negative. No percentage is worked out from fewer than 10 answers."
                .to_owned(),
            chart,
            table: Table {
                id: "fft".to_owned(),
                caption: "Friends and Family Test answers by period".to_owned(),
                corner: "Answer".to_owned(),
                columns: columns.to_vec(),
                rows,
            },
        })
    }

    /// The comment themes most often tagged in the period reported, each across the periods: up to five of
    /// those whose count is published as a number, by that published count and then by name. A theme on fewer
    /// than 5 responses is not listed, as its place in the list or its being there at all would tell what
    /// "fewer than 5" hides.
    fn themes_section(
        published: &[PublishedPeriod],
        oldest_first: &[usize],
        columns: &[String],
        label: &dyn Fn(usize) -> String,
    ) -> Result<Section, AppError> {
        const TOP: usize = 5;
        let now = &published[0];
        // Chosen and ordered by the published counts only, then by name: only themes shown as a number, so
        // neither a theme's presence nor its place says anything a "fewer than 5" hides (tester, issue 18 F2:
        // themes listed by their true counts, each "fewer than 5", gave away 4, 3, 2 and 1).
        let mut ranked: Vec<(&str, i64)> =
            now.themes.iter().filter_map(|(theme, figure)| figure.chartable().map(|n| (theme.as_str(), n))).collect();
        ranked.sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| a.cmp(b)));
        let top: Vec<&str> = ranked.into_iter().take(TOP).map(|(t, _)| t).collect();
        let of = |p: &PublishedPeriod, theme: &str| {
            p.themes.iter().find(|(t, _)| t == theme).map(|(_, n)| *n).unwrap_or(Published::of(0))
        };
        let rows: Vec<(String, Vec<String>)> = top
            .iter()
            .map(|theme| ((*theme).to_owned(), oldest_first.iter().map(|&i| of(&published[i], theme).text()).collect()))
            .collect();
        let bars: Vec<(String, Published)> = top.iter().map(|t| ((*t).to_owned(), of(now, t))).collect();
        let what = format!("Responses tagged with each theme in {}", label(0));
        let chart = if bars.is_empty() {
            // No bars: one row saying so, rather than a chart with no rows.
            drawn(
                vec![("No theme on 5 or more responses".to_owned(), None)],
                "Responses",
                "none listed",
                format!("{what}: no theme on 5 or more responses."),
            )?
        } else {
            bar_chart(&bars, "Responses", &what)?
        };
        Ok(Section {
            heading: "Comment themes".to_owned(),
            intro: format!(
                "The themes staff tagged most often in comments in {}, with the responses carrying each (a response \
                 may carry several themes), ordered by the figures shown and then by name. Themes on fewer than 5 \
                 responses in {} are not listed: listing one would say it was tagged at least once. Only the themes \
                 are shown here, never the comments.",
                label(0),
                label(0)
            ),
            chart,
            table: Table {
                id: "themes".to_owned(),
                caption: "Responses tagged with each theme, by period".to_owned(),
                corner: "Theme".to_owned(),
                columns: columns.to_vec(),
                rows,
            },
        })
    }

    /// Participation's meetings, decisions and actions, and attendance by member type, in each period.
    fn meetings_section(
        published: &[PublishedPeriod],
        oldest_first: &[usize],
        columns: &[String],
        label: &dyn Fn(usize) -> String,
    ) -> Result<Section, AppError> {
        use crate::participation::types::MemberType;
        let across = |f: &dyn Fn(&PublishedPeriod) -> String| -> Vec<String> {
            oldest_first.iter().map(|&i| f(&published[i])).collect()
        };
        let mut rows: Vec<(String, Vec<String>)> = vec![
            ("Meetings held".to_owned(), across(&|p| p.counts.participation.meetings_held.to_string())),
            ("Meetings quorate".to_owned(), across(&|p| p.counts.participation.meetings_quorate.to_string())),
            ("Decisions recorded".to_owned(), across(&|p| p.counts.participation.decisions.to_string())),
            ("Actions opened".to_owned(), across(&|p| p.counts.participation.actions_opened.to_string())),
            ("Actions closed".to_owned(), across(&|p| p.counts.participation.actions_closed.to_string())),
            ("Actions overdue at the end".to_owned(), across(&|p| p.counts.participation.actions_overdue.to_string())),
            (
                "Median days to close an action".to_owned(),
                across(&|p| match p.counts.participation.median_days_to_close() {
                    Some(days) => format!("{days}"),
                    None => "none closed".to_owned(),
                }),
            ),
        ];
        for (i, kind) in MemberType::ALL.iter().enumerate() {
            rows.push((
                format!("Attendances: {} members", kind.label().to_lowercase()),
                across(&|p| p.attendance[i].text()),
            ));
        }
        rows.push(("Attendances in all".to_owned(), across(&|p| p.attendances.text())));
        let now = &published[0];
        let bars: Vec<(String, Published)> =
            MemberType::ALL.iter().enumerate().map(|(i, kind)| (kind.label().to_owned(), now.attendance[i])).collect();
        let chart =
            bar_chart(&bars, "Attendances", &format!("Members present at meetings by member type in {}", label(0)))?;
        Ok(Section {
            heading: "Meetings, decisions and actions".to_owned(),
            intro:
                "The service's groups' meetings held and quorate under each group's rule, the decisions recorded at \
                    them, actions opened, closed and overdue, and who was present (each member counted once per \
                    meeting)."
                    .to_owned(),
            chart,
            table: Table {
                id: "meetings".to_owned(),
                caption: "Meetings, decisions and actions by period".to_owned(),
                corner: "Figure".to_owned(),
                columns: columns.to_vec(),
                rows,
            },
        })
    }

    /// Partnership's panels and involvement payments in each period: panels sat and decided, the share with a
    /// lived-experience member, outcomes that departed from their scores, and the payment offers for the
    /// period's activities — made, accepted, declined and paid — with the people and the money (pence, shown
    /// as pounds; withheld with their people). Charted: the period's offers by what became of them.
    fn panels_and_payments_section(
        published: &[PublishedPeriod],
        oldest_first: &[usize],
        columns: &[String],
        label: &dyn Fn(usize) -> String,
    ) -> Result<Section, AppError> {
        let across = |f: &dyn Fn(&PublishedPeriod) -> String| -> Vec<String> {
            oldest_first.iter().map(|&i| f(&published[i])).collect()
        };
        let rows: Vec<(String, Vec<String>)> = vec![
            ("Interview panels sat and decided".to_owned(), across(&|p| p.counts.panels.panels.to_string())),
            (
                "Panels with a lived-experience member".to_owned(),
                across(&|p| p.counts.panels.with_lived_experience.to_string()),
            ),
            (
                "Share of panels with a lived-experience member".to_owned(),
                across(&|p| share_of(p.counts.panels.with_lived_experience, p.counts.panels.panels, "none sat")),
            ),
            (
                "Outcomes departing from the lived-experience scores".to_owned(),
                across(&|p| p.counts.panels.departures.to_string()),
            ),
            ("Payment offers made".to_owned(), across(&|p| p.payment_offers[0].text())),
            ("Offers accepted".to_owned(), across(&|p| p.payment_offers[1].text())),
            ("Offers declined".to_owned(), across(&|p| p.payment_offers[2].text())),
            ("Offers paid".to_owned(), across(&|p| p.payment_offers[3].text())),
            ("People offered payment".to_owned(), across(&|p| p.payment_people[0].text())),
            ("People who accepted payment".to_owned(), across(&|p| p.payment_people[1].text())),
            ("People paid".to_owned(), across(&|p| p.payment_people[2].text())),
            ("Amount offered".to_owned(), across(&|p| money(p.payment_money[0]))),
            ("Amount accepted".to_owned(), across(&|p| money(p.payment_money[1]))),
            ("Amount paid".to_owned(), across(&|p| money(p.payment_money[2]))),
        ];
        let now = &published[0];
        let bars: Vec<(String, Published)> = ["Made", "Accepted", "Declined", "Paid"]
            .into_iter()
            .zip(now.payment_offers)
            .map(|(name, figure)| (name.to_owned(), figure))
            .collect();
        let chart = bar_chart(
            &bars,
            "Payment offers",
            &format!("Involvement payment offers for activities in {}, by what became of them", label(0)),
        )?;
        Ok(Section {
            heading: "Panels and involvement payments".to_owned(),
            intro: "Interview panels that sat and were decided in the period, those with a lived-experience member \
                    (a patient or carer from the panel pool), and outcomes recorded with a reason for departing \
                    from the lived-experience members' scores. Involvement payments offered for the period's \
                    activities and what became of them so far: accepted (at the amount offered or a lower one), \
                    declined and paid. Panels are counts of things; offers are counted as people \
                    are (each is one person's), and people once per service; an amount is withheld when the people it went to are not shown. Expenses are not \
                    payments and are not counted here."
                .to_owned(),
            chart,
            table: Table {
                id: "payments".to_owned(),
                caption: "Panels and involvement payments by period".to_owned(),
                corner: "Figure".to_owned(),
                columns: columns.to_vec(),
                rows,
            },
        })
    }

    /// Checks access and builds the report: the page, its server function and its CSVs all come through here.
    /// `service_id` empty is the caller's first service; `all` is every service, for administrators, with the
    /// counts summed before suppression. Someone who may open no report is refused (403); a service they may
    /// not open is not found (404), as another service's records are.
    pub async fn report_for(
        pool: &sqlx::AnyPool,
        user: &SignedInUser,
        service_id: &str,
        choice: &str,
        from: &DateParts,
        to: &DateParts,
    ) -> Result<InvolvementReport, AppError> {
        let services = report_services(pool, user).await?;
        if services.is_empty() {
            return Err(AppError::Forbidden);
        }
        let (scope_id, scope_name, covered) = if service_id == ALL_SERVICES {
            if !user.is_admin {
                return Err(AppError::Forbidden);
            }
            (ALL_SERVICES.to_owned(), "All services".to_owned(), services)
        } else {
            let service = if service_id.is_empty() {
                services[0].clone()
            } else {
                services.into_iter().find(|s| s.id.as_str() == service_id).ok_or(AppError::NotFound)?
            };
            (service.id.to_string(), service.name.clone(), vec![service])
        };
        let periods = choose_periods(choice, from, to, crate::clock::today_date())?;
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        // The periods are independent reads: they run at once, each on its own pooled connection, so the
        // page waits for the slowest period rather than the sum of five (most of a period's time is waiting on
        // the database, which serves them side by side).
        let counts = futures::future::try_join_all(periods.iter().map(|&(start, end)| {
            let covered = &covered;
            async move {
                let mut sum = PeriodCounts { levels: [LevelTally::default(); 5], ..PeriodCounts::default() };
                for service in covered {
                    sum.add(&service_counts(pool, &service.id, start, end).await?);
                }
                Ok::<_, AppError>(sum)
            }
        }))
        .await?;
        let spans = periods
            .iter()
            .map(|&(start, end)| Span { from: day(start), to: day(end), label: label(start, end) })
            .collect();
        let mut report = assemble(scope_id, scope_name, spans, counts)?;
        report.fft_return = covered.iter().all(|s| crate::reports::fft_return::may_download(user, &s.id));
        report.may_choose_mail = crate::reports::monthly_mail::may_choose(pool, user).await?;
        report.monthly_mail = report.may_choose_mail && crate::reports::monthly_mail::chosen(pool, &user.id).await?;
        Ok(report)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn day(s: &str) -> NaiveDate {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
        }

        #[test]
        fn the_default_is_the_last_complete_quarter_and_the_four_before_it() {
            let none = DateParts::default();
            let periods = choose_periods("", &none, &none, day("2026-11-30")).unwrap();
            assert_eq!(periods[0], (day("2026-07-01"), day("2026-09-30")));
            assert_eq!(periods[4], (day("2025-07-01"), day("2025-09-30")));
            let years = choose_periods("fy-2025", &none, &none, day("2026-11-30")).unwrap();
            assert_eq!(years[0], (day("2025-04-01"), day("2026-03-31")));
            assert_eq!(years[1], (day("2024-04-01"), day("2025-03-31")));
            assert!(choose_periods("q-2026-08", &none, &none, day("2026-11-30")).is_err());
            assert!(choose_periods("nonsense", &none, &none, day("2026-11-30")).is_err());
            let empty = choose_periods("range", &none, &none, day("2026-11-30")).unwrap_err();
            assert_eq!(empty.field_errors()[0].field, "from_day", "no dates typed is a message, not this quarter");
        }

        #[test]
        fn payment_money_is_withheld_with_its_people_and_over_services_with_a_small_one() {
            let counts = PeriodCounts {
                payments: PaymentFigures {
                    offers: 9,
                    offered_pence: 22_500,
                    accepted: 7,
                    accepted_pence: 16_001,
                    paid: 3,
                    paid_pence: 7_500,
                    people_offered: 9,
                    people_accepted: 7,
                    people_paid: 3,
                    ..PaymentFigures::default()
                },
                ..PeriodCounts::default()
            };
            let alone = publish_period(counts.clone());
            assert_eq!(alone.payment_people, [Published::Count(10), Published::Count(5), Published::FewerThanFive]);
            assert_eq!(money(alone.payment_money[1]), "£160.01", "to the penny");
            assert_eq!(money(alone.payment_money[2]), "withheld", "paid to fewer than 5");
            // Summed with a service whose 2 people offered are fewer than 5: its offered money is in the sum.
            let mut all = PeriodCounts::default();
            all.payments.add(&counts.payments);
            all.payments.add(&PaymentFigures {
                offers: 2,
                offered_pence: 5_000,
                people_offered: 2,
                ..Default::default()
            });
            let all = publish_period(all);
            assert_eq!(all.payment_people[0], Published::Count(10));
            assert_eq!(money(all.payment_money[0]), "withheld", "£275.00 less £225.00 would give £50.00 away");
            assert_eq!(money(all.payment_money[1]), "£160.01");
            assert_eq!(share_of(1, 2, "none"), "50%");
            assert_eq!(share_of(2, 3, "none"), "67%");
            assert_eq!(share_of(0, 0, "none sat"), "none sat");
        }

        #[test]
        fn long_chart_labels_are_shortened_with_an_ellipsis() {
            assert_eq!(shortened("Waiting times", 18), "Waiting times");
            assert_eq!(shortened("=HYPERLINK(\"http://example/?\"&A1,\"Zoë café\")", 18), "=HYPERLINK(\"http:…");
            let chart =
                drawn(vec![("Communication with the team".to_owned(), Some(10))], "Responses", "none", "a".into())
                    .unwrap();
            assert!(chart.svg.contains("Communication wit…"), "{}", chart.svg);
            assert_eq!(chart.bars[0].0, "Communication with the team", "the PDF and the table keep it whole");
        }

        #[test]
        fn sentences_say_only_published_figures() {
            let mut counts = PeriodCounts::default();
            counts.levels[0] = LevelTally { activities: 2, patients: 40, carers: 3 };
            let now = publish_period(counts);
            let before = publish_period(PeriodCounts::default());
            let said = summary(&now, &before, "Jul to Sep 2026", "Apr to Jun 2026").join(" ");
            assert!(said.contains("fewer than 5 carers"), "{said}");
            assert!(!said.contains(" 3 "), "{said}");
            assert!(!said.contains("43"), "{said}");
        }
    }
}
