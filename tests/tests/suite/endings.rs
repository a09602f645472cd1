//! Everything that ends closes what points to it: a closed form's poster, a past event's poster and
//! cancellation link, reset links after a password change, and the links of a disabled account say so plainly
//! and take no action. Links in mail and on posters keep the base URL's path.

use std::time::Duration;

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{
    form_error, location, london, on_both_engines, spawn_app, spawn_app_at, spawn_app_with, token_in, Backend, TestApp,
    PASSWORD,
};

const MAIL: Duration = Duration::from_secs(15);

async fn staff(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", PASSWORD).await);
    service
}

async fn add_event(app: &TestApp, service: &str, day: &str) -> String {
    let response = app
        .post_form(
            "/api/save_event",
            "/information/events/new",
            &[
                ("event_id", ""),
                ("service_id", service),
                ("title", "Open day"),
                ("description", ""),
                ("day_day", &day[8..10]),
                ("day_month", &day[5..7]),
                ("day_year", &day[..4]),
                ("start", "10:00"),
                ("end", "13:00"),
                ("place", "The day service"),
                ("capacity", "20"),
            ],
        )
        .await;
    let to = location(&response);
    assert!(to.starts_with("/events/"), "{to} {:?}", form_error(response).await);
    to.trim_start_matches("/events/").to_owned()
}

async fn register(app: &TestApp, slug: &str, email: &str) -> reqwest::Response {
    continuum_tests::new_client()
        .post(app.url("/api/register_for_event"))
        .header("origin", &app.address)
        .form(&[("event_slug", slug), ("name", "Jamie Reed"), ("email", email), ("access_needs", "")])
        .send()
        .await
        .unwrap()
}

async fn links_in_mail_and_on_posters_keep_the_base_urls_path(backend: Backend) {
    let base = "https://intranet.example.nhs.uk/continuum/";
    let app = spawn_app_with(backend, |settings| settings.base_url = url::Url::parse(base).unwrap()).await;
    let service = staff(&app).await;
    let day = (app::clock::today_date() + chrono::Duration::days(20)).format("%Y-%m-%d").to_string();
    let slug = add_event(&app, &service, &day).await;

    register(&app, &slug, "jamie@example.org").await;
    let confirmation = app.mail.wait_for_subject("jamie@example.org", "You are registered: Open day", MAIL).await;
    let poster = app.anonymous_page(&format!("/posters/events/{slug}")).await;
    app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "grace@example.org")]).await;
    let reset = app.mail_to("grace@example.org").await;

    assert!(confirmation.body.contains(&format!("{base}events/cancel?token=")), "{}", confirmation.body);
    assert!(poster.contains(&format!("{base}events/{slug}")), "the poster's QR address keeps /continuum/");
    assert!(reset.body.contains(&format!("{base}reset-password?token=")), "{}", reset.body);
}

async fn a_closed_forms_poster_says_so_and_has_no_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("Personality Disorder Service").await;
    let staff = app.person_signed_in("sam@example.org", &[(&service, Role::Staff)]).await;
    let form = app.open_feedback_form(&staff, &service, "DBT skills group", "fft", "anonymous").await;
    let poster = format!("/posters/f/{}", form.slug);
    assert!(app.anonymous_page(&poster).await.contains("continuum-poster__qr"), "an open form's poster has a code");

    let closed = staff
        .post(app.url("/api/set_form_state"))
        .header("origin", &app.address)
        .form(&[("form_id", form.id.as_str()), ("state", "closed"), ("open_until", "")])
        .send()
        .await
        .unwrap();
    assert!(closed.status().is_redirection(), "{:?}", form_error(closed).await);

    let page = app.anonymous_page(&poster).await;
    assert!(page.contains("This feedback form is closed."), "{page}");
    assert!(!page.contains("continuum-poster__qr"), "no code leads to a form that takes nothing");
    assert!(!page.contains(&format!("/f/{}", form.slug)), "nor an address");
}

async fn a_past_events_poster_and_cancellation_link_say_so_and_change_nothing(backend: Backend) {
    let app = spawn_app_at(backend, london("2027-05-01T12:00")).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, "2027-05-10").await;
    let token = continuum_tests::place_token(&register(&app, &slug, "").await).expect("a place, and its cookie");

    app.set_clock(london("2027-05-10T13:30"));
    let poster = app.anonymous_page(&format!("/posters/events/{slug}")).await;
    let cancel_page = app.anonymous_page(&format!("/events/cancel?token={token}")).await;
    let cancel = continuum_tests::new_client()
        .post(app.url("/api/cancel_registration"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/events/cancel?token={token}")))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();

    assert!(poster.contains("This event has already happened."), "{poster}");
    assert!(!poster.contains("continuum-poster__qr"));
    assert!(cancel_page.contains("This event has already happened"), "{cancel_page}");
    assert!(!cancel_page.contains("Cancel my place"));
    let error = form_error(cancel).await;
    assert!(matches!(&error, Some(AppError::Conflict(_))), "{error:?}");
    let (taken, cancelled): (i64, i64) = sqlx::query_as(
        "SELECT places_taken, (SELECT CAST(COUNT(*) AS BIGINT) FROM event_registration WHERE cancelled_at IS NOT NULL) FROM event",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((taken, cancelled), (1, 0), "nothing changed");
}

async fn changing_a_password_voids_reset_links_still_unused(backend: Backend) {
    let app = spawn_app(backend).await;
    let person = app.sign_in_as(Role::Staff).await;
    app.post_form("/api/request_password_reset", "/forgot-password", &[("email", &person.email)]).await;
    let token = token_in(&app.mail_to(&person.email).await.body);

    let changed = app
        .post_form(
            "/api/change_my_password",
            "/account",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a fresh long password"),
                ("confirm_password", "a fresh long password"),
            ],
        )
        .await;
    assert_eq!(location(&changed), "/account?saved=password");
    let reset = app
        .post_form(
            "/api/reset_password",
            &format!("/reset-password?token={token}"),
            &[
                ("token", &token),
                ("password", "someone else's password"),
                ("confirm_password", "someone else's password"),
            ],
        )
        .await;

    let error = form_error(reset).await;
    assert!(matches!(&error, Some(AppError::Conflict(_))), "{error:?}");
    assert!(app.page(&format!("/reset-password?token={token}")).await.contains("expired or has already been used"));
    continuum_tests::assert_signed_in(app.sign_in(&person.email, "a fresh long password").await);
}

async fn disabling_an_account_voids_its_invitation(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    app.sign_in_as_admin().await;
    let invited = app
        .post_form(
            "/api/invite_person",
            "/admin/people",
            &[("email", "nia@example.org"), ("name", "Nia Volunteer"), ("service_id", &service), ("role", "volunteer")],
        )
        .await;
    assert!(location(&invited).contains("invited=1"));
    let token = token_in(&app.mail_to("nia@example.org").await.body);
    let person_id: String =
        sqlx::query_scalar("SELECT id FROM person WHERE email = 'nia@example.org'").fetch_one(&app.pool).await.unwrap();

    app.post_form("/api/set_account_disabled", "/admin/people", &[("person_id", &person_id), ("disabled", "true")])
        .await;
    let accept = continuum_tests::new_client()
        .post(app.url("/api/accept_invitation"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/invitation?token={token}")))
        .form(&[
            ("token", token.as_str()),
            ("name", "Nia Jones"),
            ("password", "a long new password"),
            ("confirm_password", "a long new password"),
        ])
        .send()
        .await
        .unwrap();

    let error = form_error(accept).await;
    assert!(matches!(&error, Some(AppError::Conflict(_))), "{error:?}");
    let hash: Option<String> = sqlx::query_scalar("SELECT password_hash FROM person WHERE id = $1")
        .bind(&person_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(hash, None, "no password was set");
}

on_both_engines!(
    links_in_mail_and_on_posters_keep_the_base_urls_path,
    a_closed_forms_poster_says_so_and_has_no_code,
    a_past_events_poster_and_cancellation_link_say_so_and_change_nothing,
    changing_a_password_voids_reset_links_still_unused,
    disabling_an_account_voids_its_invitation,
);
