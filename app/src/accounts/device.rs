//! Recognising a browser a person signed in from before, so that throttling never locks them out of it.
//!
//! At every successful sign-in the browser gets a cookie `continuum_device` (`__Host-continuum_device` with
//! secure cookies): `<expires>.<mac>`, where `expires` is a Unix time 90 days on and `mac` is
//! HMAC-SHA256(key, `"device\n" + lower-cased email + "\n" + expires`), URL-safe base64. It holds no email and
//! no id, only proof that this browser signed in to that account recently. An attempt to sign in to the same
//! account from it is throttled on its own (`throttle::Via::RecognisedDevice`), so that nobody's wrong
//! guesses from elsewhere can keep the person out.
//!
//! The key comes from `CONTINUUM_DEVICE_KEY`, or else is 32 random bytes made at first start and kept in the
//! `site_secret` table, so every app server of a deployment signs and checks with the same key.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::state::SecuritySettings;

/// How long a browser stays recognised after a sign-in from it.
pub const RECOGNISED_FOR_DAYS: i64 = 90;

/// The key that signs device cookies. Not `Debug` or `Serialize`: it is a secret.
#[derive(Clone)]
pub struct DeviceKey(Vec<u8>);

impl DeviceKey {
    /// A key from configured text (at least 32 bytes of it).
    pub fn from_setting(text: &str) -> Result<Self, String> {
        if text.len() < 32 {
            return Err("CONTINUUM_DEVICE_KEY must be at least 32 characters long".into());
        }
        Ok(Self(text.as_bytes().to_vec()))
    }

    /// A new random key of 32 bytes.
    pub fn random() -> Self {
        let mut bytes = vec![0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    fn mac(&self, account: &str, expires: i64) -> Option<Hmac<Sha256>> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).ok()?;
        mac.update(format!("device\n{account}\n{expires}").as_bytes());
        Some(mac)
    }

    /// The cookie value for a browser that has just signed in to `account` (the lower-cased email) at `now`
    /// (Unix seconds).
    pub fn value_for(&self, account: &str, now: i64) -> String {
        let expires = now + RECOGNISED_FOR_DAYS * 86_400;
        let tag =
            self.mac(account, expires).map(|m| URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())).unwrap_or_default();
        format!("{expires}.{tag}")
    }

    /// True when `value` is this key's unexpired cookie for `account` at `now` (Unix seconds). The comparison
    /// takes the same time wherever the tags differ.
    pub fn recognises(&self, value: &str, account: &str, now: i64) -> bool {
        let Some((expires, tag)) = value.split_once('.') else { return false };
        let Ok(expires) = expires.parse::<i64>() else { return false };
        let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else { return false };
        expires > now && self.mac(account, expires).is_some_and(|mac| mac.verify_slice(&tag).is_ok())
    }

    /// The key as stored in `site_secret`.
    pub fn to_stored(&self) -> String {
        URL_SAFE_NO_PAD.encode(&self.0)
    }

    pub fn from_stored(text: &str) -> Option<Self> {
        URL_SAFE_NO_PAD.decode(text).ok().filter(|b| b.len() >= 32).map(Self)
    }
}

/// The name of the device cookie.
pub fn cookie_name(security: &SecuritySettings) -> &'static str {
    if security.secure_cookies {
        "__Host-continuum_device"
    } else {
        "continuum_device"
    }
}

/// The `Set-Cookie` value that makes this browser recognised for `account`.
pub fn device_cookie(key: &DeviceKey, account: &str, now: i64, security: &SecuritySettings) -> String {
    let secure = if security.secure_cookies { "; Secure" } else { "" };
    let max_age = RECOGNISED_FOR_DAYS * 86_400;
    format!(
        "{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(security),
        key.value_for(account, now)
    )
}

/// The device cookie's value in a `Cookie` header, if any.
pub fn from_cookie_header(header: &str, security: &SecuritySettings) -> Option<String> {
    crate::forms::cookie_value(header, cookie_name(security))
}

/// The device key: the configured one, or the deployment's stored one, made now if this is the first start.
/// Several servers starting at once agree: the first insert wins and everyone reads it back.
pub async fn load_or_create_key(pool: &sqlx::AnyPool, configured: Option<&str>) -> Result<DeviceKey, String> {
    if let Some(text) = configured {
        return DeviceKey::from_setting(text);
    }
    let made = DeviceKey::random();
    let mut write = crate::db::begin_write(pool).await.map_err(|e| e.to_string())?;
    sqlx::query(
        "INSERT INTO site_secret (name, value, created_at) VALUES ('device_key', $1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(made.to_stored())
    .bind(crate::db::now())
    .execute(&mut *write)
    .await
    .map_err(|e| e.to_string())?;
    let stored: String = sqlx::query_scalar("SELECT value FROM site_secret WHERE name = 'device_key'")
        .fetch_one(&mut *write)
        .await
        .map_err(|e| e.to_string())?;
    write.commit().await.map_err(|e| e.to_string())?;
    DeviceKey::from_stored(&stored).ok_or_else(|| "the stored device key is malformed".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_cookie_is_recognised_for_its_account_until_it_expires_and_never_forged() {
        let key = DeviceKey::random();
        let value = key.value_for("sam@example.org", 1_000);
        assert!(key.recognises(&value, "sam@example.org", 1_000));
        assert!(!key.recognises(&value, "alex@example.org", 1_000));
        assert!(!key.recognises(&value, "sam@example.org", 1_000 + RECOGNISED_FOR_DAYS * 86_400));
        assert!(!DeviceKey::random().recognises(&value, "sam@example.org", 1_000));
        let (expires, tag) = value.split_once('.').unwrap();
        let later: i64 = expires.parse::<i64>().unwrap() + 86_400;
        assert!(!key.recognises(&format!("{later}.{tag}"), "sam@example.org", 1_000));
        assert!(!key.recognises("garbage", "sam@example.org", 1_000));
    }
}
