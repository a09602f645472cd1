//! The mail that sends a meeting's papers: the meeting's date, time, place and joining link, and links to the
//! papers (never their text). No confidential item's title or paper is ever in the body; a member who is not
//! an observer is told how many confidential papers there are, to read on the meeting page.

use super::{server::papers_for_mail, Paper};
use crate::links::absolute;
use crate::mail::OutgoingMail;
use crate::participation::types::{Group, Meeting, Member};

/// The papers mail for one member, with absolute links under `base_url` (`crate::links::absolute`).
pub fn papers(
    to: &str,
    member: &Member,
    group: &Group,
    meeting: &Meeting,
    papers: &[Paper],
    base_url: &url::Url,
) -> OutgoingMail {
    let (open, confidential) = papers_for_mail(papers, member);
    let mut body = format!("Hello {},\n\nThe papers for the {} meeting are ready.\n\n", member.name, group.name);
    body.push_str(&format!("When: {}\n", meeting.when()));
    if !meeting.place.is_empty() {
        body.push_str(&format!("Where: {}\n", meeting.place));
    }
    if !meeting.joining_link.is_empty() {
        body.push_str(&format!("Join online: {}\n", meeting.joining_link));
    }
    body.push('\n');
    if open.is_empty() {
        body.push_str("The papers are on the meeting's page.\n");
    } else {
        body.push_str("The papers:\n");
        for paper in open {
            body.push_str(&format!(
                "- {}. {}: {}\n  {}\n",
                paper.item_position,
                paper.item_title,
                paper.title,
                absolute(base_url, &paper.href(), &[])
            ));
            if let Some(easy_read) = paper.easy_read_href() {
                body.push_str(&format!("  Easy read: {}\n", absolute(base_url, &easy_read, &[])));
            }
        }
    }
    if confidential > 0 {
        body.push_str(&format!(
            "\nThere {} also {} for members only: read {} on the meeting's page.\n",
            if confidential == 1 { "is" } else { "are" },
            crate::text::count(confidential as i64, "confidential paper", "confidential papers"),
            if confidential == 1 { "it" } else { "them" },
        ));
    }
    let page = absolute(base_url, &format!("/participation/meetings/{}", meeting.id), &[]);
    let ics = absolute(base_url, &format!("/participation/meetings/{}/meeting.ics", meeting.id), &[]);
    body.push_str(&format!("\nThe meeting's page: {page}\nAdd the meeting to your calendar: {ics}\n"));
    if member.person_id.is_none() {
        body.push_str(
            "\nThe links open once you sign in to Continuum. If you do not have an account, ask the group's \
             secretary for one, or for the papers by post.\n",
        );
    }
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Papers for the {} meeting on {}", group.name, crate::dates::long_day(meeting.day())),
        body,
    }
}

/// The mail for a paper added after the papers were sent, to one member already sent them: its link (never
/// its text), or, for a confidential item's paper, only that a further paper for members is on the meeting's
/// page (an observer is never sent this mail: `server::mail_late_paper`); and, when it was added after the
/// day the group's rule had the papers go out, that it is late.
pub fn late_paper(
    to: &str,
    member: &Member,
    group: &Group,
    meeting: &Meeting,
    paper: &Paper,
    base_url: &url::Url,
) -> OutgoingMail {
    let mut body =
        format!("Hello {},\n\nA further paper has been added for the {} meeting.\n\n", member.name, group.name);
    body.push_str(&format!("When: {}\n\n", meeting.when()));
    if paper.confidential {
        body.push_str("It is a confidential paper, for members only: read it on the meeting's page.\n");
    } else {
        body.push_str(&format!(
            "{}. {}: {}\n  {}\n",
            paper.item_position,
            paper.item_title,
            paper.title,
            absolute(base_url, &paper.href(), &[])
        ));
        if let Some(easy_read) = paper.easy_read_href() {
            body.push_str(&format!("  Easy read: {}\n", absolute(base_url, &easy_read, &[])));
        }
    }
    if paper.added_late {
        body.push_str(&format!(
            "\nThis paper is late: the group's rule is that papers go out {} before the meeting.\n",
            crate::text::count(group.papers_due_days, "day", "days")
        ));
    }
    let page = absolute(base_url, &format!("/participation/meetings/{}", meeting.id), &[]);
    body.push_str(&format!("\nThe meeting's page: {page}\n"));
    if member.person_id.is_none() {
        body.push_str(
            "\nThe links open once you sign in to Continuum. If you do not have an account, ask the group's \
             secretary for one, or for the papers by post.\n",
        );
    }
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("A further paper for the {} meeting on {}", group.name, crate::dates::long_day(meeting.day())),
        body,
    }
}
