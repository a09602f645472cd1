//! Configuration: typed settings from environment variables (or the matching command-line flags), each with
//! a default that runs Continuum on one machine with no setup. `continuum --help` lists them all.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand, ValueEnum};
use secrecy::SecretString;

#[derive(Parser, Debug)]
#[command(name = "continuum", version, about = "Continuum: patient involvement, from information to partnership.")]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Serve Continuum (the default): migrate the database, start the mail worker and the web server.
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Create an administrator. The password is read from standard input, or from CONTINUUM_ADMIN_PASSWORD;
    /// never from the command line, where other users of the machine could see it.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Write a consistent copy of the running SQLite database to FILE (which must not exist), while Continuum
    /// goes on serving. For PostgreSQL use pg_dump.
    Backup { file: PathBuf },
    /// Put a back-up made by `continuum backup` in place as the database, with Continuum stopped. The
    /// database it replaces is moved aside, never deleted. For PostgreSQL use pg_restore.
    Restore { file: PathBuf },
    /// Fill the database with clearly fictional demonstration data (services, staff, patients, volunteers)
    /// and print the password of the demo accounts.
    SeedDemo,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Environment {
    /// Local use: mail is written to files when no SMTP server is configured.
    Development,
    /// A real deployment: mail must go to an SMTP server.
    Production,
}

fn time_zone(value: &str) -> Result<chrono_tz::Tz, String> {
    value.parse().map_err(|_| format!("{value} is not a time zone name from the IANA database, like Europe/London"))
}

fn secret(value: &str) -> Result<SecretString, String> {
    Ok(SecretString::from(value.to_owned()))
}

#[derive(Args, Debug, Clone)]
pub struct Settings {
    /// Database: a SQLite file (`sqlite://data/continuum.db`, created if missing) or PostgreSQL
    /// (`postgres://user:password@host:5432/continuum`).
    #[arg(long, global = true, env = "CONTINUUM_DATABASE_URL", default_value = "sqlite://data/continuum.db")]
    pub database_url: String,

    /// Create the SQLite database file if it is missing, even though its folder exists (which may mean the
    /// database of an existing deployment was deleted or moved). Without it a missing file is created only on a
    /// first run, when its folder does not exist yet; otherwise Continuum refuses to start.
    #[arg(long, global = true, env = "CONTINUUM_CREATE_DATABASE", default_value_t = false, action = clap::ArgAction::Set)]
    pub create_database: bool,

    /// SQLite's `synchronous` level: `full` (the default) makes every acknowledged commit survive a power cut;
    /// `normal` is faster but a power cut can lose the last acknowledged commits; `extra` also syncs the folder.
    #[arg(long, global = true, env = "CONTINUUM_SQLITE_SYNCHRONOUS", value_enum, default_value = "full")]
    pub sqlite_synchronous: crate::db::Synchronous,

    /// The key that signs the "this browser signed in here before" cookie (at least 32 characters). Unset, a
    /// random key is made at first start and kept in the database, so every app server shares it.
    #[arg(long, global = true, env = "CONTINUUM_DEVICE_KEY", value_parser = secret, hide_env_values = true)]
    pub device_key: Option<SecretString>,

    /// Address and port the web server listens on.
    #[arg(long, global = true, env = "CONTINUUM_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// The public address of the site, used for links in mail and to recognise same-origin form posts.
    #[arg(long, global = true, env = "CONTINUUM_BASE_URL", default_value = "http://127.0.0.1:3000")]
    pub base_url: url::Url,

    /// SMTP server for mail, such as `smtp://user:password@mail.example.org:587?tls=required`
    /// (`smtps://` for TLS from the start). Unset in development: mail is written to CONTINUUM_MAIL_DIR.
    #[arg(long, global = true, env = "CONTINUUM_SMTP_URL", value_parser = secret, hide_env_values = true)]
    pub smtp_url: Option<SecretString>,

    /// The sender of Continuum's mail.
    #[arg(long, global = true, env = "CONTINUUM_MAIL_FROM", default_value = "Continuum <continuum@localhost>")]
    pub mail_from: String,

    /// Where mail is written as `.eml` files when no SMTP server is configured (development only).
    #[arg(long, global = true, env = "CONTINUUM_MAIL_DIR", default_value = "data/mail")]
    pub mail_dir: PathBuf,

    /// First retry delay for mail that could not be sent, in milliseconds; it doubles with each failure up
    /// to an hour. Mail is never dropped.
    #[arg(long, global = true, env = "CONTINUUM_MAIL_RETRY_MS", default_value_t = 30_000)]
    pub mail_retry_ms: u64,

    /// Send the session cookie only over HTTPS. Turn on for every deployment behind HTTPS.
    #[arg(long, global = true, env = "CONTINUUM_SECURE_COOKIES", default_value_t = false, action = clap::ArgAction::Set)]
    pub secure_cookies: bool,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, global = true, env = "CONTINUUM_SESSION_IDLE_MINUTES", default_value_t = 60)]
    pub session_idle_minutes: u64,

    /// Hours after sign-in after which a session ends however active it is.
    #[arg(long, global = true, env = "CONTINUUM_SESSION_ABSOLUTE_HOURS", default_value_t = 12)]
    pub session_absolute_hours: u64,

    /// The organisation's display name, shown in every page header and in mail.
    #[arg(long, global = true, env = "CONTINUUM_ORGANISATION", default_value = "Example NHS Foundation Trust")]
    pub organisation: String,

    /// Crisis contacts shown in every footer and on patient-facing forms, one per line, lines separated by
    /// `|`. The default is for England.
    #[arg(
        long,
        global = true,
        env = "CONTINUUM_CRISIS_CONTACTS",
        default_value = "If you or someone else is in immediate danger, call 999.|For urgent mental health help, call NHS 111 and choose option 2.|Samaritans are there day or night: call 116 123 for free."
    )]
    pub crisis_contacts: String,

    /// Anonymous feedback submissions one client may make in a burst before being asked to wait (then one every
    /// 10 seconds). 0 turns the limit off (benchmarks). Each app server counts on its own.
    #[arg(long, global = true, env = "CONTINUUM_FEEDBACK_BURST_PER_CLIENT", default_value_t = 20)]
    pub feedback_burst_per_client: u32,

    /// Submissions one feedback form may take in a burst (then five a second). 0 turns the limit off.
    #[arg(long, global = true, env = "CONTINUUM_FEEDBACK_BURST_PER_FORM", default_value_t = 300)]
    pub feedback_burst_per_form: u32,

    /// Months after an unsuccessful outcome (withdrawn, or not taken forward) that a volunteer applicant's
    /// data is deleted by the housekeeping, the deletion audited without the data.
    #[arg(long, global = true, env = "CONTINUUM_APPLICANT_RETENTION_MONTHS", default_value_t = 12)]
    pub applicant_retention_months: u32,

    /// The email address people may write to about Continuum (the contact page, the accessibility statement
    /// and the privacy notice show it).
    #[arg(long, global = true, env = "CONTINUUM_CONTACT_EMAIL", default_value = "")]
    pub contact_email: String,

    /// The telephone number people may call about Continuum (shown as a tappable link).
    #[arg(long, global = true, env = "CONTINUUM_CONTACT_PHONE", default_value = "")]
    pub contact_phone: String,

    /// The organisation's postal address, on one line.
    #[arg(long, global = true, env = "CONTINUUM_CONTACT_ADDRESS", default_value = "")]
    pub contact_address: String,

    /// How to reach the organisation's Data Protection Officer, for the privacy notice.
    #[arg(long, global = true, env = "CONTINUUM_DATA_PROTECTION_OFFICER", default_value = "")]
    pub data_protection_officer: String,

    /// Take the client address (used only for sign-in throttling) from the last `X-Forwarded-For` hop. Turn
    /// on only behind a reverse proxy that sets it.
    #[arg(long, global = true, env = "CONTINUUM_BEHIND_PROXY", default_value_t = false, action = clap::ArgAction::Set)]
    pub behind_proxy: bool,

    /// The built site (the `pkg/` bundle and static assets) that `cargo leptos build` writes.
    #[arg(long, global = true, env = "CONTINUUM_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// `development` or `production`; production refuses to start without an SMTP server.
    #[arg(long, global = true, env = "CONTINUUM_ENVIRONMENT", value_enum, default_value = "development")]
    pub environment: Environment,

    /// The deployment's time zone, an IANA name: every date and time people see and enter is in it (stored
    /// instants are UTC), "today" turns over at its midnight, and event reminders go at 09:00 in it.
    #[arg(long, global = true, env = "CONTINUUM_TIME_ZONE", default_value = "Europe/London", value_parser = time_zone)]
    pub time_zone: chrono_tz::Tz,

    /// A clock to read instead of the system clock, in `time_zone`: for tests, which set the time instead of
    /// waiting for it. Not a flag or variable.
    #[arg(skip)]
    pub clock: Option<app::clock::Clock>,

    /// Log filter, in `tracing` syntax (`info`, `continuum=debug,info`).
    #[arg(long, global = true, env = "CONTINUUM_LOG", default_value = "info")]
    pub log: String,
}

impl Settings {
    /// Reads the command line and environment.
    pub fn load() -> Cli {
        Cli::parse()
    }

    /// Settings with every default, for tests and tools that set a few fields themselves.
    pub fn defaults() -> Self {
        Cli::parse_from(["continuum"]).settings
    }

    /// The service's clock: the system clock in `time_zone`, unless a test set one.
    pub fn clock(&self) -> app::clock::Clock {
        self.clock.clone().unwrap_or_else(|| app::clock::Clock::system(self.time_zone))
    }

    /// How to open the database: whether a missing SQLite file may be created, and its `synchronous` level.
    pub fn database_options(&self) -> crate::db::DatabaseOptions {
        crate::db::DatabaseOptions { create: self.create_database, synchronous: self.sqlite_synchronous }
    }

    pub fn session_idle(&self) -> Duration {
        Duration::from_secs(self.session_idle_minutes.max(1) * 60)
    }

    pub fn session_absolute(&self) -> Duration {
        Duration::from_secs(self.session_absolute_hours.max(1) * 3600)
    }

    pub fn crisis_contact_lines(&self) -> Vec<String> {
        self.crisis_contacts.split('|').map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_run_on_sqlite_on_port_3000_with_english_crisis_contacts() {
        let settings = Settings::defaults();
        assert_eq!(settings.database_url, "sqlite://data/continuum.db");
        assert_eq!(settings.listen.port(), 3000);
        assert_eq!(settings.crisis_contact_lines().len(), 3);
        assert!(settings.crisis_contact_lines()[1].contains("111"));
        assert_eq!(settings.clock().zone(), chrono_tz::Europe::London);
    }

    #[test]
    fn the_time_zone_is_an_iana_name() {
        let cli = Cli::try_parse_from(["continuum", "--time-zone", "America/New_York"]).unwrap();
        assert_eq!(cli.settings.clock().zone(), chrono_tz::America::New_York);
        assert!(Cli::try_parse_from(["continuum", "--time-zone", "BST"]).is_err());
    }
}
