//! Tables (`[[chart]] kind = "table"`): the order of a table's rows under a sort, and the words
//! of each row. Pure functions of the data, shared by the view (which moves the selection in
//! the order shown) and the widget (which draws it).
//!
//! A table's selection is a metric, as a bar chart's is (a position in its `metrics`), so a
//! sort or a reload keeps the row selected; `↑` `↓` move through the rows in the order shown.
//!
//! Values of different units are never compared as if they shared a scale: sorting by value or
//! by change orders the rows within each unit (units in the order they first come in the
//! table), so tonnes stay with tonnes and counts with counts.

use std::cmp::Ordering;

use crate::dataset::{Chart, Dataset, Date, Metric, SortKey, Unit};
use crate::text::number::format_number;

/// How a table's rows are ordered: by a column (`None`: the file's order), in the column's
/// natural direction (labels A to Z, the largest value and change and the newest date first)
/// or `reversed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableSort {
    pub key: Option<SortKey>,
    pub reversed: bool,
}

/// The columns `s` steps through, left to right as the table shows them, then the file's order.
const CYCLE: [Option<SortKey>; 5] =
    [Some(SortKey::Label), Some(SortKey::Value), Some(SortKey::AsOf), Some(SortKey::Change), None];

impl TableSort {
    /// The sort a table opens with: its `sort` column, if the file names one.
    pub fn of(chart: &Chart) -> Self {
        Self { key: chart.sort, reversed: false }
    }

    /// The next column (`s`), in its natural direction.
    pub fn next(self) -> Self {
        let at = CYCLE.iter().position(|k| *k == self.key).unwrap_or(CYCLE.len() - 1);
        Self { key: CYCLE[(at + 1) % CYCLE.len()], reversed: false }
    }

    /// The same column the other way round (`S`).
    pub fn reverse(self) -> Self {
        Self { reversed: !self.reversed, ..self }
    }

    /// Whether the rows run from the largest (the latest, Z) down: what the header's arrow says.
    pub fn descending(self) -> bool {
        let natural = matches!(self.key, Some(SortKey::Value | SortKey::AsOf | SortKey::Change));
        natural != self.reversed
    }

    /// `▼` or `▲` after the sorted column's heading.
    pub fn arrow(self) -> &'static str {
        if self.descending() { "▼" } else { "▲" }
    }
}

/// The table's rows in the order `sort` shows them, as positions in `chart.metrics`. Rows
/// without the sorted figure (no change, no date) come last whichever the direction; rows that
/// tie keep the file's order.
pub fn order(dataset: &Dataset, chart: &Chart, sort: TableSort) -> Vec<usize> {
    let metric = |position: usize| chart.metrics.get(position).and_then(|&m| dataset.metrics.get(m));
    let mut rows: Vec<usize> = (0..chart.metrics.len()).collect();
    let Some(key) = sort.key else {
        if sort.reversed {
            rows.reverse();
        }
        return rows;
    };
    let units: Vec<&Unit> = {
        let mut seen: Vec<&Unit> = Vec::new();
        for m in (0..chart.metrics.len()).filter_map(metric) {
            if !seen.contains(&&m.unit) {
                seen.push(&m.unit);
            }
        }
        seen
    };
    let rank = |m: &Metric| units.iter().position(|u| **u == m.unit).unwrap_or(usize::MAX);
    let descending = sort.descending();
    let directed = |ordering: Ordering| if descending { ordering.reverse() } else { ordering };
    rows.sort_by(|&a, &b| {
        let (Some(a), Some(b)) = (metric(a), metric(b)) else { return Ordering::Equal };
        match key {
            SortKey::Label => directed(a.label.to_lowercase().cmp(&b.label.to_lowercase())),
            SortKey::AsOf => last_missing(as_of(a), as_of(b), directed),
            SortKey::Value => rank(a).cmp(&rank(b)).then_with(|| directed(a.value.total_cmp(&b.value))),
            SortKey::Change => {
                let change = |m: &Metric| latest_change(m).map(Finite);
                rank(a).cmp(&rank(b)).then_with(|| last_missing(change(a), change(b), directed))
            }
        }
    });
    rows
}

/// An `f64` that orders (validation keeps values finite).
struct Finite(f64);

impl PartialEq for Finite {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Finite {}

impl PartialOrd for Finite {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Finite {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Orders two optional keys with `directed`, a missing one after any present one.
fn last_missing<T: Ord>(a: Option<T>, b: Option<T>, directed: impl Fn(Ordering) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The date a metric's figure is as of: its `as_of`, else its latest point's.
pub fn as_of(metric: &Metric) -> Option<Date> {
    metric.as_of.or_else(|| metric.history.last().map(|p| p.date))
}

/// The change from a metric's previous point to its latest, in its base unit; `None` without
/// two points.
fn latest_change(metric: &Metric) -> Option<f64> {
    let [.., before, last] = metric.history.as_slice() else { return None };
    Some(last.value - before.value)
}

/// A row's words, each column's cell: none is ever cut (the table drops a column instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWords {
    pub label: String,
    /// The figure as written, with its bound's mark: `>50`, `3,250.5`, `28`.
    pub value: String,
    /// `Mt`, `countries`, `million boxes`; empty for a plain number.
    pub unit: String,
    /// `31 Dec 2024`; empty without a date.
    pub as_of: String,
    /// Since the previous point, its bounds carried through (`>+20.9`); `–` without one.
    pub change: String,
}

/// The words of `metric`'s row.
pub fn words(metric: &Metric) -> RowWords {
    let n = &metric.notation;
    let number = format_number(n.written, usize::from(n.decimals));
    let value = match metric.bound {
        Some(bound) => format!("{}{number}", bound.math_symbol()),
        None => number,
    };
    let unit = match &metric.unit {
        Unit::Tonnes => n.unit.to_owned(),
        Unit::Countries if value == "1" => "country".to_owned(),
        other => other.caption().to_owned(),
    };
    let change = match metric.history.as_slice() {
        [.., before, last] => crate::series::short_change(metric, before, last),
        _ => "–".to_owned(),
    };
    RowWords {
        label: metric.label.clone(),
        value,
        unit,
        as_of: as_of(metric).map(|d| d.human()).unwrap_or_default(),
        change,
    }
}

/// The selection a table opens on: its first row in the file's sort.
pub fn first_selection(dataset: &Dataset, chart: &Chart) -> usize {
    order(dataset, chart, TableSort::of(chart)).first().copied().unwrap_or(0)
}

/// Where `selection` (a position in the table's metrics) stands in `order`; the first row when
/// it is not there.
pub fn row_of(order: &[usize], selection: usize) -> usize {
    order.iter().position(|&p| p == selection).unwrap_or(0)
}

/// The first row shown when `rows` of `count` fit and `row` is selected: a window around it, as
/// centred as the ends allow (as a bar chart's window is).
pub fn first_shown(count: usize, rows: usize, row: usize) -> usize {
    if rows == 0 || count <= rows {
        return 0;
    }
    row.saturating_sub(rows / 2).min(count - rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "title = \"T\"\n\
        [[metric]]\nid = \"b\"\nlabel = \"beta\"\nunit = \"Mt\"\nhistory = [{ date = 2020-01-01, value = 1 }, { date = 2021-01-01, value = 5 }]\n\
        [[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = 40\nunit = \"countries\"\nas_of = 2019-05-01\n\
        [[metric]]\nid = \"c\"\nlabel = \"gamma\"\nunit = \"Mt\"\nhistory = [{ date = 2020-01-01, value = 8 }, { date = 2022-01-01, value = 9, bound = \"over\" }]\n\
        [[chart]]\ntitle = \"All\"\nkind = \"table\"\nmetrics = [\"b\", \"a\", \"c\"]\n";

    fn ids(d: &Dataset, sort: TableSort) -> Vec<&str> {
        let chart = &d.charts[0];
        order(d, chart, sort).into_iter().map(|p| d.metrics[chart.metrics[p]].id.as_str()).collect()
    }

    #[test]
    fn each_column_sorts_its_natural_way_and_s_cycles_back_to_the_files_order() {
        let d = crate::dataset::parse_valid(MIXED);
        let mut sort = TableSort::of(&d.charts[0]);
        assert_eq!(ids(&d, sort), ["b", "a", "c"], "the file's order");
        sort = sort.next();
        assert_eq!((sort.key, ids(&d, sort)), (Some(SortKey::Label), vec!["a", "b", "c"]), "A to Z, any case");
        assert_eq!(ids(&d, sort.reverse()), ["c", "b", "a"]);
        sort = sort.next();
        // Tonnes first (they come first in the table), largest first; then the counts.
        assert_eq!((sort.key, ids(&d, sort)), (Some(SortKey::Value), vec!["c", "b", "a"]));
        assert_eq!(ids(&d, sort.reverse()), ["b", "c", "a"], "reversed within each unit");
        sort = sort.next();
        assert_eq!((sort.key, ids(&d, sort)), (Some(SortKey::AsOf), vec!["c", "b", "a"]), "newest first");
        sort = sort.next();
        // b rose by 4, c by over 1; a has no change and comes last either way.
        assert_eq!((sort.key, ids(&d, sort)), (Some(SortKey::Change), vec!["b", "c", "a"]));
        assert_eq!(ids(&d, sort.reverse()), ["c", "b", "a"]);
        assert_eq!(sort.next(), TableSort::default(), "and back to the file's order");
        assert_eq!((sort.arrow(), sort.reverse().arrow()), ("▼", "▲"));
    }

    #[test]
    fn a_rows_words_are_its_figure_unit_date_and_change_with_bounds() {
        let d = crate::dataset::parse_valid(MIXED);
        let c = words(&d.metrics[2]);
        assert_eq!(
            (c.value.as_str(), c.unit.as_str(), c.as_of.as_str(), c.change.as_str()),
            (">9", "Mt", "1 Jan 2022", ">+1")
        );
        let a = words(&d.metrics[1]);
        assert_eq!((a.value.as_str(), a.unit.as_str(), a.change.as_str()), ("40", "countries", "–"));
    }

    #[test]
    fn the_window_keeps_the_selected_row_in_sight() {
        assert_eq!(first_shown(40, 10, 0), 0);
        assert_eq!(first_shown(40, 10, 20), 15);
        assert_eq!(first_shown(40, 10, 39), 30);
        assert_eq!(first_shown(5, 10, 4), 0);
        assert_eq!(first_shown(5, 0, 4), 0);
        assert_eq!(row_of(&[2, 0, 1], 1), 2);
    }
}
