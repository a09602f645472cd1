//! The Information level: safe pages, leaflets, events with registration, cancellation and reminders,
//! posters, and "Get involved".

use app::{accounts::types::Role, error::AppError};
use continuum_tests::{form_error, location, on_both_engines, spawn_app, token_in, Backend, TestApp};

/// A member of staff of a new service, signed in on the app's own client; returns the service id.
async fn staff(app: &TestApp) -> String {
    let service = app.add_service("CAS Day Service").await;
    app.add_person("grace@example.org", "Grace Okafor", false, &[(&service, Role::Staff)]).await;
    continuum_tests::assert_signed_in(app.sign_in("grace@example.org", continuum_tests::PASSWORD).await);
    service
}

async fn save_page(app: &TestApp, service: &str, title: &str, body: &str, published: bool) -> reqwest::Response {
    let mut fields =
        vec![("page_id", ""), ("service_id", service), ("title", title), ("summary", "About us"), ("body", body)];
    if published {
        fields.push(("published", "yes"));
    }
    app.post_form("/api/save_info_page", "/information/pages/new", &fields).await
}

/// An event `days_ahead` from today with `capacity` places; returns its slug.
async fn add_event(app: &TestApp, service: &str, days_ahead: i64, capacity: &str) -> String {
    let day = (app::clock::today_date() + chrono::Duration::days(days_ahead)).format("%Y-%m-%d").to_string();
    let response = app
        .post_form(
            "/api/save_event",
            "/information/events/new",
            &[
                ("event_id", ""),
                ("service_id", service),
                ("title", "Open day"),
                ("description", "Come and meet the team."),
                ("day_day", &day[8..10]),
                ("day_month", &day[5..7]),
                ("day_year", &day[..4]),
                ("start", "10:00"),
                ("end", "13:00"),
                ("place", "The day service, 1 High Street"),
                ("capacity", capacity),
            ],
        )
        .await;
    let to = location(&response);
    assert!(to.starts_with("/events/open-day-"), "{to} {:?}", form_error(response).await);
    to.trim_start_matches("/events/").to_owned()
}

async fn register(app: &TestApp, slug: &str, name: &str, email: &str) -> reqwest::Response {
    // A visitor who is not signed in.
    continuum_tests::new_client()
        .post(app.url("/api/register_for_event"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/events/{slug}")))
        .form(&[("event_slug", slug), ("name", name), ("email", email), ("access_needs", "A quiet room")])
        .send()
        .await
        .unwrap()
}

async fn a_markdown_page_with_script_and_javascript_links_renders_inert(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let body = "# Welcome\n\n<script>alert('x')</script>\n\n[Click](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this</a>\n\n<img src=x onerror=alert(3)>";

    let saved = save_page(&app, &service, "About the day service", body, true).await;

    assert_eq!(location(&saved), "/info/about-the-day-service");
    let page = app.anonymous_page("/info/about-the-day-service").await;
    let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
    assert!(main.contains("<h2>Welcome</h2>"));
    assert!(!main.contains("<script"), "no script element: {main}");
    assert!(!main.to_lowercase().contains("<a href=\"javascript"), "no javascript link: {main}");
    assert!(main.contains("&lt;a href=\"javascript:alert(2)\"&gt;"), "raw HTML is shown as text");
    assert!(!main.contains("<img"), "no image element: {main}");
    assert!(main.contains("&lt;script&gt;"), "the script is shown as text");
    assert!(main.contains("Click"), "a refused link keeps its words");
}

async fn a_draft_page_is_hidden_from_the_public_but_not_from_its_staff(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    save_page(&app, &service, "Draft page", "Not ready yet", false).await;

    assert_eq!(app.anonymous_get("/info/draft-page").await.status(), 404);
    assert!(app.page("/info/draft-page").await.contains("This page is a draft"));
    assert!(!app.anonymous_page("/get-involved").await.contains("Draft page"));
}

async fn upload(app: &TestApp, service: &str, file_name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("service_id", service.to_owned())
        .text("title", "What to expect")
        .text("summary", "Your first weeks with the service")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()).mime_str("application/pdf").unwrap(),
        );
    app.client
        .post(app.url("/api/upload_leaflet"))
        .header("origin", &app.address)
        .header("referer", app.url("/information/leaflets/new"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The same copy of the upload page sent twice (a retried upload) publishes one leaflet with one ledger activity;
/// a new copy of the page publishes another.
async fn a_repeated_upload_of_one_page_publishes_one_leaflet(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let token_of = |page: String| {
        continuum_tests::field_values(&page).into_iter().find(|(k, _)| k == "submission").map(|(_, v)| v).unwrap()
    };
    let send = |token: String| {
        let form = reqwest::multipart::Form::new()
            .text("submission", token)
            .text("service_id", service.clone())
            .text("title", "What to expect")
            .text("summary", "")
            .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("leaflet.pdf"));
        app.client
            .post(app.url("/api/upload_leaflet"))
            .header("origin", &app.address)
            .header("referer", app.url("/information/leaflets/new"))
            .multipart(form)
            .send()
    };
    let page = token_of(app.page("/information/leaflets/new").await);
    assert_ne!(page, "", "each copy of the page carries a token");

    let first = send(page.clone()).await.unwrap();
    let again = send(page.clone()).await.unwrap();

    assert_eq!(first.status(), 303);
    assert_eq!((again.status(), location(&again)), (first.status(), location(&first)), "sent on as the first was");
    let pool = app.pool.clone();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").await, 1);
    assert_eq!(count("SELECT CAST(COUNT(*) AS BIGINT) FROM activity").await, 1, "one ledger activity");
    let another = token_of(app.page("/information/leaflets/new").await);
    assert_ne!(another, page, "a fresh token in each copy");
    assert_eq!(send(another).await.unwrap().status(), 303);
    assert_eq!(count("SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").await, 2);
}

async fn an_oversized_or_non_pdf_upload_is_refused_with_a_clear_message(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;

    let not_pdf = upload(&app, &service, "photo.pdf", b"\x89PNG\r\n\x1a\nnot a pdf".to_vec()).await;
    let too_big =
        upload(&app, &service, "huge.pdf", [b"%PDF-1.7\n".as_slice(), &vec![b' '; 5 * 1024 * 1024]].concat()).await;

    assert_eq!(not_pdf.status(), 422, "the form comes back with its messages");
    let page = not_pdf.text().await.unwrap();
    let error = continuum_tests::error_on_page(422, &page);
    assert_eq!(error.field_errors()[0].field, "file");
    assert_eq!(error.field_errors()[0].message, "photo.pdf is not a PDF. Leaflets must be PDF files");
    assert_eq!(error.kept_value("title"), Some("What to expect"), "the title typed is kept");
    let error = form_error(too_big).await.expect("refused");
    assert_eq!(error.field_errors()[0].message, "The file must be smaller than 5 MB");
    assert!(page.contains("is not a PDF"), "the message shows on the form");
    let stored: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 0);
}

async fn a_published_leaflet_is_downloadable_and_recorded_in_the_ledger(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();

    let response = upload(&app, &service, "What to expect (v2).pdf", pdf.clone()).await;

    assert_eq!(location(&response), "/information?leaflet=1");
    let id: String = sqlx::query_scalar("SELECT id FROM leaflet").fetch_one(&app.pool).await.unwrap();
    let download = app.anonymous_get(&format!("/leaflets/{id}/leaflet.pdf")).await;
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
    let (level, kind): (String, String) =
        sqlx::query_as("SELECT level, kind FROM activity WHERE source_type = 'leaflet' AND source_id = $1")
            .bind(&id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((level.as_str(), kind.as_str()), ("information", "leaflet"));
    assert!(app.anonymous_page("/get-involved").await.contains("What to expect"));
}

async fn registration_is_open_up_to_capacity_and_refused_after(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 14, "2").await;

    for name in ["Jamie Reed", "Sam Taylor"] {
        let response = register(&app, &slug, name, "").await;
        assert!(location(&response).contains("?registered="), "{name} gets a place");
    }
    let third = register(&app, &slug, "Morgan Lee", "morgan@example.org").await;

    assert!(matches!(form_error(third).await, Some(AppError::Conflict(m)) if m.contains("full")));
    let page = app.anonymous_page(&format!("/events/{slug}")).await;
    assert!(page.contains("This event is full"));
    assert!(!page.contains("Register for a place"), "no form when there is no place");
    let staff_page = app.page(&format!("/information/events/{slug}")).await;
    assert!(
        staff_page.contains("Jamie Reed") && staff_page.contains("Sam Taylor") && staff_page.contains("A quiet room")
    );
    assert!(!staff_page.contains("Morgan Lee"));
}

async fn registering_twice_with_one_address_keeps_one_place_and_sends_the_confirmation_again(backend: Backend) {
    let app = continuum_tests::spawn_app_at(backend, chrono::Utc::now()).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 7, "10").await;
    let first = register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    assert_eq!(location(&first), format!("/events/{slug}?registered=1"), "no token in the address");
    let first_mail = app.mail_to("jamie@example.org").await;
    let mails_to_jamie =
        || async { app.mail.all().await.iter().filter(|m| m.to.iter().any(|t| t == "jamie@example.org")).count() };

    // Again at once: one place, told plainly, and no second mail yet (the last went out minutes ago).
    let again = register(&app, &slug, "Jamie Reed", "Jamie@Example.org").await;
    assert_eq!(again.status(), 303, "a success: the page says what happened");
    assert_eq!(location(&again), format!("/events/{slug}?registered=again-recently"));
    let page = app.anonymous_page(&location(&again)).await;
    assert!(page.contains("You already have a place at this event"), "told plainly");
    assert!(page.contains("We have already emailed your confirmation"), "{page}");
    let taken: i64 = sqlx::query_scalar("SELECT places_taken FROM event").fetch_one(&app.pool).await.unwrap();
    assert_eq!(taken, 1, "one place");
    let registrations: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM event_registration")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(registrations, 1, "one registration");

    // After the gap the confirmation is mailed again, with a link of its own; the first link still works.
    app.set_clock(chrono::Utc::now() + chrono::Duration::minutes(app::information::server::RESEND_GAP_MINUTES + 1));
    let later = register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    assert_eq!(location(&later), format!("/events/{slug}?registered=again"));
    assert!(app.anonymous_page(&location(&later)).await.contains("We have emailed your confirmation again"));
    let resent =
        continuum_tests::eventually(std::time::Duration::from_secs(15), || async { mails_to_jamie().await == 2 }).await;
    assert!(resent, "the confirmation is sent again");
    let latest =
        app.mail.all().await.into_iter().rev().find(|m| m.to.iter().any(|t| t == "jamie@example.org")).unwrap();
    for token in [token_in(&latest.body), token_in(&first_mail.body)] {
        assert!(app.anonymous_page(&format!("/events/cancel?token={token}")).await.contains("Cancel my place"));
    }

    // The public form cannot flood an inbox: at most five mailings again in all, however long apart.
    for step in 2..=9 {
        app.set_clock(
            chrono::Utc::now() + chrono::Duration::minutes(step * (app::information::server::RESEND_GAP_MINUTES + 1)),
        );
        register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    }
    let queued: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM outbox_mail WHERE to_address = 'jamie@example.org'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(queued, 1 + app::information::server::MOST_RESENDS, "the first and five again, no more");
}

async fn a_registration_is_confirmed_by_mail_and_cancelled_by_its_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 7, "1").await;

    register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    let mail = app.mail_to("jamie@example.org").await;
    assert!(mail.subject.contains("You are registered: Open day"));
    assert!(mail.body.contains("The day service, 1 High Street"));
    let token = token_in(&mail.body);
    assert!(app.anonymous_page(&format!("/events/cancel?token={token}")).await.contains("Cancel my place"));

    let cancelled = continuum_tests::new_client()
        .post(app.url("/api/cancel_registration"))
        .header("origin", &app.address)
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/events/cancel?token={token}")))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();

    assert_eq!(location(&cancelled), format!("/events/cancel?token={token}&done=1"));
    let page = app.anonymous_page(&format!("/events/cancel?token={token}")).await;
    assert!(page.contains("Your place has been cancelled"));
    let taken: i64 = sqlx::query_scalar("SELECT places_taken FROM event").fetch_one(&app.pool).await.unwrap();
    assert_eq!(taken, 0, "the place is free again");
    assert!(
        location(&register(&app, &slug, "Sam Taylor", "").await).contains("?registered="),
        "and someone else can have it"
    );
}

async fn a_reminder_is_mailed_the_day_before(backend: Backend) {
    let app = continuum_tests::spawn_app_at(backend, chrono::Utc::now()).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 10, "20").await;
    register(&app, &slug, "Jamie Reed", "jamie@example.org").await;
    register(&app, &slug, "No Email", "").await;
    let event_day = app::clock::today_date() + chrono::Duration::days(10);
    let day_before = |h| {
        let local = (event_day - chrono::Duration::days(1)).and_hms_opt(h, 0, 0).unwrap();
        app::clock::Clock::system(app::clock::DEFAULT_ZONE).instant_at(local)
    };

    app.set_clock(day_before(8));
    assert_eq!(app.queue_reminders().await, 0, "not before 09:00");
    app.set_clock(day_before(10));
    let queued = app.queue_reminders().await;
    app.set_clock(day_before(11));
    let again = app.queue_reminders().await;

    assert_eq!((queued, again), (1, 0), "one reminder, for the registration with an email, sent once");
    let reminder = app
        .mail
        .wait_for_subject("jamie@example.org", "Reminder: Open day is tomorrow", std::time::Duration::from_secs(15))
        .await;
    let token = token_in(&reminder.body);
    let page = app.anonymous_page(&format!("/events/cancel?token={token}")).await;
    assert!(page.contains("Cancel my place"), "the reminder's own link cancels too");
}

async fn holding_an_event_records_an_information_activity(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 3, "30").await;
    let event_id: String = sqlx::query_scalar("SELECT id FROM event").fetch_one(&app.pool).await.unwrap();

    let response = app
        .post_form(
            "/api/record_event_held",
            "/information/events/x",
            &[("event_id", &event_id), ("patients", "14"), ("carers", "5"), ("staff", "4"), ("others", "")],
        )
        .await;

    assert_eq!(location(&response), format!("/information/events/{slug}?held=1"));
    let (level, patients, carers): (String, i64, i64) =
        sqlx::query_as("SELECT level, patients, carers FROM activity WHERE source_type = 'event' AND source_id = $1")
            .bind(&event_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((level.as_str(), patients, carers), ("information", 14, 5));
}

async fn posters_carry_a_qr_code_and_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 5, "10").await;
    save_page(&app, &service, "Groups we run", "Our groups", true).await;

    let event_poster = app.anonymous_page(&format!("/posters/events/{slug}")).await;
    let page_poster = app.anonymous_page("/posters/info/groups-we-run").await;

    for poster in [&event_poster, &page_poster] {
        assert!(poster.contains("<svg"), "a QR code");
        assert!(poster.contains("Scan the code"));
    }
    assert!(event_poster.contains(&format!("http://127.0.0.1/events/{slug}")), "the link beneath the code");
    assert!(page_poster.contains("http://127.0.0.1/info/groups-we-run"));
    assert_eq!(app.anonymous_get("/posters/events/no-such-event").await.status(), 404);
}

async fn get_involved_lists_what_is_open_now_and_patients_cannot_manage_information(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    add_event(&app, &service, 5, "10").await;
    save_page(&app, &service, "Groups we run", "Our groups", true).await;
    let patient = app.person_signed_in("jamie@example.org", &[(&service, Role::Patient)]).await;

    let page = app.anonymous_page("/get-involved").await;

    assert!(page.contains("Open day") && page.contains("Groups we run"));
    for level in ["Information", "Consultation", "Participation", "Inclusion", "Partnership"] {
        assert!(page.contains(level), "{level}");
    }
    assert_eq!(patient.get(app.url("/information")).send().await.unwrap().status(), 403);
    let sneaky = patient
        .post(app.url("/api/save_info_page"))
        .header("origin", &app.address)
        .header("referer", app.url("/information"))
        .form(&[("page_id", ""), ("service_id", service.as_str()), ("title", "Sneaky"), ("summary", ""), ("body", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(form_error(sneaky).await, Some(AppError::Forbidden));
}

async fn a_past_event_offers_no_registration_and_refuses_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, -2, "10").await;

    let page = app.anonymous_page(&format!("/events/{slug}")).await;
    let response = register(&app, &slug, "Jamie Reed", "").await;

    assert!(page.contains("This event has already taken place"));
    assert!(!page.contains("Register for a place"));
    let error = form_error(response).await;
    assert!(matches!(&error, Some(AppError::Conflict(m)) if m.contains("already happened")), "{error:?}");
}

/// The cancellation link never travels in an address: after a plain POST the event page's address says only
/// "registered", and the browser that took the place shows the link from a short-lived cookie; another browser
/// opening the same address (a shared computer's history, later) sees no link.
async fn the_cancellation_link_is_shown_only_to_the_browser_that_registered(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 7, "10").await;
    let visitor = continuum_tests::new_client();
    let form_page = visitor.get(app.url(&format!("/events/{slug}"))).send().await.unwrap().text().await.unwrap();
    let (_, submission) = continuum_tests::field_values(&form_page)
        .into_iter()
        .find(|(k, _)| k == "submission")
        .expect("the form's single-use token");

    let registered = visitor
        .post(app.url("/api/register_for_event"))
        .header("origin", &app.address)
        .header("referer", app.url(&format!("/events/{slug}")))
        .form(&[
            ("event_slug", slug.as_str()),
            ("name", "Sam Taylor"),
            ("email", ""),
            ("access_needs", ""),
            ("submission", submission.as_str()),
        ])
        .send()
        .await
        .unwrap();

    let to = location(&registered);
    assert_eq!(to, format!("/events/{slug}?registered=1"));
    let cookie = registered.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Path=/events") && cookie.contains("Max-Age=3600"),
        "{cookie}"
    );
    let token = continuum_tests::place_token(&registered).expect("the place's token, in the cookie");
    let mine = visitor.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains("You are registered"));
    assert!(mine.contains(&format!("/events/cancel?token={token}")), "the browser that registered sees its link");
    let theirs = app.anonymous_page(&to).await;
    assert!(theirs.contains("You are registered"));
    assert!(!theirs.contains(&token) && !theirs.contains("/events/cancel?token="), "another browser sees no link");
    let kept: Vec<String> = sqlx::query_scalar("SELECT next FROM submission").fetch_all(&app.pool).await.unwrap();
    assert_eq!(kept, vec![to], "the submission's answer is kept, without the token");
}

/// What everyone is told of an event: the words beside "Places" on its public page, the page, and what the
/// public server function behind the page gives anyone who calls it.
async fn told_of(app: &TestApp, slug: &str) -> (String, String, serde_json::Value) {
    let page = app.anonymous_page(&format!("/events/{slug}")).await;
    let data = continuum_tests::new_client()
        .post(app.url("/api/get_event"))
        .header("origin", &app.address)
        .header("accept", "application/json")
        .form(&[("slug", slug)])
        .send()
        .await
        .unwrap();
    assert_eq!(data.status(), 200);
    let data: serde_json::Value = data.json().await.unwrap();
    let cleaned = page.replace("<!>", "").replace("<!---->", "");
    let row = cleaned.split(">Places</dt>").nth(1).unwrap_or_else(|| panic!("no Places row: {page}"));
    let value = row.split("nhsuk-summary-list__value\">").nth(1).unwrap();
    (value[..value.find("</dd>").unwrap()].trim().to_owned(), page, data)
}

async fn the_public_is_told_places_left_in_words_never_a_count_of_who_registered(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = staff(&app).await;
    let slug = add_event(&app, &service, 7, "8").await;

    let mut told = Vec::new();
    for (registered, name) in [(0, ""), (3, "Jamie"), (4, "Sam"), (7, "Morgan"), (8, "Alex")] {
        let taken: i64 = sqlx::query_scalar("SELECT places_taken FROM event").fetch_one(&app.pool).await.unwrap();
        for n in taken..registered {
            let response = register(&app, &slug, &format!("{name} {n}"), "").await;
            assert!(location(&response).contains("?registered="), "a place for {name} {n}");
        }
        let (places, page, data) = told_of(&app, &slug).await;
        for key in ["capacity", "places_taken", "places_left"] {
            assert!(data.get(key).is_none(), "the public server function gives no {key}: {data}");
        }
        assert!(!page.contains("of 8") && !page.contains("8 places"), "the page never gives the capacity: {page}");
        told.push(places);
    }

    assert_eq!(
        told,
        [
            "Places available",
            "Places available",
            "Fewer than 5 places left",
            "Fewer than 5 places left",
            "Full: there are no places left"
        ],
        "three bands, none a number that gives the people registered (0, 3, 4, 7 and 8 of 8)"
    );
    let staff_page = app.page(&format!("/information/events/{slug}")).await;
    assert!(staff_page.contains("8 of 8 places taken"), "staff keep the exact figures");
}

on_both_engines!(
    the_cancellation_link_is_shown_only_to_the_browser_that_registered,
    the_public_is_told_places_left_in_words_never_a_count_of_who_registered,
    a_past_event_offers_no_registration_and_refuses_one,
    a_markdown_page_with_script_and_javascript_links_renders_inert,
    a_draft_page_is_hidden_from_the_public_but_not_from_its_staff,
    an_oversized_or_non_pdf_upload_is_refused_with_a_clear_message,
    a_published_leaflet_is_downloadable_and_recorded_in_the_ledger,
    registration_is_open_up_to_capacity_and_refused_after,
    a_registration_is_confirmed_by_mail_and_cancelled_by_its_link,
    registering_twice_with_one_address_keeps_one_place_and_sends_the_confirmation_again,
    a_repeated_upload_of_one_page_publishes_one_leaflet,
    a_reminder_is_mailed_the_day_before,
    holding_an_event_records_an_information_activity,
    posters_carry_a_qr_code_and_the_link,
    get_involved_lists_what_is_open_now_and_patients_cannot_manage_information,
);
