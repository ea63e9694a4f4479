//! The commands of `--linear`, one a line: parsed here, carried out by the session.

/// What a line of input asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The next value (a bar of a chart, then the shares).
    Next,
    Previous,
    /// Everything about the current value, as the details window shows it.
    Details,
    /// The values and article paragraphs that hold a word.
    Search(String),
    /// The next paragraphs of the article (five unless a number is given).
    Article(Option<usize>),
    /// Slide N of the presentation (from 1); `None`: the slide after the last one read.
    Slide(Option<usize>),
    /// The charts and how many values each has.
    Charts,
    /// The whole dashboard again, from the top.
    Read,
    Help,
    Quit,
    /// An empty line: nothing to do.
    Nothing,
}

/// Each command's name, what it takes, and what it does: for `help` and for did-you-mean.
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("next", "", "the next value: a bar of a chart, then the shares (n)"),
    ("previous", "", "the value before (p)"),
    ("details", "", "everything about the current value: its quote, source, period (d)"),
    ("search", " WORD", "the values and article paragraphs that hold WORD (s WORD, or /WORD)"),
    ("article", " [N]", "the next N paragraphs of the article (5 if no N is given; a)"),
    ("slide", " [N]", "slide N of the presentation, or the next slide"),
    ("charts", "", "the charts and how many values each has (c)"),
    ("read", "", "the whole dashboard again, from the top (r)"),
    ("help", "", "this list (h, ?)"),
    ("quit", "", "leave (q; the end of the input leaves too)"),
];

/// The lines `help` prints.
pub fn help() -> Vec<String> {
    let mut lines = vec!["Commands, one a line:".to_owned()];
    lines.extend(COMMANDS.iter().map(|(name, takes, about)| format!("{name}{takes}: {about}.")));
    lines
}

/// Parses one line. A word that is no command comes back as the one-line hint to print.
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim();
    if let Some(word) = line.strip_prefix('/') {
        return Ok(Command::Search(word.trim().to_owned()));
    }
    let (head, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(h, r)| (h, r.trim()));
    let name = head.to_lowercase();
    let number = |what: &str| -> Result<Option<usize>, String> {
        if rest.is_empty() {
            return Ok(None);
        }
        match rest.parse::<usize>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(format!("{what} takes a number from 1, not “{rest}”: e.g. {what} 3.")),
        }
    };
    let command = match name.as_str() {
        "" => Command::Nothing,
        "next" | "n" => Command::Next,
        "previous" | "prev" | "p" => Command::Previous,
        "details" | "detail" | "d" => Command::Details,
        "search" | "s" | "find" => Command::Search(rest.to_owned()),
        "article" | "a" => Command::Article(number("article")?),
        "slide" => Command::Slide(number("slide")?),
        "charts" | "chart" | "c" => Command::Charts,
        "read" | "r" | "all" => Command::Read,
        "help" | "h" | "?" => Command::Help,
        "quit" | "q" | "exit" => Command::Quit,
        _ => return Err(unknown(head)),
    };
    Ok(command)
}

/// `Unknown command “nxet”: did you mean next? Type help for the commands.`
fn unknown(word: &str) -> String {
    let guess = crate::dataset::hint::closest(&word.to_lowercase(), COMMANDS.iter().map(|(name, _, _)| *name));
    let guess = guess.map(|name| format!(" did you mean {name}?")).unwrap_or_default();
    format!("Unknown command “{word}”:{guess} Type help for the commands.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_their_short_names_and_arguments() {
        assert_eq!(parse("next"), Ok(Command::Next));
        assert_eq!(parse("  N  "), Ok(Command::Next));
        assert_eq!(parse("prev"), Ok(Command::Previous));
        assert_eq!(parse("search rail way"), Ok(Command::Search("rail way".to_owned())));
        assert_eq!(parse("/铁路"), Ok(Command::Search("铁路".to_owned())));
        assert_eq!(parse("article"), Ok(Command::Article(None)));
        assert_eq!(parse("article 12"), Ok(Command::Article(Some(12))));
        assert_eq!(parse("slide 3"), Ok(Command::Slide(Some(3))));
        assert_eq!(parse(""), Ok(Command::Nothing));
        assert_eq!(parse("QUIT"), Ok(Command::Quit));
    }

    #[test]
    fn a_bad_number_says_what_is_expected() {
        assert_eq!(parse("slide 0"), Err("slide takes a number from 1, not “0”: e.g. slide 3.".to_owned()));
        assert!(parse("article lots").unwrap_err().contains("takes a number"));
    }

    #[test]
    fn an_unknown_word_gets_a_one_line_hint_with_a_guess() {
        assert_eq!(
            parse("nxet"),
            Err("Unknown command “nxet”: did you mean next? Type help for the commands.".to_owned())
        );
        assert_eq!(
            parse("detials 3"),
            Err("Unknown command “detials”: did you mean details? Type help for the commands.".to_owned())
        );
        assert_eq!(parse("zzzzzz"), Err("Unknown command “zzzzzz”: Type help for the commands.".to_owned()));
    }

    #[test]
    fn help_lists_every_command() {
        let help = help().join("\n");
        for (name, _, _) in COMMANDS {
            assert!(help.contains(&format!("\n{name}")), "{name}");
        }
    }
}
