//! Calm pages for when something is not right (403, 404, 500), and `Loaded`, which shows a page's data once
//! it has arrived or the right one of those pages if it could not be loaded.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;

/// Renders `render(data)` once the resource has loaded, or the error page for its error.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="nhsuk-body">"Loading…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => render(data).into_any(),
                        Err(error) => view! { <ErrorPage error=error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Sets the response's status for an error page, or sends an anonymous visitor to sign in and back.
#[cfg(feature = "ssr")]
fn answer_with(error: &AppError) {
    use http::{header::LOCATION, HeaderValue, StatusCode};
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    if *error == AppError::Unauthenticated {
        let location = leptos_router::hooks::use_location();
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        let here = if search.is_empty() { path } else { format!("{path}?{search}") };
        if let Ok(to) = HeaderValue::from_str(&format!("/sign-in?next={}", super::encode_query_value(&here))) {
            response.set_status(StatusCode::SEE_OTHER);
            response.insert_header(LOCATION, to);
        }
    } else {
        response.set_status(StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    }
}

/// A filtered list's or report's result, for its page: the value, or — when the filters asked for a period
/// that is not one (a year of 1800, an end before the start) — the filters' own messages, with the response
/// set to 422 so the page comes back with them beside the dates, never an error page. Any other error is
/// returned for the error page.
pub fn filtered<T>(result: Result<T, AppError>) -> Result<(Option<T>, Option<AppError>), AppError> {
    match result {
        Ok(value) => Ok((Some(value), None)),
        Err(error @ AppError::Validation(_)) => {
            #[cfg(feature = "ssr")]
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
            }
            Ok((None, Some(error)))
        }
        Err(error) => Err(error),
    }
}

/// A staff page's content, shown only to staff (and managers and administrators): anyone else gets the page
/// for their refusal (sign in, or 403) without the staff sub-menu, buttons or headings. A convenience that keeps
/// staff tools out of sight; the server functions behind the page check access themselves.
#[component]
pub fn StaffOnly(children: ChildrenFn) -> impl IntoView {
    view! { <Only allowed=crate::accounts::types::UserSummary::is_staff_anywhere children /> }
}

/// As [`StaffOnly`], for the administrator's pages: anyone else sees only the refusal, never the forms.
#[component]
pub fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    view! { <Only allowed=|user: &crate::accounts::types::UserSummary| user.is_admin children /> }
}

/// The page's own content for a signed-in person `allowed` lets in; a refusal (403, or sign in first) for
/// anyone else, with none of the page's tools.
#[component]
fn Only(allowed: fn(&crate::accounts::types::UserSummary) -> bool, children: ChildrenFn) -> impl IntoView {
    let shell = expect_context::<crate::ui::layout::ShellResource>();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match shell.await.map(|data| data.user) {
                        Ok(Some(user)) if allowed(&user) => children().into_any(),
                        Ok(Some(_)) => view! { <ErrorPage error=AppError::Forbidden /> }.into_any(),
                        Ok(None) => view! { <ErrorPage error=AppError::Unauthenticated /> }.into_any(),
                        Err(error) => view! { <ErrorPage error=error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The page for an error a page could not get past.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    answer_with(&error);
    let (title, body): (&'static str, String) = match &error {
        AppError::Unauthenticated => ("Sign in to continue", "You need to sign in to see this page.".into()),
        AppError::Forbidden => (
            "You do not have access to this page",
            "Your account does not have permission to see this page. If you think it should, ask your service's \
             Continuum administrator."
                .into(),
        ),
        AppError::NotFound => (
            "Page not found",
            "If you typed the web address, check it is correct. If you pasted it, check you copied all of it.".into(),
        ),
        AppError::Unavailable => ("Sorry, Continuum is unavailable", error.to_string()),
        other => ("Sorry, there is a problem with the service", other.to_string()),
    };
    view! {
        <Title text=title />
        <h1 class="nhsuk-heading-l">{title}</h1>
        <p class="nhsuk-body">{body}</p>
        {(error == AppError::Unauthenticated).then(|| view! { <p class="nhsuk-body"><a href="/sign-in">"Sign in"</a></p> })}
        <p class="nhsuk-body"><a href="/">"Go to the home page"</a></p>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound /> }
}

/// A refusal the server answers with a page of its own, in the service's frame, when there is no form page to
/// show it on: a request too large to read, or one that came from no page of ours.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub status: u16,
    pub title: String,
    pub message: String,
}

/// The page for a `Refusal`: what happened and what to do next.
#[component]
pub fn RefusalPage(refusal: Refusal) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::from_u16(refusal.status).unwrap_or(http::StatusCode::BAD_REQUEST));
    }
    view! {
        <Title text=refusal.title.clone() />
        <h1 class="nhsuk-heading-l">{refusal.title}</h1>
        <p class="nhsuk-body">{refusal.message}</p>
        <p class="nhsuk-body">"Go back in your browser to return to the form: what you typed should still be there."</p>
        <p class="nhsuk-body"><a href="/">"Go to the home page"</a></p>
    }
}
