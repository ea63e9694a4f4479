//! Every colour and text style of the program. No other module names a colour.

use ratatui::style::{Color, Modifier, Style};

/// The styles of every element on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub title_bar: Style,
    pub title: Style,
    pub subtitle: Style,
    pub source_line: Style,
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub pane_title_focused: Style,
    pub bar: Style,
    pub bar_selected: Style,
    pub bar_value: Style,
    pub bar_value_selected: Style,
    pub bar_label: Style,
    pub bar_label_selected: Style,
    /// A value the last reload changed, for a few seconds.
    pub changed: Style,
    pub changed_bar: Style,
    pub gauge_filled: Style,
    pub gauge_unfilled: Style,
    pub gauge_label: Style,
    pub gauge_label_selected: Style,
    pub gauge_value: Style,
    pub heading: [Style; 3],
    pub body: Style,
    pub strong: Style,
    pub emphasis: Style,
    pub code: Style,
    pub link: Style,
    pub marker: Style,
    pub quote: Style,
    pub dim: Style,
    pub detail_label: Style,
    pub detail_value: Style,
    pub key: Style,
    pub key_text: Style,
    pub status: Style,
    pub warning: Style,
    pub error: Style,
    pub error_banner: Style,
    pub overlay_border: Style,
    /// The sentence that states the selected metric, and the badge with its value.
    pub evidence: Style,
    pub evidence_badge: Style,
    /// Numbers in the article that a chart shows.
    pub charted_number: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub scrollbar: Style,
}

impl Theme {
    /// The default: colours that read on dark and light backgrounds alike (no fixed background
    /// except the title bar, so the user's terminal theme shows through).
    pub fn colored() -> Self {
        let accent = Color::Cyan;
        let bar = Color::Blue;
        let highlight = Color::Yellow;
        Self {
            title_bar: Style::new().bg(Color::Blue).fg(Color::White),
            title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            subtitle: Style::new().fg(Color::White),
            source_line: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            pane_title: Style::new().add_modifier(Modifier::BOLD),
            pane_title_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            bar: Style::new().fg(bar),
            bar_selected: Style::new().fg(highlight),
            bar_value: Style::new().fg(Color::White).bg(bar).add_modifier(Modifier::BOLD),
            bar_value_selected: Style::new().fg(Color::Black).bg(highlight).add_modifier(Modifier::BOLD),
            bar_label: Style::new(),
            bar_label_selected: Style::new().fg(highlight).add_modifier(Modifier::BOLD),
            changed: Style::new().fg(Color::Black).bg(Color::Magenta).add_modifier(Modifier::BOLD),
            changed_bar: Style::new().fg(Color::Magenta),
            gauge_filled: Style::new().fg(Color::Green),
            gauge_unfilled: Style::new().fg(Color::DarkGray),
            gauge_label: Style::new(),
            gauge_label_selected: Style::new().fg(highlight).add_modifier(Modifier::BOLD),
            gauge_value: Style::new().add_modifier(Modifier::BOLD),
            heading: [
                Style::new().fg(accent).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Style::new().fg(accent).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ],
            body: Style::new(),
            strong: Style::new().add_modifier(Modifier::BOLD),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            code: Style::new().fg(Color::Magenta),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            marker: Style::new().fg(Color::DarkGray),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            dim: Style::new().fg(Color::DarkGray),
            detail_label: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            detail_value: Style::new().fg(highlight).add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            key_text: Style::new().fg(Color::Gray),
            status: Style::new().fg(Color::Gray),
            warning: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            error_banner: Style::new().fg(Color::White).bg(Color::Red),
            overlay_border: Style::new().fg(accent),
            evidence: Style::new().bg(Color::Indexed(236)).fg(Color::White),
            evidence_badge: Style::new().fg(highlight).add_modifier(Modifier::BOLD),
            charted_number: Style::new().fg(highlight).add_modifier(Modifier::UNDERLINED),
            search_match: Style::new().fg(Color::Black).bg(Color::Cyan),
            search_current: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            scrollbar: Style::new().fg(Color::DarkGray),
        }
    }

    /// For `NO_COLOR`: bold, underline and reverse video only, so everything stays legible and
    /// the selection still stands out.
    pub fn monochrome() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
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
            bar_label: plain,
            bar_label_selected: reversed,
            changed: bold.add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
            changed_bar: bold,
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
        }
    }

    /// [`Theme::monochrome`] when `NO_COLOR` is set to anything non-empty (see no-color.org).
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Self::monochrome(),
            _ => Self::colored(),
        }
    }
}
