//! Administrator pages: services, people, and one person's roles and access.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::{
    accounts::{
        server::{
            get_person, list_people, list_services, CreateService, GrantRole, InvitePerson, RenameService, RevokeRole,
            SetAccountDisabled, SetAdministrator,
        },
        types::{PersonSummary, Role, ServiceSummary},
    },
    ui::{ErrorSummary, FormStatus, Loaded, Select, SubmitButton, TextInput},
};

fn role_options() -> Vec<(String, String)> {
    Role::ALL.into_iter().map(|r| (r.as_str().to_owned(), r.label().to_owned())).collect()
}

#[component]
pub fn AdminServicesPage() -> impl IntoView {
    let create = ServerAction::<CreateService>::new();
    let rename = ServerAction::<RenameService>::new();
    let services = Resource::new(move || (create.version().get(), rename.version().get()), |_| list_services());
    let create_status = FormStatus::of(create);
    let rename_status = FormStatus::of(rename);
    view! {
        <crate::ui::AdminOnly>
        <Title text="Services" />
        // Both forms' summaries at the top, as NHS.UK places them: "Add a service" is below the list.
        <ErrorSummary status=rename_status id="rename-errors" />
        <ErrorSummary status=create_status id="create-errors" />
        <h1 class="nhsuk-heading-l">"Services"</h1>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| view! {
            {if services.is_empty() {
                view! { <p class="nhsuk-body">"There are no services yet. Add the first one below."</p> }.into_any()
            } else {
                view! {
                    <ul class="nhsuk-list continuum-service-list">
                        {services.into_iter().map(|service| {
                            let field = format!("name-{}", service.id);
                            view! {
                                <li class="continuum-service-list__item">
                                    <ActionForm attr:novalidate=true action=rename>
                                        <crate::ui::SubmissionToken status=rename_status />
                                        <input type="hidden" name="service_id" value=service.id.clone() />
                                        <TextInput name=field posts_as="name" label=format!("Name of {}", service.name) value=service.name.clone() status=rename_status width="nhsuk-input--width-30" />
                                        <SubmitButton label="Rename" secondary=true />
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        }} />
        <h2 class="nhsuk-heading-m">"Add a service"</h2>
        <ActionForm attr:novalidate=true action=create>
            <crate::ui::SubmissionToken status=create_status />
            <TextInput name="name" label="Service name" hint="For example, Personality Disorder Service" status=create_status width="nhsuk-input--width-30" />
            <SubmitButton label="Add service" />
        </ActionForm>
        </crate::ui::AdminOnly>
    }
}

/// Roles as one line: "Staff in CAS Day Service; Patient in …".
fn roles_text(person: &PersonSummary) -> String {
    let mut parts: Vec<String> = person.roles.iter().map(|r| format!("{} in {}", r.role, r.service_name)).collect();
    if person.is_admin {
        parts.insert(0, "Administrator".into());
    }
    if parts.is_empty() {
        "No roles".into()
    } else {
        parts.join("; ")
    }
}

fn account_state(person: &PersonSummary) -> &'static str {
    if person.disabled {
        "Disabled"
    } else if person.has_password {
        "Active"
    } else {
        "Invited"
    }
}

#[component]
pub fn AdminPeoplePage() -> impl IntoView {
    let invite = ServerAction::<InvitePerson>::new();
    let status = FormStatus::of(invite);
    let people = Resource::new(|| (), |_| list_people());
    let services = Resource::new(|| (), |_| list_services());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(person_id)) = invite.value().get() {
            navigate(&format!("/admin/people/{person_id}?invited=1"), Default::default());
        }
    });
    view! {
        <crate::ui::AdminOnly>
        <Title text="People" />
        // At the top, as NHS.UK places it: the invitation form is below everyone's row.
        <ErrorSummary status />
        <h1 class="nhsuk-heading-l">"People"</h1>
        <Loaded resource=people render={move |people: Vec<PersonSummary>| view! {
            // The NHS.UK responsive table: on a phone each row becomes a card, so nothing scrolls sideways.
            <table class="nhsuk-table-responsive">
                <caption class="nhsuk-table__caption">"Everyone with a Continuum account"</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th scope="col" class="nhsuk-table__header">"Name"</th>
                        <th scope="col" class="nhsuk-table__header">"Email"</th>
                        <th scope="col" class="nhsuk-table__header">"Roles"</th>
                        <th scope="col" class="nhsuk-table__header">"Account"</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    {people.into_iter().map(|person| view! {
                        <tr class="nhsuk-table__row">
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Name "</span><a href=format!("/admin/people/{}", person.id)>{person.name.clone()}</a></td>
                            <td class="nhsuk-table__cell continuum-break-anywhere"><span class="nhsuk-table-responsive__heading">"Email "</span>{person.email.clone()}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Roles "</span>{roles_text(&person)}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Account "</span>{account_state(&person)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }} />
        <h2 class="nhsuk-heading-m" id="invite">"Invite someone"</h2>
        <p class="nhsuk-body">"They will get an email with a link to choose a password. The link works once, for 7 days."</p>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| view! {
            <ActionForm attr:novalidate=true action=invite>
                <crate::ui::SubmissionToken status=status />
                <TextInput name="name" label="Name" status width="nhsuk-input--width-30" />
                <TextInput name="email" label="Email address" input_type="email" status width="nhsuk-input--width-30" />
                <Select name="service_id" label="Service (optional)" status options=ServiceSummary::options(&services) placeholder="No role yet" />
                <Select name="role" label="Role in that service (optional)" status options=role_options() placeholder="No role yet" />
                <SubmitButton label="Send invitation" />
            </ActionForm>
        }} />
        </crate::ui::AdminOnly>
    }
}

#[component]
pub fn AdminPersonPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let grant = ServerAction::<GrantRole>::new();
    let revoke = ServerAction::<RevokeRole>::new();
    let disable = ServerAction::<SetAccountDisabled>::new();
    let administrator = ServerAction::<SetAdministrator>::new();
    let person = Resource::new(
        move || {
            (
                params.with(|p| p.get("id")).unwrap_or_default(),
                grant.version().get(),
                revoke.version().get(),
                disable.version().get(),
                administrator.version().get(),
            )
        },
        |(id, ..)| get_person(id.into()),
    );
    let grant_status = FormStatus::of(grant);
    let revoke_status = FormStatus::of(revoke);
    let disable_status = FormStatus::of(disable);
    let admin_status = FormStatus::of(administrator);
    let invited = move || query.with(|q| q.get("invited").is_some());
    view! {
        <crate::ui::AdminOnly>
        <Title text="Person" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/admin/people">"All people"</a></p>
        <Loaded resource=person render={move |(person, services): (PersonSummary, Vec<ServiceSummary>)| {
        let (id_for_grant, id_for_admin, id_for_disable) = (person.id.clone(), person.id.clone(), person.id.clone());
        view! {
            {move || invited().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Invitation sent."</p></div> })}
            // Every form's summary at the top, as NHS.UK places it: the forms are below the person's details.
            <ErrorSummary status=revoke_status id="revoke-errors" />
            <ErrorSummary status=grant_status id="grant-errors" />
            <ErrorSummary status=disable_status id="disable-errors" />
            <ErrorSummary status=admin_status id="admin-errors" />
            <h1 class="nhsuk-heading-l">{person.name.clone()}</h1>
            <dl class="nhsuk-summary-list">
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Email address"</dt>
                    <dd class="nhsuk-summary-list__value">{person.email.clone()}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Account"</dt>
                    <dd class="nhsuk-summary-list__value">{account_state(&person)}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Administrator"</dt>
                    <dd class="nhsuk-summary-list__value">{if person.is_admin { "Yes" } else { "No" }}</dd>
                </div>
            </dl>
            <h2 class="nhsuk-heading-m">"Roles"</h2>
            {if person.roles.is_empty() {
                view! { <p class="nhsuk-body">"No roles yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="nhsuk-list continuum-role-list">
                        {person.roles.clone().into_iter().map(|r| {
                            let person_id = person.id.clone();
                            let text = format!("{} in {}", r.role, r.service_name);
                            view! {
                                <li class="continuum-role-list__item">
                                    <span>{text.clone()}</span>
                                    <ActionForm attr:novalidate=true action=revoke>
                                        <crate::ui::SubmissionToken status=revoke_status />
                                        <input type="hidden" name="person_id" value=person_id />
                                        <input type="hidden" name="service_id" value=r.service_id.clone() />
                                        <input type="hidden" name="role" value=r.role.as_str() />
                                        <button class="continuum-link-button" type="submit">
                                            "Remove"<span class="nhsuk-u-visually-hidden">{format!(" role: {text}")}</span>
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3 class="nhsuk-heading-s">"Add a role"</h3>
            <ActionForm attr:novalidate=true action=grant>
                <crate::ui::SubmissionToken status=grant_status />
                <input type="hidden" name="person_id" value=id_for_grant />
                <Select name="service_id" label="Service" status=grant_status options=ServiceSummary::options(&services) placeholder="Choose a service" />
                <Select name="role" label="Role" status=grant_status options=role_options() placeholder="Choose a role" />
                <SubmitButton label="Add role" secondary=true />
            </ActionForm>
            <h2 class="nhsuk-heading-m">"Access"</h2>
            <ActionForm attr:novalidate=true action=administrator>
                <crate::ui::SubmissionToken status=admin_status />
                <input type="hidden" name="person_id" value=id_for_admin />
                <input type="hidden" name="administrator" value=if person.is_admin { "false" } else { "true" } />
                <SubmitButton label=if person.is_admin { "Remove administrator rights" } else { "Make administrator" } secondary=true />
            </ActionForm>
            <ActionForm attr:novalidate=true action=disable>
                <crate::ui::SubmissionToken status=disable_status />
                <input type="hidden" name="person_id" value=id_for_disable />
                <input type="hidden" name="disabled" value=if person.disabled { "false" } else { "true" } />
                {if person.disabled {
                    view! { <SubmitButton label="Enable account" secondary=true /> }.into_any()
                } else {
                    view! {
                        <p class="nhsuk-body">"Disabling an account signs the person out everywhere and stops them signing in. Their records stay."</p>
                        <button class="nhsuk-button nhsuk-button--warning" type="submit">"Disable account"</button>
                    }.into_any()
                }}
            </ActionForm>
        }}} />
        </crate::ui::AdminOnly>
    }
}
