//! The consultation types shared by the server and the browser: forms and their states, the channels a response
//! comes by, the ready-made templates, reviews and focus groups.

use crate::accounts::types::ServiceId;
use serde::{Deserialize, Serialize};

use super::questions::{Question, QuestionKind, FFT_QUESTION, WHO_IS_ANSWERING_QUESTION};
pub use crate::safeguarding::review::{FlagView, ReviewOutcome};

/// Where a form is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum FormState {
    /// Being written; only its service's staff can see it (in preview).
    Draft,
    /// Taking answers, until its closing date if it has one.
    Open,
    /// No longer taking answers; its results remain.
    Closed,
}

impl FormState {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            FormState::Draft => "Draft",
            FormState::Open => "Open",
            FormState::Closed => "Closed",
        }
    }
}

/// How a response reached us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Channel {
    /// Answered by the person themselves at the form's link.
    Online,
    /// A paper form typed in by staff.
    Paper,
    /// Staff helped the person answer (read the questions out, wrote down the answers).
    Assisted,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Online, Channel::Paper, Channel::Assisted];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Online => "Online",
            Channel::Paper => "Paper form",
            Channel::Assisted => "Assisted",
        }
    }
}

crate::id!(
    /// A feedback form (all its versions).
    FormId
);

crate::id!(
    /// A question of a feedback form; kept across versions while its wording stays.
    QuestionId
);

crate::id!(
    /// One person's answers to a feedback form (anonymous: it names no person).
    ResponseId
);

crate::id!(
    /// A theme staff give comments, for "you said, we did".
    ThemeId
);

crate::id!(
    /// A focus group held and recorded.
    FocusGroupId
);

/// A feedback form with the questions of its current version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackForm {
    pub id: FormId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub slug: String,
    pub title: String,
    pub intervention: String,
    pub state: FormState,
    /// The last day an open form takes answers, `YYYY-MM-DD`.
    pub open_until: Option<String>,
    pub sign_in_required: bool,
    pub version: i64,
    pub questions: Vec<Question>,
    /// Responses to the current version: while there are any, its questions are fixed.
    pub version_responses: i64,
    /// Responses to every version.
    pub responses: i64,
    /// The state as staff read it ("Open until 31 December 2026"), filled in by the server, which knows the date.
    pub state_text: String,
}

impl FeedbackForm {
    /// Whether the form takes answers on `today` (`YYYY-MM-DD`).
    pub fn takes_answers_on(&self, today: &str) -> bool {
        self.state == FormState::Open && self.open_until.as_deref().is_none_or(|last| today <= last)
    }

    /// Whether its questions may still be changed in place.
    pub fn questions_editable(&self) -> bool {
        self.version_responses == 0
    }

    /// The state as staff read it in lists, with the closing date or "closed on its date".
    pub fn state_description(&self, today: &str) -> String {
        match (self.state, &self.open_until) {
            (FormState::Open, Some(last)) if today > last.as_str() => {
                format!("Closed (open until {})", crate::dates::readable_day(last))
            }
            (FormState::Open, Some(last)) => format!("Open until {}", crate::dates::readable_day(last)),
            (state, _) => state.label().to_owned(),
        }
    }
}

/// A line in the list of a service's forms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSummary {
    pub id: FormId,
    pub service_name: String,
    pub slug: String,
    pub title: String,
    pub intervention: String,
    pub state_description: String,
    pub sign_in_required: bool,
    pub responses: i64,
}

/// The ready-made forms a builder can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Template {
    /// No questions yet.
    Blank,
    /// The Friends and Family Test with its follow-up free-text question.
    #[strum(serialize = "fft")]
    FriendsAndFamily,
    /// An end-of-group review: the FFT question, how helpful, what helped, what to change, and who is
    /// answering (a group may include carers; see `QuestionKind::WhoIsAnswering`).
    EndOfGroup,
}

impl Template {
    pub const ALL: [Template; 3] = [Template::FriendsAndFamily, Template::EndOfGroup, Template::Blank];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Template::Blank => "Blank form",
            Template::FriendsAndFamily => "Friends and Family Test",
            Template::EndOfGroup => "End-of-group review",
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Template::Blank => "Start with no questions and add your own.",
            Template::FriendsAndFamily => "The NHS question in its exact wording, and a follow-up asking why.",
            Template::EndOfGroup => {
                "For the last session of a group: overall experience, how helpful it was, what helped, what to change, \
                 and whether a patient or a carer is answering."
            }
        }
    }

    /// The template's questions, each given a fresh id by `new_id`.
    pub fn questions(self, mut new_id: impl FnMut() -> QuestionId) -> Vec<Question> {
        let mut question = |prompt: &str, help: &str, required: bool, kind: QuestionKind| Question {
            id: new_id(),
            prompt: prompt.to_owned(),
            help: help.to_owned(),
            required,
            kind,
        };
        let fft = |q: &mut dyn FnMut(&str, &str, bool, QuestionKind) -> Question| {
            q(FFT_QUESTION, "", true, QuestionKind::FriendsAndFamily)
        };
        match self {
            Template::Blank => Vec::new(),
            Template::FriendsAndFamily => vec![
                fft(&mut question),
                question(
                    "Please can you tell us why you gave your answer?",
                    "Tell us what went well and what we could do better.",
                    false,
                    QuestionKind::LongText,
                ),
            ],
            Template::EndOfGroup => vec![
                fft(&mut question),
                question(
                    "How helpful was the group for you?",
                    "",
                    true,
                    QuestionKind::Scale { low: "Not at all helpful".into(), high: "Very helpful".into() },
                ),
                question("Did you feel listened to by the facilitators?", "", false, QuestionKind::YesNo),
                question(
                    "Which parts helped you most?",
                    "Select all that apply.",
                    false,
                    QuestionKind::MultipleChoice {
                        options: vec![
                            "Learning new skills".into(),
                            "Hearing from others in the group".into(),
                            "Homework and practice".into(),
                            "The handouts".into(),
                        ],
                    },
                ),
                question("What would you change about the group?", "", false, QuestionKind::LongText),
                // Last and optional: an answer left out counts as a patient's, and the questions before keep
                // their places.
                question(
                    WHO_IS_ANSWERING_QUESTION,
                    "So that we can count carers' views apart from patients'.",
                    false,
                    QuestionKind::WhoIsAnswering,
                ),
            ],
        }
    }
}

/// One answer as staff read it: the question's words and the answer's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub question_id: QuestionId,
    pub prompt: String,
    pub answer: String,
    pub is_free_text: bool,
    /// The names of the themes this answer is tagged with.
    pub themes: Vec<String>,
}

/// A response as staff see it: never who gave it on an anonymous form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseView {
    pub id: ResponseId,
    pub form_id: FormId,
    pub form_title: String,
    pub service_id: ServiceId,
    pub channel: Channel,
    pub submitted_on: String,
    pub reviewed: bool,
    pub answers: Vec<AnswerView>,
    pub flag: Option<FlagView>,
}

/// A service's review queue: flagged responses first (oldest first), then the flags on every other kind of
/// record (minutes, actions, volunteer applications…, oldest first), then responses with comments not yet read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub today: String,
    pub flagged: Vec<ResponseView>,
    pub flagged_elsewhere: Vec<crate::safeguarding::review::FlaggedRecord>,
    pub unread: Vec<ResponseView>,
}

/// A service's comment theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub service_id: ServiceId,
    pub name: String,
}

/// A focus group as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusGroup {
    pub id: FocusGroupId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub topic: String,
    pub held_on: String,
    pub participants: i64,
    pub themes: Vec<String>,
    pub notes: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_are_the_ones_already_in_the_database() {
        // Names stored before enums were named by one derive: they must not change.
        let stored = [
            (FormState::Draft.as_str(), "draft"),
            (Channel::Assisted.as_str(), "assisted"),
            (Template::FriendsAndFamily.as_str(), "fft"),
            (Template::EndOfGroup.as_str(), "end_of_group"),
            (ReviewOutcome::NoActionNeeded.as_str(), "no_action"),
            (ReviewOutcome::FollowedUp.as_str(), "followed_up"),
        ];
        for (name, expected) in stored {
            assert_eq!(name, expected);
        }
        for template in Template::ALL {
            assert_eq!(template.as_str().parse::<Template>(), Ok(template));
        }
        for outcome in ReviewOutcome::ALL {
            assert_eq!(outcome.as_str().parse::<ReviewOutcome>(), Ok(outcome));
        }
        for channel in Channel::ALL {
            assert_eq!(channel.as_str().parse::<Channel>(), Ok(channel));
        }
        assert!("nonsense".parse::<FormState>().is_err());
    }

    fn form(state: FormState, open_until: Option<&str>) -> FeedbackForm {
        FeedbackForm {
            id: "f".into(),
            service_id: "s".into(),
            service_name: "Service".into(),
            slug: "form".into(),
            title: "Form".into(),
            intervention: "Group".into(),
            state,
            open_until: open_until.map(str::to_owned),
            sign_in_required: false,
            version: 1,
            questions: Vec::new(),
            version_responses: 0,
            responses: 0,
            state_text: String::new(),
        }
    }

    #[test]
    fn a_form_takes_answers_only_while_open_and_up_to_its_last_day() {
        assert!(form(FormState::Open, None).takes_answers_on("2026-11-26"));
        assert!(form(FormState::Open, Some("2026-11-26")).takes_answers_on("2026-11-26"));
        assert!(!form(FormState::Open, Some("2026-11-25")).takes_answers_on("2026-11-26"));
        assert!(!form(FormState::Draft, None).takes_answers_on("2026-11-26"));
        assert!(!form(FormState::Closed, None).takes_answers_on("2026-11-26"));
    }

    #[test]
    fn templates_start_with_the_friends_and_family_test_in_its_exact_wording() {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            QuestionId::from(format!("q{n}"))
        };
        let fft = Template::FriendsAndFamily.questions(&mut ids);
        assert_eq!(fft.len(), 2);
        assert_eq!(fft[0].prompt, FFT_QUESTION);
        assert_eq!(fft[0].kind, QuestionKind::FriendsAndFamily);
        assert_eq!(fft[1].kind, QuestionKind::LongText);
        let group = Template::EndOfGroup.questions(&mut ids);
        assert_eq!(group[0].kind, QuestionKind::FriendsAndFamily);
        let asks = group.iter().filter(|q| q.kind == QuestionKind::WhoIsAnswering).count();
        assert_eq!(asks, 1, "the end-of-group review asks who is answering, once");
        assert!(!fft.iter().any(|q| q.kind == QuestionKind::WhoIsAnswering), "the FFT keeps to its two questions");
        let unique: std::collections::HashSet<_> = fft.iter().chain(&group).map(|q| q.id.clone()).collect();
        assert_eq!(unique.len(), fft.len() + group.len(), "every question gets its own id");
        assert!(Template::Blank.questions(ids).is_empty());
    }
}
