//! Hours' pages. `/inclusion/hours`: for a volunteer, their roles with the form to log hours, their hours and
//! the sessions they co-facilitated (logging a session's hours in one step); for staff, the hours waiting for
//! them, logging on a volunteer's behalf, and a service's approved totals for a period with the CSV.
//! `/inclusion/hours/<id>`: one entry, where staff approve or query it and the volunteer answers a query.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{get_hours_entry, get_hours_page, DecideHours, LogHours};
use super::types::{hours_words, HoursEntry, HoursEntryPage, HoursId, HoursPage, HoursStatus, RoleToLog, StaffHours};
use crate::inclusion::sessions::server::LogSessionHours;
use crate::ui::{
    Choice, DateInput, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput, Textarea,
};

fn role_options(roles: &[RoleToLog]) -> Vec<(String, String)> {
    roles.iter().map(|r| (r.appointment_id.to_string(), r.label.clone())).collect()
}

/// The fields of the hours form: the date, the hours and what they did.
#[component]
fn HoursFields(status: FormStatus, #[prop(optional)] entry: Option<HoursEntry>) -> impl IntoView {
    view! {
        <DateInput name="worked_on" legend="Date" status value=entry.as_ref().map(|e| e.worked_on.clone()).unwrap_or_default() />
        <TextInput name="hours" label="Hours" hint="In quarter-hours, like 1.5, 1:30 or 1 h 30" status width="nhsuk-input--width-5"
            value=entry.as_ref().map(|e| super::types::hours_figure(e.quarter_hours)).unwrap_or_default() />
        <Textarea name="what" label="What you did" status rows=3 value=entry.map(|e| e.what).unwrap_or_default() />
    }
}

fn hours_table(caption: &'static str, entries: Vec<HoursEntry>, show_volunteer: bool) -> impl IntoView {
    view! {
        <table class="nhsuk-table-responsive">
            <caption class="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                <th scope="col" class="nhsuk-table__header">"Date"</th>
                {show_volunteer.then(|| view! { <th scope="col" class="nhsuk-table__header">"Volunteer"</th> })}
                <th scope="col" class="nhsuk-table__header">"Role"</th>
                <th scope="col" class="nhsuk-table__header">"Hours"</th>
                <th scope="col" class="nhsuk-table__header">"Status"</th>
            </tr></thead>
            <tbody class="nhsuk-table__body">
                {entries.into_iter().map(|e| view! {
                    <tr class="nhsuk-table__row">
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>
                            <a href=format!("/inclusion/hours/{}", e.id)>{crate::dates::readable_day(&e.worked_on)}</a></td>
                        {show_volunteer.then(|| view! { <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Volunteer "</span>{e.volunteer.clone()}</td> })}
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Role "</span>{e.role_title.clone()}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Hours "</span>{hours_words(e.quarter_hours)}</td>
                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Status "</span>{e.status.label()}
                            {e.on_behalf.then_some(" (logged by a coordinator)")}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn totals_table(caption: String, corner: &'static str, rows: Vec<(String, i64)>) -> impl IntoView {
    view! {
        <table class="nhsuk-table">
            <caption class="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                <th scope="col" class="nhsuk-table__header">{corner}</th>
                <th scope="col" class="nhsuk-table__header">"Approved hours"</th>
            </tr></thead>
            <tbody class="nhsuk-table__body">
                {rows.into_iter().map(|(name, quarters)| view! {
                    <tr class="nhsuk-table__row"><td class="nhsuk-table__cell">{name}</td><td class="nhsuk-table__cell">{super::types::hours_figure(quarters)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// `2026-10` as "October 2026".
fn month_name(month: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = month.get(5..7).and_then(|m| m.parse::<usize>().ok()).and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (name, month.get(..4)) {
        (Some(name), Some(year)) => format!("{name} {year}"),
        _ => month.to_owned(),
    }
}

#[component]
fn StaffPart(staff: StaffHours, log: ServerAction<LogHours>, log_status: FormStatus) -> impl IntoView {
    let query = use_query_map();
    let typed = |field: &str| {
        query.with_untracked(|q| {
            crate::dates::DateParts::new(
                q.get(&format!("{field}_day")).unwrap_or_default(),
                q.get(&format!("{field}_month")).unwrap_or_default(),
                q.get(&format!("{field}_year")).unwrap_or_default(),
            )
        })
    };
    let (from_typed, to_typed) = (typed("from"), typed("to"));
    let from_typed = if from_typed.is_empty() { crate::dates::DateParts::of_iso(&staff.from) } else { from_typed };
    let to_typed = if to_typed.is_empty() { crate::dates::DateParts::of_iso(&staff.to) } else { to_typed };
    let service_options = crate::accounts::types::ServiceSummary::options(&staff.services);
    let csv = format!(
        "/inclusion/hours.csv?service={}&from_day={}&from_month={}&from_year={}&to_day={}&to_month={}&to_year={}",
        staff.service_id,
        &staff.from[8..],
        &staff.from[5..7],
        &staff.from[..4],
        &staff.to[8..],
        &staff.to[5..7],
        &staff.to[..4]
    );
    let service_name =
        staff.services.iter().find(|s| s.id == staff.service_id).map(|s| s.name.clone()).unwrap_or_default();
    let period = format!("{} to {}", crate::dates::readable_day(&staff.from), crate::dates::readable_day(&staff.to));
    let totals = staff.totals.clone();
    view! {
        <h2 class="nhsuk-heading-m">"Hours waiting for approval"</h2>
        {if staff.to_decide.is_empty() {
            view! { <p class="nhsuk-body">"Nothing is waiting."</p> }.into_any()
        } else {
            hours_table("Hours waiting for approval: open one to approve or query it", staff.to_decide.clone(), true).into_any()
        }}
        {(!staff.volunteers.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-m">"Log hours for a volunteer"</h2>
            <p class="nhsuk-body">"The hours are recorded as logged by you on their behalf."</p>
            <ActionForm attr:novalidate=true action=log>
                <crate::ui::SubmissionToken status=log_status />
                <input type="hidden" name="entry_id" value="" />
                <Select name="appointment_id" label="Volunteer and role" status=log_status options=role_options(&staff.volunteers) placeholder="Choose the volunteer" />
                <HoursFields status=log_status />
                <input type="hidden" name="answer" value="" />
                <SubmitButton label="Log the hours" />
            </ActionForm>
        })}
        <h2 class="nhsuk-heading-m">"Approved hours"</h2>
        {(!staff.period_problems.is_empty()).then(|| view! {
            <div class="nhsuk-error-summary" role="alert" tabindex="-1">
                <h3 class="nhsuk-error-summary__title">"The dates were not understood, so this financial year is shown"</h3>
                <ul class="nhsuk-list nhsuk-error-summary__list">{staff.period_problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        <form method="get" action="/inclusion/hours" novalidate>
            <Select name="service_id" label="Service" status=FormStatus::none() options=service_options value=staff.service_id.to_string() />
            <DateInput name="from" legend="Start date" status=FormStatus::none() typed=from_typed />
            <DateInput name="to" legend="End date" status=FormStatus::none() typed=to_typed />
            <SubmitButton label="Show the totals" secondary=true />
        </form>
        <p class="nhsuk-body">{format!("{service_name}, {period}: {} approved in all.", hours_words(totals.total))}</p>
        {totals_table(format!("Approved hours by volunteer, {period}"), "Volunteer", totals.by_volunteer)}
        {totals_table(format!("Approved hours by role, {period}"), "Role", totals.by_role)}
        {totals_table(format!("Approved hours by month, {period}"), "Month", totals.by_month.into_iter().map(|(m, q)| (month_name(&m), q)).collect())}
        <p class="nhsuk-body"><a href=csv>"Download the approved hours (CSV)"</a></p>
    }
}

#[component]
pub fn HoursView() -> impl IntoView {
    let query = use_query_map();
    let log = ServerAction::<LogHours>::new();
    let from_session = ServerAction::<LogSessionHours>::new();
    let (log_status, session_status) = (FormStatus::of(log), FormStatus::of(from_session));
    let page = Resource::new(
        move || {
            let q = query.get();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                [
                    get("service_id"),
                    get("from_day"),
                    get("from_month"),
                    get("from_year"),
                    get("to_day"),
                    get("to_month"),
                    get("to_year"),
                ],
                log.version().get() + from_session.version().get(),
            )
        },
        |([s, fd, fm, fy, td, tm, ty], _)| get_hours_page(s, fd, fm, fy, td, tm, ty),
    );
    let logged = move || query.with(|q| q.get("logged").is_some()) || matches!(log.value().get(), Some(Ok(_)));
    view! {
        <Title text="Volunteer hours" />
        <h1 class="nhsuk-heading-l">"Volunteer hours"</h1>
        <ErrorSummary status=log_status />
        <ErrorSummary status=session_status id="session-errors" />
        {move || logged().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Your hours have been logged. They wait for approval."</p></div> })}
        <Loaded resource=page render={move |page: HoursPage| view! {
            {if page.my_roles.is_empty() {
                (page.staff.is_none()).then(|| view! { <p class="nhsuk-body">"You have no volunteer roles, so there are no hours to log."</p> }).into_any()
            } else { view! {
                <h2 class="nhsuk-heading-m">"Log your hours"</h2>
                <ActionForm attr:novalidate=true action=log>
                    <crate::ui::SubmissionToken status=log_status />
                    <input type="hidden" name="entry_id" value="" />
                    {if page.my_roles.len() == 1 {
                        view! {
                            <input type="hidden" name="appointment_id" value=page.my_roles[0].appointment_id.to_string() />
                            <p class="nhsuk-body">{format!("Role: {}", page.my_roles[0].label)}</p>
                        }.into_any()
                    } else {
                        let choices: Vec<Choice> = page.my_roles.iter().map(|r| Choice { value: r.appointment_id.to_string(), label: r.label.clone(), hint: None }).collect();
                        view! { <Radios name="appointment_id" legend="Role" status=log_status choices /> }.into_any()
                    }}
                    <HoursFields status=log_status />
                    <input type="hidden" name="answer" value="" />
                    <SubmitButton label="Log the hours" />
                </ActionForm>
            }.into_any() }}
            {(!page.my_sessions.is_empty()).then(|| view! {
                <h2 class="nhsuk-heading-m">"Your sessions"</h2>
                <p class="nhsuk-body">"Sessions you co-facilitate: log the hours of one held in one step. A planned session's hours are logged once it has been held."</p>
                <ul class="nhsuk-list">
                    {page.my_sessions.iter().map(|s| {
                        let text = format!("{}, {} {} to {}", s.course_title, crate::dates::readable_day(&s.held_on), s.starts_at, s.ends_at);
                        let id = s.session_id.clone();
                        let label = format!("Log {} from this session", hours_words(s.quarter_hours));
                        view! {
                            <li>{text}" "
                                {if s.planned { view! { <strong class="nhsuk-tag nhsuk-tag--blue">"Planned"</strong> }.into_any() } else if s.logged { view! { <strong class="nhsuk-tag">"Hours logged"</strong> }.into_any() } else { view! {
                                    <ActionForm action=from_session>
                                        <crate::ui::SubmissionToken status=session_status />
                                        <input type="hidden" name="session_id" value=id />
                                        <SubmitButton label=label secondary=true />
                                    </ActionForm>
                                }.into_any() }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!page.mine.is_empty()).then(|| hours_table("Your hours", page.mine.clone(), false))}
            {page.staff.clone().map(|staff| view! { <StaffPart staff log log_status /> })}
        }} />
    }
}

#[component]
pub fn HoursEntryView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let decide = ServerAction::<DecideHours>::new();
    let answer = ServerAction::<LogHours>::new();
    let (decide_status, answer_status) = (FormStatus::of(decide), FormStatus::of(answer));
    let page = Resource::new(
        move || {
            (
                HoursId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                decide.version().get() + answer.version().get(),
            )
        },
        |(id, _)| get_hours_entry(id),
    );
    let answered = move || query.with(|q| q.get("answered").is_some()) || matches!(answer.value().get(), Some(Ok(_)));
    view! {
        <Title text="Volunteer hours" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion/hours">"Volunteer hours"</a></p>
        <ErrorSummary status=decide_status id="decide-errors" />
        <ErrorSummary status=answer_status id="answer-errors" />
        {move || answered().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Your answer has been sent. The hours wait for approval again."</p></div> })}
        <Loaded resource=page render={move |page: HoursEntryPage| {
            let e = page.entry.clone();
            let id = e.id.to_string();
            let decisions = vec![
                Choice { value: "approve".into(), label: "Approve".into(), hint: None },
                Choice { value: "query".into(), label: "Query: ask the volunteer about them".into(), hint: None },
            ];
            view! {
                <span class="nhsuk-caption-l">{format!("{}, {}", e.role_title, e.service_name)}</span>
                <h1 class="nhsuk-heading-l">{format!("{}: {}", e.volunteer, hours_words(e.quarter_hours))}</h1>
                <dl class="nhsuk-summary-list">
                    {row("Date", crate::dates::readable_day(&e.worked_on))}
                    {row("Hours", hours_words(e.quarter_hours))}
                    {row("What they did", e.what.clone())}
                    {row("Status", e.status.label().to_owned())}
                    {row("Logged by", if e.on_behalf { format!("{}, on the volunteer's behalf", e.logged_by) } else { e.logged_by.clone() })}
                    {(!e.session_course.is_empty()).then(|| row("From a session of", e.session_course.clone()))}
                    {(!e.query_note.is_empty()).then(|| row("Question", e.query_note.clone()))}
                    {(!e.answer.is_empty()).then(|| row("Answer", e.answer.clone()))}
                    {(!e.decided_by.is_empty()).then(|| row("Approved or queried by", e.decided_by.clone()))}
                </dl>
                {(page.staff && !page.may_decide && e.status == HoursStatus::Logged).then(|| view! {
                    <p class="nhsuk-body">{format!("Waiting for approval by the volunteer's supervisor, {}, or a manager of the service.", page.supervisor.clone().unwrap_or_default())}</p>
                })}
                {(page.may_decide && e.status == HoursStatus::Logged).then(|| { let id = id.clone(); view! {
                    <h2 class="nhsuk-heading-m">"Approve or query"</h2>
                    <ActionForm attr:novalidate=true action=decide>
                        <crate::ui::SubmissionToken status=decide_status />
                        <input type="hidden" name="entry_id" value=id />
                        <Radios name="decision" legend="These hours" status=decide_status choices=decisions.clone() />
                        <Textarea name="note" label="Your question for the volunteer" hint="Needed when you query the hours" status=decide_status rows=3 />
                        <SubmitButton label="Save" />
                    </ActionForm>
                }})}
                {(page.mine && e.status == HoursStatus::Queried).then(|| { let id = id.clone(); let entry = e.clone(); view! {
                    <h2 class="nhsuk-heading-m">"Answer the question"</h2>
                    <p class="nhsuk-body">"Change anything that needs changing, and say what you would like the approver to know."</p>
                    <ActionForm attr:novalidate=true action=answer>
                        <crate::ui::SubmissionToken status=answer_status />
                        <input type="hidden" name="entry_id" value=id />
                        <input type="hidden" name="appointment_id" value=entry.appointment_id.to_string() />
                        <HoursFields status=answer_status entry=entry />
                        <Textarea name="answer" label="Your answer" status=answer_status rows=3 />
                        <SubmitButton label="Send the hours again" />
                    </ActionForm>
                }})}
            }
        }} />
    }
}

fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value continuum-preserve-lines">{value}</dd>
        </div>
    }
}
