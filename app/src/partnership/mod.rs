//! Partnership, the fifth level of the continuum: patients share decisions and responsibility (issue 17). A
//! service's **panel pool** (staff and lived-experience members, with training, shadowing, whether they may
//! chair, and access needs); **interview panels** for a staff post or a volunteer role from inclusion's
//! pipeline, with criteria (what 0–4 means and a minimum), questions and the criteria they evidence, members and
//! candidates with shortlisting packs; the **prerequisites** before a member sees anything (training, this
//! panel's confidentiality agreement, a declaration of interest); **sealed, independent scoring** (open to the
//! panel once every eligible member has submitted, and open for good from then: see `server::Scoring`); the
//! **decision** against the lived-experience view (integer arithmetic), mailed to the managers when it
//! departs; **after the panel** (closed to members, deleted after the retention period, a Partnership activity
//! in the ledger); and **involvement payments** (`payments/`: rate cards, offers from the ledger's
//! participants with a mail that one is waiting, accept / accept less / decline, the weekly cap, expenses with
//! receipts, the finance CSV).
//!
//! Files: `types` (shared with the browser), `validate` (forms into domain values; the lived-experience view),
//! `db` (its SQL), `server` (server functions and the housekeeping), `components` (pages), `routes` (the pack
//! PDF), `sources` (its ledger mapping), `emails`, `api` (the involvement report's panel and payment figures),
//! `demo`, and `payments/` (its own folder, merged into Partnership's entry points below).

pub mod components;
pub mod server;
pub mod types;

// Involvement payments (§7): its own folder, merged into Partnership's entry points below.
pub mod payments;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod validate;

/// Partnership's entry points (see `capability`): the pack route, the housekeeping that deletes candidates'
/// data after the retention period, and its demo data.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    static JOBS: [Job; 2] = [
        Job {
            name: "panel data past its retention period",
            run: |state| Box::pin(server::delete_after_retention(&state.pool)),
        },
        // Involvement payments: offers from the ledger's participants.
        Job {
            name: "involvement payment offers",
            run: |state| Box::pin(payments::server::make_offers(&state.pool, &state.security.base_url)),
        },
    ];
    Capability {
        routes: routes::routes,
        jobs: &JOBS,
        demo: Some(|conn, demo| {
            Box::pin(async move {
                let added = demo::seed_partnership(conn, &demo.services).await?;
                // Involvement payments: after the panels, whose members are offered payment.
                let offers = payments::demo::seed_payments(conn, &demo.services).await?;
                Ok(format!(
                    "A panel pool and {added} interview panels, one decided and one mid-scoring (see /partnership). \
                     A rate card and {offers} payment offers with expenses (see /payments/manage)."
                ))
            })
        }),
        ..Capability::named("partnership")
    }
}
