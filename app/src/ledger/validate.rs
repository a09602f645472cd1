//! Parsing what staff type into the activity form.

use crate::accounts::types::{PersonId, ServiceId};
use chrono::NaiveDate;

use super::types::{ActivityKind, ContinuumLevel, Participants};
use crate::{
    dates::{parse_date_input, Bound, DateField, DateParts, Day},
    error::FormErrors,
};

/// The activity form as submitted: every field as typed.
#[derive(Clone, Debug, Default)]
pub struct ActivityFields {
    pub level: String,
    pub kind: String,
    pub title: String,
    /// The three boxes of "Date it happened".
    pub happened_on: DateParts,
    pub patients: String,
    pub carers: String,
    pub staff: String,
    pub others: String,
    pub purpose: String,
    pub outcome: String,
}

/// The activity form, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedActivity {
    pub level: ContinuumLevel,
    pub kind: ActivityKind,
    pub title: String,
    pub happened_on: String,
    pub participants: Participants,
    pub purpose: String,
    pub outcome: String,
}

const MAX_PEOPLE: i64 = 100_000;

fn people(errors: &mut FormErrors, field: &str, who: &str, text: &str) -> i64 {
    let text = text.trim();
    if text.is_empty() {
        return 0;
    }
    match crate::text::whole_number(text) {
        Some(n) if (0..=MAX_PEOPLE).contains(&n) => n,
        Some(_) => {
            errors.add(field, format!("The number of {who} must be between 0 and {MAX_PEOPLE}"));
            0
        }
        None => {
            errors.add(field, format!("Enter the number of {who} as a whole number, like 12"));
            0
        }
    }
}

impl ParsedActivity {
    /// The activity to write, for a service and (when recorded by hand) the person recording it.
    pub fn into_new(self, service_id: ServiceId, recorded_by: Option<PersonId>) -> crate::ledger::db::NewActivity {
        crate::ledger::db::NewActivity {
            service_id,
            level: self.level,
            kind: self.kind,
            title: self.title,
            happened_on: self.happened_on,
            participants: self.participants,
            purpose: self.purpose,
            outcome: self.outcome,
            recorded_by,
        }
    }
}

impl ActivityFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("level", &self.level),
            ("kind", &self.kind),
            ("title", &self.title),
            ("happened_on_day", &self.happened_on.day),
            ("happened_on_month", &self.happened_on.month),
            ("happened_on_year", &self.happened_on.year),
            ("patients", &self.patients),
            ("carers", &self.carers),
            ("staff", &self.staff),
            ("others", &self.others),
            ("purpose", &self.purpose),
            ("outcome", &self.outcome),
        ]
    }

    /// Parses every field, collecting a message for each one that is wrong. The date must be `today` (the
    /// deployment's local date) or earlier, and in 2000 or later.
    pub fn parse(&self, today: NaiveDate) -> Result<ParsedActivity, FormErrors> {
        let mut errors = FormErrors::new();
        let level = if self.level.is_empty() {
            errors.add("level", "Choose the continuum level");
            None
        } else {
            self.level.parse::<ContinuumLevel>().map_err(|m| errors.add("level", m)).ok()
        };
        let kind = self.kind.parse::<ActivityKind>().map_err(|m| errors.add("kind", m)).ok();
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            errors.add("title", "Enter a title, like \"Open day at the day service\"");
        } else if title.chars().count() > 200 {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        let field = DateField {
            name: "happened_on",
            legend: "Date it happened",
            earliest: None,
            latest: Some(Bound { day: Day::of_naive(today), words: "today or in the past" }),
        };
        let happened_on = parse_date_input(&field, &self.happened_on).map_err(|e| e.add_to(&mut errors)).ok();
        let participants = ParticipantFields {
            patients: self.patients.clone(),
            carers: self.carers.clone(),
            staff: self.staff.clone(),
            others: self.others.clone(),
        }
        .parse_into(&mut errors);
        for (field, text, what) in
            [("purpose", &self.purpose, "What it was for"), ("outcome", &self.outcome, "What came of it")]
        {
            if text.chars().count() > 5000 {
                errors.add(field, format!("{what} must be 5,000 characters or fewer"));
            }
        }
        match (level, kind, happened_on) {
            (Some(level), Some(kind), Some(day)) if errors.is_empty() => Ok(ParsedActivity {
                level,
                kind,
                title,
                happened_on: day.iso(),
                participants,
                purpose: self.purpose.trim().to_owned(),
                outcome: self.outcome.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// How many took part, as typed in the four boxes (patients, carers, staff, others; empty is 0). Every
/// capability that records who took part by numbers (an activity, an event held) parses them with this, through
/// `ledger::api`.
#[derive(Clone, Debug, Default)]
pub struct ParticipantFields {
    pub patients: String,
    pub carers: String,
    pub staff: String,
    pub others: String,
}

impl ParticipantFields {
    /// Parses the four counts (each a whole number from 0 to 100,000), adding a message to `errors` for each
    /// box that is wrong; a wrong box counts as 0 in what is returned.
    pub fn parse_into(&self, errors: &mut FormErrors) -> Participants {
        Participants {
            patients: people(errors, "patients", "patients", &self.patients),
            carers: people(errors, "carers", "carers", &self.carers),
            staff: people(errors, "staff", "staff", &self.staff),
            others: people(errors, "others", "other people", &self.others),
        }
    }

    /// Parses the four counts, or the messages for the boxes that are wrong.
    pub fn parse(&self) -> Result<Participants, FormErrors> {
        let mut errors = FormErrors::new();
        let participants = self.parse_into(&mut errors);
        if errors.is_empty() {
            Ok(participants)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn valid() -> ActivityFields {
        ActivityFields {
            level: "information".into(),
            kind: "open_day".into(),
            title: "  Open   day ".into(),
            happened_on: DateParts::new("3", "10", "2026"),
            patients: "14".into(),
            carers: "".into(),
            staff: "3".into(),
            others: "0".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_parses_with_blank_counts_as_zero() {
        let parsed = valid().parse(today()).unwrap();
        assert_eq!(parsed.title, "Open day");
        assert_eq!(parsed.participants, Participants { patients: 14, carers: 0, staff: 3, others: 0 });
    }

    #[test]
    fn every_wrong_field_gets_its_own_clear_message() {
        let fields = ActivityFields {
            level: "collaboration".into(),
            kind: "".into(),
            title: " ".into(),
            happened_on: DateParts::new("30", "2", "2026"),
            patients: "lots".into(),
            carers: "100001".into(),
            ..Default::default()
        };
        let errors = fields.parse(today()).unwrap_err();
        let messages: Vec<(&str, &str)> =
            errors.errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
        assert!(messages.contains(&(
            "level",
            "Choose a continuum level: information, consultation, participation, inclusion or partnership"
        )));
        assert!(messages.contains(&("kind", "Choose what kind of activity it was")));
        assert!(messages.iter().any(|(f, _)| *f == "title"));
        assert!(messages.contains(&("happened_on_day", "Date it happened must be a real date")));
        assert!(messages.contains(&("patients", "Enter the number of patients as a whole number, like 12")));
        assert!(messages.contains(&("carers", "The number of carers must be between 0 and 100000")));
    }

    #[test]
    fn a_date_after_today_in_the_deployments_time_zone_is_refused() {
        let mut fields = valid();
        fields.happened_on = DateParts::new("26", "11", "2026");
        assert!(fields.parse(today()).is_ok());
        fields.happened_on = DateParts::new("27", "11", "2026");
        let errors = fields.parse(today()).unwrap_err();
        assert_eq!(errors.errors[0].message, "Date it happened must be today or in the past");
        assert_eq!(errors.errors[0].field, "happened_on_day");
    }
}
