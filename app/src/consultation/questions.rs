//! Feedback form questions and the answers people give them: the question types a form builder offers, the
//! NHS Friends and Family Test in its exact wording, the standard "Who is answering?" question (so that carers
//! can be counted apart from patients), and the parsing of what a form posts into an answer or a
//! message for the field (NHS.UK wording: "Select…" for choices, "Enter…" for text).

use crate::consultation::types::QuestionId;
use serde::{Deserialize, Serialize};

/// The Friends and Family Test question, word for word as NHS England sets it.
pub const FFT_QUESTION: &str = "Overall, how was your experience of our service?";

/// The Friends and Family Test's answers, in the order NHS England sets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum FftRating {
    VeryGood,
    Good,
    NeitherGoodNorPoor,
    Poor,
    VeryPoor,
    DontKnow,
}

impl FftRating {
    pub const ALL: [FftRating; 6] = [
        FftRating::VeryGood,
        FftRating::Good,
        FftRating::NeitherGoodNorPoor,
        FftRating::Poor,
        FftRating::VeryPoor,
        FftRating::DontKnow,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The answer's words, exactly as the Friends and Family Test shows them.
    pub fn label(self) -> &'static str {
        match self {
            FftRating::VeryGood => "Very good",
            FftRating::Good => "Good",
            FftRating::NeitherGoodNorPoor => "Neither good nor poor",
            FftRating::Poor => "Poor",
            FftRating::VeryPoor => "Very poor",
            FftRating::DontKnow => "Don't know",
        }
    }

    /// Counted as positive in results: very good and good.
    pub fn is_positive(self) -> bool {
        matches!(self, FftRating::VeryGood | FftRating::Good)
    }

    /// Counted as negative in results: poor and very poor.
    pub fn is_negative(self) -> bool {
        matches!(self, FftRating::Poor | FftRating::VeryPoor)
    }
}

/// The standard question asking who is answering a form, word for word: Continuum's own, so that the
/// continuum profile can count carers apart from patients on every form that asks it.
pub const WHO_IS_ANSWERING_QUESTION: &str = "Who is answering?";

/// Who is answering a form, as the standard "Who is answering?" question asks. Stored as `patient`, `carer`
/// or `someone_else`, as a single-choice answer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum AnsweringAs {
    /// Someone using the service.
    Patient,
    /// A carer, family member or friend of someone using the service.
    Carer,
    /// Anyone else (a professional, a member of the public): counted neither as a patient nor as a carer.
    SomeoneElse,
}

impl AnsweringAs {
    pub const ALL: [AnsweringAs; 3] = [AnsweringAs::Patient, AnsweringAs::Carer, AnsweringAs::SomeoneElse];

    /// The stored form: `patient`, `carer` or `someone_else`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The answer's words, as the form shows them.
    pub fn label(self) -> &'static str {
        match self {
            AnsweringAs::Patient => "A patient (someone using the service)",
            AnsweringAs::Carer => "A carer, family member or friend",
            AnsweringAs::SomeoneElse => "Someone else",
        }
    }
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// The Friends and Family Test question; its wording and answers are fixed.
    FriendsAndFamily,
    /// "Who is answering?" (`WHO_IS_ANSWERING_QUESTION`): a patient, a carer, or someone else
    /// ([`AnsweringAs`]); its wording and answers are fixed. A form asks it at most once.
    WhoIsAnswering,
    /// 1 to 5, with words for each end ("Not at all helpful" … "Very helpful").
    Scale {
        low: String,
        high: String,
    },
    YesNo,
    SingleChoice {
        options: Vec<String>,
    },
    MultipleChoice {
        options: Vec<String>,
    },
    /// A line of text, up to `SHORT_TEXT_MAX` characters.
    ShortText,
    /// Paragraphs, up to `LONG_TEXT_MAX` characters.
    LongText,
}

pub const SHORT_TEXT_MAX: usize = 500;
pub const LONG_TEXT_MAX: usize = 5_000;

/// A question on a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    /// The question as asked; for the Friends and Family Test always `FFT_QUESTION`, for who is answering
    /// always `WHO_IS_ANSWERING_QUESTION`.
    pub prompt: String,
    pub help: String,
    pub required: bool,
    pub kind: QuestionKind,
}

/// An answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Fft(FftRating),
    AnsweringAs(AnsweringAs),
    Scale(u8),
    YesNo(bool),
    Choice(String),
    Choices(Vec<String>),
    Text(String),
}

impl Answer {
    /// Whether this answer holds words a person wrote, which the safeguarding screener reads.
    pub fn free_text(&self) -> Option<&str> {
        match self {
            Answer::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl QuestionKind {
    /// Every kind a builder offers, in the order the builder lists them.
    pub const NAMES: [&'static str; 8] =
        ["fft", "who_is_answering", "scale", "yes_no", "single_choice", "multiple_choice", "short_text", "long_text"];

    /// The stable name of the kind, as the builder's form posts it.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::FriendsAndFamily => "fft",
            QuestionKind::WhoIsAnswering => "who_is_answering",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
        }
    }

    /// What the builder calls each kind.
    pub fn label_of(name: &str) -> &'static str {
        match name {
            "fft" => "Friends and Family Test question",
            "who_is_answering" => "Who is answering? (a patient, a carer or someone else)",
            "scale" => "Scale from 1 to 5",
            "yes_no" => "Yes or no",
            "single_choice" => "Choose one option",
            "multiple_choice" => "Choose one or more options",
            "short_text" => "Short text (one line)",
            _ => "Long text (paragraphs)",
        }
    }

    /// Whether answers are words the person wrote (screened, themed, listed as comments).
    pub fn is_free_text(&self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }

    /// The values an answer can be stored as, in order, with their words; empty for free text.
    pub fn values(&self) -> Vec<(String, String)> {
        match self {
            QuestionKind::FriendsAndFamily => {
                FftRating::ALL.iter().map(|r| (r.as_str().to_owned(), r.label().to_owned())).collect()
            }
            QuestionKind::WhoIsAnswering => {
                AnsweringAs::ALL.iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())).collect()
            }
            QuestionKind::Scale { low, high } => (1..=5)
                .map(|n| {
                    let words = match n {
                        1 => format!("1 – {low}"),
                        5 => format!("5 – {high}"),
                        n => n.to_string(),
                    };
                    (n.to_string(), words)
                })
                .collect(),
            QuestionKind::YesNo => vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())],
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                options.iter().map(|o| (o.clone(), o.clone())).collect()
            }
            QuestionKind::ShortText | QuestionKind::LongText => Vec::new(),
        }
    }

    /// The words for a stored value (the value itself when it is free text or no longer offered).
    pub fn words_for(&self, value: &str) -> String {
        self.values().into_iter().find(|(v, _)| v == value).map(|(_, words)| words).unwrap_or_else(|| value.to_owned())
    }
}

impl Answer {
    /// The answer as stored: one value, or one per option chosen.
    pub fn stored_values(&self) -> Vec<String> {
        match self {
            Answer::Fft(rating) => vec![rating.as_str().to_owned()],
            Answer::AnsweringAs(who) => vec![who.as_str().to_owned()],
            Answer::Scale(n) => vec![n.to_string()],
            Answer::YesNo(yes) => vec![if *yes { "yes" } else { "no" }.to_owned()],
            Answer::Choice(option) => vec![option.clone()],
            Answer::Choices(options) => options.clone(),
            Answer::Text(text) => vec![text.clone()],
        }
    }
}

impl Question {
    /// Parses what a form posted for this question (a checkbox group posts several values, other controls one
    /// or none) into an answer, `None` for an optional question left empty, or the message for the field.
    pub fn parse_answer(&self, posted: &[String]) -> Result<Option<Answer>, String> {
        let first = posted.iter().map(|v| v.trim()).find(|v| !v.is_empty());
        let missing = |message: &str| if self.required { Err(message.to_owned()) } else { Ok(None) };
        match &self.kind {
            QuestionKind::FriendsAndFamily => match first {
                None => missing("Select how your experience was"),
                Some(v) => v
                    .parse::<FftRating>()
                    .ok()
                    .map(|r| Some(Answer::Fft(r)))
                    .ok_or_else(|| "Select one of the answers".to_owned()),
            },
            QuestionKind::WhoIsAnswering => match first {
                None => missing("Select who is answering"),
                Some(v) => v
                    .parse::<AnsweringAs>()
                    .ok()
                    .map(|who| Some(Answer::AnsweringAs(who)))
                    .ok_or_else(|| "Select one of the answers".to_owned()),
            },
            QuestionKind::Scale { .. } => match first {
                None => missing("Select a number from 1 to 5"),
                Some(v) => match v.parse::<u8>() {
                    Ok(n @ 1..=5) => Ok(Some(Answer::Scale(n))),
                    _ => Err("Select a number from 1 to 5".to_owned()),
                },
            },
            QuestionKind::YesNo => match first {
                None => missing("Select yes or no"),
                Some("yes") => Ok(Some(Answer::YesNo(true))),
                Some("no") => Ok(Some(Answer::YesNo(false))),
                Some(_) => Err("Select yes or no".to_owned()),
            },
            QuestionKind::SingleChoice { options } => match first {
                None => missing("Select one option"),
                Some(v) => options
                    .iter()
                    .find(|o| o.as_str() == v)
                    .map(|o| Some(Answer::Choice(o.clone())))
                    .ok_or_else(|| "Select one of the options".to_owned()),
            },
            QuestionKind::MultipleChoice { options } => {
                let chosen: Vec<&str> = posted.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
                if chosen.is_empty() {
                    return missing("Select at least one option");
                }
                if chosen.iter().any(|c| !options.iter().any(|o| o == c)) {
                    return Err("Select from the options given".to_owned());
                }
                // In the form's order, each once, whatever order the browser sent them in.
                Ok(Some(Answer::Choices(options.iter().filter(|o| chosen.contains(&o.as_str())).cloned().collect())))
            }
            QuestionKind::ShortText | QuestionKind::LongText => {
                let max = if self.kind == QuestionKind::ShortText { SHORT_TEXT_MAX } else { LONG_TEXT_MAX };
                // Free text is kept as written (line breaks included); only its ends are trimmed.
                let text = posted.first().map(|v| v.trim()).unwrap_or_default();
                if text.is_empty() {
                    missing("Enter your answer")
                } else if text.chars().count() > max {
                    Err(format!("Your answer must be {max} characters or fewer"))
                } else {
                    Ok(Some(Answer::Text(text.to_owned())))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, required: bool) -> Question {
        Question { id: "q1".into(), prompt: "How was it?".into(), help: String::new(), required, kind }
    }

    fn posted(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn the_friends_and_family_test_keeps_its_exact_wording_and_counts_positive_and_negative() {
        assert_eq!(FFT_QUESTION, "Overall, how was your experience of our service?");
        let labels: Vec<&str> = FftRating::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(labels, ["Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know"]);
        let positive: Vec<_> = FftRating::ALL.into_iter().filter(|r| r.is_positive()).collect();
        let negative: Vec<_> = FftRating::ALL.into_iter().filter(|r| r.is_negative()).collect();
        assert_eq!(positive, [FftRating::VeryGood, FftRating::Good]);
        assert_eq!(negative, [FftRating::Poor, FftRating::VeryPoor]);
        for rating in FftRating::ALL {
            assert_eq!(rating.as_str().parse::<FftRating>().ok(), Some(rating));
        }
    }

    #[test]
    fn who_is_answering_keeps_its_wording_and_stores_its_answers_as_a_single_choice_is_stored() {
        assert_eq!(WHO_IS_ANSWERING_QUESTION, "Who is answering?");
        let values = QuestionKind::WhoIsAnswering.values();
        let words: Vec<&str> = values.iter().map(|(_, words)| words.as_str()).collect();
        assert_eq!(
            words,
            ["A patient (someone using the service)", "A carer, family member or friend", "Someone else"]
        );
        for who in AnsweringAs::ALL {
            let stored = Answer::AnsweringAs(who).stored_values();
            assert_eq!(stored, [who.as_str()]);
            assert_eq!(stored[0].parse::<AnsweringAs>().ok(), Some(who));
        }
        let question = question(QuestionKind::WhoIsAnswering, false);
        assert_eq!(question.parse_answer(&posted(&["staff"])), Err("Select one of the answers".into()));
        assert!(QuestionKind::NAMES.contains(&QuestionKind::WhoIsAnswering.name()));
    }

    #[test]
    fn each_question_type_parses_its_answer() {
        let scale = QuestionKind::Scale { low: "Not at all".into(), high: "Very".into() };
        let single = QuestionKind::SingleChoice { options: vec!["Mornings".into(), "Evenings".into()] };
        let multiple = QuestionKind::MultipleChoice { options: vec!["Tea".into(), "Coffee".into(), "Water".into()] };
        let cases = [
            (QuestionKind::FriendsAndFamily, posted(&["good"]), Answer::Fft(FftRating::Good)),
            (QuestionKind::WhoIsAnswering, posted(&["carer"]), Answer::AnsweringAs(AnsweringAs::Carer)),
            (scale, posted(&["4"]), Answer::Scale(4)),
            (QuestionKind::YesNo, posted(&["no"]), Answer::YesNo(false)),
            (single, posted(&["Evenings"]), Answer::Choice("Evenings".into())),
            (multiple, posted(&["Water", "Tea"]), Answer::Choices(vec!["Tea".into(), "Water".into()])),
            (QuestionKind::ShortText, posted(&["  More evening groups  "]), Answer::Text("More evening groups".into())),
            (QuestionKind::LongText, posted(&["Line one\nLine two"]), Answer::Text("Line one\nLine two".into())),
        ];
        for (kind, values, expected) in cases {
            assert_eq!(question(kind.clone(), true).parse_answer(&values), Ok(Some(expected)), "{kind:?}");
        }
    }

    #[test]
    fn a_required_question_left_empty_gets_a_message_and_an_optional_one_is_skipped() {
        let messages = [
            (QuestionKind::FriendsAndFamily, "Select how your experience was"),
            (QuestionKind::WhoIsAnswering, "Select who is answering"),
            (QuestionKind::Scale { low: "a".into(), high: "b".into() }, "Select a number from 1 to 5"),
            (QuestionKind::YesNo, "Select yes or no"),
            (QuestionKind::SingleChoice { options: vec!["a".into()] }, "Select one option"),
            (QuestionKind::MultipleChoice { options: vec!["a".into()] }, "Select at least one option"),
            (QuestionKind::ShortText, "Enter your answer"),
            (QuestionKind::LongText, "Enter your answer"),
        ];
        for (kind, message) in messages {
            assert_eq!(
                question(kind.clone(), true).parse_answer(&posted(&["  "])),
                Err(message.to_owned()),
                "{kind:?}"
            );
            assert_eq!(question(kind.clone(), false).parse_answer(&[]), Ok(None), "{kind:?}");
        }
    }

    #[test]
    fn values_the_form_never_offered_are_refused() {
        let fft = question(QuestionKind::FriendsAndFamily, true);
        assert_eq!(fft.parse_answer(&posted(&["excellent"])), Err("Select one of the answers".into()));
        let scale = question(QuestionKind::Scale { low: "a".into(), high: "b".into() }, true);
        for bad in ["0", "6", "three", "-1"] {
            assert_eq!(scale.parse_answer(&posted(&[bad])), Err("Select a number from 1 to 5".into()), "{bad}");
        }
        let multiple = question(QuestionKind::MultipleChoice { options: vec!["Tea".into()] }, true);
        assert_eq!(multiple.parse_answer(&posted(&["Tea", "Gin"])), Err("Select from the options given".into()));
    }

    #[test]
    fn long_answers_are_refused_with_the_limit_in_the_message() {
        let short = question(QuestionKind::ShortText, false);
        assert_eq!(short.parse_answer(&[("x".repeat(501))]), Err("Your answer must be 500 characters or fewer".into()));
        let long = question(QuestionKind::LongText, false);
        assert!(long.parse_answer(&["é".repeat(5_000)]).is_ok(), "characters, not bytes");
        assert_eq!(long.parse_answer(&["x".repeat(5_001)]), Err("Your answer must be 5000 characters or fewer".into()));
    }
}
