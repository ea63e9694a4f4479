//! The bar widget alone, cell by cell.

use ratatui::style::{Color, Modifier};

use super::*;

fn look() -> BarLook {
    BarLook {
        bar: Style::new().fg(Color::Blue),
        inside: Style::new().fg(Color::White).bg(Color::Blue),
        outside: Style::new().add_modifier(Modifier::BOLD),
        label: Style::new(),
    }
}

fn spec(label: &str, magnitude: f64, text: &str) -> BarSpec {
    BarSpec { label: label.into(), magnitude, text: text.into(), look: look() }
}

fn slots(count: usize, thickness: u16, gap: u16) -> BarSlots {
    BarSlots { window: 0..count, thickness, gap, vertical: false, offset: 0 }
}

fn draw(bars: &[BarSpec], width: u16, scale: ChartScale) -> (Buffer, Drawn) {
    let area = Rect::new(0, 0, width, u16::try_from(bars.len()).unwrap());
    let mut buf = Buffer::empty(area);
    let axis = Axis::of(bars.iter().map(|b| b.magnitude), scale);
    let label_width = bars.iter().map(|b| width_of(&b.label)).max().unwrap_or(0);
    let drawn = Plot { bars, axis, slots: &slots(bars.len(), 1, 0), label_width }.draw(area, &mut buf);
    (buf, drawn)
}

fn width_of(text: &str) -> usize {
    width(text)
}

#[test]
fn a_value_goes_inside_its_bar_when_it_fits_and_after_its_end_when_not() {
    let bars = [spec("Big", 100.0, "100 t"), spec("Small", 10.0, "10 t")];
    let (buf, _) = draw(&bars, 30, ChartScale::Linear);
    // Labels take 5 columns and a space; the bars 24. 10 t is 2.4 cells: `██▍`, then its value.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "Big   100 t███████████████████",
        "Small ██▍ 10 t                ",
    ]);
    let symbols =
        |b: &Buffer| Buffer::with_lines((0..2).map(|y| (0..30).map(|x| b[(x, y)].symbol()).collect::<String>()));
    assert_eq!(symbols(&buf), expected);
    // Inside, on the bar's colour; outside, every cell of the value in the outside style.
    assert!((6..11).all(|x| buf[(x, 0)].bg == Color::Blue));
    assert!((10..14).all(|x| buf[(x, 1)].modifier.contains(Modifier::BOLD) && buf[(x, 1)].bg == Color::Reset));
}

#[test]
fn lengths_are_exact_to_an_eighth_and_a_non_zero_value_is_never_nothing() {
    let axis = Axis::of([28.0, 18.0, 17.0, 0.001, 0.0], ChartScale::Linear);
    assert_eq!(axis.eighths(28.0, 30), 240);
    assert_ne!(axis.eighths(18.0, 30), axis.eighths(17.0, 30), "18 and 17 differ");
    assert_eq!(axis.eighths(0.001, 30), 1, "the thinnest sliver");
    assert!(axis.too_small(0.001, 30) && !axis.too_small(17.0, 30));
    assert_eq!(axis.eighths(0.0, 30), 0, "zero is nothing");
    let (buf, drawn) = draw(&[spec("A", 28.0, "28"), spec("B", 0.001, "0.001")], 20, ChartScale::Linear);
    assert_eq!(buf[(2, 1)].symbol(), "▏");
    assert_eq!(drawn.too_small, 1);
}

#[test]
fn the_log_scale_gives_every_decade_the_same_length() {
    let axis = Axis::of([8.0, 860.0, 48_600_000.0], ChartScale::Log);
    // The origin is a decade under the least value's (1 t): 0.1 t.
    let cells = |v: f64| axis.fraction(v) * (48_600_000f64.log10() + 1.0);
    assert!((cells(8.0) - (8f64.log10() + 1.0)).abs() < 1e-9);
    assert!(!axis.too_small(8.0, 30), "a small value is long enough to see on a log scale");
    assert_eq!(axis.fraction(48_600_000.0), 1.0);
}

#[test]
fn values_never_split_even_when_the_bar_nearly_fills_the_room() {
    // A 97% bar with a value wider than its end's room: the bars shrink until it fits inside.
    let bars = [spec("A", 100.0, "100 t"), spec("B", 97.0, "97.25 kt")];
    let (buf, _) = draw(&bars, 12, ChartScale::Linear);
    let row: String = (2..12).map(|x| buf[(x, 1)].symbol()).collect();
    assert!(row.contains("97.25 kt"), "{row:?}");
}

#[test]
fn a_long_label_takes_two_rows_of_a_thick_bar() {
    let bars = [spec("Cross-border cargo of the railway line", 10.0, "10 t")];
    let area = Rect::new(0, 0, 40, 2);
    let mut buf = Buffer::empty(area);
    let axis = Axis::of([10.0], ChartScale::Linear);
    Plot { bars: &bars, axis, slots: &slots(1, 2, 1), label_width: 39 }.draw(area, &mut buf);
    // 26 columns of label (the bars keep a third of 40), broken at a space.
    let row = |y| (0..27).map(|x| buf[(x, y)].symbol()).collect::<String>();
    assert_eq!(row(0).trim_end(), "Cross-border cargo of the");
    assert_eq!(row(1).trim_end(), "railway line");
}

#[test]
fn labels_take_what_the_bars_leave() {
    assert_eq!(label_room(75, 118, 10), 75, "whole at 200 columns");
    assert_eq!(label_room(75, 46, 10), 30, "the bars keep a third");
    assert_eq!(label_room(5, 0, 10), 0);
}
