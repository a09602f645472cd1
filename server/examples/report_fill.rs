//! Fills a new database for the report benchmark (`CONTINUUM_BENCH_PARTS=report scripts/bench`): the demo data
//! (`seed-demo`: services, accounts, forms, themes), then `--responses` feedback responses and a tenth as many
//! ledger activities, spread over the last two years, four services, eleven forms, three channels and who
//! answered (a patient, a carer, someone else, or left out), with comments, comment themes, safeguarding flags
//! and read marks as real ones have them.
//!
//!     cargo run --release --example report_fill -p continuum -- \
//!         --database-url sqlite:///tmp/report.db --responses 100000
//!
//! Everything is written through the capabilities' own write functions, never into their tables: responses in
//! batches of 1,000 through `consultation::answering::db::insert_responses` (the group-commit writer's call),
//! each batch in its own write transaction with its flags (`flag_response`), themes (`set_comment_theme`) and
//! read marks (`mark_read`); activities through the ledger's published `ledger::api::record`. So whatever those
//! functions keep beside the rows (aggregates, for instance) is filled too.
//!
//! The generator is seeded: the same `--responses` gives the same data. A quarter of the responses go to the
//! demo's `dbt-skills-group` form (the results page the benchmark measures). The fill refuses a database it has
//! filled before. It prints, on stdout, `fill:` lines the benchmark reads: how long each part took, the
//! Personality Disorder Service's id and the `dbt-skills-group` form's id.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};

use anyhow::Context;
use app::{
    accounts::{db as accounts_db, types::ServiceId},
    consultation::{
        answering::db::{self as answering_db, NewResponse},
        forms::db as forms_db,
        questions::{AnsweringAs, FftRating, Question, QuestionKind, WHO_IS_ANSWERING_QUESTION},
        review::db as review_db,
        sources::FormOpened,
        types::{Channel, FormId, FormState, QuestionId, Template, ThemeId},
    },
    ledger::{
        api::{self as ledger_api, LedgerSource, NewActivity, SourceKind},
        types::{ActivityKind, ContinuumLevel, Participants},
    },
    safeguarding::{
        review::{db as flags_db, FlagSource, FlagSourceKind, ReviewOutcome},
        screener,
    },
};
use chrono::{Duration, NaiveDate};
use clap::Parser;
use continuum::db::{self, DatabaseOptions, Synchronous};
use rand::{rngs::StdRng, Rng, SeedableRng};

/// Responses per write transaction, as the brief for the benchmark sets it (the writer's batches are up to 256).
const BATCH: usize = 1_000;
/// Days back from today that the data covers: two years.
const DAYS: i64 = 730;
/// Comments older than this have been read; newer ones wait in the review queue (as in the demo).
const READ_AFTER_DAYS: i64 = 21;

/// The services beside the demo's two, fictional; the name of the first marks a database as filled.
const MORE_SERVICES: [&str; 2] = ["Community Mental Health Team (North)", "Perinatal Mental Health Service"];

/// Themes each service tags comments with.
const THEMES: [&str; 8] = [
    "Feeling listened to",
    "Waiting times",
    "Group content",
    "Times and access",
    "Buildings and rooms",
    "Staff attitude",
    "Communication",
    "Carers' involvement",
];

/// What people wrote: invented, in the voice real feedback has.
const COMMENTS: [&str; 16] = [
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
    "As her mum I finally felt included in her care plan.",
    "Parking at the hospital is a nightmare and I was late a lot.",
    "I liked that we could text the team if we were going to miss a session.",
    "More about relationships please, that's where I struggle most.",
    "Staff on reception could be friendlier.",
    "Letters arrived after the appointment twice.",
];

/// Comments the safeguarding screener flags, one in a thousand comments.
const RISKY: [&str; 2] = [
    "Some weeks I honestly felt like a burden to everyone and didn't see the point in carrying on.",
    "The group is good but lately I keep thinking everyone would be better off without me.",
];

#[derive(Parser)]
#[command(about = "Fills a new database for the report benchmark")]
struct Args {
    /// The database to fill (sqlite:///path/file.db, or postgres://…); CONTINUUM_DATABASE_URL by default.
    #[arg(long, env = "CONTINUUM_DATABASE_URL")]
    database_url: String,
    /// How many feedback responses to add (ledger activities: a tenth as many).
    #[arg(long)]
    responses: usize,
    /// Batches written at once (on separate connections); SQLite writes one at a time whatever this says.
    #[arg(long, default_value_t = 1)]
    jobs: usize,
}

/// One form the fill answers: its questions by role, and its share of the responses.
#[derive(Clone)]
struct FillForm {
    id: FormId,
    service_id: ServiceId,
    fft: QuestionId,
    comment: QuestionId,
    who: Option<QuestionId>,
    /// End-of-group forms: (scale, yes/no, multiple choice and its options).
    extra: Option<(QuestionId, QuestionId, QuestionId, Vec<String>)>,
    /// Days back the form has been open (its responses fall within them).
    open_days: i64,
    /// Its weight among the forms: responses go to forms in proportion.
    weight: u32,
}

/// What the batches need to know: the forms, each service's themes, who reviews flags, and today.
struct Plan {
    forms: Vec<FillForm>,
    themes: Vec<(ServiceId, Vec<ThemeId>)>,
    services: Vec<(ServiceId, u32)>,
    reviewer: app::accounts::types::PersonId,
    today: NaiveDate,
    responses: usize,
    activities: usize,
    /// The screener's findings for each risky comment, worked out once: (concerns, reasons).
    risky: Vec<(Vec<&'static str>, Vec<String>)>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let options = DatabaseOptions { create: true, synchronous: Synchronous::Full };
    let pool = db::connect(&args.database_url, options).await?;
    db::migrate(&pool).await?;

    let started = Instant::now();
    if accounts_db::fetch_service_by_name(&pool, MORE_SERVICES[0]).await?.is_some() {
        anyhow::bail!("this database has been filled before: give the fill a new one");
    }
    continuum::seed::seed_demo(&pool).await?;
    let plan = Arc::new(prepare(&pool, args.responses).await?);
    println!("fill: demo and forms in {:.1} s", started.elapsed().as_secs_f64());

    let sqlite = db::is_sqlite(&args.database_url);
    let jobs = if sqlite { 1 } else { args.jobs.max(1) };
    let started = Instant::now();
    let batches = args.responses.div_ceil(BATCH);
    run_batches(&pool, &plan, batches, jobs, write_responses).await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "fill: {} responses in {seconds:.1} s ({:.0} a second, {jobs} at once)",
        args.responses,
        args.responses as f64 / seconds.max(0.001)
    );

    let started = Instant::now();
    let batches = plan.activities.div_ceil(BATCH);
    run_batches(&pool, &plan, batches, jobs, write_activities).await?;
    println!("fill: {} activities in {:.1} s", plan.activities, started.elapsed().as_secs_f64());

    let pd = &plan.services[0].0;
    println!("fill: service-id {pd}");
    println!("fill: form-id {}", plan.forms[0].id);
    Ok(())
}

/// Writes batches `0..batches` with `jobs` tasks, each batch in its own transaction.
async fn run_batches<F, Fut>(
    pool: &sqlx::AnyPool,
    plan: &Arc<Plan>,
    batches: usize,
    jobs: usize,
    write: F,
) -> anyhow::Result<()>
where
    F: Fn(sqlx::AnyPool, Arc<Plan>, usize) -> Fut + Copy + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..jobs {
        let (pool, plan, next) = (pool.clone(), plan.clone(), next.clone());
        tasks.spawn(async move {
            loop {
                let batch = next.fetch_add(1, Ordering::Relaxed);
                if batch >= batches {
                    return anyhow::Ok(());
                }
                write(pool.clone(), plan.clone(), batch).await?;
                if batch % 100 == 99 {
                    eprintln!("  {} of {batches} batches", batch + 1);
                }
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.context("a fill task stopped")??;
    }
    Ok(())
}

/// Adds the two services, the forms and the themes, and reads back what the demo made.
async fn prepare(pool: &sqlx::AnyPool, responses: usize) -> anyhow::Result<Plan> {
    let today = app::clock::today_date();
    let now = app::db::now();
    let mut tx = app::db::begin_write(pool).await?;
    let mut services = Vec::new();
    for name in [app::accounts::demo::PD_SERVICE, app::accounts::demo::DAY_SERVICE] {
        let service = accounts_db::fetch_service_by_name(&mut *tx, name).await?.context("the demo service")?;
        services.push(service.id);
    }
    for name in MORE_SERVICES {
        services.push(accounts_db::insert_service(&mut *tx, name, &now).await?);
    }
    let reviewer =
        accounts_db::fetch_person_by_email(&mut *tx, "admin@demo.example").await?.context("the demo administrator")?.id;

    // The demo's Friends and Family Test form first: the results page the benchmark measures.
    let dbt = forms_db::fetch_form_by_slug(&mut *tx, "dbt-skills-group").await?.context("the demo form")?;
    let mut forms = vec![FillForm {
        id: dbt.id.clone(),
        service_id: dbt.service_id.clone(),
        fft: dbt.questions[0].id.clone(),
        comment: dbt.questions[1].id.clone(),
        who: None,
        extra: None,
        open_days: 360,
        weight: 25,
    }];
    // (service, slug, title, template, weight): the Personality Disorder Service has the most, as the demo's
    // largest service would.
    let more = [
        (0, "pd-outpatients-fft", "Outpatient appointments feedback", Template::FriendsAndFamily, 15),
        (0, "pd-mentalisation-end-of-group", "Mentalisation group: end of module", Template::EndOfGroup, 10),
        (1, "day-service-fft", "Day service feedback", Template::FriendsAndFamily, 10),
        (1, "day-service-art-group", "Art group: end of term", Template::EndOfGroup, 5),
        (1, "day-service-carers", "Carers' evening feedback", Template::FriendsAndFamily, 5),
        (2, "cmht-north-fft", "Community team visits feedback", Template::FriendsAndFamily, 10),
        (2, "cmht-north-groups", "Wellbeing group: end of course", Template::EndOfGroup, 5),
        (3, "perinatal-fft", "Perinatal service feedback", Template::FriendsAndFamily, 10),
        (3, "perinatal-parent-infant-group", "Parent and infant group review", Template::EndOfGroup, 5),
    ];
    let opened_on = (today - Duration::days(DAYS)).format("%Y-%m-%d").to_string();
    for (service, slug, title, template, weight) in more {
        let service_id = services[service].clone();
        let mut questions = template.questions(QuestionId::new);
        if template == Template::FriendsAndFamily {
            // The standard optional question on who is answering, as the issue has the FFT templates carry it.
            questions.push(Question {
                id: QuestionId::new(),
                prompt: WHO_IS_ANSWERING_QUESTION.to_owned(),
                help: String::new(),
                required: false,
                kind: QuestionKind::WhoIsAnswering,
            });
        }
        let intervention = title.to_lowercase();
        let new_form = forms_db::NewForm {
            service_id: &service_id,
            slug,
            title,
            intervention: &intervention,
            sign_in_required: false,
            questions: &questions,
            created_by: Some(&reviewer),
        };
        let id = forms_db::insert_form(&mut tx, &new_form).await?;
        forms_db::update_state(&mut *tx, &id, FormState::Open, None).await?;
        let source = FormOpened {
            form_id: &id,
            service_id: &service_id,
            title,
            intervention: &intervention,
            opened_on: &opened_on,
        };
        ledger_api::record(&mut tx, &source, Some(&reviewer)).await?;
        let role = |kind: fn(&QuestionKind) -> bool| questions.iter().find(|q| kind(&q.kind)).map(|q| q.id.clone());
        let extra = (template == Template::EndOfGroup).then(|| {
            let options = match &questions[3].kind {
                QuestionKind::MultipleChoice { options } => options.clone(),
                _ => Vec::new(),
            };
            (questions[1].id.clone(), questions[2].id.clone(), questions[3].id.clone(), options)
        });
        forms.push(FillForm {
            id,
            service_id,
            fft: role(|k| matches!(k, QuestionKind::FriendsAndFamily)).context("an FFT question")?,
            comment: role(|k| matches!(k, QuestionKind::LongText)).context("a comment question")?,
            who: role(|k| matches!(k, QuestionKind::WhoIsAnswering)),
            extra,
            open_days: DAYS,
            weight,
        });
    }

    let existing = review_db::list_themes(pool, &services).await.unwrap_or_default();
    let mut themes = Vec::new();
    for service_id in &services {
        let mut ids = Vec::new();
        for name in THEMES {
            let found = existing.iter().find(|t| &t.service_id == service_id && t.name == name);
            ids.push(match found {
                Some(theme) => theme.id.clone(),
                None => review_db::insert_theme(&mut *tx, service_id, name).await?,
            });
        }
        themes.push((service_id.clone(), ids));
    }
    tx.commit().await?;

    let risky = RISKY
        .iter()
        .map(|text| {
            let found = screener::screen(text);
            (found.concerns.iter().map(|c| c.as_str()).collect(), found.reasons)
        })
        .collect();
    let weights = [50, 20, 15, 15];
    Ok(Plan {
        forms,
        themes,
        services: services.into_iter().zip(weights).collect(),
        reviewer,
        today,
        responses,
        activities: responses / 10,
        risky,
    })
}

/// Picks an index by weight.
fn pick(rng: &mut StdRng, weights: impl Iterator<Item = u32> + Clone) -> usize {
    let total: u32 = weights.clone().sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (i, w) in weights.enumerate() {
        if roll < w {
            return i;
        }
        roll -= w;
    }
    0
}

fn day(today: NaiveDate, rng: &mut StdRng, within: i64) -> (NaiveDate, String) {
    let day = today - Duration::days(rng.random_range(0..within.max(1)));
    (day, day.format("%Y-%m-%d").to_string())
}

/// One generated response: its rows, and what is done with it after it is stored.
struct Generated {
    id: String,
    form: usize,
    submitted_on: String,
    old: bool,
    channel: Channel,
    answers: Vec<(QuestionId, String)>,
    comment: bool,
    risky: Option<usize>,
    themes: Vec<ThemeId>,
}

/// Writes batch `batch` of the responses, with their flags, themes and read marks, in one transaction.
async fn write_responses(pool: sqlx::AnyPool, plan: Arc<Plan>, batch: usize) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x5e5_0000 + batch as u64);
    let count = BATCH.min(plan.responses - batch * BATCH);
    let mut generated = Vec::with_capacity(count);
    for _ in 0..count {
        generated.push(generate(&plan, &mut rng));
    }
    let rows: Vec<NewResponse<'_>> = generated
        .iter()
        .map(|g| NewResponse {
            form_id: &plan.forms[g.form].id,
            form_version: 1,
            channel: g.channel,
            submitted_on: &g.submitted_on,
            respondent_id: None,
            answers: &g.answers,
            flagged: g.risky.is_some(),
            has_comments: g.comment,
        })
        .collect();
    let with_ids: Vec<(&str, &NewResponse<'_>)> = generated.iter().map(|g| g.id.as_str()).zip(rows.iter()).collect();

    let mut tx = app::db::begin_write(&pool).await?;
    answering_db::insert_responses(&mut tx, &with_ids).await?;
    for g in &generated {
        let form = &plan.forms[g.form];
        let id = app::consultation::types::ResponseId::from(g.id.clone());
        for theme in &g.themes {
            review_db::set_comment_theme(&mut tx, &id, &form.comment, theme, true).await?;
        }
        if let Some(which) = g.risky {
            let (concerns, reasons) = &plan.risky[which];
            answering_db::flag_response(&mut tx, &id, &form.service_id, concerns, reasons, &g.submitted_on).await?;
            if g.old {
                let source = FlagSource { kind: FlagSourceKind::FeedbackResponse, id: g.id.clone() };
                let note = "Anonymous, so no one to contact. Read out the crisis contacts at the next two groups.";
                flags_db::record_review(&mut *tx, &source, ReviewOutcome::FollowedUp, note, &plan.reviewer).await?;
            }
        }
        if g.comment && g.old {
            review_db::mark_read(&mut *tx, &id).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

fn generate(plan: &Plan, rng: &mut StdRng) -> Generated {
    let form_index = pick(rng, plan.forms.iter().map(|f| f.weight));
    let form = &plan.forms[form_index];
    let (date, submitted_on) = day(plan.today, rng, form.open_days);
    // Mostly positive, as FFT results for therapy groups usually are.
    let rating = match rng.random_range(0..100) {
        0..=51 => FftRating::VeryGood,
        52..=79 => FftRating::Good,
        80..=87 => FftRating::NeitherGoodNorPoor,
        88..=93 => FftRating::Poor,
        94..=96 => FftRating::VeryPoor,
        _ => FftRating::DontKnow,
    };
    let channel = match rng.random_range(0..100) {
        0..=74 => Channel::Online,
        75..=91 => Channel::Paper,
        _ => Channel::Assisted,
    };
    let mut answers = vec![(form.fft.clone(), rating.as_str().to_owned())];
    if let Some((scale, yes_no, choice, options)) = &form.extra {
        answers.push((scale.clone(), rng.random_range(1..=5).to_string()));
        answers.push((yes_no.clone(), if rng.random_range(0..5) == 0 { "no" } else { "yes" }.to_owned()));
        for option in options {
            if rng.random_bool(0.4) {
                answers.push((choice.clone(), option.clone()));
            }
        }
    }
    let comment = rng.random_range(0..10) < 4;
    let mut risky = None;
    let mut themes = Vec::new();
    if comment {
        let text = if rng.random_range(0..1000) == 0 {
            let which = rng.random_range(0..RISKY.len());
            risky = Some(which);
            RISKY[which]
        } else {
            COMMENTS[rng.random_range(0..COMMENTS.len())]
        };
        answers.push((form.comment.clone(), text.to_owned()));
        let service_themes = plan.themes.iter().find(|(s, _)| *s == form.service_id).map(|(_, t)| t.as_slice());
        if let Some(service_themes) = service_themes {
            let tags = match rng.random_range(0..100) {
                0..=39 => 0,
                40..=84 => 1,
                _ => 2,
            };
            for _ in 0..tags {
                let theme = &service_themes[rng.random_range(0..service_themes.len())];
                if !themes.contains(theme) {
                    themes.push(theme.clone());
                }
            }
        }
    }
    if let Some(who) = &form.who {
        let answer = match rng.random_range(0..100) {
            0..=69 => Some(AnsweringAs::Patient),
            70..=87 => Some(AnsweringAs::Carer),
            88..=92 => Some(AnsweringAs::SomeoneElse),
            _ => None,
        };
        if let Some(answer) = answer {
            answers.push((who.clone(), answer.as_str().to_owned()));
        }
    }
    Generated {
        id: answering_db::new_response_id().to_string(),
        form: form_index,
        submitted_on,
        old: date < plan.today - Duration::days(READ_AFTER_DAYS),
        channel,
        answers,
        comment,
        risky,
        themes,
    }
}

/// A ledger activity recorded by hand for the benchmark, keyed so that it is one row.
struct FillActivity {
    key: String,
    activity: NewActivity,
}

impl LedgerSource for FillActivity {
    const KIND: SourceKind = SourceKind::Demo;

    fn source_id(&self) -> &str {
        &self.key
    }

    fn activity(&self) -> NewActivity {
        self.activity.clone()
    }
}

/// Writes batch `batch` of the activities through the ledger's API, in one transaction.
async fn write_activities(pool: sqlx::AnyPool, plan: Arc<Plan>, batch: usize) -> anyhow::Result<()> {
    // (level, kind, weight): most involvement is information and consultation, less the higher up.
    const KINDS: [(ContinuumLevel, ActivityKind, u32); 9] = [
        (ContinuumLevel::Information, ActivityKind::Leaflet, 20),
        (ContinuumLevel::Information, ActivityKind::OpenDay, 10),
        (ContinuumLevel::Consultation, ActivityKind::FocusGroup, 15),
        (ContinuumLevel::Consultation, ActivityKind::FeedbackForm, 10),
        (ContinuumLevel::Participation, ActivityKind::SteeringGroupMeeting, 15),
        (ContinuumLevel::Inclusion, ActivityKind::VolunteerRole, 8),
        (ContinuumLevel::Inclusion, ActivityKind::CoDeliveredSession, 10),
        (ContinuumLevel::Partnership, ActivityKind::InterviewPanel, 7),
        (ContinuumLevel::Participation, ActivityKind::Other, 5),
    ];
    let mut rng = StdRng::seed_from_u64(0xac7_0000 + batch as u64);
    let count = BATCH.min(plan.activities - batch * BATCH);
    let mut tx = app::db::begin_write(&pool).await?;
    for i in 0..count {
        let n = batch * BATCH + i;
        let service = pick(&mut rng, plan.services.iter().map(|(_, w)| *w));
        let (level, kind, _) = KINDS[pick(&mut rng, KINDS.iter().map(|k| k.2))];
        let (_, happened_on) = day(plan.today, &mut rng, DAYS);
        let activity = FillActivity {
            key: format!("report-fill-{n}"),
            activity: NewActivity {
                service_id: plan.services[service].0.clone(),
                level,
                kind,
                title: format!("{} {n}", kind.label()),
                happened_on,
                participants: Participants {
                    patients: rng.random_range(0..=12),
                    carers: rng.random_range(0..=4),
                    staff: rng.random_range(1..=4),
                    others: rng.random_range(0..=2),
                },
                purpose: String::new(),
                outcome: String::new(),
                recorded_by: None,
            },
        };
        ledger_api::record(&mut tx, &activity, Some(&plan.reviewer)).await?;
    }
    tx.commit().await?;
    Ok(())
}
