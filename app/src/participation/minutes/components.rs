//! The minutes page of a meeting (`/participation/meetings/<id>/minutes`) with the forms of those who record,
//! approve and comment, and the public summary (`/participation/summaries/<id>`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{
    discussion_field, get_minutes, get_public_summary, AmendMinutes, ApproveMinutes, CirculateMinutes,
    CommentOnMinutes, PublishMinutes, RecordDecision, SaveMinutes,
};
use super::types::{Approval, Decision, ItemMinutes, MinutesPage, MinutesStage, PublicSummary};
use crate::participation::actions::server::AddAction;
use crate::participation::actions::types::ActionSummary;
use crate::participation::types::MeetingId;
use crate::ui::{Choice, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, Textarea};

fn decision_line(d: &Decision) -> String {
    match &d.review_on {
        Some(day) => {
            format!("Decision {}: {} (to be reviewed by {})", d.number, d.wording, crate::dates::readable_day(day))
        }
        None => format!("Decision {}: {}", d.number, d.wording),
    }
}

/// An action in a list, with its owner, due date and status (overdue marked), linking to its page.
pub fn action_line(a: &ActionSummary) -> impl IntoView {
    let status = if a.overdue { "Overdue".to_owned() } else { a.status.label().to_owned() };
    let class = match (a.overdue, a.status) {
        (true, _) => "nhsuk-tag nhsuk-tag--red",
        (_, crate::participation::actions::types::ActionStatus::Open) => "nhsuk-tag nhsuk-tag--blue",
        (_, crate::participation::actions::types::ActionStatus::Done) => "nhsuk-tag nhsuk-tag--green",
        _ => "nhsuk-tag nhsuk-tag--grey",
    };
    view! {
        <a href=crate::participation::actions::server::action_path(&a.id)>{a.description.clone()}</a>
        " "<strong class=class>{status}</strong><br />
        <span class="nhsuk-body-s continuum-meta">{format!("{} · due {}", a.owner_name, crate::dates::readable_day(&a.due_on))}</span>
    }
}

fn item_block(m: &ItemMinutes) -> impl IntoView {
    view! {
        <section class="continuum-minutes-item">
            <h3 class="nhsuk-heading-s">
                {format!("{}. {}", m.item.position, m.item.title)}
                {m.item.confidential.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--orange">"Confidential"</strong> })}
            </h3>
            {(!m.item.declarations.is_empty()).then(|| view! {
                <ul class="nhsuk-list nhsuk-body-s">
                    {m.item.declarations.iter().map(|d| view! { <li>{format!("Interest declared by {}: {}", d.member_name, d.interest)}</li> }).collect_view()}
                </ul>
            })}
            {if m.discussion.is_empty() {
                view! { <p class="nhsuk-body continuum-meta">"No minutes written for this item yet."</p> }.into_any()
            } else {
                view! { <div class="nhsuk-body continuum-prose" inner_html=m.discussion_html.clone()></div> }.into_any()
            }}
            {(!m.decisions.is_empty()).then(|| view! {
                <ul class="nhsuk-list">{m.decisions.iter().map(|d| view! { <li><strong>{decision_line(d)}</strong></li> }).collect_view()}</ul>
            })}
            {(!m.actions.is_empty()).then(|| view! {
                <h4 class="nhsuk-heading-xs">"Actions"</h4>
                <ul class="nhsuk-list">{m.actions.iter().map(|a| view! { <li>{action_line(a)}</li> }).collect_view()}</ul>
            })}
            {(!m.amendments.is_empty()).then(|| view! {
                <div class="nhsuk-inset-text">
                    {m.amendments.iter().map(|a| view! {
                        <p class="continuum-preserve-lines">{format!("Amendment by {}, {}: {}", a.made_by_name, a.made_at, a.body)}</p>
                    }).collect_view()}
                </div>
            })}
            {(!m.comments.is_empty()).then(|| view! {
                <h4 class="nhsuk-heading-xs">"Corrections from members present"</h4>
                <ul class="nhsuk-list">
                    {m.comments.iter().map(|c| view! { <li class="continuum-preserve-lines">{format!("{}: {}", c.member_name, c.body)}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

fn saved_message(query: &leptos_router::params::ParamsMap) -> Option<&'static str> {
    [
        ("saved", "The minutes have been saved."),
        ("decision", "The decision has been recorded."),
        ("action", "The action has been given."),
        ("circulated", "The draft has been sent to the members present for their corrections."),
        ("commented", "Your correction has been added."),
        ("approved", "The minutes have been approved. They can no longer be changed, only amended."),
        ("published", "The minutes have been published."),
        ("amended", "The amendment has been recorded."),
    ]
    .into_iter()
    .find(|(key, _)| query.get(key).is_some())
    .map(|(_, words)| words)
}

#[component]
pub fn MinutesView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveMinutes>::new();
    let decide = ServerAction::<RecordDecision>::new();
    let act = ServerAction::<AddAction>::new();
    let circulate = ServerAction::<CirculateMinutes>::new();
    let comment = ServerAction::<CommentOnMinutes>::new();
    let approve = ServerAction::<ApproveMinutes>::new();
    let publish = ServerAction::<PublishMinutes>::new();
    let amend = ServerAction::<AmendMinutes>::new();
    let statuses = (
        FormStatus::of(save),
        FormStatus::of(decide),
        FormStatus::of(act),
        FormStatus::of(circulate),
        FormStatus::of(comment),
        FormStatus::of(approve),
        FormStatus::of(publish),
        FormStatus::of(amend),
    );
    let data = Resource::new(
        move || {
            (
                MeetingId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                save.version().get()
                    + decide.version().get()
                    + act.version().get()
                    + circulate.version().get()
                    + comment.version().get()
                    + approve.version().get()
                    + publish.version().get()
                    + amend.version().get(),
            )
        },
        |(id, _)| get_minutes(id),
    );
    view! {
        <Title text="Minutes" />
        <Loaded resource=data render={move |page: MinutesPage| {
            let (save_status, decide_status, act_status, circulate_status, comment_status, approve_status, publish_status, amend_status) = statuses;
            let meeting_id = page.meeting.id.to_string();
            let item_options: Vec<(String, String)> = page.items.iter().map(|m| (m.item.id.to_string(), m.item.title.clone())).collect();
            let locked = page.stage.locked();
            let message = query.with(saved_message);
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=format!("/participation/meetings/{}", page.meeting.id)>"The meeting"</a></p>
                <span class="nhsuk-caption-l">{page.group.name.clone()}</span>
                <h1 class="nhsuk-heading-l">{format!("Minutes: {}", page.meeting.when())}</h1>
                // After a mistake the form's summary is on the first screen, above the minutes.
                <ErrorSummary status=save_status id="minutes-errors" />
                <ErrorSummary status=decide_status id="decision-errors" />
                <ErrorSummary status=act_status id="action-errors" />
                <ErrorSummary status=circulate_status id="circulate-errors" />
                <ErrorSummary status=comment_status id="comment-errors" />
                <ErrorSummary status=approve_status id="approve-errors" />
                <ErrorSummary status=publish_status id="publish-errors" />
                <ErrorSummary status=amend_status id="amend-errors" />
                {message.map(|m| view! { <div class="nhsuk-inset-text" role="status"><p>{m}</p></div> })}
                <p class="nhsuk-body"><strong class="nhsuk-tag">{page.stage.label()}</strong></p>
                {page.approval.clone().map(|a| view! { <p class="nhsuk-body">{a}</p> })}
                {page.summary_published.then(|| view! {
                    <p class="nhsuk-body"><a href=format!("/participation/summaries/{}", page.meeting.id)>"The public summary"</a>" (items not marked confidential) is published for everyone."</p>
                })}
                <h2 class="nhsuk-heading-m">"Minutes by agenda item"</h2>
                {if page.readable {
                    view! { <div>{page.items.iter().map(item_block).collect_view()}</div> }.into_any()
                } else {
                    view! { <p class="nhsuk-body">"The minutes of this meeting are not published yet."</p> }.into_any()
                }}
                // An observer is shown a confidential item only by that name, and never offered it to correct.
                {(page.may_comment && !item_options.is_empty()).then(|| { let id = meeting_id.clone(); let options: Vec<(String, String)> = item_options.iter().filter(|(_, title)| title != crate::participation::server::CONFIDENTIAL_ITEM).cloned().collect(); view! {
                    <h2 class="nhsuk-heading-m">"Suggest a correction"</h2>
                    <p class="nhsuk-body">"You were at this meeting. If something in the draft is wrong or missing, say so here: one correction for each item."</p>
                    <ActionForm attr:novalidate=true action=comment>
                        <crate::ui::SubmissionToken status=comment_status />
                        <input type="hidden" name="meeting_id" value=id />
                        <Select name="comment_item_id" label="Agenda item" status=comment_status options=options placeholder="Choose an item" />
                        <Textarea name="comment" label="Your correction" status=comment_status rows=4 />
                        <SubmitButton label="Add correction" />
                    </ActionForm>
                }})}
                {(page.may_record && !locked).then(|| { let (id1, id2, id3, id4) = (meeting_id.clone(), meeting_id.clone(), meeting_id.clone(), meeting_id.clone()); let items = page.items.clone(); let owners = page.owners.clone(); let options = item_options.clone(); let options2 = item_options.clone(); let draft = page.stage == MinutesStage::Draft; let held = page.held; let anyone_present = page.anyone_present; let not_held = crate::participation::minutes::server::held_first(&page.meeting, "circulated"); view! {
                    <h2 class="nhsuk-heading-m">"Record the minutes"</h2>
                    <ActionForm attr:novalidate=true action=save>
                        <crate::ui::SubmissionToken status=save_status />
                        <input type="hidden" name="meeting_id" value=id1 />
                        {items.into_iter().map(|m| view! {
                            <Textarea name=discussion_field(&m.item.id) label=format!("{}. {}", m.item.position, m.item.title) hint="What was discussed. Markdown: a blank line between paragraphs, - for a list" status=save_status rows=6 value=m.discussion.clone() />
                        }).collect_view()}
                        <SubmitButton label="Save minutes" />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"Record a decision"</h2>
                    <ActionForm attr:novalidate=true action=decide>
                        <crate::ui::SubmissionToken status=decide_status />
                        <input type="hidden" name="meeting_id" value=id2 />
                        <Select name="decision_item_id" label="Agenda item" status=decide_status options=options placeholder="Choose an item" />
                        <Textarea name="wording" label="The decision" status=decide_status rows=3 />
                        <crate::ui::DateInput name="review_on" legend="Date to review it (optional)" status=decide_status />
                        <SubmitButton label="Record decision" secondary=true />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"Give an action"</h2>
                    <ActionForm attr:novalidate=true action=act>
                        <crate::ui::SubmissionToken status=act_status />
                        <input type="hidden" name="meeting_id" value=id3 />
                        <Select name="action_item_id" label="Agenda item" status=act_status options=options2 placeholder="Choose an item" />
                        <Textarea name="description" label="What is to be done" status=act_status rows=3 />
                        <Select name="owner" label="Who owns it" hint="One person: a member of the group or a member of staff" status=act_status options=owners placeholder="Choose one person" />
                        <crate::ui::DateInput name="due_on" legend="Due date" hint="The same as or after the date of the meeting. For example, 27 3 2026" status=act_status />
                        <SubmitButton label="Give action" secondary=true />
                    </ActionForm>
                    {draft.then(|| view! {
                        <h2 class="nhsuk-heading-m">"Send the draft for corrections"</h2>
                        // Not offered until the meeting is marked held: it would be refused (tester F4).
                        {if held && !anyone_present {
                            view! { <p class="nhsuk-body" id="circulate-closed">{crate::participation::minutes::server::NO_ATTENDANCE_YET}</p> }.into_any()
                        } else if held {
                            view! {
                                <p class="nhsuk-body">"Each member present with an email address gets a link to this page (never the minutes themselves) and may add a correction to each item."</p>
                                <ActionForm attr:novalidate=true action=circulate>
                                    <crate::ui::SubmissionToken status=circulate_status />
                                    <input type="hidden" name="meeting_id" value=id4 />
                                    <SubmitButton label="Send to members present" secondary=true />
                                </ActionForm>
                            }.into_any()
                        } else {
                            view! { <p class="nhsuk-body" id="circulate-closed">{not_held.clone()}</p> }.into_any()
                        }}
                    })}
                }})}
                {(page.may_approve && !locked && !page.held).then(|| view! {
                    <h2 class="nhsuk-heading-m">"Approve the minutes"</h2>
                    <p class="nhsuk-body" id="approve-closed">{crate::participation::minutes::server::held_first(&page.meeting, "approved")}</p>
                })}
                {(page.may_approve && !locked && page.held).then(|| { let id = meeting_id.clone(); view! {
                    <h2 class="nhsuk-heading-m">"Approve the minutes"</h2>
                    <ActionForm attr:novalidate=true action=approve>
                        <crate::ui::SubmissionToken status=approve_status />
                        <input type="hidden" name="meeting_id" value=id />
                        <Radios
                            name="approval"
                            legend="How were they approved?"
                            hint="Once approved, the minutes are never changed: a correction is added as an amendment"
                            status=approve_status
                            choices=Approval::ALL.iter().filter(|a| page.is_chair || **a != Approval::Chair).map(|a| Choice { value: a.as_str().to_owned(), label: a.label().to_owned(), hint: None }).collect()
                        />
                        <SubmitButton label="Approve minutes" secondary=true />
                    </ActionForm>
                }})}
                {(page.may_record && locked).then(|| { let (id1, id2) = (meeting_id.clone(), meeting_id.clone()); let options = item_options.clone(); let published = page.stage == MinutesStage::Published; let summary = page.summary_published; view! {
                    {(!(published && summary)).then(|| view! {
                        <h2 class="nhsuk-heading-m">"Publish"</h2>
                        <ActionForm attr:novalidate=true action=publish>
                            <crate::ui::SubmissionToken status=publish_status />
                            <input type="hidden" name="meeting_id" value=id1 />
                            <Radios
                                name="audience"
                                legend="Publish the minutes to"
                                status=publish_status
                                choices=vec![
                                    Choice { value: "members".into(), label: "The group's members".into(), hint: None },
                                    Choice { value: "public".into(), label: "Everyone, as a public summary".into(), hint: Some("Items marked confidential are left out".into()) },
                                ]
                            />
                            <SubmitButton label="Publish" secondary=true />
                        </ActionForm>
                    })}
                    <h2 class="nhsuk-heading-m">"Add an amendment"</h2>
                    <ActionForm attr:novalidate=true action=amend>
                        <crate::ui::SubmissionToken status=amend_status />
                        <input type="hidden" name="meeting_id" value=id2 />
                        <Select name="amendment_item_id" label="Agenda item" status=amend_status options=options placeholder="Choose an item" />
                        <Textarea name="amendment" label="The amendment" hint="It is shown under the item with your name and the date" status=amend_status rows=3 />
                        <SubmitButton label="Add amendment" secondary=true />
                    </ActionForm>
                }})}
            }
        }} />
    }
}

#[component]
pub fn PublicSummaryView() -> impl IntoView {
    let params = use_params_map();
    let data =
        Resource::new(move || MeetingId::from(params.with(|p| p.get("id")).unwrap_or_default()), get_public_summary);
    view! {
        <Title text="Meeting summary" />
        <Loaded resource=data render={move |s: PublicSummary| view! {
            <span class="nhsuk-caption-l">{format!("{}, {}", s.group_name, s.service_name)}</span>
            <h1 class="nhsuk-heading-l">{format!("Meeting summary: {}", s.when)}</h1>
            <p class="nhsuk-body">"What the group discussed and decided. Items the group kept confidential are not shown."</p>
            {s.items.iter().map(|i| view! {
                <h2 class="nhsuk-heading-m">{i.title.clone()}</h2>
                <div class="nhsuk-body continuum-prose" inner_html=i.discussion_html.clone()></div>
                {(!i.decisions.is_empty()).then(|| view! {
                    <ul class="nhsuk-list">{i.decisions.iter().map(|d| view! { <li><strong>{decision_line(d)}</strong></li> }).collect_view()}</ul>
                })}
                {(!i.amendments.is_empty()).then(|| view! {
                    <div class="nhsuk-inset-text">{i.amendments.iter().map(|a| view! { <p class="continuum-preserve-lines">{format!("Amendment by {}, {}: {}", a.made_by_name, a.made_at, a.body)}</p> }).collect_view()}</div>
                })}
            }).collect_view()}
        }} />
    }
}
