//! The `continuum` command: `serve` (the default), `migrate`, `create-admin`, `backup`, `restore` and
//! `seed-demo`.

use std::{io::BufRead, process::ExitCode};

use anyhow::Context;
use app::accounts::{
    db as accounts_db, password,
    validate::{DisplayName, EmailAddress, NewPassword},
};

use crate::{
    config::{Command, Settings},
    db, seed,
    startup::Application,
};

pub async fn main() -> ExitCode {
    let cli = Settings::load();
    init_tracing(&cli.settings.log);
    let clock = cli.settings.clock();
    match clock.scope(run(cli.command.unwrap_or(Command::Serve), cli.settings)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("continuum: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(filter: &str) {
    let filter =
        tracing_subscriber::EnvFilter::try_new(filter).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).try_init();
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            let pool = db::connect(&settings.database_url, settings.database_options()).await?;
            db::migrate(&pool).await?;
            println!("The database at {} is up to date.", db::redact(&settings.database_url));
            Ok(())
        }
        Command::CreateAdmin { email, name } => create_admin(&settings, &email, &name).await,
        Command::Backup { file } => {
            db::backup(&settings.database_url, &file).await?;
            println!("Backed up {} to {}.", db::redact(&settings.database_url), file.display());
            Ok(())
        }
        Command::Restore { file } => {
            let moved = db::restore(&file, &settings.database_url).await?;
            if let Some(aside) = moved {
                println!("The database that was there is kept at {}.", aside.display());
            }
            println!(
                "Restored {} as {}. Start Continuum to serve it.",
                file.display(),
                db::redact(&settings.database_url)
            );
            Ok(())
        }
        Command::SeedDemo => {
            let pool = db::connect(&settings.database_url, settings.database_options()).await?;
            db::migrate(&pool).await?;
            seed::seed_demo(&pool).await
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings.clone()).await?;
    if accounts_db::count_people(&app.pool()).await? == 0 {
        println!(
            "\nContinuum has no accounts yet. Create the first administrator with:\n\n    \
             continuum create-admin --email you@example.org --name \"Your Name\"\n\n\
             (it asks for the password; with cargo: cargo run -p continuum -- create-admin ...)\n\
             or fill it with demonstration data: continuum seed-demo\n"
        );
    }
    app.run_until_stopped().await
}

/// The administrator's password: CONTINUUM_ADMIN_PASSWORD if set, otherwise one line of standard input.
fn read_admin_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("CONTINUUM_ADMIN_PASSWORD") {
        return Ok(password);
    }
    eprintln!("Password for the administrator (at least {} characters), then Enter:", NewPassword::MIN_CHARS);
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("could not read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn create_admin(settings: &Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email).map_err(|m| anyhow::anyhow!("--email: {m}"))?;
    let name = DisplayName::parse(name).map_err(|m| anyhow::anyhow!("--name: {m}"))?;
    let secret = read_admin_password()?;
    let new_password = NewPassword::parse(&secret).map_err(|m| anyhow::anyhow!("password: {m}"))?;
    let hash = password::hash_password(new_password.expose()).await.map_err(|e| anyhow::anyhow!("{e}"))?;

    let pool = db::connect(&settings.database_url, settings.database_options()).await?;
    db::migrate(&pool).await?;
    let now = app::db::now();
    let mut tx = pool.begin().await?;
    let (person_id, verb) = match accounts_db::fetch_person_by_email(&mut *tx, email.as_str()).await? {
        Some(existing) => {
            accounts_db::update_admin(&mut *tx, &existing.id, true, &now).await?;
            accounts_db::update_password_hash(&mut *tx, &existing.id, &hash, &now).await?;
            accounts_db::update_disabled(&mut *tx, &existing.id, None, &now).await?;
            (existing.id, "is now an administrator, with the new password")
        }
        None => {
            let person = accounts_db::NewPerson {
                email: email.as_str(),
                name: name.as_str(),
                password_hash: Some(&hash),
                is_admin: true,
            };
            (accounts_db::insert_person(&mut *tx, &person, &now).await?, "has been created as an administrator")
        }
    };
    app::audit::record(
        &mut *tx,
        None,
        "administrator_created",
        "person",
        person_id.as_str(),
        serde_json::json!({ "by": "command line" }),
    )
    .await?;
    tx.commit().await?;
    let sign_in = app::links::absolute(&settings.base_url, "/sign-in", &[]);
    println!("{} <{}> {verb}. Sign in at {sign_in}", name.as_str(), email.as_str());
    Ok(())
}
