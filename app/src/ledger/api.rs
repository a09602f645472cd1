//! The ledger's published API: how a record in another capability becomes an involvement activity.
//!
//! Each kind of source (an event held, a leaflet published, a feedback form opened, a focus group, and next
//! meetings, appointments, sessions and panels) implements [`LedgerSource`] once, beside the source itself.
//! Server functions and `seed-demo` both record through [`record`] (or [`record_in`], which adds the audit
//! event to a person's change), so the ledger row a demo makes is the row production makes.
//!
//! Where the source knows who took part (a meeting's attendance, a panel's members, a session's
//! co-facilitators, a focus group's named participants) it lists them as [`Participant`]s and the ledger keeps
//! them beside the counts; involvement payments and reports read who took part from here. Anonymous feedback
//! never becomes a named participant.

use crate::accounts::types::{PersonId, ServiceId};
use crate::ledger::types::ActivityId;
use sqlx::AnyConnection;

use super::db;
pub use super::db::NewActivity;
pub use super::validate::ParticipantFields;
use crate::{db::Write, error::AppError};

/// Activities at one level, and the patients and carers at them added up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelCount {
    pub level: crate::ledger::types::ContinuumLevel,
    /// Activities: counts of things.
    pub activities: i64,
    /// The activities' patients, added up (one person in two activities is counted twice).
    pub patients: i64,
    /// The activities' carers, added up.
    pub carers: i64,
}

/// Activities of one kind at one level ([`count_by_level_and_kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindCount {
    pub level: crate::ledger::types::ContinuumLevel,
    pub kind: crate::ledger::types::ActivityKind,
    /// A count of things (activities), never of people.
    pub activities: i64,
}

/// For one service from `from` up to but not including `until` (`YYYY-MM-DD`), as the ledger holds them, read
/// in one query: activities with their patients and carers per level (levels with none left out), and
/// activities per level and kind (how many leaflets, open days, focus groups, meetings; combinations with none
/// left out). A stored level this build does not know is left out of both; a kind it does not know counts in
/// its level only.
pub async fn count_by_level_and_kind(
    pool: &sqlx::AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<(Vec<LevelCount>, Vec<KindCount>), AppError> {
    let mut levels: Vec<LevelCount> = Vec::new();
    let mut kinds = Vec::new();
    for (level, kind, activities, patients, carers) in db::count_by_kind(pool, service_id, from, until).await? {
        let Ok(level) = level.parse::<crate::ledger::types::ContinuumLevel>() else { continue };
        match levels.iter_mut().find(|l| l.level == level) {
            Some(found) => {
                found.activities += activities;
                found.patients += patients;
                found.carers += carers;
            }
            None => levels.push(LevelCount { level, activities, patients, carers }),
        }
        if let Ok(kind) = kind.parse() {
            kinds.push(KindCount { level, kind, activities });
        }
    }
    Ok((levels, kinds))
}

/// The kinds of record that become ledger activities, stored as `activity.source_type` (`"event"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum SourceKind {
    /// An event marked as held (information).
    Event,
    /// A leaflet published (information).
    Leaflet,
    /// A feedback form opened (consultation).
    FeedbackForm,
    /// A focus group recorded (consultation).
    FocusGroup,
    /// A group's meeting marked as held, with the members present (participation).
    GroupMeeting,
    /// A volunteer appointed to a role (inclusion).
    Appointment,
    /// A co-delivered session of a course, held (inclusion).
    CourseSession,
    /// An interview panel that sat (its first outcome recorded), with its members (partnership).
    Panel,
    /// A hand-recorded activity made by `seed-demo`, keyed so that running it twice adds nothing twice.
    Demo,
}

impl SourceKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the people of this kind of source are counted apart from its ledger row, by its capability's
    /// `report` in the continuum profile: a feedback form's people are its responses, received over time
    /// (`consultation::api::responses_received`). Its activity then records no patients or carers — [`record`]
    /// stores none, and a change by hand that adds some is refused — so no answer is counted twice.
    pub fn people_counted_by_report(self) -> bool {
        matches!(self, SourceKind::FeedbackForm)
    }
}

/// How a person took part in an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum TakingPartAs {
    Patient,
    Carer,
    Staff,
    Other,
}

/// Someone who took part: a person with an account, or a named outsider (`person_id` `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub person_id: Option<String>,
    pub name: String,
    pub taking_part_as: TakingPartAs,
    /// Taking part with lived experience (a patient, a carer, a volunteer in a lived-experience role).
    pub lived_experience: bool,
}

/// A record that is an involvement activity. Implemented once for each [`SourceKind`], beside the record.
pub trait LedgerSource {
    /// Which kind of source this is.
    const KIND: SourceKind;
    /// The source record's id (one ledger row per source record).
    fn source_id(&self) -> &str;
    /// The activity it is: level, kind, title, day, counts, purpose and outcome. `recorded_by` is filled in by
    /// [`record`] from who made the change.
    fn activity(&self) -> NewActivity;
    /// Who took part, when the source knows; `None` (the default) when it knows only counts. `Some` replaces
    /// the people recorded before (attendance corrected), `None` leaves them.
    fn participants(&self) -> Option<Vec<Participant>> {
        None
    }
    /// How long the activity lasted, in whole minutes (rounded down), when the source knows its start and end:
    /// the time between the two **real instants** they name in the service's time zone (the `clock` kernel,
    /// [`length_minutes`]), never the difference of the wall-clock times. So a session from 00:30 to 03:30 on
    /// the night the clocks go forward (UK: the last Sunday of March) lasted 120 minutes, and on the night they
    /// go back 240; a 09:00 to 12:00 session those days lasted 180, as on any other day. `None` (the default)
    /// when the source has no end time (a panel knows only its start) or no times at all (a focus group, an
    /// activity recorded by hand). Involvement payments pay an hourly rate for this length
    /// (`partnership::payments::types::Rate::offer_for`). Recording again (times corrected) replaces it.
    fn length_minutes(&self) -> Option<i64> {
        None
    }
}

/// The length in whole minutes (rounded down) of something on `day` (`YYYY-MM-DD`, local) from `starts_at`
/// to `ends_at` (`HH:MM`, local, the same day), measured between the real instants they name in the
/// deployment's time zone through the `clock` kernel (`Clock::instant_at`: a time the clocks pass twice is
/// its first occurrence, a skipped time is read by the offset before the change). So 00:30 to 02:30 is 180
/// minutes the night the clocks go back and 60 the night they go forward. `None` when a part is unreadable or
/// the end is not after the start. The one implementation: meetings, co-delivered sessions (and the hours a
/// volunteer logs from one) all measure through it.
pub fn length_minutes(day: &str, starts_at: &str, ends_at: &str) -> Option<i64> {
    let clock = crate::clock::current();
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let at = |t: &str| {
        let time = chrono::NaiveTime::parse_from_str(t, "%H:%M").ok()?;
        Some(clock.instant_at(date.and_time(time)))
    };
    let (start, end) = (at(starts_at)?, at(ends_at)?);
    (end > start).then(|| (end - start).num_minutes())
}

/// Records (or updates: one row per source) the activity `source` represents, inside the caller's
/// transaction, with who took part. Returns the activity's id.
pub async fn record<S: LedgerSource>(
    conn: &mut AnyConnection,
    source: &S,
    recorded_by: Option<&PersonId>,
) -> Result<ActivityId, sqlx::Error> {
    let mut activity = source.activity();
    activity.recorded_by = recorded_by.cloned();
    if S::KIND.people_counted_by_report() {
        activity.participants.patients = 0;
        activity.participants.carers = 0;
    }
    // A length that is not positive says nothing: stored as none.
    let length = source.length_minutes().filter(|m| *m > 0);
    let id = db::record(&mut *conn, &activity, source_kind(source).as_str(), source.source_id(), length).await?;
    if let Some(people) = source.participants() {
        db::replace_participants(&mut *conn, &id, &people).await?;
    }
    Ok(id)
}

/// As [`record`], within a person's change, with an `activity_recorded` audit event naming the source.
pub async fn record_in(write: &mut Write, source: &impl LedgerSource) -> Result<ActivityId, AppError> {
    let actor = write.actor().cloned();
    let id = record(write.conn(), source, actor.as_ref()).await?;
    let detail = serde_json::json!({ "source": source_kind(source).as_str(), "source_id": source.source_id() });
    write.audit("activity_recorded", "activity", &id, detail).await?;
    Ok(id)
}

fn source_kind<S: LedgerSource>(_: &S) -> SourceKind {
    S::KIND
}

/// A person with an account who took part with lived experience in an activity (for involvement payments).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TookPart {
    pub activity_id: String,
    pub service_id: String,
    /// The activity's kind as stored (`ActivityKind::as_str`).
    pub kind: String,
    pub title: String,
    /// `YYYY-MM-DD`, local.
    pub happened_on: String,
    pub person_id: String,
    /// How long the activity lasted in whole minutes, when its source knows ([`LedgerSource::length_minutes`]).
    pub length_minutes: Option<i64>,
}

/// Everyone with an account who took part with lived experience in an activity that happened on or after
/// `since` (`YYYY-MM-DD`), as the ledger records who took part; named outsiders (no account) are left out.
pub async fn took_part_since(conn: &mut AnyConnection, since: &str) -> Result<Vec<TookPart>, AppError> {
    Ok(db::list_lived_experience_participants(conn, since).await?)
}
