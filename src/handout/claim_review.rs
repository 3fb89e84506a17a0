//! schema.org ClaimReview (JSON-LD in the HTML handout).

use super::{lang_of, one_line};
use crate::content::Article;

/// One schema.org `ClaimReview` per annotation with a verdict, as a JSON-LD array ready to sit
/// inside `<script type="application/ld+json">`: `claimReviewed` is the article's words,
/// `itemReviewed` a `Claim` by the article's author appearing in the article, `reviewRating`
/// the verdict in the article's language (`alternateName`) with what the source says
/// (`ratingExplanation`), `author` who annotated (`annotations_by`), `url` the note in the
/// handout. `None` when no annotation has a verdict.
///
/// `<`, `>` and `&` are written as JSON escapes (`\u003c`…), so no `</script>` or `<!--` in the
/// article can end the script early; the JSON means the same.
pub fn claim_reviews(article: &Article) -> Option<String> {
    use serde_json::{Map, Value, json};
    let lang = lang_of(article);
    let meta = &article.meta;
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    appearance.insert("name".into(), json!(meta.title));
    if let Some(url) = &meta.url {
        appearance.insert("url".into(), json!(url));
    }
    if let Some(publisher) = &meta.publisher {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": publisher}),
        );
    }
    if let Some(date) = &meta.date {
        appearance.insert("datePublished".into(), json!(date));
    }
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    if !meta.author.trim().is_empty() {
        claim.insert(
            "author".into(),
            json!({"@type": "Person", "name": meta.author}),
        );
    }
    if let Some(date) = &meta.date {
        claim.insert("datePublished".into(), json!(date));
    }
    claim.insert("appearance".into(), Value::Object(appearance));
    let page = meta.url.clone().unwrap_or_default();
    let reviews: Vec<Value> = article
        .annotations
        .iter()
        .enumerate()
        .filter_map(|(i, annotation)| {
            let verdict = annotation.verdict?;
            let mut rating = Map::new();
            rating.insert("@type".into(), json!("Rating"));
            rating.insert("alternateName".into(), json!(lang.verdict(verdict)));
            let explanation = one_line(&annotation.note);
            if !explanation.is_empty() {
                rating.insert("ratingExplanation".into(), json!(explanation));
            }
            let mut review = Map::new();
            review.insert("@context".into(), json!("https://schema.org"));
            review.insert("@type".into(), json!("ClaimReview"));
            review.insert("url".into(), json!(format!("{page}#note-{}", i + 1)));
            review.insert(
                "claimReviewed".into(),
                json!(article.slice(annotation.range.clone())),
            );
            review.insert("itemReviewed".into(), Value::Object(claim.clone()));
            review.insert("reviewRating".into(), Value::Object(rating));
            if let Some(by) = meta
                .annotations_by
                .as_ref()
                .filter(|b| !b.trim().is_empty())
            {
                review.insert(
                    "author".into(),
                    json!({"@type": "Organization", "name": one_line(by)}),
                );
            }
            Some(Value::Object(review))
        })
        .collect();
    if reviews.is_empty() {
        return None;
    }
    let text = serde_json::to_string_pretty(&Value::Array(reviews)).ok()?;
    Some(
        text.replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026"),
    )
}
