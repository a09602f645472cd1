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
