//! Group commit for feedback responses: one task per app server writes the responses that arrive together in
//! one transaction, and answers each submission only after that transaction has committed.
//!
//! Why: with SQLite only one transaction writes at a time. A transaction per submission makes concurrent
//! submissions queue on SQLite's file lock, whose busy handler sleeps in steps of up to 100 ms; under a burst
//! (a group of twenty answering at the end of a session, or a poster's QR code on a ward) that is what people
//! wait for. Writing the submissions that are waiting as one batch turns many lock waits and commits into one.
//! PostgreSQL gains too (one commit, one WAL flush, for the batch). The rule that a submission is acknowledged
//! only after it is committed holds: each caller waits for its batch's commit.
//!
//! A batch that fails is retried one response at a time, so a response that cannot be stored (a second answer
//! from the same person on a sign-in form) fails alone.

use crate::accounts::types::ServiceId;
use crate::consultation::types::{FormId, QuestionId, ResponseId};
use tokio::sync::{mpsc, oneshot};

use super::{
    db::{self, NewResponse},
    handlers::Receipt,
};
use crate::consultation::types::Channel;
use crate::{
    error::AppError,
    mail::{self, OutgoingMail},
};

/// At most this many responses go into one transaction.
const MAX_BATCH: usize = 256;

/// A response ready to store: parsed, screened, with its rows.
pub struct PreparedResponse {
    pub id: ResponseId,
    pub form_id: FormId,
    pub form_version: i64,
    pub channel: Channel,
    pub submitted_on: String,
    pub respondent_id: Option<String>,
    pub answers: Vec<(QuestionId, String)>,
    pub has_comments: bool,
    /// What the safeguarding screener found, if anything.
    pub flag: Option<Flag>,
    /// The single-use token of the page the answers came from (empty if it carried none): the same page sent
    /// twice stores one response.
    pub submission: String,
}

/// What became of one response in a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    Stored,
    /// Its form stopped taking answers, or moved to a new version.
    FormChanged,
    /// Its page had been sent before: the first is the one kept.
    Repeated,
}

/// A flagged response's concerns and reasons, and the alerts to queue for the service's duty inbox.
pub struct Flag {
    pub service_id: ServiceId,
    pub concerns: Vec<&'static str>,
    pub reasons: Vec<String>,
    /// The alert's subject and body (a link, never the response's words).
    pub alert: (String, String),
}

type Job = (PreparedResponse, oneshot::Sender<Result<Stored, AppError>>);

/// The handle request handlers submit through. Cheap to clone.
#[derive(Clone)]
pub struct ResponseWriter {
    jobs: mpsc::Sender<Job>,
}

impl ResponseWriter {
    /// Starts the writer task on the current runtime, with the current clock. `wakeup` is rung after a batch that queued mail commits.
    pub fn start(pool: sqlx::AnyPool, wakeup: std::sync::Arc<tokio::sync::Notify>) -> Self {
        let (jobs, receiver) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(crate::clock::current().scope(run(pool, receiver, wakeup)));
        Self { jobs }
    }

    /// Stores a response; returns once it is committed (or could not be).
    pub async fn store(&self, response: PreparedResponse) -> Result<Stored, AppError> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send((response, reply)).await.map_err(|_| AppError::Unavailable)?;
        answer.await.map_err(|_| AppError::Unavailable)?
    }
}

async fn run(pool: sqlx::AnyPool, mut receiver: mpsc::Receiver<Job>, wakeup: std::sync::Arc<tokio::sync::Notify>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let responses: Vec<&PreparedResponse> = batch.iter().map(|(r, _)| r).collect();
        let flagged = responses.iter().any(|r| r.flag.is_some());
        match write(&pool, &responses).await {
            Ok(written) => {
                for ((response, reply), written) in batch.drain(..).zip(written) {
                    let _ = reply.send(Ok(outcome(&response, written)));
                }
            }
            // A batch of one (the usual case when traffic is light) has already been tried alone.
            Err(error) if batch.len() == 1 => {
                for (_, reply) in batch.drain(..) {
                    let _ = reply.send(classify(&error));
                }
            }
            Err(error) => {
                tracing::warn!(error = %error, size = batch.len(), "a batch of responses failed; storing them one by one");
                for (response, reply) in batch.drain(..) {
                    let result = match write(&pool, &[&response]).await {
                        Ok(written) => Ok(outcome(&response, written.first().copied().unwrap_or(Written::FormChanged))),
                        Err(e) => classify(&e),
                    };
                    let _ = reply.send(result);
                }
            }
        }
        if flagged {
            wakeup.notify_one();
        }
    }
}

fn outcome(response: &PreparedResponse, written: Written) -> Stored {
    match written {
        Written::Stored => Stored::Committed(Receipt { flagged: response.flag.is_some() }),
        Written::FormChanged => Stored::FormChanged,
        Written::Repeated => Stored::Repeated,
    }
}

/// What became of a response handed to the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Committed: the person may be thanked.
    Committed(Receipt),
    /// Not stored: the form stopped taking answers, or moved to a new version, after it was read.
    FormChanged,
    /// Not stored: this person has already answered this sign-in form.
    AlreadyAnswered,
    /// Not stored: the same copy of the form's page was sent before, and that response is the one kept.
    Repeated,
}

fn classify(error: &sqlx::Error) -> Result<Stored, AppError> {
    if crate::db::is_unique_violation(error) {
        Ok(Stored::AlreadyAnswered)
    } else {
        Err(AppError::internal("store response", error))
    }
}

/// The refusal of a response whose form stopped taking answers, or moved to a new version, after it was read.
pub const FORM_CHANGED: &str = "The form changed before your answers were saved.";

/// What a person is told when they answer a sign-in form a second time.
pub const ALREADY_ANSWERED: &str = "You have already answered this form. Thank you.";

/// Writes responses, their answers, their flags and the duty inbox alerts in one transaction, and checks in the
/// same transaction that each response's form still takes answers in the version it was given (refused ones are
/// taken out again before the commit). Returns, for each response, whether it was stored.
///
/// The writes come first on purpose: on SQLite a transaction that reads first and writes later cannot take the
/// write lock if another connection has written meanwhile (it fails at once, without waiting), while one that
/// writes first simply waits its turn.
async fn write(pool: &sqlx::AnyPool, responses: &[&PreparedResponse]) -> Result<Vec<Written>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let rows: Vec<NewResponse<'_>> = responses
        .iter()
        .map(|r| NewResponse {
            form_id: &r.form_id,
            form_version: r.form_version,
            channel: r.channel,
            submitted_on: &r.submitted_on,
            respondent_id: r.respondent_id.as_deref(),
            answers: &r.answers,
            flagged: r.flag.is_some(),
            has_comments: r.has_comments,
        })
        .collect();
    let with_ids: Vec<(&str, &NewResponse<'_>)> = responses.iter().map(|r| r.id.as_str()).zip(rows.iter()).collect();
    db::insert_responses(&mut tx, &with_ids).await?;

    let mut form_ids: Vec<FormId> = responses.iter().map(|r| r.form_id.clone()).collect();
    form_ids.sort();
    form_ids.dedup();
    let forms = db::form_states(&mut tx, &form_ids).await?;
    let mut written: Vec<Written> = responses
        .iter()
        .map(|r| {
            let takes_it = forms.iter().any(|(id, state, version, open_until)| {
                let open = state == "open" && open_until.as_deref().is_none_or(|last| r.submitted_on.as_str() <= last);
                // Paper and assisted responses may be typed in after a form has closed, but never into a draft.
                let takes = if r.channel == Channel::Online { open } else { state != "draft" };
                *id == r.form_id && *version == r.form_version && takes
            });
            if takes_it {
                Written::Stored
            } else {
                Written::FormChanged
            }
        })
        .collect();
    // Each page's token is claimed once: a second response from the same copy of a page (in this batch or an
    // earlier one) is taken out again. The claim names no response, and its day is all it keeps of the time.
    for (response, written) in responses.iter().zip(written.iter_mut()) {
        if *written == Written::Stored && !crate::forms::claim_submission(&mut tx, &response.submission, "").await? {
            *written = Written::Repeated;
        }
    }
    let stored: Vec<bool> = written.iter().map(|w| *w == Written::Stored).collect();
    let refused: Vec<String> =
        responses.iter().zip(&stored).filter(|(_, ok)| !**ok).map(|(r, _)| r.id.to_string()).collect();
    if !refused.is_empty() {
        db::delete_responses(&mut tx, &refused).await?;
    }

    for (response, _) in responses.iter().zip(&stored).filter(|(_, ok)| **ok) {
        let Some(flag) = &response.flag else { continue };
        db::flag_response(
            &mut tx,
            &response.id,
            &flag.service_id,
            &flag.concerns,
            &flag.reasons,
            &response.submitted_on,
        )
        .await?;
        // The first flag in a few minutes alerts the duty inbox at once; later ones wait for one summary
        // (the housekeeping's `duty alert summaries`), so a flood cannot fill the inbox.
        if crate::safeguarding::review::db::alert_now(&mut tx, &flag.service_id).await? {
            let (subject, body) = &flag.alert;
            for to in crate::safeguarding::review::db::duty_recipients(&mut *tx, &flag.service_id).await? {
                mail::enqueue(&mut *tx, &OutgoingMail { to, subject: subject.clone(), body: body.clone() }).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(written)
}

/// The housekeeping job that tells each service's duty inbox, in one mail, of the flagged responses raised
/// since its last alert (see `safeguarding::review::db::alert_now`): at most one mail per service every few
/// minutes, however many flags a flood raises. Returns how many mails were queued.
pub async fn send_alert_summaries(state: &crate::state::AppState) -> Result<usize, AppError> {
    let queued = queue_alert_summaries(&state.pool, &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// Queues the summaries that are due (the work of [`send_alert_summaries`]); returns how many mails.
pub async fn queue_alert_summaries(pool: &sqlx::AnyPool, base_url: &url::Url) -> Result<usize, AppError> {
    let services = crate::accounts::access::all_services(pool).await?;
    let link = crate::links::absolute(base_url, "/consultation/review", &[]);
    let mut tx = crate::db::begin_write(pool).await?;
    let mut queued = 0;
    for (service_id, waiting) in crate::safeguarding::review::db::claim_waiting_alerts(&mut tx).await? {
        let name = services.iter().find(|s| s.id == service_id).map(|s| s.name.clone()).unwrap_or_default();
        let body = format!(
            "{} more {} to {name}'s feedback forms {} words that suggest possible risk, and {} to be read today.\n\n\
             Read them and record what was done:\n{link}\n\nThis message does not include the responses: please \
             read them in Continuum.\n",
            waiting,
            if waiting == 1 { "response" } else { "responses" },
            if waiting == 1 { "has" } else { "have" },
            if waiting == 1 { "needs" } else { "need" },
        );
        for to in crate::safeguarding::review::db::duty_recipients(&mut *tx, &service_id).await? {
            let subject = "Feedback to review today".to_owned();
            mail::enqueue(&mut *tx, &OutgoingMail { to, subject, body: body.clone() }).await?;
            queued += 1;
        }
    }
    tx.commit().await?;
    Ok(queued)
}
