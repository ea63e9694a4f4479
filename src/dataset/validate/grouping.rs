//! The default charts' grouping by magnitude: bars share a chart only while they are
//! comparable, so no chart made without `[[chart]]` holds bars too short to see beside its
//! largest (8 t beside 48.6 Mt is a ten-millionth of the bar).

use crate::dataset::model::Metric;

/// In one default chart the largest value is at most this many times the smallest non-zero
/// one: the shortest bar is then at least a two-hundredth of the longest, an eighth of a cell
/// or more wherever bars have 25 columns (an 80x24 screen gives them about 30), longer on wider
/// screens. A bound any lower would split charts that read well (8 t beside 860 t).
pub const COMPARABLE: f64 = 200.0;

/// Splits `members` (indices of metrics of one unit, in file order) into groups whose non-zero
/// values are within [`COMPARABLE`] of each other, with as few groups as that allows. Groups
/// come in the order of their first member in the file, and keep the file's order inside; zeros
/// go with the smallest values.
pub fn comparable_groups(members: &[usize], metrics: &[Metric]) -> Vec<Vec<usize>> {
    let mut by_value: Vec<usize> = members.to_vec();
    by_value.sort_by(|&a, &b| metrics[a].value.total_cmp(&metrics[b].value));
    // Greedy from the smallest: each group takes every value up to COMPARABLE times its least
    // non-zero one, which gives the fewest groups.
    let mut group_of = vec![0usize; metrics.len()];
    let mut group = 0;
    let mut floor: Option<f64> = None;
    for &index in &by_value {
        let value = metrics[index].value;
        if value > 0.0 {
            match floor {
                None => floor = Some(value),
                Some(least) if value > least * COMPARABLE => {
                    group += 1;
                    floor = Some(value);
                }
                Some(_) => {}
            }
        }
        group_of[index] = group;
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &index in members {
        match groups.iter_mut().find(|(g, _)| *g == group_of[index]) {
            Some((_, list)) => list.push(index),
            None => groups.push((group_of[index], vec![index])),
        }
    }
    groups.into_iter().map(|(_, list)| list).collect()
}

/// A split chart's title: the unit's title and the range it covers, as the values are
/// written (`Tonnage, 75 kt to 3,250.5 kt`), or its one value.
pub fn range_title(base: &str, group: &[usize], metrics: &[Metric]) -> String {
    let by = |pick: fn(f64, f64) -> bool| {
        group.iter().copied().reduce(|a, b| if pick(metrics[b].value, metrics[a].value) { b } else { a })
    };
    let (Some(least), Some(most)) = (by(|b, a| b < a), by(|b, a| b > a)) else {
        return base.to_owned();
    };
    let (least, most) = (metrics[least].short_value(), metrics[most].short_value());
    if least == most { format!("{base}, {least}") } else { format!("{base}, {least} to {most}") }
}
