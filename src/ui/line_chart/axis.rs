//! A line chart's axes as plain data: dates as day numbers, the time axis's labels, and a value
//! axis from zero to a round top. Pure functions, so the labels are tested without drawing.

use crate::dataset::Date;

/// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar (negative before it).
pub fn day_number(date: Date) -> i64 {
    let (month, day) = (i64::from(date.month.clamp(1, 12)), i64::from(date.day.clamp(1, 31)));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (the inverse of [`day_number`]), clamped to years 0..=9999.
pub fn date_of_day(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date { year: year.clamp(0, 9999) as u16, month: month as u8, day: day as u8 }
}

/// Points spanning at least this many days are labelled by year alone.
const YEARS_FROM: i64 = 8 * 365;
/// Points spanning at least this many days are labelled by month (`Dec 2022`); closer ones by day.
const MONTHS_FROM: i64 = 90;

/// The time axis's labels from `first` to `last` for a graph `width` columns wide, where ratatui
/// puts them: the first at the left edge, the last at the right edge, and each one between at
/// the middle of its equal share of the width (label `i` of `n` at `(i + ½) / n`), so each names
/// the date under its middle. Years when the points span decades (`2004`), months over a few
/// months or more (`Dec 2022`), days otherwise (`2 Dec 2022`); a label that repeats the one
/// before is left blank. A single date is one label in the middle.
pub fn time_labels(first: Date, last: Date, width: u16) -> Vec<String> {
    let (start, end) = (day_number(first), day_number(last));
    if end <= start {
        return vec![String::new(), first.human(), String::new()];
    }
    let span = end - start;
    let name = |date: Date| match span {
        s if s >= YEARS_FROM => date.year.to_string(),
        s if s >= MONTHS_FROM => date.human().split_once(' ').map_or_else(|| date.human(), |(_, rest)| rest.to_owned()),
        _ => date.human(),
    };
    let widest = name(last).chars().count().max(name(first).chars().count()) as u16;
    // Each label gets `width / n` columns less one of space before it: as many as fit, 2 to 6.
    let count = (2..=6u16).rev().find(|&n| width / n > widest + 1).unwrap_or(2);
    let mut labels: Vec<String> = (0..count)
        .map(|i| {
            let fraction = match i {
                0 => 0.0,
                i if i == count - 1 => 1.0,
                i => (f64::from(i) + 0.5) / f64::from(count),
            };
            name(date_of_day(start + (span as f64 * fraction).round() as i64))
        })
        .collect();
    // The ends always show; a label between them that repeats its neighbour is blank.
    let last = labels.len() - 1;
    let mut kept = labels[0].clone();
    for i in 1..last {
        if labels[i] == kept || labels[i] == labels[last] {
            labels[i].clear();
        } else {
            kept = labels[i].clone();
        }
    }
    labels
}

/// The value axis's top, in the unit as written: the least of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6
/// and 8 times a power of ten that is not below `max` (so the axis starts at zero and its labels read round); 1 for a
/// chart of zeros.
pub fn value_top(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|step| step * power)
        .find(|&top| top >= max * (1.0 - 1e-12))
        .unwrap_or(max)
}

/// The value axis's labels, bottom to top: `0`, half the top and the top, each with the fewest
/// decimals (at most 3) that write it exactly, by `format` (the number and its unit).
pub fn value_labels(top: f64, format: &dyn Fn(f64, u8) -> String) -> Vec<String> {
    let marks = [0.0, top / 2.0, top];
    let decimals = (0..=3u8)
        .find(|&d| {
            let scale = 10f64.powi(i32::from(d));
            marks.iter().all(|m| ((m * scale).round() - m * scale).abs() < 1e-6)
        })
        .unwrap_or(3);
    marks.iter().map(|&m| format(m, decimals)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn day_numbers_go_both_ways() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(day_number(date(2000, 3, 1)), 11_017);
        for d in [date(1999, 12, 31), date(2024, 2, 29), date(1900, 3, 1), date(2022, 12, 2), date(1, 1, 1)] {
            assert_eq!(date_of_day(day_number(d)), d);
        }
        assert_eq!(day_number(date(2025, 1, 1)) - day_number(date(2024, 1, 1)), 366);
    }

    #[test]
    fn months_label_a_span_of_a_few_years() {
        assert_eq!(time_labels(date(2022, 12, 2), date(2024, 12, 31), 20), ["Dec 2022", "Dec 2024"]);
        let labels = time_labels(date(2022, 12, 2), date(2024, 12, 31), 30);
        assert_eq!(labels, ["Dec 2022", "Dec 2023", "Dec 2024"]);
        let labels = time_labels(date(2022, 12, 2), date(2024, 12, 31), 50);
        assert_eq!(labels.first().map(String::as_str), Some("Dec 2022"));
        assert_eq!(labels.last().map(String::as_str), Some("Dec 2024"));
        assert_eq!(labels.len(), 5);
        // The middle label names the date under the middle of the axis.
        assert_eq!(labels[2], "Dec 2023");
    }

    #[test]
    fn years_label_points_spanning_decades() {
        let labels = time_labels(date(1990, 6, 30), date(2024, 12, 31), 80);
        // Between the ends, each label at the middle of its sixth: 1990 + 34.5 years × 1.5/6 is 1999.
        assert_eq!(labels, ["1990", "1999", "2004", "2010", "2016", "2024"]);
        assert_eq!(time_labels(date(1990, 6, 30), date(2024, 12, 31), 12), ["1990", "2024"]);
    }

    #[test]
    fn days_label_points_close_together_and_repeats_are_blank() {
        let labels = time_labels(date(2024, 3, 1), date(2024, 3, 3), 100);
        assert_eq!(labels.first().map(String::as_str), Some("1 Mar 2024"));
        assert_eq!(labels.last().map(String::as_str), Some("3 Mar 2024"));
        assert!(labels.windows(2).all(|w| w[0] != w[1] || w[1].is_empty()), "{labels:?}");
    }

    #[test]
    fn a_single_date_is_one_label_in_the_middle() {
        assert_eq!(time_labels(date(2024, 12, 31), date(2024, 12, 31), 40), ["", "31 Dec 2024", ""]);
    }

    #[test]
    fn the_value_axis_reads_round_from_zero() {
        assert_eq!(value_top(50.0), 50.0);
        assert_eq!(value_top(61.5), 80.0);
        assert_eq!(value_top(55.0), 60.0);
        assert_eq!(value_top(4.0), 4.0);
        assert_eq!(value_top(0.0), 1.0);
        assert_eq!(value_top(2.1), 2.5);
        let format = |v: f64, d: u8| format!("{v:.*}", usize::from(d));
        assert_eq!(value_labels(2.5, &format), ["0.00", "1.25", "2.50"]);
        assert_eq!(value_labels(50.0, &format), ["0", "25", "50"]);
    }
}
