//! The form builder: the list of a service's forms, creating one (from a template or blank), building it
//! (details, questions, opening and closing, versions) and previewing it as a respondent will see it.

use crate::consultation::types::FormId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    accounts::types::ServiceSummary,
    consultation::{
        answering::components::{FeedbackFormView, Respondent},
        forms::server::{
            consultation_services, get_feedback_form, list_feedback_forms, preview_feedback_form, ArrangeQuestion,
            CreateFeedbackForm, DuplicateFeedbackForm, NewFormVersion, SaveQuestion, SetFormState, UpdateFeedbackForm,
        },
        questions::{Question, QuestionKind},
        types::{FeedbackForm, FormState, FormSummary, Template},
    },
    ui::{Choice, DateInput, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput, Textarea},
};

/// The links along the top of every consultation page.
#[component]
pub fn ConsultationNav() -> impl IntoView {
    view! {
        <nav class="continuum-subnav" aria-label="Consultation">
            <ul class="nhsuk-list continuum-subnav__list">
                <li><a href="/consultation">"Feedback forms"</a></li>
                <li><a href="/consultation/review">"Review queue"</a></li>
                <li><a href="/consultation/focus-groups">"Focus groups"</a></li>
                <li><a href="/consultation/settings">"Themes and duty inbox"</a></li>
            </ul>
        </nav>
    }
}

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let forms = Resource::new(|| (), |_| list_feedback_forms());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Consultation" />
        <ConsultationNav />
        <h1 class="nhsuk-heading-l">"Feedback forms"</h1>
        <p class="nhsuk-body">"Ask patients and carers about a specific intervention – a group, a course, a clinic – online or on paper: the second level of the continuum."</p>
        <p><a class="nhsuk-button" href="/consultation/forms/new" role="button" draggable="false">"Create a form"</a></p>
        <Loaded resource=forms render={|forms: Vec<FormSummary>| {
            if forms.is_empty() {
                return view! { <p class="nhsuk-body">"No forms yet."</p> }.into_any();
            }
            view! {
                <table role="table" class="nhsuk-table-responsive">
                    <caption class="nhsuk-table__caption">"Your services' forms"</caption>
                    <thead role="rowgroup" class="nhsuk-table__head"><tr role="row" class="nhsuk-table__row">
                        <th role="columnheader" scope="col" class="nhsuk-table__header">"Form"</th>
                        <th role="columnheader" scope="col" class="nhsuk-table__header">"Service"</th>
                        <th role="columnheader" scope="col" class="nhsuk-table__header">"State"</th>
                        <th role="columnheader" scope="col" class="nhsuk-table__header">"Responses"</th>
                        <th role="columnheader" scope="col" class="nhsuk-table__header">"Results"</th>
                    </tr></thead>
                    <tbody class="nhsuk-table__body">
                        {forms.into_iter().map(|f| view! {
                            <tr role="row" class="nhsuk-table__row">
                                <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Form "</span>
                                    <a href=format!("/consultation/forms/{}", f.id)>{f.title.clone()}</a>
                                    <br /><span class="nhsuk-body-s continuum-meta">{f.intervention.clone()}</span>
                                </td>
                                <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Service "</span>{f.service_name.clone()}</td>
                                <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"State "</span>{f.state_description.clone()}{f.sign_in_required.then_some(" · sign-in")}</td>
                                <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Responses "</span>{f.responses}</td>
                                <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Results "</span>
                                    <a href=format!("/consultation/forms/{}/results", f.id)>"Results"<span class="nhsuk-u-visually-hidden">{format!(" of {}", f.title)}</span></a>
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }} />
        </crate::ui::StaffOnly>
    }
}

fn answering_choices() -> Vec<Choice> {
    vec![
        Choice {
            value: "anonymous".into(),
            label: "Anyone with the link, anonymously".into(),
            hint: Some("No name, IP address or time of day is kept. Best for honest feedback.".into()),
        },
        Choice {
            value: "sign_in".into(),
            label: "Signed-in people only, once each".into(),
            hint: Some("For forms that must count each person once. Staff still see answers without names.".into()),
        },
    ]
}

#[component]
pub fn NewFormPage() -> impl IntoView {
    let create = ServerAction::<CreateFeedbackForm>::new();
    let status = FormStatus::of(create);
    crate::ui::form::reload_on_success(create, |id| format!("/consultation/forms/{id}"));
    let services = Resource::new(|| (), |_| consultation_services());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Create a feedback form" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/consultation">"Feedback forms"</a></p>
        <h1 class="nhsuk-heading-l">"Create a feedback form"</h1>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| {
            let options = ServiceSummary::options(&services);
            let templates: Vec<Choice> = Template::ALL
                .iter()
                .map(|t| Choice { value: t.as_str().into(), label: t.label().into(), hint: Some(t.hint().into()) })
                .collect();
            view! {
                <ErrorSummary status />
                <ActionForm attr:novalidate=true action=create>
                    <crate::ui::SubmissionToken status=status />
                    <Select name="service_id" label="Service" status options placeholder="Choose a service" />
                    <TextInput name="title" label="Title" hint="What people will see at the top, for example DBT skills group feedback" status />
                    <TextInput name="intervention" label="Intervention or topic" hint="What the form asks about, for example DBT skills group – end of module" status />
                    <Radios name="template" legend="Start from" status choices=templates value="fft" />
                    <Radios name="answering" legend="Who can answer" status choices=answering_choices() value="anonymous" />
                    <SubmitButton label="Create form" />
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

/// A question as the builder lists it: what it asks, how it is answered.
fn question_summary(question: &Question) -> String {
    let kind = QuestionKind::label_of(question.kind.name());
    let answers = match &question.kind {
        QuestionKind::Scale { low, high } => format!(" (1 = {low}, 5 = {high})"),
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            format!(": {}", options.join(", "))
        }
        _ => String::new(),
    };
    let required = if question.required { "required" } else { "optional" };
    format!("{kind}{answers} · {required}")
}

/// Adding a question, or changing `question`.
#[component]
fn QuestionForm(form_id: FormId, action: ServerAction<SaveQuestion>, question: Option<Question>) -> impl IntoView {
    let status = FormStatus::of(action);
    let kinds: Vec<(String, String)> =
        QuestionKind::NAMES.iter().map(|n| ((*n).to_owned(), QuestionKind::label_of(n).to_owned())).collect();
    let q = question.clone();
    let (low, high, options) = match q.as_ref().map(|q| &q.kind) {
        Some(QuestionKind::Scale { low, high }) => (low.clone(), high.clone(), String::new()),
        Some(QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options }) => {
            (String::new(), String::new(), options.join("\n"))
        }
        _ => ("Not at all".to_owned(), "Very much".to_owned(), String::new()),
    };
    let required_choices = vec![
        Choice { value: "yes".into(), label: "Yes, an answer is needed".into(), hint: None },
        Choice { value: "no".into(), label: "No, it can be left out".into(), hint: None },
    ];
    let heading = if question.is_some() { "Change the question" } else { "Add a question" };
    view! {
        <h2 class="nhsuk-heading-m" id="question-form">{heading}</h2>
        <ActionForm attr:novalidate=true action>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="form_id" value=form_id />
            <input type="hidden" name="question_id" value=q.as_ref().map(|q| q.id.clone()).unwrap_or_default() />
            <Select name="kind" label="Type of question" status options=kinds value=q.as_ref().map(|q| q.kind.name().to_owned()).unwrap_or_else(|| "long_text".into()) />
            <TextInput name="prompt" label="Question" hint="Not needed for the Friends and Family Test question or \"Who is answering?\", which keep their own wording." status value=q.as_ref().map(|q| q.prompt.clone()).unwrap_or_default() />
            <TextInput name="help" label="Help text (optional)" hint="Shown under the question." status value=q.as_ref().map(|q| q.help.clone()).unwrap_or_default() />
            <Radios name="required" legend="Must people answer it?" status choices=required_choices value=if q.as_ref().is_some_and(|q| !q.required) { "no" } else { "yes" } />
            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Options for choice and scale questions"</span></summary>
                <div class="nhsuk-details__text">
                    <Textarea name="options" label="Options (choice questions)" hint="One on each line, at least 2." rows=5 status value=options />
                    <TextInput name="low" label="Words for 1 (scale)" status value=low width="nhsuk-input--width-20" />
                    <TextInput name="high" label="Words for 5 (scale)" status value=high width="nhsuk-input--width-20" />
                </div>
            </details>
            <SubmitButton label=if question.is_some() { "Save question" } else { "Add question" } />
        </ActionForm>
    }
}

#[component]
pub fn FormBuilderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let update = ServerAction::<UpdateFeedbackForm>::new();
    let save_question = ServerAction::<SaveQuestion>::new();
    let arrange = ServerAction::<ArrangeQuestion>::new();
    let new_version = ServerAction::<NewFormVersion>::new();
    let set_state = ServerAction::<SetFormState>::new();
    let duplicate = ServerAction::<DuplicateFeedbackForm>::new();
    crate::ui::form::reload_on_success(duplicate, |id| format!("/consultation/forms/{id}"));
    let form = Resource::new(
        move || {
            let id = params.with(|p| p.get("id")).unwrap_or_default();
            // Any change made on the page loads the form again.
            (
                id,
                update.version().get(),
                save_question.version().get(),
                arrange.version().get(),
                new_version.version().get(),
                set_state.version().get(),
            )
        },
        |(id, ..)| get_feedback_form(id.into()),
    );
    let arrange_status = FormStatus::of(arrange);
    let state_status = FormStatus::of(set_state);
    let version_status = FormStatus::of(new_version);
    let question_status = FormStatus::of(save_question);
    let duplicate_status = FormStatus::of(duplicate);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Build a feedback form" />
        <ConsultationNav />
        <Loaded resource=form render={move |form: FeedbackForm| {
            let editing = query.with_untracked(|q| q.get("edit"));
            let edited = editing.as_ref().and_then(|id| form.questions.iter().find(|q| q.id == *id.as_str()).cloned());
            let details_status = FormStatus::of(update);
            let locked = !form.questions_editable();
            let public_link = format!("/f/{}", form.slug);
            let question_count = form.questions.len();
            let (title, intervention) = (form.title.clone(), form.intervention.clone());
            let (id_close, id_open, id_version, id_details, id_duplicate, id_question) =
                (form.id.clone(), form.id.clone(), form.id.clone(), form.id.clone(), form.id.clone(), form.id.clone());
            view! {
                {query.with_untracked(|q| q.get("entered").is_some()).then(|| view! {
                    <div class="nhsuk-inset-text" role="status"><p>"The response has been saved."</p></div>
                })}
                // Every form's summary at the top, as NHS.UK places it: beside their forms, most were several
                // screens down (the details form's about 2,200 px down a phone's screen).
                <ErrorSummary status=details_status id="details-errors" />
                <ErrorSummary status=state_status id="state-errors" />
                <ErrorSummary status=arrange_status id="arrange-errors" />
                <ErrorSummary status=version_status id="version-errors" />
                <ErrorSummary status=question_status id="question-errors" />
                <ErrorSummary status=duplicate_status id="duplicate-errors" />
                <span class="nhsuk-caption-l">{form.service_name.clone()}</span>
                <h1 class="nhsuk-heading-l">{form.title.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"State"</dt>
                        <dd class="nhsuk-summary-list__value">{form.state_text.clone()}</dd>
                    </div>
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"Link"</dt>
                        <dd class="nhsuk-summary-list__value"><a href=public_link.clone()>{public_link.clone()}</a></dd>
                    </div>
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"Who can answer"</dt>
                        <dd class="nhsuk-summary-list__value">{if form.sign_in_required { "Signed-in people, once each" } else { "Anyone, anonymously" }}</dd>
                    </div>
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"Responses"</dt>
                        <dd class="nhsuk-summary-list__value">{format!("{} (version {}: {})", form.responses, form.version, form.version_responses)}</dd>
                    </div>
                </dl>
                <ul class="nhsuk-list continuum-actions">
                    <li><a href=format!("/consultation/forms/{}/preview", form.id)>"Preview the form"</a></li>
                    <li><a href=format!("/consultation/forms/{}/results", form.id)>"Results"</a></li>
                    {(form.state != FormState::Draft).then(|| view! {
                        <li><a href=format!("/posters/f/{}", form.slug)>"Print a poster with a QR code"</a></li>
                        <li><a href=format!("/f/{}/enter", form.slug)>"Enter a paper or assisted response"</a></li>
                    })}
                </ul>

                <h2 class="nhsuk-heading-m">"Open or close"</h2>
                {match form.state {
                    FormState::Open => view! {
                        <ActionForm attr:novalidate=true action=set_state>
                            <crate::ui::SubmissionToken status=state_status />
                            <input type="hidden" name="form_id" value=id_close />
                            <input type="hidden" name="state" value="closed" />
                            <p class="nhsuk-body">"Closing stops new answers. Results stay, and you can reopen it."</p>
                            <SubmitButton label="Close the form" secondary=true />
                        </ActionForm>
                    }.into_any(),
                    _ => view! {
                        <ActionForm attr:novalidate=true action=set_state>
                            <crate::ui::SubmissionToken status=state_status />
                            <input type="hidden" name="form_id" value=id_open />
                            <input type="hidden" name="state" value="open" />
                            <DateInput name="open_until" legend="Last day for answers (optional)" hint="Leave it empty to keep the form open until you close it." status=state_status />
                            <SubmitButton label=if form.state == FormState::Draft { "Open the form" } else { "Reopen the form" } />
                        </ActionForm>
                    }.into_any(),
                }}

                <h2 class="nhsuk-heading-m">{format!("Questions (version {})", form.version)}</h2>
                {locked.then(|| view! {
                    <div class="nhsuk-inset-text">
                        <p>"People have answered this version, so its questions are fixed: changing them would change what their answers mean. To change the questions, edit a new version. Answers to this version stay with it."</p>
                        <ActionForm attr:novalidate=true action=new_version>
                            <crate::ui::SubmissionToken status=version_status />
                            <input type="hidden" name="form_id" value=id_version />
                            <SubmitButton label="Edit a new version" secondary=true />
                        </ActionForm>
                    </div>
                })}
                {if form.questions.is_empty() {
                    view! { <p class="nhsuk-body">"No questions yet. Add one below."</p> }.into_any()
                } else {
                    view! {
                        <ol class="continuum-question-list">
                            {form.questions.iter().enumerate().map(|(i, q)| {
                                let (form_id, question_id) = (form.id.clone(), q.id.clone());
                                let arrange_button = move |change: &'static str, label: &'static str| {
                                    let (form_id, question_id) = (form_id.clone(), question_id.clone());
                                    view! {
                                    <ActionForm attr:novalidate=true action=arrange attr:class="continuum-inline-form">
                                        <crate::ui::SubmissionToken status=arrange_status />
                                        <input type="hidden" name="form_id" value=form_id.clone() />
                                        <input type="hidden" name="question_id" value=question_id.clone() />
                                        <input type="hidden" name="change" value=change />
                                        <button class="continuum-link-button" type="submit">{label}<span class="nhsuk-u-visually-hidden">{format!(": question {}", i + 1)}</span></button>
                                    </ActionForm>
                                    }
                                };
                                view! {
                                    <li class="continuum-question-list__item">
                                        <p class="nhsuk-body nhsuk-u-margin-bottom-1"><strong>{q.prompt.clone()}</strong></p>
                                        <p class="nhsuk-body-s continuum-meta">{question_summary(q)}</p>
                                        {(!locked).then(|| view! {
                                            <div class="continuum-question-actions">
                                                <a href=format!("/consultation/forms/{}?edit={}#question-form", form.id, q.id)>"Change"<span class="nhsuk-u-visually-hidden">{format!(": question {}", i + 1)}</span></a>
                                                {(i > 0).then(|| arrange_button("up", "Move up"))}
                                                {(i + 1 < question_count).then(|| arrange_button("down", "Move down"))}
                                                {arrange_button("remove", "Remove")}
                                            </div>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {(!locked).then(|| view! { <QuestionForm form_id=id_question.clone() action=save_question question=edited.clone() /> })}

                <h2 class="nhsuk-heading-m">"Details"</h2>
                <ActionForm attr:novalidate=true action=update>
                    <crate::ui::SubmissionToken status=details_status />
                    <input type="hidden" name="form_id" value=id_details />
                    <TextInput name="title" label="Title" status=details_status value=title />
                    <TextInput name="intervention" label="Intervention or topic" status=details_status value=intervention />
                    <Radios name="answering" legend="Who can answer" status=details_status choices=answering_choices() value=if form.sign_in_required { "sign_in" } else { "anonymous" } />
                    <SubmitButton label="Save details" secondary=true />
                </ActionForm>

                <h2 class="nhsuk-heading-m">"Duplicate"</h2>
                <p class="nhsuk-body">"Start a new draft with the same questions, for example for the next group."</p>
                <ActionForm attr:novalidate=true action=duplicate>
                    <crate::ui::SubmissionToken status=crate::ui::FormStatus::of(duplicate) />
                    <input type="hidden" name="form_id" value=id_duplicate />
                    <SubmitButton label="Duplicate this form" secondary=true />
                </ActionForm>
            }.into_any()
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn FormPreviewPage() -> impl IntoView {
    let params = use_params_map();
    let form =
        Resource::new(move || FormId::from(params.with(|p| p.get("id")).unwrap_or_default()), preview_feedback_form);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Preview" />
        <Loaded resource=form render={|(form, contacts): (FeedbackForm, Vec<String>)| {
            let back = format!("/consultation/forms/{}", form.id);
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=back>"Back to the builder"</a></p>
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Preview"</span></h2>
                    <p>"This is how the form looks to someone answering it. Nothing here is sent."</p>
                </div>
                <FeedbackFormView form status=FormStatus::none() respondent=Respondent::Preview crisis_contacts=contacts action=None />
            }
        }} />
        </crate::ui::StaffOnly>
    }
}
