//! The numbers each quote states, kept from one load of a large dataset to the next. Reading
//! them is most of what checking ten thousand quotes against their values costs, and a reload
//! after a save of one value finds every other quote's text as it was. What a load finds is
//! the same with or without what was kept: the numbers are a function of the quote's text
//! alone, and that text is the key.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::provenance::quote_numbers::{QuotedNumber, numbers_in};

/// From this many quotes up, a load keeps their numbers for the next: below it, reading them
/// costs less than keeping them.
pub const WORTH_KEEPING: usize = 1_000;

/// The numbers of the last large load's quotes, by quote text.
type Store = Mutex<Option<HashMap<String, Vec<QuotedNumber>>>>;

/// The process's store: one dataset is shown at a time.
static KEPT: Store = Mutex::new(None);

/// The numbers of one load's quotes: read once each, or taken from the last load's.
pub struct Said {
    /// What the last load kept (taken out, so only this load's quotes are kept after it).
    last: HashMap<String, Vec<QuotedNumber>>,
    now: HashMap<String, Vec<QuotedNumber>>,
    /// The last quote's numbers, when nothing is kept.
    scratch: Vec<QuotedNumber>,
    keeping: bool,
    store: &'static Store,
    /// Quotes read this load (not taken from the last).
    read: usize,
}

impl Said {
    /// For a load of `quotes` quotes: one that keeps what it reads if there are enough.
    pub fn for_load(quotes: usize) -> Self {
        Self::kept_in(&KEPT, quotes)
    }

    fn kept_in(store: &'static Store, quotes: usize) -> Self {
        let keeping = quotes >= WORTH_KEEPING;
        let last = if keeping { lock(store).take().unwrap_or_default() } else { HashMap::new() };
        Self { last, now: HashMap::new(), scratch: Vec::new(), keeping, store, read: 0 }
    }

    /// The numbers `quote` states.
    pub fn numbers(&mut self, quote: &str) -> &[QuotedNumber] {
        if !self.keeping {
            self.read += 1;
            self.scratch = numbers_in(quote);
            return &self.scratch;
        }
        if !self.now.contains_key(quote) {
            let (text, numbers) = match self.last.remove_entry(quote) {
                Some(known) => known,
                None => {
                    self.read += 1;
                    (quote.to_owned(), numbers_in(quote))
                }
            };
            self.now.insert(text, numbers);
        }
        self.now.get(quote).map_or(&[], Vec::as_slice)
    }

    /// Leaves this load's numbers for the next load (a small load leaves none, and the last
    /// large load's stay).
    pub fn keep(self) {
        if self.keeping {
            *lock(self.store) = Some(self.now);
        }
    }
}

fn lock(store: &Store) -> std::sync::MutexGuard<'_, Option<HashMap<String, Vec<QuotedNumber>>>> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(n: usize, changed: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                if i == changed { format!("now {} ships", i + 7) } else { format!("about {i} million tonnes in 2024") }
            })
            .collect()
    }

    /// Reads every quote of a load as the loader does; returns the numbers' values and how many
    /// quotes were read rather than taken.
    fn load(store: &'static Store, quotes: &[String]) -> (Vec<Vec<f64>>, usize) {
        let mut said = Said::kept_in(store, quotes.len());
        let values = quotes.iter().map(|q| said.numbers(q).iter().map(|n| n.value).collect()).collect();
        let read = said.read;
        said.keep();
        (values, read)
    }

    fn fresh(quotes: &[String]) -> Vec<Vec<f64>> {
        quotes.iter().map(|q| numbers_in(q).iter().map(|n| n.value).collect()).collect()
    }

    #[test]
    fn a_reload_reads_only_the_quotes_whose_text_changed() {
        static STORE: Store = Mutex::new(None);
        let first = quotes(WORTH_KEEPING + 5, usize::MAX);
        assert_eq!(load(&STORE, &first), (fresh(&first), first.len()));
        let edited = quotes(WORTH_KEEPING + 5, 17);
        assert_eq!(load(&STORE, &edited), (fresh(&edited), 1), "one quote changed, one read");
        // Only the last load's quotes are kept: the edited one's old text is gone.
        assert_eq!(load(&STORE, &first), (fresh(&first), 1));
    }

    #[test]
    fn a_small_load_keeps_nothing_and_leaves_the_large_ones_numbers() {
        static STORE: Store = Mutex::new(None);
        let large = quotes(WORTH_KEEPING, usize::MAX);
        load(&STORE, &large);
        let small = quotes(3, 1);
        assert_eq!(load(&STORE, &small), (fresh(&small), 3));
        assert_eq!(load(&STORE, &large).1, 0, "the large load's numbers are still kept");
    }
}
