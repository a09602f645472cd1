//! The pages every NHS service is expected to have, linked from every footer: the accessibility statement
//! (public sector bodies must publish one: the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
//! Accessibility Regulations 2018), the privacy notice (UK GDPR Articles 13 and 14) and how to contact the
//! service. The organisation's details come from the settings (`CONTINUUM_CONTACT_*`). All three are light pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    site::SiteInfo,
    ui::{layout::ContactLine, layout::ShellResource},
};

/// The site settings from the page frame's resource, as each of these pages needs them.
#[component]
fn WithSite<F, V>(render: F) -> impl IntoView
where
    F: Fn(SiteInfo) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let shell = expect_context::<ShellResource>();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let site = shell.await.map(|s| s.site).unwrap_or_else(|_| SiteInfo::fallback());
                    render(site)
                })
            }}
        </Suspense>
    }
}

/// How to reach the organisation, as far as the settings say.
#[component]
fn ContactDetails(site: SiteInfo) -> impl IntoView {
    let contact = site.contact;
    view! {
        <ul class="nhsuk-list">
            {(!contact.email.is_empty()).then(|| view! {
                <li>"Email: "<a href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a></li>
            })}
            {(!contact.phone.is_empty()).then(|| view! { <li>"Phone: "<ContactLine line=contact.phone.clone() /></li> })}
            {(!contact.address.is_empty()).then(|| view! { <li>"Post: "{contact.address.clone()}</li> })}
        </ul>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text="Accessibility statement" />
        <h1 class="nhsuk-heading-xl">"Accessibility statement"</h1>
        <WithSite render=|site: SiteInfo| view! {
            <p class="nhsuk-body-l">{format!("This statement applies to Continuum at {}, where patients, carers, volunteers and staff take part in the service's involvement work and give feedback.", site.organisation)}</p>
            <p class="nhsuk-body">{format!("Continuum is run by {}. We want as many people as possible to be able to use it. You should be able to:", site.organisation)}</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                <li>"use every page and form with JavaScript turned off"</li>
                <li>"zoom in up to 400% without the text spilling off the screen"</li>
                <li>"get around every page using just a keyboard"</li>
                <li>"use it with a screen reader"</li>
                <li>"answer feedback forms on a small phone"</li>
            </ul>
            <h2 class="nhsuk-heading-l">"How accessible Continuum is"</h2>
            <p class="nhsuk-body">"Continuum is built on the NHS.UK design system and aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page our automated checks visit is tested with axe-core in a real browser, with JavaScript on and off. We know some parts are not fully accessible yet:"</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                <li>"some staff tables are wide and scroll sideways on a small phone"</li>
                <li>"some dates are asked for in one box rather than as day, month and year"</li>
                <li>"the text in some charts is small on a phone; each chart has a table with the same figures beside it"</li>
            </ul>
            <h2 class="nhsuk-heading-l">"Feedback and contact information"</h2>
            <p class="nhsuk-body">"If you find a problem, or need information on this website in a different format such as large print, easy read or audio, contact us:"</p>
            <ContactDetails site=site.clone() />
            <p class="nhsuk-body">"We will reply within 10 working days."</p>
            <h2 class="nhsuk-heading-l">"Enforcement procedure"</h2>
            <p class="nhsuk-body">"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."</p>
            <h2 class="nhsuk-heading-l">"Technical information about this website's accessibility"</h2>
            <p class="nhsuk-body">{format!("{} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.", site.organisation)}</p>
            <p class="nhsuk-body">"This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the issues listed above."</p>
        } />
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text="Privacy notice" />
        <h1 class="nhsuk-heading-xl">"Privacy notice"</h1>
        <WithSite render=|site: SiteInfo| view! {
            <p class="nhsuk-body-l">{format!("{} is responsible for the information Continuum holds (the data controller). This notice says what we keep, why, for how long, and your rights.", site.organisation)}</p>
            <h2 class="nhsuk-heading-l">"Feedback you give without signing in"</h2>
            <p class="nhsuk-body">"When you answer a feedback form without signing in, we keep your answers and the date. We do not keep your name, your account, your device's internet address or the time of day, so your answers cannot be traced back to you. Figures about fewer than 5 people are never shown."</p>
            <p class="nhsuk-body">"Staff read what you write. If it suggests that you or someone else may be at risk, a member of staff reads it the same day. Nobody watches the forms all the time: if you need help now, use the numbers at the bottom of every page."</p>
            <h2 class="nhsuk-heading-l">"If you have an account"</h2>
            <p class="nhsuk-body">"We keep your name, email address, the roles you hold in each service, a scrambled form of your password (never the password itself), and when you signed in. Some forms ask you to sign in so that each person answers once: then we keep who answered, and staff still see the answers without your name."</p>
            <h2 class="nhsuk-heading-l">"Events you register for"</h2>
            <p class="nhsuk-body">"We keep your name, your email address if you give one (to confirm your place and remind you the day before), and any access needs you tell us about, so the event can be arranged for you."</p>
            <h2 class="nhsuk-heading-l">"Why we use this information"</h2>
            <p class="nhsuk-body">"We use it to involve patients, carers and others in how the service is run and to show what changed because of it. The law that allows this is our public task of providing health services (UK GDPR Article 6(1)(e)) and, for health information, the management of health and social care services (Article 9(2)(h))."</p>
            <h2 class="nhsuk-heading-l">"Who can see it"</h2>
            <p class="nhsuk-body">"Only the staff of the service you gave it to, and the people who run Continuum for us. Every change to the records is logged. We do not sell it or share it outside the NHS."</p>
            <h2 class="nhsuk-heading-l">"Your rights"</h2>
            <p class="nhsuk-body">"You can ask for a copy of the information we hold about you, ask us to correct it, and in some cases ask us to delete it or stop using it. Anonymous feedback cannot be found again, so it cannot be given back or deleted on request. To ask, or if you are worried about how we use your information, contact us:"</p>
            <ContactDetails site=site.clone() />
            {(!site.contact.data_protection.is_empty()).then(|| view! {
                <p class="nhsuk-body">{format!("Our Data Protection Officer: {}", site.contact.data_protection)}</p>
            })}
            <p class="nhsuk-body">"You can also complain to the Information Commissioner's Office (ICO), the UK regulator for information rights."</p>
        } />
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <Title text="Contact us" />
        <h1 class="nhsuk-heading-xl">"Contact us"</h1>
        <WithSite render=|site: SiteInfo| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"If you need help now"</span></h2>
                <p>"Do not use these contacts for urgent help: nobody reads them all the time."</p>
                <ul class="nhsuk-list">{site.crisis_contacts.clone().into_iter().map(|line| view! { <li><ContactLine line /></li> }).collect_view()}</ul>
            </div>
            <p class="nhsuk-body-l">{format!("For anything about Continuum or how {} involves patients and carers:", site.organisation)}</p>
            <ContactDetails site=site.clone() />
            {site.contact.is_empty().then(|| view! {
                <p class="nhsuk-body">"Ask the staff of the service you go to: they can pass your message on."</p>
            })}
        } />
    }
}
