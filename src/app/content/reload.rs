//! Taking in the result of a load: new data replace the old (the views keep their place), or
//! the last good data stay and the error shows.

use super::{Content, News, Replaced};
use crate::app::changes::diff;
use crate::app::{CHANGE_HIGHLIGHT, ERROR_GRACE, Level, Notice};
use crate::load::{LoadError, LoadOutcome, Loaded};

impl Content {
    /// Takes the first load: its data, or its error on the error screen.
    pub(super) fn accept_first(&mut self, first: LoadOutcome) -> News {
        match first.result {
            Ok(loaded) => {
                let warnings = loaded.warnings.len();
                let replaced = self.install(loaded, first.at);
                let notice = (warnings > 0).then(|| Notice { text: warnings_text(warnings), level: Level::Warning });
                News { replaced: Some(replaced), notice, redraw: true }
            }
            Err(error) => News { notice: Some(self.show_error(error)), redraw: true, ..News::default() },
        }
    }

    /// Takes in a load the content asked for. On success the new data replace the old and the
    /// changed values are highlighted. On failure the last good data stay; a `tentative`
    /// failure (from a possibly half-written file) is held back for [`ERROR_GRACE`] before it
    /// shows. A load that finds the same data as before (an editor's second event for one save)
    /// changes nothing and keeps the highlight of the save before it; one asked for by hand
    /// always says what it found.
    pub(super) fn take_load(&mut self, outcome: LoadOutcome) -> News {
        let LoadOutcome { tentative, by_hand, result, took, at: now, clock } = outcome;
        let time = clock.format("%H:%M:%S");
        match result {
            Ok(loaded) if self.error().is_none() && self.data() == Some(&loaded) => {
                self.held_error = None;
                let notice =
                    by_hand.then(|| Notice { text: format!("reloaded {time}: no changes"), level: Level::Info });
                News { notice, redraw: by_hand, ..News::default() }
            }
            Ok(loaded) => {
                self.held_error = None;
                self.changes = match self.data() {
                    Some(old) => diff(&old.dataset, &loaded.dataset),
                    None => Vec::new(),
                };
                self.changes_until = (!self.changes.is_empty()).then_some(now + CHANGE_HIGHLIGHT);
                let warnings = loaded.warnings.len();
                let replaced = self.install(loaded, now);
                let mut text = format!("reloaded {time} in {} ms", took.as_millis());
                if let Some(first) = self.changes.first() {
                    text += &format!(" · {} {}", first.label, first.describe());
                    if self.changes.len() > 1 {
                        text += &format!(" and {} more", self.changes.len() - 1);
                    }
                }
                if warnings > 0 {
                    text += &format!(" · {}", warnings_text(warnings));
                }
                let level = if warnings > 0 { Level::Warning } else { Level::Info };
                News { replaced: Some(replaced), notice: Some(Notice { text, level }), redraw: true }
            }
            // Held back: the file may be mid-save, or a newer change is already waiting to be
            // read (a load runs off the UI thread, so its outcome can arrive after the next
            // save began: a safe write's rename-away). `r` always shows what it found.
            Err(error) if (tentative || self.debounce.due().is_some()) && !by_hand && self.error().is_none() => {
                self.held_error = Some((error, now + ERROR_GRACE));
                News::default()
            }
            Err(error) => {
                let same = self.error() == Some(&error);
                let notice = self.show_error(error);
                News { notice: Some(notice), redraw: !same || by_hand, ..News::default() }
            }
        }
    }

    /// Swaps in new data and the deck made from them; hands back what they replaced.
    fn install(&mut self, loaded: Loaded, at: std::time::Instant) -> Replaced {
        let deck = crate::deck::deck(&loaded.dataset);
        let (status, old) = self.status.take().with_data(loaded);
        self.status = status;
        self.generation += 1;
        let old_deck = std::mem::replace(&mut self.deck, deck);
        Replaced { old, old_deck, at }
    }

    /// Records a load error: a banner over the last good data, or the error screen if there is
    /// none. Returns what the status line should say.
    pub(super) fn show_error(&mut self, error: LoadError) -> Notice {
        let count = error.diagnostics.len();
        let what = if count == 1 { "1 error".to_owned() } else { format!("{count} errors") };
        let text = if self.data().is_some() {
            format!("{what}: showing the last good data; fix and save")
        } else {
            format!("{what} in the dataset: fix and save, or press r")
        };
        self.status = self.status.take().with_error(error);
        Notice { text, level: Level::Error }
    }
}

fn warnings_text(count: usize) -> String {
    format!("{count} warning{}: w lists them", if count == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::app::{App, Event, FileChange};
    use crate::load::{DatasetSource, LoadAsk, LoadRequest};
    use crate::theme::Theme;
    use ratatui::layout::Rect;

    const GOOD: &str = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n";

    fn app_on(dir: &tempfile::TempDir) -> App {
        let path = dir.path().join("m.toml");
        std::fs::write(&path, GOOD).unwrap();
        let request = LoadRequest { dataset: DatasetSource::File(path), article_override: None };
        let first = LoadAsk::first(&request);
        App::new(request, first, Theme::monochrome(), Rect::new(0, 0, 80, 24))
    }

    #[test]
    fn a_load_that_misses_a_file_a_newer_save_moved_away_holds_its_error() {
        // A complete save asks for a load; before its outcome is back, the next save (a safe
        // write) renames the file away. The outcome's error is not shown: that save is on its way.
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(&dir);
        let t0 = Instant::now();
        let _ = app.update(Event::FileChanged(FileChange::Complete, t0));
        let ask = app.update(Event::Tick(t0)).load.expect("a complete save is read at once");
        std::fs::remove_file(dir.path().join("m.toml")).unwrap();
        let outcome = ask.perform();
        assert!(outcome.result.is_err());
        let _ = app.update(Event::FileChanged(FileChange::Gone, t0 + Duration::from_millis(1)));
        let effects = app.update(Event::Loaded(Box::new(outcome)));
        let content = app.content();
        assert!(!effects.redraw && content.error().is_none(), "the banner flashed: {:?}", app.view().notice());
        assert!(content.data().is_some(), "the last good data stay");
    }

    #[test]
    fn a_reload_by_hand_shows_its_error_at_once_even_merged_with_a_tentative_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(&dir);
        std::fs::write(dir.path().join("m.toml"), "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = oops\n").unwrap();
        let mut ask = app.content().load_ask(true, false);
        ask.merge_earlier(&app.content().load_ask(false, true));
        assert!(ask.by_hand && !ask.tentative);
        let effects = app.update(Event::Loaded(Box::new(ask.perform())));
        assert!(effects.redraw && app.content().error().is_some(), "r must show what it found");
    }
}
