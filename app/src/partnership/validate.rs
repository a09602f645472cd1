//! Partnership's forms as domain values, and the lived-experience view of a candidate in integer arithmetic.
//!
//! The lived-experience view of a candidate is the mean of the lived-experience members' totals (issue 17
//! §5). Means are never worked out as floating point: two means `a / m` and `b / n` are compared as `a × n`
//! against `b × m`, and "a mean below the minimum" is `sum < minimum × members`, so no rounding can tip a
//! decision either way.

use std::cmp::Ordering;

use super::types::{Outcome, PostKind, Sits, TOP_SCORE};
use crate::error::FormErrors;
use crate::text::one_line;

/// The longest evidence note, reason or descriptor, in characters.
pub const NOTE_MAX: usize = 2_000;

/// The lived-experience members' scores of one candidate: how many of them scored, the sum of their totals,
/// and the sum of their scores on each criterion (in the panel's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LivedExperienceView {
    pub members: i64,
    pub total_sum: i64,
    pub criterion_sums: Vec<i64>,
}

impl LivedExperienceView {
    /// The view from each lived-experience member's scores per criterion; `None` when none of them scored.
    pub fn of(scores: &[Vec<i64>]) -> Option<Self> {
        let first = scores.first()?;
        let mut criterion_sums = vec![0; first.len()];
        for line in scores {
            for (sum, score) in criterion_sums.iter_mut().zip(line) {
                *sum += score;
            }
        }
        Some(Self { members: scores.len() as i64, total_sum: criterion_sums.iter().sum(), criterion_sums })
    }

    /// Compares two candidates' mean totals exactly (`a / m` against `b / n` as `a × n` against `b × m`).
    pub fn compare(&self, other: &Self) -> Ordering {
        (self.total_sum * other.members).cmp(&(other.total_sum * self.members))
    }

    /// The indexes of the criteria whose mean is below their minimum (`sum < minimum × members`).
    pub fn below_minimum(&self, minimums: &[i64]) -> Vec<usize> {
        self.criterion_sums
            .iter()
            .zip(minimums)
            .enumerate()
            .filter(|(_, (sum, minimum))| **sum < **minimum * self.members)
            .map(|(index, _)| index)
            .collect()
    }

    /// The mean total in words, to one decimal place rounded half up in integers: "11.5".
    pub fn mean_words(&self) -> String {
        mean_words(self.total_sum, self.members)
    }
}

/// `sum / count` to one decimal place, rounded half up, in integer arithmetic ("11.5", "12"); "0" for none.
pub fn mean_words(sum: i64, count: i64) -> String {
    if count <= 0 {
        return "0".to_owned();
    }
    let tenths = (sum * 10 * 2 + count) / (count * 2);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Why appointing candidate `chosen` departs from the lived-experience view, in words: another candidate's
/// lived-experience mean is higher, the chosen one's mean on a criterion is below its minimum, or — on a panel
/// with lived-experience members (`lived_experience_members`) — none of them scored the chosen one (scoring
/// was closed before they did, or they declared an interest): appointing someone they never scored is never
/// taken as agreeing with them. Empty when it does not depart, or when the panel has no lived-experience
/// member at all (a manager has recorded why). `views` are every candidate's, by index; `criteria` are
/// `(name, minimum)` in the panel's order.
pub fn departures(
    chosen: usize,
    outcome: Outcome,
    views: &[(String, Option<LivedExperienceView>)],
    criteria: &[(String, i64)],
    lived_experience_members: bool,
) -> Vec<String> {
    if outcome != Outcome::Appoint {
        return Vec::new();
    }
    let Some((chosen_name, view)) = views.get(chosen) else { return Vec::new() };
    let Some(mine) = view else {
        if !lived_experience_members {
            return Vec::new();
        }
        let mut reasons = vec![format!("no lived-experience member scored {chosen_name}")];
        for (index, (name, view)) in views.iter().enumerate() {
            if index != chosen && view.is_some() {
                reasons.push(format!("the lived-experience members scored {name}"));
            }
        }
        return reasons;
    };
    let mut reasons = Vec::new();
    for (index, (name, view)) in views.iter().enumerate() {
        if index != chosen && view.as_ref().is_some_and(|v| v.compare(mine) == Ordering::Greater) {
            reasons.push(format!("the lived-experience members scored {name} higher"));
        }
    }
    let minimums: Vec<i64> = criteria.iter().map(|(_, m)| *m).collect();
    for index in mine.below_minimum(&minimums) {
        if let Some((name, minimum)) = criteria.get(index) {
            reasons.push(format!("the lived-experience members' mean on \"{name}\" is below its minimum of {minimum}"));
        }
    }
    reasons
}

/// A score as typed: a whole number from 0 to 4. Errors: the message beside the field.
pub fn parse_score(typed: &str, criterion: &str) -> Result<i64, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(format!("Enter a score for \"{criterion}\""));
    }
    // The forms' one reading of a whole number: "+3" is refused, not read as 3 (tester 17c).
    match crate::text::whole_number(typed) {
        Some(score) if (0..=TOP_SCORE).contains(&score) => Ok(score),
        _ => Err(format!("The score for \"{criterion}\" must be a whole number from 0 to 4")),
    }
}

/// Text of several lines (evidence, reasons), trimmed; required when `required`. Errors go beside `field`.
pub fn note(errors: &mut FormErrors, field: &str, typed: &str, empty: &str, required: bool) -> String {
    let text = typed.trim().to_owned();
    if required && text.is_empty() {
        errors.add(field, empty);
    } else if text.chars().count() > NOTE_MAX {
        errors.add(field, "This must be 2,000 characters or fewer");
    }
    text
}

/// Adding someone to the pool, as typed.
pub struct PoolFields {
    pub email: String,
    pub sits: String,
    pub access_needs: String,
}

/// A pool member, parsed: their account's email address (lower case), how they sit, and access needs.
pub struct NewPoolMember {
    pub email: String,
    pub sits: Sits,
    pub access_needs: String,
}

impl PoolFields {
    pub fn kept(&self) -> [(&'static str, &str); 3] {
        [("email", &self.email), ("sits", &self.sits), ("access_needs", &self.access_needs)]
    }

    /// Errors: a message beside each field that is wrong.
    pub fn parse(&self) -> Result<NewPoolMember, FormErrors> {
        let mut errors = FormErrors::new();
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            errors.add("email", "Enter the email address of their account");
        } else if !email.contains('@') || email.chars().count() > 254 {
            errors.add("email", "Enter an email address in the correct format, like name@example.com");
        }
        let sits = self.sits.parse::<Sits>().ok();
        if sits.is_none() {
            errors.add("sits", "Choose how they sit on panels");
        }
        let access_needs = note(&mut errors, "access_needs", &self.access_needs, "", false);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewPoolMember { email, sits: sits.unwrap_or(Sits::Staff), access_needs })
    }
}

/// A new panel, as typed (its date and time are parsed by the `dates` kernel beside it).
pub struct PanelFields {
    pub post_kind: String,
    pub post_title: String,
    pub volunteer_role_id: String,
    pub place: String,
}

/// A new panel's words, parsed.
pub struct NewPanel {
    pub post_kind: PostKind,
    pub post_title: String,
    pub volunteer_role_id: Option<String>,
    pub place: String,
}

impl PanelFields {
    pub fn kept(&self) -> [(&'static str, &str); 4] {
        [
            ("post_kind", &self.post_kind),
            ("post_title", &self.post_title),
            ("volunteer_role_id", &self.volunteer_role_id),
            ("place", &self.place),
        ]
    }

    /// Errors: a message beside each field that is wrong, added to `errors`.
    pub fn parse(&self, errors: &mut FormErrors) -> Option<NewPanel> {
        let post_kind = self.post_kind.parse::<PostKind>().ok();
        if post_kind.is_none() {
            errors.add("post_kind", "Choose whether the panel is for a staff post or a volunteer role");
        }
        let role = self.volunteer_role_id.trim();
        let post_title = if post_kind == Some(PostKind::VolunteerRole) {
            if role.is_empty() {
                errors.add("volunteer_role_id", "Choose the volunteer role");
            }
            String::new()
        } else {
            one_line(errors, "post_title", &self.post_title, "the post's title", 200, true)
        };
        let place = one_line(errors, "place", &self.place, "where the panel sits", 200, true);
        Some(NewPanel {
            post_kind: post_kind?,
            post_title,
            volunteer_role_id: (post_kind == Some(PostKind::VolunteerRole)).then(|| role.to_owned()),
            place,
        })
    }
}

/// A criterion, as typed: its name, what each score 0–4 means, and the minimum acceptable score.
pub struct CriterionFields {
    pub name: String,
    /// What 0, 1, 2, 3 and 4 mean, in that order.
    pub descriptors: [String; 5],
    pub minimum: String,
}

impl CriterionFields {
    /// The field of what score `n` means.
    pub fn descriptor_field(n: usize) -> String {
        format!("means_{n}")
    }

    pub fn kept(&self) -> Vec<(String, String)> {
        let mut kept = vec![("name".to_owned(), self.name.clone()), ("minimum".to_owned(), self.minimum.clone())];
        for (n, d) in self.descriptors.iter().enumerate() {
            kept.push((Self::descriptor_field(n), d.clone()));
        }
        kept
    }

    /// `(name, descriptors, minimum)`. Errors: a message beside each field that is wrong.
    pub fn parse(&self) -> Result<(String, Vec<String>, i64), FormErrors> {
        let mut errors = FormErrors::new();
        let name = one_line(&mut errors, "name", &self.name, "the criterion", 200, true);
        let descriptors: Vec<String> = self
            .descriptors
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let field = Self::descriptor_field(n);
                one_line(&mut errors, &field, d, &format!("what a score of {n} means"), 300, true)
            })
            .collect();
        let minimum = match crate::text::whole_number(&self.minimum) {
            Some(m) if (0..=TOP_SCORE).contains(&m) => m,
            _ => {
                errors.add("minimum", "The minimum acceptable score must be a whole number from 0 to 4");
                0
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok((name, descriptors, minimum))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(lines: &[&[i64]]) -> LivedExperienceView {
        LivedExperienceView::of(&lines.iter().map(|l| l.to_vec()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn means_are_compared_exactly_in_integers() {
        // 23/2 = 11.5 against 34/3 = 11.33…: a float comparison agrees here, but the rule is exact.
        let a = view(&[&[3, 3, 3, 3], &[3, 3, 3, 2]]);
        let b = view(&[&[3, 3, 3, 2], &[3, 3, 3, 2], &[3, 3, 3, 3]]);
        assert_eq!(a.compare(&b), Ordering::Greater);
        // 1/3 against 2/6: equal, where floats give 0.333… and 0.333… by different roundings.
        let c = view(&[&[1], &[0], &[0]]);
        let d = view(&[&[1], &[1], &[0], &[0], &[0], &[0]]);
        assert_eq!(c.compare(&d), Ordering::Equal);
        assert_eq!(a.mean_words(), "11.5");
        assert_eq!(mean_words(34, 3), "11.3");
        assert_eq!(mean_words(12, 1), "12");
    }

    #[test]
    fn a_mean_below_a_minimum_is_found_without_division() {
        // Means 2.5 and 1.5 against minimums 2 and 2: the second is below.
        let v = view(&[&[3, 1], &[2, 2]]);
        assert_eq!(v.below_minimum(&[2, 2]), vec![1]);
        // A mean exactly at the minimum is acceptable.
        assert!(view(&[&[2, 2], &[2, 2]]).below_minimum(&[2, 2]).is_empty());
    }

    #[test]
    fn appointing_against_the_lived_experience_view_is_named() {
        let criteria = vec![("Values".to_owned(), 2), ("Skills".to_owned(), 2)];
        let views = vec![
            ("Ash".to_owned(), Some(view(&[&[4, 4]]))),
            ("Bea".to_owned(), Some(view(&[&[3, 1]]))),
            ("Cal".to_owned(), None),
        ];
        assert!(departures(0, Outcome::Appoint, &views, &criteria, true).is_empty());
        let against = departures(1, Outcome::Appoint, &views, &criteria, true);
        assert_eq!(against.len(), 2, "{against:?}");
        assert!(against[0].contains("Ash"));
        assert!(against[1].contains("Skills"));
        assert!(departures(1, Outcome::Reserve, &views, &criteria, true).is_empty());
        // Cal was never scored by the lived-experience members (scoring closed first): appointing Cal departs.
        let unscored = departures(2, Outcome::Appoint, &views, &criteria, true);
        assert_eq!(unscored[0], "no lived-experience member scored Cal", "{unscored:?}");
        assert_eq!(unscored.len(), 3, "and they scored Ash and Bea: {unscored:?}");
        // A panel with no lived-experience member has its own recorded reason instead.
        assert!(departures(2, Outcome::Appoint, &views, &criteria, false).is_empty());
    }

    #[test]
    fn scores_outside_0_to_4_are_refused() {
        assert_eq!(parse_score(" 3 ", "Values"), Ok(3));
        assert!(parse_score("5", "Values").unwrap_err().contains("from 0 to 4"));
        assert!(parse_score("-1", "Values").is_err());
        assert!(parse_score("2.5", "Values").is_err());
        assert_eq!(parse_score("", "Values").unwrap_err(), "Enter a score for \"Values\"");
    }
}
