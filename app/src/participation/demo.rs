//! Participation's demo data: a steering group for the Personality Disorder Service with eight members of all
//! four types (and one whose term has ended), and a year of monthly meetings, each held, with an agenda,
//! attendance (most quorate, one not) and the ledger activity it records, and their minutes, decisions and
//! actions (`minutes::demo`), papers on three items of each (one-page PDFs made in code), and five published
//! "you said, we did" items (`outcomes::demo`). Added once.

use chrono::{Datelike, Months, NaiveDate};

use super::{
    db,
    server::record_if_held,
    types::{Attendance, MeetingStatus},
    validate::{AgendaItemFields, GroupFields, MeetingFields, MemberFields, NewMemberWho},
};
use crate::accounts::{access::person_by_email, demo::PD_SERVICE, types::ServiceId};
use crate::dates::DateParts;
use crate::error::AppError;

const GROUP: &str = "Steering group";

/// (account email or "", name, organisation, type, position, term start, term end, access needs)
type DemoMember =
    (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

const MEMBERS: &[DemoMember] = &[
    ("jamie.reed@demo.example", "", "", "patient", "chair", "2024-09-01", "", "Papers a week ahead, please"),
    ("robin.hughes@demo.example", "", "", "carer", "vice_chair", "2024-09-01", "", ""),
    ("morgan.lee@demo.example", "", "", "patient", "member", "2024-09-01", "", "Breaks every 45 minutes"),
    ("chris.evans@demo.example", "", "", "carer", "member", "2024-09-01", "", ""),
    ("priya.shah@demo.example", "", "", "staff", "member", "2024-09-01", "", ""),
    ("tom.walsh@demo.example", "", "", "staff", "secretary", "2024-09-01", "", ""),
    ("", "Dana Fox", "Healthwatch (demo)", "stakeholder", "member", "2024-09-01", "", "Large print papers"),
    ("", "Ali Khan", "Mind in the City (demo)", "stakeholder", "observer", "2025-01-01", "", ""),
    ("", "Pat Jones", "", "patient", "member", "2024-09-01", "2025-06-30", ""),
];

const TERMS: &str = "## Purpose\n\nThe steering group brings staff, patients, carers and partners together to shape \
how the service develops.\n\n## Quorum\n\nFive members present, of whom at least two are patient or carer \
members.\n\n## Papers\n\nPapers go out seven days before each meeting.";

/// One demo meeting's own business (tester F8: each meeting has its own agenda): what patients said that it
/// took up, what they said, the decision, the action given and the service update.
pub(crate) struct MonthPlan {
    /// Ends the agenda item "What patients said about …".
    pub topic: &'static str,
    /// What the feedback said, for the item's minutes.
    pub said: &'static str,
    pub decision: &'static str,
    pub action: &'static str,
    /// Ends the agenda item "Service update: …".
    pub update: &'static str,
}

/// The plans by months ago (index 0 is last month). Three to seven months ago are the five actions the
/// "you said, we did" demo items trace (`outcomes::demo`, most recent first), so each chain reads true.
const PLANS: [MonthPlan; 12] = [
    MonthPlan {
        topic: "phone contact between sessions",
        said: "people did not know whom to call between sessions",
        decision: "The team will trial a named duty worker for calls between sessions.",
        action: "Draft a leaflet on whom to call between sessions",
        update: "the new duty rota",
    },
    MonthPlan {
        topic: "crisis plans",
        said: "crisis plans were out of date by the time people needed them",
        decision: "Crisis plans will be reviewed with each patient every six months.",
        action: "Write to patients about reviewing their crisis plans",
        update: "referrals this quarter",
    },
    MonthPlan {
        topic: "the DBT skills group's start time",
        said: "the group starts too early for people in work",
        decision: "The skills group will trial a 17:30 start for three months.",
        action: "Ask the skills group which start time suits them, and report back",
        update: "the skills group's trial",
    },
    MonthPlan {
        topic: "the group handouts",
        said: "the handouts are hard to read",
        decision: "Patient members will rewrite the skills group handouts with staff.",
        action: "Rewrite the handouts in plain English and larger print",
        update: "printing and leaflets",
    },
    MonthPlan {
        topic: "waiting after referral",
        said: "people heard nothing for weeks after being referred",
        decision: "Everyone referred will be phoned within five working days.",
        action: "Set up a call to each new referral within five working days",
        update: "the waiting list",
    },
    MonthPlan {
        topic: "reviews",
        said: "people did not always feel listened to in their reviews",
        decision: "Reviews will begin by asking what matters to the patient.",
        action: "Plan training for the team on reviews that begin with what matters",
        update: "team training",
    },
    MonthPlan {
        topic: "the waiting room",
        said: "the waiting room is noisy, with nowhere quiet to wait",
        decision: "The service will ask the estates team for a quiet room.",
        action: "Ask the estates team for a quiet room to wait in",
        update: "the building",
    },
    MonthPlan {
        topic: "the carers' information evening",
        said: "carers wanted to meet more often than once a year",
        decision: "A carers' evening will be held each quarter.",
        action: "Book rooms for quarterly carers' evenings",
        update: "support for carers",
    },
    MonthPlan {
        topic: "the service's web pages",
        said: "the web pages used words people did not know",
        decision: "Patient members will read the service's pages before they go live.",
        action: "Set up a reading panel for the service's pages",
        update: "the new web pages",
    },
    MonthPlan {
        topic: "letters after appointments",
        said: "letters after appointments were written for doctors, not patients",
        decision: "Letters will be copied to patients in plain English.",
        action: "Agree a plain English letter template with patient members",
        update: "clinic letters",
    },
    MonthPlan {
        topic: "the peer support group",
        said: "a monthly peer support group was too far apart",
        decision: "The peer support group will meet every fortnight.",
        action: "Find a room for the fortnightly peer support group",
        update: "peer support",
    },
    MonthPlan {
        topic: "starting therapy",
        said: "starting therapy felt sudden and unexplained",
        decision: "New patients will be offered a welcome session before therapy starts.",
        action: "Plan a welcome session for new patients",
        update: "the year ahead",
    },
];

/// The plan of the meeting `months_ago` months before this month (1 to 12).
pub(crate) fn plan(months_ago: u32) -> &'static MonthPlan {
    let index = usize::try_from(months_ago.saturating_sub(1)).unwrap_or(0).min(PLANS.len() - 1);
    &PLANS[index]
}

/// Adds the steering group and its meetings once; returns how many meetings were added.
pub async fn seed_participation(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
    by: &crate::accounts::types::PersonId,
) -> Result<usize, AppError> {
    let Some((_, service)) = services.iter().find(|(name, _)| *name == PD_SERVICE) else { return Ok(0) };
    if db::fetch_group_by_name(&mut *conn, service, GROUP).await?.is_some() {
        return Ok(0);
    }
    let fields = GroupFields {
        name: GROUP.into(),
        purpose: "Staff, patients, carers and partners shaping the Personality Disorder Service together".into(),
        terms_of_reference: TERMS.into(),
        quorum_present: "5".into(),
        quorum_lived: "2".into(),
        papers_due_days: "7".into(),
    };
    let parsed = fields.parse(None).map_err(|e| AppError::internal("demo group", format!("{e:?}")))?;
    let group_id = db::insert_group(&mut *conn, service, &parsed, None).await?;
    for (account, name, organisation, kind, position, start, end, needs) in MEMBERS {
        let (start, end) = (DateParts::of_iso(start), DateParts::of_iso(end));
        let fields = MemberFields {
            account_email: (*account).into(),
            name: (*name).into(),
            organisation: (*organisation).into(),
            member_type: (*kind).into(),
            position: (*position).into(),
            term_start_day: start.day,
            term_start_month: start.month,
            term_start_year: start.year,
            term_end_day: end.day,
            term_end_month: end.month,
            term_end_year: end.year,
            access_needs: (*needs).into(),
            ..Default::default()
        };
        let member = fields.parse().map_err(|e| AppError::internal("demo member", format!("{e:?}")))?;
        let (person_id, member_name) = match &member.who {
            NewMemberWho::Account(address) => match person_by_email(&mut *conn, address.as_str()).await? {
                Some((id, name)) => (Some(id), name),
                None => continue,
            },
            NewMemberWho::Outsider { name, .. } => (None, name.clone()),
        };
        let new = db::NewMember {
            group_id: &group_id,
            person_id: person_id.as_ref(),
            name: &member_name,
            organisation: &member.organisation,
            email: None,
            member_type: member.member_type,
            position: member.position,
            term_start: &member.term_start,
            term_end: member.term_end.as_deref(),
            access_needs: &member.access_needs,
            papers_by_post: needs.contains("by post"),
        };
        db::insert_member(&mut *conn, &new).await?;
    }
    let group = db::fetch_group(&mut *conn, &group_id).await?.ok_or(AppError::NotFound)?;
    let today = crate::clock::today_date();
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 10).unwrap_or(today);
    let mut added = 0;
    // Oldest first, so decisions are numbered in date order (tester F8).
    for months_ago in (1..=12u32).rev() {
        let Some(day) = this_month.checked_sub_months(Months::new(months_ago)) else { continue };
        let typed = DateParts::of_iso(&day.format("%Y-%m-%d").to_string());
        let meeting = MeetingFields {
            day_day: typed.day,
            day_month: typed.month,
            day_year: typed.year,
            start: "18:00".into(),
            end: "19:30".into(),
            place: "Room 2, The Limes".into(),
            joining_link: "https://meet.demo.example/steering".into(),
        }
        .parse()
        .map_err(|e| AppError::internal("demo meeting", format!("{e:?}")))?;
        let meeting_id = db::insert_meeting(&mut *conn, &group_id, &meeting).await?;
        let plan = plan(months_ago);
        let items = [
            ("Welcome, apologies and declarations".to_owned(), "Jamie Reed", "5", false),
            (format!("What patients said about {}", plan.topic), "Jamie Reed", "20", false),
            (format!("Service update: {}", plan.update), "Dr Priya Shah", "20", false),
            ("Staffing and recruitment".to_owned(), "Tom Walsh", "15", true),
        ];
        for (title, lead, minutes, confidential) in items {
            let item = AgendaItemFields { title, lead: lead.into(), minutes_allotted: minutes.into(), confidential }
                .parse()
                .map_err(|e| AppError::internal("demo agenda", format!("{e:?}")))?;
            db::insert_agenda_item(&mut *conn, &meeting_id, &item).await?;
        }
        let mut stored = db::fetch_meeting(&mut *conn, &meeting_id).await?.ok_or(AppError::NotFound)?;
        let attendance = super::server::attendance_of(&mut *conn, &stored).await?;
        for (n, (member, _)) in attendance.iter().enumerate() {
            // Most come; some send apologies in turn. Five months ago only one patient or carer member came,
            // so that meeting was not quorate.
            let lived_away =
                months_ago == 5 && member.member_type.lived_experience() && member.position.as_str() != "chair";
            let state = if lived_away || (n as u32 + months_ago).is_multiple_of(5) {
                Attendance::Apologies
            } else {
                Attendance::Present
            };
            db::set_attendance(&mut *conn, &meeting_id, &member.id, state).await?;
        }
        if months_ago == 2 {
            db::insert_guest(&mut *conn, &meeting_id, "Sue Park", "Trust involvement lead (demo)").await?;
        }
        db::update_meeting_status(&mut *conn, &meeting_id, MeetingStatus::Held).await?;
        stored.status = MeetingStatus::Held;
        record_if_held(&mut *conn, &group, &stored, None).await?;
        super::minutes::demo::seed_minutes(&mut *conn, &group, &stored, months_ago).await?;
        seed_papers(&mut *conn, &meeting_id, day, by).await?;
        added += 1;
    }
    super::outcomes::demo::seed_outcomes(&mut *conn, service, &group_id, by).await?;
    Ok(added)
}

/// A meeting's papers, each a small one-page PDF made in code: a feedback summary on the patients' feedback
/// item, a service update, and a staffing paper on the confidential item (for members who are not observers).
async fn seed_papers(
    conn: &mut sqlx::AnyConnection,
    meeting_id: &super::types::MeetingId,
    day: NaiveDate,
    by: &crate::accounts::types::PersonId,
) -> Result<(), AppError> {
    let month = day.format("%B %Y").to_string();
    for item in db::list_agenda(&mut *conn, meeting_id).await? {
        let title = if item.title.starts_with("What patients said") {
            format!("Feedback summary, {month}")
        } else if item.title.starts_with("Service update") {
            format!("Service update, {month}")
        } else if item.confidential {
            format!("Staffing paper, {month}")
        } else {
            continue;
        };
        let content = crate::pdf::one_page(&title);
        let file_name = format!("{title}.pdf");
        let paper =
            super::papers::db::NewPaper { item_id: &item.id, title: &title, file_name: &file_name, content: &content };
        super::papers::db::insert_paper(&mut *conn, &paper, by).await?;
    }
    Ok(())
}
