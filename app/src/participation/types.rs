//! Participation's types, shared by the server and the browser: groups, members, meetings, agendas,
//! attendance and the quorum rule.

use crate::accounts::types::{PersonId, ServiceId, ServiceSummary};
use serde::{Deserialize, Serialize};

crate::id!(
    /// A group of a service (a steering group, a lived-experience advisory group).
    GroupId
);
crate::id!(
    /// One member's term in a group.
    MemberId
);
crate::id!(
    /// A meeting of a group.
    MeetingId
);
crate::id!(
    /// An item on a meeting's agenda.
    AgendaItemId
);

/// What kind of member someone is. Patient and carer members are those with lived experience, whom the
/// quorum rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum MemberType {
    Patient,
    Carer,
    Staff,
    Stakeholder,
}

impl MemberType {
    pub const ALL: [MemberType; 4] =
        [MemberType::Patient, MemberType::Carer, MemberType::Staff, MemberType::Stakeholder];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberType::Patient => "Patient",
            MemberType::Carer => "Carer",
            MemberType::Staff => "Staff",
            MemberType::Stakeholder => "Stakeholder",
        }
    }

    /// Patient and carer members, who bring lived experience.
    pub fn lived_experience(self) -> bool {
        matches!(self, MemberType::Patient | MemberType::Carer)
    }
}

/// A member's position in the group. An observer takes part but does not count towards the quorum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Position {
    Chair,
    ViceChair,
    Secretary,
    Member,
    Observer,
}

impl Position {
    pub const ALL: [Position; 5] =
        [Position::Chair, Position::ViceChair, Position::Secretary, Position::Member, Position::Observer];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Position::Chair => "Chair",
            Position::ViceChair => "Vice-chair",
            Position::Secretary => "Secretary",
            Position::Member => "Member",
            Position::Observer => "Observer",
        }
    }
}

/// Where a meeting is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    /// Held: recorded in the ledger as a Participation activity with the people present.
    Held,
    Cancelled,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 3] = [MeetingStatus::Planned, MeetingStatus::Held, MeetingStatus::Cancelled];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Planned",
            MeetingStatus::Held => "Held",
            MeetingStatus::Cancelled => "Cancelled",
        }
    }
}

/// A member's attendance at a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Attendance {
    Present,
    Apologies,
    Absent,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [Attendance::Present, Attendance::Apologies, Attendance::Absent];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Attendance::Present => "Present",
            Attendance::Apologies => "Apologies",
            Attendance::Absent => "Absent",
        }
    }
}

/// A group's quorum: at least `present` members present, of whom at least `lived` are patient or carer
/// members. Observers and guests do not count. The rule is each group's own, from its terms of reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuorumRule {
    pub present: i64,
    pub lived: i64,
}

/// Whether a meeting was quorate, and the sentence that says so on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quorum {
    pub quorate: bool,
    pub sentence: String,
}

impl QuorumRule {
    /// The rule in words: "at least 4 members present, of whom at least 2 are patient or carer members".
    pub fn describe(&self) -> String {
        format!(
            "at least {} present, of whom at least {} patient or carer {}",
            crate::text::count(self.present, "member", "members"),
            self.lived,
            if self.lived == 1 { "member" } else { "members" }
        )
    }

    /// Whether `present` members, `lived` of them patient or carer members, make a quorum.
    pub fn check(&self, present: i64, lived: i64) -> Quorum {
        let counted = format!(
            "{} present, of whom {} patient or carer {}",
            crate::text::count(present, "member", "members"),
            lived,
            if lived == 1 { "member" } else { "members" }
        );
        let quorate = present >= self.present && lived >= self.lived;
        let sentence = if quorate {
            format!("This meeting was quorate: {counted}. The group's rule is {}.", self.describe())
        } else {
            let short = if present < self.present {
                "too few members present"
            } else {
                "too few patient or carer members present"
            };
            format!("This meeting was not quorate ({short}): {counted}. The group's rule is {}.", self.describe())
        };
        Quorum { quorate, sentence }
    }
}

/// A group, as its pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub name: String,
    pub purpose: String,
    /// The terms of reference as written (Markdown).
    pub terms_of_reference: String,
    /// The terms of reference as safe HTML.
    pub terms_html: String,
    pub quorum: QuorumRule,
    /// How many days before a meeting its papers must go out (7 unless the group says otherwise).
    pub papers_due_days: i64,
}

/// One member's term in a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    /// The person's account, if they have one; `None` for a named outside stakeholder.
    pub person_id: Option<PersonId>,
    pub name: String,
    pub organisation: String,
    /// Shown only to those who organise the group's meetings.
    pub email: Option<String>,
    pub member_type: MemberType,
    pub position: Position,
    /// `YYYY-MM-DD`
    pub term_start: String,
    /// `YYYY-MM-DD`; `None` while open-ended.
    pub term_end: Option<String>,
    /// Shown only to those who organise the group's meetings.
    pub access_needs: String,
    /// Their papers go by post as well (an access need; shown only to those who organise meetings).
    pub papers_by_post: bool,
}

impl Member {
    /// Whether the term covers `day` (`YYYY-MM-DD`).
    pub fn current_on(&self, day: &str) -> bool {
        self.term_start.as_str() <= day && self.term_end.as_deref().is_none_or(|end| day <= end)
    }
}

/// A meeting, without its agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub group_id: GroupId,
    /// Local wall-clock times, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub joining_link: String,
    pub status: MeetingStatus,
}

impl Meeting {
    /// The local date, `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        self.starts_at.get(..10).unwrap_or_default()
    }

    /// "Tue 3 March 2026, 18:00 to 19:30"
    pub fn when(&self) -> String {
        format!(
            "{}, {} to {}",
            crate::dates::readable_day(self.day()),
            self.starts_at.get(11..).unwrap_or_default(),
            self.ends_at.get(11..).unwrap_or_default()
        )
    }

    /// Where: the place, the joining link, or both (hybrid).
    pub fn where_text(&self) -> String {
        match (self.place.is_empty(), self.joining_link.is_empty()) {
            (false, false) => format!("{} and online", self.place),
            (false, true) => self.place.clone(),
            (true, false) => "Online".to_owned(),
            (true, true) => String::new(),
        }
    }

    /// Whether attendance (and guests) may be recorded at `local_now` (the service's local time,
    /// `YYYY-MM-DDTHH:MM`, from the one clock): once the meeting is marked held, or from its start — never for
    /// a cancelled meeting, nor before it began (issue 15 §3; tester F4).
    pub fn attendance_open(&self, local_now: &str) -> bool {
        match self.status {
            MeetingStatus::Held => true,
            MeetingStatus::Cancelled => false,
            MeetingStatus::Planned => local_now >= self.starts_at.as_str(),
        }
    }

    /// Why attendance may not be recorded yet, in words for the page and the refusal; `None` when it may.
    pub fn attendance_closed_reason(&self, local_now: &str) -> Option<String> {
        if self.attendance_open(local_now) {
            return None;
        }
        Some(match self.status {
            MeetingStatus::Cancelled => "This meeting was cancelled, so there is no attendance to record.".to_owned(),
            _ => format!("Attendance can be recorded once the meeting has started ({}).", self.when()),
        })
    }
}

/// A group's page: the group, its members (current and past), its make-up and its meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPage {
    pub group: Group,
    pub current: Vec<Member>,
    pub past: Vec<Member>,
    /// Current members by type, in `MemberType::ALL` order.
    pub makeup: Vec<(MemberType, i64)>,
    pub meetings: Vec<Meeting>,
    /// The caller may change the group, its members and meetings (staff of its service).
    pub may_manage: bool,
    /// The caller organises its meetings (staff, or its secretary), and so sees members' access needs.
    pub organises: bool,
    /// The meetings whose papers are late (`papers::PapersTiming::late`).
    pub papers_late: Vec<MeetingId>,
    /// The service's feedback forms with results, `(form id, title)`, for the links to their aggregate
    /// results (figures only for members; issue 15 §7).
    pub feedback_forms: Vec<(String, String)>,
    /// The caller may open the service's involvement report (its managers and the current members of its
    /// groups), so the page links to it.
    pub sees_report: bool,
}

/// A declaration of interest on an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    pub member_name: String,
    pub interest: String,
}

/// An agenda item, with its declarations of interest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    /// From 1.
    pub position: i64,
    pub title: String,
    pub lead: String,
    pub minutes_allotted: i64,
    pub confidential: bool,
    pub declarations: Vec<Declaration>,
}

/// A guest at a meeting: not a member, so not counted for the quorum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub role: String,
}

/// A meeting's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub group: Group,
    pub meeting: Meeting,
    pub items: Vec<AgendaItem>,
    /// Every member current on the meeting's date, with their attendance if recorded.
    pub attendance: Vec<(Member, Option<Attendance>)>,
    pub guests: Vec<Guest>,
    pub quorum: Quorum,
    /// The caller may change the meeting and its agenda (staff of the service).
    pub may_manage: bool,
    /// The caller may record attendance, guests and declarations (staff, or the group's secretary).
    pub may_record: bool,
    /// Why attendance and guests may not be recorded yet (the meeting has not started, or was cancelled);
    /// `None` once they may (`Meeting::attendance_open`).
    pub attendance_closed: Option<String>,
    /// The papers the caller may read, how sending them is going, and the calendar file.
    pub papers: super::papers::PapersPanel,
}

/// A group in the list of groups someone may read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupListItem {
    pub id: GroupId,
    pub name: String,
    pub service_name: String,
    pub purpose: String,
    pub current_members: i64,
}

/// The groups page: the groups someone may read, and the services in which they may set one up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationOverview {
    pub groups: Vec<GroupListItem>,
    pub services: Vec<ServiceSummary>,
}
