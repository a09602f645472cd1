//! Pages of checks for the service's staff: the service's list of checks and training (`/inclusion/checks`),
//! the checks a role needs (a section of the role's edit page), and an appointment's page
//! (`/inclusion/appointments/<id>`: status, supervisor, checks with the form to record one, supervision).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{
    get_appointment, get_checks_overview, get_role_checks, AddCheckKind, RecordCheck, RecordSupervision,
    SetAppointmentStatus, SetRoleCheck, SetSupervisor,
};
use super::types::{
    AppointmentPage, CheckCategory, CheckStanding, ChecksOverview, RoleChecks, Supervision, DBS_LEVELS,
};
use crate::{
    accounts::types::ServiceSummary,
    inclusion::types::{AppointmentId, AppointmentStatus, RoleId},
    ui::{
        Choice, DateInput, ErrorSummary, FormStatus, Loaded, Radios, Select, StaffOnly, SubmitButton, TextInput,
        Textarea,
    },
};

/// A table of checks with their dates and where each stands (the coordinator's and the volunteer's pages).
pub fn checks_table(checks: Vec<CheckStanding>) -> impl IntoView {
    if checks.is_empty() {
        return view! { <p class="nhsuk-body">"The role needs no checks."</p> }.into_any();
    }
    view! {
        <table class="nhsuk-table-responsive">
            <caption class="nhsuk-table__caption nhsuk-table__caption--s">"Checks and training"</caption>
            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                <th scope="col" class="nhsuk-table__header">"Check"</th>
                <th scope="col" class="nhsuk-table__header">"Done"</th>
                <th scope="col" class="nhsuk-table__header">"Expiry"</th>
                <th scope="col" class="nhsuk-table__header">"Where it stands"</th>
            </tr></thead>
            <tbody class="nhsuk-table__body">
                {checks.into_iter().map(|c| {
                    let done = c.latest.as_ref().map_or_else(|| "Not yet".to_owned(), |l| crate::dates::readable_day(&l.done_on));
                    let expires = c.expiry_words();
                    let name = if c.needed { c.kind.full_name() } else { format!("{} (not needed by the role)", c.kind.full_name()) };
                    view! {
                        <tr class="nhsuk-table__row">
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Check "</span>{name}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Done "</span>{done}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Expiry "</span>{expires}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Where it stands "</span><strong class=c.state.tag()>{c.state.label()}</strong></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Supervision sessions: the date, the supervisor and, for those who may read them, the notes.
pub fn supervision_list(sessions: Vec<Supervision>) -> impl IntoView {
    if sessions.is_empty() {
        return view! { <p class="nhsuk-body">"No supervision sessions recorded yet."</p> }.into_any();
    }
    view! {
        <ul class="nhsuk-list">
            {sessions.into_iter().map(|s| view! {
                <li>
                    <strong>{crate::dates::readable_day(&s.held_on)}</strong>{format!(" with {}", s.supervisor)}
                    {s.notes.filter(|n| !n.is_empty()).map(|n| view! { <p class="nhsuk-body continuum-preserve-lines">{n}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn ChecksPage() -> impl IntoView {
    let query = use_query_map();
    let add = ServerAction::<AddCheckKind>::new();
    let status = FormStatus::of(add);
    let data = Resource::new(move || add.version().get(), |_| get_checks_overview());
    let added = move || query.with(|q| q.get("added").is_some()) || matches!(add.value().get(), Some(Ok(())));
    view! {
        <Title text="Checks and training" />
        <StaffOnly>
            <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion">"Volunteering"</a></p>
            <h1 class="nhsuk-heading-l">"Checks and training"</h1>
            <ErrorSummary status />
            {move || added().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The check has been added."</p></div> })}
            <p class="nhsuk-body">"Each service keeps its own list. A role says which of them it needs, on the role's page; a volunteer is active only while all of those are in date."</p>
            <Loaded resource=data render={move |o: ChecksOverview| {
                let categories: Vec<(String, String)> =
                    CheckCategory::ALL.iter().map(|c| (c.as_str().to_owned(), c.label().to_owned())).collect();
                let levels: Vec<(String, String)> =
                    DBS_LEVELS.iter().map(|(v, l)| ((*v).to_owned(), (*l).to_owned())).collect();
                view! {
                    {o.kinds.into_iter().map(|(service, kinds)| view! {
                        <h2 class="nhsuk-heading-m">{service}</h2>
                        {if kinds.is_empty() { view! { <p class="nhsuk-body">"No checks yet."</p> }.into_any() } else { view! {
                            <ul class="nhsuk-list">
                                {kinds.into_iter().map(|k| view! { <li>{format!("{} · {} · {}", k.full_name(), k.category.label(), k.lasts())}</li> }).collect_view()}
                            </ul>
                        }.into_any() }}
                    }).collect_view()}
                    {(!o.services.is_empty()).then(|| {
                        let options = ServiceSummary::options(&o.services);
                        view! {
                            <h2 class="nhsuk-heading-m">"Add a check or training course"</h2>
                            <ActionForm attr:novalidate=true action=add>
                                <crate::ui::SubmissionToken status=status />
                                <Select name="service_id" label="Service" status options placeholder="Choose a service" />
                                <Select name="category" label="Kind of check" status options=categories.clone() placeholder="Choose a kind" />
                                <TextInput name="check_name" label="Name" hint="For example, DBS check, or Safeguarding adults level 1" status />
                                <TextInput name="valid_months" label="How long it lasts, in months" input_type="number" width="nhsuk-input--width-4" status
                                    hint="0 if it does not expire. Leave empty for the usual: 36 for a DBS check, 12 for training, otherwise it does not expire." />
                                <Select name="dbs_level" label="DBS level (DBS checks only)" status options=levels.clone() placeholder="Not a DBS check" />
                                <SubmitButton label="Add the check" />
                            </ActionForm>
                        }
                    })}
                }
            }} />
        </StaffOnly>
    }
}

/// The checks a role needs, with a button each to change it; on the role's edit page.
#[component]
pub fn RoleChecksSection(role_id: RoleId) -> impl IntoView {
    let set = ServerAction::<SetRoleCheck>::new();
    let status = FormStatus::of(set);
    let data = Resource::new(move || (role_id.clone(), set.version().get()), |(id, _)| get_role_checks(id));
    view! {
        <h2 class="nhsuk-heading-m" id="checks">"Checks this role needs"</h2>
        <ErrorSummary status id="role-check-errors" />
        <Loaded resource=data render={move |r: RoleChecks| {
            if r.checks.is_empty() {
                return view! { <p class="nhsuk-body">"The service has no checks yet. "<a href="/inclusion/checks">"Add the service's checks"</a></p> }.into_any();
            }
            view! {
                <ul class="nhsuk-list">
                    {r.checks.into_iter().map(|(kind, needed)| {
                        let role_id = r.role_id.to_string();
                        view! {
                            <li>
                                <ActionForm attr:novalidate=true action=set>
                                    <crate::ui::SubmissionToken status=status />
                                    <input type="hidden" name="role_id" value=role_id />
                                    <input type="hidden" name="check_kind_id" value=kind.id.to_string() />
                                    <input type="hidden" name="needed" value=if needed { "no" } else { "yes" } />
                                    {format!("{} ({}): ", kind.full_name(), kind.lasts())}
                                    <strong>{if needed { "needed" } else { "not needed" }}</strong>" "
                                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                                        {if needed { format!("Stop needing {}", kind.name) } else { format!("Need {}", kind.name) }}
                                    </button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }} />
    }
}

#[component]
pub fn AppointmentView() -> impl IntoView {
    let params = use_params_map();
    let set_status = ServerAction::<SetAppointmentStatus>::new();
    let record = ServerAction::<RecordCheck>::new();
    let supervisor = ServerAction::<SetSupervisor>::new();
    let supervision = ServerAction::<RecordSupervision>::new();
    let (status_status, record_status, supervisor_status, supervision_status) =
        (FormStatus::of(set_status), FormStatus::of(record), FormStatus::of(supervisor), FormStatus::of(supervision));
    let page = Resource::new(
        move || {
            (
                AppointmentId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                set_status.version().get()
                    + record.version().get()
                    + supervisor.version().get()
                    + supervision.version().get(),
            )
        },
        |(id, _)| get_appointment(id),
    );
    view! {
        <Title text="Volunteer appointment" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion/applications">"Applications"</a></p>
        <ErrorSummary status=status_status id="status-errors" />
        <ErrorSummary status=record_status id="check-errors" />
        <ErrorSummary status=supervisor_status id="supervisor-errors" />
        <ErrorSummary status=supervision_status id="supervision-errors" />
        <Loaded resource=page render={move |p: AppointmentPage| {
            let id = p.id.to_string();
            let statuses: Vec<Choice> = [AppointmentStatus::Active, AppointmentStatus::Paused, AppointmentStatus::Ended]
                .into_iter()
                .filter(|s| *s != p.status)
                .map(|s| Choice { value: s.as_str().into(), label: s.label().into(), hint: None })
                .collect();
            let kinds = p.service_checks.clone();
            let staff = p.staff.clone();
            let (status_id, supervisor_id, supervision_id) = (id.clone(), id.clone(), id.clone());
            view! {
                <span class="nhsuk-caption-l">{format!("{} · {}", p.role_title, p.service_name)}</span>
                <h1 class="nhsuk-heading-l">{p.name.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Status"</dt>
                        <dd class="nhsuk-summary-list__value">{if p.status_reason.is_empty() { p.status.label().to_owned() } else { format!("{}: {}", p.status.label(), p.status_reason) }}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Started"</dt>
                        <dd class="nhsuk-summary-list__value">{crate::dates::readable_day(&p.starts_on)}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Supervisor"</dt>
                        <dd class="nhsuk-summary-list__value">{p.supervisor.clone().unwrap_or_else(|| "None yet".to_owned())}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Account"</dt>
                        <dd class="nhsuk-summary-list__value">{if p.has_account { "Linked to their account" } else { "No account yet" }}</dd></div>
                </dl>
                {checks_table(p.checks.clone())}
                {(!kinds.is_empty()).then(|| { let id = id.clone(); view! {
                    <h2 class="nhsuk-heading-m">"Record a check"</h2>
                    <ActionForm attr:novalidate=true action=record>
                        <crate::ui::SubmissionToken status=record_status />
                        <input type="hidden" name="appointment_id" value=id />
                        <Select name="check_kind_id" label="Check" status=record_status options=kinds.clone() placeholder="Choose the check" />
                        <DateInput name="done_on" legend="Date done" hint="For a DBS check, the certificate's issue date." status=record_status />
                        <TextInput name="certificate_number" label="DBS certificate number (DBS checks only)" width="nhsuk-input--width-20" status=record_status />
                        <SubmitButton label="Record the check" />
                    </ActionForm>
                }})}
                <h2 class="nhsuk-heading-m">"Status"</h2>
                <p class="nhsuk-body">"Taking a break and coming back are normal and never held against anyone."</p>
                <ActionForm attr:novalidate=true action=set_status>
                    <crate::ui::SubmissionToken status=status_status />
                    <input type="hidden" name="appointment_id" value=status_id />
                    <Radios name="status" legend="Change the status to" status=status_status choices=statuses.clone() />
                    <TextInput name="reason" label="Reason (needed when it ends)" status=status_status />
                    <SubmitButton label="Change the status" />
                </ActionForm>
                <h2 class="nhsuk-heading-m">"Supervisor"</h2>
                <ActionForm attr:novalidate=true action=supervisor>
                    <crate::ui::SubmissionToken status=supervisor_status />
                    <input type="hidden" name="appointment_id" value=supervisor_id />
                    <Select name="supervisor_id" label="Supervisor" status=supervisor_status options=staff.clone() placeholder="No supervisor" />
                    <SubmitButton label="Save the supervisor" />
                </ActionForm>
                <h2 class="nhsuk-heading-m">"Supervision"</h2>
                <p class="nhsuk-body">"Notes are seen only by the supervisor who held the session and the volunteer."</p>
                {supervision_list(p.supervision.clone())}
                <ActionForm attr:novalidate=true action=supervision>
                    <crate::ui::SubmissionToken status=supervision_status />
                    <input type="hidden" name="appointment_id" value=supervision_id />
                    <DateInput name="held_on" legend="Date of the session" status=supervision_status />
                    <Textarea name="notes" label="Notes (optional)" hint="Only you and the volunteer will see them." status=supervision_status rows=4 />
                    <SubmitButton label="Record the session" />
                </ActionForm>
            }
        }} />
    }
}
