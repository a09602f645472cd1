//! The ledger's pages: the list with its filters, recording an activity, one activity with its history, and
//! changing one.

use crate::ledger::types::ActivityId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::{
    accounts::{server::staffed_services, types::ServiceSummary},
    dates::{readable_day, DateParts},
    ledger::{
        server::{get_activity, list_activities, ActivityDetail, DeleteActivity, RecordActivity, UpdateActivity},
        types::{Activity, ActivityKind, ActivityPage, ContinuumLevel, FEEDBACK_FORM_IS_PAPER_ONLY},
    },
    ui::{
        Choice, DateInput, ErrorPage, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput,
        Textarea,
    },
};

fn level_options() -> Vec<(String, String)> {
    ContinuumLevel::ALL.into_iter().map(|l| (l.as_str().to_owned(), l.label().to_owned())).collect()
}

fn kind_options() -> Vec<(String, String)> {
    ActivityKind::ALL.into_iter().map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect()
}

/// The list's filter choices, as they travel in its address.
const LIST_FILTERS: [&str; 9] =
    ["service_id", "level", "kind", "from_day", "from_month", "from_year", "to_day", "to_month", "to_year"];

/// The query string for a page of the list with the current filters.
fn page_link(query: &[(String, String)], page: i64) -> String {
    let mut parts: Vec<String> = query
        .iter()
        .filter(|(k, v)| k != "page" && k != "deleted" && !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::ui::encode_query_value(v)))
        .collect();
    parts.push(format!("page={page}"));
    format!("/ledger?{}", parts.join("&"))
}

#[component]
pub fn LedgerPage() -> impl IntoView {
    let query = use_query_map();
    let q = move |key: &str| query.with(|q| q.get(key)).unwrap_or_default();
    let period = move || [q("from_day"), q("from_month"), q("from_year"), q("to_day"), q("to_month"), q("to_year")];
    let activities = Resource::new(
        move || (q("service_id"), q("level"), q("kind"), period(), q("page").parse::<i64>().unwrap_or(1)),
        |(service_id, level, kind, [fd, fm, fy, td, tm, ty], page)| {
            list_activities(service_id.into(), level, kind, fd, fm, fy, td, tm, ty, page)
        },
    );
    let services = Resource::new(|| (), |_| staffed_services());
    view! {
        <crate::ui::StaffOnly>
        <Title text="Involvement ledger" />
        {move || (!q("deleted").is_empty()).then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The activity has been deleted."</p></div> })}
        <h1 class="nhsuk-heading-l">"Involvement ledger"</h1>
        <p class="nhsuk-body">"Every way patients and carers have been involved, at each level of the continuum."</p>
        <p><a class="nhsuk-button" href="/ledger/new" role="button" draggable="false">"Record an activity"</a></p>
        <Suspense fallback=|| view! { <p class="nhsuk-body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let services = match services.await {
                    Ok(services) => services,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let (listed, error) = match crate::ui::filtered(activities.await) {
                    Ok(outcome) => outcome,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let status = FormStatus::fixed(error);
                let [fd, fm, fy, td, tm, ty] = period();
                let query_pairs: Vec<(String, String)> = query.with_untracked(|q| {
                    LIST_FILTERS.iter().filter_map(|k| q.get(k).map(|v| ((*k).to_owned(), v))).collect()
                });
                view! {
                    <ErrorSummary status />
                    <form method="get" action="/ledger" class="continuum-filters" novalidate>
                        <h2 class="nhsuk-heading-s">"Filter the ledger"</h2>
                        <Select name="service_id" label="Service" status options=ServiceSummary::options(&services) placeholder="All your services" value=q("service_id") />
                        <Select name="level" label="Continuum level" status options=level_options() placeholder="All levels" value=q("level") />
                        <Select name="kind" label="Kind of activity" status options=kind_options() placeholder="All kinds" value=q("kind") />
                        <DateInput name="from" legend="Start date" status typed=DateParts::new(fd, fm, fy) />
                        <DateInput name="to" legend="End date" status typed=DateParts::new(td, tm, ty) />
                        <SubmitButton label="Filter" secondary=true />
                    </form>
                    {listed.map(|page| view! { <ActivityTable page query_pairs /> })}
                }
                .into_any()
            })}
        </Suspense>
        </crate::ui::StaffOnly>
    }
}

#[component]
fn ActivityTable(page: ActivityPage, query_pairs: Vec<(String, String)>) -> impl IntoView {
    if page.activities.is_empty() {
        return view! { <p class="nhsuk-body">"No activities match. Try fewer filters, or record one."</p> }.into_any();
    }
    let pages = page.pages();
    let current = page.page;
    let shown = format!(
        "Showing {} to {} of {}",
        (current - 1) * page.per_page + 1,
        ((current - 1) * page.per_page + page.activities.len() as i64),
        crate::text::count(page.total, "activity", "activities")
    );
    view! {
        <table role="table" class="nhsuk-table-responsive">
            <caption class="nhsuk-table__caption">{shown}</caption>
            <thead role="rowgroup" class="nhsuk-table__head">
                <tr role="row" class="nhsuk-table__row">
                    <th role="columnheader" scope="col" class="nhsuk-table__header">"Date"</th>
                    <th role="columnheader" scope="col" class="nhsuk-table__header">"Activity"</th>
                    <th role="columnheader" scope="col" class="nhsuk-table__header">"Level"</th>
                    <th role="columnheader" scope="col" class="nhsuk-table__header">"Kind"</th>
                    <th role="columnheader" scope="col" class="nhsuk-table__header">"Service"</th>
                    <th role="columnheader" scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Patients and carers"</th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                {page.activities.into_iter().map(|a| view! {
                    <tr role="row" class="nhsuk-table__row">
                        <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>{readable_day(&a.happened_on)}</td>
                        <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Activity "</span><a href=format!("/ledger/{}", a.id)>{a.title.clone()}</a></td>
                        <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Level "</span>{a.level.label()}</td>
                        <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Kind "</span>{a.kind.label()}</td>
                        <td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Service "</span>{a.service_name.clone()}</td>
                        <td role="cell" class="nhsuk-table__cell nhsuk-table__cell--numeric"><span class="nhsuk-table-responsive__heading">"Patients and carers "</span>{a.participants.involved()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {(pages > 1).then(|| view! {
            <nav class="nhsuk-pagination" role="navigation" aria-label="Pages of the ledger">
                <ul class="nhsuk-list nhsuk-pagination__list">
                    {(current > 1).then(|| view! {
                        <li class="nhsuk-pagination-item--previous">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=page_link(&query_pairs, current - 1)>
                                <span class="nhsuk-pagination__title">"Previous"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{format!("Page {} of {pages}", current - 1)}</span>
                            </a>
                        </li>
                    })}
                    {(current < pages).then(|| view! {
                        <li class="nhsuk-pagination-item--next">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=page_link(&query_pairs, current + 1)>
                                <span class="nhsuk-pagination__title">"Next"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{format!("Page {} of {pages}", current + 1)}</span>
                            </a>
                        </li>
                    })}
                </ul>
            </nav>
        })}
    }
    .into_any()
}

/// The fields of the activity form, filled from `activity` when changing one.
#[component]
fn ActivityFields(status: FormStatus, activity: Option<Activity>) -> impl IntoView {
    let a = activity.as_ref();
    let text = |f: fn(&Activity) -> String| a.map(f).unwrap_or_default();
    let count = |f: fn(&Activity) -> i64| a.map(|a| f(a).to_string()).unwrap_or_default();
    let levels = ContinuumLevel::ALL
        .into_iter()
        .map(|l| Choice {
            value: l.as_str().to_owned(),
            label: l.label().to_owned(),
            hint: Some(l.description().to_owned()),
        })
        .collect();
    view! {
        <TextInput name="title" label="Title" hint="For example, \"Open day at the CAS Day Service\"" status value=text(|a| a.title.clone()) />
        <Select name="kind" label="Kind of activity" hint=FEEDBACK_FORM_IS_PAPER_ONLY status options=kind_options() placeholder="Choose a kind" value=text(|a| a.kind.as_str().to_owned()) />
        <Radios name="level" legend="Continuum level" hint="How far up the continuum of involvement this activity reaches." status choices=levels value=text(|a| a.level.as_str().to_owned()) />
        <DateInput name="happened_on" legend="Date it happened" status value=text(|a| a.happened_on.clone()) />
        <fieldset class="nhsuk-fieldset">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"How many took part"</legend>
            <div class="nhsuk-hint">"Leave a box empty if nobody of that group took part."</div>
            <div class="continuum-counts">
                <TextInput name="patients" label="Patients" input_type="number" status value=count(|a| a.participants.patients) width="nhsuk-input--width-4" />
                <TextInput name="carers" label="Carers" input_type="number" status value=count(|a| a.participants.carers) width="nhsuk-input--width-4" />
                <TextInput name="staff" label="Staff" input_type="number" status value=count(|a| a.participants.staff) width="nhsuk-input--width-4" />
                <TextInput name="others" label="Others" input_type="number" status value=count(|a| a.participants.others) width="nhsuk-input--width-4" />
            </div>
        </fieldset>
        <Textarea name="purpose" label="What it was for" status value=text(|a| a.purpose.clone()) rows=3 />
        <Textarea name="outcome" label="What came of it" hint="The outcome and its impact: what changed because of it." status value=text(|a| a.outcome.clone()) rows=4 />
    }
}

#[component]
pub fn RecordActivityPage() -> impl IntoView {
    let record = ServerAction::<RecordActivity>::new();
    let status = FormStatus::of(record);
    let services = Resource::new(|| (), |_| staffed_services());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = record.value().get() {
            navigate(&format!("/ledger/{id}?saved=1"), Default::default());
        }
    });
    view! {
        <crate::ui::StaffOnly>
        <Title text="Record an activity" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/ledger">"Involvement ledger"</a></p>
        <h1 class="nhsuk-heading-l">"Record an activity"</h1>
        <ErrorSummary status />
        <Loaded resource=services render={move |services: Vec<ServiceSummary>| {
            let only = if services.len() == 1 { services[0].id.to_string() } else { String::new() };
            view! {
                <ActionForm attr:novalidate=true action=record>
                    <crate::ui::SubmissionToken status=status />
                    <Select name="service_id" label="Service" status options=ServiceSummary::options(&services) placeholder="Choose a service" value=only />
                    <ActivityFields status activity=None />
                    <SubmitButton label="Record activity" />
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn ActivityDetailPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let delete = ServerAction::<DeleteActivity>::new();
    let delete_status = FormStatus::of(delete);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            navigate("/ledger?deleted=1", Default::default());
        }
    });
    let detail =
        Resource::new(move || ActivityId::from(params.with(|p| p.get("id")).unwrap_or_default()), get_activity);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Activity" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/ledger">"Involvement ledger"</a></p>
        <ErrorSummary status=delete_status />
        <Loaded resource=detail render={move |ActivityDetail { activity: a, history }| {
            let saved = query.with_untracked(|q| q.get("saved").is_some());
            let p = a.participants;
            let source = a.source.clone().map(|(kind, _)| format!("Recorded automatically from a {}", kind.replace('_', " ")));
            let id = a.id.clone();
            view! {
                {saved.then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The activity has been saved."</p></div> })}
                <span class="nhsuk-caption-l">{format!("{} · {}", a.level.label(), a.service_name)}</span>
                <h1 class="nhsuk-heading-l">{a.title.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    <SummaryRow key="Date" value=readable_day(&a.happened_on) />
                    <SummaryRow key="Continuum level" value=format!("{}: {}", a.level.label(), a.level.description()) />
                    <SummaryRow key="Kind" value=a.kind.label().to_owned() />
                    <SummaryRow key="Who took part" value=format!(
                        "{}, {}, {}, {}",
                        crate::text::count(p.patients, "patient", "patients"),
                        crate::text::count(p.carers, "carer", "carers"),
                        crate::text::count(p.staff, "member of staff", "staff"),
                        crate::text::count(p.others, "other", "others"),
                    ) />
                    <SummaryRow key="What it was for" value=if a.purpose.is_empty() { "Not recorded".to_owned() } else { a.purpose.clone() } />
                    <SummaryRow key="What came of it" value=if a.outcome.is_empty() { "Not recorded yet".to_owned() } else { a.outcome.clone() } />
                    <SummaryRow key="Recorded by" value=source.or(a.recorded_by.clone()).unwrap_or_else(|| "Unknown".to_owned()) />
                </dl>
                <p><a class="nhsuk-button nhsuk-button--secondary" href=format!("/ledger/{}/edit", a.id) role="button" draggable="false">"Change this activity"</a></p>
                <h2 class="nhsuk-heading-m">"History"</h2>
                <ul class="nhsuk-list">
                    {history.into_iter().map(|h| view! {
                        <li>{format!("{} on {} by {}", h.what, readable_day(&h.at), h.who.unwrap_or_else(|| "someone no longer here".into()))}</li>
                    }).collect_view()}
                </ul>
                <h2 class="nhsuk-heading-m">"Delete this activity"</h2>
                <p class="nhsuk-body">"Deleting removes it from the ledger and the continuum profile. The history keeps a copy."</p>
                <ActionForm attr:novalidate=true action=delete>
                    <crate::ui::SubmissionToken status=delete_status />
                    <input type="hidden" name="activity_id" value=id />
                    <button class="nhsuk-button nhsuk-button--warning" type="submit">"Delete activity"</button>
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
fn SummaryRow(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value continuum-preserve-lines">{value}</dd>
        </div>
    }
}

#[component]
pub fn EditActivityPage() -> impl IntoView {
    let params = use_params_map();
    let update = ServerAction::<UpdateActivity>::new();
    let status = FormStatus::of(update);
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let detail = Resource::new(move || ActivityId::from(id()), get_activity);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = update.value().get() {
            navigate(&format!("/ledger/{}?saved=1", id()), Default::default());
        }
    });
    view! {
        <crate::ui::StaffOnly>
        <Title text="Change an activity" />
        <Loaded resource=detail render={move |detail: ActivityDetail| {
            let activity_id = detail.activity.id.clone();
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=format!("/ledger/{activity_id}")>{detail.activity.title.clone()}</a></p>
                <h1 class="nhsuk-heading-l">"Change an activity"</h1>
                <ErrorSummary status />
                <ActionForm attr:novalidate=true action=update>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="activity_id" value=activity_id.clone() />
                    <ActivityFields status activity=Some(detail.activity) />
                    <SubmitButton label="Save changes" />
                </ActionForm>
            }
        }} />
        </crate::ui::StaffOnly>
    }
}
