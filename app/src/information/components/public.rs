use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    error::AppError,
    information::{
        server::{
            check_registration, get_event, get_info_page, get_poster, my_place, CancelRegistration, Poster,
            RegisterForEvent,
        },
        types::{InfoPage, PlacesLeft, PublicEvent, Registered, RegistrationNotice},
    },
    ui::{layout::CrisisContacts, ErrorPage, ErrorSummary, FormStatus, Loaded, SubmitButton, TextInput, Textarea},
};

/// The `:slug` of the current route.
fn slug_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("slug")).unwrap_or_default()
}

#[component]
pub fn InfoPageView() -> impl IntoView {
    let slug = slug_param();
    let page = Resource::new(slug, get_info_page);
    view! {
        <Loaded resource=page render=|page: InfoPage| view! {
            <Title text=page.title.clone() />
            <span class="nhsuk-caption-l">{page.service_name.clone()}</span>
            <h1 class="nhsuk-heading-xl">{page.title.clone()}</h1>
            {(!page.published).then(|| view! {
                <div class="nhsuk-inset-text"><p>"This page is a draft: only staff can see it."</p></div>
            })}
            <div class="nhsuk-body continuum-prose" inner_html=page.body_html.clone()></div>
            <p class="nhsuk-body"><a href=format!("/posters/info/{}", page.slug)>"Print a poster for this page"</a></p>
        } />
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let slug = slug_param();
    let query = use_query_map();
    let register = ServerAction::<RegisterForEvent>::new();
    let status = FormStatus::of(register);
    let event = Resource::new(move || (slug(), register.version().get()), |(slug, _)| get_event(slug));
    // How registering ended: the hydrated form's answer, or the word a plain POST's redirect put in the address.
    let registered = move || {
        register
            .value()
            .get()
            .and_then(Result::ok)
            .or_else(|| query.with(|q| q.get("registered")).and_then(|v| Registered::from_query_value(&v)))
    };
    // The cancellation link of the place this browser took, from its short-lived cookie.
    let place = Resource::new(move || (slug(), register.version().get()), |(slug, _)| my_place(slug));
    view! {
        // At the top, as NHS.UK places it: below the event's details and the crisis contacts it was about
        // 1,070 px down a phone's screen.
        <ErrorSummary status />
        <Loaded resource=event render={move |event: PublicEvent| {
            let full = event.places == PlacesLeft::Full;
            let slug = event.slug.clone();
            view! {
                <Title text=event.title.clone() />
                <span class="nhsuk-caption-l">{event.service_name.clone()}</span>
                <h1 class="nhsuk-heading-xl">{event.title.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"When"</dt><dd class="nhsuk-summary-list__value">{event.when.clone()}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Where"</dt><dd class="nhsuk-summary-list__value">{event.place.clone()}</dd></div>
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"Places"</dt>
                        <dd class="nhsuk-summary-list__value">{event.places.text()}</dd>
                    </div>
                </dl>
                <div class="nhsuk-body continuum-prose" inner_html=event.description_html.clone()></div>
                {move || match registered() {
                    Some(Registered::New) => view! {
                        <div class="nhsuk-panel continuum-confirmation" role="status">
                            <h2 class="nhsuk-panel__title">"You are registered"</h2>
                            <div class="nhsuk-panel__body">"We look forward to seeing you."</div>
                        </div>
                        <p class="nhsuk-body">"If you gave an email address, we have sent you a confirmation with a link to cancel, and will remind you the day before."</p>
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                place.await.ok().flatten().map(|token| view! {
                                    <p class="nhsuk-body">
                                        "If you can no longer come, "
                                        <a href=format!("/events/cancel?token={token}")>"cancel your place"</a>
                                        " so someone else can have it. This link is shown on this device for an hour."
                                    </p>
                                })
                            })}
                        </Suspense>
                    }.into_any(),
                    Some(Registered::Again { resent }) => view! {
                        <div class="nhsuk-panel continuum-confirmation" role="status">
                            <h2 class="nhsuk-panel__title">"You already have a place at this event"</h2>
                            <div class="nhsuk-panel__body">"We have not taken a second place."</div>
                        </div>
                        <p class="nhsuk-body">{if resent {
                            "We have emailed your confirmation again, with a link to cancel if you need to."
                        } else {
                            "We have already emailed your confirmation. Look in your inbox, and in your junk or spam folder."
                        }}</p>
                    }.into_any(),
                    None if event.past => view! {
                        <h2 class="nhsuk-heading-m">"This event has already taken place"</h2>
                        <p class="nhsuk-body">"Look out for other events on the Get involved page."</p>
                        <p class="nhsuk-body"><a href="/get-involved">"Other ways to get involved"</a></p>
                    }.into_any(),
                    None if full => view! {
                        <h2 class="nhsuk-heading-m">"This event is full"</h2>
                        <p class="nhsuk-body">"Sorry, there are no places left. Look out for other events on the Get involved page."</p>
                        <p class="nhsuk-body"><a href="/get-involved">"Other ways to get involved"</a></p>
                    }.into_any(),
                    None => {
                        let slug = slug.clone();
                        view! {
                        <h2 class="nhsuk-heading-m">"Register for a place"</h2>
                        <CrisisContacts />
                        <ActionForm attr:novalidate=true action=register>
                            <crate::ui::SubmissionToken status=status />
                            <input type="hidden" name="event_slug" value=slug.clone() />
                            <TextInput name="name" label="Your name" autocomplete="name" status width="nhsuk-input--width-20" />
                            <TextInput name="email" label="Email address (optional)" input_type="email" autocomplete="email" status
                                hint="For a confirmation and a reminder the day before. We use it for nothing else." width="nhsuk-input--width-30" />
                            <Textarea name="access_needs" label="Access needs (optional)" status rows=3
                                hint="Anything that would help you take part, such as step-free access, a quiet space or an interpreter." />
                            <SubmitButton label="Register" />
                        </ActionForm>
                    }.into_any()
                    }
                }}
                <p class="nhsuk-body"><a href=format!("/posters/events/{}", event.slug)>"Print a poster for this event"</a></p>
            }
        }} />
    }
}

#[component]
pub fn CancelRegistrationPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token")).unwrap_or_default();
    let cancel = ServerAction::<CancelRegistration>::new();
    let status = FormStatus::of(cancel);
    let notice = Resource::new(move || (token(), cancel.version().get()), |(token, _)| check_registration(token));
    view! {
        <Title text="Cancel your place" />
        <ErrorSummary status />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(RegistrationNotice { cancelled: true, event_title, .. }) => view! {
                        <h1 class="nhsuk-heading-l">"Your place has been cancelled"</h1>
                        <p class="nhsuk-body">{format!("You no longer have a place at {event_title}. Thank you for letting us know.")}</p>
                        <p class="nhsuk-body"><a href="/get-involved">"Other ways to get involved"</a></p>
                    }.into_any(),
                    Ok(RegistrationNotice { past: true, event_title, when, .. }) => view! {
                        <h1 class="nhsuk-heading-l">"This event has already happened"</h1>
                        <p class="nhsuk-body">{format!("{event_title} was on {when}. There is nothing to cancel.")}</p>
                        <p class="nhsuk-body"><a href="/get-involved">"Other ways to get involved"</a></p>
                    }.into_any(),
                    Ok(notice) => view! {
                        <h1 class="nhsuk-heading-l">"Cancel your place"</h1>
                        <p class="nhsuk-body">{format!("{}, you have a place at {}: {}, {}.", notice.name, notice.event_title, notice.when, notice.place)}</p>
                        <ActionForm attr:novalidate=true action=cancel>
                            <crate::ui::SubmissionToken status=status />
                            <input type="hidden" name="token" value=token() />
                            <button class="nhsuk-button nhsuk-button--warning" type="submit">"Cancel my place"</button>
                        </ActionForm>
                        <p class="nhsuk-body"><a href=format!("/events/{}", notice.event_slug)>"Keep my place"</a></p>
                    }.into_any(),
                    Err(AppError::NotFound) => view! {
                        <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                        <p class="nhsuk-body">"We could not find a place for this link. Check you copied all of it."</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A printable A4 poster with a QR code; the page frame is hidden when printing.
#[component]
pub fn PosterPage() -> impl IntoView {
    let params = use_params_map();
    let poster = Resource::new(
        move || params.with(|p| (p.get("kind").unwrap_or_default(), p.get("slug").unwrap_or_default())),
        |(kind, slug)| get_poster(kind, slug),
    );
    view! {
        <Loaded resource=poster render=|poster: Poster| view! {
            <Title text=format!("Poster: {}", poster.title) />
            <p class="nhsuk-body continuum-no-print">"This page is made for printing on A4. Use your browser's Print command."</p>
            <article class="continuum-poster" aria-labelledby="poster-title">
                <h1 class="continuum-poster__title" id="poster-title">{poster.title.clone()}</h1>
                {(!poster.subtitle.is_empty()).then(|| view! { <p class="continuum-poster__subtitle">{poster.subtitle.clone()}</p> })}
                {(!poster.items.is_empty()).then(|| view! {
                    <ul class="continuum-poster__items">
                        {poster.items.iter().map(|(said, did)| view! { <li><p class="continuum-poster__said">{said.clone()}</p><p>{did.clone()}</p></li> }).collect_view()}
                    </ul>
                })}
                {match poster.ended.clone() {
                    Some(ended) => view! { <p class="continuum-poster__scan">{ended}</p> }.into_any(),
                    None => view! {
                        <div class="continuum-poster__qr" role="img" aria-label=format!("QR code linking to {}", poster.url) inner_html=poster.qr_svg.clone()></div>
                        <p class="continuum-poster__scan">"Scan the code with your phone's camera, or type this address:"</p>
                        <p class="continuum-poster__link">{poster.url.clone()}</p>
                    }.into_any(),
                }}
            </article>
        } />
    }
}
