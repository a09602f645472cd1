//! Health checks for load balancers and orchestrators, and the watch on the SQLite file.
//!
//! `/healthz` answers while the process runs. `/readyz` answers 200 only while the database Continuum is
//! really writing to is there: for SQLite, the path still names the very file opened at start (its device and
//! inode) and that file can be opened for reading and writing, and a query answers; for PostgreSQL, a query
//! answers. Once the SQLite file is found gone or replaced, the pool is closed, so this server acknowledges
//! nothing more that would be lost at the next start: every write then answers 503 until it is restarted (and a
//! restart refuses to create a new empty database in its place, see `db::connect`).

use std::{sync::Arc, time::Duration};

use app::state::AppState;
use axum::http::StatusCode;
use sqlx::AnyPool;
use tokio::sync::watch;

use crate::db::DatabaseFile;

/// 200 while the process runs.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database file is the one opened at start and answers a query within two seconds; 503 when not.
pub async fn readyz(state: AppState, file: Option<Arc<DatabaseFile>>) -> (StatusCode, &'static str) {
    if let Some(file) = file.as_deref() {
        if let Err(problem) = file.check() {
            stop_writing(&state.pool, &problem);
            return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable");
        }
    }
    let check =
        sqlx::query_scalar::<_, i64>("SELECT CAST(COUNT(*) AS BIGINT) FROM _sqlx_migrations").fetch_one(&state.pool);
    match tokio::time::timeout(Duration::from_secs(2), check).await {
        Ok(Ok(_)) => (StatusCode::OK, "ready"),
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "not ready: database check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("not ready: database check timed out");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Checks the SQLite file once a second, so a lost file is noticed even when nothing asks `/readyz`.
pub async fn watch_database_file(pool: AnyPool, file: Arc<DatabaseFile>, mut stop: watch::Receiver<bool>) {
    let mut every_second = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = every_second.tick() => {
                if let Err(problem) = file.check() {
                    stop_writing(&pool, &problem);
                    return;
                }
            }
            _ = stop.changed() => return,
        }
    }
}

/// Closes the pool (once), so that nothing more is acknowledged into a file that is no longer the database.
fn stop_writing(pool: &AnyPool, problem: &str) {
    if !pool.is_closed() {
        tracing::error!(
            problem,
            "THE DATABASE FILE IS NOT THE ONE THIS SERVER OPENED: refusing every request that needs the database until \
             Continuum is restarted with its database back in place"
        );
        let pool = pool.clone();
        tokio::spawn(async move { pool.close().await });
    }
}
