//! The involvement report's Partnership section (issue 18 §1, issue 17): panels sat and the share with a
//! lived-experience member, outcomes that departed from their scores, and involvement payments offered,
//! accepted, declined and paid — and, in the Consultation section, the "you said, we did" items published —
//! against a hand-computed fixture on the page, in the CSV, in the summary sentences and in the PDF read back as
//! text, with the counts of people suppressed and the money withheld with them, over one service and over all.

use app::accounts::types::Role;
use continuum_tests::{london, on_both_engines, spawn_app_at, Backend, TestApp};

/// Runs one statement binding `binds` as text, in order.
async fn exec(app: &TestApp, sql: &str, binds: &[&str]) {
    let mut query = sqlx::query(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.execute(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

const AT: &str = "2026-06-01T09:00:00.000000Z";

/// A decided (or not) panel of `service` sitting on `day`, with a lived-experience member or a staff one,
/// and `departures` outcomes that departed from the lived-experience view.
async fn panel(app: &TestApp, service: &str, day: &str, decided: bool, lived: bool, departures: i64) {
    let id = app::db::new_id();
    let decided_at = if decided { Some("2026-10-01T09:00:00.000000Z") } else { None };
    sqlx::query(
        "INSERT INTO panel (id, service_id, post_kind, post_title, volunteer_role_id, sits_on, sits_at, place,
             no_lived_experience_reason, agreement_version, decided_at, data_deleted_at, created_at, created_by,
             departures)
         VALUES ($1, $2, 'staff_post', 'Peer support worker', NULL, $3, '10:00', 'Room 1', '', '1', $4, NULL, $5,
             NULL, $6)",
    )
    .bind(&id)
    .bind(service)
    .bind(day)
    .bind(decided_at)
    .bind(AT)
    .bind(departures)
    .execute(&app.pool)
    .await
    .expect("a panel");
    let person = app.add_person(&format!("{id}@example.org"), "Member", false, &[(service, Role::Patient)]).await;
    let pool_member = app::db::new_id();
    sqlx::query(
        "INSERT INTO panel_pool_member (id, service_id, person_id, taking_part_as, lived_experience, trained_on,
             shadowed_on, may_chair, access_needs, added_at)
         VALUES ($1, $2, $3, $4, $5, '2026-01-01', NULL, 0, '', $6)",
    )
    .bind(&pool_member)
    .bind(service)
    .bind(&person.id)
    .bind(if lived { "patient" } else { "staff" })
    .bind(app::db::flag(lived))
    .bind(AT)
    .execute(&app.pool)
    .await
    .expect("a pool member");
    exec(
        app,
        "INSERT INTO panel_member (id, panel_id, pool_member_id, is_chair, agreed_at, agreement_version, declared_at)
         VALUES ($1, $2, $3, 0, NULL, NULL, NULL)",
        &[&app::db::new_id(), &id, &pool_member],
    )
    .await;
}

/// An offer to `person` for `activity` on `day`: `offered` pence, then `status` with `accepted` pence, paid
/// or not.
async fn offer(
    app: &TestApp,
    service: &str,
    person: &str,
    activity: &str,
    day: &str,
    offered: i64,
    status: &str,
    accepted: Option<i64>,
    paid: bool,
) {
    sqlx::query(
        "INSERT INTO payment_offer (id, service_id, person_id, activity_id, activity_kind, title, happened_on,
             offered_pence, status, accepted_pence, decided_at, review, review_note, approved_at, paid_at, created_at)
         VALUES ($1, $2, $3, $4, 'steering_group_meeting', 'Steering group', $5, $6, $7, $8, NULL, $9, '', $10, $11,
             $12)",
    )
    .bind(app::db::new_id())
    .bind(service)
    .bind(person)
    .bind(activity)
    .bind(day)
    .bind(offered)
    .bind(status)
    .bind(accepted)
    .bind(if paid { "approved" } else { "pending" })
    .bind(paid.then_some("2026-10-02T09:00:00.000000Z"))
    .bind(paid.then_some("2026-10-03T09:00:00.000000Z"))
    .bind(AT)
    .execute(&app.pool)
    .await
    .expect("an offer");
}

/// A "you said, we did" item of `service`, on the board since `published` (an instant) or not published.
async fn you_said_we_did(app: &TestApp, service: &str, published: Option<&str>) {
    sqlx::query(
        "INSERT INTO you_said_we_did (id, service_id, source_kind, source_id, linked_kind, linked_id, you_said, we_did,
             status, published_at, created_at, updated_at)
         VALUES ($1, $2, 'theme', 'a-theme', 'action', 'an-action', 'Evening groups', 'We added one', 'done', $3, $4,
             $4)",
    )
    .bind(app::db::new_id())
    .bind(service)
    .bind(published)
    .bind(AT)
    .execute(&app.pool)
    .await
    .expect("a you said, we did item");
}

/// The fixture, for one service, with the clock on 15 October 2026 (the report's period is July to September
/// 2026, with April to June before it; local time is British Summer Time):
///
/// - Panels: 20 July decided with a lived-experience member and one departure; 10 August decided, staff only;
///   5 September not decided (not counted); 2 October decided (after the period); 1 May decided with a
///   lived-experience member. So July–September 2 panels, 1 with a lived-experience member (50%), 1
///   departure; April–June 1, 1 (100%), 0.
/// - Offers for a steering group on 15 July to seven people at £25.00: P1 accepted and paid, P2 accepted £20.00
///   and paid, P3 accepted and paid, P4 accepted £15.00 and paid, P5 accepted and paid, P6 declined, P7 not yet
///   answered; on 20 August P1 accepted £25.00 (not paid) and P6 declined; on 10 September P2 offered £30.00
///   (not answered). So 10 offers (£255.00), 6 accepted (£135.00), 2 declined, 5 paid (£110.00), counted as
///   people are (published 10, 5, fewer than 5, 5); people
///   offered 7 (published 5), accepting 5 (P1–P5), paid 5. April–June: on 10 June P1 and P2 offered £25.00,
///   P1 accepted and paid, P2 declined: 2 offers, 1 accepted, 1 declined, 1 paid; people 2, 1, 1, all "fewer
///   than 5", so every amount is withheld.
/// - "You said, we did": published 30 June 23:30 UTC (00:30 on 1 July, local: in the period), 1 August, 30
///   September 23:30 UTC (00:30 on 1 October local: not in it), 5 May, and one not published. So 2 and 1.
async fn seed(app: &TestApp, service: &str) {
    for (day, decided, lived, departures) in [
        ("2026-07-20", true, true, 1),
        ("2026-08-10", true, false, 0),
        ("2026-09-05", false, true, 0),
        ("2026-10-02", true, true, 0),
        ("2026-05-01", true, true, 0),
    ] {
        panel(app, service, day, decided, lived, departures).await;
    }
    let mut people = Vec::new();
    for n in 1..=7 {
        let email = format!("p{n}@example.org");
        people.push(app.add_person(&email, &format!("P{n}"), false, &[(service, Role::Patient)]).await.id);
    }
    let p = |n: usize| people[n - 1].as_str();
    let july = app.add_activity(service, "participation", "2026-07-15", 7, 0).await;
    let august = app.add_activity(service, "participation", "2026-08-20", 2, 0).await;
    let september = app.add_activity(service, "participation", "2026-09-10", 1, 0).await;
    let june = app.add_activity(service, "participation", "2026-06-10", 2, 0).await;
    for (person, status, accepted, paid) in [
        (1, "accepted", Some(2500), true),
        (2, "accepted", Some(2000), true),
        (3, "accepted", Some(2500), true),
        (4, "accepted", Some(1500), true),
        (5, "accepted", Some(2500), true),
        (6, "declined", None, false),
        (7, "offered", None, false),
    ] {
        offer(app, service, p(person), &july, "2026-07-15", 2500, status, accepted, paid).await;
    }
    offer(app, service, p(1), &august, "2026-08-20", 2500, "accepted", Some(2500), false).await;
    offer(app, service, p(6), &august, "2026-08-20", 2500, "declined", None, false).await;
    offer(app, service, p(2), &september, "2026-09-10", 3000, "offered", None, false).await;
    offer(app, service, p(1), &june, "2026-06-10", 2500, "accepted", Some(2500), true).await;
    offer(app, service, p(2), &june, "2026-06-10", 2500, "declined", None, false).await;
    for published in [
        Some("2026-06-30T23:30:00.000000Z"),
        Some("2026-08-01T10:00:00.000000Z"),
        Some("2026-09-30T23:30:00.000000Z"),
        Some("2026-05-05T10:00:00.000000Z"),
        None,
    ] {
        you_said_we_did(app, service, published).await;
    }
}

async fn text(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body").replace("<!>", "").replace("<!---->", ""))
}

/// The rows of a report table's CSV after its four lines of title, period, caption and header, up to the
/// small-numbers note.
fn rows(csv: &str) -> Vec<String> {
    csv.lines().skip(4).filter(|l| !l.contains("To protect privacy")).map(str::to_owned).collect()
}

/// The PDF's text with every run of white space made one space.
async fn pdf_text(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.expect("GET PDF");
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.expect("body");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back as text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn the_partnership_section_matches_the_fixture_on_the_page_csv_and_pdf(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let manager = app.person_signed_in("priya@example.org", &[(&service, Role::Manager)]).await;
    seed(&app, &service).await;
    let f = "fewer than 5";
    let w = "withheld";

    let (status, csv) =
        text(&manager, &app, &format!("/reports/involvement.csv?service_id={service}&table=payments")).await;
    assert_eq!(status, 200, "{csv}");
    assert_eq!(
        rows(&csv),
        [
            "Interview panels sat and decided,0,0,0,1,2".to_owned(),
            "Panels with a lived-experience member,0,0,0,1,1".to_owned(),
            "Share of panels with a lived-experience member,none sat,none sat,none sat,100%,50%".to_owned(),
            "Outcomes departing from the lived-experience scores,0,0,0,0,1".to_owned(),
            // Offers are each one person's: counted as people (reports, issue 18 tester's F3).
            format!("Payment offers made,{f},{f},{f},{f},10"),
            format!("Offers accepted,{f},{f},{f},{f},5"),
            format!("Offers declined,{f},{f},{f},{f},{f}"),
            format!("Offers paid,{f},{f},{f},{f},5"),
            format!("People offered payment,{f},{f},{f},{f},5"),
            format!("People who accepted payment,{f},{f},{f},{f},5"),
            format!("People paid,{f},{f},{f},{f},5"),
            format!("Amount offered,{w},{w},{w},{w},£255.00"),
            format!("Amount accepted,{w},{w},{w},{w},£135.00"),
            format!("Amount paid,{w},{w},{w},{w},£110.00"),
        ]
    );
    let (_, consultation) =
        text(&manager, &app, &format!("/reports/involvement.csv?service_id={service}&table=consultation")).await;
    assert!(
        consultation.lines().any(|l| l == "\"\"\"You said, we did\"\" items published\",0,0,0,1,2"),
        "the board's items by local day: {consultation}"
    );

    let (status, page) = text(&manager, &app, &format!("/reports/involvement?service_id={service}")).await;
    assert_eq!(status, 200);
    for sentence in [
        "2 interview panels sat (1 with a lived-experience member); 1 outcome departed from the lived-experience \
         members&#x27; scores.",
        "10 involvement payment offers were made for the period&#x27;s activities: 5 accepted, fewer than 5 \
         declined and 5 paid (£110.00 to 5 people).",
    ] {
        let plain = sentence.replace("&#x27;", "'");
        assert!(page.contains(sentence) || page.contains(&plain), "the summary says {plain:?}");
    }
    assert!(page.contains("2 items were published on the"), "the board's items in the summary");
    assert!(page.contains(">Panels and involvement payments<"), "the section's heading");
    assert!(page.contains(">£110.00<") && page.contains(">50%<"), "the table on the page");
    assert!(page.contains("Involvement payment offers for activities in Jul to Sep 2026"), "the chart's text");
    assert!(!page.contains("appear here when"), "no seam is left");
    // The chart: each bar's label with its count in the text alternative.
    assert!(page.contains("Made: 10; Accepted: 5; Declined: fewer than 5; Paid: 5"), "the chart's text alternative");

    let pdf = pdf_text(&manager, &app, &format!("/reports/involvement.pdf?service_id={service}")).await;
    for known in [
        "Panels and involvement payments",
        "Amount paid",
        "£110.00",
        "£255.00",
        "Outcomes departing from the lived-experience scores",
        "10 involvement payment offers were made",
    ] {
        // Compared without spaces: the text reader joins a wrapped line's words without one.
        let squeezed = |t: &str| t.split_whitespace().collect::<String>();
        assert!(squeezed(&pdf).contains(&squeezed(known)), "the PDF holds {known:?}: {pdf}");
    }
    assert!(!pdf.contains("£25.00"), "no one person's amount of April to June");
}

async fn over_all_services_an_amount_is_withheld_when_one_service_would_reveal_it(backend: Backend) {
    let app = spawn_app_at(backend, london("2026-10-15T12:00")).await;
    let service = app.add_service("Personality Disorder Service").await;
    let other = app.add_service("CAS Day Service").await;
    seed(&app, &service).await;
    // The other service paid three people £10.00 each for a meeting on 1 August: fewer than 5, withheld there.
    let meeting = app.add_activity(&other, "participation", "2026-08-01", 3, 0).await;
    for n in 1..=3 {
        let person = app.add_person(&format!("o{n}@example.org"), "O", false, &[(&other, Role::Patient)]).await;
        offer(&app, &other, &person.id, &meeting, "2026-08-01", 1000, "accepted", Some(1000), true).await;
    }
    app.add_person("admin@example.org", "Ada Admin", true, &[]).await;
    let admin = app.client_signed_in_as("admin@example.org").await;

    let (_, alone) = text(&admin, &app, &format!("/reports/involvement.csv?service_id={other}&table=payments")).await;
    let alone = rows(&alone);
    assert!(alone.contains(&"People paid,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5".to_owned()));
    assert!(alone.contains(&"Amount paid,withheld,withheld,withheld,withheld,withheld".to_owned()));

    let (status, all) = text(&admin, &app, "/reports/involvement.csv?service_id=all&table=payments").await;
    assert_eq!(status, 200, "{all}");
    let all = rows(&all);
    // People summed first, then published: 7 + 3 offered is 10; 5 + 3 paid is 8, published 10.
    assert!(all.contains(&"Offers paid,fewer than 5,fewer than 5,fewer than 5,fewer than 5,10".to_owned()), "{all:?}");
    assert!(all.contains(&"People offered payment,fewer than 5,fewer than 5,fewer than 5,fewer than 5,10".to_owned()));
    assert!(all.contains(&"People paid,fewer than 5,fewer than 5,fewer than 5,fewer than 5,10".to_owned()));
    // £140.00 over all services less the first service's £110.00 would give the other's £30.00 away.
    let paid = all.iter().find(|r| r.starts_with("Amount paid,")).expect("a row");
    assert_eq!(paid, "Amount paid,withheld,withheld,withheld,withheld,withheld");
    assert!(!all.iter().any(|r| r.contains("£140.00")), "{all:?}");
}

on_both_engines!(
    the_partnership_section_matches_the_fixture_on_the_page_csv_and_pdf,
    over_all_services_an_amount_is_withheld_when_one_service_would_reveal_it,
);
