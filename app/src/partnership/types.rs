//! Partnership's types, shared by the server and the browser: the panel pool, panels with their criteria,
//! questions, members and candidates, sealed scores and outcomes.

use serde::{Deserialize, Serialize};

use crate::accounts::types::{PersonId, ServiceId, ServiceSummary};

crate::id!(
    /// A person in a service's panel pool.
    PoolMemberId
);
crate::id!(
    /// An interview panel.
    PanelId
);
crate::id!(
    /// A criterion of a panel, from the person specification.
    CriterionId
);
crate::id!(
    /// A question a panel asks.
    PanelQuestionId
);
crate::id!(
    /// A member sitting on one panel.
    PanelMemberId
);
crate::id!(
    /// A candidate interviewed by a panel.
    CandidateId
);

/// The highest score on any criterion: scores run from 0 to 4.
pub const TOP_SCORE: i64 = 4;

/// How a pool member sits on panels: with lived experience as a patient or a carer (a volunteer sits as one of
/// these), or as staff. Counted so in the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Sits {
    Patient,
    Carer,
    Staff,
}

impl Sits {
    pub const ALL: [Sits; 3] = [Sits::Patient, Sits::Carer, Sits::Staff];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Sits::Patient => "Lived experience: a patient or former patient",
            Sits::Carer => "Lived experience: a carer",
            Sits::Staff => "Staff",
        }
    }

    /// Whether they sit with lived experience (a patient or a carer).
    pub fn lived_experience(self) -> bool {
        self != Sits::Staff
    }
}

/// What a panel is for: a staff post, or a volunteer role from inclusion's pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum PostKind {
    StaffPost,
    VolunteerRole,
}

impl PostKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            PostKind::StaffPost => "A staff post",
            PostKind::VolunteerRole => "A volunteer role",
        }
    }
}

/// The panel's outcome for a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Outcome {
    Appoint,
    DoNotAppoint,
    Reserve,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Appoint, Outcome::DoNotAppoint, Outcome::Reserve];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Appoint => "Appoint",
            Outcome::DoNotAppoint => "Do not appoint",
            Outcome::Reserve => "Reserve",
        }
    }
}

/// Someone in a service's panel pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolMember {
    pub id: PoolMemberId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub person_id: PersonId,
    pub name: String,
    pub sits: Sits,
    /// `YYYY-MM-DD`, local: panel training completed.
    pub trained_on: Option<String>,
    /// `YYYY-MM-DD`, local: shadowed a panel.
    pub shadowed_on: Option<String>,
    pub may_chair: bool,
    pub access_needs: String,
}

impl PoolMember {
    /// Trained: the first of the prerequisites before a member sees anything of a panel.
    pub fn trained(&self) -> bool {
        self.trained_on.is_some()
    }
}

/// A panel as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelSummary {
    pub id: PanelId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub post_kind: PostKind,
    pub post_title: String,
    /// `YYYY-MM-DD` and `HH:MM`, local.
    pub sits_on: String,
    pub sits_at: String,
    pub place: String,
    pub decided: bool,
    /// Candidates' data was deleted after the retention period.
    pub data_deleted: bool,
}

impl PanelSummary {
    /// When the panel starts, in words: "10:00 on 4 March 2027" (its local time and day).
    pub fn starts_words(&self) -> String {
        format!("{} on {}", self.sits_at, crate::dates::readable_day(&self.sits_on))
    }

    /// Why scoring is not open yet, before the panel starts (issue 17, tester: scoring before the panel sat):
    /// "Scoring opens at 10:00 on 4 March 2027, when the panel starts." For the page and the 409 refusal.
    pub fn scoring_opens_words(&self) -> String {
        format!("Scoring opens at {}, when the panel starts.", self.starts_words())
    }

    /// Why no outcome can be recorded yet, before the panel starts: for the page and the 409 refusal.
    pub fn outcome_opens_words(&self) -> String {
        format!("The outcome can be recorded from {}, when the panel starts.", self.starts_words())
    }
}

/// A criterion with what each score means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub name: String,
    /// What a score of 0, 1, 2, 3 and 4 means, in that order.
    pub descriptors: Vec<String>,
    /// The lowest acceptable score, 0 to 4.
    pub minimum: i64,
}

/// A question and the criteria it evidences (by name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: PanelQuestionId,
    pub wording: String,
    pub criteria: Vec<String>,
}

/// A member of a panel, with where their prerequisites are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: PanelMemberId,
    pub person_id: PersonId,
    pub name: String,
    pub sits: Sits,
    pub is_chair: bool,
    pub trained: bool,
    /// When they agreed to this panel's confidentiality agreement (stored instant), and its version.
    pub agreed: Option<(String, String)>,
    pub declared: bool,
}

impl Member {
    /// Training, this panel's confidentiality agreement and a declaration of interest are all recorded.
    pub fn ready(&self) -> bool {
        self.trained && self.agreed.is_some() && self.declared
    }
}

/// The last segment of every shortlisting pack's address (`pack_href`).
pub const PACK_FILE: &str = "pack.pdf";

/// A candidate's shortlisting pack's address, `/partnership/packs/<candidate id>/pack.pdf`: ids and fixed words
/// only. The name the pack was uploaded under is typed (it often names the candidate) and goes out only as the
/// download's name, in `Content-Disposition` (`crate::download`); no page's data carries it.
pub fn pack_href(id: &CandidateId) -> String {
    format!("/partnership/packs/{id}/{PACK_FILE}")
}

/// A candidate as the panel page shows them to someone allowed to see candidates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
    /// The candidate came from inclusion's pipeline (a volunteer application).
    pub from_application: bool,
    /// How many of the members whose scores this candidate waits for (every member with no interest declared
    /// in them) have submitted. How many it waits for is not sent: it would tell every member that someone
    /// declared an interest (tester 17c, finding 5).
    pub submitted: i64,
    /// Why the chair closed scoring before everyone had submitted; empty if not closed.
    pub closed_reason: String,
    /// Everyone eligible has submitted, or the chair closed scoring: the scores can be seen side by side.
    pub unsealed: bool,
    /// The outcome, its reasons and why it departs from the lived-experience view: none of them to a viewer
    /// who declared an interest in the candidate.
    pub outcome: Option<Outcome>,
    pub outcome_reasons: String,
    pub departure_reason: String,
    /// The viewer declared an interest in this candidate: they do not score them or record outcomes, and see
    /// nothing of their standing (scores, outcome). (A chair may still close their scoring, which says nothing
    /// of it: only the chair can, and the panel would otherwise wait for ever.)
    pub viewer_declared: bool,
    /// The viewer has submitted their scores for this candidate.
    pub viewer_submitted: bool,
    /// The viewer's own scores, once submitted: per criterion, the score and evidence.
    pub viewer_scores: Vec<(String, i64, String)>,
    /// Every member's scores, only once unsealed (and before the outcome closes them to members; the
    /// service's managers keep them after it, until the retention period ends).
    pub sheet: Option<ScoreSheet>,
}

/// One member's scores of one candidate, side by side with the others'.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub member: String,
    pub lived_experience: bool,
    /// Per criterion in the panel's order: the score in force, its evidence, and the original if re-scored.
    pub scores: Vec<ScoreCell>,
    pub total: i64,
    /// The member declared an interest in the candidate after scoring: their scores are kept and shown, but
    /// count towards no total and not towards the lived-experience view.
    pub withdrawn: bool,
}

/// A score in force, with the sealed original kept when it was changed at the discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreCell {
    pub score: i64,
    pub evidence: String,
    /// The sealed original score and the reason for the change, when re-scored.
    pub rescored_from: Option<(i64, String)>,
}

/// Every submitted score of a candidate, and the lived-experience view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub criteria: Vec<String>,
    pub lines: Vec<ScoreLine>,
    /// The lived-experience members' mean total, in words ("11.5 of 16"); `None` when none of them scored.
    pub lived_experience_mean: Option<String>,
    /// Criteria on which the lived-experience members' mean is below the minimum.
    pub below_minimum: Vec<String>,
}

/// The viewer's own place on the panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// Staff of the panel's service: they set the panel up.
    pub organiser: bool,
    /// A manager of the panel's service.
    pub manager: bool,
    /// Their membership, if they sit on the panel.
    pub member: Option<Member>,
}

impl Viewer {
    pub fn is_chair(&self) -> bool {
        self.member.as_ref().is_some_and(|m| m.is_chair)
    }

    /// A member whose prerequisites are all recorded.
    pub fn ready_member(&self) -> bool {
        self.member.as_ref().is_some_and(Member::ready)
    }
}

/// Everything the panel page shows, cut to what the viewer may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelPage {
    pub panel: PanelSummary,
    pub agreement_version: String,
    pub no_lived_experience_reason: String,
    pub viewer: Viewer,
    pub criteria: Vec<Criterion>,
    /// Only for a member whose prerequisites are recorded, and organisers.
    pub questions: Vec<Question>,
    pub members: Vec<Member>,
    /// Only for a member whose prerequisites are recorded, and organisers; empty to members once the outcome
    /// closes them, but kept for the service's managers (the record) until the retention period ends.
    pub candidates: Vec<Candidate>,
    /// Candidates' names only, for the declaration of interest (members before they are ready).
    pub candidate_names: Vec<(CandidateId, String)>,
    /// For organisers: pool members of the service not yet on the panel, as `(id, "name (kind)")`.
    pub pool_choices: Vec<(String, String)>,
    /// For organisers of a volunteer-role panel: applications at interview, as `(id, name)`.
    pub application_choices: Vec<(String, String)>,
    /// The panel has at least one lived-experience member.
    pub has_lived_experience_member: bool,
    /// The panel has started (its day and time, local, have come): only then are scores and outcomes taken.
    /// Packs and the prerequisites are open before, so members can prepare.
    pub started: bool,
    /// An outcome is recorded for at least one candidate: nothing about the panel changes after it, but the
    /// other candidates' outcomes.
    pub outcome_begun: bool,
    /// The viewer is a member who declared an interest in any candidate: they record no outcome, since each
    /// outcome is weighed against every candidate's lived-experience view.
    pub viewer_declared_any: bool,
    /// For a manager of the service once the panel is decided: how many months after the outcome its record
    /// is kept (the service's retention period).
    pub record_kept_months: Option<i64>,
}

/// The Partnership page: the pool and panels of the caller's services, and the panels they sit on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnershipOverview {
    /// Services the caller is staff of (empty for someone who only sits on panels).
    pub services: Vec<ServiceSummary>,
    pub pool: Vec<PoolMember>,
    pub panels: Vec<PanelSummary>,
    pub my_panels: Vec<PanelSummary>,
    /// Each staffed service's retention period in months: `(service name, months)`.
    pub retention: Vec<(String, i64)>,
    /// Volunteer roles of the caller's services a panel may be for, as `(id, "title (service)")`.
    pub volunteer_roles: Vec<(String, String)>,
}

/// The confidentiality agreement every member signs for each panel, in the version stored with the panel.
pub const AGREEMENT_TEXT: &str = "I will keep confidential everything I read, hear and write about the candidates \
and this panel: their packs, their answers, the panel's scores and discussion and its decision. I will not \
copy, photograph, share or keep the packs after the panel, and I will speak about the panel only with its other \
members and the service's staff who run it. If I know a candidate, I will say so in my declaration of interest \
before I see anything about them.";

/// The version of [`AGREEMENT_TEXT`]: a panel records the version its members agreed to.
pub const AGREEMENT_VERSION: &str = "2026-12";
