//! Normalising: the text lowercased and cut into words, contractions and shorthand spelled out, punctuation kept
//! only as clause breaks. The rules are written in the words this produces.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::OnceLock;

use super::matcher::Fnv;

/// A word as it stands in the text, before contractions are spelled out.
pub(super) struct RawWord {
    /// Its lowercased letters in the normalised buffer.
    pub(super) norm: Range<usize>,
    /// Its bytes in the original text, for quoting.
    pub(super) orig: Range<usize>,
    /// Whether a clause break (punctuation) comes just before it.
    pub(super) clause_start: bool,
    /// Where invisible characters stood inside it, in bytes from its start: "kill\u{200b}myself" may be two words.
    pub(super) cuts: Vec<usize>,
}

/// A normalised word: a slice of the buffer or a spelled-out contraction.
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    pub(super) orig: Range<usize>,
    pub(super) clause_start: bool,
    /// Its number in the rules' vocabulary, if a rule names it.
    pub(super) word: Option<usize>,
    /// A bit for each rule prefix it starts with.
    pub(super) prefixes: u128,
    /// Ten or more, in digits or words.
    pub(super) is_big_number: bool,
}

impl<'a> Token<'a> {
    pub(super) fn new(text: &'a str, orig: Range<usize>, clause_start: bool) -> Token<'a> {
        Token { text, orig, clause_start, word: None, prefixes: 0, is_big_number: false }
    }
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′')
}

pub(super) fn is_clause_break(c: char) -> bool {
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
///
/// Disguises are undone on the way, since a risk statement written to slip past a filter is no less a risk:
/// invisible characters inside a word (zero-width spaces, soft hyphens, joiners, direction marks, combining marks)
/// are dropped and remembered as places the word may be cut ([`RawWord::cuts`]); full-width, mathematical,
/// circled, accented and Cyrillic or Greek look-alike letters become plain ones; a digit or `! @ $` between two
/// letters is read as the letter it stands for ("k1ll", "d!e", "su1c1dal"); and a letter written three or more
/// times in a row counts once ("diiiie", "pleeease").
pub(super) fn normalise(text: &str) -> (String, Vec<RawWord>) {
    let mut buffer = String::with_capacity(text.len());
    let mut raw = Vec::with_capacity(text.len() / 4);
    let mut current: Option<(usize, usize)> = None;
    let mut cuts = Vec::new();
    let mut orig_end = 0;
    let mut pending_break = false;
    let mut run = ('\0', 0_usize);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_invisible(c) {
            if let Some((norm_start, _)) = current {
                cuts.push(buffer.len() - norm_start);
            }
            continue;
        }
        let c = fold(c);
        let after_letter = current.is_some() && buffer.chars().next_back().is_some_and(char::is_alphabetic);
        let before_letter = chars.peek().is_some_and(|&(_, n)| fold(n).is_alphabetic());
        let c = match leet(c) {
            Some(letter) if after_letter && before_letter => letter,
            _ => c,
        };
        // "s*icide": a star standing for a letter stays in the word, for the misspelling check to read.
        if c == '*' && after_letter && before_letter {
            buffer.push('*');
            orig_end = at + 1;
            run = ('\0', 0);
            continue;
        }
        let apostrophe = is_apostrophe(c);
        if c.is_alphanumeric() || (apostrophe && current.is_some()) {
            if current.is_none() {
                current = Some((buffer.len(), at));
                run = ('\0', 0);
            }
            orig_end = at + c.len_utf8();
            if apostrophe {
                buffer.push('\'');
                run = ('\0', 0);
                continue;
            }
            let mut lower = c.to_lowercase();
            let single = (lower.len() == 1).then(|| lower.next()).flatten();
            let Some(letter) = single else {
                buffer.extend(c.to_lowercase());
                run = ('\0', 0);
                continue;
            };
            // A letter three or more times in a row counts once: the third drops the second, the rest are skipped.
            if letter == run.0 && letter.is_alphabetic() {
                run.1 += 1;
                if run.1 == 3 {
                    buffer.pop();
                }
                if run.1 >= 3 {
                    continue;
                }
            } else {
                run = (letter, 1);
            }
            buffer.push(letter);
        } else {
            if let Some(start) = current.take() {
                finish(&buffer, &mut raw, start, orig_end, pending_break, std::mem::take(&mut cuts));
                pending_break = false;
            }
            if is_clause_break(c) {
                pending_break = true;
            }
        }
    }
    if let Some(start) = current {
        finish(&buffer, &mut raw, start, orig_end, pending_break, cuts);
    }
    (buffer, raw)
}

/// Characters that show nothing: people hide a word from filters with them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{300}'..='\u{36f}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
    )
}

/// A look-alike letter or digit as the plain one it imitates; any other character unchanged.
fn fold(c: char) -> char {
    let code = u32::from(c);
    let plain = |offset: u32| char::from_u32(offset).unwrap_or(c);
    match code {
        0..=0x7f => c,
        // Full-width forms: "ｋｉｌｌ".
        0xff01..=0xff5e => plain(code - 0xfee0),
        // Mathematical bold, italic, script… letters: 52 to a style, capitals first.
        0x1d400..=0x1d6a3 => {
            let k = (code - 0x1d400) % 52;
            plain(if k < 26 { u32::from(b'a') + k } else { u32::from(b'a') + k - 26 })
        }
        0x1d7ce..=0x1d7ff => plain(u32::from(b'0') + (code - 0x1d7ce) % 10),
        // Circled letters: "ⓚⓘⓛⓛ".
        0x24b6..=0x24cf => plain(u32::from(b'a') + code - 0x24b6),
        0x24d0..=0x24e9 => plain(u32::from(b'a') + code - 0x24d0),
        _ => match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' | 'ı' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            // Cyrillic and Greek letters that look Latin.
            'а' | 'А' | 'α' | 'Α' => 'a',
            'в' | 'В' | 'Β' => 'b',
            'с' | 'С' => 'c',
            'ԁ' => 'd',
            'е' | 'Е' | 'ε' | 'Ε' => 'e',
            'һ' | 'Н' | 'Η' => 'h',
            'і' | 'І' | 'ι' | 'Ι' => 'i',
            'ј' | 'Ј' => 'j',
            'к' | 'К' | 'κ' | 'Κ' => 'k',
            'м' | 'М' | 'Μ' => 'm',
            'Ν' => 'n',
            'о' | 'О' | 'ο' | 'Ο' => 'o',
            'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
            'ѕ' | 'Ѕ' => 's',
            'т' | 'Т' | 'τ' | 'Τ' => 't',
            'υ' => 'u',
            'ν' => 'v',
            'ԝ' => 'w',
            'х' | 'Х' | 'χ' | 'Χ' => 'x',
            'у' | 'У' | 'Υ' => 'y',
            'Ζ' => 'z',
            _ => c,
        },
    }
}

/// The letter a digit or symbol stands for between two letters.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '€' => 'e',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Ends the word that began at `norm_start` in the buffer and `orig_start` in the text.
pub(super) fn finish(
    buffer: &str,
    raw: &mut Vec<RawWord>,
    (norm_start, orig_start): (usize, usize),
    orig_end: usize,
    brk: bool,
    cuts: Vec<usize>,
) {
    // Apostrophes join a word only inside it: "mums'" is "mums".
    let word = buffer.get(norm_start..).unwrap_or("").trim_end_matches('\'');
    if !word.is_empty() {
        let cuts = cuts.into_iter().filter(|&at| at > 0 && at < word.len() && word.is_char_boundary(at)).collect();
        raw.push(RawWord {
            norm: norm_start..norm_start + word.len(),
            orig: orig_start..orig_end,
            clause_start: brk,
            cuts,
        });
    }
}

/// Joins split words and spells out contractions and shorthand.
pub(super) fn words<'a>(buffer: &'a str, raw: &[RawWord]) -> Vec<Token<'a>> {
    let text = |w: &RawWord| buffer.get(w.norm.clone()).unwrap_or("");
    let mut tokens = Vec::with_capacity(raw.len() + raw.len() / 4);
    let mut k = 0;
    // A chat tag ("tbh", "ngl", "x") read as a clause break: "i want to end it tbh" ends at "it".
    let mut tagged = false;
    while let Some(word) = raw.get(k) {
        if is_chat_tag(text(word)) {
            tagged = true;
            k += 1;
            continue;
        }
        let start = tokens.len();
        k += push_word_at(&mut tokens, buffer, raw, k);
        if tagged {
            if let Some(first) = tokens.get_mut(start) {
                first.clause_start = true;
            }
            tagged = false;
        }
    }
    tokens
}

/// Tags people end a message or a clause with, which say nothing themselves.
fn is_chat_tag(word: &str) -> bool {
    matches!(word, "tbh" | "ngl" | "rn" | "fr" | "tbf" | "imo" | "smh" | "x" | "xx" | "xxx" | "idc")
}

/// Pushes the tokens of the word at `k` (or of the few words at `k` that together make one) and returns how many
/// words it read.
fn push_word_at<'a>(tokens: &mut Vec<Token<'a>>, buffer: &'a str, raw: &[RawWord], k: usize) -> usize {
    let text = |w: &RawWord| buffer.get(w.norm.clone()).unwrap_or("");
    let Some(word) = raw.get(k) else { return 1 };
    // "s u i c i d a l", "k.m.s": a word spelled out in single letters.
    if let Some((letters, spelled)) = spelled_out(buffer, raw, k) {
        let span = word.orig.start..raw.get(k + letters - 1).map_or(word.orig.end, |w| w.orig.end);
        match spelled {
            Spelled::Parts(parts) => push_parts(tokens, parts, span, word.clause_start),
            Spelled::Word(known) => tokens.push(Token::new(known, span, word.clause_start)),
        }
        return letters;
    }
    let next = raw.get(k + 1).filter(|n| !n.clause_start);
    if let Some(next) = next {
        let after = raw.get(k + 2).filter(|a| !a.clause_start).map(text).unwrap_or("");
        let span = word.orig.start..next.orig.end;
        if let Some(joined) = join(text(word), text(next), after) {
            push_expanded(tokens, joined, span, word.clause_start);
            return 2;
        }
        // "don t", "i m": a contraction whose apostrophe became a space.
        if matches!(text(next), "t" | "m" | "ve" | "ll" | "d" | "re") {
            let contraction = format!("{}'{}", text(word), text(next));
            if let Some(parts) = expand(&contraction) {
                push_parts(tokens, parts, span, word.clause_start);
                return 2;
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
        push_word(tokens, text(word), word);
    }
    1
}

/// A word the rules know, found behind a disguise: a shorthand spelled out, or one of the rules' own words.
pub(super) enum Spelled {
    Parts(&'static [&'static str]),
    Word(&'static str),
}

/// The known word `candidate` spells, if any: a shorthand from [`EXPANSIONS`] or a word a rule names.
fn known_word(candidate: &str) -> Option<Spelled> {
    if let Some(parts) = expand(candidate) {
        return Some(Spelled::Parts(parts));
    }
    super::matcher::matcher().vocabulary.words.get_key_value(candidate).map(|(word, _)| Spelled::Word(word))
}

/// The most single letters joined into one word: longer runs are left as they are.
const MAX_SPELLED: usize = 24;

/// Three or more one-letter words in a row, at `k`, that together spell a word the rules know ("s u i c i d a l",
/// "k.m.s", "d-i-e"): how many letters, and the word. Bounded by [`MAX_SPELLED`], so linear in the text.
fn spelled_out(buffer: &str, raw: &[RawWord], k: usize) -> Option<(usize, Spelled)> {
    let letter =
        |w: &RawWord| buffer.get(w.norm.clone()).filter(|t| t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()));
    let mut joined = String::new();
    for word in raw.get(k..).unwrap_or(&[]).iter().take(MAX_SPELLED) {
        match letter(word) {
            Some(l) => joined.push_str(l),
            None => break,
        }
    }
    if joined.len() < 3 {
        return None;
    }
    let letters = joined.len();
    known_word(&joined).map(|spelled| (letters, spelled))
}

/// Letters a digit or a star may stand for in a disguised word, in the order they are tried: "d13" is "die",
/// "t0" is "to", "k*lling" is "killing", "c*t" is "cut".
fn undisguised(word: &str) -> Option<Spelled> {
    let has_letter = word.bytes().any(|b| b.is_ascii_lowercase());
    let disguised = word.bytes().any(|b| b == b'*' || matches!(b, b'0' | b'1' | b'3' | b'4' | b'5' | b'7'));
    if !has_letter || !disguised || word.len() > 24 {
        return None;
    }
    let leet = |c: char| match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        c => c,
    };
    let plain: String = word.chars().map(leet).collect();
    if !plain.contains('*') {
        return known_word(&plain);
    }
    ['i', 'u', 'o', 'e', 'a']
        .into_iter()
        .find_map(|vowel| known_word(&plain.replace('*', vowel.encode_utf8(&mut [0; 4]))))
}

/// A word as written, or, when hidden characters or a run-together "myself" disguise it, the words inside it:
/// "kill\u{200b}myself" and "killmyself" are "kill myself", while "sui\u{ad}cidal" stays one word.
fn push_word<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, word: &RawWord) {
    let known = |w: &str| expand(w).is_some() || super::matcher::matcher().knows(w);
    if !word.cuts.is_empty() && !known(text) {
        let mut from = 0;
        for at in word.cuts.iter().copied().chain([text.len()]) {
            if let Some(piece) = text.get(from..at).filter(|p| !p.is_empty()) {
                push_expanded(tokens, piece, word.orig.clone(), word.clause_start && from == 0);
            }
            from = at;
        }
        return;
    }
    // "my cat's going", "my daughter's boyfriend": a possessive of a word the rules know is read as the word.
    if let Some(stem) = text.strip_suffix("'s").filter(|stem| !known(text) && super::matcher::matcher().knows(stem)) {
        return push_expanded(tokens, stem, word.orig.clone(), word.clause_start);
    }
    if !known(text) {
        match undisguised(text) {
            Some(Spelled::Parts(parts)) => return push_parts(tokens, parts, word.orig.clone(), word.clause_start),
            Some(Spelled::Word(plain)) => return tokens.push(Token::new(plain, word.orig.clone(), word.clause_start)),
            None => {}
        }
    }
    if let Some(verb) = text.strip_suffix("myself").filter(|v| v.len() >= 2 && !known(text)) {
        push_expanded(tokens, verb, word.orig.clone(), word.clause_start);
        tokens.push(Token::new("myself", word.orig.clone(), false));
        return;
    }
    push_expanded(tokens, text, word.orig.clone(), word.clause_start);
}

pub(super) fn push_expanded<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, orig: Range<usize>, clause_start: bool) {
    match expand(text) {
        Some(parts) => push_parts(tokens, parts, orig, clause_start),
        None => tokens.push(Token::new(text, orig, clause_start)),
    }
}

pub(super) fn push_parts(
    tokens: &mut Vec<Token<'_>>,
    parts: &'static [&'static str],
    orig: Range<usize>,
    clause_start: bool,
) {
    for (i, part) in parts.iter().enumerate() {
        tokens.push(Token::new(part, orig.clone(), clause_start && i == 0));
    }
}

/// Two words written apart that the rules know as one.
pub(super) fn join(first: &str, second: &str, after: &str) -> Option<&'static str> {
    Some(match (first, second) {
        ("any", "more") => "anymore",
        ("no", "one") => "nobody",
        ("some", "one") => "someone",
        ("good", "bye") => "goodbye",
        ("car", "park" | "parks") => "carpark",
        ("over", "dose" | "dosed" | "doses" | "dosing") => "overdose",
        // "s/h", "co-codamol", "sewer slide": shorthand and evasions written in two pieces.
        ("s", "h") => "sh",
        ("co", "codamol") => "cocodamol",
        ("sewer", "slide" | "sliding" | "slided") => "suicide",
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
pub(super) fn expand(word: &str) -> Option<&'static [&'static str]> {
    static TABLE: OnceLock<HashMap<&'static str, &'static [&'static str], BuildHasherDefault<Fnv>>> = OnceLock::new();
    TABLE.get_or_init(|| EXPANSIONS.iter().copied().collect()).get(word).copied()
}

/// Contractions and shorthand, spelled out. Every word in a rule is in this spelled-out form.
pub(super) const EXPANSIONS: &[(&str, &[&str])] = &[
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
    ("it'll", &["it", "will"]),
    ("itll", &["it", "will"]),
    ("that'll", &["that", "will"]),
    ("thatll", &["that", "will"]),
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
    // "catch the bus": a euphemism for suicide on forums.
    ("ctb", &["kill", "myself"]),
    ("bout", &["about"]),
    ("abt", &["about"]),
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
    // Misspellings of "self-harm" that a prefix cannot catch.
    ("hurm", &["harm"]),
    ("hurming", &["harming"]),
    ("hurmed", &["harmed"]),
    ("harmin", &["harming"]),
    ("slef", &["self"]),
    ("sefl", &["self"]),
    ("agen", &["again"]),
    ("agian", &["again"]),
    ("wnat", &["want"]),
    ("al", &["all"]),
    ("wnt", &["want"]),
    ("wamt", &["want"]),
    ("dei", &["die"]),
    // Spoken-alike evasions of "suicide".
    ("sewerslide", &["suicide"]),
    ("sewersliding", &["suicidal"]),
    ("sooicide", &["suicide"]),
    ("sui", &["suicidal"]),
    ("grandaughter", &["granddaughter"]),
];
