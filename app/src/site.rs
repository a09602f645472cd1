//! What every page's frame needs: the organisation's name, its crisis contacts, and who is signed in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{accounts::types::UserSummary, error::AppError};

/// Settings that shape every page, from the server's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The organisation's display name, shown in the header ("Northshire Mental Health NHS Trust").
    pub organisation: String,
    /// Crisis contacts, one line each, shown in every page footer and on patient-facing forms.
    pub crisis_contacts: Vec<String>,
    /// How to reach the organisation about Continuum, for the contact page, the accessibility statement and
    /// the privacy notice.
    pub contact: OrganisationContact,
}

/// The organisation's contact details, from the settings; any may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationContact {
    pub email: String,
    pub phone: String,
    /// A postal address on one line.
    pub address: String,
    /// How to reach the Data Protection Officer (an email address or a sentence).
    pub data_protection: String,
}

impl OrganisationContact {
    /// Whether no way of contacting the organisation is set.
    pub fn is_empty(&self) -> bool {
        self.email.is_empty() && self.phone.is_empty() && self.address.is_empty()
    }
}

impl SiteInfo {
    /// What a page shows if the settings cannot be read: the default crisis contacts and nothing else.
    pub fn fallback() -> Self {
        Self {
            organisation: String::new(),
            crisis_contacts: Self::default_crisis_contacts(),
            contact: OrganisationContact::default(),
        }
    }

    /// The default crisis contacts for England.
    pub fn default_crisis_contacts() -> Vec<String> {
        vec![
            "If you or someone else is in immediate danger, call 999.".to_owned(),
            "For urgent mental health help, call NHS 111 and choose option 2.".to_owned(),
            "Samaritans are there day or night: call 116 123 for free.".to_owned(),
        ]
    }
}

/// The page frame's data: site settings and the signed-in person, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellData {
    pub site: SiteInfo,
    pub user: Option<UserSummary>,
}

/// Open to everyone: it says only who the caller is.
#[server(endpoint = "/shell_info")]
pub async fn shell_info() -> Result<ShellData, AppError> {
    let state = crate::state::state()?;
    let user = crate::accounts::access::visitor().user.map(|u| u.summary());
    Ok(ShellData { site: (*state.site).clone(), user })
}
