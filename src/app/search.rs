//! Search, like less's `/`: incremental, smart case, over the article and the metrics; `n` and
//! `N` cycle with wrap-around; Esc in the prompt goes back to where the search began.
//!
//! A flood costs time in proportion to its length: the query holds at most [`MAX_QUERY`]
//! characters (the prompt says so once it is full, and what is typed or pasted beyond is
//! dropped), and a query that matched nothing is not searched again as it grows (a longer
//! query cannot match where a shorter one did not), so each further key costs next to nothing.

use super::{Content, Item, Overlay, View};
use crate::article::{TextSpan, fold_with};
use crate::layout::Pane;
use crate::text::is_unsafe_char;

/// The most characters a search query holds: far more than any phrase worth searching for, few
/// enough that searching and drawing the prompt stay cheap.
pub const MAX_QUERY: usize = 200;

/// One match: a stretch of the article, or a metric (by label, note or quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Article(TextSpan),
    Metric(usize),
}

/// Where the reader was when the search began, to go back on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    article_scroll: usize,
    /// The wrapped line at the top of the article then (`article_scroll` counts screen rows).
    top_line: usize,
    focus: Pane,
    last_item_pane: Pane,
    chart_selection: Vec<usize>,
    gauge_selection: usize,
    evidence_metric: Option<usize>,
    followed: Option<Item>,
}

/// The search in progress, or whose matches are still highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// At most [`MAX_QUERY`] characters, none of them unsafe for the terminal (see
    /// [`crate::text::is_unsafe_char`]) and no line break or tab (they become spaces).
    pub query: String,
    /// Text was typed or pasted beyond [`MAX_QUERY`] and dropped; the prompt says so until a
    /// character is deleted.
    pub cut: bool,
    /// The prompt is open and keys type into it.
    pub editing: bool,
    /// Article matches in document order, then metric matches.
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
    origin: Place,
}

impl Search {
    /// `3/7`, or `0/0` with no match.
    pub fn position(&self) -> String {
        match self.current {
            Some(i) => format!("{}/{}", i + 1, self.hits.len()),
            None => format!("0/{}", self.hits.len()),
        }
    }

    /// The article matches in blocks `first..=last`, with their index in [`Search::hits`], found
    /// by binary search: drawing a frame costs the same with ten matches or a hundred thousand.
    pub fn article_hits_in(&self, first: usize, last: usize) -> impl Iterator<Item = (usize, TextSpan)> + '_ {
        // Article matches come first, in document order; metric matches follow.
        let article = self.hits.partition_point(|hit| matches!(hit, Hit::Article(_)));
        let block = |hit: &Hit| match hit {
            Hit::Article(span) => span.block,
            Hit::Metric(_) => usize::MAX,
        };
        let from = self.hits[..article].partition_point(|hit| block(hit) < first);
        self.hits[from..article].iter().enumerate().map_while(move |(offset, hit)| match hit {
            Hit::Article(span) if span.block <= last => Some((from + offset, *span)),
            _ => None,
        })
    }
}

impl View {
    fn place(&self, content: &Content) -> Place {
        Place {
            article_scroll: self.article_scroll,
            top_line: self.line_at_row(content, self.article_scroll),
            focus: self.focus,
            last_item_pane: self.last_item_pane,
            chart_selection: self.chart_selection.clone(),
            gauge_selection: self.gauge_selection,
            evidence_metric: self.evidence_metric,
            followed: self.followed,
        }
    }

    fn go_back_to(&mut self, content: &Content, place: Place) {
        self.article_scroll = place.article_scroll;
        self.focus = place.focus;
        self.last_item_pane = place.last_item_pane;
        self.chart_selection = place.chart_selection;
        self.gauge_selection = place.gauge_selection;
        self.evidence_metric = place.evidence_metric;
        self.followed = place.followed;
        self.clamp_article_scroll(content);
    }

    pub(super) fn open_search(&mut self, content: &Content) {
        if content.data().is_none() {
            return;
        }
        let origin = self.place(content);
        self.overlay = Overlay::None;
        self.search =
            Some(Search { query: String::new(), cut: false, editing: true, hits: Vec::new(), current: None, origin });
    }

    /// Esc: in the prompt, cancel and go back; after Enter, clear the highlights.
    pub(super) fn close_search(&mut self, content: &Content) {
        if let Some(search) = self.search.take()
            && search.editing
        {
            self.go_back_to(content, search.origin);
        }
    }

    pub(super) fn confirm_search(&mut self) {
        match &mut self.search {
            Some(search) if search.query.is_empty() => self.search = None,
            Some(search) => search.editing = false,
            None => {}
        }
    }

    /// Types or pastes `text` into the prompt: line breaks and tabs become spaces, other
    /// characters unsafe for the terminal are dropped, and what goes beyond [`MAX_QUERY`] is
    /// cut (and the prompt says so). Costs time in proportion to what is kept, not to `text`'s
    /// length beyond that (a paste of a megabyte stops reading at the limit).
    pub(super) fn type_into_search(&mut self, content: &Content, text: &str) {
        let Some(search) = &mut self.search else { return };
        let could_match = !search.hits.is_empty() || search.query.trim().is_empty();
        let mut room = MAX_QUERY.saturating_sub(search.query.chars().count());
        let mut typed = false;
        for c in text.chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe_char(c) => continue,
                c => c,
            };
            if room == 0 {
                search.cut = true;
                break;
            }
            search.query.push(c);
            room -= 1;
            typed = true;
        }
        // A query that matched nothing matches nothing once longer: only appended to, its
        // folded form starts with the old one's, and a capital makes it stricter, not looser.
        if typed && could_match {
            self.refresh_search(content);
        }
    }

    /// Backspace in the prompt.
    pub(super) fn delete_from_search(&mut self, content: &Content) {
        let Some(search) = &mut self.search else { return };
        search.cut = false;
        if search.query.pop().is_some() {
            self.refresh_search(content);
        }
    }

    /// Finds the query's matches again and shows the first at or below where the search began.
    fn refresh_search(&mut self, content: &Content) {
        let Some(search) = &self.search else { return };
        let query = search.query.clone();
        let origin = search.origin.clone();
        let hits = self.find(content, &query);
        // The first match at or below where the search began, as less does.
        let current = hits
            .iter()
            .position(|hit| match hit {
                Hit::Article(span) => self.line_of(*span) >= origin.top_line,
                Hit::Metric(_) => true,
            })
            .or(if hits.is_empty() { None } else { Some(0) });
        if let Some(search) = &mut self.search {
            search.hits = hits;
            search.current = current;
        }
        match current {
            Some(_) => self.show_current_hit(content),
            None => self.go_back_to(content, origin),
        }
    }

    /// `n` (`step` 1) and `N` (`step` -1), wrapping around.
    pub(super) fn step_search(&mut self, content: &Content, step: isize) {
        let Some(search) = &mut self.search else { return };
        if search.hits.is_empty() {
            return;
        }
        let count = search.hits.len() as isize;
        let current = search.current.map_or(0, |c| (c as isize + step).rem_euclid(count) as usize);
        search.current = Some(current);
        self.show_current_hit(content);
    }

    fn show_current_hit(&mut self, content: &Content) {
        let Some(hit) = self.search.as_ref().and_then(|s| s.current.map(|c| s.hits[c])) else { return };
        match hit {
            Hit::Article(span) => self.scroll_to_span(content, span),
            Hit::Metric(metric) => self.select_metric(content, metric, true),
        }
    }

    /// Every match of `query`: smart case (case-sensitive only if it has a capital).
    fn find(&self, content: &Content, query: &str) -> Vec<Hit> {
        let Some(loaded) = content.data() else { return Vec::new() };
        if query.trim().is_empty() {
            return Vec::new();
        }
        let case_sensitive = query.chars().any(char::is_uppercase);
        let mut hits: Vec<Hit> = match &loaded.article {
            Some(named) => named.article.find_all(query, case_sensitive).into_iter().map(Hit::Article).collect(),
            None => Vec::new(),
        };
        let (needle, _) = fold_with(query, !case_sensitive);
        let contains = |text: &str| fold_with(text, !case_sensitive).0.contains(needle.as_str());
        for (index, metric) in loaded.dataset.metrics.iter().enumerate() {
            let quote = metric.quote.as_ref().map(|q| q.text.as_str());
            if [Some(metric.label.as_str()), metric.note.as_deref(), quote].into_iter().flatten().any(contains) {
                hits.push(Hit::Metric(index));
            }
        }
        hits
    }
}
