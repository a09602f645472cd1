//! Dates as people read them, shared by server and browser (no date library in the browser bundle).

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
}
