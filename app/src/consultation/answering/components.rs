//! What a person answering a feedback form sees: the form (at `/f/<slug>`, in staff preview, and for staff
//! typing in a paper form), the thank-you page, and the calm pages for a closed or already answered form.
//!
//! These are plain components with everything passed in, no resources: the public pages are rendered by the
//! server in one go and load no JavaScript at all (see `answering.rs`), which keeps them small and fast on a
//! phone and means an error round trip never carries what someone wrote through a URL.

use leptos::prelude::*;

use crate::consultation::{
    questions::{Question, QuestionKind},
    types::{Channel, FeedbackForm},
};
use crate::ui::{
    form::{Checkboxes, Choice, ErrorSummary, FormStatus, Radios, TextInput, Textarea},
    layout::{ContactLine, CrisisCallout},
};

/// The form field that carries a question's answer.
pub fn field_name(question: &Question) -> String {
    format!("q-{}", question.id)
}

/// Who is filling the form in, which changes what it says around the questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Respondent {
    /// Someone at the public link.
    Public,
    /// Staff typing in a paper form or helping someone answer.
    Staff,
    /// Staff looking at a draft: the form as a respondent will see it, with nothing sent.
    Preview,
}

/// The question as a control: radios, checkboxes, a text box.
#[component]
pub fn QuestionField(question: Question, status: FormStatus) -> impl IntoView {
    let name = field_name(&question);
    let legend = if question.required { question.prompt.clone() } else { format!("{} (optional)", question.prompt) };
    let hint = (!question.help.is_empty()).then(|| question.help.clone());
    let choices: Vec<Choice> =
        question.kind.values().into_iter().map(|(value, label)| Choice { value, label, hint: None }).collect();
    match question.kind {
        QuestionKind::MultipleChoice { .. } => {
            view! { <Checkboxes name legend status choices hint=hint.unwrap_or_default() /> }.into_any()
        }
        QuestionKind::ShortText => {
            view! { <TextInput name label=legend status hint=hint.unwrap_or_default() /> }.into_any()
        }
        QuestionKind::LongText => {
            view! { <Textarea name label=legend status hint=hint.unwrap_or_default() rows=6 /> }.into_any()
        }
        _ => view! { <Radios name legend status choices hint=hint.unwrap_or_default() /> }.into_any(),
    }
}

/// Who reads the answers, when, and what is kept: said in plain words before the first question.
#[component]
fn WhoReadsThis(form: FeedbackForm) -> impl IntoView {
    let privacy = if form.sign_in_required {
        "You need to be signed in to answer, so that each person answers once. Staff see your answers without your name."
    } else {
        "Your answers are anonymous. We do not ask for your name, and we do not keep your IP address or the time you answered – only the date."
    };
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>{format!("The {} team reads every answer, usually within 2 working days. Nobody watches this form as you fill it in.", form.service_name)}</p>
            <p>{privacy}</p>
        </div>
    }
}

/// The feedback form. `status` carries the messages and the typed values of a submission that came back.
#[component]
pub fn FeedbackFormView(
    form: FeedbackForm,
    status: FormStatus,
    respondent: Respondent,
    crisis_contacts: Vec<String>,
    /// Where the form posts; `None` in preview, which has no submit button.
    action: Option<String>,
) -> impl IntoView {
    let questions = form.questions.clone();
    let staff_channel = (respondent == Respondent::Staff).then(|| {
        let choices = [Channel::Paper, Channel::Assisted]
            .into_iter()
            .map(|c| Choice {
                value: c.as_str().to_owned(),
                label: c.label().to_owned(),
                hint: Some(
                    match c {
                        Channel::Paper => "You are typing in a form the person filled in on paper.",
                        _ => "You helped the person answer, for example by reading the questions out.",
                    }
                    .to_owned(),
                ),
            })
            .collect::<Vec<_>>();
        view! { <Radios name="channel" legend="How did this response reach you?" status choices /> }
    });
    let public = respondent != Respondent::Staff;
    // The version the page shows travels with the answers, so a form changed meanwhile is noticed and said.
    let version = form.version.to_string();
    let questions_view = questions.into_iter().map(|q| view! { <QuestionField question=q status /> }).collect_view();
    view! {
        <ErrorSummary status />
        <span class="nhsuk-caption-l">{form.service_name.clone()}</span>
        <h1 class="nhsuk-heading-l">{form.title.clone()}</h1>
        {(!form.intervention.is_empty()).then(|| view! { <p class="nhsuk-lede-text">{format!("Tell us about {}.", form.intervention)}</p> })}
        // The first question on the first screen of a phone: one line here says the form is not watched and
        // where help is; who reads the answers and the crisis numbers in full follow the form.
        {public.then(|| view! {
            <p class="nhsuk-body-s continuum-help-now-link">
                "Nobody watches this form as you fill it in. "
                <a href="#help-now">"If you need help now, see who to call"</a>
            </p>
        })}
        {match action {
            Some(action) => view! {
                <form method="post" action=action novalidate>
                    <input type="hidden" name="version" value=version />
                    // Replaced with a fresh single-use token in each copy served (see `handlers.rs`).
                    <input type="hidden" name="submission" value="continuum-submission-token" />
                    {staff_channel}
                    {questions_view}
                    <button class="nhsuk-button" type="submit">
                        {if public { "Send feedback" } else { "Save response" }}
                    </button>
                </form>
            }.into_any(),
            None => view! { <div class="continuum-preview">{questions_view}</div> }.into_any(),
        }}
        {public.then(|| view! {
            <div id="help-now">
                <WhoReadsThis form=form.clone() />
                <CrisisCallout contacts=crisis_contacts.clone() />
            </div>
        })}
    }
}

/// After a response is committed. When the safeguarding screener found signs of risk in what the person wrote,
/// the crisis contacts come first.
#[component]
pub fn ThankYouView(form: FeedbackForm, crisis_first: bool, crisis_contacts: Vec<String>) -> impl IntoView {
    let anonymous = !form.sign_in_required;
    view! {
        {crisis_first.then(|| view! {
            <div class="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent">
                <div class="nhsuk-card--care__heading-container">
                    <h2 class="nhsuk-card--care__heading">
                        <span role="text"><span class="nhsuk-u-visually-hidden">"Urgent advice: "</span>"If you are struggling, help is there now"</span>
                    </h2>
                    <span class="nhsuk-card--care__arrow" aria-hidden="true"></span>
                </div>
                <div class="nhsuk-card__content">
                    <p>"Some of what you wrote sounds very hard. You do not have to wait for us to read it."</p>
                    <ul class="nhsuk-list">{crisis_contacts.clone().into_iter().map(|line| view! { <li><ContactLine line /></li> }).collect_view()}</ul>
                    {anonymous.then(|| view! { <p>"Your feedback is anonymous, so we cannot contact you about it. If you want us to, tell your care team or call the service."</p> })}
                </div>
            </div>
        })}
        <div class="nhsuk-panel continuum-panel">
            <h1 class="nhsuk-panel__title">"Thank you – your feedback has been sent"</h1>
        </div>
        <h2 class="nhsuk-heading-m">"What happens next"</h2>
        <p>{format!("The {} team reads every answer, usually within 2 working days.", form.service_name)}</p>
        <p>"We look at what people tell us together, with patients on our steering group, and we share what we change because of it: see "<a href="/you-said-we-did">"You said, we did"</a>"."</p>
        <p><a href="/get-involved">"Get involved in how the service is run"</a>" – open days, groups and other ways to have your say."</p>
        {(!crisis_first).then(|| view! { <CrisisCallout contacts=crisis_contacts /> })}
    }
}

/// When the form does not take answers: closed, past its date, or already answered by this person.
/// Anything the person wrote is shown back so that it is not lost.
#[component]
pub fn NotTakingAnswersView(
    form: FeedbackForm,
    #[prop(into)] heading: String,
    #[prop(into)] message: String,
    written: Vec<(String, String)>,
    crisis_contacts: Vec<String>,
) -> impl IntoView {
    view! {
        <span class="nhsuk-caption-l">{form.service_name.clone()}</span>
        <h1 class="nhsuk-heading-l">{heading}</h1>
        <p>{message}</p>
        {(!written.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-m">"What you wrote"</h2>
            <p>"Your answers were not sent. Here is what you wrote, so that you can keep it."</p>
            {written.into_iter().map(|(prompt, text)| view! {
                <h3 class="nhsuk-heading-s">{prompt}</h3>
                <p class="continuum-written">{text}</p>
            }).collect_view()}
        })}
        <p><a href="/get-involved">"Other ways to have your say"</a></p>
        <CrisisCallout contacts=crisis_contacts />
    }
}
