//! The follow protocol: short text lines over a local socket, versioned by the greeting.
//!
//! ```text
//! presenter → follower            follower → presenter
//! coopdash-follow 1               coopdash-follow 1
//! place <slide> <blank>           next | prev | first | last | blank | restart
//! pause                           go <slide>
//!                                 viewers <count>
//! ```
//!
//! Each side's first line names the protocol and its version; a side that reads another
//! version hangs up. `viewers` is not a clicker's action: `coopdash serve` following the
//! presentation says how many viewers it has (the presenter view shows it). `<slide>` counts from 1; `<blank>` is `0` or `1`. `pause` says the
//! presenter left its slides for the dashboard. Lines end with `\n` and hold at most
//! [`MAX_LINE`] bytes; unknown lines are skipped (room for later versions), a longer line ends
//! the connection.

/// The first line of either side.
pub const GREETING: &str = "coopdash-follow 1";

/// The longest line either side accepts, `\n` included.
pub const MAX_LINE: usize = 64;

/// What the presenter tells its followers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// The presentation stands on `slide` (0-based here, 1-based on the wire).
    Place { slide: usize, blank: bool },
    /// The presenter is on its dashboard: no slide to follow for now.
    Pause,
}

/// What a follower asks of the presenter: a clicker's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Next,
    Prev,
    First,
    Last,
    Blank,
    Restart,
    /// Go to this slide (0-based here, 1-based on the wire).
    Go(usize),
    /// `coopdash serve` has this many viewers following (for the presenter view).
    Viewers(usize),
}

impl Told {
    /// The line for the wire, `\n` included.
    pub fn line(self) -> String {
        match self {
            Told::Place { slide, blank } => format!("place {} {}\n", slide.saturating_add(1), u8::from(blank)),
            Told::Pause => "pause\n".to_owned(),
        }
    }

    /// Reads one line (without its `\n`); `None` for a line this version does not know.
    pub fn parse(line: &str) -> Option<Self> {
        let mut words = line.split_ascii_whitespace();
        let told = match words.next()? {
            "place" => {
                let slide = words.next()?.parse::<usize>().ok()?.checked_sub(1)?;
                let blank = match words.next()? {
                    "0" => false,
                    "1" => true,
                    _ => return None,
                };
                Told::Place { slide, blank }
            }
            "pause" => Told::Pause,
            _ => return None,
        };
        words.next().is_none().then_some(told)
    }
}

impl Asked {
    /// The line for the wire, `\n` included.
    pub fn line(self) -> String {
        let word = match self {
            Asked::Next => "next",
            Asked::Prev => "prev",
            Asked::First => "first",
            Asked::Last => "last",
            Asked::Blank => "blank",
            Asked::Restart => "restart",
            Asked::Go(slide) => return format!("go {}\n", slide.saturating_add(1)),
            Asked::Viewers(count) => return format!("viewers {count}\n"),
        };
        format!("{word}\n")
    }

    /// Reads one line (without its `\n`); `None` for a line this version does not know.
    pub fn parse(line: &str) -> Option<Self> {
        let mut words = line.split_ascii_whitespace();
        let asked = match words.next()? {
            "next" => Asked::Next,
            "prev" => Asked::Prev,
            "first" => Asked::First,
            "last" => Asked::Last,
            "blank" => Asked::Blank,
            "restart" => Asked::Restart,
            "go" => Asked::Go(words.next()?.parse::<usize>().ok()?.checked_sub(1)?),
            "viewers" => Asked::Viewers(words.next()?.parse::<usize>().ok()?),
            _ => return None,
        };
        words.next().is_none().then_some(asked)
    }
}

/// Reads lines of at most [`MAX_LINE`] bytes from a stream, blocking.
pub struct Lines<R> {
    reader: std::io::BufReader<R>,
}

impl<R: std::io::Read> Lines<R> {
    pub fn new(reader: R) -> Self {
        Self { reader: std::io::BufReader::with_capacity(MAX_LINE * 4, reader) }
    }

    /// The stream read from.
    pub fn into_inner(self) -> R {
        self.reader.into_inner()
    }

    /// The next line without its `\n` (bytes that are not UTF-8 make it a line nobody knows);
    /// `None` at the end of the stream, on an error, or for a line longer than [`MAX_LINE`]:
    /// the connection is over.
    pub fn next_line(&mut self) -> Option<String> {
        use std::io::{BufRead, Read};
        let mut line = Vec::new();
        let read = (&mut self.reader).take(MAX_LINE as u64).read_until(b'\n', &mut line).ok()?;
        if read == 0 || line.last() != Some(&b'\n') {
            return None;
        }
        line.pop();
        Some(String::from_utf8(line).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_reads_back_as_written() {
        for told in [Told::Place { slide: 0, blank: false }, Told::Place { slide: 41, blank: true }, Told::Pause] {
            assert_eq!(Told::parse(told.line().trim_end()), Some(told));
        }
        let asked = [
            Asked::Next,
            Asked::Prev,
            Asked::First,
            Asked::Last,
            Asked::Blank,
            Asked::Restart,
            Asked::Go(6),
            Asked::Viewers(0),
            Asked::Viewers(100),
        ];
        for asked in asked {
            assert_eq!(Asked::parse(asked.line().trim_end()), Some(asked));
        }
        assert_eq!(Told::Place { slide: 2, blank: true }.line(), "place 3 1\n");
        assert_eq!(Asked::Go(0).line(), "go 1\n");
    }

    #[test]
    fn garbage_is_no_line_at_all() {
        for bad in ["", "place", "place 0 0", "place 1 2", "place 1 0 extra", "place -1 0", "go", "go 0", "go x", "nxt"]
        {
            assert_eq!(Told::parse(bad), None, "{bad}");
            assert_eq!(Asked::parse(bad), None, "{bad}");
        }
        assert_eq!(Told::parse("place 99999999999999999999999 0"), None);
    }

    #[test]
    fn lines_are_cut_at_the_limit_and_a_long_one_ends_the_stream() {
        let long = "x".repeat(MAX_LINE * 10);
        let input = format!("next\n\u{fffd}\nprev\n{long}\nlast\n");
        let mut lines = Lines::new(input.as_bytes());
        assert_eq!(lines.next_line().as_deref(), Some("next"));
        assert!(lines.next_line().is_some_and(|line| Asked::parse(&line).is_none()));
        assert_eq!(lines.next_line().as_deref(), Some("prev"));
        assert_eq!(lines.next_line(), None);
        // Bytes that are not UTF-8 are a line no one knows, not an end.
        let mut lines = Lines::new(&b"\xff\xfe\nblank\n"[..]);
        assert_eq!(lines.next_line().as_deref(), Some(""));
        assert_eq!(lines.next_line().as_deref(), Some("blank"));
        assert_eq!(lines.next_line(), None);
    }
}
