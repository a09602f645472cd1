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
