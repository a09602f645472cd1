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
    /// An amount per hour: for the activity's recorded length when the ledger has one, the rate card line's
    /// hours paid otherwise ([`Rate::offer_for`]).
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
    /// Hours paid for an hourly rate when the activity has no recorded length (1 to 12 on the form); 0 when
    /// not asked, for a kind whose length is always recorded ([`length_recorded`]): then an activity with no
    /// length (which its source never makes) is offered nothing rather than a guessed amount.
    pub hours: i64,
}

/// Whether the ledger records the length of every activity of this kind (`ledger::api::TookPart::length_minutes`):
/// a steering group meeting (its start and end) and a co-delivered session (its start and end). An hourly rate
/// for one of these is paid for that length, so its card line needs no "hours paid" (tester 17c, finding 5);
/// an interview panel (only a start), a focus group, a volunteer role and other kinds have none.
pub fn length_recorded(kind: crate::ledger::types::ActivityKind) -> bool {
    use crate::ledger::types::ActivityKind;
    matches!(kind, ActivityKind::SteeringGroupMeeting | ActivityKind::CoDeliveredSession)
}

/// What an offer pays and, for an hourly rate, what for: the amount, the minutes paid and the rate per hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priced {
    /// The amount offered, in pence.
    pub pence: i64,
    /// For an hourly rate: the minutes paid (the activity's length, or the card's hours × 60) and the rate in
    /// pence per hour. `None` for a per-session rate.
    pub hourly: Option<(i64, i64)>,
}

impl Rate {
    /// What taking part once is paid, in pence (0 for expenses only), by the card alone: an hourly rate for the
    /// card's hours paid. [`Rate::offer_for`] is what an offer pays.
    pub fn per_activity(&self) -> i64 {
        self.offer_for(None).pence
    }

    /// What an offer pays for taking part in an activity that lasted `length_minutes` (as the ledger records
    /// it; `None` when its source knows no end, or a length that is not positive): a per-session rate its
    /// amount whatever the length; an hourly rate [`hourly_pence`] of the length when there is one, and of the
    /// card's hours paid otherwise; expenses only nothing.
    pub fn offer_for(&self, length_minutes: Option<i64>) -> Priced {
        match self.basis {
            RateBasis::Hour => {
                let minutes = length_minutes.filter(|m| *m > 0).unwrap_or_else(|| self.hours.max(0).saturating_mul(60));
                Priced { pence: hourly_pence(self.amount_pence, minutes), hourly: Some((minutes, self.amount_pence)) }
            }
            RateBasis::Session => Priced { pence: self.amount_pence, hourly: None },
            RateBasis::ExpensesOnly => Priced { pence: 0, hourly: None },
        }
    }
}

/// An hourly rate's pay for `minutes`, in whole pence: `(pence_per_hour × minutes + 30) ÷ 60` in integers,
/// that is, rounded to the nearest penny with a half penny rounded up (£20.00 an hour for 50 minutes is
/// 1,666.67p, so £16.67; £0.01 an hour for 30 minutes is half a penny, so 1p). No floating point. Negative
/// inputs pay nothing; the arithmetic is in `i128`, so no input overflows (the forms allow at most
/// `validate::MAX_PENCE`, £100,000.00, an hour, and a length is at most a day and its clock change), and a
/// result past `i64::MAX` pence saturates.
pub fn hourly_pence(pence_per_hour: i64, minutes: i64) -> i64 {
    if pence_per_hour <= 0 || minutes <= 0 {
        return 0;
    }
    let exact = (i128::from(pence_per_hour) * i128::from(minutes) + 30) / 60;
    i64::try_from(exact).unwrap_or(i64::MAX)
}

/// A length in minutes as people read it: "1 h 45 min", "2 h", "50 min" (0 or less: "0 min").
pub fn hours_and_minutes(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// What an hourly offer paid for, as people read it: "1 h 45 min at £20.00 an hour".
pub fn hours_paid(minutes: i64, pence_per_hour: i64) -> String {
    format!("{} at {} an hour", hours_and_minutes(minutes), pounds(pence_per_hour))
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
    /// For an hourly rate: the minutes paid and the rate in pence per hour ([`Priced::hourly`]); `None` for a
    /// per-session rate.
    pub hourly: Option<(i64, i64)>,
    /// What was offered before the activity's recorded length changed while the offer was unanswered.
    pub repriced_from_pence: Option<i64>,
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

impl Offer {
    /// What an hourly offer paid for ("1 h 45 min at £20.00 an hour"); `None` for a per-session rate.
    pub fn hours_paid(&self) -> Option<String> {
        self.hourly.map(|(minutes, rate)| hours_paid(minutes, rate))
    }
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

/// An amount in pence as people read it, and as they are shown everywhere money is shown — pages, mail,
/// messages and the involvement report: pounds with commas between thousands and the pence, `£1,234.05`
/// (`£0.07`, `-£3.00`). Integer division, no floating point. The project's one money formatter; a box to type an
/// amount into is filled with [`amount`], the same without the `£`, which `validate::parse_pence` reads back.
pub fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    format!("{sign}£{}", amount(pence.abs()))
}

/// An amount in pence as it is typed into a form's box: `1,234.05` (commas between thousands, as
/// `validate::parse_pence` accepts them; `-` before a negative amount).
pub fn amount(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
    let whole = (pence / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}.{:02}", pence % 100)
}

/// An amount in pence as a plain decimal for a spreadsheet: `12.50`.
pub fn decimal(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
    format!("{sign}{}.{:02}", pence / 100, pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shown_with_commas_between_thousands() {
        assert_eq!(pounds(123_405), "£1,234.05");
        assert_eq!(pounds(7), "£0.07");
        assert_eq!(pounds(10_000_000), "£100,000.00");
        assert_eq!(pounds(99_999), "£999.99");
        assert_eq!(pounds(-300), "-£3.00");
        assert_eq!(amount(123_405), "1,234.05");
        assert_eq!(amount(12_345_678_900), "123,456,789.00");
        assert_eq!(decimal(123_405), "1234.05", "a spreadsheet's cell stays a plain number");
    }

    #[test]
    fn hourly_pay_rounds_half_a_penny_up_in_whole_pence() {
        assert_eq!(hourly_pence(2000, 105), 3500, "1 h 45 min at £20.00");
        assert_eq!(hourly_pence(2000, 50), 1667, "1,666.67p");
        assert_eq!(hourly_pence(2000, 40), 1333, "1,333.33p");
        assert_eq!(hourly_pence(1, 30), 1, "half a penny rounds up");
        assert_eq!(hourly_pence(1, 29), 0, "under half a penny rounds down");
        assert_eq!(hourly_pence(1999, 1), 33, "33.32p");
        assert_eq!(hourly_pence(2000, 0), 0);
        assert_eq!(hourly_pence(-5, 60), 0);
        assert_eq!(hourly_pence(2000, -60), 0);
    }

    #[test]
    fn the_largest_amounts_the_forms_allow_do_not_overflow() {
        let max_rate = crate::partnership::payments::validate::MAX_PENCE;
        // The longest day there is: 25 hours, the night the clocks go back.
        assert_eq!(hourly_pence(max_rate, 25 * 60), 250_000_000);
        // The card's most hours paid (12) at the largest rate.
        let rate = Rate { activity_kind: "x".into(), basis: RateBasis::Hour, amount_pence: max_rate, hours: 12 };
        assert_eq!(rate.offer_for(None).pence, 120_000_000);
        // Nothing a source could store overflows: it saturates.
        assert_eq!(hourly_pence(i64::MAX, i64::MAX), i64::MAX);
        assert_eq!(hourly_pence(i64::MAX, 60), i64::MAX);
    }

    #[test]
    fn an_offer_pays_the_length_for_an_hourly_rate_and_not_for_a_session() {
        let hourly = Rate { activity_kind: "x".into(), basis: RateBasis::Hour, amount_pence: 2000, hours: 3 };
        assert_eq!(hourly.offer_for(Some(105)), Priced { pence: 3500, hourly: Some((105, 2000)) });
        assert_eq!(hourly.offer_for(None), Priced { pence: 6000, hourly: Some((180, 2000)) });
        assert_eq!(hourly.offer_for(Some(0)), Priced { pence: 6000, hourly: Some((180, 2000)) });
        let session = Rate { basis: RateBasis::Session, ..hourly.clone() };
        assert_eq!(session.offer_for(Some(105)), Priced { pence: 2000, hourly: None });
        let none = Rate { basis: RateBasis::ExpensesOnly, amount_pence: 0, ..hourly };
        assert_eq!(none.offer_for(Some(105)).pence, 0);
    }

    #[test]
    fn hours_paid_reads_as_hours_and_minutes() {
        assert_eq!(hours_paid(105, 2000), "1 h 45 min at £20.00 an hour");
        assert_eq!(hours_and_minutes(120), "2 h");
        assert_eq!(hours_and_minutes(50), "50 min");
        assert_eq!(hours_and_minutes(-3), "0 min");
    }
}
