//! Search speed on a large text, measured with criterion (`cargo bench --bench search`); CI
//! only compiles it.
//!
//! The text is the bundled essay's paragraphs (`article/text.md`, read without the loader)
//! repeated to about 10 MB. Measured: folding the whole text once (what the first search
//! costs), and one search in the folded text (what every further keystroke of the search line
//! costs), for a rare word, a frequent one, and an accented query.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glose::content::{Article, Part, PartKind};
use glose::search::Folded;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn large() -> Article {
    let source = include_str!("../article/text.md");
    let paragraphs: Vec<&str> = source
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("# "))
        .collect();
    let mut text = String::with_capacity(TARGET_BYTES + 4096);
    let mut ranges = Vec::new();
    'fill: loop {
        for paragraph in &paragraphs {
            let start = text.len();
            text.push_str(paragraph);
            ranges.push(start..text.len());
            text.push(' ');
            if text.len() >= TARGET_BYTES {
                break 'fill;
            }
        }
    }
    Article {
        text,
        parts: vec![Part {
            id: "all".into(),
            kind: PartKind::Part,
            heading: "All".into(),
            paragraphs: ranges,
        }],
        ..Article::default()
    }
}

fn bench_search(c: &mut Criterion) {
    let article = large();
    let mut group = c.benchmark_group("search_10mb");
    group.sample_size(10);
    group.bench_function("fold", |b| b.iter(|| black_box(Folded::new(&article))));
    let folded = Folded::new(&article);
    for query in ["kenya", "la", "moderateurs", "États"] {
        group.bench_with_input(BenchmarkId::new("find", query), query, |b, query| {
            b.iter(|| black_box(folded.find(query)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
