//! Loader tests of the rules between metrics, charts and gauges, bounds and dates, and of
//! hostile values and strings.

use super::*;

#[test]
fn a_part_may_not_exceed_its_whole_or_change_unit() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "whole"
value = 10
unit = "t"
[[metric]]
id = "big"
value = 11
unit = "t"
part_of = "whole"
[[metric]]
id = "count"
value = 1
unit = "countries"
part_of = "whole"
[[metric]]
id = "selfish"
value = 1
unit = "t"
part_of = "selfish"
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:10:11: part `big` (11 t) is larger than its whole `whole` (10 t)",
            "m.toml:15:11: `count` is in countries but its whole `whole` is in tonnes",
            "m.toml:20:11: `selfish` cannot be a part of itself",
        ]
    );
}

#[test]
fn gauges_must_be_shares_within_one_unit() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "a"
value = 5
[[metric]]
id = "b"
value = 2
[[metric]]
id = "zero"
value = 0
[[metric]]
id = "t"
value = 1
unit = "t"
[[gauge]]
metric = "a"
of = "b"
[[gauge]]
metric = "a"
of = "zero"
[[gauge]]
metric = "t"
of = "b"
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:17:6: `a` (5) is larger than `b` (2): a gauge shows a share of at most 100%",
            "m.toml:20:6: the whole `zero` is 0, so a share of it means nothing",
            "m.toml:23:6: `t` is in tonnes but `b` is in plain numbers",
        ]
    );
}

#[test]
fn a_chart_keeps_to_one_unit_and_lists_each_metric_once() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "a"
value = 1
[[metric]]
id = "t"
value = 1
unit = "t"
[[chart]]
title = "Mixed"
metrics = ["a", "t", "a"]
[[chart]]
title = "Empty"
metrics = []
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:11:17: `t` is in tonnes but this chart is in plain numbers: bars of one chart share a scale",
            "m.toml:11:22: `a` is already in this chart",
            "m.toml:14:11: a chart needs at least one metric",
        ]
    );
}

#[test]
fn bounds_and_dates_are_checked() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "a"
value = 1
as_of = 2024-01-01T10:00:00
"#,
    );
    assert_eq!(found, ["m.toml:5:9: expected a date such as 2021-12-03 (no time of day)"]);
    let bound = errors("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\nbound = \"roughly\"\n");
    assert!(bound[0].starts_with("m.toml:5:9: ") && bound[0].contains("about"), "{bound:?}");
}

#[test]
fn huge_and_odd_numbers_are_errors_not_panics() {
    for value in ["1e400", "99999999999999999999999999999999999999999999999999999999999", "-inf", "0x10"] {
        let text = format!("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = {value}\n");
        let outcome = parse_text(&text);
        if let Ok(d) = outcome {
            assert!(d.metrics[0].value.is_finite() && d.metrics[0].value >= 0.0, "{value}");
        }
    }
}

#[test]
fn strings_from_the_file_are_sanitised() {
    let d =
        parse_text("title = \"T\\u001b]0;owned\\u0007\"\n[[metric]]\nid = \"a\"\nlabel = \"x\\u202ey\"\nvalue = 1\nunit = \"t\\u001b[2Jons\"\n")
            .unwrap();
    assert_eq!(d.title, "T␛]0;owned␇");
    assert_eq!(d.metrics[0].unit, Unit::Other("t␛[2Jons".into()), "units are text from the file too");
    assert_eq!(d.metrics[0].label, "xy");
}
