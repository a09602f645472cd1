//! One shape for every capability.
//!
//! A capability (information, consultation, and next participation, inclusion and partnership) is a folder
//! that offers the same few entry points, gathered in [`Capability`] by its `capability()` function and merged
//! in one place at start-up ([`all`]):
//! - **routes**: its plain axum routes (exports, pages rendered in one go), with their methods, so the access
//!   matrix test can list them; its Leptos pages are in `routes.rs` and its server functions register
//!   themselves;
//! - **start**: its runtime parts (a writer task, caches), made once per app server and kept inside the
//!   capability (it reads them back with [`Parts::get`]);
//! - **jobs**: its housekeeping, run every few minutes by each app server (a job that must run once across
//!   several servers claims its rows in the database);
//! - **opportunities**: what it has open for people to join now, for Get involved;
//! - **report**: the people it involved in a period that the ledger's counts do not already hold (feedback
//!   responses), patients and carers apart, for the continuum profile and reports;
//! - **flagged**: the words and page of its records the safeguarding screener flagged, for the review queue
//!   (every capability that screens free text other than feedback responses offers it);
//! - **demo**: its demonstration data for `seed-demo` (`demo.rs`), made through its own domain functions.
//!
//! Capabilities never reach into each other: they meet through the ledger's API, accounts' access checks,
//! the shared kernels (`text`, `suppression`, `chart`, `csv`, `clock`, `ids`, `links`, `db`, `forms`, `markdown`, `safeguarding`) and each
//! other's small `api.rs`. Adding a capability means adding its folder and one line in [`all`].

use std::{future::Future, pin::Pin, sync::Arc};

use sqlx::AnyPool;

use crate::{error::AppError, get_involved::OpportunityGroup, ledger::types::ContinuumLevel, state::AppState};

/// A boxed future, as the entry points return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A plain axum route of a capability, with the methods it answers (listed for the access matrix test).
pub struct PlainRoute {
    /// The axum path, such as `/f/{slug}`.
    pub path: &'static str,
    /// The methods `handler` answers; each is tried by the access matrix test.
    pub methods: &'static [http::Method],
    pub handler: axum::routing::MethodRouter<AppState>,
}

/// A housekeeping job: run by each app server every few minutes. Returns how many things it did.
pub struct Job {
    /// What it does, for the log ("event reminders").
    pub name: &'static str,
    pub run: for<'a> fn(&'a AppState) -> BoxFuture<'a, Result<usize, AppError>>,
}

/// People a capability involved in `[from, until)` (`YYYY-MM-DD`, `until` exclusive) at a level, beyond the
/// ledger's own counts (which keep patients and carers apart as they are recorded), with patients and carers
/// apart. Anyone who is neither is not counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Involvement {
    pub level: ContinuumLevel,
    /// How many times patients took part (a feedback response is one; one person may answer more than once).
    pub patients: i64,
    /// How many times carers (family members, friends) took part, where the capability can tell: a feedback
    /// response counts as a carer's only where its form asks who is answering and was answered so.
    pub carers: i64,
}

impl Involvement {
    /// Patients and carers together: the people the continuum profile counts.
    pub fn people(&self) -> i64 {
        self.patients + self.carers
    }
}

/// What is open to join now, for Get involved.
pub type Opportunities = for<'a> fn(&'a AnyPool) -> BoxFuture<'a, Result<Vec<OpportunityGroup>, AppError>>;

/// People involved in a period: `(pool, service, from, until)`, dates `YYYY-MM-DD`, `until` exclusive.
pub type Report = for<'a> fn(
    &'a AnyPool,
    &'a crate::accounts::types::ServiceId,
    &'a str,
    &'a str,
) -> BoxFuture<'a, Result<Vec<Involvement>, AppError>>;

/// The words and page of each of `sources` that is one of the capability's records (it skips the others, and
/// records that have gone), for the safeguarding review queue: `(pool, sources)`.
pub type Flagged = for<'a> fn(
    &'a AnyPool,
    &'a [crate::safeguarding::review::FlagSource],
) -> BoxFuture<'a, Result<Vec<crate::safeguarding::review::FlaggedText>, AppError>>;

/// Adds the capability's demo data inside the `seed-demo` transaction, through its own domain functions and
/// the ledger API; returns a line for the command to print (may be empty). Running it again adds nothing twice.
pub type DemoData =
    for<'a> fn(&'a mut sqlx::AnyConnection, &'a crate::accounts::demo::Demo) -> BoxFuture<'a, Result<String, AppError>>;

/// What a capability offers the rest of the application. See the module documentation.
pub struct Capability {
    pub name: &'static str,
    pub routes: fn() -> Vec<PlainRoute>,
    pub start: fn(&AppState, &mut http::Extensions),
    pub jobs: &'static [Job],
    pub opportunities: Option<Opportunities>,
    pub report: Option<Report>,
    pub flagged: Option<Flagged>,
    pub demo: Option<DemoData>,
}

impl Capability {
    /// A capability with nothing yet; each fills in what it offers.
    pub const fn named(name: &'static str) -> Self {
        Self {
            name,
            routes: Vec::new,
            start: |_, _| {},
            jobs: &[],
            opportunities: None,
            report: None,
            flagged: None,
            demo: None,
        }
    }
}

/// Every capability, in continuum order. The one place a new capability is added.
pub fn all() -> Vec<Capability> {
    vec![
        crate::accounts::capability(),
        crate::ledger::capability(),
        crate::information::capability(),
        crate::consultation::capability(),
        crate::participation::capability(),
        crate::inclusion::capability(),
        crate::partnership::capability(),
        crate::reports::capability(),
    ]
}

/// The runtime parts the capabilities started, each read back by the capability that made it.
#[derive(Clone, Default)]
pub struct Parts(Arc<http::Extensions>);

impl Parts {
    /// Starts every capability's parts for this app server.
    pub fn start(state: &AppState) -> Self {
        let mut parts = http::Extensions::new();
        for capability in all() {
            (capability.start)(state, &mut parts);
        }
        Self(Arc::new(parts))
    }

    /// A part of type `T`, if its capability started one.
    pub fn get<T: Send + Sync + 'static>(&self) -> Option<&T> {
        self.0.get::<T>()
    }
}
