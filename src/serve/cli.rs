//! `coopdash serve`'s command line (parsed apart from the dashboard's: `serve` is the first
//! argument).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::cli::Size;
use crate::theme::ThemeName;

/// Serve the dashboard over SSH: each viewer (`ssh -p 2222 HOST`) browses it in their own
/// terminal, and follows a presentation of the same dataset given on this machine
/// (`coopdash --present FILE`).
#[derive(Debug, Parser)]
#[command(name = "coopdash serve", version)]
pub struct ServeCli {
    /// The dataset to serve [default: metrics.toml, or the built-in dataset if there is none]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Show this article instead of the one the dataset names
    #[arg(long, value_name = "PATH")]
    pub article: Option<PathBuf>,
    /// The address and port to listen on; any address but loopback needs --authorized-keys,
    /// --password-file or --public
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// Let in only the keys of this file (OpenSSH's authorized_keys format)
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// Let in only with the password on the first line of this file
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Let in anyone who can reach the port, without a password or a key (a read-only demo)
    #[arg(long)]
    pub public: bool,
    /// The host key's file [default: $XDG_DATA_HOME/coopdash/ssh_host_ed25519_key, made on first use]
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// At most this many viewers at once
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_viewers: usize,
    /// At most this many connections from one address
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_per_address: usize,
    /// How long a client may take to connect and authenticate (20s, 1m)
    #[arg(long, value_name = "TIME", default_value = "20s", value_parser = humantime::parse_duration)]
    pub auth_timeout: Duration,
    /// A viewer that sends nothing for this long is disconnected
    #[arg(long, value_name = "TIME", default_value = "1h", value_parser = humantime::parse_duration)]
    pub idle_timeout: Duration,
    /// A viewer that stops reading has frames dropped, and is disconnected once it has been
    /// behind for this long
    #[arg(long, value_name = "TIME", default_value = "30s", value_parser = humantime::parse_duration)]
    pub stall_timeout: Duration,
    /// The largest terminal a viewer may claim; larger ones are drawn at this size
    #[arg(long, value_name = "COLSxROWS", default_value = "300x100")]
    pub max_size: Size,
    /// Viewers start in this theme (each switches light and dark with c)
    #[arg(long, value_name = "NAME", default_value = "dark")]
    pub theme: ThemeName,
    /// Do not watch the files for changes
    #[arg(long)]
    pub no_watch: bool,
    /// Do not follow a presentation of the dataset given on this machine
    #[arg(long)]
    pub no_follow: bool,
}
