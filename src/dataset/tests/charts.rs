//! Loader tests of charts: the default grouping by magnitude, and `scale` and `sort`.

use super::*;

fn titles_and_ids(d: &Dataset) -> Vec<(String, Vec<String>)> {
    d.charts.iter().map(|c| (c.title.clone(), c.metrics.iter().map(|&m| d.metrics[m].id.clone()).collect())).collect()
}

#[test]
fn default_charts_split_a_unit_where_its_values_are_not_comparable() {
    // Tonnages from 8 t to 48.6 Mt in three bands: a chart each, not one chart of 24 bars
    // where the two smaller bands would be slivers.
    let d = parse_valid(include_str!("../../../tests/fixtures/magnitudes/metrics.toml"));
    let charts = titles_and_ids(&d);
    let titles: Vec<&str> = charts.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Tonnage, 8 t to 640 t", "Tonnage, 95 kt to 8,200 kt", "Tonnage, 20.4 Mt to 48.6 Mt"]);
    assert!(charts.iter().all(|(_, ids)| ids.len() == 8));
    // Inside a chart, the file's order; each chart's largest at most 200 times its least.
    assert_eq!(charts[0].1[..3], ["lab_samples", "seed_stock", "spare_parts"]);
    for chart in &d.charts {
        let values: Vec<f64> = chart.metrics.iter().map(|&m| d.metrics[m].value).collect();
        let (least, most) = values.iter().fold((f64::MAX, 0.0_f64), |(l, m), &v| (l.min(v), m.max(v)));
        assert!(most / least <= 200.0, "{}: {least} to {most}", chart.title);
    }
    // Comparable values keep one chart with the unit's plain title.
    let bundled = parse_valid(include_str!("../../../tests/fixtures/chinese/metrics.toml"));
    assert!(bundled.charts.iter().all(|c| !c.title.contains(" to ")));
}

#[test]
fn a_chart_may_sort_its_bars_by_value_and_draw_them_on_a_log_scale() {
    let d = parse_valid(include_str!("../../../tests/fixtures/sorted/metrics.toml"));
    let chart = &d.charts[0];
    assert_eq!(chart.scale, ChartScale::Log);
    let values: Vec<f64> = chart.metrics.iter().map(|&m| d.metrics[m].value).collect();
    assert_eq!(values.len(), 24);
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "largest first: {values:?}");
    assert_eq!(d.metrics[chart.metrics[0]].id, "ore");
    let unsorted = parse_valid(
        "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[metric]]\nid = \"b\"\nvalue = 2\n[[chart]]\ntitle = \"C\"\nmetrics = [\"a\", \"b\"]\n",
    );
    assert_eq!(unsorted.charts[0].metrics, [0, 1], "without `sort`, the listed order");
    assert_eq!(unsorted.charts[0].scale, ChartScale::Linear);
}

#[test]
fn a_scale_or_sort_the_format_does_not_know_is_an_error_at_its_line() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[chart]]\ntitle = \"C\"\nmetrics = [\"a\"]\nscale = \"cubic\"\n";
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:8:9: unknown variant `cubic`, expected `linear` or `log`"), "{found:?}");
    let found = errors(&text.replace("scale = \"cubic\"", "sort = \"size\""));
    assert!(found[0].contains("unknown variant `size`, expected one of `value`, `label`"), "{found:?}");
}

#[test]
fn a_chart_kind_is_bar_or_line_and_an_unknown_one_is_an_error_with_a_hint() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nas_of = 2024-01-01\n[[chart]]\ntitle = \"C\"\nmetrics = [\"a\"]\nkind = \"lines\"\n";
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:9:8: unknown variant `lines`"), "{found:?}");
    assert!(found[0].contains("did you mean `line`?"), "{found:?}");
    assert_eq!(parse_valid(&text.replace("\"lines\"", "\"line\"")).charts[0].kind, ChartKind::Line);
    assert_eq!(parse_valid(&text.replace("kind = \"lines\"\n", "")).charts[0].kind, ChartKind::Bar);
}

#[test]
fn a_line_charts_metrics_share_one_unit_and_each_has_a_date() {
    let base = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nunit = \"Mt\"\nas_of = 2024-01-01\n[[metric]]\nid = \"b\"\nvalue = 2\nunit = \"ports\"\nas_of = 2024-01-01\n[[chart]]\ntitle = \"C\"\nkind = \"line\"\nmetrics = [\"a\", \"b\"]\n";
    let found = errors(base);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:15:17: `b` is in ports but this line chart is in tonnes"), "{found:?}");
    assert!(found[0].contains("share a value axis"), "{found:?}");
    // A metric without a history is one point, at its as_of: without one it has no place.
    let undated = base.replace("unit = \"ports\"\nas_of = 2024-01-01\n", "unit = \"Mt\"\n");
    let found = errors(&undated);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:14:17: `b` has no `history` and no `as_of`"), "{found:?}");
    let one_point = parse_valid(&base.replace("unit = \"ports\"", "unit = \"Mt\""));
    assert_eq!(crate::line_series::points_of(&one_point.metrics[1]).len(), 1);
    assert_eq!(crate::line_series::selectable(&one_point, &one_point.charts[0]), 2);
}

#[test]
fn a_line_chart_has_no_log_scale() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nas_of = 2024-01-01\n[[chart]]\ntitle = \"C\"\nkind = \"line\"\nmetrics = [\"a\"]\nscale = \"log\"\n";
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:10:9: a line chart's value axis is linear, from zero"), "{found:?}");
    assert_eq!(parse_valid(&text.replace("\"log\"", "\"linear\"")).charts[0].scale, ChartScale::Linear);
}

#[test]
fn a_table_may_list_metrics_of_any_units_and_bars_keep_one_unit() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nunit = \"Mt\"\n[[metric]]\nid = \"b\"\nvalue = 2\nunit = \"ports\"\n[[metric]]\nid = \"c\"\nvalue = 3\n[[chart]]\ntitle = \"C\"\nkind = \"table\"\nmetrics = [\"a\", \"b\", \"c\"]\n";
    let d = parse_valid(text);
    assert_eq!((d.charts[0].kind, d.charts[0].metrics.as_slice()), (ChartKind::Table, [0, 1, 2].as_slice()));
    assert_eq!(d.charts[0].sort, None, "the file's order");
    let found = errors(&text.replace("kind = \"table\"\n", ""));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("m.toml:15:17: `b` is in ports but this chart is in tonnes"), "{found:?}");
    let found = errors(&text.replace("\"table\"", "\"tabel\""));
    assert!(found[0].starts_with("m.toml:15:8: unknown variant `tabel`") && found[0].contains("did you mean `table`?"));
}

#[test]
fn a_table_opens_sorted_by_the_column_its_sort_names_and_bars_sort_only_by_value() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[metric]]\nid = \"b\"\nvalue = 2\n[[chart]]\ntitle = \"C\"\nkind = \"table\"\nmetrics = [\"a\", \"b\"]\nsort = \"as_of\"\n";
    let d = parse_valid(text);
    assert_eq!(d.charts[0].sort, Some(SortKey::AsOf));
    assert_eq!(d.charts[0].metrics, [0, 1], "the rows keep the file's order; the view sorts them");
    for (name, key) in [("value", SortKey::Value), ("label", SortKey::Label), ("change", SortKey::Change)] {
        assert_eq!(parse_valid(&text.replace("\"as_of\"", &format!("\"{name}\""))).charts[0].sort, Some(key));
    }
    let found = errors(&text.replace("\"as_of\"", "\"asof\""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:12:8: unknown variant `asof`") && found[0].contains("did you mean `as_of`?"));
    let found = errors(&text.replace("kind = \"table\"\n", "").replace("\"as_of\"", "\"label\""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("m.toml:11:8: only a table sorts by its `label` column"), "{found:?}");
    let found = errors(&text.replace("sort = \"as_of\"", "scale = \"log\""));
    assert!(found[0].starts_with("m.toml:12:9: a table draws no scale"), "{found:?}");
}
