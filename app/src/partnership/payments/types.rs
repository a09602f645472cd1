//! Involvement payments' types, shared by the server and the browser. Every amount is integer pence (`i64`).

use serde::{Deserialize, Serialize};

use crate::accounts::types::{ServiceId, ServiceSummary};

crate::id!(
    /// An offer of payment for taking part in one activity.
    OfferId
);
crate::id!(
    /// An expense claimed with its receipt.
    ClaimId
);

/// How a rate card pays an activity kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum RateBasis {
    /// An amount per hour, for the kind's usual number of hours.
    Hour,
    /// An amount per session (meeting, panel, session).
    Session,
    /// No payment: expenses only.
    ExpensesOnly,
}

impl RateBasis {
    pub const ALL: [RateBasis; 3] = [RateBasis::Session, RateBasis::Hour, RateBasis::ExpensesOnly];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            RateBasis::Hour => "An amount per hour",
            RateBasis::Session => "An amount per session",
            RateBasis::ExpensesOnly => "Expenses only",
        }
    }
}

/// The kinds of expense a service may reimburse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ExpenseKind {
    /// Miles driven, paid at the service's rate per mile.
    Mileage,
    PublicTransport,
    Parking,
    /// Childcare or carer cover.
    CareCover,
}

impl ExpenseKind {
    pub const ALL: [ExpenseKind; 4] =
        [ExpenseKind::PublicTransport, ExpenseKind::Mileage, ExpenseKind::Parking, ExpenseKind::CareCover];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ExpenseKind::Mileage => "Mileage",
            ExpenseKind::PublicTransport => "Public transport",
            ExpenseKind::Parking => "Parking",
            ExpenseKind::CareCover => "Childcare or carer cover",
        }
    }
}

/// Where an offer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum OfferStatus {
    Offered,
    Accepted,
    Declined,
}

/// A manager's review of an accepted offer or an expense claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Review {
    Pending,
    Approved,
    Queried,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// How finance pays a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum PaidThrough {
    Payroll,
    OneOff,
}

impl PaidThrough {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            PaidThrough::Payroll => "Payroll",
            PaidThrough::OneOff => "One-off payment",
        }
    }
}

/// One line of a rate card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// The ledger's activity kind (`ActivityKind::as_str`).
    pub activity_kind: String,
    pub basis: RateBasis,
    /// Pence per hour or per session; 0 for expenses only.
    pub amount_pence: i64,
    /// Hours paid for an hourly rate.
    pub hours: i64,
}

impl Rate {
    /// What taking part once is paid, in pence (0 for expenses only).
    pub fn per_activity(&self) -> i64 {
        match self.basis {
            RateBasis::Hour => self.amount_pence.saturating_mul(self.hours),
            RateBasis::Session => self.amount_pence,
            RateBasis::ExpensesOnly => 0,
        }
    }
}

/// A service's payment settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Where to take benefits advice: a web address or words.
    pub advice_contact: String,
    /// Pence per mile, when mileage is reimbursed.
    pub mileage_pence: Option<i64>,
    pub public_transport: bool,
    pub parking: bool,
    pub care_cover: bool,
}

impl Settings {
    /// Whether the service reimburses `kind`.
    pub fn reimburses(&self, kind: ExpenseKind) -> bool {
        match kind {
            ExpenseKind::Mileage => self.mileage_pence.is_some(),
            ExpenseKind::PublicTransport => self.public_transport,
            ExpenseKind::Parking => self.parking,
            ExpenseKind::CareCover => self.care_cover,
        }
    }
}

/// An offer as its person and the service's managers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: OfferId,
    pub service_name: String,
    pub person_name: String,
    pub title: String,
    pub happened_on: String,
    pub offered_pence: i64,
    pub status: OfferStatus,
    pub accepted_pence: Option<i64>,
    pub review: Review,
    pub review_note: String,
    pub paid: bool,
    /// For an open offer: the person's weekly cap and what they have accepted already in its week, when
    /// accepting the whole offer would pass the cap.
    pub passes_cap: Option<(i64, i64)>,
    /// The service's benefits advice contact.
    pub advice_contact: String,
}

/// An expense claim as its person and the service's managers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub person_name: String,
    pub kind: ExpenseKind,
    pub incurred_on: String,
    pub description: String,
    pub miles: i64,
    pub amount_pence: i64,
    /// The receipt's address, when one was attached.
    pub receipt_href: Option<String>,
    pub review: Review,
    pub review_note: String,
    pub paid: bool,
}

impl Claim {
    /// Whether its claimant may still correct or withdraw it: until a manager approves it (a queried claim
    /// may be corrected and sent again).
    pub fn may_change(&self) -> bool {
        self.review != Review::Approved && !self.paid
    }
}

/// `/payments`: a person's own offers, claims and settings, and the services they may claim from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPayments {
    pub offers: Vec<Offer>,
    pub claims: Vec<Claim>,
    pub weekly_cap_pence: Option<i64>,
    /// Services the person may claim expenses from (offers, or taking part as the ledger records it), with the
    /// expense kinds each reimburses.
    pub services: Vec<(ServiceSummary, Vec<ExpenseKind>)>,
}

/// One service on `/payments/manage`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedService {
    pub service: ServiceSummary,
    pub settings: Settings,
    pub rates: Vec<Rate>,
    pub offers: Vec<Offer>,
    pub claims: Vec<Claim>,
    /// Approved and not yet paid: the payments' and expenses' totals in pence, and the latest approval
    /// (RFC 3339), which "mark paid" marks up to.
    pub to_pay: (i64, i64, Option<String>),
    /// People with approved, unpaid items and no payment reference recorded: finance cannot pay them from the
    /// CSV, so the page warns before it is downloaded.
    pub missing_references: Vec<String>,
}

/// `/payments/manage`: the services the caller manages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagePayments {
    pub services: Vec<ManagedService>,
}

/// An amount in pence as pounds for people: `£12.50`, `£0.05`, `-£3.00`.
pub fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
    format!("{sign}£{}.{:02}", pence / 100, pence % 100)
}

/// An amount in pence as a plain decimal for a spreadsheet: `12.50`.
pub fn decimal(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
    format!("{sign}{}.{:02}", pence / 100, pence % 100)
}
