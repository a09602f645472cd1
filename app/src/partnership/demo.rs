//! Partnership's demo data, for the Personality Disorder Service: a panel pool with trained and untrained
//! members (staff, patients and a carer); a past staff panel with three candidates and sealed scores whose
//! outcome departed from the lived-experience scores with a reason (recorded in the ledger as production
//! records it); and an open panel mid-scoring. Added once. Every name is made up; the packs are tiny PDFs.

use super::{
    db,
    sources::PanelSat,
    types::{Outcome, PanelId, PostKind, Sits},
};
use crate::accounts::{demo::PD_SERVICE, types::ServiceId};
use crate::error::AppError;

/// A tiny PDF standing in for a shortlisting pack.
const PACK: &[u8] = b"%PDF-1.4\n% demo shortlisting pack, personal details removed\n%%EOF\n";

/// A pool member of the demo: (email, sits, trained on, shadowed on, may chair).
type DemoPoolMember = (&'static str, Sits, Option<&'static str>, Option<&'static str>, bool);

const POOL: [DemoPoolMember; 5] = [
    ("priya.shah@demo.example", Sits::Staff, Some("2026-01-14"), Some("2026-02-03"), true),
    ("tom.walsh@demo.example", Sits::Staff, Some("2026-01-14"), None, false),
    ("morgan.lee@demo.example", Sits::Patient, Some("2026-03-10"), Some("2026-04-22"), true),
    ("chris.evans@demo.example", Sits::Carer, Some("2026-03-10"), None, false),
    ("robin.hughes@demo.example", Sits::Patient, None, None, false),
];

const CRITERIA: [(&str, i64); 3] = [
    ("Compassion and respect for people who use the service", 3),
    ("Working alongside people with lived experience", 2),
    ("Clinical knowledge of personality disorder", 2),
];

const DESCRIPTORS: &str = "No evidence\nLittle evidence\nSome evidence\nGood evidence\nExcellent evidence";

/// Adds the pool and two panels once; returns how many panels were added.
pub async fn seed_partnership(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
) -> Result<usize, AppError> {
    let Some((_, service)) = services.iter().find(|(name, _)| *name == PD_SERVICE) else { return Ok(0) };
    if !db::list_pool(&mut *conn, std::slice::from_ref(service)).await?.is_empty() {
        return Ok(0);
    }
    let mut pool = Vec::new();
    for (email, sits, trained, shadowed, chair) in POOL {
        let Some((person, _)) = crate::accounts::access::person_by_email(&mut *conn, email).await? else { continue };
        let Some(id) = db::insert_pool_member(&mut *conn, service, &person, sits, "").await? else { continue };
        if let Some(trained) = trained {
            db::update_training(&mut *conn, &id, trained, shadowed, chair).await?;
        }
        pool.push(id);
    }
    let past = panel(&mut *conn, service, "Clinical psychologist", "2026-09-15", &pool[..4]).await?;
    // Sealed scores: members 0..4 (two staff, a patient, a carer) score three candidates.
    // The staff preferred Ash; the lived-experience members preferred Blake.
    let scores: [[[i64; 3]; 4]; 3] = [
        [[4, 3, 4], [4, 3, 4], [3, 1, 3], [3, 2, 3]],
        [[3, 3, 3], [3, 2, 3], [4, 4, 3], [4, 3, 3]],
        [[2, 2, 2], [2, 1, 2], [2, 2, 2], [1, 2, 2]],
    ];
    let candidates = add_candidates(&mut *conn, &past, &["Ash Green", "Blake Harris", "Cass Ibbotson"]).await?;
    score_all(&mut *conn, &past, &candidates, &scores).await?;
    let outcomes = [
        (Outcome::Appoint, "Strongest clinical answers and supervision experience.",
         "The panel discussed the lived-experience members' concern about co-working and agreed a development goal on it for the first six months, reviewed in supervision; Blake is held in reserve."),
        (Outcome::Reserve, "Very strong on co-working; less clinical experience.", ""),
        (Outcome::DoNotAppoint, "Did not meet the minimum on clinical knowledge.", ""),
    ];
    for (candidate, (outcome, reasons, departure)) in candidates.iter().zip(outcomes) {
        db::record_outcome(&mut *conn, candidate, outcome, reasons, departure).await?;
    }
    db::mark_decided(&mut *conn, &past).await?;
    let record = db::fetch_panel(&mut *conn, &past).await?.ok_or(AppError::NotFound)?;
    let members = db::list_members(&mut *conn, &past).await?;
    let sat = PanelSat { panel: &record.summary, members: &members, candidates: candidates.len() };
    crate::ledger::api::record(&mut *conn, &sat, None).await?;

    // Mid-scoring, so it has sat: scores are taken only from the panel's start (yesterday at 10:00, local).
    let yesterday = (crate::clock::today_date() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let open = panel(&mut *conn, service, "Assistant psychologist", &yesterday, &pool[..4]).await?;
    let open_candidates = add_candidates(&mut *conn, &open, &["Dana Jones", "Eden Khan"]).await?;
    // Mid-scoring: two members have submitted for Dana, nobody yet for Eden.
    let partial: [[[i64; 3]; 4]; 1] = [[[3, 3, 2], [3, 2, 3], [0, 0, 0], [0, 0, 0]]];
    let members = db::list_members(&mut *conn, &open).await?;
    let criteria = db::list_criteria(&mut *conn, &open).await?;
    for (m, line) in members.iter().zip(partial[0]).take(2) {
        for (c, score) in criteria.iter().zip(line) {
            db::insert_score(
                &mut *conn,
                &open_candidates[0],
                &m.id,
                &c.id,
                0,
                score,
                "Demo evidence from the answers.",
                "",
            )
            .await?;
        }
    }
    Ok(2)
}

/// A panel with the criteria, one question per criterion, and `members` (the first chairs), each agreed and
/// declared none.
async fn panel(
    conn: &mut sqlx::AnyConnection,
    service: &ServiceId,
    title: &str,
    day: &str,
    members: &[super::types::PoolMemberId],
) -> Result<PanelId, AppError> {
    let row = db::NewPanelRow {
        service_id: service,
        post_kind: PostKind::StaffPost,
        post_title: title,
        volunteer_role_id: None,
        sits_on: day,
        sits_at: "10:00",
        place: "The Limes, Room 2",
    };
    let id = db::insert_panel(&mut *conn, &row, None).await?;
    let descriptors: Vec<String> = DESCRIPTORS.lines().map(str::to_owned).collect();
    for (name, minimum) in CRITERIA {
        let criterion = db::insert_criterion(&mut *conn, &id, name, &descriptors, minimum).await?;
        db::insert_question(
            &mut *conn,
            &id,
            &format!("Tell us about a time that shows {}.", name.to_lowercase()),
            &[criterion],
        )
        .await?;
    }
    for (index, member) in members.iter().enumerate() {
        if let Some(m) = db::insert_member(&mut *conn, &id, member, index == 0).await? {
            db::record_agreement(&mut *conn, &m, super::types::AGREEMENT_VERSION).await?;
            db::record_declaration(&mut *conn, &m, None).await?;
        }
    }
    Ok(id)
}

async fn add_candidates(
    conn: &mut sqlx::AnyConnection,
    panel: &PanelId,
    names: &[&str],
) -> Result<Vec<super::types::CandidateId>, AppError> {
    let by = crate::accounts::access::person_by_email(&mut *conn, "priya.shah@demo.example")
        .await?
        .map(|(id, _)| id)
        .unwrap_or_default();
    let mut ids = Vec::new();
    for name in names {
        let file = format!("{name} pack.pdf");
        let new = db::NewCandidate { panel, name, application_id: None, pack_file_name: &file, pack: PACK };
        ids.push(db::insert_candidate(&mut *conn, &new, &by).await?);
    }
    Ok(ids)
}

async fn score_all(
    conn: &mut sqlx::AnyConnection,
    panel: &PanelId,
    candidates: &[super::types::CandidateId],
    scores: &[[[i64; 3]; 4]; 3],
) -> Result<(), AppError> {
    let members = db::list_members(&mut *conn, panel).await?;
    let criteria = db::list_criteria(&mut *conn, panel).await?;
    for (candidate, by_member) in candidates.iter().zip(scores) {
        for (member, line) in members.iter().zip(by_member) {
            for (criterion, score) in criteria.iter().zip(line) {
                db::insert_score(
                    &mut *conn,
                    candidate,
                    &member.id,
                    &criterion.id,
                    0,
                    *score,
                    "Demo evidence from the answers.",
                    "",
                )
                .await?;
            }
        }
    }
    Ok(())
}
