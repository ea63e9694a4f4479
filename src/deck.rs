//! The presentation's slides: the ones the dataset lists, or a deck made from it.
//!
//! A chart with more bars than a slide holds at 80x24 continues on the next slides
//! ("Tonnage, 2 of 3"). The deck pages by a fixed number of bars rather than by the screen's
//! height: it does not know the screen, and a deck that is the same at every size keeps its
//! slide numbers (`--slide N`, a typed number, autoplay, a reload's "same slide") meaning one
//! thing, where pages that followed the height would renumber the deck at every resize.

use std::ops::Range;

use crate::dataset::{ChartDirection, Dataset, SlideContent};

/// Horizontal bars a slide holds: what fits at 80x24 under a heading and a caption of the
/// longest a slide allows (11 rows of content), with a row to spare for a note under them.
pub const BARS_PER_SLIDE: usize = 10;
/// Vertical bars a slide holds (the most a default chart stands upright).
pub const COLUMNS_PER_SLIDE: usize = 12;

/// One slide, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// What the slide is, stable across reloads (to stay on it when the file changes).
    pub key: SlideKey,
    pub title: String,
    pub caption: Option<String>,
    pub content: SlideContent,
    /// For a page of a chart too long for one slide: the positions of its bars in the chart.
    pub bars: Option<Range<usize>>,
    /// The speaker's notes (Markdown, sanitised), for the presenter view only: the slide's
    /// `notes`, else the `note` of the metric or gauge it shows.
    pub notes: Option<String>,
}

/// A slide's identity: what it shows, named by ids (or titles) rather than positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideKey {
    Title,
    Sources,
    Chart(String),
    Gauge(String),
    Metric(String),
    Metrics(Vec<String>),
    /// A page (from 0) of a chart or a slide of bars too long for one slide.
    Page(Box<SlideKey>, usize),
}

/// The deck for a dashboard: its `[[slide]]` tables in order, or, without any, a title slide,
/// a slide per chart and per gauge, a big-number slide per metric with a quote (the figures the
/// article states; every metric's, when the charts hold a single bar and there is no gauge), and
/// the sources when the dataset names any ([`has_sources`]).
pub fn deck(dataset: &Dataset) -> Vec<Slide> {
    let contents: Vec<(SlideContent, Option<String>, Option<String>)> = if dataset.slides.is_empty() {
        let mut generated = vec![(SlideContent::Title, None, None)];
        generated.extend((0..dataset.charts.len()).map(|c| (SlideContent::Chart(c), None, None)));
        generated.extend((0..dataset.gauges.len()).map(|g| (SlideContent::Gauge(g), None, None)));
        // A lone bar makes a poor deck: its figure gets a big number even without a quote.
        let lone_bar = dataset.gauges.is_empty() && dataset.charts.iter().map(|c| c.metrics.len()).sum::<usize>() <= 1;
        generated.extend(
            (0..dataset.metrics.len())
                .filter(|&m| lone_bar || dataset.metrics[m].quote.is_some())
                .map(|m| (SlideContent::Metric(m), None, None)),
        );
        if has_sources(dataset) {
            generated.push((SlideContent::Sources, None, None));
        }
        generated
    } else {
        dataset.slides.iter().map(|s| (s.content.clone(), s.title.clone(), s.caption.clone())).collect()
    };
    let listed_notes = |index: usize| dataset.slides.get(index).and_then(|s| s.notes.clone());
    contents
        .into_iter()
        .enumerate()
        .flat_map(|(index, (content, title, caption))| {
            let mut slide = slide(dataset, content, title, caption);
            slide.notes = listed_notes(index).or_else(|| own_note(dataset, &slide.content));
            pages(slide, dataset)
        })
        .collect()
}

/// Whether the sources slide has anything to credit: the dataset's source, its article, or a
/// metric's own source.
pub fn has_sources(dataset: &Dataset) -> bool {
    dataset.source.is_some() || dataset.article.is_some() || dataset.metrics.iter().any(|m| m.source.is_some())
}

/// A slide of bars as the pages it takes: itself when its bars fit on one, else one slide for
/// each run of at most [`BARS_PER_SLIDE`] bars (as many on each as the pages allow), headed
/// `Title, 2 of 3`.
fn pages(slide: Slide, dataset: &Dataset) -> Vec<Slide> {
    let (count, budget) = match &slide.content {
        // A line chart's series share one graph: it is one slide, however many it draws.
        SlideContent::Chart(c) if dataset.charts[*c].kind == crate::dataset::ChartKind::Line => return vec![slide],
        SlideContent::Chart(c) => {
            let chart = &dataset.charts[*c];
            // A table's rows lie as horizontal bars do, one a row.
            let vertical =
                chart.direction == ChartDirection::Vertical && chart.kind != crate::dataset::ChartKind::Table;
            (chart.metrics.len(), if vertical { COLUMNS_PER_SLIDE } else { BARS_PER_SLIDE })
        }
        SlideContent::Metrics(list) => (list.len(), BARS_PER_SLIDE),
        _ => return vec![slide],
    };
    if count <= budget {
        return vec![slide];
    }
    let total = count.div_ceil(budget);
    let each = count.div_ceil(total);
    (0..total)
        .map(|page| Slide {
            key: SlideKey::Page(Box::new(slide.key.clone()), page),
            title: format!("{}, {} of {total}", slide.title, page + 1),
            bars: Some(page * each..((page + 1) * each).min(count)),
            ..slide.clone()
        })
        .collect()
}

fn slide(dataset: &Dataset, content: SlideContent, title: Option<String>, caption: Option<String>) -> Slide {
    let metric_id = |m: usize| dataset.metrics[m].id.clone();
    let (key, default_title, default_caption) = match &content {
        SlideContent::Title => (SlideKey::Title, dataset.title.clone(), dataset.subtitle.clone()),
        SlideContent::Sources => (SlideKey::Sources, "Sources".to_owned(), None),
        SlideContent::Chart(c) => {
            let chart = &dataset.charts[*c];
            (SlideKey::Chart(chart.id.clone().unwrap_or_else(|| chart.title.clone())), chart.title.clone(), None)
        }
        SlideContent::Gauge(g) => {
            let gauge = &dataset.gauges[*g];
            let key =
                gauge.id.clone().unwrap_or_else(|| format!("{}/{}", metric_id(gauge.metric), metric_id(gauge.of)));
            (SlideKey::Gauge(key), gauge.title.clone(), gauge.note.clone())
        }
        SlideContent::Metric(m) => {
            let metric = &dataset.metrics[*m];
            let quote = metric.quote.as_ref().map(|q| format!("“{}”", q.text));
            (SlideKey::Metric(metric.id.clone()), metric.label.clone(), quote.or_else(|| metric.note.clone()))
        }
        SlideContent::Metrics(list) => {
            let labels: Vec<&str> = list.iter().map(|&m| dataset.metrics[m].label.as_str()).collect();
            (SlideKey::Metrics(list.iter().map(|&m| metric_id(m)).collect()), labels.join(", "), None)
        }
    };
    let title = title.unwrap_or(default_title);
    Slide { key, title, caption: caption.or(default_caption), content, bars: None, notes: None }
}

/// The note of the metric or gauge a slide shows, as its notes when it has none of its own.
fn own_note(dataset: &Dataset, content: &SlideContent) -> Option<String> {
    match content {
        SlideContent::Metric(m) => dataset.metrics[*m].note.clone(),
        SlideContent::Gauge(g) => dataset.gauges[*g].note.clone(),
        _ => None,
    }
}

/// Where to stand in a new deck: on the slide with the same identity, or at the same position
/// (clamped) if it is gone.
pub fn same_slide(old: Option<&Slide>, old_index: usize, new: &[Slide]) -> usize {
    old.and_then(|slide| new.iter().position(|s| s.key == slide.key))
        .unwrap_or(old_index)
        .min(new.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_valid;

    #[test]
    fn the_bundled_dataset_makes_a_full_deck() {
        let d = parse_valid(include_str!("../metrics.toml"));
        let slides = deck(&d);
        let keys: Vec<&SlideKey> = slides.iter().map(|s| &s.key).collect();
        assert_eq!(keys.first(), Some(&&SlideKey::Title));
        assert_eq!(keys.last(), Some(&&SlideKey::Sources));
        assert_eq!(slides.len(), 1 + 3 + 4 + 8 + 1, "title, charts, gauges, quoted metrics, sources");
        assert_eq!(slides[1].key, SlideKey::Chart("ties".into()));
        let railway = slides.iter().find(|s| s.key == SlideKey::Metric("railway_cargo".into())).unwrap();
        assert_eq!(railway.caption.as_deref(), Some("“more than 50 million tonnes”"));
        assert!(!keys.contains(&&SlideKey::Metric("land_neighbours".into())), "no quote, no big-number slide");
    }

    #[test]
    fn listed_slides_come_in_their_order_with_their_titles() {
        let d = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[slide]]\nmetric = \"a\"\ntitle = \"Alpha\"\n[[slide]]\nkind = \"title\"\n",
        );
        let slides = deck(&d);
        assert_eq!(slides.len(), 2);
        assert_eq!((slides[0].title.as_str(), &slides[0].key), ("Alpha", &SlideKey::Metric("a".into())));
        assert_eq!(slides[1].key, SlideKey::Title);
    }

    #[test]
    fn notes_come_from_the_slide_else_from_the_metric_or_gauge_it_shows() {
        let d = parse_valid(include_str!("../tests/fixtures/notes/metrics.toml"));
        let slides = deck(&d);
        let notes: Vec<Option<&str>> = slides.iter().map(|s| s.notes.as_deref()).collect();
        assert!(notes[0].is_some_and(|n| n.contains("- who we are\n")), "Markdown lines kept: {:?}", notes[0]);
        assert!(notes[2].is_some_and(|n| n.contains("old trees")), "the gauge's note");
        assert_eq!(notes[3], Some("Say the apples came in *two weeks early*."), "the metric's note");
        assert_eq!(notes[4], None);
        // A generated deck: every metric and gauge slide carries its note.
        let generated = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nquote = \"one\"\nnote = \"say \\u001b[31mone\"\n",
        );
        let slide = deck(&generated).into_iter().find(|s| s.key == SlideKey::Metric("a".into())).unwrap();
        assert!(slide.notes.as_deref().is_some_and(|n| n.starts_with("say ") && !n.contains('\u{1b}')), "{slide:?}");
    }

    #[test]
    fn a_chart_too_long_for_a_slide_continues_on_the_next_ones() {
        let d = parse_valid(include_str!("../tests/fixtures/sorted/metrics.toml"));
        let slides = deck(&d);
        let pages: Vec<(&str, Option<std::ops::Range<usize>>)> = slides
            .iter()
            .filter(|s| s.title.starts_with("Every depot,"))
            .map(|s| (s.title.as_str(), s.bars.clone()))
            .collect();
        assert_eq!(
            pages[..3],
            [
                ("Every depot, 1 of 3", Some(0..8)),
                ("Every depot, 2 of 3", Some(8..16)),
                ("Every depot, 3 of 3", Some(16..24))
            ]
        );
        // Each page is a slide of its own to stay on across a reload.
        let mut keys: Vec<&SlideKey> = slides.iter().map(|s| &s.key).collect();
        keys.dedup();
        assert_eq!(keys.len(), slides.len());
        assert_eq!(same_slide(slides.get(2), 2, &deck(&d)), 2);
        // A chart that fits keeps one slide, under its own title.
        let bundled = deck(&parse_valid(include_str!("../metrics.toml")));
        assert!(bundled.iter().all(|s| s.bars.is_none()));
        assert_eq!(bundled.len(), 17);
    }

    #[test]
    fn a_reload_stays_on_the_same_slide_or_the_nearest() {
        let d = parse_valid(include_str!("../metrics.toml"));
        let old = deck(&d);
        let mut new = old.clone();
        new.remove(1);
        assert_eq!(same_slide(old.get(3), 3, &new), 2, "followed by identity");
        assert_eq!(same_slide(old.get(1), 1, &new), 1, "gone: the same position");
        assert_eq!(same_slide(old.get(15), 15, &new[..3]), 2, "clamped");
        assert_eq!(same_slide(None, 0, &[]), 0);
    }
}
