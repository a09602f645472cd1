//! The continuum profile of a service for a period: per level, how many activities and how many patients and
//! carers were involved, and the change from the period before; every figure published under the
//! suppression rules.

use serde::{Deserialize, Serialize};

use crate::suppression::{with_total, Published, PublishedChange};
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

/// Applies the suppression rules to two periods' counts.
pub fn publish(current: &LevelCounts, previous: &LevelCounts) -> (Vec<ProfileRow>, Published, Published) {
    let activity_cells: Vec<i64> = current.iter().map(|c| c.0).collect();
    let people_cells: Vec<i64> = current.iter().map(|c| c.1).collect();
    let (_, total_activities) = with_total(&activity_cells);
    let (_, total_people) = with_total(&people_cells);
    let rows = ContinuumLevel::ALL
        .into_iter()
        .zip(current.iter().zip(previous.iter()))
        .map(|(level, (now, before))| ProfileRow {
            level,
            activities: Published::of(now.0),
            people: Published::of(now.1),
            previous_activities: Published::of(before.0),
            previous_people: Published::of(before.1),
            activities_change: PublishedChange::between(now.0, before.0),
            people_change: PublishedChange::between(now.1, before.1),
        })
        .collect();
    (rows, total_activities, total_people)
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
            "Counts from 1 to 4 are shown as \"fewer than 5\"; totals and changes that would reveal them are withheld.",
        ]));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_is_withheld_when_a_level_is_suppressed_and_changes_follow_their_cells() {
        let current = [(20, 60), (8, 3), (6, 12), (0, 0), (1, 2)];
        let previous = [(18, 50), (8, 10), (2, 2), (0, 0), (0, 0)];
        let (rows, activities, people) = publish(&current, &previous);
        assert_eq!(activities, Published::Withheld, "Partnership's 1 activity is suppressed");
        assert_eq!(people, Published::Withheld);
        assert_eq!(rows[0].people_change, PublishedChange::Change(10));
        assert_eq!(rows[1].people, Published::FewerThanFive);
        assert_eq!(rows[1].people_change, PublishedChange::Withheld);
        assert_eq!(rows[2].activities_change, PublishedChange::Withheld, "the previous 2 would be revealed");
        assert_eq!(rows[3].activities, Published::Count(0));
    }
}
