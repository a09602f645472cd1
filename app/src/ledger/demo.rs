//! The ledger's demo data: a year of hand-recorded involvement across all five levels, for both demo
//! services, always ending this month. Recorded through the ledger API against a demo source, so a second run
//! of `seed-demo` updates rather than duplicates. Its feedback-form activities are paper forms that were not
//! typed into Continuum, as a hand-recorded one must be: the demo forms' online answers are counted from their
//! responses.

use crate::accounts::types::ServiceId;
use chrono::{Datelike, NaiveDate};

use super::{
    api::{self as ledger_api, LedgerSource, NewActivity, SourceKind},
    types::{ActivityKind, ContinuumLevel, Participants},
};
use crate::{
    accounts::demo::{DAY_SERVICE, PD_SERVICE},
    error::AppError,
};

/// A hand-recorded demo activity, keyed so that running `seed-demo` again adds nothing twice.
struct HandRecorded {
    key: String,
    activity: NewActivity,
}

impl LedgerSource for HandRecorded {
    const KIND: SourceKind = SourceKind::Demo;

    fn source_id(&self) -> &str {
        &self.key
    }

    fn activity(&self) -> NewActivity {
        self.activity.clone()
    }
}

/// A year of involvement, as (months ago, day of month, service, level, kind, title, patients, carers, staff,
/// others, outcome). Months ago counts back from the current month, so the demo always shows a recent year.
type DemoActivity =
    (u32, u32, &'static str, ContinuumLevel, ActivityKind, &'static str, i64, i64, i64, i64, &'static str);

const ACTIVITIES: &[DemoActivity] = &[
    (
        11,
        6,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Leaflet,
        "New \"What to expect from the service\" leaflet",
        40,
        10,
        0,
        0,
        "Leaflet given to everyone referred this quarter.",
    ),
    (
        11,
        20,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Winter open day at the day service",
        12,
        6,
        5,
        2,
        "Four people asked about volunteering.",
    ),
    (
        10,
        3,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Paper feedback forms: DBT skills group end of module",
        14,
        0,
        0,
        0,
        "Shorter homework sheets from the next module.",
    ),
    (
        10,
        17,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: January meeting",
        4,
        1,
        4,
        1,
        "Agreed to review the waiting-list letter.",
    ),
    (
        9,
        8,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::VolunteerRole,
        "Peer volunteer joins Tuesday drop-in",
        1,
        0,
        1,
        0,
        "Drop-in now has a peer volunteer every week.",
    ),
    (
        9,
        22,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FocusGroup,
        "Focus group on crisis plans",
        7,
        2,
        2,
        0,
        "Crisis plan template rewritten with patients' wording.",
    ),
    (
        8,
        5,
        PD_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for a psychologist post",
        2,
        0,
        3,
        0,
        "Patient panel members' scores counted equally.",
    ),
    (
        8,
        19,
        DAY_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Paper Friends and Family Test cards at the day service",
        23,
        4,
        0,
        0,
        "More evening groups requested; two added.",
    ),
    (
        7,
        12,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: March meeting",
        5,
        1,
        4,
        1,
        "Waiting-list letter rewritten and approved.",
    ),
    (
        7,
        26,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered session: understanding emotions",
        9,
        0,
        1,
        0,
        "Session co-facilitated by a former patient.",
    ),
    (
        6,
        9,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Spring open day",
        18,
        7,
        6,
        3,
        "Carers asked for a carers' information evening.",
    ),
    (
        6,
        23,
        DAY_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Day service user forum",
        11,
        0,
        2,
        0,
        "Forum chose the new group timetable.",
    ),
    (
        5,
        14,
        PD_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered staff training on validation",
        2,
        0,
        15,
        0,
        "Staff rated the patient-led part most useful.",
    ),
    (
        5,
        28,
        DAY_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for the volunteer post",
        3,
        0,
        2,
        0,
        "Volunteer appointed by a joint panel.",
    ),
    (
        4,
        4,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Paper feedback forms: mentalisation group",
        10,
        0,
        0,
        0,
        "Group start time moved later.",
    ),
    (
        4,
        18,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Other,
        "Carers' information evening",
        0,
        16,
        3,
        0,
        "Carers' support group set up.",
    ),
    (
        3,
        7,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Leaflet,
        "Day service timetable leaflet",
        30,
        0,
        0,
        0,
        "Printed and put online.",
    ),
    (
        3,
        21,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: July meeting",
        6,
        1,
        4,
        2,
        "Agreed priorities for next year.",
    ),
    (
        2,
        10,
        DAY_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FocusGroup,
        "Focus group on the new building",
        8,
        3,
        2,
        0,
        "Quiet room added to the plans.",
    ),
    (
        2,
        24,
        PD_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::VolunteerRole,
        "Expert by experience joins the reading group",
        1,
        0,
        0,
        0,
        "Reading group co-led every month.",
    ),
    (
        1,
        6,
        PD_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for the service manager post",
        2,
        1,
        3,
        0,
        "New manager appointed with patient panel members.",
    ),
    (
        1,
        20,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered session: coping with crises",
        12,
        0,
        1,
        0,
        "Session now runs every term.",
    ),
    (
        0,
        2,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Paper feedback forms: DBT skills group end of module",
        15,
        0,
        0,
        0,
        "Module handbook made shorter.",
    ),
    (
        0,
        3,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Autumn open day at the day service",
        16,
        8,
        5,
        1,
        "Three new referrals asked about groups.",
    ),
];

/// Adds the demo year of ledger activities, once: each is recorded against a `demo` source so a second run
/// updates rather than duplicates.
pub async fn seed_activities(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
) -> Result<usize, AppError> {
    let today = crate::clock::today_date();
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let mut added = 0;
    for (index, (months_ago, day, service, level, kind, title, patients, carers, staff, others, outcome)) in
        ACTIVITIES.iter().enumerate()
    {
        let Some((_, service_id)) = services.iter().find(|(n, _)| n == service) else { continue };
        let month = this_month.checked_sub_months(chrono::Months::new(*months_ago)).unwrap_or(this_month);
        // Clamp to the month's length and never into the future.
        let happened =
            (0..4).find_map(|back| month.with_day(day.saturating_sub(back).max(1))).unwrap_or(month).min(today);
        let activity = HandRecorded {
            key: format!("activity-{index}"),
            activity: NewActivity {
                service_id: service_id.clone(),
                level: *level,
                kind: *kind,
                title: (*title).to_owned(),
                happened_on: happened.format("%Y-%m-%d").to_string(),
                participants: Participants { patients: *patients, carers: *carers, staff: *staff, others: *others },
                purpose: String::new(),
                outcome: (*outcome).to_owned(),
                recorded_by: None,
            },
        };
        ledger_api::record(&mut *conn, &activity, None).await?;
        added += 1;
    }
    Ok(added)
}
