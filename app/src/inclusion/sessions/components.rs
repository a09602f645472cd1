//! Courses' pages, for the service's staff: `/inclusion/courses` (the courses, and adding one) and
//! `/inclusion/courses/<id>` (its sessions, marked co-delivered or not, and recording one held).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{get_course, list_courses, RecordSession, SaveCourse};
use super::types::{CourseId, CoursePage, CoursesPage};
use crate::ui::{DateInput, ErrorSummary, FormStatus, Loaded, Select, StaffOnly, SubmitButton, TextInput, Textarea};

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
    let status = FormStatus::of(record);
    let page = Resource::new(
        move || (CourseId::from(params.with(|p| p.get("id")).unwrap_or_default()), record.version().get()),
        |(id, _)| get_course(id),
    );
    let recorded = move || query.with(|q| q.get("recorded").is_some()) || matches!(record.value().get(), Some(Ok(_)));
    view! {
        <Title text="Course" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion/courses">"Courses"</a></p>
        <ErrorSummary status />
        {move || recorded().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The session has been recorded."</p></div> })}
        <Loaded resource=page render={move |page: CoursePage| {
            let c = page.course.clone();
            let options: Vec<(String, String)> = page.co_facilitators.iter().map(|r| (r.appointment_id.to_string(), r.label.clone())).collect();
            view! {
                <span class="nhsuk-caption-l">{c.service_name.clone()}</span>
                <h1 class="nhsuk-heading-l">{c.title.clone()}</h1>
                {(!c.about.is_empty()).then(|| view! { <p class="nhsuk-body continuum-preserve-lines">{c.about.clone()}</p> })}
                <p class="nhsuk-body">{format!("{} held, {} co-delivered with lived experience.", crate::text::count(c.sessions, "session", "sessions"), c.co_delivered)}</p>
                {(!page.sessions.is_empty()).then(|| view! {
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
                            {page.sessions.iter().map(|s| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Date "</span>{format!("{}, {} to {}", crate::dates::readable_day(&s.held_on), s.starts_at, s.ends_at)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Place "</span>{s.place.clone()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Came "</span>{format!("{} patients, {} others", s.patients_attending, s.others_attending)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Facilitators "</span>
                                        {let mut names = vec![]; if !s.staff_facilitators.is_empty() { names.push(s.staff_facilitators.clone()); } names.extend(s.co_facilitators.iter().map(|n| format!("{n} (lived experience)"))); names.join("; ")}
                                        {(!s.feedback_form.is_empty()).then(|| view! { " · "<a href=format!("/f/{}", s.feedback_form)>"Feedback form"</a> })}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Co-delivered "</span>
                                        {if s.co_delivered { view! { <strong class="nhsuk-tag nhsuk-tag--green">"Co-delivered"</strong> }.into_any() } else { view! { <strong class="nhsuk-tag nhsuk-tag--grey">"Not co-delivered"</strong> }.into_any() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                <h2 class="nhsuk-heading-m">"Record a session held"</h2>
                <ActionForm attr:novalidate=true action=record>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="course_id" value=c.id.to_string() />
                    <DateInput name="held_on" legend="Date of the session" status />
                    <TextInput name="start" label="Start time" hint="On the 24-hour clock, like 10:00" status width="nhsuk-input--width-5" />
                    <TextInput name="end" label="End time" hint="Like 12:00" status width="nhsuk-input--width-5" />
                    <TextInput name="place" label="Where" status />
                    <TextInput name="patients_attending" label="Patients and carers who came" input_type="number" status width="nhsuk-input--width-4" />
                    <TextInput name="others_attending" label="Others who came" hint="Such as staff of other services and students" input_type="number" status width="nhsuk-input--width-4" />
                    <TextInput name="staff_facilitators" label="Staff who facilitated" hint="Names, separated by commas" status />
                    <Select name="co_facilitator" label="Co-facilitator with lived experience (a volunteer)" hint="A volunteer in a lived-experience role of this service" status options placeholder="None" />
                    <TextInput name="named_co_facilitator" label="Or another co-facilitator with lived experience (their name)" hint="A session without a co-facilitator with lived experience is recorded as not co-delivered" status />
                    <TextInput name="feedback_form" label="Feedback form for attendees (optional)" hint="Its address, like /f/understanding-emotions" status />
                    <SubmitButton label="Record the session" />
                </ActionForm>
            }
        }} />
    }
}
