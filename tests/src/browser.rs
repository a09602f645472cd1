//! Real headless Chromium, driven through chromedriver, for the browser journeys. Each browser gets a fresh
//! profile and its own chromedriver, and is closed even when the test fails (`with_browser`).
//!
//! Elements are found as a person finds them: fields by their label text, buttons by their words.
//!
//! Every wait polls until a deadline that scales with the machine (`wait_until`): a generous base (a minute for
//! hydration, half a minute for an element) times `CONTINUUM_TEST_WAIT_SCALE` (default 1) times the load per
//! core, read again at every poll, so a busy shared CI machine stretches the deadline instead of failing a
//! test that was only slow. A quiet machine stops polling as soon as the page is ready.

use std::{future::Future, panic::AssertUnwindSafe, process::Stdio, time::Duration};

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use futures::FutureExt;
use serde_json::json;
use tokio::process::{Child, Command};

/// Whether the browser runs JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Javascript {
    On,
    Off,
}

struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn program(name: &str, fallback: &str) -> String {
    which(name).unwrap_or_else(|| fallback.to_owned())
}

fn which(name: &str) -> Option<String> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| format!("{dir}/{name}"))
        .find(|p| std::path::Path::new(p).exists())
}

impl Browser {
    async fn start(javascript: Javascript) -> Self {
        let driver_path = which("chromedriver")
            .expect("chromedriver is not installed (apt-get install chromium-driver): browser tests cannot run");
        let port = crate::SmtpSink::free_port().await;
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile folder");
        let mut prefs = json!({});
        if javascript == Javascript::Off {
            prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let options = json!({
            "binary": program("chromium", "/usr/bin/chromium"),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": prefs,
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        for _ in 0..100 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Self { client, driver, _profile: profile },
                Err(error) => last_error = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start Chromium through chromedriver: {last_error}");
    }

    async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill().await;
    }
}

/// Runs `test` with a fresh browser and closes the browser afterwards, whether the test passed or not.
pub async fn with_browser<F, Fut>(javascript: Javascript, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    let browser = Browser::start(javascript).await;
    let outcome = AssertUnwindSafe(test(browser.client.clone())).catch_unwind().await;
    browser.close().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// How long an element may take to appear on a quiet machine, before `wait_scale`.
pub const ELEMENT_WAIT: Duration = Duration::from_secs(30);
/// How long hydration may take on a quiet machine (the debug bundle is about 27 MB), before `wait_scale`.
pub const HYDRATION_WAIT: Duration = Duration::from_secs(60);
const POLL_EVERY: Duration = Duration::from_millis(100);

/// The 1-minute load average per core, from `/proc/loadavg` (1 where it cannot be read).
fn load_per_core() -> f64 {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1) as f64;
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().and_then(|l| l.parse::<f64>().ok()))
        .map_or(1.0, |load| load / cores)
}

/// How many times longer than on a quiet machine a browser wait may take: `CONTINUUM_TEST_WAIT_SCALE` (a
/// positive number, default 1) times the load per core when that is above 1. Never below 1.
pub fn wait_scale() -> f64 {
    let chosen = std::env::var("CONTINUUM_TEST_WAIT_SCALE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(1.0);
    (chosen * load_per_core().max(1.0)).max(1.0)
}

/// Polls `check` every 100 ms until it gives a value, or until `base × wait_scale()` has passed since the wait
/// began (the scale read afresh at every poll, so a machine that gets busier mid-wait extends it). Returns
/// how long it waited when it gives up.
pub async fn wait_until<T, F, Fut>(base: Duration, mut check: F) -> Result<T, Duration>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let started = std::time::Instant::now();
    loop {
        if let Some(value) = check().await {
            return Ok(value);
        }
        if started.elapsed() >= base.mul_f64(wait_scale()) {
            return Err(started.elapsed());
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
}

/// Waits (see `wait_until`) for an element, and returns it.
pub async fn wait_for_element(client: &Client, base: Duration, locator: Locator<'_>) -> Result<Element, Duration> {
    wait_until(base, || async { client.find(locator).await.ok() }).await
}

/// The form control whose label reads `label`.
pub async fn field(client: &Client, label: &str) -> Element {
    let xpath = format!("//label[normalize-space()={}]", xpath_literal(label));
    let label_element = wait_for_element(client, ELEMENT_WAIT, Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|waited| panic!("no field labelled {label:?} after {waited:?}"));
    let id = label_element
        .attr("for")
        .await
        .expect("label attribute")
        .unwrap_or_else(|| panic!("label {label:?} has no for="));
    client.find(Locator::Id(&id)).await.unwrap_or_else(|e| panic!("label {label:?} points at no control: {e}"))
}

/// Types into the field labelled `label`, replacing what was there.
pub async fn fill(client: &Client, label: &str, value: &str) {
    let control = field(client, label).await;
    control.clear().await.expect("clear");
    control.send_keys(value).await.expect("type");
}

/// Clicks the button that reads `text`.
pub async fn press(client: &Client, text: &str) {
    let button = client
        .find(Locator::XPath(&format!("//button[normalize-space()={}]", xpath_literal(text))))
        .await
        .unwrap_or_else(|e| panic!("no button {text:?}: {e}"));
    button.click().await.expect("click");
}

/// Waits until some element's text contains `text`, and returns the page source.
pub async fn wait_for_text(client: &Client, text: &str) -> String {
    let xpath = format!("//*[contains(normalize-space(), {})]", xpath_literal(text));
    if let Err(waited) = wait_for_element(client, ELEMENT_WAIT, Locator::XPath(&xpath)).await {
        let source = client.source().await.unwrap_or_default();
        panic!("the page never showed {text:?} (waited {waited:?}); it was:\n{source}");
    }
    client.source().await.expect("page source")
}

/// Waits until the page is ready for what JavaScript does: hydrated, or a light public page that loads no
/// script at all (`data-light`, see `app::routes::LIGHT_PAGES`), which is ready as soon as it is there.
pub async fn wait_for_hydration(client: &Client) {
    if let Err(waited) =
        wait_for_element(client, HYDRATION_WAIT, Locator::Css("body[data-hydrated], body[data-light]")).await
    {
        panic!("the page did not hydrate in {waited:?} (is target/site built? scripts/test runs cargo leptos build)");
    }
}

/// Runs axe-core on the current page and returns its violations, one line each.
pub async fn axe_violations(client: &Client) -> Vec<String> {
    let path = std::env::var("CONTINUUM_TEST_AXE")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../node_modules/axe-core/axe.min.js").to_owned());
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core not found at {path} (npm ci installs it): {e}"));
    client.execute(&source, vec![]).await.expect("load axe-core");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                 .then(r => done(r.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)))
                 .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(result).expect("axe violations")
}

/// Asserts axe-core finds nothing wrong on the current page.
pub async fn assert_accessible(client: &Client, page: &str) {
    let violations = axe_violations(client).await;
    assert!(violations.is_empty(), "axe-core found problems on {page}:\n{}", violations.join("\n"));
}

fn xpath_literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}
