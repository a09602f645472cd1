//! Inclusion's pages. Public and light (no WebAssembly): the recruiting roles (`/volunteer`), a role with its
//! application form (`/volunteer/<slug>`) and the applicant's status page (`/volunteer/application`, from
//! the link in their mail), and the page of the link that confirms an application sent again
//! (`/volunteer/application/confirm`). For the service's staff: roles and the equal-opportunities report
//! (`/inclusion`), a role's edit page (`/inclusion/roles/<id>`), every application with counts per stage
//! (`/inclusion/applications`) and one application with its pipeline (`/inclusion/applications/<id>`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::server::{
    get_application, get_application_status, get_inclusion_overview, get_resent_application, get_role_for_editing,
    get_volunteer_role, list_applications, list_volunteer_roles, ApplyForRole, AppointVolunteer,
    ConfirmResentApplication, LinkInterviewPanel, MoveApplication, SaveVolunteerRole, WithdrawApplication,
};
use super::types::{
    equality_field, ApplicationId, ApplicationList, ApplicationPage, ApplicationStatus, InclusionOverview, Role,
    RoleId, RolePage, RoleState, Stage, TakingPartAs, EQUALITY_QUESTIONS,
};
use crate::{
    accounts::types::ServiceSummary,
    error::AppError,
    safeguarding::review::ReviewOutcome,
    ui::{
        form::Checkboxes, layout::CrisisContacts, Choice, DateInput, ErrorPage, ErrorSummary, FormStatus, Loaded,
        Radios, Select, StaffOnly, SubmitButton, TextInput, Textarea,
    },
};

fn choices(pairs: impl IntoIterator<Item = (&'static str, &'static str)>) -> Vec<Choice> {
    pairs.into_iter().map(|(value, label)| Choice { value: value.into(), label: label.into(), hint: None }).collect()
}

fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value continuum-preserve-lines">{value}</dd>
        </div>
    }
}

/// A role's details as a summary list.
fn role_details(role: &Role) -> impl IntoView {
    view! {
        <dl class="nhsuk-summary-list">
            {row("What you would do", role.duties.clone())}
            {row("Time asked", role.time_asked.clone())}
            {row("Where", role.place.clone())}
            {row("Support and supervision", role.support.clone())}
            {row("Expenses", role.expenses.clone())}
            {row("Lived experience", if role.lived_experience { "This role is for someone with lived experience of the service, as a patient or a carer.".to_owned() } else { "Lived experience is welcome but not asked for.".to_owned() })}
            {row("Posts", crate::text::count(role.posts, "post", "posts"))}
        </dl>
    }
}

// ---- public -----------------------------------------------------------------------------------------------

#[component]
pub fn VolunteerRolesPage() -> impl IntoView {
    let roles = Resource::new(|| (), |_| list_volunteer_roles());
    view! {
        <Title text="Volunteer with us" />
        <h1 class="nhsuk-heading-xl">"Volunteer with us"</h1>
        <p class="nhsuk-lede-text">"Help run the service: volunteer roles for people who use the service, their carers and anyone who would like to help."</p>
        <Loaded resource=roles render={|roles: Vec<Role>| {
            if roles.is_empty() {
                view! {
                    <p class="nhsuk-body">"No volunteer roles are open just now. If you would like to volunteer, ask the staff of your service."</p>
                    <p class="nhsuk-body"><a href="/get-involved">"Other ways to get involved"</a></p>
                }.into_any()
            } else {
                roles.into_iter().map(|r| view! {
                    <div class="nhsuk-card nhsuk-card--clickable">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading nhsuk-heading-m"><a class="nhsuk-card__link" href=format!("/volunteer/{}", r.slug)>{r.title.clone()}</a></h2>
                            <p class="nhsuk-card__description">{format!("{} · {} · {}", r.service_name, r.time_asked, r.place)}</p>
                        </div>
                    </div>
                }).collect_view().into_any()
            }
        }} />
    }
}

/// The application form's fields, filled from the signed-in person's account where there is one.
#[component]
fn ApplicationFormFields(status: FormStatus, page: RolePage) -> impl IntoView {
    let part_as: Vec<Choice> = TakingPartAs::ALL
        .iter()
        .map(|t| Choice { value: t.as_str().into(), label: t.label().into(), hint: None })
        .collect();
    let equality = EQUALITY_QUESTIONS
        .iter()
        .map(|q| {
            view! {
                <Radios name=equality_field(q.name) legend=q.question status choices=choices(q.answers.iter().copied()) />
            }
        })
        .collect_view();
    let prefill = page.prefill;
    // Open when it holds an answer or a mistake, so the error summary's link lands on a field that shows.
    let open = EQUALITY_QUESTIONS.iter().any(|q| {
        let field = equality_field(q.name);
        status.message_for(&field).is_some() || status.kept(&field).is_some_and(|v| !v.is_empty())
    });
    view! {
        <input type="hidden" name="role_slug" value=page.role.slug.clone() />
        <TextInput name="name" label="Your name" autocomplete="name" status width="nhsuk-input--width-20" value=prefill.name />
        <TextInput name="email" label="Email address" input_type="email" autocomplete="email" status width="nhsuk-input--width-30" value=prefill.email
            hint="We send you a link to see where your application is. Give an email address, a phone number or both." />
        <TextInput name="phone" label="Phone number" input_type="tel" autocomplete="tel" status width="nhsuk-input--width-20" />
        <Radios name="taking_part_as" legend="Are you applying as" status choices=part_as value=prefill.taking_part_as
            hint="So we can count how patients and carers help run the service. It does not decide your application." />
        <Textarea name="why" label="Why would you like this role?" status rows=5 hint="A few sentences is plenty." />
        <Textarea name="availability" label="When are you available?" status rows=3 hint="For example, Tuesday and Thursday mornings." />
        <Textarea name="access_needs" label="Access needs (optional)" status rows=3
            hint="Anything that would help you take part, such as step-free access, a quiet space or an interpreter." />
        <h3 class="nhsuk-heading-s">"Two referees"</h3>
        <p class="nhsuk-body">"People who know you, such as a teacher, an employer, a support worker or a friend of at least two years (not a relative). We ask them only if we offer you the role."</p>
        <TextInput name="referee1_name" label="First referee's name" status width="nhsuk-input--width-20" />
        <TextInput name="referee1_contact" label="First referee's email address or phone number" status width="nhsuk-input--width-30" />
        <TextInput name="referee2_name" label="Second referee's name" status width="nhsuk-input--width-20" />
        <TextInput name="referee2_contact" label="Second referee's email address or phone number" status width="nhsuk-input--width-30" />
        <Checkboxes name="consent" legend="Checks" status choices=choices([("yes", "I agree to the checks this role needs, such as references and, where the role asks for it, a DBS check")]) />
        <details class="nhsuk-details" open=open>
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Equal opportunities (optional)"</span></summary>
            <div class="nhsuk-details__text">
                <p class="nhsuk-body">"These questions help us check that volunteering is open to everyone. Your answers are counted apart from your application, without your name, and are never seen by anyone deciding on it. Leave out any you like."</p>
                {equality}
            </div>
        </details>
    }
}

#[component]
pub fn RoleView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let apply = ServerAction::<ApplyForRole>::new();
    let status = FormStatus::of(apply);
    let slug = move || params.with(|p| p.get("slug")).unwrap_or_default();
    let page = Resource::new(slug, get_volunteer_role);
    let applied = move || {
        apply
            .value()
            .get()
            .and_then(Result::ok)
            .map(|applied| applied.as_str().to_owned())
            .or_else(|| query.with(|q| q.get("applied")))
    };
    view! {
        <ErrorSummary status />
        <Loaded resource=page render={move |page: RolePage| {
            let role = page.role.clone();
            view! {
                <Title text=format!("Volunteer: {}", role.title) />
                <span class="nhsuk-caption-l">{role.service_name.clone()}</span>
                <h1 class="nhsuk-heading-xl">{role.title.clone()}</h1>
                {(role.state == RoleState::Draft).then(|| view! {
                    <div class="nhsuk-inset-text"><p>{format!("This role is {}: only staff can see this page.", role.state.label().to_lowercase())}</p></div>
                })}
                {matches!(role.state, RoleState::Filled | RoleState::Closed).then(|| view! {
                    <div class="nhsuk-inset-text"><p>"This role is not taking applications now. "<a href="/volunteer">"See the volunteer roles that are"</a>"."</p></div>
                })}
                {role_details(&role)}
                {move || match applied().as_deref() {
                    Some("merged") => view! {
                        <div class="nhsuk-panel continuum-confirmation" role="status">
                            <h2 class="nhsuk-panel__title">"Your application is updated"</h2>
                            <div class="nhsuk-panel__body">"You had already applied for this role with this email address."</div>
                        </div>
                        <p class="nhsuk-body">"What you sent now replaces what your application said, rather than making a second one. Referees we have already asked stay as they were. The link in the email we sent you before still shows where it is."</p>
                        <p class="nhsuk-body"><a href="/volunteer">"Other volunteer roles"</a></p>
                    }.into_any(),
                    Some("kept") => view! {
                        <div class="nhsuk-panel continuum-confirmation" role="status">
                            <h2 class="nhsuk-panel__title">"You have already applied"</h2>
                            <div class="nhsuk-panel__body">"Your application for this role has gone past shortlisting."</div>
                        </div>
                        <p class="nhsuk-body">"So what you sent now has not changed it. If something has changed, please tell the coordinator. The link in the email we sent you before shows where your application is."</p>
                        <p class="nhsuk-body"><a href="/volunteer">"Other volunteer roles"</a></p>
                    }.into_any(),
                    Some(_) => view! {
                        <div class="nhsuk-panel continuum-confirmation" role="status">
                            <h2 class="nhsuk-panel__title">"Thank you for applying"</h2>
                            <div class="nhsuk-panel__body">"We have your application."</div>
                        </div>
                        <p class="nhsuk-body">"If you gave an email address, we have sent you an email with a link to see where your application is, or to withdraw it. Otherwise the coordinator will phone you."</p>
                        <p class="nhsuk-body"><a href="/volunteer">"Other volunteer roles"</a></p>
                    }.into_any(),
                    None if page.role.state != RoleState::Recruiting && !page.staff => ().into_any(),
                    None => {
                        let page = page.clone();
                        view! {
                            <h2 class="nhsuk-heading-m">"Apply for this role"</h2>
                            <p class="nhsuk-body">{format!("The volunteer coordinator of {} reads applications, usually within a week. Nobody watches this form as it arrives: it is not a way to get help in a crisis.", page.role.service_name)}</p>
                            <CrisisContacts />
                            <ActionForm attr:novalidate=true action=apply>
                                <crate::ui::SubmissionToken status=status />
                                <ApplicationFormFields status page />
                                <SubmitButton label="Send my application" />
                            </ActionForm>
                        }.into_any()
                    }
                }}
                <p class="nhsuk-body"><a href=format!("/posters/volunteer/{}", role.slug)>"Print a poster for this role"</a></p>
            }
        }} />
    }
}

#[component]
pub fn ApplicationStatusPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token")).unwrap_or_default();
    let withdraw = ServerAction::<WithdrawApplication>::new();
    let status = FormStatus::of(withdraw);
    let found = Resource::new(move || (token(), withdraw.version().get()), |(token, _)| get_application_status(token));
    view! {
        <Title text="Your application" />
        <ErrorSummary status />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(ApplicationStatus { name, role_title, role_slug, role_recruiting, service_name, stage }) => view! {
                        <span class="nhsuk-caption-l">{service_name}</span>
                        <h1 class="nhsuk-heading-l">{format!("Your application: {role_title}")}</h1>
                        <dl class="nhsuk-summary-list">
                            {row("Name", name)}
                            {row("Where it is", stage.label().to_owned())}
                        </dl>
                        <p class="nhsuk-body">{stage.for_applicant()}</p>
                        {if stage.is_open() {
                            view! {
                                <h2 class="nhsuk-heading-m">"Withdraw your application"</h2>
                                <p class="nhsuk-body">"You can withdraw at any time, for any reason, and apply again later. You do not need to tell us why."</p>
                                <ActionForm attr:novalidate=true action=withdraw>
                                    <crate::ui::SubmissionToken status=status />
                                    <input type="hidden" name="token" value=token() />
                                    <button class="nhsuk-button nhsuk-button--secondary" type="submit">"Withdraw my application"</button>
                                </ActionForm>
                            }.into_any()
                        } else {
                            view! { <p class="nhsuk-body"><a href="/volunteer">"Other volunteer roles"</a></p> }.into_any()
                        }}
                        {role_recruiting.then(|| view! { <p class="nhsuk-body"><a href=format!("/volunteer/{role_slug}")>"About the role"</a></p> })}
                    }.into_any(),
                    Err(AppError::NotFound) => view! {
                        <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                        <p class="nhsuk-body">"We could not find an application for this link. Check you copied all of it."</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page of the link mailed to the owner of an address when an application was sent again from it
/// (`/volunteer/application/confirm?key=…`): what was sent, and a button to replace their application with it.
#[component]
pub fn ConfirmResentPage() -> impl IntoView {
    let query = use_query_map();
    let key = move || query.with(|q| q.get("key")).unwrap_or_default();
    let done = move || query.with(|q| q.get("done")).is_some();
    let confirm = ServerAction::<ConfirmResentApplication>::new();
    let status = FormStatus::of(confirm);
    let found = Resource::new(key, get_resent_application);
    let confirmed = move || done() || matches!(confirm.value().get(), Some(Ok(())));
    view! {
        <Title text="Your application was sent again" />
        <ErrorSummary status />
        {move || if confirmed() {
            view! {
                <div class="nhsuk-panel continuum-confirmation" role="status">
                    <h1 class="nhsuk-panel__title">"Your application is updated"</h1>
                    <div class="nhsuk-panel__body">"What you sent again now replaces what your application said."</div>
                </div>
                <p class="nhsuk-body">"The coordinator has been told. The link in the email we sent when you first applied still shows where your application is."</p>
                <p class="nhsuk-body"><a href="/volunteer">"Other volunteer roles"</a></p>
            }.into_any()
        } else {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match found.await {
                            Ok(sent) => {
                                let referees = if sent.referees_asked {
                                    "Your referees have already been asked, so they stay as they were.".to_owned()
                                } else {
                                    sent.referees.iter().map(|(name, contact)| format!("{name}: {contact}")).collect::<Vec<_>>().join("\n")
                                };
                                view! {
                                    <span class="nhsuk-caption-l">{sent.service_name.clone()}</span>
                                    <h1 class="nhsuk-heading-l">{format!("Your application was sent again: {}", sent.role_title)}</h1>
                                    <p class="nhsuk-body">{format!("On {} an application for this role was sent again with your email address. Your application is at \"{}\" and has not changed.", crate::dates::readable_day(&sent.sent_on), sent.stage.label().to_lowercase())}</p>
                                    <p class="nhsuk-body">"If it was you, and you would like this to replace what your application says, confirm below. If it was not you, you need do nothing: close this page."</p>
                                    <h2 class="nhsuk-heading-m">"What was sent"</h2>
                                    <dl class="nhsuk-summary-list">
                                        {row("Name", sent.name.clone())}
                                        {row("Phone number", if sent.phone.is_empty() { "None given (the one you gave before is kept)".to_owned() } else { sent.phone.clone() })}
                                        {row("Why this role", sent.why.clone())}
                                        {row("When available", sent.availability.clone())}
                                        {row("Access needs", if sent.access_needs.is_empty() { "None given".to_owned() } else { sent.access_needs.clone() })}
                                        {row("Referees", referees)}
                                    </dl>
                                    <ActionForm attr:novalidate=true action=confirm>
                                        <crate::ui::SubmissionToken status=status />
                                        <input type="hidden" name="key" value=key() />
                                        <SubmitButton label="Replace my application with this" />
                                    </ActionForm>
                                }.into_any()
                            }
                            Err(AppError::Conflict(words)) => view! {
                                <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                                <p class="nhsuk-body">{words}</p>
                            }.into_any(),
                            Err(AppError::NotFound) => view! {
                                <h1 class="nhsuk-heading-l">"This link cannot be used"</h1>
                                <p class="nhsuk-body">"We could not find anything for this link. Check you copied all of it."</p>
                            }.into_any(),
                            Err(error) => view! { <ErrorPage error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }.into_any()
        }}
    }
}

// ---- staff ------------------------------------------------------------------------------------------------

/// The role form's fields (adding a role, or changing one).
#[component]
fn RoleFields(status: FormStatus, #[prop(optional)] role: Option<Role>) -> impl IntoView {
    let value = |f: fn(&Role) -> String| role.as_ref().map(f).unwrap_or_default();
    let states: Vec<(String, String)> =
        RoleState::ALL.iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect();
    view! {
        <TextInput name="title" label="Title" hint="For example, Day service volunteer" status value=value(|r| r.title.clone()) />
        <Textarea name="duties" label="What the volunteer does" status rows=5 value=value(|r| r.duties.clone()) />
        <TextInput name="time_asked" label="Time asked" hint="For example, 3 hours a week, or one session a fortnight" status value=value(|r| r.time_asked.clone()) />
        <TextInput name="place" label="Where" status value=value(|r| r.place.clone()) />
        <Textarea name="support" label="Support and supervision offered" status rows=3 value=value(|r| r.support.clone()) />
        <Textarea name="expenses" label="Expenses paid" hint="Volunteer roles pay out-of-pocket expenses only, such as travel and lunch" status rows=2 value=role.as_ref().map_or_else(|| "Travel and lunch, out of pocket only".to_owned(), |r| r.expenses.clone()) />
        <Radios name="lived_experience" legend="Is this a lived-experience role?" status choices=choices([("yes", "Yes: for someone with lived experience, as a patient or carer"), ("no", "No")])
            value=role.as_ref().map(|r| if r.lived_experience { "yes" } else { "no" }.to_owned()).unwrap_or_default() />
        <TextInput name="posts" label="Number of posts" input_type="number" status width="nhsuk-input--width-4" value=role.as_ref().map_or_else(|| "1".to_owned(), |r| r.posts.to_string()) />
        <Select name="role_state" label="State" hint="Only a recruiting role is listed publicly and takes applications" status options=states
            value=role.as_ref().map_or_else(|| "draft".to_owned(), |r| r.state.as_str().to_owned()) />
    }
}

#[component]
pub fn InclusionPage() -> impl IntoView {
    let save = ServerAction::<SaveVolunteerRole>::new();
    let status = FormStatus::of(save);
    let data = Resource::new(move || save.version().get(), |_| get_inclusion_overview());
    view! {
        <Title text="Volunteering" />
        <StaffOnly>
            <h1 class="nhsuk-heading-l">"Volunteering"</h1>
            <ErrorSummary status />
            <p class="nhsuk-body"><a href="/inclusion/applications">"Applications"</a>" · "<a href="/inclusion/checks">"Checks and training"</a></p>
            <Loaded resource=data render={move |o: InclusionOverview| view! {
                <h2 class="nhsuk-heading-m">"Roles"</h2>
                {if o.roles.is_empty() {
                    view! { <p class="nhsuk-body">"No roles yet."</p> }.into_any()
                } else { view! {
                    <ul class="nhsuk-list">
                        {o.roles.iter().map(|r| view! {
                            <li><a href=format!("/inclusion/roles/{}", r.id)>{r.title.clone()}</a>{format!(" · {} · {}", r.service_name, r.state.label())}</li>
                        }).collect_view()}
                    </ul>
                }.into_any() }}
                {(!o.services.is_empty()).then(|| {
                    let options = ServiceSummary::options(&o.services);
                    view! {
                        <h2 class="nhsuk-heading-m">"Add a role"</h2>
                        <ActionForm attr:novalidate=true action=save>
                            <crate::ui::SubmissionToken status=status />
                            <input type="hidden" name="role_id" value="" />
                            <Select name="service_id" label="Service" status options placeholder="Choose a service" />
                            <RoleFields status />
                            <SubmitButton label="Add the role" />
                        </ActionForm>
                    }
                })}
                <h2 class="nhsuk-heading-m">"Equal opportunities"</h2>
                <p class="nhsuk-body">"Applicants' optional answers, counted apart from their applications and never linked to a name. A count of fewer than 5 people is not shown, and counts are rounded to the nearest 5. The figures cover whole years that have ended: this year's answers are added on 1 January, so that nobody's answers can be told from a figure changing after their application arrives."</p>
                {o.equality.into_iter().map(|report| view! {
                    <h3 class="nhsuk-heading-s">{report.service_name.clone()}</h3>
                    {report.questions.into_iter().map(|(question, answered, figures)| view! {
                        <table class="nhsuk-table-responsive">
                            <caption class="nhsuk-table__caption nhsuk-table__caption--s">{format!("{question} (answered by {answered})")}</caption>
                            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                                <th scope="col" class="nhsuk-table__header">"Answer"</th>
                                <th scope="col" class="nhsuk-table__header">"People"</th>
                            </tr></thead>
                            <tbody class="nhsuk-table__body">
                                {figures.into_iter().map(|f| view! {
                                    <tr class="nhsuk-table__row">
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Answer "</span>{f.answer}</td>
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"People "</span>{f.published}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }).collect_view()}
                }).collect_view()}
            }} />
        </StaffOnly>
    }
}

#[component]
pub fn EditRolePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveVolunteerRole>::new();
    let status = FormStatus::of(save);
    let role = Resource::new(
        move || (RoleId::from(params.with(|p| p.get("id")).unwrap_or_default()), save.version().get()),
        |(id, _)| get_role_for_editing(id),
    );
    let saved = move || query.with(|q| q.get("saved").is_some()) || matches!(save.value().get(), Some(Ok(_)));
    view! {
        <Title text="Volunteer role" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion">"Volunteering"</a></p>
        <ErrorSummary status />
        <Loaded resource=role render={move |role: Role| { let role_id = role.id.clone(); view! {
            <span class="nhsuk-caption-l">{role.service_name.clone()}</span>
            <h1 class="nhsuk-heading-l">{role.title.clone()}</h1>
            {move || saved().then(|| view! { <div class="nhsuk-inset-text" role="status"><p>"The role has been saved."</p></div> })}
            <p class="nhsuk-body">
                <a href=format!("/volunteer/{}", role.slug)>"Its public page"</a>" · "
                <a href=format!("/posters/volunteer/{}", role.slug)>"Its poster"</a>" · "
                <a href="/inclusion/applications">"Applications"</a>
            </p>
            <ActionForm attr:novalidate=true action=save>
                <crate::ui::SubmissionToken status=status />
                <input type="hidden" name="role_id" value=role.id.to_string() />
                <RoleFields status role=role.clone() />
                <SubmitButton label="Save the role" />
            </ActionForm>
            <super::checks::components::RoleChecksSection role_id=role_id />
        }}} />
    }
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let query = use_query_map();
    let list = Resource::new(move || query.with(|q| q.get("stage")).unwrap_or_default(), list_applications);
    view! {
        <Title text="Volunteer applications" />
        <StaffOnly>
            <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion">"Volunteering"</a></p>
            <h1 class="nhsuk-heading-l">"Volunteer applications"</h1>
            <Loaded resource=list render={|list: ApplicationList| {
                let total: i64 = list.counts.iter().map(|(_, n)| n).sum();
                view! {
                    <nav aria-label="Filter by stage">
                        <ul class="nhsuk-list continuum-stage-filter">
                            <li>{if list.stage.is_none() { view! { <strong>{format!("All ({total})")}</strong> }.into_any() } else { view! { <a href="/inclusion/applications">{format!("All ({total})")}</a> }.into_any() }}</li>
                            {list.counts.iter().map(|(stage, n)| {
                                let text = format!("{} ({n})", stage.label());
                                if list.stage == Some(*stage) {
                                    view! { <li><strong aria-current="page">{text}</strong></li> }.into_any()
                                } else {
                                    view! { <li><a href=format!("/inclusion/applications?stage={}", stage.as_str())>{text}</a></li> }.into_any()
                                }
                            }).collect_view()}
                        </ul>
                    </nav>
                    {if list.applications.is_empty() {
                        view! { <p class="nhsuk-body">"No applications at this stage."</p> }.into_any()
                    } else { view! {
                        <table class="nhsuk-table-responsive">
                            <caption class="nhsuk-table__caption">{list.stage.map_or_else(|| "Every application".to_owned(), |s| format!("Applications: {}", s.label()))}</caption>
                            <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                                <th scope="col" class="nhsuk-table__header">"Applicant"</th>
                                <th scope="col" class="nhsuk-table__header">"Role"</th>
                                <th scope="col" class="nhsuk-table__header">"Stage"</th>
                                <th scope="col" class="nhsuk-table__header">"Received"</th>
                            </tr></thead>
                            <tbody class="nhsuk-table__body">
                                {list.applications.into_iter().map(|a| view! {
                                    <tr class="nhsuk-table__row">
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Applicant "</span><a href=format!("/inclusion/applications/{}", a.id)>{a.name.clone()}</a>
                                            {a.needs_review.then(|| view! { " "<strong class="nhsuk-tag nhsuk-tag--red">"Review today"</strong> })}</td>
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Role "</span>{a.role_title.clone()}</td>
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Stage "</span>{a.stage.label()}</td>
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Received "</span>{crate::dates::readable_day(&a.received_on)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any() }}
                }
            }} />
        </StaffOnly>
    }
}

#[component]
pub fn ApplicationView() -> impl IntoView {
    let params = use_params_map();
    let move_on = ServerAction::<MoveApplication>::new();
    let appoint = ServerAction::<AppointVolunteer>::new();
    // The review queue's own form (safeguarding kernel): one rule and one code path for every flag.
    let review = ServerAction::<crate::consultation::review::server::RecordFlagReview>::new();
    let link = ServerAction::<LinkInterviewPanel>::new();
    let references = super::references::components::ReferenceActions::new();
    let (move_status, appoint_status, review_status, link_status) =
        (FormStatus::of(move_on), FormStatus::of(appoint), FormStatus::of(review), FormStatus::of(link));
    let page = Resource::new(
        move || {
            (
                ApplicationId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                move_on.version().get() + appoint.version().get() + review.version().get() + link.version().get(),
            )
        },
        |(id, _)| get_application(id),
    );
    view! {
        <Title text="Volunteer application" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/inclusion/applications">"Applications"</a></p>
        <ErrorSummary status=move_status id="move-errors" />
        <ErrorSummary status=appoint_status id="appoint-errors" />
        <ErrorSummary status=review_status id="review-errors" />
        <ErrorSummary status=link_status id="panel-errors" />
        <super::references::components::ReferencesErrors actions=references />
        <Loaded resource=page render={move |page: ApplicationPage| {
            let a = page.application.clone();
            let id = a.id.to_string();
            let review_id = id.clone();
            let outcomes: Vec<Choice> = ReviewOutcome::ALL
                .iter()
                .map(|o| Choice { value: o.as_str().into(), label: o.label().into(), hint: None })
                .collect();
            let next: Vec<Choice> = a.stage.next().filter(|s| *s != Stage::Appointed).into_iter()
                .chain(a.stage.is_open().then_some(Stage::NotTakenForward))
                .map(|s| Choice { value: s.as_str().into(), label: s.label().into(), hint: None })
                .collect();
            view! {
                <span class="nhsuk-caption-l">{a.role_title.clone()}</span>
                <h1 class="nhsuk-heading-l">{a.name.clone()}</h1>
                {page.flag.clone().map(|flag| view! {
                    <div class="nhsuk-warning-callout">
                        <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Read today"</span></h2>
                        <p>{format!("The safeguarding screener flagged this application's words ({}). Contact the applicant today if you are worried, following the service's safeguarding procedure.", flag.concerns.join(", "))}</p>
                        <ul>{flag.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                        {page.sent_again.iter().map(|w| view! { <p class="continuum-preserve-lines">{w.clone()}</p> }).collect_view()}
                        {match flag.outcome {
                            Some(outcome) => view! {
                                <p>{format!("Reviewed by {}: {}.", flag.reviewed_by.clone().unwrap_or_default(), outcome.label())}</p>
                                {(!flag.note.is_empty()).then(|| view! { <p class="continuum-preserve-lines">{flag.note.clone()}</p> })}
                            }.into_any(),
                            None => view! {
                                <ActionForm attr:novalidate=true action=review>
                                    <crate::ui::SubmissionToken status=review_status />
                                    <input type="hidden" name="kind" value=crate::safeguarding::review::FlagSourceKind::VolunteerApplication.as_str() />
                                    <input type="hidden" name="id" value=review_id.clone() />
                                    <Radios name="outcome" legend="What was done" status=review_status choices=outcomes.clone() />
                                    <Textarea name="note" label="Note" hint="What you did, for the record" status=review_status rows=3 />
                                    <SubmitButton label="Record the review" />
                                </ActionForm>
                            }.into_any(),
                        }}
                    </div>
                })}
                <dl class="nhsuk-summary-list">
                    {row("Stage", a.stage.label().to_owned())}
                    {row("Received", crate::dates::readable_day(&a.received_on))}
                    {row("Email", a.email.clone().unwrap_or_else(|| "None given".to_owned()))}
                    {row("Phone", if a.phone.is_empty() { "None given".to_owned() } else { a.phone.clone() })}
                    {row("Applying as", a.taking_part_as.label().to_owned())}
                    {row("Why this role", a.why.clone())}
                    {row("Availability", a.availability.clone())}
                    {row("Access needs", if a.access_needs.is_empty() { "None given".to_owned() } else { a.access_needs.clone() })}
                    {row("First referee", format!("{} ({})", a.referees[0].0, a.referees[0].1))}
                    {row("Second referee", format!("{} ({})", a.referees[1].0, a.referees[1].1))}
                    {row("Consent to checks", if a.consents_to_checks { "Given".to_owned() } else { "Not given".to_owned() })}
                </dl>
                {interview_panel_section(&page, link, link_status)}
                {page.appointment.clone().map(|appointment| view! {
                    <h2 class="nhsuk-heading-m">"Appointment"</h2>
                    <dl class="nhsuk-summary-list">
                        {row("Starts", crate::dates::readable_day(&appointment.starts_on))}
                        {row("Status", appointment.status.label().to_owned())}
                        {row("Account", if appointment.has_account { "Linked to their account".to_owned() } else { "No account yet: invite them from the people page if they would like one".to_owned() })}
                    </dl>
                    <p class="nhsuk-body"><a href=format!("/inclusion/appointments/{}", appointment.id)>"Checks, status and supervision"</a></p>
                })}
                {(!next.is_empty()).then(|| { let id = id.clone(); view! {
                    <h2 class="nhsuk-heading-m">"What happens next"</h2>
                    <ActionForm attr:novalidate=true action=move_on>
                        <crate::ui::SubmissionToken status=move_status />
                        <input type="hidden" name="application_id" value=id />
                        <Radios name="stage" legend="Move the application to" status=move_status choices=next.clone() />
                        <TextInput name="note" label="A note for the applicant (optional)" hint="Added to the message we email them if it is not taken forward" status=move_status />
                        <SubmitButton label="Save" />
                    </ActionForm>
                }})}
                <super::references::components::ReferencesSection application_id=a.id.clone() actions=references />
                {(a.stage == Stage::Checks).then(|| { let id = id.clone(); view! {
                    <h2 class="nhsuk-heading-m">"Appoint"</h2>
                    <ActionForm attr:novalidate=true action=appoint>
                        <crate::ui::SubmissionToken status=appoint_status />
                        <input type="hidden" name="application_id" value=id />
                        <DateInput name="starts_on" legend="Start date" status=appoint_status />
                        <SubmitButton label="Appoint the volunteer" />
                    </ActionForm>
                }})}
            }
        }} />
    }
}

/// The application's interview panel (issue 16 §3): the panel linked or sitting with the applicant as a
/// candidate — date, place, state and, once recorded, its outcome — and at interview the form that links one.
fn interview_panel_section(
    page: &ApplicationPage,
    link: ServerAction<LinkInterviewPanel>,
    status: FormStatus,
) -> impl IntoView {
    let a = &page.application;
    let at_interview = a.stage == Stage::Interview;
    if page.interview_panel.is_none() && !at_interview {
        return ().into_any();
    }
    let shown = page.interview_panel.clone().map(|p| {
        let candidate = if p.candidate {
            "Added to the panel as a candidate".to_owned()
        } else {
            "Not yet added: the panel's organisers add them with their shortlisting pack".to_owned()
        };
        view! {
            <dl class="nhsuk-summary-list">
                {row("Panel", format!("{}, {}", crate::dates::readable_day(&p.sits_on), p.sits_at))}
                {row("Where", p.place.clone())}
                {row("State", p.state.clone())}
                {row("Candidate", candidate)}
                {row("Outcome", p.outcome.clone().unwrap_or_else(|| "Not recorded yet".to_owned()))}
            </dl>
            <p class="nhsuk-body"><a href=format!("/partnership/panels/{}", p.id)>"Open the panel"</a></p>
        }
    });
    let form = at_interview.then(|| {
        let id = a.id.to_string();
        let options = page.panel_choices.clone();
        let current = page.interview_panel.as_ref().filter(|p| p.linked).map(|p| p.id.clone()).unwrap_or_default();
        if options.is_empty() && current.is_empty() {
            view! {
                <p class="nhsuk-body">"There is no interview panel for this role yet. Set one up on the "<a href="/partnership">"partnership page"</a>" to link it here."</p>
            }.into_any()
        } else {
            view! {
                <ActionForm attr:novalidate=true action=link>
                    <crate::ui::SubmissionToken status=status />
                    <input type="hidden" name="application_id" value=id />
                    <Select name="panel_id" label="Interview panel" hint="A panel for this role that has not yet decided" status options value=current placeholder="No panel" />
                    <SubmitButton label="Link the panel" secondary=true />
                </ActionForm>
            }.into_any()
        }
    });
    view! {
        <h2 class="nhsuk-heading-m">"Interview panel"</h2>
        {shown}
        {form}
    }
    .into_any()
}
