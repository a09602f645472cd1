//! Papers' plain routes: each paper and its easy-read version as a PDF, and each meeting's `.ics` file. All
//! are for the group's current members and its service's staff, signed in (a visitor who is not is sent to
//! sign in first); a confidential item's paper is refused (403) to a member who is an observer.

use axum::{
    extract::{OriginalUri, Path, State},
    http::header,
    response::{IntoResponse, Response},
    routing::get,
    Extension,
};
use http::Method;

use super::{db, server::ensure_reads_paper, PaperId};
use crate::{
    accounts::access::{ensure_reads_group, SignedInUser, Visitor},
    capability::PlainRoute,
    download::{self, Disposition},
    error::AppError,
    forms,
    participation::{db as participation_db, server::meeting_and_group, types::MeetingId},
    state::AppState,
};

pub fn routes() -> Vec<PlainRoute> {
    vec![
        PlainRoute { path: "/participation/papers/{id}/{name}", methods: &[Method::GET], handler: get(paper) },
        PlainRoute {
            path: "/participation/papers/{id}/easy-read/{name}",
            methods: &[Method::GET],
            handler: get(easy_read),
        },
        PlainRoute {
            path: "/participation/meetings/{id}/meeting.ics",
            methods: &[Method::GET],
            handler: get(calendar),
        },
    ]
}

/// A paper's file name and bytes (its easy-read version's when `easy_read`), if `user` may read it.
async fn paper_file(
    state: &AppState,
    user: &SignedInUser,
    id: &PaperId,
    easy_read: bool,
) -> Result<(String, Vec<u8>), AppError> {
    let mut conn = state.pool.acquire().await?;
    let (paper, meeting_id) = db::fetch_paper(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let (_, group, membership) = meeting_and_group(&mut conn, &meeting_id).await?;
    let members = participation_db::list_members(&mut conn, &group.id).await?;
    ensure_reads_paper(user, &membership, &members, paper.confidential)?;
    let name = if easy_read { paper.easy_read.map(|(name, _)| name) } else { Some(paper.file_name) };
    let name = name.ok_or(AppError::NotFound)?;
    let bytes = db::fetch_paper_file(&mut conn, id, easy_read).await?.ok_or(AppError::NotFound)?;
    Ok((name, bytes))
}

/// Papers are for members only: never kept by a shared cache or on a shared computer's disk.
const PRIVATE: &str = "private, no-store";

async fn serve_paper(
    state: AppState,
    visitor: Visitor,
    uri: &http::Uri,
    (id, file): (PaperId, String),
    easy_read: bool,
) -> Response {
    if let Some(moved) = crate::download::moved(&file, super::PAPER_FILE, &super::paper_href(&id, easy_read)) {
        return moved;
    }
    let Some(user) = visitor.user else { return forms::sign_in_first(uri) };
    match paper_file(&state, &user, &id, easy_read).await {
        Ok((name, bytes)) => crate::pdf::serve(&name, bytes, PRIVATE),
        Err(error) => forms::refusal(&state, &error),
    }
}

/// `GET /participation/papers/{id}/paper.pdf`: a paper (`Paper::href`; the download keeps its uploaded name in
/// `Content-Disposition`). Any other last segment is an old address that ended in that name: 308 to the address
/// without it.
pub async fn paper(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path(id_and_file): Path<(PaperId, String)>,
) -> Response {
    serve_paper(state, visitor, &uri, id_and_file, false).await
}

/// `GET /participation/papers/{id}/easy-read/paper.pdf`: a paper's easy-read version (`Paper::easy_read_href`).
pub async fn easy_read(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path(id_and_file): Path<(PaperId, String)>,
) -> Response {
    serve_paper(state, visitor, &uri, id_and_file, true).await
}

async fn calendar_text(state: &AppState, user: &SignedInUser, id: &MeetingId) -> Result<String, AppError> {
    let mut conn = state.pool.acquire().await?;
    let (meeting, group, membership) = meeting_and_group(&mut conn, id).await?;
    ensure_reads_group(user, &membership)?;
    let items = participation_db::list_agenda(&mut conn, id).await?;
    let base = &state.security.base_url;
    let page = crate::links::absolute(base, &format!("/participation/meetings/{id}"), &[]);
    let host = base.host_str().unwrap_or("continuum");
    Ok(super::ics::meeting_calendar(&state.clock, &group, &meeting, &items, &page, host))
}

/// `GET /participation/meetings/{id}/meeting.ics`: the meeting as an iCalendar file, for the group's members
/// and its service's staff. No confidential item is in it.
pub async fn calendar(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<MeetingId>,
) -> Response {
    let Some(user) = visitor.user else { return forms::sign_in_first(&uri) };
    match calendar_text(&state, &user, &id).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, download::content_disposition(Disposition::Attachment, "meeting.ics")),
                (header::CACHE_CONTROL, PRIVATE.to_owned()),
            ],
            text,
        )
            .into_response(),
        Err(error) => forms::refusal(&state, &error),
    }
}
