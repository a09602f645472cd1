//! Parsing what staff type into the form builder: a question's fields as typed parse into a [`Question`] or a
//! message beside every field that is wrong. Limits: up to 20 options of 200 characters, a question of 300,
//! help text of 500 (Continuum's own, so a form stays answerable on a phone).

use crate::consultation::questions::{Question, QuestionKind, FFT_QUESTION, WHO_IS_ANSWERING_QUESTION};
use crate::consultation::types::QuestionId;
use crate::error::FormErrors;
use crate::text::one_line;

/// A question as typed in the builder. `kind` is one of `fft`, `who_is_answering`, `scale`, `yes_no`, `single_choice`,
/// `multiple_choice`, `short_text`, `long_text`; `required` is `yes` or `no`; `options` one per line.
#[derive(Clone, Debug, Default)]
pub struct QuestionFields {
    pub prompt: String,
    pub help: String,
    pub required: String,
    pub kind: String,
    pub low: String,
    pub high: String,
    pub options: String,
}

impl QuestionFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("prompt", &self.prompt),
            ("help", &self.help),
            ("required", &self.required),
            ("kind", &self.kind),
            ("low", &self.low),
            ("high", &self.high),
            ("options", &self.options),
        ]
    }

    /// Parses every field into a question with the id `id` (the Friends and Family Test and "Who is
    /// answering?" keep their exact wording), collecting a message for each one that is wrong.
    pub fn parse(&self, id: QuestionId) -> Result<Question, FormErrors> {
        let mut errors = FormErrors::new();
        let options: Vec<String> = self
            .options
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        let kind = match self.kind.as_str() {
            "fft" => QuestionKind::FriendsAndFamily,
            "who_is_answering" => QuestionKind::WhoIsAnswering,
            "scale" => {
                let low = one_line(&mut errors, "low", &self.low, "the words for 1", 60, true);
                let high = one_line(&mut errors, "high", &self.high, "the words for 5", 60, true);
                QuestionKind::Scale { low, high }
            }
            "yes_no" => QuestionKind::YesNo,
            kind @ ("single_choice" | "multiple_choice") => {
                if options.len() < 2 {
                    errors.add("options", "Enter at least 2 options, one on each line");
                } else if options.len() > 20 {
                    errors.add("options", "Enter 20 options or fewer");
                } else if options.iter().any(|o| o.chars().count() > 200) {
                    errors.add("options", "Each option must be 200 characters or fewer");
                } else if (1..options.len()).any(|i| options[..i].contains(&options[i])) {
                    errors.add("options", "Each option must be different");
                }
                if kind == "single_choice" {
                    QuestionKind::SingleChoice { options }
                } else {
                    QuestionKind::MultipleChoice { options }
                }
            }
            "short_text" => QuestionKind::ShortText,
            "long_text" => QuestionKind::LongText,
            _ => {
                errors.add("kind", "Select the type of question");
                QuestionKind::ShortText
            }
        };
        let prompt = match kind {
            QuestionKind::FriendsAndFamily => FFT_QUESTION.to_owned(),
            QuestionKind::WhoIsAnswering => WHO_IS_ANSWERING_QUESTION.to_owned(),
            _ => one_line(&mut errors, "prompt", &self.prompt, "the question", 300, true),
        };
        let help = self.help.split_whitespace().collect::<Vec<_>>().join(" ");
        if help.chars().count() > 500 {
            errors.add("help", "Help text must be 500 characters or fewer");
        }
        let required = match self.required.as_str() {
            "yes" => true,
            "no" => false,
            _ => {
                errors.add("required", "Select whether an answer is required");
                false
            }
        };
        if errors.is_empty() {
            Ok(Question { id, prompt, help, required, kind })
        } else {
            Err(errors)
        }
    }
}

/// A form's details as typed: title, the intervention or topic it asks about, and who may answer
/// (`anonymous` or `sign_in`).
#[derive(Clone, Debug, Default)]
pub struct FormDetailsFields {
    pub title: String,
    pub intervention: String,
    pub answering: String,
}

/// A form's details, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFormDetails {
    pub title: String,
    pub intervention: String,
    pub sign_in_required: bool,
}

impl FormDetailsFields {
    /// The values to send back with an error so the form comes back as it was typed.
    pub fn kept(&self) -> Vec<(&'static str, &str)> {
        vec![("title", &self.title), ("intervention", &self.intervention), ("answering", &self.answering)]
    }

    /// Parses the details into `errors` (the caller adds its own messages to the same list, so all show at
    /// once); the tidied values are returned either way.
    pub fn parse_into(&self, errors: &mut FormErrors) -> ParsedFormDetails {
        let title = one_line(errors, "title", &self.title, "a title", 120, true);
        let intervention = one_line(errors, "intervention", &self.intervention, "the intervention or topic", 200, true);
        let sign_in_required = match self.answering.as_str() {
            "anonymous" => false,
            "sign_in" => true,
            _ => {
                errors.add("answering", "Select who can answer the form");
                false
            }
        };
        ParsedFormDetails { title, intervention, sign_in_required }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(kind: &str, options: &str) -> QuestionFields {
        QuestionFields {
            prompt: " How was the group? ".into(),
            required: "yes".into(),
            kind: kind.into(),
            options: options.into(),
            ..Default::default()
        }
    }

    #[test]
    fn form_details_need_a_title_a_topic_and_who_answers() {
        let mut errors = FormErrors::new();
        FormDetailsFields { answering: "everyone".into(), ..Default::default() }.parse_into(&mut errors);
        let wrong: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(wrong, ["title", "intervention", "answering"]);
        let mut errors = FormErrors::new();
        let fields =
            FormDetailsFields { title: " Group ".into(), intervention: "DBT".into(), answering: "sign_in".into() };
        let details = fields.parse_into(&mut errors);
        assert!(errors.is_empty());
        assert_eq!(
            details,
            ParsedFormDetails { title: "Group".into(), intervention: "DBT".into(), sign_in_required: true }
        );
    }

    #[test]
    fn a_choice_needs_two_different_options() {
        let errors = fields("single_choice", "Yes\n").parse(QuestionId::from("q")).unwrap_err();
        assert_eq!(errors.errors[0].field, "options");
        let errors = fields("multiple_choice", "Yes\n Yes ").parse(QuestionId::from("q")).unwrap_err();
        assert_eq!(errors.errors[0].message, "Each option must be different");
        let question = fields("single_choice", "Yes\n\nNo").parse(QuestionId::from("q")).unwrap();
        assert_eq!(question.kind, QuestionKind::SingleChoice { options: vec!["Yes".into(), "No".into()] });
        assert_eq!(question.prompt, "How was the group?");
    }

    #[test]
    fn the_friends_and_family_test_keeps_its_wording_and_unknown_kinds_are_refused() {
        let question = fields("fft", "").parse(QuestionId::from("q")).unwrap();
        assert_eq!(question.prompt, FFT_QUESTION);
        let question = fields("who_is_answering", "").parse(QuestionId::from("q")).unwrap();
        assert_eq!(
            (question.prompt.as_str(), question.kind),
            (WHO_IS_ANSWERING_QUESTION, QuestionKind::WhoIsAnswering)
        );
        let errors = QuestionFields { kind: "essay".into(), ..Default::default() }.parse(QuestionId::from("q"));
        let fields: Vec<String> = errors.unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "prompt", "required"]);
    }
}
