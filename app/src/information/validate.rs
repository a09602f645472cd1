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

/// A leaflet's words as typed (the file is checked by `check_leaflet`).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(errors: FormErrors) -> Vec<String> {
        errors.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect()
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
