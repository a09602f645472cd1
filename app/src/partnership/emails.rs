//! Partnership's mail, through the outbox: the service's managers are told when a panel's outcome departs from
//! the lived-experience members' view (never a score, a pack or a candidate's details beyond their name), and a
//! person that an involvement payment offer is waiting for their answer (never the amount: money is private,
//! and a mail may be read by others).

use crate::mail::OutgoingMail;

/// To a manager: the outcome for `candidate` departs from the lived-experience view, with the panel's reason.
pub fn departure(
    to: &str,
    post: &str,
    candidate: &str,
    outcome: &str,
    why: &[String],
    reason: &str,
    link: &str,
) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Interview panel: an outcome departed from the lived-experience view ({post})"),
        body: format!(
            "The interview panel for {post} recorded \"{outcome}\" for {candidate}, which departs from the view of \
             its lived-experience members: {}.\n\n\
             The panel's reason:\n{reason}\n\n\
             The panel's page: {link}\n",
            why.join("; ")
        ),
    }
}

/// To a person who took part: an offer of an involvement payment for `activity` (its title, on `day`,
/// `YYYY-MM-DD`) is waiting on `/payments` (`link`, absolute). No amount, rate or benefits figure.
pub fn offer_waiting(to: &str, activity: &str, day: &str, link: &str) -> OutgoingMail {
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| day.to_owned());
    OutgoingMail {
        to: to.to_owned(),
        subject: "An involvement payment offer is waiting for you".to_owned(),
        body: format!(
            "Thank you for taking part in \"{activity}\" on {day}. You have been offered an involvement payment \
             for your time.\n\n\
             To see it, and to accept it, accept a lower amount or decline it, sign in and open your payments:\n\
             {link}\n\n\
             Before you accept, you may want to take benefits advice: the page says how.\n"
        ),
    }
}
