//! Graphemes a terminal measures differently from unicode-width, end to end: the real binary in
//! a pseudo-terminal whose parser (vt100) advances its cursor per code point, as tmux does.
//!
//! After each key, the screen as incremental redraws left it must be the screen a full repaint
//! draws, cell for cell: a grapheme ratatui thinks wider than the terminal draws it leaves old
//! glyphs behind in the cells ratatui skips; one it thinks narrower shifts the rest of its row.

use crate::common;

use common::pty::PtyApp;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthChar;

const COLUMNS: u16 = 100;
const ROWS: u16 = 32;

/// The graphemes of the issue and their neighbours, each with ASCII right after it: emoji with
/// U+FE0F, skin tones, flags, half-width kana with voiced marks, the soft hyphen, a wide emoji
/// with U+FE0E, a keycap, a Tamil vowel sign, a trigram, a selector on a quote, a ZWJ family,
/// a subdivision flag's tags, Hangul jamo and filler, a Devanagari conjunct, U+FFFD.
const MIXED: &str = concat!(
    "❤\u{fe0f}ok 👍🏽ok 🇨🇳ok ｶﾞok ﾊﾟok co\u{ad}op ⌚\u{fe0e}ok 1\u{fe0f}\u{20e3}ok காok ☰ok ☝🏽ok 🇱🇦🇹🇭ok ",
    "\u{2018}\u{fe01}ok 中文ok e\u{301}ok 👨\u{200d}👩\u{200d}👧ok 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}ok ",
    "ﾝﾞok \u{1100}\u{1161}\u{11a8}ok \u{3164}ok क्षिok \u{fffd}ok"
);

fn dataset() -> String {
    let label = |n: usize| MIXED.split(' ').cycle().skip(n).take(3).collect::<Vec<_>>().join(" ");
    let mut toml = format!("title = \"Hearts {MIXED}\"\nsubtitle = \"{MIXED}\"\narticle = \"article.md\"\n");
    for n in 0..8 {
        toml.push_str(&format!(
            "[[metric]]\nid = \"m{n}\"\nlabel = \"{}\"\nvalue = {}\nunit = \"ｶﾞ\"\nnote = \"{MIXED}\"\nquote = \"{}\"\n",
            label(n),
            10 + n * 7,
            label(n),
        ));
    }
    toml.push_str(&format!("[[chart]]\ntitle = \"{MIXED}\"\nmetrics = [\"m0\", \"m1\", \"m2\", \"m3\"]\n"));
    toml.push_str(&format!(
        "[[chart]]\ntitle = \"Bars {MIXED}\"\nmetrics = [\"m4\", \"m5\", \"m6\", \"m7\"]\ndirection = \"horizontal\"\n"
    ));
    toml.push_str(&format!("[[gauge]]\ntitle = \"{MIXED}\"\nmetric = \"m1\"\nof = \"m7\"\nnote = \"{MIXED}\"\n"));
    toml
}

fn article() -> String {
    let mut text = format!("# Heading {MIXED}\n\n");
    for n in 0..30 {
        // Markup right after a combining mark's base, and the graphemes at every offset of a
        // wrapped line.
        let shifted: String = MIXED.split(' ').cycle().skip(n % 7).take(12).collect::<Vec<_>>().join(" ");
        text.push_str(&format!("Paragraph {n}: {}**e**\u{301} *ｶ*ﾞ {shifted}.\n\n", "x".repeat(n % 5)));
    }
    text
}

/// A terminal of our own, fed everything the program wrote, resized when the pty is.
struct Terminal {
    parser: vt100::Parser,
    seen: usize,
}

type Cells = Vec<Vec<(String, bool)>>;

impl Terminal {
    fn new() -> Self {
        Self { parser: vt100::Parser::new(ROWS, COLUMNS, 0), seen: 0 }
    }

    fn catch_up(&mut self, app: &PtyApp) {
        let raw = app.raw_output();
        self.parser.process(&raw[self.seen..]);
        self.seen = raw.len();
    }

    /// Every cell of the screen as the program's output so far left it: its text and whether
    /// it is the right half of a wide character.
    fn read(&mut self, app: &PtyApp) -> Cells {
        self.catch_up(app);
        let screen = self.parser.screen();
        let (rows, columns) = screen.size();
        (0..rows)
            .map(|row| {
                (0..columns)
                    .map(|column| {
                        screen
                            .cell(row, column)
                            // A cell a full repaint leaves cleared and one an update blanked
                            // with a space look alike.
                            .map(|cell| (cell.contents().replace(' ', ""), cell.is_wide_continuation()))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }

    /// The screen after a full repaint: a resize makes ratatui clear the terminal and draw
    /// every cell again. The height changes and comes back, so the article's width, and with
    /// it the reader's place, stays.
    fn repainted(&mut self, app: &mut PtyApp) -> Cells {
        for rows in [ROWS + 1, ROWS] {
            // What was written so far belongs to the old size.
            self.catch_up(app);
            app.drain_output();
            let before = app.frames();
            app.resize(COLUMNS, rows);
            self.parser.screen_mut().set_size(rows, COLUMNS);
            app.wait_for_frame_after(before, &format!("a resize to {rows} rows"));
        }
        self.read(app)
    }
}

fn text_of(cells: &Cells) -> String {
    cells
        .iter()
        .map(|row| {
            let drawn = row.iter().filter(|(_, continuation)| !continuation);
            drawn.map(|(text, _)| if text.is_empty() { " " } else { text.as_str() }).collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first cells that differ, as `row:column incremental/full`.
fn differences(incremental: &Cells, full: &Cells) -> String {
    let cells = incremental.iter().zip(full).enumerate().flat_map(|(row, (a, b))| {
        a.iter().zip(b).enumerate().filter(|(_, (a, b))| a != b).map(move |(column, (a, b))| (row, column, a, b))
    });
    cells.take(8).map(|(row, column, a, b)| format!("{row}:{column} {a:?}/{b:?}")).collect::<Vec<_>>().join(", ")
}

/// The columns of the screen's vertical borders on `row`.
fn borders(cells: &Cells, row: usize) -> Vec<usize> {
    cells[row]
        .iter()
        .enumerate()
        .filter(|(_, (text, _))| matches!(text.as_str(), "│" | "┃" | "║"))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn incremental_redraws_match_a_full_repaint_over_graphemes_terminals_measure_per_code_point() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("metrics.toml"), dataset()).unwrap();
    std::fs::write(dir.path().join("article.md"), article()).unwrap();
    let mut app = common::spawn_coopdash(&["--no-mouse"], dir.path(), COLUMNS, ROWS);
    app.wait_for("Paragraph 0");
    app.settled();
    let mut terminal = Terminal::new();
    let first = terminal.repainted(&mut app);
    // The pane borders of the first full frame: where they must stay in every frame after.
    let expected: Vec<Vec<usize>> = (0..first.len()).map(|row| borders(&first, row)).collect();
    // Each key, what it does, and whether the dashboard's panes are all there is (no box over
    // them), so their borders must be where the first frame has them.
    let steps: &[(&str, &str, bool)] = &[
        ("j", "next bar", true),
        ("j", "next bar", true),
        ("\t", "next pane", true),
        ("j", "next bar", true),
        ("\r", "details", false),
        ("j", "next metric in the details", false),
        ("\x1b", "details closed", true),
        ("\t", "next pane", true),
        ("\t", "next pane", true),
        ("j", "article down", true),
        ("j", "article down", true),
        ("\x1b[6~", "article page down", true),
        ("j", "article down", true),
        ("\x1b[5~", "article page up", true),
        ("k", "article up", true),
        ("\x1b[6~", "article page down", true),
        ("\x1b[6~", "article page down", true),
        ("\t", "next pane", true),
        ("k", "previous bar", true),
    ];
    let mut failures = Vec::new();
    for &(key, what, panes) in steps {
        app.drain_output();
        let before = app.frames();
        app.send(key);
        app.wait_for_frame_after(before, what);
        let incremental = terminal.read(&app);
        let full = terminal.repainted(&mut app);
        if incremental != full {
            failures.push(format!(
                "after {what:?}, incremental redraws left cells a full repaint draws otherwise ({}):\n{}",
                differences(&incremental, &full),
                text_of(&full)
            ));
        }
        for (row, columns) in expected.iter().enumerate().filter(|_| panes) {
            let now = borders(&full, row);
            if !columns.iter().all(|c| now.contains(c)) {
                failures.push(format!(
                    "after {what:?}, row {row}: borders at {now:?}, not {columns:?}:\n{}",
                    text_of(&full)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} frames wrong:\n{}", failures.len(), steps.len(), failures.join("\n\n"));
    let screen = text_of(&terminal.read(&app));
    assert!(screen.contains("ガok"), "the half-width kana composed: {screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

/// The columns ratatui reserves for a cell's grapheme.
fn ratatui_width(symbol: &str) -> usize {
    usize::from(symbol.cell_width())
}

/// The columns a terminal that counts code points (tmux, vt100) advances for it.
fn terminal_width(symbol: &str) -> usize {
    symbol.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The cells of `buffer` whose grapheme a terminal would draw at another width than ratatui
/// reserved for it (or would not draw at all: a zero-width one lands on the cell before, and
/// vt100 drops U+FFFD).
fn unsettled_cells(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    let positions = (area.top()..area.bottom()).flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)));
    positions
        .filter_map(|(x, y)| {
            let symbol = buffer[(x, y)].symbol();
            let width = terminal_width(symbol);
            let fine = symbol.len() == 1
                || symbol.is_empty()
                || width > 0 && width == ratatui_width(symbol) && !symbol.contains('\u{fffd}');
            (!fine).then(|| {
                format!("{x},{y} {symbol:?}: ratatui {}, terminal {}", ratatui_width(symbol), terminal_width(symbol))
            })
        })
        .collect()
}

#[test]
fn no_view_holds_a_cell_the_terminal_would_draw_at_another_width() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    std::fs::write(&path, dataset()).unwrap();
    std::fs::write(dir.path().join("article.md"), article()).unwrap();
    let mut app = common::file_app(&path, COLUMNS, ROWS);
    let mut seen = Vec::new();
    let mut look = |app: &coopdash::app::App, what: &str| {
        seen.extend(unsettled_cells(&common::render(app)).into_iter().map(|cell| format!("{what}: {cell}")));
    };
    look(&app, "dashboard");
    for key in [KeyCode::Down, KeyCode::Enter, KeyCode::Down, KeyCode::Esc, KeyCode::Char('?')] {
        common::press(&mut app, key);
        look(&app, &format!("after {key:?}"));
    }
    common::press(&mut app, KeyCode::Esc);
    common::press(&mut app, KeyCode::Char('p'));
    for slide in 0..8 {
        look(&app, &format!("slide {slide}"));
        common::press(&mut app, KeyCode::Right);
    }
    common::press(&mut app, KeyCode::Esc);
    // Typed or pasted into the search prompt: not from a file, drawn through the sanitiser too.
    common::press(&mut app, KeyCode::Char('/'));
    for c in MIXED.chars() {
        common::press(&mut app, KeyCode::Char(c));
    }
    look(&app, "the search prompt");
    assert!(seen.is_empty(), "{}", seen.join("\n"));
}
