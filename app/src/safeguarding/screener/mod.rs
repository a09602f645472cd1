//! The safeguarding screener: a first, automatic read of a free-text answer for signs that the person who wrote it,
//! or someone near them, may be at risk — suicidal thoughts, self-harm, harm to others, abuse or exploitation
//! (including a child at risk), unsafe care, and a crisis with no support — so that a member of staff reads it the
//! same day.
//!
//! Five files do its five jobs: `normalise.rs` (the text as words), `rules.rs` (the rules and situations, as data),
//! `matcher.rs` (the pattern language and its matching), `judge.rs` (negation, the past and jokes) and `model.rs`
//! (a small learned model beside the rules, its counts in `model.tsv`). This file keeps [`screen`], the public types
//! and the reasons. `eval/` holds the labelled lines `scripts/bench-screener` measures it on.
//!
//! # What it is, and what it is not
//!
//! It is a triage aid, not a clinical or safeguarding assessment. A flag means "a person should read this today",
//! never "this person is at risk"; no flag means only that none of its phrases matched, never "this person is safe".
//! Every flag is read by a human reviewer the same day, and the answers it does not flag are still read as feedback.
//! It never blocks a submission: [`screen`] cannot fail or panic on any input, and callers store the answer
//! whatever it returns.
//!
//! Its limits, deliberately accepted:
//! - **It misses things.** It knows the phrases and situations in `RULES` and `SITUATIONS` and close variants of
//!   them, no more: new euphemisms, sarcasm, a story told over several answers, the two halves of a situation told
//!   far apart, misspellings it cannot recover and anything not in English pass unflagged. It does not understand
//!   the text; it recognises wording. On lines written after its rules, the rules alone caught roughly half; with
//!   the learned model beside them, 94.5% of the latest fresh batch (see the README for the measured figures, and
//!   for why they are not the team's measure). Distress without risk wording — loneliness, crying, not eating or sleeping, hearing
//!   voices, drinking, stopping medication — is not flagged on its own, only beside a sign of no support ("the
//!   voices are back and my CPN hasn't rung back").
//! - **It errs towards flagging.** Where a phrase is usually risk and occasionally a joke ("I could kill him", "my
//!   mum will kill me when she sees this", "I'd rather die than sing") it flags, and the reviewer dismisses it in
//!   seconds. A missed disclosure costs far more than a second look. The one deliberate exception is a topic named
//!   as a topic ("we *talked about* suicide in group", "the self-harm *module*"), which is not flagged: a personality
//!   disorder service discusses both every week.
//! - **English only**, British spelling and usage first ("tablets", "mum"), written the way people write on a phone
//!   in distress: lowercase, no punctuation, shorthand, missing apostrophes, dropped g's ("cuttin").
//!
//! # How it reads
//!
//! 1. **Normalise.** The text is lowercased and cut into words at anything that is not a letter, digit or
//!    apostrophe (’ ‘ ` ´ all count as '). Contractions and shorthand are spelled out whether or not the apostrophe
//!    is there ("cant", "can't" and "can t" all become "can not"; "im" → "i am"; "u" → "you"; "gonna" → "going to";
//!    "kms" → "kill myself"), a few split words are joined ("any more" → "anymore", "no one" → "nobody") and a few
//!    common misspellings are corrected. Disguises are undone: invisible characters (zero-width spaces, soft
//!    hyphens, joiners) are dropped and the word is cut where they stood unless it is a word the rules know
//!    ("kill\u{200b}myself" → "kill myself", "sui\u{ad}cidal" → "suicidal"); full-width, mathematical, circled,
//!    accented, Cyrillic and Greek look-alike letters become plain ones; a digit or `! @ $ *` between letters reads
//!    as a letter ("k1ll", "d!e"); a letter repeated three or more times counts once; and an unknown word one slip
//!    from a few risk words is read as that word ("overdoes", "sucide"). A word the rules know is also found behind
//!    wider disguises: spelled out in single letters ("s u i c i d a l", "k.m.s", "k-i-l-l"), with digits at its
//!    edges ("d13", "t0") or a star for a letter ("k*lling"), or as a possessive ("my cat's"). Chat tags ("tbh",
//!    "ngl", "x") are dropped and end a clause. Punctuation is kept only as clause breaks
//!    (. , ; ! ? and the like), which bound the reach of a negation or a past marker and count as the end of a
//!    phrase.
//! 2. **Match phrases.** Each rule in `RULES` is a short phrase pattern: a sequence of steps, each a set of
//!    alternative words (a `*` suffix matches a prefix: `suicid*`; "to" also matches "2" and "too"), with an
//!    allowance of filler words between steps (`~2`), optional steps (`[my|the]`), numbers of ten or more (`#num`),
//!    a clause start (`^`) and guards on the words around the match (`<!substance` not preceded by, `>again|$`
//!    followed by, `!3:kettle|oven` none of these in the next three words, `<!3:talked` nor in the three before).
//!    Patterns ignore punctuation, since people in distress seldom use it. Precision comes from the patterns
//!    themselves: a risk phrase names what makes it risk — the self ("kill myself"), a person ("hurt someone"), a
//!    wish ("want to die") — so that "this waiting list is killing me", "I'd kill for a coffee" or "dead boring"
//!    match nothing, and the few idioms that share a risk phrase's words are fenced off by guards ("shot myself in
//!    the foot", "burnt myself on the kettle", "I won't be here next week, I'm on holiday"). Indirect wording has
//!    rules of its own ("everyone would be better off without me", "I've been giving my things away", "I told them
//!    I was unsafe and was sent home"). Every rule carries an example sentence that the tests screen.
//! 3. **Pair cues into situations.** Some rules are cues: half of a situation, ordinary alone and a concern beside
//!    their partner within a window of words, in either order, across sentences — a member of staff and contact
//!    outside work ("the support worker" … "on snapchat late at night"); a child and a sign of harm ("the kids next
//!    door" … "nobody home for days"); a high place and staying there ("the multi-storey" … "stayed up there a long
//!    time"); medicine and keeping it back ("my meds" … "in a drawer just in case"); handing on a pet or things and
//!    "whatever happens"; acute distress and no one to turn to. A second, compositional set of situations pairs
//!    classes of words rather than phrases: an ending said as settled and a time or condition ("after my birthday"
//!    … "it'll all be over"); an amount of medicine and a hiding place ("30 of my tablets" … "in a drawer"); thanks
//!    and not being around ("thank you all" … "you won't have to worry about me"); looking a method up, or a means
//!    at hand, and what would kill or an attempt stopped short ("googling how long" … "bleed out", "the beam" …
//!    "would hold me", "the garage" … "before I bottled it"); the respondent's own body and injuring it ("my
//!    fists" … "till my knuckles split"); intimate pictures and a threat to share them. The second cue of a
//!    situation (the act or the state) is judged; the reason quotes both.
//! 4. **Judge each match** for negation and for the past (below), and clear a joke about someone else: a third
//!    party shortly before (up to eight words), laughter just after, and no "I" or "me" in it ("someone overdosed
//!    on air freshener lol"). Two judgements read the answer whole, once (`judge::Setting`): risk told as clearly
//!    over ("three years ago I tried to end my life, now I'm working again": a past marker near the match, recovery
//!    after it, no relapse word) clears the respondent's own impulses and state, and risk named as a topic ("the
//!    session on safety planning after an overdose": a topic word up to ten words before, no "I", "me" or "my"
//!    from it to the match) clears any concern.
//! 5. **Ask the learned model** about an answer the rules left to it — none flagged it, none was cleared by its
//!    judgement, it does not tell risk that is over as a whole, and it uses none of a few everyday senses the model
//!    cannot tell from risk ("a blood test", "ending it with my boyfriend"): naive Bayes over its words, pairs of
//!    words and word classes, trained on the development set (`model.rs` says how, and what it cannot do). It flags
//!    when the log-odds of risk pass a threshold chosen by cross-validation on the development set, names the
//!    concern the words lean to, and quotes the telling words that weighed most, saying plainly that a statistical
//!    model, not a rule, raised it. It is not judged for negation or the past: it learnt those only as far as its
//!    training lines show them.
//! 6. **Report** the concerns, sorted and without repeats, and for the reviewer one reason per match: what the rule
//!    recognised and the respondent's own words, quoted (at most [`MAX_REASONS`] reasons).
//!
//! # Negation and the past
//!
//! The rules follow whose act a phrase describes.
//! - **The respondent's own impulses** (suicidal thoughts, self-harm, harm to others) **stay flagged when negated**:
//!   "I'm not going to hurt myself", "I don't want to die", "I'd never hurt anyone" are all flagged, with a note
//!   in the reason that they were said with a denial. People in crisis often deny it in the same breath, and a
//!   denial volunteered in a feedback form is itself worth a look. They are **cleared only when clearly past**: a
//!   past marker next to the phrase ("I *used to* self-harm", "I *no longer* want to die", "my *old* self-harm
//!   scars", "*clean from* sh", "I tried to kill myself *years ago*", "*last year* I tried to…", "*in 2019*",
//!   "*when I was* a teenager", "self-harm *free*") or a denial that says it is over ("I don't self-harm
//!   *anymore*", "I haven't cut *for* two years"), and not when a relapse follows ("I used to cut myself and I've
//!   started *again*", "… and I *still* do", "… *but I want to*"). History of this kind is for the clinical record, not for same-day
//!   triage.
//! - **The respondent's present state** (crisis without support) is cleared by a negation or by the past.
//! - **What other people did** (abuse or exploitation, unsafe care) **is cleared by a negation** just before the
//!   phrase or inside it ("my partner has *never* hit me", "staff *never* ignored me", "I *never* felt unsafe in
//!   the group") — these are plain reports, and common in positive feedback — **but never by the past**: historic
//!   abuse and past unsafe care are exactly what a reviewer must see. A negation that is part of the phrase itself
//!   ("he *won't* let me see my friends", "I'm *not* safe at home") is what the rule looks for, not a negation of it.
//!
//! A negation reaches back at most three words and stops at a clause break or a new clause ("but", "and", "i",
//! …); inside a match it counts only right before a step ("has never hit", not "staff who never listened
//! ignored"). A past marker reaches back at most six words, stopping the same way, and forward five; a relapse
//! word counts up to eight words after.
//!
//! # Cost
//!
//! Normalising is one pass over the text. The rules' words are numbered once, on first use, so testing a word
//! against a step is a bit test however long the step's list; rules are indexed by their first word, so each word
//! is tried only against the rules that can start there, and each attempt is bounded by the rule's length and gaps.
//! Situations keep only the latest match of each cue, so pairing them adds a constant per match. Joining spelled-out
//! letters reads at most 24 words at each place. The learned model makes one hash lookup per word and per pair of
//! words. Screening is therefore linear in the length of the text (a test counts the matcher's steps at two
//! lengths); `scripts/bench-screener` prints the time per 10,000 characters in a release build (README).

mod judge;
mod matcher;
mod model;
mod normalise;
mod rules;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use judge::{judge, Setting, Verdict};
use matcher::{matcher, Hit};
use normalise::{normalise, words, Token};
use rules::{Raises, CUES, RULES, SITUATIONS};

pub use model::{
    candidate_thresholds, choose_threshold, concern_of_kind, cross_validate, hard_negative_scores, threshold_curve,
    train, unescape, CrossValidated, CurvePoint, FOLDS, HARD_NEGATIVE_KIND, MIN_PRECISION, MIN_RECALL, THRESHOLD,
};

/// A kind of risk a reviewer looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Concern {
    SuicidalThoughts,
    SelfHarm,
    HarmToOthers,
    AbuseOrExploitation,
    UnsafeCare,
    /// Acute distress with no one to turn to: "the voices are back and my care coordinator is away for a month".
    CrisisWithoutSupport,
}

impl Concern {
    pub const ALL: [Concern; 6] = [
        Concern::SuicidalThoughts,
        Concern::SelfHarm,
        Concern::HarmToOthers,
        Concern::AbuseOrExploitation,
        Concern::UnsafeCare,
        Concern::CrisisWithoutSupport,
    ];

    /// Plain words for the reviewer's page.
    pub fn label(self) -> &'static str {
        match self {
            Concern::SuicidalThoughts => "Suicidal thoughts",
            Concern::SelfHarm => "Self-harm",
            Concern::HarmToOthers => "Harm to others",
            Concern::AbuseOrExploitation => "Abuse or exploitation",
            Concern::UnsafeCare => "Unsafe care",
            Concern::CrisisWithoutSupport => "Crisis without support",
        }
    }

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::SuicidalThoughts => "suicidal_thoughts",
            Concern::SelfHarm => "self_harm",
            Concern::HarmToOthers => "harm_to_others",
            Concern::AbuseOrExploitation => "abuse_or_exploitation",
            Concern::UnsafeCare => "unsafe_care",
            Concern::CrisisWithoutSupport => "crisis_without_support",
        }
    }

    /// The concern stored as [`Concern::as_str`].
    pub fn parse(stored: &str) -> Option<Concern> {
        Concern::ALL.into_iter().find(|c| c.as_str() == stored)
    }

    /// Whether the concern is about the respondent's own impulses (kept when denied, cleared when clearly past)
    /// rather than about what other people did (cleared when denied, kept when past).
    fn is_own_impulse(self) -> bool {
        matches!(self, Concern::SuicidalThoughts | Concern::SelfHarm | Concern::HarmToOthers)
    }

    /// Whether the concern is about the respondent's present state (cleared when denied or clearly past).
    fn is_own_state(self) -> bool {
        matches!(self, Concern::CrisisWithoutSupport)
    }
}

/// What the screener found in one answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    /// Sorted, without repeats; empty when nothing matched.
    pub concerns: Vec<Concern>,
    /// For the reviewer, in the order found: what was recognised and the respondent's words, e.g.
    /// `mentions ending their life: "end it all"`.
    pub reasons: Vec<String>,
}

impl Screening {
    /// Whether a person should read the answer today.
    pub fn is_flagged(&self) -> bool {
        !self.concerns.is_empty()
    }
}

/// At most this many reasons are listed; the reviewer reads the whole answer anyway.
pub const MAX_REASONS: usize = 20;

/// Quotes in reasons are cut to this many characters.
const MAX_QUOTE_CHARS: usize = 80;

/// Screens a free-text answer. Pure, infallible and linear in the length of `text`.
pub fn screen(text: &str) -> Screening {
    screen_with(text, Some((model::model(), model::THRESHOLD)))
}

/// Screens `text` with the rules alone, without the learned model: for measuring what each contributes
/// (`scripts/bench-screener --rules-only`), never for screening answers.
pub fn screen_rules_only(text: &str) -> Screening {
    screen_with(text, None)
}

/// Screens `text` with the rules and, for an answer no rule flagged, `learned` (a model and the log-odds it must
/// pass), or the rules alone when `learned` is `None`. [`screen`] is this with the shipped model and threshold.
fn screen_with(text: &str, learned: Option<(&model::Model, f64)>) -> Screening {
    screen_and_say(text, learned).0
}

/// [`screen_with`], and whether the rules left the answer to the learned model (no rule flagged it, none was cleared
/// by its judgement, and it does not tell risk that is over as a whole).
fn screen_and_say(text: &str, learned: Option<(&model::Model, f64)>) -> (Screening, bool) {
    let (buffer, raw) = normalise(text);
    let mut tokens = words(&buffer, &raw);
    let matcher = matcher();
    matcher.annotate(&mut tokens);
    let setting = Setting::read(&tokens);
    let mut report =
        Report { text, tokens: &tokens, setting: &setting, cleared: false, concerns: Vec::new(), reasons: Vec::new() };
    // The latest match of each cue: a situation pairs a cue with the nearest partner before it.
    let mut latest: [Option<Hit>; CUES] = [None; CUES];
    for hit in matcher.hits(&tokens) {
        let Some(rule) = matcher.patterns.get(hit.pattern).and_then(|p| RULES.get(p.rule)) else { continue };
        match rule.raises {
            Raises::Concern(concern) => report.add(concern, rule.reason, &[hit], 0),
            Raises::Cue(cue) => {
                for situation in SITUATIONS {
                    let partner = match situation.cues {
                        [first, second] if first == cue => second,
                        [first, second] if second == cue => first,
                        _ => continue,
                    };
                    let near = latest.get(partner as usize).copied().flatten();
                    if let Some(earlier) = near.filter(|e| hit.start.saturating_sub(e.end) <= situation.window) {
                        // The second cue is the act or the state ("saving", "nobody now"); it alone is judged, since
                        // "my old prescriptions" is not a past event, nor "not slept" a denial.
                        let act = usize::from(situation.cues[1] == cue);
                        report.add(situation.concern, situation.reason, &[earlier, hit], act);
                    }
                }
                if let Some(slot) = latest.get_mut(cue as usize) {
                    *slot = Some(hit);
                }
            }
        }
    }
    // The learned model reads only what the rules let through: not an answer whose risk wording a rule recognised
    // and the judgement cleared (a denial of what others did, the past, a topic, a joke), nor one that as a whole
    // tells risk that is over, since it cannot tell those apart from the words alone.
    let left_to_model =
        report.concerns.is_empty() && !report.cleared && !setting.is_resolved_answer() && !setting.has_safe_sense();
    if left_to_model {
        if let Some(reading) = learned.and_then(|(model, threshold)| model.read(&tokens, threshold)) {
            report.add_learned(reading.concern, &reading.quoted);
        }
    }
    let Report { mut concerns, reasons, .. } = report;
    concerns.sort_unstable();
    concerns.dedup();
    (Screening { concerns, reasons }, left_to_model)
}

/// The concerns and reasons found so far.
struct Report<'t, 'a> {
    text: &'t str,
    tokens: &'t [Token<'a>],
    setting: &'t Setting,
    /// Whether a rule or situation matched and its judgement cleared it.
    cleared: bool,
    concerns: Vec<Concern>,
    reasons: Vec<String>,
}

impl Report<'_, '_> {
    /// Judges `hits[judged]` of the matches that together raise `concern` (one for a rule, two for a situation)
    /// and, unless it is cleared, records the concern with a reason quoting each match.
    fn add(&mut self, concern: Concern, reason: &str, hits: &[Hit], judged: usize) {
        let start = hits.iter().map(|h| h.start).min().unwrap_or(0);
        let end = hits.iter().map(|h| h.end).max().unwrap_or(0);
        if self.setting.is_topic(start, end)
            || ((concern.is_own_impulse() || concern.is_own_state()) && self.setting.is_resolved_past(start, end))
        {
            self.cleared = true;
            return;
        }
        let Some(verdict) = hits.get(judged).and_then(|hit| judge(concern, self.tokens, hit)) else {
            self.cleared = true;
            return;
        };
        let denied = matches!(verdict, Verdict::Denied(_));
        let mut quotes = Vec::with_capacity(hits.len());
        for (i, hit) in hits.iter().enumerate() {
            let from = match verdict {
                Verdict::Denied(negator) if i == judged => negator.min(hit.start),
                _ => hit.start,
            };
            quotes.push(format!("\"{}\"", quote(self.text, self.tokens, from, hit.end)));
        }
        self.concerns.push(concern);
        if self.reasons.len() < MAX_REASONS {
            let note = if denied { " (said with a denial; flagged anyway)" } else { "" };
            let reason = format!("{reason}{note}: {}", quotes.join(" … "));
            if !self.reasons.contains(&reason) {
                self.reasons.push(reason);
            }
        }
    }
}

impl Report<'_, '_> {
    /// Records a concern the learned model raised, quoting the words that weighed most (first and one-past-last
    /// token of each).
    fn add_learned(&mut self, concern: Concern, quoted: &[(usize, usize)]) {
        let quotes: Vec<String> =
            quoted.iter().map(|&(from, to)| format!("\"{}\"", quote(self.text, self.tokens, from, to))).collect();
        self.concerns.push(concern);
        self.reasons.push(format!("{}: {}", LEARNED_REASON, quotes.join(" … ")));
    }
}

/// The reason given for a flag the learned model raised, before the quoted words.
pub const LEARNED_REASON: &str = "reads like the risk statements the screener learnt from (a statistical model, not a rule; the words that weighed most)";

/// The respondent's own words for a match, on one line.
fn quote(text: &str, tokens: &[Token], from: usize, to: usize) -> String {
    let (Some(first), Some(last)) = (tokens.get(from), to.checked_sub(1).and_then(|i| tokens.get(i))) else {
        return String::new();
    };
    let slice = text.get(first.orig.start..last.orig.end.max(first.orig.start)).unwrap_or("");
    let mut out = String::new();
    let mut chars = 0;
    for (i, part) in slice.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in part.chars() {
            if chars == MAX_QUOTE_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
}
