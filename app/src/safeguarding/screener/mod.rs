//! The safeguarding screener: a first, automatic read of a free-text answer for signs that the person who wrote it,
//! or someone near them, may be at risk — suicidal thoughts, self-harm, harm to others, abuse or exploitation, and
//! unsafe care — so that a member of staff reads it the same day.
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
//! - **It misses things.** It knows the phrases in `RULES` and close variants of them, no more: new euphemisms,
//!   sarcasm, a story told over several sentences, misspellings it has not been taught and anything not in English
//!   pass unflagged. It does not understand the text; it recognises wording. Distress without risk wording —
//!   loneliness, crying, not eating or sleeping, hearing voices, drinking, stopping medication, "it's all too
//!   much" — is not flagged on its own.
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
//!    common misspellings of "myself" are corrected. Punctuation is kept only as clause breaks (. , ; ! ? and the
//!    like), which bound the reach of a negation or a past marker and count as the end of a phrase.
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
//! 3. **Judge each match** for negation and for the past (below).
//! 4. **Report** the concerns, sorted and without repeats, and for the reviewer one reason per match: what the rule
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
//! Screening is therefore linear in the length of the text: in a release build a 10,000-character answer takes
//! about 0.2 ms, and text written to be slow (every word starting many rules) under 0.5 ms.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A kind of risk a reviewer looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Concern {
    SuicidalThoughts,
    SelfHarm,
    HarmToOthers,
    AbuseOrExploitation,
    UnsafeCare,
}

impl Concern {
    pub const ALL: [Concern; 5] = [
        Concern::SuicidalThoughts,
        Concern::SelfHarm,
        Concern::HarmToOthers,
        Concern::AbuseOrExploitation,
        Concern::UnsafeCare,
    ];

    /// Plain words for the reviewer's page.
    pub fn label(self) -> &'static str {
        match self {
            Concern::SuicidalThoughts => "Suicidal thoughts",
            Concern::SelfHarm => "Self-harm",
            Concern::HarmToOthers => "Harm to others",
            Concern::AbuseOrExploitation => "Abuse or exploitation",
            Concern::UnsafeCare => "Unsafe care",
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
    let (buffer, raw) = normalise(text);
    let mut tokens = words(&buffer, &raw);
    let matcher = matcher();
    matcher.annotate(&mut tokens);
    let mut concerns = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    for hit in matcher.hits(&tokens) {
        let Some(rule) = matcher.patterns.get(hit.pattern).and_then(|p| RULES.get(p.rule)) else { continue };
        let Some(verdict) = judge(rule.concern, &tokens, &hit) else { continue };
        concerns.push(rule.concern);
        if reasons.len() < MAX_REASONS {
            let from = match verdict {
                Verdict::Denied(negator) => negator.min(hit.start),
                Verdict::Plain => hit.start,
            };
            let note = if matches!(verdict, Verdict::Denied(_)) { " (said with a denial; flagged anyway)" } else { "" };
            let reason = format!("{}{note}: \"{}\"", rule.reason, quote(text, &tokens, from, hit.end));
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    }
    concerns.sort_unstable();
    concerns.dedup();
    Screening { concerns, reasons }
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising

/// A word as it stands in the text, before contractions are spelled out.
struct RawWord {
    /// Its lowercased letters in the normalised buffer.
    norm: Range<usize>,
    /// Its bytes in the original text, for quoting.
    orig: Range<usize>,
    /// Whether a clause break (punctuation) comes just before it.
    clause_start: bool,
}

/// A normalised word: a slice of the buffer or a spelled-out contraction.
struct Token<'a> {
    text: &'a str,
    orig: Range<usize>,
    clause_start: bool,
    /// Its number in the rules' vocabulary, if a rule names it.
    word: Option<usize>,
    /// A bit for each rule prefix it starts with.
    prefixes: u128,
    /// Ten or more, in digits or words.
    is_big_number: bool,
}

impl<'a> Token<'a> {
    fn new(text: &'a str, orig: Range<usize>, clause_start: bool) -> Token<'a> {
        Token { text, orig, clause_start, word: None, prefixes: 0, is_big_number: false }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′')
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\n'
            | '\r'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '…'
            | '—'
            | '–'
            | '•'
            | '¡'
            | '¿'
    )
}

/// Lowercases the text into one buffer and finds its words: one pass, one allocation for the buffer.
fn normalise(text: &str) -> (String, Vec<RawWord>) {
    let mut buffer = String::with_capacity(text.len());
    let mut raw = Vec::with_capacity(text.len() / 4);
    let mut current: Option<(usize, usize)> = None;
    let mut orig_end = 0;
    let mut pending_break = false;
    for (at, c) in text.char_indices() {
        let apostrophe = is_apostrophe(c);
        if c.is_alphanumeric() || (apostrophe && current.is_some()) {
            if current.is_none() {
                current = Some((buffer.len(), at));
            }
            if apostrophe {
                buffer.push('\'');
            } else if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else {
                buffer.extend(c.to_lowercase());
            }
            orig_end = at + c.len_utf8();
        } else {
            if let Some(start) = current.take() {
                finish(&buffer, &mut raw, start, orig_end, pending_break);
                pending_break = false;
            }
            if is_clause_break(c) {
                pending_break = true;
            }
        }
    }
    if let Some(start) = current {
        finish(&buffer, &mut raw, start, orig_end, pending_break);
    }
    (buffer, raw)
}

/// Ends the word that began at `norm_start` in the buffer and `orig_start` in the text.
fn finish(buffer: &str, raw: &mut Vec<RawWord>, (norm_start, orig_start): (usize, usize), orig_end: usize, brk: bool) {
    // Apostrophes join a word only inside it: "mums'" is "mums".
    let word = buffer.get(norm_start..).unwrap_or("").trim_end_matches('\'');
    if !word.is_empty() {
        raw.push(RawWord { norm: norm_start..norm_start + word.len(), orig: orig_start..orig_end, clause_start: brk });
    }
}

/// Joins split words and spells out contractions and shorthand.
fn words<'a>(buffer: &'a str, raw: &[RawWord]) -> Vec<Token<'a>> {
    let text = |w: &RawWord| buffer.get(w.norm.clone()).unwrap_or("");
    let mut tokens = Vec::with_capacity(raw.len() + raw.len() / 4);
    let mut k = 0;
    while let Some(word) = raw.get(k) {
        let next = raw.get(k + 1).filter(|n| !n.clause_start);
        if let Some(next) = next {
            let after = raw.get(k + 2).filter(|a| !a.clause_start).map(text).unwrap_or("");
            let span = word.orig.start..next.orig.end;
            if let Some(joined) = join(text(word), text(next), after) {
                push_expanded(&mut tokens, joined, span, word.clause_start);
                k += 2;
                continue;
            }
            // "don t", "i m": a contraction whose apostrophe became a space.
            if matches!(text(next), "t" | "m" | "ve" | "ll" | "d" | "re") {
                let contraction = format!("{}'{}", text(word), text(next));
                if let Some(parts) = expand(&contraction) {
                    push_parts(&mut tokens, parts, span, word.clause_start);
                    k += 2;
                    continue;
                }
            }
        }
        // "id" is "i'd" except as a noun: "he keeps my ID".
        let noun = text(word) == "id"
            && k.checked_sub(1)
                .and_then(|i| raw.get(i))
                .is_some_and(|p| matches!(text(p), "my" | "your" | "his" | "her" | "their" | "photo" | "an" | "the"));
        if noun {
            tokens.push(Token::new(text(word), word.orig.clone(), word.clause_start));
        } else {
            push_expanded(&mut tokens, text(word), word.orig.clone(), word.clause_start);
        }
        k += 1;
    }
    tokens
}

fn push_expanded<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, orig: Range<usize>, clause_start: bool) {
    match expand(text) {
        Some(parts) => push_parts(tokens, parts, orig, clause_start),
        None => tokens.push(Token::new(text, orig, clause_start)),
    }
}

fn push_parts(tokens: &mut Vec<Token<'_>>, parts: &'static [&'static str], orig: Range<usize>, clause_start: bool) {
    for (i, part) in parts.iter().enumerate() {
        tokens.push(Token::new(part, orig.clone(), clause_start && i == 0));
    }
}

/// Two words written apart that the rules know as one.
fn join(first: &str, second: &str, after: &str) -> Option<&'static str> {
    Some(match (first, second) {
        ("any", "more") => "anymore",
        ("no", "one") => "nobody",
        ("some", "one") => "someone",
        ("good", "bye") => "goodbye",
        ("over", "dose" | "dosed" | "doses" | "dosing") => "overdose",
        // "my self harm", "my self esteem" keep "self" for the words after it.
        ("my", "self")
            if ![
                "harm", "injur", "esteem", "worth", "confiden", "care", "image", "hat", "belief", "doubt", "respect",
            ]
            .iter()
            .any(|p| after.starts_with(p)) =>
        {
            "myself"
        }
        _ => return None,
    })
}

/// A contraction or shorthand spelled out, from `EXPANSIONS`.
fn expand(word: &str) -> Option<&'static [&'static str]> {
    static TABLE: OnceLock<HashMap<&'static str, &'static [&'static str], BuildHasherDefault<Fnv>>> = OnceLock::new();
    TABLE.get_or_init(|| EXPANSIONS.iter().copied().collect()).get(word).copied()
}

/// Contractions and shorthand, spelled out. Every word in a rule is in this spelled-out form.
const EXPANSIONS: &[(&str, &[&str])] = &[
    ("can't", &["can", "not"]),
    ("cant", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("carnt", &["can", "not"]),
    ("don't", &["do", "not"]),
    ("dont", &["do", "not"]),
    ("doesn't", &["does", "not"]),
    ("doesnt", &["does", "not"]),
    ("didn't", &["did", "not"]),
    ("didnt", &["did", "not"]),
    ("won't", &["will", "not"]),
    ("wont", &["will", "not"]),
    ("wouldn't", &["would", "not"]),
    ("wouldnt", &["would", "not"]),
    ("couldn't", &["could", "not"]),
    ("couldnt", &["could", "not"]),
    ("shouldn't", &["should", "not"]),
    ("shouldnt", &["should", "not"]),
    ("isn't", &["is", "not"]),
    ("isnt", &["is", "not"]),
    ("aren't", &["are", "not"]),
    ("arent", &["are", "not"]),
    ("wasn't", &["was", "not"]),
    ("wasnt", &["was", "not"]),
    ("weren't", &["were", "not"]),
    ("werent", &["were", "not"]),
    ("haven't", &["have", "not"]),
    ("havent", &["have", "not"]),
    ("hasn't", &["has", "not"]),
    ("hasnt", &["has", "not"]),
    ("hadn't", &["had", "not"]),
    ("hadnt", &["had", "not"]),
    ("ain't", &["is", "not"]),
    ("aint", &["is", "not"]),
    ("mustn't", &["must", "not"]),
    ("mustnt", &["must", "not"]),
    ("needn't", &["need", "not"]),
    ("neednt", &["need", "not"]),
    ("i'm", &["i", "am"]),
    ("im", &["i", "am"]),
    ("i've", &["i", "have"]),
    ("ive", &["i", "have"]),
    ("i'll", &["i", "will"]),
    ("i'd", &["i", "would"]),
    ("id", &["i", "would"]),
    ("you're", &["you", "are"]),
    ("youre", &["you", "are"]),
    ("you'll", &["you", "will"]),
    ("youll", &["you", "will"]),
    ("you'd", &["you", "would"]),
    ("youd", &["you", "would"]),
    ("you've", &["you", "have"]),
    ("youve", &["you", "have"]),
    ("he's", &["he", "is"]),
    ("hes", &["he", "is"]),
    ("she's", &["she", "is"]),
    ("shes", &["she", "is"]),
    ("he'll", &["he", "will"]),
    ("she'll", &["she", "will"]),
    ("he'd", &["he", "would"]),
    ("hed", &["he", "would"]),
    ("she'd", &["she", "would"]),
    ("it's", &["it", "is"]),
    ("that's", &["that", "is"]),
    ("thats", &["that", "is"]),
    ("there's", &["there", "is"]),
    ("theres", &["there", "is"]),
    ("what's", &["what", "is"]),
    ("whats", &["what", "is"]),
    ("who's", &["who", "is"]),
    ("they're", &["they", "are"]),
    ("theyre", &["they", "are"]),
    ("they've", &["they", "have"]),
    ("theyve", &["they", "have"]),
    ("they'll", &["they", "will"]),
    ("theyll", &["they", "will"]),
    ("they'd", &["they", "would"]),
    ("theyd", &["they", "would"]),
    ("we're", &["we", "are"]),
    ("we've", &["we", "have"]),
    ("weve", &["we", "have"]),
    ("we'll", &["we", "will"]),
    ("we'd", &["we", "would"]),
    ("gonna", &["going", "to"]),
    ("gunna", &["going", "to"]),
    ("wanna", &["want", "to"]),
    ("wana", &["want", "to"]),
    ("wonna", &["want", "to"]),
    ("gotta", &["got", "to"]),
    ("dunno", &["do", "not", "know"]),
    ("idk", &["i", "do", "not", "know"]),
    ("u", &["you"]),
    ("ya", &["you"]),
    ("yu", &["you"]),
    ("ur", &["your"]),
    ("r", &["are"]),
    ("kms", &["kill", "myself"]),
    ("ppl", &["people"]),
    ("some1", &["someone"]),
    ("sum1", &["someone"]),
    ("sumone", &["someone"]),
    ("no1", &["nobody"]),
    ("noone", &["nobody"]),
    ("nobdy", &["nobody"]),
    ("every1", &["everyone"]),
    ("evry1", &["everyone"]),
    ("evryone", &["everyone"]),
    ("everyon", &["everyone"]),
    ("coz", &["because"]),
    ("cos", &["because"]),
    ("cuz", &["because"]),
    ("bc", &["because"]),
    ("bcos", &["because"]),
    ("becoz", &["because"]),
    ("bcoz", &["because"]),
    ("becuase", &["because"]),
    ("becasue", &["because"]),
    ("b4", &["before"]),
    ("wud", &["would"]),
    ("wd", &["would"]),
    ("cud", &["could"]),
    ("shud", &["should"]),
    ("wiv", &["with"]),
    ("wif", &["with"]),
    ("wot", &["what"]),
    ("wat", &["what"]),
    ("tho", &["though"]),
    ("thru", &["through"]),
    ("nite", &["night"]),
    ("tonite", &["tonight"]),
    ("2nite", &["tonight"]),
    ("tmrw", &["tomorrow"]),
    ("tmr", &["tomorrow"]),
    ("2moro", &["tomorrow"]),
    ("tomoz", &["tomorrow"]),
    ("tomorow", &["tomorrow"]),
    ("alot", &["a", "lot"]),
    ("nothin", &["nothing"]),
    ("nuthin", &["nothing"]),
    ("bf", &["boyfriend"]),
    ("gf", &["girlfriend"]),
    ("myslef", &["myself"]),
    ("mysef", &["myself"]),
    ("myseld", &["myself"]),
    ("meself", &["myself"]),
    ("mysefl", &["myself"]),
    ("mself", &["myself"]),
    ("myslf", &["myself"]),
    ("mysel", &["myself"]),
    ("myelf", &["myself"]),
    ("mysself", &["myself"]),
];

// ---------------------------------------------------------------------------------------------------------------
// Rules

/// One phrase the screener recognises.
struct Rule {
    concern: Concern,
    /// Why a reviewer is shown the answer, in plain words ("mentions ending their life").
    reason: &'static str,
    /// The phrase, in the pattern language described in the module documentation.
    pattern: &'static str,
    /// A sentence the rule must flag: every rule is tested against its own example.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests, which check every rule against it"))]
    example: &'static str,
}

const fn rule(concern: Concern, reason: &'static str, pattern: &'static str, example: &'static str) -> Rule {
    Rule { concern, reason, pattern, example }
}

const SUICIDE: Concern = Concern::SuicidalThoughts;
const SELF_HARM: Concern = Concern::SelfHarm;
const OTHERS: Concern = Concern::HarmToOthers;
const ABUSE: Concern = Concern::AbuseOrExploitation;
const CARE: Concern = Concern::UnsafeCare;

/// Parts of the body people harm.
macro_rules! body {
    () => {
        "arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|tummy|belly|hip|hips|chest|body"
    };
}
/// Medicines, as people name them.
macro_rules! tablets {
    () => {
        "tablets|tablet|pills|pill|meds|medication|medicine|paracetamol|painkillers|tabs|codeine|cocodamol|insulin|antidepressants|sleeping"
    };
}
/// People someone might harm.
macro_rules! victim {
    () => {
        "someone|somebody|anyone|anybody|people|person|him|her|them|everyone|everybody|others|baby|babies|kids|kid|children|child|son|daughter|partner|husband|wife|boyfriend|girlfriend|mum|mam|mom|dad|brother|sister|neighbour|neighbours|flatmate|housemate|nurse|nurses|therapist|doctor|staff|carer|ex|man|woman"
    };
}
/// Verbs of violence, in the forms people write them.
macro_rules! violence {
    () => {
        "kill|kil|killing|killed|murder|murdering|murdered|stab|stabbing|stabbed|strangle|strangling|strangled|smother|smothering|smothered|hurt|hurting|harm|harming|harmed|attack|attacking|attacked|batter|battering|battered|punch|punching|punched|hit|hitting|poison|poisoning|poisoned|drown|drowning|drowned|throttle|throttling|choke|choking|slap|slapping|slapped|kick|kicking|kicked"
    };
}
/// Words a violent phrase never sits before in earnest: "hurt her feelings", "kill them with kindness".
macro_rules! not_violence {
    () => {
        "!3:feelings|feeling|up|out|off|back|hard|kindness|kindess|laughter|love|chances|jokes|joke|compliments|pride|chess|game|quiz|race|cards"
    };
}
/// People who abuse or exploit, as respondents name them.
macro_rules! abuser {
    () => {
        "he|she|they|partner|boyfriend|girlfriend|husband|wife|ex|dad|father|stepdad|stepfather|mum|mam|mom|mother|stepmum|stepmother|brother|sister|uncle|aunt|auntie|grandad|granddad|grandfather|grandma|nan|carer|carers|landlord|someone|somebody|man|men|boss|neighbour|neighbours|son|daughter|family|friend|friends|fiance|pimp|dealer|dealers|gang|cousin|lodger|flatmate|housemate|guy|bloke|patient|patients|resident|residents"
    };
}
/// What abusers do, with "me" or a child after it.
macro_rules! abuse {
    () => {
        "hit|hits|hitting|beat|beats|beating|beaten|batter*|punch*|kick|kicks|kicked|kicking|slap*|strangl*|choke|chokes|choked|choking|throttl*|grab|grabs|grabbed|grabbing|threaten*|rape|rapes|raped|raping|assault*|abuse|abuses|abused|abusing|molest*|hurt|hurts|hurting|bully|bullies|bullied|bullying|force|forces|forced|forcing|burn|burns|burnt|burned|attack*|blackmail*|control|controls|controlled|controlling|spit|spits|spat|drug|drugged|drugging|humiliat*|belittl*|threw|throws|slammed|slams|pinned|pins|dragged|drags|squeezed"
    };
}
/// Who an abuser does it to.
macro_rules! abused {
    () => {
        "me|us|kids|children|child|son|daughter|baby|babies|sister|brother|mum|mam|mom"
    };
}
/// People close to the respondent, for telling abuse from unsafe care ("he held me down").
macro_rules! close {
    () => {
        "he|she|partner|boyfriend|girlfriend|husband|wife|ex|dad|father|stepdad|mum|mother|brother|sister|uncle|son|daughter"
    };
}
/// People someone might be afraid of at home.
macro_rules! household {
    () => {
        "him|her|them|partner|husband|boyfriend|girlfriend|wife|dad|father|stepdad|ex|brother|uncle|mum|mother|family|landlord|pimp|dealer|dealers"
    };
}
/// Staff, and "they", which in feedback about a service is usually staff.
macro_rules! staff_or_they {
    () => {
        concat!(staff!(), "|they")
    };
}
/// Staff, by their roles.
macro_rules! staff {
    () => {
        "staff|nurse|nurses|doctor|doctors|dr|psychiatrist|psychiatrists|psychologist|psychologists|therapist|therapists|counsellor|worker|workers|cpn|cpns|hca|hcas|receptionist|receptionists|reception|security|guard|guards|coordinator|consultant|consultants|practitioner|practitioners|clinician|clinicians|facilitator|facilitators|team|manager|managers|police|officer|officers|paramedic|paramedics|gp|keyworker|member|members"
    };
}
/// Telling someone.
macro_rules! told {
    () => {
        "told|tell|telling|said|saying|rang|phoned|called|explained|begged|begging|asked|disclosed|mentioned|admitted|warned"
    };
}
/// Words that say a person was at risk when they told someone.
macro_rules! at_risk {
    () => {
        "unsafe|suicidal|suicide|overdose|overdosed|crisis|struggling|harm|harming|cutting|kill|die|dying|desperate|voices|hopeless|od|selfharm|selfharming|hang|hanging|ligature|attempt|attempted"
    };
}
/// Words that tie being sent away to being at risk: "sent home even though I was suicidal".
macro_rules! despite {
    () => {
        "though|despite|while|whilst|when|although|after|even|but|day|hours"
    };
}
/// Places in a service.
macro_rules! place {
    () => {
        "ward|wards|group|groups|service|clinic|unit|hospital|reception|building|centre|center|session|sessions|room|appointment|appointments|waiting"
    };
}
/// Words after "not safe" that make it about a place or a person, not the respondent's own safety.
macro_rules! somewhere {
    () => {
        "!in|at|on|with|around|near|when|because|going|walking|travelling|there|here|since|as|about|by|from|during|outside|inside|home|ward|group|driving|leaving|coming"
    };
}
/// Reasons for not being around that are not a farewell.
macro_rules! away {
    () => {
        "!6:holiday|holidays|away|work|working|because|since|due|appointment|wedding|funeral|abroad|visiting|moving|move|moved|college|uni|university|school|exam|exams|hospital|operation|surgery|busy|shift|shifts|childcare|off|week|weeks|days|month|months"
    };
}

/// Guards for a risk word named as a topic: "we talked about suicide", "the self-harm module".
macro_rules! topic {
    () => {
        concat!(
            " <!3:talked|talking|discussed|discussing|covered|covering|topic|topics|module|modules|leaflet|leaflets|",
            "awareness|training|information|info|subject|subjects",
            " !module|modules|session|sessions|workshop|workshops|leaflet|leaflets|training|awareness|prevention|policy|topic"
        )
    };
}

/// Every phrase the screener recognises. The pattern language is described in the module documentation.
const RULES: &[Rule] = &[
    // ---- Suicidal thoughts: explicit
    rule(
        SUICIDE,
        "mentions killing themselves",
        "kill|kil|kll|killing|killin|killed|kiling ~1 myself !2:laughing|laughin|laugh|lol|lmao|haha|working|trying|running|rushing",
        "i want to kill myself",
    ),
    rule(
        SUICIDE,
        "mentions suicide or feeling suicidal",
        concat!(
            "suicid*|sucid*|suicd*|suisid*|suiced*|sucide*|suicde*|suiside* !prevention|awareness|training|squad|bomber|bombers|bombing",
            topic!()
        ),
        "i feel suicidal most days",
    ),
    rule(
        SUICIDE,
        "says they want to die",
        "want|wanted|wanting|wish|wishing|ready|desperate|longing ~1 to ~1 [be] die|dead|dying !of|laughing|laughin",
        "i just want to die",
    ),
    rule(
        SUICIDE,
        "says they want to die",
        "wish|wished|wishing|hope|hoping|pray|praying ~1 i ~2 dead|die|died|disappear|gone",
        "i wish i was dead",
    ),
    rule(SUICIDE, "says they want to die", "let|letting|leave ~1 me ~1 die", "they should have let me die"),
    rule(SUICIDE, "says they would rather be dead", "rather ~1 die|dead", "id rather be dead"),
    rule(
        SUICIDE,
        "wishes they had never been born",
        "wish|wished|wishing ~3 never|not ~2 born|existed|exist|alive",
        "i wish i had never been born",
    ),
    rule(SUICIDE, "says they would be better off dead", "better off|of ~1 dead", "id be better off dead"),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "better|happier|easier ~2 without me",
        "everyone would be better off without me",
    ),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "better off|of ~1 if i ~3 gone|dead|died|die|disappeared|existed|around|alive|here",
        "theyd be better off if i was gone",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "end|ending|ended|take|taking|took|taken|finish|finishing my ~1 life|lives !back|into|in|forward|seriously|for|again|story|journey|by|apart",
        "i keep thinking about taking my own life",
    ),
    rule(SUICIDE, "mentions ending their life", "end|ending it all", "been thinking about ending it all"),
    rule(SUICIDE, "mentions ending their life", "end|ending everything", "i want to end everything"),
    rule(
        SUICIDE,
        "mentions ending their life",
        "end|ending things !with|between|there|here|on|properly|well|nicely",
        "ive been thinking about ending things",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "want|going|plan|planning|think|thinking|ready|decided|might|could|will|about|just|like ~2 end|ending it >$|now|tonight|today|soon|all|forever|already|i|please|tomorrow",
        "i just want to end it",
    ),
    rule(SUICIDE, "mentions a method of suicide", "hang|hanging|hung ~1 myself", "i tried to hang myself"),
    rule(SUICIDE, "mentions a method of suicide", "noose|nooses", "ive bought a noose"),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "jump|jumping|jumped|throw|throwing|threw ~2 off|from ~3 bridge|building|roof|rooftop|cliff|cliffs|balcony|tower|motorway|window|carpark|multi|storey|flyover|overpass|tracks|railway",
        "thinking about jumping off the bridge near my house",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped|walk|walking|walked|run|running|ran|lie|lying|lay ~2 front|under ~3 train|trains|bus|buses|lorry|lorries|traffic|car|cars|truck|tram|van",
        "i want to throw myself under a train",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "walk|walking|walked|jump|jumping|jumped|run|running|ran|drive|driving|drove ~1 into ~2 sea|river|traffic|canal|lake|reservoir|wall|tree",
        "i keep thinking about walking into the sea",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "drown|drowning|shoot|shooting|shot|gas|gassing|poison|poisoning|electrocute|electrocuting|suffocate|suffocating|strangle|strangling|stab|stabbing|stabbed|smother ~1 myself !4:foot|feet|leg|laughing|work|coffee|tea|paperwork|sorrows|debt|books !a|an|some|up",
        "ive thought about drowning myself",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "slit|slitting|slash|slashing|cut|cutting ~1 wrist|wrists|throat !3:glass|tin|accidentally|accident|accidently|knife|cooking",
        "i want to slit my wrists",
    ),
    rule(SUICIDE, "mentions a method of suicide", "set|setting myself ~1 fire|alight", "i want to set myself on fire"),
    rule(SUICIDE, "mentions a method of suicide", "set|setting fire ~1 myself", "i thought about setting fire to myself"),
    rule(
        SUICIDE,
        "mentions thoughts of death",
        "think|thinking|thought|thoughts|obsessed|obsessing|fantasise|fantasising|fantasize|fantasizing|dream|dreaming|longing|long|wish|wishing|pray|praying ~1 about|of|for ~1 death|dying",
        "i think about death all the time",
    ),
    // ---- Suicidal thoughts: indirect
    rule(
        SUICIDE,
        "describes themselves as a burden",
        "am|feel|feeling|felt|be|being|become|becoming ~3 burden|burdens",
        "i feel like such a burden",
    ),
    rule(
        SUICIDE,
        "describes themselves as a burden",
        "not ~2 be ~2 problem|bother|nuisance|trouble|pain ~3 longer|long",
        "i wont be a problem much longer",
    ),
    rule(
        SUICIDE,
        "sees no point in going on",
        "no|not|what|see ~2 point ~3 living|life|alive|existing|anymore|anything|on|being|waking|carrying|continuing",
        "i dont see the point in going on",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 go|carry|keep ~1 on|going !the|a|an|holiday|holidays|trip|trips|about|at|with|to|my|this|that|in|top|track|time",
        "i cant go on like this",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 do|take|cope|handle|manage|stand|bear|live|face [this|it|life|everything|any|much|no|things] anymore|longer|more",
        "i cant do this anymore",
    ),
    rule(SUICIDE, "says they cannot go on", "can not ~1 live ~1 like|anymore", "i cant live like this"),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 face ~1 another|tomorrow|anything|life|living|waking|everything|going",
        "i cant face another day",
    ),
    rule(
        SUICIDE,
        "says they are tired of living",
        "tired|sick|done|exhausted|weary ~2 of|with ~2 living|life|alive|existing !3:admin|hold",
        "im so tired of living",
    ),
    rule(SUICIDE, "sees no way out", "no|only ~1 way out !2:car|building|room|parking|carpark", "theres no way out"),
    rule(
        SUICIDE,
        "says they have nothing to live for",
        "nothing|no ~3 live|living|alive !with|in|there|at|near|on|nearby|locally|close|together|under|here|abroad|independently|alone",
        "ive got nothing left to live for",
    ),
    rule(SUICIDE, "says life is not worth living", "not ~1 worth ~1 living|alive|existing|live", "life is not worth living"),
    rule(SUICIDE, "says life is not worth living", "life ~2 not ~1 worth", "life isnt worth it"),
    rule(
        SUICIDE,
        "wants everything to end",
        "want|wish|need|wanting ~2 all|everything ~1 to ~2 end|stop|over",
        "i want it all to stop",
    ),
    rule(SUICIDE, "wants everything to end", "wish ~3 all over", "i wish it was all over"),
    rule(SUICIDE, "says they feel hopeless", "feel|feeling|am ~2 hopeless !at|with|about", "i feel so hopeless"),
    rule(
        SUICIDE,
        "says they have given up",
        "given|give|giving|gave ~1 up ~1 on ~1 life|living|everything|myself",
        "ive given up on life",
    ),
    rule(SUICIDE, "says there is nothing left for them", "nothing ~1 left ~2 for me", "theres nothing left for me"),
    rule(SUICIDE, "says they have no future", "i|me ~2 no ~1 future", "i have no future"),
    rule(SUICIDE, "says they have no future", "not ~2 see ~2 future", "i dont see a future for myself"),
    rule(
        SUICIDE,
        "mentions goodbye letters",
        "goodbye ~1 letter|letters|note|notes|message|messages|video|videos",
        "ive written my goodbye letters",
    ),
    rule(SUICIDE, "mentions goodbye letters", "letter|letters|note|notes ~5 goodbye", "ive written letters to say goodbye"),
    rule(
        SUICIDE,
        "mentions goodbye letters",
        "written|wrote|writing|write ~2 letters|notes ~3 family|kids|children|mum|dad|everyone|loved|partner|husband|wife|son|daughter|friends",
        "i wrote notes for my family",
    ),
    rule(SUICIDE, "sounds like a farewell", "goodbye ~1 forever|world", "goodbye forever"),
    rule(SUICIDE, "sounds like a farewell", "not ~1 blame ~1 yourself|yourselves", "please dont blame yourselves"),
    rule(
        SUICIDE,
        "sounds like a final message",
        "last ~1 time|message|note|words ~4 hear|see|hearing|seeing|speak|speaking ~1 from|me",
        "this is the last time youll hear from me",
    ),
    rule(SUICIDE, "sounds like a final message", "never|not ~1 hear|see|hearing ~1 me ~1 again", "you wont hear from me again"),
    rule(
        SUICIDE,
        "mentions giving their things away",
        concat!("giving|gave|given|give ~3 things|stuff|belongings|possessions|pets|cat|dog ~1 away ", "!3:charity|shop|oxfam|clearout"),
        "ive been giving my things away",
    ),
    rule(
        SUICIDE,
        "mentions giving their things away",
        "giving|gave|given|give ~1 away ~3 things|stuff|belongings|possessions|pets|cat|dog|everything !3:charity|shop|oxfam",
        "i gave away all my stuff",
    ),
    rule(SUICIDE, "mentions putting their affairs in order", "affairs ~1 in ~1 order", "ive put my affairs in order"),
    rule(
        SUICIDE,
        "mentions putting their affairs in order",
        "written|wrote|made|making|done|sorted|updated|writing ~2 will >$|and|out|so|already|i|this|today|yesterday|last|just|now|recently",
        "ive written my will",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("not ~3 be ~1 around|here <!would|could|did|should !in|at|on|today|tonight|tomorrow ", away!(), " <", away!()),
        "i wont be around for the next session",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("will|ill|going|soon ~2 be ~1 gone !for|a|on|in|at ", away!(), " <", away!()),
        "ill be gone soon anyway",
    ),
    rule(
        SUICIDE,
        "says they do not want to be alive",
        "not ~1 want|wish ~1 to ~1 be ~1 here|around <!did|could|would >anymore|$|now|no|much|any|on|ever|forever|longer|alive|i",
        "i dont want to be here anymore",
    ),
    rule(
        SUICIDE,
        "says they do not want to be alive",
        "not ~1 want|wish ~1 to ~2 live|exist|alive|living|existing <!did !with|in|there|at|near|alone|on|by|here|abroad|together|nearby|locally|close|far",
        "i dont want to live",
    ),
    rule(SUICIDE, "wishes not to wake up", "sleep ~4 not|never ~1 wake", "i just want to sleep and not wake up"),
    rule(SUICIDE, "wishes not to wake up", "sleep|asleep ~1 forever !on|in|after", "i want to sleep forever"),
    rule(
        SUICIDE,
        "wishes not to wake up",
        "hope|wish|want|pray|praying|hoping|wishing ~3 not|never ~1 wake|waking !2:late|early|time|before|till|until|in",
        "i hope i dont wake up tomorrow",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 notice|care|miss|mourn|cry ~2 if|when|once i",
        "nobody would notice if i was gone",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 miss me",
        "no one would even miss me",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 notice|care|know >$",
        "nobody would care",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "would|will ~1 anyone|anybody ~2 notice|care|miss !to|about|for",
        "would anyone even notice",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "if i ~2 gone|dead|died|die|disappeared|disappear|vanished",
        "what if i just disappeared",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "made|got|have|had|making ~1 plan !with|for|about|of|to|together|at|this|next|tonight|tomorrow|today|on|in|b|c|sorted|ready",
        "ive made a plan",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "know|planned|planning|worked|decided|figured|thought ~2 how|when|where ~2 would|will|could|going|am ~2 do|end|die",
        "i know how i would do it",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        "research|researching|researched|googled|googling|looked|looking|searched|searching ~3 ways|methods|how ~3 die|kill|end|overdose|od|hang !time",
        "ive been googling ways to die",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!("stockpil*|hoard*|saving|saved|save|stash*|hiding|hid|hidden|storing|stored|squirrel* ~3 ", tablets!()),
        "ive been saving up my tablets",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        "collect|collecting|collected|buying|bought|buy ~3 paracetamol|painkillers|packets|packs|boxes !3:pharmacy|chemist|chemists|boots|surgery|gp|prescription|headache|migraine|period|back|tooth|toothache|kids|cold|flu",
        "ive been buying paracetamol every time i go out",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!(tablets!(), " ~2 saved|stockpiled|hidden|stashed|hoarded|squirrelled|squirreled"),
        "ive got pills stashed in my room",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!("enough ~2 ", tablets!(), " ~1 to ~1 kill|die|end|do|overdose|od|finish"),
        "ive got enough pills to do it",
    ),
    rule(
        SUICIDE,
        "worries they will \"do something stupid\"",
        "might|could|will|would|going|scared|afraid|worried|terrified|frightened|before ~3 something|anything ~1 stupid|silly|daft|drastic",
        "im scared ill do something stupid",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        concat!("am|feel|feeling|be|being ~2 unsafe ", somewhere!(), " !2:drive|travel|park|cycle|work|operate <!2:if|when|whenever|case"),
        "i feel unsafe",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        concat!(
            "i|am|feel|feeling|keep|keeping|myself ~2 not ~1 safe ",
            somewhere!(),
            " !2:drive|travel|park|cycle|work|operate <!2:if|when|whenever|case"
        ),
        "im not safe",
    ),
    rule(SUICIDE, "says they are not safe", "not ~1 safe ~2 myself", "i dont feel safe from myself"),
    rule(
        SUICIDE,
        "says they are not safe",
        "not|struggling|struggle|hard|unable|difficult ~2 keep ~1 myself|me ~1 safe",
        "i cant keep myself safe",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        "not ~3 can|could ~1 keep ~1 myself|me ~1 safe",
        "i dont think i can keep myself safe tonight",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "how ~1 much ~1 longer ~4 keep|go|cope|take|carry|last|survive|hold|live|handle !2:wait|waiting|for",
        "i dont know how much longer i can keep going",
    ),
    rule(SUICIDE, "sees no point in going on", "what ~2 point >$", "honestly whats the point"),
    rule(SUICIDE, "sees no point in going on", "point ~2 it all", "whats the point of it all"),
    rule(SUICIDE, "wants everything to end", "want|wish|need|just ~3 pain ~1 to ~2 stop|end|over", "i want the pain to stop"),
    rule(SUICIDE, "wants everything to end", "want|wish ~1 it ~1 to ~1 stop|end >$ <!2:did", "i just want it to stop"),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "would|will|be ~2 better off|of >$",
        "i keep thinking everyone would be better off",
    ),
    rule(SUICIDE, "says they want to disappear", "want|wish ~1 to ~1 disappear|vanish !2:for|from|into", "i want to disappear"),
    rule(
        SUICIDE,
        "wishes not to wake up",
        "not ~1 want|wish ~1 to ~1 wake !2:early|late|at|in|before|till|until",
        "i dont want to wake up",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        concat!("how ~1 many ~2 ", tablets!(), " ~3 take|takes|kill|die|need|would|to !2:day|daily|night|morning|each|every|a"),
        "ive been looking up how many paracetamol it takes",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "bought|got|have|hidden|hiding|hid|kept|keep ~2 rope|ropes|noose !swing|ladder|climbing",
        "i have a rope in my wardrobe",
    ),
    rule(
        SUICIDE,
        "says they have had enough",
        "had|having ~1 enough ~2 everything|life|living|existing|all|world",
        "ive had enough of everything",
    ),
    rule(SUICIDE, "says they hate their life", "hate ~1 my ~1 life|existence", "i hate my life"),
    rule(SUICIDE, "says they hate their life", "hate ~1 being ~1 alive|living|me", "i hate being alive"),
    rule(SUICIDE, "says they feel trapped", "feel|feeling|am ~2 trapped !3:job|lift|traffic|queue|car|work", "i feel trapped"),
    rule(SUICIDE, "sees no way out", "see ~2 way out !2:car|building|room|parking|carpark", "i cant see a way out"),
    rule(SUICIDE, "says life is pointless", "life|living|everything|existence ~2 pointless|meaningless", "life is pointless"),
    rule(
        SUICIDE,
        "says they are in crisis",
        "am|are ~2 in ~1 crisis !team|line|cafe|house|service|services|number|plan|team's <!2:if|when|whenever|case",
        "im in crisis",
    ),
    rule(SUICIDE, "says they are in crisis", "am ~3 dark ~1 place", "im in a really dark place"),
    rule(SUICIDE, "mentions dark thoughts", "dark|darker|bad|horrible|scary ~1 thoughts", "ive been having dark thoughts"),
    rule(SUICIDE, "asks for urgent help", "^ help|helpme >$", "help"),
    rule(
        SUICIDE,
        "asks for urgent help",
        "please|someone|somebody|anyone|anybody ~1 help ~1 me|us >$|please|now",
        "please help me",
    ),
    rule(SUICIDE, "asks for urgent help", "need ~2 help ~1 now|urgently|asap|tonight|today", "i need help now"),
    rule(
        SUICIDE,
        "says they are somewhere high or on the edge",
        "standing|stood|stand|sat|sitting|am|balancing ~3 bridge|ledge|roof|rooftop|cliff|edge !3:seat|comfort|reason|tears",
        "im standing on a bridge right now",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "think|thinking|thought|urge|urges ~2 jumping|jump >$|every|when|off|in|from|again",
        "i think about jumping every time im on a platform",
    ),
    rule(
        SUICIDE,
        "says they have tablets ready",
        concat!(tablets!(), " ~3 front|ready|lined|counted !3:nurse|nurses|pharmacist|staff|them|everyone|doctor"),
        "ive got the tablets in front of me",
    ),
    rule(SUICIDE, "says it is too late", "too ~1 late ~3 taken|took|done|swallowed", "its too late ive already taken them"),
    rule(SUICIDE, "mentions goodbye letters", "wrote|written|left|leaving|writing ~1 a ~1 note >$", "i left a note"),
    rule(
        SUICIDE,
        "sounds like a final message",
        "find|found ~1 me|body ~3 morning|tomorrow|dead",
        "theyll find me in the morning",
    ),
    rule(SUICIDE, "sounds like a final message", "tell ~2 i ~1 love|loved ~1 her|him|them|you", "tell my mum i love her"),
    rule(SUICIDE, "sounds like a farewell", "sorry ~1 for ~1 everything >$", "sorry for everything"),
    rule(SUICIDE, "sounds like a farewell", "this ~1 is ~1 goodbye|farewell", "this is goodbye"),
    rule(SUICIDE, "sounds like a farewell", "love ~2 all|everyone ~1 goodbye", "i love you all goodbye"),
    rule(
        SUICIDE,
        "hints they will not be around",
        "will|going ~1 not ~1 need ~3 appointment|appointments|session|sessions|support|meds|medication|tablets|prescription !6:better|doing|well|discharged|finished|moving|holiday|because|since|as",
        "i wont need my next appointment",
    ),
    rule(
        SUICIDE,
        "mentions their own funeral",
        "planned|planning|plan|thinking|thought|think|organised|organising|arranged|arranging|paid|chosen|choose|picked|picking ~2 my [own] funeral",
        "ive planned my funeral",
    ),
    // ---- Self-harm
    rule(
        SELF_HARM,
        "mentions hurting themselves",
        "hurt|hurting|harm|harming|injure|injuring|punish|punishing|hurted|harmed|injured|punished ~1 myself !3:falling|fell|fall|slipped|slipping|tripped|tripping|playing|football|gym|exercising|running|lifting|accidentally|accident|accidently|cooking|working|moving|dancing",
        "i want to hurt myself",
    ),
    rule(SELF_HARM, "mentions self-harm", concat!("self harm*|injur*|mutilat*", topic!()), "i self harm when it gets bad"),
    rule(SELF_HARM, "mentions self-harm", concat!("selfharm*|selfinjur*", topic!()), "selfharming again"),
    rule(SELF_HARM, "mentions self-harm", "sh'd|sh'ing|shing|sh'ed", "i sh'd last night"),
    rule(
        SELF_HARM,
        "mentions a relapse",
        "relapsed|relapse|relapsing !2:alcohol|drinking|drink|drugs|weed|cocaine|gambling|smoking|vaping|eating|binge|prevention|plan|signature|signs",
        "i relapsed last night",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urges|urge ~2 back|returned|returning|stronger|worse|unbearable",
        "the urges are back",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "getting|having|get|have|strong|bad|horrible|awful ~2 urges|urge >$|again|tonight|lately|recently",
        "i keep getting urges",
    ),
    rule(
        SELF_HARM,
        "mentions self-harm",
        "been|to|relapsed|relapse|did|do|started|starting|urge|urges|of|about|my|into ~1 sh",
        "i relapsed on sh",
    ),
    rule(
        SELF_HARM,
        "mentions self-harm",
        "sh again|urges|urge|thoughts|scars|cuts|marks|wounds",
        "sh urges are really bad",
    ),
    rule(
        SELF_HARM,
        "mentions cutting themselves",
        "cut|cutting|cuts|slash|slashing|slashed|slice|slicing|sliced|carve|carving|carved ~1 myself !3:shaving|cooking|chopping|peeling|opening|accidentally|accident|accidently|gardening|tin|paper|off|out|short|some|slack|free|loose",
        "been cutting myself again",
    ),
    rule(
        SELF_HARM,
        "mentions harming their body",
        concat!(
            "cut|cutting|cuts|slash|slashing|slashed|carve|carving|carved|burn|burning|burnt|burned|scald|scalding|scalded|scratch|scratching|scratched|pick|picking|picked|punch|punching|punched|hit|hitting ~1 my ~1 ",
            body!(),
            " !3:oven|kettle|iron|ironing|hob|stove|pan|tin|shaving|cooking|accidentally|accident|accidently|door|table|cupboard|corner|doorframe|sun|sunburn|fell|falling|slipped|playing|football|glass|stairs|step|steps|floor|fence|bike|garden|gardening",
            " <!4:fell|fall|falling|slipped|tripped|accidentally|accident|accidently|cooking|gardening|shaving"
        ),
        "i cut my arms last night",
    ),
    rule(SELF_HARM, "mentions cutting again", "cutting|cut|harming again", "im cutting again"),
    rule(
        SELF_HARM,
        "mentions cutting or burning themselves",
        "i ~1 cut|burn|cutting|burning >$|again|when|every|most|sometimes|lately|too|now|still|daily|regularly",
        "i used to cut but now i burn",
    ),
    rule(
        SELF_HARM,
        "mentions scratching themselves",
        "scratch|scratching|scratched ~1 myself >$|until|till|when|again|badly|raw",
        "i scratch myself when im upset",
    ),
    rule(
        SELF_HARM,
        "mentions urges to cut or burn",
        "been|started|starting|start|keep|kept|still|urge|urges|want|wanting|need|needing|like ~2 cutting|cut|burning|burn >$|again|and|but|so|lately|recently|more|every|since|when|because|at|i|badly|deeper|deep|myself|too|loads|tonight|now|yesterday|today|last|all|or",
        "i keep wanting to cut",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urge|urges|urging|compulsion ~2 cut|burn|sh|bleed|self|selfharm",
        "the urges to cut are so strong",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urge|urges|urging|compulsion ~2 hurt|harm >myself|$|again|tonight",
        "i get urges to hurt",
    ),
    rule(SELF_HARM, "mentions making themselves bleed", "until|till|til|untill ~2 bleed|bleeds|bleeding|bled", "i scratch until i bleed"),
    rule(SELF_HARM, "mentions making themselves bleed", "make|made|making ~1 myself ~1 bleed", "i make myself bleed"),
    rule(
        SELF_HARM,
        "mentions burning themselves",
        "burn|burning|burnt|burned|scald|scalding|scalded ~1 myself !3:oven|kettle|iron|ironing|hob|stove|pan|straighteners|cooking|accidentally|accident|accidently|sun|sunbathing|tea|coffee|out|toast",
        "i burn myself with a lighter",
    ),
    rule(
        SELF_HARM,
        "mentions taking too many tablets",
        concat!(
            "took|take|taken|taking|swallowed|swallow|necked|downed ~1 #num ~1 ",
            tablets!(),
            " !2:a|day|daily|each|every|twice|times|morning|night|as|at|for"
        ),
        "i took 20 paracetamol",
    ),
    rule(SELF_HARM, "mentions an overdose", "overdos*|od|od'd|oded|od'ed|oding|od'ing|ods", "took an overdose last month"),
    rule(
        SELF_HARM,
        "mentions taking too many tablets",
        concat!(
            "took|take|taken|taking|swallow|swallowed|swallowing|necked|downed ~1 too|all|handful|handfuls|load|loads|packet|packets|box|boxes|whole|bunch|lots|hundreds|dozens|fistful|fistfuls ~3 ",
            tablets!(),
            " !2:as|properly|regularly|every|daily|on|at|each|prescribed|with"
        ),
        "i took a load of pills",
    ),
    rule(
        SELF_HARM,
        "mentions swallowing or drinking something harmful",
        "swallow|swallowed|swallowing|drank|drink|drinking|ate|eat|eating ~2 batteries|battery|blades|blade|razor|razors|bleach|screws|nails|pins|antifreeze|chemicals|detergent|disinfectant",
        "i swallowed batteries",
    ),
    rule(SELF_HARM, "mentions a ligature", "ligatur*", "i tied a ligature"),
    rule(SELF_HARM, "mentions a ligature", "tie|tied|tying ~3 round|around ~2 neck|throat", "i tied something round my neck"),
    rule(SELF_HARM, "mentions blades or razors", "blade|blades|razor|razors <!shoulder|rotor|roller|grass", "i keep blades hidden in my room"),
    rule(SELF_HARM, "mentions starving themselves", "starve|starving|starved ~1 myself", "i have been starving myself"),
    rule(
        SELF_HARM,
        "mentions doing something to their body",
        concat!("thing|things|stuff|that|it ~1 to my ~1 ", body!()),
        "ive started doing that thing to my arms again",
    ),
    rule(
        SELF_HARM,
        "mentions doing something to their body",
        concat!("thing|things ~1 on|with my ~1 ", body!()),
        "doing them things on my legs again",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "fresh|new|more|deep|deeper|infected|open ~1 cuts|cut|marks|scars|wounds|burns !to|in|from",
        "i have fresh cuts",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "hide|hiding|hid|cover|covering|covered ~3 scars|cuts|marks|arms|wrists|wounds|burns",
        "i wear long sleeves to hide my arms",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "sleeves ~4 hide|cover|hiding|covering|see|sees|notice",
        "always wear sleeves so nobody sees",
    ),
    rule(
        SELF_HARM,
        "mentions hitting themselves or walls",
        "punch|punching|punched|bang|banging|banged|headbutt|headbutting|headbutted ~1 wall|walls|door|doors|head|myself !4:brick|brickwall|cupboard|shelf|car|accident|accidentally|fell|falling|slipped|low|beam|ceiling",
        "i keep punching walls",
    ),
    rule(
        SELF_HARM,
        "mentions hitting themselves or walls",
        "hit|hitting|slap|slapping|slapped|bite|biting ~1 myself",
        "i hit myself when im angry",
    ),
    // ---- Harm to others
    rule(
        OTHERS,
        "mentions hurting someone else",
        concat!(
            violence!(),
            " [my|the|a|our|his|their|your|this|that|some|other|innocent|her] ",
            victim!(),
            " ",
            not_violence!()
        ),
        "sometimes i want to kill him",
    ),
    rule(
        OTHERS,
        "worries about what they might do to someone",
        concat!(
            "what|things ~1 i ~1 might|could|would|will|may|going ~1 do ~1 to [my|the|a|our|his|their|her] ",
            victim!()
        ),
        "im scared of what i might do to him",
    ),
    rule(
        SELF_HARM,
        "worries about what they might do to themselves",
        "what|things ~1 i ~1 might|could|would|will|may|going ~1 do ~1 to myself",
        "im scared of what i might do to myself",
    ),
    rule(
        OTHERS,
        "mentions hurting someone else",
        "smash|smashing|kick|kicking|cave|caving|punch|punching|beat|beating ~1 his|her|their|someones|someone's ~1 face|head|teeth",
        "i want to smash his face in",
    ),
    rule(OTHERS, "mentions revenge", "want|wants|get|take|getting|taking|plan|planning ~1 revenge", "i want revenge on him"),
    rule(
        OTHERS,
        "mentions harming someone's home",
        "burn|burning|torch|torching ~2 house|flat|car|home ~1 down",
        "i want to burn his house down",
    ),
    rule(
        OTHERS,
        "mentions carrying a weapon",
        "carry|carrying|carried|carries|bought|buy|buying|got|have|has|keep|keeping|hide|hiding|hid ~2 knife|knives|weapon|weapons|gun|guns|machete !3:cooking|kitchen|chef|chopping|bread|set|block|sharpener|cook|food|vegetables|butter",
        "i carry a knife now",
    ),
    rule(
        OTHERS,
        "mentions wanting to make someone suffer",
        "make|making ~1 him|her|them|someone|somebody|people|everyone ~1 suffer",
        "i want to make him suffer",
    ),
    // ---- Abuse or exploitation
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(
            abuser!(),
            " ~2 ",
            abuse!(),
            " [my|the|our|his|her|their|your] ~1 ",
            abused!(),
            " !3:chess|cards|game|games|pool|darts|scrabble|race|monopoly|quiz|tennis|badminton|squash|football|golf"
        ),
        "my boyfriend hits me",
    ),
    rule(
        ABUSE,
        "describes someone threatening to kill them",
        concat!(abuser!(), "|hell ~2 kill|kills|killing|murder|murders ~1 me|us !5:laughing|softly|lol|haha|late|jokes|joke"),
        "he said he would kill me",
    ),
    rule(
        ABUSE,
        "describes being locked in",
        concat!(abuser!(), " ~2 lock|locks|locked|locking ~1 me|us >in|inside|indoors|up|away|into|$"),
        "he locks me in the house",
    ),
    rule(
        ABUSE,
        "describes being pushed about",
        concat!(abuser!(), " ~2 push|pushes|pushed|pushing|shove|shoves|shoved ~1 me|us !to|forward|further|through|harder|outside"),
        "he pushed me down the stairs",
    ),
    rule(
        ABUSE,
        "describes unwanted touching",
        concat!(
            abuser!(),
            " ~2 touch|touches|touched|touching|grope|gropes|groped|groping|fondle|fondled|fondling ~2 me|my|us !2:deeply|heart|kindness|emotionally|words"
        ),
        "my stepdad touched me when i was little",
    ),
    rule(
        ABUSE,
        "describes unwanted touching",
        "touch|touched|touching|touches|grope|groped|groping|fondl* ~3 inappropriate*|sexual*|private*|breast|breasts|boob|boobs|bum|bottom|crotch|genital*|consent|without|under",
        "a man on the bus touched me inappropriately",
    ),
    rule(
        ABUSE,
        "describes being abused or assaulted",
        "was|were|am|being|been|got|get|getting|gets|is|are ~1 raped|assaulted|abused|attacked|beaten|beat|hit|groomed|exploited|trafficked|molested|strangled|choked|threatened|stalked|bullied|blackmailed|kidnapped|drugged|spiked|harassed|mugged|punched|kicked|slapped|battered|coerced|pimped|neglected|groped !3:car|bus|ball|bike|van|lorry|taxi|cyclist|train|dog|dogs|wave|panic|anxiety|migraine|cold|flu|virus|bug|traffic|chess|game",
        "i was assaulted last year",
    ),
    rule(
        ABUSE,
        "mentions sexual violence or exploitation",
        "rape|raped|rapist|rapists|raping|molest*|grooming|groomed|trafficked|trafficking|paedo*|pedo*|incest|fgm|cuckooed|cuckooing|sextortion|upskirting|nudes|sexting|groped",
        "he raped me",
    ),
    rule(
        ABUSE,
        "mentions abuse",
        "abuse|abused|abuser|abusers|abusing|abusive <!substance|alcohol|drug|drugs|solvent|self !alcohol|drugs|drink|substances|cannabis|weed|cocaine|coke|pills|tablets",
        "it was an abusive relationship",
    ),
    rule(ABUSE, "mentions domestic violence", "domestic ~1 violence|abuse|abuser|incident|incidents", "there is domestic violence at home"),
    rule(ABUSE, "mentions domestic violence", "dv", "i am in a dv situation"),
    rule(ABUSE, "mentions coercive control", "coercive|coercion|coerced|coercing", "its coercive control"),
    rule(
        ABUSE,
        "mentions coercive control",
        "controlling ~1 relationship|partner|boyfriend|husband|behaviour|behavior|ex|girlfriend|wife",
        "im in a controlling relationship",
    ),
    rule(
        ABUSE,
        "mentions sexual violence or exploitation",
        "sexual|sexually ~1 assault*|abuse*|abusing|exploit*|harass*|violence|violent|touched|inappropriate|attacked",
        "i was sexually assaulted",
    ),
    rule(ABUSE, "mentions exploitation", "exploit|exploited|exploiting|exploitation|exploitative", "i think im being exploited"),
    rule(
        ABUSE,
        "mentions blackmail or stalking",
        "blackmail*|stalk|stalks|stalked|stalking|stalker|stalkers <!celery|flower|bean",
        "my ex is stalking me",
    ),
    rule(ABUSE, "mentions neglect", "neglect|neglected|neglecting|neglectful|neglects", "the kids are being neglected"),
    rule(
        ABUSE,
        "mentions forced marriage",
        "forced|forcing|force|forces|make|making|made ~3 marry|marriage|married",
        "they are forcing me to marry him",
    ),
    rule(ABUSE, "mentions county lines", "county lines", "they got me into county lines"),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "not|never ~2 let|lets|allow|allows|allowed|letting [me|us] ~3 see|go|leave|talk|speak|visit|meet|contact|phone|call|text|sleep|wear|spend|out|friends|family|money|work|toilet|loo|bathroom",
        "my boyfriend wont let me see my friends",
    ),
    rule(
        ABUSE,
        "describes being controlled or having money taken",
        concat!(
            abuser!(),
            " ~4 check|checks|checked|checking|go|goes|going|went|read|reads|reading|look|looks|looked|looking|track|tracks|tracked|tracking|monitor|monitors|monitored|monitoring|control|controls|controlled|controlling|take|takes|took|taking|taken|steal|steals|stole|stolen|stealing|keep|keeps|kept|keeping|has|have|had|hold|holds|holding|held|spend|spends|spent|spending|use|uses|used|using|smash|smashes|smashed|break|breaks|broke|hide|hides|hid|hiding ~3 phone|messages|texts|emails|location|money|bank|card|cards|benefits|wages|pay|pip|passport|documents|id|pin|account|savings|medication|meds|tablets|wallet|purse !3:office|safe|locked|cabinet|clinic|pharmacy|hospital|ward|cupboard|box|dosette|blister"
        ),
        "he takes my money every week",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "not|never ~2 let|lets|letting me have ~3 money|card|bank|phone|friends|keys|own",
        "he doesnt let me have my own bank card",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "man|men|older|guy|guys|bloke|someone|somebody|they|he|she|gang ~3 gives|gave|giving|give ~1 me ~1 drugs|alcohol|weed|gear|pills",
        "theres a man who gives me drugs",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing ~1 stuff|things >$",
        "he makes me do stuff",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!("not ~1 stop ~1 ", abuse!(), " ~1 me|us"),
        "he wont stop hitting me",
    ),
    rule(
        ABUSE,
        "describes someone being violent",
        concat!(abuser!(), " ~3 violent|aggressive|abusive|controlling|scary|threatening|nasty !2:dog|dogs|film|films|game|games !3:evict|eviction|court|bailiffs|notice|rent|sue"),
        "my partner is violent",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(abuser!(), " ~2 threw|throws|throwing|thrown|chucked ~3 at ~1 me|us"),
        "he threw a plate at me",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        "hands|hand|arm|arms ~2 around|round ~1 my ~1 neck|throat",
        "he put his hands around my neck",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(abuser!(), " ~2 threaten|threatens|threatened|threatening ~1 to !3:evict|eviction|court|bailiffs|notice|rent|sue"),
        "he threatens to take the kids",
    ),
    rule(
        ABUSE,
        "describes sexual violence",
        "forced|made|pressured|pressurised|pressuring ~3 sex|sexual|sleep",
        "i was forced to have sex",
    ),
    rule(ABUSE, "describes sexual violence", "forced|forces ~1 himself|herself|themselves ~1 on|onto", "he forced himself on me"),
    rule(
        ABUSE,
        "describes unwanted touching",
        "was|were|been|got|being|get ~1 touched|groped|fondled|molested !3:card|cards|kindness|gesture|gestures|words|message|messages|letter|flowers|story|stories|support|thoughtfulness|how|that|speech|gift|gifts",
        "i was touched as a child",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        "scared|afraid|frightened|terrified|petrified ~2 leave ~1 him|her|them|partner|husband|boyfriend|girlfriend|wife|home",
        "im too scared to leave him",
    ),
    rule(ABUSE, "describes being told no one will believe them", "nobody ~2 believe|believed|believes ~1 me", "he says no one will believe me"),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        concat!(abuser!(), " ~2 controls|control|controlling|controlled ~1 everything|what|where|who|when|how"),
        "he controls everything i do",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        concat!(abuser!(), " ~2 check|checks|checking|track|tracks|tracking|monitor|monitors|monitoring ~1 where|who|what|when ~1 i"),
        "he checks where i am all the time",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "ask|asking ~1 permission ~2 go|leave|see|spend|eat|wear|out|buy",
        "i have to ask permission to go out",
    ),
    rule(
        ABUSE,
        "describes being made to hand over money",
        "give|hand|handing|giving|gives|gave ~1 him|her|them ~2 wages|benefits|money|card|pin|pip !2:for|back",
        "i have to give him all my wages",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "have|got|made|forced|told|being|make|makes|making ~2 sell|selling|carry|carrying|deliver|delivering|hold|holding|run|running|move|moving|stash|stashing ~1 drugs|weed|gear|packages|parcels",
        "i have to sell drugs to pay off my debt",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "man|men|older|guy|guys|bloke|stranger|strangers|gang ~3 gives|gave|giving|give|buys|bought ~1 me ~1 money|gifts|presents|lifts|phone|cigarettes",
        "an older man gives me money and gifts",
    ),
    rule(
        ABUSE,
        "describes being asked for sexual images",
        "wants|wanted|asks|asked|asking|makes|made|making|pressuring|pressured|keeps ~1 me ~2 send|sent|sending ~2 pictures|pics|photos|nudes|videos|images !3:kids|children|holiday|baby|dog|cat|family",
        "i met a man online who wants me to send pictures",
    ),
    rule(
        ABUSE,
        "describes being made to hand over money",
        "makes|made|making|make|forces|forced|forcing|force ~1 me ~2 give|hand|pay|transfer|send|lend ~3 money|benefits|card|pin|him|her|them|cash|wages",
        "he makes me give him my money",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force|get|gets|getting|got ~1 me ~2 sell|selling|carry|carrying|deliver|delivering|hold|holding|store|storing|move|moving|run|running ~3 drugs|weed|gear|packages|parcels|bags|stuff|things|money",
        "they make me hold stuff for them",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing|have|sleep|sleeping ~2 things|stuff|sex|favours ~2 for|money|cash|drugs|against",
        "someone is making me do things for money",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing|have ~2 things|stuff ~3 not ~1 want|wanted|like|comfortable",
        "he makes me do things i dont want to",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 have|having|sleep|sleeping ~1 sex|with",
        "he makes me sleep with his friends",
    ),
    rule(
        ABUSE,
        "describes sex or favours for money",
        "sex|sleep|sleeping|slept|favours|sexual ~3 for ~1 money|cash|drugs|rent|somewhere|food|place",
        "i have to sleep with men for somewhere to stay",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!("not ~1 safe ~2 at|in|with|around|near|living|by ~1 home|house|flat|", household!()),
        "im not safe at home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!("unsafe ~2 at|in|with|around|near|living|by ~1 home|house|flat|", household!()),
        "i feel unsafe at home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        "scared|afraid|frightened|terrified|petrified|fear ~2 go|going|return|returning ~1 home",
        "im scared to go home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!(
            "scared|afraid|frightened|terrified|petrified ~1 of [my] ",
            household!(),
            " !finding|knowing|seeing|reading|hearing|worrying"
        ),
        "im terrified of my ex",
    ),
    // ---- Unsafe care
    rule(
        CARE,
        "describes staff shouting or swearing at them",
        concat!(staff_or_they!(), " ~3 shouted|shouting|shout|shouts|screamed|screaming|yelled|yelling|swore|swearing|sworn|snapped|bellowed ~1 at|me"),
        "a nurse shouted at me in front of everyone",
    ),
    rule(
        CARE,
        "describes staff laughing at or mocking them",
        concat!(
            staff_or_they!(),
            " ~3 laughed|laughing|laugh|laughs|sniggered|smirked|mocked|mocking|mock|ridiculed|rolled ~2 at|when|about|me|my|eyes !2:joke|jokes|joking|funny|story|banter|quiz|game|together|too|along"
        ),
        "the night staff laughed when i said i was struggling",
    ),
    rule(CARE, "describes staff laughing at or mocking them", concat!(staff_or_they!(), " ~3 made fun"), "the nurses made fun of me"),
    rule(
        CARE,
        "describes restraint or force",
        "restrained|restraint|restraints|restraining|restrain|sedated|secluded|seclusion|manhandled|manhandling|tranquilised|tranquillised|forcibly <!great|some|showed|show|self|with",
        "i was restrained on the ward",
    ),
    rule(
        CARE,
        "describes restraint or force",
        concat!(
            "pinned|held|holding|hold|sat|pushed|dragged|grabbed|shoved|piled|jumped|threw|thrown ~1 me|us ~2 down|floor|ground|onto|against|wall <!4:",
            close!()
        ),
        "they held me down",
    ),
    rule(
        CARE,
        "describes restraint or force",
        "forced|forcing|force ~2 me|us ~3 injection|injected|medication|meds|tablets|depot|jab",
        "they forced me to take medication",
    ),
    rule(
        CARE,
        "describes staff ignoring or dismissing them",
        concat!(
            staff_or_they!(),
            " ~3 ignored|ignore|ignores|ignoring|blanked ~2 me|my|us|when|it|calls|call|messages|pleas|buzzer|bell"
        ),
        "staff ignored my calls when i was in crisis",
    ),
    rule(
        CARE,
        "describes staff ignoring or dismissing them",
        concat!(staff_or_they!(), " ~3 dismissed|dismiss|dismissing|fobbed|brushed ~1 me|us|off|when"),
        "they fobbed me off",
    ),
    rule(
        CARE,
        "describes staff refusing to help",
        concat!(
            staff_or_they!(),
            " ~3 refused|refuse|refusing|refuses ~2 see|help|listen|admit|assess|let|give|refer|treat|talk|speak ~1 me|us|to"
        ),
        "the gp refused to refer me",
    ),
    rule(
        CARE,
        "describes staff being aggressive",
        concat!(staff!(), " ~4 aggressive|threatening|abusive|intimidating|cruel|violent|hostile|rough"),
        "staff on the ward were rough with me",
    ),
    rule(
        CARE,
        "describes staff using force",
        concat!(
            staff!(),
            " ~3 grabbed|pushed|shoved|dragged|hit|slapped|kicked|punched|hurt|pinned|twisted|threw ~2 me|my|us !to|forward|further|through|harder|outside|myself"
        ),
        "a staff member grabbed my arm and pushed me into my room",
    ),
    rule(CARE, "describes restraint or force", "held|pinned ~1 down !2:job|jobs|position|role|work", "i was held down and injected"),
    rule(
        CARE,
        "describes staff not acting",
        concat!(staff!(), " ~2 did ~1 nothing"),
        "another patient attacked me and staff did nothing",
    ),
    rule(
        CARE,
        "describes being sent away",
        "told|said ~2 me ~2 to ~1 go ~1 away",
        "they told me to go away and stop wasting their time",
    ),
    rule(
        CARE,
        "describes being left without care",
        "nobody ~1 came|come|answered|responded|helped >when|all|even|despite|after|$",
        "nobody came when i pressed the buzzer",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 sent|turned ~1 home|away|back|out"),
        "i told them i was unsafe and was sent home",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 discharged|laughed|laughing|ignored|dismissed|fobbed|refused|hung|shrugged"),
        "i rang the crisis line and said i was suicidal and they hung up",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(
            told!(),
            " ~6 ",
            at_risk!(),
            " ~8 nobody|nothing ~2 came|helped|happened|listened|done|did|called|rang|followed|changed"
        ),
        "i told my cpn i was cutting and nothing was done",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 come|call|ring|phone ~1 back|again"),
        "i told the gp i wanted to die and he said come back in 2 weeks",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 bath|bubble"),
        "i rang the crisis team and they told me to have a bath",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 left ~1 me|alone|on|waiting|there"),
        "i said i was in crisis and they left me waiting 5 hours",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("sent|turned|left|fobbed ~3 home|away|alone|out|off ~3 ", despite!(), " ~5 ", at_risk!()),
        "they left me alone when i said i was unsafe",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("discharged|discharging ~3 ", despite!(), " ~5 ", at_risk!()),
        "they discharged me even though i was still suicidal",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 not ~2 safe ~8 sent|turned|discharged|laughed|ignored|dismissed|left|fobbed|refused|hung"),
        "i told them i didnt feel safe and they discharged me",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("sent|turned|discharged|left ~3 home|away|me|alone|out ~3 ", despite!(), " ~5 not ~1 safe"),
        "they sent me home even though i wasnt safe",
    ),
    rule(
        CARE,
        "mentions a medication error",
        "wrong|incorrect|double|elses|else's ~1 medication|medicine|meds|tablets|tablet|dose|dosage|prescription|pills|injection|depot",
        "i was given the wrong medication",
    ),
    rule(
        CARE,
        "mentions a medication error",
        "medication|meds|medicine|prescribing|prescription|drug|dispensing ~1 error|errors|mistake|mistakes|mixup|incident|blunder",
        "there was a medication error",
    ),
    rule(
        CARE,
        "mentions a medication error",
        concat!(
            staff_or_they!(),
            " ~3 forgot|missed|forgotten|skipped|withheld|stopped|forget|forgets ~4 medication|meds|tablets|dose|injection|depot|medicine"
        ),
        "the nurse forgot to give me my meds",
    ),
    rule(
        CARE,
        "describes being left without care",
        "nobody|never|not ~2 checked|check|checking|came|come|visited|saw|seen|looked [on|to|in|at|after] me|see|us",
        "nobody checked on me all night on the ward",
    ),
    rule(
        CARE,
        "describes being left without care",
        "left ~2 alone|unattended|unsupervised|unobserved ~3 hours|hour|night|day|days|ages|overnight|weekend",
        "i was left alone for hours",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(
            staff!(),
            " ~3 asked|messaged|texted|added|kissed|hugged|flirted|flirting|followed|sent|dmed|dm'd|gave|given ~2 me|my ~2 out|number|facebook|instagram|snapchat|date|drink|address|personal|pictures|photos|pics|nudes"
        ),
        "the support worker added me on facebook",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        "dating|dated|slept|sleeping|kissed|kissing|sexual ~3 staff|therapist|nurse|worker|psychiatrist|doctor|cpn|counsellor|psychologist|coordinator",
        "i have been sleeping with my support worker",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(told!(), "|accused|labelled|labeled|treated|calling|implied|implying|made ~4 attention seeking|seeker"),
        "they called me attention seeking",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(told!(), "|accused|labelled|labeled|treated|calling|implied|implying ~4 manipulative|timewaster|faking|liar|dramatic"),
        "the doctor said i was manipulative",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        "treated ~3 like ~2 criminal|child|nuisance|animal|liar|idiot|prisoner|number|rubbish|dirt",
        "they treated me like a criminal",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        concat!(staff_or_they!(), " ~3 told|said|telling|saying ~2 me ~3 kill|die|do ~1 it|myself|properly|yourself"),
        "staff told me to just kill myself",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        "said|told|saying|telling|should ~3 do ~1 it ~1 properly|right ~2 next ~1 time",
        "one of the nurses said i should just do it properly next time",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        "if ~1 i ~2 wanted|want|meant|serious ~3 die|kill|it|myself ~4 would|done|already",
        "they said if i wanted to die i would have done it by now",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(
            staff_or_they!(),
            " ~3 called|calling|said|told ~4 freak|psycho|nutter|crazy|pathetic|useless|waste|joke|disgusting|stupid|idiot"
        ),
        "the hca called me a freak",
    ),
    rule(CARE, "describes an intimate search", "strip ~1 searched|search|searching|searches", "i was strip searched by male staff"),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(
            staff_or_they!(),
            " ~3 watched|watching|filmed|filming|photographed ~2 me ~3 shower|showering|toilet|undress|undressing|changing|naked|bath"
        ),
        "staff watched me in the shower",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(staff!(), " ~3 touch|touched|touching|touches|groped|kissed ~2 me|my !2:arm|shoulder|hand"),
        "a staff member touched me inappropriately",
    ),
    rule(CARE, "describes restraint or force", "tied|strapped ~1 to|down ~2 bed|chair|trolley", "i was tied to a bed"),
    rule(
        CARE,
        "describes being denied food or medication",
        "not ~1 given|fed|offered|allowed ~2 food|meds|medication|water|drink|tablets|dinner|lunch|breakfast|anything|insulin",
        "i wasnt given food all day",
    ),
    rule(CARE, "describes being left without care", "left ~2 own ~1 urine|wee|mess|vomit|sick|blood", "i was left in my own urine"),
    rule(CARE, "describes being hung up on", "hung|put ~1 up|phone ~1 on ~1 me", "the crisis team hung up on me"),
    rule(
        CARE,
        "describes an unanswered call for help",
        "crisis|duty|line|team ~3 never|not|nobody ~2 rang|called|phoned|rung|got ~1 back",
        "the crisis line never rang back",
    ),
    rule(
        CARE,
        "says the service did not feel safe",
        concat!("unsafe|dangerous ~3 staff|there|here|", place!()),
        "i felt unsafe on the ward",
    ),
    rule(CARE, "says the service did not feel safe", concat!("not ~1 safe ~3 staff|there|here|", place!()), "i didnt feel safe in the group"),
    rule(CARE, "says the service did not feel safe", concat!(place!(), " ~3 unsafe|dangerous"), "the ward is unsafe"),
    rule(CARE, "says the service did not feel safe", concat!(place!(), " ~2 not ~1 safe"), "the ward was not safe"),
];

// ---------------------------------------------------------------------------------------------------------------
// The pattern language

/// Words as a rule spells them: exact words and prefixes (`suicid*`).
#[derive(Default)]
struct WordList {
    exact: Vec<&'static str>,
    prefixes: Vec<&'static str>,
    /// `#num`: a number of ten or more ("took 20 paracetamol").
    numbers: bool,
}

impl WordList {
    fn extend(&mut self, other: WordList) {
        self.exact.extend(other.exact);
        self.prefixes.extend(other.prefixes);
        self.numbers |= other.numbers;
    }
}

/// `a|b|pre*`; "to" also accepts "2" and "too", as people write it ("want 2 die", "want too die"). A prefix has at
/// least three letters, which the index of prefixes relies on.
fn alternatives(spec: &'static str) -> Result<WordList, String> {
    let mut words = WordList::default();
    for word in spec.split('|') {
        match word.strip_suffix('*') {
            Some(prefix) if prefix.len() >= 3 && prefix.is_char_boundary(3) => words.prefixes.push(prefix),
            Some(_) => return Err(format!("a prefix shorter than three letters in {spec:?}")),
            None if word.is_empty() => return Err(format!("an empty alternative in {spec:?}")),
            None if word == "#num" => words.numbers = true,
            None if word.starts_with(['#', '$', '^', '~', '!', '<', '>', '[']) => {
                return Err(format!("{word:?} is not a word in {spec:?}"))
            }
            None => {
                words.exact.push(word);
                if word == "to" {
                    words.exact.extend(["2", "too"]);
                }
            }
        }
    }
    Ok(words)
}

/// Words as the matcher tests them: a bit for each word of the rules' vocabulary and for each prefix, so that
/// testing a token is two bit tests whatever the length of the list.
#[derive(Default)]
struct WordSet {
    words: Vec<u64>,
    prefixes: u128,
    numbers: bool,
}

impl WordSet {
    fn accepts(&self, token: &Token) -> bool {
        let word = token.word.is_some_and(|id| self.words.get(id / 64).is_some_and(|bits| bits >> (id % 64) & 1 == 1));
        word || self.prefixes & token.prefixes != 0 || (self.numbers && token.is_big_number)
    }
}

/// One step of a phrase.
struct Step<W> {
    words: W,
    /// How many filler words may come before it.
    gap: usize,
    optional: bool,
}

/// Words that must not come within `window` words before or after a match.
struct Guard<W> {
    window: usize,
    words: W,
}

/// What must come right after a match.
struct Follow<W> {
    words: W,
    /// Whether the end of the text or of a clause will do (`$`).
    or_end: bool,
}

/// A rule's pattern: as parsed (`Pattern<WordList>`) or ready to match (`Pattern<WordSet>`).
struct Pattern<W = WordSet> {
    rule: usize,
    /// `^`: the match must start a clause.
    anchored: bool,
    steps: Vec<Step<W>>,
    not_before: Vec<Guard<W>>,
    follow: Option<Follow<W>>,
    not_after: Vec<Guard<W>>,
}

fn parse(rule: usize, source: &'static str) -> Result<Pattern<WordList>, String> {
    let mut pattern = Pattern {
        rule,
        anchored: false,
        steps: Vec::new(),
        not_before: Vec::new(),
        follow: None,
        not_after: Vec::new(),
    };
    let mut gap = None;
    for part in source.split_whitespace() {
        if part == "^" && pattern.steps.is_empty() {
            pattern.anchored = true;
        } else if let Some(n) = part.strip_prefix('~') {
            gap = Some(n.parse().map_err(|_| format!("bad gap {part:?}"))?);
        } else if let Some(spec) = part.strip_prefix("<!") {
            pattern.not_before.push(guard(part, spec)?);
        } else if let Some(spec) = part.strip_prefix('>') {
            let mut words = WordList::default();
            for word in spec.split('|').filter(|w| *w != "$") {
                words.extend(alternatives(word)?);
            }
            pattern.follow = Some(Follow { words, or_end: spec.split('|').any(|w| w == "$") });
        } else if let Some(spec) = part.strip_prefix('!') {
            pattern.not_after.push(guard(part, spec)?);
        } else {
            let (spec, optional) = match part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                Some(inner) => (inner, true),
                None => (part, false),
            };
            if pattern.steps.is_empty() && (optional || gap.is_some()) {
                return Err(format!("{source:?} must start with a plain step"));
            }
            pattern.steps.push(Step { words: alternatives(spec)?, gap: gap.take().unwrap_or(0), optional });
        }
    }
    if pattern.steps.is_empty() || gap.is_some() {
        return Err(format!("{source:?} must have steps and end with one"));
    }
    Ok(pattern)
}

/// `a|b` (the next or previous word) or `3:a|b` (any of the three next or previous words).
fn guard(part: &str, spec: &'static str) -> Result<Guard<WordList>, String> {
    let (window, spec) = match spec.split_once(':') {
        Some((n, spec)) => (n.parse().map_err(|_| format!("bad window {part:?}"))?, spec),
        None => (1, spec),
    };
    Ok(Guard { window, words: alternatives(spec)? })
}

impl Pattern<WordList> {
    fn lists(&self) -> impl Iterator<Item = &WordList> {
        let steps = self.steps.iter().map(|s| &s.words);
        let guards = self.not_after.iter().chain(&self.not_before).map(|g| &g.words);
        steps.chain(guards).chain(self.follow.iter().map(|f| &f.words))
    }

    fn compile(&self, vocabulary: &Vocabulary) -> Pattern {
        Pattern {
            rule: self.rule,
            anchored: self.anchored,
            steps: self
                .steps
                .iter()
                .map(|s| Step { words: vocabulary.set(&s.words), gap: s.gap, optional: s.optional })
                .collect(),
            not_before: self
                .not_before
                .iter()
                .map(|g| Guard { window: g.window, words: vocabulary.set(&g.words) })
                .collect(),
            follow: self.follow.as_ref().map(|f| Follow { words: vocabulary.set(&f.words), or_end: f.or_end }),
            not_after: self
                .not_after
                .iter()
                .map(|g| Guard { window: g.window, words: vocabulary.set(&g.words) })
                .collect(),
        }
    }
}

/// Every word and prefix in the rules, numbered.
#[derive(Default)]
struct Vocabulary {
    words: HashMap<&'static str, usize, BuildHasherDefault<Fnv>>,
    prefixes: Vec<&'static str>,
}

/// A prefix's number is a bit in a `u128`; a test checks the rules use no more prefixes than that.
const MAX_PREFIXES: usize = 128;

impl Vocabulary {
    fn add(&mut self, list: &WordList) {
        for word in &list.exact {
            let next = self.words.len();
            self.words.entry(word).or_insert(next);
        }
        for prefix in &list.prefixes {
            if !self.prefixes.contains(prefix) && self.prefixes.len() < MAX_PREFIXES {
                self.prefixes.push(prefix);
            }
        }
    }

    fn set(&self, list: &WordList) -> WordSet {
        let mut set = WordSet { words: vec![0; self.words.len().div_ceil(64)], prefixes: 0, numbers: list.numbers };
        for id in list.exact.iter().filter_map(|w| self.words.get(w)) {
            if let Some(bits) = set.words.get_mut(id / 64) {
                *bits |= 1 << (id % 64);
            }
        }
        for bit in list.prefixes.iter().filter_map(|p| self.prefixes.iter().position(|q| q == p)) {
            set.prefixes |= 1 << bit;
        }
        set
    }
}

/// A match of one pattern.
struct Hit {
    pattern: usize,
    /// First and one-past-last token.
    start: usize,
    end: usize,
    /// A negation inside the match, right before one of its steps ("he has never hit me").
    negator: Option<usize>,
}

impl Pattern {
    fn match_at(&self, tokens: &[Token], start: usize) -> Option<(usize, Option<usize>)> {
        let first = self.steps.first()?;
        let token = tokens.get(start)?;
        if !first.words.accepts(token) || (self.anchored && start > 0 && !token.clause_start) {
            return None;
        }
        let before_guarded = self.not_before.iter().any(|guard| {
            let window = tokens.get(start.saturating_sub(guard.window)..start).unwrap_or(&[]);
            window.iter().any(|t| guard.words.accepts(t))
        });
        if before_guarded {
            return None;
        }
        self.continue_at(tokens, 1, start + 1, 0, None)
    }

    /// Matches steps `step..` from token `at`, backtracking over the gaps.
    fn continue_at(
        &self,
        tokens: &[Token],
        step: usize,
        at: usize,
        extra_gap: usize,
        negator: Option<usize>,
    ) -> Option<(usize, Option<usize>)> {
        let Some(current) = self.steps.get(step) else {
            return self.guards_pass(tokens, at).then_some((at, negator));
        };
        let gap = current.gap + extra_gap;
        for j in at..=at + gap {
            let Some(token) = tokens.get(j) else { break };
            if current.words.accepts(token) {
                let negator = negator.or_else(|| filler_negator(tokens, at, j));
                if let Some(found) = self.continue_at(tokens, step + 1, j + 1, 0, negator) {
                    return Some(found);
                }
            }
        }
        if current.optional {
            return self.continue_at(tokens, step + 1, at, gap, negator);
        }
        None
    }

    fn guards_pass(&self, tokens: &[Token], end: usize) -> bool {
        if let Some(follow) = &self.follow {
            let next = tokens.get(end);
            let at_end = next.is_none_or(|t| t.clause_start);
            let followed = next.is_some_and(|t| follow.words.accepts(t)) || (follow.or_end && at_end);
            if !followed {
                return false;
            }
        }
        self.not_after.iter().all(|guard| {
            let window = tokens.get(end..(end + guard.window).min(tokens.len())).unwrap_or(&[]);
            !window.iter().any(|t| guard.words.accepts(t))
        })
    }
}

/// The rules, compiled and indexed by the words they can start with.
struct Matcher {
    patterns: Vec<Pattern>,
    vocabulary: Vocabulary,
    /// The prefixes and their numbers, by their first byte.
    prefixes: Vec<Vec<(&'static str, usize)>>,
    /// The patterns that start with each word, and with each prefix.
    word_starts: Vec<Vec<usize>>,
    prefix_starts: Vec<Vec<usize>>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::build)
}

impl Matcher {
    /// Rules that do not parse are left out rather than panicking; a test checks that every rule parses.
    fn build() -> Matcher {
        let parsed: Vec<Pattern<WordList>> =
            RULES.iter().enumerate().filter_map(|(i, rule)| parse(i, rule.pattern).ok()).collect();
        let mut vocabulary = Vocabulary::default();
        for list in parsed.iter().flat_map(Pattern::lists) {
            vocabulary.add(list);
        }
        let patterns: Vec<Pattern> = parsed.iter().map(|p| p.compile(&vocabulary)).collect();
        let mut prefixes = vec![Vec::new(); 256];
        for (bit, prefix) in vocabulary.prefixes.iter().enumerate() {
            if let Some(bucket) = prefix.bytes().next().and_then(|b| prefixes.get_mut(usize::from(b))) {
                bucket.push((*prefix, bit));
            }
        }
        let mut word_starts = vec![Vec::new(); vocabulary.words.len()];
        let mut prefix_starts = vec![Vec::new(); vocabulary.prefixes.len()];
        for (p, pattern) in parsed.iter().enumerate() {
            let Some(first) = pattern.steps.first() else { continue };
            for id in first.words.exact.iter().filter_map(|w| vocabulary.words.get(w)) {
                if let Some(starts) = word_starts.get_mut(*id) {
                    starts.push(p);
                }
            }
            for bit in first.words.prefixes.iter().filter_map(|w| vocabulary.prefixes.iter().position(|q| q == w)) {
                if let Some(starts) = prefix_starts.get_mut(bit) {
                    starts.push(p);
                }
            }
        }
        for starts in word_starts.iter_mut().chain(prefix_starts.iter_mut()) {
            starts.dedup();
        }
        Matcher { patterns, vocabulary, prefixes, word_starts, prefix_starts }
    }

    /// Numbers each token by the rules' vocabulary: one hash lookup per token.
    fn annotate(&self, tokens: &mut [Token]) {
        for token in tokens {
            token.word = self.vocabulary.words.get(token.text).copied();
            // "cuttin", "jumpin", "killin": the g people drop.
            if token.word.is_none() && token.text.len() > 4 && token.text.ends_with("in") {
                token.word = self.vocabulary.words.get(format!("{}g", token.text).as_str()).copied();
            }
            token.is_big_number = is_big_number(token.text);
            if let Some(candidates) = token.text.bytes().next().and_then(|b| self.prefixes.get(usize::from(b))) {
                for (prefix, bit) in candidates {
                    if token.text.starts_with(prefix) {
                        token.prefixes |= 1 << bit;
                    }
                }
            }
        }
    }

    /// Every match, at most one per pattern at any place (a pattern restarts after its previous match).
    fn hits(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut resume = vec![0; self.patterns.len()];
        let none: &[usize] = &[];
        for (start, token) in tokens.iter().enumerate() {
            let by_word = token.word.and_then(|id| self.word_starts.get(id)).map_or(none, Vec::as_slice);
            let mut bits = token.prefixes;
            let set_bits = std::iter::from_fn(move || {
                let bit = (bits != 0).then(|| bits.trailing_zeros() as usize)?;
                bits &= bits - 1;
                Some(bit)
            });
            let by_prefix = set_bits.flat_map(|bit| self.prefix_starts.get(bit).map_or(none, Vec::as_slice));
            for &p in by_word.iter().chain(by_prefix) {
                let (Some(pattern), Some(from)) = (self.patterns.get(p), resume.get_mut(p)) else { continue };
                if start < *from {
                    continue;
                }
                if let Some((end, negator)) = pattern.match_at(tokens, start) {
                    *from = end;
                    hits.push(Hit { pattern: p, start, end, negator });
                }
            }
        }
        hits
    }
}

/// "20", "twenty", "dozens": a number of tablets no one takes as a dose.
fn is_big_number(word: &str) -> bool {
    match word.parse::<u64>() {
        Ok(n) => n >= 10,
        Err(_) => matches!(
            word,
            "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "hundred"
                | "dozen"
                | "dozens"
                | "hundreds"
        ),
    }
}

/// FNV-1a: the rule index is looked up once per word, and the words are short.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Judging a match

enum Verdict {
    Plain,
    /// Kept although negated; the token of the negation.
    Denied(usize),
}

fn is_negator(word: &str) -> bool {
    matches!(word, "not" | "never" | "no" | "nobody" | "none" | "neither" | "nor")
}

/// Words that start a new clause: a negation before them does not reach past them.
fn ends_negation(word: &str) -> bool {
    matches!(word, "but" | "and" | "or" | "so" | "because" | "though" | "although" | "if" | "when" | "i" | "then")
}

/// Words a past marker does not reach past: "I used to be happy, now I want to die".
fn ends_past(word: &str) -> bool {
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

fn text_at<'a>(tokens: &[Token<'a>], i: usize) -> &'a str {
    tokens.get(i).map(|t| t.text).unwrap_or("")
}

/// A negation among the filler words right before a step: "has never hit", "did not ever ignore".
fn filler_negator(tokens: &[Token], from: usize, step_at: usize) -> Option<usize> {
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
fn negator_before(tokens: &[Token], start: usize) -> Option<usize> {
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

fn judge(concern: Concern, tokens: &[Token], hit: &Hit) -> Option<Verdict> {
    let negator = hit.negator.or_else(|| negator_before(tokens, hit.start));
    if concern.is_own_impulse() {
        if is_clearly_past(tokens, hit, negator.is_some()) {
            return None;
        }
        Some(negator.map_or(Verdict::Plain, Verdict::Denied))
    } else {
        negator.is_none().then_some(Verdict::Plain)
    }
}

/// Whether a statement about the respondent's own impulses is clearly over: a past marker next to it, or a
/// denial that says it is over, and no relapse after it.
fn is_clearly_past(tokens: &[Token], hit: &Hit, negated: bool) -> bool {
    if relapse_after(tokens, hit.end) {
        return false;
    }
    past_before(tokens, hit.start) || past_after(tokens, hit.end) || (negated && resolved_after_denial(tokens, hit.end))
}

/// "used to", "no longer", "in the past" in the six words before, within the clause.
fn past_before(tokens: &[Token], start: usize) -> bool {
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
fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

/// "years ago", "when I was a teenager", "in the past", and after a denial "anymore", "for two years", "since".
fn past_after(tokens: &[Token], end: usize) -> bool {
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
            "young" | "younger" | "little" | "small" | "a" | "at" | "in" | "teenager" | "teen" | "kid" | "child"
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

fn is_youth(word: &str) -> bool {
    matches!(
        word,
        "teenager" | "teen" | "teens" | "teenage" | "kid" | "child" | "childhood" | "youth" | "student" | "twenties"
    ) || word == "20s"
}

/// After a denial: "anymore", "for two years", "in months", "since March".
fn resolved_after_denial(tokens: &[Token], end: usize) -> bool {
    let word = |i: usize| text_at(tokens, i);
    (end..end + 2).any(|k| match word(k) {
        "anymore" | "since" => true,
        "for" | "in" if word(k + 1) == "the" => matches!(word(k + 2), "last" | "past"),
        "for" | "in" => is_duration(word(k + 1)),
        _ => false,
    })
}

fn is_duration(word: &str) -> bool {
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
fn relapse_after(tokens: &[Token], end: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use Concern::*;

    /// The rules that matched, whatever the judgement.
    fn fired_rules(text: &str) -> Vec<usize> {
        let (buffer, raw) = normalise(text);
        let mut tokens = words(&buffer, &raw);
        let matcher = matcher();
        matcher.annotate(&mut tokens);
        matcher.hits(&tokens).iter().map(|hit| matcher.patterns[hit.pattern].rule).collect()
    }

    fn normalised(text: &str) -> Vec<String> {
        let (buffer, raw) = normalise(text);
        words(&buffer, &raw).iter().map(|t| t.text.to_owned()).collect()
    }

    /// Screens each case and lists every one whose concerns differ from those expected, so a failure shows them all.
    #[track_caller]
    fn assert_all(cases: &[(&str, &[Concern])]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(text, expected)| {
                let screening = screen(text);
                (screening.concerns != *expected).then(|| {
                    format!("{text:?}: expected {expected:?}, got {:?} {:?}", screening.concerns, screening.reasons)
                })
            })
            .collect();
        assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    #[track_caller]
    fn assert_none_flagged(texts: &[&str]) {
        let cases: Vec<(&str, &[Concern])> = texts.iter().map(|t| (*t, &[][..])).collect();
        assert_all(&cases);
    }

    // ---- The rules themselves

    #[test]
    fn every_rule_parses() {
        let broken: Vec<String> = RULES
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| parse(i, rule.pattern).err().map(|e| format!("rule {i}: {e}")))
            .collect();
        assert!(broken.is_empty(), "{broken:#?}");
        assert_eq!(matcher().patterns.len(), RULES.len());
    }

    #[test]
    fn every_prefix_in_the_rules_has_a_bit_of_its_own() {
        let mut prefixes: Vec<&str> = RULES
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| parse(i, rule.pattern).ok())
            .flat_map(|pattern| pattern.lists().flat_map(|list| list.prefixes.clone()).collect::<Vec<_>>())
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        assert!(prefixes.len() <= MAX_PREFIXES, "{} prefixes", prefixes.len());
        assert_eq!(matcher().vocabulary.prefixes.len(), prefixes.len());
    }

    #[test]
    fn the_pattern_parser_rejects_malformed_patterns() {
        for bad in [
            "",
            "~2",
            "want ~1",
            "[my] life",
            "~1 want to",
            "want || die",
            "!x:foo want",
            "want ~x die",
            "s* want",
            "want $",
            "want #x",
        ] {
            assert!(parse(0, bad).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn every_rule_flags_its_own_example() {
        let wrong: Vec<String> = RULES
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| {
                let fired = fired_rules(rule.example).contains(&i);
                let flagged = screen(rule.example).concerns.contains(&rule.concern);
                (!fired || !flagged).then(|| format!("rule {i} ({:?}) fired {fired}, flagged {flagged}", rule.pattern))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn rules_are_written_in_the_words_normalising_produces() {
        // A rule spelled "cant" or "Myself" could never match: normalising turns them into "can not" and "myself".
        let mut wrong = Vec::new();
        for (i, rule) in RULES.iter().enumerate() {
            let Ok(pattern) = parse(i, rule.pattern) else { continue };
            for w in pattern.lists().flat_map(|list| list.exact.iter().chain(&list.prefixes)) {
                let one_word = w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '\'');
                // "id" is kept as it is after a possessive ("my id").
                if !one_word || (expand(w).is_some() && *w != "id") {
                    wrong.push(format!("rule {i}: {w:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    // ---- Normalising

    #[test]
    fn contractions_are_spelled_out_with_or_without_apostrophes() {
        for text in ["I can't", "i cant", "I CAN’T", "i can`t", "i can t", "I cannot"] {
            assert_eq!(normalised(text), ["i", "can", "not"], "{text:?}");
        }
        assert_eq!(normalised("im gonna"), ["i", "am", "going", "to"]);
        assert_eq!(normalised("I m sure u r"), ["i", "am", "sure", "you", "are"]);
        assert_eq!(normalised("kms"), ["kill", "myself"]);
        assert_eq!(normalised("no one, any more"), ["nobody", "anymore"]);
        assert_eq!(normalised("my self esteem"), ["my", "self", "esteem"]);
        assert_eq!(normalised("hurt my self"), ["hurt", "myself"]);
        assert_eq!(normalised("self-harm"), ["self", "harm"]);
        assert_eq!(normalised("'quoted' mums'"), ["quoted", "mums"]);
    }

    // ---- Idioms: precise enough not to flood the queue

    #[test]
    fn everyday_idioms_about_killing_and_dying_are_not_flagged() {
        assert_none_flagged(&[
            "This waiting list is killing me.",
            "I'd kill for a coffee right now",
            "I was dying to tell you about the course",
            "I'm dying to try the new art group",
            "The facilitator absolutely killed it today",
            "I was bored to death in the induction session",
            "I was scared to death before my first session but it was fine",
            "My phone died halfway through this form",
            "the battery is dead on the check-in screen",
            "The deadline for the forms is Friday",
            "The new receptionist is drop dead gorgeous",
            "I could have died of embarrassment when I walked into the wrong room",
            "We laughed so hard I nearly died",
            "The cake at the open day was to die for",
            "I read magazines to kill time in the waiting room",
            "Killing two birds with one stone, I picked up my prescription too",
            "the session was dead good",
            "the forms were dead easy to fill in",
            "The group is dead boring on Tuesdays",
            "They use cutting edge therapy",
            "I have cut back on caffeine like the nurse suggested",
            "The service should not cut corners on staffing",
            "I shot myself in the foot by missing the first session",
            "They will move the group to Mondays over my dead body",
            "If looks could kill, the receptionist would be in prison",
            "It's not the end of the world if the group moves",
            "it's the end of the world lol the coffee machine is broken",
            "My feet were killing me after the walk",
            "I could murder a cup of tea",
            "The suspense is killing me, when do results come out?",
            "I'm dead chuffed with how far I've come",
            "I was dead tired after the session",
            "You lot will be the death of me",
            "I nearly died laughing at the quiz",
            "the heat in that room was killing us",
            "they are killing off the evening group which is a shame",
            "I would die for my kids",
            "The plant in reception has died",
            "I had a panic attack in the waiting room but staff were lovely",
            "My dad nearly had a heart attack when he saw the parking charges",
            "I'm sick to death of the parking",
            "I cut my hair short for the summer",
            "I cut myself some slack this week",
            "I burnt myself on the kettle making tea",
            "I hurt myself falling off my bike",
            "The course was a killer but worth it",
            "I'd take a bullet for the staff here",
            "that exam nearly killed me",
            "it was murder getting parked",
            "I was killing time before my appointment",
            "the jokes in group slay me",
            "I'm stuck in a dead end job",
            "I could sleep for a week",
        ]);
    }

    #[test]
    fn ordinary_feedback_that_shares_words_with_risk_phrases_is_not_flagged() {
        assert_none_flagged(&[
            "I can't go on the trip next week",
            "I can't do Mondays anymore because of work",
            "I won't be here next week as I'm on holiday",
            "i wont be around on tuesday, hospital appointment",
            "I wouldn't be here without this group",
            "I've made a plan with my care coordinator for the holidays",
            "we made a safety plan together",
            "There's no point complaining, nothing changes",
            "There's no way I'm going back to that café",
            "Staff laughed with us at the quiz",
            "the therapist laughed at my joke",
            "I felt safe on the ward",
            "I'm saving up for a holiday",
            "I collect my tablets from the pharmacy on Fridays",
            "I take all my tablets as prescribed",
            "The group really touched me",
            "My therapist pushed me to try new things",
            "no one would notice if the group started late",
            "I didn't want to be here at first but now I love it",
            "I don't want to be here in this cold waiting room",
            "I gave away my old clothes to charity",
            "The last time I came the room was cold",
            "I'd give anything to get the group back",
            "I was hit by a car last year and still have pain",
            "I'm hopeless at maths",
            "My relationship with staff has improved",
            "they followed me up after discharge which was nice",
            "we have to take our meds at the same time",
            "the staff were not aggressive at all",
            "i have a safety plan and a care plan",
            "staff made me feel welcome",
            "I know how to do it now thanks to the group",
            "I am not safe to drive on these meds so my mum brings me",
            "she beat me at chess in the break",
            "If I feel unsafe I ring the crisis line",
            "Staff explained what to do if I am in crisis",
            "My landlord is threatening to evict me",
            "I didn't want it to end",
            "I'm moving away so won't be around for the next group",
            "I fell and cut my leg on the stairs",
            "I felt unsafe walking home in the dark",
            "The doctor refused to change my medication",
            "i want to end it with my boyfriend",
            "im going to end it with him",
            "I need to cut down on sugar",
            "We talked about suicide in the group and it was handled well",
            "The self-harm module was really useful",
            "the suicide awareness session was good",
            "When someone in group talked about self harm it was triggering for me",
            "Thank you for everything, goodbye!",
            "I won't be able to come next week, I'm at work",
            "Without this service I wouldn't be here today",
            "I'm in a much better place now",
            "I hit rock bottom before I was referred",
            "I cut ties with toxic friends",
            "I was burnt out",
            "I keep my tablets in a dosette box",
            "I have a plan for next steps",
            "They told me to go to A&E if I felt unsafe",
            "I'll prepare better next time",
            "I was really touched by everyone's kindness",
            "I gave him money for the bus",
            "the film was violent",
            "I was hit by a wave of panic",
            "I shot myself a reminder email",
            "I could sleep forever on those sofas",
            "I'm tired of life admin",
            "I feel trapped in my job",
            "I'm dying of boredom in these sessions",
            "I cut my finger chopping onions",
            "I hurt my ankle playing football",
            "I'm ending my therapy next month",
            "I'll end up late again",
            "I don't want to wake up early for the group",
            "the psychiatrist changed my medication without explaining why",
        ]);
    }

    // ---- Risk statements: explicit

    #[test]
    fn explicit_statements_of_risk_are_flagged_with_their_concern() {
        assert_all(&[
            ("i want to kill myself", &[SuicidalThoughts]),
            ("i just wanna die", &[SuicidalThoughts]),
            ("I want 2 die", &[SuicidalThoughts]),
            ("been thinking about ending it all", &[SuicidalThoughts]),
            ("i keep thinking about taking my own life", &[SuicidalThoughts]),
            ("im going to end my life", &[SuicidalThoughts]),
            ("I feel suicidal most days", &[SuicidalThoughts]),
            ("feeling really sucidal tonight", &[SuicidalThoughts]),
            ("kms", &[SuicidalThoughts]),
            ("thinking about jumping off the bridge near my house", &[SuicidalThoughts]),
            ("i tried to hang myself in april", &[SuicidalThoughts]),
            ("i wish i was dead", &[SuicidalThoughts]),
            ("im not safe", &[SuicidalThoughts]),
            ("I have been cutting myself again", &[SelfHarm]),
            ("i burn myself with a lighter when it gets bad", &[SelfHarm]),
            ("took an overdose last month", &[SelfHarm]),
            ("i od'd on my meds at the weekend", &[SelfHarm]),
            ("i sh'd last night", &[SelfHarm]),
            ("i keep having urges to cut", &[SelfHarm]),
            ("i cut my arms last night", &[SelfHarm]),
            ("i want to hurt myself", &[SelfHarm]),
            ("Self-harming most nights", &[SelfHarm]),
            ("I'm scared I'll hurt someone", &[HarmToOthers]),
            ("sometimes i want to kill him", &[HarmToOthers]),
            ("i keep having thoughts about harming my baby", &[HarmToOthers]),
            ("my boyfriend hits me when hes drunk", &[AbuseOrExploitation]),
            ("my stepdad touched me when i was little", &[AbuseOrExploitation]),
            ("he takes my money every week", &[AbuseOrExploitation]),
            ("i was raped last year", &[AbuseOrExploitation]),
            ("he said he'd kill me if i left", &[AbuseOrExploitation]),
            ("the staff restrained me and it really hurt", &[UnsafeCare]),
            ("a nurse shouted at me in front of everyone", &[UnsafeCare]),
            ("staff ignored my calls when i was in crisis", &[UnsafeCare]),
            ("they left me alone when i said i was unsafe", &[UnsafeCare]),
            ("i was given the wrong medication on the ward", &[UnsafeCare]),
        ]);
    }

    // ---- Risk statements: indirect, with no alarming keyword

    #[test]
    fn indirect_wording_with_no_alarming_keyword_is_flagged() {
        assert_all(&[
            ("everyone would be better off without me", &[SuicidalThoughts]),
            ("i wont be a burden much longer", &[SuicidalThoughts]),
            ("i dont see the point in going on", &[SuicidalThoughts]),
            ("i cant do this anymore", &[SuicidalThoughts]),
            ("theres no way out", &[SuicidalThoughts]),
            ("ive written letters to say goodbye to my kids", &[SuicidalThoughts]),
            ("been giving my things away to ppl", &[SuicidalThoughts]),
            ("i wont be around for the next session", &[SuicidalThoughts]),
            ("this is the last time youll hear from me", &[SuicidalThoughts]),
            ("i just want to sleep and not wake up", &[SuicidalThoughts]),
            ("ive been saving up my tablets", &[SuicidalThoughts]),
            ("nobody would notice if i was gone tbh", &[SuicidalThoughts]),
            ("ive made a plan", &[SuicidalThoughts]),
            ("whats the point of anything anymore", &[SuicidalThoughts]),
            ("i cant go on like this", &[SuicidalThoughts]),
            ("i dont want to be here anymore", &[SuicidalThoughts]),
            ("evryone would be happier without me", &[SuicidalThoughts]),
            ("i hope i dont wake up tomorow", &[SuicidalThoughts]),
            ("no one would even miss me", &[SuicidalThoughts]),
            ("i know how i would do it", &[SuicidalThoughts]),
            ("ive got nothing left to live for", &[SuicidalThoughts]),
            ("i cant keep myself safe", &[SuicidalThoughts]),
            ("im worried ill do something stupid", &[SuicidalThoughts]),
            ("ill be gone soon anyway", &[SuicidalThoughts]),
            ("ive put my affairs in order", &[SuicidalThoughts]),
            ("ive started doing that thing to my arms again", &[SelfHarm]),
            ("i always wear long sleeves so nobody sees", &[SelfHarm]),
            ("im scared of what i might do to him", &[HarmToOthers]),
            ("im not safe at home", &[AbuseOrExploitation]),
            ("my boyfriend wont let me see my friends and checks my phone", &[AbuseOrExploitation]),
            ("someone is making me do things for money", &[AbuseOrExploitation]),
            ("hes always going through my phone and wont let me go out", &[AbuseOrExploitation]),
            ("they make me hold stuff for them at my flat", &[AbuseOrExploitation]),
            ("my dad has my bank card", &[AbuseOrExploitation]),
            ("the night staff laughed when i said i was struggling", &[UnsafeCare]),
            ("i told them i was unsafe and was sent home", &[UnsafeCare]),
            ("I was given the wrong medication", &[UnsafeCare]),
            ("nobody checked on me all night on the ward", &[UnsafeCare]),
            ("they called me attention seeking", &[UnsafeCare]),
        ]);
    }

    #[test]
    fn acute_crisis_wording_is_flagged() {
        assert_all(&[
            ("help", &[SuicidalThoughts]),
            ("please help me", &[SuicidalThoughts]),
            ("im in crisis", &[SuicidalThoughts]),
            ("im standing on a bridge right now", &[SuicidalThoughts]),
            ("ive got the tablets in front of me", &[SuicidalThoughts]),
            ("its too late ive already taken them", &[SuicidalThoughts]),
            ("i took 20 paracetamol", &[SelfHarm]),
            ("theyll find me in the morning", &[SuicidalThoughts]),
            ("i left a note", &[SuicidalThoughts]),
            ("this is goodbye", &[SuicidalThoughts]),
            ("i dont think i can keep myself safe tonight", &[SuicidalThoughts]),
            ("thinking bout jumpin off the bridge", &[SuicidalThoughts]),
            ("i relapsed last night", &[SelfHarm]),
            ("the urges are back", &[SelfHarm]),
        ]);
    }

    #[test]
    fn abuse_harm_to_others_and_unsafe_care_are_flagged_in_their_many_forms() {
        assert_all(&[
            ("he wont stop hitting me", &[AbuseOrExploitation]),
            ("my partner is violent", &[AbuseOrExploitation]),
            ("he put his hands around my neck", &[AbuseOrExploitation]),
            ("i was forced to have sex", &[AbuseOrExploitation]),
            ("im too scared to leave him", &[AbuseOrExploitation]),
            ("he says no one will believe me", &[AbuseOrExploitation]),
            ("he controls everything i do", &[AbuseOrExploitation]),
            ("i have to give him all my wages", &[AbuseOrExploitation]),
            ("i have to sell drugs to pay off my debt", &[AbuseOrExploitation]),
            ("i met a man online who wants me to send pictures", &[AbuseOrExploitation]),
            ("someone at the hostel keeps taking my benefits", &[AbuseOrExploitation]),
            ("my husband controls all the money", &[AbuseOrExploitation]),
            ("he threw me against the wall", &[AbuseOrExploitation]),
            ("i lose my temper and hit my partner", &[HarmToOthers]),
            ("ive been thinking about killing my ex", &[HarmToOthers]),
            ("if he comes near me again ill stab him", &[HarmToOthers]),
            ("i keep a knife under my pillow", &[HarmToOthers]),
            ("i get urges to hurt my baby", &[HarmToOthers]),
            ("the nurse slapped me", &[UnsafeCare]),
            ("the hca called me a freak", &[UnsafeCare]),
            ("one of the nurses said i should just do it properly next time", &[UnsafeCare]),
            ("i was strip searched by male staff", &[UnsafeCare]),
            ("staff watched me in the shower", &[UnsafeCare]),
            ("i was tied to a bed", &[UnsafeCare]),
            ("i wasnt given my meds for three days", &[UnsafeCare]),
            ("i was left in my own urine", &[UnsafeCare]),
            ("the crisis team hung up on me", &[UnsafeCare]),
            ("the crisis line never rang back", &[UnsafeCare]),
            ("i rang the crisis team and they told me to have a bath", &[UnsafeCare]),
            ("the psychiatrist dismissed me", &[UnsafeCare]),
            ("the gp refused to refer me", &[UnsafeCare]),
            ("staff told me to just kill myself", &[SuicidalThoughts, UnsafeCare]),
            ("they discharged me the same day i tried to hang myself", &[SuicidalThoughts, UnsafeCare]),
        ]);
    }

    #[test]
    fn several_concerns_in_one_answer_are_sorted_without_repeats() {
        let screening = screen(
            "staff ignored me when i was in crisis. he hits me. i want to die, i really want to die. i cut my arms",
        );
        assert_eq!(screening.concerns, [SuicidalThoughts, SelfHarm, AbuseOrExploitation, UnsafeCare]);
        assert!(screening.is_flagged());
    }

    // ---- Negation and the past

    #[test]
    fn denying_a_wish_to_die_or_self_harm_is_still_flagged_with_a_note() {
        for (text, concern) in [
            ("I'm not going to hurt myself", SelfHarm),
            ("I don't want to die", SuicidalThoughts),
            ("I would never kill myself, I have my kids", SuicidalThoughts),
            ("i dont feel suicidal", SuicidalThoughts),
            ("I won't hurt myself in the future", SelfHarm),
            ("I'd never hurt anyone", HarmToOthers),
        ] {
            let screening = screen(text);
            assert_eq!(screening.concerns, [concern], "{text:?}");
            assert!(screening.reasons[0].contains("said with a denial"), "{text:?}: {:?}", screening.reasons);
        }
    }

    #[test]
    fn the_denial_is_quoted_with_the_phrase() {
        let screening = screen("Honestly, I'm not going to hurt myself. Thanks.");
        assert_eq!(
            screening.reasons,
            ["mentions hurting themselves (said with a denial; flagged anyway): \"not going to hurt myself\""]
        );
    }

    #[test]
    fn feelings_that_are_clearly_past_are_not_flagged() {
        assert_none_flagged(&[
            "I used to feel suicidal but the group helped",
            "I used to self harm when I was a teenager",
            "I have not self harmed for two years",
            "I don't self harm anymore",
            "i tried to kill myself years ago",
            "i no longer want to die",
            "i havent cut myself since march",
            "I used to want to hurt people but DBT helped",
            "i self harmed as a teenager",
            "i self harmed a lot in my teens",
            "i was suicidal in 2019",
            "last year i tried to end my life",
            "ive been clean from sh for 3 months",
            "i'm 3 months self harm free",
            "my old self harm scars itch",
            "i used to self harm but stopped 2 years ago",
            "i used to cut myself but never again",
        ]);
    }

    #[test]
    fn a_relapse_after_a_past_marker_is_flagged() {
        assert_all(&[
            ("i used to cut myself and ive started again", &[SelfHarm]),
            ("i used to want to die and i still do", &[SuicidalThoughts]),
            ("i used to self harm and relapsed last week", &[SelfHarm]),
            ("i havent self harmed in a while but i want to", &[SelfHarm]),
        ]);
    }

    #[test]
    fn a_past_marker_does_not_reach_into_a_new_clause() {
        assert_all(&[
            ("I used to be happy, now I want to die", &[SuicidalThoughts]),
            ("i used to be happy i want to die", &[SuicidalThoughts]),
            ("i used to go to group but now i want to kill myself", &[SuicidalThoughts]),
            ("i tried to kill myself last night", &[SuicidalThoughts]),
        ]);
    }

    #[test]
    fn denying_what_other_people_did_clears_it() {
        assert_none_flagged(&[
            "my partner has never hit me",
            "staff never ignored me",
            "I never felt unsafe in the group",
            "the staff didn't restrain me",
            "I have never been hit by him",
            "there was no restraint used",
        ]);
    }

    #[test]
    fn past_abuse_and_past_unsafe_care_stay_flagged() {
        assert_all(&[
            ("my ex used to hit me", &[AbuseOrExploitation]),
            ("i was abused as a child", &[AbuseOrExploitation]),
            ("years ago a nurse shouted at me", &[UnsafeCare]),
        ]);
    }

    #[test]
    fn a_negation_that_is_part_of_the_phrase_is_what_the_rule_looks_for() {
        assert_all(&[
            ("he doesn't let me see my friends", &[AbuseOrExploitation]),
            ("i'm not safe at home", &[AbuseOrExploitation]),
            ("he makes me do things i dont want to", &[AbuseOrExploitation]),
            ("nobody came to see me for hours", &[UnsafeCare]),
        ]);
    }

    #[test]
    fn a_negation_in_an_earlier_clause_does_not_clear_a_report() {
        assert_all(&[
            ("i have not been well, he hits me", &[AbuseOrExploitation]),
            ("staff who never listened ignored my calls", &[UnsafeCare]),
        ]);
    }

    // ---- Spelling, shorthand and odd inputs

    #[test]
    fn apostrophes_shorthand_and_capitals_do_not_hide_risk() {
        for text in [
            "I’m not safe",
            "I`m not safe",
            "Im not safe",
            "I m not safe",
            "IM NOT SAFE!!!",
            "😭im not safe😭",
            "i am not safe",
        ] {
            assert_eq!(screen(text).concerns, [SuicidalThoughts], "{text:?}");
        }
        assert_eq!(screen("gonna kill my self tonite").concerns, [SuicidalThoughts]);
        assert_eq!(screen("i wanna kill myslef").concerns, [SuicidalThoughts]);
        assert_eq!(screen("I want too die").concerns, [SuicidalThoughts]);
    }

    #[test]
    fn odd_inputs_never_panic_and_flag_nothing() {
        let long_word = "a".repeat(100_000);
        let apostrophes = "'".repeat(10_000);
        let odd = [
            "",
            " ",
            "\0",
            "\u{feff}",
            "!!!???...",
            "😭😭😭",
            "日本語のテキストです",
            "هذا نص عربي",
            "İstanbul ÇAĞRI",
            "e\u{301}\u{301}\u{301}",
            "\u{202e}evil\u{202c}",
            "t t t m ve ll",
            "' ' ' `",
            "2 2 2 2",
            "my self",
            "no",
            long_word.as_str(),
            apostrophes.as_str(),
        ];
        for text in odd {
            let screening = screen(text);
            assert!(!screening.is_flagged(), "{text:?}: {screening:?}");
            assert!(screening.reasons.is_empty());
        }
    }

    #[test]
    fn risk_among_emoji_and_other_scripts_is_found() {
        assert_eq!(screen("😭😭i want to die😭 日本語").concerns, [SuicidalThoughts]);
        assert_eq!(screen("…i just want to…die").concerns, [SuicidalThoughts]);
    }

    #[test]
    fn reasons_quote_the_respondents_own_words_on_one_line() {
        let screening = screen("Honestly I just\n\nwant   to DIE.");
        assert_eq!(screening.reasons, ["says they want to die: \"want to DIE\""]);
    }

    #[test]
    fn long_quotes_are_cut_short() {
        let text = format!("i told them i was {} suicidal and was sent home", "very".repeat(40));
        let reason = screen(&text).reasons.into_iter().find(|r| r.starts_with("describes being turned away"));
        assert!(reason.is_some_and(|r| r.ends_with("…\"") && r.chars().count() < 150));
    }

    #[test]
    fn reasons_are_capped_and_not_repeated() {
        let repeated = "i want to die. ".repeat(500);
        assert_eq!(screen(&repeated).reasons.len(), 1);
        let varied: String = (0..100).map(|i| format!("day {i} i want to kill myself {i}. ")).collect();
        let screening = screen(&varied);
        assert_eq!(screening.concerns, [SuicidalThoughts]);
        assert_eq!(screening.reasons.len(), 1, "the same words give the same reason: {:?}", screening.reasons);
        let many: String = RULES.iter().map(|r| format!("{}. ", r.example)).collect();
        assert_eq!(screen(&many).reasons.len(), MAX_REASONS);
    }

    #[test]
    fn a_long_answer_is_screened_in_linear_time() {
        // 200,000 characters of words that start many rules and almost finish them. A screener that was quadratic
        // in the length would take minutes here; a linear one takes milliseconds even unoptimised.
        let chunk = "i want to not be here i am not safe staff said i was struggling and they ";
        let text = chunk.repeat(200_000 / chunk.len());
        let started = std::time::Instant::now();
        let screening = screen(&text);
        let took = started.elapsed();
        assert!(screening.concerns.contains(&SuicidalThoughts));
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }

    // ---- The public types

    #[test]
    fn concerns_have_plain_labels_and_stable_stored_names() {
        let stored: Vec<&str> = Concern::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            stored,
            ["suicidal_thoughts", "self_harm", "harm_to_others", "abuse_or_exploitation", "unsafe_care"]
        );
        for concern in Concern::ALL {
            assert_eq!(Concern::parse(concern.as_str()), Some(concern));
        }
        assert_eq!(Concern::parse("Self-harm"), None);
        assert_eq!(SelfHarm.label(), "Self-harm");
        assert_eq!(UnsafeCare.label(), "Unsafe care");
    }

    #[test]
    fn a_screening_survives_a_round_trip_through_json() {
        let screening = screen("he hits me and i want to die");
        let json = serde_json::to_string(&screening).unwrap();
        assert_eq!(serde_json::from_str::<Screening>(&json).unwrap(), screening);
        assert!(!screen("thanks for the group").is_flagged());
    }
}
