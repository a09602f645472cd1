//! The matcher: the rules' patterns parsed, compiled to bit sets over the rules' vocabulary, indexed by the words
//! they start with, and matched against the words of an answer in bounded windows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::judge::filler_negator;
use super::normalise::Token;
use super::rules::RULES;

/// Words as a rule spells them: exact words and prefixes (`suicid*`).
#[derive(Default)]
pub(super) struct WordList {
    pub(super) exact: Vec<&'static str>,
    pub(super) prefixes: Vec<&'static str>,
    /// `#num`: a number of ten or more ("took 20 paracetamol").
    pub(super) numbers: bool,
}

impl WordList {
    pub(super) fn extend(&mut self, other: WordList) {
        self.exact.extend(other.exact);
        self.prefixes.extend(other.prefixes);
        self.numbers |= other.numbers;
    }
}

/// `a|b|pre*`; "to" also accepts "2" and "too", as people write it ("want 2 die", "want too die"). A prefix has at
/// least three letters, which the index of prefixes relies on.
pub(super) fn alternatives(spec: &'static str) -> Result<WordList, String> {
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
pub(super) struct WordSet {
    pub(super) words: Vec<u64>,
    pub(super) prefixes: u128,
    pub(super) numbers: bool,
}

impl WordSet {
    pub(super) fn accepts(&self, token: &Token) -> bool {
        let word = token.word.is_some_and(|id| self.words.get(id / 64).is_some_and(|bits| bits >> (id % 64) & 1 == 1));
        word || self.prefixes & token.prefixes != 0 || (self.numbers && token.is_big_number)
    }
}

/// One step of a phrase.
pub(super) struct Step<W> {
    pub(super) words: W,
    /// How many filler words may come before it.
    pub(super) gap: usize,
    pub(super) optional: bool,
}

/// Words that must not come within `window` words before or after a match.
pub(super) struct Guard<W> {
    pub(super) window: usize,
    pub(super) words: W,
}

/// What must come right after a match.
pub(super) struct Follow<W> {
    pub(super) words: W,
    /// Whether the end of the text or of a clause will do (`$`).
    pub(super) or_end: bool,
}

/// A rule's pattern: as parsed (`Pattern<WordList>`) or ready to match (`Pattern<WordSet>`).
pub(super) struct Pattern<W = WordSet> {
    pub(super) rule: usize,
    /// `^`: the match must start a clause.
    pub(super) anchored: bool,
    pub(super) steps: Vec<Step<W>>,
    pub(super) not_before: Vec<Guard<W>>,
    pub(super) follow: Option<Follow<W>>,
    pub(super) not_after: Vec<Guard<W>>,
}

pub(super) fn parse(rule: usize, source: &'static str) -> Result<Pattern<WordList>, String> {
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
pub(super) fn guard(part: &str, spec: &'static str) -> Result<Guard<WordList>, String> {
    let (window, spec) = match spec.split_once(':') {
        Some((n, spec)) => (n.parse().map_err(|_| format!("bad window {part:?}"))?, spec),
        None => (1, spec),
    };
    Ok(Guard { window, words: alternatives(spec)? })
}

impl Pattern<WordList> {
    pub(super) fn lists(&self) -> impl Iterator<Item = &WordList> {
        let steps = self.steps.iter().map(|s| &s.words);
        let guards = self.not_after.iter().chain(&self.not_before).map(|g| &g.words);
        steps.chain(guards).chain(self.follow.iter().map(|f| &f.words))
    }

    pub(super) fn compile(&self, vocabulary: &Vocabulary) -> Pattern {
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
pub(super) struct Vocabulary {
    pub(super) words: HashMap<&'static str, usize, BuildHasherDefault<Fnv>>,
    pub(super) prefixes: Vec<&'static str>,
}

/// A prefix's number is a bit in a `u128`; a test checks the rules use no more prefixes than that.
pub(super) const MAX_PREFIXES: usize = 128;

impl Vocabulary {
    pub(super) fn add(&mut self, list: &WordList) {
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

    pub(super) fn set(&self, list: &WordList) -> WordSet {
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
#[derive(Clone, Copy)]
pub(super) struct Hit {
    pub(super) pattern: usize,
    /// First and one-past-last token.
    pub(super) start: usize,
    pub(super) end: usize,
    /// A negation inside the match, right before one of its steps ("he has never hit me").
    pub(super) negator: Option<usize>,
}

impl Pattern {
    pub(super) fn match_at(&self, tokens: &[Token], start: usize) -> Option<(usize, Option<usize>)> {
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
    pub(super) fn continue_at(
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
            #[cfg(test)]
            STEPS.with(|steps| steps.set(steps.get() + 1));
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

    pub(super) fn guards_pass(&self, tokens: &[Token], end: usize) -> bool {
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

#[cfg(test)]
thread_local! {
    /// Tokens the matcher has tried against a step, for the test that shows matching is linear by counting them.
    pub(super) static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The rules, compiled and indexed by the words they can start with.
pub(super) struct Matcher {
    pub(super) patterns: Vec<Pattern>,
    pub(super) vocabulary: Vocabulary,
    /// The prefixes and their numbers, by their first byte.
    pub(super) prefixes: Vec<Vec<(&'static str, usize)>>,
    /// The patterns that start with each word, and with each prefix.
    pub(super) word_starts: Vec<Vec<usize>>,
    pub(super) prefix_starts: Vec<Vec<usize>>,
    /// The patterns that start with a number (`#num`).
    pub(super) number_starts: Vec<usize>,
}

pub(super) fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::build)
}

impl Matcher {
    /// Rules that do not parse are left out rather than panicking; a test checks that every rule parses.
    pub(super) fn build() -> Matcher {
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
        let number_starts = parsed
            .iter()
            .enumerate()
            .filter(|(_, p)| p.steps.first().is_some_and(|s| s.words.numbers))
            .map(|(p, _)| p)
            .collect();
        Matcher { patterns, vocabulary, prefixes, word_starts, prefix_starts, number_starts }
    }

    /// Whether a rule names the word, or a prefix of it.
    pub(super) fn knows(&self, word: &str) -> bool {
        self.vocabulary.words.contains_key(word) || self.vocabulary.prefixes.iter().any(|p| word.starts_with(p))
    }

    /// Numbers each token by the rules' vocabulary: one hash lookup per token, and for an unknown long word a
    /// comparison with the few words in [`MISSPELT`].
    pub(super) fn annotate(&self, tokens: &mut [Token]) {
        for token in tokens {
            token.word = self.vocabulary.words.get(token.text).copied();
            // "cuttin", "jumpin", "killin": the g people drop.
            if token.word.is_none() && token.text.len() > 4 && token.text.ends_with("in") {
                token.word = self.vocabulary.words.get(format!("{}g", token.text).as_str()).copied();
            }
            if token.word.is_none() && token.text.len() >= 5 && !self.knows(token.text) {
                if let Some(&right) = MISSPELT.iter().find(|right| one_slip_from(token.text, right)) {
                    token.text = right;
                    token.word = self.vocabulary.words.get(right).copied();
                }
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
    pub(super) fn hits(&self, tokens: &[Token]) -> Vec<Hit> {
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
            let by_number = if token.is_big_number { self.number_starts.as_slice() } else { none };
            for &p in by_word.iter().chain(by_prefix).chain(by_number) {
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

/// Risk words people misspell in a hurry: an unknown word one slip (a letter added, dropped, changed or two
/// swapped) from one of these is read as it ("overdoes", "overdoze", "sucide", "myslf"). Only words with no common
/// English word one slip away are listed: "killing" is one slip from "billing", "cutting" from "putting",
/// "hanging" from "changing".
const MISSPELT: &[&str] =
    &["overdose", "overdosed", "overdosing", "suicide", "suicidal", "myself", "unalive", "unaliving", "unalived"];

/// Whether `word` is one slip from `right`: one letter added, dropped or changed, or two neighbours swapped.
/// Linear in the length of the words.
fn one_slip_from(word: &str, right: &str) -> bool {
    let (a, b) = (word.as_bytes(), right.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (a.get(common..).unwrap_or(&[]), b.get(common..).unwrap_or(&[]));
    let tail = |i: usize, j: usize| ra.get(i..) == rb.get(j..);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            tail(1, 1) || (ra.len() >= 2 && ra.first() == rb.get(1) && ra.get(1) == rb.first() && tail(2, 2))
        }
        std::cmp::Ordering::Less => tail(0, 1),
        std::cmp::Ordering::Greater => tail(1, 0),
    }
}

/// "20", "twenty", "dozens": a number of tablets no one takes as a dose.
pub(super) fn is_big_number(word: &str) -> bool {
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
pub(super) struct Fnv(u64);

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
