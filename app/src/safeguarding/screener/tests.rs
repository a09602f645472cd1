//! Tests of the screener as a whole: each rule's example, the idioms and hard negatives, negation and the past,
//! odd input.

use super::matcher::{parse, MAX_PREFIXES, STEPS};
use super::normalise::expand;
use super::rules::SITUATIONS;
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
            // A cue only has to match: it flags nothing alone.
            let flagged = match rule.raises {
                Raises::Concern(concern) => screen(rule.example).concerns.contains(&concern),
                Raises::Cue(_) => true,
            };
            (!fired || !flagged).then(|| format!("rule {i} ({:?}) fired {fired}, flagged {flagged}", rule.pattern))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_situation_flags_its_own_example_with_both_halves_quoted() {
    for situation in SITUATIONS {
        let screening = screen(situation.example);
        assert!(screening.concerns.contains(&situation.concern), "{:?}: {screening:?}", situation.example);
        let reason = screening.reasons.iter().find(|r| r.starts_with(situation.reason));
        assert!(reason.is_some_and(|r| r.contains("\" … \"")), "{:?}: {screening:?}", situation.example);
    }
}

#[test]
fn every_cue_appears_in_a_situation() {
    for rule in RULES {
        if let Raises::Cue(cue) = rule.raises {
            assert!(SITUATIONS.iter().any(|s| s.cues.contains(&cue)), "{cue:?} pairs with nothing");
            assert!((cue as usize) < CUES, "{cue:?} is beyond CUES");
        }
    }
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
    let screening =
        screen("staff ignored me when i was in crisis. he hits me. i want to die, i really want to die. i cut my arms");
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
fn matching_work_grows_linearly_with_the_length_of_the_answer() {
    // Counted, not timed: the steps the matcher takes on text written to start many rules and almost finish them
    // (and many cues), at one and at eight times the length. Quadratic matching would take 64 times the steps.
    let chunk = "i want to not be here i am not safe staff said i was struggling and they my kids left nobody \
                 the voices my tablets saving the bridge stood there my cat whatever happens the nurse snapchat \
                 if it will all be 30 of my tablets in a thank you not have to googling how the beam my wrist s u i ";
    let steps = |text: &str| {
        STEPS.with(|s| s.set(0));
        let _ = screen(text);
        STEPS.with(std::cell::Cell::get)
    };
    let short = steps(&chunk.repeat(25));
    let long = steps(&chunk.repeat(200));
    assert!(short > 0);
    assert!(long <= short * 8 + short / 10, "{short} steps, then {long} for eight times the text");
}

#[test]
fn no_input_panics_random_or_adversarial() {
    // A small xorshift generator: the same inputs every run, so that a failure can be reproduced.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = [
        "kill",
        "myself",
        "i",
        "not",
        "never",
        "used to",
        "want",
        "to",
        "die",
        "nobody",
        "the",
        "nurse",
        "voices",
        "'",
        "’",
        " ",
        "  ",
        ".",
        ",",
        "!",
        "?",
        "\n",
        "\u{200b}",
        "\u{ad}",
        "\u{feff}",
        "\u{202e}",
        "\u{301}",
        "ｋ",
        "𝐤",
        "ⓚ",
        "і",
        "1",
        "0",
        "@",
        "$",
        "😭",
        "日本",
        "ß",
        "İ",
        "ﬁ",
        "don",
        "t",
        "m",
        "my",
        "self",
        "over",
        "dose",
        "od'd",
        "lol",
        "#",
        "~",
        "<!",
        ">",
        "[",
        "]",
        "|",
        "*",
        "iiiiiii",
        "\0",
        "ǅ",
        "\u{10ffff}",
        "\u{e000}",
    ];
    for _ in 0..3000 {
        let length = (next() % 60) as usize;
        let text: String = (0..length).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
        let screening = screen(&text);
        assert!(screening.reasons.len() <= MAX_REASONS);
        let mut bytes: Vec<u8> = text.bytes().collect();
        bytes.truncate((next() % (bytes.len() as u64 + 1)) as usize);
        let _ = screen(&String::from_utf8_lossy(&bytes));
    }
    let adversarial = [
        "\u{200b}".repeat(10_000),
        format!("k{}ill", "\u{ad}".repeat(5_000)),
        "myself".repeat(5_000),
        "i".repeat(20_000),
        "a\u{301}".repeat(5_000),
        "1!1!1!1!a".repeat(2_000),
        "ｋｉｌｌ ".repeat(3_000),
        "the voices nobody ".repeat(2_000),
        "lol ".repeat(5_000),
        "s u i c i d a l ".repeat(1_000),
        "k . m . s ".repeat(1_000),
        "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(200),
        "k*ll*ng*".repeat(2_000),
        format!("d{}e", "*".repeat(10_000)),
        "d13 t0 w4nt 5u1c1d3 ".repeat(1_000),
        "30 of my tablets in a drawer if ".repeat(500),
    ];
    for text in &adversarial {
        assert!(screen(text).reasons.len() <= MAX_REASONS);
    }
}

// ---- Issue 14: the kinds of situation the phrase matcher could not see

#[test]
fn the_kinds_of_situation_in_issue_14_are_flagged() {
    assert_all(&[
        ("you can give my place in group to someone else, I've made my own arrangements", &[SuicidalThoughts]),
        ("said my goodbyes to the people who matter this weekend", &[SuicidalThoughts]),
        ("found a new home for my cat so she'll be looked after whatever happens", &[SuicidalThoughts]),
        ("I won't make it to the next review and I mean that", &[SuicidalThoughts]),
        ("going to end it once my daughter's exams are over", &[SuicidalThoughts]),
        ("if the PIP decision goes against me that's it for me", &[SuicidalThoughts]),
        ("keep looking up how many of my tablets it would take", &[SuicidalThoughts]),
        ("walked to the top of the multi-storey after group and stayed up there a long time", &[SuicidalThoughts]),
        (
            "group has been brilliant, I've been saving my meds in a drawer just in case, anyway more sessions please",
            &[SuicidalThoughts],
        ),
        ("used a razor on my thighs again after the session", &[SelfHarm]),
        ("my legs are covered so I wear joggers even in summer so no one sees", &[SelfHarm]),
        ("overdoes on my tablets again", &[SelfHarm]),
        ("od'ed last night", &[SelfHarm]),
        ("self hurm again", &[SelfHarm]),
        ("I'll put a brick through his window tonight", &[HarmToOthers]),
        ("going to torch her car", &[HarmToOthers]),
        ("I know which bus the psychologist gets home, tell her to be careful", &[HarmToOthers]),
        // A child with marks is also a child at risk.
        ("I lost my temper and grabbed my son hard enough to leave marks", &[HarmToOthers, AbuseOrExploitation]),
        (
            "a guy online has pictures of me and says he'll send them to my work unless I do more",
            &[AbuseOrExploitation],
        ),
        ("some men are using my flat to sell from and won't leave", &[AbuseOrExploitation]),
        ("my uncle comes into my room when everyone's asleep and I'm 16", &[AbuseOrExploitation]),
        ("my landlord lets himself in at night", &[AbuseOrExploitation]),
        (
            "my brother's kids are left on their own most nights and the baby had a burn on her arm",
            &[AbuseOrExploitation],
        ),
        ("the children next door haven't had anyone home for days and they're crying", &[AbuseOrExploitation]),
        (
            "one of the support workers keeps messaging me on snapchat late at night and wants to meet outside",
            &[UnsafeCare],
        ),
        ("a facilitator keeps remarking on my figure", &[UnsafeCare]),
        ("a worker asked me to lend him £40 and said he'd get me seen sooner", &[UnsafeCare]),
        ("the voices are telling me to do things and my care coordinator is away for a month", &[CrisisWithoutSupport]),
        ("not slept or eaten for four days, I don't know who to ring", &[CrisisWithoutSupport]),
        ("discharged last week and I'm worse than before, there's nobody now", &[CrisisWithoutSupport]),
    ]);
    let threat = screen(
        "a nurse said if I complain again she'll get me discharged and nobody believes someone with my diagnosis",
    );
    assert!(threat.concerns.contains(&UnsafeCare), "{threat:?}");
}

#[test]
fn topics_jokes_and_safe_twins_of_the_new_kinds_are_not_flagged() {
    assert_none_flagged(&[
        "the talk on overdose risk with alcohol was useful",
        "the self-harm support poster in the toilets is falling off",
        "someone overdosed on air freshener in the loos again lol",
        "my mate said his boss would kill him for being late haha",
        "you can give my place to someone else as I've got a job now, thank you",
        "I won't make the next review as I'll be on holiday, can we rebook",
        "once my daughters exams are over we are going on holiday",
        "if the PIP decision goes against me I'll appeal with the CAB",
        "that's it for me today, thanks everyone",
        "we went to the top of the multi storey to get a parking space",
        "I love sitting by the canal on my lunch break",
        "I keep my meds in a drawer in the kitchen so I remember",
        "I saved money by getting a prepayment certificate for my prescriptions",
        "how many tablets can I take with the new antibiotics, nobody explained",
        "someone put a brick through the window of the chip shop, awful",
        "I know where the nurse parks because I park there too",
        "my son grabbed my hand to cross the road",
        "my kids were left with their nan while I came to group",
        "my son burnt his hand on the oven but it's healed now, we went to the GP",
        "the support worker messaged me to remind me of my appointment, really helpful",
        "the facilitator remarked on how much more confident I am",
        "a worker helped me apply for a grant for £40",
        "my care coordinator is away for a month but I have the duty number",
        "I don't know who to ring about changing my appointment time",
        "I was discharged last week and feel ready, thank you",
        "the car broke down and nobody came for hours",
        "I want to dye my hair blue for summer",
        "they cut the Friday group, please bring it back",
    ]);
}

#[test]
fn hidden_and_look_alike_characters_do_not_hide_risk() {
    for text in [
        "i want to kill\u{200b}myself",
        "i want to killmyself",
        "feel s\u{200b}u\u{200b}i\u{200b}c\u{200b}i\u{200b}d\u{200b}a\u{200b}l",
        "feel sui\u{ad}cidal",
        "i want\u{200b}to\u{200b}die",
        "ｉ ｗａｎｔ ｔｏ ｄｉｅ",
        "i want to 𝐝𝐢𝐞",
        "going to kіll myself",
        "i want to k1ll myself",
        "wanna d!e",
        "i want to diiiiie",
        "su1c1dal again",
        "thinking about unaliving myself",
    ] {
        assert_eq!(screen(text).concerns, [SuicidalThoughts], "{text:?}: {:?}", screen(text));
    }
    assert_eq!(normalised("ｋｉｌｌ\u{ad}ed"), ["killed"]);
    assert_eq!(normalised("b4 2nite some1"), ["before", "tonight", "someone"]);
    assert_eq!(normalised("soooo cooool"), ["so", "col"]);
}

#[test]
fn a_situation_is_quoted_in_both_halves() {
    let screening = screen("The voices are back. My CPN hasn't rung back.");
    assert_eq!(screening.concerns, [CrisisWithoutSupport]);
    assert_eq!(screening.reasons, ["describes a crisis with no one to turn to: \"voices\" … \"hasn't rung back\""]);
}

// ---- The public types

#[test]
fn concerns_have_plain_labels_and_stable_stored_names() {
    let stored: Vec<&str> = Concern::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        stored,
        [
            "suicidal_thoughts",
            "self_harm",
            "harm_to_others",
            "abuse_or_exploitation",
            "unsafe_care",
            "crisis_without_support"
        ]
    );
    for concern in Concern::ALL {
        assert_eq!(Concern::parse(concern.as_str()), Some(concern));
    }
    assert_eq!(Concern::parse("Self-harm"), None);
    assert_eq!(SelfHarm.label(), "Self-harm");
    assert_eq!(UnsafeCare.label(), "Unsafe care");
    assert_eq!(CrisisWithoutSupport.label(), "Crisis without support");
}

#[test]
fn a_screening_survives_a_round_trip_through_json() {
    let screening = screen("he hits me and i want to die");
    let json = serde_json::to_string(&screening).unwrap();
    assert_eq!(serde_json::from_str::<Screening>(&json).unwrap(), screening);
    assert!(!screen("thanks for the group").is_flagged());
}

// ---- Fresh batch 5: wider word classes and pairings, each with its safe twin

#[test]
fn situations_told_with_the_new_cues_are_flagged() {
    assert_all(&[
        ("i cant stop crying and my worker has left, nobody has replaced her", &[CrisisWithoutSupport]),
        ("im frightened of my own thoughts and the crisis line doesnt answer", &[CrisisWithoutSupport]),
        ("a support worker keeps walking into the bathroom while im showering", &[AbuseOrExploitation, UnsafeCare]),
        ("my nephew always turns up with new bruises", &[AbuseOrExploitation]),
        ("the lad next door is 11 and there are men visiting the flat late", &[AbuseOrExploitation]),
        ("my niece is 13 and some 30 year old keeps messaging her", &[AbuseOrExploitation]),
        ("she leaves the baby in the car for hours while she shops", &[AbuseOrExploitation]),
        ("their mum sleeps it off all afternoon and the toddler is on his own", &[AbuseOrExploitation]),
        ("been collecting old paracetamol packets, just in case", &[SuicidalThoughts]),
        ("i make sure i have enough co-codamol if it all gets too much", &[SuicidalThoughts]),
        ("my cat is going to live with my sister, shell have a better life than i could give", &[SuicidalThoughts]),
        ("tell my therapist she was the only one who listened. i wont be coming back", &[SuicidalThoughts]),
        ("that nurse has no idea what im capable of", &[HarmToOthers]),
    ]);
}

#[test]
fn the_new_phrase_families_are_flagged_in_other_words() {
    assert_all(&[
        ("nothing is holding me here now that she has gone", &[SuicidalThoughts]),
        ("gave myself till the end of the month and then thats it", &[SuicidalThoughts]),
        ("looked up how much nytol it would take", &[SuicidalThoughts]),
        ("i know which branch i would use", &[SuicidalThoughts]),
        ("got charcoal and tape for the bedroom", &[SuicidalThoughts]),
        ("ran out of room on my arms so started on my stomach", &[SelfHarm]),
        ("i carry a lighter for when the urges get bad", &[SelfHarm]),
        ("if my ex shows up again ill do something that gets me locked up", &[HarmToOthers]),
        ("she wont be walking out of there if i see her", &[HarmToOthers]),
        ("im going to trash all the windows at the clinic", &[HarmToOthers]),
        ("they will share the screenshots unless i send more", &[AbuseOrExploitation]),
        ("a man and his mates are living in my flat and im scared to tell them to go", &[AbuseOrExploitation]),
        ("he forced me to kneel until i said sorry", &[AbuseOrExploitation]),
        ("thinking about sewer slide again", &[SuicidalThoughts]),
        ("did s/h last night", &[SelfHarm]),
        ("whats the point of me even", &[SuicidalThoughts]),
    ]);
}

#[test]
fn safe_senses_near_the_new_families_are_not_flagged() {
    assert_none_flagged(&[
        "I collect my prescription every month from Boots",
        "my daughter is doing an essay on suicide and young men",
        "the talk on domestic abuse was eye opening",
        "my friend reckons the dentist is trying to kill her lol",
        "there is nothing keeping me in this town so we are moving to Leeds",
        "gave myself till friday to finish the application",
        "bought a hosepipe to wash the car",
        "we took the bbq to the park with friends",
        "we took a bbq to the park with friends",
        "they cut my sessions from weekly to fortnightly which is a shame",
        "ive cut down on my smoking since starting the group",
        "my cpn helped me bridge the gap between services",
        "i keep my meds in a dosette box so i dont forget them",
        "my crisis plan is really helpful, i keep it on my fridge",
        "at the end of the day i just want to feel listened to",
        "said goodbye to my therapist at the last session, she was amazing",
        "ive made arrangements for my cat while im in hospital for my knee op",
        "were moving to Leeds so ill be leaving the service, thank you for everything",
        "the grandkids came round with grazes from the trampoline, little monkeys",
        "ive been stocking up on tins because of the cost of living",
        "the nurse gave me a hug when i got my diploma, it was lovely",
        "you wont have to wait much longer for your appointment",
    ]);
}

// ---- Fresh batch 6: more word classes and pairings, each with its safe twin

#[test]
fn batch_six_families_are_flagged_in_other_words() {
    assert_all(&[
        ("once the anniversary is over im going to be with my nan again", &[SuicidalThoughts]),
        ("if the tribunal goes against me that is the last straw, ive got it planned", &[SuicidalThoughts]),
        ("if my benefits stop im not going to carry on", &[SuicidalThoughts]),
        ("i have picked the hymns for my funeral", &[SuicidalThoughts]),
        ("cant see myself being alive next summer", &[SuicidalThoughts]),
        ("some days i just want to stop breathing", &[SuicidalThoughts]),
        ("been reading how many sertraline it takes", &[SuicidalThoughts]),
        ("went up to the top level of the multi storey and stood there for ages", &[SuicidalThoughts]),
        ("i go up to the top floor of the car park and look at the drop", &[SuicidalThoughts]),
        ("my scratches from the weekend still arent healing", &[SelfHarm]),
        ("used a needle on my thigh last night", &[SelfHarm]),
        ("i tell the nurse i take my diazepam but its all in a sock in my drawer", &[SuicidalThoughts]),
        ("tell the psychologist to be careful next time", &[HarmToOthers]),
        ("im going round to deal with him properly", &[HarmToOthers]),
        ("he says i owe him money so i have to hold packages for his mates", &[AbuseOrExploitation]),
        ("my cousins toddler is on her own all night while they are out", &[AbuseOrExploitation]),
        ("my stepdaughter is 14 and stays out all weekend with lads in their twenties", &[AbuseOrExploitation]),
        ("the HCA asked for my bank card to sort out a loan", &[UnsafeCare]),
        ("the racing thoughts are back and my mum has blocked my number", &[CrisisWithoutSupport]),
        ("i feel numb and detached, the team said to ring back tomorrow", &[CrisisWithoutSupport]),
        ("gave my camera to my niece, wont be needing it again", &[SuicidalThoughts]),
    ]);
}

#[test]
fn batch_six_safe_twins_are_not_flagged() {
    assert_none_flagged(&[
        "I've got nobody to look after my dog so I can't come to the day trip",
        "the fire alarm went off and we all stood in the car park for ages",
        "the doctor looked up how many of my tablets I can take with painkillers",
        "my son fell off his bike and has a bruise on his knee, he's fine",
        "I said goodbye to everyone in group at my last session, it was emotional but good",
        "my pharmacist gave me a weeks supply while the surgery sorts my prescription",
        "i'm going to join my dad at the match on saturday",
        "i'm not going to carry on with the course, it isn't for me",
        "we bought a prepaid funeral plan for my nan",
        "cant see myself being here in this job by christmas",
        "the cut on my hand from the op hasnt healed yet",
        "need new plasters for my arms after the blood test",
        "my daughter is 15 and started a saturday job, so proud",
        "i take my tablets every morning with my cuppa",
        "pharmacy ran out of my meds but they got them in the next day",
        "my worker is leaving so I wrote her a goodbye card, ill miss her",
        "the session was cut short because of the fire alarm",
        "i play bridge with my neighbour on thursdays",
        "my son helps me with my banking online which is great",
    ]);
}

// ---- Issue 14, second pass: the compositional layer and wider evasion normalisation

#[test]
fn a_time_or_condition_beside_an_ending_is_flagged() {
    assert_all(&[
        ("after my birthday on friday it'll all be over", &[SuicidalThoughts]),
        ("once the house sale goes through im checking out for good", &[SuicidalThoughts]),
        ("monday is the day, ive made my mind up", &[SuicidalThoughts]),
        ("if i lose the tribunal i wont be around for the next hearing", &[SuicidalThoughts]),
        ("im holding on until my mums birthday and then thats it", &[SuicidalThoughts]),
        ("if the bus is late again thats it, im driving next time", &[]),
        ("after my birthday on friday im finally starting the new job", &[]),
        ("I'm moving away so won't be around for the next group", &[]),
        ("once the course ends ill carry on with the skills on my own", &[]),
    ]);
}

#[test]
fn an_amount_of_medicine_in_a_hiding_place_is_flagged() {
    assert_all(&[
        ("30 of my tablets in a drawer now", &[SuicidalThoughts]),
        ("theres a shoebox under my bed full of old prescriptions", &[SuicidalThoughts]),
        ("got two months of zopiclone tucked away, nobody has counted", &[SuicidalThoughts]),
        ("theres enough in my bedside cabinet to do it properly", &[SuicidalThoughts]),
        ("i keep my tablets in a drawer in the kitchen so i remember them", &[]),
        ("picked up 28 days of sertraline from the chemist, all sorted", &[]),
        ("got 3 months of sertraline on repeat, makes life easier", &[]),
    ]);
}

#[test]
fn thanks_beside_not_being_around_is_flagged() {
    assert_all(&[
        ("thank you all for everything, you won't have to worry about me soon", &[SuicidalThoughts]),
        ("tell dr khan thanks from me, i wont be needing the next appointment or any after it", &[SuicidalThoughts]),
        ("please let the group know i was grateful, i wont be back", &[SuicidalThoughts]),
        ("this is my last session, thank you all for everything, ill miss you", &[]),
        ("moving to leeds after christmas so i wont be at group anymore, thanks for everything", &[]),
        ("thank you for everything, the group changed my life", &[]),
    ]);
}

#[test]
fn a_method_looked_up_or_at_hand_is_flagged() {
    assert_all(&[
        ("been googling how long it takes to bleed out", &[SuicidalThoughts]),
        ("worked out how much insulin id need, it wouldnt take much at all", &[SuicidalThoughts]),
        ("i keep staring at the beam in the loft and thinking it would hold me", &[SuicidalThoughts]),
        ("sat in the car in the garage with the engine running last night before i bottled it", &[SuicidalThoughts]),
        ("ive been working out which bridge is high enough", &[SuicidalThoughts]),
        ("looked up how long it takes to get to the clinic by bus", &[]),
        ("the bridge on the way to the clinic is closed for works", &[]),
    ]);
}

#[test]
fn injuring_their_own_body_is_flagged_by_its_outcome() {
    assert_all(&[
        ("held my wrist on the hob on purpose so i could feel something", &[SelfHarm]),
        ("hit my fists against the brick wall till my knuckles split", &[SelfHarm]),
        ("dug my nails into my arms till i drew blood", &[SelfHarm]),
        ("took the sharpener apart again last night", &[SelfHarm]),
        ("cut my hand on a tin of beans, all healed now", &[]),
        ("i burnt my hand on the oven at work", &[]),
    ]);
}

#[test]
fn threats_images_grooming_staff_and_crisis_in_other_words_are_flagged() {
    assert_all(&[
        ("im going to make my ex pay for what he did, he wont see it coming", &[HarmToOthers]),
        (
            "a girl i met online got me to send pics and now her brother wants money or hell post them",
            &[AbuseOrExploitation],
        ),
        ("my 13 year old is talking to a 25 year old man on discord who sends her presents", &[AbuseOrExploitation]),
        ("a male nurse sat on my bed and stroked my hair when i was on the ward", &[UnsafeCare]),
        ("not left my bed in a week and havent got anyone to check on me", &[CrisisWithoutSupport]),
        (
            "my heads a mess, everything is spinning, my therapist left and theres no replacement",
            &[CrisisWithoutSupport],
        ),
        ("my nurse touched my arm to reassure me when i was crying, it was kind", &[]),
        ("my 12 year old has started secondary school and loves it", &[]),
        ("i rang the crisis line and it went to voicemail but they rang back in ten minutes", &[]),
    ]);
}

#[test]
fn spelled_out_masked_and_digit_disguised_words_are_read() {
    for text in ["feeling s u i c i d a l again", "w4nt t0 d13", "been thinking about k*lling myself", "gonna k.m.s"] {
        assert_eq!(screen(text).concerns, [SuicidalThoughts], "{text:?}: {:?}", screen(text));
    }
    assert_eq!(normalised("s u i c i d a l"), ["suicidal"]);
    assert_eq!(normalised("d13 t0"), ["die", "to"]);
    assert_eq!(normalised("k.m.s"), ["kill", "myself"]);
    // Letters that spell nothing the rules know, and digits in ordinary words, are left alone.
    assert_eq!(normalised("u r a star"), ["you", "are", "a", "star"]);
    assert_eq!(normalised("the 1st of may at 5pm"), ["the", "1st", "of", "may", "at", "5pm"]);
    assert_eq!(normalised("my cat's going"), ["my", "cat", "going"]);
    assert_eq!(screen("wanna ctb").concerns, [SuicidalThoughts]);
    // A chat tag ends a clause and is dropped: "tbh" does not stop "ending it" being the end of what was said.
    assert_eq!(screen("thinkin bout ending it tbh").concerns, [SuicidalThoughts]);
    assert_eq!(normalised("i want to k!ll mys€lf x"), ["i", "want", "to", "kill", "myself"]);
    assert_none_flagged(&["this waiting list is k*lling me", "the d.i.y workshop was good", "my b.m.i is fine"]);
}

// ---- The learned model beside the rules

#[test]
fn the_shipped_model_is_what_training_on_the_development_set_gives() {
    let trained = train(include_str!("eval/dev.tsv"));
    assert!(trained == include_str!("model.tsv"), "model.tsv is stale: run scripts/bench-screener --train");
    let features = include_str!("model.tsv").lines().count() - 1;
    assert_eq!(model::Model::from_counts(include_str!("model.tsv")).len(), features, "every line of model.tsv parses");
}

#[test]
fn the_threshold_is_the_one_cross_validation_on_the_development_set_chooses() {
    let pooled = model::cross_validate(include_str!("eval/dev.tsv"), model::FOLDS);
    assert_eq!(
        pooled.len(),
        include_str!("eval/dev.tsv").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count()
    );
    let curve = model::threshold_curve(&pooled);
    let floor = model::hard_negative_scores(include_str!("eval/dev.tsv")).first().map(|(score, _)| *score);
    assert_eq!(
        model::choose_threshold(&curve, floor),
        Some(model::THRESHOLD),
        "choose the threshold again: scripts/bench-screener --threshold-curve"
    );
}

#[test]
fn choosing_a_threshold_prefers_both_targets_then_recall_within_the_precision_floor() {
    let point = |threshold: f64, model_recall: f64, model_precision: f64| model::CurvePoint {
        threshold,
        model_recall,
        model_precision,
        screener_recall: 1.0,
        screener_precision: 1.0,
    };
    // Both targets met at 1 and 2: the higher, more precise one.
    let both = [point(0.0, 0.99, 0.70), point(1.0, 0.95, 0.81), point(2.0, 0.94, 0.85), point(3.0, 0.80, 0.90)];
    assert_eq!(model::choose_threshold(&both, None), Some(2.0));
    // A hard negative scoring 2.2 raises it to the next candidate over that.
    assert_eq!(model::choose_threshold(&both, Some(2.2)), Some(3.0));
    // Never both: the lowest from which precision stays at or over the floor (a dip at 2 rules out 1).
    let floor = [point(0.0, 0.92, 0.70), point(1.0, 0.90, 0.81), point(2.0, 0.85, 0.79), point(3.0, 0.80, 0.82)];
    assert_eq!(model::choose_threshold(&floor, None), Some(3.0));
    assert_eq!(model::choose_threshold(&[], Some(1.0)), None);
    assert_eq!(model::choose_threshold(&[point(0.0, 1.0, 0.5)], None), None);
}

#[test]
fn a_flag_from_the_learned_model_quotes_the_words_that_weighed_most() {
    // No rule names a hidden stash of clozapine in a pillowcase in these words; the model leans on what it saw.
    let text = "i keep my clozapine hidden in the pillowcase and theres loads now, nobody knows";
    let screening = screen(text);
    assert!(screening.is_flagged(), "{screening:?}");
    let (buffer, raw) = normalise(text);
    let tokens = words(&buffer, &raw);
    assert!(model::model().read(&tokens, model::THRESHOLD).is_some_and(|r| r.score > model::THRESHOLD));
    if let Some(reason) = screening.reasons.iter().find(|r| r.starts_with(LEARNED_REASON)) {
        let quoted = reason.trim_start_matches(LEARNED_REASON);
        assert!(quoted.matches('"').count() >= 2, "{reason}");
        for quote in quoted.split('"').skip(1).step_by(2) {
            assert!(text.contains(quote), "{quote:?} is not the respondent's words");
        }
    }
}

#[test]
fn the_learned_model_reads_only_what_the_rules_let_through_and_garbage_scores_nothing() {
    // A rule's flag keeps its own reasons, with no model reason beside it.
    let screening = screen("i want to kill myself");
    assert!(screening.reasons.iter().all(|r| !r.starts_with(LEARNED_REASON)), "{screening:?}");
    let empty = model::Model::from_counts("");
    assert!(empty.read(&[], model::THRESHOLD).is_none());
    let broken = model::Model::from_counts("#lines\tx\nkill\t1\t2");
    assert_eq!(broken.len(), 0);
}

// ---- Third pass of issue 14: resolved past risk, risk named as a topic, and the model's safe senses

#[test]
fn risk_that_is_clearly_over_and_risk_named_as_a_topic_are_not_flagged() {
    assert_none_flagged(&[
        // Resolved past risk: a past marker, recovery after it, no relapse.
        "Three years ago I tried to end my life, now I'm working again and this group helped",
        "I self-harmed all through my teens but I've been free of it since I was twenty",
        "Back in 2018 I took an overdose; I'm in a much better place today",
        "When I first came here I wanted to die, now I actually look forward to things",
        "I used to hide pills, I handed them all to the pharmacy last year and I'm proud of that",
        "I had thoughts of hurting my ex a long time ago, the anger group sorted that out",
        "A couple of years back I was in a really dark place, these days I'm doing well",
        "ive been clean from sh for 3 months",
        // Risk named as a topic.
        "The session on safety planning after an overdose was really clear",
        "The leaflet about self-harm and wound care is out of date",
        "We did a role play about how to support a friend who is suicidal",
        "The training on spotting child neglect was useful for us carers",
        "Good discussion about stockpiling medication and how pharmacies help",
        "The poster about grooming and county lines should be in the waiting room too",
        "we covered how to help a friend who self harms, really good",
        // Safe twins written with the pass.
        "My neighbour's music drives me mad but I've learnt to walk away",
        "The support worker texted to remind me of my appointment, very helpful",
        "I keep my tablets in a dosette box in the kitchen drawer so I don't forget",
        "The children's centre next door is noisy but it's nice to hear them playing",
        "My mum helps me manage my money and it's taken a weight off",
        "someone put a brick through the window of the chip shop, awful",
        "my nurse touched my arm to reassure me when i was crying, it was kind",
    ]);
}

#[test]
fn a_relapse_or_the_respondent_in_the_topic_keeps_the_flag() {
    assert_all(&[
        (
            "Three years ago I tried to end my life, I was doing well but the urges are back",
            &[SuicidalThoughts, SelfHarm],
        ),
        ("two years ago I took an overdose and I'm still thinking about doing it again", &[SelfHarm]),
        ("the talk on overdose made me want to die", &[SuicidalThoughts]),
        ("after the session on self harm i cut myself again", &[SelfHarm]),
        // Past abuse stays flagged, however resolved: a reviewer must see it.
        ("I was exploited by a gang as a teenager, it's long over and I'm safe now", &[AbuseOrExploitation]),
    ]);
}

#[test]
fn the_kinds_that_slipped_are_flagged_by_situation() {
    assert_all(&[
        ("the receptionist should mind herself, I've seen which way she walks to the station", &[HarmToOthers]),
        ("next time he comes near my kids I'll put him in hospital", &[HarmToOthers]),
        ("I poured petrol round the back of their shed last night but didn't light it", &[HarmToOthers]),
        (
            "my cousin's mates keep giving me parcels to take on the train and say I can't say no",
            &[AbuseOrExploitation],
        ),
        (
            "an older guy from the chicken shop keeps buying me vodka and taking me to parties, I'm 15",
            &[AbuseOrExploitation],
        ),
        ("the physio keeps adding me on facebook and messaging kisses after the sessions", &[UnsafeCare]),
        ("a worker offered to get me moved up the list if I did him a favour", &[UnsafeCare]),
        (
            "I've written letters for my sister and my best mate and put them where they'll find them",
            &[SuicidalThoughts],
        ),
    ]);
}

#[test]
fn the_learned_model_never_flags_without_a_telling_word_to_quote() {
    // Function words alone ("has been", "or no") once passed the threshold with nothing to quote.
    assert_none_flagged(&["Attendance has been recorded", "Select yes or no"]);
    for line in include_str!("eval/dev.tsv").lines().filter(|l| !l.starts_with('#')) {
        let Some(text) = line.splitn(3, '\t').nth(2) else { continue };
        let screening = screen(&unescape(text));
        for reason in screening.reasons.iter().filter(|r| r.starts_with(LEARNED_REASON)) {
            assert!(!reason.contains("\"\"") && reason.matches('"').count() >= 2, "{text:?}: {reason}");
        }
    }
}

// ---- Issue 16's tester: a lone number is not a risk statement

#[test]
fn a_lone_number_or_a_short_answer_of_no_content_is_never_flagged() {
    // An applicant answered "why" with "why 2" and availability with "any"; the learned model weighed "2" (seen in a
    // few risk lines) and flagged it as suicidal thoughts, and the duty inbox was mailed.
    assert_none_flagged(&[
        "why 2",
        "why 4",
        "why 6",
        "2",
        "4",
        "6",
        "7",
        "12",
        "30",
        "60",
        "any",
        "why 2 any",
        "2 4 6",
        "x 2",
        "no 3",
        "24/7",
        "1 2 3",
        "see 2",
        "ok 30",
        "2018",
        "40 40",
        "9 to 5",
        "18",
        "25 years",
        "I am 2",
    ]);
}
