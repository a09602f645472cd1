//! Involvement payments' SQL: rate cards and settings, offers, expense claims with receipts, reviews, the
//! finance export and marking paid. Amounts are BIGINT pence.

use sqlx::{AnyConnection, FromRow};

use super::types::{
    Claim, ClaimId, ExpenseKind, Offer, OfferId, OfferStatus, PaidThrough, Priced, Rate, RateBasis, Review, Settings,
};
use crate::accounts::types::{PersonId, ServiceId};

// ---- settings and rate cards ---------------------------------------------------------------------------

#[derive(FromRow)]
struct SettingsRow {
    advice_contact: String,
    mileage_pence: Option<i64>,
    public_transport: i16,
    parking: i16,
    care_cover: i16,
}

/// A service's payment settings (the defaults when none are saved).
pub async fn fetch_settings(conn: &mut AnyConnection, service: &ServiceId) -> Result<Settings, sqlx::Error> {
    let row: Option<SettingsRow> = sqlx::query_as(
        "SELECT advice_contact, mileage_pence, public_transport, parking, care_cover
         FROM payment_setting WHERE service_id = $1",
    )
    .bind(service)
    .fetch_optional(conn)
    .await?;
    Ok(row.map_or_else(Settings::default, |r| Settings {
        advice_contact: r.advice_contact,
        mileage_pence: r.mileage_pence,
        public_transport: r.public_transport != 0,
        parking: r.parking != 0,
        care_cover: r.care_cover != 0,
    }))
}

/// Saves a service's payment settings.
pub async fn save_settings(conn: &mut AnyConnection, service: &ServiceId, s: &Settings) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_setting (service_id, advice_contact, mileage_pence, public_transport, parking, care_cover)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (service_id) DO UPDATE SET advice_contact = $2, mileage_pence = $3, public_transport = $4,
             parking = $5, care_cover = $6",
    )
    .bind(service)
    .bind(&s.advice_contact)
    .bind(s.mileage_pence)
    .bind(crate::db::flag(s.public_transport))
    .bind(crate::db::flag(s.parking))
    .bind(crate::db::flag(s.care_cover))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(FromRow)]
struct RateRow {
    activity_kind: String,
    basis: String,
    amount_pence: i64,
    hours: i64,
}

impl RateRow {
    fn into_rate(self) -> Option<Rate> {
        Some(Rate {
            activity_kind: self.activity_kind,
            basis: self.basis.parse::<RateBasis>().ok()?,
            amount_pence: self.amount_pence,
            hours: self.hours,
        })
    }
}

/// A service's rate card, by activity kind.
pub async fn list_rates(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<Rate>, sqlx::Error> {
    let rows: Vec<RateRow> = sqlx::query_as(
        "SELECT activity_kind, basis, amount_pence, hours FROM payment_rate WHERE service_id = $1 ORDER BY activity_kind",
    )
    .bind(service)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(RateRow::into_rate).collect())
}

/// Sets (or replaces) the rate for one activity kind.
pub async fn save_rate(conn: &mut AnyConnection, service: &ServiceId, rate: &Rate) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_rate (id, service_id, activity_kind, basis, amount_pence, hours, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (service_id, activity_kind) DO UPDATE SET basis = $4, amount_pence = $5, hours = $6, updated_at = $7",
    )
    .bind(crate::db::new_id())
    .bind(service)
    .bind(&rate.activity_kind)
    .bind(rate.basis.as_str())
    .bind(rate.amount_pence)
    .bind(rate.hours)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(())
}

// ---- people ----------------------------------------------------------------------------------------------

/// A person's weekly cap (pence), payment reference and how finance pays them.
pub async fn fetch_person(
    conn: &mut AnyConnection,
    person: &PersonId,
) -> Result<(Option<i64>, String, PaidThrough), sqlx::Error> {
    let row: Option<(Option<i64>, String, String)> = sqlx::query_as(
        "SELECT weekly_cap_pence, payment_reference, paid_through FROM payment_person WHERE person_id = $1",
    )
    .bind(person)
    .fetch_optional(conn)
    .await?;
    Ok(row.map_or((None, String::new(), PaidThrough::OneOff), |(cap, reference, through)| {
        (cap, reference, through.parse().unwrap_or(PaidThrough::OneOff))
    }))
}

/// Sets a person's weekly cap (`None`: no cap).
pub async fn set_weekly_cap(conn: &mut AnyConnection, person: &PersonId, cap: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_person (person_id, weekly_cap_pence) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET weekly_cap_pence = $2",
    )
    .bind(person)
    .bind(cap)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets how finance pays a person and their reference.
pub async fn set_payment_details(
    conn: &mut AnyConnection,
    person: &PersonId,
    reference: &str,
    through: PaidThrough,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_person (person_id, payment_reference, paid_through) VALUES ($1, $2, $3)
         ON CONFLICT (person_id) DO UPDATE SET payment_reference = $2, paid_through = $3",
    )
    .bind(person)
    .bind(reference)
    .bind(through.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

// ---- offers ----------------------------------------------------------------------------------------------

/// Makes an offer for a person's part in an activity unless one exists (whichever app server comes first), at
/// `priced` (the amount, and for an hourly rate the minutes and rate it paid). Returns its id when this call
/// made it.
pub async fn insert_offer(
    conn: &mut AnyConnection,
    took: &crate::ledger::api::TookPart,
    priced: Priced,
) -> Result<Option<OfferId>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO payment_offer (id, service_id, person_id, activity_id, activity_kind, title, happened_on,
             offered_pence, status, created_at, paid_minutes, hourly_rate_pence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'offered', $9, $10, $11)
         ON CONFLICT (activity_id, person_id) DO NOTHING RETURNING id",
    )
    .bind(crate::db::new_id())
    .bind(&took.service_id)
    .bind(&took.person_id)
    .bind(&took.activity_id)
    .bind(&took.kind)
    .bind(&took.title)
    .bind(&took.happened_on)
    .bind(priced.pence)
    .bind(crate::db::now())
    .bind(priced.hourly.map(|(minutes, _)| minutes))
    .bind(priced.hourly.map(|(_, rate)| rate))
    .fetch_optional(conn)
    .await
    .map(|id: Option<String>| id.map(OfferId::from))
}

/// An hourly offer not yet answered, for a person's part in an activity: its id, amount, minutes paid and the
/// rate per hour it was made at. `None` when there is none (no offer, a per-session one, or answered).
pub async fn open_hourly_offer(
    conn: &mut AnyConnection,
    activity_id: &str,
    person_id: &str,
) -> Result<Option<(OfferId, i64, i64, i64)>, sqlx::Error> {
    let row: Option<(String, i64, i64, i64)> = sqlx::query_as(
        "SELECT id, offered_pence, paid_minutes, hourly_rate_pence FROM payment_offer
         WHERE activity_id = $1 AND person_id = $2 AND status = 'offered'
             AND paid_minutes IS NOT NULL AND hourly_rate_pence IS NOT NULL",
    )
    .bind(activity_id)
    .bind(person_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, pence, minutes, rate)| (OfferId::from(id), pence, minutes, rate)))
}

/// Re-prices an offer while it is still unanswered, keeping what it offered before (the first amount, when
/// changed more than once). Returns false when it was answered meanwhile (it then keeps its amount).
pub async fn reprice_offer(
    conn: &mut AnyConnection,
    id: &OfferId,
    was_pence: i64,
    pence: i64,
    minutes: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE payment_offer SET offered_pence = $3, paid_minutes = $4,
             repriced_from_pence = COALESCE(repriced_from_pence, $2)
         WHERE id = $1 AND status = 'offered' AND offered_pence = $2",
    )
    .bind(id)
    .bind(was_pence)
    .bind(pence)
    .bind(minutes)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The address to tell a person an offer is waiting at: `None` when their account has no address or is
/// disabled.
pub async fn mail_address(conn: &mut AnyConnection, person: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT email FROM person WHERE id = $1 AND disabled_at IS NULL AND email <> ''")
        .bind(person)
        .fetch_optional(conn)
        .await
}

/// An offer as stored, with its service's and person's names.
#[derive(Clone, Debug, FromRow)]
pub struct OfferRow {
    pub id: String,
    pub service_id: String,
    pub person_id: String,
    pub service_name: String,
    pub person_name: String,
    pub title: String,
    pub happened_on: String,
    pub offered_pence: i64,
    pub paid_minutes: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub repriced_from_pence: Option<i64>,
    pub status: String,
    pub accepted_pence: Option<i64>,
    pub review: String,
    pub review_note: String,
    pub approved_at: Option<String>,
    pub paid_at: Option<String>,
}

impl OfferRow {
    pub fn status(&self) -> OfferStatus {
        self.status.parse().unwrap_or(OfferStatus::Offered)
    }

    pub fn into_offer(self, passes_cap: Option<(i64, i64)>, advice_contact: String) -> Offer {
        Offer {
            id: OfferId::from(self.id.clone()),
            status: self.status(),
            review: self.review.parse().unwrap_or(Review::Pending),
            service_name: self.service_name,
            person_name: self.person_name,
            title: self.title,
            happened_on: self.happened_on,
            offered_pence: self.offered_pence,
            hourly: self.paid_minutes.zip(self.hourly_rate_pence),
            repriced_from_pence: self.repriced_from_pence,
            accepted_pence: self.accepted_pence,
            review_note: self.review_note,
            paid: self.paid_at.is_some(),
            passes_cap,
            advice_contact,
        }
    }
}

const OFFER_COLUMNS: &str =
    "SELECT o.id, o.service_id, o.person_id, s.name AS service_name, p.display_name AS person_name,
    o.title, o.happened_on, o.offered_pence, o.paid_minutes, o.hourly_rate_pence, o.repriced_from_pence, o.status,
    o.accepted_pence, o.review, o.review_note, o.approved_at, o.paid_at
    FROM payment_offer o JOIN service s ON s.id = o.service_id JOIN person p ON p.id = o.person_id";

/// One offer.
pub async fn fetch_offer(conn: &mut AnyConnection, id: &OfferId) -> Result<Option<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OFFER_COLUMNS} WHERE o.id = $1")).bind(id).fetch_optional(conn).await
}

/// A person's offers, newest activity first.
pub async fn list_offers_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OFFER_COLUMNS} WHERE o.person_id = $1 ORDER BY o.happened_on DESC, o.id"))
        .bind(person)
        .fetch_all(conn)
        .await
}

/// A service's offers, newest activity first.
pub async fn list_offers_for(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OFFER_COLUMNS} WHERE o.service_id = $1 ORDER BY o.happened_on DESC, o.id"))
        .bind(service)
        .fetch_all(conn)
        .await
}

/// What a person has accepted for activities from `from` up to but not including `until` (`YYYY-MM-DD`), in
/// pence: the paid involvement a weekly cap counts (expenses are not counted: they are not income).
pub async fn accepted_between(
    conn: &mut AnyConnection,
    person: &PersonId,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(accepted_pence), 0) AS BIGINT) FROM payment_offer
         WHERE person_id = $1 AND status = 'accepted' AND happened_on >= $2 AND happened_on < $3",
    )
    .bind(person)
    .bind(from)
    .bind(until)
    .fetch_one(conn)
    .await
}

/// Records a person's choice on an open offer. Returns false when it was no longer open.
pub async fn decide_offer(
    conn: &mut AnyConnection,
    id: &OfferId,
    status: OfferStatus,
    accepted_pence: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE payment_offer SET status = $2, accepted_pence = $3, decided_at = $4 WHERE id = $1 AND status = 'offered'",
    )
    .bind(id)
    .bind(<&str>::from(status))
    .bind(accepted_pence)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- claims ----------------------------------------------------------------------------------------------

/// A new expense claim.
pub struct NewClaim<'a> {
    pub service_id: &'a ServiceId,
    pub person_id: &'a PersonId,
    pub kind: ExpenseKind,
    pub incurred_on: &'a str,
    pub description: &'a str,
    pub miles: i64,
    pub amount_pence: i64,
    /// Stored name, type and bytes of the receipt.
    pub receipt: Option<(String, &'static str, &'a [u8])>,
}

/// Stores a claim with its receipt.
pub async fn insert_claim(conn: &mut AnyConnection, claim: &NewClaim<'_>) -> Result<ClaimId, sqlx::Error> {
    let id = crate::db::new_id();
    let (name, mime, content) = match &claim.receipt {
        Some((name, mime, bytes)) => (Some(name.clone()), Some(*mime), Some(crate::pdf::encode(bytes))),
        None => (None, None, None),
    };
    sqlx::query(
        "INSERT INTO expense_claim (id, service_id, person_id, kind, incurred_on, description, miles, amount_pence,
             receipt_name, receipt_type, receipt_base64, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(claim.service_id)
    .bind(claim.person_id)
    .bind(claim.kind.as_str())
    .bind(claim.incurred_on)
    .bind(claim.description)
    .bind(claim.miles)
    .bind(claim.amount_pence)
    .bind(name)
    .bind(mime)
    .bind(content)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(ClaimId::from(id))
}

/// Corrects a claim its claimant may still change (not approved, not paid): its fields, and its receipt when
/// a new one is given (`None` keeps the stored one). It goes back to the service as new: pending, with any
/// query answered. False when it may no longer be changed (approved or paid meanwhile) or is not theirs.
pub async fn correct_claim(conn: &mut AnyConnection, id: &ClaimId, claim: &NewClaim<'_>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE expense_claim SET service_id = $3, kind = $4, incurred_on = $5, description = $6, miles = $7,
             amount_pence = $8, review = 'pending', review_note = '', approved_at = NULL
         WHERE id = $1 AND person_id = $2 AND review <> 'approved' AND paid_at IS NULL",
    )
    .bind(id)
    .bind(claim.person_id)
    .bind(claim.service_id)
    .bind(claim.kind.as_str())
    .bind(claim.incurred_on)
    .bind(claim.description)
    .bind(claim.miles)
    .bind(claim.amount_pence)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if let Some((name, mime, bytes)) = &claim.receipt {
        sqlx::query("UPDATE expense_claim SET receipt_name = $2, receipt_type = $3, receipt_base64 = $4 WHERE id = $1")
            .bind(id)
            .bind(name)
            .bind(*mime)
            .bind(crate::pdf::encode(bytes))
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// Deletes a claim its claimant withdraws (with its receipt) while it is not approved or paid. False when it
/// may no longer be withdrawn.
pub async fn withdraw_claim(conn: &mut AnyConnection, id: &ClaimId, person: &PersonId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM expense_claim WHERE id = $1 AND person_id = $2 AND review <> 'approved' AND paid_at IS NULL",
    )
    .bind(id)
    .bind(person)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A claim as stored (without its receipt's bytes), with its service's and person's names.
#[derive(Clone, Debug, FromRow)]
pub struct ClaimRow {
    pub id: String,
    pub service_id: String,
    pub person_id: String,
    pub service_name: String,
    pub person_name: String,
    pub kind: String,
    pub incurred_on: String,
    pub description: String,
    pub miles: i64,
    pub amount_pence: i64,
    pub receipt_name: Option<String>,
    pub review: String,
    pub review_note: String,
    pub approved_at: Option<String>,
    pub paid_at: Option<String>,
}

/// The last segment of every receipt's address, `/payments/receipts/<claim id>/receipt`.
pub const RECEIPT_FILE: &str = "receipt";

impl ClaimRow {
    pub fn into_claim(self) -> Option<Claim> {
        // Ids and fixed words only: the receipt's name is typed, and goes out only in `Content-Disposition`.
        let href = self.receipt_name.as_ref().map(|_| format!("/payments/receipts/{}/{}", self.id, RECEIPT_FILE));
        Some(Claim {
            kind: self.kind.parse().ok()?,
            review: self.review.parse().unwrap_or(Review::Pending),
            id: ClaimId::from(self.id),
            service_id: ServiceId::from(self.service_id),
            service_name: self.service_name,
            person_name: self.person_name,
            incurred_on: self.incurred_on,
            description: self.description,
            miles: self.miles,
            amount_pence: self.amount_pence,
            receipt_href: href,
            review_note: self.review_note,
            paid: self.paid_at.is_some(),
        })
    }
}

const CLAIM_COLUMNS: &str =
    "SELECT c.id, c.service_id, c.person_id, s.name AS service_name, p.display_name AS person_name,
    c.kind, c.incurred_on, c.description, c.miles, c.amount_pence, c.receipt_name, c.review, c.review_note,
    c.approved_at, c.paid_at
    FROM expense_claim c JOIN service s ON s.id = c.service_id JOIN person p ON p.id = c.person_id";

/// One claim.
pub async fn fetch_claim(conn: &mut AnyConnection, id: &ClaimId) -> Result<Option<ClaimRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CLAIM_COLUMNS} WHERE c.id = $1")).bind(id).fetch_optional(conn).await
}

/// A person's claims, newest first.
pub async fn list_claims_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<ClaimRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CLAIM_COLUMNS} WHERE c.person_id = $1 ORDER BY c.incurred_on DESC, c.id"))
        .bind(person)
        .fetch_all(conn)
        .await
}

/// A service's claims, newest first.
pub async fn list_claims_for(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<ClaimRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CLAIM_COLUMNS} WHERE c.service_id = $1 ORDER BY c.incurred_on DESC, c.id"))
        .bind(service)
        .fetch_all(conn)
        .await
}

/// A claim's receipt: its stored name, type and bytes.
pub async fn fetch_receipt(
    conn: &mut AnyConnection,
    id: &ClaimId,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT receipt_name, receipt_type, receipt_base64 FROM expense_claim WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    match row {
        Some((Some(name), Some(mime), Some(content))) => Ok(Some((name, mime, crate::pdf::decode(&content)?))),
        _ => Ok(None),
    }
}

// ---- review, export and paying ---------------------------------------------------------------------------

/// Which table a reviewed item is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Offer,
    Claim,
}

impl Item {
    fn table(self) -> &'static str {
        match self {
            Item::Offer => "payment_offer",
            Item::Claim => "expense_claim",
        }
    }
}

/// Approves or queries an item waiting for review (an accepted offer, or a claim, `pending` or `queried`, unpaid).
/// Returns false when it is approved or paid already, or (for an offer) not accepted: an approved item is final
/// (it may already be in a finance file), so it is never approved again or queried. The state is checked in the
/// same `UPDATE` that changes it, so two reviews at once change it once.
pub async fn review(
    conn: &mut AnyConnection,
    item: Item,
    id: &str,
    review: Review,
    note: &str,
) -> Result<bool, sqlx::Error> {
    let accepted = if item == Item::Offer { " AND status = 'accepted'" } else { "" };
    let approved_at = (review == Review::Approved).then(crate::db::now);
    let done = sqlx::query(&format!(
        "UPDATE {} SET review = $2, review_note = $3, approved_at = $4
         WHERE id = $1 AND review IN ('pending', 'queried') AND paid_at IS NULL{accepted}",
        item.table()
    ))
    .bind(id)
    .bind(review.as_str())
    .bind(note)
    .bind(approved_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One line for finance: an approved, unpaid payment or expense.
#[derive(Clone, Debug, FromRow)]
pub struct ToPay {
    /// `payment` or `expense`.
    pub item: String,
    pub person_name: String,
    pub payment_reference: Option<String>,
    pub paid_through: Option<String>,
    pub day: String,
    pub what: String,
    /// For an hourly payment: the minutes and the rate in pence per hour it paid (`None` otherwise).
    pub paid_minutes: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub amount_pence: i64,
    pub approved_at: String,
}

/// A service's approved, unpaid payments and expenses approved at or before `through` (RFC 3339), payments
/// first, then by person and day.
pub async fn list_to_pay(
    conn: &mut AnyConnection,
    service: &ServiceId,
    through: &str,
) -> Result<Vec<ToPay>, sqlx::Error> {
    sqlx::query_as(
        "SELECT x.item, p.display_name AS person_name, pp.payment_reference, pp.paid_through, x.day, x.what,
                x.paid_minutes, x.hourly_rate_pence, x.amount_pence, x.approved_at
         FROM (
             SELECT 'payment' AS item, person_id, happened_on AS day, title AS what, paid_minutes, hourly_rate_pence,
                    accepted_pence AS amount_pence, approved_at
             FROM payment_offer
             WHERE service_id = $1 AND status = 'accepted' AND review = 'approved' AND paid_at IS NULL
                   AND approved_at <= $2
             UNION ALL
             SELECT 'expense' AS item, person_id, incurred_on AS day, description AS what,
                    CAST(NULL AS BIGINT) AS paid_minutes, CAST(NULL AS BIGINT) AS hourly_rate_pence, amount_pence,
                    approved_at
             FROM expense_claim
             WHERE service_id = $1 AND review = 'approved' AND paid_at IS NULL AND approved_at <= $2
         ) x
         JOIN person p ON p.id = x.person_id
         LEFT JOIN payment_person pp ON pp.person_id = x.person_id
         ORDER BY x.item DESC, p.display_name, x.day",
    )
    .bind(service)
    .bind(through)
    .fetch_all(conn)
    .await
}

/// Marks a service's approved, unpaid items approved at or before `through` paid. Returns how many.
pub async fn mark_paid(conn: &mut AnyConnection, service: &ServiceId, through: &str) -> Result<u64, sqlx::Error> {
    let now = crate::db::now();
    let offers = sqlx::query(
        "UPDATE payment_offer SET paid_at = $3 WHERE service_id = $1 AND status = 'accepted' AND review = 'approved'
             AND paid_at IS NULL AND approved_at <= $2",
    )
    .bind(service)
    .bind(through)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    let claims = sqlx::query(
        "UPDATE expense_claim SET paid_at = $3 WHERE service_id = $1 AND review = 'approved' AND paid_at IS NULL
             AND approved_at <= $2",
    )
    .bind(service)
    .bind(through)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(offers.rows_affected() + claims.rows_affected())
}

// ---- for the involvement report (through `partnership::api`) --------------------------------------------

/// Offers of a service for activities that happened in `[from, until)` and what became of them by now:
/// counts, sums in pence, and the distinct people offered, accepting and paid.
pub async fn payment_figures(
    conn: &mut AnyConnection,
    service: &ServiceId,
    from: &str,
    until: &str,
) -> Result<crate::partnership::api::PaymentFigures, sqlx::Error> {
    type Row = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
    let row: Row = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT),
             CAST(COALESCE(SUM(offered_pence), 0) AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN status = 'accepted' THEN 1 ELSE 0 END), 0) AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN status = 'accepted' THEN accepted_pence ELSE 0 END), 0) AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN status = 'declined' THEN 1 ELSE 0 END), 0) AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN status = 'accepted' AND paid_at IS NOT NULL THEN 1 ELSE 0 END), 0)
                 AS BIGINT),
             CAST(COALESCE(SUM(CASE WHEN status = 'accepted' AND paid_at IS NOT NULL THEN accepted_pence ELSE 0 END),
                 0) AS BIGINT),
             CAST(COUNT(DISTINCT person_id) AS BIGINT),
             CAST(COUNT(DISTINCT CASE WHEN status = 'accepted' THEN person_id END) AS BIGINT),
             CAST(COUNT(DISTINCT CASE WHEN status = 'accepted' AND paid_at IS NOT NULL THEN person_id END) AS BIGINT)
         FROM payment_offer WHERE service_id = $1 AND happened_on >= $2 AND happened_on < $3",
    )
    .bind(service)
    .bind(from)
    .bind(until)
    .fetch_one(conn)
    .await?;
    let (
        offers,
        offered_pence,
        accepted,
        accepted_pence,
        declined,
        paid,
        paid_pence,
        people_offered,
        people_accepted,
        people_paid,
    ) = row;
    Ok(crate::partnership::api::PaymentFigures {
        offers,
        offered_pence,
        accepted,
        accepted_pence,
        declined,
        paid,
        paid_pence,
        people_offered,
        people_accepted,
        people_paid,
        small_groups: [false; 3],
    })
}

/// A service's name by its id (`None` when there is no such service): the services a person may claim from.
pub async fn service_name(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM service WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(|(name,)| name))
}
