//! The `NO_COLOR` theme: no colour at all, meaning carried by bold, underline and reverse video.

use super::*;

impl Theme {
    /// For `NO_COLOR`: bold, underline and reverse video only, so everything stays legible and
    /// the selection still stands out.
    pub fn monochrome() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            canvas: plain,
            title_bar: reversed,
            title: bold,
            subtitle: plain,
            source_line: plain,
            border: plain,
            border_focused: bold,
            pane_title: plain,
            pane_title_focused: bold.add_modifier(Modifier::UNDERLINED),
            bar: plain,
            bar_selected: bold,
            bar_value: reversed,
            bar_value_selected: reversed.add_modifier(Modifier::BOLD),
            bar_value_outside: bold,
            bar_value_outside_selected: bold,
            bar_label: plain,
            bar_label_selected: reversed,
            changed: bold.add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
            changed_bar: bold,
            sparkline: plain,
            sparkline_bound: plain.add_modifier(Modifier::UNDERLINED),
            gauge_filled: plain,
            gauge_unfilled: plain,
            gauge_label: plain,
            gauge_label_selected: reversed,
            gauge_value: bold,
            heading: [bold.add_modifier(Modifier::UNDERLINED), bold, bold],
            body: plain,
            strong: bold,
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            code: plain,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            marker: plain,
            quote: Style::new().add_modifier(Modifier::ITALIC),
            dim: plain,
            detail_label: bold,
            detail_value: bold,
            key: bold,
            key_text: plain,
            status: plain,
            warning: bold,
            error: bold,
            error_banner: reversed,
            overlay_border: bold,
            evidence: Style::new().add_modifier(Modifier::BOLD),
            evidence_badge: bold.add_modifier(Modifier::REVERSED),
            charted_number: Style::new().add_modifier(Modifier::UNDERLINED),
            search_match: reversed,
            search_current: reversed.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            scrollbar: plain,
            slide: plain,
            slide_title: bold,
            slide_number: bold,
            slide_caption: Style::new().add_modifier(Modifier::ITALIC),
            slide_dim: plain,
            slide_bar: plain,
            slide_bar_value: reversed,
            slide_bar_value_outside: bold,
            slide_gauge: plain,
            blank: plain,
            export_fg: Color::Rgb(0xd0, 0xd0, 0xd0),
            export_bg: Color::Rgb(0x1c, 0x1c, 0x1c),
        }
    }
}
