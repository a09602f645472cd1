use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    accounts::server::{SignIn, SignOut},
    ui::{form::reload_on_success, ErrorSummary, FormStatus, SubmitButton, TextInput},
};

#[component]
pub fn SignInPage() -> impl IntoView {
    let sign_in = ServerAction::<SignIn>::new();
    let status = FormStatus::of(sign_in);
    reload_on_success(sign_in, |next: &String| next.clone());
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_else(|| "/".to_owned());
    let notice = move || {
        query.with(|q| {
            if q.get("signed_out").is_some() {
                Some("You have signed out.")
            } else if q.get("reset").is_some() {
                Some("Your password has been changed. Sign in with your new password.")
            } else {
                None
            }
        })
    };
    view! {
        <Title text="Sign in" />
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <ErrorSummary status />
                {move || notice().map(|text| view! {
                    <div class="nhsuk-inset-text continuum-notice" role="status"><p>{text}</p></div>
                })}
                <h1 class="nhsuk-heading-l">"Sign in"</h1>
                <ActionForm attr:novalidate=true action=sign_in>
                    <crate::ui::PageField />
                    <input type="hidden" name="next" value=next />
                    <TextInput name="email" label="Email address" input_type="email" autocomplete="email" status width="nhsuk-input--width-30" />
                    <TextInput name="password" label="Password" input_type="password" autocomplete="current-password" status width="nhsuk-input--width-30" />
                    <SubmitButton label="Sign in" />
                </ActionForm>
                <p class="nhsuk-body"><a href="/forgot-password">"I have forgotten my password"</a></p>
                <p class="nhsuk-body">
                    "Accounts are by invitation. If you would like one, ask the team at your service."
                </p>
            </div>
        </div>
    }
}

/// A page with one button, for signing out from a link or a bookmark. The header has the same button.
#[component]
pub fn SignOutPage() -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    reload_on_success(sign_out, |_| "/sign-in?signed_out=1".to_owned());
    view! {
        <Title text="Sign out" />
        <h1 class="nhsuk-heading-l">"Sign out"</h1>
        <p class="nhsuk-body">"Sign out when you have finished, especially on a shared computer."</p>
        <ActionForm attr:novalidate=true action=sign_out>
            <SubmitButton label="Sign out" />
        </ActionForm>
    }
}
