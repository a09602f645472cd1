use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    accounts::server::{ChangeMyPassword, UpdateMyName},
    error::AppError,
    ui::{layout::ShellResource, ErrorPage, ErrorSummary, FormStatus, NewPasswordFields, SubmitButton, TextInput},
};

/// A person's own account: their name and password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let shell = expect_context::<ShellResource>();
    let rename = ServerAction::<UpdateMyName>::new();
    let change_password = ServerAction::<ChangeMyPassword>::new();
    let name_status = FormStatus::of(rename);
    let password_status = FormStatus::of(change_password);
    let query = use_query_map();
    let saved = move || {
        if matches!(change_password.value().get(), Some(Ok(())))
            || query.with(|q| q.get("saved").as_deref() == Some("password"))
        {
            Some("Your password has been changed. You have been signed out everywhere else.")
        } else if matches!(rename.value().get(), Some(Ok(())))
            || query.with(|q| q.get("saved").as_deref() == Some("name"))
        {
            Some("Your name has been saved.")
        } else {
            None
        }
    };
    view! {
        <Title text="Your account" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match shell.await.map(|s| s.user) {
                    Ok(Some(user)) => view! {
                        <div class="nhsuk-grid-row">
                            <div class="nhsuk-grid-column-two-thirds">
                                {move || saved().map(|text| view! { <div class="nhsuk-inset-text" role="status"><p>{text}</p></div> })}
                                // At the top, as NHS.UK places them: the password form is below the fold on a phone.
                                <ErrorSummary status=name_status id="name-errors" />
                                <ErrorSummary status=password_status id="password-errors" />
                                <h1 class="nhsuk-heading-l">"Your account"</h1>
                                <dl class="nhsuk-summary-list">
                                    <div class="nhsuk-summary-list__row">
                                        <dt class="nhsuk-summary-list__key">"Email address"</dt>
                                        <dd class="nhsuk-summary-list__value">{user.email.clone()}</dd>
                                    </div>
                                    <div class="nhsuk-summary-list__row">
                                        <dt class="nhsuk-summary-list__key">"Roles"</dt>
                                        <dd class="nhsuk-summary-list__value">
                                            {if user.roles.is_empty() && !user.is_admin {
                                                "None yet".to_owned()
                                            } else {
                                                let mut roles: Vec<String> = user.roles.iter().map(|r| format!("{} in {}", r.role, r.service_name)).collect();
                                                if user.is_admin {
                                                    roles.insert(0, "Administrator".to_owned());
                                                }
                                                roles.join("; ")
                                            }}
                                        </dd>
                                    </div>
                                </dl>
                                <h2 class="nhsuk-heading-m">"Your name"</h2>
                                <ActionForm attr:novalidate=true action=rename>
                                    <crate::ui::SubmissionToken status=name_status />
                                    <TextInput name="name" label="Name" autocomplete="name" value=user.name.clone() status=name_status width="nhsuk-input--width-30" />
                                    <SubmitButton label="Save name" />
                                </ActionForm>
                                <h2 class="nhsuk-heading-m">"Change your password"</h2>
                                <ActionForm attr:novalidate=true action=change_password>
                                    <crate::ui::SubmissionToken status=password_status />
                                    <TextInput name="current_password" label="Current password" input_type="password" autocomplete="current-password" status=password_status width="nhsuk-input--width-30" />
                                    <NewPasswordFields status=password_status name="new_password" label="New password" confirm_label="Type the new password again" />
                                    <SubmitButton label="Change password" />
                                </ActionForm>
                            </div>
                        </div>
                    }.into_any(),
                    Ok(None) => view! { <ErrorPage error=AppError::Unauthenticated /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
