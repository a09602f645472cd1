//! "You said, we did" server functions. The board is open to everyone; an item is added, written, published
//! and read (with its chain back to its source) by staff of its service; its quote is approved by a manager of
//! the service. Every change is audited.

use leptos::prelude::*;

use super::types::{Board, OutcomeId, OutcomePage, OutcomesPage};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use {
    super::{
        db::{self, OutcomeRow, OutcomeWords, Step},
        types::{BoardItem, BoardService, ChainStep, LinkKind, OutcomeLine, OutcomeStatus, SourceKind},
    },
    crate::{
        accounts::{
            access::{all_services, require_staff, services_staffed_by, SignedInUser},
            types::ServiceId,
        },
        consultation::api::{self as consultation_api, Said, SaidKind},
        db::Write,
        error::FormErrors,
        participation::{
            db as participation_db,
            minutes::server::{long_text, screen, writes_with_lived_experience},
        },
        safeguarding::review::{FlagSource, FlagSourceKind},
        state::state,
    },
    sqlx::AnyConnection,
};

/// Staff's list of a service's items and the form for a new one.
pub const OUTCOMES_PATH: &str = "/participation/you-said-we-did";
/// The public board of every service.
pub const BOARD_PATH: &str = "/you-said-we-did";
/// The longest "you said", in characters.
pub const YOU_SAID_MAX: usize = 500;
/// The longest "we did", in characters.
pub const WE_DID_MAX: usize = 1_000;
/// The longest reason we could not, in characters.
pub const REASON_MAX: usize = 500;
/// The longest quote, in characters.
pub const QUOTE_MAX: usize = 300;

/// An item's page for staff.
pub fn outcome_path(id: &OutcomeId) -> String {
    format!("{OUTCOMES_PATH}/{id}")
}

/// A service's board: `/you-said-we-did/<slug>`, the slug made from the service's name (`text::slugify`).
pub fn board_path(service_name: &str) -> String {
    format!("{BOARD_PATH}/{}", crate::text::slugify(service_name))
}

/// A choice's value, `<kind>-<id>`, split into its kind and id; `None` for anything else.
#[cfg(feature = "ssr")]
fn parse_choice<K: std::str::FromStr>(value: &str) -> Option<(K, &str)> {
    let (kind, id) = value.split_once('-')?;
    Some((kind.parse().ok()?, id)).filter(|(_, id)| !id.is_empty())
}

#[cfg(feature = "ssr")]
fn source_value(kind: SourceKind, id: &str) -> String {
    format!("{}-{id}", <&'static str>::from(kind))
}

#[cfg(feature = "ssr")]
fn link_value(kind: LinkKind, id: &str) -> String {
    format!("{}-{id}", <&'static str>::from(kind))
}

#[cfg(feature = "ssr")]
fn said_kind(kind: SaidKind) -> SourceKind {
    match kind {
        SaidKind::Theme => SourceKind::Theme,
        SaidKind::FocusGroup => SourceKind::FocusGroup,
    }
}

/// A stored instant as a readable local day.
#[cfg(feature = "ssr")]
fn local_day(stored: &str) -> String {
    let local = crate::clock::current().local(crate::db::parse_timestamp(stored));
    crate::dates::readable_day(&local.format("%Y-%m-%d").to_string())
}

/// Where a step was: "Steering group meeting on 3 March 2026".
#[cfg(feature = "ssr")]
fn step_detail(step: &Step) -> String {
    format!("{} meeting on {}", step.group_name, crate::dates::readable_day(step.day()))
}

/// A step as staff choose it from a list.
#[cfg(feature = "ssr")]
fn step_label(step: &Step) -> String {
    let what = match step.kind() {
        Some(LinkKind::Decision) => format!("Decision {}: {}", step.number, step.wording),
        Some(LinkKind::Action) => format!("Action ({}): {}", step.action_status, step.wording),
        _ => format!("Agenda item: {}", step.wording),
    };
    format!("{what} ({})", step_detail(step))
}

/// A source's line as anyone may read it: never an agenda item's title (it may be reworded, or become
/// confidential), only a theme's name, a focus group's topic or the group's name.
#[cfg(feature = "ssr")]
async fn source_line(conn: &mut AnyConnection, row: &OutcomeRow, said: &[Said]) -> Result<String, AppError> {
    Ok(match row.source_kind() {
        Some(SourceKind::AgendaItem) => match db::fetch_step(conn, LinkKind::AgendaItem, &row.source_id).await? {
            Some(step) => format!("Raised by a patient or carer member of the {}", step.group_name),
            None => "Raised by a patient or carer member of a group".to_owned(),
        },
        Some(kind) => match said.iter().find(|s| said_kind(s.kind) == kind && s.id == row.source_id) {
            Some(Said { kind: SaidKind::Theme, name, .. }) => format!("What people told us about: {name}"),
            Some(Said { name, held_on, .. }) => format!(
                "From a focus group on {name}{}",
                held_on.as_deref().map(|d| format!(", {}", crate::dates::readable_day(d))).unwrap_or_default()
            ),
            None => "What people told us".to_owned(),
        },
        None => "What people told us".to_owned(),
    })
}

// ---- the public board ----------------------------------------------------------------------------------

/// The public board: the published items of every service (`service_slug` empty) or of the service whose
/// name slugifies to `service_slug` (404 for none). Open to everyone.
#[server(endpoint = "/get_you_said_we_did_board")]
pub async fn get_board(#[server(default)] service_slug: String) -> Result<Board, AppError> {
    let pool = state()?.pool;
    let services = all_services(&pool).await?;
    let chosen = match service_slug.as_str() {
        "" => None,
        slug => Some(services.iter().find(|s| crate::text::slugify(&s.name) == slug).ok_or(AppError::NotFound)?),
    };
    let mut conn = pool.acquire().await?;
    let rows = db::list_published(&mut conn).await?;
    let with_items: Vec<ServiceId> =
        services.iter().filter(|s| rows.iter().any(|r| r.service_id == s.id)).map(|s| s.id.clone()).collect();
    let said = consultation_api::said_to(&pool, &with_items).await?;
    let mut items = Vec::new();
    for row in rows.iter().filter(|r| chosen.is_none_or(|c| c.id == r.service_id)) {
        let service_name = services.iter().find(|s| s.id == row.service_id).map(|s| s.name.clone()).unwrap_or_default();
        let status = row.status();
        items.push(BoardItem {
            id: row.id.clone(),
            service_name,
            you_said: row.you_said.clone(),
            source_line: source_line(&mut conn, row, &said).await?,
            quote: row.quote_approved_at.as_ref().filter(|_| !row.quote.is_empty()).map(|_| row.quote.clone()),
            we_did: row.we_did.clone(),
            status,
            reason: if status == OutcomeStatus::CouldNot { row.could_not_reason.clone() } else { String::new() },
            when: row.published_at.as_deref().map(local_day).unwrap_or_default(),
        });
    }
    let board_service = |name: &str| BoardService { name: name.to_owned(), slug: crate::text::slugify(name) };
    Ok(Board {
        service: chosen.map(|s| board_service(&s.name)),
        services: services.iter().filter(|s| with_items.contains(&s.id)).map(|s| board_service(&s.name)).collect(),
        items,
    })
}

// ---- staff ---------------------------------------------------------------------------------------------

/// Staff's page: the items of every service the caller staffs, and what a new one may be made from.
#[server(endpoint = "/get_you_said_we_did")]
pub async fn get_outcomes() -> Result<OutcomesPage, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let services = services_staffed_by(&user).await?;
    let ids: Vec<ServiceId> = services.iter().map(|s| s.id.clone()).collect();
    let said = consultation_api::said_to(&pool, &ids).await?;
    let mut conn = pool.acquire().await?;
    let several = services.len() > 1;
    let (mut items, mut sources, mut links) = (Vec::new(), Vec::new(), Vec::new());
    for service in &services {
        let prefix = if several { format!("{}: ", service.name) } else { String::new() };
        for row in db::list_outcomes(&mut conn, &service.id).await? {
            items.push(OutcomeLine {
                id: row.id.clone(),
                service_name: service.name.clone(),
                you_said: row.you_said.clone(),
                status: row.status(),
                published: row.published_at.is_some(),
            });
        }
        for s in said.iter().filter(|s| s.service_id == service.id) {
            let label = match s.kind {
                SaidKind::Theme => format!("{prefix}Comment theme: {}", s.name),
                SaidKind::FocusGroup => format!(
                    "{prefix}Focus group: {} ({})",
                    s.name,
                    s.held_on.as_deref().map(crate::dates::readable_day).unwrap_or_default()
                ),
            };
            sources.push((source_value(said_kind(s.kind), &s.id), label));
        }
        for step in db::list_steps(&mut conn, &service.id).await?.iter().filter(|s| !s.confidential()) {
            let Some(kind) = step.kind() else { continue };
            if kind == LinkKind::AgendaItem && step.patient_led != 0 {
                sources.push((
                    source_value(SourceKind::AgendaItem, &step.id),
                    format!("{prefix}Raised by a patient member: {}", step_label(step)),
                ));
            }
            links.push((link_value(kind, &step.id), format!("{prefix}{}", step_label(step))));
        }
    }
    let boards = services.iter().map(|s| BoardService { name: s.name.clone(), slug: crate::text::slugify(&s.name) });
    Ok(OutcomesPage { items, sources, links, boards: boards.collect() })
}

/// The step a link names, if the caller staffs its service (a step of another service is not there for them).
#[cfg(feature = "ssr")]
async fn staffed_step(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    kind: LinkKind,
    id: &str,
) -> Result<Option<Step>, AppError> {
    Ok(db::fetch_step(conn, kind, id).await?.filter(|s| user.is_staff_of(&s.service_id)))
}

/// Links what patients said (`source`: `theme-<id>`, `focus_group-<id>` or `agenda_item-<id>` for an item led
/// by a patient or carer member) to what took it up (`link`: `agenda_item-<id>`, `decision-<id>` or
/// `action-<id>`), with "you said" in plain words. Neither may be confidential, and both must be the same
/// service's, which the caller staffs. The item starts under way and unpublished.
#[server(endpoint = "/add_you_said_we_did")]
pub async fn add_outcome(
    #[server(default)] source: String,
    #[server(default)] link: String,
    #[server(default)] you_said: String,
    #[server(default)] submission: String,
) -> Result<OutcomeId, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let kept = [("source", source.as_str()), ("link", link.as_str()), ("you_said", you_said.as_str())];
    let staffed: Vec<ServiceId> = services_staffed_by(&user).await?.into_iter().map(|s| s.id).collect();
    let said = consultation_api::said_to(&pool, &staffed).await?;
    let mut tx = Write::begin(&pool, Some(&user.id)).await?;
    let mut errors = FormErrors::new();

    let link_step = match parse_choice::<LinkKind>(&link) {
        Some((kind, id)) => staffed_step(tx.conn(), &user, kind, id).await?,
        None => None,
    };
    match &link_step {
        None => errors.add("link", "Choose the agenda item, decision or action that took it up"),
        Some(step) if step.confidential() => {
            errors.add("link", "That agenda item is confidential: choose one that can be told to patients")
        }
        Some(_) => {}
    }

    let parsed_source = parse_choice::<SourceKind>(&source);
    let mut source_refused = false;
    let source_service = match parsed_source {
        Some((SourceKind::AgendaItem, id)) => match staffed_step(tx.conn(), &user, LinkKind::AgendaItem, id).await? {
            Some(step) if step.confidential() => {
                errors.add("source", "That agenda item is confidential: choose one that can be told to patients");
                source_refused = true;
                None
            }
            Some(step) if step.patient_led == 0 => {
                errors.add("source", "Choose an agenda item led by a patient or carer member");
                source_refused = true;
                None
            }
            Some(step) => Some(step.service_id),
            None => None,
        },
        Some((kind, id)) => said.iter().find(|s| said_kind(s.kind) == kind && s.id == id).map(|s| s.service_id.clone()),
        None => None,
    };
    if source_service.is_none() && !source_refused {
        errors.add("source", "Choose what patients said: a comment theme, a focus group or an agenda item");
    }
    if let (Some(from), Some(step)) = (&source_service, &link_step) {
        if *from != step.service_id {
            errors.add("source", "Choose something said to the same service as the item that took it up");
        }
    }
    let you_said =
        long_text(&mut errors, "you_said", &you_said, "what patients said, in plain words", YOU_SAID_MAX, true);
    // The summary lists the messages in the form's order: what patients said, what took it up, the words
    // (tester F9). The sort is stable, so a field's own messages keep their order.
    const FORM_ORDER: [&str; 3] = ["source", "link", "you_said"];
    errors.errors.sort_by_key(|e| FORM_ORDER.iter().position(|f| *f == e.field).unwrap_or(FORM_ORDER.len()));
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let (Some((source_kind, source_id)), Some(step)) = (parsed_source, link_step) else {
        return Err(AppError::Internal);
    };
    let Some(link_kind) = step.kind() else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let new = db::NewOutcome {
        service_id: &step.service_id,
        source: (source_kind, source_id),
        link: (link_kind, &step.id),
        you_said: &you_said,
        by: &user.id,
    };
    let id = db::insert_outcome(tx.conn(), &new).await?;
    tx.audit("you_said_we_did_added", "you_said_we_did", &id, serde_json::json!({ "source": source, "link": link }))
        .await?;
    screen_if_lived(&mut tx, &user, &step, &id, &you_said).await?;
    tx.commit_then(&outcome_path(&id)).await?;
    Ok(id)
}

/// Screens words written by a patient or carer member of the linked step's group (never blocking).
#[cfg(feature = "ssr")]
async fn screen_if_lived(
    tx: &mut Write,
    user: &SignedInUser,
    step: &Step,
    id: &OutcomeId,
    text: &str,
) -> Result<(), AppError> {
    let members = participation_db::list_members(tx.conn(), &step.group_id).await?;
    if writes_with_lived_experience(&members, user, &crate::clock::today()) {
        let source = FlagSource { kind: FlagSourceKind::YouSaidWeDid, id: id.to_string() };
        screen(tx, &step.service_id, source, text, "A \"you said, we did\" item").await?;
    }
    Ok(())
}

/// The item, if the caller staffs its service: another service's staff are told it is not there.
#[cfg(feature = "ssr")]
async fn staffed_outcome(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    id: &OutcomeId,
) -> Result<OutcomeRow, AppError> {
    db::fetch_outcome(conn, id).await?.filter(|r| user.is_staff_of(&r.service_id)).ok_or(AppError::NotFound)
}

/// An item's page for staff of its service, with the chain back to its source: what patients said → the
/// agenda item → its decisions → its actions (only the linked one, when an action is linked) → what we did.
#[server(endpoint = "/get_you_said_we_did_item")]
pub async fn get_outcome(#[server(default)] outcome_id: OutcomeId) -> Result<OutcomePage, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let row = staffed_outcome(&mut conn, &user, &outcome_id).await?;
    let said = consultation_api::said_to(&pool, std::slice::from_ref(&row.service_id)).await?;
    let service_name =
        all_services(&pool).await?.into_iter().find(|s| s.id == row.service_id).map(|s| s.name).unwrap_or_default();

    let mut chain = Vec::new();
    let source_step = match row.source_kind() {
        Some(SourceKind::AgendaItem) => db::fetch_step(&mut conn, LinkKind::AgendaItem, &row.source_id).await?,
        _ => None,
    };
    chain.push(ChainStep {
        step: "What patients said".to_owned(),
        text: match (&source_step, said.iter().find(|s| s.id == row.source_id)) {
            (Some(step), _) => format!("Agenda item raised by a patient or carer member: {}", step.wording),
            (None, Some(s)) if s.kind == SaidKind::Theme => format!("Comment theme: {}", s.name),
            (None, Some(s)) => format!("Focus group: {}", s.name),
            (None, None) => "No longer recorded".to_owned(),
        },
        detail: match (&source_step, said.iter().find(|s| s.id == row.source_id)) {
            (Some(step), _) => step_detail(step),
            (None, Some(s)) => s.held_on.as_deref().map(crate::dates::readable_day).unwrap_or_default(),
            _ => String::new(),
        },
        // Each source linked for staff (tester F9): the agenda item's minutes, the service's comment themes
        // (kept on consultation's settings page), or its focus groups.
        href: match (&source_step, said.iter().find(|s| s.id == row.source_id)) {
            (Some(step), _) => Some(crate::participation::minutes::server::minutes_path(&step.meeting_id)),
            (None, Some(s)) if s.kind == SaidKind::Theme => Some("/consultation/settings".to_owned()),
            (None, Some(_)) => Some("/consultation/focus-groups".to_owned()),
            (None, None) => None,
        },
    });
    let linked = match row.linked_kind() {
        Some(kind) => db::fetch_step(&mut conn, kind, &row.linked_id).await?,
        None => None,
    };
    if let Some(linked) = &linked {
        for step in db::list_item_steps(&mut conn, &linked.item_id).await? {
            let kind = step.kind();
            // Of the item's actions, only the one linked when an action is linked.
            if kind == Some(LinkKind::Action) && linked.kind() == Some(LinkKind::Action) && step.id != linked.id {
                continue;
            }
            let (name, href) = match kind {
                Some(LinkKind::Decision) => (format!("Decision {}", step.number), None),
                Some(LinkKind::Action) => (
                    format!("Action ({})", step.action_status),
                    Some(crate::participation::actions::server::action_path(&step.id.clone().into())),
                ),
                _ => (
                    if step.confidential() { "Agenda item (confidential)" } else { "Agenda item" }.to_owned(),
                    Some(crate::participation::minutes::server::minutes_path(&step.meeting_id)),
                ),
            };
            chain.push(ChainStep { step: name, text: step.wording.clone(), detail: step_detail(&step), href });
        }
    }
    let status = row.status();
    chain.push(ChainStep {
        step: "What we did".to_owned(),
        text: if row.we_did.is_empty() { "Not written yet".to_owned() } else { row.we_did.clone() },
        detail: status.label().to_owned(),
        href: None,
    });
    Ok(OutcomePage {
        id: row.id.clone(),
        board_path: board_path(&service_name),
        service_name,
        you_said: row.you_said.clone(),
        we_did: row.we_did.clone(),
        status,
        reason: row.could_not_reason.clone(),
        quote: row.quote.clone(),
        quote_approved: row.quote_approved_at.is_some(),
        published_on: row.published_at.as_deref().map(local_day),
        chain,
        may_approve_quote: user.manages(&row.service_id),
    })
}

/// Writes what we did, its status (`under_way`, `done`, or `could_not` with the reason), an optional
/// anonymised quote (changing it clears its approval) and whether it is on the board (`publish` = `yes`).
/// Publishing needs what we did; "done" for a linked action needs the action marked done first. For staff of
/// the item's service.
#[server(endpoint = "/save_you_said_we_did")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field")]
pub async fn save_outcome(
    #[server(default)] outcome_id: OutcomeId,
    #[server(default)] status: String,
    #[server(default)] we_did: String,
    #[server(default)] reason: String,
    #[server(default)] quote: String,
    #[server(default)] publish: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    let row = staffed_outcome(tx.conn(), &user, &outcome_id).await?;
    let kept = [
        ("status", status.as_str()),
        ("we_did", we_did.as_str()),
        ("reason", reason.as_str()),
        ("quote", quote.as_str()),
        ("publish", publish.as_str()),
    ];
    let mut errors = FormErrors::new();
    let new_status = status.parse::<OutcomeStatus>().ok();
    if new_status.is_none() {
        errors.add("status", "Choose whether it is under way, done, or we could not");
    }
    let publishing = publish == "yes";
    let we_did = long_text(&mut errors, "we_did", &we_did, "what we did, in plain words", WE_DID_MAX, publishing);
    let reason = long_text(
        &mut errors,
        "reason",
        &reason,
        "why we could not",
        REASON_MAX,
        new_status == Some(OutcomeStatus::CouldNot),
    );
    let quote = long_text(&mut errors, "quote", &quote, "the quote", QUOTE_MAX, false);
    let linked = match row.linked_kind() {
        Some(kind) => db::fetch_step(tx.conn(), kind, &row.linked_id).await?,
        None => None,
    };
    if new_status == Some(OutcomeStatus::Done) {
        if let Some(action) = linked.as_ref().filter(|s| s.kind() == Some(LinkKind::Action)) {
            if action.action_status != "done" {
                errors.add("status", "The action is not marked done yet: mark it done first, or choose under way");
            }
        }
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(new_status) = new_status else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let now = crate::db::now();
    let published_at = publishing.then(|| row.published_at.clone().unwrap_or(now));
    let words = OutcomeWords {
        status: new_status,
        we_did: &we_did,
        reason: if new_status == OutcomeStatus::CouldNot { &reason } else { "" },
        quote: &quote,
        published_at: published_at.as_deref(),
    };
    db::update_outcome(tx.conn(), &outcome_id, &words).await?;
    tx.audit(
        "you_said_we_did_saved",
        "you_said_we_did",
        &outcome_id,
        serde_json::json!({
            "status": new_status.as_str(),
            "published": publishing,
            "quote_changed": quote != row.quote,
        }),
    )
    .await?;
    if let Some(step) = &linked {
        let written = [we_did.as_str(), reason.as_str(), quote.as_str()].join("\n");
        screen_if_lived(&mut tx, &user, step, &outcome_id, &written).await?;
    }
    tx.commit_then(&format!("{}?saved=1", outcome_path(&outcome_id))).await?;
    Ok(())
}

/// Approves the item's anonymised quote for the board: for a manager of its service (or an administrator).
/// Refused calmly (409) when there is no quote or it is approved already.
#[server(endpoint = "/approve_you_said_we_did_quote")]
pub async fn approve_quote(
    #[server(default)] outcome_id: OutcomeId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    let row = staffed_outcome(tx.conn(), &user, &outcome_id).await?;
    if !(user.manages(&row.service_id)) {
        return Err(AppError::Forbidden);
    }
    tx.claim_submission(&submission).await?;
    if !db::approve_quote(tx.conn(), &outcome_id, &user.id).await? {
        return Err(AppError::Conflict("There is no quote waiting to be approved.".into()));
    }
    tx.audit("you_said_we_did_quote_approved", "you_said_we_did", &outcome_id, serde_json::json!({})).await?;
    tx.commit_then(&format!("{}?approved=1", outcome_path(&outcome_id))).await?;
    Ok(())
}
