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
//! - **secondary (complementary) suppression**: further figures are "withheld" until no suppressed count can
//!   be worked out from what is shown, by subtracting within one table, across tables that share a total, or
//!   by any other combination of the page's sums (checked exactly, by linear algebra, as if every figure shown
//!   were exact); nor the count of a group of suppressed cells when it is from 1 to 4 ("fewer than 5" and
//!   "withheld" together being 3); nor a suppressed cell pinned by bounds within its table (a reader knows
//!   "fewer than 5" is 1 to 4 and "withheld" is at least 5, so "fewer than 5" and "withheld" adding up to 6
//!   give 1 and 5). Each time, the smallest figure that leaves less to work out is withheld (so a small
//!   category costs a neighbouring cell rather than a total and every percentage of it), and a withheld
//!   figure that turns out not to be needed is shown again;
//! - **rounding**: every count of people that is shown (5 or more) is published rounded to the nearest 5
//!   ([`rounded`]; 5 to 7 are "5", 8 to 12 are "10"), so the published figures of a page need not add up;
//! - a figure **about** fewer than 5 people (their hours, money, attendance) is withheld with their count
//!   ([`Disclosure::about`]), and so is one about a count that is withheld;
//! - a percentage is shown only when both its count and the count it is a share of are shown, and the latter
//!   is at least 10; it is worked out from the two counts as published, rounded ([`PublishedShare`]); a change
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
//! The limits, stated in the README too: the audit finds every suppressed count that the published sums
//! determine exactly, and bounds within one table; it does not solve the integer programme that bounds
//! across several tables would need. Across views, rounding guarantees that no two figures subtract to a
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
    /// Based on fewer than 10.
    TooFewResponses,
    /// The count or the count it is a share of is suppressed, and the percentage would reveal it.
    Withheld,
}

impl PublishedShare {
    /// `part` out of `whole`, as each is published: a whole per cent of fewer than 100 pins its count, so a
    /// percentage is shown only when both counts are.
    pub fn of(part: Published, whole: Published) -> Self {
        match (part, whole) {
            (_, Published::FewerThanFive) => PublishedShare::TooFewResponses,
            (_, Published::Count(whole)) if whole < FEWEST_FOR_PERCENTAGES => PublishedShare::TooFewResponses,
            (Published::Count(part), Published::Count(whole)) => {
                PublishedShare::Percent((200 * part + whole) / (2 * whole))
            }
            _ => PublishedShare::Withheld,
        }
    }

    /// How it reads on the page and in a table cell.
    pub fn text(self) -> String {
        match self {
            PublishedShare::Percent(p) => format!("{p}%"),
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

/// Small enough to be a rounding error in the elimination (every coefficient starts as 0 or ±1).
const EPSILON: f64 = 1e-9;

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

    /// How many suppressed figures (or groups of them) a reader could work out from what `seen` shows.
    fn exposures(&self, seen: &[Seen]) -> usize {
        let system = System::new(self, seen);
        let unknown = |f: &Figure| seen[f.0] != Seen::Shown;
        let mut found = (0..self.values.len())
            .map(Figure)
            .filter(|f| unknown(f) && self.is_sensitive(*f))
            .filter(|f| system.determined(&[*f]).is_some())
            .count();
        for (total, parts) in &self.sums {
            if matches!(self.kinds[total.0], Kind::About(_)) {
                continue;
            }
            let hidden: Vec<Figure> = parts.iter().copied().filter(unknown).collect();
            if hidden.len() < 2 {
                continue;
            }
            let Some(group) = system.determined(&hidden) else { continue };
            let group = group.round() as i64;
            if (1..SMALLEST_SHOWN).contains(&group) {
                found += 1;
                continue;
            }
            // Bounds: each "fewer than 5" is 0 to 4, each "withheld" at least 5, and they add up to `group`.
            let count = |s: Seen| i64::try_from(hidden.iter().filter(|f| seen[f.0] == s).count()).unwrap_or(0);
            let (small, withheld, unprinted) = (count(Seen::Small), count(Seen::Withheld), count(Seen::Unprinted));
            if small == 0 {
                continue;
            }
            let others_least = SMALLEST_SHOWN * withheld;
            let others_most = if withheld + unprinted > 0 { i64::MAX / 4 } else { (SMALLEST_SHOWN - 1) * (small - 1) };
            let least = (group - others_most).max(0);
            let most = (group - others_least).min(SMALLEST_SHOWN - 1);
            if least >= most && most >= 1 {
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

/// The sums of a disclosure as equations in the figures a reader cannot see, with what is shown moved to the
/// right-hand side, brought to echelon form so that any sum of unknowns can be tested for being determined.
struct System {
    /// Column of each figure, if unknown.
    columns: Vec<Option<usize>>,
    width: usize,
    /// Rows with a leading 1 in `pivots[i]`, and their right-hand sides.
    rows: Vec<(Vec<f64>, f64)>,
    pivots: Vec<usize>,
}

impl System {
    fn new(disclosure: &Disclosure, seen: &[Seen]) -> Self {
        let mut columns = vec![None; seen.len()];
        let mut width = 0;
        for (i, s) in seen.iter().enumerate() {
            if *s != Seen::Shown {
                columns[i] = Some(width);
                width += 1;
            }
        }
        let mut rows: Vec<(Vec<f64>, f64)> = disclosure
            .sums
            .iter()
            .map(|(total, parts)| {
                let mut row = vec![0.0; width];
                let mut rhs = 0.0;
                let terms = parts.iter().map(|p| (*p, 1.0)).chain(std::iter::once((*total, -1.0)));
                for (figure, sign) in terms {
                    match columns[figure.0] {
                        Some(column) => row[column] += sign,
                        None => rhs -= sign * disclosure.value(figure) as f64,
                    }
                }
                (row, rhs)
            })
            .collect();
        let mut pivots = Vec::new();
        let mut next = 0;
        for column in 0..width {
            let Some(best) =
                (next..rows.len()).max_by(|&a, &b| rows[a].0[column].abs().total_cmp(&rows[b].0[column].abs()))
            else {
                break;
            };
            if rows[best].0[column].abs() < EPSILON {
                continue;
            }
            rows.swap(next, best);
            let lead = rows[next].0[column];
            for x in rows[next].0.iter_mut() {
                *x /= lead;
            }
            rows[next].1 /= lead;
            let (pivot_row, pivot_rhs) = rows[next].clone();
            for (row, rhs) in rows.iter_mut().skip(next + 1) {
                let factor = row[column];
                if factor.abs() > EPSILON {
                    for (x, p) in row.iter_mut().zip(&pivot_row) {
                        *x -= factor * p;
                    }
                    *rhs -= factor * pivot_rhs;
                }
            }
            pivots.push(column);
            next += 1;
        }
        rows.truncate(next);
        Self { columns, width, rows, pivots }
    }

    /// The value of the sum of `figures` (all unknown), if the equations determine it.
    fn determined(&self, figures: &[Figure]) -> Option<f64> {
        let mut vector = vec![0.0_f64; self.width];
        for figure in figures {
            vector[self.columns[figure.0]?] += 1.0;
        }
        let mut value = 0.0;
        for ((row, rhs), &pivot) in self.rows.iter().zip(&self.pivots) {
            let factor = vector[pivot];
            if factor.abs() > EPSILON {
                for (x, r) in vector.iter_mut().zip(row) {
                    *x -= factor * r;
                }
                value += factor * rhs;
            }
        }
        vector.iter().all(|x| x.abs() < EPSILON).then_some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value a reader can work out from shown figures by one subtraction within a sum (the total less
    /// the parts shown, when one part is not shown), to check the decisions against plain differencing too.
    fn one_step_differences(disclosure: &Disclosure, decisions: &Decisions) -> Vec<i64> {
        let shown = |f: &Figure| decisions.count(*f).chartable();
        disclosure
            .sums
            .iter()
            .filter_map(|(total, parts)| {
                let total = shown(total)?;
                let hidden: Vec<&Figure> = parts.iter().filter(|p| shown(p).is_none()).collect();
                let known: i64 = parts.iter().filter_map(shown).sum();
                (hidden.len() <= 1).then_some(total - known)
            })
            .collect()
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
        assert_eq!(decided.count(yes), Published::Withheld, "9 less 8 would give the 1 away");
        // 9 is published rounded, as 10.
        assert_eq!(decided.count(total), Published::Count(10), "the total can stay: Yes and Unsure are both hidden");
        assert_eq!(decided.count(march), Published::Count(10));
        assert!(!one_step_differences(&page, &decided).contains(&1));
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
        assert_eq!(decided.count(march), Published::Withheld);
        assert_eq!(decided.count(online), Published::Count(10), "12, rounded");
        assert!(!one_step_differences(&page, &decided).contains(&3));
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
        assert_eq!(decided.count(months[1]), Published::Withheld, "the smaller month is withheld beside it");
        assert_eq!(decided.count(months[0]), Published::Count(20));
        assert_eq!(decided.count(total), Published::Count(40));
    }

    #[test]
    fn small_cells_that_add_up_to_fewer_than_five_are_not_left_as_a_group() {
        // Yes 6, No 1, Unsure 2 of 9: "not yes" would be 3 people.
        let mut page = Disclosure::new();
        let total = page.people(9);
        let cells = [page.people(6), page.people(1), page.people(2)];
        page.sum(total, &cells);

        let decided = page.decide();

        assert_eq!(decided.count(cells[0]), Published::Withheld);
        assert_eq!(decided.count(total), Published::Count(10), "9, rounded");
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
        assert!(decided.count(cells[1]).is_suppressed() || decided.count(cells[2]).is_suppressed());
        assert!(
            decided.count(total).is_suppressed()
                || decided.count(cells[1]).is_suppressed()
                || decided.count(cells[2]).is_suppressed()
        );
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
        assert_eq!(decided.count(cells[3]), Published::Withheld, "poor, beside very poor in the negative sum");
        // From the rounded counts, as NHS Digital works them out: 50 of 60 and 10 of 60.
        assert_eq!(decided.share(positive, answered), PublishedShare::Percent(83));
        assert_eq!(decided.share(negative, answered), PublishedShare::Percent(17));
        assert_eq!(decided.share(cells[3], answered), PublishedShare::Withheld);
        assert_eq!(decided.count(cells[0]), Published::Count(40));
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
        assert_eq!(decided.count(services[2]), Published::Withheld);
        assert_eq!(decided.count(trust), Published::Count(70), "68, rounded");
        assert!(!one_step_differences(&report, &decided).contains(&3));
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

        assert!(decided.count(total).is_suppressed() || decided.count(answered).is_suppressed());
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
        assert_eq!(decided.share(of_twelve, twelve), PublishedShare::Percent(100), "10 of 10, as published");
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
