//! Small-number suppression, as NHS statistics publish counts of people: no count from 1 to 4 is shown (it
//! could single out a person), every other count of people is rounded to the nearest 5, no percentage is
//! worked out from fewer than 10, and no figure is shown that would let someone work a suppressed count out
//! again.
//!
//! Suppression is decided for a page or an export **as a whole** ([`Disclosure`]): every figure it prints —
//! in any table, chart, sentence, percentage or CSV cell — is put in once, with the sums that tie figures
//! together (a month table and a channel table share their total; a question's answers add up to the people
//! who answered it; a trust's figure is the sum of its services'). Then [`Disclosure::decide`] decides once:
//! - **primary suppression**: a count of people from 0 to 4 is published as "fewer than 5" (0 too, so that
//!   "fewer than 5" never tells a reader "at least 1": with it, a few overlapping ranges could pin a count);
//! - **secondary (complementary) suppression**: further figures are "withheld" until no suppressed count of 1
//!   to 4 can be worked out to one value from what is shown, nor the count of a group of suppressed cells of
//!   one sum when it is from 1 to 4. The audit reasons as a reader who knows the rules does: a shown count is
//!   its rounded value within 2 (and at least 5), "fewer than 5" is 0 to 4, "withheld" at least 5; it narrows
//!   these ranges through every sum of the page until nothing narrows (bounds propagation, which for one sum,
//!   and for sums that form a tree as a page's tables do, gives the tightest ranges there are). So 9 responses
//!   with 8 "Yes" show "Yes 10" beside a total of 10 (the Unsure is anywhere from 0 to 4), while two "fewer
//!   than 5" making up a total of 8 (published as 10, so at least 8) would be pinned at 4 each, and the total
//!   is withheld. Each time, the smallest figure that leaves less to work out is withheld (so a small
//!   category costs a neighbouring cell rather than a total and every percentage of it), and a withheld
//!   figure that turns out not to be needed is shown again. (An earlier audit treated every shown figure as
//!   exact, and withheld far more than rounding needs: a level of 75 to 110 people beside a small one.)
//! - **rounding**: every count of people that is shown (5 or more) is published rounded to the nearest 5
//!   ([`rounded`]; 5 to 7 are "5", 8 to 12 are "10"), so the published figures of a page need not add up;
//! - a figure **about** fewer than 5 people (their hours, money, attendance) is withheld with their count
//!   ([`Disclosure::about`]), and so is one about a count that is withheld: a measure that belongs to people
//!   (volunteers' hours, payments' money) is never published when the people behind it are suppressed, since
//!   "0 hours" or "4.5 hours" beside "fewer than 5" volunteers says whether anyone volunteered; and a count of
//!   things that are one person each (appointments to a role, payments to people) is a count of people;
//! - a percentage is shown only when both its count and the count it is a share of are shown, and the latter
//!   is at least 10; it is worked out from the two counts as published, rounded ([`PublishedShare`]), and never
//!   reads 0% or 100% unless it is exactly that (a part published as its whole is "all, or all but fewer than
//!   5"); no percentage, order of a list, presence in it or sentence may say more than the published counts; a
//!   change
//!   between periods only when both periods' counts are shown, as the difference of the two published counts
//!   ([`PublishedChange`]).
//!
//! **Why rounding: views decided apart.** A disclosure covers what is decided together, but one person can
//! open many views: a profile for a quarter and for two of its months, a form's results for March–April and
//! for March, one channel and all of them, on one visit and on the next when more has been recorded, as pages
//! and as CSV. Any two of them may differ by a small number of people (Q3 less July–August is September).
//! Every published count of people is a multiple of 5, or "fewer than 5", or "withheld", whatever view it is
//! in, so **the difference of any two published counts is a multiple of 5: never 1 to 4**; and a published
//! count says only that the true one is within 2 of it, so a difference of two of them leaves a range, never
//! one number (two counts published as 10 and 15 differ by anything from 1 to 9). This holds for any
//! range of dates, so reports over "any range" need no fixed grid of periods. The rule is NHS Digital's
//! disclosure control for Hospital Episode Statistics and the Emergency Care Data Set (from September 2018,
//! since adopted for its SRHAD and NCMP publications): counts about people below national
//! level are rounded to the nearest 5 after small ones are suppressed, percentages are worked out from the
//! rounded numerator and denominator, and values not about people (a count of providers) are not controlled.
//! NHS Digital suppresses 1 to 7 and adopted rounding instead of secondary suppression because it holds
//! across separate releases; Continuum keeps its promise of "fewer than 5" for 1 to 4 (so "5" is 5 to 7) and
//! keeps its secondary suppression within each page as well.
//!
//! Counts of things (activities, meetings, pages, panels, leaflets) are not counts of people: they are
//! published as they are ([`Published::of_things`]) and never go into a disclosure.
//!
//! The limits, stated in the README too: bounds propagation can be looser than the integer programme for sums
//! that cross (a two-way table with both margins), which no page has today. Across views, rounding guarantees that no two figures subtract to a
//! number of 1 to 4; a reader who lines up many overlapping ranges (day by day) can narrow a count to a
//! smaller range than one pair gives, as with any rounded statistics. Figures *about* people (hours, money)
//! are not rounded, so two views' hours can differ by the hours of a few people: publish them on a fixed
//! grid of periods, or only with their count of people of 5 or more in every view.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Counts below this (and above zero) are never shown.
pub const SMALLEST_SHOWN: i64 = 5;

/// Percentages are worked out only from this many up.
pub const FEWEST_FOR_PERCENTAGES: i64 = 10;

/// Counts of people of 5 or more are published rounded to the nearest multiple of this.
pub const ROUNDED_TO: i64 = 5;

/// `count` rounded to the nearest multiple of [`ROUNDED_TO`] (an integer is never half way: 7 is 5, 8 is 10).
/// Applied to every count of people that is published (not to counts of things), so that the difference of
/// any two published counts, from any two views, is a multiple of 5 and never 1 to 4. Source: NHS Digital,
/// "Disclosure control methodology for Hospital Episode Statistics (HES) and Emergency Care Data Set (ECDS)",
/// September 2018 (counts rounded to the nearest 5).
pub fn rounded(count: i64) -> i64 {
    (count + ROUNDED_TO / 2).div_euclid(ROUNDED_TO) * ROUNDED_TO
}

/// A count as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Published {
    Count(i64),
    /// 0 to 4.
    FewerThanFive,
    /// Not small itself, but it would reveal a suppressed count.
    Withheld,
}

impl Published {
    /// A count of people on its own, with no other figure that could reveal it: 0 to 4 is "fewer than 5", and
    /// 5 or more is rounded to the nearest 5 ([`rounded`]). Zero is in the band too: were it shown, "fewer
    /// than 5" would mean "at least 1", and a few overlapping ranges (four days each "fewer than 5", a fifth
    /// "0", and the five days together "fewer than 5") would pin each of them at exactly 1.
    pub fn of(count: i64) -> Self {
        if (0..SMALLEST_SHOWN).contains(&count) {
            Published::FewerThanFive
        } else {
            Published::Count(rounded(count))
        }
    }

    /// A count of things (activities, meetings, pages, panels): not a count of people, shown as it is.
    pub fn of_things(count: i64) -> Self {
        Published::Count(count)
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

/// A share of a count, as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublishedShare {
    /// Whole per cent, rounded half up.
    Percent(i64),
    /// The part is published as the same count as the whole: every one, or all but fewer than 5. Never
    /// "100%", which would say "every one" when the rest may be 1 to 4 (13 of 14 are both published as 15).
    AllOrNearlyAll,
    /// Based on fewer than 10.
    TooFewResponses,
    /// The count or the count it is a share of is suppressed, and the percentage would reveal it.
    Withheld,
}

impl PublishedShare {
    /// `part` out of `whole`, as each is published: a whole per cent of fewer than 100 pins its count, so a
    /// percentage is shown only when both counts are. Worked out from the published (rounded) counts, it never
    /// reads 0% or 100%: a part published as the whole is [`PublishedShare::AllOrNearlyAll`] (the two counts
    /// differ by 0 to 4, and which must not show), and any other share is kept within 1% to 99% (a part
    /// published as 5 or more is not none, and one published below the whole is not all). Source of the
    /// convention: percentages from rounded counts, NHS Digital's disclosure control (see [`rounded`]).
    pub fn of(part: Published, whole: Published) -> Self {
        match (part, whole) {
            (_, Published::FewerThanFive) => PublishedShare::TooFewResponses,
            (_, Published::Count(whole)) if whole < FEWEST_FOR_PERCENTAGES => PublishedShare::TooFewResponses,
            (Published::Count(part), Published::Count(whole)) if part >= whole => PublishedShare::AllOrNearlyAll,
            (Published::Count(part), Published::Count(whole)) => {
                // Only a count of things is published as 0, and exactly: its 0% is exact.
                let least = if part == 0 { 0 } else { 1 };
                PublishedShare::Percent(((200 * part + whole) / (2 * whole)).clamp(least, 99))
            }
            _ => PublishedShare::Withheld,
        }
    }

    /// How it reads on the page and in a table cell.
    pub fn text(self) -> String {
        match self {
            PublishedShare::Percent(p) => format!("{p}%"),
            PublishedShare::AllOrNearlyAll => "all, or all but fewer than 5".to_owned(),
            PublishedShare::TooFewResponses => "Not shown: fewer than 10 responses".to_owned(),
            PublishedShare::Withheld => "Not shown: it would reveal a number under 5".to_owned(),
        }
    }
}

/// A change from one period to the next, as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublishedChange {
    Change(i64),
    Withheld,
}

impl PublishedChange {
    /// The change between two published counts: shown only when both are (the one shown and the change would
    /// give the other away).
    pub fn between(current: Published, previous: Published) -> Self {
        match (current, previous) {
            (Published::Count(now), Published::Count(before)) => PublishedChange::Change(now - before),
            _ => PublishedChange::Withheld,
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

/// The range of a sum of ranges, an unbounded end staying unbounded.
fn sum_ranges(ranges: impl Iterator<Item = (i64, i64)>) -> (i64, i64) {
    let add = |a: i64, b: i64| a.saturating_add(b).min(UNBOUNDED);
    ranges.fold((0, 0), |(lo, hi), (l, h)| (add(lo, l), add(hi, h)))
}

/// One figure put into a [`Disclosure`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Figure(usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A count of people the page or export prints.
    People,
    /// A count of people it does not print but that its sums let a reader work out (those who did not answer
    /// a question, those who did not tick an answer).
    Unprinted,
    /// A figure about the people counted by another figure: their hours, money, attendances.
    About(Figure),
}

/// What a reader can see of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Shown,
    /// Published as "fewer than 5": the reader knows it is 0 to 4.
    Small,
    /// Published as "withheld": the reader knows it is at least 5 (anything less reads "fewer than 5").
    Withheld,
    /// Not printed, and not 0.
    Unprinted,
}

/// Every figure of one page or export, with the sums that tie them together, to be published under the
/// suppression rules as a whole (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct Disclosure {
    values: Vec<i64>,
    kinds: Vec<Kind>,
    /// A total and the figures it adds up.
    sums: Vec<(Figure, Vec<Figure>)>,
}

/// How every figure of a [`Disclosure`] is published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decisions {
    published: Vec<Published>,
    /// Each figure's true value, to decide whether a percentage of it may be shown; never published.
    exact: Vec<i64>,
}

impl Decisions {
    /// How `figure` is published.
    pub fn count(&self, figure: Figure) -> Published {
        self.published.get(figure.0).copied().unwrap_or(Published::Withheld)
    }

    /// `part` as a share of `whole`: none when `whole` is fewer than 10 (counted exactly, so the rule reads
    /// as it says); otherwise worked out from the two counts as published (rounded), as NHS Digital does.
    pub fn share(&self, part: Figure, whole: Figure) -> PublishedShare {
        match self.exact.get(whole.0) {
            Some(&whole) if whole < FEWEST_FOR_PERCENTAGES => PublishedShare::TooFewResponses,
            _ => PublishedShare::of(self.count(part), self.count(whole)),
        }
    }
}

/// No upper bound: what a reader knows of a withheld figure.
const UNBOUNDED: i64 = i64::MAX / 1024;

impl Disclosure {
    pub fn new() -> Self {
        Self::default()
    }

    fn add(&mut self, value: i64, kind: Kind) -> Figure {
        self.values.push(value);
        self.kinds.push(kind);
        Figure(self.values.len() - 1)
    }

    /// A count of people that is printed.
    pub fn people(&mut self, count: i64) -> Figure {
        self.add(count, Kind::People)
    }

    /// A count of people that is not printed but can be worked out from printed ones through a sum (those who
    /// did not answer a question): it must not be worked out when it is from 1 to 4.
    pub fn unprinted(&mut self, count: i64) -> Figure {
        self.add(count, Kind::Unprinted)
    }

    /// A figure about the people counted by `people` (their hours, money, attendances): withheld whenever
    /// that count is suppressed, since it is about fewer than 5 people or would help reveal how many.
    pub fn about(&mut self, value: i64, people: Figure) -> Figure {
        self.add(value, Kind::About(people))
    }

    /// `total` is the sum of `parts` (of the same kind). A figure may be in several sums: a period's responses
    /// are the total of the months and of the channels.
    pub fn sum(&mut self, total: Figure, parts: &[Figure]) {
        self.sums.push((total, parts.to_vec()));
    }

    fn value(&self, figure: Figure) -> i64 {
        self.values[figure.0]
    }

    /// What a reader sees of each figure when `secondary` are withheld on top of the small counts.
    fn seen(&self, secondary: &BTreeSet<Figure>) -> Vec<Seen> {
        let mut seen: Vec<Seen> = self
            .kinds
            .iter()
            .zip(&self.values)
            .enumerate()
            .map(|(i, (kind, &value))| match kind {
                _ if secondary.contains(&Figure(i)) => Seen::Withheld,
                Kind::People if (0..SMALLEST_SHOWN).contains(&value) => Seen::Small,
                Kind::Unprinted if value != 0 => Seen::Unprinted,
                _ => Seen::Shown,
            })
            .collect();
        for (i, kind) in self.kinds.iter().enumerate() {
            if let Kind::About(people) = kind {
                if seen.get(people.0).is_some_and(|s| *s != Seen::Shown) && seen[i] == Seen::Shown {
                    seen[i] = Seen::Withheld;
                }
            }
        }
        seen
    }

    /// Whether the figure must never be worked out: a count of 1 to 4 people, or a figure about them.
    fn is_sensitive(&self, figure: Figure) -> bool {
        let small = |f: Figure| (1..SMALLEST_SHOWN).contains(&self.value(f));
        match self.kinds[figure.0] {
            Kind::People | Kind::Unprinted => small(figure),
            Kind::About(people) => small(people),
        }
    }

    /// What a reader knows of each figure from what `seen` shows, before using the sums: a range of values
    /// (inclusive). A count of people shown is rounded, so it is within 2 of what is printed (and at least 5);
    /// "fewer than 5" is 0 to 4; a withheld count of people is at least 5 (a smaller one would read "fewer than
    /// 5"); a figure about people that is shown is exact; anything else is unknown but not negative.
    fn known(&self, seen: &[Seen]) -> Vec<(i64, i64)> {
        let half = ROUNDED_TO / 2;
        seen.iter()
            .zip(&self.values)
            .zip(&self.kinds)
            .map(|((seen, &value), kind)| match (seen, kind) {
                (Seen::Shown, Kind::About(_) | Kind::Unprinted) => (value, value),
                (Seen::Shown, Kind::People) => {
                    let published = rounded(value);
                    ((published - half).max(SMALLEST_SHOWN), published + half)
                }
                (Seen::Small, _) => (0, SMALLEST_SHOWN - 1),
                (Seen::Withheld, Kind::People) => (SMALLEST_SHOWN, UNBOUNDED),
                (Seen::Withheld | Seen::Unprinted, _) => (0, UNBOUNDED),
            })
            .collect()
    }

    /// Narrows what a reader knows (`known`) through the page's sums as far as they go: a total lies within
    /// the sum of its parts' ranges, and each part within the total's range less the others'. Repeated until
    /// nothing narrows (bounds propagation: each pass only narrows, so it ends). For one sum this finds the
    /// tightest ranges there are; a page's sums form a tree (tables sharing a total, answers adding up to
    /// those who answered), for which it does too.
    fn narrowed(&self, mut known: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
        fn tighten(known: &mut [(i64, i64)], figure: Figure, (lo, hi): (i64, i64)) -> bool {
            let (old_lo, old_hi) = known[figure.0];
            let (new_lo, new_hi) = (old_lo.max(lo), old_hi.min(hi));
            let narrower = (new_lo, new_hi) != (old_lo, old_hi) && new_lo <= new_hi;
            if narrower {
                known[figure.0] = (new_lo, new_hi);
            }
            narrower
        }
        for _ in 0..1_000 {
            let mut changed = false;
            for (total, parts) in &self.sums {
                let ranges: Vec<(i64, i64)> = parts.iter().map(|p| known[p.0]).collect();
                let (lows, highs) = sum_ranges(ranges.iter().copied());
                changed |= tighten(&mut known, *total, (lows, highs));
                let (total_lo, total_hi) = known[total.0];
                for (i, part) in parts.iter().enumerate() {
                    let others = ranges.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, r)| *r);
                    let (others_lo, others_hi) = sum_ranges(others);
                    let lo = if others_hi >= UNBOUNDED { 0 } else { total_lo - others_hi };
                    let hi = if total_hi >= UNBOUNDED { UNBOUNDED } else { total_hi - others_lo };
                    changed |= tighten(&mut known, *part, (lo, hi));
                }
            }
            if !changed {
                break;
            }
        }
        known
    }

    /// How many suppressed figures (or groups of them) a reader could work out exactly from what `seen` shows,
    /// knowing that shown counts are rounded: a count of 1 to 4 people (or a figure about them) narrowed to one
    /// value, or the hidden cells of one sum narrowed together to one value from 1 to 4.
    fn exposures(&self, seen: &[Seen]) -> usize {
        let known = self.narrowed(self.known(seen));
        let unknown = |f: &Figure| seen[f.0] != Seen::Shown;
        let mut found = (0..self.values.len())
            .map(Figure)
            .filter(|f| unknown(f) && self.is_sensitive(*f))
            .filter(|f| known[f.0].0 == known[f.0].1)
            .count();
        for (total, parts) in &self.sums {
            if matches!(self.kinds[total.0], Kind::About(_)) {
                continue;
            }
            let hidden: Vec<&Figure> = parts.iter().filter(|f| unknown(f)).collect();
            if hidden.len() < 2 {
                continue;
            }
            let (shown_lo, shown_hi) = sum_ranges(parts.iter().filter(|f| !unknown(f)).map(|f| known[f.0]));
            let (hidden_lo, hidden_hi) = sum_ranges(hidden.iter().map(|f| known[f.0]));
            let (total_lo, total_hi) = known[total.0];
            let lo = (total_lo - shown_hi).max(hidden_lo);
            let hi = if total_hi >= UNBOUNDED { hidden_hi } else { (total_hi - shown_lo).min(hidden_hi) };
            let group: i64 = hidden.iter().map(|f| self.value(**f)).sum();
            if lo == hi && (1..SMALLEST_SHOWN).contains(&group) {
                found += 1;
            }
        }
        found
    }

    /// Decides how every figure is published (see the module documentation).
    pub fn decide(&self) -> Decisions {
        let mut secondary = BTreeSet::new();
        let mut chosen = Vec::new();
        loop {
            let seen = self.seen(&secondary);
            if self.exposures(&seen) == 0 {
                break;
            }
            // Figures shown beside a suppressed one in some sum, and not 0 (a withheld 0 protects nothing).
            let candidates: BTreeSet<Figure> = self
                .sums
                .iter()
                .filter(|(total, parts)| std::iter::once(total).chain(parts).any(|f| seen[f.0] != Seen::Shown))
                .flat_map(|(total, parts)| std::iter::once(*total).chain(parts.iter().copied()))
                .filter(|f| seen[f.0] == Seen::Shown && self.value(*f) != 0)
                .filter(|f| !matches!(self.kinds[f.0], Kind::Unprinted))
                .collect();
            // The smallest figure that leaves less to work out (withholding a big total fixes much at once,
            // but takes every percentage of it with it); the smallest of all when none does alone.
            let exposed = self.exposures(&seen);
            let best = candidates.into_iter().min_by_key(|f| {
                let mut trial = secondary.clone();
                trial.insert(*f);
                let left = self.exposures(&self.seen(&trial));
                (left >= exposed, self.value(*f), left, *f)
            });
            match best {
                Some(figure) => {
                    secondary.insert(figure);
                    chosen.push(figure);
                }
                // Cannot happen with true figures (with every figure that is not 0 withheld, nothing is
                // determined but zeros); if it did, nothing is shown.
                None => {
                    return Decisions {
                        published: vec![Published::Withheld; self.values.len()],
                        exact: self.values.clone(),
                    };
                }
            }
        }
        // Show again what turned out not to be needed, latest first.
        for figure in chosen.into_iter().rev() {
            secondary.remove(&figure);
            if self.exposures(&self.seen(&secondary)) > 0 {
                secondary.insert(figure);
            }
        }
        let seen = self.seen(&secondary);
        let published = seen
            .iter()
            .zip(&self.values)
            .zip(&self.kinds)
            .map(|((seen, &value), kind)| match (seen, kind) {
                // Figures about people (hours, money) are in their own units: not rounded as counts.
                (Seen::Shown, Kind::About(_)) => Published::Count(value),
                (Seen::Shown, _) => Published::Count(rounded(value)),
                (Seen::Small, _) => Published::FewerThanFive,
                (Seen::Withheld | Seen::Unprinted, _) => Published::Withheld,
            })
            .collect();
        Decisions { published, exact: self.values.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a reader can work out, found by brute force (independently of `narrowed`): every assignment of
    /// values to the page's figures that agrees with what is published (a shown count is its rounded value
    /// within 2, and at least 5; "fewer than 5" is 0 to 4; "withheld" is at least 5 for people, 0 or more
    /// otherwise, searched up to `cap`; a shown figure about people is exact) and with every sum. Returns, for
    /// each figure, the values it takes in some such assignment, and for each sum, the values its hidden parts
    /// take together.
    fn reader_sees(page: &Disclosure, decided: &Decisions, cap: i64) -> (Vec<BTreeSet<i64>>, Vec<BTreeSet<i64>>) {
        let n = page.values.len();
        let domain: Vec<(i64, i64)> = (0..n)
            .map(|i| match (decided.count(Figure(i)), page.kinds[i]) {
                (Published::Count(v), Kind::About(_) | Kind::Unprinted) => (v, v),
                (Published::Count(r), Kind::People) => ((r - 2).max(5), r + 2),
                (Published::FewerThanFive, _) => (0, 4),
                (Published::Withheld, Kind::People) => (5, cap),
                (Published::Withheld, _) => (0, cap),
            })
            .collect();
        let mut values = vec![0_i64; n];
        let mut seen = vec![BTreeSet::new(); n];
        let mut groups = vec![BTreeSet::new(); page.sums.len()];
        fn search(
            i: usize,
            page: &Disclosure,
            decided: &Decisions,
            domain: &[(i64, i64)],
            values: &mut Vec<i64>,
            seen: &mut Vec<BTreeSet<i64>>,
            groups: &mut Vec<BTreeSet<i64>>,
        ) {
            // Prune: every sum whose figures are all assigned must hold; one with some left must still be able to.
            for (total, parts) in &page.sums {
                let members: Vec<usize> = std::iter::once(total.0).chain(parts.iter().map(|p| p.0)).collect();
                let assigned = |f: usize| f < i;
                let (mut lo, mut hi) = (0_i64, 0_i64);
                for &f in &members {
                    let sign = if f == total.0 { -1 } else { 1 };
                    let (a, b) = if assigned(f) { (values[f], values[f]) } else { domain[f] };
                    if sign > 0 {
                        lo += a;
                        hi += b;
                    } else {
                        lo -= b;
                        hi -= a;
                    }
                }
                if lo > 0 || hi < 0 {
                    return;
                }
            }
            if i == values.len() {
                for (f, v) in values.iter().enumerate() {
                    seen[f].insert(*v);
                }
                for (k, (_, parts)) in page.sums.iter().enumerate() {
                    let hidden: i64 =
                        parts.iter().filter(|p| decided.count(**p).is_suppressed()).map(|p| values[p.0]).sum();
                    groups[k].insert(hidden);
                }
                return;
            }
            for v in domain[i].0..=domain[i].1 {
                values[i] = v;
                search(i + 1, page, decided, domain, values, seen, groups);
            }
        }
        search(0, page, decided, &domain, &mut values, &mut seen, &mut groups);
        (seen, groups)
    }

    /// Asserts that a reader who knows the rules can pin no count of 1 to 4 people (nor a figure about them, nor
    /// a group of suppressed cells of one sum adding up to 1 to 4) to one value.
    fn assert_nothing_pinned(page: &Disclosure, decided: &Decisions) {
        let cap = page.values.iter().copied().max().unwrap_or(0) * 2 + 10;
        let (seen, groups) = reader_sees(page, decided, cap);
        assert!(seen.iter().all(|s| !s.is_empty()), "the true values always agree with what is published");
        for (i, values) in seen.iter().enumerate() {
            let f = Figure(i);
            if decided.count(f).is_suppressed() && page.is_sensitive(f) {
                assert!(values.len() > 1, "figure {i} ({}) is pinned at {values:?}", page.values[i]);
            }
        }
        for (k, (_, parts)) in page.sums.iter().enumerate() {
            let hidden: Vec<&Figure> = parts.iter().filter(|p| decided.count(**p).is_suppressed()).collect();
            let group: i64 = hidden.iter().map(|p| page.values[p.0]).sum();
            if hidden.len() >= 2 && (1..SMALLEST_SHOWN).contains(&group) {
                assert!(groups[k].len() > 1, "the hidden cells of sum {k} are pinned at {:?}", groups[k]);
            }
        }
    }

    #[test]
    fn counts_from_one_to_four_are_published_as_fewer_than_five() {
        assert_eq!(
            Published::of(0),
            Published::FewerThanFive,
            "zero is in the band: else 'fewer than 5' says 'at least 1'"
        );
        for n in 1..=4 {
            assert_eq!(Published::of(n), Published::FewerThanFive);
            assert_eq!(Published::of(n).text(), "fewer than 5");
        }
        assert_eq!(Published::of(5), Published::Count(5));
        assert_eq!(Published::of_things(3), Published::Count(3), "three meetings are not three people");
    }

    #[test]
    fn nine_responses_in_march_do_not_give_away_the_one_unsure() {
        // The month table, the channel table and a single-choice question share the period's 9 responses.
        let mut page = Disclosure::new();
        let total = page.people(9);
        let march = page.people(9);
        page.sum(total, &[march]);
        let channels = [page.people(9), page.people(0), page.people(0)];
        page.sum(total, &channels);
        let (yes, no, unsure) = (page.people(8), page.people(0), page.people(1));
        page.sum(total, &[yes, no, unsure]);

        let decided = page.decide();

        assert_eq!(decided.count(unsure), Published::FewerThanFive);
        // 9 and 8 are both published as 10: 10 less 10 leaves the Unsure anywhere from 0 to 4.
        assert_eq!(decided.count(yes), Published::Count(10));
        assert_eq!(decided.count(total), Published::Count(10));
        assert_eq!(decided.count(march), Published::Count(10));
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn a_channel_total_beside_the_months_does_not_give_away_a_small_month() {
        let mut page = Disclosure::new();
        let total = page.people(12);
        let (march, april) = (page.people(9), page.people(3));
        page.sum(total, &[march, april]);
        let (online, paper) = (page.people(12), page.people(0));
        page.sum(total, &[online, paper]);

        let decided = page.decide();

        assert_eq!(decided.count(april), Published::FewerThanFive);
        assert_eq!(decided.count(march), Published::Count(10), "9, rounded: 10 less 10 pins nothing");
        assert_eq!(decided.count(online), Published::Count(10), "12, rounded");
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn a_total_shared_by_two_tables_is_not_left_to_reveal_a_cell() {
        // Withholding only the total would not do: the other table gives it.
        let mut page = Disclosure::new();
        let total = page.people(40);
        let months = [page.people(20), page.people(18), page.people(2)];
        page.sum(total, &months);
        let channels = [page.people(40), page.people(0)];
        page.sum(total, &channels);

        let decided = page.decide();

        assert_eq!(decided.count(months[2]), Published::FewerThanFive);
        assert_eq!(decided.count(months[1]), Published::Count(20), "18, rounded: 40 less 20 less 20 pins nothing");
        assert_eq!(decided.count(months[0]), Published::Count(20));
        assert_eq!(decided.count(total), Published::Count(40));
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn small_cells_that_add_up_to_fewer_than_five_are_not_left_as_a_group() {
        // Yes 6, No 1, Unsure 2 of 9: "not yes" would be 3 people.
        let mut page = Disclosure::new();
        let total = page.people(9);
        let cells = [page.people(6), page.people(1), page.people(2)];
        page.sum(total, &cells);

        let decided = page.decide();

        // 6 reads 5 (5 to 7) and 9 reads 10 (8 to 12): "not yes" is anything from 1 to 7.
        assert_eq!(decided.count(cells[0]), Published::Count(5));
        assert_eq!(decided.count(total), Published::Count(10), "9, rounded");
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn two_small_cells_at_the_edge_of_a_rounded_total_are_not_pinned() {
        // 4 and 4 make 8, published as 10 (8 to 12); two cells of at most 4 can reach 8 only as 4 and 4.
        let mut page = Disclosure::new();
        let total = page.people(8);
        let cells = [page.people(4), page.people(4)];
        page.sum(total, &cells);
        let decided = page.decide();
        assert_eq!(decided.count(total), Published::Withheld);
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn months_of_one_beside_months_of_none_are_not_pinned() {
        // A tester's case: January to June with 1, 1, 1, 0, 0, 1 responses. With 0 shown as 0 and the total as
        // "fewer than 5", each "fewer than 5" month was pinned at 1; with 0 in the band nothing is.
        let mut page = Disclosure::new();
        let total = page.people(4);
        let months: Vec<Figure> = [1, 1, 1, 0, 0, 1].into_iter().map(|n| page.people(n)).collect();
        page.sum(total, &months);
        let decided = page.decide();
        assert!(months.iter().all(|m| decided.count(*m) == Published::FewerThanFive));
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn bounds_do_not_pin_a_small_cell_beside_a_withheld_five() {
        // "fewer than 5" (0 to 4) and a 5 add up to 6, which the 10 and the total would give away: one of them is
        // withheld, and a "fewer than 5" beside a withheld "at least 5" adding up to 6 is 0 or 1, not one number.
        let mut page = Disclosure::new();
        let total = page.people(16);
        let cells = [page.people(1), page.people(5), page.people(10)];
        page.sum(total, &cells);

        let decided = page.decide();

        assert_eq!(decided.count(cells[0]), Published::FewerThanFive);
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn the_fft_percentages_are_shown_when_one_small_category_is_suppressed_on_its_own() {
        // 62 answers: very good 40, good 12, neither 0, poor 8, very poor 2, don't know 0.
        let mut page = Disclosure::new();
        let answered = page.people(62);
        let cells: Vec<Figure> = [40, 12, 0, 8, 2, 0].into_iter().map(|n| page.people(n)).collect();
        page.sum(answered, &cells);
        let positive = page.people(52);
        page.sum(positive, &cells[0..2]);
        let negative = page.people(10);
        page.sum(negative, &cells[3..5]);

        let decided = page.decide();

        assert_eq!(decided.count(cells[4]), Published::FewerThanFive);
        // Poor (8) reads 10 beside a negative of 10 (8 to 12): very poor is anything from 0 to 4.
        assert_eq!(decided.count(cells[3]), Published::Count(10));
        // From the rounded counts, as NHS Digital works them out: 50 of 60 and 10 of 60.
        assert_eq!(decided.share(positive, answered), PublishedShare::Percent(83));
        assert_eq!(decided.share(negative, answered), PublishedShare::Percent(17));
        assert_eq!(decided.share(cells[3], answered), PublishedShare::Percent(17));
        assert_eq!(decided.count(cells[0]), Published::Count(40));
        assert_nothing_pinned(&page, &decided);
    }

    #[test]
    fn when_the_percentages_would_pin_a_small_category_one_of_them_is_withheld() {
        // Neither is 3: positive and negative shown with the total would leave 62 - 45 - 14 = 3.
        let mut page = Disclosure::new();
        let answered = page.people(62);
        let cells: Vec<Figure> = [30, 15, 3, 8, 6, 0].into_iter().map(|n| page.people(n)).collect();
        page.sum(answered, &cells);
        let positive = page.people(45);
        page.sum(positive, &cells[0..2]);
        let negative = page.people(14);
        page.sum(negative, &cells[3..5]);

        let decided = page.decide();

        assert_eq!(decided.count(cells[2]), Published::FewerThanFive);
        let shown = |f: Figure| decided.count(f).chartable();
        let derivable = match (shown(answered), shown(positive), shown(negative)) {
            (Some(a), Some(p), Some(n)) => Some(a - p - n - shown(cells[5]).unwrap_or(0)),
            _ => None,
        };
        assert_ne!(derivable, Some(3));
        assert!(shown(positive).is_some() || shown(negative).is_some(), "one percentage at least is kept");
    }

    #[test]
    fn a_trust_total_less_the_other_services_does_not_reveal_a_service() {
        let mut report = Disclosure::new();
        let services = [report.people(40), report.people(3), report.people(25)];
        let trust = report.people(68);
        report.sum(trust, &services);

        let decided = report.decide();

        assert_eq!(decided.count(services[1]), Published::FewerThanFive);
        assert_eq!(decided.count(services[2]), Published::Count(25));
        assert_eq!(decided.count(trust), Published::Count(70), "68, rounded: 70 less 40 less 25 is 0 to 9");
        assert_nothing_pinned(&report, &decided);
    }

    #[test]
    fn figures_about_fewer_than_five_people_are_withheld_with_them_and_their_totals_do_not_reveal_them() {
        let mut report = Disclosure::new();
        let (few, many) = (report.people(3), report.people(12));
        let all = report.people(15);
        report.sum(all, &[few, many]);
        let (few_hours, many_hours) = (report.about(41, few), report.about(130, many));
        let all_hours = report.about(171, all);
        report.sum(all_hours, &[few_hours, many_hours]);

        let decided = report.decide();

        assert_eq!(decided.count(few_hours), Published::Withheld, "hours of 3 volunteers");
        assert!(
            decided.count(many_hours).is_suppressed() || decided.count(all_hours).is_suppressed(),
            "171 - 130 would give the 41 away"
        );
    }

    #[test]
    fn what_is_not_needed_is_shown_and_nothing_small_is_withheld_for_nothing() {
        let mut page = Disclosure::new();
        let total = page.people(30);
        let cells = [page.people(10), page.people(20), page.people(0)];
        page.sum(total, &cells);
        let decided = page.decide();
        for f in cells[..2].iter().chain([&total]) {
            assert!(!decided.count(*f).is_suppressed());
        }
        assert_eq!(
            decided.count(cells[2]),
            Published::FewerThanFive,
            "0 is in the band, so 1 to 4 can't be told from it"
        );
        assert_eq!(Disclosure::new().decide(), Decisions { published: Vec::new(), exact: Vec::new() });
    }

    #[test]
    fn a_not_printed_count_of_one_to_four_is_not_left_to_be_worked_out() {
        // 20 responses, 18 answered a question that was not required: 2 did not.
        let mut page = Disclosure::new();
        let total = page.people(20);
        let answered = page.people(18);
        let skipped = page.unprinted(2);
        page.sum(total, &[answered, skipped]);

        let decided = page.decide();

        // 20 and 18 both read 20 (18 to 22): those who did not answer are anything from 0 to 4.
        assert_eq!(decided.count(answered), Published::Count(20));
        assert_nothing_pinned(&page, &decided);

        // 8 of 9 answered: both read 10, so the one who did not is anything from 0 to 4.
        let mut page = Disclosure::new();
        let total = page.people(9);
        let answered = page.people(8);
        let skipped = page.unprinted(1);
        page.sum(total, &[answered, skipped]);
        assert_nothing_pinned(&page, &page.decide());
    }

    #[test]
    fn percentages_need_ten_and_both_counts_shown() {
        use Published::*;
        assert_eq!(PublishedShare::of(Count(9), Count(12)), PublishedShare::Percent(75));
        assert_eq!(PublishedShare::of(FewerThanFive, Count(8)), PublishedShare::TooFewResponses);
        assert_eq!(PublishedShare::of(Count(6), Count(9)).text(), "Not shown: fewer than 10 responses");
        assert_eq!(PublishedShare::of(Count(6), Withheld), PublishedShare::Withheld);
        assert_eq!(PublishedShare::of(Withheld, Count(40)), PublishedShare::Withheld);
        assert_eq!(PublishedShare::of(FewerThanFive, Count(40)), PublishedShare::Withheld);
        assert_eq!(PublishedShare::of(Count(1), Count(16)), PublishedShare::Percent(6), "6.25");
        assert_eq!(PublishedShare::of(Count(5), Count(40)), PublishedShare::Percent(13), "12.5");
        assert_eq!(PublishedShare::of(Count(12), Count(17)).text(), "71%");
        assert_eq!(PublishedShare::of(Count(0), Count(17)).text(), "0%");
    }

    #[test]
    fn a_percentage_from_rounded_counts_never_reads_all_or_none_unless_it_is() {
        // 13 of 14 positive are both published as 15 (tester, issue 18 F6): not "100%".
        let mut page = Disclosure::new();
        let (answers, positive) = (page.people(14), page.people(13));
        let decided = page.decide();
        assert_eq!(decided.share(positive, answers), PublishedShare::AllOrNearlyAll);
        assert_eq!(decided.share(positive, answers).text(), "all, or all but fewer than 5");
        use Published::*;
        assert_eq!(PublishedShare::of(Count(995), Count(1000)), PublishedShare::Percent(99), "99.5 is not all");
        assert_eq!(PublishedShare::of(Count(5), Count(2000)), PublishedShare::Percent(1), "0.25 is not none");
    }

    #[test]
    fn a_change_is_withheld_when_either_period_is_suppressed() {
        use Published::*;
        assert_eq!(PublishedChange::between(Count(10), FewerThanFive), PublishedChange::Withheld);
        assert_eq!(PublishedChange::between(Withheld, Count(10)), PublishedChange::Withheld);
        assert_eq!(PublishedChange::between(Count(12), Count(9)), PublishedChange::Change(3));
        assert_eq!(PublishedChange::between(Count(0), Count(0)).text(), "no change");
        assert_eq!(PublishedChange::between(Count(5), Count(8)).text(), "down 3");
        assert_eq!(PublishedChange::between(Count(8), Count(5)).csv(), "+3");
    }

    #[test]
    fn counts_of_five_or_more_are_rounded_to_the_nearest_five() {
        let published: Vec<Published> = [5, 6, 7, 8, 12, 13, 62, 68, 1_002].into_iter().map(Published::of).collect();
        let expected = [5, 5, 5, 10, 10, 15, 60, 70, 1_000].map(Published::Count);
        assert_eq!(published, expected);
        assert_eq!(rounded(2), 0, "small counts never reach rounding: they are \"fewer than 5\"");
        assert_eq!(Published::of_things(7), Published::Count(7), "seven meetings are shown as they are");
    }

    #[test]
    fn no_two_published_counts_of_people_differ_by_one_to_four() {
        // Any two views of any data: every count they can publish, against every other.
        let published: Vec<Option<i64>> = (0..400).map(|n| Published::of(n).chartable()).collect();
        for a in published.iter().flatten() {
            for b in published.iter().flatten() {
                assert!(!(1..SMALLEST_SHOWN).contains(&(a - b).abs()), "{a} and {b}");
            }
        }
        // Nor two figures decided in different disclosures: Q3 (3 people in September) and July–August.
        let decide = |months: &[i64]| {
            let mut page = Disclosure::new();
            let total = page.people(months.iter().sum());
            let parts: Vec<Figure> = months.iter().map(|&n| page.people(n)).collect();
            page.sum(total, &parts);
            let decided = page.decide();
            std::iter::once(total).chain(parts).filter_map(|f| decided.count(f).chartable()).collect::<Vec<i64>>()
        };
        let (quarter, two_months) = (decide(&[20, 18, 3]), decide(&[20, 18]));
        for a in &quarter {
            for b in &two_months {
                assert!(!(1..SMALLEST_SHOWN).contains(&(a - b).abs()), "{quarter:?} {two_months:?}");
            }
        }
    }

    #[test]
    fn a_percentage_needs_ten_counted_exactly_and_is_worked_out_from_the_rounded_counts() {
        let mut page = Disclosure::new();
        let (nine, twelve) = (page.people(9), page.people(12));
        let (of_nine, of_twelve) = (page.people(8), page.people(9));
        let decided = page.decide();
        assert_eq!(decided.count(nine), Published::Count(10));
        assert_eq!(decided.share(of_nine, nine), PublishedShare::TooFewResponses, "9 is fewer than 10");
        assert_eq!(decided.share(of_twelve, twelve), PublishedShare::AllOrNearlyAll, "10 of 10, as published");
    }

    #[test]
    fn figures_about_people_are_not_rounded_as_counts() {
        let mut report = Disclosure::new();
        let volunteers = report.people(12);
        let hours = report.about(131, volunteers);
        let decided = report.decide();
        assert_eq!(decided.count(volunteers), Published::Count(10));
        assert_eq!(decided.count(hours), Published::Count(131));
    }
}
