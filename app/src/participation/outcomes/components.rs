//! "You said, we did" pages: the public board (`/you-said-we-did`, `/you-said-we-did/<service-slug>`: light
//! pages, phone-first, no script), staff's list with the form for a new item
//! (`/participation/you-said-we-did`) and an item's page with its chain back to its source
//! (`/participation/you-said-we-did/<id>`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{get_board, get_outcome, get_outcomes, outcome_path, AddOutcome, ApproveQuote, SaveOutcome};
use super::types::{Board, BoardItem, OutcomeId, OutcomePage, OutcomeStatus, OutcomesPage};
use crate::ui::{Choice, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, Textarea};

/// One published item, as the board shows it.
#[component]
fn BoardEntry(item: BoardItem, show_service: bool) -> impl IntoView {
    let tag = match item.status {
        OutcomeStatus::Done => "nhsuk-tag nhsuk-tag--green",
        OutcomeStatus::UnderWay => "nhsuk-tag nhsuk-tag--blue",
        OutcomeStatus::CouldNot => "nhsuk-tag nhsuk-tag--grey",
    };
    view! {
        <li class="nhsuk-card continuum-said-did">
            <div class="nhsuk-card__content">
                {show_service.then(|| view! { <p class="nhsuk-body-s continuum-meta">{item.service_name.clone()}</p> })}
                <h2 class="nhsuk-heading-s">"You said"</h2>
                <p class="nhsuk-body continuum-preserve-lines">{item.you_said.clone()}</p>
                <p class="nhsuk-body-s continuum-meta">{item.source_line.clone()}</p>
                {item.quote.clone().map(|quote| view! { <blockquote class="nhsuk-inset-text"><p class="continuum-preserve-lines">{format!("\u{201c}{quote}\u{201d}")}</p></blockquote> })}
                <h2 class="nhsuk-heading-s">"We did"</h2>
                <p class="nhsuk-body continuum-preserve-lines">{item.we_did.clone()}</p>
                {(!item.reason.is_empty()).then(|| view! { <p class="nhsuk-body continuum-preserve-lines">{format!("Why we could not: {}", item.reason)}</p> })}
                <p class="nhsuk-body-s"><strong class=tag>{item.status.label()}</strong>{format!(" {}", item.when)}</p>
            </div>
        </li>
    }
}

/// The public board, of every service or of the one named in the address.
#[component]
pub fn BoardView() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.with(|p| p.get("slug").unwrap_or_default()), get_board);
    view! {
        <Loaded resource=data render={move |board: Board| {
            let heading = match &board.service {
                Some(s) => format!("You said, we did: {}", s.name),
                None => "You said, we did".to_owned(),
            };
            let poster = board.service.as_ref().map(|s| format!("/posters/you-said-we-did/{}", s.slug));
            let show_service = board.service.is_none();
            view! {
                <Title text=heading.clone() />
                <h1 class="nhsuk-heading-l">{heading}</h1>
                <p class="nhsuk-body-l">"What patients and carers told us, and what we changed because of it."</p>
                {if board.items.is_empty() {
                    view! { <p class="nhsuk-body">"Nothing has been published here yet. Tell us what you think: we share what we change because of it."</p> }.into_any()
                } else {
                    view! { <ul class="nhsuk-list continuum-said-did-list">{board.items.into_iter().map(|item| view! { <BoardEntry item show_service /> }).collect_view()}</ul> }.into_any()
                }}
                {(board.service.is_none() && board.services.len() > 1).then(|| view! {
                    <h2 class="nhsuk-heading-m">"By service"</h2>
                    <ul class="nhsuk-list">{board.services.iter().map(|s| view! { <li><a href=format!("/you-said-we-did/{}", s.slug)>{s.name.clone()}</a></li> }).collect_view()}</ul>
                })}
                {board.service.is_some().then(|| view! { <p class="nhsuk-body"><a href="/you-said-we-did">"Every service's board"</a></p> })}
                {poster.map(|href| view! { <p class="nhsuk-body continuum-no-print"><a href=href>"Print this board's poster (A4, with a QR code)"</a></p> })}
                <p class="nhsuk-body"><a href="/get-involved">"Get involved in how the service is run"</a></p>
            }
        }} />
    }
}

/// Staff's list of their services' items, with the form for a new one.
#[component]
pub fn OutcomesView() -> impl IntoView {
    let add = ServerAction::<AddOutcome>::new();
    let status = FormStatus::of(add);
    let data = Resource::new(move || add.version().get(), |_| get_outcomes());
    view! {
        <Title text="You said, we did" />
        <h1 class="nhsuk-heading-l">"You said, we did"</h1>
        <p class="nhsuk-body">"Link what patients told us to the agenda item, decision or action that took it up. When it is done, write what changed in plain words and publish it on the public board."</p>
        <ErrorSummary status id="outcome-errors" />
        <Loaded resource=data render={move |page: OutcomesPage| view! {
            {(!page.boards.is_empty()).then(|| view! {
                <p class="nhsuk-body">"Public boards: "{page.boards.iter().map(|b| view! { <a href=format!("/you-said-we-did/{}", b.slug)>{b.name.clone()}</a>" " }).collect_view()}</p>
            })}
            {if page.items.is_empty() {
                view! { <p class="nhsuk-body">"No items yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="nhsuk-list nhsuk-list--border">{page.items.iter().map(|i| view! {
                        <li>
                            <a href=outcome_path(&i.id)>{i.you_said.clone()}</a><br />
                            <span class="nhsuk-body-s continuum-meta">{format!("{} · {} · {}", i.service_name, i.status.label(), if i.published { "On the board" } else { "Not published" })}</span>
                        </li>
                    }).collect_view()}</ul>
                }.into_any()
            }}
            <h2 class="nhsuk-heading-m">"Add an item"</h2>
            <ActionForm attr:novalidate=true action=add>
                <crate::ui::SubmissionToken status=status />
                <Select name="source" label="What patients said" status=status options=page.sources.clone() placeholder="Choose a theme, focus group or agenda item" hint="A comment theme, a focus group, or an agenda item raised by a patient or carer member" />
                <Select name="link" label="What took it up" status=status options=page.links.clone() placeholder="Choose an agenda item, decision or action" hint="Confidential items are not listed: they never reach the board" />
                <Textarea name="you_said" label="You said (in plain words, never a respondent's own words)" status=status rows=3 />
                <SubmitButton label="Add item" />
            </ActionForm>
        }} />
    }
}

/// An item's page for staff: the chain back to its source, what we did, the quote and publishing.
#[component]
pub fn OutcomeView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveOutcome>::new();
    let approve = ServerAction::<ApproveQuote>::new();
    let status = FormStatus::of(save);
    let approve_status = FormStatus::of(approve);
    let data = Resource::new(
        move || {
            (
                OutcomeId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                save.version().get(),
                approve.version().get(),
            )
        },
        |(id, _, _)| get_outcome(id),
    );
    view! {
        <Title text="You said, we did: an item" />
        <Loaded resource=data render={move |page: OutcomePage| {
            let id = page.id.to_string();
            let approve_id = id.clone();
            let (quote_approved, may_approve) = (page.quote_approved, page.may_approve_quote);
            let quote_block = (!page.quote.is_empty()).then(move || view! {
                <h2 class="nhsuk-heading-m">"The quote"</h2>
                <p class="nhsuk-body">{if quote_approved { "Approved: it is shown on the board." } else { "Waiting for a manager's approval: it is not shown on the board." }}</p>
                {(may_approve && !quote_approved).then(move || view! {
                    <ActionForm attr:novalidate=true action=approve>
                        <crate::ui::SubmissionToken status=approve_status />
                        <input type="hidden" name="outcome_id" value=approve_id />
                        <SubmitButton label="Approve the quote" secondary=true />
                    </ActionForm>
                })}
            });
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=super::server::OUTCOMES_PATH>"You said, we did"</a></p>
                <span class="nhsuk-caption-l">{page.service_name.clone()}</span>
                <h1 class="nhsuk-heading-l">"You said, we did"</h1>
                <ErrorSummary status id="save-errors" />
                <ErrorSummary status=approve_status id="approve-errors" />
                {move || (query.with(|q| q.get("saved").is_some()) || matches!(save.value().get(), Some(Ok(_))))
                    .then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The item has been saved."</p></div> })}
                <p class="nhsuk-body-l continuum-preserve-lines">{page.you_said.clone()}</p>
                <p class="nhsuk-body">{match &page.published_on {
                    Some(day) => format!("On the public board since {day}."),
                    None => "Not on the public board.".to_owned(),
                }}" "<a href=page.board_path.clone()>"The service's board"</a></p>
                <h2 class="nhsuk-heading-m">"The chain back to what patients said"</h2>
                <ol class="nhsuk-list nhsuk-list--number continuum-chain">
                    {page.chain.iter().map(|c| view! {
                        <li>
                            <strong>{c.step.clone()}</strong>": "
                            {match c.href.clone() {
                                Some(href) => view! { <a href=href>{c.text.clone()}</a> }.into_any(),
                                None => view! { <span class="continuum-preserve-lines">{c.text.clone()}</span> }.into_any(),
                            }}
                            {(!c.detail.is_empty()).then(|| view! { <br /><span class="nhsuk-body-s continuum-meta">{c.detail.clone()}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
                <h2 class="nhsuk-heading-m">"What we did"</h2>
                <ActionForm attr:novalidate=true action=save>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="outcome_id" value=id.clone() />
                    <Radios
                        name="status"
                        legend="Where it is"
                        status=status
                        choices=OutcomeStatus::ALL.iter().map(|s| Choice { value: s.as_str().to_owned(), label: s.label().to_owned(), hint: None }).collect()
                        value=page.status.as_str().to_owned()
                    />
                    <Textarea name="we_did" label="We did (what changed, in plain words)" status=status rows=4 value=page.we_did.clone() />
                    <Textarea name="reason" label="If we could not, why" status=status rows=2 value=page.reason.clone() />
                    <Textarea name="quote" label="An anonymised quote (optional)" hint="Shown on the board only after a manager of the service approves it. Changing it needs a new approval." status=status rows=2 value=page.quote.clone() />
                    <Radios
                        name="publish"
                        legend="On the public board"
                        status=status
                        choices=vec![
                            Choice { value: "yes".into(), label: "Publish it".into(), hint: None },
                            Choice { value: "no".into(), label: "Not yet".into(), hint: None },
                        ]
                        value=if page.published_on.is_some() { "yes" } else { "no" }
                    />
                    <SubmitButton label="Save" />
                </ActionForm>
                {quote_block}
            }
        }} />
    }
}
