//! The side pane for a selected link of the text: its words, its address (which the event loop
//! lays an OSC 8 hyperlink over), and what `o`, Enter and `y` do with it.

use crate::i18n::links as msg;
use ratatui::text::{Line, Span};

use super::{Side, UrlRows};
use crate::content::{Article, Link};
use crate::i18n::Lang;
use crate::layout::lines::{section, wrap_text};

/// The side pane's title for a selected link: " Link · 3/12 ".
pub fn link_title(article: &Article, lang: Lang, link: usize) -> String {
    let links = &article.links;
    let index = link;
    let image = links.get(index).is_some_and(|l| l.image);
    let count = links.iter().filter(|l| !l.range.is_empty()).count();
    let nth = links
        .get(..index)
        .unwrap_or_default()
        .iter()
        .filter(|l| !l.range.is_empty())
        .count()
        + 1;
    let what = if image {
        msg::image(lang)
    } else {
        msg::link(lang)
    };
    format!(" {what} · {nth}/{count} ")
}

/// A selected link: its words, its address (the rows returned), and what `o` and `y` do.
pub(super) fn link_lines(
    side: &Side<'_>,
    link: &Link,
    width: usize,
) -> (Vec<Line<'static>>, UrlRows) {
    let lang = side.lang;
    let theme = side.theme;
    let french = side.article.is_french();
    let mut out = Vec::new();
    let label = if link.image {
        msg::image_description(lang)
    } else {
        msg::link(lang)
    };
    out.push(Line::from(Span::styled(label.to_owned(), theme.label)));
    out.push(Line::default());
    let words = side.article.slice(link.range.clone()).replace('\n', " ");
    out.extend(wrap_text(
        &crate::i18n::quoted(lang, &words),
        width,
        theme.link,
        french,
    ));
    section(&mut out, msg::address(lang), theme.label);
    let start = out.len();
    out.extend(wrap_text(&link.url, width, theme.text, false));
    let rows = start..out.len();
    out.push(Line::default());
    let keys_in_force = &side.keys;
    let mut keys = Vec::new();
    let open = [&keys_in_force.open, &keys_in_force.follow]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(msg::or(lang));
    let inside = link.url.starts_with('#');
    if (inside || crate::text::sanitize::safe_url(&link.url).is_some()) && !open.is_empty() {
        let what = if inside {
            msg::go_heading(lang)
        } else {
            msg::open_browser(lang)
        };
        keys.push(format!("{open} {what}"));
    } else {
        out.extend(wrap_text(
            msg::opens_only_web_addresses(lang),
            width,
            theme.dim,
            false,
        ));
    }
    if let Some(copy) = &keys_in_force.copy {
        keys.push(format!("{copy} {}", msg::copy_address(lang)));
    }
    if let Some(next) = &keys_in_force.next {
        keys.push(format!("{next} {}", msg::next(lang)));
    }
    if let Some(clear) = &keys_in_force.clear {
        keys.push(format!("{clear} {}", msg::back(lang)));
    }
    out.extend(wrap_text(&keys.join(" · "), width, theme.dim, false));
    (out, Some((rows, link.url.clone())))
}
