//! Evaluates the safeguarding screener on the project's own labelled sets and prints, for each set, recall and
//! precision overall and by kind, every miss and every over-flag by kind, and the time to screen 10,000 characters.
//!
//! A measurement, not a test: it never fails on low figures. Run it through `scripts/bench-screener`, or
//! `cargo run --release -p continuum-app --features ssr --example screener_eval [-- --quiet] [--dev]`
//! (`--quiet`: figures only; `--dev`: the development set only, so that the held-back lines stay unread while
//! rules are tuned). Any other argument names a further labelled file (a fresh batch) to evaluate after the
//! development set: a path, or a file name in the `eval/` folder (`fresh5.tsv`). `--train` rewrites the learned
//! model's counts (`model.tsv`) from the development set instead, and evaluates nothing. `--threshold-curve`
//! cross-validates the learned model on the development set alone and prints recall and precision at each
//! threshold, and the threshold the shipped rule chooses. `--rules-only` evaluates the rules without the model.
//! The sets and their format are described in `app/src/safeguarding/screener/eval/README.md`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use app::safeguarding::screener::{screen, screen_rules_only, Screening};

const DEV: &str = include_str!("../src/safeguarding/screener/eval/dev.tsv");
const HELD_BACK: &str = include_str!("../src/safeguarding/screener/eval/held_back.tsv");

/// One labelled line.
struct Case {
    risk: bool,
    kind: String,
    text: String,
}

/// Reads `label<TAB>kind<TAB>text` lines, turning `\u{..}` escapes into the characters they name.
fn cases(set: &str) -> Vec<Case> {
    set.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let (label, kind, text) = (fields.next()?, fields.next()?, fields.next()?);
            Some(Case { risk: label == "risk", kind: kind.to_owned(), text: unescape(text) })
        })
        .collect()
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let decoded = after.find('}').and_then(|end| {
            let c = u32::from_str_radix(&after[..end], 16).ok().and_then(char::from_u32)?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("\\u{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Tally {
    lines: usize,
    flagged: usize,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "  -  ".to_owned()
    } else {
        format!("{:5.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// Prints the figures for one set and, unless `quiet`, its misses and over-flags.
fn evaluate(name: &str, set: &str, quiet: bool) {
    let cases = cases(set);
    let mut by_kind: BTreeMap<(bool, String), Tally> = BTreeMap::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut over_flags: BTreeMap<String, Vec<(String, Screening)>> = BTreeMap::new();
    let (mut true_flags, mut false_flags, mut risks) = (0, 0, 0);
    let rules_only = std::env::args().any(|a| a == "--rules-only");
    for case in &cases {
        let screening = if rules_only { screen_rules_only(&case.text) } else { screen(&case.text) };
        let tally = by_kind.entry((case.risk, case.kind.clone())).or_default();
        tally.lines += 1;
        if screening.is_flagged() {
            tally.flagged += 1;
        }
        match (case.risk, screening.is_flagged()) {
            (true, true) => true_flags += 1,
            (true, false) => misses.entry(case.kind.clone()).or_default().push(case.text.clone()),
            (false, true) => {
                false_flags += 1;
                over_flags.entry(case.kind.clone()).or_default().push((case.text.clone(), screening));
            }
            (false, false) => {}
        }
        risks += usize::from(case.risk);
    }
    let flagged = true_flags + false_flags;
    println!("== {name}: {} lines, {risks} risk, {} not", cases.len(), cases.len() - risks);
    println!(
        "   recall {} ({true_flags}/{risks})   precision {} ({true_flags}/{flagged})",
        percent(true_flags, risks),
        percent(true_flags, flagged)
    );
    println!("   risk kinds, flagged:");
    for ((_, kind), tally) in by_kind.iter().filter(|((risk, _), _)| *risk) {
        println!("     {kind:<16} {} ({}/{})", percent(tally.flagged, tally.lines), tally.flagged, tally.lines);
    }
    println!("   hard negatives, flagged (over-flags):");
    for ((_, kind), tally) in by_kind.iter().filter(|((risk, _), _)| !*risk) {
        println!("     {kind:<16} {} ({}/{})", percent(tally.flagged, tally.lines), tally.flagged, tally.lines);
    }
    if quiet {
        return;
    }
    println!("   misses by kind:");
    for (kind, texts) in &misses {
        for text in texts {
            println!("     [{kind}] {text}");
        }
    }
    println!("   over-flags by kind:");
    for (kind, flagged) in &over_flags {
        for (text, screening) in flagged {
            println!("     [{kind}] {text}\n         {}", screening.reasons.join(" | "));
        }
    }
}

/// Median time to screen `text`, scaled to 10,000 characters.
fn time_per_10k(text: &str) -> Duration {
    let chars = text.chars().count().max(1);
    let mut runs: Vec<Duration> = (0..51)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(screen(std::hint::black_box(text)));
            started.elapsed()
        })
        .collect();
    runs.sort_unstable();
    let median = runs.get(runs.len() / 2).copied().unwrap_or_default();
    median.mul_f64(10_000.0 / chars as f64)
}

fn ten_thousand_chars(source: &str) -> String {
    let mut text = String::with_capacity(10_100);
    for piece in source.chars().cycle() {
        if text.chars().count() >= 10_000 {
            break;
        }
        text.push(piece);
    }
    text
}

/// The folder of the labelled sets, for naming a fresh batch by its file name alone.
const EVAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/safeguarding/screener/eval");

fn main() {
    // `--train`: rewrite the learned model's counts from the development set, and stop.
    if std::env::args().any(|a| a == "--train") {
        let path = format!("{EVAL_DIR}/../model.tsv");
        match std::fs::write(&path, app::safeguarding::screener::train(DEV)) {
            Ok(()) => println!("wrote {path}"),
            Err(error) => println!("cannot write {path}: {error}"),
        }
        return;
    }
    // `--threshold-curve`: cross-validate the learned model on the development set alone and print the curve.
    if std::env::args().any(|a| a == "--threshold-curve") {
        threshold_curve();
        return;
    }
    let quiet = std::env::args().any(|a| a == "--quiet");
    let dev_only = std::env::args().any(|a| a == "--dev");
    evaluate("development set (tuned on)", DEV, quiet);
    println!();
    for name in std::env::args().skip(1).filter(|a| !a.starts_with("--")) {
        let path = if std::path::Path::new(&name).exists() { name.clone() } else { format!("{EVAL_DIR}/{name}") };
        match std::fs::read_to_string(&path) {
            Ok(set) => evaluate(&name, &set, quiet),
            Err(error) => println!("== {name}: cannot read {path}: {error}"),
        }
        println!();
    }
    if !dev_only {
        evaluate("held-back set (not read while tuning)", HELD_BACK, quiet);
        println!();
    }
    let feedback: String = cases(DEV).iter().map(|c| format!("{}. ", c.text)).collect();
    let adversarial = "i want to not be here i am not safe staff said i was struggling and they my the my kids left ";
    let invisible = "k\u{200b}i\u{ad}l\u{feff}l ｍｙｓｅｌｆ ";
    println!("== time to screen 10,000 characters (median of 51 runs; build with --release for the real figure)");
    for (name, source) in [("feedback", feedback.as_str()), ("adversarial", adversarial), ("invisible", invisible)] {
        println!("   {name:<12} {:?}", time_per_10k(&ten_thousand_chars(source)));
    }
}

/// Prints recall and precision at each candidate threshold of the learned model, from a k-fold cross-validation on
/// the development set only (each line scored by a model trained without its fold), the threshold the rule of
/// `choose_threshold` picks from it, and the threshold shipped.
fn threshold_curve() {
    use app::safeguarding::screener::{
        choose_threshold, cross_validate, hard_negative_scores, threshold_curve, FOLDS, HARD_NEGATIVE_KIND,
        MIN_PRECISION, MIN_RECALL, THRESHOLD,
    };
    let pooled = cross_validate(DEV, FOLDS);
    let risks = pooled.iter().filter(|c| c.risk).count();
    println!(
        "== {FOLDS}-fold cross-validation on the development set: {} lines, {risks} risk, {} not",
        pooled.len(),
        pooled.len() - risks
    );
    println!("   (model: trained on the other folds, alone; screener: the rules or that model, optimistic since the");
    println!("   rules were written on these lines)");
    println!("   threshold   model recall  precision   screener recall  precision");
    let curve = threshold_curve(&pooled);
    let fmt = |x: f64| format!("{:5.1}%", 100.0 * x);
    for point in &curve {
        println!(
            "   {:>9.1}   {:>12}  {:>9}   {:>15}  {:>9}",
            point.threshold,
            fmt(point.model_recall),
            fmt(point.model_precision),
            fmt(point.screener_recall),
            fmt(point.screener_precision)
        );
    }
    let reaches = curve.iter().any(|p| p.model_recall >= MIN_RECALL && p.model_precision >= MIN_PRECISION);
    let by_curve = choose_threshold(&curve, None);
    match by_curve {
        Some(chosen) if reaches => println!(
            "   by the curve: {chosen:.1}, the highest where the model alone keeps recall >= {} and precision >= {}",
            fmt(MIN_RECALL),
            fmt(MIN_PRECISION)
        ),
        Some(chosen) => println!(
            "   no threshold gives the model alone recall >= {} with precision >= {}; by the curve: {chosen:.1}, the \
             lowest from which the model alone keeps precision >= {}",
            fmt(MIN_RECALL),
            fmt(MIN_PRECISION),
            fmt(MIN_PRECISION)
        ),
        None => println!("   no threshold keeps the model alone at precision >= {}", fmt(MIN_PRECISION)),
    }
    let hard = hard_negative_scores(DEV);
    let floor = hard.first().map(|(score, _)| *score);
    println!(
        "   the unit tests' hard negatives ({HARD_NEGATIVE_KIND}) the rules leave to the model trained on all of it, \
         scoring over the curve's choice (the threshold must not flag them):"
    );
    for (score, text) in hard.iter().filter(|(score, _)| by_curve.is_some_and(|t| *score > t)) {
        println!("     {score:>6.2} {text}");
    }
    match choose_threshold(&curve, floor) {
        Some(chosen) => println!("   chosen: {chosen:.1}"),
        None => println!("   chosen: none"),
    }
    println!("   shipped: {THRESHOLD:.1}");
    let missed: Vec<_> = pooled.iter().filter(|c| c.risk && !c.rules).collect();
    println!("   risk lines the rules miss, with the held-out model's score: {}", missed.len());
    for line in missed {
        println!("     {:>6.1} [{}] {}", line.score, line.kind, line.text);
    }
}
