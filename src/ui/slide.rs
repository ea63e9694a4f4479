//! Presentation mode: one slide filling the screen, readable from the back of a room (drawn
//! through the frames' cache by `shown_slide.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::PixelSize;

use super::big;
use super::chart::{BarStyles, Bars, too_small_caption};
use crate::app::{Presentation, Viewer};
use crate::dataset::{ChartScale, Dataset, Metric, SlideContent};
use crate::deck::Slide;
use crate::layout::{self, Axis, Part};
use crate::load::Loaded;
use crate::text::width::truncate;

/// Draws slide `index` of the deck into `area`, its values growing in if `animated`; returns
/// the frame's rows (top, autoplay progress, bottom) for the small print.
pub(super) fn draw(
    app: &Viewer,
    loaded: &Loaded,
    index: usize,
    animated: bool,
    area: Rect,
    buf: &mut Buffer,
) -> [Rect; 3] {
    let theme = &app.view.theme();
    buf.set_style(area, theme.slide);
    let (frame, body) = frame_and_body(area);
    let Some(slide) = app.content.deck().get(index) else { return frame };
    if body.is_empty() {
        return frame;
    }
    let dataset = &loaded.dataset;
    match &slide.content {
        SlideContent::Title => title_slide(app, loaded, slide, body, buf),
        SlideContent::Sources => sources_slide(app, loaded, slide, body, buf),
        SlideContent::Chart(c) if dataset.charts[*c].kind == crate::dataset::ChartKind::Line => {
            let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
            heading(app, &slide.title, heading_area, buf);
            super::line_chart::slide(app, dataset, &dataset.charts[*c], content, buf);
            caption(app, slide.caption.as_deref(), caption_area, buf);
        }
        SlideContent::Chart(c) if dataset.charts[*c].kind == crate::dataset::ChartKind::Table => {
            let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
            heading(app, &slide.title, heading_area, buf);
            super::table::slide(app, dataset, &dataset.charts[*c], slide.bars.clone(), content, buf);
            caption(app, slide.caption.as_deref(), caption_area, buf);
        }
        SlideContent::Chart(c) => {
            let chart = &dataset.charts[*c];
            let vertical = chart.direction == crate::dataset::ChartDirection::Vertical;
            let members = slide.bars.clone().and_then(|page| chart.metrics.get(page)).unwrap_or(&chart.metrics);
            bars_slide(app, dataset, slide, (members, &chart.metrics, chart.scale, vertical), animated, body, buf);
        }
        SlideContent::Metrics(list) => {
            let members = slide.bars.clone().and_then(|page| list.get(page)).unwrap_or(list);
            bars_slide(app, dataset, slide, (members, list, ChartScale::Linear, false), animated, body, buf);
        }
        SlideContent::Gauge(g) => gauge_slide(app, dataset, slide, (*g, animated), body, buf),
        SlideContent::Metric(m) => number_slide(app, loaded, slide, &dataset.metrics[*m], body, buf),
    }
    frame
}

/// A slide's frame rows (top, autoplay progress, bottom) and its body, within its margins.
pub(super) fn frame_and_body(area: Rect) -> ([Rect; 3], Rect) {
    let gap = u16::from(area.height >= 16);
    let [top, _, body, progress, bottom] = layout::stack(
        area,
        Axis::Vertical,
        [Part::Length(1), Part::Length(gap), Part::Fill, Part::Length(1), Part::Length(1)],
    );
    let margin = (area.width / 16).clamp(1, 12);
    let body = Rect { x: body.x.saturating_add(margin), width: body.width.saturating_sub(2 * margin), ..body };
    ([top, progress, bottom], body)
}

/// Where the shown slide's title begins when it fills `area`, for the screen-reader cursor:
/// the heading's first letter, or the top of a title slide's big letters. `None` on a blank
/// screen, where nothing is drawn.
pub fn title_at(app: &Viewer, area: Rect) -> Option<Position> {
    let p = app.view.presentation();
    let slide = app.content.deck().get(p.slide).filter(|_| !p.blank)?;
    let (_, body) = frame_and_body(area);
    if body.is_empty() {
        return None;
    }
    if slide.content == SlideContent::Title {
        return Some(title_block(slide, body).1.as_position());
    }
    let (heading, _, _) = heading_content_caption(body, slide.caption.as_deref());
    let shown = crate::text::width::width(&truncate(&slide.title, usize::from(heading.width)));
    let shown = u16::try_from(shown).unwrap_or(u16::MAX).min(heading.width);
    // Centred as `Line::centered` centres it.
    Some(Position::new(heading.x + (heading.width - shown) / 2, heading.y))
}

/// Splits a body into a heading row, the content, and the caption's rows (as many as it needs
/// at this width, at most a third of the body).
fn heading_content_caption(body: Rect, caption: Option<&str>) -> (Rect, Rect, Rect) {
    let caption_rows = caption.map_or(0, |text| {
        let rows = Paragraph::new(text).wrap(Wrap { trim: true }).line_count(body.width.max(1));
        u16::try_from(rows).unwrap_or(u16::MAX).min(body.height / 3) + 1
    });
    // On a tiny screen the content comes first: the caption only if two rows are left for it.
    let caption_rows = if body.height >= caption_rows + 3 { caption_rows } else { 0 };
    let gap = u16::from(body.height >= 12);
    let [heading, _, content, caption] = layout::stack(
        body,
        Axis::Vertical,
        [Part::Length(1), Part::Length(gap), Part::Fill, Part::Length(caption_rows)],
    );
    (heading, content, caption)
}

fn heading(app: &Viewer, text: &str, area: Rect, buf: &mut Buffer) {
    Line::styled(truncate(text, usize::from(area.width)), app.view.theme().slide_title).centered().render(area, buf);
}

fn caption(app: &Viewer, text: Option<&str>, area: Rect, buf: &mut Buffer) {
    let Some(text) = text else { return };
    let area = Rect { y: area.y.saturating_add(1), height: area.height.saturating_sub(1), ..area };
    Paragraph::new(text)
        .style(app.view.theme().slide_caption)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center)
        .render(area, buf);
}

/// A one-row bar filled to `ratio`, with eighth-block precision, over a visible track: the
/// style's background where it has one, else (monochrome) a light shade, so the whole the share
/// is of always shows.
fn share_bar(ratio: f64, style: ratatui::style::Style, area: Rect, buf: &mut Buffer) {
    const EIGHTHS: [&str; 8] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let empty = if style.bg.is_some() { " " } else { "░" };
    let eighths = (ratio.clamp(0.0, 1.0) * f64::from(area.width) * 8.0).round() as u32;
    for column in 0..area.width {
        let filled = eighths.saturating_sub(u32::from(column) * 8).min(8);
        let symbol = match filled {
            8 => "█",
            0 => empty,
            part => EIGHTHS[part as usize],
        };
        buf[(area.x + column, area.y)].set_symbol(symbol).set_style(style);
    }
}

/// Stacks rows of these heights in the vertical middle of `area`. When they do not all fit, the
/// later ones are dropped (given no rows) before the earlier ones are cut.
fn stack<const N: usize>(area: Rect, heights: [u16; N]) -> [Rect; N] {
    let mut kept = 0;
    let mut total: u16 = 0;
    for &height in &heights {
        if total.saturating_add(height) > area.height {
            break;
        }
        total += height;
        kept += 1;
    }
    let mut rects = [Rect::default(); N];
    let mut y = middle(area, total).y;
    for (index, &height) in heights.iter().enumerate().take(kept.max(1)) {
        let height = height.min(area.bottom().saturating_sub(y));
        rects[index] = Rect { y, height, ..area };
        y += height;
    }
    rects
}

/// Places `height` rows in the vertical middle of `area`.
fn middle(area: Rect, height: u16) -> Rect {
    let height = height.min(area.height);
    Rect { y: area.y + (area.height - height) / 2, height, ..area }
}

/// A title slide's big title as it fits `body`, and the block of title, subtitle and source
/// in the middle of the body.
fn title_block(slide: &Slide, body: Rect) -> (big::Fit, Rect) {
    let title = ascii_typography(&slide.title);
    let fit = big::fit_title(&title, &slide.title, body.width, body.height / 2, 3, PixelSize::HalfHeight);
    let rows = fit.height() + 2 + 1 + 2 + 1;
    (fit, middle(body, rows))
}

fn title_slide(app: &Viewer, loaded: &Loaded, slide: &Slide, body: Rect, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let dataset = &loaded.dataset;
    let (fit, area) = title_block(slide, body);
    let source = dataset.source.as_ref().map(|s| s.describe(" · "));
    let [title_area, _, subtitle_area, _, source_area] = layout::stack(
        area,
        Axis::Vertical,
        [Part::Length(fit.height()), Part::Length(2), Part::Length(1), Part::Length(2), Part::Length(1)],
    );
    big::render(&fit, &slide.title, theme.slide_number, title_area, buf);
    if let Some(subtitle) = &slide.caption {
        Line::styled(truncate(subtitle, usize::from(subtitle_area.width)), theme.slide_title)
            .centered()
            .render(subtitle_area, buf);
    }
    if let Some(source) = source {
        Line::styled(truncate(&source, usize::from(source_area.width)), theme.slide_dim)
            .centered()
            .render(source_area, buf);
    }
}

fn bars_slide(
    app: &Viewer,
    dataset: &Dataset,
    slide: &Slide,
    (members, scale_of, scale, vertical): (&[usize], &[usize], ChartScale, bool),
    animated: bool,
    body: Rect,
    buf: &mut Buffer,
) {
    let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
    heading(app, &slide.title, heading_area, buf);
    let presentation: &Presentation = app.view.presentation();
    // The bars grow with the slide, in proportion to it, and sit in its middle; upright only
    // if every value fits across a bar.
    let (limits, area) = crate::geometry::slide_bars(members.len(), vertical, content);
    let widest = dataset.widest_bar_value(members);
    let vertical = crate::geometry::stands_upright(vertical, members.len(), area, limits, widest);
    let (limits, area) =
        if vertical { (limits, area) } else { crate::geometry::slide_bars(members.len(), false, content) };
    let bars = Bars {
        dataset,
        members,
        scale_of,
        vertical,
        scale,
        cursor: 0,
        highlight: false,
        styles: BarStyles::slide(app.view.theme()),
        theme: app.view.theme(),
        changes: app.content.changes(),
        value_of: &|m: &Metric| if animated { presentation.shown_value(&m.id, m.value) } else { m.value },
        sparklines: false,
    };
    let shown = bars.draw_within(area, limits, buf);
    // Said under the bars, on the content's last row (a slide's bars never fill it): the bars
    // too small to see, and what the marks before values mean.
    let legend = crate::details::legend_of_metrics(dataset, members);
    let notes = [too_small_caption(shown.too_small), (!legend.is_empty()).then_some(legend)];
    let notes: Vec<String> = notes.into_iter().flatten().collect();
    if !notes.is_empty() {
        let words = notes.join(" · ");
        let row = Rect { y: content.bottom().saturating_sub(1), height: 1.min(content.height), ..content };
        Line::styled(truncate(&words, usize::from(row.width)), app.view.theme().slide_dim).centered().render(row, buf);
    }
    caption(app, slide.caption.as_deref(), caption_area, buf);
}

fn gauge_slide(
    app: &Viewer,
    dataset: &Dataset,
    slide: &Slide,
    (index, animated): (usize, bool),
    body: Rect,
    buf: &mut Buffer,
) {
    let theme = &app.view.theme();
    let gauge = &dataset.gauges[index];
    let (part, whole) = (&dataset.metrics[gauge.metric], &dataset.metrics[gauge.of]);
    let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
    heading(app, &slide.title, heading_area, buf);
    let share = gauge.display_ratio();
    // The share first: the bar and the words only where there is room for them too.
    let fit = big::fit(&share, content.width, content.height.saturating_sub(4).max(1), 1, PixelSize::Full);
    let [number, _, bar, _, words] = stack(content, [fit.height(), 1, 1, 1, 1]);
    big::render(&fit, &share, theme.slide_number, number, buf);
    let ratio = if animated { app.view.presentation().shown_ratio(dataset, gauge) } else { gauge.ratio };
    let bar = Rect { x: bar.x + bar.width / 8, width: bar.width - bar.width / 4, ..bar };
    share_bar(ratio, theme.slide_gauge, bar, buf);
    let text = format!("{}: {}  of  {}: {}", part.label, part.display_value(), whole.label, whole.display_value());
    Line::styled(truncate(&text, usize::from(words.width)), theme.slide_dim).centered().render(words, buf);
    caption(app, slide.caption.as_deref(), caption_area, buf);
}

fn number_slide(app: &Viewer, loaded: &Loaded, slide: &Slide, metric: &Metric, body: Rect, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
    heading(app, &slide.title, heading_area, buf);
    let value = metric.short_value();
    // The number first: the words under it only where there is room for them too.
    let fit = big::fit(&value, content.width, content.height.saturating_sub(2).max(1), 1, PixelSize::Full);
    let [number, _, words] = stack(content, [fit.height(), 1, 1]);
    big::render(&fit, &value, theme.slide_number, number, buf);
    let mut details = vec![metric.display_value()];
    details.extend(metric.period());
    if let Some(source) = loaded.dataset.source.as_ref().and_then(|s| s.name.clone()) {
        details.push(format!("source: {source}"));
    }
    Line::styled(truncate(&details.join(" · "), usize::from(words.width)), theme.slide_dim)
        .centered()
        .render(words, buf);
    caption(app, slide.caption.as_deref(), caption_area, buf);
}

fn sources_slide(app: &Viewer, loaded: &Loaded, slide: &Slide, body: Rect, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let dataset = &loaded.dataset;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(source) = &dataset.source {
        lines.push(Line::styled(source.describe(", "), theme.slide_title));
        if let Some(url) = &source.url {
            lines.push(Line::styled(url.clone(), theme.slide_number));
        }
        lines.push(Line::default());
    }
    for metric in dataset.metrics.iter().filter(|m| m.source.is_some()) {
        lines.push(Line::styled(format!("{}:", metric.label), theme.slide));
        lines.push(Line::styled(metric.source.clone().unwrap_or_default(), theme.slide_number));
    }
    let (heading_area, content, caption_area) = heading_content_caption(body, slide.caption.as_deref());
    heading(app, &slide.title, heading_area, buf);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false }).alignment(Alignment::Center);
    let rows = u16::try_from(paragraph.line_count(content.width.max(1))).unwrap_or(u16::MAX);
    paragraph.render(middle(content, rows), buf);
    caption(app, slide.caption.as_deref(), caption_area, buf);
}

/// Typography the 8×8 font lacks, in plain ASCII (a title's dashes and quotes).
fn ascii_typography(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            other => other,
        })
        .collect()
}
