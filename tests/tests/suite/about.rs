//! The pages an NHS service is expected to have: an accessibility statement, a privacy notice and a contact
//! page, linked from every footer, with the organisation's details from the settings.

use continuum_tests::{on_both_engines, spawn_app_with, Backend};

async fn every_footer_links_the_statement_notice_and_contact_page(backend: Backend) {
    let app = spawn_app_with(backend, |settings| {
        settings.organisation = "Northshire Mental Health NHS Trust".into();
        settings.contact_email = "involvement@northshire.example".into();
        settings.contact_phone = "01632 960 000".into();
        settings.data_protection_officer = "dpo@northshire.example".into();
    })
    .await;

    for path in ["/", "/get-involved", "/sign-in", "/accessibility"] {
        let page = app.anonymous_page(path).await;
        for link in ["href=\"/accessibility\"", "href=\"/privacy\"", "href=\"/contact\""] {
            assert!(page.contains(link), "{path} links {link}");
        }
    }
    let statement = app.anonymous_page("/accessibility").await;
    assert!(statement.contains("Accessibility statement"));
    assert!(statement.contains("Northshire Mental Health NHS Trust"));
    assert!(statement.contains("Public Sector Bodies (Websites and Mobile Applications)"));
    assert!(statement.contains("mailto:involvement@northshire.example"));
    let privacy = app.anonymous_page("/privacy").await;
    assert!(privacy.contains("data controller"));
    assert!(privacy.contains("dpo@northshire.example"));
    assert!(privacy.contains("internet address"), "it says what anonymous feedback does not keep");
    let contact = app.anonymous_page("/contact").await;
    assert!(contact.contains("href=\"tel:01632960000\""), "the phone number can be tapped");
    assert!(contact.contains("href=\"tel:116123\""), "and so can the crisis numbers");
}

on_both_engines!(every_footer_links_the_statement_notice_and_contact_page);
