//! Participation's pages: the groups someone may read (`/participation`), a group (`/participation/groups/<id>`)
//! and a meeting (`/participation/meetings/<id>`), with the forms of those who manage them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{
    get_group, get_meeting, get_participation_overview, AddAgendaItem, AddGroupMember, AddMeetingGuest,
    DeclareInterest, RecordAttendance, SaveGroup, ScheduleMeeting, SetMeetingStatus,
};
use super::types::{
    Attendance, GroupId, GroupPage, MeetingId, MeetingPage, MeetingStatus, Member, MemberType, ParticipationOverview,
    Position,
};
use crate::{
    accounts::types::ServiceSummary,
    ui::{Choice, ErrorSummary, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput, Textarea},
};

fn term(member: &Member) -> String {
    let start = crate::dates::readable_day(&member.term_start);
    match &member.term_end {
        Some(end) => format!("{start} to {}", crate::dates::readable_day(end)),
        None => format!("From {start}"),
    }
}

fn who(member: &Member) -> String {
    if member.organisation.is_empty() {
        member.name.clone()
    } else {
        format!("{} ({})", member.name, member.organisation)
    }
}

fn status_tag(status: MeetingStatus) -> impl IntoView {
    let class = match status {
        MeetingStatus::Planned => "nhsuk-tag nhsuk-tag--blue",
        MeetingStatus::Held => "nhsuk-tag nhsuk-tag--green",
        MeetingStatus::Cancelled => "nhsuk-tag nhsuk-tag--grey",
    };
    view! { <strong class=class>{status.label()}</strong> }
}

/// The group settings form's fields (setting up a group, or changing one).
#[component]
fn GroupSettingsFields(status: FormStatus, #[prop(optional)] page: Option<GroupPage>) -> impl IntoView {
    let value = |f: fn(&GroupPage) -> String| page.as_ref().map(f).unwrap_or_default();
    view! {
        <TextInput name="name" label="Name" hint="For example, Steering group" status value=value(|p| p.group.name.clone()) />
        <TextInput name="purpose" label="Purpose" hint="One sentence" status value=value(|p| p.group.purpose.clone()) />
        <Textarea name="terms_of_reference" label="Terms of reference" hint="Markdown: ## for a heading, a blank line between paragraphs" status rows=8 value=value(|p| p.group.terms_of_reference.clone()) />
        <TextInput name="quorum_present" label="Quorum: members present" hint="How many members must be present (observers not counted)" input_type="number" status width="nhsuk-input--width-4" value=value(|p| p.group.quorum.present.to_string()) />
        <TextInput name="quorum_lived" label="Of whom patient or carer members" hint="How many of them must be patient or carer members" input_type="number" status width="nhsuk-input--width-4" value=value(|p| p.group.quorum.lived.to_string()) />
        <TextInput name="papers_due_days" label="Papers go out this many days before a meeting" input_type="number" status width="nhsuk-input--width-4" value=page.as_ref().map_or_else(|| "7".to_owned(), |p| p.group.papers_due_days.to_string()) />
    }
}

#[component]
pub fn ParticipationPage() -> impl IntoView {
    let save = ServerAction::<SaveGroup>::new();
    let status = FormStatus::of(save);
    let data = Resource::new(move || save.version().get(), |_| get_participation_overview());
    view! {
        <Title text="Groups" />
        <h1 class="nhsuk-heading-l">"Groups"</h1>
        <p class="nhsuk-body">"Steering groups and advisory groups: where patients, carers, staff and partners shape the service together."</p>
        <Loaded resource=data render={move |o: ParticipationOverview| view! {
            {if o.groups.is_empty() {
                view! { <p class="nhsuk-body">"You are not a member of any group."</p> }.into_any()
            } else {
                o.groups.into_iter().map(|g| view! {
                    <div class="nhsuk-card nhsuk-card--clickable">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading nhsuk-heading-m"><a class="nhsuk-card__link" href=format!("/participation/groups/{}", g.id)>{g.name.clone()}</a></h2>
                            <p class="nhsuk-card__description">{g.purpose.clone()}</p>
                            <p class="nhsuk-body-s continuum-meta">{format!("{} · {}", g.service_name, crate::text::count(g.current_members, "current member", "current members"))}</p>
                        </div>
                    </div>
                }).collect_view().into_any()
            }}
            {(!o.services.is_empty()).then(|| {
                let options = ServiceSummary::options(&o.services);
                view! {
                    <h2 class="nhsuk-heading-m">"Set up a group"</h2>
                    <ErrorSummary status />
                    <ActionForm attr:novalidate=true action=save>
                        <crate::ui::SubmissionToken status=status />
                        <input type="hidden" name="group_id" value="" />
                        <Select name="service_id" label="Service" status options placeholder="Choose a service" />
                        <GroupSettingsFields status />
                        <SubmitButton label="Set up the group" />
                    </ActionForm>
                }
            })}
        }} />
    }
}

fn member_type_choices() -> Vec<(String, String)> {
    MemberType::ALL.iter().map(|t| (t.as_str().to_owned(), t.label().to_owned())).collect()
}

fn position_choices() -> Vec<(String, String)> {
    Position::ALL.iter().map(|p| (p.as_str().to_owned(), p.label().to_owned())).collect()
}

#[component]
pub fn GroupView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let add_member = ServerAction::<AddGroupMember>::new();
    let schedule = ServerAction::<ScheduleMeeting>::new();
    let settings = ServerAction::<SaveGroup>::new();
    let end_term = ServerAction::<super::terms::EndMemberTerm>::new();
    let change_position = ServerAction::<super::terms::ChangeMemberPosition>::new();
    let (member_status, meeting_status, settings_status) =
        (FormStatus::of(add_member), FormStatus::of(schedule), FormStatus::of(settings));
    let data = Resource::new(
        move || {
            (
                GroupId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                add_member.version().get()
                    + schedule.version().get()
                    + settings.version().get()
                    + end_term.version().get()
                    + change_position.version().get(),
            )
        },
        |(id, _)| get_group(id),
    );
    let member_added =
        move || query.with(|q| q.get("member").is_some()) || matches!(add_member.value().get(), Some(Ok(_)));
    view! {
        <Title text="Group" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/participation">"Groups"</a></p>
        <Loaded resource=data render={move |page: GroupPage| {
            let g = page.group.clone();
            let organises = page.organises;
            let group_id = g.id.to_string();
            let service_id = g.service_id.to_string();
            view! {
                <span class="nhsuk-caption-l">{g.service_name.clone()}</span>
                <h1 class="nhsuk-heading-l">{g.name.clone()}</h1>
                // After a mistake the form's summary is on the first screen, above the group's business.
                <ErrorSummary status=member_status id="member-errors" />
                <ErrorSummary status=meeting_status id="meeting-errors" />
                <ErrorSummary status=settings_status id="settings-errors" />
                <ErrorSummary status=FormStatus::of(end_term) id="end-term-errors" />
                <ErrorSummary status=FormStatus::of(change_position) id="position-errors" />
                <p class="nhsuk-lede-text">{g.purpose.clone()}</p>
                <h2 class="nhsuk-heading-m">"Who is on it"</h2>
                <dl class="nhsuk-summary-list">
                    {page.makeup.iter().map(|(kind, n)| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{match kind { MemberType::Patient => "Patients", MemberType::Carer => "Carers", MemberType::Staff => "Staff", MemberType::Stakeholder => "Stakeholders" }}</dt>
                            <dd class="nhsuk-summary-list__value">{n.to_string()}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                <p class="nhsuk-body">{format!("A meeting is quorate with {}. Papers go out {} before each meeting.", g.quorum.describe(), crate::text::count(g.papers_due_days, "day", "days"))}</p>
                {(!page.current.is_empty()).then(|| view! {
                    <table class="nhsuk-table-responsive">
                        <caption class="nhsuk-table__caption">"Current members"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Member"</th>
                            <th scope="col" class="nhsuk-table__header">"Type"</th>
                            <th scope="col" class="nhsuk-table__header">"Position"</th>
                            <th scope="col" class="nhsuk-table__header">"Term"</th>
                            {organises.then(|| view! { <th scope="col" class="nhsuk-table__header">"Access needs"</th> })}
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {page.current.iter().map(|m| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Member "</span>{who(m)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Type "</span>{m.member_type.label()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Position "</span>{m.position.label()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Term "</span>{term(m)}</td>
                                    {organises.then(|| view! { <td class="nhsuk-table__cell continuum-preserve-lines"><span class="nhsuk-table-responsive__heading">"Access needs "</span>{match (m.access_needs.is_empty(), m.papers_by_post) { (true, false) => "None given".to_owned(), (true, true) => "Papers by post".to_owned(), (false, false) => m.access_needs.clone(), (false, true) => format!("{}\nPapers by post", m.access_needs) }}</td> })}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                {(!page.past.is_empty()).then(|| view! {
                    <h3 class="nhsuk-heading-s">"Past members"</h3>
                    <ul class="nhsuk-list">
                        {page.past.iter().map(|m| view! { <li>{format!("{} — {}, {}", who(m), m.member_type.label(), term(m))}</li> }).collect_view()}
                    </ul>
                })}
                <h2 class="nhsuk-heading-m">"Meetings"</h2>
                {if page.meetings.is_empty() { view! { <p class="nhsuk-body">"No meetings yet."</p> }.into_any() } else { view! {
                    <ul class="nhsuk-list">
                        {page.meetings.iter().map(|m| view! {
                            <li><a href=format!("/participation/meetings/{}", m.id)>{m.when()}</a>" "{status_tag(m.status)}{page.papers_late.contains(&m.id).then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--red">"Papers late"</strong> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any() }}
                // Members read the service's aggregate feedback results: figures only, never a comment's words
                // or a response (issue 15 §7).
                {(page.sees_report || !page.feedback_forms.is_empty()).then(|| view! {
                    <h2 class="nhsuk-heading-m">"What patients and carers told the service"</h2>
                    <p class="nhsuk-body">"The service's feedback results, as figures (small numbers are hidden to protect privacy)."</p>
                    <ul class="nhsuk-list" id="feedback-results">
                        {page.sees_report.then(|| view! { <li><a href=format!("/reports/involvement?service_id={}", g.service_id)>"The service's involvement report"</a></li> })}
                        {page.feedback_forms.iter().map(|(id, title)| view! { <li><a href=format!("/consultation/forms/{id}/results")>{format!("Results: {title}")}</a></li> }).collect_view()}
                    </ul>
                })}
                <h2 class="nhsuk-heading-m">"Terms of reference"</h2>
                <div class="nhsuk-body continuum-prose" inner_html=g.terms_html.clone()></div>
                {page.may_manage.then(|| { let page = page.clone(); let (id1, id2, id3) = (group_id.clone(), group_id.clone(), group_id.clone()); view! {
                    <h2 class="nhsuk-heading-m">"Add a member"</h2>
                    {move || member_added().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The member has been added."</p></div> })}
                    <ActionForm attr:novalidate=true action=add_member>
                        <crate::ui::SubmissionToken status=member_status />
                        <input type="hidden" name="group_id" value=id1 />
                        <TextInput name="account_email" label="Their account's email address" hint="If they have an account with Continuum. Otherwise leave this empty and give their name" input_type="email" status=member_status />
                        <TextInput name="member_name" label="Name (if they have no account)" status=member_status />
                        <TextInput name="organisation" label="Organisation (optional)" status=member_status />
                        <TextInput name="member_email" label="Email (optional, for someone without an account)" input_type="email" status=member_status />
                        <Select name="member_type" label="Type of member" status=member_status options=member_type_choices() placeholder="Choose a type" />
                        <Select name="position" label="Position" status=member_status options=position_choices() value="member" />
                        <crate::ui::DateInput name="term_start" legend="Date the term starts" status=member_status />
                        <crate::ui::DateInput name="term_end" legend="Date the term ends (optional)" hint="Leave it empty for a term with no end date yet." status=member_status />
                        <Textarea name="access_needs" label="Access needs (optional)" hint="For example, large print, papers by post, an interpreter, breaks" status=member_status rows=3 />
                        <crate::ui::form::Checkboxes name="papers_by_post" legend="Papers by post" status=member_status choices=vec![Choice { value: "yes".to_owned(), label: "Post them their papers as well".to_owned(), hint: Some("The meeting page lists them for posting when the papers are sent".to_owned()) }] />
                        <SubmitButton label="Add member" />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"Plan a meeting"</h2>
                    <ActionForm attr:novalidate=true action=schedule>
                        <crate::ui::SubmissionToken status=meeting_status />
                        <input type="hidden" name="group_id" value=id2 />
                        <crate::ui::DateInput name="day" legend="Date of the meeting" status=meeting_status />
                        <TextInput name="start" label="Starts" hint="24-hour clock, like 18:00" input_type="time" status=meeting_status width="nhsuk-input--width-5" />
                        <TextInput name="end" label="Ends" input_type="time" status=meeting_status width="nhsuk-input--width-5" />
                        <TextInput name="place" label="Place" hint="Leave empty for a meeting held only online" status=meeting_status />
                        <TextInput name="joining_link" label="Joining link (optional)" hint="For people joining online" input_type="url" status=meeting_status />
                        <SubmitButton label="Plan meeting" />
                    </ActionForm>
                    {(!page.current.is_empty()).then(|| view! { <super::terms::ChangePositionForm action=change_position group_id=g.id.clone() current=page.current.clone() /> })}
                    {(!page.current.is_empty()).then(|| view! { <super::terms::EndTermForm action=end_term group_id=g.id.clone() current=page.current.clone() /> })}
                    <h2 class="nhsuk-heading-m">"Change the group's settings"</h2>
                    <ActionForm attr:novalidate=true action=settings>
                        <crate::ui::SubmissionToken status=settings_status />
                        <input type="hidden" name="group_id" value=id3 />
                        <input type="hidden" name="service_id" value=service_id.clone() />
                        <GroupSettingsFields status=settings_status page=page />
                        <SubmitButton label="Save settings" secondary=true />
                    </ActionForm>
                }})}
            }
        }} />
    }
}

#[component]
pub fn MeetingView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let status_action = ServerAction::<SetMeetingStatus>::new();
    let item = ServerAction::<AddAgendaItem>::new();
    let attendance = ServerAction::<RecordAttendance>::new();
    let guest = ServerAction::<AddMeetingGuest>::new();
    let declare = ServerAction::<DeclareInterest>::new();
    let send_papers = ServerAction::<super::papers::server::SendPapers>::new();
    let statuses = (
        FormStatus::of(status_action),
        FormStatus::of(item),
        FormStatus::of(attendance),
        FormStatus::of(guest),
        FormStatus::of(declare),
    );
    let data = Resource::new(
        move || {
            (
                MeetingId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                status_action.version().get()
                    + item.version().get()
                    + attendance.version().get()
                    + guest.version().get()
                    + declare.version().get()
                    + send_papers.version().get(),
            )
        },
        |(id, _)| get_meeting(id),
    );
    let attendance_saved =
        move || query.with(|q| q.get("attendance").is_some()) || matches!(attendance.value().get(), Some(Ok(_)));
    view! {
        <Title text="Meeting" />
        <Loaded resource=data render={move |page: MeetingPage| {
            let (status_status, item_status, attendance_status, guest_status, declare_status) = statuses;
            let m = page.meeting.clone();
            let recorded = page.attendance.iter().any(|(_, a)| a.is_some());
            view! {
                <p class="nhsuk-body"><a class="nhsuk-back-link" href=format!("/participation/groups/{}", page.group.id)>{page.group.name.clone()}</a></p>
                <span class="nhsuk-caption-l">{page.group.name.clone()}</span>
                <h1 class="nhsuk-heading-l">{format!("Meeting: {}", m.when())}</h1>
                // After a mistake the form's summary is on the first screen, above the agenda and attendance.
                <ErrorSummary status=status_status id="status-errors" />
                <ErrorSummary status=item_status id="item-errors" />
                <ErrorSummary status=attendance_status id="attendance-errors" />
                <ErrorSummary status=guest_status id="guest-errors" />
                <ErrorSummary status=declare_status id="declaration-errors" />
                <super::papers::components::PapersErrors send=send_papers />
                <p class="nhsuk-body">{status_tag(m.status)}</p>
                <dl class="nhsuk-summary-list">
                    {(!m.place.is_empty()).then(|| view! { <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Place"</dt><dd class="nhsuk-summary-list__value">{m.place.clone()}</dd></div> })}
                    {(!m.joining_link.is_empty()).then(|| view! { <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Join online"</dt><dd class="nhsuk-summary-list__value"><a href=m.joining_link.clone()>{m.joining_link.clone()}</a></dd></div> })}
                </dl>
                <h2 class="nhsuk-heading-m">"Quorum"</h2>
                {if recorded {
                    let class = if page.quorum.quorate { "nhsuk-inset-text" } else { "nhsuk-warning-callout" };
                    view! { <div class=class><p id="quorum">{page.quorum.sentence.clone()}</p></div> }.into_any()
                } else {
                    view! { <p class="nhsuk-body" id="quorum">{format!("Attendance has not been recorded yet. The group's rule is {}.", page.group.quorum.describe())}</p> }.into_any()
                }}
                <p class="nhsuk-body"><a href=crate::participation::minutes::server::minutes_path(&m.id)>"Minutes, decisions and actions"</a></p>
                <crate::participation::actions::components::MattersArising meeting_id=m.id.clone() />
                <h2 class="nhsuk-heading-m">"Agenda"</h2>
                {if page.items.is_empty() { view! { <p class="nhsuk-body">"No items yet."</p> }.into_any() } else { view! {
                    <ol class="nhsuk-list nhsuk-list--number">
                        {page.items.iter().map(|i| view! {
                            <li>
                                <strong>{i.title.clone()}</strong>
                                {i.confidential.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--orange">"Confidential"</strong> })}
                                <br />
                                <span class="nhsuk-body-s continuum-meta">{format!("{}{} minutes", if i.lead.is_empty() { String::new() } else { format!("Led by {} · ", i.lead) }, i.minutes_allotted)}</span>
                                {(!i.declarations.is_empty()).then(|| view! {
                                    <ul class="nhsuk-list nhsuk-body-s">
                                        {i.declarations.iter().map(|d| view! { <li>{format!("Interest declared by {}: {}", d.member_name, d.interest)}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any() }}
                <super::papers::components::MeetingPapers page=page.clone() send=send_papers />
                <h2 class="nhsuk-heading-m">"Attendance"</h2>
                <table class="nhsuk-table-responsive">
                    <caption class="nhsuk-u-visually-hidden">"Attendance"</caption>
                    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                        <th scope="col" class="nhsuk-table__header">"Member"</th>
                        <th scope="col" class="nhsuk-table__header">"Type"</th>
                        <th scope="col" class="nhsuk-table__header">"Attendance"</th>
                    </tr></thead>
                    <tbody class="nhsuk-table__body">
                        {page.attendance.iter().map(|(member, a)| view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Member "</span>{format!("{} ({})", who(member), member.position.label())}</td>
                                <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Type "</span>{member.member_type.label()}</td>
                                <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Attendance "</span>{a.map(|a| a.label()).unwrap_or("Not recorded")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(!page.guests.is_empty()).then(|| view! {
                    <h3 class="nhsuk-heading-s">"Guests"</h3>
                    <ul class="nhsuk-list">{page.guests.iter().map(|g| view! { <li>{if g.role.is_empty() { g.name.clone() } else { format!("{}, {}", g.name, g.role) }}</li> }).collect_view()}</ul>
                })}
                {page.may_record.then(|| {
                    let meeting_id = page.meeting.id.to_string();
                    let lines = page.attendance.clone();
                    let item_options: Vec<(String, String)> = page.items.iter().map(|i| (i.id.to_string(), i.title.clone())).collect();
                    let member_options: Vec<(String, String)> = page.attendance.iter().map(|(m, _)| (m.id.to_string(), m.name.clone())).collect();
                    let (id1, id2, id3) = (meeting_id.clone(), meeting_id.clone(), meeting_id.clone());
                    let closed = page.attendance_closed.clone();
                    view! {
                    <h2 class="nhsuk-heading-m">"Record attendance"</h2>
                    // Not offered before the meeting starts (or once cancelled): it would be refused (tester F4).
                    {closed.clone().map(|reason| view! { <p class="nhsuk-body" id="attendance-closed">{reason}</p> })}
                    {closed.is_none().then(|| view! {
                    {move || attendance_saved().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"Attendance has been recorded."</p></div> })}
                    <ActionForm attr:novalidate=true action=attendance>
                        <crate::ui::SubmissionToken status=attendance_status />
                        <input type="hidden" name="meeting_id" value=id1 />
                        {lines.into_iter().map(|(member, a)| view! {
                            <Radios
                                name=super::server::attendance_field(&member.id)
                                legend=who(&member)
                                status=attendance_status
                                choices=Attendance::ALL.iter().map(|a| Choice { value: a.as_str().to_owned(), label: a.label().to_owned(), hint: None }).collect()
                                value=a.map(|a| a.as_str().to_owned()).unwrap_or_default()
                            />
                        }).collect_view()}
                        <SubmitButton label="Save attendance" />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"Add a guest"</h2>
                    <ActionForm attr:novalidate=true action=guest>
                        <crate::ui::SubmissionToken status=guest_status />
                        <input type="hidden" name="meeting_id" value=id2 />
                        <TextInput name="guest_name" label="Guest's name" status=guest_status />
                        <TextInput name="guest_role" label="Their role (optional)" status=guest_status />
                        <SubmitButton label="Add guest" secondary=true />
                    </ActionForm>
                    })}
                    {(!item_options.is_empty()).then(|| view! {
                        <h2 class="nhsuk-heading-m">"Record a declaration of interest"</h2>
                        <ActionForm attr:novalidate=true action=declare>
                        <crate::ui::SubmissionToken status=declare_status />
                            <input type="hidden" name="meeting_id" value=id3 />
                            <Select name="item_id" label="Agenda item" status=declare_status options=item_options placeholder="Choose an item" />
                            <Select name="member_id" label="Member" status=declare_status options=member_options placeholder="Choose a member" />
                            <TextInput name="interest" label="The interest" status=declare_status />
                            <SubmitButton label="Record declaration" secondary=true />
                        </ActionForm>
                    })}
                }})}
                {page.may_manage.then(|| {
                    let (id1, id2) = (page.meeting.id.to_string(), page.meeting.id.to_string());
                    let current_status = page.meeting.status.as_str().to_owned();
                    view! {
                    <h2 class="nhsuk-heading-m">"Add an agenda item"</h2>
                    <ActionForm attr:novalidate=true action=item>
                        <crate::ui::SubmissionToken status=item_status />
                        <input type="hidden" name="meeting_id" value=id1 />
                        <TextInput name="title" label="Title" status=item_status />
                        <TextInput name="lead" label="Led by (optional)" status=item_status />
                        <TextInput name="minutes_allotted" label="Minutes allotted" input_type="number" status=item_status width="nhsuk-input--width-4" />
                        <div class="nhsuk-form-group"><div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item">
                            <input class="nhsuk-checkboxes__input" id=item_status.id_for("confidential") name="confidential" type="checkbox" value="yes" />
                            <label class="nhsuk-label nhsuk-checkboxes__label" for=item_status.id_for("confidential")>"Confidential"</label>
                        </div></div></div>
                        <SubmitButton label="Add item" secondary=true />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"Meeting status"</h2>
                    <ActionForm attr:novalidate=true action=status_action>
                        <crate::ui::SubmissionToken status=status_status />
                        <input type="hidden" name="meeting_id" value=id2 />
                        <Radios
                            name="status"
                            legend="This meeting is"
                            hint="Marking it held records it in the ledger as a Participation activity, with the people present"
                            status=status_status
                            choices=MeetingStatus::ALL.iter().map(|s| Choice { value: s.as_str().to_owned(), label: s.label().to_owned(), hint: None }).collect()
                            value=current_status
                        />
                        <SubmitButton label="Save status" secondary=true />
                    </ActionForm>
                }})}
            }
        }} />
    }
}
