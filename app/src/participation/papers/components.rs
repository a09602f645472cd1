//! The papers part of a meeting's page: the calendar file, the papers the reader may open (each with its
//! easy-read version), whether they went out in time, and for staff "Send the papers" and the two upload forms
//! (plain multipart forms, with or without JavaScript, as leaflets' is).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

use super::server::{RecordPapersPosted, SendPapers, UploadEasyRead, UploadPaper};
use super::{readable_size, PapersPanel};
use crate::participation::types::MeetingPage;
use crate::ui::{ErrorSummary, FileInput, FormStatus, Select, SubmitButton, TextInput};

/// The error summaries of the papers forms, for the top of the meeting page (after a mistake the summary is on
/// the first screen).
#[component]
pub fn PapersErrors(send: ServerAction<SendPapers>) -> impl IntoView {
    view! {
        <ErrorSummary status=FormStatus::of_post(UploadPaper::PATH) id="paper-errors" />
        <ErrorSummary status=FormStatus::of_post(UploadEasyRead::PATH) id="easy-read-errors" />
        <ErrorSummary status=FormStatus::of(send) id="send-errors" />
        <ErrorSummary status=FormStatus::of_post(RecordPapersPosted::PATH) id="posted-errors" />
    }
}

/// The papers section of a meeting's page.
#[component]
pub fn MeetingPapers(page: MeetingPage, send: ServerAction<SendPapers>) -> impl IntoView {
    let query = use_query_map();
    let PapersPanel { papers, sending, ics_href, to_post } = page.papers.clone();
    let meeting_id = page.meeting.id.to_string();
    let late = sending.timing.late();
    let sent_message = move || match send.value().get() {
        Some(Ok(n)) => Some(format!("The papers have been sent to {}.", crate::text::count(n, "member", "members"))),
        _ => query.with(|q| q.get("sent").is_some()).then(|| "The papers have been sent.".to_owned()),
    };
    let paper_added = move || query.with(|q| q.get("paper").is_some());
    view! {
        <h2 class="nhsuk-heading-m" id="papers">"Papers"</h2>
        <p class="nhsuk-body"><a href=ics_href download="meeting.ics">"Add this meeting to your calendar (.ics file)"</a></p>
        {move || paper_added().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The paper has been added."</p></div> })}
        {move || sent_message().map(|m| view! { <div class="nhsuk-inset-text" role="status"><p>{m}</p></div> })}
        {if late {
            view! { <div class="nhsuk-warning-callout"><h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Papers late"</span></h3><p id="papers-timing">{sending.sentence.clone()}</p></div> }.into_any()
        } else {
            view! { <p class="nhsuk-body" id="papers-timing">{sending.sentence.clone()}</p> }.into_any()
        }}
        {if papers.is_empty() { view! { <p class="nhsuk-body">"No papers yet."</p> }.into_any() } else { view! {
            <ul class="nhsuk-list continuum-papers">
                {papers.iter().map(|p| view! {
                    <li>
                        <span class="nhsuk-body-s continuum-meta">{format!("Item {}: {}", p.item_position, p.item_title)}</span>
                        {p.confidential.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--orange">"Confidential"</strong> })}
                        {p.added_late.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--red">"Added late"</strong> })}
                        <br />
                        <a href=p.href()>{p.title.clone()}<span class="nhsuk-u-visually-hidden">" (paper)"</span></a>
                        {format!(" (PDF, {})", readable_size(p.size_bytes))}
                        {p.easy_read_href().map(|href| view! {
                            " · "<a href=href>"Easy read"<span class="nhsuk-u-visually-hidden">{format!(" version of {}", p.title)}</span></a>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        }.into_any() }}
        // Papers by post: listed once the papers are sent, for staff and the secretary to record each posting.
        {(page.may_record && !to_post.is_empty()).then(|| {
            let status = FormStatus::of_post(RecordPapersPosted::PATH);
            let options: Vec<(String, String)> = to_post.iter().map(|l| (l.member_id.to_string(), l.name.clone())).collect();
            let id = meeting_id.clone();
            view! {
                <h3 class="nhsuk-heading-s">"Papers by post"</h3>
                {move || query.with(|q| q.get("posted").is_some()).then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The posting has been recorded."</p></div> })}
                <ul class="nhsuk-list" id="papers-by-post">
                    {to_post.iter().map(|l| view! {
                        <li>
                            {l.name.clone()}{l.observer.then_some(" (an observer: not the confidential papers)")}": "
                            {match &l.posted_on { Some(day) => format!("posted on {day}"), None => "not posted yet".to_owned() }}
                            {l.late.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--red">"Posted late"</strong> })}
                        </li>
                    }).collect_view()}
                </ul>
                <form method="post" action=RecordPapersPosted::PATH novalidate>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="meeting_id" value=id />
                    <Select name="post_member_id" label="Whose papers were posted" status=status options=options placeholder="Choose a member" />
                    <crate::ui::DateInput name="posted_on" legend="Date posted" status=status />
                    <SubmitButton label="Record posting" secondary=true />
                </form>
            }
        })}
        {page.may_manage.then(|| {
            let send_status = FormStatus::of(send);
            let upload_status = FormStatus::of_post(UploadPaper::PATH);
            let easy_status = FormStatus::of_post(UploadEasyRead::PATH);
            let items: Vec<(String, String)> = page.items.iter().map(|i| (i.id.to_string(), format!("{}. {}", i.position, i.title))).collect();
            let paper_options: Vec<(String, String)> = papers.iter().map(|p| (p.id.to_string(), p.title.clone())).collect();
            let (id1, id2, id3) = (meeting_id.clone(), meeting_id.clone(), meeting_id.clone());
            let (label, hint) = match (&sending.sent_at, sending.not_yet_mailed) {
                (None, _) => ("Send the papers".to_owned(), "Every current member with an email address gets a mail with the meeting's details and links to the papers, never the papers themselves. Confidential items are never named in it.".to_owned()),
                (Some(_), n) if n > 0 => (format!("Send again to members who joined since ({n})"), "Only members who have not had the papers yet are mailed.".to_owned()),
                (Some(_), _) => (String::new(), "Every current member with an email address has had the papers.".to_owned()),
            };
            let send_error = move || send_status.message_for("send");
            view! {
                <h3 class="nhsuk-heading-s">"Send the papers"</h3>
                <div id="send" class=move || if send_error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                    <p class="nhsuk-body">{hint}</p>
                    {move || send_error().map(|m| view! { <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span> })}
                    {(!label.is_empty()).then(|| view! {
                        <ActionForm attr:novalidate=true action=send>
                            <crate::ui::SubmissionToken status=send_status />
                            <input type="hidden" name="meeting_id" value=id1 />
                            <SubmitButton label=label />
                        </ActionForm>
                    })}
                </div>
                {(!items.is_empty()).then(|| view! {
                    <h3 class="nhsuk-heading-s">"Add a paper"</h3>
                    <form method="post" action=UploadPaper::PATH enctype="multipart/form-data" novalidate>
                        <crate::ui::SubmissionToken status=upload_status />
                        <input type="hidden" name="meeting_id" value=id2 />
                        <Select name="paper_item_id" label="Agenda item" status=upload_status options=items placeholder="Choose an item" />
                        <TextInput name="paper_title" label="Title of the paper" status=upload_status />
                        <FileInput name="file" label="The paper" status=upload_status />
                        <SubmitButton label="Add paper" secondary=true />
                    </form>
                })}
                {(!paper_options.is_empty()).then(|| view! {
                    <h3 class="nhsuk-heading-s">"Add an easy-read version"</h3>
                    <form method="post" action=UploadEasyRead::PATH enctype="multipart/form-data" novalidate>
                        <crate::ui::SubmissionToken status=easy_status />
                        <input type="hidden" name="meeting_id" value=id3 />
                        <Select name="paper_id" label="Paper" status=easy_status options=paper_options placeholder="Choose a paper" />
                        <FileInput name="easy_read" label="The easy-read version" status=easy_status />
                        <SubmitButton label="Add easy-read version" secondary=true />
                    </form>
                })}
            }
        })}
    }
}
