//! The involvement report as one PDF for a board pack: A4, the organisation's and the service's names, the
//! period, the date it was made, the summary, every section's heading, chart (drawn as vector graphics, bar
//! by bar, from the same published figures as the page's SVG) and table, the small-numbers note, the seams,
//! and "Page n of N" on every page. Written by `krilla` (no browser on the server) with DejaVu Sans embedded
//! as a subset (`app/assets/fonts`, under its licence there): the NHS's Frutiger cannot be shipped.
//!
//! It prints only what the report publishes (`InvolvementReport` holds suppressed text), so its small numbers
//! are the page's and the CSVs'.

use krilla::{
    color::rgb,
    geom::{PathBuilder, Point, Rect},
    metadata::Metadata,
    page::PageSettings,
    paint::{Fill, Stroke},
    text::{Font, GlyphId, KrillaGlyph},
    Document,
};
use skrifa::{
    charmap::Charmap, instance::LocationRef, instance::Size, metrics::GlyphMetrics, FontRef, MetadataProvider,
};

use super::involvement::{Chart, InvolvementReport, Table, SMALL_NUMBERS};
use crate::error::AppError;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points (210 × 297 mm).
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 50.0;
/// Where the body stops, above the footer.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 10.0;
const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

/// NHS blue, NHS dark grey (text) and a light grey for rules.
const BLUE: (u8, u8, u8) = (0, 94, 184);
const TEXT: (u8, u8, u8) = (33, 43, 50);
const RULE: (u8, u8, u8) = (216, 221, 224);

/// One thing drawn on a page, in points from the top left corner (text at its baseline).
enum Op {
    Text { x: f32, y: f32, size: f32, bold: bool, text: String },
    Rect { x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8) },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, colour: (u8, u8, u8) },
}

/// The report laid out page by page before anything is drawn, so that each footer can say how many pages
/// there are.
struct Layout {
    fonts: &'static Fonts,
    pages: Vec<Vec<Op>>,
    /// The next line's top on the current page.
    y: f32,
}

/// One font as measured (`skrifa`: its character map and advances at 1 point, so in ems) and as written
/// (`krilla`).
struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    pdf: Font,
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        Some(Face {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::new(1.0), LocationRef::default()),
            pdf: Font::new(bytes.into(), 0)?,
        })
    }

    /// Each character's glyph and its advance in ems (a character the font lacks: its "missing" glyph, 0.6 em).
    fn glyphs<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (std::ops::Range<usize>, u32, f32)> + 'a {
        text.char_indices().map(|(at, c)| {
            let glyph = self.charmap.map(c);
            let advance = glyph.and_then(|g| self.metrics.advance_width(g)).unwrap_or(0.6);
            (at..at + c.len_utf8(), glyph.map(|g| g.to_u32()).unwrap_or(0), advance)
        })
    }
}

/// The two fonts, parsed once for the life of the process rather than for every PDF.
struct Fonts {
    regular: Face,
    bold: Face,
}

fn fonts() -> Result<&'static Fonts, AppError> {
    static FONTS: std::sync::OnceLock<Option<Fonts>> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| Some(Fonts { regular: Face::parse(REGULAR)?, bold: Face::parse(BOLD)? }))
        .as_ref()
        .ok_or_else(|| AppError::internal("report pdf", "the fonts do not parse"))
}

impl Layout {
    fn new() -> Result<Self, AppError> {
        Ok(Layout { fonts: fonts()?, pages: vec![Vec::new()], y: MARGIN })
    }

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.fonts.bold } else { &self.fonts.regular };
        face.glyphs(text).map(|(_, _, advance)| advance).sum::<f32>() * size
    }

    /// `text` broken into lines no wider than `width` (a word longer than a line gets a line of its own).
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if !line.is_empty() && self.width(&candidate, size, bold) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.ops().push(Op::Text { x, y, size, bold, text: text.to_owned() });
    }

    /// A paragraph across the body's width.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool) {
        let leading = size * 1.35;
        for line in self.wrap(text, size, bold, WIDTH) {
            self.room_for(leading);
            self.y += leading;
            let y = self.y - size * 0.3;
            self.text_at(MARGIN, y, size, bold, &line);
        }
        self.y += size * 0.5;
    }

    fn heading(&mut self, text: &str, size: f32) {
        // Keep a heading with at least a few lines of what follows it.
        self.room_for(size * 2.0 + 60.0);
        self.y += size * 0.6;
        self.paragraph(text, size, true);
    }

    /// A horizontal bar chart: a label column, a bar per row scaled to the largest, the figure after each bar
    /// (or what a missing bar says), and what the bars measure below.
    fn chart(&mut self, chart: &Chart) {
        const ROW: f32 = 18.0;
        const LABELS: f32 = 150.0;
        let size = 8.5;
        let height = ROW * chart.bars.len() as f32 + 24.0;
        self.room_for(height);
        let top = self.y + 4.0;
        let largest = chart.bars.iter().filter_map(|(_, v)| *v).max().unwrap_or(0).max(5) as f32;
        let room = WIDTH - LABELS - 70.0;
        for (i, (label, value)) in chart.bars.iter().enumerate() {
            let row_top = top + ROW * i as f32;
            let baseline = row_top + ROW * 0.65;
            // One line: a label longer than the column ends in an ellipsis (the table below has it whole).
            let lines = self.wrap(label, size, false, LABELS - 14.0);
            let label = match lines.as_slice() {
                [] => String::new(),
                [one] if self.width(one, size, false) <= LABELS - 8.0 => one.clone(),
                [first, ..] => {
                    let mut cut: String = first.clone();
                    while !cut.is_empty() && self.width(&format!("{cut}…"), size, false) > LABELS - 8.0 {
                        cut.pop();
                    }
                    format!("{}…", cut.trim_end())
                }
            };
            self.text_at(MARGIN, baseline, size, false, &label);
            let x = MARGIN + LABELS;
            match value {
                Some(v) => {
                    let w = (*v as f32 / largest * room).max(0.0);
                    if w > 0.0 {
                        self.ops().push(Op::Rect { x, y: row_top + 3.0, w, h: ROW - 6.0, colour: BLUE });
                    }
                    self.text_at(x + w + 4.0, baseline, size, false, &v.to_string());
                }
                None => self.text_at(x + 2.0, baseline, size, false, &chart.missing),
            }
        }
        let axis_y = top + ROW * chart.bars.len() as f32;
        self.ops().push(Op::Line { x1: MARGIN + LABELS, y1: top, x2: MARGIN + LABELS, y2: axis_y, colour: TEXT });
        self.text_at(MARGIN + LABELS, axis_y + 12.0, size, false, &chart.axis);
        self.y = axis_y + 20.0;
    }

    /// A table: its caption, a header row and its rows, each cell wrapped within its column; the header is
    /// repeated on a new page.
    fn table(&mut self, table: &Table) {
        let size = 8.0;
        let leading = size * 1.3;
        let columns = table.columns.len().max(1) as f32;
        let first = (WIDTH * 0.34).max(WIDTH - columns * 80.0).min(WIDTH * 0.5);
        let other = (WIDTH - first) / columns;
        let widths: Vec<f32> = std::iter::once(first).chain(std::iter::repeat_n(other, table.columns.len())).collect();
        let mut header = vec![table.corner.clone()];
        header.extend(table.columns.iter().cloned());
        self.paragraph(&table.caption, 9.5, true);
        let row_lines = |layout: &Layout, cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells.iter().zip(&widths).map(|(c, w)| layout.wrap(c, size, bold, w - 6.0)).collect()
        };
        let draw_row = |layout: &mut Layout, lines: &[Vec<String>], bold: bool| {
            let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 4.0;
            let mut x = MARGIN;
            for (cell, w) in lines.iter().zip(&widths) {
                for (i, line) in cell.iter().enumerate() {
                    let y = layout.y + leading * (i as f32 + 1.0);
                    layout.text_at(x + 2.0, y, size, bold, line);
                }
                x += w;
            }
            layout.y += height;
            let y = layout.y - 1.0;
            layout.ops().push(Op::Line { x1: MARGIN, y1: y, x2: MARGIN + WIDTH, y2: y, colour: RULE });
        };
        let header_lines = row_lines(self, &header, true);
        let header_height = header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 4.0;
        self.room_for(header_height + 3.0 * leading);
        draw_row(self, &header_lines, true);
        for (name, cells) in &table.rows {
            let mut row = vec![name.clone()];
            row.extend(cells.iter().cloned());
            let lines = row_lines(self, &row, false);
            let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 4.0;
            if self.y + height > BODY_BOTTOM {
                self.new_page();
                draw_row(self, &header_lines, true);
            }
            draw_row(self, &lines, false);
        }
        self.y += 10.0;
    }
}

/// The report as a PDF: `organisation` (the deployment's name) heads it, `made_on` ("30 November 2026") says
/// when it was made. Errors: the PDF library failing to write it (`AppError::Internal`).
pub fn involvement_pdf(report: &InvolvementReport, organisation: &str, made_on: &str) -> Result<Vec<u8>, AppError> {
    let mut layout = Layout::new()?;
    let period = report.period().cloned().unwrap_or_else(|| super::involvement::Span {
        from: String::new(),
        to: String::new(),
        label: String::new(),
    });
    layout.paragraph(organisation, 11.0, false);
    layout.paragraph("Involvement report", 20.0, true);
    layout.paragraph(&report.scope_name, 14.0, true);
    layout.paragraph(&format!("{} ({} to {})", period.label, period.from, period.to), 11.0, false);
    layout.paragraph(&format!("Made on {made_on}"), 9.0, false);
    layout.heading("Summary", 14.0);
    for sentence in &report.summary {
        layout.paragraph(sentence, 10.0, false);
    }
    if let Some(previous) = report.periods.get(1) {
        layout.paragraph(&format!("Changes are from {}. {SMALL_NUMBERS}", previous.label), 8.5, false);
    }
    for section in &report.sections {
        layout.heading(&section.heading, 14.0);
        layout.paragraph(&section.intro, 9.5, false);
        layout.chart(&section.chart);
        layout.table(&section.table);
    }
    for seam in &report.seams {
        layout.heading(&seam.heading, 12.0);
        layout.paragraph(&seam.text, 9.5, false);
    }
    let footer = format!("Involvement report: {}, {}", report.scope_name, period.label);
    draw(layout, &footer, &format!("Involvement report: {}", report.scope_name))
}

/// Draws the laid-out pages with a footer on each: `footer` on the left, "Page n of N" on the right.
fn draw(layout: Layout, footer: &str, title: &str) -> Result<Vec<u8>, AppError> {
    let fonts = layout.fonts;
    let (regular, bold) = (&fonts.regular, &fonts.bold);
    let colour = |(r, g, b): (u8, u8, u8)| Fill { paint: rgb::Color::new(r, g, b).into(), ..Fill::default() };
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(title.to_owned()).language("en-GB".to_owned()));
    let settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| AppError::internal("report pdf", "A4"))?;
    let total = layout.pages.len();
    for (number, ops) in layout.pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text { x, y, size, bold: b, text: s } => {
                    put_text(&mut surface, if *b { bold } else { regular }, *x, *y, *size, s)
                }
                Op::Rect { x, y, w, h, colour: c } => {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        let mut path = PathBuilder::new();
                        path.push_rect(rect);
                        if let Some(path) = path.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(colour(*c)));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Line { x1, y1, x2, y2, colour: (r, g, b) } => {
                    let mut path = PathBuilder::new();
                    path.move_to(*x1, *y1);
                    path.line_to(*x2, *y2);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(*r, *g, *b).into(),
                            width: 0.75,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        let y = PAGE_HEIGHT - MARGIN + 16.0;
        put_text(&mut surface, regular, MARGIN, y, 8.0, footer);
        let numbered = format!("Page {} of {total}", number + 1);
        let w = layout.width(&numbered, 8.0, false);
        put_text(&mut surface, regular, PAGE_WIDTH - MARGIN - w, y, 8.0, &numbered);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| AppError::internal("report pdf", format!("{e:?}")))
}

/// Draws one line of text in the text colour with its baseline at `x`, `y`, glyph by glyph as measured: no
/// shaping, which the report's Latin text does not need, and which parsed the whole font again for every line
/// (`krilla`'s `draw_text` makes a `rustybuzz` face each time): most of the time a PDF took.
fn put_text(surface: &mut krilla::surface::Surface<'_>, face: &Face, x: f32, y: f32, size: f32, text: &str) {
    let (r, g, b) = TEXT;
    surface.set_stroke(None);
    surface.set_fill(Some(Fill { paint: rgb::Color::new(r, g, b).into(), ..Fill::default() }));
    let glyphs: Vec<KrillaGlyph> = face
        .glyphs(text)
        .map(|(range, glyph, advance)| KrillaGlyph::new(GlyphId::new(glyph), advance, 0.0, 0.0, 0.0, range, None))
        .collect();
    surface.draw_glyphs(Point::from_xy(x, y), &glyphs, face.pdf.clone(), text, size, false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_width_and_keeps_every_word() {
        let layout = Layout::new().expect("fonts");
        let text = "Patients and carers involved at each level of the continuum in this period and the four before it.";
        let lines = layout.wrap(text, 10.0, false, 150.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| layout.width(l, 10.0, false) <= 150.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }
}
