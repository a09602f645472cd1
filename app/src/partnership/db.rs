//! Partnership's SQL: the pool, panels and their parts, declarations, sealed scores, outcomes and the
//! housekeeping's deletion after the retention period. Portable across SQLite and PostgreSQL (STYLE.md).

use sqlx::AnyConnection;

use super::types::{
    CandidateId, Criterion, CriterionId, Member, Outcome, PanelId, PanelMemberId, PanelQuestionId, PanelSummary,
    PoolMember, PoolMemberId, PostKind, Question, Sits,
};
use crate::accounts::types::{PersonId, ServiceId};
use crate::db::{new_id, now};

/// The retention period when a service has not set one: 6 months after the outcome (issue 17 §6).
pub const DEFAULT_RETENTION_MONTHS: i64 = 6;

// ---- the pool --------------------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct PoolRow {
    id: String,
    service_id: String,
    service_name: String,
    person_id: String,
    name: String,
    taking_part_as: String,
    trained_on: Option<String>,
    shadowed_on: Option<String>,
    may_chair: i64,
    access_needs: String,
}

impl PoolRow {
    fn into_member(self) -> PoolMember {
        PoolMember {
            id: self.id.into(),
            service_id: self.service_id.into(),
            service_name: self.service_name,
            person_id: self.person_id.into(),
            name: self.name,
            sits: self.taking_part_as.parse().unwrap_or(Sits::Staff),
            trained_on: self.trained_on,
            shadowed_on: self.shadowed_on,
            may_chair: self.may_chair != 0,
            access_needs: self.access_needs,
        }
    }
}

const POOL_SELECT: &str = "SELECT m.id, m.service_id, s.name AS service_name, m.person_id, p.display_name AS name,
        m.taking_part_as, m.trained_on, m.shadowed_on, CAST(m.may_chair AS BIGINT) AS may_chair, m.access_needs
    FROM panel_pool_member m JOIN service s ON s.id = m.service_id JOIN person p ON p.id = m.person_id";

/// Every pool member of the services, by service and name.
pub async fn list_pool(conn: &mut AnyConnection, services: &[ServiceId]) -> Result<Vec<PoolMember>, sqlx::Error> {
    let rows: Vec<PoolRow> =
        sqlx::query_as(&format!("{POOL_SELECT} ORDER BY s.name, p.display_name")).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(PoolRow::into_member).filter(|m| services.contains(&m.service_id)).collect())
}

pub async fn fetch_pool_member(conn: &mut AnyConnection, id: &PoolMemberId) -> Result<Option<PoolMember>, sqlx::Error> {
    let row: Option<PoolRow> =
        sqlx::query_as(&format!("{POOL_SELECT} WHERE m.id = $1")).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(PoolRow::into_member))
}

/// Adds a person to a service's pool; `None` when they are in it already.
pub async fn insert_pool_member(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    person_id: &PersonId,
    sits: Sits,
    access_needs: &str,
) -> Result<Option<PoolMemberId>, sqlx::Error> {
    let id = PoolMemberId::from(new_id());
    let done = sqlx::query(
        "INSERT INTO panel_pool_member (id, service_id, person_id, taking_part_as, lived_experience, trained_on,
             shadowed_on, may_chair, access_needs, added_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, 0, $6, $7) ON CONFLICT (service_id, person_id) DO NOTHING",
    )
    .bind(&id)
    .bind(service_id)
    .bind(person_id)
    .bind(sits.as_str())
    .bind(crate::db::flag(sits.lived_experience()))
    .bind(access_needs)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

/// Records training (and shadowing, and whether they may chair).
pub async fn update_training(
    conn: &mut AnyConnection,
    id: &PoolMemberId,
    trained_on: &str,
    shadowed_on: Option<&str>,
    may_chair: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE panel_pool_member SET trained_on = $2, shadowed_on = $3, may_chair = $4 WHERE id = $1")
        .bind(id)
        .bind(trained_on)
        .bind(shadowed_on)
        .bind(crate::db::flag(may_chair))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

// ---- settings --------------------------------------------------------------------------------------------

/// A service's retention period in months ([`DEFAULT_RETENTION_MONTHS`] unless set).
pub async fn retention_months(conn: &mut AnyConnection, service_id: &ServiceId) -> Result<i64, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT CAST(retention_months AS BIGINT) FROM partnership_setting WHERE service_id = $1")
            .bind(service_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map_or(DEFAULT_RETENTION_MONTHS, |(m,)| m))
}

pub async fn set_retention_months(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    months: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO partnership_setting (service_id, retention_months) VALUES ($1, $2)
         ON CONFLICT (service_id) DO UPDATE SET retention_months = $2",
    )
    .bind(service_id)
    .bind(months)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---- panels ----------------------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct PanelRow {
    id: String,
    service_id: String,
    service_name: String,
    post_kind: String,
    post_title: String,
    sits_on: String,
    sits_at: String,
    place: String,
    decided_at: Option<String>,
    data_deleted_at: Option<String>,
}

impl PanelRow {
    fn into_summary(self) -> PanelSummary {
        PanelSummary {
            id: self.id.into(),
            service_id: self.service_id.into(),
            service_name: self.service_name,
            post_kind: self.post_kind.parse().unwrap_or(PostKind::StaffPost),
            post_title: self.post_title,
            sits_on: self.sits_on,
            sits_at: self.sits_at,
            place: self.place,
            decided: self.decided_at.is_some(),
            data_deleted: self.data_deleted_at.is_some(),
        }
    }
}

const PANEL_SELECT: &str = "SELECT x.id, x.service_id, s.name AS service_name, x.post_kind, x.post_title,
        x.sits_on, x.sits_at, x.place, x.decided_at, x.data_deleted_at
    FROM panel x JOIN service s ON s.id = x.service_id";

/// A panel's details beyond its summary.
pub struct PanelRecord {
    pub summary: PanelSummary,
    pub agreement_version: String,
    pub no_lived_experience_reason: String,
    pub volunteer_role_id: Option<String>,
}

pub async fn fetch_panel(conn: &mut AnyConnection, id: &PanelId) -> Result<Option<PanelRecord>, sqlx::Error> {
    let Some(row): Option<PanelRow> =
        sqlx::query_as(&format!("{PANEL_SELECT} WHERE x.id = $1")).bind(id).fetch_optional(&mut *conn).await?
    else {
        return Ok(None);
    };
    let (agreement_version, no_lived_experience_reason, volunteer_role_id): (String, String, Option<String>) =
        sqlx::query_as(
            "SELECT agreement_version, no_lived_experience_reason, volunteer_role_id FROM panel WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Some(PanelRecord {
        summary: row.into_summary(),
        agreement_version,
        no_lived_experience_reason,
        volunteer_role_id,
    }))
}

/// Every panel, newest first; the caller filters by what each person may see.
pub async fn list_panels(conn: &mut AnyConnection) -> Result<Vec<PanelSummary>, sqlx::Error> {
    let rows: Vec<PanelRow> = sqlx::query_as(&format!("{PANEL_SELECT} ORDER BY x.sits_on DESC, x.sits_at DESC"))
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(PanelRow::into_summary).collect())
}

/// The panels a person sits on.
pub async fn list_panels_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<PanelSummary>, sqlx::Error> {
    let rows: Vec<PanelRow> = sqlx::query_as(&format!(
        "{PANEL_SELECT} WHERE x.id IN (SELECT pm.panel_id FROM panel_member pm
             JOIN panel_pool_member pp ON pp.id = pm.pool_member_id WHERE pp.person_id = $1)
         ORDER BY x.sits_on DESC, x.sits_at DESC"
    ))
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(PanelRow::into_summary).collect())
}

/// A new panel's values, as stored.
pub struct NewPanelRow<'a> {
    pub service_id: &'a ServiceId,
    pub post_kind: PostKind,
    pub post_title: &'a str,
    pub volunteer_role_id: Option<&'a str>,
    pub sits_on: &'a str,
    pub sits_at: &'a str,
    pub place: &'a str,
}

pub async fn insert_panel(
    conn: &mut AnyConnection,
    panel: &NewPanelRow<'_>,
    by: Option<&PersonId>,
) -> Result<PanelId, sqlx::Error> {
    let id = PanelId::from(new_id());
    sqlx::query(
        "INSERT INTO panel (id, service_id, post_kind, post_title, volunteer_role_id, sits_on, sits_at, place,
             no_lived_experience_reason, agreement_version, decided_at, data_deleted_at, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, NULL, NULL, $10, $11)",
    )
    .bind(&id)
    .bind(panel.service_id)
    .bind(panel.post_kind.as_str())
    .bind(panel.post_title)
    .bind(panel.volunteer_role_id)
    .bind(panel.sits_on)
    .bind(panel.sits_at)
    .bind(panel.place)
    .bind(super::types::AGREEMENT_VERSION)
    .bind(now())
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn set_no_lived_experience_reason(
    conn: &mut AnyConnection,
    id: &PanelId,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE panel SET no_lived_experience_reason = $2 WHERE id = $1")
        .bind(id)
        .bind(reason)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks the panel decided (the first outcome); returns whether this call did it.
pub async fn mark_decided(conn: &mut AnyConnection, id: &PanelId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE panel SET decided_at = $2 WHERE id = $1 AND decided_at IS NULL")
        .bind(id)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- criteria and questions ------------------------------------------------------------------------------

pub async fn list_criteria(conn: &mut AnyConnection, panel: &PanelId) -> Result<Vec<Criterion>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT id, name, descriptors, CAST(minimum AS BIGINT) FROM panel_criterion WHERE panel_id = $1
         ORDER BY position",
    )
    .bind(panel)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, descriptors, minimum)| Criterion {
            id: id.into(),
            name,
            descriptors: descriptors.lines().map(str::to_owned).collect(),
            minimum,
        })
        .collect())
}

pub async fn insert_criterion(
    conn: &mut AnyConnection,
    panel: &PanelId,
    name: &str,
    descriptors: &[String],
    minimum: i64,
) -> Result<CriterionId, sqlx::Error> {
    let id = CriterionId::from(new_id());
    sqlx::query(
        "INSERT INTO panel_criterion (id, panel_id, position, name, descriptors, minimum)
         VALUES ($1, $2, (SELECT COUNT(*) FROM panel_criterion WHERE panel_id = $2), $3, $4, $5)",
    )
    .bind(&id)
    .bind(panel)
    .bind(name)
    .bind(descriptors.join("\n"))
    .bind(minimum)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn list_questions(conn: &mut AnyConnection, panel: &PanelId) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT id, wording FROM panel_question WHERE panel_id = $1 ORDER BY position")
            .bind(panel)
            .fetch_all(&mut *conn)
            .await?;
    let links: Vec<(String, String)> = sqlx::query_as(
        "SELECT qc.question_id, c.name FROM panel_question_criterion qc
         JOIN panel_criterion c ON c.id = qc.criterion_id WHERE c.panel_id = $1 ORDER BY c.position",
    )
    .bind(panel)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, wording)| Question {
            criteria: links.iter().filter(|(q, _)| *q == id).map(|(_, c)| c.clone()).collect(),
            id: id.into(),
            wording,
        })
        .collect())
}

pub async fn insert_question(
    conn: &mut AnyConnection,
    panel: &PanelId,
    wording: &str,
    criteria: &[CriterionId],
) -> Result<PanelQuestionId, sqlx::Error> {
    let id = PanelQuestionId::from(new_id());
    sqlx::query(
        "INSERT INTO panel_question (id, panel_id, position, wording)
         VALUES ($1, $2, (SELECT COUNT(*) FROM panel_question WHERE panel_id = $2), $3)",
    )
    .bind(&id)
    .bind(panel)
    .bind(wording)
    .execute(&mut *conn)
    .await?;
    for criterion in criteria {
        sqlx::query("INSERT INTO panel_question_criterion (question_id, criterion_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(criterion)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

// ---- members ---------------------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: String,
    person_id: String,
    name: String,
    taking_part_as: String,
    is_chair: i64,
    trained_on: Option<String>,
    agreed_at: Option<String>,
    agreement_version: Option<String>,
    declared_at: Option<String>,
}

pub async fn list_members(conn: &mut AnyConnection, panel: &PanelId) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<MemberRow> = sqlx::query_as(
        "SELECT pm.id, pp.person_id, p.display_name AS name, pp.taking_part_as, CAST(pm.is_chair AS BIGINT) AS is_chair,
                pp.trained_on, pm.agreed_at, pm.agreement_version, pm.declared_at
         FROM panel_member pm JOIN panel_pool_member pp ON pp.id = pm.pool_member_id
         JOIN person p ON p.id = pp.person_id WHERE pm.panel_id = $1 ORDER BY pm.is_chair DESC, p.display_name",
    )
    .bind(panel)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Member {
            id: r.id.into(),
            person_id: r.person_id.into(),
            name: r.name,
            sits: r.taking_part_as.parse().unwrap_or(Sits::Staff),
            is_chair: r.is_chair != 0,
            trained: r.trained_on.is_some(),
            agreed: r.agreed_at.zip(r.agreement_version),
            declared: r.declared_at.is_some(),
        })
        .collect())
}

/// Puts a pool member on the panel; `None` when they are on it already.
pub async fn insert_member(
    conn: &mut AnyConnection,
    panel: &PanelId,
    pool_member: &PoolMemberId,
    is_chair: bool,
) -> Result<Option<PanelMemberId>, sqlx::Error> {
    let id = PanelMemberId::from(new_id());
    let done = sqlx::query(
        "INSERT INTO panel_member (id, panel_id, pool_member_id, is_chair, agreed_at, agreement_version, declared_at)
         VALUES ($1, $2, $3, $4, NULL, NULL, NULL) ON CONFLICT (panel_id, pool_member_id) DO NOTHING",
    )
    .bind(&id)
    .bind(panel)
    .bind(pool_member)
    .bind(crate::db::flag(is_chair))
    .execute(&mut *conn)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

/// Records a member's agreement to this panel's confidentiality text in `version`; false if already agreed.
pub async fn record_agreement(
    conn: &mut AnyConnection,
    member: &PanelMemberId,
    version: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE panel_member SET agreed_at = $2, agreement_version = $3 WHERE id = $1 AND agreed_at IS NULL",
    )
    .bind(member)
    .bind(now())
    .bind(version)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Clears every member's declaration of the panel (kept interests stay): called when a candidate is added, so
/// that nobody sees a candidate their declaration did not cover.
pub async fn ask_declarations_again(conn: &mut AnyConnection, panel_id: &PanelId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE panel_member SET declared_at = NULL WHERE panel_id = $1").bind(panel_id).execute(conn).await?;
    Ok(())
}

/// Records a declaration of interest: none, or an interest in `candidate` with the reason.
pub async fn record_declaration(
    conn: &mut AnyConnection,
    member: &PanelMemberId,
    interest: Option<(&CandidateId, &str)>,
) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query("UPDATE panel_member SET declared_at = COALESCE(declared_at, $2) WHERE id = $1")
        .bind(member)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
    if let Some((candidate, reason)) = interest {
        sqlx::query(
            "INSERT INTO panel_interest (member_id, candidate_id, reason, declared_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (member_id, candidate_id) DO UPDATE SET reason = $3",
        )
        .bind(member)
        .bind(candidate)
        .bind(reason)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Every declared interest on the panel, as `(member, candidate)`.
pub async fn list_interests(
    conn: &mut AnyConnection,
    panel: &PanelId,
) -> Result<Vec<(PanelMemberId, CandidateId)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT i.member_id, i.candidate_id FROM panel_interest i
         JOIN panel_member pm ON pm.id = i.member_id WHERE pm.panel_id = $1",
    )
    .bind(panel)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(m, c)| (m.into(), c.into())).collect())
}

// ---- candidates ------------------------------------------------------------------------------------------

/// A candidate as stored, without their pack's bytes.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CandidateRow {
    pub id: String,
    pub panel_id: String,
    pub name: String,
    pub application_id: Option<String>,
    pub pack_file_name: String,
    pub closed_reason: String,
    pub closed_at: Option<String>,
    /// When every eligible member had first submitted: the scores stay open to the panel from then on.
    pub unsealed_at: Option<String>,
    pub outcome: Option<String>,
    pub outcome_reasons: String,
    pub departure_reason: String,
}

impl CandidateRow {
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.as_deref().and_then(|o| o.parse().ok())
    }
}

const CANDIDATE_SELECT: &str = "SELECT id, panel_id, name, application_id, pack_file_name, closed_reason, closed_at,
        unsealed_at, outcome, outcome_reasons, departure_reason FROM panel_candidate";

pub async fn list_candidates(conn: &mut AnyConnection, panel: &PanelId) -> Result<Vec<CandidateRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CANDIDATE_SELECT} WHERE panel_id = $1 ORDER BY added_at, name"))
        .bind(panel)
        .fetch_all(&mut *conn)
        .await
}

pub async fn fetch_candidate(conn: &mut AnyConnection, id: &CandidateId) -> Result<Option<CandidateRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CANDIDATE_SELECT} WHERE id = $1")).bind(id).fetch_optional(&mut *conn).await
}

/// The candidate's pack, decoded.
pub async fn fetch_pack(conn: &mut AnyConnection, id: &CandidateId) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT pack FROM panel_candidate WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    row.map(|(text,)| crate::pdf::decode(&text)).transpose()
}

/// A new candidate with their pack.
pub struct NewCandidate<'a> {
    pub panel: &'a PanelId,
    pub name: &'a str,
    pub application_id: Option<&'a str>,
    pub pack_file_name: &'a str,
    pub pack: &'a [u8],
}

pub async fn insert_candidate(
    conn: &mut AnyConnection,
    candidate: &NewCandidate<'_>,
    confirmed_by: &PersonId,
) -> Result<CandidateId, sqlx::Error> {
    let id = CandidateId::from(new_id());
    sqlx::query(
        "INSERT INTO panel_candidate (id, panel_id, name, application_id, pack_file_name, pack, pack_confirmed_by,
             added_at, closed_at, closed_reason, outcome, outcome_reasons, departure_reason, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, '', NULL, '', '', NULL)",
    )
    .bind(&id)
    .bind(candidate.panel)
    .bind(candidate.name)
    .bind(candidate.application_id)
    .bind(candidate.pack_file_name)
    .bind(crate::pdf::encode(candidate.pack))
    .bind(confirmed_by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Records that a candidate's scores are open to the panel (every eligible member has submitted), once.
pub async fn mark_unsealed(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE panel_candidate SET unsealed_at = $2 WHERE id = $1 AND unsealed_at IS NULL")
        .bind(id)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The panels a pool member sits on that are not decided.
pub async fn list_open_panels_of(conn: &mut AnyConnection, pool_member: &str) -> Result<Vec<PanelId>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT x.id FROM panel x JOIN panel_member m ON m.panel_id = x.id
         WHERE m.pool_member_id = $1 AND x.decided_at IS NULL ORDER BY x.id",
    )
    .bind(pool_member)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| PanelId::from(id)).collect())
}

/// Closes scoring of a candidate with the chair's reason; false if already closed.
pub async fn close_scoring(conn: &mut AnyConnection, id: &CandidateId, reason: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE panel_candidate SET closed_at = $2, closed_reason = $3 WHERE id = $1 AND closed_at IS NULL",
    )
    .bind(id)
    .bind(now())
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the outcome for a candidate; false if one was recorded already.
pub async fn record_outcome(
    conn: &mut AnyConnection,
    id: &CandidateId,
    outcome: Outcome,
    reasons: &str,
    departure_reason: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE panel_candidate SET outcome = $2, outcome_reasons = $3, departure_reason = $4, decided_at = $5
         WHERE id = $1 AND outcome IS NULL",
    )
    .bind(id)
    .bind(outcome.as_str())
    .bind(reasons)
    .bind(departure_reason)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    // Counted on the panel in the same transaction, so the report keeps it after the candidates are deleted.
    if !departure_reason.is_empty() {
        sqlx::query(
            "UPDATE panel SET departures = departures + 1
             WHERE id = (SELECT panel_id FROM panel_candidate WHERE id = $1)",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}

// ---- scores ----------------------------------------------------------------------------------------------

/// A stored score.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ScoreRow {
    pub candidate_id: String,
    pub member_id: String,
    pub criterion_id: String,
    pub round: i64,
    pub score: i64,
    pub evidence: String,
    pub rescore_reason: String,
}

/// Every score of the panel's candidates, every round, in round order.
pub async fn list_scores(conn: &mut AnyConnection, panel: &PanelId) -> Result<Vec<ScoreRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT sc.candidate_id, sc.member_id, sc.criterion_id, CAST(sc.round AS BIGINT) AS round,
                CAST(sc.score AS BIGINT) AS score, sc.evidence, sc.rescore_reason
         FROM panel_score sc JOIN panel_candidate c ON c.id = sc.candidate_id WHERE c.panel_id = $1
         ORDER BY sc.round",
    )
    .bind(panel)
    .fetch_all(&mut *conn)
    .await
}

/// Stores one score in `round`. A second sealed score of the same criterion fails on the unique key.
#[allow(clippy::too_many_arguments, reason = "one argument per column of the score")]
pub async fn insert_score(
    conn: &mut AnyConnection,
    candidate: &CandidateId,
    member: &PanelMemberId,
    criterion: &CriterionId,
    round: i64,
    score: i64,
    evidence: &str,
    rescore_reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO panel_score (id, candidate_id, member_id, criterion_id, round, score, evidence, rescore_reason,
             submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(candidate)
    .bind(member)
    .bind(criterion)
    .bind(round)
    .bind(score)
    .bind(evidence)
    .bind(rescore_reason)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---- after the panel -------------------------------------------------------------------------------------

/// Panels decided before `before` (a stored instant) whose candidates' data is still held, with their service.
pub async fn list_due_for_deletion(conn: &mut AnyConnection) -> Result<Vec<(PanelId, ServiceId, String)>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, service_id, decided_at FROM panel WHERE decided_at IS NOT NULL AND data_deleted_at IS NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(p, s, d)| (p.into(), s.into(), d)).collect())
}

/// What a departure mail's body becomes once the panel's retention period has passed.
pub const DELETED_MAIL_BODY: &str =
    "This message named an interview panel's candidates. Its text was deleted after the panel's retention period.";

/// Deletes a panel's candidates (their names, packs, scores, interests) and marks the panel's data deleted;
/// returns how many candidates were deleted, or `None` when another server did it first.
pub async fn delete_candidates_data(conn: &mut AnyConnection, panel: &PanelId) -> Result<Option<u64>, sqlx::Error> {
    let claimed = sqlx::query("UPDATE panel SET data_deleted_at = $2 WHERE id = $1 AND data_deleted_at IS NULL")
        .bind(panel)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    if claimed.rows_affected() == 0 {
        return Ok(None);
    }
    // Free text that could name a candidate outlives them nowhere: the chair's reason for closing scoring is
    // cleared from the audit trail (lines written before it stopped holding the text), and the departure mail's
    // body (found by the panel's address in it) from the outbox.
    sqlx::query(
        "UPDATE audit_event SET detail = $2 WHERE action = 'panel_scoring_closed'
         AND subject_id IN (SELECT id FROM panel_candidate WHERE panel_id = $1)",
    )
    .bind(panel)
    .bind(r#"{"reason_deleted":true}"#)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE outbox_mail SET body_text = $2 WHERE body_text LIKE '%/partnership/panels/' || $1 || '%'")
        .bind(panel)
        .bind(DELETED_MAIL_BODY)
        .execute(&mut *conn)
        .await?;
    // Scores and interests go with their candidates (ON DELETE CASCADE); deleted explicitly too, so no row is
    // left on an engine where a cascade was not enforced.
    sqlx::query("DELETE FROM panel_score WHERE candidate_id IN (SELECT id FROM panel_candidate WHERE panel_id = $1)")
        .bind(panel)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM panel_interest WHERE candidate_id IN (SELECT id FROM panel_candidate WHERE panel_id = $1)",
    )
    .bind(panel)
    .execute(&mut *conn)
    .await?;
    let deleted =
        sqlx::query("DELETE FROM panel_candidate WHERE panel_id = $1").bind(panel).execute(&mut *conn).await?;
    Ok(Some(deleted.rows_affected()))
}

/// Emails of the service's managers (accounts not disabled): whom a departure from the lived-experience view
/// is mailed to.
pub async fn manager_emails(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT p.email FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role = 'manager' AND p.disabled_at IS NULL ORDER BY p.email",
    )
    .bind(service)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(e,)| e).collect())
}

// ---- for the involvement report (through `api`) --------------------------------------------------------

/// Panels of a service that sat in `[from, until)` and are decided: how many, how many with a
/// lived-experience member, and the outcomes that departed from the lived-experience view.
pub async fn count_panels_decided(
    conn: &mut AnyConnection,
    service: &ServiceId,
    from: &str,
    until: &str,
) -> Result<super::api::PanelFigures, sqlx::Error> {
    let (panels, with_lived_experience, departures): (i64, i64, i64) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN EXISTS (
                 SELECT 1 FROM panel_member m JOIN panel_pool_member p ON p.id = m.pool_member_id
                 WHERE m.panel_id = x.id AND p.lived_experience = 1) THEN 1 ELSE 0 END), 0) AS BIGINT),
             CAST(COALESCE(SUM(x.departures), 0) AS BIGINT)
         FROM panel x
         WHERE x.service_id = $1 AND x.sits_on >= $2 AND x.sits_on < $3 AND x.decided_at IS NOT NULL",
    )
    .bind(service)
    .bind(from)
    .bind(until)
    .fetch_one(conn)
    .await?;
    Ok(super::api::PanelFigures { panels, with_lived_experience, departures })
}

/// The account with this email address (lower case, as accounts store it) of someone of the service — anyone
/// with a role in it: its staff and managers, and the patients, carers and volunteers linked to it — or
/// `None`, alike for an address with no account and for someone of another service only (the pool form says
/// nothing about accounts outside the caller's service).
pub async fn person_of_service(
    conn: &mut AnyConnection,
    email: &str,
    service_id: &ServiceId,
) -> Result<Option<PersonId>, sqlx::Error> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT p.id FROM person p
         WHERE p.email = $1 AND EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.service_id = $2)",
    )
    .bind(email)
    .bind(service_id)
    .fetch_optional(conn)
    .await?;
    Ok(id.map(PersonId::from))
}
