//! Parsers for what people type into account forms. Each returns the value or a message for the field,
//! written so a person knows what to do next.

/// An email address, trimmed and lower-cased so one person has one account however they type it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, String> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err("Enter an email address".into());
        }
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("Enter an email address in the correct format, like name@example.com".into());
        }
        match email.split_once('@') {
            Some((local, domain))
                if !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.') =>
            {
                Ok(Self(email))
            }
            _ => Err("Enter an email address in the correct format, like name@example.com".into()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name a person is shown by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<Self, String> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err("Enter a name".into());
        }
        if name.chars().count() > 100 {
            return Err("Name must be 100 characters or fewer".into());
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password someone is choosing. Length is what makes a password strong (NCSC guidance), so there are no
/// rules about symbols; the upper bound keeps hashing cheap for us.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 10;

    pub fn parse(input: &str) -> Result<Self, String> {
        let chars = input.chars().count();
        if input.is_empty() {
            return Err("Enter a password".into());
        }
        if chars < Self::MIN_CHARS {
            return Err(format!("Password must be {} characters or more", Self::MIN_CHARS));
        }
        if chars > 256 {
            return Err("Password must be 256 characters or fewer".into());
        }
        if input.trim().is_empty() {
            return Err("Password must contain something other than spaces".into());
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The name of a service, such as "Personality Disorder Service".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceName(String);

impl ServiceName {
    pub fn parse(input: &str) -> Result<Self, String> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err("Enter the service's name".into());
        }
        if name.chars().count() > 120 {
            return Err("Service name must be 120 characters or fewer".into());
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(EmailAddress::parse("  Sam.Jones@Example.ORG ").unwrap().as_str(), "sam.jones@example.org");
    }

    #[test]
    fn malformed_emails_get_a_message_saying_what_to_type() {
        for bad in ["", "sam", "sam@", "@example.org", "sam@example", "sam@@example.org", "sa m@example.org"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(EmailAddress::parse(" ").unwrap_err(), "Enter an email address");
    }

    #[test]
    fn passwords_must_be_long_enough_but_need_no_symbols() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("          ").is_err());
        assert!(NewPassword::parse("correct horse battery").is_ok());
    }

    #[test]
    fn names_collapse_inner_whitespace() {
        assert_eq!(DisplayName::parse("  Sam   Jones ").unwrap().as_str(), "Sam Jones");
        assert!(DisplayName::parse("   ").is_err());
        assert!(ServiceName::parse(&"x".repeat(121)).is_err());
    }
}
