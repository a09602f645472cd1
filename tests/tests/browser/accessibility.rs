//! axe-core in real Chromium on the foundation's pages: home, sign-in, and the administrator's people pages.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{assert_accessible, fill, press, wait_for_hydration, wait_for_text, with_browser, Javascript},
    spawn_app, Backend, PASSWORD,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violations_on_home_sign_in_and_user_admin_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    app.add_person("admin@example.org", "Ada Admin", true, &[]).await;

    with_browser(Javascript::On, |browser| async move {
        browser.goto(&app.url("/")).await.unwrap();
        wait_for_hydration(&browser).await;
        assert_accessible(&browser, "the home page").await;

        browser.goto(&app.url("/sign-in")).await.unwrap();
        wait_for_hydration(&browser).await;
        assert_accessible(&browser, "the sign-in page").await;
        // The sign-in page with its error summary showing.
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "There is a problem").await;
        assert_accessible(&browser, "the sign-in page with errors").await;

        fill(&browser, "Email address", "admin@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Ada Admin").await;

        browser.goto(&app.url("/admin/people")).await.unwrap();
        wait_for_text(&browser, "Invite someone").await;
        assert_accessible(&browser, "the people page").await;

        browser.goto(&app.url("/admin/services")).await.unwrap();
        wait_for_text(&browser, "Add a service").await;
        assert_accessible(&browser, "the services page").await;

        let grace = browser.find(fantoccini::Locator::LinkText("Grace Okafor")).await;
        assert!(grace.is_err(), "the services page lists services, not people");
        browser.goto(&app.url("/admin/people")).await.unwrap();
        browser.find(fantoccini::Locator::LinkText("Grace Okafor")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "Add a role").await;
        assert_accessible(&browser, "a person's page").await;

        browser.goto(&app.url("/account")).await.unwrap();
        wait_for_text(&browser, "Change your password").await;
        assert_accessible(&browser, "the account page").await;
    })
    .await;
}
