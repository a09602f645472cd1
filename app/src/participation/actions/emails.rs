//! Participation's mail about actions and minutes. A mail carries links, never minutes' text, and nothing of a
//! confidential item: neither its title nor an action's words.

use super::{db::Reminder, types::ActionSummary};
use crate::dates::readable_day;
use crate::mail::OutgoingMail;

/// How an action is named in a mail: its words and where it came from, or, for a confidential item, only
/// that it exists.
fn describe(action: &ActionSummary) -> String {
    let meeting = format!("the {} meeting on {}", action.group_name, readable_day(&action.meeting_day));
    if action.confidential {
        format!("An action from a confidential item of {meeting}. Its details are in Continuum.")
    } else {
        format!("Action: {}\nFrom: {meeting}, \"{}\"", action.description, action.item_title)
    }
}

/// The reminder to an action's owner: 7 days before, the day before, or the day it fell overdue. `link` is
/// their "my actions" page; `None` for an owner without an account (an outside member), who cannot open it
/// and is told to send their update to the group's secretary instead (tester F9).
pub fn reminder(to: &str, action: &ActionSummary, which: Reminder, link: Option<&str>) -> OutgoingMail {
    let (subject, lead) = match which {
        Reminder::Week => ("An action you own is due soon", "An action you own is due within a week."),
        Reminder::Day => ("An action you own is due tomorrow", "An action you own is due tomorrow."),
        Reminder::Overdue => ("An action you own is overdue", "An action you own is now overdue."),
    };
    OutgoingMail {
        to: to.to_owned(),
        subject: subject.to_owned(),
        body: format!(
            "Hello,\n\n{lead}\n\n{}\nDue: {}\n\n{}",
            describe(action),
            readable_day(&action.due_on),
            match link {
                Some(link) => format!("See your actions and add an update:\n{link}\n"),
                None => format!(
                    "To give an update, or to say it is done, tell the {}'s secretary, or say so at the next \
                     meeting: they will record it for you.\n",
                    action.group_name
                ),
            }
        ),
    }
}

/// Word to a member present that a meeting's draft minutes are ready for their corrections: a link only.
pub fn minutes_circulated(to: &str, name: &str, group_name: &str, meeting_day: &str, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Draft minutes to check: {group_name}"),
        body: format!(
            "Hello {name},\n\nThe draft minutes of the {group_name} meeting on {} are ready for you to check. \
             You can add a correction to any item.\n\nRead them and add your corrections:\n{link}\n",
            readable_day(meeting_day)
        ),
    }
}

/// What a weekly digest lists, each line already worded (never a confidential item's words).
#[derive(Clone, Copy)]
pub struct DigestLists<'a> {
    /// The person's open actions.
    pub actions: &'a [ActionSummary],
    /// Their groups' meetings in the next two weeks.
    pub meetings: &'a [String],
    /// Papers mailed to them this week.
    pub papers: &'a [String],
    /// Draft minutes circulated to them this week, with the link to check them.
    pub minutes: &'a [String],
}

/// The weekly digest: the person's open actions, their meetings in the next two weeks, papers sent and draft
/// minutes to check.
pub fn digest(to: &str, name: &str, lists: &DigestLists<'_>, link: &str) -> OutgoingMail {
    let DigestLists { actions, meetings, papers, minutes } = *lists;
    let mut body = format!("Hello {name},\n\nThis is your weekly summary from Continuum.\n\n");
    body.push_str("Your open actions\n");
    if actions.is_empty() {
        body.push_str("None.\n");
    }
    for action in actions {
        let overdue = if action.overdue { " (overdue)" } else { "" };
        let words = if action.confidential {
            format!("An action from a confidential item of the {} meeting", action.group_name)
        } else {
            action.description.clone()
        };
        body.push_str(&format!("- {words}: due {}{overdue}\n", readable_day(&action.due_on)));
    }
    body.push_str("\nYour meetings in the next two weeks\n");
    if meetings.is_empty() {
        body.push_str("None.\n");
    }
    for meeting in meetings {
        body.push_str(&format!("- {meeting}\n"));
    }
    if !papers.is_empty() {
        body.push_str("\nPapers sent this week\n");
        for paper in papers {
            body.push_str(&format!("- {paper}\n"));
        }
    }
    if !minutes.is_empty() {
        body.push_str("\nDraft minutes to check\n");
        for line in minutes {
            body.push_str(&format!("- {line}\n"));
        }
    }
    body.push_str(&format!("\nSee your actions, or change how we mail you:\n{link}\n"));
    OutgoingMail { to: to.to_owned(), subject: "Your weekly summary".to_owned(), body }
}
