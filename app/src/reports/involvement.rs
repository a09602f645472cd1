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
//! Sections for what has not landed yet (decisions and actions, "you said, we did", volunteers, panels and
//! payments) are seams: [`Seam`]s that say they appear when their capability lands.

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
    /// The chart as an SVG document, drawn on the server.
    pub chart_svg: String,
    /// The chart's text alternative: the figures it draws, in words.
    pub chart_alt: String,
    pub table: Table,
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
pub const SMALL_NUMBERS: &str = "To protect privacy, counts of patients and carers from 0 to 4 are shown as \"fewer than 5\", other counts of people are rounded to the nearest 5 (so they may not add up), and other figures that would let a small count be worked out are withheld. Counts of things (activities, meetings, leaflets, focus groups) are shown as they are. People are counted each time they took part, so one person may be counted more than once.";

impl InvolvementReport {
    /// The period reported.
    pub fn period(&self) -> Option<&Span> {
        self.periods.first()
    }

    /// The table named `id`, if the report has one.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.sections.iter().map(|s| &s.table).find(|t| t.id == id)
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
        accounts::{
            access::SignedInUser,
            types::{Role, ServiceSummary},
        },
        consultation::api::ResponsesReceived,
        dates::DateParts,
        error::AppError,
        ledger::types::{ActivityKind, ContinuumLevel},
        reports::profile::{decide_period, LevelCounts, LevelTally, PublishedPeople},
        suppression::{Disclosure, Published, PublishedChange},
    };

    /// Whether this person may open a service's involvement report: its managers (and administrators), and
    /// members of its steering group, who see the same aggregate figures (the report holds no comment text).
    pub fn sees_report_of(user: &SignedInUser, service_id: &crate::accounts::types::ServiceId) -> bool {
        user.manages(service_id) || user.has_role_in(service_id, Role::SteeringMember)
    }

    /// The services whose report this person may open.
    pub async fn report_services(pool: &sqlx::AnyPool, user: &SignedInUser) -> Result<Vec<ServiceSummary>, AppError> {
        let all = crate::accounts::access::all_services(pool).await?;
        Ok(all.into_iter().filter(|s| sees_report_of(user, &s.id)).collect())
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
        }

        /// Activities of `kind` at `level`.
        fn of_kind(&self, level: ContinuumLevel, kind: ActivityKind) -> i64 {
            self.kinds.iter().filter(|(l, k, _)| *l == level && *k == kind).map(|(_, _, n)| n).sum()
        }

        fn activities(&self, level: ContinuumLevel) -> i64 {
            self.levels[index(level)].activities
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
        let levels = crate::reports::server::level_counts(pool, service, from, to).await?;
        let kinds = crate::ledger::api::count_by_kind(pool, service, &first, &until)
            .await?
            .into_iter()
            .map(|k| (k.level, k.kind, k.activities))
            .collect();
        let responses = crate::consultation::api::responses_received(pool, service, &first, &until).await?;
        let inclusion = crate::inclusion::api::figures(pool, service, &first, &until).await?;
        Ok(PeriodCounts { levels, kinds, responses, inclusion })
    }

    /// How one period's counts of people are published.
    #[derive(Clone, Debug)]
    pub struct PublishedPeriod {
        pub counts: PeriodCounts,
        pub people: PublishedPeople,
        /// Feedback responses from patients, carers, someone else, and in all.
        pub responses: [Published; 4],
        /// Inclusion's counts of people: active volunteers, and lived-experience roles filled.
        pub volunteers: [Published; 2],
    }

    /// Decides a period's counts of people as a whole: the profile's decision for the levels
    /// (`decide_period`), and the responses by who answered with their total as one more disclosure.
    pub fn publish_period(counts: PeriodCounts) -> PublishedPeriod {
        let (decided, _) = decide_period(std::slice::from_ref(&counts.levels));
        let people = decided.into_iter().next().unwrap_or_else(|| decide_period(&[]).1);
        let r = counts.responses;
        let mut disclosure = Disclosure::new();
        let parts = [r.patients, r.carers, r.someone_else].map(|n| disclosure.people(n));
        let total = disclosure.people(r.patients + r.carers + r.someone_else);
        disclosure.sum(total, &parts);
        let decided = disclosure.decide();
        let responses =
            [decided.count(parts[0]), decided.count(parts[1]), decided.count(parts[2]), decided.count(total)];
        // Inclusion's people: two counts of their own, neither a part of the other nor of any total shown.
        let mut disclosure = Disclosure::new();
        let i = counts.inclusion;
        let figures = [i.active_volunteers, i.lived_experience_roles_filled].map(|n| disclosure.people(n));
        let decided = disclosure.decide();
        let volunteers = [decided.count(figures[0]), decided.count(figures[1])];
        PublishedPeriod { counts, people, responses, volunteers }
    }

    /// "40 patients", "fewer than 5 carers", "a withheld number of patients".
    fn people_phrase(figure: Published, noun: &str) -> String {
        match figure {
            Published::Count(n) => format!("{n} {noun}"),
            Published::FewerThanFive => format!("fewer than 5 {noun}"),
            Published::Withheld => format!("a withheld number of {noun}"),
        }
    }

    fn things(n: i64, one: &str, many: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// The summary sentences, made from the published figures only (`now` and `before`, the period before).
    pub fn summary(now: &PublishedPeriod, before: &PublishedPeriod, period: &str, previous: &str) -> Vec<String> {
        let activities: i64 = now.counts.levels.iter().map(|l| l.activities).sum();
        let mut sentences = vec![format!(
            "In {period}, {} and {} were involved in {}.",
            people_phrase(now.people.total_patients, "patients"),
            people_phrase(now.people.total_carers, "carers"),
            things(activities, "activity", "activities"),
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
        sentences
    }

    /// A chart of one row of figures per period (oldest at the top) and its text alternative.
    fn chart(rows: &[(String, Published)], axis: &str, what: &str) -> Result<(String, String), AppError> {
        let bars: Vec<(&str, Option<i64>)> = rows.iter().map(|(l, p)| (l.as_str(), p.chartable())).collect();
        let svg = crate::chart::horizontal_bars(&bars, axis, "fewer than 5")
            .map_err(|e| AppError::internal("involvement chart", e))?;
        let said: Vec<String> = rows.iter().map(|(l, p)| format!("{l}: {}", p.text())).collect();
        Ok((svg, format!("{what}. {}.", said.join("; "))))
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
        let (chart_svg, chart_alt) = chart(
            &bars,
            "Patients and carers",
            &format!("Patients and carers involved at each level in {}", label(0)),
        )?;
        sections.push(Section {
            heading: "Involvement at each level".to_owned(),
            intro: "Activities, and the patients and carers who took part, at each level of the continuum.".to_owned(),
            chart_svg,
            chart_alt,
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
        let (chart_svg, chart_alt) =
            chart(&bars, "Patients and carers", "Patients and carers involved in each period")?;
        sections.push(Section {
            heading: "Trend over five periods".to_owned(),
            intro: "Patients and carers involved at each level in this period and the four before it.".to_owned(),
            chart_svg,
            chart_alt,
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
            let (chart_svg, chart_alt) = chart(
                &bars,
                "Patients and carers",
                &format!("Patients and carers involved at {} in each period", level.label()),
            )?;
            Ok(Section {
                heading: format!("{}. {}", level.rung(), level.label()),
                intro: intro.to_owned(),
                chart_svg,
                chart_alt,
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
            Vec::new(),
        )?);
        let responses = vec![
            ("Feedback responses from patients".to_owned(), across(&|p| p.responses[0].text())),
            ("Feedback responses from carers".to_owned(), across(&|p| p.responses[1].text())),
            ("Feedback responses from someone else".to_owned(), across(&|p| p.responses[2].text())),
            ("Feedback responses in all".to_owned(), across(&|p| p.responses[3].text())),
        ];
        sections.push(level_section(
            ContinuumLevel::Consultation,
            "consultation",
            "Views sought from patients and carers: feedback forms and the responses they received (by who answered, \
             where a form asks), and focus groups. Patients and carers count each response and each person at a \
             focus group or other activity.",
            &[(ActivityKind::FeedbackForm, "Feedback forms opened"), (ActivityKind::FocusGroup, "Focus groups held")],
            "Other consultation activities",
            responses,
        )?);
        sections.push(level_section(
            ContinuumLevel::Participation,
            "participation",
            "Patients and carers shaping the service: steering group meetings held, and the patients and carers at \
             them and at other participation activities.",
            &[(ActivityKind::SteeringGroupMeeting, "Steering group meetings held")],
            "Other participation activities",
            Vec::new(),
        )?);
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
            (
                "Approved volunteer hours".to_owned(),
                across(&|p| crate::inclusion::hours::types::hours_figure(p.counts.inclusion.approved_quarter_hours)),
            ),
            ("Active volunteers (with approved hours)".to_owned(), across(&|p| p.volunteers[0].text())),
            ("Lived-experience roles filled".to_owned(), across(&|p| p.volunteers[1].text())),
        ];
        sections.push(level_section(
            ContinuumLevel::Inclusion,
            "inclusion",
            "Patients helping to deliver the service: volunteers appointed to roles (each appointment is one \
             activity, with its volunteer) and co-delivered sessions, as the ledger records them; every session \
             of the service's courses held and the share co-delivered with a co-facilitator with lived \
             experience; volunteer hours approved (by the day they were given); volunteers with approved hours; \
             and lived-experience roles filled at the period's end.",
            &[
                (ActivityKind::VolunteerRole, "Volunteers appointed"),
                (ActivityKind::CoDeliveredSession, "Co-delivered sessions"),
            ],
            "Other inclusion activities",
            inclusion,
        )?);
        sections.push(level_section(
            ContinuumLevel::Partnership,
            "partnership",
            "Patients sharing decisions, as the ledger records it today: interview panels and other shared decisions.",
            &[(ActivityKind::InterviewPanel, "Interview panels sat")],
            "Other partnership activities",
            Vec::new(),
        )?);
        let seam = |heading: &str, text: &str| Seam { heading: heading.to_owned(), text: text.to_owned() };
        let seams = vec![
            seam(
                "Feedback results",
                "The Friends and Family Test's positive and negative shares with their trend, responses by channel and \
                 the top comment themes appear here when consultation publishes them for reports.",
            ),
            seam(
                "Meetings, decisions and actions",
                "Meetings quorate, attendance by member type, patient and carer representation, decisions, and actions \
                 opened, closed and overdue with the median days to close appear here when participation's minutes, \
                 decisions and actions land.",
            ),
            seam(
                "You said, we did",
                "How many \"you said, we did\" items were published appears here when the board lands.",
            ),
            seam(
                "Panels and payments",
                "Panels sat with a lived-experience member, outcomes that departed from their scores, and involvement \
                 payments appear here when partnership lands.",
            ),
        ];
        Ok(InvolvementReport { scope_id, scope_name, periods: spans, summary, sections, seams })
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
        let mut spans = Vec::new();
        let mut counts = Vec::new();
        for (start, end) in periods {
            let mut sum = PeriodCounts { levels: [LevelTally::default(); 5], ..PeriodCounts::default() };
            for service in &covered {
                sum.add(&service_counts(pool, &service.id, start, end).await?);
            }
            spans.push(Span { from: day(start), to: day(end), label: label(start, end) });
            counts.push(sum);
        }
        assemble(scope_id, scope_name, spans, counts)
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
