//! A large article read while the dataset is parsed: on two cores, a 10,000-metric dataset and
//! a 100,000-line article load in the time of the slower of the two, not of both.
//!
//! The article's path is known before the dataset is parsed when it is given on the command
//! line, or guessed from the dataset's top-level `article` key (which TOML puts before the first
//! table header). A guess is only a head start: the article is used only if the parsed dataset
//! names the same path, and read again otherwise.
//!
//! The thread then looks up, in the article it read, the quotes it can read off the dataset's
//! text (`quote = "…"` lines, see [`guessed_quotes`]), so that the quote search too runs while
//! the dataset is parsed. What it finds is kept by quote text ([`super::found`]), and the load
//! takes a quote from there only when the parsed dataset holds that very text: a wrong guess
//! costs its search, never a wrong place.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::{Scope, ScopedJoinHandle};

use super::{LoadRequest, NamedArticle};
use crate::article::Article;
use crate::dataset::{Diagnostic, read};
use crate::text::sanitize_line;

/// Articles smaller than this are read after the dataset, as before: a thread costs more than
/// it saves on them.
const WORTH_A_THREAD: u64 = 512 * 1024;

/// An article, its text as the file has it, or why it could not be read.
pub type ReadArticle = Result<(NamedArticle, String), Diagnostic>;

/// An article being read on another thread, and the path it was read from.
pub struct Early<'scope> {
    path: PathBuf,
    reading: ScopedJoinHandle<'scope, ReadArticle>,
}

/// Starts reading the article the load will need, if it is large and its path can be told
/// from `request` and the dataset's `text` (in `base_dir`) before parsing.
pub fn start<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    request: &LoadRequest,
    text: &'env str,
    base_dir: &Path,
) -> Option<Early<'scope>> {
    let path = match &request.article_override {
        Some(path) => path.clone(),
        None => {
            let named = named_article(text)?;
            let named = Path::new(&named);
            if named.is_absolute() { named.to_path_buf() } else { base_dir.join(named) }
        }
    };
    let large = std::fs::metadata(&path).is_ok_and(|meta| meta.is_file() && meta.len() >= WORTH_A_THREAD);
    if !large {
        return None;
    }
    let reading = {
        let path = path.clone();
        scope.spawn(move || {
            let article = read_article(&path);
            if let Ok((named, _)) = &article {
                super::found::search_ahead(&named.article, &guessed_quotes(text));
            }
            article
        })
    };
    Some(Early { path, reading })
}

/// The article at `path`: taken from `early` if that read this very path, else read now.
pub fn article_at(path: &Path, early: Option<Early<'_>>) -> ReadArticle {
    if let Some(early) = early.filter(|early| early.path == path)
        && let Ok(article) = early.reading.join()
    {
        return article;
    }
    read_article(path)
}

/// Reads and parses the article at `path`, named as the user wrote it (sanitised). The same
/// text at the same path as the last read is not parsed again (see [`Parsed`]).
pub fn read_article(path: &Path) -> ReadArticle {
    let name = sanitize_line(&path.display().to_string()).into_owned();
    let text = read::read_text(path, &name)?;
    let article = Parsed::article(path, &name, &text);
    Ok((NamedArticle { article, name }, text))
}

/// A large article parsed from a file, kept so that a reload after a save of the dataset alone
/// (the usual edit) does not parse it again: the text is compared, never trusted from a
/// timestamp. Kept per process, whichever thread loads; the output of a load is the same with
/// or without it.
struct Parsed {
    path: PathBuf,
    text: String,
    article: Arc<Article>,
}

/// The last few large articles parsed, newest last: one per file a process shows (a dataset's
/// article, an `--article` given instead) is all a reload needs.
static LAST_PARSED: Mutex<Vec<Parsed>> = Mutex::new(Vec::new());
const KEPT: usize = 4;

impl Parsed {
    /// The article of `text` read from `path` (shown as `name`): the last one parsed if the
    /// path and text are the same, else parsed now and kept (large articles only: small ones
    /// parse faster than they compare).
    fn article(path: &Path, name: &str, text: &str) -> Arc<Article> {
        let large = text.len() as u64 >= WORTH_A_THREAD;
        let mut kept = LAST_PARSED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if large && let Some(parsed) = kept.iter().find(|p| p.path == path && p.text == text) {
            return Arc::clone(&parsed.article);
        }
        let article = Arc::new(Article::from_file_text(name, text));
        if large {
            // This path's older text is of no more use.
            kept.retain(|p| p.path != path);
            if kept.len() == KEPT {
                kept.remove(0);
            }
            kept.push(Parsed { path: path.to_path_buf(), text: text.to_owned(), article: Arc::clone(&article) });
        }
        article
    }
}

/// The dataset's top-level `article` key, read from the text before its first table header;
/// `None` when there is none or that part does not parse on its own.
fn named_article(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Top {
        article: Option<String>,
    }
    let mut end = text.len();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            end = at;
            break;
        }
        at += line.len();
    }
    toml::from_str::<Top>(&text[..end]).ok()?.article
}

/// The quotes a dataset's text most likely holds: the text of every `quote = "…"` (or `'…'`)
/// line whose string is on one line and has no escape, as validation would clean it. A guess:
/// the parse decides which are quotes (a line inside a multi-line string is not one).
fn guessed_quotes(text: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    // Found by the key, not line by line: a line-by-line walk cost a tenth of the search.
    for (at, _) in text.match_indices("quote") {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if !text[line_start..at].trim_start().is_empty() {
            continue;
        }
        let rest = &text[at + "quote".len()..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let Some(rest) = rest.trim_start().strip_prefix('=') else { continue };
        let rest = rest.trim_start();
        let Some(mark) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else { continue };
        let Some((inside, _)) = rest[1..].split_once(mark) else { continue };
        let escaped = mark == '"' && inside.contains('\\');
        if !inside.is_empty() && !escaped {
            quotes.push(sanitize_line(inside).into_owned());
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DatasetSource, load};

    #[test]
    fn a_large_article_read_ahead_is_the_article_read_after() {
        let dir = tempfile::tempdir().unwrap();
        let article: String = (0..20_000).map(|i| format!("Line {i} of a long article, 40 ports.\n\n")).collect();
        assert!(article.len() as u64 > WORTH_A_THREAD);
        std::fs::write(dir.path().join("big.md"), &article).unwrap();
        let dataset =
            "title = \"T\"\narticle = \"big.md\"\n[[metric]]\nid = \"p\"\nvalue = 40\nquote = \"Line 19999\"\n";
        std::fs::write(dir.path().join("m.toml"), dataset).unwrap();
        let request = LoadRequest { dataset: DatasetSource::File(dir.path().join("m.toml")), article_override: None };
        let loaded = load(&request).expect("loads");
        assert_eq!(*loaded.article.as_ref().unwrap().article, Article::from_markdown(&article));
        assert!(loaded.evidence.quote(0).is_some(), "the quote found in the article read ahead");
        // Given on the command line, the same.
        let request = LoadRequest { article_override: Some(dir.path().join("big.md")), ..request };
        assert_eq!(*load(&request).expect("loads").article.unwrap().article, Article::from_markdown(&article));
    }

    #[test]
    fn a_large_article_read_again_unchanged_is_not_parsed_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let text: String = (0..30_000).map(|i| format!("Row {i} of an article read twice.\n\n")).collect();
        std::fs::write(&path, &text).unwrap();
        let (first, _) = read_article(&path).unwrap();
        let (again, _) = read_article(&path).unwrap();
        assert!(Arc::ptr_eq(&first.article, &again.article), "the same text: the same parse");
        std::fs::write(&path, text.replacen("Row 7 ", "Row seven ", 1)).unwrap();
        let (edited, _) = read_article(&path).unwrap();
        assert!(!Arc::ptr_eq(&first.article, &edited.article), "a changed text is parsed");
        assert_eq!(edited.article.blocks[7].plain_text(), "Row seven of an article read twice.");
    }

    #[test]
    fn quotes_are_guessed_from_one_line_strings_without_escapes() {
        let text = "[[metric]]\nquote = \"It rose\"\n  quote='Lit\\eral'\nquotes = \"no\"\nquote = \"a \\\" b\"\n\
                    quote = \"\"\"\nmulti\n\"\"\"\nnote = \"quote = \\\"x\\\"\"\nquote = \"\u{1b}[2Jx\"\n";
        assert_eq!(guessed_quotes(text), ["It rose", "Lit\\eral", "␛[2Jx"]);
    }

    #[test]
    fn the_article_key_is_read_from_the_top_level_only() {
        assert_eq!(
            named_article("title = \"T\"\narticle = \"a.md\"\n[[metric]]\nid = \"x\"\n").as_deref(),
            Some("a.md")
        );
        assert_eq!(named_article("title = \"T\"\n[[metric]]\narticle = \"no.md\"\n"), None);
        assert_eq!(named_article("article = 3\n"), None, "not a string: the dataset's own check will say so");
        // A header inside a multi-line string cuts the top part short: no guess, no harm.
        assert_eq!(named_article("notes = \"\"\"\n[not a table]\n\"\"\"\narticle = \"a.md\"\n"), None);
    }
}
