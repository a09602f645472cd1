//! After a mistake, on a 390×844 phone and on a desktop, with JavaScript on and off: every page with a form
//! comes back with its error summary on the first screen, focused (so a keyboard or screen reader user starts
//! from it), "Error: " at the start of the page title, and (with JavaScript, which axe-core needs) nothing
//! axe-core finds wrong.

use std::time::Duration;

use app::accounts::types::Role;
use continuum_tests::{
    browser::{
        assert_accessible, fill, press, wait_for_element, wait_for_hydration, wait_for_text, wait_until, with_browser,
        Javascript, ELEMENT_WAIT,
    },
    forms::FORMS,
    routes::{self, Person},
    spawn_app,
    world::World,
    Backend, TestApp, PASSWORD,
};
use fantoccini::{Client, Locator};

/// Where the error summary is and whether the page says it has a mistake.
const MEASURE: &str = "const summary = document.querySelector('.nhsuk-error-summary');
    return summary && {
        top: summary.getBoundingClientRect().top + window.scrollY,
        screen: window.innerHeight,
        focused: document.activeElement === summary,
        title: document.title,
    };";

/// Every control in the page's header, with its text and the size of its target in CSS pixels.
const HEADER_TARGETS: &str =
    "return [...document.querySelectorAll('header a, header button, header input, header select')]
    .filter(e => e.getClientRects().length > 0)
    .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; });";

/// A name as long as people's names can be, which the header must wrap without shrinking "Sign out".
const LONG_NAME: &str = "Dr Anna-Katharina Wilhelmina Featherstonehaugh-Cholmondeley-Konstantinopoulou";

/// Fails if a control in the header is a smaller target than 44 by 44 px (NHS.UK's touch targets).
async fn check_the_header(browser: &Client, page: &str, size: &str) {
    let targets: Vec<(String, f64, f64)> =
        serde_json::from_value(browser.execute(HEADER_TARGETS, vec![]).await.unwrap()).unwrap();
    assert!(targets.iter().any(|(text, ..)| text == "Sign out"), "{page} ({size}): no Sign out in {targets:?}");
    for (text, width, height) in &targets {
        assert!(
            *width >= 44.0 && *height >= 44.0,
            "{page} ({size}): the header's {text:?} is a {width}×{height} px target, under 44×44"
        );
    }
}

#[derive(serde::Deserialize, Debug, Clone)]
struct Summary {
    top: f64,
    screen: f64,
    focused: bool,
    title: String,
}

/// How a mistake is made on a page: by pressing its button with the form left empty, or by an address whose
/// filter choices are not a date.
enum Mistake {
    Press(&'static str),
    Address,
}

/// Checks the page that came back from a mistake on `page`.
async fn check_the_summary(browser: &Client, page: &str, size: &str, axe: bool) {
    wait_for_element(browser, ELEMENT_WAIT, Locator::Css(".nhsuk-error-summary"))
        .await
        .unwrap_or_else(|waited| panic!("{page} ({size}): no error summary after {waited:?}"));
    // Focus and the title follow the summary (an effect with JavaScript, `autofocus` without): wait for both
    // rather than read them at once.
    let settled = wait_until(Duration::from_secs(10), || async {
        let measured: Option<Summary> = serde_json::from_value(browser.execute(MEASURE, vec![]).await.ok()?).ok()?;
        measured.filter(|m| m.focused && m.title.starts_with("Error: "))
    })
    .await;
    let summary = match settled {
        Ok(summary) => summary,
        Err(_) => {
            let measured = browser.execute(MEASURE, vec![]).await.unwrap();
            panic!("{page} ({size}): the summary is not focused or the title lacks \"Error: \": {measured}");
        }
    };
    assert!(
        summary.top + 40.0 <= summary.screen,
        "{page} ({size}): the error summary starts {} px down a {} px screen",
        summary.top,
        summary.screen
    );
    if axe {
        assert_accessible(browser, &format!("{page} after a mistake ({size})")).await;
    }
}

async fn make_the_mistake(browser: &Client, app: &TestApp, page: &str, mistake: &Mistake, javascript: Javascript) {
    browser.goto(&app.url(page)).await.unwrap();
    if javascript == Javascript::On {
        wait_for_hydration(browser).await;
    }
    if let Mistake::Press(button) = mistake {
        press(browser, button).await;
    }
}

async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let event: String =
        sqlx::query_scalar("SELECT slug FROM event ORDER BY starts_at LIMIT 1").fetch_one(&app.pool).await.unwrap();
    let event = format!("/events/{event}");
    // The staff pages are used by a manager whose name is as long as names get: the header must keep every
    // control a 44 by 44 px target beside it, and axe-core must find nothing, on a phone as on a desktop.
    let service: String = sqlx::query_scalar("SELECT id FROM service WHERE name = $1")
        .bind(app::accounts::demo::PD_SERVICE)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.add_person("long.name@example.org", LONG_NAME, false, &[(&service, Role::Manager)]).await;
    let public: Vec<(&str, Mistake)> = vec![
        ("/sign-in", Mistake::Press("Sign in")),
        ("/forgot-password", Mistake::Press("Send the link")),
        (event.as_str(), Mistake::Press("Register")),
        ("/f/dbt-skills-group", Mistake::Press("Send feedback")),
    ];
    let staff: Vec<(&str, Mistake)> = vec![
        ("/ledger/new", Mistake::Press("Record activity")),
        ("/information/events/new", Mistake::Press("Save event")),
        ("/consultation/focus-groups", Mistake::Press("Record focus group")),
        ("/account", Mistake::Press("Change password")),
        (
            "/reports/continuum-profile?from_day=1&from_month=1&from_year=1800&to_day=1&to_month=2&to_year=2026",
            Mistake::Address,
        ),
        ("/ledger?from_day=31&from_month=6&from_year=2026", Mistake::Address),
    ];

    with_browser(javascript, |browser| async move {
        for (width, height) in [(390, 844), (1280, 900)] {
            browser.set_window_size(width, height).await.unwrap();
            let size = format!("{width}×{height}, JavaScript {javascript:?}");
            for (page, mistake) in &public {
                make_the_mistake(&browser, &app, page, mistake, javascript).await;
                // axe-core runs as a page script, which a browser without JavaScript does not run.
                check_the_summary(&browser, page, &size, javascript == Javascript::On).await;
            }
            browser.goto(&app.url("/sign-in")).await.unwrap();
            fill(&browser, "Email address", "long.name@example.org").await;
            fill(&browser, "Password", PASSWORD).await;
            press(&browser, "Sign in").await;
            wait_for_text(&browser, LONG_NAME).await;
            for (page, mistake) in &staff {
                make_the_mistake(&browser, &app, page, mistake, javascript).await;
                // axe-core runs as a page script, which a browser without JavaScript does not run.
                check_the_summary(&browser, page, &size, javascript == Javascript::On).await;
                check_the_header(&browser, page, &size).await;
            }
            // Leaving the page in the hydrated app (the router draws the next page, nothing reloads) leaves the
            // mistake behind: the next page's title has no "Error: ".
            if javascript == Javascript::On {
                browser.find(Locator::LinkText("Your account")).await.unwrap().click().await.unwrap();
                let title = wait_until(Duration::from_secs(10), || async {
                    let title = browser.title().await.ok()?;
                    title.starts_with("Your account").then_some(title)
                })
                .await;
                assert!(title.is_ok(), "after leaving a page with a mistake the title is {:?}", browser.title().await);
            }
            browser.delete_all_cookies().await.unwrap();
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title_with_javascript() {
    after_a_mistake_the_summary_is_first_focused_and_in_the_title(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_mistake_the_summary_is_first_focused_and_in_the_title_without_javascript() {
    after_a_mistake_the_summary_is_first_focused_and_in_the_title(Javascript::Off).await;
}

/// The address each person of `World` signs in with, in `Person::ALL` order (none for someone anonymous).
const EMAILS: [&str; 10] = [
    "",
    "patient@example.org",
    "carer@example.org",
    "volunteer@example.org",
    "steering@example.org",
    "other-staff@example.org",
    "other-manager@example.org",
    "staff@example.org",
    "manager@example.org",
    "admin@example.org",
];

/// Fills the form on the page that posts to `arguments[0]` with `arguments[1]` (name and value pairs) and
/// submits it as its button would: choices whose value is not offered and fields the page lacks are sent as
/// hidden fields, as a hand-made request would. Returns false when the page has no such form.
const SUBMIT: &str = "const [action, fields] = arguments;
    const form = [...document.querySelectorAll('form')].find(f => f.getAttribute('action') === action);
    if (!form) return false;
    for (const [name, value] of fields) {
        const controls = [...form.elements].filter(e => e.name === name);
        const choice = controls.find(c => (c.type === 'radio' || c.type === 'checkbox') && c.value === value);
        const text = controls.find(c => c.type !== 'radio' && c.type !== 'checkbox' && c.type !== 'file');
        if (choice) { choice.checked = true; }
        else if (text && text.tagName === 'SELECT' && ![...text.options].some(o => o.value === value)) {
            text.add(new Option(value, value)); text.value = value;
        }
        else if (text) {
            // Letters typed where a number or an address is asked for: the box takes them as text does.
            if (text.tagName === 'INPUT' && text.type !== 'text' && text.type !== 'hidden') { text.type = 'text'; }
            text.value = value;
        }
        else { const hidden = document.createElement('input'); hidden.type = 'hidden'; hidden.name = name;
               hidden.value = value; form.appendChild(hidden); }
    }
    form.requestSubmit();
    return true;";

/// Every form of the app (`continuum_tests::forms`), filled in its page with the mistake the no-typed-words
/// test makes and submitted as its button would: the page that comes back has its summary on the first
/// screen, focused, and "Error: " in its title.
async fn every_form_comes_back_with_its_summary_first_and_focused(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let world = World::seed(&app).await;
    let mut forms: Vec<_> = FORMS.iter().filter(|f| f.shows_typed && f.action.starts_with('/')).collect();
    forms.sort_by_key(|f| f.person.index());

    with_browser(javascript, |browser| async move {
        let mut checked = 0;
        let mut absent = std::collections::BTreeSet::new();
        for (width, height) in [(390, 844), (1280, 900)] {
            browser.set_window_size(width, height).await.unwrap();
            let size = format!("{width}×{height}, JavaScript {javascript:?}");
            let mut signed_in = Person::Anonymous;
            browser.delete_all_cookies().await.unwrap();
            for form in &forms {
                if form.person != signed_in {
                    browser.delete_all_cookies().await.unwrap();
                    if form.person != Person::Anonymous {
                        let email = EMAILS[form.person.index()];
                        browser.goto(&app.url("/sign-in")).await.unwrap();
                        fill(&browser, "Email address", email).await;
                        fill(&browser, "Password", PASSWORD).await;
                        press(&browser, "Sign in").await;
                        wait_for_text(&browser, email).await;
                    }
                    signed_in = form.person;
                }
                let mut values = world.values_for(form.person);
                values.insert("marker", "Marker".to_owned());
                values.insert("long", "typed by hand ".repeat(800));
                let page = routes::fill(form.page, &values);
                let action = routes::fill(form.post_to.unwrap_or(form.action), &values);
                let fields: Vec<(String, String)> =
                    form.fields.iter().map(|(n, v)| (routes::fill(n, &values), routes::fill(v, &values))).collect();
                browser.goto(&app.url(&page)).await.unwrap();
                if javascript == Javascript::On {
                    wait_for_hydration(&browser).await;
                }
                let sent = browser
                    .execute(SUBMIT, vec![serde_json::json!(action), serde_json::json!(fields)])
                    .await
                    .unwrap_or_else(|e| panic!("{page}: could not fill the form posting to {action}: {e}"));
                if sent != serde_json::json!(true) {
                    // Not every form is on its page in the world's state (a link's token the test cannot have;
                    // a form whose answered questions are fixed offers no reordering): the no-typed-words test
                    // posts those without their page.
                    absent.insert(action.clone());
                    continue;
                }
                // axe-core runs as a page script, which a browser without JavaScript does not run.
                let axe = javascript == Javascript::On;
                check_the_summary(&browser, &format!("{page} (the form posting to {action})"), &size, axe).await;
                checked += 1;
            }
        }
        assert!(checked >= 2 * 30, "every form was sent twice (a phone and a desktop): {checked}");
        // In the world's state: a link whose token the test cannot have; a form that has answers offers a new
        // version instead of reordering; a flagged response is reviewed rather than marked as read; a volunteer
        // applicant's status link, whose key only their mail holds.
        let expected = [
            "/api/arrange_question",
            "/api/cancel_registration",
            "/api/mark_response_read",
            "/api/new_form_version",
            "/api/withdraw_application",
        ];
        let unexpected: Vec<&String> = absent.iter().filter(|a| !expected.contains(&a.as_str())).collect();
        assert!(unexpected.is_empty(), "forms not on their pages: {unexpected:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_comes_back_with_its_summary_first_and_focused_with_javascript() {
    every_form_comes_back_with_its_summary_first_and_focused(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_comes_back_with_its_summary_first_and_focused_without_javascript() {
    every_form_comes_back_with_its_summary_first_and_focused(Javascript::Off).await;
}
