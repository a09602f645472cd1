//! Parsing what people type into Information's forms: each form's fields as typed (`*Fields`), and `parse`
//! into a domain value or a message beside every field that is wrong. Server functions and `seed-demo` both
//! go through these, so a rule is written once. Limits are Continuum's own (a page's words fit one screenful
//! of reading many times over; one line fields fit a heading).

use crate::accounts::validate::EmailAddress;
use crate::error::FormErrors;
use crate::text::one_line;

/// The longest information page, in characters.
pub const PAGE_BODY_MAX: usize = 50_000;
/// The longest access needs note on an event registration, in characters.
pub const ACCESS_NEEDS_MAX: usize = 2_000;

/// An event registration as typed.
#[derive(Clone, Debug, Default)]
pub struct RegistrationFields {
    pub name: String,
    pub email: String,
    pub access_needs: String,
}

/// An event registration, parsed: a name, an optional email address (for the confirmation and reminder) and
/// access needs (trimmed, possibly empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedRegistration {
    pub name: String,
    pub email: Option<EmailAddress>,
    pub access_needs: String,
}

impl RegistrationFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("name", &self.name), ("email", &self.email), ("access_needs", &self.access_needs)]
    }

    /// Parses every field, collecting a message for each one that is wrong.
    pub fn parse(&self) -> Result<ParsedRegistration, FormErrors> {
        let mut errors = FormErrors::new();
        let name = one_line(&mut errors, "name", &self.name, "your name", 100, true);
        let email = if self.email.trim().is_empty() {
            None
        } else {
            EmailAddress::parse(&self.email).map_err(|m| errors.add("email", m)).ok()
        };
        if self.access_needs.chars().count() > ACCESS_NEEDS_MAX {
            errors.add("access_needs", "Access needs must be 2,000 characters or fewer");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ParsedRegistration { name, email, access_needs: self.access_needs.trim().to_owned() })
    }
}

/// An information page as typed (the service is chosen separately, and checked for access first).
#[derive(Clone, Debug, Default)]
pub struct InfoPageFields {
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// An information page's words, parsed: a one-line title and summary, and the body as written (Markdown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedInfoPage {
    pub title: String,
    pub summary: String,
    pub body: String,
}

impl InfoPageFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("title", &self.title), ("summary", &self.summary), ("body", &self.body)]
    }

    /// Parses every field, collecting a message for each one that is wrong.
    pub fn parse(&self) -> Result<ParsedInfoPage, FormErrors> {
        let mut errors = FormErrors::new();
        let title = one_line(&mut errors, "title", &self.title, "a title", 120, true);
        let summary = one_line(&mut errors, "summary", &self.summary, "a summary", 300, false);
        if self.body.trim().is_empty() {
            errors.add("body", "Enter the page's words");
        } else if self.body.chars().count() > PAGE_BODY_MAX {
            errors.add("body", "The page must be 50,000 characters or fewer");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ParsedInfoPage { title, summary, body: self.body.clone() })
    }
}

/// A leaflet's words as typed (the file is checked by `crate::pdf::check`).
#[derive(Clone, Debug, Default)]
pub struct LeafletFields {
    pub title: String,
    pub summary: String,
}

/// A leaflet's title and summary, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLeaflet {
    pub title: String,
    pub summary: String,
}

impl LeafletFields {
    /// Parses the title and summary into `errors` (the upload adds the file's and the service's messages to
    /// the same list, so every message shows at once); the tidied values are returned either way.
    pub fn parse_into(&self, errors: &mut FormErrors) -> ParsedLeaflet {
        ParsedLeaflet {
            title: one_line(errors, "title", &self.title, "a title", 120, true),
            summary: one_line(errors, "summary", &self.summary, "a summary", 300, false),
        }
    }
}

/// The longest event description, in characters.
pub const EVENT_DESCRIPTION_MAX: usize = 20_000;
/// The most places an event may have.
pub const EVENT_PLACES_MAX: i64 = 10_000;

/// An event as typed: its date as the NHS.UK date input's three boxes, times as `HH:MM` (24-hour clock).
#[derive(Clone, Debug, Default)]
pub struct EventFields {
    pub title: String,
    pub description: String,
    pub day_day: String,
    pub day_month: String,
    pub day_year: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: String,
}

/// An event, parsed: local times `YYYY-MM-DDTHH:MM` (the service's own time zone; whether the time exists on
/// that day is checked by the caller, which knows the clock), and from 1 to 10,000 places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedEvent {
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub capacity: i64,
}

impl EventFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("title", &self.title),
            ("description", &self.description),
            ("day_day", &self.day_day),
            ("day_month", &self.day_month),
            ("day_year", &self.day_year),
            ("start", &self.start),
            ("end", &self.end),
            ("place", &self.place),
            ("capacity", &self.capacity),
        ]
    }

    /// Parses every field, collecting a message for each one that is wrong. There is no rule on past or
    /// future (an event may be recorded after it was held); the years allowed are the date input's.
    pub fn parse(&self) -> Result<ParsedEvent, FormErrors> {
        let mut errors = FormErrors::new();
        let title = one_line(&mut errors, "title", &self.title, "a title", 120, true);
        let place = one_line(&mut errors, "place", &self.place, "where it is", 200, true);
        if self.description.chars().count() > EVENT_DESCRIPTION_MAX {
            errors.add("description", "The description must be 20,000 characters or fewer");
        }
        let day = crate::dates::DateParts::new(&self.day_day, &self.day_month, &self.day_year);
        let field =
            crate::dates::DateField { name: "day", legend: "Date the event is held", earliest: None, latest: None };
        let date = crate::dates::parse_date_input(&field, &day).map_err(|e| e.add_to(&mut errors)).ok();
        let (starts, ends) = crate::dates::parse_times(
            &mut errors,
            (&self.start, &self.end),
            "14:30",
            "The end time must be after the start time",
        );
        let capacity = match crate::text::whole_number(&self.capacity) {
            Some(n) if (1..=EVENT_PLACES_MAX).contains(&n) => n,
            _ => {
                errors.add("capacity", "Enter how many places there are, as a whole number from 1 to 10000");
                0
            }
        };
        match (date, starts, ends) {
            (Some(d), Some(s), Some(e)) if errors.is_empty() => Ok(ParsedEvent {
                title,
                description: self.description.trim().to_owned(),
                starts_at: format!("{}T{}", d.iso(), s.format("%H:%M")),
                ends_at: format!("{}T{}", d.iso(), e.format("%H:%M")),
                place,
                capacity,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(errors: FormErrors) -> Vec<String> {
        errors.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect()
    }

    #[test]
    fn an_event_ends_after_it_starts_and_has_places() {
        let fields = EventFields {
            title: "Open day".into(),
            day_day: "14".into(),
            day_month: "3".into(),
            day_year: "2027".into(),
            start: "14:00".into(),
            end: "13:00".into(),
            place: "Day hospital".into(),
            capacity: "0".into(),
            ..Default::default()
        };
        let fields_wrong: Vec<String> = fields.parse().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields_wrong, ["end", "capacity"]);
        let fields = EventFields { end: "16:30".into(), capacity: "20".into(), ..fields };
        let event = fields.parse().unwrap();
        assert_eq!((event.starts_at.as_str(), event.ends_at.as_str()), ("2027-03-14T14:00", "2027-03-14T16:30"));
        let missing_month = EventFields { day_month: "".into(), ..fields };
        assert_eq!(missing_month.parse().unwrap_err().errors[0].field, "day_month");
    }

    #[test]
    fn a_registration_needs_a_name_and_a_real_address_if_any() {
        let fields = RegistrationFields { name: "  ".into(), email: "not an address".into(), ..Default::default() };
        let errors = messages(fields.parse().unwrap_err());
        assert!(errors.iter().any(|m| m.starts_with("name:")), "{errors:?}");
        assert!(errors.iter().any(|m| m.starts_with("email:")), "{errors:?}");

        let fields =
            RegistrationFields { name: " Sam   Jones ".into(), email: "".into(), access_needs: " step-free \n".into() };
        let parsed = fields.parse().unwrap();
        assert_eq!(parsed.name, "Sam Jones");
        assert_eq!(parsed.email, None);
        assert_eq!(parsed.access_needs, "step-free");
    }

    #[test]
    fn access_needs_have_a_limit() {
        let fields = RegistrationFields {
            name: "Sam".into(),
            access_needs: "x".repeat(ACCESS_NEEDS_MAX + 1),
            ..Default::default()
        };
        assert!(messages(fields.parse().unwrap_err())[0].starts_with("access_needs:"));
    }

    #[test]
    fn a_page_needs_a_title_and_words_within_the_limit() {
        let fields = InfoPageFields { title: "".into(), summary: "".into(), body: " ".into() };
        let errors = messages(fields.parse().unwrap_err());
        assert_eq!(errors.len(), 2, "{errors:?}");
        let fields =
            InfoPageFields { title: "Open day".into(), summary: "".into(), body: "y".repeat(PAGE_BODY_MAX + 1) };
        assert!(messages(fields.parse().unwrap_err())[0].starts_with("body:"));
        let fields = InfoPageFields { title: " Open  day ".into(), summary: "".into(), body: "Come along".into() };
        assert_eq!(fields.parse().unwrap().title, "Open day");
    }
}
