//! Which of a table's columns fit, and how wide each is. Widths are display widths (a CJK
//! label's characters take two columns each). The label shrinks first, to an ellipsis, down
//! to [`LABEL_MIN`]; then columns go by priority, the least wanted first: the as-of date (the
//! detail box and the details say it too), the sparkline (narrowed to [`TREND_MIN`] before it
//! goes), the change, the unit. A value is never cut: it goes last, and only when not even it
//! fits.

use crate::table::RowWords;
use crate::text::width::width;

/// A table's columns, in the order the header shows them (and indexes its headings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Label = 0,
    Value = 1,
    Unit = 2,
    AsOf = 3,
    Change = 4,
    Trend = 5,
}

/// The columns after the label, the most wanted first.
const PRIORITY: [Column; 5] = [Column::Value, Column::Unit, Column::Change, Column::Trend, Column::AsOf];

/// Columns between two columns.
pub const SPACING: u16 = 1;
/// The label is cut to this before a column goes (or to its own width, if shorter).
pub const LABEL_MIN: usize = 12;
/// The narrowest sparkline worth drawing (the width of its heading).
pub const TREND_MIN: usize = 5;

/// The columns that fit, in the header's order, with their widths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub columns: Vec<(Column, u16)>,
    /// Columns with something to show that did not fit.
    pub hidden: usize,
}

impl Fitted {
    /// Where `column` starts (from the table's left edge) and how wide it is, if it is shown.
    pub fn place(&self, column: Column) -> Option<(u16, u16)> {
        let mut x: u16 = 0;
        for &(c, w) in &self.columns {
            if c == column {
                return Some((x, w));
            }
            x = x.saturating_add(w).saturating_add(SPACING);
        }
        None
    }
}

/// Fits the columns of `rows` (under `headers`, indexed by [`Column`]) in `room` columns, with
/// a sparkline column as wide as `trend` points (0: no row has a history to draw). A column
/// whose cells are all empty (no units, no dates, no changes) is not shown and not counted as
/// hidden.
pub fn fit(headers: &[String; 6], rows: &[RowWords], trend: usize, room: usize) -> Fitted {
    let widest = |cell: fn(&RowWords) -> &str, column: Column| {
        let cells = rows.iter().map(|r| width(cell(r))).max().unwrap_or(0);
        let empty = rows.iter().all(|r| cell(r).is_empty() || cell(r) == "–");
        if empty && column != Column::Label && column != Column::Value {
            0
        } else {
            cells.max(width(&headers[column as usize]))
        }
    };
    let natural = |column: Column| match column {
        Column::Label => widest(|r| &r.label, column),
        Column::Value => widest(|r| &r.value, column),
        Column::Unit => widest(|r| &r.unit, column),
        Column::AsOf => widest(|r| &r.as_of, column),
        Column::Change => widest(|r| &r.change, column),
        Column::Trend if trend > 0 => trend.max(width(&headers[column as usize])),
        Column::Trend => 0,
    };
    let spacing = usize::from(SPACING);
    let label = natural(Column::Label);
    let value = natural(Column::Value);
    // The value comes before the label's least width: a label may go down to one column.
    let label_min = if room >= LABEL_MIN.min(label) + spacing + value { LABEL_MIN.min(label) } else { 1.min(label) };
    let mut used = 0;
    let mut hidden = 0;
    let mut chosen: Vec<(Column, usize)> = Vec::new();
    for column in PRIORITY {
        let wanted = natural(column);
        if wanted == 0 {
            continue;
        }
        let left = room.saturating_sub(label_min + used + spacing);
        let width = if wanted <= left {
            wanted
        } else if column == Column::Trend && left >= TREND_MIN {
            left
        } else {
            hidden += 1;
            continue;
        };
        chosen.push((column, width));
        used += spacing + width;
    }
    let label_width = label.min(room.saturating_sub(used));
    let mut columns: Vec<(Column, u16)> = Vec::new();
    if label_width > 0 {
        columns.push((Column::Label, to_u16(label_width)));
    }
    chosen.sort_by_key(|(c, _)| *c as usize);
    columns.extend(chosen.into_iter().map(|(c, w)| (c, to_u16(w))));
    Fitted { columns, hidden }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers() -> [String; 6] {
        ["Metric", "Value ▼", "Unit", "As of", "Change", "Trend"].map(str::to_owned)
    }

    fn row(label: &str) -> RowWords {
        RowWords {
            label: label.to_owned(),
            value: ">50".to_owned(),
            unit: "million boxes".to_owned(),
            as_of: "31 Dec 2024".to_owned(),
            change: ">+20.9".to_owned(),
        }
    }

    fn names(fitted: &Fitted) -> Vec<(Column, u16)> {
        fitted.columns.clone()
    }

    #[test]
    fn wide_rooms_show_every_column_and_narrow_ones_drop_the_least_wanted_first() {
        let rows = [row("Containers handled at the port")];
        let all = fit(&headers(), &rows, 10, 200);
        assert_eq!(
            names(&all),
            [
                (Column::Label, 30),
                (Column::Value, 7),
                (Column::Unit, 13),
                (Column::AsOf, 11),
                (Column::Change, 6),
                (Column::Trend, 10)
            ]
        );
        assert_eq!(all.hidden, 0);
        // 12 + 7 + 13 + 6 + 10 and four spaces leave 4: too few for the date, the least wanted.
        let some = fit(&headers(), &rows, 10, 57);
        assert!(some.place(Column::AsOf).is_none() && some.place(Column::Trend).is_some());
        assert_eq!((some.hidden, some.columns[0].1), (1, 17), "the label takes what is left");
        // The sparkline is narrowed, not dropped, while five columns are left for it.
        let narrowed = fit(&headers(), &rows, 10, 47);
        assert_eq!(narrowed.columns.last(), Some(&(Column::Trend, 5)));
        assert_eq!(narrowed.columns[0], (Column::Label, 12));
        // The value is the last to go: the label shrinks to one column for it.
        let tiny = fit(&headers(), &rows, 10, 9);
        assert_eq!((names(&tiny), tiny.hidden), (vec![(Column::Label, 1), (Column::Value, 7)], 4));
        assert!(fit(&headers(), &rows, 10, 0).columns.is_empty());
    }

    #[test]
    fn cjk_labels_are_measured_by_display_width_and_empty_columns_are_left_out() {
        let mut rows = [row("中国老挝铁路货运量")];
        rows[0].unit.clear();
        rows[0].change = "–".to_owned();
        let fitted = fit(&headers(), &rows, 0, 200);
        assert_eq!(names(&fitted), [(Column::Label, 18), (Column::Value, 7), (Column::AsOf, 11)]);
        assert_eq!(fitted.hidden, 0, "no units, changes or histories: nothing to hide");
        assert_eq!(fitted.place(Column::AsOf), Some((27, 11)));
    }
}
