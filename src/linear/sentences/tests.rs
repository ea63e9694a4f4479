use super::*;
use crate::load::{LoadAsk, LoadRequest};

/// A fixture of `tests/fixtures`, loaded as the session loads it.
fn fixture(name: &str) -> Loaded {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).join("metrics.toml");
    let (request, _) = LoadRequest::resolve(Some(path), None);
    LoadAsk::first(&request).result.expect("the fixture loads")
}

#[test]
fn a_metric_reads_with_its_bound_in_words_its_period_and_its_evidence() {
    let loaded = fixture("chinese");
    let cargo = &loaded.dataset.metrics[loaded.dataset.metric_index("cargo").unwrap()];
    assert_eq!(metric(cargo), "中老铁路累计货运量: over 50 Mt, 3 Dec 2021 – 31 Dec 2024. Source: “超过5000万吨”.");
    let treaties = &loaded.dataset.metrics[loaded.dataset.metric_index("treaties").unwrap()];
    assert_eq!(metric(treaties), "睦邻友好合作条约: 9 个国家. Source: “9个国家签署”.");
}

#[test]
fn a_share_reads_its_bound_in_words_and_both_figures() {
    let loaded = fixture("chinese");
    assert_eq!(
        gauge(&loaded.dataset, &loaded.dataset.gauges[0]).unwrap(),
        "跨境货物占比: at most 23.2%, 11.58 Mt of over 50 Mt."
    );
}

#[test]
fn the_overview_goes_chart_by_chart_and_ends_with_the_way_on() {
    let loaded = fixture("chinese");
    let lines = overview(&loaded);
    assert_eq!(lines[0], "中国与周边国家：合作数字", "no Latin full stop after Chinese");
    assert!(lines.contains(&"Chart 3 of 3: Tonnage, 2 values.".to_owned()), "{lines:#?}");
    assert!(lines.last().unwrap().contains("help"));
}

#[test]
fn a_change_reads_from_the_old_value_to_the_new_one_unit_once() {
    let old = fixture("chinese").dataset;
    let mut new = old.clone();
    let bri = new.metric_index("bri").unwrap();
    new.metrics[bri].value = 26.0;
    new.metrics[bri].notation.written = 26.0;
    let cargo = new.metric_index("cargo").unwrap();
    new.metrics[cargo].value = 60e6;
    new.metrics[cargo].notation.written = 60.0;
    let change = |id: &str| ValueChange {
        id: id.to_owned(),
        label: String::new(),
        old: None,
        old_value: None,
        new: String::new(),
        delta: None,
        points: Vec::new(),
    };
    assert_eq!(
        changes(&old, &new, &[change("bri"), change("cargo")]),
        [
            "Changed: 共建“一带一路”合作文件 from 25 to 26 countries.",
            "Changed: 中老铁路累计货运量 from over 50 to over 60 Mt."
        ]
    );
    assert_eq!(without_shared_unit("9 个国家", "10 个国家"), "9");
    assert_eq!(without_shared_unit("12", "13"), "12", "no unit, nothing to leave out");
}

#[test]
fn search_finds_values_and_paragraphs_ignoring_case() {
    let loaded = fixture("chinese");
    let lines = search(&loaded, "铁路");
    assert_eq!(lines[0], "3 matches for “铁路”:");
    assert!(lines[1].starts_with("Value: 中老铁路累计货运量: over 50 Mt"), "{lines:#?}");
    assert_eq!(search(&loaded, "nowhere")[0], "No match for “nowhere”.");
}

#[test]
fn the_article_reads_in_pages_and_says_where_it_stands() {
    let loaded = fixture("chinese");
    let (lines, next) = article(&loaded, 0, 2);
    assert_eq!(lines[0], "Heading 1: 中国与周边：用数字看合作");
    assert_eq!(next, 2);
    assert!(lines.last().unwrap().contains("paragraphs 1 to 2 of 11; type article for more"), "{lines:#?}");
    let (_, next) = article(&loaded, 10, 5);
    assert_eq!(next, 0, "after the end, the article starts again");
}
