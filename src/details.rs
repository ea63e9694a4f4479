//! What the selected bar or gauge says in full, as plain text: the fields the detail line, the
//! detail box (the dock) and the details window all show, and how many rows they take at a width.
//! The UI only styles and draws them; the layout and the app measure them, so what is measured is
//! what is drawn.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Item, ValueChange};
use crate::dataset::{Bound, Dataset, Gauge, Metric};
use crate::layout::Areas;
use crate::load::Loaded;
use crate::text::number::format_percent;
use crate::text::width::width;

/// How a field's text looks (the UI maps each to a style of its theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Value,
    Changed,
    Body,
    Quote,
    Link,
    Dim,
}

/// One fact about the selection: a field name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub text: String,
    pub tone: Tone,
}

/// Columns of the field-name column.
pub const NAME_COLUMNS: u16 = 8;

/// The title and the fields that describe an item (`None` for an item the data no longer has).
pub fn describe(loaded: &Loaded, changes: &[ValueChange], item: Item) -> Option<(String, Vec<Field>)> {
    let dataset = &loaded.dataset;
    let field = |name, text: String, tone| Field { name, text, tone };
    match item {
        Item::Metric(index) => {
            let m = dataset.metrics.get(index)?;
            let mut fields = vec![field("Value", m.display_value(), Tone::Value)];
            if let Some(bound) = m.bound {
                fields.push(field("Bound", metric_mark(bound, m), Tone::Body));
            }
            let change = changes.iter().find(|c| c.id == m.id);
            if let Some(change) = change {
                fields.push(field("Changed", change.describe(), Tone::Changed));
            }
            if let Some(period) = m.period() {
                fields.push(field("Period", period, Tone::Body));
            }
            let (history, points) = crate::series::fields(m, change);
            fields.extend(history);
            if let Some(whole) = m.part_of.and_then(|w| dataset.metrics.get(w)) {
                let share = if whole.value > 0.0 {
                    format!(" ({} of it)", format_percent(m.value / whole.value))
                } else {
                    String::new()
                };
                fields.push(field("Part of", format!("{}: {}{share}", whole.label, whole.display_value()), Tone::Body));
            }
            if let Some(note) = &m.note {
                fields.push(field("Note", note.clone(), Tone::Body));
            }
            if let Some(quote) = &m.quote {
                let found = loaded.evidence.quote(index).is_some();
                let status = if found { "" } else { "  (not found in the article)" };
                fields.push(field("Quote", format!("“{}”{status}", quote.text), Tone::Quote));
            }
            if let Some(source) = &m.source {
                fields.push(field("Source", source.clone(), Tone::Link));
            }
            fields.extend(points);
            fields.push(field("Id", m.id.clone(), Tone::Dim));
            Some((m.label.clone(), fields))
        }
        Item::Gauge(index) => {
            let g = dataset.gauges.get(index)?;
            let (part, whole) = (dataset.metrics.get(g.metric)?, dataset.metrics.get(g.of)?);
            let mut fields = vec![field("Share", share_words(g), Tone::Value)];
            if let Some(bound) = g.bound {
                fields.push(field("Bound", gauge_mark(bound, part, whole), Tone::Body));
            }
            fields.push(field("Part", format!("{}: {}", part.label, part.display_value()), Tone::Body));
            fields.push(field("Whole", format!("{}: {}", whole.label, whole.display_value()), Tone::Body));
            if let Some(note) = &g.note {
                fields.push(field("Note", note.clone(), Tone::Body));
            }
            Some((g.title.clone(), fields))
        }
    }
}

/// What a metric's mark means, in words: `> means over: more than 50 Mt, no exact figure`.
fn metric_mark(bound: Bound, m: &Metric) -> String {
    let figure = m.notation.format(&m.unit, m.notation.written, m.notation.decimals, true);
    let said = match bound {
        Bound::Over => format!("more than {figure}, no exact figure"),
        Bound::Under => format!("less than {figure}, no exact figure"),
        Bound::AtLeast => format!("{figure} or more"),
        Bound::AtMost => format!("{figure} or less"),
        Bound::About => format!("roughly {figure}"),
    };
    format!("{} means {}: {said}", bound.math_symbol(), bound.words())
}

/// What a share's mark means, and which of its figures makes it so: `≤ means at most: its whole
/// is over 50 Mt`.
fn gauge_mark(bound: Bound, part: &Metric, whole: &Metric) -> String {
    let bounded = |role: &str, m: &Metric| m.bound.map(|_| format!("its {role} is {}", m.display_value()));
    let reasons: Vec<String> = [bounded("part", part), bounded("whole", whole)].into_iter().flatten().collect();
    let mark = format!("{} means {}", bound.math_symbol(), bound.words());
    if reasons.is_empty() { mark } else { format!("{mark}: {}", reasons.join(" and ")) }
}

/// `at most 23.2%`, `89.3%`.
fn share_words(gauge: &Gauge) -> String {
    let percent = format_percent(gauge.ratio);
    match gauge.bound {
        Some(bound) => format!("{} {percent}", bound.words()),
        None => percent,
    }
}

/// The marks `bounds` use, each once in a fixed order, with their words: `> over · ≤ at most`;
/// empty when none is used. A chart or gauge pane that draws a mark says what it means.
pub fn legend(bounds: impl IntoIterator<Item = Bound>) -> String {
    const ORDER: [Bound; 5] = [Bound::Over, Bound::Under, Bound::AtLeast, Bound::AtMost, Bound::About];
    let used: Vec<Bound> = bounds.into_iter().collect();
    ORDER
        .iter()
        .filter(|b| used.contains(b))
        .map(|b| format!("{} {}", b.math_symbol(), b.words()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The marks of the metrics `members` of a dataset (a chart's bars), as [`legend`] words them.
pub fn legend_of_metrics(dataset: &Dataset, members: &[usize]) -> String {
    legend(members.iter().filter_map(|&m| dataset.metrics.get(m)?.bound))
}

/// The fields, led by the whole title when a frame `room` columns wide would cut it: a long
/// label is always shown whole somewhere.
pub fn whole_title(title: &str, room: usize, mut fields: Vec<Field>) -> Vec<Field> {
    if width(title) > room {
        fields.insert(0, Field { name: "Label", text: title.to_owned(), tone: Tone::Body });
    }
    fields
}

/// A field's text wrapped to the width beside the name column (unstyled: styles do not change
/// where it wraps).
pub fn field_paragraph(text: &str) -> Paragraph<'_> {
    Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true })
}

/// Rows a field takes in `width` columns, its name included.
pub fn field_rows(field: &Field, width: u16) -> u16 {
    let text_width = width.saturating_sub(NAME_COLUMNS).max(1);
    u16::try_from(field_paragraph(&field.text).line_count(text_width)).unwrap_or(u16::MAX)
}

/// Rows the fields take at `width` columns, names included.
pub fn fields_height(fields: &[Field], width: u16) -> u16 {
    fields.iter().map(|f| field_rows(f, width)).fold(0, u16::saturating_add)
}

/// The columns of title a details window `width` wide has room for (its corners, padding and
/// the spaces around the title off).
pub fn window_title_room(width: u16) -> usize {
    usize::from(width.saturating_sub(6))
}

/// The fields a details window `width` columns wide shows for an item: [`describe`]'s, led by
/// the label when its title would be cut.
pub fn window_fields(loaded: &Loaded, changes: &[ValueChange], item: Item, width: u16) -> Option<(String, Vec<Field>)> {
    let (title, fields) = describe(loaded, changes, item)?;
    let fields = whole_title(&title, window_title_room(width), fields);
    Some((title, fields))
}

/// Rows a details window `width` columns wide wants for an item, its frame included.
pub fn window_rows(loaded: &Loaded, changes: &[ValueChange], item: Item, width: u16) -> u16 {
    window_fields(loaded, changes, item, width)
        .map_or(0, |(_, fields)| fields_height(&fields, width.saturating_sub(4)).saturating_add(2))
}

/// Rows under a detail box too few to leave empty: the box takes them instead, and ends on the
/// article pane's last row.
const LEFTOVER_MIN: u16 = 3;

/// The fields a detail box `width` columns wide shows: [`describe`]'s, led by the label when
/// the box's title would cut it.
pub fn box_fields(loaded: &Loaded, changes: &[ValueChange], item: Item, width: u16) -> Option<(String, Vec<Field>)> {
    let (title, fields) = describe(loaded, changes, item)?;
    let fields = whole_title(&title, usize::from(width.saturating_sub(4)), fields);
    Some((title, fields))
}

/// The detail box's rows in `area`: its fields, its borders and a spare row; all of `area` when
/// that would leave only a sliver under it.
pub fn box_height(fields: &[Field], area: Rect) -> u16 {
    let wanted = fields_height(fields, area.width.saturating_sub(4)).saturating_add(3);
    if area.height.saturating_sub(wanted) < LEFTOVER_MIN { area.height } else { wanted }
}

/// Whether the details window tells more about an item than the dock under the charts does:
/// always beside a detail line (which leaves out the field names, the id and the bound's words)
/// or with no dock at all; beside a detail box, only when the box cannot show all its fields.
/// What offers Enter (the box's title, the footer) asks this.
pub fn window_shows_more(loaded: &Loaded, changes: &[ValueChange], item: Item, areas: &Areas) -> bool {
    let area = areas.detail;
    if !areas.detail_is_box || area.is_empty() {
        return true;
    }
    let Some((_, fields)) = box_fields(loaded, changes, item, area.width) else { return false };
    // A row holds at most its width: fields wider in all than the whole box cannot fit, and a
    // huge label need not be wrapped to know it.
    let text_width = usize::from(area.width.saturating_sub(4).saturating_sub(NAME_COLUMNS).max(1));
    let at_least: usize = fields.iter().map(|f| width(&f.text).div_ceil(text_width).max(1)).sum();
    if at_least > usize::from(area.height.saturating_sub(2)) {
        return true;
    }
    let shown = box_height(&fields, area).saturating_sub(2);
    fields_height(&fields, area.width.saturating_sub(4)) > shown
}
