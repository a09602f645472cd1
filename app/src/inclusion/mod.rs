//! Inclusion, the fourth level of the continuum: patients help deliver the service. This slice (issue 16,
//! §1–§3 and part of §6, §9, §10): a service's **volunteer roles**, listed publicly at `/volunteer` when
//! recruiting (and on Get involved, each with a QR poster); **applying without an account** (a signed-in
//! patient or carer has the form filled in), with an acknowledgement mail carrying a secret status link
//! where the applicant sees the stage and can withdraw; optional **equal-opportunities** answers kept apart
//! as counts only and reported with small-number suppression; the **pipeline** from received to appointed
//! (or withdrawn / not taken forward, with a kind message), each change audited and mailed through the
//! outbox; and **appointment**, which records an Inclusion activity in the ledger with the volunteer.
//!
//! Rooms: `references/` (references by link, §4), `checks/` (checks and training that expire, their
//! reminders and lapses, an appointment's status, supervisor and supervision, §5–§6) and `volunteer/` (the
//! volunteer's own page, pausing themselves and coming back, §6).
//!
//! Slice 2 (§7–§9 and the retention rule), rooms `hours/` (hours logged, approved or queried, totalled and
//! exported) and `sessions/` (courses with co-delivered sessions, each co-delivered one in the ledger);
//! `retention` (applicants' data deleted after the retention period); and the figures reports need (`api`).
//!
//! The rest of issue 16: an application at interview linked to a partnership interview panel (through
//! `partnership::api`; the panel's outcome arrives by `api::panel_outcome`), hours on the volunteer's own page,
//! sessions planned and later marked held, and several co-facilitators of each kind.
//!
//! Files: `types` (shared with the browser), `validate` (forms into domain values), `db` (its SQL),
//! `server` (server functions), `components` (pages), `sources` (its ledger mapping), `emails`,
//! `coordinators` (who is told as the coordinator), `runtime` (the application throttle), `api` (its poster,
//! and the report's figures), `demo`, `retention`.

pub mod components;
pub mod server;
pub mod types;

// References, checks and the volunteer's own page (issue 16 §4–§6).
pub mod checks;
pub mod references;
pub mod volunteer;

// Slice 2: hours, and courses with their co-delivered sessions.
pub mod hours;
pub mod sessions;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod coordinators;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod flags;
#[cfg(feature = "ssr")]
pub mod runtime;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod validate;

#[cfg(feature = "ssr")]
pub mod retention;

/// Inclusion's entry points (see `capability`): the application throttle (a runtime part, forgotten when
/// idle by the housekeeping), recruiting roles for Get involved, and its demo data.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    use std::sync::Arc;
    static JOBS: [Job; 4] = [
        Job {
            name: "volunteer application throttle",
            run: |state| {
                Box::pin(async move {
                    if let Some(throttle) = state.parts.get::<Arc<runtime::ApplyThrottle>>() {
                        throttle.forget_idle();
                    }
                    if let Some(throttle) = state.parts.get::<Arc<references::server::ReferenceThrottle>>() {
                        throttle.0.forget_idle();
                    }
                    Ok(0)
                })
            },
        },
        // References, checks and the volunteer's own page (issue 16 §4–§6).
        Job {
            name: "volunteer check reminders and lapses",
            run: |state| Box::pin(async move { Ok(checks::jobs::run_now(state).await?) }),
        },
        Job {
            name: "volunteer reference reminders",
            run: |state| Box::pin(async move { Ok(references::jobs::queue_reminders_now(state).await?) }),
        },
        // Applicants' data deleted after the retention period (slice 2).
        Job {
            name: "applicants' data retention",
            run: |state| {
                Box::pin(async move {
                    retention::delete_expired(&state.pool, state.security.applicant_retention_months).await
                })
            },
        },
    ];
    Capability {
        start: |_, parts| {
            parts.insert(Arc::new(runtime::ApplyThrottle::default()));
            parts.insert(Arc::new(references::server::ReferenceThrottle::default()));
        },
        jobs: &JOBS,
        routes: hours::routes::routes,
        opportunities: Some(|pool| Box::pin(opportunities(pool))),
        flagged: Some(|pool, sources| Box::pin(flags::flagged(pool, sources))),
        demo: Some(|conn, demo| {
            Box::pin(async move {
                let added = demo::seed_inclusion(conn, &demo.services).await?;
                // Checks (issue 16 §5): volunteers in date, one expiring within 30 days, one lapsed.
                // Hours and a co-delivered course (slice 2), before the checks, so that the day-service
                // volunteer with a year of hours is given the role's checks with the others.
                let sessions = hours::demo::seed_hours_and_sessions(conn, &demo.services).await?;
                let checked = checks::demo::seed_checks(conn, &demo.services).await?;
                Ok(format!(
                    "Two volunteer roles with applications at every stage: {added} applications added, {checked} \
                     volunteers given checks (see /inclusion); a year of approved hours and {sessions} sessions of \
                     a co-delivered course (see /inclusion/hours and /inclusion/courses)."
                ))
            })
        }),
        ..Capability::named("inclusion")
    }
}

/// Recruiting volunteer roles, for Get involved.
#[cfg(feature = "ssr")]
async fn opportunities(
    pool: &sqlx::AnyPool,
) -> Result<Vec<crate::get_involved::OpportunityGroup>, crate::error::AppError> {
    use crate::{
        get_involved::{Opportunity, OpportunityGroup},
        ledger::types::ContinuumLevel::Inclusion,
    };
    let roles = db::list_roles(&mut *pool.acquire().await?, true).await?;
    Ok(vec![OpportunityGroup {
        level: Inclusion,
        heading: "Volunteer roles".to_owned(),
        items: roles
            .into_iter()
            .map(|r| Opportunity {
                href: format!("/volunteer/{}", r.slug),
                detail: format!("{} · {} · {}", r.service_name, r.time_asked, r.place),
                title: r.title,
            })
            .collect(),
        when_none: None,
    }])
}
