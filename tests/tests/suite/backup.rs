//! Back-up and restore of a SQLite deployment: `continuum backup` copies the running database while
//! feedback keeps arriving, and every response acknowledged before the copy began is in it; `continuum
//! restore` puts the copy back, and a server started on it has them all. (PostgreSQL is backed up with
//! `pg_dump`, see the README.)

use std::{collections::HashSet, sync::Arc};

use app::accounts::types::Role;
use continuum_tests::{spawn_app, spawn_app_with, Backend};

/// Anonymous clients submitting while the back-up runs, and how many each submits.
const SUBMITTERS: usize = 4;
const EACH: usize = 60;

async fn comments_in(url: &str) -> HashSet<String> {
    let pool = continuum::db::connect(url, continuum::db::DatabaseOptions::default()).await.expect("open");
    let values: Vec<String> = sqlx::query_scalar("SELECT value FROM feedback_answer WHERE value LIKE 'comment %'")
        .fetch_all(&pool)
        .await
        .expect("read");
    pool.close().await;
    values.into_iter().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_load_holds_every_response_acknowledged_before_it_and_restores() {
    // Arrange: a form taking anonymous feedback, and clients submitting numbered comments.
    let app = Arc::new(spawn_app(Backend::Sqlite).await);
    let service = app.add_service("The service").await;
    let staff = app.person_signed_in("staff@example.org", &[(&service, Role::Manager)]).await;
    let form = Arc::new(app.open_feedback_form(&staff, &service, "Busy form", "fft", "anonymous").await);
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut submitters = Vec::new();
    for client in 0..SUBMITTERS {
        let (app, form, acknowledged) = (app.clone(), form.clone(), acknowledged.clone());
        submitters.push(tokio::spawn(async move {
            for n in 0..EACH {
                let comment = format!("comment {client}-{n}");
                let response = app.submit_feedback(&form, &[(0, "good"), (1, &comment)]).await;
                if response.status() == 200 {
                    acknowledged.lock().expect("lock").push(comment);
                }
            }
        }));
    }

    // Act: once a quarter of the submissions are acknowledged, back up while the rest arrive.
    let quarter = SUBMITTERS * EACH / 4;
    while acknowledged.lock().expect("lock").len() < quarter {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let before_backup: Vec<String> = acknowledged.lock().expect("lock").clone();
    let dir = tempfile::tempdir().expect("folder");
    let copy = dir.path().join("backup.db");
    continuum::db::backup(&app.db.url, &copy).await.expect("back up");
    for submitter in submitters {
        submitter.await.expect("a submitter");
    }

    // Assert: every response acknowledged before the back-up began is in the copy.
    let copy_url = format!("sqlite://{}", copy.display());
    let in_copy = comments_in(&copy_url).await;
    let missing: Vec<&String> = before_backup.iter().filter(|c| !in_copy.contains(*c)).collect();
    assert!(missing.is_empty(), "{} acknowledged before the back-up are missing from it: {missing:?}", missing.len());
    assert_eq!(acknowledged.lock().expect("lock").len(), SUBMITTERS * EACH, "every submission acknowledged");

    // And it restores: into a new place, a server started there has the same responses.
    let restored_url = format!("sqlite://{}", dir.path().join("restored").join("continuum.db").display());
    continuum::db::restore(&copy, &restored_url).await.expect("restore");
    let restored = spawn_app_with(Backend::Sqlite, |s| {
        s.database_url = restored_url.clone();
        s.create_database = false;
    })
    .await;
    assert_eq!(restored.get("/readyz").await.status(), 200);
    assert_eq!(comments_in(&restored_url).await, in_copy);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restore_moves_the_database_it_replaces_aside_and_never_deletes_it() {
    let dir = tempfile::tempdir().expect("folder");
    let url = format!("sqlite://{}", dir.path().join("continuum.db").display());
    let told = continuum::db::DatabaseOptions { create: true, ..Default::default() };
    let pool = continuum::db::connect(&url, told).await.expect("open");
    continuum::db::migrate(&pool).await.expect("migrate");
    pool.close().await;
    let copy = dir.path().join("backup.db");
    continuum::db::backup(&url, &copy).await.expect("back up");
    assert!(continuum::db::backup(&url, &copy).await.is_err(), "an existing file is never overwritten");

    let moved = continuum::db::restore(&copy, &url).await.expect("restore").expect("the old database moved aside");

    assert!(moved.exists());
    assert!(dir.path().join("continuum.db").exists());
}
