//! The administrator's work: services, roles, disabling accounts; every change in the audit trail.

use app::accounts::types::Role;
use continuum_tests::{assert_signed_in, form_error, location, on_both_engines, spawn_app, Backend, PASSWORD};

async fn an_administrator_creates_and_renames_services_with_clear_messages(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in_as_admin().await;

    let created =
        app.post_form("/api/create_service", "/admin/services", &[("name", "  Personality   Disorder Service ")]).await;
    assert_eq!(location(&created), "/admin/services");
    let duplicate =
        app.post_form("/api/create_service", "/admin/services", &[("name", "personality disorder service")]).await;
    let error = form_error(duplicate).await.expect("refused");
    assert_eq!(error.field_errors()[0].message, "There is already a service with this name");
    let empty = app.post_form("/api/create_service", "/admin/services", &[("name", "   ")]).await;
    assert_eq!(form_error(empty).await.expect("refused").field_errors()[0].message, "Enter the service's name");

    let id: String = sqlx::query_scalar("SELECT id FROM service").fetch_one(&app.pool).await.unwrap();
    let renamed =
        app.post_form("/api/rename_service", "/admin/services", &[("service_id", &id), ("name", "PD Service")]).await;
    assert_eq!(location(&renamed), "/admin/services");
    let page = app.page("/admin/services").await;
    assert!(page.contains("PD Service"));
    let audited: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_event WHERE subject_id = $1")
        .bind(&id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 2, "creation and rename are audited");
}

async fn an_administrator_grants_and_revokes_roles(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let person = app.add_person("sam@example.org", "Sam Jones", false, &[]).await;
    app.sign_in_as_admin().await;

    let granted = app
        .post_form(
            "/api/grant_role",
            "/admin/people",
            &[("person_id", person.id.as_str()), ("service_id", &service), ("role", "steering_member")],
        )
        .await;
    assert_eq!(location(&granted), format!("/admin/people/{}", person.id));
    assert!(app
        .page(&format!("/admin/people/{}", person.id))
        .await
        .contains("Steering group member in CAS Day Service"));
    let bad_role = app
        .post_form(
            "/api/grant_role",
            &format!("/admin/people/{}", person.id),
            &[("person_id", person.id.as_str()), ("service_id", &service), ("role", "overlord")],
        )
        .await;
    assert_eq!(form_error(bad_role).await.expect("refused").field_errors()[0].field, "role");

    app.post_form(
        "/api/revoke_role",
        "/admin/people",
        &[("person_id", person.id.as_str()), ("service_id", &service), ("role", "steering_member")],
    )
    .await;

    let roles: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM role_grant").fetch_one(&app.pool).await.unwrap();
    assert_eq!(roles, 0);
}

async fn disabling_an_account_signs_the_person_out_everywhere(backend: Backend) {
    let app = spawn_app(backend).await;
    let service = app.add_service("CAS Day Service").await;
    let person = app.add_person("sam@example.org", "Sam Jones", false, &[(&service, Role::Patient)]).await;
    let sam = continuum_tests::new_client();
    let signed_in = sam
        .post(app.url("/api/sign_in"))
        .header("origin", &app.address)
        .form(&[("email", "sam@example.org"), ("password", PASSWORD), ("next", "/account")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303);
    assert_eq!(sam.get(app.url("/account")).send().await.unwrap().status(), 200);
    let admin = app.sign_in_as_admin().await;

    app.post_form(
        "/api/set_account_disabled",
        "/admin/people",
        &[("person_id", person.id.as_str()), ("disabled", "true")],
    )
    .await;

    assert_eq!(sam.get(app.url("/account")).send().await.unwrap().status(), 303, "Sam's session has ended");
    let own = app
        .post_form(
            "/api/set_account_disabled",
            "/admin/people",
            &[("person_id", admin.id.as_str()), ("disabled", "true")],
        )
        .await;
    assert!(form_error(own).await.is_some(), "an administrator cannot disable themselves");
    assert_signed_in(app.sign_in(&admin.email, PASSWORD).await);
}

async fn people_change_their_own_name_and_password(backend: Backend) {
    let app = spawn_app(backend).await;
    let person = app.sign_in_as(Role::Staff).await;

    let renamed = app.post_form("/api/update_my_name", "/account", &[("name", "Dr  Tom Walsh")]).await;
    assert_eq!(location(&renamed), "/account?saved=name");
    assert!(app.page("/account?saved=name").await.contains("Dr Tom Walsh"));

    let wrong = app
        .post_form(
            "/api/change_my_password",
            "/account",
            &[
                ("current_password", "not it"),
                ("new_password", "a fresh long password"),
                ("confirm_password", "a fresh long password"),
            ],
        )
        .await;
    assert_eq!(form_error(wrong).await.expect("refused").field_errors()[0].field, "current_password");
    let changed = app
        .post_form(
            "/api/change_my_password",
            "/account",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a fresh long password"),
                ("confirm_password", "a fresh long password"),
            ],
        )
        .await;
    assert_eq!(location(&changed), "/account?saved=password");
    assert_signed_in(app.sign_in(&person.email, "a fresh long password").await);
}

on_both_engines!(
    an_administrator_creates_and_renames_services_with_clear_messages,
    an_administrator_grants_and_revokes_roles,
    disabling_an_account_signs_the_person_out_everywhere,
    people_change_their_own_name_and_password,
);
