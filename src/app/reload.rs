//! Taking in the result of a load: swap the data and keep the place, or keep the last good data
//! and show the error.

use std::path::PathBuf;

use super::changes::diff;
use super::{App, CHANGE_HIGHLIGHT, ERROR_GRACE, Level, Notice};
use crate::load::{LoadAsk, LoadError, LoadOutcome, Loaded};

impl App {
    /// Takes the first load: its data, or its error on the error screen.
    pub(super) fn accept_first(&mut self, first: Result<Loaded, LoadError>) {
        match first {
            Ok(loaded) => {
                let warnings = loaded.warnings.len();
                self.install(loaded);
                if warnings > 0 {
                    self.set_notice(warnings_text(warnings), Level::Warning);
                }
            }
            Err(error) => self.show_error(error),
        }
    }

    /// The load to ask the runtime for: the files this app shows, again.
    pub(super) fn load_ask(&self, tentative: bool, by_hand: bool) -> LoadAsk {
        LoadAsk { request: self.request.clone(), tentative, by_hand }
    }

    /// Takes in a load the app asked for. On success the new data replaces the old, keeping
    /// the focus, the selection (by metric id) and the article position, and the changed values
    /// are highlighted. On failure the last good data stays; a `tentative` failure (from a
    /// possibly half-written file) is held back for [`ERROR_GRACE`] before it shows. Returns
    /// whether anything on screen changed: a load that finds the same data as before (an
    /// editor's second event for one save) changes nothing, and keeps the highlight of the save
    /// before it; one asked for by hand always says what it found.
    pub(super) fn take_load(&mut self, outcome: LoadOutcome) -> bool {
        let LoadOutcome { tentative, by_hand, result, took, at: now, clock } = outcome;
        let time = clock.format("%H:%M:%S");
        match result {
            Ok(loaded) if self.error.is_none() && self.data.as_ref() == Some(&loaded) => {
                self.held_error = None;
                if by_hand {
                    self.set_notice(format!("reloaded {time}: no changes"), Level::Info);
                }
                by_hand
            }
            Ok(loaded) => {
                self.held_error = None;
                self.changes = match &self.data {
                    Some(old) => diff(&old.dataset, &loaded.dataset),
                    None => Vec::new(),
                };
                self.changes_until = (!self.changes.is_empty()).then_some(now + CHANGE_HIGHLIGHT);
                // On a slide, changed values move from their old values to the new ones.
                let old_values: Vec<(String, f64)> =
                    self.changes.iter().filter_map(|c| Some((c.id.clone(), c.old_value?))).collect();
                self.presentation.animate_change(old_values, now);
                let warnings = loaded.warnings.len();
                self.install(loaded);
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
                self.notice = Some(Notice { text, level });
                true
            }
            // Held back: the file may be mid-save, or a newer change is already waiting to be
            // read (a load runs off the UI thread, so its outcome can arrive after the next
            // save began: a safe write's rename-away). `r` always shows what it found.
            Err(error) if (tentative || self.debounce.due().is_some()) && !by_hand && self.error.is_none() => {
                self.held_error = Some((error, now + ERROR_GRACE));
                false
            }
            Err(error) => {
                let same = self.error.as_ref() == Some(&error);
                self.show_error(error);
                !same || by_hand
            }
        }
    }

    /// The files a watcher should follow: the dataset and the article it shows.
    pub fn watch_paths(&self) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        let dataset_file = match &self.request.dataset {
            crate::load::DatasetSource::File(path) => Some(path),
            // The built-in copy's article is compiled in too: nothing on disk to follow.
            crate::load::DatasetSource::Builtin => None,
        };
        paths.extend(dataset_file.cloned());
        match (&self.request.article_override, &self.data) {
            (Some(path), _) => paths.push(path.clone()),
            (None, Some(loaded)) if dataset_file.is_some() => {
                paths.extend(loaded.dataset.article.as_ref().map(|a| a.path.clone()))
            }
            _ => {}
        }
        paths
    }

    /// Swaps in new data, keeping the place.
    fn install(&mut self, loaded: Loaded) {
        self.keep_selection_across(&loaded);
        self.data = Some(loaded);
        self.generation += 1;
        self.error = None;
        self.article_width = 0; // force a rewrap: the article may have changed
        self.refresh_article();
        self.followed = self.selected_item();
        // Stay on the same slide (by what it shows), or the nearest.
        let deck = self.data.as_ref().map(|d| crate::deck::deck(&d.dataset)).unwrap_or_default();
        let slide = self.presentation.slide;
        self.presentation.slide = crate::deck::same_slide(self.deck.get(slide), slide, &deck);
        self.deck = deck;
    }

    /// Shows a load error: a banner over the last good data, or the error screen if there is none.
    pub(super) fn show_error(&mut self, error: LoadError) {
        let count = error.diagnostics.len();
        let what = if count == 1 { "1 error".to_owned() } else { format!("{count} errors") };
        let text = if self.data.is_some() {
            format!("{what}: showing the last good data; fix and save")
        } else {
            format!("{what} in the dataset: fix and save, or press r")
        };
        self.set_notice(text, Level::Error);
        self.error = Some(error);
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
        assert!(!effects.redraw && app.error.is_none(), "the banner flashed: {:?}", app.notice);
        assert!(app.data.is_some(), "the last good data stays");
    }

    #[test]
    fn a_reload_by_hand_shows_its_error_at_once_even_merged_with_a_tentative_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(&dir);
        std::fs::write(dir.path().join("m.toml"), "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = oops\n").unwrap();
        let mut ask = app.load_ask(true, false);
        ask.merge_earlier(&app.load_ask(false, true));
        assert!(ask.by_hand && !ask.tentative);
        let effects = app.update(Event::Loaded(Box::new(ask.perform())));
        assert!(effects.redraw && app.error.is_some(), "r must show what it found");
    }
}
