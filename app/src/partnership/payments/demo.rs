//! Involvement payments' demo data, for the Personality Disorder Service: a rate card and settings, offers
//! made from the ledger's participants (as the housekeeping makes them, an hourly rate paying each meeting's
//! recorded length) of which one is accepted, one
//! accepted at a lower amount and one declined, and expenses claimed with receipts (a PDF and a PNG). Added
//! once. The receipts are tiny stand-in files.

use super::{
    db,
    types::{ExpenseKind, OfferStatus, PaidThrough, Rate, RateBasis, Settings},
};
use crate::accounts::{demo::PD_SERVICE, types::ServiceId};
use crate::error::AppError;
use crate::ledger::types::ActivityKind;

const RECEIPT_PDF: &[u8] = b"%PDF-1.4\n% demo bus ticket receipt\n%%EOF\n";
const RECEIPT_PNG: &[u8] = b"\x89PNG\r\n\x1a\n demo car park receipt";

/// Adds the rate card, settings, offers and claims once; returns how many offers were made.
pub async fn seed_payments(conn: &mut sqlx::AnyConnection, services: &[(&str, ServiceId)]) -> Result<usize, AppError> {
    let Some((_, service)) = services.iter().find(|(name, _)| *name == PD_SERVICE) else { return Ok(0) };
    if !db::list_rates(&mut *conn, service).await?.is_empty() {
        return Ok(0);
    }
    // Meetings are paid by the hour for their real length (the demo's run 18:00 to 19:30: £30.00); a panel has
    // only a start, so it pays the card's 3 hours; a focus group has no times, so its 2.
    let card = [
        (ActivityKind::SteeringGroupMeeting, RateBasis::Hour, 2000, 2),
        (ActivityKind::InterviewPanel, RateBasis::Hour, 2000, 3),
        (ActivityKind::CoDeliveredSession, RateBasis::Session, 3000, 1),
        (ActivityKind::FocusGroup, RateBasis::Hour, 1500, 2),
        (ActivityKind::VolunteerRole, RateBasis::ExpensesOnly, 0, 1),
    ];
    for (kind, basis, amount_pence, hours) in card {
        db::save_rate(
            &mut *conn,
            service,
            &Rate { activity_kind: kind.as_str().to_owned(), basis, amount_pence, hours },
        )
        .await?;
    }
    let settings = Settings {
        advice_contact: "https://www.citizensadvice.org.uk/benefits/".to_owned(),
        mileage_pence: Some(45),
        public_transport: true,
        parking: true,
        care_cover: true,
    };
    db::save_settings(&mut *conn, service, &settings).await?;
    let rates = db::list_rates(&mut *conn, service).await?;
    let took_part = crate::ledger::api::took_part_since(&mut *conn, "2000-01-01").await?;
    let mut offers = Vec::new();
    for took in took_part.iter().filter(|t| t.service_id == service.as_str()) {
        let Some(priced) =
            rates.iter().find(|r| r.activity_kind == took.kind).map(|r| r.offer_for(took.length_minutes))
        else {
            continue;
        };
        if priced.pence > 0 {
            if let Some(id) = db::insert_offer(&mut *conn, took, priced).await? {
                offers.push((id, took.person_id.clone(), priced.pence));
            }
        }
    }
    let choices = [(OfferStatus::Accepted, None), (OfferStatus::Accepted, Some(1000)), (OfferStatus::Declined, None)];
    for ((id, _, amount), (status, lower)) in offers.iter().zip(choices) {
        let accepted = (status == OfferStatus::Accepted).then(|| lower.unwrap_or(*amount).min(*amount));
        db::decide_offer(&mut *conn, id, status, accepted).await?;
    }
    if let Some((_, person, _)) = offers.first() {
        let person = crate::accounts::types::PersonId::from(person.clone());
        db::set_payment_details(&mut *conn, &person, "PAY-00417", PaidThrough::OneOff).await?;
        let claims = [
            (
                ExpenseKind::PublicTransport,
                "Bus to the interview panel and back",
                0,
                480,
                Some(("bus-ticket.pdf", "application/pdf", RECEIPT_PDF)),
            ),
            (
                ExpenseKind::Parking,
                "Hospital car park during the panel",
                0,
                350,
                Some(("car-park.png", "image/png", RECEIPT_PNG)),
            ),
            (ExpenseKind::Mileage, "Drive to the steering group meeting", 12, 12 * 45, None),
        ];
        for (kind, description, miles, amount_pence, receipt) in claims {
            let claim = db::NewClaim {
                service_id: service,
                person_id: &person,
                kind,
                incurred_on: "2026-09-15",
                description,
                miles,
                amount_pence,
                receipt: receipt.map(|(name, mime, bytes)| (name.to_owned(), mime, bytes)),
            };
            db::insert_claim(&mut *conn, &claim).await?;
        }
    }
    Ok(offers.len())
}
