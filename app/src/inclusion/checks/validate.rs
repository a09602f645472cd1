//! Parsing the checks forms: a check in the service's list (category, name, how long it lasts, a DBS level),
//! and a check recorded for an appointment (the date and, for DBS, the certificate number).

use super::types::{CheckCategory, CheckKind, DBS_LEVELS};
use crate::error::FormErrors;
use crate::text::one_line;

/// The longest a check may last, in months (10 years).
pub const MOST_MONTHS: i64 = 120;

/// A check for the service's list, as typed.
#[derive(Clone, Debug, Default)]
pub struct CheckKindFields {
    pub category: String,
    pub name: String,
    /// Months, as typed; empty takes the category's default.
    pub valid_months: String,
    pub dbs_level: String,
}

/// A check for the service's list, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedCheckKind {
    pub category: CheckCategory,
    pub name: String,
    pub valid_months: i64,
    pub dbs_level: String,
}

impl CheckKindFields {
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("category", &self.category),
            ("check_name", &self.name),
            ("valid_months", &self.valid_months),
            ("dbs_level", &self.dbs_level),
        ]
    }

    pub fn parse(&self) -> Result<ParsedCheckKind, FormErrors> {
        let mut errors = FormErrors::new();
        let category = self.category.parse::<CheckCategory>().ok();
        if category.is_none() {
            errors.add("category", "Choose what kind of check it is");
        }
        let name = one_line(&mut errors, "check_name", &self.name, "the check's name", 120, true);
        let valid_months = match self.valid_months.trim() {
            "" => category.map_or(0, CheckCategory::default_months),
            typed => match typed.parse::<i64>() {
                Ok(n) if (0..=MOST_MONTHS).contains(&n) => n,
                _ => {
                    errors.add("valid_months", "Enter how many months it lasts, from 0 (it does not expire) to 120");
                    0
                }
            },
        };
        let dbs_level = match category {
            Some(CheckCategory::Dbs) => {
                if !DBS_LEVELS.iter().any(|(v, _)| *v == self.dbs_level) {
                    errors.add("dbs_level", "Choose the level of the DBS check");
                }
                self.dbs_level.clone()
            }
            _ => String::new(),
        };
        match category {
            Some(category) if errors.is_empty() => Ok(ParsedCheckKind { category, name, valid_months, dbs_level }),
            _ => Err(errors),
        }
    }
}

/// The DBS certificate number: 12 digits (the Disclosure and Barring Service's certificate format). Other
/// checks take none.
pub fn certificate_number(errors: &mut FormErrors, kind: &CheckKind, typed: &str) -> String {
    let number: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if kind.category != CheckCategory::Dbs {
        return String::new();
    }
    if number.is_empty() {
        errors.add("certificate_number", "Enter the DBS certificate number");
    } else if number.len() != 12 || !number.chars().all(|c| c.is_ascii_digit()) {
        errors.add("certificate_number", "The DBS certificate number must be 12 digits");
    }
    number
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(category: &str, name: &str, months: &str, level: &str) -> CheckKindFields {
        CheckKindFields {
            category: category.into(),
            name: name.into(),
            valid_months: months.into(),
            dbs_level: level.into(),
        }
    }

    #[test]
    fn a_dbs_check_lasts_three_years_unless_the_service_says_otherwise() {
        let parsed = fields("dbs", "DBS check", "", "enhanced").parse().unwrap();
        assert_eq!(parsed.valid_months, 36);
        assert_eq!(fields("dbs", "DBS check", "24", "enhanced").parse().unwrap().valid_months, 24);
    }

    #[test]
    fn mistakes_are_named_beside_their_fields() {
        let errors = fields("dbs", "", "999", "").parse().unwrap_err();
        let named: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["check_name", "valid_months", "dbs_level"]);
        let errors = fields("", "Fire safety", "12", "").parse().unwrap_err();
        assert_eq!(errors.errors[0].field, "category");
    }
}
