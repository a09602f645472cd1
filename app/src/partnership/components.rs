//! Partnership's pages: `/partnership` (the pool, panels, retention and new panels for the service's staff;
//! the panels a person sits on for everyone signed in) and `/partnership/panels/<id>` (a panel: its set-up
//! for staff; for a member, the prerequisites first, then the questions, candidates with their packs, sealed
//! scoring, the scores side by side once unsealed, and the outcome).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use server_fn::ServerFn as _;

use super::server::{
    candidate_field, evidence_field, evidences_field, get_panel, get_partnership_overview, score_field,
    AddPanelCandidate, AddPanelCriterion, AddPanelMember, AddPanelQuestion, AddToPanelPool, AgreePanelConfidentiality,
    ClosePanelScoring, CreatePanel, DeclarePanelInterest, RecordNoLivedExperienceReason, RecordPanelOutcome,
    RecordPanelTraining, RescorePanelCandidate, SetPanelRetention, SubmitPanelScores, DECLARED_NO_OUTCOME,
    DECLARED_NO_SCORING,
};
use super::types::{
    Candidate, Criterion, Outcome, PanelId, PanelPage, PanelSummary, PartnershipOverview, Sits, AGREEMENT_TEXT,
};
use crate::{
    accounts::types::ServiceSummary,
    ui::{
        Choice, DateInput, ErrorSummary, FileInput, FormStatus, Loaded, Radios, Select, SubmitButton, TextInput,
        Textarea,
    },
};

fn choices(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<Choice> {
    pairs.into_iter().map(|(value, label)| Choice { value, label, hint: None }).collect()
}

fn yes_no(yes: &str) -> Vec<Choice> {
    choices([("yes".to_owned(), yes.to_owned()), ("no".to_owned(), "No".to_owned())])
}

fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value continuum-preserve-lines">{value}</dd>
        </div>
    }
}

fn when(panel: &PanelSummary) -> String {
    format!("{} at {}", crate::dates::readable_day(&panel.sits_on), panel.sits_at)
}

fn panel_list(panels: Vec<PanelSummary>, none: &'static str) -> impl IntoView {
    if panels.is_empty() {
        return view! { <p class="nhsuk-body">{none}</p> }.into_any();
    }
    view! {
        <ul class="nhsuk-list">
            {panels.into_iter().map(|p| view! {
                <li>
                    <a href=format!("/partnership/panels/{}", p.id)>{p.post_title.clone()}</a>
                    {format!(" · {} · {} · {}", p.service_name, when(&p), if p.decided { "decided" } else { "open" })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

// ---- the overview ----------------------------------------------------------------------------------------

#[component]
pub fn PartnershipPage() -> impl IntoView {
    let add = ServerAction::<AddToPanelPool>::new();
    let train = ServerAction::<RecordPanelTraining>::new();
    let retention = ServerAction::<SetPanelRetention>::new();
    let create = ServerAction::<CreatePanel>::new();
    let (add_status, train_status, retention_status, create_status) =
        (FormStatus::of(add), FormStatus::of(train), FormStatus::of(retention), FormStatus::of(create));
    let data = Resource::new(
        move || add.version().get() + train.version().get() + retention.version().get(),
        |_| get_partnership_overview(),
    );
    // A panel set up with JavaScript on opens its page, as the plain POST's redirect does.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&super::server::panel_path(&id), Default::default());
        }
    });
    view! {
        <Title text="Interview panels" />
        <h1 class="nhsuk-heading-l">"Interview panels"</h1>
        <ErrorSummary status=add_status id="pool-errors" />
        <ErrorSummary status=train_status id="training-errors" />
        <ErrorSummary status=retention_status id="retention-errors" />
        <ErrorSummary status=create_status id="panel-errors" />
        <Loaded resource=data render={move |o: PartnershipOverview| {
            let staff = !o.services.is_empty();
            let options = ServiceSummary::options(&o.services);
            let (options1, options2, options3) = (options.clone(), options.clone(), options);
            let pool_options: Vec<(String, String)> = o.pool.iter().map(|m| (m.id.to_string(), format!("{} ({})", m.name, m.service_name))).collect();
            view! {
                <h2 class="nhsuk-heading-m">"Panels you sit on"</h2>
                {panel_list(o.my_panels.clone(), "You are not on any interview panel.")}
                {staff.then(|| view! {
                    <h2 class="nhsuk-heading-m">"Your services' panels"</h2>
                    {panel_list(o.panels.clone(), "No panels yet.")}
                    <h2 class="nhsuk-heading-m">"Panel pool"</h2>
                    <p class="nhsuk-body">"People who may sit on panels. A member sees nothing about a panel until their training, the panel's confidentiality agreement and their declaration of interest are recorded."</p>
                    <table class="nhsuk-table-responsive">
                        <caption class="nhsuk-table__caption">"Panel pool"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Name"</th>
                            <th scope="col" class="nhsuk-table__header">"Sits as"</th>
                            <th scope="col" class="nhsuk-table__header">"Trained"</th>
                            <th scope="col" class="nhsuk-table__header">"Shadowed"</th>
                            <th scope="col" class="nhsuk-table__header">"May chair"</th>
                            <th scope="col" class="nhsuk-table__header">"Access needs"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {o.pool.iter().map(|m| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Name "</span>{format!("{} ({})", m.name, m.service_name)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Sits as "</span>{m.sits.label()}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Trained "</span>{m.trained_on.as_deref().map_or_else(|| "Not yet".to_owned(), crate::dates::readable_day)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Shadowed "</span>{m.shadowed_on.as_deref().map_or_else(|| "Not yet".to_owned(), crate::dates::readable_day)}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"May chair "</span>{if m.may_chair { "Yes" } else { "No" }}</td>
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Access needs "</span>{if m.access_needs.is_empty() { "None recorded".to_owned() } else { m.access_needs.clone() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h3 class="nhsuk-heading-s">"Add someone to the pool"</h3>
                    <ActionForm attr:novalidate=true action=add>
                        <crate::ui::SubmissionToken status=add_status />
                        <Select name="service_id" label="Service" status=add_status options=options1.clone() />
                        <TextInput name="email" label="Email address of their account" input_type="email" status=add_status />
                        <Radios name="sits" legend="How they sit on panels" status=add_status
                            choices=choices(Sits::ALL.iter().map(|s| (s.as_str().to_owned(), s.label().to_owned()))) />
                        <Textarea name="access_needs" label="Access needs (optional)" status=add_status rows=2 />
                        <SubmitButton label="Add to the pool" secondary=true />
                    </ActionForm>
                    {(!pool_options.is_empty()).then(|| view! {
                        <h3 class="nhsuk-heading-s">"Record training"</h3>
                        <ActionForm attr:novalidate=true action=train>
                            <crate::ui::SubmissionToken status=train_status />
                            <Select name="pool_member_id" label="Who" status=train_status options=pool_options.clone() />
                            <DateInput name="trained_on" legend="Date trained" status=train_status />
                            <DateInput name="shadowed_on" legend="Date they shadowed a panel (optional)" status=train_status />
                            <Radios name="may_chair" legend="May they chair a panel?" status=train_status choices=yes_no("Yes, the service agrees") />
                            <SubmitButton label="Record training" secondary=true />
                        </ActionForm>
                    })}
                    <h2 class="nhsuk-heading-m">"Set up a panel"</h2>
                    <ActionForm attr:novalidate=true action=create>
                        <crate::ui::SubmissionToken status=create_status />
                        <Select name="service_id" label="Service" status=create_status options=options2.clone() />
                        <Radios name="post_kind" legend="The panel is for" status=create_status
                            choices=choices([("staff_post".to_owned(), "A staff post".to_owned()), ("volunteer_role".to_owned(), "A volunteer role".to_owned())]) />
                        <TextInput name="post_title" label="The post's title (for a staff post)" status=create_status />
                        <Select name="volunteer_role_id" label="The volunteer role (for a volunteer role)" status=create_status options=o.volunteer_roles.clone() placeholder="Choose a role" />
                        <DateInput name="sits_on" legend="Date the panel sits" status=create_status />
                        <TextInput name="sits_at" label="Time it starts" hint="On the 24-hour clock, like 14:30" status=create_status width="nhsuk-input--width-5" />
                        <TextInput name="place" label="Where" status=create_status />
                        <SubmitButton label="Set up the panel" />
                    </ActionForm>
                    <h2 class="nhsuk-heading-m">"How long candidates' data is kept"</h2>
                    <ul class="nhsuk-list">
                        {o.retention.iter().map(|(service, months)| view! { <li>{format!("{service}: {months} months after the outcome")}</li> }).collect_view()}
                    </ul>
                    <ActionForm attr:novalidate=true action=retention>
                        <crate::ui::SubmissionToken status=retention_status />
                        <Select name="service_id" label="Service" status=retention_status options=options3.clone() />
                        <TextInput name="months" label="Months after the outcome" hint="Packs, scores and candidates' names are deleted then. For managers." input_type="number" status=retention_status width="nhsuk-input--width-4" />
                        <SubmitButton label="Save" secondary=true />
                    </ActionForm>
                })}
            }
        }} />
    }
}

// ---- a panel ---------------------------------------------------------------------------------------------

fn criteria_list(criteria: &[Criterion]) -> impl IntoView {
    view! {
        {criteria.iter().map(|c| view! {
            <h3 class="nhsuk-heading-s">{format!("{} (minimum {})", c.name, c.minimum)}</h3>
            <ul class="nhsuk-list">
                {c.descriptors.iter().enumerate().map(|(n, d)| view! { <li>{format!("{n}: {d}")}</li> }).collect_view()}
            </ul>
        }).collect_view()}
    }
}

/// The forms of a candidate's card, made once by the panel page so that a success with JavaScript on fetches
/// the page again.
#[derive(Clone, Copy)]
struct CardActions {
    score: ServerAction<SubmitPanelScores>,
    rescore: ServerAction<RescorePanelCandidate>,
    close: ServerAction<ClosePanelScoring>,
    decide: ServerAction<RecordPanelOutcome>,
}

/// A candidate's card: the pack, scoring, the scores once unsealed, and the outcome forms.
#[component]
fn CandidateCard(candidate: Candidate, page: PanelPage, actions: CardActions) -> impl IntoView {
    let CardActions { score, rescore, close, decide } = actions;
    let (score_status, rescore_status, close_status, decide_status) =
        (FormStatus::of(score), FormStatus::of(rescore), FormStatus::of(close), FormStatus::of(decide));
    let c = candidate;
    let id = c.id.to_string();
    let submit_label = format!("Submit my scores for {}", c.name);
    let ready = page.viewer.ready_member();
    // An outcome waits until every candidate still without one is unsealed (the server refuses it before).
    let all_unsealed = page.candidates.iter().all(|x| x.outcome.is_some() || x.unsealed);
    let may_record = match &page.viewer.member {
        Some(_) => ready && (page.viewer.is_chair() || page.viewer.organiser),
        None => page.viewer.organiser,
    };
    let may_decide = may_record && c.unsealed && c.outcome.is_none() && page.started;
    // A member who declared an interest in any candidate records no outcome (the server refuses it, 403): the
    // form comes back only to show that refusal beside its field, with what was typed.
    let outcome_field = candidate_field("outcome", &id);
    let refused_here = decide_status.message_for(&outcome_field).is_some();
    let declined = may_decide && page.viewer_declared_any;
    let may_decide = may_decide && (!page.viewer_declared_any || refused_here);
    // Before the panel starts, members prepare (packs, prerequisites); scores and outcomes come at the panel.
    let not_started = !page.started;
    let waits_for_others = may_decide && !all_unsealed && !refused_here;
    // A refused outcome always comes back in its form, with its message and what was typed (without
    // JavaScript, a form missing from the page would lose the words: tester 17d).
    let may_decide = (may_decide && all_unsealed) || (refused_here && c.outcome.is_none());
    // Closing: a ready chair who declared no interest in the candidate, or the service's staff who are not
    // members; a declared chair's refused post comes back with its message beside the reason.
    let close_refused = close_status.message_for(&candidate_field("close_reason", &id)).is_some();
    let may_close = (page.viewer.member.is_none() && page.viewer.organiser)
        || (page.viewer.is_chair() && ready && (!c.viewer_declared || close_refused));
    let criteria = page.criteria.clone();
    let criterion_options: Vec<(String, String)> =
        criteria.iter().map(|c| (c.id.to_string(), c.name.clone())).collect();
    view! {
        <section class="nhsuk-card">
            <div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading nhsuk-heading-m">{c.name.clone()}</h3>
                {(ready && !page.panel.decided && !c.viewer_declared).then(|| view! {
                    <p class="nhsuk-body"><a href=super::types::pack_href(&c.id)>{format!("Shortlisting pack for {} (PDF)", c.name)}</a></p>
                })}
                <p class="nhsuk-body">{if c.unsealed {
                    if !c.closed_reason.is_empty() {
                        format!("Scoring was closed before everyone submitted: {}", c.closed_reason)
                    } else if ready && !c.viewer_declared && !c.viewer_submitted && c.outcome.is_none() {
                        // Joined after the others' scores were opened: they stay open to those who saw them,
                        // and this member scores on their own first.
                        "The other members' scores are open to the panel. Score on your own first: you see theirs once you have submitted yours.".to_owned()
                    } else {
                        "Everyone eligible has submitted their scores.".to_owned()
                    }
                } else {
                    // How many it waits for is not said: it would tell every member that someone declared an
                    // interest in this candidate (tester 17c, finding 5).
                    format!(
                        "Scores are sealed until every member who scores this candidate has submitted: {} so far.",
                        crate::text::count(c.submitted, "member has submitted", "members have submitted"),
                    )
                }}</p>
                {c.viewer_declared.then(|| { let id = id.clone(); let criteria = criteria.clone(); view! {
                    <p class="nhsuk-body">{DECLARED_NO_SCORING}" Their scores and outcome are not shown to you."</p>
                    // A scoring form posted anyway (from a page loaded before the declaration) comes back with
                    // its refusal beside it and what was typed kept, but nothing to submit.
                    {criteria.first().and_then(|first| score_status.message_for(&score_field(&id, first.id.as_str()))).map(|_| view! {
                        {criteria.iter().map(|cr| view! {
                            <fieldset class="nhsuk-fieldset">
                                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{cr.name.clone()}</legend>
                                <TextInput name=score_field(&id, cr.id.as_str()) label=format!("Score for {} (0 to 4)", cr.name) input_type="number" status=score_status width="nhsuk-input--width-2" />
                                <Textarea name=evidence_field(&id, cr.id.as_str()) label=format!("Evidence for {}", cr.name) status=score_status rows=2 />
                            </fieldset>
                        }).collect_view()}
                    })}
                }})}
                {(not_started && ready && !c.viewer_declared && !c.viewer_submitted && c.outcome.is_none()).then(|| view! {
                    <p class="nhsuk-body">{page.panel.scoring_opens_words()}</p>
                })}
                {(!c.viewer_scores.is_empty()).then(|| view! {
                    <h4 class="nhsuk-heading-xs">"Your scores (locked)"</h4>
                    <ul class="nhsuk-list">{c.viewer_scores.iter().map(|(name, s, e)| view! { <li>{format!("{name}: {s} — {e}")}</li> }).collect_view()}</ul>
                })}
                {(page.started && ready && !c.viewer_declared && !c.viewer_submitted && c.closed_reason.is_empty() && c.outcome.is_none() && !page.outcome_begun).then(|| { let id = id.clone(); view! {
                    <h4 class="nhsuk-heading-s">"Your scores"</h4>
                    <p class="nhsuk-body">"Score on your own. Nobody sees your scores until everyone has submitted. Once submitted they are locked."</p>
                    <ActionForm attr:novalidate=true action=score>
                        <crate::ui::SubmissionToken status=score_status />
                        <input type="hidden" name="candidate_id" value=id.clone() />
                        {criteria.iter().map(|cr| view! {
                            <fieldset class="nhsuk-fieldset">
                                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{cr.name.clone()}</legend>
                                <TextInput name=score_field(&id, cr.id.as_str()) label=format!("Score for {} (0 to 4)", cr.name) input_type="number" status=score_status width="nhsuk-input--width-2" />
                                <Textarea name=evidence_field(&id, cr.id.as_str()) label=format!("Evidence for {}", cr.name) status=score_status rows=2 />
                            </fieldset>
                        }).collect_view()}
                        <SubmitButton label=submit_label.clone() />
                    </ActionForm>
                }})}
                {(page.started && may_close && !c.unsealed).then(|| { let id = id.clone(); view! {
                    <h4 class="nhsuk-heading-s">"Close scoring"</h4>
                    <ActionForm attr:novalidate=true action=close>
                        <crate::ui::SubmissionToken status=close_status />
                        <input type="hidden" name="candidate_id" value=id.clone() />
                        <Textarea name=candidate_field("close_reason", &id) label="Why close scoring before everyone has submitted" status=close_status rows=2 />
                        <SubmitButton label="Close scoring" secondary=true />
                    </ActionForm>
                }})}
                {c.sheet.clone().map(|sheet| view! {
                    <table class="nhsuk-table-responsive">
                        <caption class="nhsuk-table__caption nhsuk-table__caption--s">{format!("Scores for {}", c.name)}</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th scope="col" class="nhsuk-table__header">"Member"</th>
                            {sheet.criteria.iter().map(|n| view! { <th scope="col" class="nhsuk-table__header">{n.clone()}</th> }).collect_view()}
                            <th scope="col" class="nhsuk-table__header">"Total"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {sheet.lines.iter().map(|line| view! {
                                <tr class="nhsuk-table__row">
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Member "</span>{format!("{}{}{}", line.member, if line.lived_experience { " (lived experience)" } else { "" }, if line.withdrawn { " — withdrawn: declared an interest after scoring, so not counted" } else { "" })}</td>
                                    {line.scores.iter().zip(&sheet.criteria).map(|(cell, name)| view! {
                                        <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">{format!("{name} ")}</span>
                                            {match &cell.rescored_from {
                                                Some((from, why)) => format!("{} (re-scored from {from}: {why}) — {}", cell.score, cell.evidence),
                                                None => format!("{} — {}", cell.score, cell.evidence),
                                            }}
                                        </td>
                                    }).collect_view()}
                                    <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading">"Total "</span>{if line.withdrawn { "Not counted".to_owned() } else { line.total.to_string() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="nhsuk-body">{match &sheet.lived_experience_mean {
                        Some(mean) => format!("Lived-experience members' mean total: {mean}."),
                        None => "No lived-experience member scored this candidate.".to_owned(),
                    }}</p>
                    {(!sheet.below_minimum.is_empty()).then(|| view! {
                        <p class="nhsuk-body">{format!("Their mean is below the minimum on: {}.", sheet.below_minimum.join(", "))}</p>
                    })}
                })}
                {(ready && c.viewer_submitted && !c.viewer_declared && c.unsealed && c.outcome.is_none() && !page.outcome_begun).then(|| { let id = id.clone(); view! {
                    <h4 class="nhsuk-heading-s">"Re-score at the discussion"</h4>
                    <ActionForm attr:novalidate=true action=rescore>
                        <crate::ui::SubmissionToken status=rescore_status />
                        <input type="hidden" name="candidate_id" value=id.clone() />
                        <Select name=candidate_field("criterion_id", &id) label="Criterion" status=rescore_status options=criterion_options.clone() placeholder="Choose a criterion" />
                        <TextInput name=candidate_field("new_score", &id) label="New score (0 to 4)" input_type="number" status=rescore_status width="nhsuk-input--width-2" />
                        <Textarea name=candidate_field("rescore_reason", &id) label="Why it changed" status=rescore_status rows=2 />
                        <SubmitButton label="Record the re-score" secondary=true />
                    </ActionForm>
                }})}
                {c.outcome.map(|o| view! {
                    <dl class="nhsuk-summary-list">
                        {row("Outcome", o.label().to_owned())}
                        {row("Reasons", c.outcome_reasons.clone())}
                        {(!c.departure_reason.is_empty()).then(|| row("Why it departs from the lived-experience view", c.departure_reason.clone()))}
                    </dl>
                })}
                {(not_started && may_record && c.outcome.is_none()).then(|| view! {
                    <p class="nhsuk-body">{page.panel.outcome_opens_words()}</p>
                })}
                {(declined && !refused_here && !c.viewer_declared).then(|| view! {
                    <p class="nhsuk-body">{DECLARED_NO_OUTCOME}</p>
                })}
                {waits_for_others.then(|| view! {
                    <p class="nhsuk-body">"The outcome is recorded once every candidate's scores are in, or the chair has closed scoring with a reason."</p>
                })}
                {may_decide.then(|| { let id = id.clone(); view! {
                    <h4 class="nhsuk-heading-s">"The outcome"</h4>
                    <ActionForm attr:novalidate=true action=decide>
                        <crate::ui::SubmissionToken status=decide_status />
                        <input type="hidden" name="candidate_id" value=id.clone() />
                        <Radios name=candidate_field("outcome", &id) legend=format!("Outcome for {}", c.name) status=decide_status
                            choices=choices(Outcome::ALL.iter().map(|o| (o.as_str().to_owned(), o.label().to_owned()))) />
                        <Textarea name=candidate_field("outcome_reasons", &id) label="The panel's reasons" status=decide_status rows=3 />
                        <Textarea name=candidate_field("departure_reason", &id) label="If the outcome departs from the lived-experience members' view, why" status=decide_status rows=3
                            hint="Needed when another candidate has a higher lived-experience mean, or this one's mean on a criterion is below its minimum. The service's managers are told." />
                        <SubmitButton label="Record the outcome" />
                    </ActionForm>
                }})}
            </div>
        </section>
    }
}

#[component]
pub fn PanelView() -> impl IntoView {
    let params = use_params_map();
    let agree = ServerAction::<AgreePanelConfidentiality>::new();
    let declare = ServerAction::<DeclarePanelInterest>::new();
    let criterion = ServerAction::<AddPanelCriterion>::new();
    let question = ServerAction::<AddPanelQuestion>::new();
    let member = ServerAction::<AddPanelMember>::new();
    let reason = ServerAction::<RecordNoLivedExperienceReason>::new();
    let (agree_status, declare_status, criterion_status, question_status, member_status, reason_status) = (
        FormStatus::of(agree),
        FormStatus::of(declare),
        FormStatus::of(criterion),
        FormStatus::of(question),
        FormStatus::of(member),
        FormStatus::of(reason),
    );
    let candidate_status = FormStatus::of_post(AddPanelCandidate::PATH);
    let actions = CardActions {
        score: ServerAction::<SubmitPanelScores>::new(),
        rescore: ServerAction::<RescorePanelCandidate>::new(),
        close: ServerAction::<ClosePanelScoring>::new(),
        decide: ServerAction::<RecordPanelOutcome>::new(),
    };
    let page = Resource::new(
        move || {
            (
                PanelId::from(params.with(|p| p.get("id")).unwrap_or_default()),
                agree.version().get()
                    + declare.version().get()
                    + criterion.version().get()
                    + question.version().get()
                    + member.version().get()
                    + reason.version().get()
                    // A candidate's forms: a score sent with JavaScript on shows as sent at once.
                    + actions.score.version().get()
                    + actions.rescore.version().get()
                    + actions.close.version().get()
                    + actions.decide.version().get(),
            )
        },
        |(id, _)| get_panel(id),
    );
    view! {
        <Title text="Interview panel" />
        <p class="nhsuk-body"><a class="nhsuk-back-link" href="/partnership">"Interview panels"</a></p>
        <ErrorSummary status=agree_status id="agree-errors" />
        <ErrorSummary status=declare_status id="declare-errors" />
        <ErrorSummary status=criterion_status id="criterion-errors" />
        <ErrorSummary status=question_status id="question-errors" />
        <ErrorSummary status=member_status id="member-errors" />
        <ErrorSummary status=reason_status id="reason-errors" />
        <ErrorSummary status=candidate_status id="candidate-errors" />
        // Every form's summary at the top of the page, as NHS.UK places it: the candidates' forms are below.
        <ErrorSummary status=FormStatus::of(actions.score) id="score-errors" />
        <ErrorSummary status=FormStatus::of(actions.rescore) id="rescore-errors" />
        <ErrorSummary status=FormStatus::of(actions.close) id="close-errors" />
        <ErrorSummary status=FormStatus::of(actions.decide) id="outcome-errors" />
        <Loaded resource=page render={move |page: PanelPage| {
            let p = page.panel.clone();
            let id = p.id.to_string();
            let me = page.viewer.member.clone();
            let ready = page.viewer.ready_member();
            let interest_choices = choices(
                std::iter::once(("none".to_owned(), "I know none of the candidates".to_owned()))
                    .chain(page.candidate_names.iter().map(|(cid, name)| (cid.to_string(), format!("I know {name}")))),
            );
            view! {
                <span class="nhsuk-caption-l">{format!("{} · {}", p.service_name, p.post_kind.label())}</span>
                <h1 class="nhsuk-heading-l">{format!("Interview panel: {}", p.post_title)}</h1>
                <dl class="nhsuk-summary-list">
                    {row("When", when(&p))}
                    {row("Where", p.place.clone())}
                    {row("Members", page.members.iter().map(|m| format!("{}{} — {}", m.name, if m.is_chair { " (chair)" } else { "" }, m.sits.label())).collect::<Vec<_>>().join("\n"))}
                </dl>
                {p.decided.then(|| view! {
                    <div class="nhsuk-inset-text"><p>{if p.data_deleted { "The outcome is recorded. Candidates' packs, scores and names have been deleted after the retention period." } else { "The outcome is recorded. Candidates' packs and scores are closed to the panel's members." }}</p>
                    {page.record_kept_months.map(|months| view! {
                        <p>{format!("As a manager of the service you keep the record — the candidates, their outcomes and reasons, the scores and any departure from the lived-experience view — until {} after the outcome, when it is deleted. Packs are not kept open to anyone.", crate::text::count(months, "month", "months"))}</p>
                    })}</div>
                })}
                {(!page.has_lived_experience_member).then(|| view! {
                    <div class="nhsuk-warning-callout">
                        <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"No lived-experience member"</span></h2>
                        <p>{if page.no_lived_experience_reason.is_empty() { "Every panel has at least one lived-experience member, unless a manager records why not.".to_owned() } else { format!("A manager recorded why: {}", page.no_lived_experience_reason) }}</p>
                    </div>
                })}
                {me.clone().filter(|_| !p.decided && !page.outcome_begun).map(|m| { let (id1, id2) = (id.clone(), id.clone()); view! {
                    <h2 class="nhsuk-heading-m">"Before you see anything"</h2>
                    <ul class="nhsuk-list nhsuk-list--bullet">
                        <li>{if m.trained { "Panel training: recorded." } else { "Panel training: not recorded yet. Ask the service's staff." }}</li>
                        <li>{if m.agreed.is_some() { "Confidentiality agreement: signed." } else { "Confidentiality agreement: not signed yet." }}</li>
                        <li>{if m.declared { "Declaration of interest: made." } else { "Declaration of interest: not made yet." }}</li>
                    </ul>
                    {m.agreed.is_none().then(|| view! {
                        <h3 class="nhsuk-heading-s">{format!("Confidentiality agreement (version {})", page.agreement_version)}</h3>
                        <p class="nhsuk-body">{AGREEMENT_TEXT}</p>
                        <ActionForm attr:novalidate=true action=agree>
                            <crate::ui::SubmissionToken status=agree_status />
                            <input type="hidden" name="panel_id" value=id1 />
                            <crate::ui::form::Checkboxes name="agree" legend="Your agreement" status=agree_status choices=choices([("yes".to_owned(), "I agree to keep this panel confidential".to_owned())]) />
                            <SubmitButton label="Sign the agreement" />
                        </ActionForm>
                    })}
                    {m.agreed.is_some().then(|| view! {
                    <h3 class="nhsuk-heading-s">"Declaration of interest"</h3>
                    <ActionForm attr:novalidate=true action=declare>
                        <crate::ui::SubmissionToken status=declare_status />
                        <input type="hidden" name="panel_id" value=id2 />
                        <Radios name="interest" legend="Do you know any of the candidates?" status=declare_status choices=interest_choices.clone()
                            hint="If you know a candidate you do not score them. You can declare more later." />
                        <Textarea name="interest_reason" label="How you know them (if you do)" status=declare_status rows=2 />
                        <SubmitButton label="Make my declaration" secondary=true />
                    </ActionForm>
                    })}
                }})}
                {(ready || (page.viewer.organiser && me.is_none()) || page.record_kept_months.is_some()).then(|| view! {
                    <h2 class="nhsuk-heading-m">"Criteria"</h2>
                    {criteria_list(&page.criteria)}
                    <h2 class="nhsuk-heading-m">"Questions"</h2>
                    <ol class="nhsuk-list nhsuk-list--number">
                        {page.questions.iter().map(|q| view! { <li>{format!("{} (evidences: {})", q.wording, q.criteria.join(", "))}</li> }).collect_view()}
                    </ol>
                    <h2 class="nhsuk-heading-m">"Candidates"</h2>
                    {page.candidates.iter().cloned().map(|c| view! { <CandidateCard candidate=c page=page.clone() actions=actions /> }).collect_view()}
                })}
                {(page.viewer.organiser && !p.decided && !page.outcome_begun).then(|| {
                    let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                    let pool = page.pool_choices.clone();
                    let applications = page.application_choices.clone();
                    let criteria = page.criteria.clone();
                    let first_evidence = criteria.first().map(|c| evidences_field(c.id.as_str()));
                    view! {
                        <h2 class="nhsuk-heading-m">"Set up the panel"</h2>
                        <h3 class="nhsuk-heading-s">"Add a criterion"</h3>
                        <ActionForm attr:novalidate=true action=criterion>
                            <crate::ui::SubmissionToken status=criterion_status />
                            <input type="hidden" name="panel_id" value=id1 />
                            <TextInput name="name" label="Criterion from the person specification" status=criterion_status />
                            {(0..5).map(|n| view! { <TextInput name=format!("means_{n}") label=format!("What a score of {n} means") status=criterion_status /> }).collect_view()}
                            <TextInput name="minimum" label="Minimum acceptable score (0 to 4)" input_type="number" status=criterion_status width="nhsuk-input--width-2" />
                            <SubmitButton label="Add the criterion" secondary=true />
                        </ActionForm>
                        <h3 class="nhsuk-heading-s">"Add a question"</h3>
                        <ActionForm attr:novalidate=true action=question>
                            <crate::ui::SubmissionToken status=question_status />
                            <input type="hidden" name="panel_id" value=id2 />
                            <Textarea name="wording" label="The question" status=question_status rows=2 />
                            <fieldset class="nhsuk-fieldset">
                                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Criteria it evidences"</legend>
                                {move || first_evidence.as_deref().and_then(|f| question_status.message_for(f)).map(|m| view! { <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span> })}
                                <div class="nhsuk-checkboxes">
                                    {criteria.iter().map(|c| { let name = evidences_field(c.id.as_str()); let box_id = question_status.id_for(&name); view! {
                                        <div class="nhsuk-checkboxes__item">
                                            <input class="nhsuk-checkboxes__input" id=box_id.clone() name=name.clone() type="checkbox" value="yes" checked=question_status.kept(&name).is_some() />
                                            <label class="nhsuk-label nhsuk-checkboxes__label" for=box_id>{c.name.clone()}</label>
                                        </div>
                                    }}).collect_view()}
                                </div>
                            </fieldset>
                            <SubmitButton label="Add the question" secondary=true />
                        </ActionForm>
                        <h3 class="nhsuk-heading-s">"Add a member"</h3>
                        <ActionForm attr:novalidate=true action=member>
                            <crate::ui::SubmissionToken status=member_status />
                            <input type="hidden" name="panel_id" value=id3 />
                            <Select name="pool_member_id" label="From the panel pool" status=member_status options=pool placeholder="Choose someone" />
                            <Radios name="chair" legend="Do they chair the panel?" status=member_status choices=yes_no("Yes") />
                            <SubmitButton label="Add to the panel" secondary=true />
                        </ActionForm>
                        <h3 class="nhsuk-heading-s">"Add a candidate"</h3>
                        <form method="post" action=AddPanelCandidate::PATH enctype="multipart/form-data" novalidate>
                            <crate::ui::SubmissionToken status=candidate_status />
                            <input type="hidden" name="panel_id" value=id4 />
                            <TextInput name="candidate_name" label="Candidate's name" status=candidate_status />
                            {(!applications.is_empty()).then(|| view! {
                                <Select name="application_id" label="Their application (volunteer role)" status=candidate_status options=applications.clone() placeholder="Not from an application" />
                            })}
                            <FileInput name="file" label="Shortlisting pack (PDF, 5 MB at most)" status=candidate_status />
                            <crate::ui::form::Checkboxes name="removed" legend="Personal details" status=candidate_status
                                choices=choices([("yes".to_owned(), "I confirm the pack has the candidate's personal details removed".to_owned())]) />
                            <SubmitButton label="Add the candidate" secondary=true />
                        </form>
                        {page.viewer.manager.then(|| view! {
                            <h3 class="nhsuk-heading-s">"No lived-experience member"</h3>
                            <p class="nhsuk-body">"Every panel has at least one lived-experience member. If this one cannot, record why (for managers)."</p>
                            <ActionForm attr:novalidate=true action=reason>
                                <crate::ui::SubmissionToken status=reason_status />
                                <input type="hidden" name="panel_id" value=id5 />
                                <Textarea name="reason" label="Why this panel has no lived-experience member" status=reason_status rows=3 />
                                <SubmitButton label="Record the reason" secondary=true />
                            </ActionForm>
                        })}
                    }
                })}
            }
        }} />
    }
}
