//! What the shell and `man` know of coopdash: completion scripts (`--completions SHELL`, by
//! clap_complete) and the manual page (`--man`, by clap_mangen), both made from the clap
//! definition, so they list exactly the flags the program takes. The man page adds the dataset
//! format, the keys (from the key table), the config file (from its option table), the files,
//! the environment and the exit codes; `--help` ends with the same examples and exit codes.

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::action::{HELP_SECTIONS, Keymap};
use crate::cli::Cli;
use crate::config::OPTIONS;

/// The end of `--help`: common commands and what the exit status means.
pub const AFTER_HELP: &str = "\
Examples:
  coopdash                              the dashboard of ./metrics.toml (or the built-in one)
  coopdash data/metrics.toml --present  the slides of a dataset, for a projector
  coopdash --check                      check the dataset and article, print every problem
  coopdash --snapshot 100x30            print the first screen as text, without a terminal
  coopdash --export deck.pdf --notes    the deck as a PDF handout with the speaker's notes
  coopdash --completions bash > ~/.local/share/bash-completion/completions/coopdash
                                        Tab completion for bash (also zsh, fish, elvish, powershell)

Exit status:
  0 success (--check: no errors; warnings alone pass)
  1 the dataset did not load (--check found errors; --snapshot or --export of a broken dataset)
  2 a usage error: a bad argument, no terminal, TERM=dumb, a broken config file
  129 the terminal went away; 128+N ended by signal N; 141 standard output was closed";

/// The exit codes, for the man page: (code, meaning).
const EXIT_CODES: &[(&str, &str)] = &[
    ("0", "Success. With --check: no errors (warnings alone pass)."),
    (
        "1",
        "The dataset did not load: --check found errors, or --snapshot, --export or --export-all met a dataset that does not load.",
    ),
    (
        "2",
        "A usage error: a bad argument, standard input or output not a terminal for the interactive dashboard, TERM=dumb, or a config file with errors.",
    ),
    ("128+N", "Ended by signal N, after restoring the terminal; 129 when the terminal went away (as SIGHUP)."),
    ("141", "Standard output was closed by its reader (--snapshot | head), as SIGPIPE would."),
];

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "coopdash", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, as roff (`man -l` reads it).
pub fn man_page() -> String {
    let command = Cli::command();
    let version = command.get_version().unwrap_or_default().to_owned();
    let man = Man::new(command).date("").source(format!("coopdash {version}")).manual("User Commands");
    let mut out = Vec::new();
    // Writing into memory does not fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut roff = Roff::default();
    dataset_section(&mut roff);
    keys_section(&mut roff);
    config_section(&mut roff);
    files_section(&mut roff);
    exit_section(&mut roff);
    examples_section(&mut roff);
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&roff.to_roff());
    text
}

/// A tagged paragraph: `tag` in bold, then `text`.
fn item(roff: &mut Roff, tag: &str, text: &str) {
    roff.control("TP", []).text([bold(tag)]).text([roman(text)]);
}

fn dataset_section(roff: &mut Roff) {
    roff.control("SH", ["DATASET FORMAT"]);
    roff.text([roman(
        "The dataset is a TOML file (metrics.toml by default). Only title and at least one [[metric]] are required; \
         coopdash --schema prints its JSON Schema, and coopdash --check lists every problem as file:line:col.",
    )]);
    item(
        roff,
        "title, subtitle, article",
        "The dashboard's title and second line; the path of the article (Markdown, or .txt), relative to the dataset.",
    );
    item(roff, "[source]", "name, title, url and date (a TOML date, 2025-04-10) of where the figures come from.");
    item(
        roff,
        "[[metric]]",
        "id, label, value, unit, bound (over, under, at least, at most, about), part_of (the id of a whole), since, as_of, note, quote (the article's words that state it), source.",
    );
    item(
        roff,
        "[[chart]]",
        "A bar chart: id, title, metrics (ids), direction, scale, sort; without any, one chart per unit.",
    );
    item(
        roff,
        "[[gauge]]",
        "A share of a whole: id, title, metric, of, note; without any, one per metric with a part_of.",
    );
    item(
        roff,
        "[[slide]]",
        "The presentation's slides in order: title, kind, chart, gauge, metric or metrics, caption, notes; without any, a deck is made from the charts, gauges and quoted metrics.",
    );
    roff.text([roman("The README's \"The dataset format\" section is the full reference.")]);
}

fn keys_section(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "Press ? in the program for this list. Every action can be rebound in the config file's [keys] table.",
    )]);
    let keys = Keymap::default();
    for (heading, context) in HELP_SECTIONS {
        roff.control("SS", [heading]);
        for row in keys.rows(context) {
            let names: Vec<String> = row.keys.iter().map(|k| k.name()).collect();
            item(roff, &names.join(" "), row.help);
        }
    }
}

fn config_section(roff: &mut Roff) {
    roff.control("SH", ["CONFIGURATION"]);
    roff.text([
        roman("coopdash reads "),
        bold("--config"),
        roman(" PATH, else "),
        italic("$COOPDASH_CONFIG"),
        roman(", else "),
        italic("$XDG_CONFIG_HOME/coopdash/config.toml"),
        roman(
            " (~/.config/coopdash/config.toml). Options sit at the top level under the long flags' names; flags on the \
             command line win. A file with errors stops coopdash with status 2; coopdash --config-schema prints its JSON Schema.",
        ),
    ]);
    for opt in OPTIONS {
        item(roff, opt.name, opt.about);
    }
    item(
        roff,
        "[keys]",
        "action = \"key\" or [\"key\", ...]: e.g. reload = [\"r\", \"F5\"], help = \"F1\". Ctrl-C always quits.",
    );
}

fn files_section(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    item(roff, "./metrics.toml", "The dataset shown when no FILE is given (else a built-in copy).");
    item(roff, "~/.config/coopdash/config.toml", "The config file ($XDG_CONFIG_HOME/coopdash/config.toml).");
    item(
        roff,
        "~/.local/state/coopdash/resume.toml",
        "Where --resume finds the slide a presentation ended on ($XDG_STATE_HOME/coopdash).",
    );
    roff.control("SH", ["ENVIRONMENT"]);
    item(roff, "NO_COLOR", "Set to anything but the empty string: no colours, whatever the theme.");
    item(roff, "COOPDASH_CONFIG", "The config file to read, when --config is not given.");
    item(
        roff,
        "XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_RUNTIME_DIR",
        "Where the config, the resume state and --follow's socket live.",
    );
}

fn exit_section(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        item(roff, code, meaning);
    }
}

fn examples_section(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    let examples = AFTER_HELP.lines().skip(1).take_while(|line| !line.is_empty());
    for line in examples {
        let line = line.trim_start();
        match line.split_once("  ") {
            Some((command, what)) => item(roff, command, what.trim()),
            // A command too long for the column: its explanation is the next line.
            None if line.starts_with("coopdash") => {
                roff.control("TP", []).text([bold(line)]);
            }
            None => {
                roff.text([roman(line)]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_has_every_section_and_flag() {
        let page = man_page();
        for section in [
            "NAME",
            "SYNOPSIS",
            "OPTIONS",
            "DATASET FORMAT",
            "KEYS",
            "CONFIGURATION",
            "FILES",
            "EXIT STATUS",
            "EXAMPLES",
        ] {
            assert!(
                page.contains(&format!(".SH \"{section}\"")) || page.contains(&format!(".SH {section}")),
                "{section}"
            );
        }
        for arg in Cli::command().get_arguments().filter_map(|a| a.get_long()) {
            assert!(page.contains(&arg.replace('-', "\\-")), "--{arg}");
        }
    }

    #[test]
    fn help_ends_with_examples_and_exit_codes() {
        let help = Cli::command().render_long_help().to_string();
        assert!(help.trim_end().ends_with("141 standard output was closed"), "{help}");
        assert!(help.contains("Examples:\n  coopdash "));
    }
}
