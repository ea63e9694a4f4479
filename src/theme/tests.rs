//! Theme tests: every theme keeps its text legible on its backgrounds.

use super::*;

#[test]
fn themes_are_named_on_the_command_line() {
    assert_eq!("dark".parse(), Ok(ThemeName::Dark));
    assert_eq!("light".parse(), Ok(ThemeName::Light));
    assert_eq!("contrast".parse(), Ok(ThemeName::Contrast));
    assert!("neon".parse::<ThemeName>().unwrap_err().contains("dark, light or contrast"));
}

#[test]
fn no_color_wins_over_any_theme() {
    assert_eq!(Theme::named(ThemeName::Contrast, true), Theme::monochrome());
    assert_ne!(Theme::named(ThemeName::Contrast, false), Theme::monochrome());
}

/// WCAG's contrast ratio of two colours (1 to 21), with xterm's palette for named colours.
fn contrast(fg: Color, bg: Color, theme: &Theme) -> f64 {
    let luminance = |color: Color, default: Color| {
        let (r, g, b) = crate::export::rgb(color, default);
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let (a, b) = (luminance(fg, theme.export_fg), luminance(bg, theme.export_bg));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn every_theme_keeps_its_text_legible_on_its_backgrounds() {
    for (name, theme) in [("dark", Theme::dark()), ("light", Theme::light()), ("contrast", Theme::contrast())] {
        let screen = theme.canvas.bg.unwrap_or(Color::Reset);
        let fg = |style: Style| style.fg.unwrap_or(Color::Reset);
        let bg = |style: Style| style.bg.unwrap_or(Color::Reset);
        // (what, foreground, background, the least ratio: 4.5 for text, 3 for large, bold or
        // decorative text such as frames and captions)
        let pairs = [
            ("body text", fg(theme.body), screen, 4.5),
            ("source line on the title bar", fg(theme.source_line), bg(theme.title_bar), 4.5),
            ("title on the title bar", fg(theme.title), bg(theme.title_bar), 4.5),
            ("status line", fg(theme.status), screen, 4.5),
            ("key hints", fg(theme.key_text), screen, 4.5),
            ("captions and frames", fg(theme.dim), screen, 3.0),
            ("a bar's value", fg(theme.bar_value), bg(theme.bar_value), 4.5),
            ("the selected bar's value", fg(theme.bar_value_selected), bg(theme.bar_value_selected), 3.0),
            ("a value beside its bar", fg(theme.bar_value_outside), screen, 4.5),
            ("a value beside the selected bar", fg(theme.bar_value_outside_selected), screen, 3.0),
            ("a value on a slide's bar", fg(theme.slide_bar_value), bg(theme.slide_bar_value), 4.5),
            ("a value beside a slide's bar", fg(theme.slide_bar_value_outside), bg(theme.slide), 4.5),
            ("the evidence sentence", fg(theme.evidence), bg(theme.evidence), 4.5),
            ("the evidence badge", fg(theme.evidence_badge), screen, 3.0),
            ("a slide's words", fg(theme.slide_title), bg(theme.slide), 4.5),
            ("a slide's small print", fg(theme.slide_dim), bg(theme.slide), 4.5),
            ("a slide's big number", fg(theme.slide_number), bg(theme.slide), 3.0),
            ("headings", fg(theme.heading[0]), screen, 3.0),
            ("links", fg(theme.link), screen, 3.0),
            ("code", fg(theme.code), screen, 3.0),
            ("warnings", fg(theme.warning), screen, 3.0),
            ("errors", fg(theme.error), screen, 3.0),
            ("a changed value", fg(theme.changed), bg(theme.changed), 3.0),
            ("a search match", fg(theme.search_match), bg(theme.search_match), 3.0),
            ("the current match", fg(theme.search_current), bg(theme.search_current), 3.0),
            ("the error banner", fg(theme.error_banner), bg(theme.error_banner), 4.5),
        ];
        for (what, foreground, background, least) in pairs {
            let ratio = contrast(foreground, background, &theme);
            assert!(ratio >= least, "{name}: {what} has a contrast of {ratio:.2}, below {least}");
        }
    }
}

#[test]
fn the_contrast_theme_paints_its_own_black_background() {
    assert_eq!(Theme::contrast().canvas.bg, Some(Color::Black));
    assert_eq!(Theme::dark().canvas, Style::new(), "the dark theme keeps the terminal's background");
    assert_eq!(Theme::dark().slide.bg, Some(Color::Black), "but slides are high contrast");
}
