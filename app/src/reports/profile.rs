//! The continuum profile of a service for a period: per level, how many activities and how many patients and
//! carers were involved (patients and carers apart, and together), and the change from the period before.
//! Activities are counts of things and are shown as they are; counts of people are published under the
//! suppression rules, decided for each service and period on its own (`decide_period`), and rounded to the
//! nearest 5, so that two periods decided apart (a quarter and two of its months, a month chosen on one visit
//! and a quarter on the next) never differ by 1 to 4 people, whatever dates are chosen.
//!
//! Carers are counted apart wherever the ledger records them, and for feedback responses only where a form
//! asks "Who is answering?" (`consultation::api::responses_received`): a response to a form that does not ask,
//! or left unanswered, counts as a patient's; one answered "Someone else" is counted as neither.

use serde::{Deserialize, Serialize};

use crate::suppression::{Disclosure, Figure, Published, PublishedChange};
use crate::{accounts::types::ServiceSummary, ledger::types::ContinuumLevel};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRow {
    pub level: ContinuumLevel,
    pub activities: Published,
    /// Patients and carers together.
    pub people: Published,
    pub patients: Published,
    pub carers: Published,
    pub previous_activities: Published,
    pub previous_people: Published,
    pub previous_patients: Published,
    pub previous_carers: Published,
    pub activities_change: PublishedChange,
    /// The change in patients and carers together.
    pub people_change: PublishedChange,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContinuumProfile {
    pub service: ServiceSummary,
    /// Inclusive, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    /// From Information up to Partnership.
    pub rows: Vec<ProfileRow>,
    pub total_activities: Published,
    /// Patients and carers together, at every level.
    pub total_people: Published,
    pub total_patients: Published,
    pub total_carers: Published,
    /// The highest level with any activity in the period.
    pub highest_level: Option<ContinuumLevel>,
    /// The chart as an SVG document, drawn on the server.
    pub chart_svg: String,
}

/// Raw counts for one level and period, before suppression.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelTally {
    /// Activities: counts of things.
    pub activities: i64,
    /// Times patients took part (the ledger's patients, and feedback responses not from carers or others).
    pub patients: i64,
    /// Times carers took part (the ledger's carers, and feedback responses answered "A carer").
    pub carers: i64,
}

impl LevelTally {
    /// Patients and carers together.
    pub fn people(&self) -> i64 {
        self.patients + self.carers
    }
}

/// Raw counts for one period, per level in `ContinuumLevel::ALL` order.
pub type LevelCounts = [LevelTally; 5];

/// How one service's people are published for a period: per level, and in all; patients and carers
/// together (`levels`, `total`) and apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedPeople {
    /// Patients and carers together, per level.
    pub levels: [Published; 5],
    pub patients: [Published; 5],
    pub carers: [Published; 5],
    /// Patients and carers together, at every level.
    pub total: Published,
    pub total_patients: Published,
    pub total_carers: Published,
}

/// Decides how a period's counts of people are published for each service of the trust, and for the trust,
/// **each on its own**: one service's figures depend on nothing but its own counts, so a reader of one
/// service (a steering member, say) learns nothing of another's from whether their own figures are withheld.
/// (Deciding every service together once let a service's figures be withheld because of another's small
/// count, which told that service's readers the other's count.) A trust total less the other services'
/// figures cannot reveal one service's small count either: every count is rounded to the nearest 5 and 0 to 4
/// read "fewer than 5", so the difference is a range, never one number. Activities are counts of things and
/// are not suppressed.
///
/// Within one service's period, every figure of people the profile prints is one disclosure, with the sums
/// that tie them: each level's people are its patients and its carers; each column's total is its levels; the
/// total of people is the total patients and the total carers. So a small number of carers cannot be worked
/// out as a level's people less its patients, nor as a total less the other levels.
///
/// Returns each service's people, in the order given, and the trust's.
pub fn decide_period(services: &[LevelCounts]) -> (Vec<PublishedPeople>, PublishedPeople) {
    let decide = |levels: &LevelCounts| {
        let mut disclosure = Disclosure::new();
        let patients: [Figure; 5] = levels.map(|l| disclosure.people(l.patients));
        let carers: [Figure; 5] = levels.map(|l| disclosure.people(l.carers));
        let people: [Figure; 5] = levels.map(|l| disclosure.people(l.people()));
        for level in 0..5 {
            disclosure.sum(people[level], &[patients[level], carers[level]]);
        }
        let total_patients = disclosure.people(levels.iter().map(|l| l.patients).sum());
        disclosure.sum(total_patients, &patients);
        let total_carers = disclosure.people(levels.iter().map(|l| l.carers).sum());
        disclosure.sum(total_carers, &carers);
        let total = disclosure.people(levels.iter().map(LevelTally::people).sum());
        disclosure.sum(total, &people);
        disclosure.sum(total, &[total_patients, total_carers]);
        let decided = disclosure.decide();
        PublishedPeople {
            levels: people.map(|f| decided.count(f)),
            patients: patients.map(|f| decided.count(f)),
            carers: carers.map(|f| decided.count(f)),
            total: decided.count(total),
            total_patients: decided.count(total_patients),
            total_carers: decided.count(total_carers),
        }
    };
    let published = services.iter().map(decide).collect();
    let trust: LevelCounts = std::array::from_fn(|level| LevelTally {
        activities: services.iter().map(|counts| counts[level].activities).sum(),
        patients: services.iter().map(|counts| counts[level].patients).sum(),
        carers: services.iter().map(|counts| counts[level].carers).sum(),
    });
    (published, decide(&trust))
}

/// The rows and activities of one service's profile: its counts now and before, with how its people were
/// published in each period's decision (`decide_period`).
pub fn publish(
    current: &LevelCounts,
    current_people: &PublishedPeople,
    previous: &LevelCounts,
    previous_people: &PublishedPeople,
) -> (Vec<ProfileRow>, Published) {
    let rows = ContinuumLevel::ALL
        .into_iter()
        .enumerate()
        .map(|(i, level)| {
            let (now, before) = (current[i].activities, previous[i].activities);
            let (people, previous) = (current_people.levels[i], previous_people.levels[i]);
            ProfileRow {
                level,
                activities: Published::of_things(now),
                people,
                patients: current_people.patients[i],
                carers: current_people.carers[i],
                previous_activities: Published::of_things(before),
                previous_people: previous,
                previous_patients: previous_people.patients[i],
                previous_carers: previous_people.carers[i],
                activities_change: PublishedChange::Change(now - before),
                people_change: PublishedChange::between(people, previous),
            }
        })
        .collect();
    let total_activities = Published::of_things(current.iter().map(|c| c.activities).sum());
    (rows, total_activities)
}

impl ContinuumProfile {
    /// The CSV's file name: the service and the period, as every export's name says them
    /// (`continuum-profile-cas-day-service-2026-07-01-to-2026-09-30.csv`).
    pub fn csv_file_name(&self) -> String {
        crate::csv::file_name(&["continuum-profile", &self.service.name, &self.from, "to", &self.to])
    }

    /// The profile as CSV, with the same suppression as the page. The first seven columns are as they were
    /// before patients and carers were published apart (so spreadsheets built on them still read them); the
    /// patients and carers apart follow.
    pub fn to_csv(&self) -> String {
        use crate::csv::row;
        let mut out = String::new();
        out.push_str(&row(&["Continuum profile", &self.service.name]));
        out.push_str(&row(&["Period", &self.from, &self.to]));
        out.push_str(&row(&["Previous period", &self.previous_from, &self.previous_to]));
        out.push_str(&row(&[
            "Level",
            "Activities",
            "Patients and carers involved",
            "Activities in previous period",
            "Patients and carers in previous period",
            "Change in activities",
            "Change in patients and carers",
            "Patients",
            "Carers",
            "Patients in previous period",
            "Carers in previous period",
        ]));
        for r in &self.rows {
            out.push_str(&row(&[
                r.level.label().to_owned(),
                r.activities.text(),
                r.people.text(),
                r.previous_activities.text(),
                r.previous_people.text(),
                r.activities_change.csv(),
                r.people_change.csv(),
                r.patients.text(),
                r.carers.text(),
                r.previous_patients.text(),
                r.previous_carers.text(),
            ]));
        }
        out.push_str(&row(&[
            "Total".to_owned(),
            self.total_activities.text(),
            self.total_people.text(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            self.total_patients.text(),
            self.total_carers.text(),
        ]));
        out.push_str(&row(&[
            "Counts of people from 0 to 4 are shown as \"fewer than 5\", other counts of people are rounded to the nearest 5 (so they may not add up), and other figures that would reveal a small count are withheld. Counts of activities are shown as they are. One person may be counted more than once (a person may answer a feedback form more than once, or take part in several activities).",
        ]));
        out.push_str(&row(&[CARERS_COUNTED_APART]));
        out.push_str(&row(&[FEEDBACK_COUNTED_ONCE]));
        out
    }
}

/// What the page and the CSV say about feedback forms: an answer is counted once, from the responses, and a
/// feedback-form activity recorded by hand is for paper forms that were not typed in (the rule the ledger
/// holds: `ledger::api::SourceKind::people_counted_by_report`).
pub const FEEDBACK_COUNTED_ONCE: &str = "A feedback form opened in Continuum counts as one activity, and its people are its responses (online, or typed in from paper), counted in the period they were received. A feedback-form activity recorded by hand in the ledger counts paper forms that were not typed into Continuum, so no answer is counted twice.";

/// What the page and the CSV say about how carers are counted.
pub const CARERS_COUNTED_APART: &str = "Carers are counted apart from patients where an activity records them, and for feedback only where a form asks \"Who is answering?\": a response to a form that does not ask, or that leaves it unanswered, is counted as a patient's, and one answered \"Someone else\" is counted as neither.";

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts of (activities, patients) per level, with no carers.
    fn patients_only(levels: [(i64, i64); 5]) -> LevelCounts {
        levels.map(|(activities, patients)| LevelTally { activities, patients, carers: 0 })
    }

    #[test]
    fn activities_are_shown_as_they_are_and_people_are_suppressed_without_giving_each_other_away() {
        let current = patients_only([(20, 60), (8, 3), (6, 12), (0, 0), (1, 2)]);
        let previous = patients_only([(18, 50), (8, 10), (2, 2), (0, 0), (0, 0)]);
        let (now, before) = (decide_period(&[current]).0, decide_period(&[previous]).0);
        let (rows, activities) = publish(&current, &now[0], &previous, &before[0]);
        let people = now[0].total;
        assert_eq!(activities, Published::Count(35), "activities are things, not people");
        assert_eq!(rows[4].activities, Published::Count(1));
        assert_eq!(rows[1].people, Published::FewerThanFive);
        assert_eq!(rows[4].people, Published::FewerThanFive);
        assert_eq!(
            people,
            Published::Count(75),
            "77, rounded; 3 and 2 hidden together add up to 5, which pins neither"
        );
        assert_eq!(rows[0].people_change, PublishedChange::Change(10));
        assert_eq!(rows[1].people_change, PublishedChange::Withheld);
        assert_eq!(rows[2].activities_change, PublishedChange::Change(4));
        assert_eq!(rows[2].people_change, PublishedChange::Withheld, "the previous 2 would be revealed");
    }

    #[test]
    fn a_service_is_published_from_its_own_counts_alone() {
        // A reader of the first service only must learn nothing of the second from whether their own figures
        // are withheld: as the second's small count changes, the first service's figures do not.
        let first = patients_only([(1, 0), (3, 10), (0, 0), (0, 0), (0, 0)]);
        let before = decide_period(&[first, patients_only([(0, 0), (1, 0), (0, 0), (0, 0), (0, 0)])]).0[0].clone();
        for small in 1..=6 {
            let second = patients_only([(0, 0), (1, small), (0, 0), (0, 0), (0, 0)]);
            assert_eq!(decide_period(&[first, second]).0[0], before, "second service with {small}");
        }
    }

    #[test]
    fn zero_is_in_the_band_so_overlapping_ranges_pin_nothing() {
        // Four days with one response each and a day with none: each day and the five together read the same,
        // so "fewer than 5" never says "at least 1" and the days cannot be pinned at 1 each.
        let days = [1, 1, 0, 1, 1];
        let published: Vec<Published> = days.iter().map(|&n| Published::of(n)).collect();
        assert!(published.iter().all(|p| *p == Published::FewerThanFive));
        assert_eq!(Published::of(days.iter().sum()), Published::FewerThanFive);
    }

    #[test]
    fn one_service_is_not_revealed_by_the_trust_less_the_others() {
        // Consultation: 30 people at the first service, 3 at the second: the trust's 33 less 30 gives 3.
        let first = patients_only([(1, 40), (2, 30), (0, 0), (0, 0), (0, 0)]);
        let second = patients_only([(1, 20), (1, 3), (0, 0), (0, 0), (0, 0)]);
        let (services, trust) = decide_period(&[first, second]);

        let shown = |p: Published| p.chartable();
        let (first, second) = (&services[0], &services[1]);
        assert_eq!(second.levels[1], Published::FewerThanFive);
        let differences = [
            (shown(second.total), shown(second.levels[0])),
            (shown(trust.levels[1]), shown(first.levels[1])),
            (shown(trust.total), shown(trust.levels[0])),
        ];
        for (whole, part) in differences {
            if let (Some(whole), Some(part)) = (whole, part) {
                assert_ne!(whole - part, 3, "{services:?} {trust:?}");
            }
        }
        if let (Some(a), Some(b), Some(c)) = (shown(trust.total), shown(first.total), shown(second.levels[0])) {
            assert_ne!(a - b - c, 3, "the trust less the first service less the second's Information");
        }
    }

    #[test]
    fn carers_are_published_apart_and_a_few_cannot_be_worked_out_from_the_level_or_the_total() {
        // Consultation: 40 patients and 3 carers. 43 people less 40 patients would give the 3 carers away.
        let tally = |activities, patients, carers| LevelTally { activities, patients, carers };
        let current = [tally(2, 30, 10), tally(1, 40, 3), tally(0, 0, 0), tally(0, 0, 0), tally(0, 0, 0)];
        let people = &decide_period(&[current]).0[0];
        assert_eq!(people.carers[1], Published::FewerThanFive);
        assert_eq!(people.levels[0], Published::Count(40), "Information's people need not be withheld");
        let shown = |p: Published| p.chartable();
        let pairs = [
            (people.levels[1], people.patients[1]),
            (people.total_carers, people.carers[0]),
            (people.total, people.total_patients),
        ];
        for (whole, part) in pairs {
            if let (Some(whole), Some(part)) = (shown(whole), shown(part)) {
                assert!(!(1..=4).contains(&(whole - part)), "{people:?}");
            }
        }
        // A reader who knows what each published figure stands for (45 is 43 to 47, "fewer than 5" 0 to 4,
        // "withheld" 5 or more) still finds more than one number of carers that fits both the level's row
        // and the carers' column.
        let range = |p: Published| match p {
            Published::Count(5) => 5..=7,
            Published::Count(n) => n - 2..=n + 2,
            Published::FewerThanFive => 0..=4,
            Published::Withheld => 5..=200,
        };
        let others = [0, 2, 3, 4].map(|level| range(people.carers[level]));
        let (least, most) = (others.iter().map(|r| *r.start()).sum::<i64>(), others.iter().map(|r| *r.end()).sum());
        let fits = |carers: i64| {
            let row = range(people.levels[1]).any(|n| range(people.patients[1]).contains(&(n - carers)));
            let column = range(people.total_carers).any(|t| (least..=most).contains(&(t - carers)));
            row && column
        };
        let possible: Vec<i64> = (0..=4).filter(|&c| fits(c)).collect();
        assert!(possible.contains(&3) && possible.len() >= 2, "{possible:?} from {people:?}");
    }

    #[test]
    fn no_carers_anywhere_withholds_nothing_more_than_before() {
        // Zero carers read "fewer than 5" and pin nothing: the patients and the people are shown.
        let current = patients_only([(3, 40), (2, 12), (0, 0), (0, 0), (0, 0)]);
        let people = &decide_period(&[current]).0[0];
        assert_eq!(people.carers, [Published::FewerThanFive; 5]);
        assert_eq!(people.levels[0], Published::Count(40));
        assert_eq!(people.patients[1], Published::Count(10));
        assert_eq!(people.total, Published::Count(50), "52, rounded");
    }
}
