//! Get involved (`/get-involved`): what is open to join now at each level of the continuum, gathered from
//! every capability's `opportunities` (see `capability`). It belongs to no capability and knows none of them.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, ledger::types::ContinuumLevel, ui::Loaded};

/// One thing to join or read: a link with a line about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub title: String,
    /// A path on this site, such as `/events/open-day-2026-12-03`.
    pub href: String,
    /// A short line after the link ("Saturday 3 October 2026, 10:00 · The Old Library"); may be empty.
    pub detail: String,
}

/// A list of opportunities under one heading, at one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityGroup {
    pub level: ContinuumLevel,
    /// The list's heading ("Open days and events").
    pub heading: String,
    pub items: Vec<Opportunity>,
    /// What to say when `items` is empty; `None` leaves the group out when it is empty.
    pub when_none: Option<String>,
}

/// Everything open now, from every capability, in continuum order. Open to everyone.
#[server(endpoint = "/list_opportunities")]
pub async fn list_opportunities() -> Result<Vec<OpportunityGroup>, AppError> {
    let pool = crate::state::state()?.pool;
    let mut groups = Vec::new();
    for capability in crate::capability::all() {
        if let Some(opportunities) = capability.opportunities {
            groups.extend(opportunities(&pool).await?);
        }
    }
    groups.sort_by_key(|g| g.level.rung());
    Ok(groups)
}

/// What each level means, under its heading, in the words a patient would use.
fn level_invitation(level: ContinuumLevel) -> &'static str {
    match level {
        ContinuumLevel::Information => {
            "Find out about the service: read our pages and leaflets, and come to an open day."
        }
        ContinuumLevel::Consultation => "Tell us what you think about the groups and sessions you go to.",
        ContinuumLevel::Participation => {
            "Help shape the service: the steering group of staff, patients and carers decides how it develops."
        }
        ContinuumLevel::Inclusion => "Help run the service, in a volunteer role or leading sessions alongside staff.",
        ContinuumLevel::Partnership => "Share decisions, for example by sitting on interview panels for new staff.",
    }
}

/// What to say at a level where nothing is open to join online just now: how else to take part.
fn other_ways(level: ContinuumLevel) -> &'static str {
    match level {
        ContinuumLevel::Information => {
            "There is nothing to read or come to just now. Ask the staff of your service for leaflets."
        }
        ContinuumLevel::Consultation => {
            "No feedback forms are open just now. You can always tell the staff of your service what you think, \
             or ask them about the next focus group."
        }
        ContinuumLevel::Participation => {
            "Nothing is open to join online just now. To join the steering group or come to a meeting as a guest, \
             ask the staff of your service."
        }
        ContinuumLevel::Inclusion => {
            "No volunteer roles are open just now. If you would like to volunteer or help lead a session, ask the \
             staff of your service."
        }
        ContinuumLevel::Partnership => {
            "No interview panels are looking for members just now. If you would like to sit on one, ask the staff \
             of your service about panel training."
        }
    }
}

#[component]
fn Group(group: OpportunityGroup) -> impl IntoView {
    let OpportunityGroup { heading, items, when_none, .. } = group;
    if items.is_empty() {
        return when_none
            .map(|note| {
                view! {
                    <h3 class="nhsuk-heading-m">{heading}</h3>
                    <p class="nhsuk-body">{note}</p>
                }
            })
            .into_any();
    }
    view! {
        <h3 class="nhsuk-heading-m">{heading}</h3>
        <ul class="nhsuk-list continuum-ways-list">
            {items.into_iter().map(|item| view! {
                <li>
                    <a href=item.href>{item.title}</a>
                    {(!item.detail.is_empty()).then(|| view! {
                        <span class="nhsuk-body-s continuum-meta">{format!(" {}", item.detail)}</span>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn GetInvolvedPage() -> impl IntoView {
    let groups = Resource::new(|| (), |_| list_opportunities());
    view! {
        <Title text="Get involved" />
        <h1 class="nhsuk-heading-xl">"Get involved"</h1>
        <p class="nhsuk-body-l">"There are five ways to be involved in your service, from finding out about it to sharing decisions. Take part as much or as little as suits you."</p>
        <Loaded resource=groups render=by_level />
    }
}

/// Each level's heading, then its groups.
fn by_level(groups: Vec<OpportunityGroup>) -> impl IntoView {
    ContinuumLevel::ALL
        .iter()
        .map(|level| {
            let level = *level;
            let here: Vec<OpportunityGroup> = groups.iter().filter(|g| g.level == level).cloned().collect();
            let heading = if level == ContinuumLevel::Information {
                "1. Information: find out about the service".to_owned()
            } else {
                format!("{}. {}", level.rung(), level.label())
            };
            // Say how else to take part only where nothing at all is listed (a group that says "no events are
            // planned" already says so).
            let nothing_listed = here.iter().all(|g| g.items.is_empty() && g.when_none.is_none());
            view! {
                <h2 class="nhsuk-heading-l">{heading}</h2>
                {(level != ContinuumLevel::Information).then(|| view! {
                    <p class="nhsuk-body">{level_invitation(level)}</p>
                })}
                {here.into_iter().map(|group| view! { <Group group /> }).collect_view()}
                {nothing_listed.then(|| view! { <p class="nhsuk-body">{other_ways(level)}</p> })}
            }
        })
        .collect_view()
}
