//! The database: one `AnyPool` over SQLite or PostgreSQL, chosen by the URL, and the portable migrations in
//! `migrations/` that run at start.

use std::{str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    any::{install_default_drivers, AnyPoolOptions},
    sqlite::SqliteConnectOptions,
    AnyPool, Executor,
};

/// The migrations, compiled in so the binary needs no files beside it.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Opens a pool. For SQLite the file (and its folder) is created if missing, and each connection gets the
/// pragmas that make it safe and quick for a web server: WAL, NORMAL sync, foreign keys, a busy timeout.
pub async fn connect(url: &str) -> anyhow::Result<AnyPool> {
    install_default_drivers();
    let sqlite = is_sqlite(url);
    if sqlite {
        create_sqlite_file(url)?;
    }
    let options = AnyPoolOptions::new()
        .max_connections(if sqlite { 8 } else { 16 })
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if sqlite {
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                        .await?;
                }
                Ok(())
            })
        });
    options.connect(url).await.with_context(|| format!("could not connect to the database at {}", redact(url)))
}

/// Creates a SQLite database file and its folder if they do not exist yet.
fn create_sqlite_file(url: &str) -> anyhow::Result<()> {
    let options = SqliteConnectOptions::from_str(url).context("CONTINUUM_DATABASE_URL is not a valid SQLite URL")?;
    let path = options.get_filename();
    if path.as_os_str() != ":memory:" && !path.exists() {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).with_context(|| format!("could not create {}", folder.display()))?;
        }
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .with_context(|| format!("could not create {}", path.display()))?;
    }
    Ok(())
}

pub async fn migrate(pool: &AnyPool) -> anyhow::Result<()> {
    MIGRATOR.run(pool).await.context("database migration failed")
}

/// A database URL with any password hidden, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("****"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_appear_in_messages() {
        assert_eq!(super::redact("postgres://app:secret@db:5432/continuum"), "postgres://app:****@db:5432/continuum");
        assert_eq!(super::redact("sqlite://data/continuum.db"), "sqlite://data/continuum.db");
    }
}
