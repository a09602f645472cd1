//! `continuum seed-demo`: clearly fictional demonstration data. Every name is invented and every address
//! is at `demo.example`, a domain reserved for examples, so no mail can reach a real person.

use app::{
    accounts::{db as accounts_db, password, types::Role},
    consultation::sources::{FocusGroupHeld, FormOpened},
    db::now,
    ledger::{
        api::{self as ledger_api, LedgerSource, NewActivity, SourceKind},
        types::{ActivityKind, ContinuumLevel, Participants},
    },
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
use sqlx::AnyPool;

/// The password of every demo account, printed when seeding.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

pub const PD_SERVICE: &str = "Personality Disorder Service";
pub const DAY_SERVICE: &str = "CAS Day Service";

/// (email, name, administrator, roles as (service, role))
type DemoPerson = (&'static str, &'static str, bool, &'static [(&'static str, Role)]);

const PEOPLE: &[DemoPerson] = &[
    ("admin@demo.example", "Alex Morgan (demo administrator)", true, &[]),
    (
        "priya.shah@demo.example",
        "Dr Priya Shah",
        false,
        &[(PD_SERVICE, Role::Manager), (PD_SERVICE, Role::SteeringMember)],
    ),
    ("tom.walsh@demo.example", "Tom Walsh", false, &[(PD_SERVICE, Role::Staff), (DAY_SERVICE, Role::Staff)]),
    ("grace.okafor@demo.example", "Grace Okafor", false, &[(DAY_SERVICE, Role::Manager), (DAY_SERVICE, Role::Staff)]),
    (
        "jamie.reed@demo.example",
        "Jamie Reed",
        false,
        &[(PD_SERVICE, Role::Patient), (PD_SERVICE, Role::SteeringMember)],
    ),
    ("sam.taylor@demo.example", "Sam Taylor", false, &[(DAY_SERVICE, Role::Patient), (DAY_SERVICE, Role::Volunteer)]),
    ("morgan.lee@demo.example", "Morgan Lee", false, &[(PD_SERVICE, Role::Patient)]),
    ("chris.evans@demo.example", "Chris Evans", false, &[(PD_SERVICE, Role::Carer)]),
    ("robin.hughes@demo.example", "Robin Hughes", false, &[(PD_SERVICE, Role::SteeringMember)]),
];

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
        "DBT skills group end-of-module feedback",
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
        "Day service Friends and Family Test",
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
        "Mentalisation group feedback",
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
        "DBT skills group end-of-module feedback",
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
async fn seed_activities(conn: &mut sqlx::AnyConnection, services: &[(&str, String)]) -> anyhow::Result<usize> {
    use chrono::{Datelike, NaiveDate};
    let today = chrono::Utc::now().date_naive();
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

/// A one-page PDF saying it is a demonstration leaflet, built by hand so the demo needs no files.
fn demo_leaflet_pdf() -> Vec<u8> {
    let text = "BT /F1 24 Tf 72 720 Td (What to expect: a demonstration leaflet) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", n + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// Demo information pages, an upcoming open day for each service and a leaflet; added once.
async fn seed_information(conn: &mut sqlx::AnyConnection, services: &[(&str, String)], by: &str) -> anyhow::Result<()> {
    use app::information::db as info_db;
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).unwrap_or_default();
    let pages = [
        (PD_SERVICE, "about-the-personality-disorder-service", "About the Personality Disorder Service", "Who we are and how we work with you",
         "The Personality Disorder Service offers psychological therapies for adults, including **Dialectical Behaviour Therapy** (DBT) and mentalisation-based groups.\n\n## Working together\n\nTreatment works best when we work on it together. You can also help shape the service itself: see [Get involved](/get-involved).\n\n## Contacting us\n\nCall the team on 01632 960 000, Monday to Friday, 9am to 5pm."),
        (DAY_SERVICE, "groups-at-the-cas-day-service", "Groups at the CAS Day Service", "What happens in each group, and when",
         "## Skills groups\n\nWeekly, in groups of up to 8.\n\n- Tuesday mornings: emotion regulation\n- Thursday afternoons: getting through crises\n\n## Drop-in\n\nEvery Friday from 1pm, with a peer volunteer."),
    ];
    for (service_name, slug, title, summary, body) in pages {
        if !app::text::slug_taken(&mut *conn, app::text::SlugKind::InfoPage, slug).await? {
            let fields =
                info_db::PageFields { service_id: &service(service_name), title, summary, body, published: true };
            info_db::insert_page(&mut *conn, slug, &fields, by).await?;
        }
    }
    let in_days =
        |days: i64| (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).format("%Y-%m-%d").to_string();
    let events = [
        (
            DAY_SERVICE,
            "Open day at the CAS Day Service",
            14,
            "CAS Day Service, 12 Mill Lane, Northshire (step-free entrance)",
            25,
        ),
        (PD_SERVICE, "Carers' information evening", 21, "Room 2, The Willows, Northshire General Hospital", 15),
    ];
    for (service_name, title, days, place, capacity) in events {
        let day = in_days(days);
        let slug = format!("{}-{day}", app::text::slugify(title));
        if !app::text::slug_taken(&mut *conn, app::text::SlugKind::Event, &slug).await? {
            let (starts, ends) = (format!("{day}T17:30"), format!("{day}T19:30"));
            let fields = info_db::EventFields {
                service_id: &service(service_name),
                title,
                description: "Meet the team, see where groups happen, and ask anything. Tea and coffee provided.",
                starts_at: &starts,
                ends_at: &ends,
                place,
                capacity,
            };
            info_db::insert_event(&mut *conn, &slug, &fields, by).await?;
        }
    }
    let leaflets: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").fetch_one(&mut *conn).await?;
    if leaflets == 0 {
        let pdf = demo_leaflet_pdf();
        let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
        let leaflet = info_db::NewLeaflet {
            service_id: &service(PD_SERVICE),
            title: "What to expect from the service",
            summary: "Your first weeks with the Personality Disorder Service",
            file_name: "what-to-expect.pdf",
            content: &pdf,
            published_on: &today,
        };
        let id = info_db::insert_leaflet(&mut *conn, &leaflet, by).await?;
        let published = app::information::sources::LeafletPublished {
            id: &id,
            service_id: leaflet.service_id,
            title: leaflet.title,
            summary: leaflet.summary,
            published_on: &today,
        };
        ledger_api::record(&mut *conn, &published, Some(by)).await?;
    }
    Ok(())
}

/// What patients wrote on the demo forms: invented, in the voice real feedback has.
const DEMO_COMMENTS: &[&str] = &[
    "The group helped me understand my emotions. I use the STOP skill most days now.",
    "Facilitators were kind and never rushed anyone.",
    "I wish the sessions were in the evening, I had to take time off work every week.",
    "Waiting list was really long, nearly a year before I started.",
    "Hearing other people's stories made me feel less alone.",
    "The room was too hot and noisy from the corridor.",
    "Homework was hard at first but it made the difference.",
    "Sometimes it felt like too much to take in, more breaks would help.",
    "Best thing I've done in years. Thank you to everyone.",
    "I didn't always feel listened to when I disagreed.",
    "Handouts were clear and I keep them by my bed.",
    "Parking at the hospital is a nightmare and I was late a lot.",
    "I liked that we could text the team if we were going to miss a session.",
    "More about relationships please, that's where I struggle most.",
    "Staff on reception could be friendlier.",
];

/// A small deterministic generator, so the demo is the same on every machine.
struct DemoDice(u64);

impl DemoDice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

/// Demo feedback forms with a year of responses (among them the anonymous Friends and Family Test form for
/// the DBT skills group at /f/dbt-skills-group), the service's comment themes, a flagged response waiting for
/// review and one reviewed, and a focus group. Added once: a form whose address exists is left alone.
async fn seed_consultation(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, String)],
    by: &str,
) -> anyhow::Result<usize> {
    use app::consultation::{
        db as consultation_db,
        questions::FftRating,
        types::{Channel, FormState, Template},
    };
    use chrono::Duration;
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).unwrap_or_default();
    let today = chrono::Utc::now().date_naive();
    let mut dice = DemoDice(2026);
    let mut added = 0;
    // (slug, service, title, intervention, template, responses, state)
    let forms = [
        (
            "dbt-skills-group",
            PD_SERVICE,
            "DBT skills group feedback",
            "the DBT skills group",
            Template::FriendsAndFamily,
            240,
            FormState::Open,
        ),
        (
            "mentalisation-group-review",
            PD_SERVICE,
            "End of group review: mentalisation group",
            "the mentalisation-based group (end of module)",
            Template::EndOfGroup,
            70,
            FormState::Open,
        ),
        (
            "day-service-drop-in",
            DAY_SERVICE,
            "Friday drop-in feedback",
            "the Friday drop-in at the CAS Day Service",
            Template::FriendsAndFamily,
            8,
            FormState::Closed,
        ),
    ];
    for (slug, service_name, title, intervention, template, count, state) in forms {
        if app::text::slug_taken(&mut *conn, app::text::SlugKind::FeedbackForm, slug).await? {
            continue;
        }
        let service_id = service(service_name);
        let questions = template.questions(app::db::new_id);
        let new_form = consultation_db::NewForm {
            service_id: &service_id,
            slug,
            title,
            intervention,
            sign_in_required: false,
            questions: &questions,
            created_by: Some(by),
        };
        let form_id = consultation_db::insert_form(&mut *conn, &new_form).await?;
        consultation_db::update_state(&mut *conn, &form_id, state, None).await?;
        let opened = today - Duration::days(360);
        let opened_on = opened.format("%Y-%m-%d").to_string();
        let source =
            FormOpened { form_id: &form_id, service_id: &service_id, title, intervention, opened_on: &opened_on };
        ledger_api::record(&mut *conn, &source, Some(by)).await?;
        for _ in 0..count {
            let day = today - Duration::days(dice.next(360) as i64);
            // Mostly positive, as FFT results for therapy groups usually are.
            let rating = match dice.next(100) {
                0..=51 => FftRating::VeryGood,
                52..=79 => FftRating::Good,
                80..=87 => FftRating::NeitherGoodNorPoor,
                88..=93 => FftRating::Poor,
                94..=96 => FftRating::VeryPoor,
                _ => FftRating::DontKnow,
            };
            let channel = match dice.next(10) {
                0 => Channel::Paper,
                1 => Channel::Assisted,
                _ => Channel::Online,
            };
            let mut answers = vec![(questions[0].id.clone(), rating.as_str().to_owned())];
            let comment = (dice.next(10) < 4).then(|| DEMO_COMMENTS[dice.next(DEMO_COMMENTS.len() as u64) as usize]);
            if template == Template::EndOfGroup {
                answers.push((questions[1].id.clone(), (2 + dice.next(4)).to_string()));
                answers.push((questions[2].id.clone(), if dice.next(5) == 0 { "no" } else { "yes" }.to_owned()));
                if let app::consultation::questions::QuestionKind::MultipleChoice { options } = &questions[3].kind {
                    for option in options {
                        if dice.next(2) == 0 {
                            answers.push((questions[3].id.clone(), option.clone()));
                        }
                    }
                }
                if let Some(text) = comment {
                    answers.push((questions[4].id.clone(), text.to_owned()));
                }
            } else if let Some(text) = comment {
                answers.push((questions[1].id.clone(), text.to_owned()));
            }
            let submitted_on = day.format("%Y-%m-%d").to_string();
            let response = consultation_db::NewResponse {
                form_id: &form_id,
                form_version: 1,
                channel,
                submitted_on: &submitted_on,
                respondent_id: None,
                answers: &answers,
                flagged: false,
                has_comments: comment.is_some(),
            };
            let id = consultation_db::insert_response(&mut *conn, &response).await?;
            // Older comments have been read; the last few weeks' are waiting in the review queue.
            if day < today - Duration::days(21) {
                consultation_db::mark_read(&mut *conn, &id).await?;
            }
        }
        added += 1;
        if slug == "dbt-skills-group" {
            seed_flagged(&mut *conn, &form_id, &service_id, &questions[0].id, &questions[1].id, by).await?;
        }
    }
    let pd = service(PD_SERVICE);
    for theme in ["Feeling listened to", "Waiting times", "Group content", "Times and access", "Buildings and rooms"] {
        let exists: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM service_theme WHERE service_id = $1 AND name = $2",
        )
        .bind(&pd)
        .bind(theme)
        .fetch_one(&mut *conn)
        .await?;
        if exists == 0 {
            consultation_db::insert_theme(&mut *conn, &pd, theme).await?;
        }
    }
    let groups: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM focus_group").fetch_one(&mut *conn).await?;
    if groups == 0 {
        let held_on = (today - Duration::days(45)).format("%Y-%m-%d").to_string();
        let themes = vec![
            "An evening group would let people in work take part".to_owned(),
            "Text reminders the day before help".to_owned(),
            "Carers would like a session of their own".to_owned(),
        ];
        let fields = consultation_db::FocusGroupFields {
            service_id: &pd,
            topic: "Piloting an evening DBT skills group",
            held_on: &held_on,
            participants: 7,
            themes: &themes,
            notes: "Seven group members and one carer. Most could come on a Tuesday or Wednesday evening.",
        };
        let id = consultation_db::insert_focus_group(&mut *conn, &fields, by).await?;
        let held = FocusGroupHeld {
            id: &id,
            service_id: &pd,
            topic: fields.topic,
            held_on: &held_on,
            participants: fields.participants,
            themes: &themes,
        };
        ledger_api::record(&mut *conn, &held, Some(by)).await?;
    }
    Ok(added)
}

/// Two responses whose free text the screener flags: one reviewed last month, one from today waiting.
async fn seed_flagged(
    conn: &mut sqlx::AnyConnection,
    form_id: &str,
    service_id: &str,
    fft_question: &str,
    comment_question: &str,
    by: &str,
) -> anyhow::Result<()> {
    use app::consultation::{
        db as consultation_db,
        types::{Channel, ReviewOutcome},
    };
    let today = chrono::Utc::now().date_naive();
    let cases = [
        (30, "Some weeks I honestly felt like a burden to everyone and didn't see the point in carrying on.", true),
        (0, "The group is good but lately I keep thinking everyone would be better off without me.", false),
    ];
    for (days_ago, text, reviewed) in cases {
        let day = (today - chrono::Duration::days(days_ago)).format("%Y-%m-%d").to_string();
        let screening = app::safeguarding::screener::screen(text);
        let answers =
            vec![(fft_question.to_owned(), "good".to_owned()), (comment_question.to_owned(), text.to_owned())];
        let response = consultation_db::NewResponse {
            form_id,
            form_version: 1,
            channel: Channel::Online,
            submitted_on: &day,
            respondent_id: None,
            answers: &answers,
            flagged: screening.is_flagged(),
            has_comments: true,
        };
        let id = consultation_db::insert_response(&mut *conn, &response).await?;
        if screening.is_flagged() {
            let concerns: Vec<&str> = screening.concerns.iter().map(|c| c.as_str()).collect();
            consultation_db::insert_flag(&mut *conn, &id, service_id, &concerns, &screening.reasons, &day).await?;
            if reviewed {
                let note = "Anonymous, so no one to contact. Read out the crisis contacts at the start of the next two groups and reminded everyone how to reach the duty worker.";
                consultation_db::record_review(&mut *conn, &id, ReviewOutcome::FollowedUp, note, by).await?;
                consultation_db::mark_read(&mut *conn, &id).await?;
            }
        }
    }
    Ok(())
}

/// Adds the demo services and people; running it again adds nothing twice.
pub async fn seed_demo(pool: &AnyPool) -> anyhow::Result<()> {
    let hash = password::hash_password(DEMO_PASSWORD).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let now_text = now();
    let mut tx = app::db::begin_write(pool).await?;
    let mut service_ids = Vec::new();
    for name in [PD_SERVICE, DAY_SERVICE] {
        let id = match accounts_db::fetch_service_by_name(&mut *tx, name).await? {
            Some(existing) => existing.id,
            None => accounts_db::insert_service(&mut *tx, name, &now_text).await?,
        };
        service_ids.push((name, id));
    }
    let mut added = 0;
    for (email, name, is_admin, roles) in PEOPLE {
        let person_id = match accounts_db::fetch_person_by_email(&mut *tx, email).await? {
            Some(existing) => existing.id,
            None => {
                added += 1;
                let person = accounts_db::NewPerson { email, name, password_hash: Some(&hash), is_admin: *is_admin };
                accounts_db::insert_person(&mut *tx, &person, &now_text).await?
            }
        };
        for (service, role) in *roles {
            if let Some((_, service_id)) = service_ids.iter().find(|(n, _)| n == service) {
                accounts_db::insert_role_grant(&mut *tx, &person_id, service_id, *role, &now_text).await?;
            }
        }
    }
    let added_activities = seed_activities(&mut tx, &service_ids).await?;
    let admin_id =
        accounts_db::fetch_person_by_email(&mut *tx, "admin@demo.example").await?.map(|p| p.id).unwrap_or_default();
    seed_information(&mut tx, &service_ids, &admin_id).await?;
    let added_forms = seed_consultation(&mut tx, &service_ids, &admin_id).await?;
    tx.commit().await?;
    println!("The ledger holds a year of demo involvement activities ({added_activities}).");
    println!("Feedback forms with a year of responses: {added_forms} added (answer one at /f/dbt-skills-group).");
    println!("Demo data is in place ({added} new accounts). Every demo account's password is: {DEMO_PASSWORD}\n");
    for (email, name, is_admin, roles) in PEOPLE {
        let what: Vec<String> = roles.iter().map(|(s, r)| format!("{r} in {s}")).collect();
        let what = if *is_admin { "Administrator".to_owned() } else { what.join("; ") };
        println!("  {email:<28} {name} — {what}");
    }
    Ok(())
}
