//! Every colour and text style of the program. No other module names a colour.
//!
//! Three palettes (`--theme dark|light|contrast`) build the same set of styles; `NO_COLOR`
//! replaces them with a monochrome set that carries every distinction in bold, underline and
//! reverse video.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The themes `--theme` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For dark terminals; slides on black for projectors.
    #[default]
    Dark,
    /// For light terminals; slides on white.
    Light,
    /// Black and white with bright accents, for weak projectors and tired eyes.
    Contrast,
    /// Light or dark as the terminal's background is (asked at start, see [`detect`]); dark
    /// when the terminal does not say, and for `--snapshot` and `--export`.
    Auto,
}

impl FromStr for ThemeName {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "dark" => Ok(Self::Dark),
            "light" => Ok(Self::Light),
            "contrast" => Ok(Self::Contrast),
            "auto" => Ok(Self::Auto),
            other => Err(format!("unknown theme `{other}`; choose auto, dark, light or contrast")),
        }
    }
}

/// The styles of every element on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Laid over the whole screen first (a background for themes that set one).
    pub canvas: Style,
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
    /// A value too wide for its bar, written after the bar's end on the pane's background.
    pub bar_value_outside: Style,
    pub bar_value_outside_selected: Style,
    pub bar_label: Style,
    pub bar_label_selected: Style,
    /// A value the last reload changed, for a few seconds.
    pub changed: Style,
    pub changed_bar: Style,
    /// A metric's history beside its bar, and a point of it that is a bound (underlined, so it
    /// reads without colour too).
    pub sparkline: Style,
    pub sparkline_bound: Style,
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
    /// Slides: the whole screen, headings, big numbers, captions, the frame's small print.
    pub slide: Style,
    pub slide_title: Style,
    pub slide_number: Style,
    pub slide_caption: Style,
    pub slide_dim: Style,
    pub slide_bar: Style,
    pub slide_bar_value: Style,
    /// A value after its bar's end on a slide, on the slide's background.
    pub slide_bar_value_outside: Style,
    /// A gauge on a slide: the filled part's colour, over the track's.
    pub slide_gauge: Style,
    /// The blank screen (`b`).
    pub blank: Style,
    /// The colours exports use for "the terminal's default" foreground and background.
    pub export_fg: Color,
    pub export_bg: Color,
}

/// The colours a theme is made of.
struct Palette {
    /// The screen's own background, if the theme sets one (else the terminal's shows).
    background: Option<Color>,
    text: Color,
    muted: Color,
    faint: Color,
    accent: Color,
    bar: Color,
    on_bar: Color,
    highlight: Color,
    on_highlight: Color,
    good: Color,
    changed: Color,
    evidence_bg: Color,
    evidence_fg: Color,
    title_bar_bg: Color,
    title_bar_fg: Color,
    error: Color,
    slide_bg: Color,
    slide_fg: Color,
    slide_accent: Color,
    /// Small print on slides (the meta line, the frame): subdued, still legible on `slide_bg`.
    slide_muted: Color,
    export_fg: Color,
    export_bg: Color,
}

impl Theme {
    /// The theme for a name, or monochrome when `no_color` (NO_COLOR) is set.
    pub fn named(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::monochrome();
        }
        match name {
            // `auto` is settled before a theme is built (see [`detect`]); unsettled, it is dark.
            ThemeName::Dark | ThemeName::Auto => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::Contrast => Self::contrast(),
        }
    }

    /// Whether `NO_COLOR` asks for no colour (set to anything non-empty; see no-color.org).
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
    }

    /// The default: the terminal's own background shows through, accents read on dark ones.
    pub fn dark() -> Self {
        Self::from_palette(&Palette {
            background: None,
            text: Color::Reset,
            muted: Color::Gray,
            faint: Color::DarkGray,
            accent: Color::Cyan,
            bar: Color::Blue,
            on_bar: Color::White,
            highlight: Color::Yellow,
            on_highlight: Color::Black,
            good: Color::Green,
            changed: Color::Magenta,
            evidence_bg: Color::Indexed(236),
            evidence_fg: Color::White,
            title_bar_bg: Color::Blue,
            title_bar_fg: Color::White,
            // Plain red is too dark to read on a dark background.
            error: Color::LightRed,
            slide_bg: Color::Black,
            slide_fg: Color::White,
            slide_accent: Color::LightYellow,
            slide_muted: Color::Gray,
            export_fg: Color::Rgb(0xd0, 0xd0, 0xd0),
            export_bg: Color::Rgb(0x1c, 0x1c, 0x1c),
        })
    }

    /// For light terminals: dark text, no yellow on white. The greys are fixed 256-colour ones:
    /// the named greys are light in most palettes (ANSI 7 is near white), unreadable on white.
    pub fn light() -> Self {
        Self::from_palette(&Palette {
            background: None,
            text: Color::Reset,
            muted: Color::Indexed(240),
            faint: Color::Indexed(245),
            accent: Color::Blue,
            bar: Color::Blue,
            on_bar: Color::White,
            highlight: Color::Magenta,
            on_highlight: Color::White,
            good: Color::Green,
            changed: Color::Red,
            evidence_bg: Color::Indexed(254),
            evidence_fg: Color::Black,
            title_bar_bg: Color::Blue,
            title_bar_fg: Color::White,
            error: Color::Red,
            slide_bg: Color::White,
            slide_fg: Color::Black,
            slide_accent: Color::Blue,
            slide_muted: Color::Indexed(240),
            export_fg: Color::Rgb(0x1c, 0x1c, 0x1c),
            export_bg: Color::Rgb(0xfa, 0xfa, 0xfa),
        })
    }

    /// Pure black and white with bright accents, everywhere.
    pub fn contrast() -> Self {
        Self::from_palette(&Palette {
            background: Some(Color::Black),
            text: Color::White,
            muted: Color::White,
            faint: Color::Gray,
            accent: Color::LightYellow,
            bar: Color::White,
            on_bar: Color::Black,
            highlight: Color::LightCyan,
            on_highlight: Color::Black,
            good: Color::LightGreen,
            changed: Color::LightMagenta,
            evidence_bg: Color::Blue,
            evidence_fg: Color::White,
            title_bar_bg: Color::White,
            title_bar_fg: Color::Black,
            error: Color::LightRed,
            slide_bg: Color::Black,
            slide_fg: Color::White,
            slide_accent: Color::LightYellow,
            slide_muted: Color::Gray,
            export_fg: Color::Rgb(0xff, 0xff, 0xff),
            export_bg: Color::Rgb(0, 0, 0),
        })
    }

    fn from_palette(p: &Palette) -> Self {
        let fg = |color: Color| Style::new().fg(color);
        let bold = Modifier::BOLD;
        let canvas = match p.background {
            Some(background) => Style::new().bg(background).fg(p.text),
            None => Style::new(),
        };
        let slide = Style::new().bg(p.slide_bg).fg(p.slide_fg);
        Self {
            canvas,
            title_bar: Style::new().bg(p.title_bar_bg).fg(p.title_bar_fg),
            title: Style::new().fg(p.title_bar_fg).add_modifier(bold),
            subtitle: fg(p.title_bar_fg),
            // On the title bar's colour, where a grey would be hard to read.
            source_line: fg(p.title_bar_fg),
            border: fg(p.faint),
            border_focused: fg(p.accent),
            pane_title: Style::new().add_modifier(bold),
            pane_title_focused: fg(p.accent).add_modifier(bold),
            bar: fg(p.bar),
            bar_selected: fg(p.highlight),
            bar_value: Style::new().fg(p.on_bar).bg(p.bar).add_modifier(bold),
            bar_value_selected: Style::new().fg(p.on_highlight).bg(p.highlight).add_modifier(bold),
            // The body's colour (not the bar's, which is a fill colour, too dark to read as text).
            bar_value_outside: fg(p.text).add_modifier(bold),
            bar_value_outside_selected: fg(p.highlight).add_modifier(bold),
            bar_label: Style::new(),
            bar_label_selected: fg(p.highlight).add_modifier(bold),
            changed: Style::new().fg(p.on_highlight).bg(p.changed).add_modifier(bold),
            changed_bar: fg(p.changed),
            sparkline: fg(p.bar),
            sparkline_bound: fg(p.bar).add_modifier(Modifier::UNDERLINED),
            gauge_filled: fg(p.good),
            gauge_unfilled: fg(p.faint),
            gauge_label: Style::new(),
            gauge_label_selected: fg(p.highlight).add_modifier(bold),
            gauge_value: Style::new().add_modifier(bold),
            heading: [
                fg(p.accent).add_modifier(bold | Modifier::UNDERLINED),
                fg(p.accent).add_modifier(bold),
                Style::new().add_modifier(bold),
            ],
            body: Style::new(),
            strong: Style::new().add_modifier(bold),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            code: fg(p.changed),
            link: fg(p.accent).add_modifier(Modifier::UNDERLINED),
            marker: fg(p.faint),
            quote: fg(p.muted).add_modifier(Modifier::ITALIC),
            dim: fg(p.faint),
            detail_label: fg(p.accent).add_modifier(bold),
            detail_value: fg(p.highlight).add_modifier(bold),
            key: fg(p.accent).add_modifier(bold),
            key_text: fg(p.muted),
            status: fg(p.muted),
            warning: fg(p.highlight),
            error: fg(p.error).add_modifier(bold),
            error_banner: Style::new().fg(Color::White).bg(Color::Red),
            overlay_border: fg(p.accent),
            evidence: Style::new().bg(p.evidence_bg).fg(p.evidence_fg),
            evidence_badge: fg(p.highlight).add_modifier(bold),
            charted_number: fg(p.highlight).add_modifier(Modifier::UNDERLINED),
            search_match: Style::new().fg(p.on_highlight).bg(p.accent),
            search_current: Style::new().fg(p.on_highlight).bg(p.highlight).add_modifier(bold),
            scrollbar: fg(p.faint),
            slide,
            slide_title: slide.add_modifier(bold),
            slide_number: slide.fg(p.slide_accent).add_modifier(bold),
            slide_caption: slide.add_modifier(Modifier::ITALIC),
            slide_dim: slide.fg(p.slide_muted),
            slide_bar: slide.fg(p.slide_accent),
            slide_bar_value: Style::new().fg(p.slide_bg).bg(p.slide_accent).add_modifier(bold),
            slide_bar_value_outside: slide.add_modifier(bold),
            slide_gauge: Style::new().fg(p.slide_accent).bg(p.faint),
            blank: Style::new().bg(Color::Black).fg(Color::Black),
            export_fg: p.export_fg,
            export_bg: p.export_bg,
        }
    }
}

pub mod detect;
mod monochrome;

#[cfg(test)]
mod tests;
