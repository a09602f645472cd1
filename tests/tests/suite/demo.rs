//! `continuum seed-demo`: each capability's demonstration data goes in through its own domain functions and the
//! ledger API, and a second run adds nothing twice.

use continuum_tests::{on_both_engines, spawn_app, Backend};

async fn count(pool: &sqlx::AnyPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

async fn seed_demo_fills_every_capability_once(backend: Backend) {
    let app = spawn_app(backend).await;

    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let first = (
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity").await,
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await,
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM person").await,
    );
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    let second = (
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity").await,
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_response").await,
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM person").await,
    );

    assert_eq!(first, second, "a second run adds nothing");
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM feedback_form").await, 3);
    assert!(first.1 >= 300, "a year of responses");
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM focus_group").await, 1);
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").await, 1);
    for level in ["information", "consultation", "participation", "inclusion", "partnership"] {
        let n = sqlx::query_scalar::<_, i64>("SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE level = $1")
            .bind(level)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert!(n > 0, "demo activities at {level}");
    }
    // The demo records a form's opening as production does: nobody counted when it opens (the profile adds
    // the responses received, through consultation's API).
    let form_people = count(
        &app.pool,
        "SELECT CAST(COALESCE(SUM(patients + carers), 0) AS BIGINT) FROM activity WHERE source_type = 'feedback_form'",
    )
    .await;
    assert_eq!(form_people, 0);
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'leaflet'").await,
        1,
        "the demo leaflet is in the ledger, as a published leaflet is"
    );

    // The steering group: eight current members of all four types (and one past), a year of monthly meetings
    // held, each in the ledger with the people present; one was not quorate (one patient or carer member came).
    let today = app::clock::today();
    let current = format!(
        "SELECT CAST(COUNT(DISTINCT member_type) * 100 + COUNT(*) AS BIGINT) FROM group_member
         WHERE term_start <= '{today}' AND (term_end IS NULL OR term_end >= '{today}')"
    );
    assert_eq!(count(&app.pool, &current).await, 408, "eight current members of four types");
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM group_meeting WHERE status = 'held'").await, 12);
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'group_meeting' AND level = 'participation'").await,
        12
    );
    let thin = count(
        &app.pool,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'group_meeting' AND patients + carers < 2",
    )
    .await;
    assert_eq!(thin, 1, "one meeting was not quorate for want of patient and carer members");
    assert!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity_participant").await >= 12 * 5);

    // Their minutes: eleven approved and published with a public summary, last month's circulated; a numbered
    // decision each; actions done, one overdue and one open.
    let published = "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_minutes
        WHERE stage = 'published' AND summary_published_at IS NOT NULL";
    assert_eq!(count(&app.pool, published).await, 11);
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_minutes WHERE stage = 'circulated'").await,
        1
    );
    assert_eq!(count(&app.pool, "SELECT CAST(MAX(number) * 100 + COUNT(*) AS BIGINT) FROM group_decision").await, 1212);
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM group_action WHERE status = 'done'").await, 10);
    let overdue =
        format!("SELECT CAST(COUNT(*) AS BIGINT) FROM group_action WHERE status = 'open' AND due_on < '{today}'");
    assert_eq!(count(&app.pool, &overdue).await, 1, "one overdue action");
    let open =
        format!("SELECT CAST(COUNT(*) AS BIGINT) FROM group_action WHERE status = 'open' AND due_on >= '{today}'");
    assert_eq!(count(&app.pool, &open).await, 1, "one open action not yet due");

    // Papers: three on each meeting (one on its confidential item), each a real one-page PDF.
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_paper").await, 36);
    let paper: String = sqlx::query_scalar("SELECT content_base64 FROM meeting_paper ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let bytes = app::pdf::decode(&paper).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.4") && bytes.ends_with(b"%%EOF\n"), "a PDF");

    // "You said, we did": five published items, each traced to one of the service's comment themes and taken up
    // by a done action; all five on the public board.
    let traced = "SELECT CAST(COUNT(*) AS BIGINT) FROM you_said_we_did y
        JOIN service_theme t ON t.id = y.source_id AND t.service_id = y.service_id
        JOIN group_action a ON a.id = y.linked_id AND a.status = 'done'
        WHERE y.source_kind = 'theme' AND y.linked_kind = 'action' AND y.published_at IS NOT NULL";
    assert_eq!(count(&app.pool, traced).await, 5);
    let board = app.anonymous_page("/you-said-we-did/personality-disorder-service").await;
    assert_eq!(board.matches("<h2 class=\"nhsuk-heading-s\">You said</h2>").count(), 5, "{board}");
    assert!(board.contains("What people told us about: Waiting times") && board.contains("We could not"));

    // Volunteering: two roles, applications at every stage, each appointed one in the ledger (the first
    // slice's, and three more given checks).
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_role").await, 2);
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(DISTINCT stage) AS BIGINT) FROM volunteer_application").await, 8);
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'appointment' AND level = 'inclusion'"
        )
        .await,
        6,
        "the checks' volunteers, and slice 2's volunteer with a year of hours and peer co-facilitator"
    );
    // Checks: in date, one expiring within 30 days, and one lapsed whose volunteer is paused.
    let within_30 = format!(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_check WHERE superseded = 0 AND expires_on > '{today}'
         AND expires_on <= '{}'",
        (app::clock::today_date() + chrono::Duration::days(30)).format("%Y-%m-%d")
    );
    assert_eq!(count(&app.pool, &within_30).await, 1, "one check runs out within 30 days");
    let lapsed = format!("SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_check WHERE expires_on <= '{today}'");
    assert_eq!(count(&app.pool, &lapsed).await, 1, "one lapsed");
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_appointment WHERE status_reason = 'check lapsed'"
        )
        .await,
        1,
        "paused for it"
    );
    // A year of approved hours (a morning a week), and a course of eight sessions, seven co-delivered.
    let weeks = count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_hours WHERE session_id IS NULL").await;
    assert!((51..=53).contains(&weeks), "{weeks} weeks of hours");
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_hours WHERE status <> 'approved'").await,
        0
    );
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM course_session WHERE state = 'held'").await, 8);
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(DISTINCT f.session_id) AS BIGINT) FROM session_co_facilitator f
             JOIN course_session cs ON cs.id = f.session_id WHERE cs.state = 'held'"
        )
        .await,
        7
    );
    // One held with two co-facilitators with lived experience, and the next planned (not in the ledger).
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT session_id FROM session_co_facilitator
             GROUP BY session_id HAVING COUNT(*) = 2) two"
        )
        .await,
        1
    );
    let planned =
        format!("SELECT CAST(COUNT(*) AS BIGINT) FROM course_session WHERE state = 'planned' AND held_on > '{today}'");
    assert_eq!(count(&app.pool, &planned).await, 1);
    // The day-service application at interview is linked to a panel for its role (through partnership's API).
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_application a
             JOIN panel p ON p.id = a.interview_panel_id AND p.volunteer_role_id = a.role_id
             WHERE a.stage = 'interview' AND p.post_kind = 'volunteer_role'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'course_session'").await,
        7
    );

    // Panels: a pool with trained and untrained members, a decided panel (three candidates, sealed scores, an
    // outcome departing from the lived-experience view with its reason) in the ledger, and one mid-scoring.
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_pool_member").await, 5);
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_pool_member WHERE trained_on IS NULL").await,
        1
    );
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM panel WHERE decided_at IS NOT NULL").await, 1);
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM panel WHERE decided_at IS NULL AND post_kind = 'staff_post'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_candidate WHERE departure_reason <> ''").await,
        1
    );
    assert_eq!(
        count(
            &app.pool,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM activity WHERE source_type = 'panel' AND level = 'partnership'"
        )
        .await,
        1
    );
    let past_candidates = count(
        &app.pool,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_candidate c JOIN panel x ON x.id = c.panel_id
         WHERE x.decided_at IS NOT NULL",
    )
    .await;
    assert_eq!(past_candidates, 3, "three candidates on the past panel");

    // Involvement payments: a rate card, offers made from the ledger's participants (accepted, accepted at a
    // lower amount, declined) and expenses with receipts, added once.
    assert!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_rate").await >= 4);
    let answered = "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer WHERE status = 'accepted' AND accepted_pence = offered_pence";
    assert!(count(&app.pool, answered).await >= 1, "an offer accepted");
    let lowered = "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer WHERE status = 'accepted' AND accepted_pence < offered_pence";
    assert!(count(&app.pool, lowered).await >= 1, "an offer accepted at a lower amount");
    assert!(
        count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer WHERE status = 'declined'").await >= 1
    );
    // Steering group meetings are paid by the hour for their real length: 18:00 to 19:30 at £20.00 is £30.00.
    let hourly = "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer
        WHERE paid_minutes = 90 AND hourly_rate_pence = 2000 AND offered_pence = 3000";
    assert!(count(&app.pool, hourly).await >= 1, "a meeting offered for its real length");
    let receipted = "SELECT CAST(COUNT(*) AS BIGINT) FROM expense_claim WHERE receipt_base64 IS NOT NULL";
    assert_eq!(count(&app.pool, receipted).await, 2, "expenses with receipts");
    let offers = count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer").await;
    continuum::seed::seed_demo(&app.pool).await.unwrap();
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_offer").await, offers, "added once");
    assert_eq!(count(&app.pool, "SELECT CAST(COUNT(*) AS BIGINT) FROM expense_claim").await, 3);
}

on_both_engines!(seed_demo_fills_every_capability_once);
