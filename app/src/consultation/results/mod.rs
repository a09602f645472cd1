//! A feedback form's results for a period and channel: responses per month, the Friends and Family Test's
//! percentages positive and negative, the distribution of answers to every question that is not free text,
//! the comments with their themes, and the export of the responses as CSV.
//!
//! Small numbers are suppressed for the page as a whole (`crate::suppression`, `publish_period`): the
//! headline, the month table and its chart, the channel table, every question's answers and the Friends and
//! Family Test's percentages are put into one disclosure with the sums that tie them together, so that no
//! suppressed count can be worked out from another table's total or as the only cell not shown. Besides:
//! - the comments are listed (staff of the service can read every response anyway), a page of
//!   [`COMMENTS_PER_PAGE`] at a time, filtered by theme and by flagged or not on top of the period and
//!   channel, with how many match (exact, as the list is); the count of comments per theme is suppressed
//!   like any other count. Only the page shown is read from the database, so the page stays small whatever
//!   the data;
//! - the CSV is one row per response, for the service's own staff, so it is refused (409, with a sentence
//!   saying why) when the period has from 1 to 4 responses: its number of rows would be the small number.
//!
//! Every count of people shown is rounded to the nearest 5 (`suppression::rounded`), so two filtered views
//! decided apart (March–April and March, one channel and every channel, this visit and the next) never
//! differ by 1 to 4; percentages are worked out from the rounded counts. The comments and the CSV are the
//! responses themselves, for the staff who may read each one: their number is exact by nature.

use crate::consultation::types::{FormId, QuestionId, ResponseId};
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::types::Channel;
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{require_signed_in, SignedInUser},
    chart,
    consultation::{
        forms::db as forms_db,
        questions::QuestionKind,
        results::db::ResponseFilter,
        types::{FeedbackForm, ResponseView},
    },
    state::state,
};
use crate::{
    consultation::questions::FftRating,
    error::AppError,
    suppression::{Disclosure, Figure, Published},
};

pub use crate::suppression::{PublishedShare, FEWEST_FOR_PERCENTAGES};

/// The counts of one question's answers, before suppression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionCounts {
    /// Responses that answered the question.
    pub respondents: i64,
    /// One per answer offered, in order.
    pub cells: Vec<i64>,
    /// Whether each response gives one answer, so the cells add up to `respondents` (not multiple choice).
    pub single: bool,
    /// Whether this is the Friends and Family Test question whose percentages positive and negative headline
    /// the page (its cells in `FftRating::ALL` order).
    pub fft_headline: bool,
}

/// Every count of people a results page prints, before suppression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodCounts {
    /// The responses in the period.
    pub total: i64,
    pub months: Vec<i64>,
    /// In `Channel::ALL` order; empty when one channel is chosen.
    pub channels: Vec<i64>,
    pub questions: Vec<QuestionCounts>,
}

/// A count and its share of the count it belongs to, as published.
pub type PublishedCell = (Published, PublishedShare);

/// One question's figures as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedQuestion {
    pub respondents: Published,
    pub cells: Vec<PublishedCell>,
    /// The percentages positive and negative, for the headline question.
    pub fft: Option<(PublishedShare, PublishedShare)>,
}

/// Every figure of a results page as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedPeriod {
    pub responses: Published,
    pub months: Vec<PublishedCell>,
    pub channels: Vec<PublishedCell>,
    pub questions: Vec<PublishedQuestion>,
}

/// Publishes a results page's figures as a whole (`suppression::Disclosure`): the period's responses are the
/// total of the months and of the channels; each question's respondents are the responses less those who did
/// not answer it (a count of people too, though not printed); a single-answer question's answers add up to
/// its respondents, and each multiple-choice answer is its respondents less those who did not tick it; the
/// Friends and Family Test's positive and negative counts are sums of its answers, printed as percentages.
pub fn publish_period(counts: &PeriodCounts) -> PublishedPeriod {
    let mut page = Disclosure::new();
    let total = page.people(counts.total);
    let months: Vec<Figure> = counts.months.iter().map(|&n| page.people(n)).collect();
    page.sum(total, &months);
    let channels: Vec<Figure> = counts.channels.iter().map(|&n| page.people(n)).collect();
    if !channels.is_empty() {
        page.sum(total, &channels);
    }
    // Per question: its respondents, its answers, and its positive and negative counts for the headline.
    type QuestionFigures = (Figure, Vec<Figure>, Option<(Figure, Figure)>);
    let questions: Vec<QuestionFigures> = counts
        .questions
        .iter()
        .map(|question| {
            let respondents = page.people(question.respondents);
            let unanswered = page.unprinted(counts.total - question.respondents);
            page.sum(total, &[respondents, unanswered]);
            let cells: Vec<Figure> = question.cells.iter().map(|&n| page.people(n)).collect();
            if question.single {
                page.sum(respondents, &cells);
            } else {
                for (cell, &n) in cells.iter().zip(&question.cells) {
                    let unticked = page.unprinted(question.respondents - n);
                    page.sum(respondents, &[*cell, unticked]);
                }
            }
            let fft = question.fft_headline.then(|| {
                let mut share = |keep: fn(FftRating) -> bool| {
                    let parts: Vec<(Figure, i64)> = FftRating::ALL
                        .iter()
                        .zip(cells.iter().zip(&question.cells))
                        .filter(|(rating, _)| keep(**rating))
                        .map(|(_, (figure, n))| (*figure, *n))
                        .collect();
                    let figure = page.people(parts.iter().map(|(_, n)| n).sum());
                    page.sum(figure, &parts.iter().map(|(f, _)| *f).collect::<Vec<_>>());
                    figure
                };
                (share(FftRating::is_positive), share(FftRating::is_negative))
            });
            (respondents, cells, fft)
        })
        .collect();
    let decided = page.decide();
    let cell = |figure: Figure, whole: Figure| (decided.count(figure), decided.share(figure, whole));
    PublishedPeriod {
        responses: decided.count(total),
        months: months.iter().map(|m| cell(*m, total)).collect(),
        channels: channels.iter().map(|c| cell(*c, total)).collect(),
        questions: questions
            .iter()
            .map(|(respondents, cells, fft)| PublishedQuestion {
                respondents: decided.count(*respondents),
                cells: cells.iter().map(|c| cell(*c, *respondents)).collect(),
                fft: fft.map(|(positive, negative)| {
                    (decided.share(positive, *respondents), decided.share(negative, *respondents))
                }),
            })
            .collect(),
    }
}

/// Whether the responses of a period may be exported: none, or at least 5 (the rows would count them).
pub fn may_export(responses: i64) -> bool {
    responses == 0 || responses >= crate::suppression::SMALLEST_SHOWN
}

/// "November 2026" from `YYYY-MM`.
pub fn month_label(month: &str) -> String {
    let day = crate::dates::readable_day(&format!("{month}-01"));
    day.strip_prefix("1 ").map(str::to_owned).unwrap_or(day)
}

/// Every month (`YYYY-MM`) from the one holding `from` to the one holding `to` (both `YYYY-MM-DD`).
pub fn months_between(from: &str, to: &str) -> Vec<String> {
    let parse = |day: &str| -> Option<(i32, u32)> { Some((day.get(..4)?.parse().ok()?, day.get(5..7)?.parse().ok()?)) };
    let (Some((mut year, mut month)), Some(end)) = (parse(from), parse(to)) else { return Vec::new() };
    let mut months = Vec::new();
    while (year, month) <= end && months.len() < 1_200 {
        months.push(format!("{year:04}-{month:02}"));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
    months
}

/// One row of a table of counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountRow {
    pub label: String,
    pub count: Published,
    pub share: PublishedShare,
}

/// The Friends and Family Test's headline figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FftHeadline {
    pub respondents: Published,
    /// Very good and good.
    pub positive: PublishedShare,
    /// Poor and very poor.
    pub negative: PublishedShare,
}

/// How one question that is not free text was answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResults {
    pub question_id: QuestionId,
    pub prompt: String,
    /// Multiple choice: one response can give several answers, so the percentages add up to more than 100.
    pub multiple: bool,
    pub respondents: Published,
    pub rows: Vec<CountRow>,
}

/// A free-text answer, with the themes staff tagged it with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub response_id: ResponseId,
    pub submitted_on: String,
    pub channel: Channel,
    pub prompt: String,
    pub text: String,
    pub themes: Vec<String>,
}

/// How many comments a results page lists at a time.
pub const COMMENTS_PER_PAGE: i64 = 20;

/// The comments part of a results page: one page of the comments that match its filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPage {
    /// The theme chosen (its name), or empty for every comment.
    pub theme: String,
    /// `yes`, `no` or empty for flagged or not.
    pub flagged: String,
    /// Every theme of the service's comments in the period, for the filter.
    pub themes: Vec<String>,
    /// How many comments match the filters (exact: the comments are listed for staff who may read each).
    pub matching: i64,
    /// This page, from 1, and how many pages there are (at least 1).
    pub page: i64,
    pub pages: i64,
    pub comments: Vec<Comment>,
}

/// A form's results for a period and channel, every count published under the suppression rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormResults {
    pub form_id: FormId,
    pub title: String,
    pub service_name: String,
    /// Inclusive, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// `None` for every channel.
    pub channel: Option<Channel>,
    pub responses: Published,
    pub months: Vec<CountRow>,
    /// Empty when one channel is chosen.
    pub channels: Vec<CountRow>,
    pub fft: Option<FftHeadline>,
    pub questions: Vec<QuestionResults>,
    /// One page of the comments.
    pub comments: CommentPage,
    /// Each theme the period's comments are tagged with, with the number of comments.
    pub themes: Vec<CountRow>,
    /// Whether the CSV of responses may be downloaded (see `may_export`).
    pub csv_allowed: bool,
    /// Responses per month as an SVG chart, drawn on the server.
    pub chart_svg: String,
    /// For a member of one of the service's groups (not staff): the figures only, without the comments or the
    /// download (`form_for_figures`).
    #[serde(default)]
    pub figures_only: bool,
}

/// The file name of a form's responses CSV: the service, the form, the period (`YYYY-MM-DD`) and the channel
/// when one is chosen, as every export's name says them (`crate::csv::file_name`):
/// `responses-cas-day-service-dbt-skills-group-2026-03-01-to-2026-03-31-paper.csv`.
pub fn responses_file_name(service: &str, form: &str, from: &str, to: &str, channel: Option<Channel>) -> String {
    let channel = channel.map(Channel::as_str).unwrap_or_default();
    crate::csv::file_name(&["responses", service, form, from, "to", to, channel])
}

impl FormResults {
    /// The file name of these results' responses CSV (`responses_file_name`).
    pub fn csv_file_name(&self) -> String {
        responses_file_name(&self.service_name, &self.title, &self.from, &self.to, self.channel)
    }

    /// The query string that gives these results again (for the CSV link): the period as the filter's day,
    /// month and year boxes post it.
    pub fn query(&self) -> String {
        let (from, to) = (crate::dates::DateParts::of_iso(&self.from), crate::dates::DateParts::of_iso(&self.to));
        format!(
            "from_day={}&from_month={}&from_year={}&to_day={}&to_month={}&to_year={}&channel={}",
            from.day,
            from.month,
            from.year,
            to.day,
            to.month,
            to.year,
            self.channel.map(Channel::as_str).unwrap_or("all")
        )
    }
}

/// One response as the CSV has it: its date, its channel and its answers' words by question id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRow {
    /// `YYYY-MM-DD`; anything after the day is never written.
    pub submitted_on: String,
    pub channel: Channel,
    pub answers: Vec<(String, String)>,
}

/// The responses of a period as CSV: one row per response, with its date (never a time), its channel and one
/// column per question (multiple choice joined with "; "). No response id, no person.
pub fn responses_csv(prompts: &[(String, String)], responses: &[ExportRow]) -> String {
    use crate::csv::row;
    let mut header = vec!["Date".to_owned(), "Channel".to_owned()];
    header.extend(prompts.iter().map(|(_, prompt)| prompt.clone()));
    let mut out = row(&header);
    for response in responses {
        let day = &response.submitted_on;
        let mut cells = vec![day.get(..10).unwrap_or(day).to_owned(), response.channel.label().to_owned()];
        cells.extend(prompts.iter().map(|(id, _)| {
            response
                .answers
                .iter()
                .find(|(question, _)| question == id)
                .map(|(_, answer)| answer.clone())
                .unwrap_or_default()
        }));
        out.push_str(&row(&cells));
    }
    out
}

// ---- on the server -------------------------------------------------------------------------------------

/// The form, if this person may see its results: staff and managers of its service and administrators.
/// Anyone else who keeps no ledger at all is refused; a form of another service is "not found".
#[cfg(feature = "ssr")]
pub async fn form_for_results(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    form_id: &FormId,
) -> Result<FeedbackForm, AppError> {
    if !user.is_staff_anywhere() {
        return Err(AppError::Forbidden);
    }
    forms_db::fetch_form(pool, form_id).await?.filter(|f| user.is_staff_of(&f.service_id)).ok_or(AppError::NotFound)
}

/// The form and whether this person reads its comments: staff and managers of its service and administrators
/// read everything (`form_for_results`); a **current member** of one of its service's groups
/// (`participation::api::is_current_member_of_service`, issue 15 §7) reads the aggregate figures only — never
/// a comment's words, a response or the CSV of responses (`false`). Anyone else is refused (403); staff
/// asking for another service's form get 404, as before.
#[cfg(feature = "ssr")]
pub async fn form_for_figures(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    form_id: &FormId,
) -> Result<(FeedbackForm, bool), AppError> {
    let form = forms_db::fetch_form(pool, form_id).await?;
    if let Some(form) = &form {
        if user.is_staff_of(&form.service_id) {
            return Ok((form.clone(), true));
        }
        if crate::participation::api::is_current_member_of_service(pool, &user.id, &form.service_id).await? {
            return Ok((form.clone(), false));
        }
    }
    Err(if user.is_staff_anywhere() { AppError::NotFound } else { AppError::Forbidden })
}

/// Parses the filters: dates (default the last 12 months, from the first of the month 11 months ago up to
/// `today`) and a channel ("all" or empty for every channel).
#[cfg(feature = "ssr")]
pub fn parse_filter(
    from: &crate::dates::DateParts,
    to: &crate::dates::DateParts,
    channel: &str,
    today: chrono::NaiveDate,
) -> Result<ResponseFilter, AppError> {
    use chrono::Datelike;
    let mut kept = from.kept("from");
    kept.extend(to.kept("to"));
    kept.push(("channel".to_owned(), channel.to_owned()));
    let keep = |errors: crate::error::FormErrors| {
        let kept: Vec<(&str, &str)> = kept.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
        AppError::Validation(errors).keeping(&kept)
    };
    let (start, end) = crate::dates::parse_period(from, to).map_err(keep)?;
    let mut errors = crate::error::FormErrors::new();
    let default_from =
        today.with_day(1).and_then(|first| first.checked_sub_months(chrono::Months::new(11))).unwrap_or(today);
    let start = start.map_or(default_from, |d| d.naive());
    let end = end.map_or(today, |d| d.naive());
    if end < start {
        errors.add("to_day", "End date must be the same as or after the start date");
    } else if (end - start).num_days() > 366 * 5 {
        errors.add("from_day", "Choose a period of 5 years or less");
    }
    let chosen = match channel.trim() {
        "" | "all" => None,
        text => {
            let parsed = text.parse::<Channel>().ok();
            if parsed.is_none() {
                errors.add("channel", "Select a channel");
            }
            parsed
        }
    };
    if !errors.is_empty() {
        return Err(keep(errors));
    }
    let format = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    Ok(ResponseFilter { from: format(start), to: format(end), channel: chosen })
}

/// Builds a form's results for the filtered responses.
#[cfg(feature = "ssr")]
pub async fn build_results(
    pool: &sqlx::AnyPool,
    form: &FeedbackForm,
    filter: &ResponseFilter,
    comment_filter: &db::CommentFilter,
    page: i64,
) -> Result<FormResults, AppError> {
    use std::collections::BTreeMap;
    let questions = forms_db::all_questions(pool, &form.id).await?;
    let by_month: BTreeMap<String, i64> = db::responses_by_month(pool, &form.id, filter).await?.into_iter().collect();
    let by_channel: Vec<(String, i64)> = db::responses_by_channel(pool, &form.id, filter).await?;
    let answers = db::answer_counts(pool, &form.id, filter).await?;
    let respondents: BTreeMap<QuestionId, i64> =
        db::respondents_per_question(pool, &form.id, filter).await?.into_iter().collect();
    let total: i64 = by_month.values().sum();

    let month_keys = months_between(&filter.from, &filter.to);
    let month_cells: Vec<i64> = month_keys.iter().map(|m| by_month.get(m).copied().unwrap_or(0)).collect();
    let channel_cells: Vec<i64> = if filter.channel.is_some() {
        Vec::new()
    } else {
        Channel::ALL
            .iter()
            .map(|c| by_channel.iter().find(|(name, _)| name == c.as_str()).map(|(_, n)| *n).unwrap_or(0))
            .collect()
    };
    // Questions that are not free text, and were asked by the current version or answered in the period.
    // Questions that are not free text, and were asked by the current version or answered in the period.
    let counted: Vec<&crate::consultation::questions::Question> = questions
        .iter()
        .filter(|q| !q.kind.is_free_text())
        .filter(|q| form.questions.iter().any(|c| c.id == q.id) || respondents.contains_key(&q.id))
        .collect();
    let headline = counted.iter().position(|q| q.kind == QuestionKind::FriendsAndFamily);
    let question_counts: Vec<QuestionCounts> = counted
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionCounts {
            respondents: respondents.get(&q.id).copied().unwrap_or(0),
            cells: q
                .kind
                .values()
                .iter()
                .map(|(value, _)| {
                    answers.iter().find(|(id, v, _)| *id == q.id && v == value).map(|(_, _, n)| *n).unwrap_or(0)
                })
                .collect(),
            single: !matches!(q.kind, QuestionKind::MultipleChoice { .. }),
            fft_headline: headline == Some(i),
        })
        .collect();
    let published = publish_period(&PeriodCounts {
        total,
        months: month_cells,
        channels: channel_cells,
        questions: question_counts,
    });

    let row = |label: String, (count, share): PublishedCell| CountRow { label, count, share };
    let months: Vec<CountRow> =
        month_keys.iter().zip(published.months).map(|(m, cell)| row(month_label(m), cell)).collect();
    let channels: Vec<CountRow> =
        Channel::ALL.iter().zip(published.channels).map(|(c, cell)| row(c.label().to_owned(), cell)).collect();
    let mut fft = None;
    let mut question_results = Vec::new();
    for (question, published) in counted.iter().zip(published.questions) {
        let rows = question
            .kind
            .values()
            .into_iter()
            .zip(published.cells)
            .map(|((_, words), cell)| row(words, cell))
            .collect();
        if let Some((positive, negative)) = published.fft {
            fft = Some(FftHeadline { respondents: published.respondents, positive, negative });
        }
        question_results.push(QuestionResults {
            question_id: question.id.clone(),
            prompt: question.prompt.clone(),
            multiple: matches!(question.kind, QuestionKind::MultipleChoice { .. }),
            respondents: published.respondents,
            rows,
        });
    }
    let responses = published.responses;

    let theme_counts = db::count_comments_by_theme(pool, &form.id, filter).await?;
    let comments = comment_page(pool, form, filter, &questions, &theme_counts, comment_filter, page).await?;
    let themes = theme_counts
        .into_iter()
        .map(|(label, n)| CountRow { label, count: Published::of(n), share: PublishedShare::TooFewResponses })
        .collect();

    let bars: Vec<(&str, Option<i64>)> = months.iter().map(|m| (m.label.as_str(), m.count.chartable())).collect();
    let chart_svg = chart::horizontal_bars(&bars, "Responses", "fewer than 5")
        .map_err(|e| AppError::internal("results chart", e))?;

    Ok(FormResults {
        form_id: form.id.clone(),
        title: form.title.clone(),
        service_name: form.service_name.clone(),
        from: filter.from.clone(),
        to: filter.to.clone(),
        channel: filter.channel,
        responses,
        months,
        channels: if filter.channel.is_some() { Vec::new() } else { channels },
        fft,
        questions: question_results,
        comments,
        themes,
        csv_allowed: may_export(total),
        chart_svg,
        figures_only: false,
    })
}

/// Page `page` (from 1; past the last, the last) of the comments matching the filters, with their themes.
#[cfg(feature = "ssr")]
async fn comment_page(
    pool: &sqlx::AnyPool,
    form: &FeedbackForm,
    filter: &ResponseFilter,
    questions: &[crate::consultation::questions::Question],
    theme_counts: &[(String, i64)],
    comment_filter: &db::CommentFilter,
    page: i64,
) -> Result<CommentPage, AppError> {
    let free_text: Vec<QuestionId> = questions.iter().filter(|q| q.kind.is_free_text()).map(|q| q.id.clone()).collect();
    let matching = db::count_comments(pool, &form.id, filter, comment_filter, &free_text).await?;
    let pages = ((matching + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let rows = db::list_comments(
        pool,
        &form.id,
        filter,
        comment_filter,
        &free_text,
        COMMENTS_PER_PAGE,
        (page - 1) * COMMENTS_PER_PAGE,
    )
    .await?;
    let responses: Vec<String> = rows.iter().map(|(id, ..)| id.clone()).collect();
    let themes = db::list_comment_themes(pool, &responses).await?;
    let comments = rows
        .into_iter()
        .map(|(response, submitted_on, channel, question, text)| Comment {
            themes: themes
                .iter()
                .filter(|(r, q, _)| *r == response && *q == question)
                .map(|(_, _, name)| name.clone())
                .collect(),
            prompt: questions.iter().find(|q| q.id.as_str() == question).map(|q| q.prompt.clone()).unwrap_or_default(),
            response_id: ResponseId::from(response),
            submitted_on,
            channel: channel.parse().unwrap_or(Channel::Online),
            text,
        })
        .collect();
    Ok(CommentPage {
        theme: comment_filter.theme.clone().unwrap_or_default(),
        flagged: match comment_filter.flagged {
            Some(true) => "yes".to_owned(),
            Some(false) => "no".to_owned(),
            None => String::new(),
        },
        themes: theme_counts.iter().map(|(name, _)| name.clone()).collect(),
        matching,
        page,
        pages,
        comments,
    })
}

/// The comment filters as the page's address gives them: a theme's name (empty for every theme) and flagged
/// `yes`, `no` or empty; anything else reads as no filter. And the page, from 1 (anything else is 1).
#[cfg(feature = "ssr")]
pub fn parse_comment_filter(theme: &str, flagged: &str, page: &str) -> (db::CommentFilter, i64) {
    let theme = Some(theme.trim()).filter(|t| !t.is_empty()).map(str::to_owned);
    let flagged = match flagged.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    (db::CommentFilter { theme, flagged }, page.trim().parse::<i64>().unwrap_or(1).max(1))
}

#[cfg(feature = "ssr")]
fn today() -> chrono::NaiveDate {
    crate::clock::today_date()
}

/// The CSV of a form's responses for the filters, with its file name; checks access first. Refused with a
/// conflict when the period has from 1 to 4 responses.
#[cfg(feature = "ssr")]
pub async fn responses_csv_for(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    form_id: &FormId,
    from: &crate::dates::DateParts,
    to: &crate::dates::DateParts,
    channel: &str,
) -> Result<(String, String), AppError> {
    let form = form_for_results(pool, user, form_id).await?;
    let filter = parse_filter(from, to, channel, today())?;
    let responses: Vec<ResponseView> = db::list_responses(pool, &form.id, &filter).await?;
    let count = i64::try_from(responses.len()).unwrap_or(i64::MAX);
    if !may_export(count) {
        return Err(AppError::Conflict(
            "These responses cannot be downloaded: there are fewer than 5 in the period chosen, and a file of them \
             would show how many. Choose a longer period or every channel."
                .into(),
        ));
    }
    let questions = forms_db::all_questions(pool, &form.id).await?;
    let prompts: Vec<(String, String)> = questions.iter().map(|q| (q.id.to_string(), q.prompt.clone())).collect();
    let rows: Vec<ExportRow> = responses
        .into_iter()
        .map(|r| ExportRow {
            submitted_on: r.submitted_on,
            channel: r.channel,
            answers: r.answers.into_iter().map(|a| (a.question_id.into_string(), a.answer)).collect(),
        })
        .collect();
    let name = responses_file_name(&form.service_name, &form.title, &filter.from, &filter.to, filter.channel);
    Ok((name, responses_csv(&prompts, &rows)))
}

/// A form's results for a period (the last 12 months if none is given) and channel ("all" or empty for every
/// channel), for the staff and managers of its service and administrators, and the figures only (no comments)
/// for current members of its service's groups (`form_for_figures`).
#[server(endpoint = "/get_form_results")]
pub async fn get_form_results(
    #[server(default)] form_id: FormId,
    #[server(default)] from_day: String,
    #[server(default)] from_month: String,
    #[server(default)] from_year: String,
    #[server(default)] to_day: String,
    #[server(default)] to_month: String,
    #[server(default)] to_year: String,
    #[server(default)] channel: String,
    #[server(default)] theme: String,
    #[server(default)] flagged: String,
    #[server(default)] page: String,
) -> Result<FormResults, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let (form, reads_comments) = form_for_figures(&pool, &user, &form_id).await?;
    let from = crate::dates::DateParts::new(from_day, from_month, from_year);
    let to = crate::dates::DateParts::new(to_day, to_month, to_year);
    let filter = parse_filter(&from, &to, &channel, today())?;
    let (comments, page) = parse_comment_filter(&theme, &flagged, &page);
    let mut results = build_results(&pool, &form, &filter, &comments, page).await?;
    if !reads_comments {
        // A group member reads figures only: no comment's words, no flags, no download of responses.
        results.comments = CommentPage { page: 1, pages: 1, ..CommentPage::default() };
        results.csv_allowed = false;
        results.figures_only = true;
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(cells: &[i64]) -> QuestionCounts {
        QuestionCounts { respondents: cells.iter().sum(), cells: cells.to_vec(), single: true, fft_headline: false }
    }

    #[test]
    fn nine_responses_in_march_with_one_unsure_keep_the_unsure_hidden_across_every_table() {
        let page = publish_period(&PeriodCounts {
            total: 9,
            months: vec![0, 9],
            channels: vec![9, 0, 0],
            questions: vec![single(&[8, 0, 1])],
        });
        let question = &page.questions[0];
        assert_eq!(question.cells[2].0, Published::FewerThanFive);
        // 9 and 8 both read 10 (8 to 12): 10 less 10 leaves the Unsure anywhere from 0 to 4.
        assert_eq!(question.cells[0].0, Published::Count(10));
        // 9 is published rounded to the nearest 5.
        assert_eq!(page.months[1].0, Published::Count(10), "March's 9 can stay, as can the total");
        assert_eq!(page.responses, Published::Count(10));
        assert_eq!(question.respondents, Published::Count(10));
    }

    #[test]
    fn a_question_not_everyone_answered_does_not_give_away_those_who_did_not() {
        // 20 responses, 18 answered: the 2 who did not are people too.
        let page = publish_period(&PeriodCounts {
            total: 20,
            months: vec![20],
            channels: vec![20, 0, 0],
            questions: vec![single(&[10, 8])],
        });
        // 20 and 18 both read 20 (18 to 22): those who did not answer are anything from 0 to 4.
        assert_eq!(page.responses, Published::Count(20));
        assert_eq!(page.questions[0].respondents, Published::Count(20));
    }

    #[test]
    fn a_multiple_choice_answer_nearly_everyone_ticked_does_not_give_away_those_who_did_not() {
        let ticked = QuestionCounts { respondents: 20, cells: vec![18, 7], single: false, fft_headline: false };
        let page = publish_period(&PeriodCounts {
            total: 20,
            months: vec![20],
            channels: vec![20, 0, 0],
            questions: vec![ticked],
        });
        let question = &page.questions[0];
        // 18 ticked and 20 answered both read 20: those who did not tick it are anything from 0 to 4.
        assert_eq!(question.cells[0].0, Published::Count(20), "{question:?}");
        assert_eq!(question.respondents, Published::Count(20));
        assert_eq!(question.cells[1].0, Published::Count(5), "7, rounded");
    }

    #[test]
    fn the_fft_percentages_from_62_responses_with_one_small_category_are_shown() {
        let fft = QuestionCounts { fft_headline: true, ..single(&[40, 12, 0, 8, 2, 0]) };
        let page = publish_period(&PeriodCounts {
            total: 62,
            months: vec![30, 32],
            channels: vec![62, 0, 0],
            questions: vec![fft],
        });
        let question = &page.questions[0];
        // Worked out from the rounded counts: 50 of 60 and 10 of 60.
        assert_eq!(question.fft, Some((PublishedShare::Percent(83), PublishedShare::Percent(17))));
        assert_eq!(question.cells[4].0, Published::FewerThanFive);
        assert_eq!(question.cells[3].0, Published::Count(10), "8, rounded: very poor stays 0 to 4 beside it");
        assert_eq!(question.cells[0], (Published::Count(40), PublishedShare::Percent(67)), "40 of 60");
        assert_eq!(page.responses, Published::Count(60), "62, rounded");
    }

    #[test]
    fn responses_are_exported_only_when_none_or_at_least_five() {
        assert!(may_export(0));
        for n in 1..=4 {
            assert!(!may_export(n), "{n}");
        }
        assert!(may_export(5));
    }

    #[test]
    fn months_run_across_years_with_readable_labels() {
        assert_eq!(months_between("2025-11-27", "2026-02-01"), ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert_eq!(months_between("2026-03-01", "2026-03-31"), ["2026-03"]);
        assert!(months_between("nonsense", "2026-03-31").is_empty());
        assert_eq!(month_label("2026-11"), "November 2026");
    }

    #[test]
    fn the_csv_has_a_date_a_channel_and_the_answers_and_nothing_else() {
        let prompts = vec![("q1".to_owned(), "How was it?".to_owned()), ("q2".to_owned(), "Why?".to_owned())];
        let row = |day: &str, channel, question: &str, answer: &str| ExportRow {
            submitted_on: day.to_owned(),
            channel,
            answers: vec![(question.to_owned(), answer.to_owned())],
        };
        let rows = vec![
            row("2026-11-26T10:11:12Z", Channel::Paper, "q2", "=HYPERLINK(\"x\")"),
            row("2026-11-25", Channel::Online, "q1", "Good"),
        ];
        let csv = responses_csv(&prompts, &rows);
        assert_eq!(
            csv,
            "Date,Channel,How was it?,Why?\r\n2026-11-26,Paper form,,\"'=HYPERLINK(\"\"x\"\")\"\r\n2026-11-25,Online,Good,\r\n"
        );
    }
}
