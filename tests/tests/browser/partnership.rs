//! Browser journey on a phone-sized window (390×844): a lived-experience panel member signs the panel's
//! confidentiality agreement, declares no interest, scores a candidate on their own, sees that the scores are
//! sealed, and sees everyone's scores side by side only once the last member has submitted — with JavaScript
//! off and on. First a mistake (a score outside 0–4, then no evidence: the message beside the field, what was
//! typed kept); with JavaScript on, the sent scores show without the page being loaded again, and so does a
//! re-score at the discussion once the scores are side by side. axe-core checks
//! the panel page before the prerequisites, with the scoring form and with the scores side by side, and the
//! Partnership page as its staff see it.

use app::accounts::types::Role;
use continuum_tests::{
    browser::{
        assert_accessible, field, fill, press, wait_for_element, wait_for_hydration, wait_for_text, with_browser,
        Javascript,
    },
    date_fields, location, spawn_app,
    world::leaflet_form,
    Backend, TestApp, PASSWORD,
};
use fantoccini::Locator;
use reqwest::header;
use std::time::Duration;

async fn post(app: &TestApp, client: &reqwest::Client, function: &str, fields: &[(String, String)]) {
    let response = client
        .post(app.url(&format!("/api/{function}")))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/partnership"))
        .form(fields)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{function}: {}", response.status());
}

fn owned(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// A panel with a staff chair, a patient (the browser's) and a carer, all trained, one criterion and one
/// candidate; the chair and carer have agreed and declared none. Returns (panel id, chair, carer, criterion id,
/// candidate id).
async fn a_panel(app: &TestApp) -> (String, reqwest::Client, reqwest::Client, String, String) {
    let service = app.add_service("Personality Disorder Service").await;
    app.add_person("manager@example.org", "Grace Okafor", false, &[(&service, Role::Manager)]).await;
    let manager = app.client_signed_in_as("manager@example.org").await;
    let mut clients = Vec::new();
    for (email, name, role, sits) in [
        ("chair@example.org", "Priya Shah", Role::Staff, "staff"),
        ("pat@example.org", "Pat Reed", Role::Patient, "patient"),
        ("cam@example.org", "Cam Evans", Role::Carer, "carer"),
    ] {
        app.add_person(email, name, false, &[(&service, role)]).await;
        clients.push(app.client_signed_in_as(email).await);
        post(app, &manager, "add_to_panel_pool", &owned(&[("service_id", &service), ("email", email), ("sits", sits)]))
            .await;
        let pool_id: String = sqlx::query_scalar(
            "SELECT m.id FROM panel_pool_member m JOIN person p ON p.id = m.person_id WHERE p.email = $1",
        )
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        let mut fields = owned(&[("pool_member_id", &pool_id), ("may_chair", "yes")]);
        fields.extend(date_fields("trained_on", "2026-01-10"));
        fields.extend(date_fields("shadowed_on", "2026-02-10"));
        post(app, &manager, "record_panel_training", &fields).await;
    }
    let mut fields = owned(&[
        ("service_id", &service),
        ("post_kind", "staff_post"),
        ("post_title", "Clinical psychologist"),
        // Today from midnight: the panel has started, so it takes scores (it is set up today or later).
        ("sits_at", "00:00"),
        ("place", "Room 2"),
    ]);
    let day = app::clock::today_date().format("%Y-%m-%d").to_string();
    fields.extend(date_fields("sits_on", &day));
    let made = manager
        .post(app.url("/api/create_panel"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url("/partnership"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let panel = location(&made).trim_start_matches("/partnership/panels/").to_owned();
    let mut fields = owned(&[("panel_id", &panel), ("name", "Values"), ("minimum", "2")]);
    for n in 0..5 {
        fields.push((format!("means_{n}"), format!("Values at {n}")));
    }
    post(app, &manager, "add_panel_criterion", &fields).await;
    let criterion: String = sqlx::query_scalar("SELECT id FROM panel_criterion WHERE panel_id = $1")
        .bind(&panel)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for (index, email) in ["chair@example.org", "pat@example.org", "cam@example.org"].into_iter().enumerate() {
        let pool_id: String = sqlx::query_scalar(
            "SELECT m.id FROM panel_pool_member m JOIN person p ON p.id = m.person_id WHERE p.email = $1",
        )
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        let chair = if index == 0 { "yes" } else { "no" };
        post(
            app,
            &manager,
            "add_panel_member",
            &owned(&[("panel_id", &panel), ("pool_member_id", &pool_id), ("chair", chair)]),
        )
        .await;
    }
    let added = manager
        .post(app.url("/api/add_panel_candidate"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&format!("/partnership/panels/{panel}")))
        .multipart(leaflet_form(&[
            ("panel_id", panel.clone()),
            ("candidate_name", "Ash Green".into()),
            ("removed", "yes".into()),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let candidate: String = sqlx::query_scalar("SELECT id FROM panel_candidate WHERE panel_id = $1")
        .bind(&panel)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut clients = clients.into_iter();
    let (chair, _, carer) = (clients.next().unwrap(), clients.next(), clients.next().unwrap());
    for client in [&chair, &carer] {
        post(app, client, "agree_panel_confidentiality", &owned(&[("panel_id", &panel), ("agree", "yes")])).await;
        post(app, client, "declare_panel_interest", &owned(&[("panel_id", &panel), ("interest", "none")])).await;
    }
    (panel, chair, carer, criterion, candidate)
}

/// Asserts the message containing `text` sits in the same form group as the field labelled `label`.
async fn message_beside(browser: &fantoccini::Client, label: &str, text: &str) {
    let xpath = format!(
        "//label[normalize-space()='{label}']/parent::div[contains(@class, 'nhsuk-form-group--error')]\
         /*[contains(@class, 'nhsuk-error-message') and contains(normalize-space(), '{text}')]"
    );
    if let Err(waited) = wait_for_element(browser, Duration::from_secs(10), Locator::XPath(&xpath)).await {
        panic!("no message {text:?} beside {label:?} after {waited:?}");
    }
}

/// Clicks the label that reads `text` (a radio button or a checkbox, as a person taps it).
async fn choose(browser: &fantoccini::Client, text: &str) {
    let xpath = format!("//label[normalize-space()='{text}']");
    browser
        .find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no choice {text:?}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn a_member_scores_on_a_phone_and_sees_the_others_only_after_all_have(javascript: Javascript) {
    let app = spawn_app(Backend::Sqlite).await;
    let (panel, chair, carer, criterion, candidate) = a_panel(&app).await;
    let js = javascript == Javascript::On;
    let scores = |score: &str, evidence: &str| {
        owned(&[
            ("candidate_id", &candidate),
            (&format!("score[c-{candidate}_{criterion}]"), score),
            (&format!("evidence[c-{candidate}_{criterion}]"), evidence),
        ])
    };
    post(&app, &chair, "submit_panel_scores", &scores("4", "The chair's own evidence")).await;
    let (app, panel, criterion_id) = (&app, panel.as_str(), criterion.as_str());

    with_browser(javascript, |browser| async move {
        browser.set_window_size(390, 844).await.unwrap();
        browser.goto(&app.url("/sign-in")).await.unwrap();
        if js {
            wait_for_hydration(&browser).await;
        }
        fill(&browser, "Email address", "pat@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;

        browser.goto(&app.url(&format!("/partnership/panels/{panel}"))).await.unwrap();
        let page = wait_for_text(&browser, "Before you see anything").await;
        assert!(!page.contains("/partnership/packs/"), "no pack before the prerequisites");
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the panel page before the prerequisites").await;
        }
        choose(&browser, "I agree to keep this panel confidential").await;
        press(&browser, "Sign the agreement").await;
        wait_for_text(&browser, "Confidentiality agreement: signed.").await;
        choose(&browser, "I know none of the candidates").await;
        press(&browser, "Make my declaration").await;
        wait_for_text(&browser, "Shortlisting pack for Ash Green").await;
        if js {
            assert_accessible(&browser, "the panel page with the scoring form").await;
        }

        // A mistake first: a score outside 0–4. The message comes beside the field, with everything typed kept.
        fill(&browser, "Score for Values (0 to 4)", "7").await;
        fill(&browser, "Evidence for Values", "Spoke warmly about people who use the service").await;
        press(&browser, "Submit my scores for Ash Green").await;
        wait_for_text(&browser, "The score for \"Values\" must be a whole number from 0 to 4").await;
        message_beside(&browser, "Score for Values (0 to 4)", "must be a whole number from 0 to 4").await;
        assert_eq!(
            field(&browser, "Score for Values (0 to 4)").await.prop("value").await.unwrap().as_deref(),
            Some("7")
        );
        assert_eq!(
            field(&browser, "Evidence for Values").await.prop("value").await.unwrap().as_deref(),
            Some("Spoke warmly about people who use the service"),
        );
        // No evidence is a mistake too, said beside the evidence.
        fill(&browser, "Score for Values (0 to 4)", "3").await;
        field(&browser, "Evidence for Values").await.clear().await.unwrap();
        press(&browser, "Submit my scores for Ash Green").await;
        wait_for_text(&browser, "Enter the evidence for your score on \"Values\"").await;
        message_beside(&browser, "Evidence for Values", "Enter the evidence for your score on").await;
        assert_eq!(
            field(&browser, "Score for Values (0 to 4)").await.prop("value").await.unwrap().as_deref(),
            Some("3")
        );

        // With JavaScript on, what follows happens without the page being loaded again: a mark left on the
        // window survives only if it is not.
        if js {
            browser.execute("window.continuumNotReloaded = true;", vec![]).await.unwrap();
        }
        fill(&browser, "Evidence for Values", "Spoke warmly about people who use the service").await;
        press(&browser, "Submit my scores for Ash Green").await;
        let page = wait_for_text(&browser, "Scores are sealed until every member who scores this candidate has submitted: 2 members have submitted so far.").await;
        assert!(page.contains("Your scores (locked)"), "shown as sent");
        assert!(page.contains("Spoke warmly about people who use the service"), "their own scores, locked");
        assert!(!page.contains("The chair's own evidence"), "not the chair's, before everyone has submitted");
        assert!(!page.contains("Submit my scores for Ash Green"), "no second submission offered");
        if js {
            let kept = browser.execute("return window.continuumNotReloaded === true;", vec![]).await.unwrap();
            assert_eq!(kept, serde_json::Value::Bool(true), "the score showed as sent without a reload");
        }

        post(app, &carer, "submit_panel_scores", &scores("2", "The carer's own evidence")).await;
        browser.goto(&app.url(&format!("/partnership/panels/{panel}"))).await.unwrap();
        let page = wait_for_text(&browser, "Scores for Ash Green").await;
        assert!(page.contains("The chair's own evidence") && page.contains("The carer's own evidence"));
        assert!(page.contains("mean total: 2.5 of 4."), "the lived-experience view: (3 + 2) / 2");
        if js {
            wait_for_hydration(&browser).await;
            assert_accessible(&browser, "the panel page with the scores side by side").await;
            browser.execute("window.continuumNotReloaded = true;", vec![]).await.unwrap();
        }

        // A change at the discussion is a re-score, shown beside the original (without a reload with JavaScript on).
        field(&browser, "Criterion").await.select_by_value(criterion_id).await.unwrap();
        fill(&browser, "New score (0 to 4)", "4").await;
        fill(&browser, "Why it changed", "Their answer on peer support, heard again").await;
        press(&browser, "Record the re-score").await;
        let page = wait_for_text(&browser, "re-scored from 3: Their answer on peer support, heard again").await;
        assert!(page.contains("mean total: 3 of 4."), "the lived-experience view: (4 + 2) / 2");
        if js {
            let kept = browser.execute("return window.continuumNotReloaded === true;", vec![]).await.unwrap();
            assert_eq!(kept, serde_json::Value::Bool(true), "the re-score showed without a reload");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_scores_on_a_phone_without_javascript() {
    a_member_scores_on_a_phone_and_sees_the_others_only_after_all_have(Javascript::Off).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_scores_on_a_phone_with_javascript() {
    a_member_scores_on_a_phone_and_sees_the_others_only_after_all_have(Javascript::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_partnership_page_is_accessible_to_its_staff() {
    let app = spawn_app(Backend::Sqlite).await;
    a_panel(&app).await;
    let app = &app;
    with_browser(Javascript::On, |browser| async move {
        browser.goto(&app.url("/sign-in")).await.unwrap();
        wait_for_hydration(&browser).await;
        fill(&browser, "Email address", "manager@example.org").await;
        fill(&browser, "Password", PASSWORD).await;
        press(&browser, "Sign in").await;
        wait_for_text(&browser, "Sign out").await;
        browser.goto(&app.url("/partnership")).await.unwrap();
        wait_for_text(&browser, "Panel pool").await;
        wait_for_hydration(&browser).await;
        assert_accessible(&browser, "the Partnership page").await;

        // Setting up a panel with JavaScript on opens the new panel's page, as the plain POST's redirect does.
        choose(&browser, "A staff post").await;
        fill(&browser, "The post's title (for a staff post)", "Peer support worker").await;
        let day = app::clock::today_date() + chrono::Days::new(7);
        for (name, value) in date_fields("sits_on", &day.format("%Y-%m-%d").to_string()) {
            let control = browser.find(Locator::Id(&format!("create_panel--{name}"))).await.unwrap();
            control.clear().await.unwrap();
            control.send_keys(&value).await.unwrap();
        }
        fill(&browser, "Time it starts", "14:30").await;
        fill(&browser, "Where", "Room 4").await;
        press(&browser, "Set up the panel").await;
        wait_for_text(&browser, "Interview panel: Peer support worker").await;
        let address = browser.current_url().await.unwrap();
        assert!(address.path().starts_with("/partnership/panels/"), "on the new panel's page: {address}");
    })
    .await;
}
