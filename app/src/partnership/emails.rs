//! Partnership's mail, through the outbox: the service's managers are told when a panel's outcome departs from
//! the lived-experience members' view. Never a score, a pack or a candidate's details beyond their name.

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
