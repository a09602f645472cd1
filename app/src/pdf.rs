//! PDF files that staff upload — information's leaflets and participation's meeting papers — checked, stored
//! and served one way: the one size limit (5 MB), a content check by the file's first bytes (never its name
//! or the type the browser claims), the multipart upload read in chunks
//! and refused as soon as it passes the limit, base64 text in a TEXT column (one portable type on SQLite and
//! PostgreSQL), and the response that serves a file as `application/pdf`.
//!
//! A shared kernel: it knows no capability. Each capability keeps its own table and access rule.

use std::collections::HashMap;

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// The largest PDF accepted, in bytes: 5 MB (5 × 1024 × 1024).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The message for a file over [`MAX_BYTES`].
pub const TOO_BIG: &str = "The file must be smaller than 5 MB";

/// A one-page A4 PDF with `line` in 24-point Helvetica near its top, built by hand so demo data needs no
/// files (information's demo leaflet, participation's demo papers). Parentheses and backslashes in `line` are
/// escaped as PDF strings need; keep it to one short line of plain ASCII.
pub fn one_page(line: &str) -> Vec<u8> {
    let escaped = line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let text = format!("BT /F1 24 Tf 72 720 Td ({escaped}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", n + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// Checks an uploaded file: present, no larger than [`MAX_BYTES`], and a PDF by its first bytes (`%PDF-`).
/// `kind` names what must be a PDF in the message, in the plural ("Leaflets", "Papers").
///
/// Errors: the message to show beside the file field.
pub fn check(file_name: &str, bytes: &[u8], kind: &str) -> Result<(), String> {
    if bytes.is_empty() {
        return Err("Choose a PDF file to upload".into());
    }
    if bytes.len() > MAX_BYTES {
        return Err(TOO_BIG.into());
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err(format!("{file_name} is not a PDF. {kind} must be PDF files"));
    }
    Ok(())
}

/// A file as uploaded: the name the browser gave it and its bytes (at most [`MAX_BYTES`]).
#[derive(Debug, Default)]
pub struct UploadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The file was larger than [`MAX_BYTES`]: reading stopped there and `bytes` is incomplete.
    pub too_big: bool,
}

/// A multipart form as read: its text fields and its files, by field name.
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: HashMap<String, String>,
    pub files: HashMap<String, UploadedFile>,
}

impl Upload {
    /// A text field's value, empty when it was not sent.
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// Takes the file of a field (an empty one when none was chosen).
    pub fn take_file(&mut self, name: &str) -> UploadedFile {
        self.files.remove(name).unwrap_or_default()
    }
}

/// Reads a multipart upload: the fields named in `file_fields` as files, read in chunks and cut off (marked
/// `too_big`) as soon as one passes [`MAX_BYTES`]; every other field as text.
///
/// Errors: a body that cannot be read, as a message beside the field `file_fields[0]`.
#[cfg(feature = "ssr")]
pub async fn read_upload(data: server_fn::codec::MultipartData, file_fields: &[&str]) -> Result<Upload, AppError> {
    let first = file_fields.first().copied().unwrap_or("file");
    let unreadable = |e: &dyn std::fmt::Display| AppError::field(first, format!("The upload could not be read: {e}"));
    let mut form = data.into_inner().ok_or(AppError::Internal)?;
    let mut upload = Upload::default();
    while let Some(mut field) = form.next_field().await.map_err(|e| unreadable(&e))? {
        let name = field.name().unwrap_or_default().to_owned();
        if file_fields.contains(&name.as_str()) {
            let mut file =
                UploadedFile { name: field.file_name().unwrap_or("file.pdf").to_owned(), ..UploadedFile::default() };
            while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
                if file.bytes.len() + chunk.len() > MAX_BYTES {
                    file.too_big = true;
                    break;
                }
                file.bytes.extend_from_slice(&chunk);
            }
            upload.files.insert(name, file);
        } else {
            let text = field.text().await.unwrap_or_default();
            upload.fields.insert(name, text);
        }
    }
    Ok(upload)
}

/// The bytes as stored: standard base64 text.
#[cfg(feature = "ssr")]
pub fn encode(bytes: &[u8]) -> String {
    use base64::{engine::general_purpose::STANDARD, Engine as _};
    STANDARD.encode(bytes)
}

/// The bytes of stored base64 text. Errors: text that is not base64, as a decode error for the row.
#[cfg(feature = "ssr")]
pub fn decode(stored: &str) -> Result<Vec<u8>, sqlx::Error> {
    use base64::{engine::general_purpose::STANDARD, Engine as _};
    STANDARD.decode(stored).map_err(|e| sqlx::Error::Decode(e.into()))
}

/// Serves a PDF: `application/pdf`, shown in the browser (`inline`) under `file_name` (the uploaded name, or one
/// built from a title), which travels only in `Content-Disposition`, encoded by `crate::download`; cached as `cache_control` says (`public, max-age=3600` for a published leaflet,
/// `private, no-store` for a paper only members may read). Every response is also sent with `nosniff`, so a
/// browser never treats the file as anything else.
#[cfg(feature = "ssr")]
pub fn serve(file_name: &str, bytes: Vec<u8>, cache_control: &str) -> axum::response::Response {
    use crate::download::Disposition;
    use axum::response::IntoResponse;
    use http::header;
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, crate::download::content_disposition(Disposition::Inline, file_name)),
            (header::CACHE_CONTROL, cache_control.to_owned()),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_made_in_code_is_a_pdf_the_upload_check_accepts() {
        let pdf = one_page("Feedback summary (March)");
        assert!(check("paper.pdf", &pdf, "Papers").is_ok());
        let text = String::from_utf8(pdf).unwrap();
        assert!(text.contains("(Feedback summary \\(March\\)) Tj") && text.ends_with("%%EOF\n"), "{text}");
    }

    #[test]
    fn only_real_pdfs_within_the_limit_are_accepted() {
        assert!(check("a.pdf", b"%PDF-1.7 ...", "Leaflets").is_ok());
        assert_eq!(
            check("photo.pdf", b"\x89PNG....", "Leaflets").unwrap_err(),
            "photo.pdf is not a PDF. Leaflets must be PDF files"
        );
        assert_eq!(
            check("notes.docx", b"PK\x03\x04", "Papers").unwrap_err(),
            "notes.docx is not a PDF. Papers must be PDF files"
        );
        assert_eq!(check("a.pdf", b"", "Papers").unwrap_err(), "Choose a PDF file to upload");
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_BYTES]].concat();
        assert_eq!(check("big.pdf", &big, "Papers").unwrap_err(), TOO_BIG);
        let exactly = [b"%PDF-".as_slice(), &vec![0u8; MAX_BYTES - 5]].concat();
        assert!(check("limit.pdf", &exactly, "Papers").is_ok(), "5 MB exactly is within the limit");
    }
}
