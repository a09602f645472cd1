//! Consultation's runtime parts, one set per app server: the group-commit response writer and the reused
//! pages of open anonymous forms. Started by `capability().start` and kept in the app state's parts.

use std::sync::{Arc, LazyLock};

use super::answering::{
    handlers::FormPageCache,
    throttle::{FeedbackLimits, FeedbackThrottle},
    writer::ResponseWriter,
};
use crate::{error::AppError, state::AppState};

#[derive(Clone)]
pub struct Runtime {
    /// Stores feedback responses, grouping those that arrive together into one transaction.
    pub responses: ResponseWriter,
    /// Rendered feedback form pages, reused for a second.
    pub form_pages: Arc<FormPageCache>,
    /// Slows a flood of anonymous submissions, per client and per form.
    pub throttle: Arc<FeedbackThrottle>,
}

/// Starts the writer task and an empty page cache.
pub fn start(state: &AppState, parts: &mut http::Extensions) {
    parts.insert(Runtime {
        responses: ResponseWriter::start(state.pool.clone(), state.mail_wakeup.clone()),
        form_pages: Arc::default(),
        throttle: Arc::new(FeedbackThrottle::new(FeedbackLimits {
            per_client_burst: state.security.feedback_burst_per_client,
            per_form_burst: state.security.feedback_burst_per_form,
            ..FeedbackLimits::default()
        })),
    });
}

/// This app server's parts; missing only if the capability was left out at start-up.
pub fn runtime(state: &AppState) -> Result<&Runtime, AppError> {
    state.parts.get::<Runtime>().ok_or_else(|| AppError::internal("consultation", "runtime parts were not started"))
}

/// The page cache; an empty one, which keeps nothing, if the parts were not started.
pub fn form_pages(state: &AppState) -> &FormPageCache {
    static NONE: LazyLock<FormPageCache> = LazyLock::new(FormPageCache::default);
    state.parts.get::<Runtime>().map(|r| r.form_pages.as_ref()).unwrap_or(&NONE)
}
