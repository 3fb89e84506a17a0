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
