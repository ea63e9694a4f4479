//! Keys → actions. One table drives both the key handling and the help overlay, so the help can
//! never drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

mod keymap;
pub use keymap::{ACTION_NAMES, Clash, Keymap, Row, action_name, action_named, parse_key};

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Suspend,
    NextPane,
    PrevPane,
    /// Previous bar or gauge; one line up in the article or an overlay.
    Prev,
    Next,
    PageUp,
    PageDown,
    First,
    Last,
    Details,
    /// Sort the focused table by its next column (`s`), or the other way round (`S`).
    Sort,
    SortReverse,
    Help,
    /// Open the list of warnings and errors.
    Problems,
    Reload,
    /// Close whatever is open (overlay, details, search). Never quits.
    Close,
    /// Open the search prompt.
    Search,
    SearchNext,
    SearchPrev,
    /// In the prompt: a character typed, the last one deleted, the query confirmed.
    Type(char),
    DeleteChar,
    Confirm,
    /// Select the metric whose quote is nearest the top of the article view.
    MetricHere,
    /// Enter or leave presentation mode.
    Present,
    SlideNext,
    SlidePrev,
    SlideFirst,
    SlideLast,
    /// Enter in a presentation: go to the slide whose number was typed, else the next one.
    SlideEnter,
    /// A digit of a slide number.
    Digit(u8),
    Blank,
    /// Back to the first slide and a fresh timer (F5).
    Restart,
    Autoplay,
    Timer,
    /// Switch between the audience's slide and the presenter view.
    PresenterView,
}

/// Which table applies: the dashboard, or an overlay on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Dashboard,
    Help,
    Details,
    /// The list of warnings and errors is open.
    Problems,
    /// The search prompt is open: keys type into it.
    Search,
    /// Presentation mode: clicker keys.
    Presentation,
}

/// A key as the table spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// Any printable character (the search prompt's text).
    AnyChar,
    /// Any digit (a slide number).
    AnyDigit,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::AnyChar => !ctrl && matches!(event.code, KeyCode::Char(_)),
            Key::AnyDigit => !ctrl && matches!(event.code, KeyCode::Char('0'..='9')),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Char(c) => !ctrl && event.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl && event.code == code,
        }
    }

    /// How the help overlay and README spell the key.
    pub fn name(self) -> String {
        match self {
            Key::AnyChar => "text".to_owned(),
            Key::AnyDigit => "0-9".to_owned(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Char(' ') => "Space".to_owned(),
            Key::Char(c) => c.to_string(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".to_owned(),
                KeyCode::Down => "↓".to_owned(),
                KeyCode::Left => "←".to_owned(),
                KeyCode::Right => "→".to_owned(),
                KeyCode::PageUp => "PgUp".to_owned(),
                KeyCode::PageDown => "PgDn".to_owned(),
                KeyCode::BackTab => "Shift-Tab".to_owned(),
                KeyCode::Esc => "Esc".to_owned(),
                // crossterm's names, without its `fmt` (the hint line names these every frame).
                KeyCode::Tab => "Tab".to_owned(),
                #[cfg(not(target_os = "macos"))]
                KeyCode::Enter => "Enter".to_owned(),
                other => other.to_string(),
            },
        }
    }
}

/// One row of the key table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

use Action as A;
use Context as C;
use Key::{Char as Ch, Code as K, Ctrl};

/// The key table, in the order the help overlay lists it.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Tab)], action: A::NextPane, help: "next pane" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::BackTab)], action: A::PrevPane, help: "previous pane" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Up), K(KeyCode::Left), Ch('k'), Ch('h')], action: A::Prev, help: "previous bar or gauge · scroll up" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Down), K(KeyCode::Right), Ch('j'), Ch('l')], action: A::Next, help: "next bar or gauge · scroll down" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::PageUp)], action: A::PageUp, help: "page up" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::PageDown), Ch(' ')], action: A::PageDown, help: "page down" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Home), Ch('g')], action: A::First, help: "first bar · top of article" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::End), Ch('G')], action: A::Last, help: "last bar · end of article" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Enter)], action: A::Details, help: "details of the selected metric" },
    Binding { context: C::Dashboard, keys: &[Ch('s')], action: A::Sort, help: "sort a table by its next column" },
    Binding { context: C::Dashboard, keys: &[Ch('S')], action: A::SortReverse, help: "a table's order the other way round" },
    Binding { context: C::Dashboard, keys: &[Ch('/')], action: A::Search, help: "search the article and the metrics" },
    Binding { context: C::Dashboard, keys: &[Ch('n')], action: A::SearchNext, help: "next match" },
    Binding { context: C::Dashboard, keys: &[Ch('N')], action: A::SearchPrev, help: "previous match" },
    Binding { context: C::Dashboard, keys: &[Ch('m')], action: A::MetricHere, help: "the metric quoted nearest the article's top" },
    Binding { context: C::Dashboard, keys: &[Ch('p')], action: A::Present, help: "presentation mode" },
    Binding { context: C::Dashboard, keys: &[Ch('r')], action: A::Reload, help: "reload the dataset and article" },
    Binding { context: C::Dashboard, keys: &[Ch('?')], action: A::Help, help: "this help" },
    Binding { context: C::Dashboard, keys: &[Ch('w')], action: A::Problems, help: "warnings and errors of the files" },
    Binding { context: C::Dashboard, keys: &[K(KeyCode::Esc)], action: A::Close, help: "close, clear the search (never quits)" },
    Binding { context: C::Dashboard, keys: &[Ctrl('z')], action: A::Suspend, help: "suspend to the shell (fg resumes)" },
    Binding { context: C::Dashboard, keys: &[Ch('q'), Ctrl('c')], action: A::Quit, help: "quit" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::Right), K(KeyCode::Down), K(KeyCode::PageDown), Ch(' '), Ch('l'), Ch('j'), Ch('n')], action: A::SlideNext, help: "next slide" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::Left), K(KeyCode::Up), K(KeyCode::PageUp), K(KeyCode::Backspace), Ch('h'), Ch('k')], action: A::SlidePrev, help: "previous slide" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::Enter)], action: A::SlideEnter, help: "next slide, or the number typed" },
    Binding { context: C::Presentation, keys: &[Key::AnyDigit], action: A::Digit(0), help: "type a slide number, then Enter" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::Home), Ch('g')], action: A::SlideFirst, help: "first slide" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::End), Ch('G')], action: A::SlideLast, help: "last slide" },
    Binding { context: C::Presentation, keys: &[Ch('b'), Ch('.')], action: A::Blank, help: "blank screen, and back" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::F(5))], action: A::Restart, help: "start again from the first slide" },
    Binding { context: C::Presentation, keys: &[Ch('a')], action: A::Autoplay, help: "autoplay on/off" },
    Binding { context: C::Presentation, keys: &[Ch('t')], action: A::Timer, help: "show/hide the timer on the slide" },
    Binding { context: C::Presentation, keys: &[Ch('s')], action: A::PresenterView, help: "presenter view (notes, next slide, time) and back" },
    Binding { context: C::Presentation, keys: &[K(KeyCode::Esc), Ch('p')], action: A::Present, help: "back to the dashboard (never quits)" },
    Binding { context: C::Presentation, keys: &[Ch('?')], action: A::Help, help: "this help" },
    Binding { context: C::Presentation, keys: &[Ctrl('z')], action: A::Suspend, help: "suspend" },
    Binding { context: C::Presentation, keys: &[Ch('q'), Ctrl('c')], action: A::Quit, help: "quit" },
    Binding { context: C::Details, keys: &[K(KeyCode::Up), K(KeyCode::Left), Ch('k'), Ch('h')], action: A::Prev, help: "previous metric" },
    Binding { context: C::Details, keys: &[K(KeyCode::Down), K(KeyCode::Right), Ch('j'), Ch('l')], action: A::Next, help: "next metric" },
    Binding { context: C::Details, keys: &[K(KeyCode::PageUp)], action: A::PageUp, help: "scroll the details up a page" },
    Binding { context: C::Details, keys: &[K(KeyCode::PageDown), Ch(' ')], action: A::PageDown, help: "scroll the details down a page (a long history)" },
    Binding { context: C::Details, keys: &[K(KeyCode::Esc), K(KeyCode::Enter)], action: A::Close, help: "close the details" },
    Binding { context: C::Details, keys: &[Ctrl('z')], action: A::Suspend, help: "suspend" },
    Binding { context: C::Details, keys: &[Ch('q'), Ctrl('c')], action: A::Quit, help: "quit" },
    Binding { context: C::Search, keys: &[K(KeyCode::Enter)], action: A::Confirm, help: "keep the matches, close the prompt" },
    Binding { context: C::Search, keys: &[K(KeyCode::Esc)], action: A::Close, help: "cancel, back to where you were" },
    Binding { context: C::Search, keys: &[K(KeyCode::Backspace)], action: A::DeleteChar, help: "delete a character" },
    Binding { context: C::Search, keys: &[Ctrl('c')], action: A::Quit, help: "quit" },
    Binding { context: C::Search, keys: &[Key::AnyChar], action: A::Type(' '), help: "search as you type or paste, up to 200 characters (capitals make it case-sensitive)" },
    Binding { context: C::Help, keys: &[K(KeyCode::Up), Ch('k')], action: A::Prev, help: "scroll up" },
    Binding { context: C::Help, keys: &[K(KeyCode::Down), Ch('j')], action: A::Next, help: "scroll down" },
    Binding { context: C::Help, keys: &[K(KeyCode::PageUp)], action: A::PageUp, help: "page up" },
    Binding { context: C::Help, keys: &[K(KeyCode::PageDown), Ch(' ')], action: A::PageDown, help: "page down" },
    Binding { context: C::Help, keys: &[K(KeyCode::Home), Ch('g')], action: A::First, help: "top" },
    Binding { context: C::Help, keys: &[K(KeyCode::End), Ch('G')], action: A::Last, help: "bottom" },
    Binding { context: C::Help, keys: &[K(KeyCode::Esc), Ch('?'), K(KeyCode::Enter)], action: A::Close, help: "close the help" },
    Binding { context: C::Help, keys: &[Ctrl('z')], action: A::Suspend, help: "suspend" },
    Binding { context: C::Help, keys: &[Ch('q'), Ctrl('c')], action: A::Quit, help: "quit" },
    Binding { context: C::Problems, keys: &[K(KeyCode::Up), Ch('k')], action: A::Prev, help: "scroll up" },
    Binding { context: C::Problems, keys: &[K(KeyCode::Down), Ch('j')], action: A::Next, help: "scroll down" },
    Binding { context: C::Problems, keys: &[K(KeyCode::PageUp)], action: A::PageUp, help: "page up" },
    Binding { context: C::Problems, keys: &[K(KeyCode::PageDown), Ch(' ')], action: A::PageDown, help: "page down" },
    Binding { context: C::Problems, keys: &[K(KeyCode::Home), Ch('g')], action: A::First, help: "top" },
    Binding { context: C::Problems, keys: &[K(KeyCode::End), Ch('G')], action: A::Last, help: "bottom" },
    Binding { context: C::Problems, keys: &[K(KeyCode::Esc), Ch('w'), K(KeyCode::Enter)], action: A::Close, help: "close the list" },
    Binding { context: C::Problems, keys: &[Ctrl('z')], action: A::Suspend, help: "suspend" },
    Binding { context: C::Problems, keys: &[Ch('q'), Ctrl('c')], action: A::Quit, help: "quit" },
];

/// The action a key press asks for in this context. Releases and repeats of non-repeating keys
/// are ignored: only presses (and auto-repeat, for scrolling) count.
pub fn action_for(key: &KeyEvent, context: Context) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS.iter().filter(|b| b.context == context).find(|b| b.keys.iter().any(|k| k.matches(key))).map(|b| {
        match (b.action, key.code) {
            // The table's `Type` stands for every character: carry the one typed.
            (Action::Type(_), KeyCode::Char(c)) => Action::Type(c),
            (Action::Digit(_), KeyCode::Char(c)) => Action::Digit(c.to_digit(10).unwrap_or(0) as u8),
            (action, _) => action,
        }
    })
}

/// The bindings of one context, for the help overlay.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The help overlay's sections: a heading and the bindings it lists.
pub const HELP_SECTIONS: [(&str, Context); 6] = [
    ("Dashboard", Context::Dashboard),
    ("Presentation (p)", Context::Presentation),
    ("Search prompt (/)", Context::Search),
    ("Details window (Enter)", Context::Details),
    ("Warnings and errors (w)", Context::Problems),
    ("This help", Context::Help),
];

/// The notes' paragraph on the mouse, left out of the help of a view no mouse reaches.
pub const MOUSE_NOTE: &str = "Mouse: the wheel scrolls the pane under the pointer, a click selects a bar, a gauge or a pane. To select text with the mouse hold Shift, or start coopdash with --no-mouse.";

/// The notes under the key list, one paragraph each (the help wraps them to its width).
pub const HELP_NOTES: &[&str] = &[
    MOUSE_NOTE,
    "Selecting a metric scrolls the article to its quote and highlights the sentence; underlined numbers in the article are the ones the charts show.",
    "Only key presses count; Esc never quits.",
    "While a slide is blank (b), the first key, whatever it is, brings the same slide back; q and Ctrl-C still quit.",
    "Marks before a value are the source's words: > over, < under, ≥ at least, ≤ at most, ≈ about (\"over 50 million\" is >50 million).",
];

#[cfg(test)]
mod tests;
