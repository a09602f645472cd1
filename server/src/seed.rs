//! `continuum seed-demo`: clearly fictional demonstration data, each capability's own (its `demo.rs`, through
//! its domain functions and the ledger API), in one transaction. Running it again adds nothing twice.

use app::{accounts::demo, capability};
use sqlx::AnyPool;

pub use app::accounts::demo::{DAY_SERVICE, DEMO_PASSWORD, PD_SERVICE};

/// Adds every capability's demo data and prints what it added and the demo accounts.
pub async fn seed_demo(pool: &AnyPool) -> anyhow::Result<()> {
    let mut tx = app::db::begin_write(pool).await?;
    let (context, added) = demo::seed(&mut tx).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut lines = Vec::new();
    for capability in capability::all() {
        if let Some(seed) = capability.demo {
            lines.push(seed(&mut tx, &context).await.map_err(|e| anyhow::anyhow!("{}: {e}", capability.name))?);
        }
    }
    tx.commit().await?;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        println!("{line}");
    }
    println!("Demo data is in place ({added} new accounts). Every demo account's password is: {DEMO_PASSWORD}\n");
    for line in demo::people_lines() {
        println!("{line}");
    }
    Ok(())
}
