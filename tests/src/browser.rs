//! Real headless Chromium, driven through chromedriver, for the browser journeys. Each browser gets a fresh
//! profile and its own chromedriver, and is closed even when the test fails (`with_browser`).
//!
//! Elements are found as a person finds them: fields by their label text, buttons by their words.

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

/// The form control whose label reads `label`.
pub async fn field(client: &Client, label: &str) -> Element {
    let label_element = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(&format!("//label[normalize-space()={}]", xpath_literal(label))))
        .await
        .unwrap_or_else(|e| panic!("no field labelled {label:?}: {e}"));
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
    if let Err(error) = client.wait().at_most(Duration::from_secs(10)).for_element(Locator::XPath(&xpath)).await {
        let source = client.source().await.unwrap_or_default();
        panic!("the page never showed {text:?} ({error}); it was:\n{source}");
    }
    client.source().await.expect("page source")
}

/// Waits until the page is ready for what JavaScript does: hydrated, or a light public page that loads no
/// script at all (`data-light`, see `app::routes::LIGHT_PAGES`), which is ready as soon as it is there.
pub async fn wait_for_hydration(client: &Client) {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("body[data-hydrated], body[data-light]"))
        .await
        .expect("the page hydrates (is target/site built? scripts/test runs cargo leptos build)");
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
