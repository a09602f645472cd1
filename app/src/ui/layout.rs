//! The frame of every page: skip link, header with the organisation's name and navigation for the
//! person's roles, and a footer that always carries the crisis contacts.

use leptos::prelude::*;

use crate::{
    accounts::{server::SignOut, types::UserSummary},
    error::AppError,
    site::ShellData,
    ui::form::reload_on_success,
};

/// The shell resource the `App` provides: site settings and who is signed in.
pub type ShellResource = Resource<Result<ShellData, AppError>>;

/// Navigation links for a person: what their roles let them use.
fn navigation_for(user: Option<&UserSummary>) -> Vec<(&'static str, &'static str)> {
    let mut links = vec![("/", "Home"), ("/get-involved", "Get involved")];
    if let Some(user) = user {
        if user.is_staff_anywhere() {
            links.push(("/information", "Information"));
            links.push(("/consultation", "Consultation"));
            links.push(("/participation", "Groups"));
            links.push(("/inclusion", "Volunteering"));
            links.push(("/ledger", "Ledger"));
            links.push(("/reports/continuum-profile", "Continuum profile"));
        } else if user.roles.iter().any(|r| r.role == crate::accounts::types::Role::SteeringMember) {
            // Steering group members read their groups' business (access is by membership of each group).
            links.push(("/participation", "Your groups"));
        }
        if user.is_admin {
            links.push(("/admin/services", "Services"));
            links.push(("/admin/people", "People"));
        }
        links.push(("/account", "Your account"));
    }
    links
}

#[component]
pub fn Header() -> impl IntoView {
    let shell = expect_context::<ShellResource>();
    let sign_out = ServerAction::<SignOut>::new();
    reload_on_success(sign_out, |_| "/sign-in?signed_out=1".to_owned());
    let pathname = leptos_router::hooks::use_location().pathname;
    view! {
        <header class="nhsuk-header" role="banner">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let info = shell.await.ok();
                    let organisation = info.as_ref().map(|i| i.site.organisation.clone()).unwrap_or_default();
                    let user = info.and_then(|i| i.user);
                    let links = navigation_for(user.as_ref());
                    view! {
                        <div class="nhsuk-header__container nhsuk-width-container">
                            <div class="nhsuk-header__service">
                                <a class="nhsuk-header__service-name" href="/">
                                    "Continuum"
                                    <span class="continuum-header__organisation">{organisation}</span>
                                </a>
                            </div>
                            // The NHS.UK header's account pattern: the name in a cell of its own that wraps
                            // however long it is, and the control beside it a 44 by 44 px target.
                            <nav class="nhsuk-header__account" aria-label="Account">
                                <ul class="nhsuk-header__account-list">
                                    {match user.clone() {
                                        Some(user) => view! {
                                            <li class="nhsuk-header__account-item">{user.name}</li>
                                            <li class="nhsuk-header__account-item">
                                                <ActionForm attr:novalidate=true attr:class="nhsuk-header__account-form" action=sign_out>
                                                    <button class="nhsuk-header__account-button" type="submit">"Sign out"</button>
                                                </ActionForm>
                                            </li>
                                        }.into_any(),
                                        None => view! {
                                            <li class="nhsuk-header__account-item">
                                                <a class="nhsuk-header__account-link" href="/sign-in">"Sign in"</a>
                                            </li>
                                        }.into_any(),
                                    }}
                                </ul>
                            </nav>
                        </div>
                        <nav class="nhsuk-header__navigation" aria-label="Menu">
                            <div class="nhsuk-header__navigation-container nhsuk-width-container">
                                <ul class="nhsuk-header__navigation-list continuum-navigation-list">
                                    {links
                                        .into_iter()
                                        .map(|(href, text)| {
                                            let current = move || {
                                                let path = pathname.get();
                                                path == href || (href != "/" && path.starts_with(&format!("{href}/")))
                                            };
                                            view! {
                                                <li class="nhsuk-header__navigation-item">
                                                    <a
                                                        class="nhsuk-header__navigation-link"
                                                        href=href
                                                        aria-current=move || current().then_some("page")
                                                    >
                                                        {text}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        </nav>
                    }
                })}
            </Suspense>
        </header>
    }
}

/// The footer: crisis contacts first, because someone may need them on any page.
#[component]
pub fn Footer() -> impl IntoView {
    let shell = expect_context::<ShellResource>();
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let info = shell.await.ok();
                        let contacts = info.as_ref().map(|i| i.site.crisis_contacts.clone()).unwrap_or_else(crate::site::SiteInfo::default_crisis_contacts);
                        let organisation = info.map(|i| i.site.organisation).unwrap_or_default();
                        view! { <FooterContent contacts organisation /> }
                    })}
                </Suspense>
            </div>
        </footer>
    }
}

/// What the footer says, for pages that already have the site settings in hand.
#[component]
pub fn FooterContent(contacts: Vec<String>, organisation: String) -> impl IntoView {
    view! {
        <section class="continuum-crisis" aria-labelledby="crisis-heading">
            <h2 class="nhsuk-heading-s" id="crisis-heading">"If you need help now"</h2>
            <p class="nhsuk-body-s">"Continuum is not watched all the time. Do not use it to ask for urgent help."</p>
            <ul class="nhsuk-list">
                {contacts.into_iter().map(|line| view! { <li><ContactLine line /></li> }).collect_view()}
            </ul>
        </section>
        <ul class="nhsuk-footer__list continuum-footer__links">
            <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/accessibility">"Accessibility statement"</a></li>
            <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/privacy">"Privacy notice"</a></li>
            <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/contact">"Contact us"</a></li>
        </ul>
        <p class="nhsuk-body-s continuum-footer__meta">{format!("Continuum at {organisation}")}</p>
    }
}

/// The crisis contacts, for the top of a patient-facing form: the form is not a way to get urgent help.
#[component]
pub fn CrisisContacts() -> impl IntoView {
    let shell = expect_context::<ShellResource>();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let contacts = shell.await.map(|i| i.site.crisis_contacts).unwrap_or_else(|_| crate::site::SiteInfo::default_crisis_contacts());
                view! { <CrisisCallout contacts /> }
            })}
        </Suspense>
    }
}

/// The crisis contacts as a warning callout, for pages that already have the contacts in hand.
#[component]
pub fn CrisisCallout(contacts: Vec<String>) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout continuum-crisis-callout">
            <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"If you need help now"</span>
            </h2>
            <p>"This form is not watched all the time, so do not use it to ask for urgent help."</p>
            <ul class="nhsuk-list">{contacts.into_iter().map(|line| view! { <li><ContactLine line /></li> }).collect_view()}</ul>
        </div>
    }
}

/// A line of contact text with every phone number in it as a `tel:` link, so that it can be tapped on a
/// phone ("call 116 123 for free" → a link to `tel:116123`).
#[component]
pub fn ContactLine(line: String) -> impl IntoView {
    phone_segments(&line)
        .into_iter()
        .map(|(text, tel)| match tel {
            Some(number) => view! { <a href=format!("tel:{number}")>{text}</a> }.into_any(),
            None => text.into_any(),
        })
        .collect_view()
}

/// Splits text into plain parts and phone numbers: `(text, Some(digits))` for a number. A phone number is a
/// run of digits, perhaps in groups separated by single spaces, with at least three digits in all (999, 111,
/// 116 123, 01632 960 000); shorter runs ("option 2") stay text.
pub fn phone_segments(line: &str) -> Vec<(String, Option<String>)> {
    let chars: Vec<char> = line.chars().collect();
    let mut segments: Vec<(String, Option<String>)> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if chars[i].is_ascii_digit() && starts_word {
            // Take digits and single spaces between digit groups.
            let mut end = i;
            while end < chars.len()
                && (chars[end].is_ascii_digit()
                    || (chars[end] == ' ' && end + 1 < chars.len() && chars[end + 1].is_ascii_digit()))
            {
                end += 1;
            }
            let run: String = chars[i..end].iter().collect();
            let digits: String = run.chars().filter(char::is_ascii_digit).collect();
            let ends_word = end == chars.len() || !chars[end].is_alphanumeric();
            if digits.len() >= 3 && ends_word {
                if !text.is_empty() {
                    segments.push((std::mem::take(&mut text), None));
                }
                segments.push((run, Some(digits)));
            } else {
                text.push_str(&run);
            }
            i = end;
        } else {
            text.push(chars[i]);
            i += 1;
        }
    }
    if !text.is_empty() {
        segments.push((text, None));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::phone_segments;

    #[test]
    fn phone_numbers_in_contact_lines_become_tel_links() {
        assert_eq!(
            phone_segments("Samaritans are there day or night: call 116 123 for free."),
            vec![
                ("Samaritans are there day or night: call ".to_owned(), None),
                ("116 123".to_owned(), Some("116123".to_owned())),
                (" for free.".to_owned(), None),
            ]
        );
        assert_eq!(
            phone_segments("call NHS 111 and choose option 2."),
            vec![
                ("call NHS ".to_owned(), None),
                ("111".to_owned(), Some("111".to_owned())),
                (" and choose option 2.".to_owned(), None),
            ]
        );
        assert_eq!(phone_segments("call 999.")[1], ("999".to_owned(), Some("999".to_owned())));
        assert_eq!(phone_segments("Call 01632 960 000, Monday")[1].1.as_deref(), Some("01632960000"));
        assert_eq!(phone_segments("open 9am to 5pm"), vec![("open 9am to 5pm".to_owned(), None)]);
    }
}
