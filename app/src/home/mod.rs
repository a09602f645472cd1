//! The home page: what Continuum is, in plain words, and the five ways to be involved.

use leptos::prelude::*;
use leptos_meta::Title;

/// The five levels of involvement, each in the words a patient would use.
const WAYS_TO_BE_INVOLVED: [(&str, &str, &str); 5] = [
    (
        "Information",
        "Find out about the service",
        "Read about what the service offers, pick up leaflets, and come to open days to meet the team.",
    ),
    (
        "Consultation",
        "Tell us what you think",
        "Fill in short feedback forms about the groups and sessions you go to, often without giving your name, \
         or join a focus group.",
    ),
    (
        "Participation",
        "Help shape the service",
        "Join the service steering group, where staff, patients and others meet to decide how the service \
         develops.",
    ),
    ("Inclusion", "Help run the service", "Take on a volunteer role, or help lead education sessions alongside staff."),
    (
        "Partnership",
        "Share decisions",
        "Sit on interview panels for new staff and volunteers, and share responsibility for decisions with the \
         team.",
    ),
];

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Working together on your service" />
        <h1 class="nhsuk-heading-xl">"Working together on your service"</h1>
        <p class="nhsuk-body-l">
            "Continuum is how the people who use this service, their carers and the staff work on it together. \
             You can find out what is on offer, tell us what you think, and help decide what happens next."
        </p>
        <p class="nhsuk-body">
            "Everything you tell us is read by the team. We show what changed because of it: you said, we did."
        </p>
        <h2 class="nhsuk-heading-l">"Five ways to be involved"</h2>
        <p class="nhsuk-body">
            "You can be involved as much or as little as suits you. Each way builds on the one before."
        </p>
        <ol class="nhsuk-list continuum-ways">
            {WAYS_TO_BE_INVOLVED
                .into_iter()
                .map(|(level, title, text)| {
                    view! {
                        <li class="nhsuk-card continuum-ways__item">
                            <div class="nhsuk-card__content">
                                <p class="continuum-ways__level">{level}</p>
                                <h3 class="nhsuk-card__heading nhsuk-heading-m">{title}</h3>
                                <p class="nhsuk-card__description">{text}</p>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>"Continuum is not watched all the time. If you need help now, the contacts at the bottom of every page can help."</p>
        </div>
    }
}
