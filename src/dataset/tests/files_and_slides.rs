//! Loader tests of what a file points to and lays out: the article path, the schema, slides, and
//! every key and type error found at once.

use super::*;

#[test]
fn the_article_path_is_resolved_against_the_dataset_folder() {
    let text = "title = \"T\"\narticle = \"notes/a.md\"\n[[metric]]\nid = \"a\"\nvalue = 1\n";
    let d = parse(&Origin { text, file: "data/m.toml", base_dir: Path::new("data") }).unwrap();
    let article = d.article.unwrap();
    assert_eq!(article.path, Path::new("data/notes/a.md"));
    assert_eq!(article.position, Position { line: 2, column: 11 });
}

#[test]
fn the_committed_schema_is_the_one_the_loader_types_derive() {
    let committed = include_str!("../../../assets/metrics.schema.json");
    assert!(
        committed == json_schema(),
        "assets/metrics.schema.json is stale: regenerate it with `cargo run -- --schema > assets/metrics.schema.json`"
    );
    assert!(include_str!("../../../metrics.toml").starts_with("#:schema ./assets/metrics.schema.json\n"));
}

#[test]
fn slides_name_charts_gauges_and_metrics_and_keep_their_order() {
    let d = parse_text(
        r#"title = "T"
[[metric]]
id = "a"
value = 1
[[metric]]
id = "b"
value = 2
part_of = "c"
[[metric]]
id = "c"
value = 4
[[chart]]
id = "main"
title = "Main"
metrics = ["a", "c"]
[[gauge]]
id = "share"
metric = "b"
[[slide]]
kind = "title"
[[slide]]
metric = "a"
caption = "Look."
[[slide]]
chart = "main"
[[slide]]
gauge = "share"
title = "The share"
[[slide]]
metrics = ["a", "b"]
[[slide]]
kind = "sources"
"#,
    )
    .unwrap();
    let contents: Vec<&SlideContent> = d.slides.iter().map(|s| &s.content).collect();
    assert_eq!(
        contents,
        [
            &SlideContent::Title,
            &SlideContent::Metric(0),
            &SlideContent::Chart(0),
            &SlideContent::Gauge(0),
            &SlideContent::Metrics(vec![0, 1]),
            &SlideContent::Sources
        ]
    );
    assert_eq!(d.slides[1].caption.as_deref(), Some("Look."));
    assert_eq!(d.slides[3].title.as_deref(), Some("The share"));
}

#[test]
fn bad_slides_are_reported_where_they_are() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "a"
value = 1
[[chart]]
id = "main"
title = "Main"
metrics = ["a"]
[[chart]]
id = "main"
title = "Again"
metrics = ["a"]
[[slide]]
chart = "mian"
[[slide]]
gauge = "nothing"
[[slide]]
metric = "a"
chart = "main"
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:10:6: duplicate chart id `main`",
            "m.toml:14:9: no chart has the id `mian` (did you mean `main`?)",
            "m.toml:16:9: no gauge has the id `nothing` (give the gauge an `id` to show it on a slide)",
            "m.toml:17:1: a slide shows exactly one of: chart = \"<id>\", gauge = \"<id>\", metric = \"<id>\", metrics = [...], kind = \"title\" or \"sources\"",
        ]
    );
}

#[test]
fn type_errors_and_unknown_keys_are_all_reported() {
    let found = errors(
        r#"title = "T"
[[metric]]
id = "a"
lable = "A"
value = 1
[[metric]]
id = "b"
value = "two"
[source]
url = 3
[[chart]]
title = "C"
metrics = ["a", "b"]
colour = "red"
"#,
    );
    assert_eq!(
        found,
        [
            "m.toml:4:1: unknown key `lable` (did you mean `label`?)",
            "m.toml:8:9: invalid type: string \"two\", expected a number (numbers are written in digits, without quotes: value = 2)",
            "m.toml:10:7: invalid type: integer `3`, expected a string (in quotes) (text goes in quotes: url = \"3\")",
            "m.toml:14:1: unknown key `colour` (this table takes: id, title, metrics, direction, scale, sort, kind)",
        ]
    );
}

#[test]
fn a_top_level_error_hides_nothing_but_a_syntax_error_stops() {
    let top = errors("article = 3\ntitle = \"T\"\n[[metric]]\nid = \"a\"\nlable = 1\nvalue = 1\n");
    assert_eq!(
        top,
        [
            "m.toml:1:11: invalid type: integer `3`, expected a string (in quotes) (text goes in quotes: article = \"3\")",
            "m.toml:5:1: unknown key `lable` (did you mean `label`?)",
            // Read on as `label`, whose value must be text.
            "m.toml:5:9: invalid type: integer `1`, expected a string (in quotes) (text goes in quotes: lable = \"1\")",
        ]
    );
    // After a syntax error, what belongs to which table is not known.
    let syntax = errors("title = \"T\"\n[[metric]]\nid = \"a\nvalue = 1\n[[metric]]\nlable = 2\n");
    assert_eq!(syntax.len(), 1, "{syntax:?}");
}
