//! The volunteer's own page, `/volunteering`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::server::{my_volunteering, ComeBack, PauseMyself};
use super::{MyHours, MyRole};
use crate::inclusion::checks::components::{checks_table, supervision_list};
use crate::inclusion::types::AppointmentStatus;
use crate::ui::{ErrorSummary, FormStatus, Loaded, SubmitButton, TextInput};

#[component]
pub fn MyVolunteeringPage() -> impl IntoView {
    let query = use_query_map();
    let pause = ServerAction::<PauseMyself>::new();
    let back = ServerAction::<ComeBack>::new();
    let (pause_status, back_status) = (FormStatus::of(pause), FormStatus::of(back));
    let roles = Resource::new(move || pause.version().get() + back.version().get(), |_| my_volunteering());
    let said = move || {
        if query.with(|q| q.get("paused").is_some()) || matches!(pause.value().get(), Some(Ok(()))) {
            Some("Your break has started. Come back whenever you are ready: your role is kept for you.")
        } else {
            match query.with(|q| q.get("came_back")).as_deref() {
                Some("back") => Some("Welcome back. Your role is active again."),
                Some("checks") => Some("Welcome back. A check your role needs has run out, so your role starts again once it is renewed. The coordinator will help you with it."),
                Some("waiting") => Some("Welcome back. Your role now needs a check you have not done yet, so it starts again once that is done. The coordinator will help you with it."),
                _ => matches!(back.value().get(), Some(Ok(()))).then_some("Welcome back."),
            }
        }
    };
    view! {
        <Title text="Your volunteering" />
        <h1 class="nhsuk-heading-l">"Your volunteering"</h1>
        <ErrorSummary status=pause_status id="pause-errors" />
        <ErrorSummary status=back_status id="back-errors" />
        {move || said().map(|words| view! { <div class="nhsuk-inset-text" role="status"><p>{words}</p></div> })}
        <Loaded resource=roles render={move |roles: Vec<MyRole>| {
            if roles.is_empty() {
                return view! {
                    <p class="nhsuk-body">"You have no volunteer roles yet."</p>
                    <p class="nhsuk-body"><a href="/volunteer">"See the roles open now"</a></p>
                }.into_any();
            }
            roles.into_iter().map(|r| {
                let id = r.id.to_string();
                let status = if r.status_reason.is_empty() { r.status.label().to_owned() } else { format!("{} ({})", r.status.label(), r.status_reason) };
                view! {
                    <section class="nhsuk-card">
                        <div class="nhsuk-card__content">
                            <span class="nhsuk-caption-m">{r.service_name.clone()}</span>
                            <h2 class="nhsuk-card__heading nhsuk-heading-m">{r.role_title.clone()}</h2>
                            <dl class="nhsuk-summary-list">
                                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Status"</dt><dd class="nhsuk-summary-list__value">{status}</dd></div>
                                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Started"</dt><dd class="nhsuk-summary-list__value">{crate::dates::readable_day(&r.starts_on)}</dd></div>
                                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Supervisor"</dt><dd class="nhsuk-summary-list__value">{r.supervisor.clone().unwrap_or_else(|| "Not named yet".to_owned())}</dd></div>
                            </dl>
                            {checks_table(r.checks.clone())}
                            <h3 class="nhsuk-heading-s">"Supervision"</h3>
                            {supervision_list(r.supervision.clone())}
                            {hours_part(&r.hours)}
                            {match r.status {
                                AppointmentStatus::Active => { let id = id.clone(); view! {
                                    <h3 class="nhsuk-heading-s">"I need a break"</h3>
                                    <p class="nhsuk-body">"Taking a break is always fine. Your role is kept, and you can come back here whenever you are ready, without applying again."</p>
                                    <ActionForm attr:novalidate=true action=pause>
                                        <crate::ui::SubmissionToken status=pause_status />
                                        <input type="hidden" name="appointment_id" value=id />
                                        <TextInput name="reason" label="Anything you would like the coordinator to know (optional)" status=pause_status />
                                        <SubmitButton label="Start my break" secondary=true />
                                    </ActionForm>
                                }.into_any() }
                                AppointmentStatus::Paused if r.paused_by_self => { let id = id.clone(); view! {
                                    <ActionForm attr:novalidate=true action=back>
                                        <crate::ui::SubmissionToken status=back_status />
                                        <input type="hidden" name="appointment_id" value=id />
                                        <SubmitButton label="Come back" />
                                    </ActionForm>
                                }.into_any() }
                                AppointmentStatus::Paused => view! {
                                    <p class="nhsuk-body">"Your role is paused until the checks it needs are in date. The coordinator will help you renew them."</p>
                                }.into_any(),
                                AppointmentStatus::Ended => ().into_any(),
                            }}
                        </div>
                    </section>
                }
            }).collect_view().into_any()
        }} />
    }
}

/// A role's hours on the volunteer's own page: approved totals this month and this year, what waits, the
/// newest entries with their state (a query shows the supervisor's question), and where to log more.
fn hours_part(hours: &MyHours) -> impl IntoView {
    use crate::inclusion::hours::types::{hours_words, HoursStatus};
    let state = |e: &crate::inclusion::hours::types::HoursEntry| match e.status {
        HoursStatus::Queried => format!("Queried: {}", e.query_note),
        other => other.label().to_owned(),
    };
    view! {
        <h3 class="nhsuk-heading-s">"Hours"</h3>
        <p class="nhsuk-body">{format!(
            "Approved this month: {}. Approved this year: {}.{}",
            hours_words(hours.approved_this_month),
            hours_words(hours.approved_this_year),
            if hours.waiting > 0 { format!(" Waiting or queried: {}.", hours_words(hours.waiting)) } else { String::new() },
        )}</p>
        {if hours.recent.is_empty() {
            view! { <p class="nhsuk-body">"No hours logged yet."</p> }.into_any()
        } else { view! {
            <table class="nhsuk-table-responsive">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s">"Your recent hours"</caption>
                <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                    <th scope="col" class="nhsuk-table__header">"Date"</th>
                    <th scope="col" class="nhsuk-table__header">"Hours"</th>
                    <th scope="col" class="nhsuk-table__header">"What you did"</th>
                    <th scope="col" class="nhsuk-table__header">"State"</th>
                </tr></thead>
                <tbody class="nhsuk-table__body">
                    {hours.recent.iter().map(|e| view! {
                        <tr class="nhsuk-table__row">
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span><a href=format!("/inclusion/hours/{}", e.id)>{crate::dates::readable_day(&e.worked_on)}</a></td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Hours "</span>{hours_words(e.quarter_hours)}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"What you did "</span>{e.what.clone()}</td>
                            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"State "</span>{state(e)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }.into_any() }}
        <p class="nhsuk-body"><a href="/inclusion/hours">"Log hours"</a></p>
    }
}
