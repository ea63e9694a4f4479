//! The title bar: title and subtitle, then the source line.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::Viewer;
use crate::layout::Areas;
use crate::text::width::{truncate, width};

pub fn render(app: &Viewer, areas: &Areas, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let area = areas.header;
    if area.height == 0 {
        return;
    }
    buf.set_style(area, theme.title_bar);
    let Some(loaded) = &app.content.data() else {
        let line = Line::from(vec![
            Span::styled(" coopdash", theme.title),
            Span::styled(" · no dataset loaded", theme.subtitle),
        ]);
        line.render(area, buf);
        return;
    };
    let dataset = &loaded.dataset;
    let room = usize::from(area.width).saturating_sub(2);
    let title = truncate(&dataset.title, room);
    let mut spans = vec![Span::styled(format!(" {title}"), theme.title)];
    // The subtitle only when it fits whole: a cut subtitle reads worse than none.
    if let Some(subtitle) = &dataset.subtitle
        && width(&title) + 3 + width(subtitle) <= room
    {
        spans.push(Span::styled(format!(" · {subtitle}"), theme.subtitle));
    }
    Line::from(spans).render(area, buf);
    if area.height < 2 {
        return;
    }
    let source_row = ratatui::layout::Rect { y: area.y + 1, height: 1, ..area };
    if let Some(source) = &dataset.source {
        let described = source.describe(", ");
        if !described.is_empty() {
            let text = truncate(&format!("Source: {described}"), room);
            Line::from(Span::styled(format!(" {text}"), theme.source_line)).render(source_row, buf);
        }
    }
}
