//! The involvement report page: choose a service (or all, for administrators) and a period; read the summary,
//! then each section's chart beside its table, each table downloadable as CSV. Works without JavaScript: the
//! filter is a GET form (filter choices may be in an address; nothing typed but dates is sent).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    involvement::{InvolvementReport, Section, NOT_SUPPRESSED, SMALL_NUMBERS, WHOLE_MONTHS},
    monthly_mail::ChooseReportMail,
    server::{get_involvement_report, involvement_choices},
};
use crate::{
    dates::DateParts,
    ui::{encode_query_value, Choice, DateInput, ErrorPage, ErrorSummary, FormStatus, Radios, Select, SubmitButton},
};

#[component]
pub fn InvolvementReportPage() -> impl IntoView {
    let query = use_query_map();
    let q = move |key: &str| query.with(|q| q.get(key)).unwrap_or_default();
    let choices = Resource::new(|| (), |_| involvement_choices());
    let period = move || {
        [
            q("service_id"),
            q("period"),
            q("from_day"),
            q("from_month"),
            q("from_year"),
            q("to_day"),
            q("to_month"),
            q("to_year"),
        ]
    };
    let report = Resource::new(period, |[service_id, period, fd, fm, fy, td, tm, ty]| {
        get_involvement_report(service_id, period, fd, fm, fy, td, tm, ty)
    });
    // The monthly mail's form is at the foot of the report; its error summary comes first, as NHS.UK places it.
    let choose = ServerAction::<ChooseReportMail>::new();
    view! {
        <Title text="Involvement report" />
        <h1 class="nhsuk-heading-l">"Involvement report"</h1>
        <ErrorSummary status=FormStatus::of(choose) id="mail-errors" />
        <p class="nhsuk-body">
            "How involved a service's patients and carers were, at which level of the continuum, in a period and \
             the four periods before it."
        </p>
        <Suspense fallback=|| view! { <p class="nhsuk-body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let choices = match choices.await {
                    Ok(choices) => choices,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let (shown, error) = match crate::ui::filtered(report.await) {
                    Ok(outcome) => outcome,
                    Err(error) => return view! { <ErrorPage error /> }.into_any(),
                };
                let status = FormStatus::fixed(error);
                let [service_id, chosen, fd, fm, fy, td, tm, ty] = period();
                view! {
                    <ErrorSummary status />
                    <form method="get" action="/reports/involvement" class="continuum-filters" novalidate>
                        <Select name="service_id" label="Service" status options=choices.services value=service_id />
                        <Select name="period" label="Period" status options=choices.periods value=chosen
                            hint="The last complete quarter unless you choose another." />
                        <DateInput name="from" legend="Start date" status typed=DateParts::new(fd, fm, fy)
                            hint="Only for \"The dates below\"." />
                        <DateInput name="to" legend="End date" status typed=DateParts::new(td, tm, ty) />
                        <SubmitButton label="Show report" secondary=true />
                    </form>
                    {shown.map(|report| view! { <Report report choose /> })}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn Report(report: InvolvementReport, choose: ServerAction<ChooseReportMail>) -> impl IntoView {
    let (period, previous) = match (report.periods.first(), report.periods.get(1)) {
        (Some(now), Some(before)) => (now.clone(), before.label.clone()),
        _ => return view! { <p class="nhsuk-body">"No period was chosen."</p> }.into_any(),
    };
    let (from, to) = (DateParts::of_iso(&period.from), DateParts::of_iso(&period.to));
    // The CSV addresses carry the period as dates (a range), so each file holds what the page shows.
    let filters = format!(
        "service_id={}&period=range&from_day={}&from_month={}&from_year={}&to_day={}&to_month={}&to_year={}",
        encode_query_value(&report.scope_id),
        from.day,
        from.month,
        from.year,
        to.day,
        to.month,
        to.year
    );
    let base = format!("/reports/involvement.csv?{filters}");
    let pdf = format!("/reports/involvement.pdf?{filters}");
    let fft_return = report.fft_return.then(|| format!("/reports/fft-return.csv?{filters}"));
    let summary = report.summary.clone();
    let sections = report.sections.clone();
    let seams = report.seams.clone();
    view! {
        <h2 class="nhsuk-heading-m">{format!("{}: {}", report.scope_name, period.label)}</h2>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Summary: "</span>
            {summary.into_iter().map(|s| view! { <p class="nhsuk-body">{s}</p> }).collect_view()}
        </div>
        <p class="nhsuk-body-s">{format!("Changes are from {previous}. {SMALL_NUMBERS}")}</p>
        <p class="nhsuk-body"><a href=pdf>"Download the whole report as a PDF for a board pack"</a></p>
        {sections.into_iter().enumerate().map(|(i, section)| {
            let csv = format!("{base}&table={}", encode_query_value(&section.table.id));
            let name = report.csv_file_name(&section.table);
            view! { <ReportSection section index=i csv name /> }
        }).collect_view()}
        {seams.into_iter().map(|seam| view! {
            <h2 class="nhsuk-heading-m">{seam.heading}</h2>
            <p class="nhsuk-body">{seam.text}</p>
        }).collect_view()}
        {fft_return.map(|href| view! {
            <h2 class="nhsuk-heading-m">"Friends and Family Test monthly return"</h2>
            <p class="nhsuk-body">
                "The answers to the Friends and Family Test per answer, per service and per month of this period, \
                 as NHS England collects them from providers. "{WHOLE_MONTHS}
            </p>
            <div class="nhsuk-warning-callout">
                <h3 class="nhsuk-warning-callout__label">"Not suppressed"</h3>
                <p>{NOT_SUPPRESSED}</p>
            </div>
            <p class="nhsuk-body"><a href=href>"Download the monthly return as CSV"</a></p>
        })}
        {report.may_choose_mail.then(|| view! { <MailChoice monthly=report.monthly_mail choose /> })}
    }
    .into_any()
}

/// The monthly mail: whether to be told when last month's report is ready (a link, never figures).
#[component]
fn MailChoice(monthly: bool, choose: ServerAction<ChooseReportMail>) -> impl IntoView {
    let query = use_query_map();
    let status = FormStatus::of(choose);
    view! {
        <h2 class="nhsuk-heading-m">"Monthly mail"</h2>
        {move || (query.with(|q| q.get("mail").is_some()) || matches!(choose.value().get(), Some(Ok(_))))
            .then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Your choice has been saved."</p></div> })}
        <ActionForm attr:novalidate=true action=choose>
            <crate::ui::SubmissionToken status=status />
            // The report being read, so saving the choice comes back to it (tester 18d, F3).
            {super::monthly_mail::REPORT_CHOICES.iter().map(|name| {
                let value = query.with_untracked(|q| q.get(name)).unwrap_or_default();
                (!value.is_empty()).then(|| view! { <input type="hidden" name=format!("report[{name}]") value=value /> })
            }).collect_view()}
            <Radios
                name="mail"
                legend="Tell me when last month's report is ready"
                status=status
                choices=vec![
                    Choice { value: "monthly".into(), label: "Mail me a link each month".into(), hint: Some("On the first days of each month: a link to last month's report, never its figures".into()) },
                    Choice { value: "none".into(), label: "No mail".into(), hint: None },
                ]
                value=if monthly { "monthly" } else { "none" }
            />
            <SubmitButton label="Save choice" secondary=true />
        </ActionForm>
    }
}

#[component]
fn ReportSection(section: Section, index: usize, csv: String, name: String) -> impl IntoView {
    let caption_id = format!("report-table-{index}");
    let region_labelled_by = caption_id.clone();
    let chart_id = format!("report-chart-{index}");
    let chart_labelled_by = chart_id.clone();
    let table = section.table;
    view! {
        <h2 class="nhsuk-heading-m">{section.heading}</h2>
        <p class="nhsuk-body">{section.intro}</p>
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
                <figure class="continuum-chart">
                    <div role="img" aria-labelledby=chart_labelled_by class="continuum-chart__image" inner_html=section.chart.svg></div>
                    <figcaption id=chart_id class="nhsuk-body-s">{section.chart.alt}</figcaption>
                </figure>
            </div>
            <div class="nhsuk-grid-column-one-half">
                <div class="continuum-table-scroll" role="region" aria-labelledby=region_labelled_by tabindex="0">
                    <table class="nhsuk-table">
                        <caption id=caption_id class="nhsuk-table__caption nhsuk-table__caption--s">{table.caption.clone()}</caption>
                        <thead class="nhsuk-table__head">
                            <tr class="nhsuk-table__row">
                                <th scope="col" class="nhsuk-table__header">{table.corner.clone()}</th>
                                {table.columns.iter().map(|c| view! {
                                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{c.clone()}</th>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody class="nhsuk-table__body">
                            {table.rows.iter().map(|(header, cells)| view! {
                                <tr class="nhsuk-table__row">
                                    <th scope="row" class="nhsuk-table__header">{header.clone()}</th>
                                    {cells.iter().map(|c| view! {
                                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{c.clone()}</td>
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="nhsuk-body"><a href=csv download=name>{format!("Download \"{}\" as CSV", table.caption)}</a></p>
            </div>
        </div>
    }
}
