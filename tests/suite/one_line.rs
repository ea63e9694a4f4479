//! `--check` prints each problem as a compiler does (message, ` --> file:line:col`, the source
//! line, a caret, a hint). Tests that only care what was found and where read it back as one
//! line per problem, `file:line:col: message (hint)`, the way `Diagnostic` displays it.

/// The report with each problem on one line; other lines (the summary) as they are.
pub fn one_line(report: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for line in report.lines() {
        let trimmed = line.trim_start();
        if let Some(message) = line.strip_prefix("error: ") {
            pending = Some(message.to_owned());
        } else if let Some(message) = line.strip_prefix("warning: ") {
            pending = Some(format!("warning: {message}"));
        } else if let Some(place) = trimmed.strip_prefix("--> ").filter(|_| pending.is_some()) {
            out.push(format!("{place}: {}", pending.take().unwrap_or_default()));
        } else if let Some(hint) = trimmed.strip_prefix("= help: ") {
            if let Some(last) = out.last_mut() {
                last.push_str(&format!(" ({hint})"));
            }
        } else if pending.is_none() && !line.is_empty() && !trimmed.starts_with('|') && !starts_with_gutter(trimmed) {
            out.push(line.to_owned());
        }
    }
    out.into_iter().map(|l| l + "\n").collect()
}

/// `12 | value = 1`: a numbered source line.
fn starts_with_gutter(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].trim_start().starts_with('|')
}
