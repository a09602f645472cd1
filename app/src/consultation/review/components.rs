//! The review queue (flagged responses first, with a same-day target, then comments not yet read), a response
//! with its safeguarding review and theme tags, the service settings (themes, duty inbox) and focus groups.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::consultation::forms::components::ConsultationNav;
use crate::{
    accounts::types::ServiceSummary,
    consultation::{
        review::server::{
            get_consultation_settings, get_feedback_response, get_flagged_record, get_review_queue, AddTheme,
            MarkResponseRead, RecordFlagReview, RecordReview, SetDutyInbox, TagComment,
        },
        types::{ResponseView, ReviewOutcome, ReviewQueue, Theme},
    },
    dates::readable_day,
    safeguarding::review::{FlagView, FlaggedRecord},
    ui::{Choice, ErrorSummary, FormStatus, Loaded, Radios, SubmitButton, TextInput, Textarea},
};

/// One response in a list: its form, date and channel, and the first words of its comments.
#[component]
fn ResponseCard(response: ResponseView, today: String) -> impl IntoView {
    let due = response.flag.as_ref().map(|f| due_words(&f.flagged_on, &today));
    let concerns = response.flag.as_ref().map(|f| f.concerns.join(", "));
    let comment =
        response.answers.iter().filter(|a| a.is_free_text).map(|a| a.answer.clone()).collect::<Vec<_>>().join(" · ");
    let preview: String = comment.chars().take(160).collect();
    let preview = if comment.chars().count() > 160 { format!("{preview}…") } else { preview };
    let class = if response.flag.is_some() { "nhsuk-card continuum-card--flagged" } else { "nhsuk-card" };
    view! {
        <div class=class>
            <div class="nhsuk-card__content">
                {due.map(|due| view! { <strong class="nhsuk-tag nhsuk-tag--red">{due}</strong> })}
                <h3 class="nhsuk-card__heading nhsuk-heading-s">
                    <a href=format!("/consultation/responses/{}", response.id)>{format!("{} – {}", response.form_title, readable_day(&response.submitted_on))}</a>
                </h3>
                {concerns.map(|c| view! { <p class="nhsuk-body-s"><strong>"Possible: "</strong>{c}</p> })}
                <p class="nhsuk-body-s continuum-meta">{response.channel.label()}</p>
                <p class="nhsuk-body-s continuum-written">{preview}</p>
            </div>
        </div>
    }
}

/// "Review today", or how overdue a flag raised on `flagged_on` is.
fn due_words(flagged_on: &str, today: &str) -> String {
    if flagged_on < today {
        format!("Overdue: flagged {}", readable_day(flagged_on))
    } else {
        "Review today".to_owned()
    }
}

/// The address of a flag's page on the queue, for a record other than a feedback response.
fn flag_href(record: &FlaggedRecord) -> String {
    format!("/consultation/review/flags/{}/{}", record.source.kind.as_str(), record.source.id)
}

/// A flag on a record other than a feedback response, in the queue: what it is, the first words, its page.
#[component]
fn FlaggedRecordCard(record: FlaggedRecord, today: String) -> impl IntoView {
    let due = due_words(&record.flag.flagged_on, &today);
    let href = flag_href(&record);
    let heading = record.text.as_ref().map(|t| t.what.clone()).unwrap_or_else(|| record.source.kind.label().to_owned());
    let words = record.text.as_ref().map(|t| t.text.clone()).unwrap_or_default();
    let preview: String = words.chars().take(160).collect();
    let preview = if words.chars().count() > 160 { format!("{preview}…") } else { preview };
    view! {
        <div class="nhsuk-card continuum-card--flagged">
            <div class="nhsuk-card__content">
                <strong class="nhsuk-tag nhsuk-tag--red">{due}</strong>
                <h3 class="nhsuk-card__heading nhsuk-heading-s"><a href=href>{heading}</a></h3>
                <p class="nhsuk-body-s"><strong>"Possible: "</strong>{record.flag.concerns.join(", ")}</p>
                <p class="nhsuk-body-s continuum-meta">{record.source.kind.label()}</p>
                <p class="nhsuk-body-s continuum-written">{preview}</p>
            </div>
        </div>
    }
}

/// The screener's finding and, once recorded, its review: the warning callout on a flagged record's page.
#[component]
fn FlagCallout(flag: FlagView) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout">
            <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Flagged for safeguarding review"</span></h2>
            <p>{format!("Possible: {}. Flagged on {}.", flag.concerns.join(", "), readable_day(&flag.flagged_on))}</p>
            <p>"What the screener noticed (it reads words, not people: use your judgement):"</p>
            <ul class="nhsuk-list nhsuk-list--bullet">{flag.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            {flag.outcome.map(|o| view! {
                <p><strong>{format!("Reviewed: {}", o.label())}</strong>{flag.reviewed_by.map(|by| format!(" by {by}"))}</p>
                <p class="continuum-written">{flag.note.clone()}</p>
            })}
        </div>
    }
}

/// The outcomes a reviewer chooses from.
fn outcome_choices() -> Vec<Choice> {
    ReviewOutcome::ALL
        .iter()
        .map(|o| Choice { value: o.as_str().into(), label: o.label().into(), hint: None })
        .collect()
}

/// A flag on a record other than a feedback response (minutes, an action, a volunteer application…): the
/// words, where they were written, and the review form.
#[component]
pub fn FlaggedRecordPage() -> impl IntoView {
    let params = use_params_map();
    let review = ServerAction::<RecordFlagReview>::new();
    crate::ui::form::reload_on_success(review, |_| "/consultation/review?reviewed=1".to_owned());
    let record = Resource::new(
        move || params.with(|p| (p.get("kind").unwrap_or_default(), p.get("id").unwrap_or_default())),
        |(kind, id)| get_flagged_record(kind, id),
    );
    let status = FormStatus::of(review);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Flagged for review" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/consultation/review">"Review queue"</a></p>
        <ErrorSummary status=status id="review-errors" />
        <Loaded resource=record render={move |record: FlaggedRecord| {
            let needs_review = record.flag.outcome.is_none();
            let (kind, id) = (record.source.kind.as_str().to_owned(), record.source.id.clone());
            view! {
                <span class="nhsuk-caption-l">{record.source.kind.label()}</span>
                <h1 class="nhsuk-heading-l">{record.text.as_ref().map(|t| t.what.clone()).unwrap_or_else(|| "Flagged words".to_owned())}</h1>
                <FlagCallout flag=record.flag.clone() />
                {match record.text.clone() {
                    Some(text) => view! {
                        <h2 class="nhsuk-heading-m">"The words"</h2>
                        <p class="nhsuk-body continuum-written">{text.text}</p>
                        <p class="nhsuk-body"><a href=text.href>"Open the page they were written on"</a></p>
                    }.into_any(),
                    None => view! { <p class="nhsuk-body">"The words have been deleted since they were flagged. Record the review to close the flag."</p> }.into_any(),
                }}
                {needs_review.then(|| view! {
                    <h2 class="nhsuk-heading-m">"Record the review"</h2>
                    <ActionForm attr:novalidate=true action=review>
                        <crate::ui::SubmissionToken status=status />
                        <input type="hidden" name="kind" value=kind />
                        <input type="hidden" name="id" value=id />
                        <Radios name="outcome" legend="What was done?" status=status choices=outcome_choices() />
                        <Textarea name="note" label="Note" hint="What you did and why, for example who you spoke to." status=status />
                        <SubmitButton label="Record review" />
                    </ActionForm>
                })}
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| get_review_queue());
    let query = use_query_map();
    view! {
        <crate::ui::StaffOnly>
        <Title text="Review queue" />
        <ConsultationNav />
        {move || query.with(|q| q.get("reviewed").is_some()).then(|| view! {
            <div class="nhsuk-inset-text" role="status"><p>"The review has been recorded."</p></div>
        })}
        <h1 class="nhsuk-heading-l">"Review queue"</h1>
        <Loaded resource=queue render={|queue: ReviewQueue| {
            let today = queue.today.clone();
            view! {
                <h2 class="nhsuk-heading-m">{format!("Flagged for safeguarding review ({})", queue.flagged.len() + queue.flagged_elsewhere.len())}</h2>
                <p class="nhsuk-body">"Free text with signs of possible risk: feedback, minutes, actions and volunteer applications. Read each one today, decide what to do, and record it."</p>
                {if queue.flagged.is_empty() && queue.flagged_elsewhere.is_empty() {
                    view! { <p class="nhsuk-body">"Nothing is waiting."</p> }.into_any()
                } else {
                    let (today, today_elsewhere) = (today.clone(), today.clone());
                    view! {
                        {queue.flagged.into_iter().map(move |r| view! { <ResponseCard response=r today=today.clone() /> }).collect_view()}
                        {queue.flagged_elsewhere.into_iter().map(move |r| view! { <FlaggedRecordCard record=r today=today_elsewhere.clone() /> }).collect_view()}
                    }.into_any()
                }}
                <h2 class="nhsuk-heading-m">{format!("Comments to read ({})", queue.unread.len())}</h2>
                {if queue.unread.is_empty() {
                    view! { <p class="nhsuk-body">"All comments have been read."</p> }.into_any()
                } else {
                    queue.unread.into_iter().map(move |r| view! { <ResponseCard response=r today=today.clone() /> }).collect_view().into_any()
                }}
            }.into_any()
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn ResponsePage() -> impl IntoView {
    let params = use_params_map();
    let review = ServerAction::<RecordReview>::new();
    let read = ServerAction::<MarkResponseRead>::new();
    let tag = ServerAction::<TagComment>::new();
    crate::ui::form::reload_on_success(review, |_| "/consultation/review?reviewed=1".to_owned());
    crate::ui::form::reload_on_success(read, |_| "/consultation/review".to_owned());
    let response = Resource::new(
        move || (params.with(|p| p.get("id")).unwrap_or_default(), tag.version().get()),
        |(id, _)| get_feedback_response(id.into()),
    );
    let review_status = FormStatus::of(review);
    let read_status = FormStatus::of(read);
    let tag_status = FormStatus::of(tag);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Feedback response" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/consultation/review">"Review queue"</a></p>
        // Every form's summary at the top, as NHS.UK places it: the review form is below every answer.
        <ErrorSummary status=review_status id="review-errors" />
        <ErrorSummary status=read_status id="read-errors" />
        <ErrorSummary status=tag_status id="tag-errors" />
        <Loaded resource=response render={move |(response, themes): (ResponseView, Vec<Theme>)| {
            let outcomes = outcome_choices();
            let id = response.id.clone();
            let flag = response.flag.clone();
            let needs_review = flag.as_ref().is_some_and(|f| f.outcome.is_none());
            view! {
                <span class="nhsuk-caption-l">{response.form_title.clone()}</span>
                <h1 class="nhsuk-heading-l">{format!("Response of {}", readable_day(&response.submitted_on))}</h1>
                <p class="nhsuk-body continuum-meta">{format!("{} · {}", response.channel.label(), if response.reviewed { "read" } else { "not read yet" })}</p>
                {flag.clone().map(|f| view! { <FlagCallout flag=f /> })}
                <h2 class="nhsuk-heading-m">"Answers"</h2>
                <dl class="nhsuk-summary-list">
                    {response.answers.iter().map(|a| {
                        let tags = themes.clone();
                        let answer = a.clone();
                        let response_id = id.clone();
                        view! {
                            <div class="nhsuk-summary-list__row">
                                <dt class="nhsuk-summary-list__key">{a.prompt.clone()}</dt>
                                <dd class="nhsuk-summary-list__value">
                                    <p class="continuum-written">{a.answer.clone()}</p>
                                    {answer.is_free_text.then(|| view! {
                                        <div class="continuum-themes">
                                            {if tags.is_empty() {
                                                view! { <p class="nhsuk-body-s">"No themes yet: add them under "<a href="/consultation/settings">"themes and duty inbox"</a>"."</p> }.into_any()
                                            } else {
                                                tags.into_iter().map(|t| {
                                                    let on = answer.themes.contains(&t.name);
                                                    let (response_id, question_id) = (response_id.clone(), answer.question_id.clone());
                                                    view! {
                                                        <ActionForm attr:novalidate=true action=tag attr:class="continuum-inline-form">
                                                            <input type="hidden" name="response_id" value=response_id />
                                                            <input type="hidden" name="question_id" value=question_id />
                                                            <input type="hidden" name="theme_id" value=t.id.clone() />
                                                            <input type="hidden" name="on" value=if on { "off" } else { "on" } />
                                                            <button class=if on { "nhsuk-tag continuum-theme continuum-theme--on" } else { "nhsuk-tag nhsuk-tag--white continuum-theme" } type="submit" aria-pressed=if on { "true" } else { "false" }>
                                                                <span class="nhsuk-u-visually-hidden">"Theme: "</span>{t.name.clone()}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                }).collect_view().into_any()
                                            }}
                                        </div>
                                    })}
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
                {if needs_review {
                    view! {
                        <h2 class="nhsuk-heading-m">"Record the review"</h2>
                        <ActionForm attr:novalidate=true action=review>
                            <crate::ui::SubmissionToken status=review_status />
                            <input type="hidden" name="response_id" value=id.clone() />
                            <Radios name="outcome" legend="What was done?" status=review_status choices=outcomes />
                            <Textarea name="note" label="Note" hint="What you did and why, for example who you spoke to." status=review_status />
                            <SubmitButton label="Record review" />
                        </ActionForm>
                    }.into_any()
                } else if !response.reviewed {
                    view! {
                        <ActionForm attr:novalidate=true action=read>
                            <crate::ui::SubmissionToken status=read_status />
                            <input type="hidden" name="response_id" value=id.clone() />
                            <SubmitButton label="Mark as read" secondary=true />
                        </ActionForm>
                    }.into_any()
                } else {
                    ().into_any()
                }}
            }
        }} />
        </crate::ui::StaffOnly>
    }
}

#[component]
pub fn ConsultationSettingsPage() -> impl IntoView {
    let add = ServerAction::<AddTheme>::new();
    let inbox = ServerAction::<SetDutyInbox>::new();
    let settings = Resource::new(move || (add.version().get(), inbox.version().get()), |_| get_consultation_settings());
    let add_status = FormStatus::of(add);
    let inbox_status = FormStatus::of(inbox);
    view! {
        <crate::ui::StaffOnly>
        <Title text="Themes and duty inbox" />
        <ConsultationNav />
        <h1 class="nhsuk-heading-l">"Themes and duty inbox"</h1>
        <ErrorSummary status=add_status id="theme-errors" />
        <ErrorSummary status=inbox_status id="inbox-errors" />
        <Loaded resource=settings render={move |settings: Vec<(ServiceSummary, Option<String>, Vec<Theme>)>| {
            settings.into_iter().map(|(service, duty_inbox, themes)| {
                let theme_field = format!("theme-{}", service.id);
                let inbox_field = format!("inbox-{}", service.id);
                let (inbox_service, theme_service) = (service.id.clone(), service.id.clone());
                view! {
                    <h2 class="nhsuk-heading-m">{service.name.clone()}</h2>
                    <h3 class="nhsuk-heading-s">"Duty inbox"</h3>
                    <p class="nhsuk-body">"When free text in a response is flagged, this inbox gets an email with a link (never the text itself). Without one, the service's managers get it."</p>
                    <ActionForm attr:novalidate=true action=inbox>
                        <crate::ui::SubmissionToken status=inbox_status />
                        <input type="hidden" name="service_id" value=inbox_service />
                        <TextInput name=inbox_field posts_as="duty_inbox" label="Duty inbox email address" input_type="email" status=inbox_status value=duty_inbox.unwrap_or_default() />
                        <SubmitButton label="Save duty inbox" secondary=true />
                    </ActionForm>
                    <h3 class="nhsuk-heading-s">"Themes"</h3>
                    {if themes.is_empty() {
                        view! { <p class="nhsuk-body">"No themes yet."</p> }.into_any()
                    } else {
                        view! { <ul class="nhsuk-list nhsuk-list--bullet">{themes.into_iter().map(|t| view! { <li>{t.name}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    <ActionForm attr:novalidate=true action=add>
                        <crate::ui::SubmissionToken status=add_status />
                        <input type="hidden" name="service_id" value=theme_service />
                        <TextInput name=theme_field posts_as="name" label="New theme" hint="For example, waiting times, or feeling listened to" status=add_status />
                        <SubmitButton label="Add theme" secondary=true />
                    </ActionForm>
                }
            }).collect_view()
        }} />
        </crate::ui::StaffOnly>
    }
}
