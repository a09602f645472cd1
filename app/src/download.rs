//! Downloads' names. Nothing typed travels in an address (README, "Typed words"), and a file's name is typed:
//! people name files "Referral for Jane Smith.pdf", and an export's name is built from a typed title. So every
//! file Continuum serves has an address of ids and fixed words only (`/leaflets/<id>/leaflet.pdf`,
//! `/consultation/forms/<id>/responses.csv`), and the name it downloads under travels only in the
//! `Content-Disposition` header, which is written here and nowhere else (RFC 6266, with RFC 8187's `filename*`
//! for what a plain quoted string cannot carry). Tested in `tests/tests/suite/download_addresses.rs`.
//!
//! A shared kernel: it knows no capability.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// How the browser is asked to treat a download (RFC 6266 §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// Shown in the browser where it can be: a PDF, an image.
    Inline,
    /// Saved as a file: a CSV, a calendar file.
    Attachment,
}

impl Disposition {
    fn as_str(self) -> &'static str {
        match self {
            Self::Inline => "inline",
            Self::Attachment => "attachment",
        }
    }
}

/// The longest name kept for a download, in characters (a name longer than this is cut, keeping its start).
pub const MAX_NAME_CHARS: usize = 120;

/// The name used when nothing is left of the one given.
const NO_NAME: &str = "download";

/// RFC 8187 `attr-char`: the bytes `filename*` carries as they are; every other byte is percent-encoded.
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// A name as a download may carry it: no control characters (so no line breaks), no spaces or dots at either
/// end, at most [`MAX_NAME_CHARS`] characters, and `fallback` when nothing is left.
fn clean(name: &str, fallback: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let name: String = name.trim_matches([' ', '.']).chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end_matches([' ', '.']);
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// An uploaded file's name as kept for its download: the last segment of what the browser sent (some send a
/// whole path, `C:\Users\me\Referral.pdf`), cleaned (no control characters, no spaces or dots at either end, at
/// most [`MAX_NAME_CHARS`] characters) and `fallback` (such as `"leaflet.pdf"`) when nothing is left. It is kept
/// only to go back out in [`content_disposition`]: never in an address, a page's data or a mail.
pub fn uploaded_name(browser_name: &str, fallback: &str) -> String {
    let last = browser_name.rsplit(['/', '\\']).next().unwrap_or(browser_name);
    clean(last, fallback)
}

/// The `Content-Disposition` header's value for a download named `name`, as `disposition` says.
///
/// A name of printable ASCII without `"`, `\` or `%` goes in a quoted `filename` as it is:
/// `attachment; filename="responses-2026.csv"`. Any other name is cleaned first (control characters, such as
/// a `\r\n` that would start another header, are dropped), then sent twice: `filename` holds a plain-ASCII
/// stand-in with each other character as `_`, and `filename*` the exact name, UTF-8 and percent-encoded
/// (RFC 8187), which browsers prefer (RFC 6266 §4.3): `Café "A".pdf` gives
/// `inline; filename="Caf_ _A_.pdf"; filename*=UTF-8''Caf%C3%A9%20%22A%22.pdf`. So the value is always
/// printable ASCII, and nothing in a name can end it or add a header. An empty name is `download`.
pub fn content_disposition(disposition: Disposition, name: &str) -> String {
    let name = clean(name, NO_NAME);
    let plain: String = name
        .chars()
        .map(|c| if c.is_ascii() && !c.is_ascii_control() && !"\"\\%".contains(c) { c } else { '_' })
        .collect();
    let kind = disposition.as_str();
    if plain == name {
        format!("{kind}; filename=\"{name}\"")
    } else {
        let exact = utf8_percent_encode(&name, ATTR_CHAR);
        format!("{kind}; filename=\"{plain}\"; filename*=UTF-8''{exact}")
    }
}

/// The answer to an address of a file that carries something other than its fixed last segment (`file`, such
/// as `"leaflet.pdf"`): before these addresses were ids and fixed words only, they ended in the uploaded name,
/// and such links live on in old mails, posters and bookmarks. `None` when `segment` is `file` (serve it);
/// otherwise a 308 to `to`, the file's own address, whose `Location` carries no name. The file is neither read
/// nor checked here: the new address does that, for whoever follows the redirect.
#[cfg(feature = "ssr")]
pub fn moved(segment: &str, file: &str, to: &str) -> Option<axum::response::Response> {
    use axum::response::IntoResponse;
    (segment != file).then(|| axum::response::Redirect::permanent(to).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_goes_as_it_is() {
        assert_eq!(content_disposition(Disposition::Attachment, "a-b.csv"), "attachment; filename=\"a-b.csv\"");
        assert_eq!(
            content_disposition(Disposition::Inline, "Open day (v2).pdf"),
            "inline; filename=\"Open day (v2).pdf\""
        );
    }

    #[test]
    fn quotes_line_breaks_and_accents_are_encoded_never_sent_raw() {
        let value = content_disposition(Disposition::Inline, "Réf \"x\"\r\nSet-Cookie: a=b%.pdf");
        assert_eq!(
            value,
            "inline; filename=\"R_f _x_Set-Cookie: a=b_.pdf\"; filename*=UTF-8''R%C3%A9f%20%22x%22Set-Cookie%3A%20a%3Db%25.pdf"
        );
        assert!(value.chars().all(|c| c.is_ascii() && !c.is_ascii_control()), "{value}");
    }

    #[test]
    fn an_uploaded_name_keeps_its_last_segment_cleaned() {
        assert_eq!(uploaded_name("C:\\Users\\me\\Referral for J.pdf", "x.pdf"), "Referral for J.pdf");
        assert_eq!(uploaded_name("a/b/ notes.pdf. ", "x.pdf"), "notes.pdf");
        assert_eq!(uploaded_name("\r\n", "x.pdf"), "x.pdf");
        assert_eq!(uploaded_name(&"é".repeat(300), "x.pdf").chars().count(), MAX_NAME_CHARS);
        assert_eq!(content_disposition(Disposition::Attachment, ""), "attachment; filename=\"download\"");
    }
}
