//! Parsing what staff type to record a focus group: the fields as typed parse into a domain value or a
//! message beside every field that is wrong.

use chrono::NaiveDate;

use crate::dates::{parse_date_input, Bound, DateField, DateParts, Day};
use crate::error::FormErrors;
use crate::text::one_line;

/// The most people a focus group may record.
pub const PARTICIPANTS_MAX: i64 = 1_000;
/// The longest notes, in characters.
pub const NOTES_MAX: usize = 10_000;

/// A focus group as typed: the date as the NHS.UK date input's three boxes, themes one per line.
#[derive(Clone, Debug, Default)]
pub struct FocusGroupFields {
    pub topic: String,
    pub held_on_day: String,
    pub held_on_month: String,
    pub held_on_year: String,
    pub participants: String,
    pub themes: String,
    pub notes: String,
}

/// A focus group, parsed: the day held (`YYYY-MM-DD`, today or before), 1 to 1,000 people, themes of up to
/// 200 characters each, and notes (trimmed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFocusGroup {
    pub topic: String,
    pub held_on: String,
    pub participants: i64,
    pub themes: Vec<String>,
    pub notes: String,
}

impl FocusGroupFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("topic", &self.topic),
            ("held_on_day", &self.held_on_day),
            ("held_on_month", &self.held_on_month),
            ("held_on_year", &self.held_on_year),
            ("participants", &self.participants),
            ("themes", &self.themes),
            ("notes", &self.notes),
        ]
    }

    /// Parses every field into `errors` (the caller adds the service's message to the same list), with
    /// `today` the latest day it may have been held; the parsed value when every field is right.
    pub fn parse_into(&self, errors: &mut FormErrors, today: NaiveDate) -> Option<ParsedFocusGroup> {
        let topic = one_line(errors, "topic", &self.topic, "the intervention or topic", 200, true);
        let field = DateField {
            name: "held_on",
            legend: "Date held",
            earliest: None,
            latest: Some(Bound { day: Day::of_naive(today), words: "today or in the past" }),
        };
        let typed = DateParts::new(&self.held_on_day, &self.held_on_month, &self.held_on_year);
        let held_on = parse_date_input(&field, &typed).map_err(|e| e.add_to(errors)).ok().map(|d| d.iso());
        let participants = crate::text::whole_number(&self.participants).filter(|n| (1..=PARTICIPANTS_MAX).contains(n));
        if participants.is_none() {
            errors.add("participants", "Enter how many people took part, as a whole number like 8");
        }
        let themes: Vec<String> = self
            .themes
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if themes.iter().any(|t| t.chars().count() > 200) {
            errors.add("themes", "Each theme must be 200 characters or fewer");
        }
        if self.notes.chars().count() > NOTES_MAX {
            errors.add("notes", "Notes must be 10000 characters or fewer");
        }
        match (held_on, participants) {
            (Some(held_on), Some(participants)) if errors.is_empty() => {
                Some(ParsedFocusGroup { topic, held_on, participants, themes, notes: self.notes.trim().to_owned() })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_focus_group_was_held_by_today_with_people_and_short_themes() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let fields = FocusGroupFields {
            topic: " DBT   skills ".into(),
            held_on_day: "1".into(),
            held_on_month: "12".into(),
            held_on_year: "2026".into(),
            participants: "0".into(),
            themes: format!("Waiting times\n\n{}", "x".repeat(201)),
            notes: "".into(),
        };
        let mut errors = FormErrors::new();
        assert_eq!(fields.parse_into(&mut errors, today), None);
        // A date in the future marks all three boxes; its message is on the first.
        let said: Vec<&str> =
            errors.errors.iter().filter(|e| !e.message.is_empty()).map(|e| e.field.as_str()).collect();
        assert_eq!(said, ["held_on_day", "participants", "themes"]);

        let fields = FocusGroupFields {
            held_on_month: "11".into(),
            participants: "8".into(),
            themes: "Waiting times\n\n Evening  sessions ".into(),
            ..fields
        };
        let mut errors = FormErrors::new();
        let parsed = fields.parse_into(&mut errors, today).unwrap();
        assert_eq!(parsed.topic, "DBT skills");
        assert_eq!(parsed.held_on, "2026-11-01");
        assert_eq!(parsed.themes, ["Waiting times", "Evening sessions"]);
    }
}
