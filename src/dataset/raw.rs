//! The serde mirror of `metrics.toml`: exactly what the file may say, nothing validated yet.
//!
//! Every field a rule may complain about is wrapped in [`Spanned`], so the complaint can point at
//! its line and column. Unknown keys are rejected (`deny_unknown_fields`) so typos are caught.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub title: Spanned<String>,
    pub subtitle: Option<String>,
    pub article: Option<Spanned<String>>,
    pub source: Option<RawSource>,
    #[serde(default, rename = "metric")]
    pub metrics: Vec<RawMetric>,
    #[serde(default, rename = "chart")]
    pub charts: Vec<RawChart>,
    #[serde(default, rename = "gauge")]
    pub gauges: Vec<RawGauge>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub name: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<Spanned<Datetime>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    pub id: Spanned<String>,
    pub label: Option<String>,
    pub value: Spanned<f64>,
    pub unit: Option<String>,
    pub bound: Option<RawBound>,
    pub part_of: Option<Spanned<String>>,
    pub since: Option<Spanned<Datetime>>,
    pub as_of: Option<Spanned<Datetime>>,
    pub note: Option<String>,
    pub quote: Option<Spanned<String>>,
    pub source: Option<String>,
}

/// How the source qualifies a figure ("exceeded 50 million" is `over`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub title: String,
    pub metrics: Spanned<Vec<Spanned<String>>>,
    pub direction: Option<RawDirection>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawDirection {
    Horizontal,
    Vertical,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGauge {
    pub title: Option<String>,
    pub metric: Spanned<String>,
    pub of: Option<Spanned<String>>,
    pub note: Option<String>,
}

/// Every key the format knows, for "did you mean" hints on unknown keys.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "article",
    "source",
    "metric",
    "chart",
    "gauge",
    "name",
    "url",
    "date",
    "id",
    "label",
    "value",
    "unit",
    "bound",
    "part_of",
    "since",
    "as_of",
    "note",
    "quote",
    "metrics",
    "direction",
    "metric",
    "of",
];
