//! Server-side sessions. The browser holds a random token in an HttpOnly, SameSite=Lax cookie; the database
//! holds only its SHA-256 hash, so a leaked copy of the database cannot be used to sign in.
//!
//! A session ends when unused for `session_idle` or `session_absolute` after sign-in, whichever comes
//! first; signing in always starts a new session (the token rotates), and signing out deletes it.

use crate::accounts::types::PersonId;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use super::{access::SignedInUser, db};
use crate::{
    db::{parse_timestamp, timestamp},
    state::SecuritySettings,
};

/// The cookie's name. With secure cookies it carries the `__Host-` prefix, which browsers only accept over
/// HTTPS, for the whole site and from this host: no subdomain can plant or read it.
pub fn cookie_name(security: &SecuritySettings) -> &'static str {
    if security.secure_cookies {
        "__Host-continuum_session"
    } else {
        "continuum_session"
    }
}

/// A new random token (256 bits) for a cookie or a one-time link.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database stores in place of a token.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Set-Cookie` value that gives the browser a session token.
pub fn session_cookie(token: &str, security: &SecuritySettings) -> String {
    let secure = if security.secure_cookies { "; Secure" } else { "" };
    let max_age = security.session_absolute.as_secs();
    format!("{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}", cookie_name(security))
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(security: &SecuritySettings) -> String {
    let secure = if security.secure_cookies { "; Secure" } else { "" };
    format!("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}", cookie_name(security))
}

/// Reads the session token from a `Cookie` header.
pub fn token_from_cookie_header(header: &str, security: &SecuritySettings) -> Option<String> {
    crate::forms::cookie_value(header, cookie_name(security))
}

/// Starts a session for a person and returns the token for the cookie.
pub async fn start(
    conn: &mut sqlx::AnyConnection,
    person_id: &PersonId,
    security: &SecuritySettings,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    let now = crate::clock::now();
    let absolute = chrono::Duration::from_std(security.session_absolute).unwrap_or(chrono::Duration::hours(12));
    db::insert_session(conn, &hash_token(&token), person_id, &timestamp(now), &timestamp(now + absolute)).await?;
    Ok(token)
}

/// How often a busy session's `last_seen_at` is written: often enough for idle expiry, rarely enough that
/// page views are not all writes.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// The person a session token belongs to, if the session is live and the account is not disabled.
pub async fn resolve(
    pool: &AnyPool,
    token: &str,
    security: &SecuritySettings,
) -> Result<Option<SignedInUser>, sqlx::Error> {
    let Some(row) = db::fetch_live_session(pool, &hash_token(token)).await? else {
        return Ok(None);
    };
    let now = crate::clock::now();
    let idle = chrono::Duration::from_std(security.session_idle).unwrap_or(chrono::Duration::hours(1));
    let last_seen = parse_timestamp(&row.last_seen_at);
    if now >= parse_timestamp(&row.expires_at) || now >= last_seen + idle {
        db::delete_session(pool, &row.session_id).await?;
        return Ok(None);
    }
    if (now - last_seen).num_seconds() >= TOUCH_EVERY_SECONDS {
        db::touch_session(pool, &row.session_id, &timestamp(now)).await?;
    }
    let roles = db::list_roles_of(pool, &row.person_id).await?;
    Ok(Some(SignedInUser {
        id: row.person_id,
        session_id: row.session_id,
        name: row.display_name,
        email: row.email,
        is_admin: row.is_admin != 0,
        roles,
    }))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn security(secure: bool) -> SecuritySettings {
        SecuritySettings {
            base_url: url::Url::parse("http://127.0.0.1:3000").unwrap(),
            secure_cookies: secure,
            session_idle: Duration::from_secs(3600),
            session_absolute: Duration::from_secs(43200),
            feedback_burst_per_client: 20,
            feedback_burst_per_form: 300,
            applicant_retention_months: 12,
        }
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_when_configured() {
        let cookie = session_cookie("abc", &security(true));
        assert!(cookie.starts_with("__Host-continuum_session=abc; Path=/; HttpOnly; SameSite=Lax"));
        assert!(cookie.ends_with("; Secure"));
        assert!(!session_cookie("abc", &security(false)).contains("Secure"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies_and_hashes_differently_from_itself() {
        let s = security(false);
        assert_eq!(token_from_cookie_header("a=1; continuum_session=tok; b=2", &s).as_deref(), Some("tok"));
        assert_eq!(token_from_cookie_header("a=1", &s), None);
        let token = new_token();
        assert_eq!(token.len(), 43);
        assert_ne!(hash_token(&token), token);
        assert_eq!(hash_token(&token).len(), 64);
    }
}
