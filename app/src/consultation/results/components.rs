//! A form's results: filters for the period and channel (a plain GET form, so it works without JavaScript),
//! the Friends and Family Test's headline figures, responses per month as a chart with a table beside it, the
//! answers to every question that is not free text, the comments with their themes, and the CSV download.

use crate::consultation::types::FormId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::consultation::forms::components::ConsultationNav;
use crate::{
    consultation::{
        results::{get_form_results, Comment, CommentPage, CountRow, FormResults, QuestionResults},
        types::Channel,
    },
    dates::{readable_day, DateParts},
    ui::{DateInput, ErrorPage, ErrorSummary, FormStatus, Select, SubmitButton},
};

#[component]
pub fn FormResultsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let q = move |key: &str| query.with(|q| q.get(key)).unwrap_or_default();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let period = move || [q("from_day"), q("from_month"), q("from_year"), q("to_day"), q("to_month"), q("to_year")];
    let results = Resource::new(
        move || (id(), period(), [q("channel"), q("theme"), q("flagged"), q("page")]),
        |(id, [fd, fm, fy, td, tm, ty], [channel, theme, flagged, page])| {
            get_form_results(id.into(), fd, fm, fy, td, tm, ty, channel, theme, flagged, page)
        },
    );
    // Not `StaffOnly`: the current members of the service's groups read the figures too (issue 15 §7), and the
    // server function checks who may; they are not shown staff's menu.
    view! {
        <Title text="Results" />
        <Suspense fallback=|| view! { <p class="nhsuk-body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match crate::ui::filtered(results.await) {
                    Ok((Some(results), _)) => {
                        let staff = !results.figures_only;
                        view! { {staff.then(|| view! { <ConsultationNav /> })} <Results results /> }.into_any()
                    }
                    // Dates that are not dates: the filters again, with their messages.
                    Ok((None, error)) => {
                        let status = FormStatus::fixed(error);
                        let [fd, fm, fy, td, tm, ty] = period();
                        view! {
                            <h1 class="nhsuk-heading-l">"Results"</h1>
                            <ErrorSummary status />
                            <Filters form_id=id().into() from=DateParts::new(fd, fm, fy) to=DateParts::new(td, tm, ty) channel=q("channel") status />
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The period and channel, as a plain GET form.
#[component]
fn Filters(form_id: FormId, from: DateParts, to: DateParts, channel: String, status: FormStatus) -> impl IntoView {
    let mut channels = vec![("all".to_owned(), "All channels".to_owned())];
    channels.extend(Channel::ALL.iter().map(|c| (c.as_str().to_owned(), c.label().to_owned())));
    view! {
        <form method="get" action=format!("/consultation/forms/{form_id}/results") class="continuum-filters" novalidate>
            <DateInput name="from" legend="Start date" status typed=from hint="Leave both dates empty for the last 12 months." />
            <DateInput name="to" legend="End date" status typed=to />
            <Select name="channel" label="Channel" status options=channels value=channel />
            <SubmitButton label="Show results" secondary=true />
        </form>
    }
}

/// A table of counts with a percentage column.
#[component]
fn CountTable(
    #[prop(into)] caption: String,
    #[prop(into)] first: String,
    rows: Vec<CountRow>,
    #[prop(optional)] total: Option<String>,
    #[prop(optional)] shares: bool,
) -> impl IntoView {
    view! {
        <table class="nhsuk-table">
            <caption class="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
            <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                    <th scope="col" class="nhsuk-table__header">{first}</th>
                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Responses"</th>
                    {shares.then(|| view! { <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Percentage"</th> })}
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                {rows.into_iter().map(|r| view! {
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__header">{r.label}</th>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.count.text()}</td>
                        {shares.then(|| view! { <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{r.share.text()}</td> })}
                    </tr>
                }).collect_view()}
                {total.map(|total| view! {
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__header">"Total"</th>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{total}</td>
                        {shares.then(|| view! { <td class="nhsuk-table__cell"></td> })}
                    </tr>
                })}
            </tbody>
        </table>
    }
}

// The page is built from sections, each type-erased with `into_any`: as one view its type is too deep for the
// compiler.
#[component]
fn Results(results: FormResults) -> impl IntoView {
    let period = format!("{} to {}", readable_day(&results.from), readable_day(&results.to));
    let channel_words = results.channel.map(|c| c.label().to_owned()).unwrap_or_else(|| "All channels".to_owned());
    let filters = view! {
        <Filters form_id=results.form_id.clone() from=DateParts::of_iso(&results.from) to=DateParts::of_iso(&results.to)
            channel=results.channel.map(Channel::as_str).unwrap_or("all").to_owned() status=FormStatus::none() />
    }
    .into_any();
    let headline = view! {
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Responses in this period"</dt>
                <dd class="nhsuk-summary-list__value" id="responses-total">{results.responses.text()}</dd>
            </div>
        </dl>
    }
    .into_any();
    let fft = fft_section(&results);
    let months = months_section(&results);
    let questions = questions_section(results.questions.clone());
    // A group member (not staff) reads the figures only: no comments, no download of responses.
    let (comments, download) = if results.figures_only {
        (().into_any(), ().into_any())
    } else {
        (comments_section(&results), download_section(&results))
    };
    view! {
        <span class="nhsuk-caption-l">{results.service_name.clone()}</span>
        <h1 class="nhsuk-heading-l">{format!("Results: {}", results.title)}</h1>
        <p class="nhsuk-body-l">{format!("{period} · {channel_words}")}</p>
        {filters}
        {headline}
        {fft}
        {months}
        {questions}
        {comments}
        {download}
        <p class="nhsuk-body-s">
            "To protect privacy, counts from 0 to 4 are shown as \"fewer than 5\", other counts are rounded to the \
             nearest 5 (so they may not add up), other figures on this page that would let a small count be worked \
             out are withheld, and percentages are shown only from 10 responses, worked out from the rounded counts."
        </p>
    }
}

fn fft_section(results: &FormResults) -> AnyView {
    let Some(fft) = results.fft.clone() else {
        return view! {
            <h2 class="nhsuk-heading-m">"Friends and Family Test"</h2>
            <p class="nhsuk-body">"This form does not ask the Friends and Family Test question."</p>
        }
        .into_any();
    };
    view! {
        <h2 class="nhsuk-heading-m">"Friends and Family Test"</h2>
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
                <div class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">"Positive (very good or good)"</h3>
                        <p class="nhsuk-heading-l continuum-figure" id="fft-positive">{fft.positive.text()}</p>
                    </div>
                </div>
            </div>
            <div class="nhsuk-grid-column-one-half">
                <div class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">"Negative (poor or very poor)"</h3>
                        <p class="nhsuk-heading-l continuum-figure" id="fft-negative">{fft.negative.text()}</p>
                    </div>
                </div>
            </div>
        </div>
        <p class="nhsuk-body-s">{format!("Of {} answers to the Friends and Family Test question.", fft.respondents.text())}</p>
    }
    .into_any()
}

fn months_section(results: &FormResults) -> AnyView {
    let channels = results.channels.clone();
    let by_channel = (!channels.is_empty()).then(|| {
        view! { <CountTable caption="Responses by channel" first="Channel" rows=channels shares=true /> }.into_any()
    });
    let by_month =
        view! { <CountTable caption="Responses each month" first="Month" rows=results.months.clone() total=results.responses.text() /> }
            .into_any();
    view! {
        <h2 class="nhsuk-heading-m">"Responses over time"</h2>
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
                <figure class="continuum-chart">
                    <div role="img" aria-labelledby="results-chart-caption" class="continuum-chart__image" inner_html=results.chart_svg.clone()></div>
                    <figcaption id="results-chart-caption" class="nhsuk-body-s">
                        "Responses each month. The table gives the same figures."
                    </figcaption>
                </figure>
            </div>
            <div class="nhsuk-grid-column-one-half">
                {by_month}
                {by_channel}
            </div>
        </div>
    }
    .into_any()
}

fn questions_section(questions: Vec<QuestionResults>) -> AnyView {
    let tables = if questions.is_empty() {
        view! { <p class="nhsuk-body">"This form has no questions with answers to count."</p> }.into_any()
    } else {
        questions.into_iter().map(|q| view! { <QuestionTable question=q /> }).collect_view().into_any()
    };
    view! {
        <h2 class="nhsuk-heading-m">"Answers to each question"</h2>
        {tables}
    }
    .into_any()
}

/// The comments: how many there are by theme, then one page of them, filtered by theme and by flagged or not
/// in a GET form that keeps the page's period and channel, with links to the pages before and after.
fn comments_section(results: &FormResults) -> AnyView {
    let themes = results.themes.clone();
    let by_theme = (!themes.is_empty())
        .then(|| view! { <CountTable caption="Comments by theme" first="Theme" rows=themes /> }.into_any());
    let CommentPage { theme, flagged, themes, matching, page, pages, comments } = results.comments.clone();
    let address = format!("/consultation/forms/{}/results", results.form_id);
    // The page's own filters, kept by the comments' form and links.
    let kept: Vec<(String, String)> = results
        .query()
        .split('&')
        .filter_map(|pair| pair.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())))
        .collect();
    let link = |to_page: i64| {
        format!(
            "{address}?{}&theme={}&flagged={}&page={to_page}",
            results.query(),
            crate::ui::encode_query_value(&theme),
            crate::ui::encode_query_value(&flagged)
        )
    };
    let mut theme_options = vec![(String::new(), "All themes".to_owned())];
    theme_options.extend(themes.into_iter().map(|t| (t.clone(), t)));
    let flagged_options = vec![
        (String::new(), "Flagged or not".to_owned()),
        ("yes".to_owned(), "Flagged for safeguarding".to_owned()),
        ("no".to_owned(), "Not flagged".to_owned()),
    ];
    let shown = if matching == 0 {
        "No comments match.".to_owned()
    } else {
        let first = (page - 1) * crate::consultation::results::COMMENTS_PER_PAGE + 1;
        let last = first + i64::try_from(comments.len()).unwrap_or(0) - 1;
        format!("Comments {first} to {last} of {matching}.")
    };
    let list = if comments.is_empty() {
        view! { <p class="nhsuk-body">"No comments in this period."</p> }.into_any()
    } else {
        comments.into_iter().map(|c| view! { <CommentCard comment=c /> }).collect_view().into_any()
    };
    let previous = (page > 1).then(|| link(page - 1));
    let next = (page < pages).then(|| link(page + 1));
    view! {
        <h2 class="nhsuk-heading-m">"Comments"</h2>
        {by_theme}
        <form method="get" action=address class="continuum-filters" novalidate>
            {kept.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value /> }).collect_view()}
            <Select name="theme" label="Theme" status=FormStatus::none() options=theme_options value=theme />
            <Select name="flagged" label="Safeguarding" status=FormStatus::none() options=flagged_options value=flagged />
            <SubmitButton label="Show comments" secondary=true />
        </form>
        <p class="nhsuk-body" id="comments-shown">{shown}</p>
        {list}
        {(pages > 1).then(|| view! {
            <nav class="nhsuk-pagination" role="navigation" aria-label="Pages of comments">
                <ul class="nhsuk-list nhsuk-pagination__list">
                    {previous.map(|href| view! {
                        <li class="nhsuk-pagination-item--previous">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=href>
                                <span class="nhsuk-pagination__title">"Previous"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{format!("Page {} of {pages}", page - 1)}</span>
                            </a>
                        </li>
                    })}
                    {next.map(|href| view! {
                        <li class="nhsuk-pagination-item--next">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=href>
                                <span class="nhsuk-pagination__title">"Next"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{format!("Page {} of {pages}", page + 1)}</span>
                            </a>
                        </li>
                    })}
                </ul>
            </nav>
        })}
    }
    .into_any()
}

fn download_section(results: &FormResults) -> AnyView {
    let body = if results.csv_allowed {
        let csv_link = format!("/consultation/forms/{}/responses.csv?{}", results.form_id, results.query());
        view! {
            <p class="nhsuk-body"><a href=csv_link download=results.csv_file_name()>"Download responses (CSV)"</a></p>
            <p class="nhsuk-body-s">"One row per response: its date, channel and answers. No names and no times of day."</p>
        }
        .into_any()
    } else {
        view! {
            <p class="nhsuk-body">
                "The responses cannot be downloaded for this period: there are fewer than 5, and a file of them would \
                 show how many. Choose a longer period or every channel."
            </p>
        }
        .into_any()
    };
    view! {
        <h2 class="nhsuk-heading-m">"Download"</h2>
        {body}
    }
    .into_any()
}

#[component]
fn QuestionTable(question: QuestionResults) -> impl IntoView {
    let note = if question.multiple {
        format!("Answered by {}. People could choose more than one answer.", question.respondents.text())
    } else {
        format!("Answered by {}.", question.respondents.text())
    };
    view! {
        <CountTable caption=question.prompt first="Answer" rows=question.rows shares=true />
        <p class="nhsuk-body-s">{note}</p>
    }
}

#[component]
fn CommentCard(comment: Comment) -> impl IntoView {
    let day = readable_day(&comment.submitted_on);
    view! {
        <div class="nhsuk-card">
            <div class="nhsuk-card__content">
                <p class="nhsuk-body-s continuum-meta">{format!("{day} · {} · {}", comment.channel.label(), comment.prompt)}</p>
                <p class="nhsuk-body continuum-written">{comment.text}</p>
                {(!comment.themes.is_empty()).then(|| view! {
                    <ul class="nhsuk-list continuum-themes" aria-label="Themes">
                        {comment.themes.into_iter().map(|t| view! { <li class="nhsuk-tag nhsuk-tag--white">{t}</li> }).collect_view()}
                    </ul>
                })}
                <p class="nhsuk-body-s">
                    <a href=format!("/consultation/responses/{}", comment.response_id)>
                        "View the response"<span class="nhsuk-u-visually-hidden">{format!(" of {day}")}</span>
                    </a>
                </p>
            </div>
        </div>
    }
}
