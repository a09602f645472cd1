//! Feedback's aggregates (issue 18 §5): the counts that the involvement report, the FFT monthly return and a
//! form's results page read, kept in the same transaction as the writes they count, so that reading them costs
//! the same at a million responses as at ten.
//!
//! Four tables (migration `20261202130000_aggregates.sql`), every row keyed by a form and a local date
//! (`YYYY-MM-DD`, the response's own `submitted_on`) and never by a person, an address or a time of day:
//! - `feedback_response_tally`: responses per form version, day and channel;
//! - `feedback_answer_tally`: per question that is not free text and answer value, the responses that gave it;
//! - `feedback_question_tally`: per question that is not free text, the responses that answered it at all;
//! - `feedback_comment_tally`: comments (non-empty free-text answers) per day, channel and flagged or not, in
//!   all (`theme_id` '') and per theme, with the responses carrying each.
//!
//! Each has a **monthly roll-up** (migration `20261203090000_tally_months.sql`: the same table with `_month`
//! after its name, keyed by `month`, `YYYY-MM`, instead of the day), written in the same transaction. Readers
//! take the whole months of a range from the roll-ups and only the days at its edges from the daily rows
//! ([`stretches`]): a quarter or a year reads a row per form, month, channel and answer value, so a report
//! costs the same once a month's keys are all in use, whether the month held a hundred responses or fifty
//! thousand (measured in `scripts/bench`, part "report").
//!
//! **Who keeps them.** Every write that changes what they count goes through this module in its own
//! transaction: `answering::db::insert_responses` and `delete_responses` (the group-commit writer, demo data
//! and the scale benchmark all store responses through them) and `review::db::set_comment_theme`. A response's
//! channel, day, version and flag never change once stored; a new form version is new keys.
//!
//! **Hot rows on PostgreSQL.** A batch's changes are first added up per key in Rust ([`Tallies`], ordered
//! maps), then written with one `INSERT … ON CONFLICT DO UPDATE` per table and chunk, in a fixed order: the
//! daily tables always in the order above, then the monthly ones in the same order, the keys within each in
//! sorted order. Two transactions therefore take
//! their row locks in the same order and can never wait for each other in a circle (no deadlock); one that
//! needs a row another holds waits for that one commit, which carries a whole batch (the writer groups the
//! submissions that arrive together), so the wait is one commit per batch, not one per response.
//!
//! **Checked** by [`recount`], which counts everything again from the stored rows, against [`stored`]
//! (`tests/tests/suite/aggregates.rs`), and used by [`rebuild`] to fill the tables once for rows stored before them
//! ([`backfill_if_pending`], run right after migrating).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sqlx::{AnyConnection, AnyPool};

use crate::consultation::{forms::db as forms_db, questions::Question, types::FormId};

/// A `feedback_response_tally` key, its fields in the table's primary key order (so keys sort as locked).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResponseKey {
    pub form_id: String,
    /// `YYYY-MM-DD`, local.
    pub submitted_on: String,
    pub channel: String,
    pub form_version: i64,
}

/// A `feedback_answer_tally` key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnswerKey {
    pub response: ResponseKey,
    pub question_id: String,
    pub value: String,
}

/// A `feedback_question_tally` key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionKey {
    pub response: ResponseKey,
    pub question_id: String,
}

/// A `feedback_comment_tally` key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommentKey {
    pub form_id: String,
    pub submitted_on: String,
    pub channel: String,
    /// 1 when the screener flagged the response, else 0.
    pub flagged: i64,
    /// '' for every comment, or a theme's id.
    pub theme_id: String,
}

/// Counts (or changes to counts) per key, each table's keys in sorted order. Zero entries are dropped by
/// [`Tallies::without_zeros`], so two `Tallies` holding the same counts compare equal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tallies {
    pub responses: BTreeMap<ResponseKey, i64>,
    pub answers: BTreeMap<AnswerKey, i64>,
    pub questions: BTreeMap<QuestionKey, i64>,
    /// (comments, responses)
    pub comments: BTreeMap<CommentKey, (i64, i64)>,
}

/// One stored response as the tallies count it.
pub struct Counted<'a> {
    pub form_id: &'a str,
    pub form_version: i64,
    pub submitted_on: &'a str,
    pub channel: &'a str,
    pub flagged: bool,
    /// (question id, value); a multiple-choice answer gives one pair per option.
    pub answers: &'a [(String, String)],
    /// The themes its comments are tagged with: (question id, theme id).
    pub themes: &'a [(String, String)],
}

impl Tallies {
    /// Adds one response (`sign` 1) or takes it away (`sign` -1), given the questions of its form version. An
    /// answer to a question the version does not hold is counted nowhere (its kind is unknown).
    pub fn add(&mut self, response: &Counted<'_>, questions: &[Question], sign: i64) {
        let key = ResponseKey {
            form_id: response.form_id.to_owned(),
            submitted_on: response.submitted_on.to_owned(),
            channel: response.channel.to_owned(),
            form_version: response.form_version,
        };
        let free_text = |id: &str| questions.iter().find(|q| q.id.as_str() == id).map(|q| q.kind.is_free_text());
        let mut given: BTreeSet<(&str, &str)> = BTreeSet::new();
        let mut comments = 0;
        for (question, value) in response.answers {
            match free_text(question) {
                Some(false) => {
                    given.insert((question, value));
                }
                Some(true) if !value.is_empty() => comments += 1,
                _ => {}
            }
        }
        let answered: BTreeSet<&str> = given.iter().map(|(q, _)| *q).collect();
        for (question, value) in &given {
            let answer =
                AnswerKey { response: key.clone(), question_id: (*question).to_owned(), value: (*value).to_owned() };
            *self.answers.entry(answer).or_default() += sign;
        }
        for question in answered {
            *self
                .questions
                .entry(QuestionKey { response: key.clone(), question_id: question.to_owned() })
                .or_default() += sign;
        }
        let comment_key = |theme_id: &str| CommentKey {
            form_id: key.form_id.clone(),
            submitted_on: key.submitted_on.clone(),
            channel: key.channel.clone(),
            flagged: i64::from(response.flagged),
            theme_id: theme_id.to_owned(),
        };
        if comments > 0 {
            let entry = self.comments.entry(comment_key("")).or_default();
            entry.0 += sign * comments;
            entry.1 += sign;
        }
        let mut themes: BTreeMap<&str, i64> = BTreeMap::new();
        for (_, theme) in response.themes {
            *themes.entry(theme).or_default() += 1;
        }
        for (theme, tagged) in themes {
            let entry = self.comments.entry(comment_key(theme)).or_default();
            entry.0 += sign * tagged;
            entry.1 += sign;
        }
        *self.responses.entry(key).or_default() += sign;
    }

    /// The same counts without the keys whose counts are all 0.
    pub fn without_zeros(mut self) -> Self {
        self.responses.retain(|_, n| *n != 0);
        self.answers.retain(|_, n| *n != 0);
        self.questions.retain(|_, n| *n != 0);
        self.comments.retain(|_, (c, r)| *c != 0 || *r != 0);
        self
    }

    /// The same counts rolled up by calendar month: each key's `submitted_on` cut to its month (`YYYY-MM`),
    /// the counts of a month's days added together. What the monthly tables hold.
    pub fn by_month(&self) -> Tallies {
        fn month(day: &str) -> String {
            day.get(..7).unwrap_or(day).to_owned()
        }
        let rekey = |key: &ResponseKey| ResponseKey { submitted_on: month(&key.submitted_on), ..key.clone() };
        let mut months = Tallies::default();
        for (key, n) in &self.responses {
            *months.responses.entry(rekey(key)).or_default() += n;
        }
        for (key, n) in &self.answers {
            let key = AnswerKey { response: rekey(&key.response), ..key.clone() };
            *months.answers.entry(key).or_default() += n;
        }
        for (key, n) in &self.questions {
            let key = QuestionKey { response: rekey(&key.response), ..key.clone() };
            *months.questions.entry(key).or_default() += n;
        }
        for (key, (c, r)) in &self.comments {
            let key = CommentKey { submitted_on: month(&key.submitted_on), ..key.clone() };
            let entry = months.comments.entry(key).or_default();
            entry.0 += c;
            entry.1 += r;
        }
        months
    }

    fn is_empty(&self) -> bool {
        self.responses.is_empty() && self.answers.is_empty() && self.questions.is_empty() && self.comments.is_empty()
    }
}

/// How finely a set of tally tables counts: a row per local day (the tables of migration
/// `20261202130000_aggregates.sql`, dated `submitted_on`) or per calendar month (their roll-ups of
/// `20261203090000_tally_months.sql`, the same tables with `_month` after the name, dated `month`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Day,
    Month,
}

impl Grain {
    /// The table of this grain for the daily table `daily` (e.g. `feedback_response_tally`).
    pub fn table(self, daily: &str) -> String {
        match self {
            Grain::Day => daily.to_owned(),
            Grain::Month => format!("{daily}_month"),
        }
    }

    /// The column holding the date: `submitted_on` (`YYYY-MM-DD`) or `month` (`YYYY-MM`).
    pub fn column(self) -> &'static str {
        match self {
            Grain::Day => "submitted_on",
            Grain::Month => "month",
        }
    }
}

/// A stretch of a range a reader adds up from one grain of tables: rows whose date column ([`Grain::column`])
/// is `>= from` and `< until`, both in that grain's form (`YYYY-MM-DD` or `YYYY-MM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stretch {
    pub grain: Grain,
    pub from: String,
    pub until: String,
}

impl Stretch {
    /// This stretch's table for the daily table `daily`.
    pub fn table(&self, daily: &str) -> String {
        self.grain.table(daily)
    }

    /// This stretch's date column.
    pub fn column(&self) -> &'static str {
        self.grain.column()
    }
}

/// Where the counts of the local days from `from` up to but not including `until` (`YYYY-MM-DD`) are kept: the
/// whole calendar months within them in the monthly roll-ups, and the days before the first whole month and
/// after the last in the daily rows. A quarter or a financial year is one monthly stretch, so a report reads
/// a row per form, month, channel and answer value, not thirty. Nothing when `until` is not after `from`; a
/// date that does not parse leaves the whole range to the daily rows (compared as text, as before).
pub fn stretches(from: &str, until: &str) -> Vec<Stretch> {
    use chrono::{Datelike, Months, NaiveDate};
    let days = |from: &str, until: &str| Stretch { grain: Grain::Day, from: from.to_owned(), until: until.to_owned() };
    if from >= until {
        return Vec::new();
    }
    let parse = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let (Some(start), Some(end)) = (parse(from), parse(until)) else {
        return vec![days(from, until)];
    };
    let first_month = if start.day() == 1 {
        Some(start)
    } else {
        start.with_day(1).and_then(|d| d.checked_add_months(Months::new(1)))
    };
    let last_month = end.with_day(1);
    let (Some(first_month), Some(last_month)) = (first_month, last_month) else {
        return vec![days(from, until)];
    };
    if first_month >= last_month {
        return vec![days(from, until)];
    }
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let mut parts = Vec::new();
    if start < first_month {
        parts.push(days(from, &day(first_month)));
    }
    parts.push(Stretch { grain: Grain::Month, from: month(first_month), until: month(last_month) });
    if last_month < end {
        parts.push(days(&day(last_month), until));
    }
    parts
}

/// The stretches of an inclusive range of local days, `from` to `to` (`YYYY-MM-DD`), as [`stretches`] gives
/// them for `from` up to the day after `to`. A `to` that does not parse is compared as text with `<=`, as before:
/// a day stretch up to `to` followed by the highest character, which every date of that day sorts under.
pub fn stretches_through(from: &str, to: &str) -> Vec<Stretch> {
    match chrono::NaiveDate::parse_from_str(to, "%Y-%m-%d").ok().and_then(|d| d.succ_opt()) {
        Some(next) => stretches(from, &next.format("%Y-%m-%d").to_string()),
        None => stretches(from, &format!("{to}\u{10FFFF}")),
    }
}

/// Rows read stretch by stretch, added up: rows with equal keys (everything but the count) become one, in key
/// order.
pub fn merged<K: Ord>(rows: impl IntoIterator<Item = (K, i64)>) -> Vec<(K, i64)> {
    let mut sums: BTreeMap<K, i64> = BTreeMap::new();
    for (key, n) in rows {
        *sums.entry(key).or_default() += n;
    }
    sums.into_iter().collect()
}

/// The questions of each form version met, read once each.
#[derive(Default)]
pub struct Versions(HashMap<(String, i64), Vec<Question>>);

impl Versions {
    /// The questions of `form_id`'s version `version` (none if it has no such version).
    pub async fn get(
        &mut self,
        conn: &mut AnyConnection,
        form_id: &str,
        version: i64,
    ) -> Result<&[Question], sqlx::Error> {
        let key = (form_id.to_owned(), version);
        if !self.0.contains_key(&key) {
            let questions =
                forms_db::fetch_version_questions(&mut *conn, &FormId::from(form_id.to_owned()), version).await?;
            self.0.insert(key.clone(), questions.unwrap_or_default());
        }
        Ok(self.0.get(&key).map(Vec::as_slice).unwrap_or_default())
    }
}

/// Rows per statement: at most 8 values each, well under both engines' limits on bound values.
const CHUNK: usize = 500;

/// Adds `changes` to the stored tallies, daily rows and then their monthly roll-ups, in the fixed order
/// described at the top of this module (the daily tables in order, then the monthly ones, keys sorted within
/// each), one upsert per table and chunk. Run it inside the transaction of the write it counts.
pub async fn apply(conn: &mut AnyConnection, changes: &Tallies) -> Result<(), sqlx::Error> {
    let changes = changes.clone().without_zeros();
    if changes.is_empty() {
        return Ok(());
    }
    write(conn, &changes, Grain::Day).await?;
    write(conn, &changes.by_month().without_zeros(), Grain::Month).await
}

/// Adds `changes` (keyed by day for [`Grain::Day`], by month for [`Grain::Month`]) to one grain's tables.
async fn write(conn: &mut AnyConnection, changes: &Tallies, grain: Grain) -> Result<(), sqlx::Error> {
    let on = grain.column();
    let responses: Vec<_> = changes.responses.iter().collect();
    for chunk in responses.chunks(CHUNK) {
        let sql = upsert(
            &grain.table("feedback_response_tally"),
            &["form_id", on, "channel", "form_version"],
            &["responses"],
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        for (key, n) in chunk {
            query =
                query.bind(&key.form_id).bind(&key.submitted_on).bind(&key.channel).bind(key.form_version).bind(**n);
        }
        query.execute(&mut *conn).await?;
    }
    let answers: Vec<_> = changes.answers.iter().collect();
    for chunk in answers.chunks(CHUNK) {
        let sql = upsert(
            &grain.table("feedback_answer_tally"),
            &["form_id", on, "channel", "form_version", "question_id", "value"],
            &["answers"],
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        for (key, n) in chunk {
            let r = &key.response;
            query = query
                .bind(&r.form_id)
                .bind(&r.submitted_on)
                .bind(&r.channel)
                .bind(r.form_version)
                .bind(&key.question_id)
                .bind(&key.value)
                .bind(**n);
        }
        query.execute(&mut *conn).await?;
    }
    let questions: Vec<_> = changes.questions.iter().collect();
    for chunk in questions.chunks(CHUNK) {
        let sql = upsert(
            &grain.table("feedback_question_tally"),
            &["form_id", on, "channel", "form_version", "question_id"],
            &["respondents"],
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        for (key, n) in chunk {
            let r = &key.response;
            query = query
                .bind(&r.form_id)
                .bind(&r.submitted_on)
                .bind(&r.channel)
                .bind(r.form_version)
                .bind(&key.question_id)
                .bind(**n);
        }
        query.execute(&mut *conn).await?;
    }
    let comments: Vec<_> = changes.comments.iter().collect();
    for chunk in comments.chunks(CHUNK) {
        let sql = upsert(
            &grain.table("feedback_comment_tally"),
            &["form_id", on, "channel", "flagged", "theme_id"],
            &["comments", "responses"],
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        for (key, (c, r)) in chunk {
            query = query
                .bind(&key.form_id)
                .bind(&key.submitted_on)
                .bind(&key.channel)
                .bind(key.flagged)
                .bind(&key.theme_id)
                .bind(*c)
                .bind(*r);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// `INSERT INTO table (keys…, counts…) VALUES (…), … ON CONFLICT (keys…) DO UPDATE SET count = table.count +
/// excluded.count`, for `rows` rows. Each key appears once per statement (PostgreSQL refuses a second).
fn upsert(table: &str, keys: &[&str], counts: &[&str], rows: usize) -> String {
    let width = keys.len() + counts.len();
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let params: Vec<String> = (1..=width).map(|i| format!("${}", row * width + i)).collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let sets: Vec<String> = counts.iter().map(|c| format!("{c} = {table}.{c} + excluded.{c}")).collect();
    format!(
        "INSERT INTO {table} ({}, {}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
        keys.join(", "),
        counts.join(", "),
        values.join(", "),
        keys.join(", "),
        sets.join(", ")
    )
}

/// A stored response's facts, as [`load`] reads them.
struct Loaded {
    form_id: String,
    form_version: i64,
    submitted_on: String,
    channel: String,
    flagged: bool,
    answers: Vec<(String, String)>,
    themes: Vec<(String, String)>,
}

/// Reads the responses `ids` with their answers and themes (those that exist).
async fn load(conn: &mut AnyConnection, ids: &[String]) -> Result<Vec<Loaded>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let list = list.join(", ");
    let sql = format!(
        "SELECT id, form_id, form_version, submitted_on, channel, flagged FROM feedback_response WHERE id IN ({list})"
    );
    let mut query = sqlx::query_as::<_, (String, String, i64, String, String, i64)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let sql = format!("SELECT response_id, question_id, value FROM feedback_answer WHERE response_id IN ({list})");
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let answers = query.fetch_all(&mut *conn).await?;
    let sql = format!("SELECT response_id, question_id, theme_id FROM comment_theme WHERE response_id IN ({list})");
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let themes = query.fetch_all(&mut *conn).await?;
    let mut answers_of: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (response, question, value) in answers {
        answers_of.entry(response).or_default().push((question, value));
    }
    let mut themes_of: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (response, question, theme) in themes {
        themes_of.entry(response).or_default().push((question, theme));
    }
    Ok(rows
        .into_iter()
        .map(|(id, form_id, form_version, submitted_on, channel, flagged)| Loaded {
            answers: answers_of.remove(&id).unwrap_or_default(),
            themes: themes_of.remove(&id).unwrap_or_default(),
            form_id,
            form_version,
            submitted_on,
            channel,
            flagged: flagged != 0,
        })
        .collect())
}

/// Adds the stored responses `ids` to `tallies` with `sign` (1 to count them, -1 to take them away).
async fn count_stored(
    conn: &mut AnyConnection,
    ids: &[String],
    versions: &mut Versions,
    tallies: &mut Tallies,
    sign: i64,
) -> Result<usize, sqlx::Error> {
    let loaded = load(conn, ids).await?;
    for response in &loaded {
        let questions = versions.get(conn, &response.form_id, response.form_version).await?;
        let counted = Counted {
            form_id: &response.form_id,
            form_version: response.form_version,
            submitted_on: &response.submitted_on,
            channel: &response.channel,
            flagged: response.flagged,
            answers: &response.answers,
            themes: &response.themes,
        };
        tallies.add(&counted, questions, sign);
    }
    Ok(loaded.len())
}

/// The changes that taking the stored responses `ids` away makes (read before they are deleted).
pub async fn removal_of(conn: &mut AnyConnection, ids: &[String]) -> Result<Tallies, sqlx::Error> {
    let mut tallies = Tallies::default();
    let mut versions = Versions::default();
    for chunk in ids.chunks(CHUNK) {
        count_stored(conn, chunk, &mut versions, &mut tallies, -1).await?;
    }
    Ok(tallies)
}

/// Counts every stored response again from its rows, a thousand at a time: what the tallies must hold.
pub async fn recount(conn: &mut AnyConnection) -> Result<Tallies, sqlx::Error> {
    let mut tallies = Tallies::default();
    let mut versions = Versions::default();
    let mut after = String::new();
    loop {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT id FROM feedback_response WHERE id > $1 ORDER BY id LIMIT 1000")
                .bind(&after)
                .fetch_all(&mut *conn)
                .await?;
        let Some(last) = ids.last() else { break };
        after.clone_from(last);
        for chunk in ids.chunks(CHUNK) {
            count_stored(conn, chunk, &mut versions, &mut tallies, 1).await?;
        }
    }
    Ok(tallies.without_zeros())
}

/// What the daily tallies hold now, keys whose counts are all 0 left out.
pub async fn stored(conn: &mut AnyConnection) -> Result<Tallies, sqlx::Error> {
    stored_at(conn, Grain::Day).await
}

/// What the monthly roll-ups hold now (`submitted_on` in each key is the month, `YYYY-MM`), keys whose counts
/// are all 0 left out: they must equal [`Tallies::by_month`] of the daily rows.
pub async fn stored_months(conn: &mut AnyConnection) -> Result<Tallies, sqlx::Error> {
    stored_at(conn, Grain::Month).await
}

async fn stored_at(conn: &mut AnyConnection, grain: Grain) -> Result<Tallies, sqlx::Error> {
    let on = grain.column();
    let mut tallies = Tallies::default();
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(&format!(
        "SELECT form_id, {on}, channel, form_version, responses FROM {}",
        grain.table("feedback_response_tally")
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, form_version, n) in rows {
        tallies.responses.insert(ResponseKey { form_id, submitted_on, channel, form_version }, n);
    }
    let rows: Vec<(String, String, String, i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT form_id, {on}, channel, form_version, question_id, value, answers FROM {}",
        grain.table("feedback_answer_tally")
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, form_version, question_id, value, n) in rows {
        let response = ResponseKey { form_id, submitted_on, channel, form_version };
        tallies.answers.insert(AnswerKey { response, question_id, value }, n);
    }
    let rows: Vec<(String, String, String, i64, String, i64)> = sqlx::query_as(&format!(
        "SELECT form_id, {on}, channel, form_version, question_id, respondents FROM {}",
        grain.table("feedback_question_tally")
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, form_version, question_id, n) in rows {
        let response = ResponseKey { form_id, submitted_on, channel, form_version };
        tallies.questions.insert(QuestionKey { response, question_id }, n);
    }
    let rows: Vec<(String, String, String, i64, String, i64, i64)> = sqlx::query_as(&format!(
        "SELECT form_id, {on}, channel, flagged, theme_id, comments, responses FROM {}",
        grain.table("feedback_comment_tally")
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, flagged, theme_id, comments, responses) in rows {
        tallies
            .comments
            .insert(CommentKey { form_id, submitted_on, channel, flagged, theme_id }, (comments, responses));
    }
    Ok(tallies.without_zeros())
}

/// Empties the tallies and fills them again from the stored rows ([`recount`]), in the caller's transaction:
/// for the rows stored before the tallies existed, and after rows are changed by hand (as some tests do).
pub async fn rebuild(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    for grain in [Grain::Day, Grain::Month] {
        for table in
            ["feedback_response_tally", "feedback_answer_tally", "feedback_question_tally", "feedback_comment_tally"]
        {
            sqlx::query(&format!("DELETE FROM {}", grain.table(table))).execute(&mut *conn).await?;
        }
    }
    let counts = recount(conn).await?;
    apply(conn, &counts).await
}

/// Fills the tallies from the rows stored before them, once: run right after the migrations, in one write
/// transaction that also marks the work done, so two app servers starting together fill them once (the
/// second finds nothing pending). Returns whether it filled them.
pub async fn backfill_if_pending(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    // Claimed by the write: on PostgreSQL a second server waits here for the first's commit, then sees 0.
    let claimed = sqlx::query("UPDATE feedback_tally_state SET pending = 0 WHERE id = 1 AND pending = 1")
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if claimed {
        rebuild(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(claimed)
}

/// The change tagging (`on`) or untagging one comment of a stored response with a theme makes, given how many
/// of that response's comments carry the theme after the change: (form, day, channel, flagged).
pub fn theme_change(response: (String, String, String, bool), theme_id: &str, on: bool, now_tagged: i64) -> Tallies {
    let (form_id, submitted_on, channel, flagged) = response;
    let sign = if on { 1 } else { -1 };
    // The response starts (or stops) carrying the theme when this is its first (or was its last) such comment.
    let responses = if (on && now_tagged == 1) || (!on && now_tagged == 0) { sign } else { 0 };
    let mut tallies = Tallies::default();
    let key = CommentKey { form_id, submitted_on, channel, flagged: i64::from(flagged), theme_id: theme_id.to_owned() };
    tallies.comments.insert(key, (sign, responses));
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::questions::QuestionKind;

    fn question(id: &str, kind: QuestionKind) -> Question {
        Question { id: id.into(), prompt: id.to_owned(), help: String::new(), required: false, kind }
    }

    #[test]
    fn a_response_counts_its_choices_once_and_its_comments_apart_and_taking_it_away_leaves_nothing() {
        let questions = vec![question("q1", QuestionKind::YesNo), question("q2", QuestionKind::LongText)];
        let answers = vec![
            ("q1".to_owned(), "yes".to_owned()),
            ("q2".to_owned(), "Evening sessions".to_owned()),
            ("q9".to_owned(), "unknown question".to_owned()),
        ];
        let themes = vec![("q2".to_owned(), "t1".to_owned())];
        let response = Counted {
            form_id: "f",
            form_version: 1,
            submitted_on: "2026-03-01",
            channel: "online",
            flagged: false,
            answers: &answers,
            themes: &themes,
        };
        let mut tallies = Tallies::default();
        tallies.add(&response, &questions, 1);
        assert_eq!(tallies.responses.values().copied().collect::<Vec<_>>(), [1]);
        assert_eq!(tallies.answers.len(), 1, "the free text and the unknown question are not answer values");
        assert_eq!(tallies.questions.len(), 1);
        assert_eq!(tallies.comments.len(), 2, "every comment, and the theme");
        tallies.add(&response, &questions, -1);
        assert_eq!(tallies.without_zeros(), Tallies::default());
    }

    fn stretch(grain: Grain, from: &str, until: &str) -> Stretch {
        Stretch { grain, from: from.to_owned(), until: until.to_owned() }
    }

    #[test]
    fn whole_months_are_read_from_the_roll_ups_and_the_days_at_either_edge_from_the_daily_rows() {
        use Grain::{Day, Month};
        assert_eq!(stretches("2026-07-01", "2026-10-01"), [stretch(Month, "2026-07", "2026-10")], "a quarter");
        assert_eq!(
            stretches("2026-07-15", "2026-10-04"),
            [
                stretch(Day, "2026-07-15", "2026-08-01"),
                stretch(Month, "2026-08", "2026-10"),
                stretch(Day, "2026-10-01", "2026-10-04")
            ]
        );
        assert_eq!(stretches("2026-07-15", "2026-08-10"), [stretch(Day, "2026-07-15", "2026-08-10")], "no whole month");
        assert_eq!(stretches("2026-12-01", "2027-01-01"), [stretch(Month, "2026-12", "2027-01")], "across a year end");
        assert_eq!(stretches("2026-07-01", "2026-07-01"), [], "an empty range");
        assert_eq!(stretches("2026-08-01", "2026-07-01"), [], "backwards");
        assert_eq!(
            stretches("2026-07-01", "2026-10-xx"),
            [stretch(Day, "2026-07-01", "2026-10-xx")],
            "unparsed: as text"
        );
        assert_eq!(stretches_through("2026-07-01", "2026-09-30"), [stretch(Month, "2026-07", "2026-10")]);
        assert_eq!(merged([(("a", 1), 2), (("b", 1), 1), (("a", 1), 3)]), [(("a", 1), 5), (("b", 1), 1)]);
    }

    #[test]
    fn a_month_s_roll_up_adds_its_days() {
        let questions = vec![question("q1", QuestionKind::YesNo), question("q2", QuestionKind::LongText)];
        let answers = vec![("q1".to_owned(), "yes".to_owned()), ("q2".to_owned(), "More groups".to_owned())];
        let mut tallies = Tallies::default();
        for day in ["2026-03-01", "2026-03-31", "2026-04-01"] {
            let response = Counted {
                form_id: "f",
                form_version: 1,
                submitted_on: day,
                channel: "online",
                flagged: false,
                answers: &answers,
                themes: &[],
            };
            tallies.add(&response, &questions, 1);
        }
        let months = tallies.by_month();
        let responses: Vec<(&str, i64)> = months.responses.iter().map(|(k, n)| (k.submitted_on.as_str(), *n)).collect();
        assert_eq!(responses, [("2026-03", 2), ("2026-04", 1)]);
        assert_eq!(months.answers.values().sum::<i64>(), 3);
        assert_eq!(months.comments.values().map(|(c, _)| c).sum::<i64>(), 3);
    }

    #[test]
    fn upserts_add_to_what_is_stored() {
        assert_eq!(
            upsert("t", &["a", "b"], &["n"], 2),
            "INSERT INTO t (a, b, n) VALUES ($1, $2, $3), ($4, $5, $6) ON CONFLICT (a, b) DO UPDATE SET n = t.n + excluded.n"
        );
    }
}
