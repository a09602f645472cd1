//! Shared components: the page frame, form controls with their error messages, and the calm error pages.
//! Markup follows the NHS.UK design system so its stylesheet does the styling.

pub mod form;
pub mod layout;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod plain;

pub use form::{
    Choice, DateInput, ErrorSummary, FileInput, FormStatus, NewPasswordFields, PageField, Radios, RefusedPost, Select,
    ShownErrors, SubmissionToken, SubmitButton, TextInput, Textarea,
};
pub use pages::{filtered, AdminOnly, ErrorPage, Loaded, NotFoundPage, Refusal, RefusalPage, StaffOnly};

/// Percent-encodes a value for a query string (RFC 3986 unreserved characters pass through).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(super::encode_query_value("/admin/people?x=1&y=é"), "/admin/people%3Fx%3D1%26y%3D%C3%A9");
    }
}
