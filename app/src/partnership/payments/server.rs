//! Involvement payments' server functions and housekeeping.
//!
//! Who may do what: a signed-in person sees and answers only their own offers and claims, and sets their own
//! weekly cap; a service's managers edit its rate card and settings, record how finance pays a person,
//! approve or query its accepted offers and claims, export them for finance and mark them paid. A manager of
//! another service is told an item does not exist (404); anyone else is refused (403). Every change is audited.

use leptos::prelude::*;

use super::types::{ClaimId, ManagePayments, MyPayments, OfferId};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use {
    super::{
        db::{self, Item},
        types::{ExpenseKind, ManagedService, OfferStatus, PaidThrough, Rate, RateBasis, Review, Settings},
        validate::{check_receipt, parse_pence, parse_whole},
    },
    crate::{
        accounts::access::{person_by_email, require_signed_in, require_staff, services_staffed_by, SignedInUser},
        db::Write,
        error::FormErrors,
        ledger::types::ActivityKind,
        state::state,
    },
    sqlx::AnyConnection,
};

/// The longest description of an expense, in characters.
pub const DESCRIPTION_MAX: usize = 300;
/// The longest benefits advice contact or payment reference, in characters.
pub const CONTACT_MAX: usize = 300;
/// How far back the housekeeping looks for activities to make offers from, in days.
pub const OFFER_WINDOW_DAYS: u64 = 92;
/// How far back taking part in a service's activity lets a person claim expenses from it, in days (a year and
/// a day: claims come in late, and a volunteer's appointment is one activity for a long role).
pub const CLAIM_WINDOW_DAYS: u64 = 366;

/// The services a person may claim expenses from, by name: each that has made them an offer, and each in whose
/// activity the ledger records them taking part with lived experience in the last [`CLAIM_WINDOW_DAYS`] days —
/// an expenses-only panel, meeting or session, or a volunteer role's appointment — whether or not its rate card
/// pays for the time (issue 17 §7: receipted expenses are paid for expenses-only work too).
#[cfg(feature = "ssr")]
async fn claimable_services(
    conn: &mut AnyConnection,
    person: &crate::accounts::types::PersonId,
) -> Result<Vec<crate::accounts::types::ServiceSummary>, AppError> {
    let mut ids: Vec<String> =
        db::list_offers_of(&mut *conn, person).await?.into_iter().map(|o| o.service_id).collect();
    let since = (crate::clock::today_date() - chrono::Days::new(CLAIM_WINDOW_DAYS)).format("%Y-%m-%d").to_string();
    let took = crate::ledger::api::took_part_since(&mut *conn, &since).await?;
    ids.extend(took.into_iter().filter(|t| t.person_id == person.as_str()).map(|t| t.service_id));
    let mut services: Vec<crate::accounts::types::ServiceSummary> = Vec::new();
    for id in ids {
        if services.iter().any(|s| s.id.as_str() == id) {
            continue;
        }
        if let Some(name) = db::service_name(&mut *conn, &id).await? {
            services.push(crate::accounts::types::ServiceSummary { id: ServiceId::from(id), name });
        }
    }
    services.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(services)
}

/// The Monday that starts the week (Monday to Sunday) of `day` (`YYYY-MM-DD`) and the Monday after it.
#[cfg(feature = "ssr")]
pub fn week_of(day: &str) -> Option<(String, String)> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let monday = date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()));
    let next = monday + chrono::Days::new(7);
    Some((monday.format("%Y-%m-%d").to_string(), next.format("%Y-%m-%d").to_string()))
}

// ---- offers from the ledger --------------------------------------------------------------------------------

/// Housekeeping: makes an offer to everyone with an account who took part with lived experience in an
/// activity of a kind the service's rate card pays (in the last [`OFFER_WINDOW_DAYS`] days), as the ledger
/// records who took part. An hourly rate pays the activity's recorded length (`ledger::api::LedgerSource::
/// length_minutes`), or the card's hours paid when it has none ([`Rate::offer_for`]: whole pence, half a
/// penny up). One offer per activity and person, whichever app server comes first (the insert claims the
/// pair), and in the same transaction a mail through the outbox telling the person an offer is waiting, with a
/// link to `/payments` under `base_url` and never the amount (money is private); a person whose account has no
/// address or is disabled is not mailed.
///
/// An hourly offer still unanswered follows its activity's length when that changes (the source recorded
/// again — times corrected — as attendance corrections are): re-priced at the rate it was made at, audited
/// `payment_offer_repriced`, and shown to its person with what it offered before. An answered offer
/// (accepted, at the offer or lower, or declined) keeps its amount. Returns how many offers it made.
#[cfg(feature = "ssr")]
pub async fn make_offers(pool: &sqlx::AnyPool, base_url: &url::Url) -> Result<usize, AppError> {
    let since = (crate::clock::today_date() - chrono::Days::new(OFFER_WINDOW_DAYS)).format("%Y-%m-%d").to_string();
    let took_part = {
        let mut conn = pool.acquire().await?;
        crate::ledger::api::took_part_since(&mut conn, &since).await?
    };
    let mut made = 0;
    let mut rates: std::collections::HashMap<String, Vec<Rate>> = std::collections::HashMap::new();
    for took in took_part {
        if !rates.contains_key(&took.service_id) {
            let mut conn = pool.acquire().await?;
            let card = db::list_rates(&mut conn, &ServiceId::from(took.service_id.clone())).await?;
            rates.insert(took.service_id.clone(), card);
        }
        let priced = rates
            .get(&took.service_id)
            .and_then(|card| card.iter().find(|r| r.activity_kind == took.kind))
            .map(|rate| rate.offer_for(took.length_minutes));
        let length = took.length_minutes.filter(|m| *m > 0);
        let offers = priced.is_some_and(|p| p.pence > 0);
        if !offers && length.is_none() {
            continue;
        }
        let mut tx = Write::begin(pool, None).await?;
        let inserted = match priced.filter(|p| p.pence > 0) {
            Some(priced) => db::insert_offer(tx.conn(), &took, priced).await?.map(|id| (id, priced)),
            None => None,
        };
        if let Some((id, priced)) = inserted {
            let detail = serde_json::json!({ "activity_id": took.activity_id, "offered_pence": priced.pence,
                "paid_minutes": priced.hourly.map(|h| h.0) });
            tx.audit("payment_offered", "payment_offer", &id, detail).await?;
            if let Some(address) = db::mail_address(tx.conn(), &took.person_id).await? {
                let link = crate::links::absolute(base_url, "/payments", &[]);
                let mail = crate::partnership::emails::offer_waiting(&address, &took.title, &took.happened_on, &link);
                crate::mail::enqueue(tx.conn(), &mail).await?;
            }
            made += 1;
        } else if let Some(minutes) = length {
            reprice_if_open(&mut tx, &took, minutes).await?;
        }
        tx.commit().await?;
    }
    Ok(made)
}

/// Re-prices the person's unanswered hourly offer for the activity when its recorded length is no longer
/// the minutes it paid: the same rate per hour for the new length (`types::hourly_pence`), audited with both
/// amounts. Does nothing to a per-session or answered offer, or one already at this length.
#[cfg(feature = "ssr")]
async fn reprice_if_open(tx: &mut Write, took: &crate::ledger::api::TookPart, minutes: i64) -> Result<(), AppError> {
    let Some((id, was, paid_minutes, rate)) =
        db::open_hourly_offer(tx.conn(), &took.activity_id, &took.person_id).await?
    else {
        return Ok(());
    };
    if paid_minutes == minutes {
        return Ok(());
    }
    let pence = super::types::hourly_pence(rate, minutes);
    if db::reprice_offer(tx.conn(), &id, was, pence, minutes).await? {
        let detail = serde_json::json!({ "activity_id": took.activity_id, "from_pence": was, "offered_pence": pence,
            "from_minutes": paid_minutes, "paid_minutes": minutes });
        tx.audit("payment_offer_repriced", "payment_offer", &id, detail).await?;
    }
    Ok(())
}

// ---- a person's own ----------------------------------------------------------------------------------------

/// When accepting `amount` would pass the person's weekly cap: `(cap, accepted already that week)`.
#[cfg(feature = "ssr")]
async fn passes_cap(
    conn: &mut AnyConnection,
    person: &crate::accounts::types::PersonId,
    cap: Option<i64>,
    day: &str,
    amount: i64,
) -> Result<Option<(i64, i64)>, AppError> {
    let (Some(cap), Some((from, until))) = (cap, week_of(day)) else { return Ok(None) };
    let already = db::accepted_between(conn, person, &from, &until).await?;
    Ok((already.saturating_add(amount) > cap).then_some((cap, already)))
}

/// `/payments`: the caller's own offers (each open one saying whether accepting it would pass their weekly
/// cap), claims and cap, and the services they may claim expenses from.
#[server(endpoint = "/my_payments")]
pub async fn get_my_payments() -> Result<MyPayments, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (cap, _, _) = db::fetch_person(&mut conn, &user.id).await?;
    let rows = db::list_offers_of(&mut conn, &user.id).await?;
    let mut offers = Vec::new();
    let mut services: Vec<(crate::accounts::types::ServiceSummary, Vec<ExpenseKind>)> = Vec::new();
    for service in claimable_services(&mut conn, &user.id).await? {
        let settings = db::fetch_settings(&mut conn, &service.id).await?;
        let kinds = ExpenseKind::ALL.into_iter().filter(|k| settings.reimburses(*k)).collect();
        services.push((service, kinds));
    }
    for row in rows {
        let service = ServiceId::from(row.service_id.clone());
        let settings = db::fetch_settings(&mut conn, &service).await?;
        let over = if row.status() == OfferStatus::Offered {
            passes_cap(&mut conn, &user.id, cap, &row.happened_on, row.offered_pence).await?
        } else {
            None
        };
        offers.push(row.into_offer(over, settings.advice_contact));
    }
    let claims = db::list_claims_of(&mut conn, &user.id).await?.into_iter().filter_map(|c| c.into_claim()).collect();
    Ok(MyPayments { offers, claims, weekly_cap_pence: cap, services })
}

/// Answers one's own open offer: `choice` is `accept` — the whole offer when `amount` is empty, or the
/// `amount` typed (pounds and pence, more than nothing and no more than the offer: accepting less is a choice
/// some people's benefits need) — or `decline`. Someone else's offer is refused (404); an answered one is a
/// conflict (409).
#[server(endpoint = "/answer_payment_offer")]
pub async fn answer_payment_offer(
    #[server(default)] offer_id: OfferId,
    #[server(default)] choice: String,
    #[server(default)] amount: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let offer = db::fetch_offer(tx.conn(), &offer_id).await?.filter(|o| o.person_id == user.id.as_str());
    let offer = offer.ok_or(AppError::NotFound)?;
    // Each offer's amount box has its own id (`amount-<offer id>`), so its message lands beside it.
    let amount_field = format!("amount-{offer_id}");
    let kept = [(amount_field.as_str(), amount.as_str()), ("offer_id", offer_id.as_str())];
    let (status, accepted) = match choice.as_str() {
        "accept" if amount.trim().is_empty() => (OfferStatus::Accepted, Some(offer.offered_pence)),
        "accept" => {
            let chosen = parse_pence(&amount, "the amount you accept")
                .and_then(|p| {
                    if p <= 0 {
                        Err("Enter an amount more than £0.00, or decline the offer".to_owned())
                    } else if p > offer.offered_pence {
                        Err(format!(
                            "Enter an amount no more than the offer, {}",
                            super::types::pounds(offer.offered_pence)
                        ))
                    } else {
                        Ok(p)
                    }
                })
                .map_err(|m| AppError::field(&amount_field, m).keeping(&kept))?;
            (OfferStatus::Accepted, Some(chosen))
        }
        "decline" => (OfferStatus::Declined, None),
        _ => return Err(AppError::field(&amount_field, "Choose whether to accept or decline the offer").keeping(&kept)),
    };
    tx.claim_submission(&submission).await?;
    if !db::decide_offer(tx.conn(), &offer_id, status, accepted).await? {
        return Err(AppError::Conflict("You have answered this offer already.".into()));
    }
    let lower = accepted.is_some_and(|a| a < offer.offered_pence);
    let detail = serde_json::json!({ "choice": choice, "lower": lower, "offered_pence": offer.offered_pence,
        "accepted_pence": accepted });
    tx.audit("payment_offer_answered", "payment_offer", &offer_id, detail).await?;
    tx.commit_then("/payments?answered=1").await
}

/// Sets one's own weekly cap on paid involvement (empty: no cap).
#[server(endpoint = "/set_weekly_cap")]
pub async fn set_weekly_cap(
    #[server(default)] weekly_cap: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let cap = if weekly_cap.trim().is_empty() {
        None
    } else {
        Some(
            parse_pence(&weekly_cap, "your weekly limit")
                .map_err(|m| AppError::field("weekly_cap", m).keeping(&[("weekly_cap", weekly_cap.as_str())]))?,
        )
    };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::set_weekly_cap(tx.conn(), &user.id, cap).await?;
    tx.audit("weekly_cap_set", "person", &user.id, serde_json::json!({ "weekly_cap_pence": cap })).await?;
    tx.commit_then("/payments?cap=1").await
}

/// Claims an expense, or corrects one: a multipart form with `service_id` (a service that has made the person
/// an offer, or in whose activity they took part with lived experience, expenses-only work included:
/// `claimable_services`), `kind`, the date in `incurred_on_day`/`_month`/`_year`, `description`, `miles` (mileage) or
/// `amount` (others), and the `receipt` (PDF, JPEG or PNG by content, 5 MB at most; required except for
/// mileage). With `claim_id`, it corrects that claim of the caller's (404 if it is not theirs) while no
/// manager has approved it — pending or queried; 409 with a message once approved or paid — keeping its
/// receipt unless a new one is given, and sends it to the service again (pending, its query answered).
#[server(endpoint = "/claim_expense", input = server_fn::codec::MultipartFormData)]
pub async fn claim_expense(data: server_fn::codec::MultipartData) -> Result<ClaimId, AppError> {
    use crate::dates::{parse_date_input, DateField, DateParts};
    let user = require_signed_in()?;
    let mut upload = crate::pdf::read_upload(data, &["receipt"]).await?;
    let service_id = ServiceId::from(upload.text("service_id"));
    let claim_id = upload.text("claim_id");
    let (kind, description, miles, amount, submission) = (
        upload.text("kind"),
        upload.text("description"),
        upload.text("miles"),
        upload.text("amount"),
        upload.text("submission"),
    );
    let day = DateParts::new(
        upload.text("incurred_on_day"),
        upload.text("incurred_on_month"),
        upload.text("incurred_on_year"),
    );
    let receipt = upload.take_file("receipt");
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    // A correction: the caller's own claim, while it may still change.
    let correcting = if claim_id.is_empty() {
        None
    } else {
        let id = ClaimId::from(claim_id.clone());
        let claim = db::fetch_claim(tx.conn(), &id)
            .await?
            .filter(|c| c.person_id == user.id.as_str())
            .ok_or(AppError::NotFound)?;
        if claim.review == "approved" || claim.paid_at.is_some() {
            return Err(AppError::Conflict(APPROVED_CLAIM.into()));
        }
        Some((id, claim.receipt_name.is_some()))
    };
    let mine = claimable_services(tx.conn(), &user.id).await?;
    let mut errors = FormErrors::new();
    let settings = if mine.iter().any(|s| s.id == service_id) {
        Some(db::fetch_settings(tx.conn(), &service_id).await?)
    } else {
        errors.add("service_id", "Choose the service the expense was for");
        None
    };
    let kind = match kind.parse::<ExpenseKind>() {
        Ok(k) if settings.as_ref().is_none_or(|s| s.reimburses(k)) => Some(k),
        Ok(_) => {
            errors.add("kind", "This service does not pay this kind of expense");
            None
        }
        Err(_) => {
            errors.add("kind", "Choose what the expense was for");
            None
        }
    };
    let today = crate::dates::Day::of_naive(crate::clock::today_date());
    let past = crate::dates::Bound { day: today, words: "today or in the past" };
    let incurred = parse_date_input(
        &DateField { name: "incurred_on", legend: "Date of the expense", earliest: None, latest: Some(past) },
        &day,
    )
    .map_err(|e| e.add_to(&mut errors))
    .ok();
    let clean = crate::text::one_line(
        &mut errors,
        "description",
        &description,
        "what the expense was for",
        DESCRIPTION_MAX,
        true,
    );
    let (mut miles_n, mut pence) = (0, 0);
    if kind == Some(ExpenseKind::Mileage) {
        match parse_whole(&miles, "the miles driven", 1, 1000) {
            Ok(m) => {
                miles_n = m;
                pence = m.saturating_mul(settings.as_ref().and_then(|s| s.mileage_pence).unwrap_or(0));
            }
            Err(m) => errors.add("miles", m),
        }
    } else {
        match parse_pence(&amount, "the amount") {
            Ok(0) => errors.add("amount", "Enter an amount more than £0.00"),
            Ok(p) => pence = p,
            Err(m) => errors.add("amount", m),
        }
    }
    // A correction keeps the receipt it has unless a new one is given.
    let has_receipt = correcting.as_ref().is_some_and(|(_, has)| *has);
    let needs_receipt = kind.is_some_and(|k| k != ExpenseKind::Mileage) && !has_receipt;
    let checked = if receipt.bytes.is_empty() && !receipt.too_big && !needs_receipt {
        None
    } else {
        match check_receipt(&receipt.name, &receipt.bytes, receipt.too_big) {
            Ok(ok) => Some(ok),
            Err(m) => {
                errors.add("receipt", m);
                None
            }
        }
    };
    let mut kept = day.kept("incurred_on");
    for (field, value) in [
        ("service_id", service_id.as_str()),
        ("kind", upload.text("kind").as_str()),
        ("description", description.as_str()),
        ("miles", miles.as_str()),
        ("amount", amount.as_str()),
        ("claim_id", claim_id.as_str()),
    ] {
        kept.push((field.to_owned(), value.to_owned()));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    let (Some(kind), Some(incurred)) = (kind, incurred) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let claim = db::NewClaim {
        service_id: &service_id,
        person_id: &user.id,
        kind,
        incurred_on: &incurred.iso(),
        description: &clean,
        miles: miles_n,
        amount_pence: pence,
        receipt: checked.map(|(mime, name)| (name, mime, receipt.bytes.as_slice())),
    };
    if let Some((id, _)) = correcting {
        if !db::correct_claim(tx.conn(), &id, &claim).await? {
            return Err(AppError::Conflict(APPROVED_CLAIM.into()));
        }
        let detail = serde_json::json!({
            "kind": kind.as_str(), "amount_pence": pence, "receipt_bytes": receipt.bytes.len()
        });
        tx.audit("expense_claim_corrected", "expense_claim", &id, detail).await?;
        tx.commit_then("/payments?corrected=1").await?;
        return Ok(id);
    }
    let id = db::insert_claim(tx.conn(), &claim).await?;
    let detail =
        serde_json::json!({ "kind": kind.as_str(), "amount_pence": pence, "receipt_bytes": receipt.bytes.len() });
    tx.audit("expense_claimed", "expense_claim", &id, detail).await?;
    tx.commit_then("/payments?claimed=1").await?;
    Ok(id)
}

/// What a claimant is told when they try to change a claim a manager has approved (409).
pub const APPROVED_CLAIM: &str =
    "This claim has been approved, so it can no longer be changed or withdrawn. If something is wrong, ask the service.";

/// The claimant withdraws their expense claim (`withdraw` must be `yes`: the box they tick to confirm)
/// before a manager approves it — pending or queried. It is deleted with its receipt, and audited. Refused:
/// another person's claim (404, the service's managers included), the box not ticked (422, beside it), an
/// approved or paid claim (409 with [`APPROVED_CLAIM`]).
#[server(endpoint = "/withdraw_expense_claim")]
pub async fn withdraw_expense_claim(
    #[server(default)] claim_id: ClaimId,
    #[server(default)] withdraw: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let claim = db::fetch_claim(tx.conn(), &claim_id)
        .await?
        .filter(|c| c.person_id == user.id.as_str())
        .ok_or(AppError::NotFound)?;
    let field = format!("withdraw-{claim_id}");
    if withdraw != "yes" {
        return Err(AppError::field(&field, "Tick the box to confirm you want to withdraw this claim")
            .keeping(&[("claim_id", claim_id.as_str())]));
    }
    if claim.review == "approved" || claim.paid_at.is_some() {
        return Err(AppError::Conflict(APPROVED_CLAIM.into()));
    }
    tx.claim_submission(&submission).await?;
    if !db::withdraw_claim(tx.conn(), &claim_id, &user.id).await? {
        return Err(AppError::Conflict(APPROVED_CLAIM.into()));
    }
    let detail = serde_json::json!({ "kind": claim.kind, "amount_pence": claim.amount_pence });
    tx.audit("expense_claim_withdrawn", "expense_claim", &claim_id, detail).await?;
    tx.commit_then("/payments?withdrawn=1").await
}

/// A claim's receipt, for the person who claimed it and its service's managers: `(file name, type, bytes)`.
/// A manager of another service gets 404; anyone else 403. The read is audited.
#[cfg(feature = "ssr")]
pub async fn read_receipt(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    id: &ClaimId,
) -> Result<(String, String, Vec<u8>), AppError> {
    let mut conn = pool.acquire().await?;
    let claim = db::fetch_claim(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    if claim.person_id != user.id.as_str() {
        ensure_manages_record(user, &claim.service_id)?;
    }
    let receipt = db::fetch_receipt(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let mut tx = Write::begin(pool, Some(&user.id)).await?;
    tx.audit("receipt_read", "expense_claim", id, serde_json::json!({})).await?;
    tx.commit().await?;
    Ok(receipt)
}

// ---- managers ----------------------------------------------------------------------------------------------

/// The services the caller manages (403 for anyone who manages none).
#[cfg(feature = "ssr")]
async fn managed(user: &SignedInUser) -> Result<Vec<crate::accounts::types::ServiceSummary>, AppError> {
    let services: Vec<_> = services_staffed_by(user).await?.into_iter().filter(|s| user.manages(&s.id)).collect();
    if services.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(services)
}

/// Refuses anyone who does not manage the service named in a request (403): a service is not a secret.
#[cfg(feature = "ssr")]
fn ensure_manages(user: &SignedInUser, service: &str) -> Result<(), AppError> {
    if user.manages(&ServiceId::from(service.to_owned())) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Refuses anyone who does not manage the service a record (an offer, a claim) belongs to: to another
/// service's staff it does not exist (404); the service's own staff and anyone else are refused (403).
#[cfg(feature = "ssr")]
fn ensure_manages_record(user: &SignedInUser, service: &str) -> Result<(), AppError> {
    let service = ServiceId::from(service.to_owned());
    if user.manages(&service) {
        Ok(())
    } else if user.is_staff_anywhere() && !user.is_staff_of(&service) {
        Err(AppError::NotFound)
    } else {
        Err(AppError::Forbidden)
    }
}

/// `/payments/manage`: each service the caller manages, with its rate card, settings, offers and claims, and
/// what is approved and not yet paid.
#[server(endpoint = "/manage_payments")]
pub async fn get_manage_payments() -> Result<ManagePayments, AppError> {
    let user = require_staff()?;
    let services = managed(&user).await?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let mut out = Vec::new();
    for service in services {
        let settings = db::fetch_settings(&mut conn, &service.id).await?;
        let rates = db::list_rates(&mut conn, &service.id).await?;
        let offers = db::list_offers_for(&mut conn, &service.id)
            .await?
            .into_iter()
            .map(|o| o.into_offer(None, String::new()))
            .collect();
        let claims =
            db::list_claims_for(&mut conn, &service.id).await?.into_iter().filter_map(|c| c.into_claim()).collect();
        let due = db::list_to_pay(&mut conn, &service.id, "9999").await?;
        let payments: i64 = due.iter().filter(|d| d.item == "payment").map(|d| d.amount_pence).sum();
        let expenses: i64 = due.iter().filter(|d| d.item == "expense").map(|d| d.amount_pence).sum();
        let latest = due.iter().map(|d| d.approved_at.clone()).max();
        let mut missing_references: Vec<String> = due
            .iter()
            .filter(|d| d.payment_reference.as_deref().is_none_or(|r| r.trim().is_empty()))
            .map(|d| d.person_name.clone())
            .collect();
        missing_references.sort();
        missing_references.dedup();
        let to_pay = (payments, expenses, latest);
        out.push(ManagedService { service, settings, rates, offers, claims, to_pay, missing_references });
    }
    Ok(ManagePayments { services: out })
}

/// Sets one line of a service's rate card: the activity kind, how it is paid (`session`, `hour` or
/// `expenses_only`), the amount (pounds and pence) and, for an hourly rate, the hours paid when the activity
/// has no recorded length (1 to 12; an activity with a length is paid for it: `Rate::offer_for`).
#[server(endpoint = "/save_payment_rate")]
pub async fn save_payment_rate(
    #[server(default)] service_id: ServiceId,
    #[server(default)] activity_kind: String,
    #[server(default)] basis: String,
    #[server(default)] amount: String,
    #[server(default)] hours: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    ensure_manages(&user, service_id.as_str())?;
    let kept = [
        ("activity_kind", activity_kind.as_str()),
        ("basis", basis.as_str()),
        ("amount", amount.as_str()),
        ("hours", hours.as_str()),
    ];
    let mut errors = FormErrors::new();
    let kind = activity_kind.parse::<ActivityKind>().ok();
    if kind.is_none() {
        errors.add("activity_kind", "Choose the kind of activity");
    }
    let basis = basis.parse::<RateBasis>().ok();
    let (mut pence, mut hours_n) = (0, 1);
    match basis {
        None => errors.add("basis", "Choose how it is paid"),
        Some(RateBasis::ExpensesOnly) => {}
        Some(b) => {
            match parse_pence(&amount, "the amount") {
                Ok(0) => errors.add("amount", "Enter an amount more than £0.00, or choose expenses only"),
                Ok(p) => pence = p,
                Err(m) => errors.add("amount", m),
            }
            // Hours paid are asked only for a kind with no recorded length: a meeting or a session is paid
            // for its own length (tester 17c, finding 5), so for them the box may stay empty.
            let from_length = kind.is_some_and(super::types::length_recorded);
            if b == RateBasis::Hour && !(from_length && hours.trim().is_empty()) {
                match parse_whole(&hours, "the hours paid", 1, 12) {
                    Ok(h) => hours_n = h,
                    Err(m) => errors.add("hours", m),
                }
            } else if b == RateBasis::Hour {
                hours_n = 0;
            }
        }
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let (Some(kind), Some(basis)) = (kind, basis) else { return Err(AppError::Internal) };
    let rate = Rate { activity_kind: kind.as_str().to_owned(), basis, amount_pence: pence, hours: hours_n };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::save_rate(tx.conn(), &service_id, &rate).await?;
    let detail = serde_json::json!({ "activity_kind": rate.activity_kind, "basis": basis.as_str(), "amount_pence": pence, "hours": hours_n });
    tx.audit("payment_rate_set", "service", &service_id, detail).await?;
    tx.commit_then("/payments/manage?rate=1").await
}

/// Sets a service's payment settings: the benefits advice contact, mileage per mile (empty: not paid) and
/// which other expense kinds it pays by receipt (`yes` boxes).
#[server(endpoint = "/save_payment_settings")]
pub async fn save_payment_settings(
    #[server(default)] service_id: ServiceId,
    #[server(default)] advice_contact: String,
    #[server(default)] mileage: String,
    #[server(default)] public_transport: String,
    #[server(default)] parking: String,
    #[server(default)] care_cover: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    ensure_manages(&user, service_id.as_str())?;
    let kept = [("advice_contact", advice_contact.as_str()), ("mileage", mileage.as_str())];
    let mut errors = FormErrors::new();
    let contact = crate::text::one_line(
        &mut errors,
        "advice_contact",
        &advice_contact,
        "where people can take benefits advice",
        CONTACT_MAX,
        true,
    );
    let mileage_pence = if mileage.trim().is_empty() {
        None
    } else {
        parse_pence(&mileage, "the mileage rate").map_err(|m| errors.add("mileage", m)).ok()
    };
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let settings = Settings {
        advice_contact: contact,
        mileage_pence,
        public_transport: public_transport == "yes",
        parking: parking == "yes",
        care_cover: care_cover == "yes",
    };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::save_settings(tx.conn(), &service_id, &settings).await?;
    tx.audit("payment_settings_set", "service", &service_id, serde_json::json!({ "mileage_pence": mileage_pence }))
        .await?;
    tx.commit_then("/payments/manage?settings=1").await
}

/// Records how finance pays a person of one of the caller's services: `paid_through` (`payroll` or
/// `one_off`) and their finance reference (never bank details).
#[server(endpoint = "/save_payment_details")]
pub async fn save_payment_details(
    #[server(default)] service_id: ServiceId,
    #[server(default)] email: String,
    #[server(default)] paid_through: String,
    #[server(default)] payment_reference: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    ensure_manages(&user, service_id.as_str())?;
    let kept = [
        ("email", email.as_str()),
        ("paid_through", paid_through.as_str()),
        ("payment_reference", payment_reference.as_str()),
    ];
    let mut errors = FormErrors::new();
    let through = paid_through
        .parse::<PaidThrough>()
        .map_err(|_| errors.add("paid_through", "Choose how finance pays them"))
        .ok();
    let reference = crate::text::one_line(
        &mut errors,
        "payment_reference",
        &payment_reference,
        "their payment reference",
        CONTACT_MAX,
        true,
    );
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(through) = through else { return Err(AppError::Internal) };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let Some((person, _)) = person_by_email(tx.conn(), email.trim()).await? else {
        return Err(AppError::field("email", "No account has this email address").keeping(&kept));
    };
    tx.claim_submission(&submission).await?;
    db::set_payment_details(tx.conn(), &person, &reference, through).await?;
    tx.audit("payment_details_set", "person", &person, serde_json::json!({ "paid_through": through.as_str() })).await?;
    tx.commit_then("/payments/manage?details=1").await
}

/// Approves or queries an item of a service the caller manages: `item` is `offer` (accepted) or `claim`,
/// `decision` is `approve` or `query` (a query needs a `note` saying what is asked). Only an item waiting for
/// review (pending or queried) changes: an approved or paid item is final and either decision on it is
/// refused with 409, so nothing is paid twice.
#[server(endpoint = "/review_payment_item")]
pub async fn review_payment_item(
    #[server(default)] item: String,
    #[server(default)] item_id: String,
    #[server(default)] decision: String,
    #[server(default)] note: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (which, service) = match item.as_str() {
        "offer" => {
            (Item::Offer, db::fetch_offer(tx.conn(), &OfferId::from(item_id.clone())).await?.map(|o| o.service_id))
        }
        "claim" => {
            (Item::Claim, db::fetch_claim(tx.conn(), &ClaimId::from(item_id.clone())).await?.map(|c| c.service_id))
        }
        _ => return Err(AppError::NotFound),
    };
    ensure_manages_record(&user, &service.ok_or(AppError::NotFound)?)?;
    // Each item's note box has its own id (`note-<item id>`), so its message lands beside it.
    let note_field = format!("note-{item_id}");
    let kept = [(note_field.as_str(), note.as_str()), ("item_id", item_id.as_str())];
    let mut errors = FormErrors::new();
    let review = match decision.as_str() {
        "approve" => Some(Review::Approved),
        "query" => Some(Review::Queried),
        _ => {
            errors.add("decision", "Choose whether to approve or query it");
            None
        }
    };
    let clean = crate::text::one_line(
        &mut errors,
        &note_field,
        &note,
        "what you are asking",
        DESCRIPTION_MAX,
        review == Some(Review::Queried),
    );
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(review) = review else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    if !db::review(tx.conn(), which, &item_id, review, &clean).await? {
        return Err(AppError::Conflict(
            "This is approved or paid already, or not accepted, so it cannot be approved again or queried.".into(),
        ));
    }
    let subject = if which == Item::Offer { "payment_offer" } else { "expense_claim" };
    tx.audit("payment_reviewed", subject, &item_id, serde_json::json!({ "review": review.as_str() })).await?;
    tx.commit_then("/payments/manage?reviewed=1").await
}

/// Marks a service's approved, unpaid items paid, up to the approval time `through` the page showed (so an
/// item approved since, and not in the exported file, stays unpaid). Returns how many.
#[server(endpoint = "/mark_payments_paid")]
pub async fn mark_payments_paid(
    #[server(default)] service_id: ServiceId,
    #[server(default)] through: String,
    #[server(default)] submission: String,
) -> Result<u64, AppError> {
    let user = require_staff()?;
    ensure_manages(&user, service_id.as_str())?;
    if through.is_empty() {
        return Err(AppError::field("mark_paid", "Nothing is approved and waiting to be paid"));
    }
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let marked = db::mark_paid(tx.conn(), &service_id, &through).await?;
    tx.audit(
        "payments_marked_paid",
        "service",
        &service_id,
        serde_json::json!({ "items": marked, "through": through }),
    )
    .await?;
    tx.commit_then("/payments/manage?paid=1").await?;
    Ok(marked)
}

/// The finance CSV of a service's approved, unpaid items approved at or before `through` (all, when empty):
/// kind (involvement payment, or receipted expense: not income), how it is paid, name, payment reference,
/// date, what for, for an hourly payment the hours it paid ("1 h 45 min at £20.00 an hour"; empty otherwise),
/// amount in pounds, with a total line; formula-safe (`crate::csv`). For its managers (403 to
/// anyone else). Returns the file's name and text.
#[cfg(feature = "ssr")]
pub async fn finance_csv(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    service: &ServiceId,
    through: &str,
) -> Result<(String, String), AppError> {
    use super::types::decimal;
    ensure_manages(user, service.as_str())?;
    let mut conn = pool.acquire().await?;
    let name = crate::accounts::access::all_services(pool)
        .await?
        .into_iter()
        .find(|s| s.id == *service)
        .map(|s| s.name)
        .ok_or(AppError::NotFound)?;
    let through = if through.is_empty() { "9999" } else { through };
    let rows = db::list_to_pay(&mut conn, service, through).await?;
    let mut csv = crate::csv::row(&[
        "Type",
        "Paid through",
        "Name",
        "Payment reference",
        "Date",
        "What for",
        "Hours paid",
        "Amount (GBP)",
    ]);
    let mut total = 0_i64;
    for r in &rows {
        total += r.amount_pence;
        let kind = if r.item == "payment" { "Involvement payment" } else { "Expense (receipted, not income)" };
        let through =
            r.paid_through.as_deref().and_then(|t| t.parse::<PaidThrough>().ok()).unwrap_or(PaidThrough::OneOff);
        csv.push_str(&crate::csv::row(&[
            kind,
            through.label(),
            &r.person_name,
            r.payment_reference.as_deref().unwrap_or(""),
            &r.day,
            &r.what,
            &r.paid_minutes.zip(r.hourly_rate_pence).map(|(m, p)| super::types::hours_paid(m, p)).unwrap_or_default(),
            &decimal(r.amount_pence),
        ]));
    }
    csv.push_str(&crate::csv::row(&["Total", "", "", "", "", "", "", &decimal(total)]));
    let file = crate::csv::file_name(&["Involvement payments", &name, &crate::clock::today()]);
    // The file names people and their payment references: its reading is audited (counts only).
    let detail = serde_json::json!({ "items": rows.len(), "total_pence": total });
    crate::audit::record(&mut *conn, Some(&user.id), "finance_csv_read", "service", service.as_str(), detail).await?;
    Ok((file, csv))
}
