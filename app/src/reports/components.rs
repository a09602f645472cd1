//! The continuum profile page: choose a service and period; see the ladder as a chart with the same figures in
//! a table beside it; download the CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    profile::{ContinuumProfile, CARERS_COUNTED_APART, FEEDBACK_COUNTED_ONCE},
    server::{get_continuum_profile, list_profile_services},
};
use crate::{
    accounts::types::ServiceSummary,
    dates::{readable_day, DateParts},
    ui::{encode_query_value, DateInput, ErrorPage, ErrorSummary, FormStatus, Select, SubmitButton},
};

#[component]
pub fn ContinuumProfilePage() -> impl IntoView {
    let query = use_query_map();
    let q = move |key: &str| query.with(|q| q.get(key)).unwrap_or_default();
    let services = Resource::new(|| (), |_| list_profile_services());
    let period = move || [q("from_day"), q("from_month"), q("from_year"), q("to_day"), q("to_month"), q("to_year")];
    let profile = Resource::new(
        move || (q("service_id"), period()),
        |(service_id, [fd, fm, fy, td, tm, ty])| get_continuum_profile(service_id.into(), fd, fm, fy, td, tm, ty),
    );
    view! {
        <Title text="Continuum profile" />
        <h1 class="nhsuk-heading-l">"Continuum profile"</h1>
        <p class="nhsuk-body">
            "How far up the continuum of involvement a service's patients and carers reach: from being given information, \
             through giving their views, shaping and helping to run the service, to sharing decisions."
        </p>
        <Suspense fallback=|| view! { <p class="nhsuk-body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let services = match services.await {
                    Ok(services) => services,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let (shown, error) = match crate::ui::filtered(profile.await) {
                    Ok(outcome) => outcome,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let status = FormStatus::fixed(error);
                let [fd, fm, fy, td, tm, ty] = period();
                let options = ServiceSummary::options(&services);
                view! {
                    <ErrorSummary status />
                    <form method="get" action="/reports/continuum-profile" class="continuum-filters" novalidate>
                        <Select name="service_id" label="Service" status options value=q("service_id") />
                        <DateInput name="from" legend="Start date" status typed=DateParts::new(fd, fm, fy) hint="Leave both dates empty for this quarter." />
                        <DateInput name="to" legend="End date" status typed=DateParts::new(td, tm, ty) />
                        <SubmitButton label="Show profile" secondary=true />
                    </form>
                    {shown.map(|profile| view! { <Profile profile /> })}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn Profile(profile: ContinuumProfile) -> impl IntoView {
    let (from, to) = (DateParts::of_iso(&profile.from), DateParts::of_iso(&profile.to));
    let csv_link = format!(
        "/reports/continuum-profile.csv?service_id={}&from_day={}&from_month={}&from_year={}&to_day={}&to_month={}&to_year={}",
        encode_query_value(profile.service.id.as_str()),
        from.day,
        from.month,
        from.year,
        to.day,
        to.month,
        to.year
    );
    let period = format!("{} to {}", readable_day(&profile.from), readable_day(&profile.to));
    let previous = format!("{} to {}", readable_day(&profile.previous_from), readable_day(&profile.previous_to));
    let reach = match profile.highest_level {
        Some(level) => format!("Involvement reached {} (level {} of 5) in this period.", level.label(), level.rung()),
        None => "No involvement activities were recorded in this period.".to_owned(),
    };
    view! {
        <h2 class="nhsuk-heading-m">{format!("{}: {period}", profile.service.name)}</h2>
        <p class="nhsuk-body-l">{reach}</p>
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
                <figure class="continuum-chart">
                    <div role="img" aria-labelledby="profile-chart-caption" class="continuum-chart__image" inner_html=profile.chart_svg.clone()></div>
                    <figcaption id="profile-chart-caption" class="nhsuk-body-s">
                        "Patients and carers involved at each level, Partnership at the top. The table gives the same figures."
                    </figcaption>
                </figure>
            </div>
            <div class="nhsuk-grid-column-one-half">
                // Five columns of figures are wider than a phone: the table scrolls inside its own region (which
                // a keyboard can reach), not the page.
                <div class="continuum-table-scroll" role="region" aria-labelledby="profile-table-caption" tabindex="0">
                <table class="nhsuk-table">
                    <caption id="profile-table-caption" class="nhsuk-table__caption nhsuk-table__caption--s">{format!("Compared with {previous}")}</caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Level"</th>
                            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Activities"</th>
                            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Patients"</th>
                            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Carers"</th>
                            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Patients and carers"</th>
                            <th scope="col" class="nhsuk-table__header">"Change in patients and carers"</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        {profile.rows.iter().rev().map(|r| view! {
                            <tr class="nhsuk-table__row">
                                <th scope="row" class="nhsuk-table__header">{format!("{}. {}", r.level.rung(), r.level.label())}</th>
                                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.activities.text()}</td>
                                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.patients.text()}</td>
                                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.carers.text()}</td>
                                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.people.text()}</td>
                                <td class="nhsuk-table__cell">{r.people_change.text()}</td>
                            </tr>
                        }).collect_view()}
                        <tr class="nhsuk-table__row">
                            <th scope="row" class="nhsuk-table__header">"Total"</th>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{profile.total_activities.text()}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{profile.total_patients.text()}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{profile.total_carers.text()}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{profile.total_people.text()}</td>
                            <td class="nhsuk-table__cell"></td>
                        </tr>
                    </tbody>
                </table>
                </div>
                <p class="nhsuk-body-s">
                    "Consultation counts each feedback response received in the period as well as the people at \
                     focus groups and other activities: one person may answer more than once, so it counts times \
                     people took part, not different people."
                </p>
                <p class="nhsuk-body-s">{FEEDBACK_COUNTED_ONCE}</p>
                <p class="nhsuk-body-s">{CARERS_COUNTED_APART}</p>
                <p class="nhsuk-body-s">
                    "To protect privacy, counts of patients and carers from 0 to 4 are shown as \"fewer than 5\", \
                     other counts of them are rounded to the nearest 5 (so they may not add up), and other figures \
                     that would let a small count be worked out are withheld. Counts of activities are shown as \
                     they are."
                </p>
                <p class="nhsuk-body"><a href=csv_link download=profile.csv_file_name()>"Download this profile as CSV"</a></p>
            </div>
        </div>
        <h2 class="nhsuk-heading-m">"The five levels"</h2>
        <dl class="nhsuk-summary-list">
            {crate::ledger::types::ContinuumLevel::ALL.into_iter().rev().map(|level| view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{level.label()}</dt>
                    <dd class="nhsuk-summary-list__value">{level.description()}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
