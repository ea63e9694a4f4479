//! The serde mirror of `metrics.toml`: exactly what the file may say, nothing validated yet.
//!
//! Every field a rule may complain about is wrapped in [`Spanned`], so the complaint can point at
//! its line and column. Unknown keys are rejected (`deny_unknown_fields`) so typos are caught.
//! The same types derive the JSON Schema (`coopdash --schema`); the doc comments below are the
//! descriptions editors show.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// A coopdash dataset: metrics, and the charts and gauges that show them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "coopdash dataset")]
pub struct RawDataset {
    /// The dashboard's title (required).
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// A second line under the title.
    pub subtitle: Option<String>,
    /// Path of the article (Markdown, or .txt), relative to this file.
    #[schemars(with = "Option<String>")]
    pub article: Option<Spanned<String>>,
    /// Where the figures come from.
    pub source: Option<RawSource>,
    /// The figures (at least one).
    #[serde(default, rename = "metric")]
    pub metrics: Vec<RawMetric>,
    /// Bar and line charts; without any, one bar chart per unit.
    #[serde(default, rename = "chart")]
    pub charts: Vec<RawChart>,
    /// Shares of a whole; without any, one per metric with a `part_of`.
    #[serde(default, rename = "gauge")]
    pub gauges: Vec<RawGauge>,
    /// The presentation's slides, in order; without any, a deck is made from the charts, gauges
    /// and quoted metrics.
    #[serde(default, rename = "slide")]
    #[schemars(with = "Vec<RawSlide>")]
    pub slides: Vec<Spanned<RawSlide>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The outlet or publisher.
    pub name: Option<String>,
    /// The title of the report.
    pub title: Option<String>,
    /// A link to it.
    pub url: Option<String>,
    /// Its publication date (a TOML date: 2025-04-10).
    #[schemars(with = "Option<TomlDate>")]
    pub date: Option<Spanned<Datetime>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    /// Unique; lowercase letters, digits and _. Charts and gauges refer to metrics by id.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9_]+$"))]
    pub id: Spanned<String>,
    /// What the number counts (defaults to the id).
    pub label: Option<String>,
    /// The figure, in `unit`: finite and >= 0. Required unless the metric has a `history`, whose
    /// last point it then is.
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 9_007_199_254_740_992.0))]
    pub value: Option<Spanned<super::figure::RawNumber>>,
    /// "countries"; a tonnage "t", "kt", "Mt" or "Gt"; or any other word. Default: a plain number.
    pub unit: Option<String>,
    /// How the source qualifies the figure ("exceeded 50 million" is "over").
    pub bound: Option<RawBound>,
    /// Id of the whole this metric is a part of (same unit, not smaller).
    #[schemars(with = "Option<String>")]
    pub part_of: Option<Spanned<String>>,
    /// First day the figure covers.
    #[schemars(with = "Option<TomlDate>")]
    pub since: Option<Spanned<Datetime>>,
    /// Last day the figure covers.
    #[schemars(with = "Option<TomlDate>")]
    pub as_of: Option<Spanned<Datetime>>,
    /// A sentence of context.
    pub note: Option<String>,
    /// A phrase of the article that states the figure: its evidence.
    #[schemars(with = "Option<String>")]
    pub quote: Option<Spanned<String>>,
    /// A URL, for a fact that is not in the article.
    pub source: Option<String>,
    /// Earlier figures of the same series, oldest first, dates strictly increasing. The metric's
    /// own `value` and `as_of` are its latest point (after the history, or equal to its last
    /// point); without them the last point is the metric's value. Written inline
    /// (`history = [{ date = 2022-12-02, value = 11.2 }]`) or as `[[metric.history]]` tables.
    #[serde(default)]
    #[schemars(with = "Vec<RawPoint>")]
    pub history: Vec<Spanned<RawPoint>>,
}

/// One point of a metric's history: a figure at a date, with its own evidence.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    /// The day the figure stands for (a TOML date: 2022-12-02).
    #[schemars(with = "TomlDate")]
    pub date: Spanned<Datetime>,
    /// The figure, in the metric's unit: finite and >= 0.
    #[schemars(with = "f64", range(min = 0.0, max = 9_007_199_254_740_992.0))]
    pub value: Spanned<super::figure::RawNumber>,
    /// The metric's unit, if written here too: a metric has one unit, so it must be the same.
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    /// How the source qualifies this figure ("exceeded 50 million" is "over").
    pub bound: Option<RawBound>,
    /// A phrase of the article that states this figure.
    #[schemars(with = "Option<String>")]
    pub quote: Option<Spanned<String>>,
    /// A URL of the report that gives this figure.
    pub source: Option<String>,
    /// A sentence of context (for one, that the date is the report's rather than the count's).
    pub note: Option<String>,
}

/// How the source qualifies a figure ("exceeded 50 million" is `over`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum RawBound {
    #[serde(rename = "over")]
    Over,
    #[serde(rename = "under")]
    Under,
    #[serde(rename = "at least")]
    AtLeast,
    #[serde(rename = "at most")]
    AtMost,
    #[serde(rename = "about")]
    About,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    /// A name for slides to refer to (lowercase letters, digits and _).
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z0-9_]+$"))]
    pub id: Option<Spanned<String>>,
    /// Shown on the chart's frame.
    pub title: String,
    /// Metric ids in bar (or legend) order, all of one unit.
    #[schemars(with = "Vec<String>")]
    pub metrics: Spanned<Vec<Spanned<String>>>,
    /// Default: horizontal when labels are long.
    pub direction: Option<RawDirection>,
    /// How bar lengths follow the values: "linear" (default) or "log", for values of very
    /// different sizes (each bar's length then grows with the value's number of digits).
    #[schemars(with = "Option<RawScale>")]
    pub scale: Option<Spanned<RawScale>>,
    /// The order of the bars: "value" puts the largest first; default, the order of `metrics`.
    /// A table opens sorted by its "value", "label", "as_of" or "change" column (and `s` sorts
    /// it by another).
    #[schemars(with = "Option<RawSort>")]
    pub sort: Option<Spanned<RawSort>>,
    /// "bar" (default): a bar per metric; "line": each metric's history over time, a metric
    /// without a history being one point at its `as_of`; "table": a row per metric (value, unit,
    /// as-of date, change since the previous point, sparkline), metrics of any units.
    pub kind: Option<RawChartKind>,
}

/// What a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawChartKind {
    /// A bar per metric, at its latest value.
    #[default]
    Bar,
    /// Each metric's history as a line over a time axis.
    Line,
    /// A row per metric, of any unit: value, unit, as-of date, change, sparkline.
    Table,
}

/// How bar lengths follow the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawScale {
    #[default]
    Linear,
    Log,
}

/// The order of a chart's bars, or the column a table opens sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawSort {
    /// Largest value first.
    Value,
    /// A table only: by label, A to Z.
    Label,
    /// A table only: the newest as-of date first.
    #[serde(rename = "as_of")]
    AsOf,
    /// A table only: the largest change since the previous point first.
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawDirection {
    Horizontal,
    Vertical,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGauge {
    /// A name for slides to refer to (lowercase letters, digits and _).
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z0-9_]+$"))]
    pub id: Option<Spanned<String>>,
    /// Shown beside the gauge (defaults to the metric's label).
    pub title: Option<String>,
    /// Id of the part.
    #[schemars(with = "String")]
    pub metric: Spanned<String>,
    /// Id of the whole (defaults to the metric's `part_of`).
    #[schemars(with = "Option<String>")]
    pub of: Option<Spanned<String>>,
    /// What the share means; above all, what the denominator is.
    pub note: Option<String>,
}

/// One slide of the presentation: exactly one of `chart`, `gauge`, `metric`, `metrics` or
/// `kind` says what it shows.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSlide {
    /// The slide's heading (defaults to the title of what it shows).
    pub title: Option<String>,
    /// Id of a chart to show.
    #[schemars(with = "Option<String>")]
    pub chart: Option<Spanned<String>>,
    /// Id of a gauge to show.
    #[schemars(with = "Option<String>")]
    pub gauge: Option<Spanned<String>>,
    /// Id of a metric to show as a big number.
    #[schemars(with = "Option<String>")]
    pub metric: Option<Spanned<String>>,
    /// Ids of metrics (of one unit) to show as a bar chart.
    #[schemars(with = "Option<Vec<String>>")]
    pub metrics: Option<Spanned<Vec<Spanned<String>>>>,
    /// "title" for the title slide, "sources" for the list of sources.
    pub kind: Option<RawSlideKind>,
    /// A line under the content.
    pub caption: Option<String>,
    /// The speaker's notes (Markdown), shown in the presenter view, never to the audience.
    /// Without them a slide of a metric or gauge takes that metric's or gauge's `note`.
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawSlideKind {
    Title,
    Sources,
}

/// A TOML local date such as 2021-12-03 (TOML editors check dates as strings of format "date").
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct TomlDate(#[schemars(extend("format" = "date"))] String);

/// Every key the format knows, for "did you mean" hints on unknown keys.
#[rustfmt::skip]
pub const KNOWN_KEYS: &[&str] = &[
    "title", "subtitle", "article", "source", "metric", "chart", "gauge", "slide", "name", "url", "date", "id",
    "label", "value", "unit", "bound", "part_of", "since", "as_of", "note", "quote", "metrics", "direction", "of",
    "kind", "caption", "scale", "sort", "notes", "history",
];

/// The JSON Schema of the format, pretty-printed, ending in a newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawDataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
