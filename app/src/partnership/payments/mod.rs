//! Involvement payments (issue 17 §7): people with lived experience are paid for their time, and getting it
//! wrong breaks trust. Each service keeps a **rate card** (activity kind → pence per hour or per session, or
//! expenses only; no line means expenses only) and **settings** (a benefits advice contact; the expense kinds
//! it reimburses, mileage in pence per mile). The housekeeping makes an **offer** to each person with an
//! account who took part with lived experience in a paid kind of activity, as the ledger records who took part
//! (`ledger::api::took_part_since`); the person **accepts, accepts less or declines**, after a plain-words
//! benefits advice note, and may set a **weekly cap** that offers warn against. **Expenses** are claimed with
//! receipts (PDF, JPEG or PNG by content, 5 MB) and kept apart from payments. Managers approve or query both,
//! export the approved items as a **finance CSV** (payroll or one-off, with the person's payment reference —
//! never bank details) and **mark them paid**. Money is integer pence end to end.
//!
//! Files: `types` (shared with the browser), `validate` (money and receipts), `db` (its SQL), `server`
//! (server functions and the offers job), `components` (`/payments`, `/payments/manage`), `routes` (receipts
//! and the CSV), `demo`.

pub mod components;
pub mod server;
pub mod types;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod routes;
