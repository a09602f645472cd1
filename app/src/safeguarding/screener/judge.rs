//! The judgement of a match: whether a negation or a past marker near it clears it, by whose act it describes (see
//! "Negation and the past" in the screener's module documentation).

use super::matcher::Hit;
use super::normalise::Token;
use super::Concern;

pub(super) enum Verdict {
    Plain,
    /// Kept although negated; the token of the negation.
    Denied(usize),
}

pub(super) fn is_negator(word: &str) -> bool {
    matches!(word, "not" | "never" | "no" | "nobody" | "none" | "neither" | "nor")
}

/// Words that start a new clause: a negation before them does not reach past them.
pub(super) fn ends_negation(word: &str) -> bool {
    matches!(word, "but" | "and" | "or" | "so" | "because" | "though" | "although" | "if" | "when" | "i" | "then")
}

/// Words a past marker does not reach past: "I used to be happy, now I want to die".
pub(super) fn ends_past(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "now"
            | "then"
            | "until"
            | "though"
            | "although"
            | "however"
            | "yet"
            | "so"
            | "because"
            | "and"
            | "i"
            | "today"
            | "tonight"
            | "currently"
            | "still"
            | "again"
            | "lately"
            | "recently"
    )
}

pub(super) fn text_at<'a>(tokens: &[Token<'a>], i: usize) -> &'a str {
    tokens.get(i).map(|t| t.text).unwrap_or("")
}

/// A negation among the filler words right before a step: "has never hit", "did not ever ignore".
pub(super) fn filler_negator(tokens: &[Token], from: usize, step_at: usize) -> Option<usize> {
    let last = step_at.checked_sub(1).filter(|&i| i >= from)?;
    if is_negator(text_at(tokens, last)) {
        return Some(last);
    }
    let before = last.checked_sub(1).filter(|&i| i >= from)?;
    let soft =
        matches!(text_at(tokens, last), "ever" | "once" | "really" | "actually" | "even" | "been" | "be" | "have");
    (soft && is_negator(text_at(tokens, before))).then_some(before)
}

/// A negation in the three words before a match, within its clause.
pub(super) fn negator_before(tokens: &[Token], start: usize) -> Option<usize> {
    let mut j = start;
    for _ in 0..3 {
        if j == 0 || tokens.get(j).is_some_and(|t| t.clause_start) {
            return None;
        }
        j -= 1;
        let word = text_at(tokens, j);
        if is_negator(word) {
            return Some(j);
        }
        if ends_negation(word) {
            return None;
        }
    }
    None
}

pub(super) fn judge(concern: Concern, tokens: &[Token], hit: &Hit) -> Option<Verdict> {
    if is_joke_about_someone_else(tokens, hit) {
        return None;
    }
    let negator = hit.negator.or_else(|| negator_before(tokens, hit.start));
    if concern.is_own_impulse() {
        if is_clearly_past(tokens, hit, negator.is_some()) {
            return None;
        }
        Some(negator.map_or(Verdict::Plain, Verdict::Denied))
    } else if concern.is_own_state() {
        // "I'm not hearing voices", "when I was discharged last year I had nobody": neither is today's crisis.
        (negator.is_none() && !is_clearly_past(tokens, hit, false)).then_some(Verdict::Plain)
    } else {
        negator.is_none().then_some(Verdict::Plain)
    }
}

/// "someone overdosed on air freshener in the loos again lol", "my mate said his boss would kill him haha": a third
/// party up to eight words before the match ("my friend reckons the dentist is trying to kill her lol"), laughter soon after it, and neither "i", "me" nor "myself" in or right after it.
/// A threat to the respondent ("he said he'd kill me lol") stays flagged.
fn is_joke_about_someone_else(tokens: &[Token], hit: &Hit) -> bool {
    let laughter = (hit.end..hit.end + 12).any(|k| {
        matches!(
            text_at(tokens, k),
            "lol" | "lmao" | "lmfao" | "haha" | "hahaha" | "rofl" | "lolol" | "jk" | "hehe" | "xd"
        )
    });
    let about_me = (hit.start..hit.end + 4).any(|k| matches!(text_at(tokens, k), "i" | "me" | "myself"));
    let someone_else = (hit.start.saturating_sub(8)..=hit.start).any(|k| {
        matches!(
            text_at(tokens, k),
            "someone"
                | "somebody"
                | "he"
                | "she"
                | "they"
                | "mate"
                | "mates"
                | "friend"
                | "brother"
                | "sister"
                | "mum"
                | "dad"
                | "lad"
                | "lads"
                | "guy"
                | "bloke"
                | "boss"
                | "nan"
                | "husband"
                | "wife"
                | "partner"
        )
    });
    laughter && someone_else && !about_me
}

/// Whether a statement about the respondent's own impulses is clearly over: a past marker next to it, or a
/// denial that says it is over, and no relapse after it.
pub(super) fn is_clearly_past(tokens: &[Token], hit: &Hit, negated: bool) -> bool {
    if relapse_after(tokens, hit.end) {
        return false;
    }
    past_before(tokens, hit.start) || past_after(tokens, hit.end) || (negated && resolved_after_denial(tokens, hit.end))
}

/// "used to", "no longer", "in the past" in the six words before, within the clause.
pub(super) fn past_before(tokens: &[Token], start: usize) -> bool {
    let mut j = start;
    for _ in 0..6 {
        if j == 0 || tokens.get(j).is_some_and(|t| t.clause_start) {
            return false;
        }
        j -= 1;
        let word = text_at(tokens, j);
        let next = text_at(tokens, j + 1);
        let previous = j.checked_sub(1).map(|i| text_at(tokens, i)).unwrap_or("");
        if (matches!(word, "used" | "use") && matches!(next, "to" | "2"))
            || word == "usedto"
            || (matches!(word, "stopped" | "quit") && j + 1 == start)
            || (word == "longer" && previous == "no")
            || (word == "clean" && next == "from")
            || (word == "old" && j + 1 == start)
            || (word == "past" && previous == "the")
        {
            return true;
        }
        if ends_past(word) {
            // A time at the head of the clause: "last year i tried to", "years ago i took".
            let head = |k: usize| j.checked_sub(k).map(|i| text_at(tokens, i)).unwrap_or("");
            return word == "i"
                && (head(1) == "ago"
                    || (matches!(head(1), "year" | "years") && head(2) == "last")
                    || (is_year(head(1)) && head(2) == "in"));
        }
    }
    false
}

/// "2019": a year in the past or present.
pub(super) fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

/// "years ago", "when I was a teenager", "in the past", and after a denial "anymore", "for two years", "since".
pub(super) fn past_after(tokens: &[Token], end: usize) -> bool {
    let word = |i: usize| text_at(tokens, i);
    for k in end..end + 5 {
        let Some(token) = tokens.get(k) else { return false };
        if token.clause_start && k > end {
            return false;
        }
        let w = token.text;
        let previous = word(k.wrapping_sub(1));
        let when_young = matches!(
            word(k + 3),
            "young"
                | "younger"
                | "little"
                | "small"
                | "a"
                | "at"
                | "in"
                | "teenager"
                | "teen"
                | "kid"
                | "child"
                | "first"
        ) || word(k + 3).starts_with(|c: char| c.is_ascii_digit());
        if w == "ago"
            || (k == end && matches!(w, "free" | "clean"))
            || (w == "past" && previous == "the")
            || (matches!(w, "year" | "years") && previous == "last")
            || (w == "in" && is_year(word(k + 1)))
            || (w == "when" && word(k + 1) == "i" && matches!(word(k + 2), "was" | "were") && when_young)
            || (w == "as" && matches!(word(k + 1), "a" | "an") && is_youth(word(k + 2)))
            || (w == "growing" && word(k + 1) == "up")
            || (w == "in" && word(k + 1) == "my" && is_youth(word(k + 2)))
            || (w == "back" && word(k + 1) == "then")
        {
            return true;
        }
        if ends_past(w) && w != "i" {
            return false;
        }
    }
    false
}

pub(super) fn is_youth(word: &str) -> bool {
    matches!(
        word,
        "teenager" | "teen" | "teens" | "teenage" | "kid" | "child" | "childhood" | "youth" | "student" | "twenties"
    ) || word == "20s"
}

/// After a denial: "anymore", "for two years", "in months", "since March".
pub(super) fn resolved_after_denial(tokens: &[Token], end: usize) -> bool {
    let word = |i: usize| text_at(tokens, i);
    (end..end + 2).any(|k| match word(k) {
        "anymore" | "since" => true,
        "for" | "in" if word(k + 1) == "the" => matches!(word(k + 2), "last" | "past"),
        "for" | "in" => is_duration(word(k + 1)),
        _ => false,
    })
}

pub(super) fn is_duration(word: &str) -> bool {
    matches!(
        word,
        "a" | "over"
            | "ages"
            | "months"
            | "years"
            | "weeks"
            | "nearly"
            | "almost"
            | "about"
            | "more"
            | "some"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "several"
            | "many"
    ) || word.starts_with(|c: char| c.is_ascii_digit())
}

/// "again", "relapsed", "still do", "but I want to" in the eight words after a match; "never again" is no relapse.
pub(super) fn relapse_after(tokens: &[Token], end: usize) -> bool {
    (end..end + 8).any(|k| {
        let word = text_at(tokens, k);
        (word == "again" && !(k.saturating_sub(3)..k).any(|i| matches!(text_at(tokens, i), "never" | "not")))
            || word.starts_with("relaps")
            || (word == "but"
                && (k + 1..k + 4).any(|i| {
                    matches!(
                        text_at(tokens, i),
                        "want" | "wanting" | "urge" | "urges" | "tempted" | "close" | "nearly" | "thinking"
                    )
                }))
            || (word == "still"
                && matches!(
                    text_at(tokens, k + 1),
                    "do" | "does"
                        | "feel"
                        | "feeling"
                        | "want"
                        | "wanting"
                        | "think"
                        | "thinking"
                        | "cut"
                        | "cutting"
                        | "have"
                        | "get"
                        | "struggle"
                        | "struggling"
                        | "am"
                ))
    })
}

/// What an answer says as a whole, read once in a pass over its tokens (linear), for the two judgements that need
/// more than a match's own clause:
/// - **resolved past risk**: "three years ago I tried to end my life, now I'm working again": a past marker near
///   the match (14 words before it or 10 after), a statement of recovery after it ("now I'm doing well", "in a
///   much better place", "free of it since", "I'm safe now", "proud of that"), and no sign of relapse after it
///   ("still", "relapsed", "tempted", "lately"). Clears the respondent's own impulses and state only: past abuse and
///   past unsafe care stay flagged, as the module documentation says.
/// - **risk named as a topic**: "the session on safety planning after an overdose", "a role play about how to
///   support a friend who is suicidal": a word that frames a topic (session, talk, training, poster, leaflet, role
///   play, discussion, …) up to ten words before the match, and no "I", "me", "my" or "myself" from it to the end
///   of the match. Clears any concern: "the talk on overdose made me want to die" keeps its flag, since "me" stands
///   between.
pub(super) struct Setting {
    /// The last past marker at or before each token.
    last_past: Vec<Option<usize>>,
    /// The next past marker at or after each token.
    next_past: Vec<Option<usize>>,
    /// Whether a statement of recovery starts at or after each token.
    recovery_from: Vec<bool>,
    /// Whether a sign of relapse stands at or after each token.
    relapse_from: Vec<bool>,
    /// The last topic-framing word at or before each token.
    last_topic: Vec<Option<usize>>,
    /// The last "i", "me", "my" or "myself" at or before each token.
    last_self: Vec<Option<usize>>,
    /// Whether the answer uses a risk word in a safe sense ([`SAFE_SENSES`]).
    safe_sense: bool,
}

impl Setting {
    pub(super) fn read(tokens: &[Token]) -> Setting {
        let n = tokens.len();
        let word = |i: usize| text_at(tokens, i);
        let (mut last_past, mut last_topic, mut last_self) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut past, mut topic, mut me) = (None, None, None);
        let markers: Vec<bool> = (0..n).map(|i| is_past_marker(tokens, i)).collect();
        for i in 0..n {
            if markers.get(i).copied().unwrap_or(false) {
                past = Some(i);
            }
            if is_topic_frame(word(i), word(i + 1)) {
                topic = Some(i);
            }
            if matches!(word(i), "i" | "me" | "my" | "myself") {
                me = Some(i);
            }
            last_past.push(past);
            last_topic.push(topic);
            last_self.push(me);
        }
        let (mut next_past, mut recovery_from, mut relapse_from) = (vec![None; n], vec![false; n], vec![false; n]);
        let (mut past, mut recovery, mut relapse) = (None, false, false);
        for i in (0..n).rev() {
            if markers.get(i).copied().unwrap_or(false) {
                past = Some(i);
            }
            recovery |= is_recovery(tokens, i);
            relapse |= is_relapse(word(i));
            if let (Some(p), Some(r), Some(l)) =
                (next_past.get_mut(i), recovery_from.get_mut(i), relapse_from.get_mut(i))
            {
                *p = past;
                *r = recovery;
                *l = relapse;
            }
        }
        let starts = safe_sense_starts();
        let safe_sense = (0..n).any(|i| {
            starts.contains(word(i))
                && SAFE_SENSES
                    .iter()
                    .any(|sense| sense.iter().enumerate().all(|(k, step)| step.split('|').any(|w| w == word(i + k))))
        });
        Setting { last_past, next_past, recovery_from, relapse_from, last_topic, last_self, safe_sense }
    }

    /// Whether the tokens `start..end` (a match, or both halves of a situation) tell risk that is clearly over.
    pub(super) fn is_resolved_past(&self, start: usize, end: usize) -> bool {
        let before = start.checked_sub(1).and_then(|i| self.last_past.get(i).copied().flatten());
        let after = self.next_past.get(end).copied().flatten();
        let near = before.is_some_and(|p| start - p <= 14) || after.is_some_and(|p| p - end <= 10);
        near && self.recovery_from.get(end).copied().unwrap_or(false)
            && !self.relapse_from.get(end).copied().unwrap_or(false)
    }

    /// Whether the whole answer tells risk that is clearly over (a past marker, recovery after it, no relapse): the
    /// learned model, which cannot tell the past, is not asked about such an answer.
    pub(super) fn is_resolved_answer(&self) -> bool {
        self.next_past.first().copied().flatten().is_some_and(|p| {
            self.recovery_from.get(p).copied().unwrap_or(false) && !self.relapse_from.get(p).copied().unwrap_or(false)
        })
    }

    /// Whether the answer uses a risk word in an everyday sense the learned model cannot tell from risk
    /// ([`SAFE_SENSES`]): the model is not asked about it.
    pub(super) fn has_safe_sense(&self) -> bool {
        self.safe_sense
    }

    /// Whether the tokens `start..end` name risk as a topic.
    pub(super) fn is_topic(&self, start: usize, end: usize) -> bool {
        let Some(frame) = start.checked_sub(1).and_then(|i| self.last_topic.get(i).copied().flatten()) else {
            return false;
        };
        let me = end.checked_sub(1).and_then(|i| self.last_self.get(i).copied().flatten());
        start - frame <= 10 && me.is_none_or(|m| m < frame)
    }
}

/// Everyday senses of words the learned model leans on, as runs of neighbouring words (each step a set of
/// alternatives): plasters after a blood test, ending a relationship, a day out, a breakdown of a car, an early
/// start, an appointment elsewhere, a complaint given up or an appeal made, a doctor looking a dose up. The rules have guards of their own; these keep the
/// model, which weighs words without their sense, from flagging them. Each is a unit test's hard negative.
const SAFE_SENSES: &[&[&str]] = &[
    &["blood", "test|tests|tests|taken"],
    &[
        "end|ending|ended|finish|finishing",
        "it|things",
        "with",
        "him|her|them|boyfriend|girlfriend|partner|husband|wife|bf|gf",
    ],
    &[
        "end|ending|ended|finish|finishing",
        "it|things",
        "with",
        "my",
        "boyfriend|girlfriend|partner|husband|wife|bf|gf|fiance",
    ],
    &["at|to", "the", "match|game|football|pub|gym|cinema|wedding|party|concert"],
    &["broke|broken|breaks", "down", "and|on|again|twice"],
    &["wake|get|getting|waking", "up", "early"],
    &["hospital|dentist|doctors|gp|clinic|hair|dental", "appointment|appointments"],
    &["no", "point", "complaining|moaning|asking|arguing"],
    &["no", "way", "i", "am", "going", "back", "to", "that|the"],
    &["i", "will", "appeal|complain|challenge"],
    &["can", "not", "come|attend", "to"],
    &["doctor|pharmacist|gp|nurse|psychiatrist|consultant", "looked|checked", "up"],
    &["prepayment"],
];

/// The words a safe sense can start with, so that most words are tested by one lookup.
fn safe_sense_starts() -> &'static std::collections::HashSet<&'static str> {
    static STARTS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    STARTS
        .get_or_init(|| SAFE_SENSES.iter().filter_map(|sense| sense.first()).flat_map(|step| step.split('|')).collect())
}

/// "years ago", "as a teenager", "when I was", "back in 2018", "used to", "last year".
fn is_past_marker(tokens: &[Token], i: usize) -> bool {
    let word = text_at(tokens, i);
    let next = text_at(tokens, i + 1);
    let after = text_at(tokens, i + 2);
    let previous = i.checked_sub(1).map(|p| text_at(tokens, p)).unwrap_or("");
    matches!(word, "ago" | "teens" | "teenager" | "twenties" | "childhood" | "younger")
        || (matches!(word, "year" | "years" | "while" | "time") && next == "back")
        || (word == "when" && next == "i" && matches!(after, "was" | "first" | "were"))
        || (word == "when" && next == "first")
        || (matches!(word, "in" | "back" | "since") && is_year(next))
        || (word == "used" && next == "to")
        || (word == "last" && matches!(next, "year" | "summer" | "winter" | "spring" | "autumn"))
        || (word == "long" && next == "time" && previous == "a")
        || (word == "clean" && matches!(next, "from" | "for" | "since"))
}

/// "now I'm doing well", "in a much better place", "free of it since", "I'm safe now", "proud of that".
fn is_recovery(tokens: &[Token], i: usize) -> bool {
    let word = text_at(tokens, i);
    let next = text_at(tokens, i + 1);
    let previous = i.checked_sub(1).map(|p| text_at(tokens, p)).unwrap_or("");
    (word == "better" && next == "place")
        || (word == "doing" && matches!(next, "well" | "better" | "great" | "good" | "ok" | "okay" | "alright"))
        || (word == "free" && matches!(next, "of" | "from" | "since" | "now"))
        || (matches!(word, "long" | "all" | "it") && next == "over")
        || (word == "sorted" && matches!(next, "now" | "that" | "it"))
        || (word == "all" && next == "sorted")
        || (word == "behind" && next == "me")
        || (word == "safe" && next == "now")
        || (word == "proud" && next == "of")
        || matches!(word, "recovered" | "recovery")
        || (matches!(word, "look" | "looking" | "looked") && next == "forward")
        || (word == "ashamed" && matches!(previous, "not" | "no"))
        || (word == "clean" && matches!(next, "from" | "for" | "since"))
        || (word == "working" && next == "again")
}

/// "still", "relapsed", "tempted", "lately": the risk may not be over.
fn is_relapse(word: &str) -> bool {
    matches!(
        word,
        "still"
            | "relapsed"
            | "relapse"
            | "relapsing"
            | "slipped"
            | "slipping"
            | "tempted"
            | "urges"
            | "urge"
            | "creeping"
            | "lately"
            | "recently"
            | "tonight"
    )
}

/// A word that frames what follows as a topic: "the session on", "a poster about", "we covered".
fn is_topic_frame(word: &str, next: &str) -> bool {
    matches!(
        word,
        "session"
            | "sessions"
            | "talk"
            | "talks"
            | "talked"
            | "training"
            | "discussion"
            | "discussed"
            | "discuss"
            | "poster"
            | "posters"
            | "leaflet"
            | "leaflets"
            | "module"
            | "modules"
            | "film"
            | "video"
            | "documentary"
            | "course"
            | "workshop"
            | "covered"
            | "learnt"
            | "learned"
            | "taught"
            | "information"
            | "info"
            | "lecture"
            | "presentation"
            | "topic"
            | "subject"
            | "article"
            | "programme"
            | "awareness"
            | "handout"
            | "handouts"
            | "booklet"
            | "pamphlet"
    ) || (word == "role" && next == "play")
}
