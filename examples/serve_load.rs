//! The load harness of `coopdash serve`: 100 viewers at mixed sizes connect over SSH (russh
//! clients in this process), a presenter moves through 20 slides, and the server (a child
//! process, so its memory and wake-ups are its own) is measured:
//!
//! - p50 and p99 from the presenter's key to each viewer's complete frame of the new slide;
//! - the server's memory per viewer (resident set, before and after the viewers);
//! - CPU and wake-ups (context switches of all its threads) while the viewers sit idle;
//! - the presenter's own key → frame (update and draw) with no viewer and with 100.
//!
//! `cargo run --example serve_load --features serve [-- VIEWERS]`

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use coopdash::app::{App, Event};
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
use coopdash::runtime::follow::protocol::Told;
use coopdash::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use russh::ChannelMsg;
use russh::client;

const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (200, 50)];
const STEPS: usize = 20;
/// A frame's end: the synchronized update's closing bracket.
const FRAME_END: &[u8] = b"\x1b[?2026l";

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;
    async fn check_server_key(&mut self, _: &russh::keys::PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("--server") {
        return server(PathBuf::from(args.next().unwrap()), PathBuf::from(args.next().unwrap()));
    }
    let viewers: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("metrics.toml");
    fs::copy("tests/fixtures/forty/metrics.toml", &dataset).unwrap();

    // The presenter: its app (drawn offscreen, as its terminal would) and its follow socket.
    let socket = coopdash::runtime::follow::socket_path(&DatasetSource::File(dataset.clone())).unwrap();
    let (sender, _asked) = std::sync::mpsc::channel();
    let presenter = coopdash::runtime::follow::serve::Server::start(socket, sender).unwrap();
    let request = LoadRequest::resolve(Some(dataset.clone()), None).0;
    let mut app = App::new(request.clone(), LoadAsk::first(&request), Theme::dark(), Default::default());
    let _ = app.update(Event::Resize(120, 36));
    let _ = app.update(Event::Key(key(KeyCode::Char('p')), Instant::now()));
    let deck = app.content().deck().len();
    let alone = presenter_steps(&mut app, deck, None);

    let (mut child, address) = spawn_server(&dataset, dir.path());
    let pid = child.id();
    let before = rss_kib(pid);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let steps: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let drawn = Arc::new(AtomicUsize::new(0));
    for n in 0..viewers {
        let (steps, latencies, drawn) = (Arc::clone(&steps), Arc::clone(&latencies), Arc::clone(&drawn));
        runtime.spawn(viewer(address, SIZES[n % SIZES.len()], steps, latencies, drawn));
    }
    wait_for(|| drawn.load(Ordering::SeqCst) >= viewers, "every viewer's first frame");
    while presenter.followers() == 0 {
        std::thread::sleep(Duration::from_millis(10));
    }
    let connected = rss_kib(pid);
    let with = presenter_steps(&mut app, deck, Some((&presenter, &steps, &latencies, viewers)));

    // Idle: nothing moves for 10 s.
    std::thread::sleep(Duration::from_secs(1));
    let (cpu0, switches0) = (cpu_ticks(pid), switches(pid));
    std::thread::sleep(Duration::from_secs(10));
    let (cpu1, switches1) = (cpu_ticks(pid), switches(pid));

    let mut all = latencies.lock().unwrap().clone();
    all.sort();
    let per_viewer = (connected.saturating_sub(before)) as f64 / viewers as f64;
    println!("viewers: {viewers} at {SIZES:?}, {STEPS} slides, debug profile (opt-level 1)");
    println!(
        "presenter key -> viewer frame: p50 {:?}, p99 {:?}, max {:?} ({} frames)",
        pct(&all, 50),
        pct(&all, 99),
        all.last().copied().unwrap_or_default(),
        all.len()
    );
    println!(
        "server memory: {before} KiB alone, {connected} KiB with {viewers} viewers: {per_viewer:.0} KiB per viewer"
    );
    println!(
        "idle 10 s with {viewers} viewers: {} CPU ticks (1/100 s), {} context switches",
        cpu1 - cpu0,
        switches1 - switches0
    );
    println!(
        "presenter key -> its own frame: p50 {:?} alone, p50 {:?} with {viewers} viewers (p99 {:?} / {:?})",
        pct(&alone, 50),
        pct(&with, 50),
        pct(&alone, 99),
        pct(&with, 99)
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// The child: a server of `dataset`, its host key in `keys`, its port on standard output.
fn server(dataset: PathBuf, keys: PathBuf) {
    use coopdash::serve::{Limits, Settings, access::Access, hub::HubOptions, session::SizeCap};
    let (host_key, _) = coopdash::serve::host_key::load_or_create(&keys.join("host_key")).unwrap();
    let settings = Settings {
        request: LoadRequest::resolve(Some(dataset), None).0,
        listen: "127.0.0.1:0".parse().unwrap(),
        access: Access { open: true, ..Access::default() },
        host_key,
        limits: Limits {
            max_viewers: 1000,
            max_per_address: 1000,
            auth_timeout: Duration::from_secs(60),
            idle_timeout: Duration::from_secs(600),
            cap: SizeCap { columns: 300, rows: 100 },
        },
        hub: HubOptions {
            theme: coopdash::theme::ThemeName::Dark,
            watch: None,
            follow: true,
            stall_timeout: Duration::from_secs(30),
        },
    };
    let running = coopdash::serve::start(settings).unwrap();
    println!("{}", running.address);
    running.wait();
}

fn spawn_server(dataset: &Path, keys: &Path) -> (Child, SocketAddr) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--server")
        .arg(dataset)
        .arg(keys)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    (child, line.trim().parse().unwrap())
}

/// One viewer: reads its channel, and for each presenter step, notes when the first whole
/// frame after it arrived.
async fn viewer(
    address: SocketAddr,
    (columns, rows): (u16, u16),
    steps: Arc<Mutex<Vec<Instant>>>,
    latencies: Arc<Mutex<Vec<Duration>>>,
    drawn: Arc<AtomicUsize>,
) {
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, address, Trusting).await.unwrap();
    assert!(handle.authenticate_none("load").await.unwrap().success());
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.request_pty(false, "xterm", u32::from(columns), u32::from(rows), 0, 0, &[]).await.unwrap();
    channel.request_shell(false).await.unwrap();
    let mut seen_steps = 0;
    let mut first = true;
    while let Some(message) = channel.wait().await {
        let ChannelMsg::Data { data } = message else { continue };
        if !data.windows(FRAME_END.len()).any(|w| w == FRAME_END) {
            continue;
        }
        let arrived = Instant::now();
        if first {
            first = false;
            drawn.fetch_add(1, Ordering::SeqCst);
        }
        let steps = steps.lock().unwrap();
        if steps.len() > seen_steps {
            seen_steps = steps.len();
            latencies.lock().unwrap().push(arrived - steps[seen_steps - 1]);
        }
    }
    drop(handle);
}

/// The viewers a presenter's steps are told to: the follow server, the instants of the
/// presses, the viewers' latencies, and how many viewers there are.
type Audience<'a> =
    (&'a coopdash::runtime::follow::serve::Server, &'a Mutex<Vec<Instant>>, &'a Mutex<Vec<Duration>>, usize);

/// The presenter presses → STEPS times (from the last slide, Home); each press is timed to its
/// own frame, and with viewers, told to them and waited for.
fn presenter_steps(app: &mut App, deck: usize, viewers: Option<Audience<'_>>) -> Vec<Duration> {
    let mut own = Vec::new();
    for step in 0..STEPS {
        let code = if app.view().presentation().slide + 1 >= deck { KeyCode::Home } else { KeyCode::Right };
        let pressed = Instant::now();
        let _ = app.update(Event::Key(key(code), pressed));
        let _ = app.update(Event::Tick(Instant::now()));
        let _ = coopdash::offscreen::render(app);
        own.push(pressed.elapsed());
        if let Some((server, steps, latencies, count)) = viewers {
            steps.lock().unwrap().push(pressed);
            let p = app.view().presentation();
            server.publish(Told::Place { slide: p.slide, blank: p.blank });
            wait_for(|| latencies.lock().unwrap().len() >= (step + 1) * count, "every viewer's frame");
        }
        // Let the slide's animation settle before the next press.
        std::thread::sleep(Duration::from_millis(700));
    }
    own.sort();
    own
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn wait_for(condition: impl Fn() -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn pct(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) * p) / 100]
}

fn rss_kib(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<u64> = after.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    // utime and stime are fields 14 and 15 of stat; after the name, 11 and 12 of the numbers.
    fields.get(10).copied().unwrap_or(0) + fields.get(11).copied().unwrap_or(0)
}

/// Context switches of every thread of the process.
fn switches(pid: u32) -> u64 {
    let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .map(|task| {
            let status = fs::read_to_string(task.path().join("status")).unwrap_or_default();
            status
                .lines()
                .filter(|l| l.contains("ctxt_switches"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum::<u64>()
        })
        .sum()
}
