//! Parsing what staff type into the review forms: a safeguarding review's outcome and note, a theme's name and
//! a duty inbox. Each form's fields as typed (`*Fields`) parse into a domain value or a message beside every
//! field that is wrong.

use crate::accounts::validate::EmailAddress;
use crate::error::FormErrors;
use crate::safeguarding::review::ReviewOutcome;
use crate::text::one_line;

/// The longest review note, in characters.
pub const NOTE_MAX: usize = 2_000;

/// A safeguarding review as typed.
#[derive(Clone, Debug, Default)]
pub struct ReviewFields {
    pub outcome: String,
    pub note: String,
}

/// A safeguarding review, parsed: what was done and a note of why (trimmed, never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedReview {
    pub outcome: ReviewOutcome,
    pub note: String,
}

impl ReviewFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("outcome", &self.outcome), ("note", &self.note)]
    }

    /// Parses both fields, collecting a message for each one that is wrong.
    pub fn parse(&self) -> Result<ParsedReview, FormErrors> {
        let mut errors = FormErrors::new();
        let outcome = self.outcome.parse::<ReviewOutcome>().ok();
        if outcome.is_none() {
            errors.add("outcome", "Select what was done");
        }
        let note = self.note.trim().to_owned();
        if note.is_empty() {
            errors.add("note", "Enter a note of what you did and why");
        } else if note.chars().count() > NOTE_MAX {
            errors.add("note", "The note must be 2000 characters or fewer");
        }
        match outcome {
            Some(outcome) if errors.is_empty() => Ok(ParsedReview { outcome, note }),
            _ => Err(errors),
        }
    }
}

/// A theme's name, parsed from the field `field` (each service's form names its field after the service):
/// one line of up to 80 characters.
pub fn parse_theme_name(field: &str, name: &str) -> Result<String, FormErrors> {
    let mut errors = FormErrors::new();
    let clean = one_line(&mut errors, field, name, "a theme", 80, true);
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

/// A duty inbox, parsed: empty means "send alerts to the service's managers" (`None`), otherwise a real
/// email address. The message is for the field the caller names.
pub fn parse_duty_inbox(text: &str) -> Result<Option<EmailAddress>, String> {
    match text.trim() {
        "" => Ok(None),
        text => EmailAddress::parse(text).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_needs_an_outcome_and_a_note() {
        let errors = ReviewFields { outcome: "shrug".into(), note: "  ".into() }.parse().unwrap_err();
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["outcome", "note"]);
        let parsed = ReviewFields { outcome: "no_action".into(), note: " Read it, nothing to do ".into() };
        let parsed = parsed.parse().unwrap();
        assert_eq!(parsed.outcome, ReviewOutcome::NoActionNeeded);
        assert_eq!(parsed.note, "Read it, nothing to do");
    }

    #[test]
    fn a_theme_is_one_line_and_an_inbox_a_real_address_or_nothing() {
        assert_eq!(parse_theme_name("theme-x", " Waiting   times ").unwrap(), "Waiting times");
        assert_eq!(parse_theme_name("theme-x", " ").unwrap_err().errors[0].field, "theme-x");
        assert_eq!(parse_duty_inbox("  ").unwrap(), None);
        assert!(parse_duty_inbox("duty@nhs.example").unwrap().is_some());
        assert!(parse_duty_inbox("not an address").is_err());
    }
}
