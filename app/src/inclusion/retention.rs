//! Deleting applicants' data after the retention period (issue 16, "Bad input and safety"): an application that
//! ended unsuccessfully — withdrawn, or not taken forward — is deleted with everything it holds (name, contact
//! details, what they wrote, referees, and the screener's flag on it) once the retention period has passed
//! since its last change (12 months unless the setting `CONTINUUM_APPLICANT_RETENTION_MONTHS` says otherwise).
//! Its mail goes too (every mail about it is queued with `db::mail_about`, and `mail::delete_about` deletes
//! them in the same change): the outbox keeps no copy of a name, an address or a note.
//! Each deletion is audited without the data: the application's id, its role and the stage it ended at. The
//! equal-opportunities counts are never touched: they were never linked to an application. Applications sent
//! again (`volunteer_application_resend`, held until their owner confirms them) are deleted once their link
//! has run out, confirmed or not: what may have been a stranger's words is not kept — unless the screener
//! flagged them and the flag on the application still waits for review (then they go once it is reviewed).

use chrono::Months;
use sqlx::AnyPool;

use crate::{
    db::Write,
    error::AppError,
    safeguarding::review::{db as review_db, FlagSourceKind},
};

/// The retention period when no setting is given, in months.
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

/// Deletes every unsuccessful application whose last change is more than `months` months before now (the
/// service's clock), each with an `application_deleted` audit line holding no personal data; returns how many
/// were deleted. Run by the housekeeping on each app server: two servers deleting at once each delete a
/// different row or nothing (a row is deleted and audited only by the server whose `DELETE` removed it).
pub async fn delete_expired(pool: &AnyPool, months: u32) -> Result<usize, AppError> {
    let now = crate::clock::now();
    let cutoff = crate::db::timestamp(now.checked_sub_months(Months::new(months)).unwrap_or(now));
    let expired: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, role_id, stage FROM volunteer_application
         WHERE stage IN ('withdrawn', 'not_taken_forward') AND changed_at < $1
         ORDER BY changed_at LIMIT 200",
    )
    .bind(&cutoff)
    .fetch_all(pool)
    .await?;
    let mut deleted = 0;
    let mut tx = Write::begin(pool, None).await?;
    let resends = super::db::delete_expired_resends(tx.conn(), &crate::db::timestamp(now)).await?;
    tx.commit().await?;
    if resends > 0 {
        tracing::info!(resends, "applications sent again whose links ran out deleted");
    }
    for (id, role_id, stage) in expired {
        let mut tx = Write::begin(pool, None).await?;
        review_db::delete_for(tx.conn(), FlagSourceKind::VolunteerApplication, std::slice::from_ref(&id)).await?;
        let done = sqlx::query(
            "DELETE FROM volunteer_application WHERE id = $1 AND stage IN ('withdrawn', 'not_taken_forward')
             AND changed_at < $2",
        )
        .bind(&id)
        .bind(&cutoff)
        .execute(tx.conn())
        .await?;
        if done.rows_affected() == 0 {
            continue;
        }
        // The mail about it (the acknowledgement, each stage's mail with the coordinator's note, the referees'
        // requests naming the applicant, the coordinator's) goes with it: the outbox keeps no copy.
        crate::mail::delete_about(tx.conn(), &super::db::mail_about(&super::types::ApplicationId::from(id.clone())))
            .await?;
        let detail = serde_json::json!({ "role_id": role_id, "stage": stage, "reason": "retention period ended" });
        tx.audit("application_deleted", "volunteer_application", &id, detail).await?;
        tx.commit().await?;
        deleted += 1;
    }
    if deleted > 0 {
        tracing::info!(applications = deleted, "applicants' data deleted after the retention period");
    }
    Ok(deleted)
}
