//! Courses' pages, for the service's staff: `/inclusion/courses` (the courses, and adding one) and
//! `/inclusion/courses/<id>` (its sessions planned and held, held ones marked co-delivered or not; adding a
//! session held or planned, and marking a planned one held).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{get_course, list_courses, MarkSessionHeld, RecordSession, SaveCourse};
use super::types::{CourseId, CoursePage, CourseSession, CoursesPage};
use crate::ui::{
    Choice, DateInput, ErrorSummary, FormStatus, Loaded, Radios, Select, StaffOnly, SubmitButton, TextInput, Textarea,
};

#[component]
pub fn CoursesView() -> impl IntoView {
    let save = ServerAction::<SaveCourse>::new();
    let status = FormStatus::of(save);
    let page = Resource::new(move || save.version().get(), |_| list_courses());
    view! {
        <Title text="Courses" />
        <StaffOnly>
            <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion">"Volunteering"</a></p>
            <h1 class="nhsuk-heading-l">"Courses"</h1>
            <p class="nhsuk-body">"Education courses and their sessions, co-delivered with people with lived experience."</p>
            <ErrorSummary status />
            <Loaded resource=page render={move |page: CoursesPage| view! {
                {if page.courses.is_empty() {
                    view! { <p class="nhsuk-body">"No courses yet."</p> }.into_any()
                } else { view! {
                    <ul class="nhsuk-list">
                        {page.courses.iter().map(|c| view! {
                            <li><a href=format!("/inclusion/courses/{}", c.id)>{c.title.clone()}</a>
                                {format!(" · {} · {} held, {} co-delivered", c.service_name, crate::text::count(c.sessions, "session", "sessions"), c.co_delivered)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any() }}
                {(!page.services.is_empty()).then(|| view! {
                    <h2 class="nhsuk-heading-m">"Add a course"</h2>
                    <ActionForm attr:novalidate=true action=save>
                        <crate::ui::SubmissionToken status=status />
                        <Select name="service_id" label="Service" status options=crate::accounts::types::ServiceSummary::options(&page.services) placeholder="Choose a service" />
                        <TextInput name="title" label="Title" hint="For example, Understanding emotions" status />
                        <Textarea name="about" label="What the course is about (optional)" status rows=3 />
                        <SubmitButton label="Add the course" />
                    </ActionForm>
                })}
            }} />
        </StaffOnly>
    }
}

#[component]
pub fn CourseView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let record = ServerAction::<RecordSession>::new();
    let mark = ServerAction::<MarkSessionHeld>::new();
    let (status, mark_status) = (FormStatus::of(record), FormStatus::of(mark));
    let page = Resource::new(
        move || {
            (
                CourseId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                record.version().get() + mark.version().get(),
            )
        },
        |(id, _)| get_course(id),
    );
    let said = move || {
        if query.with(|q| q.get("planned").is_some()) {
            Some("The session has been planned.")
        } else if query.with(|q| q.get("recorded").is_some())
            || matches!(record.value().get(), Some(Ok(_)))
            || matches!(mark.value().get(), Some(Ok(())))
        {
            Some("The session has been recorded.")
        } else {
            None
        }
    };
    view! {
        <Title text="Course" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion/courses">"Courses"</a></p>
        <ErrorSummary status />
        <ErrorSummary status=mark_status id="mark-errors" />
        {move || said().map(|words| view! { <div class="nhsuk-inset-text" role="status"><p>{words}</p></div> })}
        <Loaded resource=page render={move |page: CoursePage| {
            let c = page.course.clone();
            let course_id = c.id.to_string();
            let options: Vec<(String, String)> = page.co_facilitators.iter().map(|r| (r.appointment_id.to_string(), r.label.clone())).collect();
            let (planned, held): (Vec<CourseSession>, Vec<CourseSession>) = page.sessions.iter().cloned().partition(|s| s.planned);
            let planned_choices: Vec<(String, String)> = planned.iter().rev().map(|s| (s.id.to_string(), format!("{}, {} to {}, {}", crate::dates::readable_day(&s.held_on), s.starts_at, s.ends_at, s.place))).collect();
            let when = vec![
                Choice { value: "held".into(), label: "Held: record who came".into(), hint: None },
                Choice { value: "planned".into(), label: "Planned: a session still to come".into(), hint: Some("Mark it held on the day, with who came".into()) },
            ];
            view! {
                <span class="nhsuk-caption-l">{c.service_name.clone()}</span>
                <h1 class="nhsuk-heading-l">{c.title.clone()}</h1>
                {(!c.about.is_empty()).then(|| view! { <p class="nhsuk-body continuum-preserve-lines">{c.about.clone()}</p> })}
                <p class="nhsuk-body">{format!("{} held, {} co-delivered with lived experience.", crate::text::count(c.sessions, "session", "sessions"), c.co_delivered)}</p>
                {(!planned.is_empty()).then(|| view! {
                    <table class="nhsuk-table-responsive">
                        <caption class="nhsuk-table__caption nhsuk-table__caption--s">"Sessions planned"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Date"</th>
                            <th scope="col" class="nhsuk-table__header">"Place"</th>
                            <th scope="col" class="nhsuk-table__header">"Facilitators"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {planned.iter().rev().map(|s| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>{format!("{}, {} to {}", crate::dates::readable_day(&s.held_on), s.starts_at, s.ends_at)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Place "</span>{s.place.clone()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Facilitators "</span>{facilitators(s)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h2 class="nhsuk-heading-m">"Mark a planned session held"</h2>
                    <ActionForm attr:novalidate=true action=mark>
                        <crate::ui::SubmissionToken status=mark_status />
                        <input type="hidden" name="course_id" value=course_id.clone() />
                        <Select name="session_id" label="Session" status=mark_status options=planned_choices.clone() placeholder="Choose the session" />
                        <TextInput name="patients_attending" label="Patients and carers who came" input_type="number" status=mark_status width="nhsuk-input--width-4" />
                        <TextInput name="others_attending" label="Others who came" hint="Such as staff of other services and students" input_type="number" status=mark_status width="nhsuk-input--width-4" />
                        <SubmitButton label="Mark it held" />
                    </ActionForm>
                })}
                {(!held.is_empty()).then(|| view! {
                    <table class="nhsuk-table-responsive">
                        <caption class="nhsuk-table__caption nhsuk-table__caption--s">"Sessions held"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Date"</th>
                            <th scope="col" class="nhsuk-table__header">"Place"</th>
                            <th scope="col" class="nhsuk-table__header">"Came"</th>
                            <th scope="col" class="nhsuk-table__header">"Facilitators"</th>
                            <th scope="col" class="nhsuk-table__header">"Co-delivered"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {held.iter().map(|s| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>{format!("{}, {} to {}", crate::dates::readable_day(&s.held_on), s.starts_at, s.ends_at)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Place "</span>{s.place.clone()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Came "</span>{format!("{}, {}", crate::text::count(s.patients_attending, "patient", "patients"), crate::text::count(s.others_attending, "other", "others"))}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Facilitators "</span>
                                        {facilitators(s)}
                                        {(!s.feedback_form.is_empty()).then(|| view! { " · "<a href=format!("/f/{}", s.feedback_form)>"Feedback form"</a> })}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Co-delivered "</span>
                                        {if s.co_delivered { view! { <strong class="nhsuk-tag nhsuk-tag--green">"Co-delivered"</strong> }.into_any() } else { view! { <strong class="nhsuk-tag nhsuk-tag--grey">"Not co-delivered"</strong> }.into_any() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                <h2 class="nhsuk-heading-m">"Add a session"</h2>
                <ActionForm attr:novalidate=true action=record>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="course_id" value=c.id.to_string() />
                    <Radios name="when" legend="Held or planned?" status choices=when value="held" />
                    <DateInput name="held_on" legend="Date of the session" status />
                    <TextInput name="start" label="Start time" hint="On the 24-hour clock, like 10:00" status width="nhsuk-input--width-5" />
                    <TextInput name="end" label="End time" hint="Like 12:00" status width="nhsuk-input--width-5" />
                    <TextInput name="place" label="Where" status />
                    <TextInput name="patients_attending" label="Patients and carers who came" hint="For a session held; leave empty for one planned" input_type="number" status width="nhsuk-input--width-4" />
                    <TextInput name="others_attending" label="Others who came" hint="Such as staff of other services and students" input_type="number" status width="nhsuk-input--width-4" />
                    <TextInput name="staff_facilitators" label="Staff who facilitate" hint="Names, separated by commas" status />
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Co-facilitators with lived experience"</legend>
                        <p class="nhsuk-body">"Up to three volunteers in lived-experience roles of this service, and up to three other people by name. A session without one is recorded as not co-delivered."</p>
                        <Select name="co_facilitator" label="First volunteer" status options=options.clone() placeholder="None" />
                        <Select name="co_facilitator_2" label="Second volunteer" status options=options.clone() placeholder="None" />
                        <Select name="co_facilitator_3" label="Third volunteer" status options=options.clone() placeholder="None" />
                        <TextInput name="named_co_facilitator" label="Another co-facilitator with lived experience (their name)" status />
                        <TextInput name="named_co_facilitator_2" label="A second person by name" status />
                        <TextInput name="named_co_facilitator_3" label="A third person by name" status />
                    </fieldset>
                    <TextInput name="feedback_form" label="Feedback form for attendees (optional)" hint="Its address, like /f/understanding-emotions" status />
                    <SubmitButton label="Save the session" />
                </ActionForm>
            }
        }} />
    }
}

/// A session's facilitators in a line: the staff, then each co-facilitator marked "(lived experience)".
fn facilitators(s: &CourseSession) -> String {
    let mut names = vec![];
    if !s.staff_facilitators.is_empty() {
        names.push(s.staff_facilitators.clone());
    }
    names.extend(s.co_facilitators.iter().map(|n| format!("{n} (lived experience)")));
    names.join("; ")
}
