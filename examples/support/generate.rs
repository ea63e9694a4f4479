//! Deterministic generators of large datasets and articles, for benchmarks, the pty harness and
//! scale tests. The same arguments always give the same text.

use std::fmt::Write;

/// A small, fast, seedable generator (xorshift64*): plenty for test data, no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "railway",
    "cargo",
    "moved",
    "across",
    "borders",
    "between",
    "neighbours",
    "treaty",
    "partnership",
    "trade",
    "corridor",
    "freight",
    "station",
    "agreement",
    "ports",
    "million",
    "tonnes",
    "region",
    "cooperation",
    "development",
    "security",
    "river",
    "mountain",
    "market",
    "fruit",
    "durian",
    "rambutan",
    "mango",
    "line",
];

/// An article of about `lines` source lines of Markdown: sections with headings, paragraphs of
/// wrapped lines, lists, a quote now and then, and numbered facts that [`dataset`] quotes.
pub fn article(lines: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(lines * 80);
    let mut written = 0;
    let mut fact = 0;
    while written < lines {
        let _ = writeln!(out, "## Section {}\n", written / 40 + 1);
        written += 2;
        for paragraph in 0..4 {
            let rows = 3 + rng.below(6);
            for _ in 0..rows {
                let words: Vec<&str> = (0..10 + rng.below(6)).map(|_| rng.pick(WORDS)).collect();
                let _ = writeln!(out, "{}.", words.join(" "));
            }
            // One numbered fact per paragraph, for quotes to point at.
            let _ = writeln!(out, "Fact {fact} counts {} {} in all.", fact_count(fact), rng.pick(WORDS));
            fact += 1;
            out.push('\n');
            written += rows + 2;
            if paragraph == 2 {
                for _ in 0..3 {
                    let _ = writeln!(out, "- {} {} {}", rng.pick(WORDS), rng.pick(WORDS), rng.pick(WORDS));
                }
                out.push('\n');
                written += 4;
            }
        }
    }
    out
}

/// The number fact `fact` of [`article`] counts.
fn fact_count(fact: usize) -> usize {
    10 + fact % 90
}

/// Whether metric `i` of [`dataset`] quotes fact `i / 2`: every other metric, except the first of
/// each block, the whole that its block's last metric is part of.
fn quotes_a_fact(i: usize) -> bool {
    i.is_multiple_of(2) && !i.is_multiple_of(12)
}

/// Metric `i`'s value: a whole of 1000 first in each block, then the count its quote names (so
/// the quotes agree with the values, as in a real dataset), or a small number.
fn value_of(i: usize) -> usize {
    match i {
        _ if i.is_multiple_of(12) => 1000,
        _ if quotes_a_fact(i) => fact_count(i / 2),
        _ => 10 + i % 90,
    }
}

/// A dataset of `metrics` metrics in blocks of 12 of one unit, charted 6 at a time; every other
/// metric (but the first of a block) quotes a fact of [`article`] and has the value it states;
/// the last of each block is a part of the first (a default gauge). `article = "…"` points at
/// `article_file` when given.
pub fn dataset(metrics: usize, article_file: Option<&str>) -> String {
    let mut out = String::with_capacity(metrics * 120);
    out.push_str("title = \"Generated dataset\"\nsubtitle = \"Deterministic, for benchmarks\"\n");
    if let Some(file) = article_file {
        let _ = writeln!(out, "article = \"{file}\"");
    }
    for i in 0..metrics {
        let _ = write!(
            out,
            "\n[[metric]]\nid = \"m{i}\"\nlabel = \"Metric number {i}\"\nvalue = {}\nunit = \"{}\"\n",
            value_of(i),
            if (i / 12) % 2 == 0 { "countries" } else { "kt" }
        );
        if quotes_a_fact(i) {
            let _ = writeln!(out, "quote = \"fact {} counts {}\"", i / 2, fact_count(i / 2));
        }
        if i % 12 == 11 {
            let _ = writeln!(out, "part_of = \"m{}\"", i - 11);
        }
    }
    for start in (0..metrics).step_by(6) {
        let ids: Vec<String> = (start..(start + 6).min(metrics)).map(|i| format!("\"m{i}\"")).collect();
        let _ = write!(out, "\n[[chart]]\ntitle = \"Chart {}\"\nmetrics = [{}]\n", start / 6 + 1, ids.join(", "));
    }
    out
}
