//! The encoder against crossterm's backend: the same cells sent both ways make the same
//! screen on vt100 (symbols, wide cells, colours, attributes, the cursor and the style left
//! for what comes after), and the same style under each character in a model of every SGR
//! attribute (underline colour, blinks, hidden, crossed out: vt100 keeps none of them), read
//! as terminals read bold with dim and two blinks (one setting or two).

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::crossterm::style::Colored;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;

fn moved(at: Option<(u16, u16)>, x: u16, y: u16) -> String {
    let mut out = Vec::new();
    move_to(&mut out, at, x, y);
    String::from_utf8(out).unwrap().replace('\x1b', "^")
}

#[test]
fn moves_are_the_shortest_that_land_on_the_cell() {
    assert_eq!(moved(None, 0, 0), "^[H");
    assert_eq!(moved(None, 0, 9), "^[10H");
    assert_eq!(moved(None, 119, 39), "^[40;120H");
    assert_eq!(moved(Some((100, 39)), 119, 39), "^[19C");
    assert_eq!(moved(Some((100, 39)), 101, 39), "^[C");
    assert_eq!(moved(Some((100, 39)), 98, 39), "^[2D");
    assert_eq!(moved(Some((100, 39)), 3, 39), "^[4G");
    assert_eq!(moved(Some((100, 39)), 0, 39), "^[G");
    assert_eq!(moved(Some((7, 3)), 7, 30), "^[27B");
    assert_eq!(moved(Some((7, 3)), 7, 2), "^[A");
    assert_eq!(moved(Some((7, 3)), 7, 3), "");
    assert_eq!(moved(Some((7, 3)), 8, 4), "^[5;9H");
    assert_eq!(moved(None, u16::MAX, u16::MAX), "^[65536;65536H");
}

#[test]
fn numbers_are_decimal() {
    for n in [0, 7, 10, 99, 100, 65535, 65536, u32::MAX] {
        let mut out = Vec::new();
        push_number(&mut out, n);
        assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
    }
}

/// The bytes of `cells` written on a 40-column terminal, escapes shown as `^`.
fn encoded(cells: &[(u16, u16, &Cell)]) -> String {
    let bytes = Encoder::default().frame(40, cells, None).to_vec();
    String::from_utf8(bytes).unwrap().replace('\x1b', "^")
}

#[test]
fn long_runs_of_blanks_are_erased_and_short_ones_written() {
    let (a, blank) = (Cell::new("a"), Cell::new(" "));
    let mut black = Cell::new(" ");
    black.bg = Color::Black;
    let mut line = Cell::new(" ");
    line.modifier = Modifier::UNDERLINED;
    // Twelve blanks after a letter, then a letter: erased, and the cursor moved past them.
    let mut cells = vec![(0, 2, &a)];
    cells.extend((1..13).map(|x| (x, 2, &black)));
    cells.push((13, 2, &a));
    assert_eq!(encoded(&cells), "^[?2026h^[3Ha^[48;5;0m^[12X^[14G^[0ma^[?2026l");
    // Ten: erasing them and moving is as long as writing them, but from the second it is shorter.
    let mut cells = vec![(0, 2, &a)];
    cells.extend((1..11).map(|x| (x, 2, &black)));
    cells.push((11, 2, &a));
    assert_eq!(encoded(&cells), "^[?2026h^[3Ha^[48;5;0m ^[9X^[9C^[0ma^[?2026l");
    // To the row's end: nothing after to move to.
    let cells: Vec<_> = (0..40).map(|x| (x, 2, &blank)).collect();
    assert_eq!(encoded(&cells), "^[?2026h^[3H^[40X^[?2026l");
    // Five blanks then a letter: writing them is shorter than erasing and moving.
    let mut cells: Vec<_> = (0..5).map(|x| (x, 2, &blank)).collect();
    cells.push((5, 2, &a));
    assert_eq!(encoded(&cells), "^[?2026h^[3H     a^[?2026l");
    // Underlined blanks show their line: written.
    let cells: Vec<_> = (0..40).map(|x| (x, 2, &line)).collect();
    assert!(encoded(&cells).ends_with(&format!("^[4m{}^[0m^[?2026l", " ".repeat(40))));
    // After a move that is not to the row's start: the cell on the left may be a wide
    // character's half, so the first blank is written, and the others erased.
    let cells: Vec<_> = (5..40).map(|x| (x, 2, &blank)).collect();
    assert_eq!(encoded(&cells), "^[?2026h^[3;6H ^[34X^[?2026l");
}

const SYMBOLS: [&str; 19] = [
    "a",
    "Z",
    " ",
    // Runs of blanks, long enough to be erased (`ECH`).
    "     ",
    "            ",
    "~",
    "ab",
    "中",
    "中文",
    "😀",
    "👍\u{fe0f}",
    "❤\u{fe0f}",
    "x😀\u{fe0f}y",
    "é",
    "e\u{301}",
    "─",
    "\u{200b}",
    "ｗ",
    "字 b",
];

fn colour() -> impl Strategy<Value = Color> {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    prop_oneof![
        2 => Just(Color::Reset),
        2 => prop::sample::select(NAMED.to_vec()),
        1 => any::<u8>().prop_map(Color::Indexed),
        1 => any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

/// A style of any colours and modifiers; an underline colour only with `underline`.
fn style(underline: bool) -> impl Strategy<Value = Style> {
    let underline = if underline { colour().boxed() } else { Just(Color::Reset).boxed() };
    (colour(), colour(), underline, any::<u16>(), any::<u16>()).prop_map(|(fg, bg, ul, add, sub)| {
        let style = Style::new().fg(fg).bg(bg).underline_color(ul);
        style.add_modifier(Modifier::from_bits_truncate(add)).remove_modifier(Modifier::from_bits_truncate(sub))
    })
}

/// A buffer of `area` with strings written over one another, some cells skipped.
fn buffer(area: Rect, underline: bool) -> impl Strategy<Value = Buffer> {
    let write = (0..area.width, 0..area.height, prop::sample::select(SYMBOLS.to_vec()), style(underline));
    (prop::collection::vec((write, prop::bool::weighted(0.1)), 0..16)).prop_map(move |writes| {
        let mut buffer = Buffer::empty(area);
        for ((x, y, text, style), skip) in writes {
            buffer.set_string(x, y, text, style);
            if skip {
                buffer[(x, y)].diff_option = CellDiffOption::Skip;
            }
        }
        buffer
    })
}

/// Two frames of one size, and where the cursor is put after the second, if anywhere.
fn frames(underline: bool) -> impl Strategy<Value = (Buffer, Buffer, Option<Position>)> {
    // Two rows at least: vt100 panics on a screen of one that scrolls (a wide character
    // wrapping past the last column).
    (1u16..30, 2u16..5).prop_flat_map(move |(width, height)| {
        let area = Rect::new(0, 0, width, height);
        let cursor = prop::option::of((0..width, 0..height).prop_map(|(x, y)| Position::new(x, y)));
        (buffer(area, underline), buffer(area, underline), cursor)
    })
}

/// Crossterm's backend's bytes for `next` over `prev`, and the cursor shown at `cursor`, as
/// ratatui's terminal sends them.
fn crossterms(prev: &Buffer, next: &Buffer, cursor: Option<Position>) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut backend = CrosstermBackend::new(&mut bytes);
    backend.draw(prev.diff(next).into_iter()).unwrap();
    if let Some(at) = cursor {
        backend.show_cursor().unwrap();
        backend.set_cursor_position(at).unwrap();
    }
    bytes
}

/// The encoder's bytes for the same, and the cursor shown as the painter shows it (after).
fn ours(prev: &Buffer, next: &Buffer, cursor: Option<Position>) -> Vec<u8> {
    let mut bytes = Encoder::default().frame(next.area.width, &prev.diff(next), cursor).to_vec();
    if cursor.is_some() {
        bytes.extend_from_slice(b"\x1b[?25h");
    }
    bytes
}

/// What vt100 shows after `prev` drawn whole (the cursor hidden) and then `frame`: every
/// cell, the cursor, and the style the next character would have.
fn screen(prev: &Buffer, frame: &[u8]) -> Vec<String> {
    let area = prev.area;
    let mut parser = vt100::Parser::new(area.height, area.width, 0);
    parser.process(&crossterms(&Buffer::empty(area), prev, None));
    parser.process(b"\x1b[?25l");
    parser.process(frame);
    let screen = parser.screen();
    let mut shown: Vec<String> = (0..area.height)
        .flat_map(|row| (0..area.width).map(move |column| (row, column)))
        .map(|(row, column)| {
            let cell = screen.cell(row, column).unwrap();
            let flags = [cell.bold(), cell.dim(), cell.italic(), cell.underline(), cell.inverse()];
            let wide = (cell.is_wide(), cell.is_wide_continuation());
            // A space written and a cell erased show the same (vt100 keeps them apart).
            let contents = if cell.contents() == " " { "" } else { cell.contents() };
            format!("{row},{column}: {contents:?} {wide:?} {:?} {:?} {flags:?}", cell.fgcolor(), cell.bgcolor())
        })
        .collect();
    // A hidden cursor's place shows nothing, and the next frame moves it before writing (an
    // erase leaves it where the erase began, where written blanks leave it after them).
    let cursor = (!screen.hide_cursor()).then(|| screen.cursor_position());
    shown.push(format!("cursor {cursor:?}"));
    shown.push(format!("style after {:?}", screen.attributes_formatted()));
    shown
}

/// Every SGR attribute as a terminal keeps it: colours as their parameters, and flags by their
/// SGR number (1 to 9).
#[derive(Clone, Debug, Default, PartialEq)]
struct Sgr {
    colours: [Vec<u16>; 3],
    flags: [bool; 10],
}

/// Each byte printed by `bytes`, with the style it is printed in, and the style left at the
/// end; with `exclusive`, bold and dim are one setting and so are the two blinks.
fn printed(bytes: &[u8], exclusive: bool) -> (Vec<(u8, Sgr)>, Sgr) {
    let (mut out, mut sgr, mut i) = (Vec::new(), Sgr::default(), 0);
    while i < bytes.len() {
        if bytes[i] != 0x1b {
            out.push((bytes[i], sgr.clone()));
            i += 1;
            continue;
        }
        let end = i + 2 + bytes[i + 2..].iter().position(|b| (0x40..=0x7e).contains(b)).unwrap();
        let params = std::str::from_utf8(&bytes[i + 2..end]).unwrap();
        if bytes[end] == b'X' {
            // An erase: the cells blank in the style the terminal writes with, of which an
            // erased cell shows only the background (so no underline, reverse or strike).
            assert!(!(sgr.flags[4] || sgr.flags[7] || sgr.flags[9]), "an erase in {sgr:?}");
            let n = params.parse::<usize>().unwrap_or(1);
            out.extend(std::iter::repeat_n((b' ', sgr.clone()), n));
        } else if bytes[end] == b'm' {
            let mut numbers = params.split(';').map(|p| p.parse::<u16>().unwrap_or(0));
            while let Some(n) = numbers.next() {
                match n {
                    0 => sgr = Sgr::default(),
                    1..=9 => {
                        let n = if exclusive && n == 6 { 5 } else { usize::from(n) };
                        if exclusive && n <= 2 {
                            sgr.flags[3 - n] = false;
                        }
                        sgr.flags[n] = true;
                    }
                    22 => sgr.flags[1..=2].fill(false),
                    25 => sgr.flags[5..=6].fill(false),
                    23 | 24 | 27..=29 => sgr.flags[usize::from(n - 20)] = false,
                    38 | 48 | 58 => {
                        let kind = numbers.next().unwrap();
                        let rest: Vec<u16> = numbers.by_ref().take(if kind == 5 { 1 } else { 3 }).collect();
                        sgr.colours[usize::from((n - 38) / 10)] = [vec![kind], rest].concat();
                    }
                    39 | 49 | 59 => sgr.colours[usize::from((n - 39) / 10)].clear(),
                    other => panic!("SGR {other} in {params:?}"),
                }
            }
        }
        i = end + 1;
    }
    (out, sgr)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_encoder_makes_crossterms_screen((prev, next, cursor) in frames(false)) {
        Colored::set_ansi_color_disabled(false);
        let (theirs, ours) = (crossterms(&prev, &next, cursor), ours(&prev, &next, cursor));
        prop_assert_eq!(screen(&prev, &ours), screen(&prev, &theirs), "ours {:?}\ntheirs {:?}", String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }

    #[test]
    fn the_encoder_prints_each_character_in_crossterms_style((prev, next, cursor) in frames(true)) {
        Colored::set_ansi_color_disabled(false);
        let (theirs, ours) = (crossterms(&prev, &next, cursor), ours(&prev, &next, cursor));
        for exclusive in [false, true] {
            prop_assert_eq!(printed(&ours, exclusive), printed(&theirs, exclusive), "{:?}\n{:?}", String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}
