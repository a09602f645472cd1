//! `AppError`: the one error type that crosses the wire between server functions and pages.
//!
//! Every message here is what a person reads, so each is a calm sentence with no internals. The full cause of
//! a database or mail failure is logged once on the server where it happens (see `AppError::internal`), and
//! only the calm sentence travels.

use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

/// A problem with one field of a form, shown beside that field and in the summary at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The `name` of the form control; the control's `id` is the same, so the summary can link to it.
    pub field: String,
    /// What is wrong. Empty only to mark a control whose group's message is on another control (the other
    /// boxes of a date input, `dates::DateError`): the summary and the field show no line for it.
    pub message: String,
}

/// Everything a form needs to come back as the person left it: what was wrong and what they had typed.
///
/// `kept` never holds a password: the server functions that take one leave it out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    pub errors: Vec<FieldError>,
    pub kept: Vec<(String, String)>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a message for a field.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_owned(), message: message.into() });
    }

    /// Remembers what the person typed into a field so the page can show it again.
    pub fn keep(mut self, field: &str, value: impl Into<String>) -> Self {
        self.kept.push((field.to_owned(), value.into()));
        self
    }

    /// Remembers every field of a posted form (a field may post several values, as a group of checkboxes
    /// does), skipping pairs already kept.
    pub fn keep_posted(mut self, posted: &[(String, String)]) -> Self {
        for (field, value) in posted {
            if !self.kept.iter().any(|(f, v)| f == field && v == value) {
                self.kept.push((field.clone(), value.clone()));
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(())` when nothing was added, otherwise the validation error to return.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("You need to sign in to see this page.")]
    Unauthenticated,
    #[error("You do not have permission to see this page.")]
    Forbidden,
    #[error("We could not find what you were looking for.")]
    NotFound,
    #[error("There is a problem with what you entered.")]
    Validation(FormErrors),
    /// Not for this person (403), with the reason beside the form's field and what they typed kept: a refusal
    /// they can read and act on (a panel member scoring a candidate they declared an interest in), where a bare
    /// `Forbidden` would tell them nothing.
    #[error("You cannot do this.")]
    ForbiddenField(FormErrors),
    /// The request clashes with something that already exists; the text says what.
    #[error("{0}")]
    Conflict(String),
    #[error("Too many attempts. Please wait a few minutes and try again.")]
    TooManyAttempts,
    #[error("We could not reach Continuum. Check your connection and try again.")]
    Unavailable,
    #[error("Something went wrong on our side and nothing was saved. Please try again.")]
    Internal,
}

impl AppError {
    /// A validation error for a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FormErrors::new();
        errors.add(field, message);
        Self::Validation(errors)
    }

    /// Logs the real cause once, where it happened, and returns the calm error the person sees.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "{context}");
        Self::Internal
    }

    /// The refusal in words, for a page that has no form to put messages beside: a form's messages joined
    /// into sentences (a date's other marked boxes carry none), or the error's own sentence.
    pub fn in_words(&self) -> String {
        match self {
            Self::Validation(errors) | Self::ForbiddenField(errors) => errors
                .errors
                .iter()
                .filter(|e| !e.message.is_empty())
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join(". "),
            other => other.to_string(),
        }
    }

    /// Adds the values a person typed to a validation error, so the form comes back filled in.
    pub fn keeping(self, kept: &[(&str, &str)]) -> Self {
        let keep = |mut errors: FormErrors| {
            for (field, value) in kept {
                if !errors.kept.iter().any(|(f, _)| f == field) {
                    errors.kept.push(((*field).to_owned(), (*value).to_owned()));
                }
            }
            errors
        };
        match self {
            Self::Validation(errors) => Self::Validation(keep(errors)),
            Self::ForbiddenField(errors) => Self::ForbiddenField(keep(errors)),
            other => other,
        }
    }

    /// The messages a form shows, one per field; other errors have none.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Validation(errors) | Self::ForbiddenField(errors) => &errors.errors,
            _ => &[],
        }
    }

    pub fn kept_value(&self, field: &str) -> Option<&str> {
        match self {
            Self::Validation(errors) | Self::ForbiddenField(errors) => {
                errors.kept.iter().find(|(f, _)| f == field).map(|(_, v)| v.as_str())
            }
            _ => None,
        }
    }

    /// The HTTP status a page showing this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden | Self::ForbiddenField(_) => 403,
            Self::NotFound => 404,
            Self::Validation(_) => 422,
            Self::Conflict(_) => 409,
            Self::TooManyAttempts => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server these mean a request that could not be read: the sender's mistake, not ours, and
            // not an outage (a 503 would page whoever watches for faults).
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::field("form", "The form could not be read. Please reload the page and try again.")
            }
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Response(_) => Self::Unavailable,
            // In the browser: the request never reached us, or the answer never came back.
            #[cfg(not(feature = "ssr"))]
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::Unavailable
            }
            // A form arrived without the fields it should have: nothing a person can fix by retyping.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                Self::field("form", "The form was incomplete. Please reload the page and try again.")
            }
            _ => Self::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => Self::NotFound,
            // A record named in the request (a service, a person) does not exist: the request's mistake, not
            // ours, on both engines.
            sqlx::Error::Database(ref db) if db.is_foreign_key_violation() => {
                tracing::info!(error = %error, "refused: the request names a record that does not exist");
                Self::NotFound
            }
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(error = %error, "database unavailable");
                Self::Unavailable
            }
            // PostgreSQL's own word that it cannot serve now (SQLSTATE classes 08 connection, 53 resources, 57
            // operator intervention such as a shutdown, and 3D000 the database gone): an outage, not a bug.
            sqlx::Error::Database(ref db)
                if db.code().is_some_and(|c| {
                    c.starts_with("08") || c.starts_with("53") || c.starts_with("57") || c == "3D000"
                }) =>
            {
                tracing::error!(error = %error, "database unavailable");
                Self::Unavailable
            }
            other => Self::internal("database error", other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeping_adds_typed_values_to_a_validation_error_only() {
        let err = AppError::field("email", "Enter an email address").keeping(&[("email", "a@b"), ("name", "Sam")]);
        assert_eq!(err.kept_value("name"), Some("Sam"));
        assert_eq!(err.field_errors()[0].field, "email");
        assert_eq!(AppError::Forbidden.keeping(&[("x", "y")]), AppError::Forbidden);
    }

    #[test]
    fn an_error_survives_the_round_trip_through_its_wire_encoding() {
        let err = AppError::field("password", "Enter your password").keeping(&[("email", "sam@example.org")]);
        assert_eq!(AppError::de(err.ser()), err);
    }
}
