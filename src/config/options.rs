//! The options a config file may set: one table that the reader checks against, the JSON Schema
//! describes and the man page lists, so the three cannot drift apart.

/// What kind of value an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true` or `false`.
    Flag,
    /// A theme's name.
    Theme,
    /// A positive number of seconds (`3`, `0.5`).
    Seconds,
    /// A time (`"20m"`, `"1h 30m"`, `"90s"`) or a whole number of minutes.
    Duration,
}

/// One option: its name (the long flag's, without `--no-`), its kind, what it does.
#[derive(Debug, Clone, Copy)]
pub struct Opt {
    pub name: &'static str,
    pub kind: Kind,
    pub about: &'static str,
}

/// The themes a config may name.
pub const THEMES: &[&str] = &["auto", "dark", "light", "contrast"];

/// Every option of the top level of the file (the `[keys]` table aside).
#[rustfmt::skip]
pub const OPTIONS: &[Opt] = &[
    Opt { name: "theme", kind: Kind::Theme, about: "Colours: auto (the terminal's background decides), dark, light or contrast (as --theme)" },
    Opt { name: "mouse", kind: Kind::Flag, about: "false leaves the mouse to the terminal (as --no-mouse)" },
    Opt { name: "animation", kind: Kind::Flag, about: "false shows values at once (as --no-animation)" },
    Opt { name: "watch", kind: Kind::Flag, about: "false does not follow the files for changes (as --no-watch)" },
    Opt { name: "poll", kind: Kind::Flag, about: "true follows the files by checking them every 300 ms (as --poll)" },
    Opt { name: "autoplay", kind: Kind::Seconds, about: "In presentation mode, the next slide every this many seconds (as --autoplay)" },
    Opt { name: "loop", kind: Kind::Flag, about: "With autoplay, start again after the last slide (as --loop)" },
    Opt { name: "slide-numbers", kind: Kind::Flag, about: "A small slide number on the audience's slides (as --slide-numbers)" },
    Opt { name: "screen-reader", kind: Kind::Flag, about: "true shows the terminal's cursor on the focused item, for screen readers and braille displays (as --screen-reader)" },
    Opt { name: "duration", kind: Kind::Duration, about: "How long a talk may take: \"20m\", \"1h 30m\", \"90s\", or minutes (as --duration)" },
];

/// The name of the key-bindings table.
pub const KEYS_TABLE: &str = "keys";

/// The option called `name`.
pub fn option(name: &str) -> Option<&'static Opt> {
    OPTIONS.iter().find(|opt| opt.name == name)
}
