//! Parsing what people type into Participation's forms: each form's fields as typed (`*Fields`), and `parse`
//! into a domain value or a message beside every field that is wrong. Server functions and `seed-demo` both go
//! through these. Limits are Continuum's own.

use super::types::{MemberType, Position, QuorumRule};
use crate::accounts::validate::EmailAddress;
use crate::dates::{parse_date_input, parse_optional_date_input, DateField, DateParts};
use crate::error::FormErrors;
use crate::text::one_line;

/// The longest terms of reference, in characters.
pub const TERMS_MAX: usize = 50_000;
/// The longest access needs note, in characters.
pub const ACCESS_NEEDS_MAX: usize = 2_000;

fn whole_number(
    errors: &mut FormErrors,
    field: &str,
    text: &str,
    range: std::ops::RangeInclusive<i64>,
    what: &str,
) -> i64 {
    match crate::text::whole_number(text) {
        Some(n) if range.contains(&n) => n,
        _ => {
            errors.add(field, format!("Enter {what}, as a whole number from {} to {}", range.start(), range.end()));
            0
        }
    }
}

/// A date input's three boxes parsed under `field` (see `dates::parse_date_input`), into `errors`; the day as
/// `YYYY-MM-DD`. `optional`: all three empty is `None` without a message.
fn date(errors: &mut FormErrors, field: &DateField, typed: &DateParts, optional: bool) -> Option<String> {
    let parsed =
        if optional { parse_optional_date_input(field, typed) } else { parse_date_input(field, typed).map(Some) };
    parsed.map_err(|e| e.add_to(errors)).ok().flatten().map(|d| d.iso())
}

/// A group's settings as typed.
#[derive(Clone, Debug, Default)]
pub struct GroupFields {
    pub name: String,
    pub purpose: String,
    pub terms_of_reference: String,
    pub quorum_present: String,
    pub quorum_lived: String,
    pub papers_due_days: String,
}

/// A group's settings, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedGroup {
    pub name: String,
    pub purpose: String,
    pub terms_of_reference: String,
    pub quorum: QuorumRule,
    pub papers_due_days: i64,
}

/// How many current members a group has, and how many of them are patient or carer members (observers not
/// counted): a quorum cannot ask for more.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Membership {
    pub members: i64,
    pub lived: i64,
}

impl GroupFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("purpose", &self.purpose),
            ("terms_of_reference", &self.terms_of_reference),
            ("quorum_present", &self.quorum_present),
            ("quorum_lived", &self.quorum_lived),
            ("papers_due_days", &self.papers_due_days),
        ]
    }

    /// Parses every field. `membership` is the group's current membership when it already has members (a
    /// change to its settings): the quorum may not be larger. A new group has none yet and is not checked.
    pub fn parse(&self, membership: Option<Membership>) -> Result<ParsedGroup, FormErrors> {
        let mut errors = FormErrors::new();
        let name = one_line(&mut errors, "name", &self.name, "the group's name", 120, true);
        let purpose = one_line(&mut errors, "purpose", &self.purpose, "the group's purpose", 300, true);
        if self.terms_of_reference.chars().count() > TERMS_MAX {
            errors.add("terms_of_reference", "The terms of reference must be 50,000 characters or fewer");
        }
        let present = whole_number(
            &mut errors,
            "quorum_present",
            &self.quorum_present,
            1..=100,
            "how many members make a quorum",
        );
        let lived = whole_number(
            &mut errors,
            "quorum_lived",
            &self.quorum_lived,
            0..=100,
            "how many of them must be patient or carer members",
        );
        if lived > present && present > 0 {
            errors.add("quorum_lived", "The patient or carer members needed cannot be more than the quorum itself");
        }
        if let Some(m) = membership {
            if present > m.members {
                errors.add(
                    "quorum_present",
                    format!(
                        "The quorum cannot be larger than the membership: the group has {}",
                        crate::text::count(m.members, "current member", "current members")
                    ),
                );
            } else if lived > m.lived {
                errors.add(
                    "quorum_lived",
                    format!("The group has {} patient or carer members, so the quorum cannot ask for more", m.lived),
                );
            }
        }
        let papers_due_days = if self.papers_due_days.trim().is_empty() {
            7
        } else {
            whole_number(
                &mut errors,
                "papers_due_days",
                &self.papers_due_days,
                0..=60,
                "how many days before a meeting papers go out",
            )
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ParsedGroup {
            name,
            purpose,
            terms_of_reference: self.terms_of_reference.trim().to_owned(),
            quorum: QuorumRule { present, lived },
            papers_due_days,
        })
    }
}

/// A member as typed: either an account's email address (`account_email`), or a named outsider's name,
/// organisation and optional email.
#[derive(Clone, Debug, Default)]
pub struct MemberFields {
    pub account_email: String,
    pub name: String,
    pub organisation: String,
    pub email: String,
    pub member_type: String,
    pub position: String,
    pub term_start_day: String,
    pub term_start_month: String,
    pub term_start_year: String,
    pub term_end_day: String,
    pub term_end_month: String,
    pub term_end_year: String,
    pub access_needs: String,
}

/// Who a new member is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewMemberWho {
    /// A person with an account, by its email address (looked up by the server function).
    Account(EmailAddress),
    /// A named outside stakeholder.
    Outsider { name: String, email: Option<EmailAddress> },
}

/// A member, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedMember {
    pub who: NewMemberWho,
    pub organisation: String,
    pub member_type: MemberType,
    pub position: Position,
    pub term_start: String,
    pub term_end: Option<String>,
    pub access_needs: String,
}

impl MemberFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("account_email", &self.account_email),
            ("member_name", &self.name),
            ("organisation", &self.organisation),
            ("member_email", &self.email),
            ("member_type", &self.member_type),
            ("position", &self.position),
            ("term_start_day", &self.term_start_day),
            ("term_start_month", &self.term_start_month),
            ("term_start_year", &self.term_start_year),
            ("term_end_day", &self.term_end_day),
            ("term_end_month", &self.term_end_month),
            ("term_end_year", &self.term_end_year),
            ("access_needs", &self.access_needs),
        ]
    }

    /// Parses every field, collecting a message for each one that is wrong.
    pub fn parse(&self) -> Result<ParsedMember, FormErrors> {
        let mut errors = FormErrors::new();
        let organisation = one_line(&mut errors, "organisation", &self.organisation, "the organisation", 200, false);
        let who = if !self.account_email.trim().is_empty() {
            EmailAddress::parse(&self.account_email)
                .map_err(|m| errors.add("account_email", m))
                .ok()
                .map(NewMemberWho::Account)
        } else if self.name.trim().is_empty() {
            errors.add("member_name", "Enter the email address of their account, or the name of someone without one");
            None
        } else {
            let name = one_line(&mut errors, "member_name", &self.name, "their name", 100, true);
            let email = if self.email.trim().is_empty() {
                None
            } else {
                EmailAddress::parse(&self.email).map_err(|m| errors.add("member_email", m)).ok()
            };
            Some(NewMemberWho::Outsider { name, email })
        };
        let member_type = self
            .member_type
            .parse::<MemberType>()
            .map_err(|_| errors.add("member_type", "Choose the kind of member"))
            .ok();
        let position =
            self.position.parse::<Position>().map_err(|_| errors.add("position", "Choose their position")).ok();
        let start_field =
            DateField { name: "term_start", legend: "Date the term starts", earliest: None, latest: None };
        let end_field = DateField { name: "term_end", legend: "Date the term ends", earliest: None, latest: None };
        let typed_start = DateParts::new(&self.term_start_day, &self.term_start_month, &self.term_start_year);
        let typed_end = DateParts::new(&self.term_end_day, &self.term_end_month, &self.term_end_year);
        let term_start = date(&mut errors, &start_field, &typed_start, false);
        let term_end = date(&mut errors, &end_field, &typed_end, true);
        if let (Some(start), Some(end)) = (&term_start, &term_end) {
            if end < start {
                errors.add("term_end_day", "The term must end after it starts");
            }
        }
        if self.access_needs.chars().count() > ACCESS_NEEDS_MAX {
            errors.add("access_needs", "Access needs must be 2,000 characters or fewer");
        }
        match (who, member_type, position, term_start) {
            (Some(who), Some(member_type), Some(position), Some(term_start)) if errors.is_empty() => Ok(ParsedMember {
                who,
                organisation,
                member_type,
                position,
                term_start,
                term_end,
                access_needs: self.access_needs.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// A meeting as typed: its local date, start and end times, and where.
#[derive(Clone, Debug, Default)]
pub struct MeetingFields {
    pub day_day: String,
    pub day_month: String,
    pub day_year: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub joining_link: String,
}

/// A meeting, parsed: local wall-clock times `YYYY-MM-DDTHH:MM`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedMeeting {
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub joining_link: String,
}

impl MeetingFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("day_day", &self.day_day),
            ("day_month", &self.day_month),
            ("day_year", &self.day_year),
            ("start", &self.start),
            ("end", &self.end),
            ("place", &self.place),
            ("joining_link", &self.joining_link),
        ]
    }

    /// Parses every field. A meeting needs a place, a joining link, or both (hybrid). A time that does not
    /// exist locally (the hour the clocks go forward) is refused by the server function, which has the clock.
    pub fn parse(&self) -> Result<ParsedMeeting, FormErrors> {
        let mut errors = FormErrors::new();
        let field = DateField { name: "day", legend: "Date of the meeting", earliest: None, latest: None };
        let day = date(&mut errors, &field, &DateParts::new(&self.day_day, &self.day_month, &self.day_year), false);
        let (start, end) = crate::dates::parse_times(
            &mut errors,
            (&self.start, &self.end),
            "18:30",
            "The meeting must end after it starts",
        );
        let place = one_line(&mut errors, "place", &self.place, "where it is", 200, false);
        let link = self.joining_link.trim();
        if !(link.is_empty() || link.starts_with("https://") || link.starts_with("http://"))
            || link.chars().count() > 500
        {
            errors.add("joining_link", "Enter the joining link as a web address starting https://");
        }
        if place.is_empty() && link.is_empty() && !errors.errors.iter().any(|e| e.field == "place") {
            errors.add("place", "Enter where the meeting is, a joining link, or both");
        }
        match (day, start, end) {
            (Some(d), Some(s), Some(e)) if errors.is_empty() => Ok(ParsedMeeting {
                starts_at: format!("{d}T{}", s.format("%H:%M")),
                ends_at: format!("{d}T{}", e.format("%H:%M")),
                place,
                joining_link: link.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// An agenda item as typed.
#[derive(Clone, Debug, Default)]
pub struct AgendaItemFields {
    pub title: String,
    pub lead: String,
    pub minutes_allotted: String,
    /// Posted (any value) when ticked.
    pub confidential: bool,
}

/// An agenda item, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedAgendaItem {
    pub title: String,
    pub lead: String,
    pub minutes_allotted: i64,
    pub confidential: bool,
}

impl AgendaItemFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("title", &self.title), ("lead", &self.lead), ("minutes_allotted", &self.minutes_allotted)]
    }

    pub fn parse(&self) -> Result<ParsedAgendaItem, FormErrors> {
        let mut errors = FormErrors::new();
        let title = one_line(&mut errors, "title", &self.title, "the item's title", 200, true);
        let lead = one_line(&mut errors, "lead", &self.lead, "who leads it", 100, false);
        let minutes_allotted =
            whole_number(&mut errors, "minutes_allotted", &self.minutes_allotted, 1..=480, "the minutes allotted");
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ParsedAgendaItem { title, lead, minutes_allotted, confidential: self.confidential })
    }
}

/// A guest as typed.
#[derive(Clone, Debug, Default)]
pub struct GuestFields {
    pub guest_name: String,
    pub guest_role: String,
}

impl GuestFields {
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("guest_name", &self.guest_name), ("guest_role", &self.guest_role)]
    }

    /// Parses the guest's name and role (both one line; the role may be empty).
    pub fn parse(&self) -> Result<(String, String), FormErrors> {
        let mut errors = FormErrors::new();
        let name = one_line(&mut errors, "guest_name", &self.guest_name, "the guest's name", 100, true);
        let role = one_line(&mut errors, "guest_role", &self.guest_role, "their role", 200, false);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok((name, role))
    }
}

/// A declaration of interest as typed (the item and member are chosen from lists and checked by the server).
#[derive(Clone, Debug, Default)]
pub struct DeclarationFields {
    pub interest: String,
}

impl DeclarationFields {
    pub fn parse(&self, errors: &mut FormErrors) -> String {
        one_line(errors, "interest", &self.interest, "the interest declared", 500, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields given a message (a date's other marked boxes carry none).
    fn fields(errors: FormErrors) -> Vec<String> {
        errors.errors.iter().filter(|e| !e.message.is_empty()).map(|e| e.field.clone()).collect()
    }

    fn group(present: &str, lived: &str) -> GroupFields {
        GroupFields {
            name: "Steering group".into(),
            purpose: "Shapes the service".into(),
            terms_of_reference: "## Terms".into(),
            quorum_present: present.into(),
            quorum_lived: lived.into(),
            papers_due_days: "".into(),
        }
    }

    #[test]
    fn a_quorum_cannot_be_larger_than_the_membership() {
        let parsed = group("4", "2").parse(None).unwrap();
        assert_eq!(parsed.quorum, QuorumRule { present: 4, lived: 2 });
        assert_eq!(parsed.papers_due_days, 7);
        let errors = group("9", "2").parse(Some(Membership { members: 8, lived: 4 })).unwrap_err();
        assert_eq!(fields(errors), ["quorum_present"]);
        let errors = group("5", "5").parse(Some(Membership { members: 8, lived: 4 })).unwrap_err();
        assert_eq!(fields(errors), ["quorum_lived"]);
        let errors = group("2", "3").parse(None).unwrap_err();
        assert_eq!(fields(errors), ["quorum_lived"]);
    }

    #[test]
    fn a_term_must_end_after_it_starts() {
        let member = MemberFields {
            name: "Dana Fox".into(),
            organisation: "Healthwatch".into(),
            member_type: "stakeholder".into(),
            position: "member".into(),
            term_start_day: "1".into(),
            term_start_month: "4".into(),
            term_start_year: "2026".into(),
            term_end_day: "1".into(),
            term_end_month: "3".into(),
            term_end_year: "2026".into(),
            ..Default::default()
        };
        assert_eq!(fields(member.parse().unwrap_err()), ["term_end_day"]);
        let ok =
            MemberFields { term_end_day: "".into(), term_end_month: "".into(), term_end_year: "".into(), ..member };
        let parsed = ok.parse().unwrap();
        assert_eq!(parsed.who, NewMemberWho::Outsider { name: "Dana Fox".into(), email: None });
        assert_eq!(parsed.term_end, None);
    }

    #[test]
    fn a_member_is_an_account_or_a_name() {
        let errors = MemberFields { member_type: "nonsense".into(), ..Default::default() }.parse().unwrap_err();
        assert_eq!(fields(errors), ["member_name", "member_type", "position", "term_start_day"]);
    }

    #[test]
    fn a_meeting_ends_after_it_starts_and_is_somewhere() {
        let meeting = MeetingFields {
            day_day: "3".into(),
            day_month: "3".into(),
            day_year: "2026".into(),
            start: "18:00".into(),
            end: "17:30".into(),
            place: "".into(),
            joining_link: "".into(),
        };
        assert_eq!(fields(meeting.parse().unwrap_err()), ["end", "place"]);
        let hybrid = MeetingFields {
            end: "19:30".into(),
            place: "Room 2".into(),
            joining_link: "https://meet.example/abc".into(),
            ..meeting
        };
        let parsed = hybrid.parse().unwrap();
        assert_eq!((parsed.starts_at.as_str(), parsed.ends_at.as_str()), ("2026-03-03T18:00", "2026-03-03T19:30"));
        let bad_link = MeetingFields { joining_link: "javascript:alert(1)".into(), ..Default::default() };
        assert!(fields(bad_link.parse().unwrap_err()).contains(&"joining_link".to_owned()));
    }

    #[test]
    fn quorum_is_met_or_not_by_patient_members() {
        let rule = QuorumRule { present: 4, lived: 2 };
        assert!(rule.check(5, 2).quorate);
        let not = rule.check(6, 1);
        assert!(!not.quorate);
        assert!(not.sentence.contains("not quorate (too few patient or carer members present)"), "{}", not.sentence);
        assert!(!rule.check(3, 3).quorate);
    }
}
