//! What the safeguarding review queue shows of a flagged volunteer application (`capability::Flagged`): its
//! free text (why, availability, access needs), any words sent again from its address that the screener
//! flagged (held until the flag is reviewed, whether or not they were confirmed), and the application's page,
//! for the service's staff (the queue checks that); and a volunteer's own words — their reason for a break,
//! what they wrote with their hours — screened as an application's are (`screen_volunteer_words`).

use sqlx::AnyPool;

use crate::{
    dates::readable_day,
    error::AppError,
    safeguarding::review::{FlagSource, FlagSourceKind, FlaggedText},
};

/// The words and page of each of `sources` that is a volunteer application; applications that have gone are
/// left out.
pub async fn flagged(pool: &AnyPool, sources: &[FlagSource]) -> Result<Vec<FlaggedText>, AppError> {
    let mut found = Vec::new();
    for source in sources.iter().filter(|s| s.kind == FlagSourceKind::VolunteerApplication) {
        let row: Option<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT r.title, a.why, a.availability, a.access_needs, a.received_at
             FROM volunteer_application a JOIN volunteer_role r ON r.id = a.role_id WHERE a.id = $1",
        )
        .bind(&source.id)
        .fetch_optional(pool)
        .await?;
        let Some((role, why, availability, access_needs, received_at)) = row else { continue };
        let mut text = [why, availability, access_needs].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>();
        let id = super::types::ApplicationId::from(source.id.clone());
        for (sent_at, sent) in super::db::list_flagged_resends(&mut *pool.acquire().await?, &id).await? {
            text.push(sent_again_words(&sent_at, &sent));
        }
        let day = crate::clock::local_day_of(&received_at);
        found.push(FlaggedText {
            source: source.clone(),
            what: format!("Application to volunteer as {role}, {}", readable_day(&day)),
            text: text.join("\n\n"),
            href: format!("/inclusion/applications/{}", source.id),
        });
    }
    for source in sources.iter().filter(|s| s.kind == FlagSourceKind::VolunteerBreak) {
        let row: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT a.name, r.title, a.paused_for, a.status_reason
             FROM volunteer_appointment a JOIN volunteer_role r ON r.id = a.role_id WHERE a.id = $1",
        )
        .bind(&source.id)
        .fetch_optional(pool)
        .await?;
        let Some((name, role, paused_for, reason)) = row else { continue };
        let text = if paused_for == super::checks::server::PAUSED_FOR_SELF {
            reason
        } else {
            "They have come back from the break since: the screener's reasons quote what they wrote.".to_owned()
        };
        found.push(FlaggedText {
            source: source.clone(),
            what: format!("{name}'s reason for a break from {role}"),
            text,
            href: format!("/inclusion/appointments/{}", source.id),
        });
    }
    for source in sources.iter().filter(|s| s.kind == FlagSourceKind::VolunteerHours) {
        let row: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT a.name, h.worked_on, h.what, h.answer
             FROM volunteer_hours h JOIN volunteer_appointment a ON a.id = h.appointment_id WHERE h.id = $1",
        )
        .bind(&source.id)
        .fetch_optional(pool)
        .await?;
        let Some((name, worked_on, what, answer)) = row else { continue };
        let text = [what, answer].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n\n");
        found.push(FlaggedText {
            source: source.clone(),
            what: format!("{name}'s hours on {}", readable_day(&worked_on)),
            text,
            href: format!("/inclusion/hours/{}", source.id),
        });
    }
    Ok(found)
}

/// Screens a volunteer's own words (`kind`: their reason for a break, or their note on hours) and raises a
/// flag for review in the caller's change when the screener finds something, the duty inbox told — the same
/// kernel call as an application's (`safeguarding::review::db::screen_and_raise`). Never refuses the words.
pub async fn screen_volunteer_words(
    conn: &mut sqlx::AnyConnection,
    base_url: &url::Url,
    service_id: &crate::accounts::types::ServiceId,
    kind: FlagSourceKind,
    id: &str,
    words: &str,
) -> Result<bool, AppError> {
    if words.trim().is_empty() {
        return Ok(false);
    }
    let source = FlagSource { kind, id: id.to_owned() };
    Ok(crate::safeguarding::review::db::screen_and_raise(conn, base_url, service_id, &source, words, kind.label())
        .await?)
}

/// Flagged words sent again for an application, as the reviewer reads them: when, that it came from the
/// application's email address (not necessarily from the applicant), and the free text.
pub fn sent_again_words(sent_at: &str, sent: &super::db::ResentDetails) -> String {
    let day = readable_day(&crate::clock::local_day_of(sent_at));
    let words = [sent.why.as_str(), sent.availability.as_str(), sent.access_needs.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    format!("Sent again from the application's email address on {day} (it changed nothing):\n\n{words}")
}
