//! Absolute links to this site, for mail and posters: the one function that builds them.
//!
//! Continuum may be deployed under a path (`CONTINUUM_BASE_URL=https://intranet.example.nhs.uk/continuum/`).
//! `Url::set_path` would replace that path, so a link built with it would lose `/continuum`; [`absolute`]
//! appends the site path to the base URL's own path instead, and drops any query or fragment the base URL had.

/// The absolute address of `path` (a site path such as `/f/dbt-group`) under `base_url`, keeping the base
/// URL's path, with `query` pairs (encoded here) if any.
///
/// `https://intranet.example.nhs.uk/continuum/` (or `…/continuum`) and `/f/x` give
/// `https://intranet.example.nhs.uk/continuum/f/x`; `http://127.0.0.1:3000` and `/f/x` give
/// `http://127.0.0.1:3000/f/x`.
pub fn absolute(base_url: &url::Url, path: &str, query: &[(&str, &str)]) -> String {
    let mut url = base_url.clone();
    let joined = format!("{}/{}", url.path().trim_end_matches('/'), path.trim_start_matches('/'));
    url.set_path(&joined);
    url.set_fragment(None);
    url.set_query(None);
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    }
    url.to_string()
}

/// The query parameters that carry a secret in a link mailed to someone (`?token=…`: an applicant's status
/// link, an invitation, a password reset, cancelling an event place; `?key=…`: a referee's link, confirming
/// an application sent again). A page opened with one is sent `Cache-Control: no-store` (by the server's
/// gate), so neither a shared computer's browser nor a proxy keeps what it shows.
pub const SECRET_PARAMETERS: [&str; 2] = ["token", "key"];

/// Whether an address's query (`a=1&token=…`) carries a secret (see [`SECRET_PARAMETERS`]).
pub fn carries_secret(query: Option<&str>) -> bool {
    query.is_some_and(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .any(|(name, value)| SECRET_PARAMETERS.contains(&&*name) && !value.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(text: &str) -> url::Url {
        url::Url::parse(text).unwrap()
    }

    #[test]
    fn a_base_url_with_a_path_keeps_it() {
        let continuum = base("https://intranet.example.nhs.uk/continuum/");
        assert_eq!(absolute(&continuum, "/f/x", &[]), "https://intranet.example.nhs.uk/continuum/f/x");
        let without_slash = base("https://intranet.example.nhs.uk/continuum");
        assert_eq!(absolute(&without_slash, "/f/x", &[]), "https://intranet.example.nhs.uk/continuum/f/x");
        assert_eq!(
            absolute(&continuum, "/events/cancel", &[("token", "a b&c")]),
            "https://intranet.example.nhs.uk/continuum/events/cancel?token=a+b%26c"
        );
    }

    #[test]
    fn a_secret_is_found_in_a_query_however_it_is_placed() {
        assert!(carries_secret(Some("token=abc")));
        assert!(carries_secret(Some("withdrawn=1&token=abc")));
        assert!(carries_secret(Some("key=abc")));
        assert!(!carries_secret(Some("key=")));
        assert!(!carries_secret(Some("applied=new")));
        assert!(!carries_secret(None));
    }

    #[test]
    fn a_base_url_without_a_path_gives_site_paths() {
        assert_eq!(absolute(&base("http://127.0.0.1:3000"), "/f/x", &[]), "http://127.0.0.1:3000/f/x");
        assert_eq!(absolute(&base("http://127.0.0.1:3000/"), "f/x", &[]), "http://127.0.0.1:3000/f/x");
        assert_eq!(absolute(&base("http://a.example/?q=1#top"), "/sign-in", &[]), "http://a.example/sign-in");
    }
}
