//! Dates as people read and type them, shared by server and browser (no date library in the browser bundle):
//! readable dates, and the parser behind every date input (`parse_date_input`, the NHS.UK date-input pattern
//! of day, month and year boxes; the component is `ui::DateInput`).

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The year, month and day of a `YYYY-MM-DD` (anything after the day, such as a time, is ignored).
fn parts(day: &str) -> Option<(i64, usize, i64)> {
    let mut it = day.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, date) = (it.next()??, it.next()??, it.next()??);
    ((1..=12).contains(&month) && (1..=31).contains(&date)).then(|| (year, usize::try_from(month).unwrap_or(1), date))
}

/// "3 October 2026" from `YYYY-MM-DD`; anything else is returned as it is.
pub fn readable_day(day: &str) -> String {
    match parts(day) {
        Some((year, month, date)) => format!("{date} {} {year}", MONTHS[month - 1]),
        None => day.to_owned(),
    }
}

/// "Saturday 3 October 2026" from `YYYY-MM-DD`; anything else is returned as it is.
pub fn long_day(day: &str) -> String {
    let Some((year, month, date)) = parts(day) else { return day.to_owned() };
    // Sakamoto's method for the day of the week; 0 is Sunday.
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let weekday = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + date).rem_euclid(7);
    let name = WEEKDAYS[usize::try_from((weekday + 6) % 7).unwrap_or(0)];
    format!("{name} {}", readable_day(day))
}

/// A calendar date that exists (the proleptic Gregorian calendar), as a date input's parser gives it.
/// Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u32,
    day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// The date with this year, month (1–12) and day of the month, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// The date in a `YYYY-MM-DD` (anything after the day, such as a time, is ignored), if it is one that exists.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let (year, month, day) = parts(text)?;
        Self::new(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// `YYYY-MM-DD`, as dates are stored.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// "3 October 2026".
    pub fn readable(&self) -> String {
        readable_day(&self.iso())
    }

    /// The same date for chrono's arithmetic on the server.
    #[cfg(feature = "ssr")]
    pub fn naive(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, self.day).unwrap_or_default()
    }

    /// A chrono date (today's, say) as a `Day`.
    #[cfg(feature = "ssr")]
    pub fn of_naive(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self { year: date.year(), month: date.month(), day: date.day() }
    }
}

/// What a person typed into the three boxes of a date input (the NHS.UK date-input pattern), as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// A period as the date inputs of a filter put it in an address (`from_day`, `from_month`, `from_year`, `to_day`,
/// `to_month`, `to_year`), each as typed and empty when absent: for a plain route's query, flattened into it
/// (`#[serde(flatten)]`). [`PeriodQuery::parts`] gives the two dates for [`parse_period`].
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from_day: String,
    #[serde(default)]
    from_month: String,
    #[serde(default)]
    from_year: String,
    #[serde(default)]
    to_day: String,
    #[serde(default)]
    to_month: String,
    #[serde(default)]
    to_year: String,
}

impl PeriodQuery {
    /// The period's start and end, as typed.
    pub fn parts(self) -> (DateParts, DateParts) {
        (
            DateParts::new(self.from_day, self.from_month, self.from_year),
            DateParts::new(self.to_day, self.to_month, self.to_year),
        )
    }
}

/// The three boxes of a date input, in order. A field named `happened_on` posts `happened_on_day`,
/// `happened_on_month` and `happened_on_year`, and each box's `id` is its name.
pub const PARTS: [&str; 3] = ["day", "month", "year"];

/// The name (and `id`) of one box of the date input named `field`: `part_name("held_on", "day")` is
/// `held_on_day`.
pub fn part_name(field: &str, part: &str) -> String {
    format!("{field}_{part}")
}

impl DateParts {
    pub fn new(day: impl Into<String>, month: impl Into<String>, year: impl Into<String>) -> Self {
        Self { day: day.into(), month: month.into(), year: year.into() }
    }

    /// The boxes filled from a stored `YYYY-MM-DD` (day and month without leading zeros, as people write
    /// them); empty boxes for anything else.
    pub fn of_iso(text: &str) -> Self {
        Day::parse_iso(text)
            .map(|d| Self::new(d.day.to_string(), d.month.to_string(), d.year.to_string()))
            .unwrap_or_default()
    }

    /// Whether all three boxes are empty (an optional date left out).
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year].iter().all(|p| p.trim().is_empty())
    }

    /// The three values with their boxes' names, for keeping what was typed with an error.
    pub fn kept(&self, field: &str) -> Vec<(String, String)> {
        PARTS.iter().zip([&self.day, &self.month, &self.year]).map(|(p, v)| (part_name(field, p), v.clone())).collect()
    }
}

/// The month in a month box: a number from 1 to 12, or a month's name or its first three letters
/// (GOV.UK's date-input guidance asks services to accept "Jan" and "January").
fn month_of(text: &str) -> Option<u32> {
    // The forms' one reading of a whole number: "+3" is not the third month.
    if let Some(n) = crate::text::whole_number(text) {
        return u32::try_from(n).ok().filter(|n| (1..=12).contains(n));
    }
    if text.starts_with(['+', '-']) {
        return None;
    }
    let lower = text.to_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            lower == m || (lower.len() >= 3 && m.starts_with(&lower))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// What a date field asks for: its name (the boxes' names start with it), its legend ("Date it happened"),
/// which the messages begin with, and the dates it accepts.
#[derive(Clone, Copy, Debug)]
pub struct DateField<'a> {
    pub name: &'a str,
    /// The legend, with a capital: "Date the event is held". Messages say "Date the event is held must
    /// include a month", and "Enter the date the event is held" when nothing was typed.
    pub legend: &'a str,
    pub earliest: Option<Bound>,
    pub latest: Option<Bound>,
}

/// One end of the dates a field accepts, with the words its message uses.
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub day: Day,
    /// Completes "Date it happened must be …": "today or in the past", "the same as or after 1 January 2000".
    pub words: &'static str,
}

/// A date input's mistake: the message, and the boxes to mark (the first is where the error summary links).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    /// Box names (`held_on_month`), in order; never empty.
    pub marked: Vec<String>,
}

impl DateError {
    /// The error as the field errors a form shows: the message on the first marked box, and an empty message
    /// on each other marked box, which marks it without a second line in the summary (`FieldError`).
    pub fn add_to(self, errors: &mut crate::error::FormErrors) {
        let mut marked = self.marked.into_iter();
        if let Some(first) = marked.next() {
            errors.add(&first, self.message);
        }
        for other in marked {
            errors.add(&other, "");
        }
    }
}

/// The first day of 2000 and the last of 2100: the range of years a date in Continuum may have unless a
/// field says otherwise, so that a year typed as 1800 or 99999 gets a message rather than a report of two
/// centuries.
pub fn earliest_year_bound() -> Bound {
    Bound { day: Day { year: 2000, month: 1, day: 1 }, words: "the same as or after 1 January 2000" }
}

/// See `earliest_year_bound`.
pub fn latest_year_bound() -> Bound {
    Bound { day: Day { year: 2100, month: 12, day: 31 }, words: "the same as or before 31 December 2100" }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Parses a date input's three boxes with the NHS.UK / GOV.UK date-input messages:
///
/// - nothing typed: "Enter the date it happened" (all three boxes marked);
/// - some boxes empty: "Date it happened must include a month" ("… a day and year"), marking the empty ones;
/// - a box that is not a number (a month may be a name: "Mar", "March"), or a date that does not exist
///   (31 June): "Date it happened must be a real date", marking the wrong box (all three when only the
///   whole date is wrong);
/// - a year without 4 digits: "Year must include 4 numbers";
/// - outside the field's bounds (2000 to 2100 when it sets none): "Date it happened must be today or in the
///   past", in the bound's own words, marking all three.
///
/// Source: the NHS digital service manual's date input (service-manual.nhs.uk/design-system/components/
/// date-input) and the GOV.UK Design System's "Error messages" for it.
pub fn parse_date_input(field: &DateField, typed: &DateParts) -> Result<Day, DateError> {
    let all = || PARTS.iter().map(|p| part_name(field.name, p)).collect::<Vec<_>>();
    let error = |message: String, parts: &[&str]| DateError {
        message,
        marked: parts.iter().map(|p| part_name(field.name, p)).collect(),
    };
    let values = [typed.day.trim(), typed.month.trim(), typed.year.trim()];
    let missing: Vec<&str> = PARTS.iter().zip(values).filter(|(_, v)| v.is_empty()).map(|(p, _)| *p).collect();
    if missing.len() == 3 {
        return Err(DateError { message: format!("Enter the {}", lower_first(field.legend)), marked: all() });
    }
    if !missing.is_empty() {
        return Err(error(format!("{} must include a {}", field.legend, and_list(&missing)), &missing));
    }
    let real = |parts: &[&str]| error(format!("{} must be a real date", field.legend), parts);
    let day = crate::text::whole_number(values[0]).and_then(|d| u32::try_from(d).ok()).filter(|d| (1..=31).contains(d));
    let month = month_of(values[1]);
    let year_digits = values[2].chars().all(|c| c.is_ascii_digit());
    let wrong: Vec<&str> = [("day", day.is_none()), ("month", month.is_none()), ("year", !year_digits)]
        .into_iter()
        .filter(|(_, wrong)| *wrong)
        .map(|(p, _)| p)
        .collect();
    if !wrong.is_empty() {
        return Err(real(&wrong));
    }
    if values[2].len() != 4 {
        return Err(error("Year must include 4 numbers".to_owned(), &["year"]));
    }
    let (Some(day), Some(month), Ok(year)) = (day, month, values[2].parse::<i32>()) else {
        return Err(real(&PARTS));
    };
    let Some(date) = Day::new(year, month, day) else {
        return Err(real(&["day"]));
    };
    let earliest = field.earliest.unwrap_or_else(earliest_year_bound);
    let latest = field.latest.unwrap_or_else(latest_year_bound);
    for (bound, outside) in [(earliest, date < earliest.day), (latest, date > latest.day)] {
        if outside {
            return Err(error(format!("{} must be {}", field.legend, bound.words), &PARTS));
        }
    }
    Ok(date)
}

/// Parses an optional date input: all three boxes empty is `None`; anything typed must be a date.
pub fn parse_optional_date_input(field: &DateField, typed: &DateParts) -> Result<Option<Day>, DateError> {
    if typed.is_empty() {
        Ok(None)
    } else {
        parse_date_input(field, typed).map(Some)
    }
}

/// A start and an end time typed as `HH:MM` on the 24-hour clock (fields `start` and `end`), each wrong one
/// given "Enter a time on the 24-hour clock, like `example`", and an end not after the start given `end_message`.
/// Returns the times that parsed.
#[cfg(feature = "ssr")]
pub fn parse_times(
    errors: &mut crate::error::FormErrors,
    (start, end): (&str, &str),
    example: &str,
    end_message: &str,
) -> (Option<chrono::NaiveTime>, Option<chrono::NaiveTime>) {
    let mut time = |field: &str, text: &str| {
        chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| errors.add(field, format!("Enter a time on the 24-hour clock, like {example}")))
            .ok()
    };
    let (starts, ends) = (time("start", start), time("end", end));
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            errors.add("end", end_message);
        }
    }
    (starts, ends)
}

/// The "Start date" and "End date" inputs (named `from` and `to`) of a list's or report's period filter, each
/// optional, in Continuum's years (2000 to 2100). An end before the start gets "End date must be the same as or
/// after the start date". Errors are returned as a form's field errors, so the filter comes back with them.
pub fn parse_period(from: &DateParts, to: &DateParts) -> Result<(Option<Day>, Option<Day>), crate::error::FormErrors> {
    let mut errors = crate::error::FormErrors::new();
    let start_field = DateField { name: "from", legend: "Start date", earliest: None, latest: None };
    let end_field = DateField { name: "to", legend: "End date", earliest: None, latest: None };
    let start = parse_optional_date_input(&start_field, from).map_err(|e| e.add_to(&mut errors)).ok().flatten();
    let end = parse_optional_date_input(&end_field, to).map_err(|e| e.add_to(&mut errors)).ok().flatten();
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            DateError {
                message: "End date must be the same as or after the start date".to_owned(),
                marked: PARTS.iter().map(|p| part_name("to", p)).collect(),
            }
            .add_to(&mut errors);
        }
    }
    if errors.is_empty() {
        Ok((start, end))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_in_full_with_their_weekday() {
        assert_eq!(readable_day("2026-10-03"), "3 October 2026");
        assert_eq!(readable_day("2026-10-03T10:00:00.000000Z"), "3 October 2026");
        assert_eq!(long_day("2026-10-03"), "Saturday 3 October 2026");
        assert_eq!(long_day("2026-11-26"), "Thursday 26 November 2026");
        assert_eq!(long_day("2024-02-29"), "Thursday 29 February 2024");
        assert_eq!(long_day("nonsense"), "nonsense");
        assert_eq!(readable_day("2026-13-01"), "2026-13-01");
    }

    fn field(legend: &'static str) -> DateField<'static> {
        DateField { name: "held_on", legend, earliest: None, latest: None }
    }

    fn parse(day: &str, month: &str, year: &str) -> Result<Day, DateError> {
        parse_date_input(&field("Date the event is held"), &DateParts::new(day, month, year))
    }

    fn failure(day: &str, month: &str, year: &str) -> (String, Vec<String>) {
        let error = parse(day, month, year).unwrap_err();
        (error.message, error.marked)
    }

    fn names(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|p| format!("held_on_{p}")).collect()
    }

    #[test]
    fn a_real_date_parses_with_a_month_as_a_number_or_a_name() {
        assert_eq!(parse("27", "3", "2026").unwrap().iso(), "2026-03-27");
        assert_eq!(parse(" 07 ", "03", "2026").unwrap().iso(), "2026-03-07");
        assert_eq!(parse("1", "Mar", "2026").unwrap().iso(), "2026-03-01");
        assert_eq!(parse("29", "february", "2028").unwrap().iso(), "2028-02-29");
    }

    #[test]
    fn nothing_typed_asks_for_the_date_and_marks_every_box() {
        assert_eq!(failure("", " ", ""), ("Enter the date the event is held".into(), names(&PARTS)));
    }

    #[test]
    fn a_missing_box_is_named_and_marked_alone() {
        assert_eq!(
            failure("27", "", "2026"),
            ("Date the event is held must include a month".into(), names(&["month"]))
        );
        assert_eq!(
            failure("", "", "2026"),
            ("Date the event is held must include a day and month".into(), names(&["day", "month"]))
        );
        assert_eq!(
            failure("", "3", ""),
            ("Date the event is held must include a day and year".into(), names(&["day", "year"]))
        );
    }

    #[test]
    fn a_date_that_does_not_exist_must_be_a_real_date() {
        let real = "Date the event is held must be a real date".to_owned();
        assert_eq!(failure("31", "6", "2026"), (real.clone(), names(&["day"])));
        assert_eq!(failure("29", "2", "2027"), (real.clone(), names(&["day"])));
        assert_eq!(failure("12", "13", "2026"), (real.clone(), names(&["month"])));
        assert_eq!(failure("x", "y", "2026"), (real.clone(), names(&["day", "month"])));
        // A sign is no part of a date: "+3" is refused, not read as 3 (tester 17d).
        assert_eq!(failure("+3", "-6", "2026"), (real.clone(), names(&["day", "month"])));
        assert_eq!(failure("3", "+6", "+202"), (real.clone(), names(&["month", "year"])));
        assert_eq!(failure("1", "1", "20z6"), (real, names(&["year"])));
        assert_eq!(failure("1", "1", "26"), ("Year must include 4 numbers".into(), names(&["year"])));
    }

    #[test]
    fn a_date_outside_the_fields_bounds_says_which_way_and_marks_every_box() {
        let too_old = failure("1", "1", "1800");
        assert_eq!(too_old.0, "Date the event is held must be the same as or after 1 January 2000");
        assert_eq!(too_old.1, names(&PARTS));
        assert_eq!(failure("1", "1", "99999").0, "Year must include 4 numbers");
        let today = Day::new(2026, 11, 30).unwrap();
        let past = DateField {
            latest: Some(Bound { day: today, words: "today or in the past" }),
            ..field("Date it happened")
        };
        let tomorrow = DateParts::new("1", "12", "2026");
        assert_eq!(
            parse_date_input(&past, &tomorrow).unwrap_err().message,
            "Date it happened must be today or in the past"
        );
        assert_eq!(parse_date_input(&past, &DateParts::new("30", "11", "2026")), Ok(today));
    }

    #[test]
    fn an_optional_date_may_be_left_empty_but_not_half_typed() {
        let optional = field("Last day for answers");
        assert_eq!(parse_optional_date_input(&optional, &DateParts::default()), Ok(None));
        assert!(parse_optional_date_input(&optional, &DateParts::new("3", "", "")).is_err());
    }

    #[test]
    fn stored_dates_fill_the_boxes_as_people_write_them() {
        assert_eq!(DateParts::of_iso("2026-03-07"), DateParts::new("7", "3", "2026"));
        assert_eq!(DateParts::of_iso("nonsense"), DateParts::default());
    }

    #[test]
    fn a_period_may_leave_either_end_open_but_not_end_before_it_starts() {
        let none = DateParts::default();
        assert_eq!(parse_period(&none, &none), Ok((None, None)));
        let (from, to) = (DateParts::new("1", "5", "2026"), DateParts::new("1", "4", "2026"));
        let errors = parse_period(&from, &to).unwrap_err();
        assert_eq!(errors.errors[0].field, "to_day");
        assert_eq!(errors.errors[0].message, "End date must be the same as or after the start date");
        let errors = parse_period(&DateParts::new("1", "1", "1800"), &none).unwrap_err();
        assert_eq!(errors.errors[0].message, "Start date must be the same as or after 1 January 2000");
    }
}
