//! The involvement report on a 390×844 phone, with JavaScript off and on: it reads, no part of the page scrolls
//! sideways (its tables scroll inside their own regions), and axe-core (which needs JavaScript to run) finds
//! nothing wrong once the page has hydrated. Without JavaScript, the PDF link is a plain link to the PDF.

use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend,
};

async fn on_a_phone(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/sign-in")).await.unwrap();
        fill(&browser, "Email address", "priya.shah@demo.example").await;
        fill(&browser, "Password", continuum::seed::DEMO_PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Dr Priya Shah").await;

        browser.goto(&app.url("/reports/involvement")).await.unwrap();
        wait_for_text(&browser, "Involvement at each level").await;
        wait_for_text(&browser, "Trend over five periods").await;
        let sideways =
            browser.execute("return document.documentElement.scrollWidth - window.innerWidth;", vec![]).await.unwrap();
        let sideways: f64 = serde_json::from_value(sideways).unwrap();
        assert!(sideways <= 1.0, "the report scrolls sideways by {sideways} px");
        if javascript == Javascript::On {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the involvement report").await;
        } else {
            // The link the page was served with (no script ran) leads to the PDF.
            let link = browser
                .find(fantoccini::Locator::LinkText("Download the whole report as a PDF for a board pack"))
                .await
                .expect("a link to the PDF");
            let href = link.attr("href").await.unwrap().expect("an address");
            let client = continuum_tests::new_client();
            let signed_in = client
                .post(app.url("/api/sign_in"))
                .header(reqwest::header::ORIGIN, &app.address)
                .form(&[
                    ("email", "priya.shah@demo.example"),
                    ("password", continuum::seed::DEMO_PASSWORD),
                    ("next", "/"),
                ])
                .send()
                .await
                .unwrap();
            assert!(signed_in.status().is_redirection(), "signed in");
            let pdf = client.get(app.url(&href)).send().await.unwrap();
            assert_eq!(pdf.status(), 200, "{href}");
            assert_eq!(pdf.headers()["content-type"], "application/pdf");
            assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_involvement_report_reads_on_a_phone_without_javascript() {
    on_a_phone(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_involvement_report_reads_on_a_phone_and_is_accessible_with_javascript() {
    on_a_phone(Javascript::On).await;
}
