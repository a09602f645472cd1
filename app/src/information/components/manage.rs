use crate::information::types::PageId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use server_fn::ServerFn as _;

use crate::{
    accounts::server::staffed_services,
    accounts::types::ServiceSummary,
    dates::readable_day,
    information::{
        server::{
            event_registrations, get_info_page_for_editing, get_information_overview, RecordEventHeld, SaveEvent,
            SaveInfoPage, UploadLeaflet,
        },
        types::{Event, InfoPage, InformationOverview, Registration},
    },
    ui::{DateInput, ErrorSummary, FormStatus, Loaded, Select, SubmitButton, TextInput, Textarea},
};

#[component]
pub fn InformationPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_information_overview());
    let query = use_query_map();
    view! {
        <crate::ui::StaffOnly>
        <Title text="Information" />
        {move || query.with(|q| q.get("leaflet").is_some()).then(|| view! {
            <div class="nhsuk-inset-text" role="status"><p>"The leaflet has been published and recorded in the ledger."</p></div>
        })}
        <h1 class="nhsuk-heading-l">"Information"</h1>
        <p class="nhsuk-body">"Pages, leaflets and events that tell people about your services: the first level of the continuum."</p>
        <Loaded resource=overview render=|o: InformationOverview| view! {
            <h2 class="nhsuk-heading-m">"Events"</h2>
            <p><a class="nhsuk-button nhsuk-button--secondary" href="/information/events/new" role="button" draggable="false">"Add an event"</a></p>
            {if o.events.is_empty() { view! { <p class="nhsuk-body">"No events yet."</p> }.into_any() } else { view! {
                <table class="nhsuk-table">
                    <caption class="nhsuk-u-visually-hidden">"Events"</caption>
                    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                        <th scope="col" class="nhsuk-table__header">"Event"</th>
                        <th scope="col" class="nhsuk-table__header">"When"</th>
                        <th scope="col" class="nhsuk-table__header">"Places taken"</th>
                        <th scope="col" class="nhsuk-table__header">"Manage"</th>
                    </tr></thead>
                    <tbody class="nhsuk-table__body">
                        {o.events.into_iter().map(|e| view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell"><a href=format!("/events/{}", e.slug)>{e.title.clone()}</a></td>
                                <td class="nhsuk-table__cell">{e.when()}</td>
                                <td class="nhsuk-table__cell">{format!("{} of {}", e.places_taken, e.capacity)}</td>
                                <td class="nhsuk-table__cell">
                                    <a href=format!("/information/events/{}", e.slug)>"Registrations"<span class="nhsuk-u-visually-hidden">{format!(" for {}", e.title)}</span></a>
                                    " · "
                                    <a href=format!("/information/events/{}/edit", e.slug)>"Change"<span class="nhsuk-u-visually-hidden">{format!(" {}", e.title)}</span></a>
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any() }}
            <h2 class="nhsuk-heading-m">"Information pages"</h2>
            <p><a class="nhsuk-button nhsuk-button--secondary" href="/information/pages/new" role="button" draggable="false">"Write a page"</a></p>
            {if o.pages.is_empty() { view! { <p class="nhsuk-body">"No pages yet."</p> }.into_any() } else { view! {
                <ul class="nhsuk-list continuum-ways-list">
                    {o.pages.into_iter().map(|p| view! {
                        <li>
                            <a href=format!("/info/{}", p.slug)>{p.title.clone()}</a>
                            <span class="nhsuk-body-s continuum-meta">{if p.published { " Published" } else { " Draft" }}</span>
                            " · "
                            <a href=format!("/information/pages/{}/edit", p.id)>"Change"<span class="nhsuk-u-visually-hidden">{format!(" {}", p.title)}</span></a>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any() }}
            <h2 class="nhsuk-heading-m">"Leaflets"</h2>
            <p><a class="nhsuk-button nhsuk-button--secondary" href="/information/leaflets/new" role="button" draggable="false">"Upload a leaflet"</a></p>
            {if o.leaflets.is_empty() { view! { <p class="nhsuk-body">"No leaflets yet."</p> }.into_any() } else { view! {
                <ul class="nhsuk-list continuum-ways-list">
                    {o.leaflets.into_iter().map(|l| view! {
                        <li><a href=l.href()>{l.title.clone()}</a><span class="nhsuk-body-s continuum-meta">{format!(" ({}), published {}", l.size_text(), readable_day(&l.published_on))}</span></li>
                    }).collect_view()}
                </ul>
            }.into_any() }}
        } />
        </crate::ui::StaffOnly>
    }
}

/// The page form, new or filled from `page`.
#[component]
fn InfoPageForm(
    action: ServerAction<SaveInfoPage>,
    services: Vec<ServiceSummary>,
    page: Option<InfoPage>,
) -> impl IntoView {
    let status = FormStatus::of(action);
    let p = page.clone();
    let value = move |f: fn(&InfoPage) -> String| p.as_ref().map(f).unwrap_or_default();
    let published = page.as_ref().is_some_and(|p| p.published);
    view! {
        <ErrorSummary status />
        <ActionForm attr:novalidate=true action>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="page_id" value=page.as_ref().map(|p| p.id.clone()).unwrap_or_default() />
            {page.is_none().then(|| view! { <Select name="service_id" label="Service" status options=ServiceSummary::options(&services) placeholder="Choose a service" /> })}
            <TextInput name="title" label="Title" status value=value(|p| p.title.clone()) />
            <TextInput name="summary" label="Summary (optional)" hint="One sentence for lists such as Get involved." status value=value(|p| p.summary.clone()) />
            <Textarea name="body" label="The page" rows=14 status value=value(|p| p.body.clone())
                hint="Write in Markdown: a blank line between paragraphs, # for a heading, - for a list, [words](https://address) for a link. HTML is shown as text." />
            <div class="nhsuk-form-group">
                <div class="nhsuk-checkboxes">
                    <div class="nhsuk-checkboxes__item">
                        <input class="nhsuk-checkboxes__input" id=status.id_for("published") name="published" type="checkbox" value="yes" checked=published />
                        <label class="nhsuk-label nhsuk-checkboxes__label" for=status.id_for("published")>"Publish this page for everyone to read"</label>
                    </div>
                </div>
            </div>
            <SubmitButton label="Save page" />
        </ActionForm>
    }
}

/// Moves on to the saved page once the hydrated form succeeds.
fn go_to_saved(action: ServerAction<SaveInfoPage>) {
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(slug)) = action.value().get() {
            navigate(&format!("/info/{slug}"), Default::default());
        }
    });
}

#[component]
pub fn NewInfoPagePage() -> impl IntoView {
    let save = ServerAction::<SaveInfoPage>::new();
    go_to_saved(save);
    let services = Resource::new(|| (), |_| staffed_services());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Write a page" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <h1 class="nhsuk-heading-l">"Write a page"</h1>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| view! { <InfoPageForm action=save services page=None /> }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn EditInfoPagePage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveInfoPage>::new();
    go_to_saved(save);
    let page = Resource::new(
        move || PageId::from(params.with(|p| p.get("id")).unwrap_or_default()),
        get_info_page_for_editing,
    );
    view! {
        <crate::ui::StaffOnly>
        <Title text="Change a page" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <h1 class="nhsuk-heading-l">"Change a page"</h1>
        <Loaded resource=page render={move |page: InfoPage| view! { <InfoPageForm action=save services=Vec::new() page=Some(page) /> }} />
        </crate::ui::StaffOnly>
    }
}

/// The event form, new or filled from `event`.
#[component]
fn EventForm(action: ServerAction<SaveEvent>, services: Vec<ServiceSummary>, event: Option<Event>) -> impl IntoView {
    let status = FormStatus::of(action);
    let e = event.clone();
    let value = move |f: fn(&Event) -> String| e.as_ref().map(f).unwrap_or_default();
    view! {
        <ErrorSummary status />
        <ActionForm attr:novalidate=true action>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="event_id" value=event.as_ref().map(|e| e.id.clone()).unwrap_or_default() />
            {event.is_none().then(|| view! { <Select name="service_id" label="Service" status options=ServiceSummary::options(&services) placeholder="Choose a service" /> })}
            <TextInput name="title" label="Title" hint="For example, Open day at the day service" status value=value(|e| e.title.clone()) />
            <DateInput name="day" legend="Date the event is held" status value=value(|e| e.day().to_owned()) />
            <div class="continuum-counts">
                <TextInput name="start" label="Starts" input_type="time" status value=value(|e| e.start_time().to_owned()) width="nhsuk-input--width-5" />
                <TextInput name="end" label="Ends" input_type="time" status value=value(|e| e.end_time().to_owned()) width="nhsuk-input--width-5" />
            </div>
            <TextInput name="place" label="Where" hint="The address, and how to find the room" status value=value(|e| e.place.clone()) />
            <TextInput name="capacity" label="How many places" input_type="number" status value=value(|e| e.capacity.to_string()) width="nhsuk-input--width-4" />
            <Textarea name="description" label="About the event (optional)" rows=8 status value=value(|e| e.description.clone())
                hint="Written in Markdown, as information pages are." />
            <SubmitButton label="Save event" />
        </ActionForm>
    }
}

fn go_to_event(action: ServerAction<SaveEvent>) {
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(slug)) = action.value().get() {
            navigate(&format!("/events/{slug}"), Default::default());
        }
    });
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    let save = ServerAction::<SaveEvent>::new();
    go_to_event(save);
    let services = Resource::new(|| (), |_| staffed_services());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Add an event" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <h1 class="nhsuk-heading-l">"Add an event"</h1>
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| view! { <EventForm action=save services event=None /> }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn EditEventPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveEvent>::new();
    go_to_event(save);
    let event = Resource::new(move || params.with(|p| p.get("slug")).unwrap_or_default(), event_registrations);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Change an event" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <h1 class="nhsuk-heading-l">"Change an event"</h1>
        <Loaded resource=event render={move |(event, _): (Event, Vec<Registration>)| view! { <EventForm action=save services=Vec::new() event=Some(event) /> }} />
        </crate::ui::StaffOnly>
    }
}

/// An event's registrations, for its staff, and the form recording that it was held.
#[component]
pub fn EventStaffPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let held = ServerAction::<RecordEventHeld>::new();
    let status = FormStatus::of(held);
    let data = Resource::new(
        move || (params.with(|p| p.get("slug")).unwrap_or_default(), held.version().get()),
        |(slug, _)| event_registrations(slug),
    );
    let saved = move || query.with(|q| q.get("held").is_some()) || matches!(held.value().get(), Some(Ok(())));
    view! {
        <crate::ui::StaffOnly>
        <Title text="Registrations" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <Loaded resource=data render={move |(event, registrations): (Event, Vec<Registration>)| {
            let active: Vec<Registration> = registrations.iter().filter(|r| !r.cancelled).cloned().collect();
            let cancelled = registrations.len() - active.len();
            view! {
                // At the top, as NHS.UK places it: the form is below everyone registered.
                <ErrorSummary status />
                <span class="nhsuk-caption-l">{event.when()}</span>
                <h1 class="nhsuk-heading-l">{format!("Registrations: {}", event.title)}</h1>
                <p class="nhsuk-body">{format!("{} of {} taken; {cancelled} cancelled.", event.places_taken, crate::text::count(event.capacity, "place", "places"))}</p>
                {if active.is_empty() { view! { <p class="nhsuk-body">"Nobody has registered yet."</p> }.into_any() } else { view! {
                    <table class="nhsuk-table">
                        <caption class="nhsuk-u-visually-hidden">"People registered"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Name"</th>
                            <th scope="col" class="nhsuk-table__header">"Email"</th>
                            <th scope="col" class="nhsuk-table__header">"Access needs"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {active.into_iter().map(|r| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell">{r.name}</td>
                                    <td class="nhsuk-table__cell">{r.email.unwrap_or_else(|| "None given".into())}</td>
                                    <td class="nhsuk-table__cell continuum-preserve-lines">{if r.access_needs.is_empty() { "None given".into() } else { r.access_needs }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any() }}
                <h2 class="nhsuk-heading-m">"Record that it was held"</h2>
                {move || saved().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Recorded in the ledger as an Information activity."</p></div> })}
                <p class="nhsuk-body">{if event.held { "It is in the ledger. Recording again corrects the numbers." } else { "After the event, say how many came. It goes into the ledger as an Information activity." }}</p>
                <ActionForm attr:novalidate=true action=held>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="event_id" value=event.id.clone() />
                    <div class="continuum-counts">
                        <TextInput name="patients" label="Patients" input_type="number" status width="nhsuk-input--width-4" />
                        <TextInput name="carers" label="Carers" input_type="number" status width="nhsuk-input--width-4" />
                        <TextInput name="staff" label="Staff" input_type="number" status width="nhsuk-input--width-4" />
                        <TextInput name="others" label="Others" input_type="number" status width="nhsuk-input--width-4" />
                    </div>
                    <SubmitButton label="Record in the ledger" secondary=true />
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

/// Uploading a leaflet is a plain multipart form, with or without JavaScript; errors come back the same way
/// as every other form's.
#[component]
pub fn UploadLeafletPage() -> impl IntoView {
    let status = FormStatus::of_post(UploadLeaflet::PATH);
    let services = Resource::new(|| (), |_| staffed_services());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Upload a leaflet" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/information">"Information"</a></p>
        <h1 class="nhsuk-heading-l">"Upload a leaflet"</h1>
        <ErrorSummary status />
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| view! {
            <form method="post" action="/api/upload_leaflet" enctype="multipart/form-data" novalidate>
                <crate::ui::SubmissionToken status />
                <Select name="service_id" label="Service" status options=ServiceSummary::options(&services) placeholder="Choose a service" />
                <TextInput name="title" label="Title" status />
                <TextInput name="summary" label="Summary (optional)" status />
                <crate::ui::FileInput name="file" label="The leaflet" status />
                <SubmitButton label="Publish leaflet" />
            </form>
        }} />
        </crate::ui::StaffOnly>
    }
}
