//! Partnership's server functions.
//!
//! Who may do what: the service's staff keep its panel pool and set panels up (criteria, questions, members,
//! candidates with their packs); its managers set the retention period and record why a panel has no
//! lived-experience member. A panel's members see its candidates, packs, questions and scoring form only once
//! their training, this panel's confidentiality agreement and a declaration of interest are recorded (403
//! before); a member cannot score a candidate they declared an interest in. Scores are sealed: nobody, the chair
//! included, sees another member's scores of a candidate until every eligible member has submitted theirs or
//! the chair closes scoring with a reason. Anyone who is neither the service's staff nor a member is told a
//! panel does not exist (404), as for an unknown id.
//! Every read of a panel is audited, and every change.

use std::collections::HashMap;

use leptos::prelude::*;

use super::types::{CandidateId, PanelId, PanelPage, PartnershipOverview, PoolMemberId};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use {
    super::{
        db::{self, CandidateRow, PanelRecord, ScoreRow},
        emails,
        sources::PanelSat,
        types::{Candidate, Criterion, Member, Outcome, PanelSummary, ScoreCell, ScoreLine, ScoreSheet, Viewer},
        validate::{self, CriterionFields, LivedExperienceView, PanelFields, PoolFields},
    },
    crate::{
        accounts::access::{ensure_staff_of, require_signed_in, require_staff, services_staffed_by, SignedInUser},
        dates::{parse_date_input, parse_optional_date_input, DateField, DateParts},
        db::Write,
        error::FormErrors,
        ledger::api as ledger_api,
        state::state,
    },
    sqlx::AnyConnection,
};

/// The panel page's address.
pub fn panel_path(id: &PanelId) -> String {
    format!("/partnership/panels/{id}")
}

/// The key of a candidate's criterion in the scoring form's `score` and `evidence` maps:
/// `c-<candidate id>_<criterion id>` (the `c-` because the form decoder reads a bracketed key that starts with a
/// digit as a list index; the candidate's id so that each candidate's form on the page has its own field ids,
/// and its messages and typed words come back to it alone).
pub fn score_key(candidate: &str, criterion: &str) -> String {
    format!("c-{candidate}_{criterion}")
}

/// The field of a criterion's score on a candidate's scoring form: `score[c-<candidate id>_<criterion id>]`.
pub fn score_field(candidate: &str, criterion: &str) -> String {
    format!("score[{}]", score_key(candidate, criterion))
}

/// The field of a criterion's evidence note on a candidate's scoring form.
pub fn evidence_field(candidate: &str, criterion: &str) -> String {
    format!("evidence[{}]", score_key(candidate, criterion))
}

/// The key of a candidate in the maps of that candidate's own forms (closing scoring, re-scoring, the outcome):
/// `c-<candidate id>`.
pub fn candidate_key(candidate: &str) -> String {
    format!("c-{candidate}")
}

/// A field of one candidate's own form: `<name>[c-<candidate id>]`, so that each candidate's card on the page
/// has its own field ids, and a refusal's messages and typed words come back to that card alone.
pub fn candidate_field(name: &str, candidate: &str) -> String {
    format!("{name}[{}]", candidate_key(candidate))
}

/// What was typed in a candidate's own form for one field (empty when not sent).
#[cfg(feature = "ssr")]
fn typed_for(map: &HashMap<String, String>, candidate: &str) -> String {
    map.get(&candidate_key(candidate)).cloned().unwrap_or_default()
}

/// The field of a criterion's box on the question form.
pub fn evidences_field(criterion: &str) -> String {
    format!("evidences[c-{criterion}]")
}

// ---- access --------------------------------------------------------------------------------------------

/// A panel as its viewer may reach it: the panel, its members, and the viewer's place.
#[cfg(feature = "ssr")]
pub(crate) struct Reached {
    pub panel: PanelRecord,
    pub members: Vec<Member>,
    pub viewer: Viewer,
}

/// The panel, for its service's staff (organisers) and its members. Anyone else signed in is told it does not
/// exist (404), as for an unknown id: the answer never says whether a panel id is real.
#[cfg(feature = "ssr")]
pub(crate) async fn reach(conn: &mut AnyConnection, user: &SignedInUser, id: &PanelId) -> Result<Reached, AppError> {
    let panel = db::fetch_panel(&mut *conn, id).await?.ok_or(AppError::NotFound)?;
    let members = db::list_members(&mut *conn, id).await?;
    let service = &panel.summary.service_id;
    let member = members.iter().find(|m| m.person_id == user.id).cloned();
    let organiser = user.is_staff_of(service);
    if !organiser && member.is_none() {
        return Err(AppError::NotFound);
    }
    let viewer = Viewer { organiser, manager: user.manages(service), member };
    Ok(Reached { panel, members, viewer })
}

/// Refuses (403) anyone but a member whose training, agreement and declaration are recorded.
#[cfg(feature = "ssr")]
fn ensure_ready_member(viewer: &Viewer) -> Result<&Member, AppError> {
    match &viewer.member {
        Some(member) if member.ready() => Ok(member),
        _ => Err(AppError::Forbidden),
    }
}

/// The candidate and the panel it belongs to, reached as [`reach`] says.
#[cfg(feature = "ssr")]
async fn reach_candidate(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    id: &CandidateId,
) -> Result<(CandidateRow, Reached), AppError> {
    let candidate = db::fetch_candidate(&mut *conn, id).await?.ok_or(AppError::NotFound)?;
    let reached = reach(conn, user, &PanelId::from(candidate.panel_id.clone())).await?;
    Ok((candidate, reached))
}

/// What a ready member's scoring action opens with: the candidate, their panel and its members, the member,
/// and the panel's scoring so far.
#[cfg(feature = "ssr")]
struct ReadyToScore {
    candidate: CandidateRow,
    panel: PanelRecord,
    members: Vec<Member>,
    member: Member,
    scoring: Scoring,
}

/// Reaches the candidate (as [`reach`] says: 404 or 403) as a ready member of their panel (403 otherwise:
/// [`ensure_ready_member`]), with the panel's scoring so far. The one opening of submitting and re-scoring.
#[cfg(feature = "ssr")]
async fn ready_to_score(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    id: &CandidateId,
) -> Result<ReadyToScore, AppError> {
    let (candidate, Reached { panel, members, viewer }) = reach_candidate(&mut *conn, user, id).await?;
    let member = ensure_ready_member(&viewer)?.clone();
    let scoring = Scoring::load(conn, &panel.summary.id).await?;
    Ok(ReadyToScore { candidate, panel, members, member, scoring })
}

/// The panel, for its service's staff only (setting it up): 404 to anyone else.
#[cfg(feature = "ssr")]
async fn organise(conn: &mut AnyConnection, user: &SignedInUser, id: &PanelId) -> Result<PanelRecord, AppError> {
    db::fetch_panel(&mut *conn, id).await?.filter(|p| user.is_staff_of(&p.summary.service_id)).ok_or(AppError::NotFound)
}

/// The panel has started: its day and time, in the service's local time, have come (`crate::clock`).
#[cfg(feature = "ssr")]
pub(crate) fn has_started(panel: &super::types::PanelSummary) -> bool {
    let Ok(day) = chrono::NaiveDate::parse_from_str(&panel.sits_on, "%Y-%m-%d") else { return true };
    let Ok(time) = chrono::NaiveTime::parse_from_str(&panel.sits_at, "%H:%M") else { return true };
    crate::clock::local_now_naive() >= day.and_time(time)
}

/// Refuses (409) scoring — submitting, re-scoring, closing — before the panel starts, with the sentence
/// saying from when ([`super::types::PanelSummary::scoring_opens_words`]). Members prepare before (packs and
/// the prerequisites stay open); they score at the panel.
#[cfg(feature = "ssr")]
fn ensure_scoring_open(panel: &super::types::PanelSummary) -> Result<(), AppError> {
    if has_started(panel) {
        Ok(())
    } else {
        Err(AppError::Conflict(panel.scoring_opens_words()))
    }
}

/// The refusal (409) of any change to a panel once an outcome is recorded for one of its candidates, but the
/// other candidates' outcomes (issue 17 §6: after the outcome only the housekeeping's deletion changes it).
pub const OUTCOME_RECORDED: &str =
    "The panel's outcome is recorded, so nothing about the panel can change now but the outcomes still to record.";

/// An outcome is recorded for the panel (it is decided, or one of its candidates has one).
#[cfg(feature = "ssr")]
async fn outcome_begun(conn: &mut AnyConnection, panel: &PanelRecord) -> Result<bool, AppError> {
    Ok(panel.summary.decided || db::list_candidates(conn, &panel.summary.id).await?.iter().any(|c| c.outcome.is_some()))
}

/// Refuses (409, [`OUTCOME_RECORDED`]) a change to a panel once an outcome is recorded.
#[cfg(feature = "ssr")]
async fn ensure_no_outcome_yet(conn: &mut AnyConnection, panel: &PanelRecord) -> Result<(), AppError> {
    if outcome_begun(conn, panel).await? {
        Err(AppError::Conflict(OUTCOME_RECORDED.into()))
    } else {
        Ok(())
    }
}

/// The refusal of a member's scoring of a candidate they declared an interest in (403), beside the form.
pub const DECLARED_NO_SCORING: &str = "You declared an interest in this candidate, so you do not score them.";

/// The refusal (403, beside the reason's field) of a chair's closing of scoring for a candidate they declared an
/// interest in.
pub const DECLARED_NO_CLOSING: &str = "You declared an interest in this candidate, so you do not close their scoring. \
     The service's staff, or another chair of the panel, may close it.";

/// The refusal (403, beside the outcome's field) of an outcome from a member who declared an interest in any
/// candidate of the panel. Every outcome is weighed against every candidate's lived-experience view (another
/// candidate scored higher, a mean below a minimum), so a member who knows one candidate records none: the
/// refusal and the comparison would otherwise tell them about that candidate. It says nothing about scores.
pub const DECLARED_NO_OUTCOME: &str = "You declared an interest in a candidate on this panel, so you do not record \
     its outcomes: each outcome is weighed against every candidate. A member who declared no interest, or the \
     service's staff, record them.";

// ---- sealing -------------------------------------------------------------------------------------------

/// Where scoring of each candidate is: who may score them, who has, and the scores in force.
#[cfg(feature = "ssr")]
pub(crate) struct Scoring {
    pub interests: Vec<(super::types::PanelMemberId, CandidateId)>,
    pub scores: Vec<ScoreRow>,
}

#[cfg(feature = "ssr")]
impl Scoring {
    pub async fn load(conn: &mut AnyConnection, panel: &PanelId) -> Result<Self, sqlx::Error> {
        Ok(Self {
            interests: db::list_interests(&mut *conn, panel).await?,
            scores: db::list_scores(conn, panel).await?,
        })
    }

    fn declared(&self, member: &Member, candidate: &str) -> bool {
        self.interests.iter().any(|(m, c)| *m == member.id && c.as_str() == candidate)
    }

    /// The member declared an interest in any candidate of the panel.
    fn declared_any(&self, member: &Member) -> bool {
        self.interests.iter().any(|(m, _)| *m == member.id)
    }

    /// The members whose scores the candidate waits for: every member with no interest declared in them, ready
    /// or not (issue 17 §4: "every eligible member (not one who declared an interest in that candidate)"). A
    /// member who is not yet ready keeps the candidate sealed until they are and submit, or the chair closes
    /// scoring with a recorded reason.
    pub fn eligible<'m>(&self, members: &'m [Member], candidate: &str) -> Vec<&'m Member> {
        members.iter().filter(|m| !self.declared(m, candidate)).collect()
    }

    /// The member submitted their sealed scores of the candidate (whether or not they count: see [`Self::counts`]).
    pub fn submitted(&self, member: &Member, candidate: &str) -> bool {
        self.scores.iter().any(|s| s.round == 0 && s.member_id == member.id.as_str() && s.candidate_id == candidate)
    }

    /// The member's scores of the candidate count: submitted, and no interest in the candidate declared. Scores
    /// submitted before a declaration are kept (and shown as withdrawn) but leave every total and the
    /// lived-experience view.
    pub fn counts(&self, member: &Member, candidate: &str) -> bool {
        self.submitted(member, candidate) && !self.declared(member, candidate)
    }

    /// Every candidate still without an outcome is unsealed: only then may any outcome be recorded, so that
    /// the lived-experience view is compared over every candidate (issue 17 §5) and nothing is worked out from
    /// sealed scores.
    pub fn all_unsealed(&self, members: &[Member], candidates: &[CandidateRow]) -> bool {
        candidates.iter().all(|c| c.outcome.is_some() || self.unsealed(members, c))
    }

    /// The candidate's scores are open to the panel: the chair closed scoring, or every eligible member has
    /// submitted — now, or at some moment before (recorded as `unsealed_at`). Once open they stay open: a
    /// member added to the panel later does not seal them again for those who have seen them (they score on
    /// their own and see only their own until they submit, [`Scoring::sees_others`]).
    pub fn unsealed(&self, members: &[Member], candidate: &CandidateRow) -> bool {
        candidate.closed_at.is_some() || candidate.unsealed_at.is_some() || self.all_submitted(members, &candidate.id)
    }

    /// Every member eligible now has submitted (and there is one).
    fn all_submitted(&self, members: &[Member], candidate: &str) -> bool {
        let eligible = self.eligible(members, candidate);
        !eligible.is_empty() && eligible.iter().all(|m| self.submitted(m, candidate))
    }

    /// Whether `member` may see the others' scores of an unsealed candidate: once they have submitted their
    /// own, or once the chair closed scoring (when they can no longer submit). A member who became ready after
    /// the scores were opened sees only their own until they submit, so their scores stay independent.
    pub fn sees_others(&self, member: &Member, candidate: &CandidateRow) -> bool {
        candidate.closed_at.is_some() || self.submitted(member, &candidate.id)
    }

    /// A member's scores of a candidate in force per criterion (the latest round), with the sealed original.
    fn cells(&self, member: &Member, candidate: &str, criteria: &[Criterion]) -> Vec<ScoreCell> {
        criteria
            .iter()
            .map(|c| {
                let rounds: Vec<&ScoreRow> = self
                    .scores
                    .iter()
                    .filter(|s| {
                        s.member_id == member.id.as_str()
                            && s.candidate_id == candidate
                            && s.criterion_id == c.id.as_str()
                    })
                    .collect();
                let original = rounds.iter().find(|s| s.round == 0);
                let latest = rounds.iter().max_by_key(|s| s.round);
                match (original, latest) {
                    (Some(o), Some(l)) if l.round > 0 => ScoreCell {
                        score: l.score,
                        evidence: o.evidence.clone(),
                        rescored_from: Some((o.score, l.rescore_reason.clone())),
                    },
                    (Some(o), _) => ScoreCell { score: o.score, evidence: o.evidence.clone(), rescored_from: None },
                    _ => ScoreCell { score: 0, evidence: String::new(), rescored_from: None },
                }
            })
            .collect()
    }

    /// The lived-experience members' view of a candidate, from those of them who submitted.
    pub fn lived_experience_view(
        &self,
        members: &[Member],
        candidate: &str,
        criteria: &[Criterion],
    ) -> Option<LivedExperienceView> {
        let lines: Vec<Vec<i64>> = members
            .iter()
            .filter(|m| m.sits.lived_experience() && self.counts(m, candidate))
            .map(|m| self.cells(m, candidate, criteria).iter().map(|c| c.score).collect())
            .collect();
        LivedExperienceView::of(&lines)
    }

    /// Every submitted member's scores side by side, with the lived-experience view.
    fn sheet(&self, members: &[Member], candidate: &str, criteria: &[Criterion]) -> ScoreSheet {
        let lines = members
            .iter()
            .filter(|m| self.submitted(m, candidate))
            .map(|m| {
                let scores = self.cells(m, candidate, criteria);
                ScoreLine {
                    member: m.name.clone(),
                    lived_experience: m.sits.lived_experience(),
                    total: scores.iter().map(|c| c.score).sum(),
                    scores,
                    withdrawn: !self.counts(m, candidate),
                }
            })
            .collect();
        let view = self.lived_experience_view(members, candidate, criteria);
        let minimums: Vec<i64> = criteria.iter().map(|c| c.minimum).collect();
        ScoreSheet {
            criteria: criteria.iter().map(|c| c.name.clone()).collect(),
            lines,
            lived_experience_mean: view
                .as_ref()
                .map(|v| format!("{} of {}", v.mean_words(), criteria.len() as i64 * super::types::TOP_SCORE)),
            below_minimum: view
                .map(|v| {
                    v.below_minimum(&minimums)
                        .into_iter()
                        .filter_map(|i| criteria.get(i))
                        .map(|c| c.name.clone())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// Records, for each undecided candidate of the panel whose scores are open now, that they are: called in a
/// write before it changes who is ready (training, an agreement, a declaration) and after a submission, so
/// that scores once open to the panel stay open when a member becomes ready later.
#[cfg(feature = "ssr")]
async fn keep_open_what_is_open(conn: &mut AnyConnection, panel: &PanelId) -> Result<(), AppError> {
    let members = db::list_members(&mut *conn, panel).await?;
    let scoring = Scoring::load(&mut *conn, panel).await?;
    for candidate in db::list_candidates(&mut *conn, panel).await? {
        if candidate.unsealed_at.is_none()
            && candidate.outcome.is_none()
            && scoring.all_submitted(&members, &candidate.id)
        {
            db::mark_unsealed(&mut *conn, &candidate.id).await?;
        }
    }
    Ok(())
}

// ---- the overview --------------------------------------------------------------------------------------

/// The Partnership page: for staff, their services' pool and panels, retention periods and volunteer roles;
/// for everyone signed in, the panels they sit on.
#[server(endpoint = "/partnership_overview")]
pub async fn get_partnership_overview() -> Result<PartnershipOverview, AppError> {
    let user = require_signed_in()?;
    let services = if user.is_staff_anywhere() { services_staffed_by(&user).await? } else { Vec::new() };
    let ids: Vec<ServiceId> = services.iter().map(|s| s.id.clone()).collect();
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let panels = db::list_panels(&mut conn).await?.into_iter().filter(|p| ids.contains(&p.service_id)).collect();
    let mut retention = Vec::new();
    let mut volunteer_roles = Vec::new();
    for service in &services {
        retention.push((service.name.clone(), db::retention_months(&mut conn, &service.id).await?));
        for (id, title) in crate::inclusion::api::roles_for_panels(&mut conn, &service.id).await? {
            volunteer_roles.push((id, format!("{title} ({})", service.name)));
        }
    }
    let pool = db::list_pool(&mut conn, &ids).await?;
    // The pool holds people's access needs: each service's pool shown is an audited read (counts only).
    for service in &ids {
        let shown = pool.iter().filter(|m| m.service_id == *service).count();
        let detail = serde_json::json!({ "pool_members_shown": shown });
        crate::audit::record(&mut *conn, Some(&user.id), "panel_pool_read", "service", service.as_str(), detail)
            .await?;
    }
    Ok(PartnershipOverview {
        pool,
        my_panels: db::list_panels_of(&mut conn, &user.id).await?,
        services,
        panels,
        retention,
        volunteer_roles,
    })
}

// ---- the pool ------------------------------------------------------------------------------------------

/// The one refusal of an address that is not someone of the service: the same words whether the address has
/// no account or belongs to someone of another service, so the pool form tells nobody anything about accounts
/// outside their own service.
pub const NOT_IN_THIS_SERVICE: &str =
    "We could not find anyone in this service with this email address. Check it, or invite them to the service first.";

/// Adds someone of the service (anyone with a role in it: staff, or a patient, carer or volunteer linked to
/// it) to its panel pool, as a lived-experience member (patient or carer) or staff, with their access needs.
/// Refused beside the field: an address of nobody in this service ([`NOT_IN_THIS_SERVICE`], the same for an
/// address with no account and for someone of another service), or someone already in the pool.
#[server(endpoint = "/add_to_panel_pool")]
pub async fn add_to_panel_pool(
    #[server(default)] service_id: ServiceId,
    #[server(default)] email: String,
    #[server(default)] sits: String,
    #[server(default)] access_needs: String,
    #[server(default)] submission: String,
) -> Result<PoolMemberId, AppError> {
    let user = require_staff()?;
    ensure_staff_of(&user, &service_id)?;
    let fields = PoolFields { email, sits, access_needs };
    let kept = fields.kept();
    let parsed = fields.parse().map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let Some(person) = db::person_of_service(tx.conn(), &parsed.email, &service_id).await? else {
        return Err(AppError::field("email", NOT_IN_THIS_SERVICE).keeping(&kept));
    };
    tx.claim_submission(&submission).await?;
    let id = db::insert_pool_member(tx.conn(), &service_id, &person, parsed.sits, &parsed.access_needs)
        .await?
        .ok_or_else(|| AppError::field("email", "They are in this service's panel pool already").keeping(&kept))?;
    tx.audit("panel_pool_added", "panel_pool_member", &id, serde_json::json!({ "sits": parsed.sits.as_str() })).await?;
    tx.commit_then("/partnership?pool=1").await?;
    Ok(id)
}

/// Records a pool member's panel training (a date, today or before), whether and when they shadowed a panel,
/// and whether the service agrees they may chair (only once trained and having shadowed).
#[server(endpoint = "/record_panel_training")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn record_panel_training(
    #[server(default)] pool_member_id: PoolMemberId,
    #[server(default)] trained_on_day: String,
    #[server(default)] trained_on_month: String,
    #[server(default)] trained_on_year: String,
    #[server(default)] shadowed_on_day: String,
    #[server(default)] shadowed_on_month: String,
    #[server(default)] shadowed_on_year: String,
    #[server(default)] may_chair: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let member = db::fetch_pool_member(tx.conn(), &pool_member_id)
        .await?
        .filter(|m| user.is_staff_of(&m.service_id))
        .ok_or(AppError::NotFound)?;
    let trained = DateParts::new(trained_on_day, trained_on_month, trained_on_year);
    let shadowed = DateParts::new(shadowed_on_day, shadowed_on_month, shadowed_on_year);
    let today = crate::dates::Day::of_naive(crate::clock::today_date());
    let past = crate::dates::Bound { day: today, words: "today or in the past" };
    let mut errors = FormErrors::new();
    let trained_on = parse_date_input(
        &DateField { name: "trained_on", legend: "Date trained", earliest: None, latest: Some(past) },
        &trained,
    )
    .map_err(|e| e.add_to(&mut errors))
    .ok();
    let shadowed_on = parse_optional_date_input(
        &DateField { name: "shadowed_on", legend: "Date they shadowed a panel", earliest: None, latest: Some(past) },
        &shadowed,
    )
    .map_err(|e| e.add_to(&mut errors))
    .ok()
    .flatten();
    let chair = may_chair == "yes";
    if chair && shadowed.is_empty() {
        errors.add("may_chair", "Someone may chair only once they have shadowed a panel: enter the date they did");
    }
    let mut kept = trained.kept("trained_on");
    kept.extend(shadowed.kept("shadowed_on"));
    kept.push(("may_chair".into(), may_chair.clone()));
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    let Some(trained_on) = trained_on else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    for panel in db::list_open_panels_of(tx.conn(), member.id.as_str()).await? {
        keep_open_what_is_open(tx.conn(), &panel).await?;
    }
    let shadowed_iso = shadowed_on.map(|d| d.iso());
    db::update_training(tx.conn(), &member.id, &trained_on.iso(), shadowed_iso.as_deref(), chair).await?;
    let detail = serde_json::json!({ "trained_on": trained_on.iso(), "shadowed_on": shadowed_iso, "may_chair": chair });
    tx.audit("panel_training_recorded", "panel_pool_member", &member.id, detail).await?;
    tx.commit_then("/partnership?training=1").await
}

/// Sets how many whole months after a panel's outcome its candidates' packs, scores and names are kept
/// (1 to 24; 6 unless set). For the service's managers.
#[server(endpoint = "/set_panel_retention")]
pub async fn set_panel_retention(
    #[server(default)] service_id: ServiceId,
    #[server(default)] months: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    if !user.manages(&service_id) {
        return Err(AppError::Forbidden);
    }
    let parsed = match crate::text::whole_number(&months) {
        Some(m) if (1..=24).contains(&m) => m,
        _ => {
            return Err(AppError::field("months", "Enter a whole number of months from 1 to 24")
                .keeping(&[("months", months.as_str())]))
        }
    };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::set_retention_months(tx.conn(), &service_id, parsed).await?;
    tx.audit("panel_retention_set", "service", &service_id, serde_json::json!({ "months": parsed })).await?;
    tx.commit_then("/partnership?retention=1").await
}

// ---- setting a panel up --------------------------------------------------------------------------------

/// Sets up a panel for a staff post or one of the service's volunteer roles: its date (today or later) and
/// time in the service's local time (a time the clocks skip is refused) and its place. Returns its id.
#[server(endpoint = "/create_panel")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn create_panel(
    #[server(default)] service_id: ServiceId,
    #[server(default)] post_kind: String,
    #[server(default)] post_title: String,
    #[server(default)] volunteer_role_id: String,
    #[server(default)] sits_on_day: String,
    #[server(default)] sits_on_month: String,
    #[server(default)] sits_on_year: String,
    #[server(default)] sits_at: String,
    #[server(default)] place: String,
    #[server(default)] submission: String,
) -> Result<PanelId, AppError> {
    let user = require_staff()?;
    ensure_staff_of(&user, &service_id)?;
    let fields = PanelFields { post_kind, post_title, volunteer_role_id, place };
    let day = DateParts::new(sits_on_day, sits_on_month, sits_on_year);
    let mut kept: Vec<(String, String)> =
        fields.kept().iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    kept.extend(day.kept("sits_on"));
    kept.push(("sits_at".into(), sits_at.clone()));
    let mut errors = FormErrors::new();
    let parsed = fields.parse(&mut errors);
    // A panel is set up before it sits: a day already past is a mistake in the year or the month.
    let today = crate::dates::Day::of_naive(crate::clock::today_date());
    let future = crate::dates::Bound { day: today, words: "today or in the future" };
    let sits_on = parse_date_input(
        &DateField { name: "sits_on", legend: "Date the panel sits", earliest: Some(future), latest: None },
        &day,
    )
    .map_err(|e| e.add_to(&mut errors))
    .ok();
    let time = chrono::NaiveTime::parse_from_str(sits_at.trim(), "%H:%M")
        .map_err(|_| errors.add("sits_at", "Enter a time on the 24-hour clock, like 14:30"))
        .ok();
    if let (Some(day), Some(time)) = (sits_on, time) {
        if !crate::clock::current().exists(day.naive().and_time(time)) {
            errors.add("sits_at", "That time does not exist on that day: the clocks go forward. Choose another time");
        }
    }
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let mut role_title = None;
    if let Some(Some(role)) = parsed.as_ref().map(|p| p.volunteer_role_id.as_deref()) {
        role_title = crate::inclusion::api::role_title(tx.conn(), &service_id, role).await?;
        if role_title.is_none() {
            errors.add("volunteer_role_id", "Choose one of this service's volunteer roles");
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    let (Some(panel), Some(day), Some(time)) = (parsed, sits_on, time) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let title = role_title.unwrap_or(panel.post_title.clone());
    let row = db::NewPanelRow {
        service_id: &service_id,
        post_kind: panel.post_kind,
        post_title: &title,
        volunteer_role_id: panel.volunteer_role_id.as_deref(),
        sits_on: &day.iso(),
        sits_at: &time.format("%H:%M").to_string(),
        place: &panel.place,
    };
    let id = db::insert_panel(tx.conn(), &row, Some(&user.id)).await?;
    tx.audit("panel_created", "panel", &id, serde_json::json!({ "post_kind": panel.post_kind.as_str() })).await?;
    tx.commit_then(&panel_path(&id)).await?;
    Ok(id)
}

/// Adds a criterion from the person specification: its name, what each score 0–4 means, and the minimum
/// acceptable score. Refused once any candidate has been scored (409): every member scores against the same
/// criteria.
#[server(endpoint = "/add_panel_criterion")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn add_panel_criterion(
    #[server(default)] panel_id: PanelId,
    #[server(default)] name: String,
    #[server(default)] means_0: String,
    #[server(default)] means_1: String,
    #[server(default)] means_2: String,
    #[server(default)] means_3: String,
    #[server(default)] means_4: String,
    #[server(default)] minimum: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let panel = organise(tx.conn(), &user, &panel_id).await?;
    let fields = CriterionFields { name, descriptors: [means_0, means_1, means_2, means_3, means_4], minimum };
    let kept = fields.kept();
    let (name, descriptors, minimum) = fields.parse().map_err(|e| AppError::Validation(e.keep_posted(&kept)))?;
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    if !db::list_scores(tx.conn(), &panel_id).await?.is_empty() {
        return Err(AppError::Conflict("Scoring has begun, so the criteria cannot change now.".into()));
    }
    tx.claim_submission(&submission).await?;
    let id = db::insert_criterion(tx.conn(), &panel_id, &name, &descriptors, minimum).await?;
    tx.audit("panel_criterion_added", "panel", &panel_id, serde_json::json!({ "criterion_id": id })).await?;
    tx.commit_then(&format!("{}?criterion=1", panel_path(&panel_id))).await
}

/// Adds a question, with the criteria it evidences (`evidences[c-<criterion id>]`, at least one).
#[server(endpoint = "/add_panel_question")]
pub async fn add_panel_question(
    #[server(default)] panel_id: PanelId,
    #[server(default)] wording: String,
    #[server(default)] evidences: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let panel = organise(tx.conn(), &user, &panel_id).await?;
    let criteria = db::list_criteria(tx.conn(), &panel_id).await?;
    let mut errors = FormErrors::new();
    let wording = validate::note(&mut errors, "wording", &wording, "Enter the question", true);
    let chosen: Vec<_> =
        criteria.iter().filter(|c| evidences.contains_key(&format!("c-{}", c.id))).map(|c| c.id.clone()).collect();
    let first = criteria.first().map(|c| evidences_field(c.id.as_str())).unwrap_or_else(|| "wording".to_owned());
    if criteria.is_empty() {
        errors.add("wording", "Add the criteria first: each question evidences at least one");
    } else if chosen.is_empty() {
        errors.add(&first, "Choose at least one criterion the question evidences");
    }
    if !errors.is_empty() {
        let mut errors = errors.keep("wording", wording);
        for key in evidences.keys() {
            errors = errors.keep(&format!("evidences[{key}]"), "yes");
        }
        return Err(AppError::Validation(errors));
    }
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_question(tx.conn(), &panel_id, &wording, &chosen).await?;
    tx.audit("panel_question_added", "panel", &panel_id, serde_json::json!({ "question_id": id })).await?;
    tx.commit_then(&format!("{}?question=1", panel_path(&panel_id))).await
}

/// Puts someone from the service's pool on the panel, as its chair if chosen (only someone the service has
/// agreed may chair).
#[server(endpoint = "/add_panel_member")]
pub async fn add_panel_member(
    #[server(default)] panel_id: PanelId,
    #[server(default)] pool_member_id: PoolMemberId,
    #[server(default)] chair: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let panel = organise(tx.conn(), &user, &panel_id).await?;
    let kept = [("pool_member_id", pool_member_id.as_str()), ("chair", chair.as_str())];
    let Some(member) =
        db::fetch_pool_member(tx.conn(), &pool_member_id).await?.filter(|m| m.service_id == panel.summary.service_id)
    else {
        return Err(AppError::field("pool_member_id", "Choose someone from the service's panel pool").keeping(&kept));
    };
    let is_chair = chair == "yes";
    if is_chair && !member.may_chair {
        return Err(AppError::field(
            "chair",
            format!(
                "{} may not chair yet: record that they may, once trained and having shadowed a panel",
                member.name
            ),
        )
        .keeping(&kept));
    }
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_member(tx.conn(), &panel_id, &member.id, is_chair)
        .await?
        .ok_or_else(|| AppError::field("pool_member_id", "They are on this panel already").keeping(&kept))?;
    let detail = serde_json::json!({ "pool_member_id": member.id, "chair": is_chair });
    tx.audit("panel_member_added", "panel_member", &id, detail).await?;
    tx.commit_then(&format!("{}?member=1", panel_path(&panel_id))).await
}

/// Records, for a manager of the service, why the panel has no lived-experience member.
#[server(endpoint = "/record_no_lived_experience_reason")]
pub async fn record_no_lived_experience_reason(
    #[server(default)] panel_id: PanelId,
    #[server(default)] reason: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let panel = organise(tx.conn(), &user, &panel_id).await?;
    if !user.manages(&panel.summary.service_id) {
        return Err(AppError::Forbidden);
    }
    let mut errors = FormErrors::new();
    let reason =
        validate::note(&mut errors, "reason", &reason, "Enter why the panel has no lived-experience member", true);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep("reason", reason)));
    }
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    db::set_no_lived_experience_reason(tx.conn(), &panel_id, &reason).await?;
    tx.audit("panel_no_lived_experience_recorded", "panel", &panel_id, serde_json::json!({})).await?;
    tx.commit_then(&format!("{}?reason=1", panel_path(&panel_id))).await
}

/// Adds a candidate with their shortlisting pack: a multipart form with `panel_id`, `candidate_name`,
/// `application_id` (a volunteer-role panel's application at interview, optional), `removed` (the uploader
/// confirms personal details are removed: required) and the PDF in `file` (5 MB at most; `crate::pdf`).
#[server(endpoint = "/add_panel_candidate", input = server_fn::codec::MultipartFormData)]
pub async fn add_panel_candidate(data: server_fn::codec::MultipartData) -> Result<CandidateId, AppError> {
    let mut upload = crate::pdf::read_upload(data, &["file"]).await?;
    let user = require_staff()?;
    let panel_id = PanelId::from(upload.text("panel_id"));
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let panel = organise(tx.conn(), &user, &panel_id).await?;
    let (name, application_id, removed, submission) = (
        upload.text("candidate_name"),
        upload.text("application_id"),
        upload.text("removed"),
        upload.text("submission"),
    );
    let file = upload.take_file("file");
    let kept =
        [("candidate_name", name.as_str()), ("application_id", application_id.as_str()), ("removed", removed.as_str())];
    let mut errors = FormErrors::new();
    let clean_name = crate::text::one_line(&mut errors, "candidate_name", &name, "the candidate's name", 200, true);
    let application = if application_id.trim().is_empty() {
        None
    } else {
        let role = panel.volunteer_role_id.clone().unwrap_or_default();
        let at_interview = crate::inclusion::api::applications_at_interview(tx.conn(), &role).await?;
        if !at_interview.iter().any(|(id, _)| *id == application_id) {
            errors.add("application_id", "Choose an application at interview for this panel's role");
        }
        Some(application_id.clone())
    };
    if removed != "yes" {
        errors.add("removed", "Confirm that the pack has the candidate's personal details removed");
    }
    let checked = if file.too_big {
        Err(crate::pdf::TOO_BIG.to_owned())
    } else {
        crate::pdf::check(&file.name, &file.bytes, "Packs")
    };
    if let Err(message) = checked {
        errors.add("file", message);
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    let new = db::NewCandidate {
        panel: &panel_id,
        name: &clean_name,
        application_id: application.as_deref(),
        pack_file_name: &crate::download::uploaded_name(&file.name, "pack.pdf"),
        pack: &file.bytes,
    };
    let id = db::insert_candidate(tx.conn(), &new, &user.id).await?;
    // A declaration of interest covers the candidates on the panel when it was made: each member declares again
    // (none, or an interest in the new one) before they see anything of this candidate, or score anyone more.
    db::ask_declarations_again(tx.conn(), &panel_id).await?;
    let detail =
        serde_json::json!({ "panel_id": panel_id, "size_bytes": file.bytes.len(), "details_removed_confirmed": true });
    tx.audit("panel_candidate_added", "panel_candidate", &id, detail).await?;
    tx.commit_then(&format!("{}?candidate=1", panel_path(&panel_id))).await?;
    Ok(id)
}

// ---- the panel page ------------------------------------------------------------------------------------

/// The panel page, cut to what the viewer may see: organisers see the set-up and how scoring is going;
/// members see their prerequisites, and once those are recorded the questions, candidates and packs and their
/// scoring forms; scores side by side only once a candidate is unsealed. After the outcome, packs and scores
/// are closed to members; the service's managers keep the record (candidates, outcomes and reasons, scores,
/// departures: not packs) until the retention period ends, whether or not they sat on it. Nothing of a
/// candidate's standing goes to a viewer who declared an interest in them. Audited.
#[server(endpoint = "/get_panel")]
pub async fn get_panel(#[server(default)] panel_id: PanelId) -> Result<PanelPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let Reached { panel, members, viewer } = reach(&mut conn, &user, &panel_id).await?;
    let criteria = db::list_criteria(&mut conn, &panel_id).await?;
    let candidates = db::list_candidates(&mut conn, &panel_id).await?;
    let scoring = Scoring::load(&mut conn, &panel_id).await?;
    let me = viewer.member.clone();
    let decided = panel.summary.decided;
    // Once the panel is decided its service's managers keep the record — candidates, questions, outcomes,
    // reasons, the scores and any departure — until the retention period ends, whether or not they sat on it
    // (README: "the service's managers keep the scores for the record"; tester 17c, finding 3).
    let keeps_record = decided && viewer.manager;
    // A member — staff or not — sees candidates only once ready and until the outcome (issue 17 §3, §6); the
    // service's staff who are not members see the candidates they set up (never their packs).
    let sees_candidates =
        keeps_record || if me.is_some() { viewer.ready_member() && !decided } else { viewer.organiser };
    let viewer_declared_any = me.as_ref().is_some_and(|m| scoring.declared_any(m));
    let shown: Vec<Candidate> = if sees_candidates {
        candidates
            .iter()
            .map(|c| {
                let eligible = scoring.eligible(&members, &c.id);
                let submitted = eligible.iter().filter(|m| scoring.submitted(m, &c.id)).count() as i64;
                let unsealed = scoring.unsealed(&members, c);
                let viewer_declared = me.as_ref().is_some_and(|m| scoring.declared(m, &c.id));
                let viewer_submitted = me.as_ref().is_some_and(|m| scoring.submitted(m, &c.id));
                let viewer_scores = match &me {
                    Some(m) if viewer_submitted => scoring
                        .cells(m, &c.id, &criteria)
                        .into_iter()
                        .zip(&criteria)
                        .map(|(cell, crit)| (crit.name.clone(), cell.score, cell.evidence))
                        .collect(),
                    _ => Vec::new(),
                };
                let member_sees =
                    viewer.ready_member() && !decided && me.as_ref().is_some_and(|m| scoring.sees_others(m, c));
                let organiser_sees = viewer.organiser && me.is_none() && !decided;
                let sees_sheet = unsealed && !viewer_declared && (member_sees || organiser_sees || keeps_record);
                // Nothing of a candidate's standing reaches someone who declared an interest in them: not their
                // scores, nor their outcome and its reasons (issue 17 §3; tester 17c, finding 4). Reasons weigh
                // candidates against each other ("the lived-experience members scored Blake higher"), so a
                // member who declared an interest in any candidate reads no candidate's reasons (tester 17d).
                let standing = !viewer_declared;
                let reasons_shown = standing && !viewer_declared_any;
                Candidate {
                    id: c.id.clone().into(),
                    name: c.name.clone(),
                    from_application: c.application_id.is_some(),
                    submitted,
                    closed_reason: c.closed_reason.clone(),
                    unsealed,
                    outcome: c.outcome().filter(|_| standing),
                    outcome_reasons: if reasons_shown { c.outcome_reasons.clone() } else { String::new() },
                    departure_reason: if reasons_shown { c.departure_reason.clone() } else { String::new() },
                    viewer_declared,
                    viewer_submitted,
                    viewer_scores,
                    sheet: sees_sheet.then(|| scoring.sheet(&members, &c.id, &criteria)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let questions = if sees_candidates { db::list_questions(&mut conn, &panel_id).await? } else { Vec::new() };
    // Names only once the member has signed the confidentiality agreement: nothing is seen before it.
    let candidate_names = if me.as_ref().is_some_and(|m| m.agreed.is_some()) && !decided {
        candidates.iter().map(|c| (CandidateId::from(c.id.clone()), c.name.clone())).collect()
    } else {
        Vec::new()
    };
    let (pool_choices, application_choices) = if viewer.organiser {
        let on_panel: Vec<_> = members.iter().map(|m| m.person_id.clone()).collect();
        let pool_members = db::list_pool(&mut conn, std::slice::from_ref(&panel.summary.service_id)).await?;
        let choices = pool_members
            .into_iter()
            .filter(|p| !on_panel.contains(&p.person_id))
            .map(|p| (p.id.to_string(), format!("{} ({})", p.name, p.sits.label())))
            .collect();
        let applications = match &panel.volunteer_role_id {
            Some(role) => crate::inclusion::api::applications_at_interview(&mut conn, role).await?,
            None => Vec::new(),
        };
        (choices, applications)
    } else {
        (Vec::new(), Vec::new())
    };
    let started = has_started(&panel.summary);
    let outcome_begun = decided || candidates.iter().any(|c| c.outcome.is_some());
    let record_kept_months = if keeps_record && !panel.summary.data_deleted {
        Some(db::retention_months(&mut conn, &panel.summary.service_id).await?)
    } else {
        None
    };
    let detail = serde_json::json!({ "candidates_shown": shown.len(), "scores_shown": shown.iter().filter(|c| c.sheet.is_some()).count() });
    crate::audit::record(&mut *conn, Some(&user.id), "panel_read", "panel", panel_id.as_str(), detail).await?;
    Ok(PanelPage {
        has_lived_experience_member: members.iter().any(|m| m.sits.lived_experience()),
        agreement_version: panel.agreement_version,
        no_lived_experience_reason: panel.no_lived_experience_reason,
        panel: panel.summary,
        viewer,
        criteria,
        questions,
        members,
        candidates: shown,
        candidate_names,
        pool_choices,
        application_choices,
        started,
        outcome_begun,
        viewer_declared_any,
        record_kept_months,
    })
}

/// The candidate's pack, for the pack route: only to the panel's ready members (staff members included: their
/// training, agreement and declaration first, like everyone), and only until the outcome. Audited.
#[cfg(feature = "ssr")]
pub(crate) async fn read_pack(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    id: &CandidateId,
) -> Result<(String, Vec<u8>), AppError> {
    let (candidate, Reached { panel, viewer, .. }) = reach_candidate(conn, user, id).await?;
    ensure_ready_member(&viewer)?;
    if panel.summary.decided {
        return Err(AppError::Forbidden);
    }
    // A member who declared an interest in the candidate takes no part for them: not their pack either
    // (tester 17d).
    let interests = db::list_interests(&mut *conn, &panel.summary.id).await?;
    if viewer
        .member
        .as_ref()
        .is_some_and(|m| interests.iter().any(|(who, c)| *who == m.id && c.as_str() == candidate.id))
    {
        return Err(AppError::Forbidden);
    }
    let bytes = db::fetch_pack(conn, id).await?.ok_or(AppError::NotFound)?;
    crate::audit::record(
        &mut *conn,
        Some(&user.id),
        "panel_pack_read",
        "panel_candidate",
        id.as_str(),
        serde_json::json!({}),
    )
    .await?;
    Ok((candidate.pack_file_name, bytes))
}

// ---- before anything is shown --------------------------------------------------------------------------

/// A member agrees to this panel's confidentiality agreement, in the version the panel holds.
#[server(endpoint = "/agree_panel_confidentiality")]
pub async fn agree_panel_confidentiality(
    #[server(default)] panel_id: PanelId,
    #[server(default)] agree: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let Reached { panel, viewer, .. } = reach(tx.conn(), &user, &panel_id).await?;
    let member = viewer.member.ok_or(AppError::Forbidden)?;
    if agree != "yes" {
        return Err(AppError::field("agree", "Tick the box to agree to the confidentiality agreement"));
    }
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    keep_open_what_is_open(tx.conn(), &panel_id).await?;
    if db::record_agreement(tx.conn(), &member.id, &panel.agreement_version).await? {
        let detail = serde_json::json!({ "version": panel.agreement_version });
        tx.audit("panel_confidentiality_agreed", "panel_member", &member.id, detail).await?;
    }
    tx.commit_then(&panel_path(&panel_id)).await
}

/// A member's declaration of interest: `interest` is `none`, or a candidate's id with the reason (required).
/// A member who declares an interest in a candidate cannot score them. Further interests can be declared later.
#[server(endpoint = "/declare_panel_interest")]
pub async fn declare_panel_interest(
    #[server(default)] panel_id: PanelId,
    #[server(default)] interest: String,
    #[server(default)] interest_reason: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let Reached { panel, viewer, .. } = reach(tx.conn(), &user, &panel_id).await?;
    let member = viewer.member.ok_or(AppError::Forbidden)?;
    if member.agreed.is_none() {
        return Err(AppError::Conflict(
            "Sign the confidentiality agreement first: the candidates are shown only after it.".into(),
        ));
    }
    let kept = [("interest", interest.as_str()), ("interest_reason", interest_reason.as_str())];
    let candidates = db::list_candidates(tx.conn(), &panel_id).await?;
    let mut errors = FormErrors::new();
    let chosen = match interest.as_str() {
        "none" => None,
        id => match candidates.iter().find(|c| c.id == id) {
            Some(c) => Some(c.id.clone()),
            None => {
                errors.add("interest", "Choose whether you know any candidate");
                None
            }
        },
    };
    let reason = validate::note(
        &mut errors,
        "interest_reason",
        &interest_reason,
        "Enter how you know the candidate",
        chosen.is_some(),
    );
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    // A declaration after an outcome would withdraw scores that outcome was weighed against: refused.
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    tx.claim_submission(&submission).await?;
    keep_open_what_is_open(tx.conn(), &panel_id).await?;
    let candidate = chosen.map(CandidateId::from);
    let scoring = Scoring::load(tx.conn(), &panel_id).await?;
    db::record_declaration(tx.conn(), &member.id, candidate.as_ref().map(|c| (c, reason.as_str()))).await?;
    let detail = serde_json::json!({ "candidate_id": candidate });
    tx.audit("panel_interest_declared", "panel_member", &member.id, detail).await?;
    // Scores submitted before the declaration are kept but withdrawn: they leave the totals and the
    // lived-experience view (`Scoring::counts`), and the withdrawal is logged.
    if let Some(candidate) = &candidate {
        if scoring.submitted(&member, candidate.as_str()) && !scoring.declared(&member, candidate.as_str()) {
            let detail = serde_json::json!({ "member_id": member.id, "because": "interest_declared" });
            tx.audit("panel_scores_withdrawn", "panel_candidate", candidate, detail).await?;
        }
    }
    tx.commit_then(&panel_path(&panel_id)).await
}

// ---- sealed scoring ------------------------------------------------------------------------------------

/// What was typed in a candidate's scoring form, field by field, to keep with a refusal.
#[cfg(feature = "ssr")]
fn typed_scores(
    criteria: &[Criterion],
    candidate: &str,
    score: &HashMap<String, String>,
    evidence: &HashMap<String, String>,
) -> Vec<(String, String)> {
    let mut typed = Vec::new();
    for c in criteria {
        let key = score_key(candidate, c.id.as_str());
        typed.push((score_field(candidate, c.id.as_str()), score.get(&key).cloned().unwrap_or_default()));
        typed.push((evidence_field(candidate, c.id.as_str()), evidence.get(&key).cloned().unwrap_or_default()));
    }
    typed
}

/// A member's sealed, independent scores of one candidate: for each criterion a score from 0 to 4
/// ([`score_field`]) and a short evidence note ([`evidence_field`]), all in one
/// submission, locked once made. Refused: before the prerequisites, or for a candidate the member declared an
/// interest in (403); a score outside 0–4, a score without evidence, or a second submission (422, beside the
/// field, everything typed kept); after the candidate's scoring closed or the outcome (409).
#[server(endpoint = "/submit_panel_scores")]
pub async fn submit_panel_scores(
    #[server(default)] candidate_id: CandidateId,
    #[server(default)] score: HashMap<String, String>,
    #[server(default)] evidence: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let ReadyToScore { candidate, panel, member, scoring, .. } =
        ready_to_score(tx.conn(), &user, &candidate_id).await?;
    let member = &member;
    let panel_id = panel.summary.id.clone();
    let criteria = db::list_criteria(tx.conn(), &panel_id).await?;
    if scoring.declared(member, &candidate.id) {
        // Said beside the form, with what was typed kept (403 still: it is who they are, not what they typed).
        let first =
            criteria.first().map(|c| score_field(&candidate.id, c.id.as_str())).unwrap_or_else(|| "score".to_owned());
        let mut errors = FormErrors::new();
        errors.add(&first, DECLARED_NO_SCORING);
        let typed = typed_scores(&criteria, &candidate.id, &score, &evidence);
        return Err(AppError::ForbiddenField(errors.keep_posted(&typed)));
    }
    if panel.summary.decided || candidate.outcome.is_some() || candidate.closed_at.is_some() {
        return Err(AppError::Conflict("Scoring of this candidate has closed.".into()));
    }
    ensure_no_outcome_yet(tx.conn(), &panel).await?;
    ensure_scoring_open(&panel.summary)?;
    let mut errors = FormErrors::new();
    let mut kept = Vec::new();
    let mut parsed = Vec::new();
    for c in &criteria {
        let key = score_key(&candidate.id, c.id.as_str());
        let typed_score = score.get(&key).cloned().unwrap_or_default();
        let typed_evidence = evidence.get(&key).cloned().unwrap_or_default();
        let (score_name, evidence_name) =
            (score_field(&candidate.id, c.id.as_str()), evidence_field(&candidate.id, c.id.as_str()));
        let value = validate::parse_score(&typed_score, &c.name).map_err(|m| errors.add(&score_name, m)).ok();
        let note = validate::note(
            &mut errors,
            &evidence_name,
            &typed_evidence,
            &format!("Enter the evidence for your score on \"{}\"", c.name),
            true,
        );
        kept.push((score_name, typed_score));
        kept.push((evidence_name, typed_evidence));
        parsed.push((c.id.clone(), value, note));
    }
    if criteria.is_empty() {
        errors.add("score", "This panel has no criteria to score yet");
    }
    if scoring.submitted(member, &candidate.id) {
        let first =
            criteria.first().map(|c| score_field(&candidate.id, c.id.as_str())).unwrap_or_else(|| "score".to_owned());
        errors.add(&first, format!("You have already submitted your scores for {}. Submitted scores are locked: a change is made at the discussion as a re-score.", candidate.name));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    tx.claim_submission(&submission).await?;
    for (criterion, value, note) in &parsed {
        let Some(value) = value else { return Err(AppError::Internal) };
        db::insert_score(tx.conn(), &candidate_id, &member.id, criterion, 0, *value, note, "").await?;
    }
    // The last eligible submission opens the candidate's scores to the panel, for good.
    keep_open_what_is_open(tx.conn(), &panel_id).await?;
    tx.audit("panel_scores_submitted", "panel_candidate", &candidate_id, serde_json::json!({ "member_id": member.id }))
        .await?;
    tx.commit_then(&format!("{}?scored=1", panel_path(&panel_id))).await
}

/// A re-score at the discussion, once the candidate is unsealed and before any outcome: a new, logged score
/// for one criterion with the reason it changed; the sealed original is kept and shown beside it. The fields are
/// the candidate's own ([`candidate_field`]): `criterion_id[c-<candidate id>]`, `new_score[…]`,
/// `rescore_reason[…]`.
#[server(endpoint = "/rescore_panel_candidate")]
pub async fn rescore_panel_candidate(
    #[server(default)] candidate_id: CandidateId,
    #[server(default)] criterion_id: HashMap<String, String>,
    #[server(default)] new_score: HashMap<String, String>,
    #[server(default)] rescore_reason: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let mine = candidate_id.to_string();
    let (criterion_id, new_score, rescore_reason) =
        (typed_for(&criterion_id, &mine), typed_for(&new_score, &mine), typed_for(&rescore_reason, &mine));
    let (criterion_name, score_name, reason_name) = (
        candidate_field("criterion_id", &mine),
        candidate_field("new_score", &mine),
        candidate_field("rescore_reason", &mine),
    );
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let ReadyToScore { candidate, panel, members, member, scoring } =
        ready_to_score(tx.conn(), &user, &candidate_id).await?;
    let member = &member;
    let panel_id = panel.summary.id.clone();
    let kept = [
        (criterion_name.as_str(), criterion_id.as_str()),
        (score_name.as_str(), new_score.as_str()),
        (reason_name.as_str(), rescore_reason.as_str()),
    ];
    // A member who declared an interest in the candidate, even after scoring, no longer scores them.
    if scoring.declared(member, &candidate.id) {
        let mut errors = FormErrors::new();
        errors.add(&score_name, DECLARED_NO_SCORING);
        return Err(AppError::ForbiddenField(errors).keeping(&kept));
    }
    ensure_scoring_open(&panel.summary)?;
    let criteria = db::list_criteria(tx.conn(), &panel_id).await?;
    let mut errors = FormErrors::new();
    let criterion = criteria.iter().find(|c| c.id.as_str() == criterion_id);
    if criterion.is_none() {
        errors.add(&criterion_name, "Choose the criterion to re-score");
    }
    let value = validate::parse_score(&new_score, criterion.map_or("the criterion", |c| c.name.as_str()))
        .map_err(|m| errors.add(&score_name, m))
        .ok();
    let reason = validate::note(
        &mut errors,
        &reason_name,
        &rescore_reason,
        "Enter why the score changed at the discussion",
        true,
    );
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    if !scoring.submitted(member, &candidate.id) || !scoring.unsealed(&members, &candidate) {
        return Err(AppError::Conflict("A re-score is made at the discussion, once everyone's scores are in.".into()));
    }
    // Once any outcome is recorded the scores are final for every candidate: a later re-score could otherwise
    // change the comparison an earlier outcome was checked against.
    let candidates = db::list_candidates(tx.conn(), &panel_id).await?;
    if panel.summary.decided || candidates.iter().any(|c| c.outcome.is_some()) {
        return Err(AppError::Conflict("The panel has begun recording outcomes: scores are final.".into()));
    }
    let (Some(criterion), Some(value)) = (criterion, value) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let round = scoring
        .scores
        .iter()
        .filter(|s| {
            s.member_id == member.id.as_str()
                && s.candidate_id == candidate.id
                && s.criterion_id == criterion.id.as_str()
        })
        .map(|s| s.round)
        .max()
        .unwrap_or(0)
        + 1;
    let original = scoring
        .scores
        .iter()
        .find(|s| {
            s.round == 0
                && s.member_id == member.id.as_str()
                && s.candidate_id == candidate.id
                && s.criterion_id == criterion.id.as_str()
        })
        .map(|s| s.evidence.clone())
        .unwrap_or_default();
    db::insert_score(tx.conn(), &candidate_id, &member.id, &criterion.id, round, value, &original, &reason).await?;
    let detail = serde_json::json!({ "member_id": member.id, "criterion_id": criterion.id, "round": round });
    tx.audit("panel_rescored", "panel_candidate", &candidate_id, detail).await?;
    tx.commit_then(&format!("{}?rescored=1", panel_path(&panel_id))).await
}

/// The chair closes scoring of a candidate before every eligible member has submitted, with a reason: the
/// submitted scores are then shown side by side. For a ready chair of the panel who declared no interest in the
/// candidate (403 [`DECLARED_NO_CLOSING`] beside the reason when they did), or the service's staff who are not
/// members (who may record the outcome too): so a candidate the chair knows can still be closed.
#[server(endpoint = "/close_panel_scoring")]
pub async fn close_panel_scoring(
    #[server(default)] candidate_id: CandidateId,
    #[server(default)] close_reason: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let close_reason = typed_for(&close_reason, candidate_id.as_str());
    let reason_name = candidate_field("close_reason", candidate_id.as_str());
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (candidate, Reached { panel, members, viewer }) = reach_candidate(tx.conn(), &user, &candidate_id).await?;
    let organiser = viewer.organiser && viewer.member.is_none();
    if !(organiser || (viewer.is_chair() && viewer.ready_member())) {
        return Err(AppError::Forbidden);
    }
    // A chair who declared an interest in the candidate may not close their scoring (tester 17d): closing
    // before the others score is a stronger act on the candidate than scoring them. 403 beside the field.
    let kept_reason = [(reason_name.as_str(), close_reason.as_str())];
    let interests = db::list_interests(tx.conn(), &panel.summary.id).await?;
    if viewer
        .member
        .as_ref()
        .is_some_and(|m| interests.iter().any(|(who, c)| *who == m.id && c.as_str() == candidate.id))
    {
        let mut errors = FormErrors::new();
        errors.add(&reason_name, DECLARED_NO_CLOSING);
        return Err(AppError::ForbiddenField(errors).keeping(&kept_reason));
    }
    ensure_scoring_open(&panel.summary)?;
    let mut errors = FormErrors::new();
    let reason = validate::note(
        &mut errors,
        &reason_name,
        &close_reason,
        "Enter why scoring is closed before everyone has submitted",
        true,
    );
    errors.into_result().map_err(|e| e.keeping(&[(reason_name.as_str(), close_reason.as_str())]))?;
    let scoring = Scoring::load(tx.conn(), &panel.summary.id).await?;
    if scoring.unsealed(&members, &candidate) {
        return Err(AppError::Conflict("Scoring of this candidate is already open to the panel.".into()));
    }
    tx.claim_submission(&submission).await?;
    db::close_scoring(tx.conn(), &candidate_id, &reason).await?;
    // The reason is free text that could name a candidate: it is kept with the candidate (and deleted with
    // them), never in the audit trail, which outlives the retention period.
    let detail = serde_json::json!({ "reason_chars": reason.chars().count() });
    tx.audit("panel_scoring_closed", "panel_candidate", &candidate_id, detail).await?;
    tx.commit_then(&panel_path(&panel.summary.id)).await
}

// ---- the decision --------------------------------------------------------------------------------------

/// The refusal of an outcome (409) while any candidate is still sealed: it says nothing worked out from scores.
pub const SCORING_NOT_FINISHED: &str = "Scoring is not finished: the outcome is recorded once every candidate's \
     scores are in, or the chair has closed scoring with a reason.";

/// Records the panel's outcome for a candidate (appoint, do not appoint, reserve) with its reasons, for the
/// chair or the service's staff, once every candidate still without an outcome is unsealed (409
/// [`SCORING_NOT_FINISHED`] before, checked before anything is worked out from scores: so the comparison with
/// the lived-experience view is made over every candidate, and appointing one before the others are scored
/// cannot dodge it). An outcome that departs from the
/// lived-experience members' view — another candidate has a higher lived-experience mean, or the appointed
/// candidate's lived-experience mean on a criterion is below its minimum — needs `departure_reason`, and is
/// mailed to the service's managers through the outbox. A volunteer-role candidate's application is moved on
/// through inclusion's API. When every candidate has an outcome the panel is decided: its packs and scores
/// close to members, and the panel is recorded in the ledger as a Partnership activity with its members.
#[server(endpoint = "/record_panel_outcome")]
pub async fn record_panel_outcome(
    #[server(default)] candidate_id: CandidateId,
    #[server(default)] outcome: HashMap<String, String>,
    #[server(default)] outcome_reasons: HashMap<String, String>,
    #[server(default)] departure_reason: HashMap<String, String>,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let mine = candidate_id.to_string();
    let (outcome, outcome_reasons, departure_reason) =
        (typed_for(&outcome, &mine), typed_for(&outcome_reasons, &mine), typed_for(&departure_reason, &mine));
    let (outcome_name, reasons_name, departure_name) = (
        candidate_field("outcome", &mine),
        candidate_field("outcome_reasons", &mine),
        candidate_field("departure_reason", &mine),
    );
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (candidate, Reached { panel, members, viewer }) = reach_candidate(tx.conn(), &user, &candidate_id).await?;
    // A member records outcomes only once ready (the chair, or a member who is the service's staff); the
    // service's staff who are not members may record them too.
    let may_record = match &viewer.member {
        Some(_) => viewer.ready_member() && (viewer.is_chair() || viewer.organiser),
        None => viewer.organiser,
    };
    if !may_record {
        return Err(AppError::Forbidden);
    }
    let kept = [
        (outcome_name.as_str(), outcome.as_str()),
        (reasons_name.as_str(), outcome_reasons.as_str()),
        (departure_name.as_str(), departure_reason.as_str()),
    ];
    let panel_id = panel.summary.id.clone();
    let scoring = Scoring::load(tx.conn(), &panel_id).await?;
    // A member who declared an interest in any candidate records no outcome (403 beside the field, what was
    // typed kept), before anything is worked out from scores: so no refusal tells them about that candidate.
    if viewer.member.as_ref().is_some_and(|m| scoring.declared_any(m)) {
        let mut errors = FormErrors::new();
        errors.add(&outcome_name, DECLARED_NO_OUTCOME);
        return Err(AppError::ForbiddenField(errors).keeping(&kept));
    }
    // Not before the panel sits: said before anything about scores, so it tells nothing from them.
    if !has_started(&panel.summary) {
        return Err(AppError::Conflict(panel.summary.outcome_opens_words()));
    }
    let candidates = db::list_candidates(tx.conn(), &panel_id).await?;
    // Sealing first: nothing below is worked out from scores (no message, no status) until every candidate
    // still without an outcome is unsealed for everyone. The refusal says only that scoring is not finished.
    if !scoring.all_unsealed(&members, &candidates) {
        return Err(AppError::Conflict(SCORING_NOT_FINISHED.into()));
    }
    let mut errors = FormErrors::new();
    let chosen = outcome.parse::<Outcome>().ok();
    if chosen.is_none() {
        errors.add(&outcome_name, "Choose an outcome");
    }
    let reasons = validate::note(&mut errors, &reasons_name, &outcome_reasons, "Enter the panel's reasons", true);
    let departure = validate::note(&mut errors, &departure_name, &departure_reason, "", false);
    let criteria = db::list_criteria(tx.conn(), &panel_id).await?;
    let views: Vec<(String, Option<LivedExperienceView>)> = candidates
        .iter()
        .map(|c| (c.name.clone(), scoring.lived_experience_view(&members, &c.id, &criteria)))
        .collect();
    let index = candidates.iter().position(|c| c.id == candidate.id).unwrap_or_default();
    let named: Vec<(String, i64)> = criteria.iter().map(|c| (c.name.clone(), c.minimum)).collect();
    let lived_experience_members = members.iter().any(|m| m.sits.lived_experience());
    let departs =
        chosen.map(|o| validate::departures(index, o, &views, &named, lived_experience_members)).unwrap_or_default();
    if !departs.is_empty() && departure.is_empty() {
        errors.add(
            &departure_name,
            format!(
                "This outcome departs from the lived-experience members' view ({}). Record why",
                departs.join("; ")
            ),
        );
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(chosen) = chosen else { return Err(AppError::Internal) };
    if !members.iter().any(|m| m.sits.lived_experience()) && panel.no_lived_experience_reason.is_empty() {
        return Err(AppError::Conflict(
            "The panel has no lived-experience member: a manager must record why before the outcome.".into(),
        ));
    }
    tx.claim_submission(&submission).await?;
    let departure = if departs.is_empty() { String::new() } else { departure };
    if !db::record_outcome(tx.conn(), &candidate_id, chosen, &reasons, &departure).await? {
        return Err(AppError::Conflict("The outcome for this candidate is already recorded.".into()));
    }
    if !departs.is_empty() {
        let link = crate::links::absolute(&state.security.base_url, &panel_path(&panel_id), &[]);
        for address in db::manager_emails(tx.conn(), &panel.summary.service_id).await? {
            let mail = emails::departure(
                &address,
                &panel.summary.post_title,
                &candidate.name,
                chosen.label(),
                &departs,
                &departure,
                &link,
            );
            crate::mail::enqueue(tx.conn(), &mail).await?;
        }
    }
    if let Some(application) = &candidate.application_id {
        let appointed = match chosen {
            Outcome::Appoint => Some(true),
            Outcome::DoNotAppoint => Some(false),
            Outcome::Reserve => None,
        };
        crate::inclusion::api::panel_outcome(tx.conn(), application, appointed).await?;
    }
    let detail = serde_json::json!({ "outcome": chosen.as_str(), "departs": !departs.is_empty() });
    tx.audit("panel_outcome_recorded", "panel_candidate", &candidate_id, detail).await?;
    let all_decided = candidates.iter().all(|c| c.id == candidate.id || c.outcome.is_some());
    if all_decided && db::mark_decided(tx.conn(), &panel_id).await? {
        let summary = PanelSummary { decided: true, ..panel.summary.clone() };
        // Only members who became ready sat the panel: one who never trained, agreed or declared is neither
        // counted in the ledger nor offered a payment for it.
        let sat_members: Vec<Member> = members.iter().filter(|m| m.ready()).cloned().collect();
        let sat = PanelSat { panel: &summary, members: &sat_members, candidates: candidates.len() };
        ledger_api::record_in(&mut tx, &sat).await?;
    }
    tx.commit_then(&format!("{}?outcome=1", panel_path(&panel_id))).await?;
    if !departs.is_empty() {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

// ---- after the panel -----------------------------------------------------------------------------------

/// The housekeeping: deletes the candidates (names, packs, scores, declared interests) of every panel whose
/// outcome is older than its service's retention period, keeping the panel, its criteria and its ledger
/// activity, and an audit line with counts only (no name). Each panel is claimed, so two app servers delete
/// once. Returns how many panels were cleared.
#[cfg(feature = "ssr")]
pub async fn delete_after_retention(pool: &sqlx::AnyPool) -> Result<usize, AppError> {
    let mut conn = pool.acquire().await?;
    let due = db::list_due_for_deletion(&mut conn).await?;
    let now = crate::clock::now();
    let mut cleared = 0;
    for (panel, service, decided_at) in due {
        let months = db::retention_months(&mut conn, &service).await?;
        let decided = crate::db::parse_timestamp(&decided_at);
        let Some(until) = decided.checked_add_months(chrono::Months::new(u32::try_from(months).unwrap_or(6))) else {
            continue;
        };
        if now < until {
            continue;
        }
        let mut tx = Write::begin(pool, None).await?;
        if let Some(candidates) = db::delete_candidates_data(tx.conn(), &panel).await? {
            let detail = serde_json::json!({ "candidates_deleted": candidates, "retention_months": months });
            tx.audit("panel_data_deleted", "panel", &panel, detail).await?;
            cleared += 1;
        }
        tx.commit().await?;
    }
    Ok(cleared)
}
