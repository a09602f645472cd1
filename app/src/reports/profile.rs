//! The continuum profile of a service for a period: per level, how many activities and how many patients and
//! carers were involved, and the change from the period before. Activities are counts of things and are shown
//! as they are; counts of people are published under the suppression rules, decided for each service and
//! period on its own (`decide_period`), and rounded to the nearest 5, so that two periods decided
//! apart (a quarter and two of its months, a month chosen on one visit and a quarter on the next) never
//! differ by 1 to 4 people, whatever dates are chosen.

use serde::{Deserialize, Serialize};

use crate::suppression::{Disclosure, Figure, Published, PublishedChange};
use crate::{accounts::types::ServiceSummary, ledger::types::ContinuumLevel};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRow {
    pub level: ContinuumLevel,
    pub activities: Published,
    pub people: Published,
    pub previous_activities: Published,
    pub previous_people: Published,
    pub activities_change: PublishedChange,
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
    pub total_people: Published,
    /// The highest level with any activity in the period.
    pub highest_level: Option<ContinuumLevel>,
    /// The chart as an SVG document, drawn on the server.
    pub chart_svg: String,
}

/// Raw counts for one period: (activities, people involved) per level, in `ContinuumLevel::ALL` order.
pub type LevelCounts = [(i64, i64); 5];

/// How one service's people are published for a period: per level, and in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedPeople {
    pub levels: [Published; 5],
    pub total: Published,
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
/// Returns each service's people, in the order given, and the trust's.
pub fn decide_period(services: &[LevelCounts]) -> (Vec<PublishedPeople>, PublishedPeople) {
    let decide = |levels: [i64; 5]| {
        let mut disclosure = Disclosure::new();
        let figures: [Figure; 5] = levels.map(|people| disclosure.people(people));
        let total = disclosure.people(levels.iter().sum());
        disclosure.sum(total, &figures);
        let decided = disclosure.decide();
        PublishedPeople { levels: figures.map(|f| decided.count(f)), total: decided.count(total) }
    };
    let published = services.iter().map(|counts| decide(counts.map(|(_, people)| people))).collect();
    let trust = decide(std::array::from_fn(|level| services.iter().map(|counts| counts[level].1).sum()));
    (published, trust)
}

/// The rows and totals of one service's profile: its counts now and before, with how its people were
/// published in each period's decision (`decide_period`).
pub fn publish(
    current: &LevelCounts,
    current_people: &PublishedPeople,
    previous: &LevelCounts,
    previous_people: &PublishedPeople,
) -> (Vec<ProfileRow>, Published, Published) {
    let rows = ContinuumLevel::ALL
        .into_iter()
        .enumerate()
        .map(|(i, level)| {
            let (now, before) = (current[i], previous[i]);
            let (people, previous_people) = (current_people.levels[i], previous_people.levels[i]);
            ProfileRow {
                level,
                activities: Published::of_things(now.0),
                people,
                previous_activities: Published::of_things(before.0),
                previous_people,
                activities_change: PublishedChange::Change(now.0 - before.0),
                people_change: PublishedChange::between(people, previous_people),
            }
        })
        .collect();
    let total_activities = Published::of_things(current.iter().map(|c| c.0).sum());
    (rows, total_activities, current_people.total)
}

impl ContinuumProfile {
    /// The profile as CSV, with the same suppression as the page.
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
            ]));
        }
        out.push_str(&row(&["Total".to_owned(), self.total_activities.text(), self.total_people.text()]));
        out.push_str(&row(&[
            "Counts of people from 0 to 4 are shown as \"fewer than 5\", other counts of people are rounded to the nearest 5 (so they may not add up), and other figures that would reveal a small count are withheld. Counts of activities are shown as they are. One person may be counted more than once (a person may answer a feedback form more than once, or take part in several activities).",
        ]));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_are_shown_as_they_are_and_people_are_suppressed_without_giving_each_other_away() {
        let current = [(20, 60), (8, 3), (6, 12), (0, 0), (1, 2)];
        let previous = [(18, 50), (8, 10), (2, 2), (0, 0), (0, 0)];
        let (now, before) = (decide_period(&[current]).0, decide_period(&[previous]).0);
        let (rows, activities, people) = publish(&current, &now[0], &previous, &before[0]);
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
        let first = [(1, 0), (3, 10), (0, 0), (0, 0), (0, 0)];
        let before = decide_period(&[first, [(0, 0), (1, 0), (0, 0), (0, 0), (0, 0)]]).0[0].clone();
        for small in 1..=6 {
            let second = [(0, 0), (1, small), (0, 0), (0, 0), (0, 0)];
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
        let first = [(1, 40), (2, 30), (0, 0), (0, 0), (0, 0)];
        let second = [(1, 20), (1, 3), (0, 0), (0, 0), (0, 0)];
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
}
