//! The focus groups page: those recorded, and a form to record one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::consultation::forms::components::ConsultationNav;
use crate::{
    accounts::types::ServiceSummary,
    consultation::{
        focus_groups::server::{list_focus_groups, RecordFocusGroup},
        forms::server::consultation_services,
        types::FocusGroup,
    },
    dates::readable_day,
    ui::{DateInput, ErrorSummary, FormStatus, Loaded, Select, SubmitButton, TextInput, Textarea},
};

#[component]
pub fn FocusGroupsPage() -> impl IntoView {
    let record = ServerAction::<RecordFocusGroup>::new();
    let status = FormStatus::of(record);
    let groups = Resource::new(move || record.version().get(), |_| list_focus_groups());
    let services = Resource::new(|| (), |_| consultation_services());
    let query = use_query_map();
    view! {
        <crate::ui::StaffOnly>
        <Title text="Focus groups" />
        <ConsultationNav />
        {move || (query.with(|q| q.get("recorded").is_some()) || record.value().with(|v| matches!(v, Some(Ok(_))))).then(|| view! {
            <div class="nhsuk-inset-text" role="status"><p>"The focus group has been recorded, and added to the ledger as a Consultation activity."</p></div>
        })}
        // At the top, as NHS.UK places it: below the groups already recorded it would be out of sight.
        <ErrorSummary status />
        <h1 class="nhsuk-heading-l">"Focus groups"</h1>
        <Loaded resource=groups render={|groups: Vec<FocusGroup>| {
            if groups.is_empty() {
                return view! { <p class="nhsuk-body">"No focus groups recorded yet."</p> }.into_any();
            }
            groups.into_iter().map(|g| view! {
                <div class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading nhsuk-heading-s">{g.topic.clone()}</h2>
                        <p class="nhsuk-body-s continuum-meta">{format!("{} · {} · {} took part", g.service_name, readable_day(&g.held_on), g.participants)}</p>
                        {(!g.themes.is_empty()).then(|| view! {
                            <p class="nhsuk-body-s"><strong>"Themes"</strong></p>
                            <ul class="nhsuk-list nhsuk-list--bullet">{g.themes.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        })}
                        {(!g.notes.is_empty()).then(|| view! { <p class="nhsuk-body-s continuum-written">{g.notes.clone()}</p> })}
                    </div>
                </div>
            }).collect_view().into_any()
        }} />
        <h2 class="nhsuk-heading-m">"Record a focus group"</h2>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| {
            let options = ServiceSummary::options(&services);
            view! {
                <ActionForm attr:novalidate=true action=record>
                    <crate::ui::SubmissionToken status=status />
                    <Select name="service_id" label="Service" status options placeholder="Choose a service" />
                    <TextInput name="topic" label="Intervention or topic" hint="For example, the new evening group" status />
                    <DateInput name="held_on" legend="Date held" status />
                    <TextInput name="participants" label="How many took part" input_type="number" status width="nhsuk-input--width-4" />
                    <Textarea name="themes" label="Themes" hint="What came up, one theme on each line" status rows=4 />
                    <Textarea name="notes" label="Notes (optional)" hint="No names or details that could identify someone" status rows=6 />
                    <SubmitButton label="Record focus group" />
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}
