//! The Information level's server functions. Reading published pages and events, registering and cancelling
//! are open to everyone; writing pages, events and leaflets is for those who keep the service's ledger.

use crate::accounts::types::ServiceId;
#[cfg(feature = "ssr")]
use crate::information::types::RegistrationId;
use crate::information::types::{EventId, LeafletId, PageId};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::types::PLACE_COOKIE;
use super::types::{Event, InfoPage, InformationOverview, PublicEvent, Registered, Registration, RegistrationNotice};
#[cfg(feature = "ssr")]
use crate::db::Write;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    accounts::{
        access::ensure_staff_of, access::require_staff, access::services_staffed_by, access::visitor, session,
        validate::EmailAddress,
    },
    error::FormErrors,
    forms::redirect_plain_post,
    information::sources::{EventHeld, LeafletPublished},
    information::validate::{self, InfoPageFields, LeafletFields, ParsedInfoPage, ParsedLeaflet, RegistrationFields},
    information::{db, emails},
    ledger::api as ledger_api,
    mail,
    state::state,
    text::{free_slug, slugify, SlugKind},
};

// ---- reading: open to everyone ------------------------------------------------------------------------

/// A published information page. Its service's staff may also see it while it is a draft.
#[server(endpoint = "/get_info_page")]
pub async fn get_info_page(#[server(default)] slug: String) -> Result<InfoPage, AppError> {
    let page = db::fetch_page_by_slug(&state()?.pool, &slug).await?.ok_or(AppError::NotFound)?;
    let may_preview = visitor().user.is_some_and(|u| u.is_staff_of(&page.service_id));
    if page.published || may_preview {
        Ok(page)
    } else {
        Err(AppError::NotFound)
    }
}

/// An event, for its public page and poster, as everyone may see it: the places left in words, never the
/// capacity or how many registered (`PublicEvent`, `PlacesLeft`).
#[server(endpoint = "/get_event")]
pub async fn get_event(#[server(default)] slug: String) -> Result<PublicEvent, AppError> {
    let event = db::fetch_event_by_slug(&state()?.pool, &slug).await?.ok_or(AppError::NotFound)?;
    Ok(PublicEvent::from(event))
}

/// What a printable poster shows: the title, a line beneath it, and the QR code for its link; or, once what
/// it is for has ended (a past event, a closed form), a plain sentence saying so and no code or address.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Poster {
    pub title: String,
    pub subtitle: String,
    /// The absolute address the code leads to (`links::absolute`); empty once ended.
    pub url: String,
    /// The QR code as SVG; empty once ended.
    pub qr_svg: String,
    /// Why the poster no longer leads anywhere, such as "This event has already happened."
    pub ended: Option<String>,
    /// A "you said, we did" board's most recent items that fit the page, ("You said …", "We did …")
    /// (`participation::api::board_poster`); empty for other posters.
    #[serde(default)]
    pub items: Vec<(String, String)>,
}

/// A poster for a published page (`kind` "info"), an event ("events"), a feedback form that is not a draft ("f")
/// a volunteer role that is not a draft ("volunteer") or a service's "you said, we did" board
/// ("you-said-we-did", by the service's slug).
#[server(endpoint = "/get_poster")]
pub async fn get_poster(#[server(default)] kind: String, #[server(default)] slug: String) -> Result<Poster, AppError> {
    let mut items = Vec::new();
    let (title, subtitle, slug, ended) = match kind.as_str() {
        "info" => {
            let page = get_info_page(slug.clone()).await?;
            (page.title, page.summary, page.slug, None)
        }
        "events" => {
            // By the event's current address: an old one (before it moved) still finds it.
            let event = get_event(slug.clone()).await?;
            let ended = event.past.then(|| "This event has already happened.".to_owned());
            (event.title.clone(), format!("{} · {}", event.when, event.place), event.slug, ended)
        }
        "f" => {
            let poster =
                crate::consultation::api::form_poster(&state()?.pool, &slug).await?.ok_or(AppError::NotFound)?;
            let ended = (!poster.takes_answers).then(|| "This feedback form is closed.".to_owned());
            (poster.title, poster.subtitle, slug, ended)
        }
        "volunteer" => {
            let poster = crate::inclusion::api::role_poster(&state()?.pool, &slug).await?.ok_or(AppError::NotFound)?;
            let ended = (!poster.recruiting).then(|| "This volunteer role is not taking applications now.".to_owned());
            (poster.title, poster.subtitle, slug, ended)
        }
        "you-said-we-did" => {
            let poster =
                crate::participation::api::board_poster(&state()?.pool, &slug).await?.ok_or(AppError::NotFound)?;
            items = poster.items;
            (poster.title, poster.subtitle, slug, None)
        }
        _ => return Err(AppError::NotFound),
    };
    if ended.is_some() {
        return Ok(Poster { title, subtitle, url: String::new(), qr_svg: String::new(), ended, items });
    }
    let url = crate::links::absolute(&state()?.security.base_url, &format!("/{kind}/{slug}"), &[]);
    let qr_svg = super::poster::qr_svg(&url).map_err(|e| AppError::internal("QR code", e))?;
    Ok(Poster { title, subtitle, url, qr_svg, ended, items })
}

// ---- registering for events: open to everyone ---------------------------------------------------------

/// Registers someone for an event: a place is taken only if one is left, and a confirmation with a
/// cancellation link is mailed if they gave an email address. Someone who already has a place under the same
/// address takes no second one and is told so; their confirmation is mailed again, at most once in
/// [`RESEND_GAP_MINUTES`] and [`MOST_RESENDS`] times in all (the form is public: it must not flood an inbox).
/// A plain POST goes on to the event page, whose address says only how it ended ([`Registered::query_value`]);
/// the cancellation token travels only in the mail and in a short-lived cookie ([`PLACE_COOKIE`]).
#[server(endpoint = "/register_for_event")]
pub async fn register_for_event(
    #[server(default)] event_slug: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] access_needs: String,
    #[server(default)] submission: String,
) -> Result<Registered, AppError> {
    let state = state()?;
    let fields = RegistrationFields { name, email, access_needs };
    let kept = fields.kept();
    let keep = |e: AppError| e.keeping(&kept);
    let parsed = fields.parse().map_err(|e| keep(AppError::Validation(e)))?;
    let (clean_name, address) = (parsed.name.clone(), parsed.email.clone());

    let event = db::fetch_event_by_slug(&state.pool, &event_slug).await?.ok_or(AppError::NotFound)?;
    if event.past {
        return Err(keep(AppError::Conflict(EVENT_HAPPENED.into())));
    }
    let token = session::new_token();
    let mut tx = Write::begin(&state.pool, None).await?;
    // The same page sent twice at once: the second is answered as the first, and sends no second mail.
    tx.claim_submission(&submission).await?;
    if let Some(address) = &address {
        if let Some(place) = db::fetch_place_by_email(tx.conn(), &event.id, address.as_str()).await? {
            return already_registered(&state, tx, &event, address, place).await;
        }
    }
    if !db::take_place(tx.conn(), &event.id).await? {
        return Err(keep(AppError::Conflict("Sorry, this event is full. There are no places left.".into())));
    }
    // Taking the place locks the event's row (PostgreSQL), so a registration with the same address sent at the
    // same moment has committed by now and is seen here. The place is given back: the whole change is dropped,
    // and the confirmation is sent again in a change of its own.
    if let Some(address) = &address {
        if let Some(place) = db::fetch_place_by_email(tx.conn(), &event.id, address.as_str()).await? {
            drop(tx);
            let mut tx = Write::begin(&state.pool, None).await?;
            tx.claim_submission(&submission).await?;
            return already_registered(&state, tx, &event, address, place).await;
        }
    }
    let registration = db::NewRegistration {
        event_id: &event.id,
        name: &clean_name,
        email: address.as_ref().map(|a| a.as_str()),
        access_needs: &parsed.access_needs,
        cancel_token_hash: &session::hash_token(&token),
    };
    db::insert_registration(tx.conn(), &registration).await?;
    if let Some(address) = &address {
        let link = cancel_link(&state.security.base_url, &token);
        let reminder_coming = super::reminders::reminder_will_follow(&state.clock, event.day());
        let confirmation =
            emails::registration_confirmed(address.as_str(), &clean_name, &event, &link, reminder_coming);
        mail::enqueue(tx.conn(), &confirmation).await?;
    }
    let registered = Registered::New;
    tx.commit_then(&format!("/events/{}?registered={}", event.slug, registered.query_value())).await?;
    if address.is_some() {
        state.mail_wakeup.notify_one();
    }
    crate::forms::set_cookie(&place_cookie(&state.security, &token));
    tracing::info!(event.id = %event.id, "event registration");
    Ok(registered)
}

/// The longest wait between two mailings of one registration's confirmation to someone registering again.
#[cfg(feature = "ssr")]
pub const RESEND_GAP_MINUTES: i64 = 15;

/// How many times in all one registration's confirmation is mailed again.
#[cfg(feature = "ssr")]
pub const MOST_RESENDS: i64 = 5;

/// Someone registering again with the address they already have a place under: no second place is taken; their
/// confirmation is mailed again (with a cancellation link of its own: the earlier links keep working) unless it
/// was mailed in the last [`RESEND_GAP_MINUTES`] or has been mailed again [`MOST_RESENDS`] times. The change
/// (the submission's token, the new link, the mail) commits as a success, so a repeat is answered the same way.
#[cfg(feature = "ssr")]
async fn already_registered(
    state: &crate::state::AppState,
    mut tx: Write,
    event: &super::types::Event,
    address: &EmailAddress,
    (registration_id, name): (RegistrationId, String),
) -> Result<Registered, AppError> {
    let (last_mailed, resends) = db::confirmation_mailed(tx.conn(), &registration_id).await?;
    let gap = crate::clock::now() - crate::db::parse_timestamp(&last_mailed);
    let resent = gap >= chrono::Duration::minutes(RESEND_GAP_MINUTES) && resends < MOST_RESENDS;
    if resent {
        let token = session::new_token();
        db::insert_registration_token(tx.conn(), &registration_id, &session::hash_token(&token)).await?;
        db::note_confirmation_resent(tx.conn(), &registration_id).await?;
        let link = cancel_link(&state.security.base_url, &token);
        let reminder_coming = super::reminders::reminder_will_follow(&state.clock, event.day());
        let confirmation = emails::registration_confirmed(address.as_str(), &name, event, &link, reminder_coming);
        mail::enqueue(tx.conn(), &confirmation).await?;
    }
    let registered = Registered::Again { resent };
    tx.commit_then(&format!("/events/{}?registered={}", event.slug, registered.query_value())).await?;
    if resent {
        state.mail_wakeup.notify_one();
    }
    Ok(registered)
}

/// The `Set-Cookie` value that lets the browser which registered show its cancellation link for an hour.
#[cfg(feature = "ssr")]
fn place_cookie(security: &crate::state::SecuritySettings, token: &str) -> String {
    let secure = if security.base_url.scheme() == "https" { "; Secure" } else { "" };
    format!("{PLACE_COOKIE}={token}; Path=/events; Max-Age=3600; HttpOnly; SameSite=Lax{secure}")
}

/// The cancellation token of the place this browser took at the event, from its short-lived cookie
/// ([`PLACE_COOKIE`]), while the place is held: for the event page after a plain POST. `None` otherwise.
#[server(endpoint = "/my_place")]
pub async fn my_place(#[server(default)] event_slug: String) -> Result<Option<String>, AppError> {
    let pool = state()?.pool;
    let Some(token) = use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .find_map(|v| v.to_str().ok().and_then(|header| crate::forms::cookie_value(header, PLACE_COOKIE)))
        })
        .filter(|token| !token.is_empty())
    else {
        return Ok(None);
    };
    let Some((_, event_id, _, cancelled)) =
        db::fetch_registration_by_token(&pool, &session::hash_token(&token)).await?
    else {
        return Ok(None);
    };
    let event = db::fetch_event_by_slug(&pool, &event_slug).await?;
    Ok((!cancelled && event.is_some_and(|e| e.id == event_id)).then_some(token))
}

#[cfg(feature = "ssr")]
const EVENT_HAPPENED: &str = "This event has already happened.";

#[cfg(feature = "ssr")]
/// The link in mail that cancels a registration.
pub fn cancel_link(base_url: &url::Url, token: &str) -> String {
    crate::links::absolute(base_url, "/events/cancel", &[("token", token)])
}

/// The registration a cancellation link is for.
#[server(endpoint = "/check_registration")]
pub async fn check_registration(#[server(default)] token: String) -> Result<RegistrationNotice, AppError> {
    let pool = state()?.pool;
    let (_, event_id, name, cancelled) =
        db::fetch_registration_by_token(&pool, &session::hash_token(&token)).await?.ok_or(AppError::NotFound)?;
    let event = db::fetch_event(&pool, &event_id).await?.ok_or(AppError::NotFound)?;
    Ok(RegistrationNotice {
        when: event.when(),
        event_title: event.title,
        event_slug: event.slug,
        place: event.place,
        name,
        cancelled,
        past: event.past,
    })
}

/// Cancels a registration from its link, giving the place back. Once the event has happened there is
/// nothing to cancel: the link says so and changes nothing.
#[server(endpoint = "/cancel_registration")]
pub async fn cancel_registration(
    #[server(default)] token: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let (registration_id, event_id, _, _) =
        db::fetch_registration_by_token(tx.conn(), &session::hash_token(&token)).await?.ok_or(AppError::NotFound)?;
    if db::fetch_event(tx.conn(), &event_id).await?.is_none_or(|e| e.past) {
        return Err(AppError::Conflict(EVENT_HAPPENED.into()));
    }
    db::cancel_registration(tx.conn(), &registration_id, &event_id).await?;
    tx.commit_then(&format!("/events/cancel?token={token}&done=1")).await?;
    Ok(())
}

// ---- staff: pages, events, leaflets ----------------------------------------------------------------------

/// Everything on the Information level in the caller's services.
#[server(endpoint = "/information_overview")]
pub async fn get_information_overview() -> Result<InformationOverview, AppError> {
    let user = require_staff()?;
    let services = services_staffed_by(&user).await?;
    let ids: Vec<ServiceId> = services.iter().map(|s| s.id.clone()).collect();
    let pool = state()?.pool;
    Ok(InformationOverview {
        pages: db::list_pages(&pool, Some(&ids)).await?,
        events: db::list_events(&pool, Some(&ids), &crate::clock::local_now()).await?,
        leaflets: db::list_leaflets(&pool, Some(&ids)).await?,
        services,
    })
}

/// A page for its edit form (drafts too).
#[server(endpoint = "/get_info_page_for_editing")]
pub async fn get_info_page_for_editing(#[server(default)] page_id: PageId) -> Result<InfoPage, AppError> {
    let user = require_staff()?;
    let page = db::fetch_page(&state()?.pool, &page_id).await?.ok_or(AppError::NotFound)?;
    if !user.is_staff_of(&page.service_id) {
        return Err(AppError::NotFound);
    }
    Ok(page)
}

/// Creates a page (no `page_id`) or changes one. Returns its address part.
#[server(endpoint = "/save_info_page")]
pub async fn save_info_page(
    #[server(default)] page_id: PageId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] title: String,
    #[server(default)] summary: String,
    #[server(default)] body: String,
    published: Option<String>,
    #[server(default)] submission: String,
) -> Result<String, AppError> {
    let user = require_staff()?;
    // Access first, before anything typed is looked at.
    if page_id.is_empty() {
        if !service_id.is_empty() {
            ensure_staff_of(&user, &service_id)?;
        }
    } else {
        db::fetch_page(&state()?.pool, &page_id)
            .await?
            .filter(|p| user.is_staff_of(&p.service_id))
            .ok_or(AppError::NotFound)?;
    }
    let fields = InfoPageFields { title, summary, body };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    let keep = |e: AppError| e.keeping(&kept);
    let mut parsed = fields.parse();
    if page_id.is_empty() && service_id.is_empty() {
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("service_id", "Choose the service");
        parsed = Err(errors);
    }
    let ParsedInfoPage { title: clean_title, summary: clean_summary, body } =
        parsed.map_err(|e| keep(AppError::Validation(e)))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let published = published.is_some();
    let (id, slug) = if page_id.is_empty() {
        if !user.is_staff_of(&service_id) {
            return Err(AppError::Forbidden);
        }
        let slug = free_slug(tx.conn(), SlugKind::InfoPage, &slugify(&clean_title)).await?;
        let fields = db::PageFields {
            service_id: &service_id,
            title: &clean_title,
            summary: &clean_summary,
            body: &body,
            published,
        };
        (db::insert_page(tx.conn(), &slug, &fields, &user.id).await?, slug)
    } else {
        let existing = db::fetch_page(tx.conn(), &page_id)
            .await?
            .filter(|p| user.is_staff_of(&p.service_id))
            .ok_or(AppError::NotFound)?;
        let fields = db::PageFields {
            service_id: &existing.service_id,
            title: &clean_title,
            summary: &clean_summary,
            body: &body,
            published,
        };
        db::update_page(tx.conn(), &page_id, &fields).await?;
        (page_id.clone(), existing.slug)
    };
    let action = if page_id.is_empty() { "info_page_created" } else { "info_page_changed" };
    tx.audit(action, "info_page", &id, serde_json::json!({ "title": clean_title, "published": published })).await?;
    tx.commit_then(&format!("/info/{slug}")).await?;
    Ok(slug)
}

/// Creates an event (no `event_id`) or changes one. Returns its address part.
#[server(endpoint = "/save_event")]
pub async fn save_event(
    #[server(default)] event_id: EventId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] title: String,
    #[server(default)] description: String,
    #[server(default)] day_day: String,
    #[server(default)] day_month: String,
    #[server(default)] day_year: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] place: String,
    #[server(default)] capacity: String,
    #[server(default)] submission: String,
) -> Result<String, AppError> {
    let user = require_staff()?;
    // Access first, before anything typed is looked at.
    if event_id.is_empty() {
        if !service_id.is_empty() {
            ensure_staff_of(&user, &service_id)?;
        }
    } else {
        db::fetch_event(&state()?.pool, &event_id)
            .await?
            .filter(|e| user.is_staff_of(&e.service_id))
            .ok_or(AppError::NotFound)?;
    }
    let fields =
        validate::EventFields { title, description, day_day, day_month, day_year, start, end, place, capacity };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    let keep = |e: AppError| e.keeping(&kept);
    let validate::ParsedEvent { title, description, starts_at, ends_at, place, capacity } =
        fields.parse().map_err(|e| keep(AppError::Validation(e)))?;
    let state = state()?;
    if let Some(message) = missing_time(&state.clock, &starts_at, &ends_at) {
        return Err(keep(AppError::field("start", message)));
    }
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let mut told = 0;
    let (id, slug) = if event_id.is_empty() {
        if service_id.is_empty() {
            return Err(keep(AppError::field("service_id", "Choose the service")));
        }
        if !user.is_staff_of(&service_id) {
            return Err(AppError::Forbidden);
        }
        let slug = free_slug(tx.conn(), SlugKind::Event, &format!("{}-{}", slugify(&title), &starts_at[..10])).await?;
        let fields = db::EventFields {
            service_id: &service_id,
            title: &title,
            description: &description,
            starts_at: &starts_at,
            ends_at: &ends_at,
            place: &place,
            capacity,
        };
        (db::insert_event(tx.conn(), &slug, &fields, &user.id).await?, slug)
    } else {
        let existing = db::fetch_event(tx.conn(), &event_id)
            .await?
            .filter(|e| user.is_staff_of(&e.service_id))
            .ok_or(AppError::NotFound)?;
        let fields = db::EventFields {
            service_id: &existing.service_id,
            title: &title,
            description: &description,
            starts_at: &starts_at,
            ends_at: &ends_at,
            place: &place,
            capacity,
        };
        if db::update_event(tx.conn(), &event_id, &fields).await? == 0 {
            let message = format!(
                "{} already taken, so there must be at least that many",
                crate::text::count(existing.places_taken, "place is", "places are")
            );
            return Err(keep(AppError::field("capacity", message)));
        }
        let slug = move_event(&mut tx, &existing, &title, &starts_at).await?;
        told = tell_of_change(&mut tx, &existing, &state.security.base_url).await?;
        (event_id.clone(), slug)
    };
    let action = if event_id.is_empty() { "event_created" } else { "event_changed" };
    let details = serde_json::json!({ "title": title, "starts_at": starts_at, "registrations_told": told });
    tx.audit(action, "event", &id, details).await?;
    tx.commit_then(&format!("/events/{slug}")).await?;
    if told > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(slug)
}

/// The message for a start or end time that does not exist locally (the hour the clocks go forward).
#[cfg(feature = "ssr")]
fn missing_time(clock: &crate::clock::Clock, starts_at: &str, ends_at: &str) -> Option<String> {
    let parse = |t: &str| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok();
    let skipped = [starts_at, ends_at].into_iter().filter_map(parse).find(|t| !clock.exists(*t))?;
    Some(format!(
        "There is no {} on {}: the clocks go forward that night. Choose a time after the change",
        skipped.format("%H:%M"),
        crate::dates::readable_day(&skipped.format("%Y-%m-%d").to_string())
    ))
}

/// After an event is changed: when it moved to another date, gives it the address for that date (the old one
/// keeps leading to it) and returns the address it has now. When its start moved, reminders already sent
/// were for the old time, so they are re-armed.
#[cfg(feature = "ssr")]
async fn move_event(tx: &mut Write, before: &Event, title: &str, starts_at: &str) -> Result<String, AppError> {
    if before.starts_at != starts_at {
        db::rearm_reminders(tx.conn(), &before.id).await?;
    }
    let new_day = starts_at.get(..10).unwrap_or_default();
    if before.day() == new_day {
        return Ok(before.slug.clone());
    }
    let base = format!("{}-{new_day}", slugify(title));
    let slug = if db::is_former_slug_of(tx.conn(), &before.id, &base).await? {
        base
    } else {
        free_slug(tx.conn(), SlugKind::Event, &base).await?
    };
    db::move_event_address(tx.conn(), &before.id, &before.slug, &slug).await?;
    Ok(slug)
}

/// Tells everyone still registered (with an email) that an event's date, times or place changed, with a
/// fresh cancellation link each. Returns how many were told; nothing is sent for other changes.
#[cfg(feature = "ssr")]
async fn tell_of_change(tx: &mut Write, before: &Event, base_url: &url::Url) -> Result<usize, AppError> {
    let Some(after) = db::fetch_event(tx.conn(), &before.id).await? else { return Ok(0) };
    if (&after.starts_at, &after.ends_at, &after.place) == (&before.starts_at, &before.ends_at, &before.place) {
        return Ok(0);
    }
    let registrations = db::list_registrations_to_tell(tx.conn(), &before.id).await?;
    for (registration_id, email, name) in &registrations {
        let token = session::new_token();
        db::insert_registration_token(tx.conn(), registration_id, &session::hash_token(&token)).await?;
        let message = emails::event_changed(email, name, before, &after, &cancel_link(base_url, &token));
        mail::enqueue(tx.conn(), &message).await?;
    }
    tracing::info!(event.id = %before.id, told = registrations.len(), "event changed; registrations told");
    Ok(registrations.len())
}

/// An event and everyone registered for it, for its staff.
#[server(endpoint = "/event_registrations")]
pub async fn event_registrations(#[server(default)] slug: String) -> Result<(Event, Vec<Registration>), AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let event = db::fetch_event_by_slug(&pool, &slug)
        .await?
        .filter(|e| user.is_staff_of(&e.service_id))
        .ok_or(AppError::NotFound)?;
    let registrations = db::list_registrations(&pool, &event.id).await?;
    Ok((event, registrations))
}

/// Records that an event was held, with who came: an Information activity in the ledger, linked to the event
/// (recording again corrects the numbers).
#[server(endpoint = "/record_event_held")]
pub async fn record_event_held(
    #[server(default)] event_id: EventId,
    #[server(default)] patients: String,
    #[server(default)] carers: String,
    #[server(default)] staff: String,
    #[server(default)] others: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let event = db::fetch_event(&state.pool, &event_id)
        .await?
        .filter(|e| user.is_staff_of(&e.service_id))
        .ok_or(AppError::NotFound)?;
    let fields = ledger_api::ParticipantFields { patients, carers, staff, others };
    let kept = [
        ("patients", fields.patients.as_str()),
        ("carers", fields.carers.as_str()),
        ("staff", fields.staff.as_str()),
        ("others", fields.others.as_str()),
    ];
    let participants = fields.parse().map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    ledger_api::record_in(&mut tx, &EventHeld { event: &event, participants }).await?;
    db::mark_held(tx.conn(), &event.id, event.day()).await?;
    tx.commit_then(&format!("/information/events/{}?held=1", event.slug)).await?;
    Ok(())
}

/// Publishes a leaflet and records the publication in the ledger (Information, leaflet).
#[cfg(feature = "ssr")]
pub async fn publish_leaflet(
    user: &crate::accounts::access::SignedInUser,
    service_id: &ServiceId,
    title: &str,
    summary: &str,
    file_name: &str,
    bytes: &[u8],
    submission: &str,
) -> Result<LeafletId, AppError> {
    if !service_id.is_empty() {
        ensure_staff_of(user, service_id)?;
    }
    let mut errors = FormErrors::new();
    let ParsedLeaflet { title: clean_title, summary: clean_summary } =
        LeafletFields { title: title.to_owned(), summary: summary.to_owned() }.parse_into(&mut errors);
    if service_id.is_empty() {
        errors.add("service_id", "Choose the service");
    }
    if let Err(message) = crate::pdf::check(file_name, bytes, "Leaflets") {
        errors.add("file", message);
    }
    errors
        .into_result()
        .map_err(|e| e.keeping(&[("title", title), ("summary", summary), ("service_id", service_id.as_str())]))?;
    if !user.is_staff_of(service_id) {
        return Err(AppError::Forbidden);
    }
    let today = crate::clock::today();
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    // The same copy of the upload page sent again (a retried upload) stores no second leaflet or activity.
    tx.claim_submission(submission).await?;
    let leaflet = db::NewLeaflet {
        service_id,
        title: &clean_title,
        summary: &clean_summary,
        file_name: &crate::download::uploaded_name(file_name, "leaflet.pdf"),
        content: bytes,
        published_on: &today,
    };
    let id = db::insert_leaflet(tx.conn(), &leaflet, &user.id).await?;
    let published =
        LeafletPublished { id: &id, service_id, title: &clean_title, summary: &clean_summary, published_on: &today };
    ledger_api::record_in(&mut tx, &published).await?;
    tx.audit("leaflet_published", "leaflet", &id, serde_json::json!({ "title": clean_title })).await?;
    tx.commit().await?;
    Ok(id)
}

/// Uploads and publishes a leaflet: a multipart form with `service_id`, `title`, `summary` and the PDF in
/// `file`. The file is read in chunks and refused as soon as it passes the size limit.
#[server(endpoint = "/upload_leaflet", input = server_fn::codec::MultipartFormData)]
pub async fn upload_leaflet(data: server_fn::codec::MultipartData) -> Result<LeafletId, AppError> {
    let user = require_staff()?;
    let mut upload = crate::pdf::read_upload(data, &["file"]).await?;
    let file = upload.take_file("file");
    let (service_id, title, summary, submission) =
        (upload.text("service_id"), upload.text("title"), upload.text("summary"), upload.text("submission"));
    if file.too_big {
        let kept = [("title", title.as_str()), ("summary", summary.as_str()), ("service_id", service_id.as_str())];
        return Err(AppError::field("file", crate::pdf::TOO_BIG).keeping(&kept));
    }
    let (file_name, bytes) = (file.name, file.bytes);
    let id =
        publish_leaflet(&user, &ServiceId::from(service_id), &title, &summary, &file_name, &bytes, &submission).await?;
    redirect_plain_post("/information?leaflet=1");
    Ok(id)
}
