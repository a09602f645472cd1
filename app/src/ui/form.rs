//! Form controls. Each control has a label, an optional hint, and its error message beside it; the
//! `ErrorSummary` at the top lists every error with a link to its field.
//!
//! Without JavaScript a refused form POST is answered with the page itself, rendered again on the server with
//! the refusal in context (`RefusedPost`, put there by the server's plain-post handling): the controls show its
//! messages and what the person typed. Nothing is ever read from the page's address, so an address cannot put
//! words in a page's "There is a problem".

use leptos::{html, prelude::*};
use server_fn::ServerFn;

use crate::error::AppError;

/// A plain (no-JavaScript) form POST that the server refused, as the page rendered in answer to it needs it:
/// which server function refused, why, and what was posted (never a password).
#[derive(Clone, Debug)]
pub struct RefusedPost {
    /// The server function's path (`/api/record_activity`): the form on the page that posts there shows it.
    pub path: String,
    pub error: AppError,
    /// The fields as posted, so every form comes back filled in whatever the refusal was.
    pub posted: Vec<(String, String)>,
    /// Set once the page has shown the refusal in an error summary: if none did (the form was not on the page
    /// the post came from), the server answers with a page of its own instead, so no message is lost.
    pub shown: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// The outcome of a form's last submission, as its controls need it.
#[derive(Clone, Copy)]
pub struct FormStatus {
    error: Signal<Option<AppError>>,
    posted: StoredValue<Vec<(String, String)>>,
    /// The refused post's flag to set once its error summary is on the page.
    shown: StoredValue<Option<std::sync::Arc<std::sync::atomic::AtomicBool>>>,
    /// True each time a call from this page (with JavaScript) has just succeeded: the form's token is renewed.
    succeeded: Signal<bool>,
    /// The form's own prefix for its controls' element ids (the server function's name, as in
    /// `/api/add_to_panel_pool`), so that two forms on one page with a field of the same name never share an
    /// id ([`FormStatus::id_for`]); empty for controls outside any form's action.
    form: &'static str,
}

/// The separator between a form's prefix and a field's name in an element id: `create_panel--service_id`.
/// Never part of a field name (UUIDs have single hyphens), so a link's target names its field after it.
pub const ID_SEPARATOR: &str = "--";

/// The prefix a form over the server function at `path` gives its controls' ids: the path's last segment.
fn form_prefix(path: &'static str) -> &'static str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The refusal of a plain POST to the server function at `path`, if this page is the answer to one.
fn refused_post(path: &str) -> Option<RefusedPost> {
    use_context::<RefusedPost>().filter(|refused| refused.path == path)
}

impl FormStatus {
    /// The status of a form over `action`: a refusal of its plain POST while the page is rendered on the
    /// server, then whatever the action's own calls (with JavaScript) come back with. The value Leptos gives a
    /// new action from the address (`?__err=`) is never shown: only a call made from this page counts.
    pub fn of<S>(action: ServerAction<S>) -> Self
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let refused = refused_post(S::PATH);
        let posted = refused.as_ref().map(|r| r.posted.clone()).unwrap_or_default();
        let shown = refused.as_ref().map(|r| r.shown.clone());
        let refused = refused.map(|r| r.error);
        let version = action.version();
        Self {
            error: Signal::derive(move || {
                if version.get() == 0 {
                    refused.clone()
                } else {
                    action.value().get().and_then(Result::err)
                }
            }),
            posted: StoredValue::new(posted),
            shown: StoredValue::new(shown),
            succeeded: Signal::derive(move || action.value().with(|value| matches!(value, Some(Ok(_))))),
            form: form_prefix(S::PATH),
        }
    }

    /// The status of a plain form that posts to the server function at `path` without a `ServerAction`
    /// (a multipart upload): its refusal, when this page is the answer to one.
    pub fn of_post(path: &'static str) -> Self {
        let refused = refused_post(path);
        let posted = refused.as_ref().map(|r| r.posted.clone()).unwrap_or_default();
        let shown = refused.as_ref().map(|r| r.shown.clone());
        Self {
            error: Signal::stored(refused.map(|r| r.error)),
            posted: StoredValue::new(posted),
            shown: StoredValue::new(shown),
            succeeded: Signal::stored(false),
            form: form_prefix(path),
        }
    }

    /// For controls outside any action, such as the filters of a list (a plain GET form).
    /// The status of a page the server renders in one go, with the error (if any) it is showing.
    pub fn fixed(error: Option<AppError>) -> Self {
        Self {
            error: Signal::stored(error),
            posted: StoredValue::new(Vec::new()),
            shown: StoredValue::new(None),
            succeeded: Signal::stored(false),
            form: "",
        }
    }

    pub fn none() -> Self {
        Self {
            error: Signal::derive(|| None),
            posted: StoredValue::new(Vec::new()),
            shown: StoredValue::new(None),
            succeeded: Signal::stored(false),
            form: "",
        }
    }

    /// The same form's status with no refusal to show: for the other rows of a page that holds one form per
    /// row over one action, so a refusal comes back to the row it was for alone (their ids keep the form's).
    pub fn quiet(self) -> Self {
        Self {
            error: Signal::derive(|| None),
            posted: StoredValue::new(Vec::new()),
            shown: StoredValue::new(None),
            ..self
        }
    }

    /// The same status with its controls' ids under `form` instead: for a page that holds a form outside
    /// any action (`fixed`, `none`) beside another with the same fields.
    pub fn with_prefix(self, form: &'static str) -> Self {
        Self { form, ..self }
    }

    /// The element id of this form's control for `field`: `<form>--<field>` (`create_panel--service_id`), or
    /// the field's name for controls outside any form's action. Labels' `for`, `aria-describedby`, the error
    /// message's id and the error summary's link all follow it, so two forms on one page never share an id.
    pub fn id_for(&self, field: &str) -> String {
        if self.form.is_empty() {
            field.to_owned()
        } else {
            format!("{}{ID_SEPARATOR}{field}", self.form)
        }
    }

    pub fn error(&self) -> Signal<Option<AppError>> {
        self.error
    }

    /// The message for one field, if its last submission had one.
    pub fn message_for(&self, field: &str) -> Option<String> {
        self.error.with(|e| {
            e.as_ref().and_then(|e| e.field_errors().iter().find(|f| f.field == field).map(|f| f.message.clone()))
        })
    }

    /// Every value kept for a field that posts several (a group of checkboxes).
    pub fn kept_all(&self, field: &str) -> Vec<String> {
        let kept: Vec<String> = self.error.with_untracked(|e| match e {
            Some(AppError::Validation(errors) | AppError::ForbiddenField(errors)) => {
                errors.kept.iter().filter(|(f, _)| f == field).map(|(_, v)| v.clone()).collect()
            }
            _ => Vec::new(),
        });
        if !kept.is_empty() {
            return kept;
        }
        self.posted.with_value(|posted| posted.iter().filter(|(f, _)| f == field).map(|(_, v)| v.clone()).collect())
    }

    /// What the person typed into a field before a plain POST came back refused: the value the server function
    /// kept, or else the value as posted.
    pub fn kept(&self, field: &str) -> Option<String> {
        self.error.with_untracked(|e| e.as_ref().and_then(|e| e.kept_value(field)).map(str::to_owned)).or_else(|| {
            self.posted.with_value(|posted| posted.iter().find(|(f, _)| f == field).map(|(_, v)| v.clone()))
        })
    }
}

/// How many error summaries on the page are showing an error. While any is, the page title starts with
/// "Error: " (the title formatter in `App` reads it), as the NHS.UK and GOV.UK error summary pattern asks, so a
/// screen reader user hears at once that the page came back with a mistake.
#[derive(Clone, Debug, Default)]
pub struct ShownErrors(pub ArcRwSignal<usize>);

impl ShownErrors {
    /// Whether any error summary on the page is showing an error. Read when the page's title is rendered,
    /// which on the server may come after the page's reactive owner has been disposed (the response was
    /// already finished): then nothing is showing, rather than a panic that would turn the page into a 500.
    pub fn any(&self) -> bool {
        self.0.try_get().is_some_and(|shown| shown > 0)
    }
}

/// "There is a problem": every error of the last submission, each linking to its field. It takes focus when
/// it appears — `autofocus` without JavaScript (with `tabindex="-1"` Chromium and Firefox honour it), and
/// focused again by script after an action comes back — so keyboard and screen reader users start from it
/// and the browser scrolls it into view; and while it shows, the page title starts with "Error: "
/// (`ShownErrors`).
#[component]
pub fn ErrorSummary(status: FormStatus, #[prop(default = "error-summary")] id: &'static str) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let shown_errors = use_context::<ShownErrors>();
    // Whether this summary is counted in `ShownErrors`: an atomic rather than a stored value, so the cleanup
    // that uncounts it when the page goes (client-side navigation) never reads a disposed value.
    let counted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let count = {
        let shown_errors = shown_errors.clone();
        move |showing: bool| {
            if let Some(shown) = &shown_errors {
                if counted.swap(showing, std::sync::atomic::Ordering::Relaxed) != showing {
                    shown.0.update(|n| *n = if showing { *n + 1 } else { n.saturating_sub(1) });
                }
            }
        }
    };
    Effect::new({
        let count = count.clone();
        move |_| {
            let showing = status.error().get().is_some();
            count(showing);
            if showing {
                if let Some(element) = summary.get() {
                    let _ = element.focus();
                }
            }
        }
    });
    on_cleanup({
        let count = count.clone();
        move || count(false)
    });
    let title_id = format!("{id}-title");
    move || {
        status.error().get().map(|error| {
            // On the server the effect above never runs: count the summary as it is rendered, before the
            // page's <title> is written.
            #[cfg(feature = "ssr")]
            count(true);
            status.shown.with_value(|shown| {
                if let Some(shown) = shown {
                    shown.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            });
            let items = match &error {
                AppError::Validation(errors) | AppError::ForbiddenField(errors) => errors
                    .errors
                    .iter()
                    // An empty message only marks a box (a date input's other boxes): no line of its own.
                    .filter(|f| !f.message.is_empty())
                    .map(|f| view! { <li><a href=format!("#{}", status.id_for(&f.field))>{f.message.clone()}</a></li> })
                    .collect_view()
                    .into_any(),
                other => view! { <li>{other.to_string()}</li> }.into_any(),
            };
            view! {
                <div class="nhsuk-error-summary" aria-labelledby=title_id.clone() role="alert" tabindex="-1" autofocus=true node_ref=summary>
                    <h2 class="nhsuk-error-summary__title" id=title_id.clone()>"There is a problem"</h2>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// The pieces every control shares: its group class, hint and error message, and `aria-describedby`.
fn field_parts(
    name: &str,
    hint: Option<String>,
    status: FormStatus,
) -> (
    impl Fn() -> &'static str + Send + Sync + Clone + 'static,
    impl IntoView,
    impl IntoView,
    impl Fn() -> Option<String> + Send + Sync + Clone + 'static,
) {
    let field = name.to_owned();
    let has_error = {
        let field = field.clone();
        move || status.message_for(&field).is_some()
    };
    let group_class = {
        let has_error = has_error.clone();
        move || if has_error() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }
    };
    let id = status.id_for(name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // An empty hint is no hint (callers with optional help text pass it as it is).
    let hint = hint.filter(|text| !text.is_empty());
    let has_hint = hint.is_some();
    let hint_view = hint.map(|text| view! { <div class="nhsuk-hint" id=hint_id.clone()>{text}</div> });
    let error_view = {
        let field = field.clone();
        let error_id = error_id.clone();
        move || {
            status.message_for(&field).map(|message| {
                view! {
                    <span class="nhsuk-error-message" id=error_id.clone()>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {message}
                    </span>
                }
            })
        }
    };
    let described_by = move || {
        let ids: Vec<&str> = [has_hint.then_some(hint_id.as_str()), has_error().then_some(error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    (group_class, hint_view, error_view, described_by)
}

/// A labelled text input (also email, password, date…).
#[component]
pub fn TextInput(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    status: FormStatus,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The value to show before anything is typed (a plain POST's kept value wins over it).
    #[prop(optional, into)]
    value: Option<String>,
    /// An NHS.UK width class such as `nhsuk-input--width-20`.
    #[prop(optional)]
    width: Option<&'static str>,
    /// The name the value is posted under, when it differs from `name`: where one page holds a form per row
    /// (a service's theme, its duty inbox, its name), each row's input needs its own `id` (from `name`, under
    /// which its message and typed value come back) while all post the server function's one argument.
    #[prop(optional)]
    posts_as: Option<&'static str>,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, hint, status);
    let posted_name = posts_as.map_or_else(|| name.clone(), str::to_owned);
    // Passwords are never written back into a page.
    let initial = if input_type == "password" { None } else { status.kept(&name).or(value) };
    let input_class = {
        let field = name.clone();
        move || {
            let mut class = String::from("nhsuk-input");
            if let Some(width) = width {
                class.push(' ');
                class.push_str(width);
            }
            if status.message_for(&field).is_some() {
                class.push_str(" nhsuk-input--error");
            }
            class
        }
    };
    let id = status.id_for(&name);
    view! {
        <div class=group_class>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_view}
            {error_view}
            <input
                class=input_class
                id=id
                name=posted_name
                type=input_type
                autocomplete=autocomplete
                value=initial
                aria-describedby=described_by
            />
        </div>
    }
}

/// A date asked as three boxes — day, month and year — in a fieldset with a legend and a hint ("For example,
/// 27 3 2026"): the NHS.UK date-input pattern. A field named `held_on` posts `held_on_day`, `held_on_month` and
/// `held_on_year` (see `dates::part_name`), parsed on the server by `dates::parse_date_input`, whose message
/// shows once above the boxes while each box it marks gets the error border; the error summary links to the
/// first marked box. Each box keeps what was typed after a mistake. `value` fills the boxes from a stored
/// `YYYY-MM-DD` before anything is typed; `query` fills them from a list's filter choices in the address.
#[component]
pub fn DateInput(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    status: FormStatus,
    /// Shown before the example, e.g. "Leave it empty to keep the form open until you close it."
    #[prop(optional, into)]
    hint: Option<String>,
    /// A stored `YYYY-MM-DD` to start from.
    #[prop(optional, into)]
    value: Option<String>,
    /// The three boxes' values as they came in the address (a filter form), used when nothing was posted.
    #[prop(optional)]
    typed: Option<crate::dates::DateParts>,
) -> impl IntoView {
    use crate::dates::{part_name, DateParts, PARTS};
    let names: Vec<String> = PARTS.iter().map(|p| part_name(&name, p)).collect();
    let hint_id = format!("{}-hint", status.id_for(&name));
    let error_id = format!("{}-error", status.id_for(&name));
    let start = typed.unwrap_or_else(|| value.as_deref().map(DateParts::of_iso).unwrap_or_default());
    let message = {
        let names = names.clone();
        move || names.iter().filter_map(|n| status.message_for(n)).find(|m| !m.is_empty())
    };
    let has_error = {
        let message = message.clone();
        move || message().is_some()
    };
    let group_class = {
        let has_error = has_error.clone();
        move || if has_error() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }
    };
    let described_by = {
        let (hint_id, error_id, has_error) = (hint_id.clone(), error_id.clone(), has_error.clone());
        move || if has_error() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let hint_text = match hint.filter(|h| !h.is_empty()) {
        Some(hint) => format!("{hint} For example, 27 3 2026"),
        None => "For example, 27 3 2026".to_owned(),
    };
    let boxes = PARTS
        .iter()
        .zip(names)
        .zip([start.day, start.month, start.year])
        .map(|((part, box_name), start)| {
            let (label, width) = match *part {
                "day" => ("Day", "nhsuk-input--width-2"),
                "month" => ("Month", "nhsuk-input--width-2"),
                _ => ("Year", "nhsuk-input--width-4"),
            };
            let initial = status.kept(&box_name).unwrap_or(start);
            let class = {
                let box_name = box_name.clone();
                move || {
                    let mut class = format!("nhsuk-input nhsuk-date-input__input {width}");
                    if status.message_for(&box_name).is_some() {
                        class.push_str(" nhsuk-input--error");
                    }
                    class
                }
            };
            let box_id = status.id_for(&box_name);
            view! {
                <div class="nhsuk-date-input__item">
                    <div class="nhsuk-form-group">
                        <label class="nhsuk-label nhsuk-date-input__label" for=box_id.clone()>{label}</label>
                        <input class=class id=box_id name=box_name type="text" inputmode="numeric" value=initial />
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class>
            <fieldset class="nhsuk-fieldset" role="group" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                <div class="nhsuk-hint" id=hint_id>{hint_text}</div>
                {move || message().map(|message| view! {
                    <span class="nhsuk-error-message" id=error_id.clone()>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {message}
                    </span>
                })}
                <div class="nhsuk-date-input">{boxes}</div>
            </fieldset>
        </div>
    }
}

/// A labelled drop-down list. `options` are (value, label) pairs; `placeholder` adds a first empty choice.
#[component]
pub fn Select(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    status: FormStatus,
    options: Vec<(String, String)>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, hint, status);
    let chosen = status.kept(&name).or(value).unwrap_or_default();
    let select_class = {
        let field = name.clone();
        move || if status.message_for(&field).is_some() { "nhsuk-select nhsuk-select--error" } else { "nhsuk-select" }
    };
    let id = status.id_for(&name);
    view! {
        <div class=group_class>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_view}
            {error_view}
            <select class=select_class id=id name=name aria-describedby=described_by>
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled multi-line text box.
#[component]
pub fn Textarea(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    status: FormStatus,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = 5)] rows: u32,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, hint, status);
    let initial = crate::text::for_raw_text_element(status.kept(&name).or(value).unwrap_or_default());
    let textarea_class = {
        let field = name.clone();
        move || {
            if status.message_for(&field).is_some() {
                "nhsuk-textarea nhsuk-textarea--error"
            } else {
                "nhsuk-textarea"
            }
        }
    };
    let id = status.id_for(&name);
    view! {
        <div class=group_class>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_view}
            {error_view}
            <textarea class=textarea_class id=id name=name rows=rows aria-describedby=described_by>{initial}</textarea>
        </div>
    }
}

/// One choice among radio buttons: its value, its label, and an optional hint beneath it.
#[derive(Clone, Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A question answered by choosing one of several radio buttons, in a fieldset with a legend. The first
/// radio's id is the field's id (`FormStatus::id_for`), so the error summary's link lands on it.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    status: FormStatus,
    choices: Vec<Choice>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, hint, status);
    let chosen = status.kept(&name).or(value).unwrap_or_default();
    view! {
        <div class=group_class>
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                {hint_view}
                {error_view}
                <div class="nhsuk-radios">
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(index, choice)| {
                            let first = status.id_for(&name);
                            let id = if index == 0 { first } else { format!("{first}-{index}") };
                            let hint_id = format!("{id}-item-hint");
                            let checked = choice.value == chosen;
                            view! {
                                <div class="nhsuk-radios__item">
                                    <input
                                        class="nhsuk-radios__input"
                                        id=id.clone()
                                        name=name.clone()
                                        type="radio"
                                        value=choice.value
                                        checked=checked
                                        aria-describedby=choice.hint.is_some().then(|| hint_id.clone())
                                    />
                                    <label class="nhsuk-label nhsuk-radios__label" for=id>{choice.label}</label>
                                    {choice.hint.map(|text| view! { <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{text}</div> })}
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// A question answered by ticking any of several checkboxes, in a fieldset with a legend. As with `Radios`,
/// the first checkbox's id is the field's id.
#[component]
pub fn Checkboxes(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    status: FormStatus,
    choices: Vec<Choice>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, hint, status);
    let chosen = status.kept_all(&name);
    view! {
        <div class=group_class>
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                {hint_view}
                {error_view}
                <div class="nhsuk-checkboxes">
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(index, choice)| {
                            let first = status.id_for(&name);
                            let id = if index == 0 { first } else { format!("{first}-{index}") };
                            let checked = chosen.contains(&choice.value);
                            view! {
                                <div class="nhsuk-checkboxes__item">
                                    <input
                                        class="nhsuk-checkboxes__input"
                                        id=id.clone()
                                        name=name.clone()
                                        type="checkbox"
                                        value=choice.value
                                        checked=checked
                                    />
                                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{choice.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// The two fields for choosing a new password: the password (named `name`) and `confirm_password`, with the
/// advice on length that the server's rule enforces.
#[component]
pub fn NewPasswordFields(
    status: FormStatus,
    #[prop(default = "password")] name: &'static str,
    #[prop(default = "Choose a password")] label: &'static str,
    #[prop(default = "Type the password again")] confirm_label: &'static str,
) -> impl IntoView {
    view! {
        <TextInput name=name label=label input_type="password" autocomplete="new-password"
            hint="Use 10 or more characters. A few words you will remember make a strong password." status width="nhsuk-input--width-30" />
        <TextInput name="confirm_password" label=confirm_label input_type="password" autocomplete="new-password" status width="nhsuk-input--width-30" />
    }
}

/// The name of the hidden field that carries a form page's single-use token.
pub const SUBMISSION_FIELD: &str = "submission";

/// A hidden single-use token for this copy of the form, so that the same copy sent twice (a double click, a
/// retry after a timeout, Back and send again) stores one record: the server function uses it for its change
/// in the change's own transaction (`db::Write::claim_submission`), and the server answers a repeat as it
/// answered the first (`server/src/forms.rs`). Every form that stores something carries one, inside its
/// `ActionForm`, and its server function takes it as `#[server(default)] submission: String`.
///
/// The token is made as the page is rendered: on the server for a page it sends (a fresh one for each copy
/// served), in the browser for a page the hydrated app draws itself. A page rendered again after a refused plain
/// POST keeps the token it was posted with, so the corrected form is still the same copy. With JavaScript on, a
/// form that stays on its page after a success (adding one question, then another) gets a fresh token then, so
/// the next record it sends is not taken for a repeat.
#[component]
pub fn SubmissionToken(status: FormStatus) -> impl IntoView {
    let first = status.kept(SUBMISSION_FIELD).filter(|token| is_token(token)).unwrap_or_else(fresh_token);
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if status.succeeded.get() {
            if let Some(input) = input.get_untracked() {
                input.set_value(&fresh_token());
            }
        }
    });
    view! {
        <input type="hidden" name=SUBMISSION_FIELD value=first node_ref=input />
        <PageField />
    }
}

/// The name of the hidden field naming the page a form is on (read by `server/src/forms.rs`).
pub const PAGE_FIELD: &str = "continuum_page";

/// A hidden field naming the page the form is on (path and query), so that a refused plain POST is answered
/// with this page rendered again even when the browser sends no `Referer` (a privacy setting or extension may
/// strip it). The server takes it only if it is a page of this site. [`SubmissionToken`] includes it; a form
/// without a token carries it itself.
#[component]
pub fn PageField() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let page = move || {
        let search = location.search.get();
        match search.as_str() {
            "" => location.pathname.get(),
            s if s.starts_with('?') => format!("{}{s}", location.pathname.get()),
            s => format!("{}?{s}", location.pathname.get()),
        }
    };
    view! { <input type="hidden" name=PAGE_FIELD value=page /> }
}

/// Whether a posted value can be a token made here: 32 lowercase hex digits.
fn is_token(value: &str) -> bool {
    value.len() == 32 && value.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// 128 random bits as 32 hex digits: from the server's random source, or the browser's `crypto`. Where the
/// browser has none, no token (the form is stored as one without a token), never a guessable one.
fn fresh_token() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::forms::new_submission_token()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let mut bytes = [0u8; 16];
        let filled = window().crypto().is_ok_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
        if filled {
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        } else {
            String::new()
        }
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}

/// A form's submit button.
#[component]
pub fn SubmitButton(#[prop(into)] label: String, #[prop(optional)] secondary: bool) -> impl IntoView {
    let class = if secondary { "nhsuk-button nhsuk-button--secondary" } else { "nhsuk-button" };
    view! { <button class=class type="submit">{label}</button> }
}

/// After a form succeeds in the hydrated app, loads `to(output)` as a whole new page, so the header and
/// everything else reflect the new session. Used by sign-in, sign-out and invitation acceptance.
pub fn reload_on_success<S>(action: ServerAction<S>, to: impl Fn(&S::Output) -> String + 'static)
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(output)) = action.value().get() {
            let _ = window().location().set_href(&to(&output));
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(feature = "ssr")]
    fn textarea_text_cannot_close_its_box() {
        assert_eq!(
            crate::text::for_raw_text_element("a </textarea><b>x & y".into()),
            "a &lt;/textarea&gt;&lt;b&gt;x &amp; y"
        );
    }
}

/// A labelled file input for a PDF (a leaflet, a meeting paper), with its hint and its message beside it. A
/// browser never posts a file back, so after a refusal the person chooses the file again; everything else
/// they typed comes back filled in.
#[component]
pub fn FileInput(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    status: FormStatus,
    #[prop(default = "A PDF file smaller than 5 MB.".into(), into)] hint: String,
) -> impl IntoView {
    let (group_class, hint_view, error_view, described_by) = field_parts(&name, Some(hint), status);
    let id = status.id_for(&name);
    view! {
        <div class=group_class>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_view}
            {error_view}
            <input class="nhsuk-file-upload" id=id name=name type="file" accept="application/pdf,.pdf"
                aria-describedby=described_by />
        </div>
    }
}
