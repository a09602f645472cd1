//! Pages reached from a link in an email, and the page that sends a password reset link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    accounts::{
        server::{check_link, AcceptInvitation, RequestPasswordReset, ResetPassword},
        types::{LinkHolder, LinkPurpose},
    },
    error::AppError,
    ui::{form::reload_on_success, ErrorSummary, FormStatus, NewPasswordFields, SubmitButton, TextInput},
};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let request = ServerAction::<RequestPasswordReset>::new();
    let status = FormStatus::of(request);
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("sent").is_some()) || matches!(request.value().get(), Some(Ok(())));
    view! {
        <Title text="Reset your password" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary status />
                <h1 class="nhsuk-heading-l">"Reset your password"</h1>
                <Show
                    when=sent
                    fallback=move || view! {
                        <p class="nhsuk-body">"Enter the email address you use for Continuum. We will send you a link to choose a new password."</p>
                        <ActionForm attr:novalidate=true action=request>
                            <crate::ui::PageField />
                            <TextInput name="email" label="Email address" input_type="email" autocomplete="email" status width="nhsuk-input--width-30" />
                            <SubmitButton label="Send the link" />
                        </ActionForm>
                    }
                >
                    <div class="nhsuk-inset-text" role="status">
                        <p>"If there is a Continuum account for that email address, we have sent it a link to reset the password. The link works for 1 hour."</p>
                    </div>
                    <p class="nhsuk-body">"If nothing arrives in a few minutes, check your spam folder, or ask the team at your service."</p>
                </Show>
            </div>
        </div>
    }
}

/// The token from a link in an email.
fn token_from_query() -> String {
    use_query_map().with_untracked(|q| q.get("token")).unwrap_or_default()
}

/// Shown when a link has been used, has expired or was never valid.
fn link_not_usable(what: &'static str) -> impl IntoView {
    view! {
        <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
        <p class="nhsuk-body">{format!("This {what} link has expired or has already been used.")}</p>
        <p class="nhsuk-body"><a href="/forgot-password">"Ask for a new password reset link"</a>", or ask the team at your service for a new invitation."</p>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = token_from_query();
    let holder = {
        let token = token.clone();
        Resource::new(move || token.clone(), |token| check_link(token, LinkPurpose::PasswordReset))
    };
    let reset = ServerAction::<ResetPassword>::new();
    let status = FormStatus::of(reset);
    reload_on_success(reset, |_| "/sign-in?reset=1".to_owned());
    view! {
        <Title text="Choose a new password" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <Suspense fallback=|| ()>
                    {move || {
                        let token = token.clone();
                        Suspend::new(async move {
                            match holder.await {
                                Ok(LinkHolder { email, .. }) => view! {
                                    <ErrorSummary status />
                                    <h1 class="nhsuk-heading-l">"Choose a new password"</h1>
                                    <p class="nhsuk-body">{format!("For {email}.")}</p>
                                    <ActionForm attr:novalidate=true action=reset>
                                        <crate::ui::SubmissionToken status=status />
                                        <input type="hidden" name="token" value=token />
                                        <NewPasswordFields status label="New password" confirm_label="Type the new password again" />
                                        <SubmitButton label="Save new password" />
                                    </ActionForm>
                                }.into_any(),
                                Err(AppError::NotFound) => link_not_usable("password reset").into_any(),
                                Err(error) => view! { <crate::ui::ErrorPage error /> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </div>
        </div>
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = token_from_query();
    let holder = {
        let token = token.clone();
        Resource::new(move || token.clone(), |token| check_link(token, LinkPurpose::Invitation))
    };
    let accept = ServerAction::<AcceptInvitation>::new();
    let status = FormStatus::of(accept);
    reload_on_success(accept, |to: &String| to.clone());
    view! {
        <Title text="Accept your invitation" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <Suspense fallback=|| ()>
                    {move || {
                        let token = token.clone();
                        Suspend::new(async move {
                            match holder.await {
                                Ok(LinkHolder { name, email }) => view! {
                                    <ErrorSummary status />
                                    <h1 class="nhsuk-heading-l">"Welcome to Continuum"</h1>
                                    <p class="nhsuk-body">{format!("Your account will be for {email}. Check your name and choose a password.")}</p>
                                    <ActionForm attr:novalidate=true action=accept>
                                        <crate::ui::SubmissionToken status=status />
                                        <input type="hidden" name="token" value=token />
                                        <TextInput name="name" label="Your name" autocomplete="name" value=name status width="nhsuk-input--width-30"
                                            hint="This is how other people in Continuum will see you." />
                                        <NewPasswordFields status />
                                        <SubmitButton label="Create my account" />
                                    </ActionForm>
                                }.into_any(),
                                Err(AppError::NotFound) => link_not_usable("invitation").into_any(),
                                Err(error) => view! { <crate::ui::ErrorPage error /> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </div>
        </div>
    }
}
