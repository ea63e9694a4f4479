//! Quotes already found in an article: a reload that changed one value of a large dataset finds
//! every other quote where it was, without searching the article again.
//!
//! Kept per process (like the parsed article in [`super::ahead`]), keyed by the article itself
//! (the same `Arc`, which a reload of unchanged text returns) and by each quote's text: where a
//! quote first occurs in an article depends on nothing else, so the output of a load is the
//! same with or without this.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use crate::article::{Article, TextSpan};

/// Where one quote stands in the article, and the numbers inside it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub place: Option<TextSpan>,
    pub numbers: Vec<TextSpan>,
}

/// The article the kept quotes were found in (a weak reference: keeping the places must not
/// keep an article alive, and while it lives no other article can have its address) and them.
struct Kept {
    article: Weak<Article>,
    /// Each quote's place, and the call that last asked for it.
    found: HashMap<String, (Found, u64)>,
    /// How many calls asked about this article.
    calls: u64,
}

/// One entry per article a process shows (a dataset's, an `--article` given instead), newest last.
static KEPT: Mutex<Vec<Kept>> = Mutex::new(Vec::new());
const ARTICLES_KEPT: usize = 4;

// How many quotes this thread searched an article for, for the tests of the reuse.
#[cfg(test)]
thread_local! { static SEARCHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) }; }

/// Articles with fewer blocks are searched again: searching them costs less than keeping.
const WORTH_KEEPING: usize = 2_000;

/// Where each of `quotes` stands in `article`, in order: those already found in this very
/// article are taken as found, the others searched for in one pass (see
/// [`Article::find_quotes`]). An empty quote is never found.
pub fn quotes_in(article: &Arc<Article>, quotes: &[&str]) -> Vec<Found> {
    if article.blocks.len() < WORTH_KEEPING {
        return search(article, quotes);
    }
    let mut all = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    // Articles dropped since are of no more use.
    all.retain(|k| k.article.strong_count() > 0);
    let weak = Arc::downgrade(article);
    let kept = match all.iter().position(|k| Weak::ptr_eq(&k.article, &weak)) {
        Some(at) => {
            let kept = all.remove(at);
            all.push(kept);
            all.last_mut()
        }
        None => {
            if all.len() == ARTICLES_KEPT {
                all.remove(0);
            }
            all.push(Kept { article: weak, found: HashMap::new(), calls: 0 });
            all.last_mut()
        }
    };
    let Some(kept) = kept else { return search(article, quotes) };
    let mut unknown: Vec<&str> = quotes.iter().copied().filter(|q| !kept.found.contains_key(*q)).collect();
    unknown.sort_unstable();
    unknown.dedup();
    kept.calls += 1;
    let call = kept.calls;
    for (quote, found) in unknown.iter().zip(search(article, &unknown)) {
        kept.found.insert((*quote).to_owned(), (found, call));
    }
    let answer = quotes
        .iter()
        .map(|q| match kept.found.get_mut(*q) {
            Some((found, asked)) => {
                *asked = call;
                found.clone()
            }
            None => Found { place: None, numbers: Vec::new() },
        })
        .collect();
    // A load asks two or three times (the quotes read ahead off the dataset's text, then the
    // metrics' quotes, then their histories'): what neither of the last two calls asked for is
    // dropped, so the map holds about one dataset's quotes (a guess that was no quote goes).
    kept.found.retain(|_, (_, asked)| *asked + 1 >= call);
    answer
}

/// Looks `quotes` up in `article` ahead of the load that will ask (on the thread that read the
/// article, while the dataset is parsed), keeping what it finds for [`quotes_in`]; nothing for
/// an article too small to keep quotes for.
pub fn search_ahead(article: &Arc<Article>, quotes: &[String]) {
    if article.blocks.len() >= WORTH_KEEPING && !quotes.is_empty() {
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let _ = quotes_in(article, &quotes);
    }
}

/// Searches `article` for every one of `quotes`, and reads the numbers of those found.
fn search(article: &Article, quotes: &[&str]) -> Vec<Found> {
    #[cfg(test)]
    SEARCHED.with(|n| n.set(n.get() + quotes.len()));
    article
        .find_quotes(quotes)
        .into_iter()
        .map(|place| Found { place, numbers: place.map(|p| article.numbers_in(p)).unwrap_or_default() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large() -> Arc<Article> {
        let text: String = (0..WORTH_KEEPING + 10).map(|i| format!("Paragraph {i} counts {i} ports.\n\n")).collect();
        Arc::new(Article::from_markdown(&text))
    }

    #[test]
    fn a_large_article_read_ahead_has_its_quotes_found_while_the_dataset_is_parsed() {
        let dir = tempfile::tempdir().unwrap();
        let article: String = (0..20_000).map(|i| format!("Paragraph {i} counts {i} ports.\n\n")).collect();
        std::fs::write(dir.path().join("a.md"), &article).unwrap();
        let mut dataset = "title = \"T\"\narticle = \"a.md\"\n".to_owned();
        let mut quote = |i: usize, quote: &str| {
            dataset += &format!("[[metric]]\nid = \"m{i}\"\nvalue = {i}\nquote = {quote}\n");
        };
        for i in 0..30 {
            quote(i, &format!("\"Paragraph {} counts\"", i * 600));
        }
        quote(30, "\"not in the article\"");
        // An escape: the text does not tell this quote, so it is searched after the parse.
        quote(31, "\"Paragraph 7 \\u0063ounts\"");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, dataset).unwrap();
        let request =
            crate::load::LoadRequest { dataset: crate::load::DatasetSource::File(path), article_override: None };
        let before = SEARCHED.with(std::cell::Cell::get);
        let loaded = crate::load::load(&request).expect("loads");
        let searched_here = SEARCHED.with(std::cell::Cell::get) - before;
        assert_eq!(searched_here, 1, "only the quote with an escape is searched on the loading thread");
        let named = loaded.article.as_ref().unwrap();
        assert_eq!(loaded.evidence, crate::provenance::Evidence::of(&loaded.dataset, Some(&named.article)));
        assert_eq!(loaded.evidence.quote(29).map(|q| q.block), Some(29 * 600));
        assert_eq!(loaded.evidence.quote(31).map(|q| q.block), Some(7));
        assert!(loaded.warnings.iter().any(|w| w.message.contains("not in the article")));
    }

    #[test]
    fn quotes_found_again_are_where_a_fresh_search_finds_them() {
        let article = large();
        let first = ["Paragraph 7 counts", "absent words", "", "counts 2001 ports"];
        let searched = || SEARCHED.with(std::cell::Cell::get);
        let fresh = search(&article, &first);
        let before = searched();
        assert_eq!(quotes_in(&article, &first), fresh);
        assert_eq!(searched() - before, 4, "the first time, every quote is searched");
        // Again, with one quote changed and one repeated: only the new one is searched for.
        let second = ["Paragraph 7 counts", "Paragraph 9 counts 9", "", "counts 2001 ports", "Paragraph 7 counts"];
        let fresh = search(&article, &second);
        let before = searched();
        assert_eq!(quotes_in(&article, &second), fresh);
        assert_eq!(searched() - before, 1, "the unchanged quotes are taken as found");
        // Another set asked in between (a load asks for the histories' quotes too) drops none.
        assert_eq!(quotes_in(&article, &["Paragraph 3 counts"]), search(&article, &["Paragraph 3 counts"]));
        let before = searched();
        assert_eq!(quotes_in(&article, &second), fresh);
        assert_eq!(searched() - before, 0, "all taken as found");
        assert_eq!(quotes_in(&article, &second)[1].place.map(|p| p.block), Some(9));
        // Another article with the same quotes: searched in it, not taken from the first.
        let other = Arc::new(Article::from_markdown("Intro.\n\nParagraph 7 counts nothing.\n"));
        let big_other = Arc::new(Article::from_markdown(
            &(0..WORTH_KEEPING + 1).map(|i| format!("Block {i}. Paragraph 7 counts.\n\n")).collect::<String>(),
        ));
        assert_eq!(quotes_in(&other, &second), search(&other, &second));
        assert_eq!(quotes_in(&big_other, &second), search(&big_other, &second));
        assert_eq!(quotes_in(&big_other, &second)[0].place.map(|p| p.block), Some(0));
    }
}
