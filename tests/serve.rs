//! `coopdash serve` end to end (`cargo test --features serve`): an in-process russh client
//! connects to a server on a free loopback port, reads its screen through vt100, and waits for
//! what it should see. The presenter is the follow socket's own server, in-process.
#![cfg(feature = "serve")]

#[path = "serve/client.rs"]
mod client;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use client::{Login, PATIENCE, Viewer, connect};
use coopdash::load::LoadRequest;
use coopdash::runtime::Message;
use coopdash::runtime::follow::protocol::{Asked, Told};
use coopdash::serve::access::Access;
use coopdash::serve::hub::HubOptions;
use coopdash::serve::session::SizeCap;
use coopdash::serve::{Limits, Running, Settings, host_key};
use coopdash::theme::ThemeName;

const TITLE: &str = "Forty metrics with long labels";

/// The forty fixture, copied where a test may save it and a presenter may serve it.
fn dataset() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    fs::copy("tests/fixtures/forty/metrics.toml", &path).unwrap();
    (dir, path)
}

fn limits() -> Limits {
    Limits {
        max_viewers: 100,
        max_per_address: 100,
        auth_timeout: Duration::from_secs(20),
        idle_timeout: Duration::from_secs(600),
        cap: SizeCap { columns: 300, rows: 100 },
    }
}

/// A server of `dataset` on a free loopback port, its host key in `keys`.
fn serve(dataset: &Path, keys: &Path, access: Access, limits: Limits) -> Running {
    serve_stalling(dataset, keys, access, limits, Duration::from_secs(30))
}

/// [`serve`], a viewer that stops reading disconnected after `stall_timeout`.
fn serve_stalling(dataset: &Path, keys: &Path, access: Access, limits: Limits, stall_timeout: Duration) -> Running {
    let (host_key, _) = host_key::load_or_create(&keys.join(host_key::FILE_NAME)).unwrap();
    let settings = Settings {
        request: LoadRequest::resolve(Some(dataset.to_path_buf()), None).0,
        listen: "127.0.0.1:0".parse().unwrap(),
        access,
        host_key,
        limits,
        hub: HubOptions {
            theme: ThemeName::Dark,
            watch: Some(coopdash::runtime::WatchMode::Native),
            follow: true,
            stall_timeout,
        },
    };
    coopdash::serve::start(settings).unwrap()
}

fn open() -> Access {
    Access { open: true, ..Access::default() }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

/// Waits (polling the hub, no fixed sleep) until the server counts `count` viewers.
fn until_viewers(server: &Running, count: usize) {
    let deadline = Instant::now() + PATIENCE;
    while server.viewers() != count {
        assert!(Instant::now() < deadline, "the server counts {} viewers, not {count}", server.viewers());
        std::thread::yield_now();
    }
}

#[test]
fn a_viewer_sees_the_title_browses_resizes_and_leaves() {
    let (dir, path) = dataset();
    let server = serve(&path, dir.path(), open(), limits());
    let address = server.address;
    runtime().block_on(async {
        let mut viewer = Viewer::open(address, 80, 24).await;
        viewer.until("the title", |s| s.contains(TITLE)).await;
        // Browsing: the help opens and closes, Tab moves to the next pane.
        viewer.type_bytes(b"?").await;
        viewer.until("the help", |s| s.contains("next pane")).await;
        viewer.type_bytes(b"\x1b").await;
        viewer.until("the help closed", |s| !s.contains("next pane")).await;
        viewer.type_bytes(b"\t\x1b[B").await;
        viewer.until("the tonnages pane selected", |s| s.contains("Maritime memoranda of understanding")).await;
        // A wider terminal shows the subtitle, which 80 columns have no room for.
        assert!(!viewer.text().contains("Made-up counts"));
        viewer.resize(120, 40).await;
        viewer.until("the subtitle at 120 columns", |s| s.contains("Made-up counts")).await;
        viewer.type_bytes(b"q").await;
        viewer.until_closed().await;
    });
    until_viewers(&server, 0);
}

#[test]
fn viewers_follow_the_presenter_and_one_stops_to_browse() {
    let (dir, path) = dataset();
    let server = serve(&path, dir.path(), open(), limits());
    let address = server.address;
    let socket = coopdash::runtime::follow::socket_path(&coopdash::load::DatasetSource::File(path.clone())).unwrap();
    let (sender, asked) = mpsc::channel::<Message>();
    let presenter = coopdash::runtime::follow::serve::Server::start(socket, sender).unwrap();
    runtime().block_on(async {
        let mut a = Viewer::open(address, 80, 24).await;
        let mut b = Viewer::open(address, 100, 30).await;
        a.until("a's dashboard", |s| s.contains(TITLE)).await;
        b.until("b's dashboard", |s| s.contains(TITLE)).await;
        // The hub joins the presenter's socket by itself; then the place reaches everyone.
        let deadline = Instant::now() + PATIENCE;
        while presenter.followers() == 0 {
            assert!(Instant::now() < deadline, "the server never joined the presenter");
            tokio::task::yield_now().await;
        }
        presenter.publish(Told::Place { slide: 1, blank: false });
        a.until("a on slide 2", |s| s.contains("Twenty counts of countries, 1 of 2")).await;
        b.until("b on slide 2", |s| s.contains("Twenty counts of countries, 1 of 2")).await;
        presenter.publish(Told::Place { slide: 2, blank: false });
        a.until("a on slide 3", |s| s.contains("Twenty counts of countries, 2 of 2")).await;
        b.until("b on slide 3", |s| s.contains("Twenty counts of countries, 2 of 2")).await;
        // A following viewer's keys do not move its slides.
        a.type_bytes(b"\x1b[C").await;
        // b stops following and goes back to its dashboard; a follows on alone.
        b.type_bytes(b"f").await;
        b.type_bytes(b"\x1b").await;
        b.until("b on its dashboard", |s| s.contains(TITLE)).await;
        presenter.publish(Told::Place { slide: 3, blank: false });
        a.until("a on slide 4", |s| s.contains("Twenty tonnages, 1 of 2")).await;
        presenter.publish(Told::Place { slide: 3, blank: true });
        a.until("a blanked", |s| s.trim().is_empty()).await;
        assert!(b.text().contains(TITLE), "b followed while browsing:\n{}", b.text());
        // f again: b follows, and goes to where the presenter stands.
        b.type_bytes(b"f").await;
        b.until("b follows again (blank)", |s| s.trim().is_empty()).await;
    });
    // The presenter hears how many watch (the count comes on its own line, maybe after the
    // last frame).
    let deadline = Instant::now() + PATIENCE;
    let mut counts = Vec::new();
    while counts.last() != Some(&2) {
        let left = deadline.saturating_duration_since(Instant::now());
        match asked.recv_timeout(left) {
            Ok(Message::Asked(Asked::Viewers(count))) => counts.push(count),
            Ok(_) => {}
            Err(_) => panic!("the presenter heard {counts:?}, never 2 viewers"),
        }
    }
}

#[test]
fn a_save_reaches_every_viewer_each_in_its_place() {
    let (dir, path) = dataset();
    let server = serve(&path, dir.path(), open(), limits());
    let address = server.address;
    runtime().block_on(async {
        let mut a = Viewer::open(address, 80, 24).await;
        let mut b = Viewer::open(address, 120, 40).await;
        a.until("a's title", |s| s.contains(TITLE)).await;
        b.until("b's title", |s| s.contains(TITLE)).await;
        b.type_bytes(b"?").await;
        b.until("b's help", |s| s.contains("next pane")).await;
        let text = fs::read_to_string(&path).unwrap().replace(TITLE, "Forty metrics, saved again");
        let temporary = dir.path().join("metrics.toml.new");
        fs::write(&temporary, text).unwrap();
        fs::rename(&temporary, &path).unwrap();
        a.until("a's new title", |s| s.contains("Forty metrics, saved again")).await;
        // The help is drawn over the end of the title: b keeps its place.
        b.until("b's new title, help still open", |s| s.contains("Forty metrics, saved") && s.contains("next pane"))
            .await;
    });
}

#[test]
fn exec_subsystems_env_and_forwarding_are_refused() {
    let (dir, path) = dataset();
    let server = serve(&path, dir.path(), open(), limits());
    let address = server.address;
    runtime().block_on(async {
        let refused = |msg: Option<russh::ChannelMsg>| {
            matches!(msg, Some(russh::ChannelMsg::Failure | russh::ChannelMsg::Close | russh::ChannelMsg::Eof) | None)
        };
        // One session channel per connection: each refusal on its own connection.
        let session = || async {
            let (handle, ok, _) = connect(address, Login::None).await;
            assert!(ok);
            let channel = handle.channel_open_session().await.unwrap();
            (handle, channel)
        };
        let (_exec, mut channel) = session().await;
        channel.exec(true, "cat /etc/passwd").await.unwrap();
        assert!(refused(channel.wait().await), "exec");
        let (_sftp, mut channel) = session().await;
        channel.request_subsystem(true, "sftp").await.unwrap();
        assert!(refused(channel.wait().await), "sftp");
        let (handle, mut channel) = session().await;
        assert!(handle.channel_open_session().await.is_err(), "a second session channel");
        channel.set_env(true, "LD_PRELOAD", "/tmp/x.so").await.unwrap();
        assert!(refused(channel.wait().await), "env");
        let (_agent, mut channel) = session().await;
        channel.agent_forward(true).await.unwrap();
        assert!(refused(channel.wait().await), "agent forwarding");
        let (handle, ok, _) = connect(address, Login::None).await;
        assert!(ok);
        assert!(handle.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5555).await.is_err(), "port forwarding");
        assert!(handle.tcpip_forward("127.0.0.1", 0).await.is_err(), "remote forwarding");
        // The connection still serves its dashboard.
        let mut viewer = Viewer::on(handle, 80, 24).await;
        viewer.until("the dashboard after the refusals", |s| s.contains(TITLE)).await;
    });
}

#[test]
fn random_bytes_a_huge_window_and_a_reader_that_stops_leave_the_others_running() {
    let (dir, path) = dataset();
    let server = serve(&path, dir.path(), open(), limits());
    let address = server.address;
    runtime().block_on(async {
        let mut calm = Viewer::open(address, 80, 24).await;
        calm.until("the calm viewer's title", |s| s.contains(TITLE)).await;
        // A 10000×10000 claim is drawn at the cap (300×100).
        let (handle, _, _) = connect(address, Login::None).await;
        let channel = handle.channel_open_session().await.unwrap();
        channel.request_pty(true, "xterm", 10_000, 10_000, 0, 0, &[]).await.unwrap();
        channel.request_shell(true).await.unwrap();
        let mut huge = Viewer { handle, channel, screen: vt100::Parser::new(100, 300, 0), closed: false };
        huge.until("the capped screen", |s| s.contains(TITLE)).await;
        huge.channel.window_change(u32::MAX, u32::MAX, 0, 0).await.unwrap();
        // Random bytes, 256 KiB of them (q and Ctrl-C are left out: they would only leave).
        let noisy = Viewer::open(address, 80, 24).await;
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let noise: Vec<u8> = (0..256 * 1024)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .filter(|b| !matches!(b, b'q' | 3))
            .collect();
        noisy.type_bytes(&noise).await;
        // A viewer that never reads its channel again.
        let silent = Viewer::open(address, 200, 60).await;
        silent.type_bytes(b"?").await;
        // The calm viewer still browses at once.
        calm.type_bytes(b"?").await;
        calm.until("the calm viewer's help", |s| s.contains("next pane")).await;
        calm.type_bytes(b"\x1b").await;
        calm.until("the calm viewer's help closed", |s| !s.contains("next pane")).await;
        drop(silent);
    });
    drop(server);
}

#[test]
fn a_viewer_that_stops_reading_is_cut_off_at_the_stall_timeout_while_the_others_carry_on() {
    let (dir, path) = dataset();
    let stall_timeout = Duration::from_secs(3);
    // Two connections from one address: the stalled one's place must come free.
    let limits = Limits { max_per_address: 2, ..limits() };
    let server = serve_stalling(&path, dir.path(), open(), limits, stall_timeout);
    let address = server.address;
    let socket = coopdash::runtime::follow::socket_path(&coopdash::load::DatasetSource::File(path.clone())).unwrap();
    let (sender, _asked) = mpsc::channel::<Message>();
    let presenter = coopdash::runtime::follow::serve::Server::start(socket, sender).unwrap();
    const SLIDE: &str = "Twenty counts of countries, 1 of 2";
    runtime().block_on(async {
        let mut calm = Viewer::open(address, 80, 24).await;
        let mut stalled = Viewer::open_with(address, 120, 40, client::stingy()).await;
        calm.until("the calm viewer's dashboard", |s| s.contains(TITLE)).await;
        stalled.until("the stalled viewer's dashboard", |s| s.contains(TITLE)).await;
        let deadline = Instant::now() + PATIENCE;
        while presenter.followers() == 0 {
            assert!(Instant::now() < deadline, "the server never joined the presenter");
            tokio::task::yield_now().await;
        }
        // The presenter blanks and shows slide 2 in turn: each is a new frame for both viewers,
        // and the calm one reads every one. The other never reads again: its frames pile up.
        let mut blank = false;
        let mut step = async || {
            blank = !blank;
            presenter.publish(Told::Place { slide: 1, blank });
            if blank {
                calm.until("the calm viewer blanked", |s| s.trim().is_empty()).await;
            } else {
                calm.until("the calm viewer on slide 2", |s| s.contains(SLIDE)).await;
            }
            blank
        };
        let mut steps = 0;
        while server.stalled() == 0 {
            assert!(steps < 400, "after {steps} frames the viewer that reads nothing is not behind");
            step().await;
            steps += 1;
        }
        // It is behind (its frames dropped) and still connected: the calm viewer's frames keep
        // coming meanwhile, until the stall timeout cuts the other off.
        let behind = Instant::now();
        let mut while_stalled = 0;
        while server.viewers() == 2 {
            step().await;
            while_stalled += usize::from(server.viewers() == 2);
            assert!(behind.elapsed() < stall_timeout + PATIENCE, "the stalled viewer was never cut off");
        }
        assert!(while_stalled > 0, "the calm viewer got no frame while the other was behind");
        assert_eq!(server.stalled(), 0);
        // Its connection is gone, though it never reads again: its place is free for another.
        let deadline = Instant::now() + PATIENCE;
        let handle = loop {
            let config = std::sync::Arc::new(russh::client::Config::default());
            let handler = client::Client { seen: Default::default() };
            if let Ok(mut handle) = russh::client::connect(config, address, handler).await
                && handle.authenticate_none("late").await.is_ok_and(|auth| auth.success())
            {
                break handle;
            }
            assert!(Instant::now() < deadline, "the stalled viewer's connection is kept");
            tokio::task::yield_now().await;
        };
        let mut late = Viewer::on(handle, 80, 24).await;
        // The presenter shows slide 2 (not blank), where the newcomer lands.
        while step().await {}
        late.until("a viewer in the stalled one's place", |s| s.contains(SLIDE)).await;
        // Reading again, the stalled viewer finds the end of its channel.
        stalled.until_closed().await;
        step().await;
        assert_eq!(server.viewers(), 2, "the calm viewer and the late one");
    });
}

#[test]
fn connections_beyond_the_limits_are_turned_away_and_silent_ones_time_out() {
    let (dir, path) = dataset();
    let limits = Limits { max_per_address: 5, auth_timeout: Duration::from_millis(1500), ..limits() };
    let server = serve(&path, dir.path(), open(), limits);
    let address = server.address;
    runtime().block_on(async {
        let mut viewer = Viewer::open(address, 80, 24).await;
        viewer.until("the first viewer", |s| s.contains(TITLE)).await;
        // Four silent TCP connections fill the address's five places.
        let mut silent = Vec::new();
        for _ in 0..4 {
            silent.push(tokio::net::TcpStream::connect(address).await.unwrap());
        }
        let turned_away = tokio::time::timeout(PATIENCE, async {
            let config = std::sync::Arc::new(russh::client::Config::default());
            let handler = client::Client { seen: Default::default() };
            russh::client::connect(config, address, handler).await.is_err()
        })
        .await
        .unwrap();
        assert!(turned_away, "a sixth connection from one address");
        // The silent ones say nothing in time and are dropped: a new viewer gets in.
        for stream in &mut silent {
            let mut byte = [0u8; 256];
            let read = tokio::time::timeout(PATIENCE, async {
                use tokio::io::AsyncReadExt;
                loop {
                    match stream.read(&mut byte).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                }
            })
            .await;
            assert!(read.is_ok(), "a silent connection was kept past the authentication timeout");
        }
        let mut late = Viewer::open(address, 80, 24).await;
        late.until("a viewer after the silent ones left", |s| s.contains(TITLE)).await;
        viewer.type_bytes(b"?").await;
        viewer.until("the first viewer still browses", |s| s.contains("next pane")).await;
    });
}

#[test]
fn keys_and_passwords_let_in_only_whom_they_name() {
    let (dir, path) = dataset();
    let keys = tempfile::tempdir().unwrap();
    let allowed = host_key::load_or_create(&keys.path().join("viewer")).unwrap().0;
    let stranger = host_key::load_or_create(&keys.path().join("stranger")).unwrap().0;
    let authorized = keys.path().join("authorized_keys");
    fs::write(&authorized, format!("{}\n", allowed.public_key().to_openssh().unwrap())).unwrap();
    let password = keys.path().join("password");
    fs::write(&password, "correct horse\n").unwrap();
    let listen = "127.0.0.1:0".parse().unwrap();
    let access = Access::choose(listen, Some(&authorized), Some(&password), false).unwrap();
    let server = serve(&path, dir.path(), access, limits());
    let address = server.address;
    runtime().block_on(async {
        assert!(!connect(address, Login::None).await.1, "none, with keys and a password chosen");
        assert!(!connect(address, Login::Password("wrong horse")).await.1);
        assert!(!connect(address, Login::Key(&stranger)).await.1);
        let (handle, ok, _) = connect(address, Login::Password("correct horse")).await;
        assert!(ok, "the password");
        let mut viewer = Viewer::on(handle, 80, 24).await;
        viewer.until("the dashboard after a password", |s| s.contains(TITLE)).await;
        let (handle, ok, _) = connect(address, Login::Key(&allowed)).await;
        assert!(ok, "the listed key");
        let mut viewer = Viewer::on(handle, 80, 24).await;
        viewer.until("the dashboard after a key", |s| s.contains(TITLE)).await;
    });
}

#[test]
fn the_host_key_is_the_same_after_a_restart() {
    let (dir, path) = dataset();
    let fingerprint = |server: &Running| {
        let address = server.address;
        runtime().block_on(async { connect(address, Login::None).await.2.unwrap() })
    };
    let first = fingerprint(&serve(&path, dir.path(), open(), limits()));
    let again = fingerprint(&serve(&path, dir.path(), open(), limits()));
    assert_eq!(first, again);
    let made = host_key::load_or_create(&dir.path().join(host_key::FILE_NAME)).unwrap().0;
    assert_eq!(host_key::fingerprint(&made), first);
}

/// The command line refuses an address others can reach unless the access is chosen: keys, or
/// `--public` said out loud.
#[test]
fn serve_on_an_open_address_without_a_choice_is_refused() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(["serve", "--listen", "0.0.0.0:0", "tests/fixtures/single/metrics.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("coopdash runs");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--authorized-keys") && said.contains("--public"), "{said}");
}
