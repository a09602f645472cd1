//! Text that people type, made tidy: one-line fields, and the readable address parts (slugs) that pages,
//! events and forms are found by. Shared by every capability; belongs to none.

#[cfg(feature = "ssr")]
use crate::error::{AppError, FormErrors};

/// An address part from a title: lowercase ASCII letters and digits, words joined by single hyphens, at most
/// 60 characters; `page` when nothing is left ("!!!").
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "page".to_owned()
    } else {
        slug
    }
}

/// Collapses whitespace in a one-line field and checks its length (`max` characters). A problem is added to
/// `errors` under `field`, worded with `what` ("Enter a title", "A title must be 120 characters or fewer");
/// the tidied text is returned either way, so the form can show it again.
#[cfg(feature = "ssr")]
pub fn one_line(errors: &mut FormErrors, field: &str, value: &str, what: &str, max: usize, required: bool) -> String {
    let text = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if required && text.is_empty() {
        errors.add(field, format!("Enter {what}"));
    } else if text.chars().count() > max {
        errors.add(field, format!("{} must be {max} characters or fewer", capitalise(what)));
    }
    text
}

/// Text for the elements Leptos writes into server-rendered HTML without escaping: `<title>` (through
/// `leptos_meta`) and `<textarea>` (filed with `<script>` and `<style>`). On the server `&`, `<` and `>` are
/// escaped, so a title or a kept answer containing `</title><meta http-equiv=refresh …>` stays text. In the
/// browser the text becomes a DOM text node or `document.title`, which need no escaping (and would show the
/// entities if they had any).
pub fn for_raw_text_element(text: String) -> String {
    if cfg!(feature = "ssr") {
        html_escape::encode_text(&text).into_owned()
    } else {
        text
    }
}

/// The one reading of a whole number typed into a form (a score, a count of people, miles, hours, months):
/// ASCII digits only, with spaces around them trimmed — no sign ("+3" and "-1" are refused rather than read as
/// 3 and -1), no decimal point, no separator or space inside, no exponent. `None` for anything else, and for
/// more than 15 digits (every form's range is far smaller); each form then checks its own range and says it.
pub fn whole_number(typed: &str) -> Option<i64> {
    let typed = typed.trim();
    if typed.is_empty() || typed.len() > 15 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    typed.parse().ok()
}

/// A count in a sentence, with its noun in the singular or plural as the number needs: `count(1, "carer",
/// "carers")` is "1 carer", `count(0, "carer", "carers")` is "0 carers".
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// What a slug is the address of. Each kind has its own table, so two kinds may share a slug
/// (`/info/open-day` and `/events/open-day`), but two of one kind never do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlugKind {
    /// An information page, `/info/<slug>`.
    InfoPage,
    /// An event, `/events/<slug>`.
    Event,
    /// A feedback form, `/f/<slug>`.
    FeedbackForm,
    /// A volunteer role, `/volunteer/<slug>`.
    VolunteerRole,
}

impl SlugKind {
    #[cfg(feature = "ssr")]
    fn taken_sql(self) -> &'static str {
        match self {
            Self::InfoPage => "SELECT CAST(COUNT(*) AS BIGINT) FROM info_page WHERE slug = $1",
            // An event's former addresses still lead to it (it moved to another date), so they stay taken.
            Self::Event => {
                "SELECT CAST((SELECT COUNT(*) FROM event WHERE slug = $1)
                    + (SELECT COUNT(*) FROM event_former_slug WHERE slug = $1) AS BIGINT)"
            }
            Self::FeedbackForm => "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_form WHERE slug = $1",
            Self::VolunteerRole => "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_role WHERE slug = $1",
        }
    }
}

/// Whether a slug of `kind` is taken.
#[cfg(feature = "ssr")]
pub async fn slug_taken(conn: &mut sqlx::AnyConnection, kind: SlugKind, slug: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query_scalar::<_, i64>(kind.taken_sql()).bind(slug).fetch_one(conn).await? > 0)
}

/// A free slug of `kind`: `base` itself, or with `-2`, `-3`… after it (then a random suffix). Checked inside
/// the caller's saving transaction, so two saves cannot take the same one.
#[cfg(feature = "ssr")]
pub async fn free_slug(conn: &mut sqlx::AnyConnection, kind: SlugKind, base: &str) -> Result<String, AppError> {
    let mut candidate = base.to_owned();
    for n in 2..100 {
        if !slug_taken(&mut *conn, kind, &candidate).await? {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Ok(format!("{base}-{}", &crate::db::new_id()[..8]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_is_digits_alone() {
        assert_eq!(whole_number("3"), Some(3));
        assert_eq!(whole_number(" 12 "), Some(12));
        assert_eq!(whole_number("007"), Some(7));
        for loose in ["+3", "-1", "2.5", "1e2", "1 000", "1,000", "", " ", "٣", "999999999999999999999"] {
            assert_eq!(whole_number(loose), None, "{loose:?}");
        }
    }

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(count(1, "carer", "carers"), "1 carer");
        assert_eq!(count(0, "carer", "carers"), "0 carers");
        assert_eq!(count(2, "member of staff", "staff"), "2 staff");
        assert_eq!(count(1, "member of staff", "staff"), "1 member of staff");
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slugify("Open day: Spring!"), "open-day-spring");
        assert_eq!(slugify("  DBT — skills group  "), "dbt-skills-group");
        assert_eq!(slugify("!!!"), "page");
    }
}
