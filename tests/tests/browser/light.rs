//! Light public pages: the pages patients open from a poster or a text message load no WebAssembly, with
//! JavaScript on, and weigh no more than 60 KB compressed in all (HTML, stylesheets and anything else they
//! load); a staff page still hydrates.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, wait_for_hydration, with_browser, Javascript},
    spawn_app, Backend,
};
use fantoccini::Locator;

/// Every resource the page loaded (URL and compressed bytes), and the page itself.
const RESOURCES: &str = "return [performance.getEntriesByType('navigation'), performance.getEntriesByType('resource')]
    .flat().map(e => [e.name, e.encodedBodySize || 0]);";

/// How many `@font-face` rules the page's stylesheets hold.
const FONT_FACES: &str =
    "return [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch (e) { return []; } })
    .filter(r => r instanceof CSSFontFaceRule).length;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_load_no_webassembly_and_stay_under_60_kb() {
    let app = spawn_app(Backend::Sqlite).await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let event: String =
        sqlx::query_scalar("SELECT slug FROM event ORDER BY starts_at LIMIT 1").fetch_one(&app.pool).await.unwrap();
    let summary: String = sqlx::query_scalar(
        "SELECT meeting_id FROM meeting_minutes WHERE summary_published_at IS NOT NULL ORDER BY meeting_id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let pages = [
        "/".to_owned(),
        "/get-involved".to_owned(),
        "/info/about-the-personality-disorder-service".to_owned(),
        format!("/events/{event}"),
        "/sign-in".to_owned(),
        "/forgot-password".to_owned(),
        "/f/dbt-skills-group".to_owned(),
        "/accessibility".to_owned(),
        "/privacy".to_owned(),
        "/contact".to_owned(),
        // An address that names nothing: the 404 page is as light as the pages it stands in for.
        "/no/such/page".to_owned(),
        format!("/events/{event}-gone"),
        "/volunteer".to_owned(),
        // The volunteer application form: at most 30 KB (issue 16), as the feedback form aims.
        "/volunteer/day-service-volunteer".to_owned(),
        // "You said, we did": the board of every service and of one, its poster, and a public meeting summary.
        "/you-said-we-did".to_owned(),
        "/you-said-we-did/personality-disorder-service".to_owned(),
        "/posters/you-said-we-did/personality-disorder-service".to_owned(),
        format!("/participation/summaries/{summary}"),
    ];

    with_browser(Javascript::On, |browser| async move {
        for page in &pages {
            browser.goto(&app.url(page)).await.unwrap();
            wait_for_hydration(&browser).await;
            let loaded = browser.execute(RESOURCES, vec![]).await.unwrap();
            let loaded: Vec<(String, u64)> = serde_json::from_value(loaded).unwrap();
            let scripts: Vec<&String> = loaded
                .iter()
                .map(|(url, _)| url)
                .filter(|url| url.ends_with(".wasm") || url.ends_with(".js"))
                .collect();
            assert!(scripts.is_empty(), "{page} loads no script: {scripts:?}");
            let bytes: u64 = loaded.iter().map(|(_, size)| size).sum();
            eprintln!("{page}: {bytes} bytes compressed in {} requests", loaded.len());
            assert!(bytes > 10_000, "the page and its stylesheets were measured: {loaded:?}");
            let limit = if page.starts_with("/volunteer/") { 30 * 1024 } else { 60 * 1024 };
            assert!(bytes <= limit, "{page} transfers {bytes} bytes compressed: {loaded:?}");
            // No stylesheet asks for a font the content security policy would refuse (an error on every page).
            let fonts = browser.execute(FONT_FACES, vec![]).await.unwrap();
            assert_eq!(fonts, serde_json::json!(0), "{page}: @font-face rules would request fonts from elsewhere");
            assert_accessible(&browser, page).await;
        }

        // A staff page still loads the bundle and hydrates.
        let staff = app.add_service("Staff test service").await;
        app.add_person("grace@example.org", "Grace Okafor", false, &[(&staff, Role::Staff)]).await;
        browser.goto(&app.url("/sign-in")).await.unwrap();
        continuum_tests::browser::fill(&browser, "Email address", "grace@example.org").await;
        continuum_tests::browser::fill(&browser, "Password", continuum_tests::PASSWORD).await;
        continuum_tests::browser::press(&browser, "Sign in").await;
        continuum_tests::browser::wait_for_text(&browser, "Grace Okafor").await;
        browser.goto(&app.url("/ledger")).await.unwrap();
        continuum_tests::browser::wait_for_element(
            &browser,
            continuum_tests::browser::HYDRATION_WAIT,
            Locator::Css("body[data-hydrated]"),
        )
        .await
        .expect("a staff page hydrates");
    })
    .await;
}
