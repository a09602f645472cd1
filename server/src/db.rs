//! The database: one `AnyPool` over SQLite or PostgreSQL, chosen by the URL, and the portable migrations in
//! `migrations/` that run at start.

use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

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

/// How long a SQLite write waits for another writer's lock before it gives up ("database is locked").
///
/// Every write takes the lock when it begins (`BEGIN IMMEDIATE`, `app::db::Write`), and a write holds it for
/// milliseconds, so the wait is normally short; 30 s is long enough for a queue of 8 staff saves and the
/// response writer's batches under load, and short enough that a stuck writer is reported.
pub const SQLITE_BUSY_TIMEOUT_MS: u64 = 30_000;

/// SQLite's `synchronous` level: how hard a commit waits for the disk before it is acknowledged.
/// See <https://www.sqlite.org/pragma.html#pragma_synchronous>.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Synchronous {
    /// Every commit reaches the disk (fsync of the write-ahead log) before it is acknowledged, so an
    /// acknowledged response survives a power cut. The default.
    #[default]
    Full,
    /// Commits are synced only at checkpoints: faster, but a power cut (not a crash of Continuum) can lose
    /// the last acknowledged commits.
    Normal,
    /// As `Full`, and the folder is synced too when the log is reset.
    Extra,
}

impl Synchronous {
    fn pragma(self) -> &'static str {
        match self {
            Synchronous::Full => "FULL",
            Synchronous::Normal => "NORMAL",
            Synchronous::Extra => "EXTRA",
        }
    }
}

/// What opening the database may do besides connecting.
#[derive(Clone, Copy, Debug, Default)]
pub struct DatabaseOptions {
    /// Create a missing SQLite file even where a deployment may already exist (`CONTINUUM_CREATE_DATABASE`).
    /// Without it a missing file is created only on a first run: when its folder does not exist yet.
    pub create: bool,
    pub synchronous: Synchronous,
}

/// Opens a pool. For SQLite a missing file is created only on a first run or when `options.create` says so
/// (see [`open_sqlite_file`]), and each connection gets the pragmas that make it safe for a web server: WAL,
/// the configured `synchronous` level (FULL unless set otherwise), foreign keys, a busy timeout.
pub async fn connect(url: &str, options: DatabaseOptions) -> anyhow::Result<AnyPool> {
    install_default_drivers();
    let sqlite = is_sqlite(url);
    if sqlite {
        open_sqlite_file(url, options.create)?;
    }
    let pragmas = format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = {}; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {};",
        options.synchronous.pragma(),
        SQLITE_BUSY_TIMEOUT_MS
    );
    let pool_options = AnyPoolOptions::new()
        .max_connections(if sqlite { 8 } else { 16 })
        // Waiting for a connection is waiting for the writes ahead to finish: as long as the lock's own wait.
        .acquire_timeout(Duration::from_millis(SQLITE_BUSY_TIMEOUT_MS))
        .after_connect(move |conn, _meta| {
            let pragmas = pragmas.clone();
            Box::pin(async move {
                if sqlite {
                    conn.execute(pragmas.as_str()).await?;
                }
                Ok(())
            })
        });
    pool_options.connect(url).await.with_context(|| format!("could not connect to the database at {}", redact(url)))
}

/// The path of a SQLite database URL; `None` for an in-memory database.
pub fn sqlite_path(url: &str) -> anyhow::Result<Option<PathBuf>> {
    let options = SqliteConnectOptions::from_str(url).context("CONTINUUM_DATABASE_URL is not a valid SQLite URL")?;
    let path = options.get_filename();
    Ok((path.as_os_str() != ":memory:").then(|| path.to_path_buf()))
}

/// Makes sure the SQLite file exists, creating it only when that cannot hide a lost database.
///
/// A missing file is created on a **first run**, when the folder it belongs in does not exist yet (a fresh
/// machine, `data/` not made), or when `create` is set (`CONTINUUM_CREATE_DATABASE=true`). A missing file in a
/// folder that exists is refused: the database of an existing deployment may have been deleted or moved, and
/// starting on a new empty one would hide that and lose everything written after. Either way a new database is
/// announced loudly in the log.
fn open_sqlite_file(url: &str, create: bool) -> anyhow::Result<()> {
    let Some(path) = sqlite_path(url)? else { return Ok(()) };
    if path.exists() {
        return Ok(());
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf);
    let first_run = folder.as_ref().is_some_and(|f| !f.exists());
    if !first_run && !create {
        anyhow::bail!(
            "the database file {} does not exist, but its folder does, so this may be an existing deployment whose \
             database was deleted or moved. Continuum will not start on a new empty database. Put the database \
             back (or restore a back-up), or, to start a new one on purpose, set CONTINUUM_CREATE_DATABASE=true \
             for this start.",
            path.display()
        );
    }
    if let Some(folder) = &folder {
        std::fs::create_dir_all(folder).with_context(|| format!("could not create {}", folder.display()))?;
    }
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("could not create {}", path.display()))?;
    tracing::warn!(
        path = %path.display(),
        reason = if create { "CONTINUUM_CREATE_DATABASE is set" } else { "first run: its folder did not exist" },
        "CREATED A NEW, EMPTY DATABASE"
    );
    Ok(())
}

/// The identity of the SQLite file a server opened (device and inode), so that a file deleted, replaced or
/// moved away while the server runs is noticed: the server's open connections would go on writing into the
/// old file, and everything they acknowledged would be lost at the next start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatabaseFile {
    path: PathBuf,
    identity: (u64, u64),
}

impl DatabaseFile {
    /// Records the identity of the file behind `url` now; `None` for PostgreSQL or an in-memory database.
    pub fn of(url: &str) -> anyhow::Result<Option<Self>> {
        if !is_sqlite(url) {
            return Ok(None);
        }
        let Some(path) = sqlite_path(url)? else { return Ok(None) };
        let identity = identity(&path).with_context(|| format!("could not read {}", path.display()))?;
        Ok(Some(Self { path, identity }))
    }

    /// `Ok` while the path still names the file that was opened and its permissions let the server read and
    /// write it; otherwise what is wrong, in a sentence for the log.
    ///
    /// It never opens the file: closing any descriptor of a SQLite file releases every POSIX lock the process
    /// holds on it, SQLite's included, which corrupts a live database (see "How To Corrupt An SQLite Database
    /// File", section 2.2). Measured: opening and closing it once a second made the server's writes fail with
    /// "disk I/O error" at once. Permissions are read from the metadata instead.
    pub fn check(&self) -> Result<(), String> {
        let metadata = match std::fs::metadata(&self.path) {
            Ok(metadata) => metadata,
            Err(error) => return Err(format!("{} is gone: {error}", self.path.display())),
        };
        if identity_of(&metadata) != self.identity {
            return Err(format!("{} has been replaced by another file", self.path.display()));
        }
        if !readable_and_writable(&metadata) {
            return Err(format!("{} may no longer be read and written", self.path.display()));
        }
        Ok(())
    }
}

fn identity(path: &Path) -> std::io::Result<(u64, u64)> {
    Ok(identity_of(&std::fs::metadata(path)?))
}

#[cfg(unix)]
fn identity_of(metadata: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

/// Whether anyone may still read and write the file: a mode taken to 000 or made read-only is reported even
/// to a server running as root, which the kernel would not stop, since the operator meant it to stop.
#[cfg(unix)]
fn readable_and_writable(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode();
    mode & 0o444 != 0 && mode & 0o222 != 0
}

#[cfg(not(unix))]
fn readable_and_writable(metadata: &std::fs::Metadata) -> bool {
    !metadata.permissions().readonly()
}

#[cfg(not(unix))]
fn identity_of(metadata: &std::fs::Metadata) -> (u64, u64) {
    // No inode outside Unix: the creation time stands in for it.
    let created =
        metadata.created().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    (0, created.as_nanos() as u64)
}

/// Runs the migrations, then fills feedback's aggregates once from the rows stored before they existed
/// (`consultation::tally::backfill_if_pending`: the question kinds it needs are in each version's JSON, which
/// one portable SQL cannot read).
pub async fn migrate(pool: &AnyPool) -> anyhow::Result<()> {
    MIGRATOR.run(pool).await.context("database migration failed")?;
    if app::consultation::tally::backfill_if_pending(pool).await.context("filling feedback's aggregates failed")? {
        tracing::info!("feedback's aggregates filled from the stored responses");
    }
    Ok(())
}

/// Writes a consistent copy of the running SQLite database at `url` to `file` (`VACUUM INTO`): one read
/// transaction, so the copy holds every commit made before it began and none half-made, while the server goes
/// on serving. `file` must not exist yet. PostgreSQL is backed up with `pg_dump` (see README, Back-up and
/// restore).
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<()> {
    if !is_sqlite(url) {
        anyhow::bail!(
            "continuum backup copies a SQLite database; for PostgreSQL use pg_dump (see the README, Back-up and restore)"
        );
    }
    if file.exists() {
        anyhow::bail!("{} already exists; choose a new file name for the back-up", file.display());
    }
    let target = file.to_str().context("the back-up file name must be valid UTF-8")?;
    let pool = connect(url, DatabaseOptions::default()).await?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&pool).await.context("the back-up failed")?;
    pool.close().await;
    Ok(())
}

/// Puts the back-up `file` in place as the SQLite database at `url`, with Continuum stopped. The back-up is
/// checked first (`PRAGMA integrity_check`); a database already at `url` is not deleted but moved aside, with
/// its `-wal` and `-shm` files, to `<name>.before-restore-<time>`. Returns where it was moved, if anywhere.
pub async fn restore(file: &Path, url: &str) -> anyhow::Result<Option<PathBuf>> {
    if !is_sqlite(url) {
        anyhow::bail!(
            "continuum restore puts back a SQLite back-up; for PostgreSQL use pg_restore (see the README, Back-up and restore)"
        );
    }
    let path = sqlite_path(url)?.context("an in-memory database cannot be restored")?;
    let source = file.to_str().context("the back-up file name must be valid UTF-8")?;
    let check = connect(&format!("sqlite://{source}"), DatabaseOptions::default()).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&check).await?;
    check.close().await;
    if verdict != "ok" {
        anyhow::bail!("{} is not a sound SQLite database: {verdict}", file.display());
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut moved = None;
    for suffix in ["", "-wal", "-shm"] {
        let current = PathBuf::from(format!("{}{suffix}", path.display()));
        if current.exists() {
            let aside = PathBuf::from(format!("{}.before-restore-{stamp}{suffix}", path.display()));
            std::fs::rename(&current, &aside).with_context(|| format!("could not move {} aside", current.display()))?;
            if suffix.is_empty() {
                moved = Some(aside);
            }
        }
    }
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::copy(file, &path).with_context(|| format!("could not copy {} to {}", file.display(), path.display()))?;
    Ok(moved)
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
