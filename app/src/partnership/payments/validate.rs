//! Typed money and receipts into checked values. Money is parsed straight into integer pence, never through
//! a float: "£12.50", "12.50", "12.5" and "12" are accepted (with or without `£` and thousands commas), and
//! nothing looser — no sign, no space inside, no exponent. Whole numbers (miles, hours) are read by the forms'
//! one reading of a whole number, `crate::text::whole_number`.

/// The largest amount accepted anywhere, in pence: £100,000.00. Keeps sums far from `i64`'s limit.
pub const MAX_PENCE: i64 = 10_000_000;

/// Parses an amount of money typed by a person into pence.
///
/// The one strict reading of money on every form: digits, with an optional `£` straight before them, commas
/// only between thousands and up to two decimal places, spaces around it trimmed. Refused: a sign ("+45",
/// "-3"), a space inside ("£ 45", "1 2"), an exponent, a comma anywhere else. Errors: the message to show beside
/// the field, naming it as `what` ("the amount"). Shown back by `types::pounds` and `types::amount`, which
/// this reads ("1,234.05" comes back as £1,234.05).
pub fn parse_pence(text: &str, what: &str) -> Result<i64, String> {
    let bad = || format!("Enter {what} in pounds and pence, like 12.50");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("Enter {what}"));
    }
    // The pound sign straight before the digits: "£ 45" is as loose as "+45", and both are refused.
    let typed = trimmed.strip_prefix('£').unwrap_or(trimmed);
    // Commas only as thousands separators ("1,234.05"): "1,2,3" is refused rather than read as £123.
    let typed_whole = typed.split_once('.').map_or(typed, |(w, _)| w);
    if typed_whole.contains(',') {
        let mut groups = typed_whole.split(',');
        let first = groups.next().unwrap_or_default();
        // "01,234" is refused too: a leading zero before a thousands comma is no way of writing a number.
        if first.is_empty() || first.len() > 3 || first.starts_with('0') || groups.any(|g| g.len() != 3) {
            return Err(bad());
        }
    }
    let unsigned = typed.replace(',', "");
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (unsigned.as_str(), ""),
    };
    if whole.is_empty() || fraction.len() > 2 || (unsigned.contains('.') && fraction.is_empty()) {
        return Err(bad());
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    // Leading zeros say nothing ("0005" is £5): only the significant digits count towards the limit.
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        significant => significant,
    };
    if whole.len() > 9 {
        return Err(format!("{} must be {} or less", capitalised(what), super::types::pounds(MAX_PENCE)));
    }
    let pounds: i64 = whole.parse().map_err(|_| bad())?;
    let pence: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    let total = pounds * 100 + pence;
    if total > MAX_PENCE {
        return Err(format!("{} must be {} or less", capitalised(what), super::types::pounds(MAX_PENCE)));
    }
    Ok(total)
}

fn capitalised(what: &str) -> String {
    let mut chars = what.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// Parses a whole number in a range (miles, hours). Errors: the message for the field.
pub fn parse_whole(text: &str, what: &str, min: i64, max: i64) -> Result<i64, String> {
    match crate::text::whole_number(text) {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("Enter {what} as a whole number from {min} to {max}")),
    }
}

/// A receipt's type, by its first bytes: `application/pdf`, `image/jpeg` or `image/png`, with the extension
/// its stored name gets.
pub fn receipt_type(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else {
        None
    }
}

/// Checks a receipt: no larger than 5 MB (`crate::pdf::MAX_BYTES`) and a PDF, JPEG or PNG by its content
/// (never its name or the type the browser claims). Returns the stored type and the name to download it by: the
/// name given (`crate::download::uploaded_name`) with the extension of its content (`IMG 1.JPG` is kept as
/// `IMG 1.jpg`), never put in an address. Errors: the message beside the receipt field.
pub fn check_receipt(name: &str, bytes: &[u8], too_big: bool) -> Result<(&'static str, String), String> {
    if too_big || bytes.len() > crate::pdf::MAX_BYTES {
        return Err(crate::pdf::TOO_BIG.to_owned());
    }
    if bytes.is_empty() {
        return Err("Choose the receipt: a PDF, JPEG or PNG file".to_owned());
    }
    let Some((mime, extension)) = receipt_type(bytes) else {
        return Err(format!("{} is not a PDF, JPEG or PNG file. Receipts must be one of these", one_line(name)));
    };
    // The name as given (it only goes back out in `Content-Disposition`), with the extension its content has.
    let kept = crate::download::uploaded_name(name, "receipt");
    let stem = kept.rsplit_once('.').map_or(kept.as_str(), |(s, _)| s).trim_end_matches([' ', '.']);
    let stem = if stem.is_empty() { "receipt" } else { stem };
    Ok((mime, format!("{stem}.{extension}")))
}

fn one_line(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).take(100).collect();
    if name.is_empty() {
        "The file".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_parsed_into_pence_without_floats() {
        assert_eq!(parse_pence("£12.50", "the amount"), Ok(1250));
        assert_eq!(parse_pence("12.50", "the amount"), Ok(1250));
        assert_eq!(parse_pence("12", "the amount"), Ok(1200));
        assert_eq!(parse_pence("12.5", "the amount"), Ok(1250));
        assert_eq!(parse_pence(" £1,234.05 ", "the amount"), Ok(123_405));
        assert_eq!(parse_pence("0.07", "the amount"), Ok(7));
        // 0.1 + 0.2 is not 0.3 in floating point; in pence it is.
        assert_eq!(
            parse_pence("0.10", "a").unwrap() + parse_pence("0.20", "a").unwrap(),
            parse_pence("0.30", "a").unwrap()
        );
    }

    #[test]
    fn anything_else_is_refused_with_a_message() {
        for bad in
            ["12.505", "twelve", "12,50p", "-3", "1e3", ".", "£", "12.", "£.5", "1 2", "£ 45", "+45", "£+45", "£-3"]
        {
            assert!(parse_pence(bad, "the amount").is_err(), "{bad} was accepted");
        }
        assert_eq!(parse_pence("", "the amount").unwrap_err(), "Enter the amount");
        assert_eq!(parse_pence("abc", "the amount").unwrap_err(), "Enter the amount in pounds and pence, like 12.50");
        assert!(parse_pence("999999999999", "the amount").is_err());
    }

    #[test]
    fn commas_only_between_thousands_and_leading_zeros_say_nothing() {
        for bad in ["1,2,3", ",123", "1,23", "12,3456", "1,,000", "01,234", "0,500"] {
            assert!(parse_pence(bad, "the amount").is_err(), "{bad} was accepted");
        }
        assert_eq!(parse_pence("12,345,678.90", "the amount").unwrap_err(), "The amount must be £100,000.00 or less");
        assert_eq!(parse_pence("99,999.99", "the amount"), Ok(9_999_999));
        assert_eq!(parse_pence("00000000000000000000005", "the amount"), Ok(500));
        assert_eq!(parse_pence("0.50", "the amount"), Ok(50));
        assert_eq!(parse_pence("1,000", "the amount"), Ok(100_000));
    }

    #[test]
    fn money_comes_back_as_it_was_accepted() {
        for typed in ["1,234.05", "£1,234.05", "12.50", "0.07", "100,000.00"] {
            let pence = parse_pence(typed, "the amount").unwrap();
            assert_eq!(super::super::types::amount(pence), typed.trim_start_matches('£'));
            assert_eq!(parse_pence(&super::super::types::pounds(pence), "the amount"), Ok(pence));
        }
    }

    #[test]
    fn whole_numbers_are_digits_only() {
        assert_eq!(parse_whole(" 13 ", "the miles", 1, 1000), Ok(13));
        for bad in ["+3", "-1", "12.5", "1e2", "1 000", "1,000", "", "3 miles"] {
            assert!(parse_whole(bad, "the miles", 0, 1000).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn receipts_are_checked_by_content() {
        assert_eq!(check_receipt("bus.pdf", b"%PDF-1.7", false).unwrap(), ("application/pdf", "bus.pdf".to_owned()));
        assert_eq!(check_receipt("IMG 1.JPG", &[0xFF, 0xD8, 0xFF, 0xE0], false).unwrap().1, "IMG 1.jpg");
        assert_eq!(check_receipt("C:\\tickets\\Bus é.png", b"\x89PNG\r\n\x1a\n....", false).unwrap().1, "Bus é.png");
        assert_eq!(check_receipt(" . ", b"%PDF-1.7", false).unwrap().1, "receipt.pdf");
        assert_eq!(check_receipt("p.png", b"\x89PNG\r\n\x1a\n....", false).unwrap().0, "image/png");
        assert_eq!(
            check_receipt("ticket.pdf", b"PK\x03\x04", false).unwrap_err(),
            "ticket.pdf is not a PDF, JPEG or PNG file. Receipts must be one of these"
        );
        assert_eq!(check_receipt("a.pdf", b"%PDF-", true).unwrap_err(), crate::pdf::TOO_BIG);
    }
}
