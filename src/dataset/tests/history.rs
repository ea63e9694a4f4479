//! Loader tests of `history`: both TOML spellings, the metric's value as its latest point, and
//! every rule with its line and column.

use super::*;

const INLINE: &str = r#"title = "T"
[[metric]]
id = "cargo"
unit = "Mt"
value = 50
bound = "over"
as_of = 2024-12-31
history = [
  { date = 2022-12-02, value = 11.2, source = "https://a.example" },
  { date = 2023-12-02, value = 29.1, note = "the report's date" },
]
"#;

const TABLES: &str = r#"title = "T"
[[metric]]
id = "cargo"
unit = "Mt"
value = 50
bound = "over"
as_of = 2024-12-31

[[metric.history]]
date = 2022-12-02
value = 11.2
source = "https://a.example"

[[metric.history]]
date = 2023-12-02
value = 29.1
note = "the report's date"
"#;

fn summary(d: &Dataset) -> Vec<(String, String)> {
    let m = &d.metrics[0];
    m.history.iter().map(|p| (p.date.to_string(), p.display_value(&m.unit))).collect()
}

#[test]
fn inline_points_and_history_tables_read_the_same() {
    let inline = parse_text(INLINE).unwrap();
    let tables = parse_text(TABLES).unwrap();
    let expected = [
        ("2022-12-02".to_owned(), "11.2 Mt".to_owned()),
        ("2023-12-02".to_owned(), "29.1 Mt".to_owned()),
        ("2024-12-31".to_owned(), "over 50 Mt".to_owned()),
    ];
    assert_eq!(summary(&inline), expected, "the metric's own value is its latest point");
    assert_eq!(summary(&tables), expected);
    let points = &inline.metrics[0].history;
    assert_eq!(points[0].source.as_deref(), Some("https://a.example"));
    assert_eq!(points[1].note.as_deref(), Some("the report's date"));
    assert_eq!(points[0].position, Position { line: 9, column: 12 });
    assert_eq!(tables.metrics[0].history[1].position, Position { line: 15, column: 8 });
}

#[test]
fn a_history_without_a_value_takes_its_last_point() {
    let d = parse_text(
        "title = \"T\"\n[[metric]]\nid = \"a\"\nunit = \"kt\"\nhistory = [{ date = 2020-01-01, value = 1 }, \
         { date = 2021-01-01, value = 2.5, bound = \"about\", quote = \"about 2.5\", source = \"https://s\" }]\n",
    )
    .unwrap();
    let m = &d.metrics[0];
    assert_eq!(m.value, 2500.0);
    assert_eq!(m.display_value(), "about 2.5 kt");
    assert_eq!(m.as_of, Some(Date { year: 2021, month: 1, day: 1 }));
    assert_eq!(m.quote.as_ref().map(|q| q.text.as_str()), Some("about 2.5"));
    assert_eq!(m.source.as_deref(), Some("https://s"));
    assert_eq!(m.history.len(), 2);
}

#[test]
fn a_value_on_the_last_points_date_must_agree_with_it() {
    let ok = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 2\nas_of = 2021-01-01\nquote = \"two\"\n\
              history = [{ date = 2020-01-01, value = 1 }, { date = 2021-01-01, value = 2 }]\n";
    let d = parse_text(ok).unwrap();
    assert_eq!(d.metrics[0].history.len(), 2, "the same point, not a second one");
    assert_eq!(d.metrics[0].history[1].quote.as_ref().map(|q| q.text.as_str()), Some("two"));
    assert_eq!(
        errors(&ok.replace("value = 2\n", "value = 3\n")),
        ["m.toml:4:9: `value` 3 differs from the history's point of the same date (2)"]
    );
}

#[test]
fn point_dates_strictly_increase_each_error_at_its_date() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nhistory = [\n  { date = 2021-01-01, value = 1 },\n  \
                { date = 2021-01-01, value = 2 },\n  { date = 2020-06-01, value = 3 },\n]\n";
    assert_eq!(
        errors(text),
        [
            "m.toml:6:12: two points on 2021-01-01: a date appears once in a history (remove one, or correct its date)",
            "m.toml:7:12: point dates must increase: 2020-06-01 comes after 2021-01-01 (put the points in date order, oldest first)",
        ]
    );
}

#[test]
fn point_values_are_finite_non_negative_and_held_exactly() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nhistory = [\n  { date = 2021-01-01, value = -1 },\n  \
                { date = 2022-01-01, value = nan },\n  { date = 2023-01-01, value = 1.0000000001 },\n]\n";
    assert_eq!(
        errors(text),
        [
            "m.toml:5:32: value must be a finite number >= 0",
            "m.toml:6:32: value must be a finite number >= 0",
            "m.toml:7:32: value has 10 decimal places; at most 9 are shown",
        ]
    );
}

#[test]
fn a_point_keeps_its_metrics_one_unit() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nunit = \"Mt\"\nvalue = 2\nas_of = 2022-01-01\n\
                history = [{ date = 2021-01-01, value = 1, unit = \"kt\" }, { date = 2021-06-01, value = 1.5, unit = \"Mt\" }]\n";
    assert_eq!(
        errors(text),
        [
            "m.toml:7:51: a metric has one unit: `a` is in `Mt`, this point in `kt` (write the value in the metric's unit, or leave out the point's `unit`)"
        ]
    );
}

#[test]
fn a_points_date_is_a_date_and_a_value_needs_a_date_after_the_history() {
    let text =
        "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 2\nhistory = [{ date = 2021-01-01T10:00:00, value = 1 }]\n";
    assert_eq!(errors(text), ["m.toml:5:21: expected a date such as 2021-12-03 (no time of day)"]);
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 2\nhistory = [{ date = 2021-01-01, value = 1 }]\n";
    assert_eq!(
        errors(text),
        [
            "m.toml:4:9: `a` has a history, so its `value` needs an `as_of` date (date it after the last point (2021-01-01), or leave out `value`)"
        ]
    );
    let early = text.replace("value = 2\n", "value = 2\nas_of = 2020-01-01\n");
    assert_eq!(
        errors(&early),
        [
            "m.toml:5:9: `as_of` 2020-01-01 is before the history's last point (2021-01-01): the value is the latest (move the later points after it, or date the value)"
        ]
    );
}

#[test]
fn without_a_value_or_a_history_a_metric_is_missing_its_value() {
    assert_eq!(
        errors("title = \"T\"\n[[metric]]\nid = \"a\"\n"),
        ["m.toml:3:6: missing key `value` in metric `a` (a metric without a `history` needs one)"]
    );
}

#[test]
fn an_unknown_key_in_a_point_is_located_with_a_suggestion() {
    let text = "title = \"T\"\n[[metric]]\nid = \"a\"\n[[metric.history]]\ndate = 2021-01-01\nvalue = 1\nsorce = \"https://s\"\n";
    let found = parse_text(text).unwrap_err();
    assert_eq!(found[0].to_string(), "m.toml:7:1: unknown key `sorce` (did you mean `source`?)");
}
