//! "My actions" (`/participation/my-actions`), an action's page (`/participation/actions/<id>`) and the matters
//! arising shown on a meeting's page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{get_action, get_matters_arising, get_my_actions, ChooseParticipationMail, UpdateAction};
use super::types::{ActionId, ActionPage, ActionStatus, ActionSummary, MyActions};
use crate::participation::minutes::components::action_line;
use crate::participation::types::MeetingId;
use crate::ui::{Choice, ErrorSummary, FormStatus, Loaded, Radios, SubmitButton, Textarea};

#[component]
pub fn MyActionsView() -> impl IntoView {
    let query = use_query_map();
    let choose = ServerAction::<ChooseParticipationMail>::new();
    let status = FormStatus::of(choose);
    let data = Resource::new(move || choose.version().get(), |_| get_my_actions());
    view! {
        <Title text="My actions" />
        <h1 class="nhsuk-heading-l">"My actions"</h1>
        <ErrorSummary status id="mail-errors" />
        {move || (query.with(|q| q.get("mail").is_some()) || matches!(choose.value().get(), Some(Ok(_))))
            .then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Your choice has been saved."</p></div> })}
        <Loaded resource=data render={move |page: MyActions| {
            let overdue = page.actions.iter().filter(|a| a.overdue).count() as i64;
            view! {
                {if page.actions.is_empty() {
                    view! { <p class="nhsuk-body">"You have no actions from any group."</p> }.into_any()
                } else {
                    view! {
                        {(overdue > 0).then(|| view! {
                            <div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Overdue"</span></h2>
                            <p>{format!("{} past {} due date.", crate::text::count(overdue, "action is", "actions are"), if overdue == 1 { "its" } else { "their" })}</p></div>
                        })}
                        <ul class="nhsuk-list nhsuk-list--border">
                            {page.actions.iter().map(|a| view! { <li>{action_line(a)}<br /><span class="nhsuk-body-s continuum-meta">{format!("{}, meeting on {}", a.group_name, crate::dates::readable_day(&a.meeting_day))}</span></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h2 class="nhsuk-heading-m">"How we mail you"</h2>
                <ActionForm attr:novalidate=true action=choose>
                    <crate::ui::SubmissionToken status=status />
                    <Radios
                        name="mail"
                        legend="Mail about your groups' actions and meetings"
                        status=status
                        choices=vec![
                            Choice { value: "single".into(), label: "A mail each time (reminders about your actions)".into(), hint: None },
                            Choice { value: "weekly".into(), label: "One summary a week instead".into(), hint: Some("Your actions due, your meetings in the next two weeks and papers sent, once a week".into()) },
                        ]
                        value=if page.weekly_digest { "weekly" } else { "single" }
                    />
                    <SubmitButton label="Save choice" secondary=true />
                </ActionForm>
            }
        }} />
    }
}

#[component]
pub fn ActionView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let update = ServerAction::<UpdateAction>::new();
    let status = FormStatus::of(update);
    let data = Resource::new(
        move || (ActionId::from(params.with(|p| p.get("id")).unwrap_or_default()), update.version().get()),
        |(id, _)| get_action(id),
    );
    view! {
        <Title text="Action" />
        <Loaded resource=data render={move |page: ActionPage| {
            let a = page.action.clone();
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=crate::participation::minutes::server::minutes_path(&a.meeting_id)>"The meeting's minutes"</a></p>
                <span class="nhsuk-caption-l">{a.group_name.clone()}</span>
                <h1 class="nhsuk-heading-l">"Action"</h1>
                <ErrorSummary status id="update-errors" />
                {move || (query.with(|q| q.get("updated").is_some()) || matches!(update.value().get(), Some(Ok(_))))
                    .then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The action has been updated."</p></div> })}
                <p class="nhsuk-body-l continuum-preserve-lines">{a.description.clone()}</p>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Owner"</dt><dd class="nhsuk-summary-list__value">{a.owner_name.clone()}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Due"</dt><dd class="nhsuk-summary-list__value">{crate::dates::readable_day(&a.due_on)}{a.overdue.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--red">"Overdue"</strong> })}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Status"</dt><dd class="nhsuk-summary-list__value">{a.status.label()}{(a.status == ActionStatus::Dropped).then(|| format!(": {}", a.dropped_reason))}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"From"</dt><dd class="nhsuk-summary-list__value">{format!("{} meeting on {}, \"{}\"", a.group_name, crate::dates::readable_day(&a.meeting_day), a.item_title)}</dd></div>
                </dl>
                <h2 class="nhsuk-heading-m">"Updates"</h2>
                {if page.updates.is_empty() {
                    view! { <p class="nhsuk-body">"No updates yet."</p> }.into_any()
                } else {
                    view! { <ul class="nhsuk-list nhsuk-list--border">{page.updates.iter().map(|u| view! { <li><span class="nhsuk-body-s continuum-meta">{format!("{}, {}", u.made_by_name, u.made_at)}</span><br /><span class="continuum-preserve-lines">{u.body.clone()}</span></li> }).collect_view()}</ul> }.into_any()
                }}
                {page.may_update.then(|| { let id = a.id.to_string(); let current = a.status.as_str().to_owned(); view! {
                    <h2 class="nhsuk-heading-m">"Add an update"</h2>
                    <ActionForm attr:novalidate=true action=update>
                        <crate::ui::SubmissionToken status=status />
                        <input type="hidden" name="action_id" value=id />
                        <Textarea name="update" label="Update (optional if you change the status)" status=status rows=3 />
                        <Radios
                            name="status"
                            legend="The action is"
                            status=status
                            choices=ActionStatus::ALL.iter().map(|s| Choice { value: s.as_str().to_owned(), label: s.label().to_owned(), hint: None }).collect()
                            value=current
                        />
                        <Textarea name="reason" label="If it was dropped, why" status=status rows=2 />
                        <SubmitButton label="Save update" />
                    </ActionForm>
                }})}
            }
        }} />
    }
}

/// Matters arising on a meeting's page: the open actions of the group's earlier meetings.
#[component]
pub fn MattersArising(meeting_id: MeetingId) -> impl IntoView {
    let data = Resource::new(move || meeting_id.clone(), get_matters_arising);
    view! {
        <Loaded resource=data render={move |actions: Vec<ActionSummary>| view! {
            <h2 class="nhsuk-heading-m" id="matters-arising">"Matters arising"</h2>
            {if actions.is_empty() {
                view! { <p class="nhsuk-body">"No open actions from earlier meetings."</p> }.into_any()
            } else {
                view! {
                    <p class="nhsuk-body">"Actions from earlier meetings, carried forward until they are done or dropped."</p>
                    <ul class="nhsuk-list nhsuk-list--border">{actions.iter().map(|a| view! { <li>{action_line(a)}</li> }).collect_view()}</ul>
                }.into_any()
            }}
        }} />
    }
}
