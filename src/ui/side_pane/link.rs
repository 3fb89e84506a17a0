//! The side pane for a selected link of the text: its words, its address (which the event loop
//! lays an OSC 8 hyperlink over), and what `o`, Enter and `y` do with it.

use ratatui::text::{Line, Span};

use super::{UrlRows, section};
use crate::app::{Action, App};
use crate::ui::wrap_text;

/// The side pane's title for a selected link: " Link · 3/12 ".
pub(super) fn link_title(app: &App) -> String {
    let links = &app.article.links;
    let index = app.view.link.unwrap_or(0);
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
        app.lang.pick("Image", "Image")
    } else {
        app.lang.pick("Link", "Lien")
    };
    format!(" {what} · {nth}/{count} ")
}

/// A selected link: its words, its address (the rows returned), and what `o` and `y` do.
pub(super) fn link_lines(
    app: &App,
    link: &crate::content::Link,
    width: usize,
) -> (Vec<Line<'static>>, UrlRows) {
    let lang = app.lang;
    let theme = &app.theme;
    let french = app.article.is_french();
    let mut out = Vec::new();
    let label = if link.image {
        lang.pick("Image (its description)", "Image (sa description)")
    } else {
        lang.pick("Link", "Lien")
    };
    out.push(Line::from(Span::styled(label.to_owned(), theme.label)));
    out.push(Line::default());
    let words = app.article.slice(link.range.clone()).replace('\n', " ");
    out.extend(wrap_text(
        &crate::i18n::quoted(lang, &words),
        width,
        theme.link,
        french,
    ));
    section(&mut out, lang.pick("Address", "Adresse"), theme.label);
    let start = out.len();
    out.extend(wrap_text(&link.url, width, theme.text, false));
    let rows = start..out.len();
    out.push(Line::default());
    let key = |action| app.keymap.first_key(action).map(|k| k.label(lang));
    let mut keys = Vec::new();
    let open = [key(Action::OpenSource), key(Action::SelectVisible)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(lang.pick(" or ", " ou "));
    let inside = link.url.starts_with('#');
    if (inside || crate::desk::safe_url(&link.url).is_some()) && !open.is_empty() {
        let what = if inside {
            lang.pick("go to this heading", "aller à ce titre")
        } else {
            lang.pick("open it in the browser", "l’ouvrir dans le navigateur")
        };
        keys.push(format!("{open} {what}"));
    } else {
        out.extend(wrap_text(
            lang.pick(
                "glose opens only web addresses (http, https).",
                "glose n’ouvre que les adresses web (http, https).",
            ),
            width,
            theme.dim,
            false,
        ));
    }
    if let Some(copy) = key(Action::CopyCitation) {
        keys.push(format!(
            "{copy} {}",
            lang.pick("copy the address", "copier l’adresse")
        ));
    }
    if let Some(next) = key(Action::NextAnnotation) {
        keys.push(format!("{next} {}", lang.pick("next", "suivant")));
    }
    if let Some(clear) = key(Action::ClearSelection) {
        keys.push(format!("{clear} {}", lang.pick("back", "retour")));
    }
    out.extend(wrap_text(&keys.join(" · "), width, theme.dim, false));
    (out, Some((rows, link.url.clone())))
}

/// The links (and images) whose words are on the rows of the focused pane now on screen.
pub(super) fn links_on_screen(app: &App) -> Vec<&crate::content::Link> {
    let focus = app.view.focus;
    let Some(layout) = app.layout(focus) else {
        return Vec::new();
    };
    let top = app.view.tops.get(focus).map_or(0, |t| t.row);
    let height = app
        .screen
        .as_ref()
        .and_then(|s| s.panes.iter().find(|p| p.pane == focus))
        .map_or(0, |p| usize::from(p.text.height));
    let rows = layout
        .rows
        .get(top..(top + height).min(layout.rows.len()))
        .unwrap_or_default();
    let (Some(first), Some(last)) = (
        rows.iter().map(|r| r.range.start).min(),
        rows.iter().map(|r| r.range.end).max(),
    ) else {
        return Vec::new();
    };
    let article = &app.article;
    let from = article.links.partition_point(|l| l.range.end <= first);
    article
        .links
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|l| l.range.start < last)
        .filter(|l| !l.range.is_empty())
        .collect()
}
