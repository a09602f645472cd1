//! Health and readiness checks.

use continuum_tests::{on_both_engines, spawn_app, Backend};

async fn healthz_answers_while_the_process_runs_and_readyz_while_the_database_does(backend: Backend) {
    let app = spawn_app(backend).await;

    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 200);

    app.lose_database().await;

    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_eq!(app.get("/healthz").await.status(), 200);
}

on_both_engines!(healthz_answers_while_the_process_runs_and_readyz_while_the_database_does);

/// The SQLite file of a running server.
fn database_path(app: &continuum_tests::TestApp) -> std::path::PathBuf {
    std::path::PathBuf::from(app.db.url.trim_start_matches("sqlite://"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_and_nothing_more_is_acknowledged_once_the_sqlite_file_is_deleted() {
    let app = spawn_app(Backend::Sqlite).await;
    let service = app.add_service("The service").await;
    let staff = app.person_signed_in("staff@example.org", &[(&service, app::accounts::types::Role::Manager)]).await;
    let form = app.open_feedback_form(&staff, &service, "A form", "fft", "anonymous").await;
    assert_eq!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 200);

    let path = database_path(&app);
    std::fs::remove_file(&path).unwrap();

    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_ne!(app.submit_feedback(&form, &[(0, "good")]).await.status(), 200, "not acknowledged into a lost file");
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_when_the_sqlite_file_is_replaced_by_another() {
    let app = spawn_app(Backend::Sqlite).await;
    let path = database_path(&app);

    let moved = path.with_extension("moved");
    std::fs::rename(&path, &moved).unwrap();
    std::fs::copy(&moved, &path).unwrap();

    assert_eq!(app.get("/readyz").await.status(), 503);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_start_never_creates_an_empty_database_in_place_of_a_lost_one_unless_told_to() {
    let dir = tempfile::tempdir().unwrap();
    let existing = format!("sqlite://{}", dir.path().join("continuum.db").display());
    let fresh_folder = dir.path().join("first-run");
    let first_run = format!("sqlite://{}", fresh_folder.join("continuum.db").display());
    let options = continuum::db::DatabaseOptions::default();

    let refused = continuum::db::connect(&existing, options).await;
    assert!(refused.is_err(), "a missing file in an existing folder may be a lost database");
    assert!(!dir.path().join("continuum.db").exists());

    let told = continuum::db::DatabaseOptions { create: true, ..options };
    continuum::db::connect(&existing, told).await.expect("created when told to");
    continuum::db::connect(&first_run, options).await.expect("created on a first run");
    assert!(fresh_folder.join("continuum.db").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_every_time_once_the_sqlite_file_is_made_unreadable() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app(Backend::Sqlite).await;
    let path = database_path(&app);

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();

    // Counted, not timed: the answer must not flip back while the server's open connections still work.
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(app.get("/readyz").await.status().as_u16());
    }
    assert_eq!(statuses, [503; 5]);
}
