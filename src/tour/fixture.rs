//! A small real-looking article with a tour, for the tests of the tour, the presenter, the notes
//! window and the handout: excerpts of the bundled essay, three annotations (a figure, a quote,
//! a figure with a range), two sources and four stops (one of them a part).

use crate::content::{
    Annotation, AnnotationKind, Article, Meta, Part, PartKind, Source, TourStop, Verdict,
};

const PARTS: [(&str, PartKind, &str, &[&str]); 3] = [
    (
        "partie-1",
        PartKind::Part,
        "I-Le mythe d’une IA autonome",
        &[
            "Derrière l’apparente autonomie des intelligences artificielles, une immense \
             main-d’œuvre s’active pour approvisionner chaque jour les systèmes en données. Selon \
             la Banque mondiale, près de 430 millions de modérateurs, souvent en situation de \
             précarité, sont chargés d’entraîner les algorithmes en classifiant des contenus \
             visionnés à la chaîne.",
            "Les « data workers » constituent alors la cheville ouvrière du développement de \
             l’IA : on estime que 80\u{a0}% du temps consacré à un projet de développement \
             d’intelligence artificielle est dédié à la collecte, la préparation et l’annotation \
             des données (Cognilytica Research, 2019).",
        ],
    ),
    (
        "partie-2",
        PartKind::Part,
        "II. Une économie fondée sur le silence et l’oubli",
        &[
            "Au Kenya, les “data workers” perçoivent une rémunération de 1,34 à 2 dollars de \
             l’heure, un salaire de survie qui s’apparente aux critères de dépendance économique \
             (Casilli, 2024).",
        ],
    ),
    (
        "conclusion",
        PartKind::Conclusion,
        "Conclusion",
        &[
            "C’est bien cette logique que Sam Altman, PDG d’Open AI prône pour construire un \
             paradis technologique « Les robots vont voler des métiers et tuer des humains, mais \
             le phénomène dans son ensemble sera extrêmement positif pour l’humanité »(Poulain, \
             2024).",
        ],
    ),
];

/// The fixture article.
pub fn article() -> Article {
    let mut text = String::new();
    let mut parts = Vec::new();
    for (id, kind, heading, paragraphs) in PARTS {
        let mut ranges = Vec::new();
        for paragraph in paragraphs {
            let start = text.len();
            text.push_str(paragraph);
            ranges.push(start..text.len());
        }
        parts.push(Part {
            id: id.into(),
            kind,
            heading: heading.into(),
            paragraphs: ranges,
        });
    }
    let find = |quote: &str| {
        let start = text.find(quote).expect("quote in the fixture");
        start..start + quote.len()
    };
    let annotation = |id: &str, kind, quote: &str, part, paragraph, source, verdict| Annotation {
        id: id.into(),
        kind,
        range: find(quote),
        part,
        paragraph,
        source,
        context: format!("Le contexte de {id}."),
        verdict,
        note: format!(
            "Ce que dit la source pour {id}, en une phrase assez longue pour être coupée."
        ),
        questions: vec![format!("Que penser de {id} ?")],
    };
    let annotations = vec![
        annotation(
            "fig-430-millions",
            AnnotationKind::Figure,
            "430 millions de modérateurs",
            0,
            0,
            Some(0),
            Some(Verdict::Misreported),
        ),
        annotation(
            "fig-kenya",
            AnnotationKind::Figure,
            "1,34 à 2 dollars de l’heure",
            1,
            0,
            Some(1),
            Some(Verdict::Imprecise),
        ),
        annotation(
            "cit-altman",
            AnnotationKind::Quote,
            "« Les robots vont voler des métiers et tuer des humains, mais le phénomène dans \
             son ensemble sera extrêmement positif pour l’humanité »",
            2,
            0,
            None,
            Some(Verdict::Unverifiable),
        ),
    ];
    let sources = vec![
        Source {
            id: "banque-mondiale-2023".into(),
            author: "Banque mondiale".into(),
            title: "Working Without Borders".into(),
            publisher: Some("Banque mondiale".into()),
            date: Some("2023-09-07".into()),
            kind: "report".into(),
            url: Some("https://example.org/wwb".into()),
            reference: None,
            note: String::new(),
        },
        Source {
            id: "casilli-2024".into(),
            author: "Antonio Casilli".into(),
            title: "Les travailleurs du clic".into(),
            publisher: None,
            date: Some("2024".into()),
            kind: "press".into(),
            url: None,
            reference: Some(2),
            note: "Cité d’après la presse.".into(),
        },
    ];
    let stop = |title: &str, annotation, part, minutes, big: Option<&str>| TourStop {
        title: title.into(),
        annotation,
        part,
        say: format!("Demander à la salle : {title}"),
        questions: vec![
            "Combien de travailleurs, selon vous ?".into(),
            "Qui les compte, et comment ?".into(),
        ],
        minutes,
        big: big.map(Into::into),
        poll: None,
    };
    Article {
        meta: Meta {
            title: "IA : intelligence artificielle, main-d’œuvre bien réelle".into(),
            author: "Charlotte Bouchez".into(),
            language: "fr".into(),
            ..Meta::default()
        },
        text,
        parts,
        annotations,
        sources,
        tour: vec![
            stop("430 millions de modérateurs ?", Some(0), 0, 4, None),
            stop("Le mythe de l’autonomie", None, 0, 2, None),
            stop("Un salaire de survie", Some(1), 1, 3, None),
            stop("La promesse d’Altman", Some(2), 2, 5, None),
        ],
        ..Article::default()
    }
}
