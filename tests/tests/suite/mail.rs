//! The mail outbox: an SMTP outage delays mail and loses none, and two workers never send one message twice.

use std::{sync::Arc, time::Duration};

use continuum::{
    config::Settings,
    mail::{MailWorker, Mailer},
};
use continuum_tests::{eventually, on_both_engines, spawn_app_with, Backend, SmtpSink, TestDatabase};

async fn mail_queued_while_smtp_is_down_is_delivered_when_it_returns(backend: Backend) {
    let smtp_port = SmtpSink::free_port().await;
    let app =
        spawn_app_with(backend, |settings| settings.smtp_url = Some(format!("smtp://127.0.0.1:{smtp_port}").into()))
            .await;
    app.add_person("sam@example.org", "Sam Jones", false, &[]).await;

    app.post_form("/api/request_password_reset", "/forgot-password", &[("email", "sam@example.org")]).await;
    let failed_attempt = eventually(Duration::from_secs(10), || async {
        let attempts: i64 =
            sqlx::query_scalar("SELECT attempts FROM outbox_mail").fetch_one(&app.pool).await.unwrap_or(0);
        attempts >= 1
    })
    .await;
    assert!(failed_attempt, "the worker tried while the SMTP server was down");
    let unsent: Option<String> =
        sqlx::query_scalar("SELECT sent_at FROM outbox_mail").fetch_one(&app.pool).await.unwrap();
    assert!(unsent.is_none(), "and the message is still waiting");

    let returned = SmtpSink::start_on(smtp_port).await;
    let mail = returned.wait_for("sam@example.org", Duration::from_secs(15)).await;

    assert!(mail.subject.contains("Reset your Continuum password"));
    // The worker records the delivery once the SMTP server has taken the message: just after it arrives.
    let recorded = eventually(Duration::from_secs(10), || async {
        let sent: Option<String> =
            sqlx::query_scalar("SELECT sent_at FROM outbox_mail").fetch_one(&app.pool).await.unwrap_or(None);
        sent.is_some()
    })
    .await;
    assert!(recorded, "the delivery is recorded");
}

async fn two_workers_on_one_database_never_send_a_message_twice(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let pool = continuum::db::connect(&db.url, continuum::db::DatabaseOptions { create: true, ..Default::default() })
        .await
        .unwrap();
    continuum::db::migrate(&pool).await.unwrap();
    for n in 0..40 {
        let mail = app::mail::OutgoingMail {
            to: format!("person{n}@example.org"),
            subject: format!("Message {n}"),
            body: "Hello".into(),
        };
        app::mail::enqueue(&pool, &mail).await.unwrap();
    }
    let mut settings = Settings::defaults();
    settings.mail_retry_ms = 100;
    let boxes = [Arc::new(tokio::sync::Mutex::new(Vec::new())), Arc::new(tokio::sync::Mutex::new(Vec::new()))];
    let workers: Vec<_> = boxes
        .iter()
        .map(|sent| {
            let worker = MailWorker::new(
                pool.clone(),
                Mailer::Memory(sent.clone()),
                &settings,
                Arc::new(tokio::sync::Notify::new()),
            )
            .unwrap();
            tokio::spawn(async move {
                let mut total = 0;
                for _ in 0..20 {
                    total += worker.send_due().await.unwrap();
                }
                total
            })
        })
        .collect();
    let mut total = 0;
    for worker in workers {
        total += worker.await.unwrap();
    }

    let mut recipients = Vec::new();
    for sent in &boxes {
        for message in sent.lock().await.iter() {
            recipients.push(message.envelope().to()[0].to_string());
        }
    }
    recipients.sort();
    let sent_count = recipients.len();
    recipients.dedup();
    assert_eq!(total, 40);
    assert_eq!(sent_count, 40, "every message sent exactly once");
    assert_eq!(recipients.len(), 40);
}

on_both_engines!(
    mail_queued_while_smtp_is_down_is_delivered_when_it_returns,
    two_workers_on_one_database_never_send_a_message_twice
);
