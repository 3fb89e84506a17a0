//! The room's page: one plain HTML page, readable without script (a form posts the vote and
//! comes back), that `room.js` keeps current from the event stream. No build step, no CDN:
//! the script and the style sheet are served by glose itself.
//!
//! Every text is escaped here (`html_escape`); the script only ever sets `textContent`.

use crate::i18n::room as msg;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::Shared;
use super::view::Shown;
use super::votes::Answer;
use crate::content::Poll;
use crate::i18n::Lang;

pub const SCRIPT: &str = include_str!("assets/room.js");
pub const STYLE: &str = include_str!("assets/room.css");

/// Words the page and its script use, in the room's language.
fn labels(lang: Lang) -> [(&'static str, &'static str); 12] {
    msg::page_labels(lang)
}

/// A number as the page shows it (`12.5`, `12,5` in French).
fn number(value: f64, lang: Lang) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    lang.decimal(format!("{rounded}"))
}

/// The page for the state `shown`, marking `ballot` (this browser's vote), with `notice` (the
/// answer to a vote without script) at the top.
pub fn html(shared: &Shared, shown: Shown, ballot: Option<Answer>, notice: Option<&str>) -> String {
    let lang = shared.lang;
    let code = &shared.code;
    let mut data = String::new();
    for (name, value) in labels(lang) {
        data.push_str(&format!(" data-l-{name}=\"{}\"", attr(value)));
    }
    let state_url = format!("/{code}/events");
    let mut body = String::new();
    if let Some(notice) = notice {
        body.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}</p>\n",
            text(notice)
        ));
    }
    body.push_str(&stop_html(shared, shown, ballot));
    let lang_tag = lang.tag();
    let published = shared.state.borrow().json.clone();
    format!(
        "<!doctype html>\n<html lang=\"{lang_tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/{code}/room.css\">\n\
         <script src=\"/{code}/room.js\" defer></script>\n</head>\n\
         <body data-events=\"{events}\" data-vote=\"/{code}/vote\"{data}>\n\
         <header><p class=\"article\">{title}</p><p class=\"live\" id=\"live\" \
         aria-live=\"polite\"></p></header>\n<main id=\"stop\" aria-live=\"polite\">\n{body}</main>\n\
         <script type=\"application/json\" id=\"state\">{state}</script>\n</body>\n</html>\n",
        title = text(&shared.title),
        events = attr(&state_url),
        state = json_in_html(&published),
    )
}

/// JSON that can sit inside a `<script type="application/json">`: `<` never appears as is.
fn json_in_html(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The stop, without script: what the script draws too (`room.js` mirrors this markup).
fn stop_html(shared: &Shared, shown: Shown, ballot: Option<Answer>) -> String {
    let lang = shared.lang;
    let Some(stop) = shared.stops.get(shown.stop) else {
        return String::new();
    };
    if shown.blanked {
        return format!(
            "<p class=\"paused\">{}</p>\n",
            text(msg::screen_paused(lang))
        );
    }
    let mut out = format!(
        "<p class=\"progress\">{} {}/{}</p>\n<h1>{}</h1>\n",
        text(msg::stop(lang)),
        shown.stop + 1,
        shared.stops.len(),
        text(&stop.title)
    );
    if let Some(heading) = &stop.heading {
        out.push_str(&format!("<h2>{}</h2>\n", text(heading)));
    }
    if let Some(p) = &stop.passage {
        out.push_str("<blockquote class=\"passage\"><p>");
        out.push_str(&text(&p.before));
        if !p.marked.is_empty() {
            out.push_str(&format!(
                "<mark title=\"{}\">{}</mark>",
                attr(&p.kind),
                text(&p.marked)
            ));
        }
        out.push_str(&text(&p.after));
        out.push_str("</p></blockquote>\n");
    }
    if let Some(big) = &stop.big {
        out.push_str(&format!("<p class=\"big\">{}</p>\n", text(big)));
    }
    if shown.revealed
        && let Some(v) = &stop.verdict
    {
        out.push_str("<section class=\"verdict\">");
        if let Some(label) = &v.label {
            out.push_str(&format!(
                "<h2>{}{}{}</h2>",
                text(msg::verdict(lang)),
                lang.colon(),
                text(label)
            ));
        }
        if let Some(source) = &v.source {
            out.push_str(&format!(
                "<p class=\"source\">{} {}</p>",
                text(msg::source(lang)),
                text(source)
            ));
        }
        if !v.note.is_empty() {
            out.push_str(&format!("<p>{}</p>", text(&v.note)));
        }
        out.push_str("</section>\n");
    }
    if !stop.questions.is_empty() {
        out.push_str("<ul class=\"questions\">");
        for q in &stop.questions {
            out.push_str(&format!("<li>{}</li>", text(q)));
        }
        out.push_str("</ul>\n");
    }
    if let Some(poll) = &stop.poll {
        out.push_str(&poll_html(shared, shown, poll, ballot));
    }
    out
}

fn poll_html(shared: &Shared, shown: Shown, poll: &Poll, ballot: Option<Answer>) -> String {
    let lang = shared.lang;
    let disabled = if shown.revealed { " disabled" } else { "" };
    let mut out = format!(
        "<form class=\"poll\" method=\"post\" action=\"/{}/vote\">\n\
         <fieldset{disabled}><legend>{}</legend>\n\
         <input type=\"hidden\" name=\"stop\" value=\"{}\">\n",
        shared.code,
        text(msg::your_answer(lang)),
        shown.stop
    );
    let results = if shown.revealed {
        shared.tally(shown.stop)
    } else {
        None
    };
    match poll {
        Poll::Choices(choices) => {
            for (i, choice) in choices.iter().enumerate() {
                let pressed = ballot == Some(Answer::Choice(i));
                let count = results
                    .as_ref()
                    .and_then(|t| t.counts.get(i))
                    .map(|n| format!(" <span class=\"count\">{n}</span>"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<button type=\"submit\" name=\"choice\" value=\"{}\" aria-pressed=\"{pressed}\">\
                     <span class=\"n\">{}</span> {}{count}</button>\n",
                    i + 1,
                    i + 1,
                    text(choice)
                ));
            }
        }
        Poll::Guess {
            unit,
            min,
            max,
            answer,
        } => {
            let value = match ballot {
                Some(Answer::Value(v)) => format!(" value=\"{v}\""),
                _ => String::new(),
            };
            out.push_str(&format!(
                "<label><input type=\"number\" name=\"value\" min=\"{min}\" max=\"{max}\" \
                 step=\"any\" inputmode=\"decimal\" required{value}> {}</label>\n\
                 <button type=\"submit\">{}</button>\n",
                text(unit),
                text(msg::send(lang))
            ));
            if let Some(tally) = &results {
                let median = tally
                    .median()
                    .map(|m| format!(" · {} {}", text(msg::median(lang)), number(m, lang)))
                    .unwrap_or_default();
                let truth = answer
                    .map(|a| format!(" · {} {a} {}", text(msg::the_answer(lang)), text(unit)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<p class=\"results\">{} {}{median}{truth}</p>\n",
                    tally.answers,
                    text(msg::answers(lang))
                ));
            }
        }
    }
    if let Some(Answer::Choice(_) | Answer::Value(_)) = ballot {
        let shown_ballot = match (ballot, poll) {
            (Some(Answer::Choice(i)), Poll::Choices(choices)) => {
                choices.get(i).cloned().unwrap_or_default()
            }
            (Some(Answer::Value(v)), _) => number(v, lang),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<p class=\"ballot\">{} {}</p>\n",
            text(msg::your_answer_colon(lang)),
            text(&shown_ballot)
        ));
    }
    out.push_str("</fieldset>\n</form>\n");
    out
}
