//! The dashboard as plain sentences, for `--linear`: pure functions from the loaded data to
//! lines of text. Values are worded by the same formatters as the screen (`format.rs`), with
//! bounds in words (`over 50 Mt`, `at most 23.2%`), so a screen reader reads what a sighted
//! user sees. No line holds a control character: the data was sanitised when it was read, and
//! the session passes every line through the sanitiser once more.

use crate::app::{Item, ValueChange};
use crate::dataset::SlideContent;
use crate::dataset::{ChartKind, Dataset, Gauge, Metric};
use crate::deck::Slide;
use crate::load::Loaded;
use crate::text::number::format_percent;

/// The items `next` and `previous` walk through: every chart's bars in the charts' order, then
/// the gauges.
pub fn items(dataset: &Dataset) -> Vec<Item> {
    let bars = dataset.charts.iter().flat_map(|chart| chart.metrics.iter().map(|&m| Item::Metric(m)));
    bars.chain((0..dataset.gauges.len()).map(Item::Gauge)).collect()
}

/// The dashboard from the top: its title and source, then every chart with its values and the
/// shares, ending with how to go on.
pub fn overview(loaded: &Loaded) -> Vec<String> {
    let dataset = &loaded.dataset;
    let mut lines = vec![sentence(&dataset.title)];
    lines.extend(dataset.subtitle.as_deref().map(sentence));
    if let Some(source) = dataset_source(dataset) {
        lines.push(format!("Source: {}", sentence(&source)));
    }
    for index in 0..dataset.charts.len() {
        lines.push(String::new());
        lines.extend(chart(dataset, index));
    }
    if !dataset.gauges.is_empty() {
        lines.push(String::new());
        lines.push(format!("Shares, {}:", count(dataset.gauges.len(), "share", "shares")));
        lines.extend(dataset.gauges.iter().filter_map(|g| gauge(dataset, g)));
    }
    lines.push(String::new());
    lines.push("Type next to go through the values one by one, or help for the commands.".to_owned());
    lines
}

/// One chart: its heading, then a sentence per bar.
pub fn chart(dataset: &Dataset, index: usize) -> Vec<String> {
    let Some(chart) = dataset.charts.get(index) else { return Vec::new() };
    let kind = if chart.kind == ChartKind::Line { "line chart" } else { "chart" };
    let bars = count(chart.metrics.len(), "value", "values");
    let mut lines =
        vec![format!("{} {} of {}: {}, {bars}.", capital(kind), index + 1, dataset.charts.len(), chart.title)];
    lines.extend(chart.metrics.iter().filter_map(|&m| dataset.metrics.get(m)).map(metric));
    lines
}

/// The list of charts, for `charts`.
pub fn charts(dataset: &Dataset) -> Vec<String> {
    let mut lines: Vec<String> = dataset
        .charts
        .iter()
        .enumerate()
        .map(|(index, chart)| {
            format!("Chart {}: {}, {}.", index + 1, chart.title, count(chart.metrics.len(), "value", "values"))
        })
        .collect();
    if !dataset.gauges.is_empty() {
        lines.push(format!("Shares: {}.", count(dataset.gauges.len(), "share", "shares")));
    }
    if lines.is_empty() {
        lines.push("This dashboard has no charts.".to_owned());
    }
    lines
}

/// `Belt and Road agreements: 25 countries, as of 10 Apr 2025. Source: “25 of its neighbours”.`
pub fn metric(m: &Metric) -> String {
    let period = m.period().map(|p| format!(", {p}")).unwrap_or_default();
    let evidence = match (&m.source, &m.quote) {
        (Some(source), _) => format!(" Source: {}", sentence(source)),
        (None, Some(quote)) => format!(" Source: “{}”.", quote.text),
        (None, None) => String::new(),
    };
    format!("{}: {}{period}.{evidence}", m.label, m.display_value())
}

/// `Cross-border goods of the total: at most 23.2%, 11.58 Mt of over 50 Mt.`
pub fn gauge(dataset: &Dataset, g: &Gauge) -> Option<String> {
    let (part, whole) = (dataset.metrics.get(g.metric)?, dataset.metrics.get(g.of)?);
    Some(format!("{}: {}, {} of {}.", g.title, share(g), part.display_value(), whole.display_value()))
}

/// A gauge's share with its bound in words: `at most 23.2%`.
fn share(g: &Gauge) -> String {
    match g.bound {
        Some(bound) => format!("{} {}", bound.words(), format_percent(g.ratio)),
        None => format_percent(g.ratio),
    }
}

/// An item's sentence, with where it stands: `Partners: 28 countries. (1 of 7, chart 1)`.
pub fn item(dataset: &Dataset, item: Item, position: usize, total: usize) -> Option<String> {
    let (text, place) = match item {
        Item::Metric(m) => {
            let chart = dataset.charts.iter().position(|c| c.metrics.contains(&m));
            (metric(dataset.metrics.get(m)?), chart.map(|c| format!(", chart {}", c + 1)).unwrap_or_default())
        }
        Item::Gauge(g) => (gauge(dataset, dataset.gauges.get(g)?)?, ", shares".to_owned()),
    };
    Some(format!("{text} ({} of {total}{place})", position + 1))
}

/// What the details window says of an item, one field a line: `Value: over 50 Mt`.
pub fn details(loaded: &Loaded, changes: &[ValueChange], item: Item) -> Vec<String> {
    let Some((title, fields)) = crate::details::describe(loaded, changes, item) else {
        return vec!["Nothing is selected.".to_owned()];
    };
    let mut lines = vec![format!("Details of {title}:")];
    lines.extend(fields.iter().map(|field| format!("{}: {}", field.name, field.text)));
    lines
}

/// What a reload changed, from `old` to `new`, one line a value:
/// `Changed: Belt and Road agreements from 25 to 26 countries.` Metrics are found by id.
pub fn changes(old: &Dataset, new: &Dataset, changes: &[ValueChange]) -> Vec<String> {
    changes
        .iter()
        .filter_map(|change| {
            let now = new.metrics.iter().find(|m| m.id == change.id)?;
            let Some(before) = old.metrics.iter().find(|m| m.id == change.id) else {
                return Some(format!("New: {}", metric(now)));
            };
            let (from, to) = (before.display_value(), now.display_value());
            if from == to {
                // Only points of its history changed.
                return Some(format!("Changed: {}: {}.", now.label, change.describe()));
            }
            Some(format!("Changed: {} from {} to {to}.", now.label, without_shared_unit(&from, &to)))
        })
        .collect()
}

/// `from` without the unit word it shares with `to`: `25` for `25 countries` → `26 countries`,
/// so the change reads "from 25 to 26 countries".
fn without_shared_unit<'a>(from: &'a str, to: &str) -> &'a str {
    match (from.rsplit_once(' '), to.rsplit_once(' ')) {
        (Some((head, unit)), Some((_, other))) if unit == other && !unit.starts_with(|c: char| c.is_ascii_digit()) => {
            head
        }
        _ => from,
    }
}

/// Slide `index` of `deck`: its number and title, its caption, and what it shows.
pub fn slide(loaded: &Loaded, deck: &[Slide], index: usize) -> Vec<String> {
    let dataset = &loaded.dataset;
    let Some(slide) = deck.get(index) else {
        return vec![format!(
            "There is no slide {}: the deck has {}.",
            index + 1,
            count(deck.len(), "slide", "slides")
        )];
    };
    let mut lines = vec![format!("Slide {} of {}: {}", index + 1, deck.len(), sentence(&slide.title))];
    let page = |members: &[usize]| -> Vec<usize> {
        slide.bars.clone().and_then(|range| members.get(range)).unwrap_or(members).to_vec()
    };
    let body: Vec<String> = match &slide.content {
        SlideContent::Title => {
            dataset_source(dataset).map(|s| format!("Source: {}", sentence(&s))).into_iter().collect()
        }
        SlideContent::Sources => sources(dataset),
        SlideContent::Chart(c) => dataset.charts.get(*c).map_or_else(Vec::new, |chart| {
            page(&chart.metrics).iter().filter_map(|&m| dataset.metrics.get(m)).map(metric).collect()
        }),
        SlideContent::Metrics(list) => page(list).iter().filter_map(|&m| dataset.metrics.get(m)).map(metric).collect(),
        SlideContent::Gauge(g) => dataset.gauges.get(*g).and_then(|g| gauge(dataset, g)).into_iter().collect(),
        SlideContent::Metric(m) => dataset.metrics.get(*m).map(metric).into_iter().collect(),
    };
    lines.extend(slide.caption.as_deref().map(sentence));
    lines.extend(body);
    lines
}

/// The sources slide: the dataset's source and each metric's own.
fn sources(dataset: &Dataset) -> Vec<String> {
    let mut lines: Vec<String> =
        dataset_source(dataset).map(|s| format!("Source: {}", sentence(&s))).into_iter().collect();
    for m in &dataset.metrics {
        if let Some(source) = &m.source {
            lines.push(format!("{}: {}", m.label, sentence(source)));
        }
    }
    lines
}

/// The dataset's source as its credit line, with its address: `CGTN, “…”, 10 Apr 2025, https://…`.
fn dataset_source(dataset: &Dataset) -> Option<String> {
    let source = dataset.source.as_ref()?;
    let credit = source.describe(", ");
    let text = match (&source.url, credit.is_empty()) {
        (Some(url), true) => url.clone(),
        (Some(url), false) => format!("{credit}, {url}"),
        (None, _) => credit,
    };
    (!text.is_empty()).then_some(text)
}

/// The article's paragraphs `from..from + wanted` as lines (a heading, a list item with its
/// marker, a paragraph each), and the paragraph to go on from; a line says where the reading
/// stands.
pub fn article(loaded: &Loaded, from: usize, wanted: usize) -> (Vec<String>, usize) {
    let Some(named) = &loaded.article else {
        return (vec!["This dataset names no article.".to_owned()], from);
    };
    let blocks = &named.article.blocks;
    let texts: Vec<(usize, String)> =
        blocks.iter().enumerate().filter_map(|(at, b)| block_text(b).map(|text| (at, text))).collect();
    if texts.is_empty() {
        return (vec![format!("The article {} is empty.", named.name)], from);
    }
    let start = if from >= texts.len() { 0 } else { from };
    let end = start.saturating_add(wanted.max(1)).min(texts.len());
    let mut lines: Vec<String> = texts[start..end].iter().map(|(_, text)| text.clone()).collect();
    let more = if end < texts.len() { "; type article for more" } else { "; the end" };
    lines.push(format!("(Article {}: paragraphs {} to {end} of {}{more}.)", named.name, start + 1, texts.len()));
    (lines, if end < texts.len() { end } else { 0 })
}

/// A block as one line of plain text (`None` for a rule or an empty block).
fn block_text(block: &crate::article::Block) -> Option<String> {
    use crate::article::BlockKind;
    let text = block.plain_text().replace('\n', " ");
    let text = text.trim();
    if text.is_empty() || block.kind == BlockKind::Rule {
        return None;
    }
    Some(match &block.kind {
        BlockKind::Heading(level) => format!("Heading {level}: {text}"),
        BlockKind::ListItem { marker, .. } => format!("{marker} {text}"),
        BlockKind::Quote => format!("Quote: {text}"),
        _ => text.to_owned(),
    })
}

/// What `word` finds: the metrics and gauges whose label, title, note or id holds it, then the
/// article's paragraphs that do (case and typography ignored, as the search prompt does).
pub fn search(loaded: &Loaded, word: &str) -> Vec<String> {
    /// Paragraphs listed at most; the rest are counted.
    const MAX_PARAGRAPHS: usize = 10;
    let (wanted, _) = crate::article::fold(word.trim());
    if wanted.is_empty() {
        return vec!["Search for what? Type search and a word, e.g. search railway.".to_owned()];
    }
    let holds = |text: &str| crate::article::fold(text).0.contains(&wanted);
    let dataset = &loaded.dataset;
    let mut lines = Vec::new();
    for m in &dataset.metrics {
        if holds(&m.label) || holds(&m.id) || m.note.as_deref().is_some_and(holds) {
            lines.push(format!("Value: {}", metric(m)));
        }
    }
    for g in &dataset.gauges {
        if (holds(&g.title) || g.note.as_deref().is_some_and(holds))
            && let Some(text) = gauge(dataset, g)
        {
            lines.push(format!("Share: {text}"));
        }
    }
    let paragraphs: Vec<String> = loaded
        .article
        .iter()
        .flat_map(|named| named.article.blocks.iter().filter_map(block_text))
        .enumerate()
        .filter(|(_, text)| holds(text))
        .map(|(at, text)| format!("Paragraph {}: {text}", at + 1))
        .collect();
    let found = lines.len() + paragraphs.len();
    let hidden = paragraphs.len().saturating_sub(MAX_PARAGRAPHS);
    lines.extend(paragraphs.into_iter().take(MAX_PARAGRAPHS));
    if hidden > 0 {
        lines.push(format!("and {} more.", count(hidden, "paragraph", "paragraphs")));
    }
    let head = match found {
        0 => format!("No match for “{}”.", word.trim()),
        n => format!("{} for “{}”:", count(n, "match", "matches"), word.trim()),
    };
    lines.insert(0, head);
    lines
}

/// `1 value`, `3 values`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text as a sentence: a full stop added unless it ends in punctuation already or in a
/// wide (CJK) character.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    // After Chinese or Japanese text a Latin full stop would be read out as a stray dot.
    let ends = text.ends_with(|c: char| {
        matches!(c, '.' | '!' | '?' | '…' | ':') || crate::text::width::width(c.encode_utf8(&mut [0; 4])) > 1
    });
    if ends || text.is_empty() { text.to_owned() } else { format!("{text}.") }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests;
