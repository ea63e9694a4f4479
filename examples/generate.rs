//! Writes a generated dataset and article, for trying coopdash at scale:
//!
//! ```sh
//! cargo run --release --example generate -- DIR [METRICS] [ARTICLE_LINES]
//! cargo run --release -- DIR/metrics.toml
//! ```

#[path = "support/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "generated".to_owned()));
    let metrics: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let lines: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    std::fs::create_dir_all(&dir).expect("the folder can be created");
    std::fs::write(dir.join("article.md"), generate::article(lines, 1)).expect("written");
    std::fs::write(dir.join("metrics.toml"), generate::dataset(metrics, Some("article.md"))).expect("written");
    println!(
        "wrote {} ({metrics} metrics) and {} ({lines} lines)",
        dir.join("metrics.toml").display(),
        dir.join("article.md").display()
    );
}
