//! Involvement payments' pages: `/payments` (a person's own offers — accept, accept less or decline, with the
//! benefits advice note first — their weekly limit, and expenses claimed with receipts, kept apart from
//! payments) and `/payments/manage` (for a service's managers: the rate card, settings, how finance pays each
//! person, reviewing offers and claims, the finance CSV and marking paid).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn as _;

use super::server::{
    get_manage_payments, get_my_payments, AnswerPaymentOffer, ClaimExpense, MarkPaymentsPaid, ReviewPaymentItem,
    SavePaymentDetails, SavePaymentRate, SavePaymentSettings, SetWeeklyCap, WithdrawExpenseClaim,
};
use super::types::{
    pounds, Claim, ExpenseKind, ManagePayments, ManagedService, MyPayments, Offer, OfferStatus, PaidThrough, RateBasis,
    Review,
};
use crate::{
    ledger::types::ActivityKind,
    ui::{Choice, DateInput, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput},
};

fn choices(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<Choice> {
    pairs.into_iter().map(|(value, label)| Choice { value, label, hint: None }).collect()
}

fn done(message: &'static str) -> impl IntoView {
    view! { <div class="nhsuk-inset-text" role="status"><p>{message}</p></div> }
}

fn review_words(review: Review, note: &str, paid: bool) -> String {
    match (paid, review) {
        (true, _) => "Paid".to_owned(),
        (false, Review::Pending) => "Waiting for a manager to check it".to_owned(),
        (false, Review::Approved) => "Approved, to be paid".to_owned(),
        (false, Review::Queried) => format!("Queried: {note}"),
    }
}

/// The benefits advice contact: a link when it is a web address, the words otherwise.
fn advice(contact: &str) -> impl IntoView {
    if contact.starts_with("https://") || contact.starts_with("http://") {
        view! { <a href=contact.to_owned()>"Benefits advice for this service"</a> }.into_any()
    } else if contact.is_empty() {
        view! { <span>"Ask the service's staff who to talk to about benefits."</span> }.into_any()
    } else {
        view! { <span>{format!("Benefits advice: {contact}")}</span> }.into_any()
    }
}

/// A status narrowed to one row's form: a refusal shows only on the row whose id it kept.
fn for_row(status: FormStatus, field: &str, id: &str) -> FormStatus {
    match status.kept(field) {
        Some(kept) if kept != id => status.quiet(),
        _ => status,
    }
}

// ---- a person's own ------------------------------------------------------------------------------------

#[component]
fn OfferCard(offer: Offer, answer: ServerAction<AnswerPaymentOffer>) -> impl IntoView {
    let id = offer.id.to_string();
    let status = for_row(FormStatus::of(answer), "offer_id", &id);
    let heading = format!("{} on {}", offer.title, crate::dates::readable_day(&offer.happened_on));
    // What an hourly offer paid for ("1 h 45 min at £20.00 an hour"); nothing for a per-session one.
    let paid_for = offer.hours_paid();
    let body = match offer.status {
        OfferStatus::Offered => {
            let (a, d) = (id.clone(), id.clone());
            let amount_name = format!("amount-{id}");
            view! {
                <p class="nhsuk-body">{format!("{} offers you {} for taking part{}.", offer.service_name, pounds(offer.offered_pence), paid_for.clone().map(|h| format!(": {h}")).unwrap_or_default())}</p>
                {offer.repriced_from_pence.map(|was| view! {
                    <p class="nhsuk-body">{format!("The offer was {} before the activity's recorded length changed.", pounds(was))}</p>
                })}
                {offer.passes_cap.map(|(cap, already)| view! {
                    <div class="nhsuk-warning-callout">
                        <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Over your weekly limit"</span></h3>
                        <p>{format!("You set a weekly limit of {}. You have accepted {} that week already, so accepting {} would take you over it. You can accept less, or decline.", pounds(cap), pounds(already), pounds(offer.offered_pence))}</p>
                    </div>
                })}
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>"Being paid for involvement can affect some benefits. Before you accept, you may want to talk to a benefits adviser. You can accept less than the offer, or decline it: either is fine, and you can still take part."</p>
                    <p>{advice(&offer.advice_contact)}</p>
                </div>
                <ActionForm attr:novalidate=true action=answer>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="offer_id" value=a />
                    <input type="hidden" name="choice" value="accept" />
                    <TextInput name=amount_name posts_as="amount" label="The amount you accept"
                        hint=format!("In pounds and pence. The offer is {}; you may accept less.", pounds(offer.offered_pence))
                        value=super::types::amount(offer.offered_pence) status=status width="nhsuk-input--width-5" />
                    <SubmitButton label="Accept this amount" />
                </ActionForm>
                <ActionForm attr:novalidate=true action=answer>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="offer_id" value=d />
                    <input type="hidden" name="choice" value="decline" />
                    <SubmitButton label="Decline the payment" secondary=true />
                </ActionForm>
            }
            .into_any()
        }
        OfferStatus::Accepted => view! {
            <p class="nhsuk-body">{format!("You accepted {} (offered {}{}). {}.", pounds(offer.accepted_pence.unwrap_or(0)), pounds(offer.offered_pence), paid_for.clone().map(|h| format!(": {h}")).unwrap_or_default(), review_words(offer.review, &offer.review_note, offer.paid))}</p>
        }
        .into_any(),
        OfferStatus::Declined => view! { <p class="nhsuk-body">{format!("You declined {}{}.", pounds(offer.offered_pence), paid_for.clone().map(|h| format!(" ({h})")).unwrap_or_default())}</p> }.into_any(),
    };
    view! {
        <div class="nhsuk-card"><div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading nhsuk-heading-s">{heading}</h3>
            {body}
        </div></div>
    }
}

fn claims_table(claims: Vec<Claim>, with_names: bool) -> impl IntoView {
    if claims.is_empty() {
        return view! { <p class="nhsuk-body">"No expenses claimed."</p> }.into_any();
    }
    view! {
        <table class="nhsuk-table-responsive">
            <caption class="nhsuk-table__caption">"Expenses (receipted, not income)"</caption>
            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                {with_names.then(|| view! { <th scope="col" class="nhsuk-table__header">"Who"</th> })}
                <th scope="col" class="nhsuk-table__header">"Date"</th>
                <th scope="col" class="nhsuk-table__header">"What for"</th>
                <th scope="col" class="nhsuk-table__header">"Amount"</th>
                <th scope="col" class="nhsuk-table__header">"Receipt"</th>
                <th scope="col" class="nhsuk-table__header">"Where it is"</th>
            </tr></thead>
            <tbody class="nhsuk-table__body">
                {claims.into_iter().map(|c| view! {
                    <tr class="nhsuk-table__row">
                        {with_names.then(|| view! { <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Who "</span>{c.person_name.clone()}</td> })}
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>{crate::dates::readable_day(&c.incurred_on)}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"What for "</span>{format!("{}: {}", c.kind.label(), c.description)}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Amount "</span>{pounds(c.amount_pence)}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Receipt "</span>{match c.receipt_href.clone() {
                            Some(href) => view! { <a href=href>"View the receipt"</a> }.into_any(),
                            None => view! { <span>"None"</span> }.into_any(),
                        }}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Where it is "</span>{review_words(c.review, &c.review_note, c.paid)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// What the claimant may do with a claim no manager has approved yet: correct it (the claim form below,
/// filled with it: `?correct=<id>`, an id, never typed words) or withdraw it, ticking a box to confirm.
#[component]
fn ClaimChanges(claim: Claim, withdraw: ServerAction<WithdrawExpenseClaim>) -> impl IntoView {
    let id = claim.id.to_string();
    let status = for_row(FormStatus::of(withdraw), "claim_id", &id);
    let field = format!("withdraw-{id}");
    let error = {
        let field = field.clone();
        move || status.message_for(&field)
    };
    let field_id = status.id_for(&field);
    let error_id = format!("{field_id}-error");
    let what = format!(
        "{} on {}, {}",
        claim.kind.label(),
        crate::dates::readable_day(&claim.incurred_on),
        pounds(claim.amount_pence)
    );
    let heading = if claim.review == Review::Queried {
        format!("{what}: queried — correct it and send it again")
    } else {
        what
    };
    view! {
        <div class="nhsuk-card"><div class="nhsuk-card__content">
            <h4 class="nhsuk-card__heading nhsuk-heading-xs">{heading}</h4>
            <p class="nhsuk-body"><a href=format!("/payments?correct={id}#claim-form")>"Correct this claim"</a></p>
            <ActionForm attr:novalidate=true action=withdraw>
                <crate::ui::SubmissionToken status=status />
                <input type="hidden" name="claim_id" value=id.clone() />
                <div class={ let error = error.clone(); move || if error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" } }>
                    {
                        let (error, error_id) = (error.clone(), error_id.clone());
                        move || error().map(|m| view! { <span class="nhsuk-error-message" id=error_id.clone()><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span> })
                    }
                    <div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item">
                        <input class="nhsuk-checkboxes__input" id=field_id.clone() name="withdraw" type="checkbox" value="yes"
                            aria-describedby={ let error = error.clone(); move || error().is_some().then(|| error_id.clone()) } />
                        <label class="nhsuk-label nhsuk-checkboxes__label" for=field_id.clone()>"I want to withdraw this claim"</label>
                    </div></div>
                </div>
                <SubmitButton label="Withdraw the claim" secondary=true />
            </ActionForm>
        </div></div>
    }
}

/// A file input for a receipt: PDF, JPEG or PNG.
#[component]
fn ReceiptInput(status: FormStatus) -> impl IntoView {
    let error = move || status.message_for("receipt");
    let id = status.id_for("receipt");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <div class=move || if error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <label class="nhsuk-label" for=id.clone()>"The receipt"</label>
            <div class="nhsuk-hint" id=hint_id>"A PDF, JPEG or PNG file smaller than 5 MB. Not needed for mileage."</div>
            {move || error().map(|m| view! { <span class="nhsuk-error-message" id=error_id.clone()><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span> })}
            <input class="nhsuk-file-upload" id=id name="receipt" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                aria-describedby=described />
        </div>
    }
}

#[component]
pub fn PaymentsPage() -> impl IntoView {
    let query = use_query_map();
    let answer = ServerAction::<AnswerPaymentOffer>::new();
    let cap = ServerAction::<SetWeeklyCap>::new();
    let withdraw = ServerAction::<WithdrawExpenseClaim>::new();
    let (answer_status, cap_status, claim_status, withdraw_status) = (
        FormStatus::of(answer),
        FormStatus::of(cap),
        FormStatus::of_post(ClaimExpense::PATH),
        FormStatus::of(withdraw),
    );
    let data = Resource::new(
        move || answer.version().get() + cap.version().get() + withdraw.version().get(),
        |_| get_my_payments(),
    );
    let flag = move |key: &'static str| query.with(|q| q.get(key).is_some());
    view! {
        <Title text="Your involvement payments" />
        <h1 class="nhsuk-heading-l">"Your involvement payments"</h1>
        <ErrorSummary status=answer_status id="offer-errors" />
        <ErrorSummary status=cap_status id="cap-errors" />
        <ErrorSummary status=claim_status id="claim-errors" />
        <ErrorSummary status=withdraw_status id="withdraw-errors" />
        {move || flag("answered").then(|| done("Your answer has been saved."))}
        {move || flag("cap").then(|| done("Your weekly limit has been saved."))}
        {move || flag("claimed").then(|| done("Your expense claim has been sent to the service."))}
        {move || flag("corrected").then(|| done("Your corrected claim has been sent to the service."))}
        {move || flag("withdrawn").then(|| done("Your expense claim has been withdrawn."))}
        <Loaded resource=data render={move |my: MyPayments| {
            let services: Vec<(String, String)> = my.services.iter().map(|(s, _)| (s.id.to_string(), s.name.clone())).collect();
            let kinds: Vec<ExpenseKind> = ExpenseKind::ALL.into_iter().filter(|k| my.services.iter().any(|(_, ks)| ks.contains(k))).collect();
            let kind_choices = choices(kinds.iter().map(|k| (k.as_str().to_owned(), k.label().to_owned())));
            let accepted: i64 = my.offers.iter().filter(|o| o.status == OfferStatus::Accepted).filter_map(|o| o.accepted_pence).sum();
            let expenses: i64 = my.claims.iter().map(|c| c.amount_pence).sum();
            view! {
                <p class="nhsuk-body">"Only you and your service's managers see this page's details. Payments for your time are income; expenses you claim with a receipt are not, and are kept apart."</p>
                <h2 class="nhsuk-heading-m">"Payments for your time"</h2>
                <p class="nhsuk-body">{format!("Accepted so far: {}.", pounds(accepted))}</p>
                {if my.offers.is_empty() {
                    view! { <p class="nhsuk-body">"You have no offers yet. When you take part in a paid activity, an offer appears here."</p> }.into_any()
                } else {
                    my.offers.clone().into_iter().map(|o| view! { <OfferCard offer=o answer=answer /> }).collect_view().into_any()
                }}
                <h2 class="nhsuk-heading-m">"Your weekly limit"</h2>
                <p class="nhsuk-body">{match my.weekly_cap_pence {
                    Some(c) => format!("Your limit is {} a week (Monday to Sunday). Offers that would pass it say so before you accept.", pounds(c)),
                    None => "You have not set a limit. Some benefits allow only so much paid involvement a week: you can set a limit, and offers that would pass it will say so.".to_owned(),
                }}</p>
                <ActionForm attr:novalidate=true action=cap>
                    <crate::ui::SubmissionToken status=cap_status />
                    <TextInput name="weekly_cap" label="Most paid involvement in one week" hint="In pounds, like 20.00. Leave it empty for no limit." status=cap_status width="nhsuk-input--width-5"
                        value=my.weekly_cap_pence.map(super::types::amount).unwrap_or_default() />
                    <SubmitButton label="Save my limit" secondary=true />
                </ActionForm>
                <h2 class="nhsuk-heading-m">"Expenses"</h2>
                <p class="nhsuk-body">{format!("Claimed so far: {}. Receipted expenses are paid back to you and are not income.", pounds(expenses))}</p>
                {claims_table(my.claims.clone(), false)}
                {
                    let open: Vec<Claim> = my.claims.iter().filter(|c| c.may_change()).cloned().collect();
                    (!open.is_empty()).then(|| view! {
                        <h3 class="nhsuk-heading-s">"Claims you can still change"</h3>
                        <p class="nhsuk-body">"Until the service approves a claim you can correct it or withdraw it. A queried claim can be corrected and sent again."</p>
                        {open.into_iter().map(|c| view! { <ClaimChanges claim=c withdraw=withdraw /> }).collect_view()}
                    })
                }
                {
                    // Correcting a claim: the one claim form, filled with it (after a refused correction, the
                    // claim it was for is kept with what was typed).
                    let chosen = claim_status
                        .kept("claim_id")
                        .filter(|id| !id.is_empty())
                        .or_else(|| query.with_untracked(|q| q.get("correct")));
                    let correcting: Option<Claim> =
                        chosen.and_then(|id| my.claims.iter().find(|c| c.id.as_str() == id && c.may_change()).cloned());
                    let (heading, button) = if correcting.is_some() {
                        ("Correct your claim", "Send the corrected claim")
                    } else {
                        ("Claim an expense", "Send the claim")
                    };
                    let c = correcting.clone();
                    let receipt_note = c.as_ref().filter(|c| c.receipt_href.is_some()).map(|_| {
                        view! { <p class="nhsuk-body">"Your receipt is kept unless you choose a new one."</p> }
                    });
                    (!services.is_empty()).then(|| view! {
                        <h3 class="nhsuk-heading-s">{heading}</h3>
                        <form id="claim-form" method="post" action=ClaimExpense::PATH enctype="multipart/form-data" novalidate>
                            <crate::ui::SubmissionToken status=claim_status />
                            {c.as_ref().map(|c| view! { <input type="hidden" name="claim_id" value=c.id.to_string() /> })}
                            <Select name="service_id" label="Service" status=claim_status options=services.clone() value=c.as_ref().map(|c| c.service_id.to_string()).unwrap_or_default() />
                            <Radios name="kind" legend="What was it for?" status=claim_status choices=kind_choices.clone() value=c.as_ref().map(|c| c.kind.as_str().to_owned()).unwrap_or_default() />
                            <DateInput name="incurred_on" legend="Date of the expense" status=claim_status value=c.as_ref().map(|c| c.incurred_on.clone()).unwrap_or_default() />
                            <TextInput name="description" label="What it was" hint="For example: bus to the steering group meeting" status=claim_status value=c.as_ref().map(|c| c.description.clone()).unwrap_or_default() />
                            <TextInput name="amount" label="Amount" hint="In pounds and pence, like 4.80. For mileage, give the miles instead." status=claim_status width="nhsuk-input--width-5"
                                value=c.as_ref().filter(|c| c.kind != ExpenseKind::Mileage).map(|c| super::types::amount(c.amount_pence)).unwrap_or_default() />
                            <TextInput name="miles" label="Miles driven (mileage only)" status=claim_status width="nhsuk-input--width-4"
                                value=c.as_ref().filter(|c| c.kind == ExpenseKind::Mileage).map(|c| c.miles.to_string()).unwrap_or_default() />
                            {receipt_note}
                            <ReceiptInput status=claim_status />
                            <SubmitButton label=button />
                        </form>
                    })
                }
            }
        }} />
    }
}

// ---- managers --------------------------------------------------------------------------------------------

#[component]
fn ReviewForms(item: &'static str, id: String, review: ServerAction<ReviewPaymentItem>) -> impl IntoView {
    let status = for_row(FormStatus::of(review), "item_id", &id);
    let note = format!("note-{id}");
    let (a, q) = (id.clone(), id);
    view! {
        <ActionForm attr:novalidate=true action=review>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="item" value=item />
            <input type="hidden" name="item_id" value=q />
            <input type="hidden" name="decision" value="query" />
            <TextInput name=note posts_as="note" label="To query it: what do you need to ask?" status=status />
            <SubmitButton label="Query" secondary=true />
        </ActionForm>
        <ActionForm attr:novalidate=true action=review>
            <crate::ui::SubmissionToken status=status />
            <input type="hidden" name="item" value=item />
            <input type="hidden" name="item_id" value=a />
            <input type="hidden" name="decision" value="approve" />
            <SubmitButton label="Approve" />
        </ActionForm>
    }
}

#[component]
fn ManagedServiceView(
    m: ManagedService,
    review: ServerAction<ReviewPaymentItem>,
    paid: ServerAction<MarkPaymentsPaid>,
) -> impl IntoView {
    let paid_status = FormStatus::of(paid);
    let (payments, expenses, latest) = m.to_pay.clone();
    let export = format!("/payments/export/{}?through={}", m.service.id, latest.clone().unwrap_or_default());
    let service_id = m.service.id.to_string();
    let settings = m.settings.clone();
    let to_review: Vec<Offer> =
        m.offers.iter().filter(|o| o.status == OfferStatus::Accepted && !o.paid).cloned().collect();
    let claims_to_review: Vec<Claim> = m.claims.iter().filter(|c| !c.paid).cloned().collect();
    view! {
        <h2 class="nhsuk-heading-m">{m.service.name.clone()}</h2>
        <h3 class="nhsuk-heading-s">"Rate card"</h3>
        {if m.rates.is_empty() {
            view! { <p class="nhsuk-body">"No rates yet: every activity is expenses only."</p> }.into_any()
        } else {
            view! { <ul class="nhsuk-list">{m.rates.iter().map(|r| {
                let kind = r.activity_kind.parse::<ActivityKind>().map(|k| k.label()).unwrap_or("Other");
                let words = match r.basis {
                    RateBasis::Hour if r.hours == 0 => format!("{} an hour for the activity's recorded length", pounds(r.amount_pence)),
                    RateBasis::Hour => format!("{} an hour for the activity's recorded length, or {} ({}) when it has none", pounds(r.amount_pence), crate::text::count(r.hours, "hour", "hours"), pounds(r.per_activity())),
                    RateBasis::Session => format!("{} a session", pounds(r.amount_pence)),
                    RateBasis::ExpensesOnly => "Expenses only".to_owned(),
                };
                view! { <li>{format!("{kind}: {words}")}</li> }
            }).collect_view()}</ul> }.into_any()
        }}
        <p class="nhsuk-body">{format!(
            "Benefits advice: {}. Mileage: {}. Also paid by receipt: {}.",
            if settings.advice_contact.is_empty() { "not set".to_owned() } else { settings.advice_contact.clone() },
            settings.mileage_pence.map_or_else(|| "not paid".to_owned(), |p| format!("{} a mile", pounds(p))),
            [(settings.public_transport, "public transport"), (settings.parking, "parking"), (settings.care_cover, "childcare or carer cover")]
                .iter().filter(|(on, _)| *on).map(|(_, w)| *w).collect::<Vec<_>>().join(", "),
        )}</p>
        <h3 class="nhsuk-heading-s">"Accepted offers to check"</h3>
        {if to_review.is_empty() {
            view! { <p class="nhsuk-body">"None."</p> }.into_any()
        } else {
            to_review.into_iter().map(|o| view! {
                <div class="nhsuk-card"><div class="nhsuk-card__content">
                    <p class="nhsuk-body">{format!("{}: {} on {}, accepted {} (offered {}{}). {}.", o.person_name, o.title, crate::dates::readable_day(&o.happened_on), pounds(o.accepted_pence.unwrap_or(0)), pounds(o.offered_pence), o.hours_paid().map(|h| format!(": {h}")).unwrap_or_default(), review_words(o.review, &o.review_note, o.paid))}</p>
                    {(o.review != Review::Approved).then(|| view! { <ReviewForms item="offer" id=o.id.to_string() review=review /> })}
                </div></div>
            }).collect_view().into_any()
        }}
        <h3 class="nhsuk-heading-s">"Expense claims to check"</h3>
        {claims_table(claims_to_review.clone(), true)}
        {claims_to_review.into_iter().map(|c| view! {
            <div class="nhsuk-card"><div class="nhsuk-card__content">
                <p class="nhsuk-body">{format!("{}: {} {} ({}). {}.", c.person_name, c.kind.label(), pounds(c.amount_pence), c.description, review_words(c.review, &c.review_note, c.paid))}</p>
                {(c.review != Review::Approved).then(|| view! { <ReviewForms item="claim" id=c.id.to_string() review=review /> })}
            </div></div>
        }).collect_view()}
        <h3 class="nhsuk-heading-s">"For finance"</h3>
        <p class="nhsuk-body">{format!("Approved and not yet paid: payments {}, expenses {}.", pounds(payments), pounds(expenses))}</p>
        {(!m.missing_references.is_empty()).then(|| view! {
            <div class="nhsuk-warning-callout">
                <h4 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"No payment reference"</span></h4>
                <p>{format!("Finance cannot pay these people from the file until their payment reference is recorded: {}.", m.missing_references.join(", "))}</p>
            </div>
        })}
        {latest.map(|through| view! {
            <p class="nhsuk-body"><a href=export download="">"Download the approved items for finance (CSV)"</a></p>
            <ActionForm attr:novalidate=true action=paid>
                <crate::ui::SubmissionToken status=paid_status />
                <input type="hidden" name="service_id" value=service_id />
                <input type="hidden" name="through" value=through />
                <SubmitButton label="Mark these items paid" secondary=true />
            </ActionForm>
        })}
    }
}

#[component]
pub fn ManagePaymentsPage() -> impl IntoView {
    let query = use_query_map();
    let rate = ServerAction::<SavePaymentRate>::new();
    let settings = ServerAction::<SavePaymentSettings>::new();
    let details = ServerAction::<SavePaymentDetails>::new();
    let review = ServerAction::<ReviewPaymentItem>::new();
    let paid = ServerAction::<MarkPaymentsPaid>::new();
    let (rate_status, settings_status, details_status, review_status, paid_status) = (
        FormStatus::of(rate),
        FormStatus::of(settings),
        FormStatus::of(details),
        FormStatus::of(review),
        FormStatus::of(paid),
    );
    let data = Resource::new(
        move || {
            rate.version().get()
                + settings.version().get()
                + details.version().get()
                + review.version().get()
                + paid.version().get()
        },
        |_| get_manage_payments(),
    );
    let flag = move |key: &'static str| query.with(|q| q.get(key).is_some());
    view! {
        <Title text="Involvement payments" />
        <h1 class="nhsuk-heading-l">"Involvement payments"</h1>
        <ErrorSummary status=rate_status id="rate-errors" />
        <ErrorSummary status=settings_status id="settings-errors" />
        <ErrorSummary status=details_status id="details-errors" />
        <ErrorSummary status=review_status id="review-errors" />
        <ErrorSummary status=paid_status id="paid-errors" />
        {move || flag("rate").then(|| done("The rate has been saved."))}
        {move || flag("settings").then(|| done("The settings have been saved."))}
        {move || flag("details").then(|| done("Their payment details have been saved."))}
        {move || flag("reviewed").then(|| done("Your review has been saved."))}
        {move || flag("paid").then(|| done("The items have been marked paid."))}
        <Loaded resource=data render={move |all: ManagePayments| {
            let options: Vec<(String, String)> = all.services.iter().map(|m| (m.service.id.to_string(), m.service.name.clone())).collect();
            let paid_kinds = [ActivityKind::SteeringGroupMeeting, ActivityKind::InterviewPanel, ActivityKind::CoDeliveredSession, ActivityKind::FocusGroup, ActivityKind::VolunteerRole, ActivityKind::Other];
            let kind_options: Vec<(String, String)> = paid_kinds.iter().map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect();
            let basis_choices = choices(RateBasis::ALL.iter().map(|b| (b.as_str().to_owned(), b.label().to_owned())));
            let (options1, options2, options3) = (options.clone(), options.clone(), options);
            let through_choices = choices([PaidThrough::Payroll, PaidThrough::OneOff].iter().map(|p| (p.as_str().to_owned(), p.label().to_owned())));
            view! {
                {all.services.clone().into_iter().map(|m| view! { <ManagedServiceView m=m review=review paid=paid /> }).collect_view()}
                <h2 class="nhsuk-heading-m">"Set a rate"</h2>
                <ActionForm attr:novalidate=true action=rate>
                    <crate::ui::SubmissionToken status=rate_status />
                    <Select name="service_id" label="Service" status=rate_status options=options1.clone() />
                    <Select name="activity_kind" label="Activity" status=rate_status placeholder="Choose an activity"
                        options=kind_options.clone() />
                    <Radios name="basis" legend="How it is paid" status=rate_status choices=basis_choices.clone() />
                    <TextInput name="amount" label="Amount" hint="In pounds and pence, like 25.00. Not needed for expenses only." status=rate_status width="nhsuk-input--width-5" />
                    <TextInput name="hours" label="Hours paid when the activity has no recorded length (hourly rates only)"
                        hint="An hourly rate pays the activity's own length when the ledger records one, to the nearest penny: steering group meetings and co-delivered sessions always have one, so leave this empty for them. For other activities, a whole number from 1 to 12."
                        status=rate_status width="nhsuk-input--width-4" />
                    <SubmitButton label="Save the rate" secondary=true />
                </ActionForm>
                <h2 class="nhsuk-heading-m">"Benefits advice and expenses"</h2>
                <ActionForm attr:novalidate=true action=settings>
                    <crate::ui::SubmissionToken status=settings_status />
                    <Select name="service_id" label="Service" status=settings_status options=options2.clone() />
                    <TextInput name="advice_contact" label="Where people can take benefits advice" hint="A web address, or a name and phone number" status=settings_status />
                    <TextInput name="mileage" label="Mileage paid per mile" hint="In pounds and pence, like 0.45. Leave it empty if mileage is not paid." status=settings_status width="nhsuk-input--width-5" />
                    <Radios name="public_transport" legend="Public transport paid by receipt?" status=settings_status choices=choices([("yes".to_owned(), "Yes".to_owned()), ("no".to_owned(), "No".to_owned())]) />
                    <Radios name="parking" legend="Parking paid by receipt?" status=settings_status choices=choices([("yes".to_owned(), "Yes".to_owned()), ("no".to_owned(), "No".to_owned())]) />
                    <Radios name="care_cover" legend="Childcare or carer cover paid by receipt?" status=settings_status choices=choices([("yes".to_owned(), "Yes".to_owned()), ("no".to_owned(), "No".to_owned())]) />
                    <SubmitButton label="Save the settings" secondary=true />
                </ActionForm>
                <h2 class="nhsuk-heading-m">"How finance pays someone"</h2>
                <p class="nhsuk-body">"Record their payroll or supplier reference. Never record bank details here."</p>
                <ActionForm attr:novalidate=true action=details>
                    <crate::ui::SubmissionToken status=details_status />
                    <Select name="service_id" label="Service" status=details_status options=options3.clone() />
                    <TextInput name="email" label="Email address of their account" input_type="email" status=details_status />
                    <Radios name="paid_through" legend="Paid through" status=details_status choices=through_choices.clone() />
                    <TextInput name="payment_reference" label="Payment reference" status=details_status />
                    <SubmitButton label="Save" secondary=true />
                </ActionForm>
            }
        }} />
    }
}
