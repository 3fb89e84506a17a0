//! The article bundled in the binary: it loads without errors, has the expected parts, and
//! annotates each figure and quote the guide asks for exactly once.

use glose::content::anchor::normalize;
use glose::content::{Article, parse_bundled};

fn article() -> Article {
    match parse_bundled() {
        Ok(loaded) => loaded.article,
        Err(error) => panic!("the bundled article does not load:\n{error}"),
    }
}

#[test]
fn the_bundled_article_has_its_six_parts() {
    let article = article();
    let ids: Vec<&str> = article.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "introduction",
            "partie-1",
            "partie-2",
            "partie-3",
            "conclusion",
            "references"
        ]
    );
}

/// Words that must each be annotated, by exactly one annotation.
const ANCHORED: [&str; 15] = [
    "430 millions de modérateurs",
    "80 %",
    "2,22 milliards de dollars",
    "17,10 milliards",
    "1,34 à 2 dollars de l’heure",
    "90 %",
    "torture mentale",
    "Ils profitent de notre pauvreté",
    "priorité morale",
    "intelligents",
    "data workers",
    "Les robots vont voler",
    "sexuel",
    "violent",
    "automutilation",
];

#[test]
fn each_key_figure_and_quote_is_annotated_once() {
    let article = article();
    let annotated: Vec<(String, String)> = article
        .annotations
        .iter()
        .map(|a| (a.id.clone(), normalize(article.slice(a.range.clone()))))
        .collect();
    let mut problems = Vec::new();
    for words in ANCHORED {
        let words = normalize(words);
        let by: Vec<&str> = annotated
            .iter()
            .filter(|(_, text)| text.contains(&words))
            .map(|(id, _)| id.as_str())
            .collect();
        if by.len() != 1 {
            problems.push(format!("« {words} » is annotated by {by:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_reference_resolves() {
    let article = article();
    for annotation in &article.annotations {
        if let Some(source) = annotation.source {
            assert!(
                source < article.sources.len(),
                "annotation '{}'",
                annotation.id
            );
        }
        assert!(annotation.part < article.parts.len());
        let paragraphs = &article.parts[annotation.part].paragraphs;
        let paragraph = &paragraphs[annotation.paragraph];
        assert!(paragraph.start <= annotation.range.start && annotation.range.end <= paragraph.end);
    }
    for stop in &article.tour {
        assert!(stop.part < article.parts.len(), "stop '{}'", stop.title);
        if let Some(annotation) = stop.annotation {
            assert!(
                annotation < article.annotations.len(),
                "stop '{}'",
                stop.title
            );
            assert_eq!(article.annotations[annotation].part, stop.part);
        }
    }
}

/// The guided tour is a real one-hour workshop: 7 to 10 stops, 45 to 60 planned minutes with
/// the reading of the essay, a closing debate of 10 to 12 minutes, and a content warning first.
#[test]
fn the_tour_fits_a_one_hour_workshop_and_opens_with_a_content_warning() {
    let article = article();
    let tour = &article.tour;
    assert!(
        (7..=10).contains(&tour.len()),
        "{} stops: a one-hour workshop has 7 to 10",
        tour.len()
    );
    let total: u32 = tour.iter().map(|s| s.minutes).sum();
    assert!(
        (45..=60).contains(&total),
        "{total} planned minutes: 45 to 60, reading included"
    );
    // The essay is read in the workshop (or the tour says it was read beforehand).
    let reading = tour
        .iter()
        .take(2)
        .any(|s| s.say.contains("Lecture") || s.say.contains("lu avant"));
    assert!(reading, "the first stops give time to read the essay");
    let last = tour.last().expect("a tour");
    assert!(last.title.starts_with("Débat"), "{}", last.title);
    assert!(
        (10..=12).contains(&last.minutes),
        "the closing debate lasts {} minutes",
        last.minutes
    );
    // Stop 1 warns of what the essay shows, and that anyone may step out.
    let first = &tour[0];
    let warning = format!("{} {}", first.title, first.say).to_lowercase();
    for words in [
        "avertissement",
        "cadavres",
        "pédophilie",
        "torture",
        "viols",
        "sortir",
    ] {
        assert!(
            warning.contains(words),
            "stop 1 does not mention « {words} »"
        );
    }
}

/// Words of a question that carry its meaning: folded, at least four letters.
fn meaningful_words(question: &str) -> std::collections::BTreeSet<String> {
    glose::search::fold(question)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_owned)
        .collect()
}

/// Each question is asked once in the handout: none of the tour's questions repeats, even
/// reworded, a question of an annotation or of another stop. (The earlier tour repeated six.)
#[test]
fn no_question_is_asked_twice() {
    let article = article();
    let mut asked: Vec<(String, &str)> = Vec::new();
    for annotation in &article.annotations {
        for question in &annotation.questions {
            asked.push((format!("annotation '{}'", annotation.id), question));
        }
    }
    for (i, stop) in article.tour.iter().enumerate() {
        for question in &stop.questions {
            asked.push((format!("stop {}", i + 1), question));
        }
    }
    let mut repeats = Vec::new();
    for (i, (where_a, a)) in asked.iter().enumerate() {
        // Pairs with at least one stop: two annotations may share a theme.
        for (where_b, b) in asked
            .iter()
            .skip(i + 1)
            .filter(|(w, _)| w.starts_with("stop"))
        {
            let (wa, wb) = (meaningful_words(a), meaningful_words(b));
            let shared = wa.intersection(&wb).count();
            let smaller = wa.len().min(wb.len()).max(1);
            // Two fifths of the shorter question's words: the same question, reworded.
            if shared * 5 >= smaller * 2 {
                repeats.push(format!("{where_a}: {a}\n  {where_b}: {b}"));
            }
        }
    }
    assert!(repeats.is_empty(), "asked twice:\n{}", repeats.join("\n"));
}

/// The room votes twice (`glose present --room`): where the 80 % comes from, and what OpenAI
/// paid Sama per hour (TIME, 2023: 12,50 dollars) beside the worker's 2 dollars at most.
#[test]
fn the_tour_has_two_polls_that_teach_something() {
    use glose::content::Poll;
    let article = article();
    let polls: Vec<(usize, &Poll)> = article
        .tour
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.poll.as_ref().map(|p| (i + 1, p)))
        .collect();
    assert_eq!(polls.len(), 2, "{polls:?}");
    let choices = |p: &Poll| match p {
        Poll::Choices(c) => c.clone(),
        Poll::Guess { .. } => Vec::new(),
    };
    assert_eq!(polls[0].0, 4);
    assert!(
        choices(polls[0].1)
            .iter()
            .any(|c| c.contains("cabinet de conseil"))
    );
    assert_eq!(polls[1].0, 5);
    assert!(choices(polls[1].1).iter().any(|c| c.contains("12,50")));
    for (number, _) in &polls {
        assert!(
            !article.tour[number - 1].questions.is_empty(),
            "stop {number} asks the poll's question"
        );
    }
}
