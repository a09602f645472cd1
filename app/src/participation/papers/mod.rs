//! Meeting papers (issue 15 §2): PDFs on agenda items, each with an optional easy-read version, stored and
//! served through the PDF kernel (`crate::pdf`) as information's leaflets are; sending them to the group's
//! members through the outbox (links, never the papers' text); when they went, and whether that was late
//! under the group's rule; and each meeting's `.ics` calendar file.
//!
//! Who reads what: a group's current members and its service's staff read its papers; the papers of an item
//! marked confidential are for members only, never for a member whose position is observer (403), and no
//! confidential item's title or paper is in any mail body or `.ics` file.
//!
//! Files: this one (types shared with the browser), `db` (its SQL), `server` (server functions and the
//! access rule), `emails`, `ics`, `routes` (the files and the calendar as plain routes), `components`.

pub mod components;
pub mod server;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod routes;

use serde::{Deserialize, Serialize};

use super::types::AgendaItemId;

crate::id!(
    /// A paper on an agenda item.
    PaperId
);

/// A paper, as the meeting page lists it (never its bytes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub id: PaperId,
    pub item_id: AgendaItemId,
    /// The item's place on the agenda, from 1.
    pub item_position: i64,
    pub item_title: String,
    /// The item is confidential: its papers are for members who are not observers.
    pub confidential: bool,
    pub title: String,
    /// The name it was uploaded under (`crate::download::uploaded_name`), only ever the download's name in
    /// `Content-Disposition`: empty in a page's data (`server::panel_for`), never in an address or a mail.
    pub file_name: String,
    /// Bytes.
    pub size_bytes: i64,
    /// The easy-read version's file name and size in bytes, if one was added.
    pub easy_read: Option<(String, i64)>,
    /// The local day it was added, `YYYY-MM-DD`.
    pub added_on: String,
    /// Added after the day the group's rule had the papers go out (the meeting's day less its papers-due days):
    /// the meeting page marks it "Added late", and its own mail says so.
    pub added_late: bool,
}

/// The last segment of every paper's address (`paper_href`).
pub const PAPER_FILE: &str = "paper.pdf";

/// A paper's address, `/participation/papers/<id>/paper.pdf`, or its easy-read version's,
/// `/participation/papers/<id>/easy-read/paper.pdf`: ids and fixed words only.
pub fn paper_href(id: &PaperId, easy_read: bool) -> String {
    let easy = if easy_read { "easy-read/" } else { "" };
    format!("/participation/papers/{id}/{easy}{PAPER_FILE}")
}

impl Paper {
    /// The paper's address on this site: `/participation/papers/<id>/paper.pdf`. Nothing typed travels in an
    /// address, and a file's name often names its subject (tester 15b F4): the uploaded name is only the
    /// download name, in `Content-Disposition`. Every page, mail and digest links through here.
    pub fn href(&self) -> String {
        paper_href(&self.id, false)
    }

    /// The easy-read version's address, `/participation/papers/<id>/easy-read/paper.pdf`, when there is one.
    pub fn easy_read_href(&self) -> Option<String> {
        self.easy_read.as_ref().map(|_| paper_href(&self.id, true))
    }
}

/// A size in bytes as people read it: "850 KB", "1.2 MB".
pub fn readable_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// Whether a meeting's papers went out in time under its group's rule (papers due so many days before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PapersTiming {
    /// Sent on or before the day they were due.
    OnTime,
    /// Sent after the day they were due.
    SentLate,
    /// Not sent, and not due yet.
    NotDueYet,
    /// Not sent, the day they were due has passed, and the meeting is still to come.
    Overdue,
    /// Not sent through Continuum, and the meeting has happened or was cancelled: nothing to say.
    NotSent,
}

impl PapersTiming {
    /// Late: sent after the day they were due, or overdue now.
    pub fn late(self) -> bool {
        matches!(self, PapersTiming::SentLate | PapersTiming::Overdue)
    }
}

/// The timing of a meeting's papers. Dates are local `YYYY-MM-DD` (text order is date order): the meeting's
/// day, the day the papers were due (the meeting's day less the group's papers-due days), the local day they
/// were first sent, and today. The rule is the group's own, from its terms of reference (issue 15 §1: "how
/// many days before a meeting papers must go out").
pub fn timing(meeting_day: &str, due_on: &str, sent_on: Option<&str>, today: &str, cancelled: bool) -> PapersTiming {
    match sent_on {
        Some(sent) if sent <= due_on => PapersTiming::OnTime,
        Some(_) => PapersTiming::SentLate,
        None if cancelled || meeting_day < today => PapersTiming::NotSent,
        None if today > due_on => PapersTiming::Overdue,
        None => PapersTiming::NotDueYet,
    }
}

/// How a meeting's papers are going, for its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sending {
    pub timing: PapersTiming,
    /// The sentence the page shows: "The papers were sent on 3 March 2026 at 10:15. They were due by …".
    pub sentence: String,
    /// When they were first sent, local: "3 March 2026 at 10:15".
    pub sent_at: Option<String>,
    /// Current members with an email address who have not been mailed the papers (all of them before the
    /// first send; after it, those who joined since).
    pub not_yet_mailed: i64,
}

/// A member whose papers go by post, once the papers are sent: listed for whoever records the posting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLine {
    pub member_id: crate::participation::types::MemberId,
    pub name: String,
    /// The day they were posted, readable ("3 March 2027"), once recorded.
    pub posted_on: Option<String>,
    /// Posted after the day the group's rule had the papers go out.
    pub late: bool,
    /// An observer: a confidential item's papers are not posted to them.
    pub observer: bool,
}

/// A meeting's papers panel: what the caller may read, how sending is going, and the calendar file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PapersPanel {
    /// The papers the caller may read, in agenda order (confidential items' papers left out for observers).
    pub papers: Vec<Paper>,
    pub sending: Sending,
    /// The meeting's `.ics` file: `/participation/meetings/<id>/meeting.ics`.
    pub ics_href: String,
    /// Once the papers are sent, the current members whose papers go by post, for staff and the secretary
    /// (who record the day each was posted); empty for anyone else and before the papers are sent.
    pub to_post: Vec<PostLine>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_are_late_when_sent_after_the_day_they_were_due() {
        // A meeting on 10 March, papers due 7 days before: by 3 March.
        let t = |sent: Option<&str>, today: &str| timing("2027-03-10", "2027-03-03", sent, today, false);
        assert_eq!(t(Some("2027-03-03"), "2027-03-05"), PapersTiming::OnTime);
        assert_eq!(t(Some("2027-03-04"), "2027-03-05"), PapersTiming::SentLate);
        assert_eq!(t(None, "2027-03-03"), PapersTiming::NotDueYet);
        assert_eq!(t(None, "2027-03-04"), PapersTiming::Overdue);
        assert_eq!(t(None, "2027-03-11"), PapersTiming::NotSent, "a meeting past says nothing of papers never sent");
        assert_eq!(timing("2027-03-10", "2027-03-03", None, "2027-03-05", true), PapersTiming::NotSent);
        assert!(PapersTiming::SentLate.late() && PapersTiming::Overdue.late() && !PapersTiming::OnTime.late());
    }

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(readable_size(1), "1 KB");
        assert_eq!(readable_size(850 * 1024), "850 KB");
        assert_eq!(readable_size(1_258_291), "1.2 MB");
    }
}
