//! Server-rendered SVG charts, drawn with `plotters`. Suppressed counts are not drawn; every chart sits
//! beside a table with the same figures for screen readers and for reading exact values.

use plotters::prelude::*;

/// NHS blue.
const BLUE: RGBColor = RGBColor(0, 94, 184);
const TEXT: RGBColor = RGBColor(33, 43, 50);

/// A horizontal bar chart: one bar per labelled row (drawn top to bottom in the order given). A `None` row has
/// no bar but says `missing` (such as "fewer than 5") where its bar would start. Returns the SVG document.
pub fn horizontal_bars(rows: &[(&str, Option<i64>)], axis_label: &str, missing: &str) -> Result<String, String> {
    let mut svg = String::new();
    {
        let height = 60 + 44 * u32::try_from(rows.len()).unwrap_or(5);
        // 420 wide: scaled to a 390-pixel phone, its 17-unit text is still about 13 pixels.
        let root = SVGBackend::with_string(&mut svg, (420, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let largest = rows.iter().filter_map(|(_, v)| *v).max().unwrap_or(0).max(5);
        let count = i32::try_from(rows.len()).unwrap_or(5);
        let labels: Vec<String> = rows.iter().map(|(l, _)| (*l).to_owned()).collect();
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(150)
            .build_cartesian_2d(0i64..(largest + largest / 8 + 1), (0..count).into_segmented())
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows.len())
            .bold_line_style(RGBColor(216, 221, 224))
            .light_line_style(TRANSPARENT)
            .x_desc(axis_label)
            .label_style(("sans-serif", 17).into_font().color(&TEXT))
            .y_label_formatter(&|value| match value {
                SegmentValue::CenterOf(i) => {
                    usize::try_from(count - 1 - *i).ok().and_then(|i| labels.get(i)).cloned().unwrap_or_default()
                }
                _ => String::new(),
            })
            .draw()
            .map_err(|e| e.to_string())?;
        let bars = rows.iter().enumerate().filter_map(|(index, (_, value))| {
            let value = (*value)?;
            // The first row is drawn at the top.
            let slot = count - 1 - i32::try_from(index).ok()?;
            let mut bar =
                Rectangle::new([(0, SegmentValue::Exact(slot)), (value, SegmentValue::Exact(slot + 1))], BLUE.filled());
            bar.set_margin(8, 8, 0, 0);
            Some(bar)
        });
        chart.draw_series(bars).map_err(|e| e.to_string())?;
        let notes = rows.iter().enumerate().filter(|(_, (_, value))| value.is_none()).filter_map(|(index, _)| {
            let slot = count - 1 - i32::try_from(index).ok()?;
            Some(Text::new(
                missing.to_owned(),
                (largest / 50, SegmentValue::CenterOf(slot)),
                ("sans-serif", 16).into_font().color(&TEXT),
            ))
        });
        chart.draw_series(notes).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_chart_is_an_svg_with_a_bar_per_drawn_row_and_every_label() {
        let svg = super::horizontal_bars(
            &[("Partnership", Some(12)), ("Inclusion", None), ("Information", Some(40))],
            "People",
            "fewer than 5",
        )
        .unwrap();
        assert!(svg.contains("fewer than 5"), "a suppressed row says so");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Partnership") && svg.contains("Inclusion") && svg.contains("Information"));
        assert_eq!(svg.matches("fill=\"#005EB8\"").count(), 2, "{svg}");
    }
}
