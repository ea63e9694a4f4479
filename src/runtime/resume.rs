//! `--resume`: where the last presentation of each dataset ended, kept in the user's state
//! folder (`$XDG_STATE_HOME/coopdash/resume.toml`, `~/.local/state/coopdash` without it, on
//! macOS too, as the `etcetera` crate's XDG strategy finds it). The runtime writes it when the
//! program ends after presenting; `main` reads it. A missing, unreadable or garbled file is as
//! good as none: it never stops a talk.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::deck::Slide;
use crate::load::DatasetSource;

/// How many datasets the file remembers (the most recently presented).
const KEPT: usize = 50;

/// The file that holds the places, if the user's state folder can be found.
pub fn state_file() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.state_dir()?.join("coopdash").join("resume.toml"))
}

/// How a dataset is told apart in the file: its absolute path, or the built-in copy.
pub fn dataset_key(source: &DatasetSource) -> String {
    match source {
        DatasetSource::File(path) => std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()).display().to_string(),
        DatasetSource::Builtin => "(built-in)".to_owned(),
    }
}

/// Where a presentation ended: the slide's position (from 0) and its heading, to find it again
/// if slides were added before it since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub dataset: String,
    pub slide: usize,
    pub title: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Places {
    #[serde(default)]
    presentation: Vec<Place>,
}

/// Where the last presentation of `dataset` ended, if the file says.
pub fn load(file: &Path, dataset: &str) -> Option<Place> {
    read(file).presentation.into_iter().find(|place| place.dataset == dataset)
}

/// The slide to start at in `deck` for a remembered place: the one with its heading nearest
/// its old position, else the old position (clamped).
pub fn slide_in(place: &Place, deck: &[Slide]) -> usize {
    let same_title = deck.iter().enumerate().filter(|(_, slide)| slide.title == place.title);
    same_title
        .min_by_key(|(index, _)| index.abs_diff(place.slide))
        .map_or(place.slide, |(index, _)| index)
        .min(deck.len().saturating_sub(1))
}

/// Remembers `place` (replacing the dataset's older one, keeping the [`KEPT`] newest).
pub fn save(file: &Path, place: Place) -> std::io::Result<()> {
    let mut places = read(file);
    places.presentation.retain(|p| p.dataset != place.dataset);
    places.presentation.insert(0, place);
    places.presentation.truncate(KEPT);
    let text = toml::to_string(&places).map_err(std::io::Error::other)?;
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    // Written aside and renamed: a second coopdash ending at once never reads half a file.
    let partial = file.with_extension(format!("toml.{}", std::process::id()));
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, file)
}

fn read(file: &Path) -> Places {
    std::fs::read_to_string(file).ok().and_then(|text| toml::from_str(&text).ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(dataset: &str, slide: usize, title: &str) -> Place {
        Place { dataset: dataset.into(), slide, title: title.into() }
    }

    #[test]
    fn a_place_is_kept_per_dataset_and_the_newest_wins() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state/coopdash/resume.toml");
        assert_eq!(load(&file, "/a.toml"), None, "no file yet");
        save(&file, place("/a.toml", 3, "Tonnage")).unwrap();
        save(&file, place("/b.toml", 1, "Title")).unwrap();
        save(&file, place("/a.toml", 5, "Sources")).unwrap();
        assert_eq!(load(&file, "/a.toml"), Some(place("/a.toml", 5, "Sources")));
        assert_eq!(load(&file, "/b.toml"), Some(place("/b.toml", 1, "Title")));
    }

    #[test]
    fn a_garbled_file_is_as_good_as_none_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("resume.toml");
        std::fs::write(&file, "\u{0}not toml [[[").unwrap();
        assert_eq!(load(&file, "/a.toml"), None);
        save(&file, place("/a.toml", 2, "X")).unwrap();
        assert_eq!(load(&file, "/a.toml"), Some(place("/a.toml", 2, "X")));
    }

    #[test]
    fn the_slide_is_found_by_its_heading_else_by_its_position() {
        let d = crate::dataset::parse_valid(include_str!("../../metrics.toml"));
        let deck = crate::deck::deck(&d);
        let sources = deck.len() - 1;
        assert_eq!(slide_in(&place("x", 2, "Sources"), &deck), sources, "moved: found by heading");
        assert_eq!(slide_in(&place("x", 4, "Gone"), &deck), 4, "gone: the same position");
        assert_eq!(slide_in(&place("x", 400, "Gone"), &deck), sources, "clamped");
        assert_eq!(slide_in(&place("x", 3, "Gone"), &[]), 0);
    }
}
