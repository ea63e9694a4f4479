//! `coopdash --check`: every problem of the dataset and its article, then a one-line summary.

use std::io::Write;

use crate::dataset::report::{self, Paint};
use crate::load::{LoadRequest, count, load};

/// Lines of source are cut to this width (annotate-snippets' default, as rustc's).
const WIDTH: usize = 140;

/// Prints the report to `out` and returns the exit status: 0 without errors (warnings alone
/// still pass), 1 with errors. Each problem is shown as a compiler shows it (its source line, a
/// caret, a hint), in colour with [`Paint::Colour`].
pub fn check(request: &LoadRequest, out: &mut impl Write, paint: Paint) -> std::io::Result<u8> {
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
    write!(out, "{}", report::render_all(&diagnostics, paint, WIDTH))?;
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
