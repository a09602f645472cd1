//! Writing CSV that opens safely in a spreadsheet: RFC 4180 quoting, and any text a spreadsheet would take
//! for a formula (starting `=`, `+`, `-`, `@`, tab or carriage return) prefixed with `'` so it stays text.
//! Plain numbers, such as a change of `-3`, are left as numbers.
//!
//! Every file starts with a UTF-8 byte-order mark: without it, Excel on Windows opens a CSV in the system's
//! old code page and shows "Zoë" as "ZoÃ«". Other spreadsheets and CSV readers take the mark as what it is.

/// The UTF-8 byte-order mark that tells Excel the file is UTF-8.
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// The file's text as it is sent: the byte-order mark, then the rows.
pub fn file(csv: &str) -> String {
    let mut file = String::with_capacity(csv.len() + BYTE_ORDER_MARK.len_utf8());
    file.push(BYTE_ORDER_MARK);
    file.push_str(csv);
    file
}

/// A download's file name, saying what the file holds, whose it is and for when: each of `parts` made an
/// address-safe slug (`text::slugify`: lowercase ASCII letters and digits and single hyphens, at most 60
/// characters a part) and joined by hyphens, with `.csv` after. So `["Continuum profile", "CAS Day Service",
/// "2026-07-01", "to", "2026-09-30"]` is `continuum-profile-cas-day-service-2026-07-01-to-2026-09-30.csv`.
/// Only ASCII, so `crate::download` sends it in `Content-Disposition` as it is, and it opens the same on every
/// system (it is never part of an export's address, which is ids and fixed words);
/// a part with nothing left in it ("!!!") is left out rather than named "page".
pub fn file_name(parts: &[&str]) -> String {
    let parts: Vec<String> = parts
        .iter()
        .filter(|part| part.chars().any(|c| c.is_ascii_alphanumeric()))
        .map(|part| crate::text::slugify(part))
        .collect();
    let name = if parts.is_empty() { "export".to_owned() } else { parts.join("-") };
    format!("{name}.csv")
}

/// A CSV file to download, named `name` (made by [`file_name`]), starting with the byte-order mark (`file`).
#[cfg(feature = "ssr")]
pub fn download(name: &str, csv: String) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [
            (http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                http::header::CONTENT_DISPOSITION,
                crate::download::content_disposition(crate::download::Disposition::Attachment, name),
            ),
        ],
        file(&csv),
    )
        .into_response()
}

/// One cell, made safe.
pub fn cell(value: &str) -> String {
    let looks_like_formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err();
    let value = if looks_like_formula { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One line of cells, ending in CRLF.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells.iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text_and_numbers_stay_numbers() {
        assert_eq!(cell("=HYPERLINK(\"http://evil\")"), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("+3"), "+3");
        assert_eq!(cell("fewer than 5"), "fewer than 5");
    }

    #[test]
    fn a_file_starts_with_the_byte_order_mark_once() {
        let file = file(&row(&["Zoë"]));
        assert_eq!(file.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(file.matches(BYTE_ORDER_MARK).count(), 1);
        assert!(file.ends_with("Zoë\r\n"));
    }

    #[test]
    fn a_file_name_says_what_whose_and_when_in_plain_ascii() {
        assert_eq!(
            file_name(&["Continuum profile", "CAS Day Service", "2026-07-01", "to", "2026-09-30"]),
            "continuum-profile-cas-day-service-2026-07-01-to-2026-09-30.csv"
        );
        assert_eq!(
            file_name(&["responses", "Zoë's \"Day\" Service/../", "???", "2026-03-01"]),
            "responses-zo-s-day-service-2026-03-01.csv",
            "nothing a header or a file system would trip on"
        );
        assert_eq!(file_name(&[]), "export.csv");
    }

    #[test]
    fn commas_quotes_and_new_lines_are_quoted() {
        assert_eq!(row(&["a,b", "say \"hi\"", "two\nlines"]), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}
