//! A form's results.

use leptos::prelude::*;
use leptos_meta::Title;

use super::forms::ConsultationNav;

#[component]
pub fn FormResultsPage() -> impl IntoView {
    view! {
        <Title text="Results" />
        <ConsultationNav />
        <h1 class="nhsuk-heading-l">"Results"</h1>
    }
}
