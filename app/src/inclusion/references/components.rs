//! References' pages: the referee's page (`/volunteer/reference`, light and public, from the link in their
//! mail) and the references section of an application's page for the coordinator.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::server::{
    get_reference_request, get_references, DeclineReference, GiveReference, ReplaceReferee, RequestReferences,
};
use super::{ReferenceRequest, ReferenceState, References};
use crate::{
    error::AppError,
    inclusion::types::ApplicationId,
    ui::{ErrorPage, ErrorSummary, FormStatus, Loaded, Select, SubmitButton, TextInput, Textarea},
};

#[component]
pub fn ReferencePage() -> impl IntoView {
    let query = use_query_map();
    let key = move || query.with(|q| q.get("key")).unwrap_or_default();
    let thanks = move || query.with(|q| q.get("thanks"));
    let give = ServerAction::<GiveReference>::new();
    let decline = ServerAction::<DeclineReference>::new();
    let (give_status, decline_status) = (FormStatus::of(give), FormStatus::of(decline));
    let found = Resource::new(key, get_reference_request);
    let answered = move || {
        thanks().or_else(|| {
            if matches!(give.value().get(), Some(Ok(()))) {
                Some("given".to_owned())
            } else {
                matches!(decline.value().get(), Some(Ok(()))).then(|| "declined".to_owned())
            }
        })
    };
    view! {
        <Title text="Give a reference" />
        <ErrorSummary status=give_status id="give-errors" />
        <ErrorSummary status=decline_status id="decline-errors" />
        {move || match answered() {
            Some(which) => view! {
                <div class="nhsuk-panel continuum-confirmation" role="status">
                    <h1 class="nhsuk-panel__title">"Thank you"</h1>
                    <div class="nhsuk-panel__body">{if which == "declined" { "We have noted that you would rather not give a reference." } else { "We have your reference." }}</div>
                </div>
                <p class="nhsuk-body">"There is nothing more you need to do. The link in your email no longer works."</p>
            }.into_any(),
            None => view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match found.await {
                            Ok(ReferenceRequest { referee_name, applicant_name, role_title, service_name }) => view! {
                                <span class="nhsuk-caption-l">{service_name}</span>
                                <h1 class="nhsuk-heading-l">{format!("A reference for {applicant_name}")}</h1>
                                <p class="nhsuk-body">{format!("Hello {referee_name}. {applicant_name} has applied for the volunteer role {role_title} and named you as a referee. What you write is read only by the service's staff.")}</p>
                                <ActionForm attr:novalidate=true action=give>
                                    <crate::ui::SubmissionToken status=give_status />
                                    <input type="hidden" name="key" value=key() />
                                    <TextInput name="known_how" label="How do you know them, and for how long?" status=give_status />
                                    <Textarea name="reference" label="Your reference" hint="For example, whether they are reliable, how they get on with people, and anything that would help them in the role." status=give_status rows=8 />
                                    <SubmitButton label="Send my reference" />
                                </ActionForm>
                                <h2 class="nhsuk-heading-m">"If you would rather not give a reference"</h2>
                                <p class="nhsuk-body">"That is fine: tell us, and we will ask someone else. You do not need to say why."</p>
                                <ActionForm attr:novalidate=true action=decline>
                                    <crate::ui::SubmissionToken status=decline_status />
                                    <input type="hidden" name="key" value=key() />
                                    <TextInput name="decline_reason" label="Reason (optional)" status=decline_status />
                                    <SubmitButton label="I would rather not give a reference" secondary=true />
                                </ActionForm>
                            }.into_any(),
                            Err(AppError::Conflict(words)) => view! {
                                <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                                <p class="nhsuk-body">{words}</p>
                            }.into_any(),
                            Err(AppError::NotFound) => view! {
                                <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                                <p class="nhsuk-body">"We could not find a reference request for this link. Check you copied all of it."</p>
                            }.into_any(),
                            Err(error) => view! { <ErrorPage error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }.into_any(),
        }}
    }
}

/// The forms of an application's references, made by the application's page so that their error summaries
/// come first on the page (as NHS.UK places them), above every form.
#[derive(Clone, Copy)]
pub struct ReferenceActions {
    pub ask: ServerAction<RequestReferences>,
    pub replace: ServerAction<ReplaceReferee>,
}

impl ReferenceActions {
    pub fn new() -> Self {
        Self { ask: ServerAction::new(), replace: ServerAction::new() }
    }
}

impl Default for ReferenceActions {
    fn default() -> Self {
        Self::new()
    }
}

/// The error summaries of the references' forms, for the top of the application's page.
#[component]
pub fn ReferencesErrors(actions: ReferenceActions) -> impl IntoView {
    view! {
        <ErrorSummary status=FormStatus::of(actions.ask) id="ask-errors" />
        <ErrorSummary status=FormStatus::of(actions.replace) id="replace-errors" />
    }
}

/// The references of an application, on its page for the coordinator: ask the referees, see which came
/// back (and what they wrote), replace a referee.
#[component]
pub fn ReferencesSection(application_id: ApplicationId, actions: ReferenceActions) -> impl IntoView {
    let ReferenceActions { ask, replace } = actions;
    let (ask_status, replace_status) = (FormStatus::of(ask), FormStatus::of(replace));
    let for_form = application_id.to_string();
    let data = Resource::new(
        move || (application_id.clone(), ask.version().get() + replace.version().get()),
        |(id, _)| get_references(id),
    );
    view! {
        <h2 class="nhsuk-heading-m" id="references">"References"</h2>
        <Loaded resource=data render={move |r: References| {
            let application_id = for_form.clone();
            let replaceable: Vec<(String, String)> = r
                .references
                .iter()
                .filter(|f| matches!(f.state, ReferenceState::Requested | ReferenceState::Declined))
                .map(|f| (f.id.to_string(), format!("{} ({})", f.referee_name, f.state.label().to_lowercase())))
                .collect();
            view! {
                {r.references.is_empty().then(|| view! { <p class="nhsuk-body">"The referees have not been asked yet."</p> })}
                {r.may_ask.then(|| view! {
                    <ActionForm attr:novalidate=true action=ask>
                        <crate::ui::SubmissionToken status=ask_status />
                        <input type="hidden" name="application_id" value=application_id />
                        <p class="nhsuk-body">"Each referee with an email address gets a link to a short reference form. It works once, for 30 days; we remind them once after a week."</p>
                        <SubmitButton label="Ask the referees now" />
                    </ActionForm>
                })}
                {r.references.into_iter().map(|f| {
                    let state = if f.expired {
                        "Link ran out without an answer".to_owned()
                    } else if f.declined && f.state == ReferenceState::Replaced {
                        "Declined, then replaced by another referee".to_owned()
                    } else {
                        f.state.label().to_owned()
                    };
                    let (asked, ends) =
                        (crate::dates::readable_day(&f.requested_on), crate::dates::readable_day(&f.link_ends_on));
                    let asked = match &f.instead_of {
                        Some(name) => format!("{asked} instead of {name}"),
                        None => asked,
                    };
                    let when = if f.expired {
                        format!("Asked on {asked}; the link ran out on {ends}.")
                    } else if f.state == ReferenceState::Requested {
                        format!("Asked on {asked}; the link works until {ends}.")
                    } else {
                        format!("Asked on {asked}.")
                    };
                    view! {
                        <div class="nhsuk-card"><div class="nhsuk-card__content">
                            <h3 class="nhsuk-heading-s">{format!("{} ({})", f.referee_name, f.referee_email)}</h3>
                            <p class="nhsuk-body">{format!("{state}. {when}")}</p>
                            {(f.state == ReferenceState::Received).then(|| view! {
                                <p class="nhsuk-body"><strong>"How they know the applicant: "</strong>{f.known_how.clone()}</p>
                                <p class="nhsuk-body continuum-preserve-lines">{f.reference_text.clone()}</p>
                            })}
                            {(f.declined && !f.decline_reason.is_empty()).then(|| view! {
                                <p class="nhsuk-body continuum-preserve-lines">{format!("Their reason: {}", f.decline_reason)}</p>
                            })}
                        </div></div>
                    }
                }).collect_view()}
                {(!replaceable.is_empty()).then(|| view! {
                    <h3 class="nhsuk-heading-s">"Ask another referee instead"</h3>
                    <ActionForm attr:novalidate=true action=replace>
                        <crate::ui::SubmissionToken status=replace_status />
                        <Select name="reference_id" label="Instead of" status=replace_status options=replaceable.clone() />
                        <TextInput name="referee_name" label="New referee's name" status=replace_status />
                        <TextInput name="referee_email" label="New referee's email address" input_type="email" status=replace_status />
                        <SubmitButton label="Ask the new referee" secondary=true />
                    </ActionForm>
                })}
                {(!r.by_phone.is_empty()).then(|| view! {
                    <p class="nhsuk-body">"Referees without an email address, to ask by phone:"</p>
                    <ul class="nhsuk-list">{r.by_phone.into_iter().map(|(name, contact)| view! { <li>{format!("{name}: {contact}")}</li> }).collect_view()}</ul>
                })}
            }
        }} />
    }
}
