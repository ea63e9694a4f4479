//! The `--linear` session: print the dashboard, then read commands line by line and print each
//! answer as new lines; print what a reload changed. Never a redraw, never an escape sequence:
//! every line goes through the sanitiser on its way out.
//!
//! One channel carries the lines read, the watcher's file changes and the loader's outcomes;
//! the shared [`Content`] (the same the dashboard uses) debounces the saves and takes in the
//! loads, through the runtime's watcher and loader thread.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Instant;

use super::commands::{self, Command};
use super::sentences;
use crate::app::{Content, Event, FileChange, Item, News};
use crate::load::{LoadAsk, LoadOutcome, LoadRequest};
use crate::runtime::{FileWatcher, WatchMode, loader};

/// Paragraphs `article` reads when it is given no number.
const ARTICLE_PARAGRAPHS: usize = 5;

/// The exit status when the reader of standard output went away (as SIGPIPE would).
const READER_GONE: u8 = 128 + 13;

/// What reaches the session, from any thread.
enum Message {
    Line(String),
    /// The input ended (or cannot be read): time to leave.
    End,
    File(FileChange, Instant),
    Loaded(Option<Box<LoadOutcome>>),
}

/// Runs a session over `input` and `output` until `quit` or the end of the input (status 0),
/// following the files with `watch` (`None`: not at all).
pub fn run(
    request: LoadRequest,
    watch: Option<WatchMode>,
    input: impl BufRead + Send + 'static,
    output: impl Write,
) -> u8 {
    let (sender, receiver) = mpsc::channel();
    spawn_reader(input, sender.clone());
    let to_session = sender.clone();
    let loads = loader::spawn_loader(move |outcome| to_session.send(Message::Loaded(outcome)).is_ok());
    let (content, _) = Content::new(request.clone(), LoadAsk::first(&request));
    let mut session = Session { content, output, place: 0, article: 0, slide: 0 };
    let mut watcher = watch.and_then(|mode| {
        let files = sender.clone();
        let mut watcher =
            FileWatcher::start(mode, move |change, at| drop(files.send(Message::File(change, at)))).ok()?;
        let _ = session.content.update(Event::Watching { quiet: watcher.quiet_period() });
        let _ = watcher.follow(&session.content.watch_paths());
        Some(watcher)
    });
    if session.say(session.opening()).is_err() {
        return READER_GONE;
    }
    loop {
        let wait = session.content.next_deadline().map(|due| due.saturating_duration_since(Instant::now()));
        let message = match wait {
            None => receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => receiver.recv_timeout(wait),
        };
        let (effects, news) = match message {
            Ok(Message::Line(line)) => {
                let (lines, quit) = session.answer(&line);
                if session.say(lines).is_err() {
                    return READER_GONE;
                }
                if quit {
                    return 0;
                }
                (crate::app::Effects::none(), News::default())
            }
            Ok(Message::End) | Err(RecvTimeoutError::Disconnected) => return 0,
            Ok(Message::File(change, at)) => session.content.update(Event::FileChanged(change, at)),
            // A load that panicked (a bug) was reported by the panic hook: carry on with the data.
            Ok(Message::Loaded(None)) => (crate::app::Effects::none(), News::default()),
            Ok(Message::Loaded(Some(outcome))) => session.content.update(Event::Loaded(outcome)),
            Err(RecvTimeoutError::Timeout) => (crate::app::Effects::none(), News::default()),
        };
        let (due, due_news) = session.content.update(Event::Tick(Instant::now()));
        for ask in [effects.load, due.load].into_iter().flatten() {
            let _ = loads.send(ask);
        }
        let mut lines = session.news(news);
        lines.extend(session.news(due_news));
        if let Some(watcher) = &mut watcher {
            // The dataset may now name another article.
            let _ = watcher.follow(&session.content.watch_paths());
        }
        if session.say(lines).is_err() {
            return READER_GONE;
        }
    }
}

/// Reads lines on a thread of its own (a line that is not UTF-8 is read with its bad bytes
/// replaced), then says the input ended.
fn spawn_reader(mut input: impl BufRead + Send + 'static, sender: Sender<Message>) {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let line = String::from_utf8_lossy(&bytes).trim_end_matches(['\n', '\r']).to_owned();
                    if sender.send(Message::Line(line)).is_err() {
                        return;
                    }
                }
            }
        }
        let _ = sender.send(Message::End);
    });
}

struct Session<W> {
    content: Content,
    output: W,
    /// The value `next` and `previous` stand on, in [`sentences::items`].
    place: usize,
    /// The article's paragraph to read next.
    article: usize,
    /// The slide `slide` without a number reads.
    slide: usize,
}

impl<W: Write> Session<W> {
    /// Prints `lines`, each sanitised as on screen, and flushes.
    fn say(&mut self, lines: Vec<String>) -> io::Result<()> {
        for line in lines {
            writeln!(self.output, "{}", plain(&line))?;
        }
        self.output.flush()
    }

    /// The first lines: the dashboard, or why it did not load.
    fn opening(&self) -> Vec<String> {
        match self.content.data() {
            Some(loaded) => sentences::overview(loaded),
            None => self.not_loaded(),
        }
    }

    /// The errors of a load that failed, as `--check` words them (without colour).
    fn not_loaded(&self) -> Vec<String> {
        let name = self.content.dataset_name();
        let mut lines = vec![format!("{name} did not load; coopdash reads it again when it is saved.")];
        if let Some(error) = self.content.error() {
            let report =
                crate::dataset::report::render_all(&error.diagnostics, crate::dataset::report::Paint::Plain, 100);
            lines.extend(report.lines().map(str::to_owned));
        }
        lines
    }

    /// The answer to one line of input, and whether to quit.
    fn answer(&mut self, line: &str) -> (Vec<String>, bool) {
        let command = match commands::parse(line) {
            Ok(command) => command,
            Err(hint) => return (vec![hint], false),
        };
        match command {
            Command::Quit => return (vec!["Goodbye.".to_owned()], true),
            Command::Help => return (commands::help(), false),
            Command::Nothing => return (Vec::new(), false),
            _ => {}
        }
        let Some(loaded) = self.content.data() else { return (self.not_loaded(), false) };
        let dataset = &loaded.dataset;
        let items = sentences::items(dataset);
        let lines = match command {
            Command::Next | Command::Previous if items.is_empty() => vec!["This dashboard has no values.".to_owned()],
            Command::Next | Command::Previous => {
                let last = items.len() - 1;
                let (place, edge) = match command {
                    Command::Next if self.place >= last => (last, Some("That was the last value; previous goes back.")),
                    Command::Next => (self.place + 1, None),
                    _ if self.place == 0 => (0, Some("That was the first value; next goes on.")),
                    _ => (self.place - 1, None),
                };
                self.place = place;
                let mut lines: Vec<String> = edge.map(str::to_owned).into_iter().collect();
                lines.extend(sentences::item(dataset, items[place], place, items.len()));
                lines
            }
            Command::Details => match items.get(self.place.min(items.len().saturating_sub(1))) {
                Some(&item) => sentences::details(loaded, self.content.changes(), item),
                None => vec!["This dashboard has no values.".to_owned()],
            },
            Command::Search(word) => sentences::search(loaded, &word),
            Command::Article(wanted) => {
                let (lines, next) = sentences::article(loaded, self.article, wanted.unwrap_or(ARTICLE_PARAGRAPHS));
                self.article = next;
                lines
            }
            Command::Slide(number) => {
                let deck = self.content.deck();
                let index = number.map_or(self.slide, |n| n - 1);
                self.slide = if index + 1 < deck.len() { index + 1 } else { 0 };
                sentences::slide(loaded, deck, index)
            }
            Command::Charts => sentences::charts(dataset),
            Command::Read => sentences::overview(loaded),
            Command::Quit | Command::Help | Command::Nothing => Vec::new(),
        };
        (lines, false)
    }

    /// What the content's news means to the listener: the values a reload changed, or the
    /// message it came with (an error the file now has).
    fn news(&mut self, news: News) -> Vec<String> {
        let Some(replaced) = news.replaced else {
            return news.notice.map(|notice| vec![notice.text]).unwrap_or_default();
        };
        let Some(loaded) = self.content.data() else { return Vec::new() };
        // The place stays on the same value, by what it is, as the dashboard's selection does.
        if let Some(old) = &replaced.old {
            let was = sentences::items(&old.dataset).get(self.place).copied();
            let same = |item: Item| match (was, item) {
                (Some(Item::Metric(a)), Item::Metric(b)) => {
                    old.dataset.metrics.get(a).map(|m| &m.id) == loaded.dataset.metrics.get(b).map(|m| &m.id)
                }
                (Some(Item::Gauge(a)), Item::Gauge(b)) => {
                    old.dataset.gauges.get(a).map(|g| &g.title) == loaded.dataset.gauges.get(b).map(|g| &g.title)
                }
                _ => false,
            };
            self.place = sentences::items(&loaded.dataset).into_iter().position(same).unwrap_or(0);
        }
        let name = self.content.dataset_name();
        let changed = match &replaced.old {
            Some(old) => sentences::changes(&old.dataset, &loaded.dataset, self.content.changes()),
            None => return sentences::overview(loaded),
        };
        if changed.is_empty() { vec![format!("Reloaded {name}: no value changed.")] } else { changed }
    }
}

/// A line as it may reach the terminal: the sanitiser's (control characters made visible), and
/// anything left below a space dropped, so not one escape byte goes out.
fn plain(line: &str) -> String {
    crate::text::sanitize_line(line).chars().filter(|c| !c.is_control()).collect()
}
