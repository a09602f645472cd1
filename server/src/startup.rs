//! Building and running the application: the database, the mail worker, housekeeping and the web server,
//! assembled the same way for `continuum serve` and for the tests (which bind port 0).

use std::{
    net::SocketAddr,
    sync::{Arc, OnceLock},
    time::Duration,
};

use anyhow::Context;
use app::{
    accounts::{password, throttle::SignInThrottle},
    capability::{self, Parts},
    shell,
    site::SiteInfo,
    state::{AppState, SecuritySettings},
    App,
};
use axum::{
    body::Body,
    extract::{Request, State},
    http::StatusCode,
    middleware,
    response::{Html, IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use secrecy::ExposeSecret;
use sqlx::AnyPool;
use tokio::{net::TcpListener, sync::watch};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer, services::ServeDir,
    trace::TraceLayer,
};

use crate::{
    config::Settings,
    db,
    forms::{self, BODY_LIMIT},
    health,
    mail::{MailWorker, Mailer},
    refusals, reuse,
    security::{self, Gate},
};

/// The longest file name the usual file systems allow, in bytes; a longer path segment names no file.
const MAX_FILE_NAME: usize = 255;

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    worker: MailWorker,
    mail_description: String,
    /// The SQLite file opened at start, watched while serving; `None` on PostgreSQL.
    database_file: Option<Arc<db::DatabaseFile>>,
}

impl Application {
    /// Connects to and migrates the database, binds the listening socket and assembles the router.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let pool = db::connect(&settings.database_url, settings.database_options()).await?;
        db::migrate(&pool).await?;
        Self::build_with_pool(settings, pool).await
    }

    /// As `build`, with a pool opened (and migrated) by the caller.
    pub async fn build_with_pool(settings: Settings, pool: AnyPool) -> anyhow::Result<Self> {
        let database_file = db::DatabaseFile::of(&settings.database_url)?.map(Arc::new);
        password::warm_up().await;
        let configured_key = settings.device_key.as_ref().map(|k| k.expose_secret().to_owned());
        let device_key = app::accounts::device::load_or_create_key(&pool, configured_key.as_deref())
            .await
            .map_err(|e| anyhow::anyhow!("the device key: {e}"))?;
        let mailer = Mailer::from_settings(&settings)?;
        let mail_description = mailer.describe();
        let mail_wakeup = Arc::new(tokio::sync::Notify::new());
        let worker = MailWorker::new(pool.clone(), mailer, &settings, mail_wakeup.clone())?;

        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("could not listen on {}", settings.listen))?;
        let local = listener.local_addr()?;
        let site_root = settings.site_root.to_string_lossy().into_owned();
        let leptos_options = LeptosOptions::builder()
            .output_name("continuum")
            .site_root(site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(local)
            .build();
        let mut state = AppState {
            pool,
            site: Arc::new(SiteInfo {
                organisation: settings.organisation.clone(),
                crisis_contacts: settings.crisis_contact_lines(),
                contact: app::site::OrganisationContact {
                    email: settings.contact_email.clone(),
                    phone: settings.contact_phone.clone(),
                    address: settings.contact_address.clone(),
                    data_protection: settings.data_protection_officer.clone(),
                },
            }),
            security: Arc::new(SecuritySettings {
                base_url: settings.base_url.clone(),
                secure_cookies: settings.secure_cookies,
                session_idle: settings.session_idle(),
                session_absolute: settings.session_absolute(),
                feedback_burst_per_client: settings.feedback_burst_per_client,
                feedback_burst_per_form: settings.feedback_burst_per_form,
                applicant_retention_months: settings.applicant_retention_months,
            }),
            throttle: Arc::new(SignInThrottle::new(device_key)),
            clock: settings.clock(),
            parts: Parts::default(),
            mail_wakeup,
            leptos_options: Arc::new(leptos_options),
        };
        // Each capability starts its runtime parts (the response writer, caches) for this app server.
        state.parts = state.clock.clone().sync_scope(|| Parts::start(&state));
        let base_url = &settings.base_url;
        let base_authority: Arc<str> = base_url[url::Position::BeforeHost..url::Position::AfterPort].into();
        let gate = Gate { app: state.clone(), behind_proxy: settings.behind_proxy, base_authority };
        let router = router(state.clone(), gate, &settings, database_file.clone());
        Ok(Self { listener, router, state, worker, mail_description, database_file })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn pool(&self) -> AnyPool {
        self.state.pool.clone()
    }

    /// Serves until Ctrl-C or SIGTERM, with the mail worker and housekeeping running beside the server.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        tracing::info!("{}", self.mail_description);
        let worker = tokio::spawn(self.state.clock.clone().scope(self.worker.run(stop_rx.clone())));
        let housekeeping = tokio::spawn(housekeeping(self.state.clone(), stop_rx.clone()));
        if let Some(file) = self.database_file.clone() {
            tokio::spawn(health::watch_database_file(self.state.pool.clone(), file, stop_rx));
        }
        tracing::info!("Continuum is listening on http://{}", self.listener.local_addr()?);
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        let _ = stop_tx.send(true);
        let _ = tokio::join!(worker, housekeeping);
        Ok(())
    }
}

/// The app's routes, generated once per process.
///
/// Generating them sets a process-global flag in Leptos that suspends the first poll of any resource while it
/// is set (leptos-rs/leptos#4773): a page rendering on another thread at that moment never finishes. Doing it
/// once, before any server in the process can serve, closes that window; it matters wherever one process builds
/// several apps, as the tests do. Public for the access matrix test, which lists the same routes.
pub fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState, gate: Gate, settings: &Settings, database_file: Option<Arc<db::DatabaseFile>>) -> Router {
    let routes = routes();
    let context_state = state.clone();
    let clock = state.clock.clone();
    let shell_options = state.leptos_options.clone();
    let not_found = {
        let state = state.clone();
        move |request: Request<Body>| {
            let state = state.clone();
            async move { render_not_found(state, request).await }
        }
    };
    // Files compressed ahead of time (`file.br`, `file.gz`, made by scripts/setup.sh) are sent as they are.
    let serve_dir = {
        let not_found = not_found.clone();
        ServeDir::new(&settings.site_root).precompressed_br().precompressed_gzip().not_found_service(tower::service_fn(
            move |request: Request<Body>| {
                let not_found = not_found.clone();
                async move { Ok::<_, std::convert::Infallible>(not_found(request).await) }
            },
        ))
    };
    // A path no file can have (a name longer than file systems allow, or a NUL byte) is not found, rather
    // than an error from the file system.
    // A form sent to an address that is no page and no file is not found too (the file server would answer
    // 405 to any method but GET and HEAD, as if the address existed).
    let site_root = std::path::PathBuf::from(&settings.site_root);
    let static_files = tower::service_fn(move |request: Request<Body>| {
        let (serve_dir, not_found) = (serve_dir.clone(), not_found.clone());
        let site_root = site_root.clone();
        async move {
            let path = request.uri().path();
            if path.split('/').any(|segment| segment.len() > MAX_FILE_NAME) || path.to_ascii_lowercase().contains("%00")
            {
                return Ok::<_, std::convert::Infallible>(not_found(request).await);
            }
            let reads = request.method() == http::Method::GET || request.method() == http::Method::HEAD;
            if !reads && !is_site_file(&site_root, path) {
                return Ok(not_found(request).await);
            }
            match tower::ServiceExt::oneshot(serve_dir, request).await {
                Ok(response) => Ok(response.into_response()),
                Err(never) => match never {},
            }
        }
    });
    let mut router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(move |State(state): State<AppState>| health::readyz(state, database_file.clone())));
    // Each capability's plain routes (exports, pages rendered in one go).
    for capability in capability::all() {
        for route in (capability.routes)() {
            router = router.route(route.path, route.handler);
        }
    }
    router
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                provide_context(context_state.clock.clone());
            },
            move || shell((*shell_options).clone()),
        )
        .fallback_service(static_files)
        // Innermost: it sees every request that reaches a page or a server function, and the clock and nonce.
        .layer(middleware::from_fn_with_state(reuse::PageReuse::default(), reuse::public_pages))
        .layer(middleware::from_fn(refusals::server_fn_status))
        .layer(middleware::from_fn(refusals::refuse_malformed_multipart))
        // Requests other than plain form posts (which `plain_posts` reads itself, to answer with a page).
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn_with_state((state.clone(), gate.base_authority.clone()), forms::plain_posts))
        .layer(middleware::from_fn_with_state(gate.clone(), security::resolve_visitor))
        .layer(middleware::from_fn_with_state(gate.clone(), security::refuse_cross_origin))
        // Inside the security headers, so that even the page for a panic carries them.
        .layer(CatchPanicLayer::custom(|_| calm_500()))
        .layer(middleware::from_fn_with_state(gate, security::security_headers))
        // Every request reads this app server's clock (the middleware above and the handlers within).
        .layer(middleware::from_fn(move |request: Request<Body>, next: middleware::Next| {
            let clock = clock.clone();
            async move { clock.scope(next.run(request)).await }
        }))
        .layer(CompressionLayer::new())
        // The default trace layer records method and path only: never a client address or a body.
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Whether `path` (an address's path) names a file under the site's root: its segments are plain names (no
/// `..`, no percent-escapes, which no file Continuum serves has).
fn is_site_file(site_root: &std::path::Path, path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || segments.iter().any(|s| *s == ".." || *s == "." || s.contains('%') || s.contains('\\')) {
        return false;
    }
    segments.iter().fold(site_root.to_path_buf(), |p, s| p.join(s)).is_file()
}

/// Renders the app's 404 page (inside the normal page frame) for a path no route or file matches. It is a
/// light page (`app::routes::ServedLight`): no script, whoever asks, as for every public page.
async fn render_not_found(state: AppState, request: Request<Body>) -> Response {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(state.clone());
            provide_context(state.clock.clone());
            provide_context(app::routes::ServedLight);
        },
        move || shell((*options).clone()),
    );
    handler(request).await.into_response()
}

/// What a person sees if a request handler panics: a calm page, no internals.
pub(crate) fn calm_500() -> Response {
    let page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Sorry, there is a problem – Continuum</title>\
        <link rel=\"stylesheet\" href=\"/vendor/nhsuk-frontend.min.css\"></head><body><main class=\"nhsuk-width-container\">\
        <h1>Sorry, there is a problem with the service</h1><p>Nothing you sent has been lost on our side, but it may not have \
        been saved. Please try again in a few minutes.</p><p>If you need help now, call NHS <a href=\"tel:111\">111</a> and choose option 2, or call \
        Samaritans on <a href=\"tel:116123\">116 123</a>.</p><p><a href=\"/\">Go to the home page</a></p></main></body></html>";
    (StatusCode::INTERNAL_SERVER_ERROR, Html(page)).into_response()
}

/// The plain routes every capability adds, with their methods: for the access matrix test, which requests
/// each of them as every kind of person.
pub fn plain_routes() -> Vec<(http::Method, &'static str)> {
    let mut routes = vec![(http::Method::GET, "/healthz"), (http::Method::GET, "/readyz")];
    for capability in capability::all() {
        for route in (capability.routes)() {
            routes.extend(route.methods.iter().map(|method| (method.clone(), route.path)));
        }
    }
    routes
}

/// Regular work: every capability's housekeeping jobs (event reminders, expired sessions, …), every five
/// minutes. A failing job is logged and tried again next time; the others still run.
async fn housekeeping(state: AppState, mut stop: watch::Receiver<bool>) {
    let capabilities = capability::all();
    loop {
        for capability in &capabilities {
            for job in capability.jobs {
                match state.clock.clone().scope((job.run)(&state)).await {
                    Ok(done) if done > 0 => tracing::info!(job = job.name, done, "housekeeping"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(job = job.name, error = %error, "housekeeping job failed"),
                }
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(300)) => {}
            _ = stop.changed() => return,
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
