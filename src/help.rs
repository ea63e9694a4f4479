//! The help overlay's text at a width: the key table's sections with their keys and what they
//! do, then the notes, every line wrapped at words (a description continues under itself). One
//! function that the keys scrolling the help and the overlay drawing it both read.
//!
//! The help lists exactly the keys in force for one view: its key table, less the actions its
//! [`Audience`] does without, and with the keys the view's owner reads itself.

mod audience;
pub use audience::{Audience, OwnKey};

use ratatui::layout::Rect;

use crate::action::{HELP_NOTES, HELP_SECTIONS, Key, Keymap, MOUSE_NOTE};
use crate::layout::{HelpWindow, help_window};
use crate::text::width::{truncate, width};

/// The key column is as wide as the longest keys, up to this.
const KEYS_COLUMN_MAX: usize = 28;
/// Below this many columns for descriptions, keys and descriptions take a row each.
const DESCRIPTION_MIN: usize = 12;

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A section's heading.
    Heading(String),
    /// Keys (padded to the key column; empty on a description's later rows) and what they do.
    Keys {
        keys: String,
        text: String,
    },
    /// A row of the closing notes.
    Note(String),
    Blank,
}

/// The help window over `screen` (centred, at most 78 columns wide) with the rows the key table
/// `keys` wraps to there for `audience`: what the keys scroll and the overlay draws.
pub fn window(keys: &Keymap, audience: &Audience, screen: Rect) -> HelpWindow {
    let width = help_window(screen, 0).window.width;
    help_window(screen, rows(keys, audience, text_width(width)).len())
}

/// Columns of text inside a help window `window_width` wide (its border and padding off).
pub fn text_width(window_width: u16) -> usize {
    usize::from(window_width).saturating_sub(4)
}

/// One section before wrapping: a heading and its (keys, what they do).
type Section = (String, Vec<(Vec<Key>, &'static str)>);

/// The sections in force: the owner's own keys first, then the key table's sections without
/// the actions `audience` does without (and without a section left empty by that).
fn sections(keys: &Keymap, audience: &Audience) -> Vec<Section> {
    let own = audience.own.iter().map(|(heading, own)| {
        ((*heading).to_owned(), own.iter().map(|key| (key.keys.to_vec(), key.help)).collect::<Vec<_>>())
    });
    let table = HELP_SECTIONS.iter().map(|(heading, context)| {
        let rows = keys.rows(*context).filter(|row| audience.allows(row.action));
        ((*heading).to_owned(), rows.map(|row| (row.keys.clone(), row.help)).collect())
    });
    own.chain(table).filter(|(_, rows)| !rows.is_empty()).collect()
}

/// The help for the key table `keys` (the keys in force) as `audience` has it, wrapped for
/// `text_width` columns: sections with a blank row after each, then the notes, one paragraph
/// each.
pub fn rows(keys: &Keymap, audience: &Audience, text_width: usize) -> Vec<HelpRow> {
    let names = |keys: &[Key]| keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" ");
    let sections = sections(keys, audience);
    let all = sections.iter().flat_map(|(_, rows)| rows);
    let keys_column = all.map(|(keys, _)| width(&names(keys))).max().unwrap_or(0).min(KEYS_COLUMN_MAX) + 2;
    let indent = 2;
    let room = text_width.saturating_sub(indent + keys_column);
    let mut rows = Vec::new();
    for (heading, bindings) in &sections {
        rows.push(HelpRow::Heading(truncate(heading, text_width)));
        for (keys, help) in bindings {
            let keys = names(keys);
            if room >= DESCRIPTION_MIN {
                let keys = truncate(&keys, keys_column - 1);
                let padded = format!("{:indent$}{keys}{}", "", " ".repeat(keys_column - width(&keys)));
                for (index, text) in wrap_words(help, room).into_iter().enumerate() {
                    let keys = if index == 0 { padded.clone() } else { " ".repeat(indent + keys_column) };
                    rows.push(HelpRow::Keys { keys, text });
                }
            } else {
                // Too narrow for two columns: the keys on a row, what they do under them.
                let keys = format!("{:indent$}{}", "", truncate(&keys, text_width.saturating_sub(indent)));
                rows.push(HelpRow::Keys { keys, text: String::new() });
                let under = text_width.saturating_sub(2 * indent);
                for text in wrap_words(help, under) {
                    rows.push(HelpRow::Keys { keys: " ".repeat(2 * indent), text });
                }
            }
        }
        rows.push(HelpRow::Blank);
    }
    let notes = HELP_NOTES.iter().filter(|note| audience.mouse || **note != MOUSE_NOTE).chain(audience.notes);
    for (index, note) in notes.enumerate() {
        if index > 0 {
            rows.push(HelpRow::Blank);
        }
        rows.extend(wrap_words(note, text_width).into_iter().map(HelpRow::Note));
    }
    rows
}

/// `text` wrapped at spaces to `columns` (a flag such as `--no-mouse` stays whole, which
/// Unicode's line breaking would split after a hyphen); a word longer than a row is cut across
/// rows.
fn wrap_words(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        if !row.is_empty() && width(&row) + 1 + width(&word) > columns {
            rows.push(std::mem::take(&mut row));
        }
        // A word wider than a row goes on rows of its own, cut where the row is full.
        while width(&word) > columns {
            let head = truncate_plain(&word, columns);
            word = word[head.len()..].to_owned();
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            rows.push(head);
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(&word);
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

/// The longest start of `word` at most `columns` wide (at least one char).
fn truncate_plain(word: &str, columns: usize) -> String {
    let mut end = 0;
    for (index, c) in word.char_indices() {
        let next = index + c.len_utf8();
        if end > 0 && width(&word[..next]) > columns {
            break;
        }
        end = next;
    }
    word[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(rows: &[HelpRow]) -> Vec<String> {
        rows.iter()
            .map(|row| match row {
                HelpRow::Heading(text) => text.clone(),
                HelpRow::Keys { keys, text } => format!("{keys}{text}"),
                HelpRow::Note(text) => text.clone(),
                HelpRow::Blank => String::new(),
            })
            .collect()
    }

    #[test]
    fn every_row_fits_and_every_word_of_the_notes_is_whole_at_every_width() {
        let words: Vec<&str> = HELP_NOTES.iter().flat_map(|note| note.split_whitespace()).collect();
        for columns in 8..=120 {
            let help = rows(&Keymap::default(), &Audience::LOCAL, columns);
            let text = plain(&help);
            for row in &text {
                assert!(width(row) <= columns, "{columns} columns: {row:?} is {} wide", width(row));
            }
            let notes: Vec<&str> = help
                .iter()
                .filter_map(|row| match row {
                    HelpRow::Note(text) => Some(text.as_str()),
                    _ => None,
                })
                .flat_map(str::split_whitespace)
                .collect();
            if columns >= 20 {
                assert_eq!(notes, words, "{columns} columns: the notes' words, whole and in order");
            }
        }
    }

    #[test]
    fn the_no_mouse_flag_is_named_whole_at_the_widths_that_cut_it() {
        for window in [76u16, 78] {
            let text = plain(&rows(&Keymap::default(), &Audience::LOCAL, text_width(window))).join("\n");
            assert!(text.contains("--no-mouse"), "{text}");
        }
    }

    #[test]
    fn an_audience_s_own_keys_come_first_and_what_it_does_without_is_left_out() {
        use crate::action::Action;
        let audience = Audience {
            own: Some(("Mine", &[OwnKey { keys: &[Key::Char('x')], help: "my own key" }])),
            without: &[Action::Reload, Action::Suspend],
            mouse: false,
            notes: &["my own note"],
        };
        let local = plain(&rows(&Keymap::default(), &Audience::LOCAL, 70));
        let mine = plain(&rows(&Keymap::default(), &audience, 70));
        assert_eq!(mine[0], "Mine");
        assert!(mine[1].trim_start().starts_with('x') && mine[1].ends_with("my own key"), "{:?}", mine[1]);
        let has = |rows: &[String], text: &str| rows.iter().any(|row| row.contains(text));
        assert!(has(&local, "reload the dataset") && !has(&mine, "reload the dataset"));
        assert!(has(&local, "Ctrl-Z") && !has(&mine, "Ctrl-Z"));
        assert!(has(&local, "Mouse:") && !has(&mine, "Mouse:"));
        assert_eq!(mine.last().map(String::as_str), Some("my own note"));
        // Everything else is as the local help has it.
        let kept = |row: &&String| !row.contains("reload") && !row.contains("Ctrl-Z") && !row.contains("suspend");
        let local_rest: Vec<&String> = local.iter().filter(kept).take_while(|row| !row.starts_with("Mouse:")).collect();
        let mine_rest: Vec<&String> = mine.iter().skip(3).filter(kept).take(local_rest.len()).collect();
        assert_eq!(mine_rest, local_rest);
    }

    #[test]
    fn a_long_description_continues_under_itself() {
        let help = rows(&Keymap::default(), &Audience::LOCAL, 40);
        let mut continued = 0;
        for pair in help.windows(2) {
            if let [HelpRow::Keys { keys: first, .. }, HelpRow::Keys { keys, text }] = pair
                && keys.trim().is_empty()
                && !text.is_empty()
            {
                assert_eq!(width(keys), width(first), "{text:?} starts where the description above it does");
                continued += 1;
            }
        }
        assert!(continued > 0, "at 40 columns some description takes two rows");
    }
}
