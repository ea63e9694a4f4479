//! Loading everything the screen shows: the dataset, the article it names (or the one given on
//! the command line), and the cross-check between them (quotes that must occur in the article).

mod ahead;
mod ask;
mod found;
mod history;
mod quotes;
mod said;

pub use ask::{LoadAsk, LoadOutcome};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::Article;
use crate::dataset::{self, Dataset, Diagnostic, Origin, Severity, read};
use crate::provenance::{Evidence, QuotePlace};
use crate::text::sanitize_line;

/// The bundled dataset and article, compiled in: `coopdash` works from any folder.
pub const BUILTIN_DATASET: &str = include_str!("../../metrics.toml");
pub const BUILTIN_ARTICLE: &str = include_str!("../../assets/article.md");
const BUILTIN_NAME: &str = "metrics.toml (built-in)";
const BUILTIN_ARTICLE_NAME: &str = "assets/article.md (built-in)";

/// Where the dataset comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetSource {
    /// A file on disk, named as the user gave it.
    File(PathBuf),
    /// The copy compiled into the binary.
    Builtin,
}

impl DatasetSource {
    /// How the dataset is named in messages.
    pub fn display_name(&self) -> String {
        match self {
            // A file name is text from outside too: it may hold escape characters.
            DatasetSource::File(path) => sanitize_line(&path.display().to_string()).into_owned(),
            DatasetSource::Builtin => BUILTIN_NAME.to_owned(),
        }
    }
}

/// What to load: the dataset, and optionally an article that replaces the dataset's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadRequest {
    pub dataset: DatasetSource,
    pub article_override: Option<PathBuf>,
}

/// The article, with the name it is shown under. The article is shared: a reload that finds
/// the same text takes the article already parsed, and old and new data hold one copy.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedArticle {
    pub name: String,
    pub article: Arc<Article>,
}

/// A successful load: a valid dashboard, its article if it has one, where each metric's quote
/// stands in it, and the warnings found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub article: Option<NamedArticle>,
    pub evidence: Evidence,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// Puts a dashboard and its article together: places the quotes, and warns (as `file`) of
    /// every quote that is not in the article.
    pub fn assemble(dataset: Dataset, article: Option<NamedArticle>, file: &str) -> Self {
        let evidence = match &article {
            Some(named) => {
                let texts: Vec<&str> =
                    dataset.metrics.iter().map(|m| m.quote.as_ref().map_or("", |q| q.text.as_str())).collect();
                let found = found::quotes_in(&named.article, &texts);
                let places = found.iter().map(|f| f.place).collect();
                Evidence::found(places, found.into_iter().flat_map(|f| f.numbers).collect())
            }
            None => Evidence::of(&dataset, None),
        };
        let mut warnings = match &article {
            Some(named) => missing_quotes(&dataset, &evidence, &named.name, file),
            None => Vec::new(),
        };
        let name = article.as_ref().map_or("", |a| a.name.as_str());
        warnings.extend(history::warnings(&dataset, article.as_ref().map(|a| &a.article), name, file));
        warnings.sort_by_key(|d| d.position);
        Self { dataset, article, evidence, warnings }
    }

    /// Where `metric`'s quote stands in the article, with the sentence around it.
    pub fn evidence_place(&self, metric: usize) -> Option<QuotePlace> {
        self.evidence.place(metric, &self.article.as_ref()?.article)
    }
}

/// A failed load: every error found, each as `file:line:col: message`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl From<Diagnostic> for LoadError {
    fn from(diagnostic: Diagnostic) -> Self {
        Self { diagnostics: vec![diagnostic] }
    }
}

/// Loads the dataset and its article and checks the quotes. Never panics, whatever the files hold.
pub fn load(request: &LoadRequest) -> Result<Loaded, LoadError> {
    let file = request.dataset.display_name();
    let (text, base_dir) = match &request.dataset {
        DatasetSource::File(path) => {
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (normalise_line_breaks(read::read_text(path, &file)?), base)
        }
        DatasetSource::Builtin => (BUILTIN_DATASET.to_owned(), PathBuf::new()),
    };
    let origin = Origin { text: &text, file: &file, base_dir: &base_dir };
    let (dataset, wrong, article) = std::thread::scope(|scope| {
        let early = ahead::start(scope, request, &text, &base_dir);
        let dataset = dataset::parse_reusing(&origin)
            .map_err(|diagnostics| LoadError { diagnostics: sourced(diagnostics, &file, &text) })?;
        // While a large article may still be read and searched on its thread.
        let wrong = quotes::contradictions(&dataset);
        let article = load_article(request, &dataset, &file, early)
            .map_err(|error| LoadError { diagnostics: sourced(error.diagnostics, &file, &text) })?;
        Ok::<_, LoadError>((dataset, wrong, article))
    })?;
    let (article, article_text) = article.unzip();
    let mut loaded = Loaded::assemble(dataset, article, &file);
    let source = loaded.article.as_ref().zip(article_text.as_deref());
    let source = source.map(|(named, text)| quotes::ArticleSource { name: &named.name, text });
    let contradicted = quotes::warn_of(wrong, &loaded.dataset, &loaded.evidence, &file, source);
    let mut warnings = std::mem::take(&mut loaded.warnings);
    warnings.extend(contradicted);
    warnings = sourced(warnings, &file, &text);
    if let Some((named, article_text)) = loaded.article.as_ref().zip(article_text.as_deref())
        && warnings.iter().any(|w| w.file == named.name)
    {
        // Sanitising a large article costs; only warnings about it need its lines.
        warnings = sourced(warnings, &named.name, &crate::text::sanitize(article_text));
    }
    loaded.warnings = warnings;
    Ok(loaded)
}

/// The diagnostics, those about `file` with the source line they point at (for the snippet
/// under the message).
fn sourced(mut diagnostics: Vec<Diagnostic>, file: &str, text: &str) -> Vec<Diagnostic> {
    let mut lines: Option<Vec<&str>> = None;
    for diagnostic in diagnostics.iter_mut().filter(|d| d.file == file) {
        diagnostic.attach_line(lines.get_or_insert_with(|| text.split('\n').collect()));
    }
    diagnostics
}

/// Old Mac files end lines with a lone CR, which TOML rejects: read it as a line break. Each
/// CR becomes one LF, so byte offsets (and every line:col) stay true.
fn normalise_line_breaks(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let lone_cr = c == '\r' && bytes.get(i + 1) != Some(&b'\n');
        out.push(if lone_cr { '\n' } else { c });
    }
    out
}

/// The article and its text as the file has it (to locate quotes in it by line and column),
/// taken from `early` if that read the right file.
fn load_article(
    request: &LoadRequest,
    dataset: &Dataset,
    dataset_file: &str,
    early: Option<ahead::Early<'_>>,
) -> Result<Option<(NamedArticle, String)>, LoadError> {
    if let Some(path) = &request.article_override {
        return Ok(Some(ahead::article_at(path, early)?));
    }
    if request.dataset == DatasetSource::Builtin {
        let article = Article::from_markdown(BUILTIN_ARTICLE);
        let article = Arc::new(article);
        return Ok(Some((NamedArticle { name: BUILTIN_ARTICLE_NAME.to_owned(), article }, BUILTIN_ARTICLE.to_owned())));
    }
    let Some(reference) = &dataset.article else {
        return Ok(None);
    };
    let article = ahead::article_at(&reference.path, early).map_err(|problem| {
        // Point at the `article` key too: that is where the fix usually goes.
        let message = format!("article {}: {}", problem.location(), problem.message);
        Diagnostic::error(dataset_file, Some(reference.position), message)
    })?;
    Ok(Some(article))
}

/// A warning for every quote that does not occur in the article. Not an error: the same data may
/// be shown beside another article.
fn missing_quotes(dataset: &Dataset, evidence: &Evidence, article_name: &str, file: &str) -> Vec<Diagnostic> {
    dataset
        .metrics
        .iter()
        .enumerate()
        .filter(|(index, _)| evidence.quote(*index).is_none())
        .filter_map(|(_, metric)| {
            let quote = metric.quote.as_ref()?;
            let message = format!("quote of `{}` not found in {article_name}: \"{}\"", metric.id, quote.text);
            let quoted = quote.text.chars().count() + 2;
            Some(Diagnostic::warning(file, Some(quote.position), message).spanning(quoted))
        })
        .collect()
}

/// Counts errors and warnings, for one-line summaries.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

/// The dataset the program uses when none is named on the command line.
pub const DEFAULT_DATASET: &str = "metrics.toml";

impl LoadRequest {
    /// What to load for a command line: the named file; else `metrics.toml` in the working
    /// folder; else the built-in dataset (the second value says that this fallback happened).
    pub fn resolve(file: Option<PathBuf>, article_override: Option<PathBuf>) -> (Self, bool) {
        let (dataset, fell_back) = match file {
            Some(path) => (DatasetSource::File(path), false),
            None if Path::new(DEFAULT_DATASET).exists() => (DatasetSource::File(DEFAULT_DATASET.into()), false),
            None => (DatasetSource::Builtin, true),
        };
        (Self { dataset, article_override }, fell_back)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_shown_safely() {
        let source = DatasetSource::File(PathBuf::from("data/\u{1b}[2Jevil.toml"));
        assert_eq!(source.display_name(), "data/␛[2Jevil.toml");
    }

    #[test]
    fn lone_carriage_returns_become_line_breaks_in_place() {
        assert_eq!(normalise_line_breaks("a\rb\r\nc\r".to_owned()), "a\nb\r\nc\n");
        assert_eq!(normalise_line_breaks("plain".to_owned()), "plain");
    }

    #[test]
    fn a_reload_with_a_quote_changed_finds_every_quote_where_a_first_load_does() {
        let dir = tempfile::tempdir().unwrap();
        let article: String = (0..3_000).map(|i| format!("Paragraph {i} counts {i} ports.\n\n")).collect();
        std::fs::write(dir.path().join("a.md"), &article).unwrap();
        let metric = |i: usize, quote: &str| format!("[[metric]]\nid = \"m{i}\"\nvalue = {i}\nquote = \"{quote}\"\n");
        let dataset = |changed: &str| -> String {
            let mut text = "title = \"T\"\narticle = \"a.md\"\n".to_owned();
            text.extend((0..50).map(|i| metric(i, &format!("Paragraph {i} counts {i}"))));
            text + &metric(50, changed)
        };
        let path = dir.path().join("m.toml");
        let request = LoadRequest { dataset: DatasetSource::File(path.clone()), article_override: None };
        for changed in ["Paragraph 2999 counts 2999", "not in the article", "Paragraph 7 counts 7"] {
            std::fs::write(&path, dataset(changed)).unwrap();
            let loaded = load(&request).expect("loads");
            let named = loaded.article.as_ref().unwrap();
            assert_eq!(loaded.evidence, Evidence::of(&loaded.dataset, Some(&named.article)), "after {changed}");
            let warned = loaded.warnings.iter().any(|w| w.message.contains("not in the article"));
            assert_eq!(warned, changed == "not in the article");
        }
    }
}
