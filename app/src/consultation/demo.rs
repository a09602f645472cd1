//! Consultation's demo data: three feedback forms with a year of responses (among them the anonymous Friends
//! and Family Test form for the DBT skills group at `/f/dbt-skills-group`), comment themes, one flagged response
//! reviewed and one waiting, and a focus group. Added once: a form whose address exists is left alone.

use crate::accounts::types::{PersonId, ServiceId};
use crate::consultation::types::{FormId, QuestionId};
use crate::{
    accounts::demo::{DAY_SERVICE, PD_SERVICE},
    consultation::sources::{FocusGroupHeld, FormOpened},
    error::AppError,
    ledger::api as ledger_api,
};

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
pub async fn seed_consultation(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
    by: &PersonId,
) -> Result<usize, AppError> {
    use crate::consultation::{
        questions::FftRating,
        types::{Channel, FormState, Template},
    };
    use chrono::Duration;
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).unwrap_or_default();
    let today = crate::clock::today_date();
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
        if crate::text::slug_taken(&mut *conn, crate::text::SlugKind::FeedbackForm, slug).await? {
            continue;
        }
        let service_id = service(service_name);
        let questions = template.questions(QuestionId::new);
        let new_form = crate::consultation::forms::db::NewForm {
            service_id: &service_id,
            slug,
            title,
            intervention,
            sign_in_required: false,
            questions: &questions,
            created_by: Some(by),
        };
        let form_id = crate::consultation::forms::db::insert_form(&mut *conn, &new_form).await?;
        crate::consultation::forms::db::update_state(&mut *conn, &form_id, state, None).await?;
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
                if let crate::consultation::questions::QuestionKind::MultipleChoice { options } = &questions[3].kind {
                    for option in options {
                        if dice.next(2) == 0 {
                            answers.push((questions[3].id.clone(), option.clone()));
                        }
                    }
                }
                if let Some(text) = comment {
                    answers.push((questions[4].id.clone(), text.to_owned()));
                }
                // Who is answering: mostly patients, some carers, a few left out (counted as patients).
                let who = match dice.next(8) {
                    0 => Some(crate::consultation::questions::AnsweringAs::Carer),
                    1 => None,
                    _ => Some(crate::consultation::questions::AnsweringAs::Patient),
                };
                if let (Some(who), Some(question)) = (who, questions.get(5)) {
                    answers.push((question.id.clone(), who.as_str().to_owned()));
                }
            } else if let Some(text) = comment {
                answers.push((questions[1].id.clone(), text.to_owned()));
            }
            let submitted_on = day.format("%Y-%m-%d").to_string();
            let response = crate::consultation::answering::db::NewResponse {
                form_id: &form_id,
                form_version: 1,
                channel,
                submitted_on: &submitted_on,
                respondent_id: None,
                answers: &answers,
                flagged: false,
                has_comments: comment.is_some(),
            };
            let id = crate::consultation::answering::db::insert_response(&mut *conn, &response).await?;
            // Older comments have been read; the last few weeks' are waiting in the review queue.
            if day < today - Duration::days(21) {
                crate::consultation::review::db::mark_read(&mut *conn, &id).await?;
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
            crate::consultation::review::db::insert_theme(&mut *conn, &pd, theme).await?;
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
        let fields = crate::consultation::focus_groups::db::FocusGroupFields {
            service_id: &pd,
            topic: "Piloting an evening DBT skills group",
            held_on: &held_on,
            participants: 7,
            themes: &themes,
            notes: "Seven group members and one carer. Most could come on a Tuesday or Wednesday evening.",
        };
        let id = crate::consultation::focus_groups::db::insert_focus_group(&mut *conn, &fields, by).await?;
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
    form_id: &FormId,
    service_id: &ServiceId,
    fft_question: &QuestionId,
    comment_question: &QuestionId,
    by: &PersonId,
) -> Result<(), AppError> {
    use crate::{
        consultation::types::Channel,
        safeguarding::review::{db as review_db, FlagSource, FlagSourceKind, ReviewOutcome},
    };
    let today = crate::clock::today_date();
    let cases = [
        (30, "Some weeks I honestly felt like a burden to everyone and didn't see the point in carrying on.", true),
        (0, "The group is good but lately I keep thinking everyone would be better off without me.", false),
    ];
    for (days_ago, text, reviewed) in cases {
        let day = (today - chrono::Duration::days(days_ago)).format("%Y-%m-%d").to_string();
        let screening = crate::safeguarding::screener::screen(text);
        let answers =
            vec![(fft_question.to_owned(), "good".to_owned()), (comment_question.to_owned(), text.to_owned())];
        let response = crate::consultation::answering::db::NewResponse {
            form_id,
            form_version: 1,
            channel: Channel::Online,
            submitted_on: &day,
            respondent_id: None,
            answers: &answers,
            flagged: screening.is_flagged(),
            has_comments: true,
        };
        let id = crate::consultation::answering::db::insert_response(&mut *conn, &response).await?;
        if screening.is_flagged() {
            let concerns: Vec<&str> = screening.concerns.iter().map(|c| c.as_str()).collect();
            crate::consultation::answering::db::flag_response(
                &mut *conn,
                &id,
                service_id,
                &concerns,
                &screening.reasons,
                &day,
            )
            .await?;
            if reviewed {
                let note = "Anonymous, so no one to contact. Read out the crisis contacts at the start of the next two groups and reminded everyone how to reach the duty worker.";
                let source = FlagSource { kind: FlagSourceKind::FeedbackResponse, id: id.to_string() };
                review_db::record_review(&mut *conn, &source, ReviewOutcome::FollowedUp, note, by).await?;
                crate::consultation::review::db::mark_read(&mut *conn, &id).await?;
            }
        }
    }
    Ok(())
}
