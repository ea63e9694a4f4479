//! Loader tests: good files in both table styles, and every rule with its line and column.

use std::path::Path;

use super::*;

fn parse_text(text: &str) -> Result<Dataset, Vec<Diagnostic>> {
    parse(&Origin { text, file: "m.toml", base_dir: Path::new("") })
}

/// The diagnostics of a file that must fail, as `file:line:col: message` strings.
fn errors(text: &str) -> Vec<String> {
    parse_text(text).expect_err("this file must not load").iter().map(ToString::to_string).collect()
}

const MINIMAL: &str = r#"
title = "T"
[[metric]]
id = "a"
value = 3
"#;

#[test]
fn the_bundled_dataset_loads_with_every_fact() {
    let text = include_str!("../../metrics.toml");
    let d = parse_text(text).expect("bundled dataset is valid");
    let value = |id: &str| d.metrics[d.metric_index(id).unwrap()].value;
    assert_eq!(value("partnerships"), 28.0);
    assert_eq!(value("bri_agreements"), 25.0);
    assert_eq!(value("top_trading_partner"), 18.0);
    assert_eq!(value("shared_future"), 17.0);
    assert_eq!(value("land_borders_settled"), 12.0);
    assert_eq!(value("friendship_treaties"), 9.0);
    assert_eq!(value("railway_cargo"), 50e6);
    assert_eq!(value("railway_cross_border"), 11.58e6);
    assert!(d.metrics[d.metric_index("bri_agreements").unwrap()].label.starts_with("Belt and Road"));
    let cross_border = d.gauges.iter().find(|g| d.metrics[g.metric].id == "railway_cross_border").unwrap();
    assert_eq!(cross_border.bound, Some(Bound::AtMost));
    assert_eq!(cross_border.display_ratio(), "≤23.2%");
    assert!(d.gauges.iter().all(|g| g.note.is_some()), "every bundled gauge says what it divides by");
    // The railway's earlier reported totals, each with its source, ending in the CGTN figure.
    let history = |id: &str| {
        let m = &d.metrics[d.metric_index(id).unwrap()];
        m.history.iter().map(|p| (p.date.to_string(), p.display_value(&m.unit))).collect::<Vec<_>>()
    };
    let pair = |date: &str, value: &str| (date.to_owned(), value.to_owned());
    assert_eq!(
        history("railway_cargo"),
        [
            pair("2022-12-02", "11.2 Mt"),
            pair("2023-04-19", "18.8 Mt"),
            pair("2023-12-02", "29.1 Mt"),
            pair("2024-02-08", "32.56 Mt"),
            pair("2024-12-31", "over 50 Mt"),
        ]
    );
    assert_eq!(
        history("railway_cross_border"),
        [pair("2023-04-19", "3.7 Mt"), pair("2024-02-08", "7.31 Mt"), pair("2024-12-31", "11.58 Mt")]
    );
    let railway = &d.metrics[d.metric_index("railway_cargo").unwrap()];
    assert!(
        railway.history[..4]
            .iter()
            .all(|p| p.source.as_deref().is_some_and(|s| s.starts_with("http")) && p.note.is_some())
    );
}

#[test]
fn a_minimal_file_gets_sensible_defaults() {
    let d = parse_text(MINIMAL).unwrap();
    assert_eq!(d.metrics[0].label, "A");
    assert_eq!(d.metrics[0].unit, Unit::None);
    assert_eq!(d.charts.len(), 1, "one default chart per unit");
    assert_eq!(d.charts[0].metrics, vec![0]);
    assert!(d.gauges.is_empty());
    assert!(d.article.is_none() && d.source.is_none() && d.subtitle.is_none());
}

#[test]
fn default_charts_split_counts_from_tonnages_and_default_gauges_follow_part_of() {
    let d = parse_text(
        r#"
title = "T"
[[metric]]
id = "n"
value = 5
unit = "countries"
[[metric]]
id = "total"
value = 2
unit = "Mt"
[[metric]]
id = "part"
value = 500
unit = "kt"
part_of = "total"
"#,
    )
    .unwrap();
    let titles: Vec<&str> = d.charts.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Countries", "Tonnage"]);
    assert_eq!(d.charts[1].metrics, vec![1, 2]);
    assert_eq!(d.gauges.len(), 1);
    assert_eq!(d.gauges[0].ratio, 0.25);
    assert_eq!(d.metrics[2].display_value(), "500 kt");
}

#[test]
fn array_of_tables_and_inline_tables_are_the_same_dataset() {
    let tables = parse_text(
        r#"
title = "T"
[[metric]]
id = "a"
value = 1
[[metric]]
id = "b"
value = 2
[[chart]]
title = "C"
metrics = ["a", "b"]
"#,
    )
    .unwrap();
    let inline = parse_text(
        r#"
title = "T"
metric = [{ id = "a", value = 1 }, { id = "b", value = 2.0 }]
chart = [{ title = "C", metrics = ["a", "b"] }]
"#,
    )
    .unwrap();
    assert_eq!(tables, inline);
}

#[test]
fn long_labels_default_to_horizontal_and_short_ones_to_vertical() {
    let d = parse_text(
        r#"
title = "T"
[[metric]]
id = "y2020"
label = "2020"
value = 1
[[metric]]
id = "y2021"
label = "2021"
value = 2
[[metric]]
id = "long"
label = "A label far too long to sit under a bar"
value = 2
unit = "t"
"#,
    )
    .unwrap();
    assert_eq!(d.charts[0].direction, ChartDirection::Vertical);
    assert_eq!(d.charts[1].direction, ChartDirection::Horizontal);
}

#[test]
fn syntax_errors_point_at_their_line_and_column() {
    let found = errors("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = = 3\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("m.toml:4:9: "), "{found:?}");
}

#[test]
fn a_missing_title_or_metric_is_reported() {
    assert!(errors("[[metric]]\nid = \"a\"\nvalue = 1\n")[0].contains("missing key `title`"));
    assert_eq!(
        errors("subtitle = \"S\"\n"),
        ["m.toml:1:1: missing key `title`", "m.toml:1:1: the dataset needs at least one [[metric]]"],
        "both at once"
    );
    assert_eq!(errors("title = \"T\"\n"), ["m.toml:1:1: the dataset needs at least one [[metric]]"]);
}

#[test]
fn unknown_keys_get_a_did_you_mean_hint() {
    let found = errors("title = \"T\"\n[[metric]]\nid = \"a\"\nlable = \"A\"\nvalue = 1\n");
    assert_eq!(found, ["m.toml:4:1: unknown key `lable` (did you mean `label`?)"]);
    let top = errors("titel = \"T\"\n");
    assert!(top[0].contains("did you mean `title`?"), "{top:?}");
}

#[test]
fn wrong_types_name_the_expected_type() {
    let found = errors("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = \"many\"\n");
    assert!(found[0].starts_with("m.toml:4:9: ") && found[0].contains("expected a number"), "{found:?}");
}

#[test]
fn every_rule_violation_is_reported_not_just_the_first() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "Bad-Id"
value = -1
[[metric]]
id = "dup"
value = nan
[[metric]]
id = "dup"
value = inf
part_of = "nowhere"
[[chart]]
title = "C"
metrics = ["dupe"]
[[gauge]]
metric = "dup"
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:3:6: id `Bad-Id` must be lowercase letters, digits and _",
            "m.toml:4:9: value must be a finite number >= 0",
            "m.toml:7:9: value must be a finite number >= 0",
            "m.toml:9:6: duplicate id `dup`",
            "m.toml:10:9: value must be a finite number >= 0",
            "m.toml:11:11: no metric has the id `nowhere`",
            "m.toml:14:12: no metric has the id `dupe` (did you mean `dup`?)",
            "m.toml:16:10: this gauge needs `of = \"<id>\"`: `dup` has no `part_of` to take the share of",
        ]
    );
}

mod charts;
mod files_and_slides;
mod history;
mod reuse;
mod rules;
