//! `coopdash --check`: every problem of the dataset and its article, then a one-line summary.

use std::io::Write;

use crate::load::{LoadRequest, count, load};

/// Prints the report to `out` and returns the exit status: 0 without errors (warnings alone
/// still pass), 1 with errors.
pub fn check(request: &LoadRequest, out: &mut impl Write) -> std::io::Result<u8> {
    let name = request.dataset.display_name();
    let (diagnostics, summary) = match load(request) {
        Ok(loaded) => {
            let d = &loaded.dataset;
            let summary = format!(
                "{} metric{}, {} chart{}, {} gauge{}",
                d.metrics.len(),
                plural(d.metrics.len()),
                d.charts.len(),
                plural(d.charts.len()),
                d.gauges.len(),
                plural(d.gauges.len())
            );
            (loaded.warnings, summary)
        }
        Err(error) => (error.diagnostics, "not loaded".to_owned()),
    };
    for diagnostic in &diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let (errors, warnings) = count(&diagnostics);
    writeln!(
        out,
        "{name}: {}; {errors} error{}, {warnings} warning{}",
        if errors == 0 { format!("ok, {summary}") } else { summary },
        plural(errors),
        plural(warnings)
    )?;
    Ok(u8::from(errors > 0))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
