//! Safe Markdown for pages staff write. No HTML from a person ever reaches a page as HTML: raw HTML in the
//! Markdown is shown as text, and a link or image is kept only if it goes to `http`, `https`, `mailto`, `tel`
//! or a path on this site (so `javascript:` and `data:` links become plain text). Headings start at level 2,
//! under the page's own title.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Whether a link destination is safe to keep.
fn safe_destination(url: &str) -> bool {
    let url = url.trim();
    let lower: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("//") {
        return false;
    }
    match lower.split_once(':') {
        // Relative paths and fragments; a colon after a `/`, `?` or `#` is not a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => matches!(scheme, "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

fn number(level: HeadingLevel) -> usize {
    level as usize
}

fn level_of(n: usize) -> HeadingLevel {
    match n {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Renders Markdown to HTML that is safe to put in a page.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // The page's top heading becomes an h2 (the page title is the h1) and the rest keep their steps below it,
    // so headings never skip a level whether the writer started with # or ##.
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(number(level)),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = |level: HeadingLevel| level_of(number(level) + 2 - top.min(number(level)));
    // Links whose destination was refused: their text stays, the link goes. A stack, since links can nest in
    // the event stream (an image inside a link).
    let mut dropped: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let safe = safe_destination(&dest_url);
            dropped.push(!safe);
            safe.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) => (!dropped.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Image { dest_url, .. }) if !safe_destination(&dest_url) => {
            dropped.push(true);
            Some(Event::Text(CowStr::Borrowed("")))
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            dropped.push(false);
            Some(Event::Start(Tag::Image { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Image) => (!dropped.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Image)),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: shift(level), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shift(level)))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn script_tags_are_shown_as_text() {
        let html = render(
            "Hello <script>alert('x')</script>\n\n<script>\nalert(1)\n</script>\n\n<img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn javascript_and_data_links_lose_their_link_but_keep_their_words() {
        for evil in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "data:text/html,<script>x</script>",
            "vbscript:x",
            "//evil.example",
        ] {
            let html = render(&format!("[click me]({evil})"));
            assert!(!html.contains("href"), "{evil}: {html}");
            assert!(html.contains("click me"), "{evil}: {html}");
        }
        let html = render("![pic](javascript:alert(1))");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn ordinary_links_and_formatting_work() {
        let html = render("# Open days\n\nSee [the NHS](https://www.nhs.uk), [our page](/info/groups) or [email](mailto:team@example.org).\n\n- **one**\n- two");
        assert!(html.contains("<h2>Open days</h2>"), "headings sit under the page title: {html}");
        let from_two = render("## Groups\n\n### Tuesdays\n\ntext");
        assert!(
            from_two.contains("<h2>Groups</h2>") && from_two.contains("<h3>Tuesdays</h3>"),
            "no skipped level: {from_two}"
        );
        assert!(html.contains(r#"<a href="https://www.nhs.uk">the NHS</a>"#));
        assert!(html.contains(r#"<a href="/info/groups">our page</a>"#));
        assert!(html.contains("mailto:team@example.org"));
        assert!(html.contains("<strong>one</strong>"));
    }
}
