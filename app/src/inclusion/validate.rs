//! Parsing what people type into Inclusion's forms: a role's details and an application, each as typed
//! (`*Fields`) and `parse`d into a domain value or a message beside every field that is wrong. Server
//! functions and `seed-demo` both go through these. Limits are Continuum's own.

use super::types::{RoleState, Stage, TakingPartAs, EQUALITY_QUESTIONS};
use crate::accounts::validate::EmailAddress;
use crate::error::FormErrors;
use crate::text::one_line;

/// The longest free text of a role or an application (what the volunteer does, why they apply), in characters.
pub const LONG_TEXT_MAX: usize = 5_000;

/// A block of free text: kept as typed (lines and all), trimmed; a message when required and empty or too long.
fn long_text(errors: &mut FormErrors, field: &str, value: &str, what: &str, required: bool) -> String {
    let text = value.trim().to_owned();
    if required && text.is_empty() {
        errors.add(field, format!("Enter {what}"));
    } else if text.chars().count() > LONG_TEXT_MAX {
        errors.add(field, format!("{} must be 5,000 characters or fewer", crate::text::capitalise(what)));
    }
    text
}

/// Whether `text` reads as a phone number: digits (at least 6), spaces and `+()-` only. The numbers Continuum
/// asks for are UK and international numbers as people write them; anything else is refused beside the field.
pub fn is_phone_number(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= 6
        && text.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c))
}

/// A role's details as typed.
#[derive(Clone, Debug, Default)]
pub struct RoleFields {
    pub title: String,
    pub duties: String,
    pub time_asked: String,
    pub place: String,
    pub support: String,
    pub expenses: String,
    /// `yes` or `no`.
    pub lived_experience: String,
    pub posts: String,
    pub state: String,
}

/// A role's details, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedRole {
    pub title: String,
    pub duties: String,
    pub time_asked: String,
    pub place: String,
    pub support: String,
    pub expenses: String,
    pub lived_experience: bool,
    pub posts: i64,
    pub state: RoleState,
}

impl RoleFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("title", &self.title),
            ("duties", &self.duties),
            ("time_asked", &self.time_asked),
            ("place", &self.place),
            ("support", &self.support),
            ("expenses", &self.expenses),
            ("lived_experience", &self.lived_experience),
            ("posts", &self.posts),
            ("state", &self.state),
        ]
    }

    pub fn parse(&self) -> Result<ParsedRole, FormErrors> {
        let mut errors = FormErrors::new();
        let title = one_line(&mut errors, "title", &self.title, "the role's title", 120, true);
        let duties = long_text(&mut errors, "duties", &self.duties, "what the volunteer does", true);
        let time_asked = one_line(&mut errors, "time_asked", &self.time_asked, "the time asked", 200, true);
        let place = one_line(&mut errors, "place", &self.place, "where the role is", 200, true);
        let support = long_text(&mut errors, "support", &self.support, "the support and supervision offered", true);
        let expenses = long_text(&mut errors, "expenses", &self.expenses, "the expenses paid", true);
        let lived_experience = match self.lived_experience.as_str() {
            "yes" => true,
            "no" => false,
            _ => {
                errors.add("lived_experience", "Say whether the role asks for lived experience");
                false
            }
        };
        let posts = match self.posts.trim().parse::<i64>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                errors.add("posts", "Enter how many posts there are, as a whole number from 1 to 100");
                0
            }
        };
        let state = self.state.parse::<RoleState>().unwrap_or_else(|_| {
            errors.add("state", "Choose whether the role is a draft, recruiting, filled or closed");
            RoleState::Draft
        });
        if errors.is_empty() {
            Ok(ParsedRole { title, duties, time_asked, place, support, expenses, lived_experience, posts, state })
        } else {
            Err(errors)
        }
    }
}

/// An application as typed. The equal-opportunities answers (`equality`, by question name) are optional and
/// are parsed apart: they never become part of the application.
#[derive(Clone, Debug, Default)]
pub struct ApplicationFields {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub taking_part_as: String,
    pub why: String,
    pub availability: String,
    pub access_needs: String,
    pub referee1_name: String,
    pub referee1_contact: String,
    pub referee2_name: String,
    pub referee2_contact: String,
    /// `yes` when the consent box was ticked (its only value; anything else is not consent).
    pub consent: String,
    pub equality: Vec<(String, String)>,
}

/// An application, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedApplication {
    pub name: String,
    pub email: Option<EmailAddress>,
    pub phone: String,
    pub taking_part_as: TakingPartAs,
    pub why: String,
    pub availability: String,
    pub access_needs: String,
    pub referees: [(String, String); 2],
    /// The equal-opportunities answers given, as (question, answer) stored values; each known, none repeated.
    pub equality: Vec<(&'static str, &'static str)>,
}

impl ParsedApplication {
    /// The free text the safeguarding screener reads.
    pub fn free_text(&self) -> String {
        [self.why.as_str(), self.availability.as_str(), self.access_needs.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

impl ApplicationFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&str, &str)> {
        let mut kept = vec![
            ("name", self.name.as_str()),
            ("email", &self.email),
            ("phone", &self.phone),
            ("taking_part_as", &self.taking_part_as),
            ("why", &self.why),
            ("availability", &self.availability),
            ("access_needs", &self.access_needs),
            ("referee1_name", &self.referee1_name),
            ("referee1_contact", &self.referee1_contact),
            ("referee2_name", &self.referee2_name),
            ("referee2_contact", &self.referee2_contact),
            ("consent", &self.consent),
        ];
        kept.extend(self.equality.iter().map(|(f, v)| (f.as_str(), v.as_str())));
        kept
    }

    pub fn parse(&self) -> Result<ParsedApplication, FormErrors> {
        let mut errors = FormErrors::new();
        let name = one_line(&mut errors, "name", &self.name, "your name", 120, true);
        let email = if self.email.trim().is_empty() {
            None
        } else {
            match EmailAddress::parse(&self.email) {
                Ok(address) => Some(address),
                Err(message) => {
                    errors.add("email", message);
                    None
                }
            }
        };
        let phone = one_line(&mut errors, "phone", &self.phone, "your phone number", 40, false);
        if !phone.is_empty() && !is_phone_number(&phone) {
            errors.add("phone", "Enter a phone number, like 07700 900 982 or 020 7946 0000");
        }
        if self.email.trim().is_empty() && phone.is_empty() {
            errors.add("email", "Enter an email address or a phone number, so we can reply to you");
        }
        let taking_part_as = self.taking_part_as.parse::<TakingPartAs>().unwrap_or_else(|_| {
            errors.add("taking_part_as", "Say whether you use the service, care for someone who does, or neither");
            TakingPartAs::Other
        });
        let why = long_text(&mut errors, "why", &self.why, "why you would like this role", true);
        let availability = long_text(&mut errors, "availability", &self.availability, "when you are available", true);
        let access_needs = long_text(&mut errors, "access_needs", &self.access_needs, "your access needs", false);
        let mut referee = |n: u8, name: &str, contact: &str| {
            let which = if n == 1 { "first" } else { "second" };
            let name = one_line(
                &mut errors,
                &format!("referee{n}_name"),
                name,
                &format!("your {which} referee's name"),
                120,
                true,
            );
            let contact = one_line(
                &mut errors,
                &format!("referee{n}_contact"),
                contact,
                &format!("how to contact your {which} referee (an email address or phone number)"),
                200,
                true,
            );
            // As the applicant's own are: an email address in the correct format, or a phone number.
            if !contact.is_empty() && EmailAddress::parse(&contact).is_err() && !is_phone_number(&contact) {
                errors.add(
                    &format!("referee{n}_contact"),
                    format!(
                        "Enter your {which} referee's email address, like name@example.com, or their phone \
                         number, like 07700 900 982"
                    ),
                );
            }
            (name, contact)
        };
        let referees = [
            referee(1, &self.referee1_name, &self.referee1_contact),
            referee(2, &self.referee2_name, &self.referee2_contact),
        ];
        // A referee is someone else: not reached at the applicant's own address or number, and not the other
        // referee again.
        let own = [self.email.as_str(), phone.as_str()].map(contact_key);
        for (n, (_, contact)) in referees.iter().enumerate() {
            let key = contact_key(contact);
            if key.is_empty() {
                continue;
            }
            let which = if n == 0 { "first" } else { "second" };
            if own.contains(&key) {
                errors.add(
                    &format!("referee{}_contact", n + 1),
                    format!("Your {which} referee must be someone else: enter their own email address or phone number"),
                );
            } else if n == 1 && key == contact_key(&referees[0].1) {
                errors.add("referee2_contact", "Your second referee must be a different person from your first");
            }
        }
        // Only the ticked box's own value is consent: anything else sent by hand is not.
        if self.consent.trim() != "yes" {
            errors.add(
                "consent",
                "Tick the box to agree to the checks the role needs, or we cannot take your application",
            );
        }
        let mut equality = Vec::new();
        for question in EQUALITY_QUESTIONS {
            let field = super::types::equality_field(question.name);
            let Some((_, given)) = self.equality.iter().find(|(f, _)| *f == field) else { continue };
            if given.is_empty() {
                continue;
            }
            match question.answers.iter().find(|(value, _)| value == given) {
                Some((value, _)) => equality.push((question.name, *value)),
                None => errors.add(&field, "Choose one of the answers, or leave this question out"),
            }
        }
        if errors.is_empty() {
            Ok(ParsedApplication {
                name,
                email,
                phone,
                taking_part_as,
                why,
                availability,
                access_needs,
                referees,
                equality,
            })
        } else {
            Err(errors)
        }
    }
}

/// The moves a coordinator may make from `from`: the next stage (appointing has its own form), or not taking
/// the application forward. Withdrawing is the applicant's own.
pub fn may_move(from: Stage, to: Stage) -> bool {
    from.is_open() && to != Stage::Appointed && (from.next() == Some(to) || to == Stage::NotTakenForward)
}

/// A contact as compared between applicant and referees: an email address in lower case, or a phone number's
/// digits; empty when none was given.
fn contact_key(contact: &str) -> String {
    let contact = contact.trim();
    if contact.contains('@') {
        contact.to_lowercase()
    } else {
        contact.chars().filter(char::is_ascii_digit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ApplicationFields {
        ApplicationFields {
            name: "  Sam   Jones ".into(),
            email: "Sam@Example.org".into(),
            taking_part_as: "patient".into(),
            why: "I would like to help others.".into(),
            availability: "Tuesdays".into(),
            referee1_name: "A Friend".into(),
            referee1_contact: "friend@example.org".into(),
            referee2_name: "A Teacher".into(),
            referee2_contact: "07700 900 982".into(),
            consent: "yes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_application_parses_into_clean_values() {
        let parsed = good().parse().unwrap();
        assert_eq!(parsed.name, "Sam Jones");
        assert_eq!(parsed.email.unwrap().as_str(), "sam@example.org");
        assert_eq!(parsed.taking_part_as, TakingPartAs::Patient);
        assert!(parsed.equality.is_empty());
    }

    #[test]
    fn an_email_or_a_phone_is_needed_and_consent_is_required() {
        let fields = ApplicationFields { email: String::new(), consent: String::new(), ..good() };
        let errors = fields.parse().unwrap_err();
        let fields: Vec<_> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "consent"]);
        let phone_only = ApplicationFields { email: String::new(), phone: "07700 900111".into(), ..good() };
        assert!(phone_only.parse().unwrap().email.is_none());
        let bad_phone = ApplicationFields { phone: "call me".into(), ..good() };
        assert_eq!(bad_phone.parse().unwrap_err().errors[0].field, "phone");
    }

    #[test]
    fn a_referee_is_someone_else_and_only_yes_is_consent() {
        let mut fields = good();
        fields.email = "Sam@Example.org".into();
        fields.phone = "07700 900333".into();
        fields.referee1_contact = "sam@example.ORG".into();
        fields.referee2_contact = "07700900333".into();
        let errors = fields.parse().unwrap_err();
        assert!(message(&errors, "referee1_contact").contains("someone else"));
        assert!(message(&errors, "referee2_contact").contains("someone else"));
        let mut fields = good();
        fields.referee2_contact = fields.referee1_contact.to_uppercase();
        let errors = fields.parse().unwrap_err();
        assert!(message(&errors, "referee2_contact").contains("different person"));
        for refused in ["no", "maybe", "0"] {
            let mut fields = good();
            fields.consent = refused.into();
            assert!(!message(&fields.parse().unwrap_err(), "consent").is_empty(), "{refused}");
        }
    }

    fn message(errors: &FormErrors, field: &str) -> String {
        errors.errors.iter().find(|e| e.field == field).map(|e| e.message.clone()).unwrap_or_default()
    }

    #[test]
    fn a_referee_is_reached_by_an_email_address_or_a_phone_number() {
        let nonsense = ApplicationFields {
            referee1_contact: "zz".into(),
            referee2_contact: "<script>alert(1)</script>".into(),
            ..good()
        };
        let fields: Vec<_> = nonsense.parse().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["referee1_contact", "referee2_contact"]);
        let fine = ApplicationFields { referee1_contact: "+44 (0)20 7946 0000".into(), ..good() };
        assert!(fine.parse().is_ok());
    }

    #[test]
    fn equality_answers_are_known_choices_or_left_out() {
        let fields = ApplicationFields {
            equality: vec![("eo_age".into(), "25_34".into()), ("eo_gender".into(), String::new())],
            ..good()
        };
        assert_eq!(fields.parse().unwrap().equality, [("age", "25_34")]);
        let made_up = ApplicationFields { equality: vec![("eo_ethnicity".into(), "martian".into())], ..good() };
        assert_eq!(made_up.parse().unwrap_err().errors[0].field, "eo_ethnicity");
    }

    #[test]
    fn a_coordinator_moves_one_stage_on_or_not_forward() {
        assert!(may_move(Stage::Received, Stage::Shortlisted));
        assert!(!may_move(Stage::Received, Stage::Offered));
        assert!(may_move(Stage::Interview, Stage::NotTakenForward));
        assert!(!may_move(Stage::Checks, Stage::Appointed), "appointing has its own form");
        assert!(!may_move(Stage::Withdrawn, Stage::Shortlisted));
    }

    #[test]
    fn a_role_needs_every_detail() {
        let errors = RoleFields::default().parse().unwrap_err();
        assert_eq!(errors.errors.len(), 9);
    }
}
