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
//! **Who keeps them.** Every write that changes what they count goes through this module in its own
//! transaction: `answering::db::insert_responses` and `delete_responses` (the group-commit writer, demo data
//! and the scale benchmark all store responses through them) and `review::db::set_comment_theme`. A response's
//! channel, day, version and flag never change once stored; a new form version is new keys.
//!
//! **Hot rows on PostgreSQL.** A batch's changes are first added up per key in Rust ([`Tallies`], ordered
//! maps), then written with one `INSERT … ON CONFLICT DO UPDATE` per table and chunk, in a fixed order: the
//! tables always in the order above, the keys within each in sorted order. Two transactions therefore take
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

    fn is_empty(&self) -> bool {
        self.responses.is_empty() && self.answers.is_empty() && self.questions.is_empty() && self.comments.is_empty()
    }
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

/// Adds `changes` to the stored tallies, in the fixed order described at the top of this module (tables in
/// order, keys sorted), one upsert per table and chunk. Run it inside the transaction of the write it counts.
pub async fn apply(conn: &mut AnyConnection, changes: &Tallies) -> Result<(), sqlx::Error> {
    let changes = changes.clone().without_zeros();
    if changes.is_empty() {
        return Ok(());
    }
    let responses: Vec<_> = changes.responses.iter().collect();
    for chunk in responses.chunks(CHUNK) {
        let sql = upsert(
            "feedback_response_tally",
            &["form_id", "submitted_on", "channel", "form_version"],
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
            "feedback_answer_tally",
            &["form_id", "submitted_on", "channel", "form_version", "question_id", "value"],
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
            "feedback_question_tally",
            &["form_id", "submitted_on", "channel", "form_version", "question_id"],
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
            "feedback_comment_tally",
            &["form_id", "submitted_on", "channel", "flagged", "theme_id"],
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

/// What the tallies hold now, keys whose counts are all 0 left out.
pub async fn stored(conn: &mut AnyConnection) -> Result<Tallies, sqlx::Error> {
    let mut tallies = Tallies::default();
    let rows: Vec<(String, String, String, i64, i64)> =
        sqlx::query_as("SELECT form_id, submitted_on, channel, form_version, responses FROM feedback_response_tally")
            .fetch_all(&mut *conn)
            .await?;
    for (form_id, submitted_on, channel, form_version, n) in rows {
        tallies.responses.insert(ResponseKey { form_id, submitted_on, channel, form_version }, n);
    }
    let rows: Vec<(String, String, String, i64, String, String, i64)> = sqlx::query_as(
        "SELECT form_id, submitted_on, channel, form_version, question_id, value, answers FROM feedback_answer_tally",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, form_version, question_id, value, n) in rows {
        let response = ResponseKey { form_id, submitted_on, channel, form_version };
        tallies.answers.insert(AnswerKey { response, question_id, value }, n);
    }
    let rows: Vec<(String, String, String, i64, String, i64)> = sqlx::query_as(
        "SELECT form_id, submitted_on, channel, form_version, question_id, respondents FROM feedback_question_tally",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (form_id, submitted_on, channel, form_version, question_id, n) in rows {
        let response = ResponseKey { form_id, submitted_on, channel, form_version };
        tallies.questions.insert(QuestionKey { response, question_id }, n);
    }
    let rows: Vec<(String, String, String, i64, String, i64, i64)> = sqlx::query_as(
        "SELECT form_id, submitted_on, channel, flagged, theme_id, comments, responses FROM feedback_comment_tally",
    )
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
    for table in
        ["feedback_response_tally", "feedback_answer_tally", "feedback_question_tally", "feedback_comment_tally"]
    {
        sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *conn).await?;
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

    #[test]
    fn upserts_add_to_what_is_stored() {
        assert_eq!(
            upsert("t", &["a", "b"], &["n"], 2),
            "INSERT INTO t (a, b, n) VALUES ($1, $2, $3), ($4, $5, $6) ON CONFLICT (a, b) DO UPDATE SET n = t.n + excluded.n"
        );
    }
}
