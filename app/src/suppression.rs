//! Small-number suppression, as NHS statistics publish counts: no count from 1 to 4 is shown (it could
//! single out a person), and no figure is shown that would let someone work a suppressed count out.
//!
//! The rules, applied by every page and export that shows counts of people or activities:
//! - a count from 1 to 4 is published as "fewer than 5" (0 and 5 or more are shown as they are);
//! - a total over cells is withheld when any of its cells is suppressed, since the total minus the cells
//!   shown would reveal the suppressed ones (conservative: withheld even when two suppressed cells could
//!   only be bounded, not recovered);
//! - a change between two periods is withheld when either period's count is suppressed.

use serde::{Deserialize, Serialize};

/// Counts below this (and above zero) are never shown.
pub const SMALLEST_SHOWN: i64 = 5;

/// A count as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Published {
    Count(i64),
    /// 1 to 4.
    FewerThanFive,
    /// Not small itself, but it would reveal a suppressed count.
    Withheld,
}

impl Published {
    pub fn of(count: i64) -> Self {
        if (1..SMALLEST_SHOWN).contains(&count) {
            Published::FewerThanFive
        } else {
            Published::Count(count)
        }
    }

    pub fn is_suppressed(self) -> bool {
        !matches!(self, Published::Count(_))
    }

    /// How the count reads on a page and in a CSV cell.
    pub fn text(self) -> String {
        match self {
            Published::Count(n) => n.to_string(),
            Published::FewerThanFive => "fewer than 5".to_owned(),
            Published::Withheld => "withheld".to_owned(),
        }
    }

    /// The number a chart may draw: suppressed counts are drawn as nothing.
    pub fn chartable(self) -> Option<i64> {
        match self {
            Published::Count(n) => Some(n),
            _ => None,
        }
    }
}

/// Publishes cells and their total: the total is withheld when any cell is suppressed.
pub fn with_total(cells: &[i64]) -> (Vec<Published>, Published) {
    let published: Vec<Published> = cells.iter().map(|&c| Published::of(c)).collect();
    let total = if published.iter().any(|p| p.is_suppressed()) {
        Published::Withheld
    } else {
        Published::of(cells.iter().sum())
    };
    (published, total)
}

/// A change from one period to the next, as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublishedChange {
    Change(i64),
    Withheld,
}

impl PublishedChange {
    pub fn between(current: i64, previous: i64) -> Self {
        if Published::of(current).is_suppressed() || Published::of(previous).is_suppressed() {
            PublishedChange::Withheld
        } else {
            PublishedChange::Change(current - previous)
        }
    }

    pub fn text(self) -> String {
        match self {
            PublishedChange::Change(0) => "no change".to_owned(),
            PublishedChange::Change(n) if n > 0 => format!("up {n}"),
            PublishedChange::Change(n) => format!("down {}", -n),
            PublishedChange::Withheld => "withheld".to_owned(),
        }
    }

    /// The signed number for a CSV cell (`+3`, `-2`, `0`) or `withheld`.
    pub fn csv(self) -> String {
        match self {
            PublishedChange::Change(n) if n > 0 => format!("+{n}"),
            PublishedChange::Change(n) => n.to_string(),
            PublishedChange::Withheld => "withheld".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_to_four_are_published_as_fewer_than_five() {
        assert_eq!(Published::of(0), Published::Count(0));
        for n in 1..=4 {
            assert_eq!(Published::of(n), Published::FewerThanFive);
            assert_eq!(Published::of(n).text(), "fewer than 5");
        }
        assert_eq!(Published::of(5), Published::Count(5));
    }

    #[test]
    fn a_total_that_would_reveal_a_suppressed_cell_is_withheld() {
        let (cells, total) = with_total(&[12, 3, 0, 7, 9]);
        assert_eq!(cells[1], Published::FewerThanFive);
        assert_eq!(total, Published::Withheld, "31 - (12 + 0 + 7 + 9) would give the 3 away");
        let (_, total) = with_total(&[12, 0, 7]);
        assert_eq!(total, Published::Count(19));
    }

    #[test]
    fn a_small_total_of_unsuppressed_zeros_is_itself_suppressed() {
        let (_, total) = with_total(&[0, 0]);
        assert_eq!(total, Published::Count(0));
        assert_eq!(with_total(&[]).1, Published::Count(0));
    }

    #[test]
    fn a_change_is_withheld_when_either_period_is_suppressed() {
        assert_eq!(PublishedChange::between(10, 3), PublishedChange::Withheld, "10 - 7 would reveal the 3");
        assert_eq!(PublishedChange::between(2, 10), PublishedChange::Withheld);
        assert_eq!(PublishedChange::between(12, 9), PublishedChange::Change(3));
        assert_eq!(PublishedChange::between(0, 0).text(), "no change");
        assert_eq!(PublishedChange::between(5, 8).text(), "down 3");
        assert_eq!(PublishedChange::between(8, 5).csv(), "+3");
    }
}
