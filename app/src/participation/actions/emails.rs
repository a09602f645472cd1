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

/// The reminder to an action's owner: 7 days before, the day before, or the day it fell overdue.
pub fn reminder(to: &str, action: &ActionSummary, which: Reminder, link: &str) -> OutgoingMail {
    let (subject, lead) = match which {
        Reminder::Week => ("An action you own is due soon", "An action you own is due within a week."),
        Reminder::Day => ("An action you own is due tomorrow", "An action you own is due tomorrow."),
        Reminder::Overdue => ("An action you own is overdue", "An action you own is now overdue."),
    };
    OutgoingMail {
        to: to.to_owned(),
        subject: subject.to_owned(),
        body: format!(
            "Hello,\n\n{lead}\n\n{}\nDue: {}\n\nSee your actions and add an update:\n{link}\n",
            describe(action),
            readable_day(&action.due_on)
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

/// The weekly digest: the person's open actions, their meetings in the next two weeks, and papers sent.
pub fn digest(
    to: &str,
    name: &str,
    actions: &[ActionSummary],
    meetings: &[String],
    papers: &[String],
    link: &str,
) -> OutgoingMail {
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
    body.push_str(&format!("\nSee your actions, or change how we mail you:\n{link}\n"));
    OutgoingMail { to: to.to_owned(), subject: "Your weekly summary".to_owned(), body }
}
