//! The presenter's socket against followers that misbehave: garbage, silence, never reading.

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use super::protocol::{Asked, GREETING, Told};
use super::serve::Server;
use crate::runtime::Message;

fn server() -> (tempfile::TempDir, std::path::PathBuf, Server, Receiver<Message>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.sock");
    let (sender, receiver) = mpsc::channel();
    let server = Server::start(path.clone(), sender).unwrap();
    (dir, path, server, receiver)
}

/// Waits (at most 20 s) until `condition` holds.
fn eventually(what: &str, condition: impl Fn() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < Duration::from_secs(20), "never: {what}");
        thread::sleep(Duration::from_millis(5));
    }
}

fn read_line(stream: &mut UnixStream) -> String {
    let mut line = Vec::new();
    let mut byte = [0u8];
    while stream.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    String::from_utf8(line).unwrap()
}

#[test]
fn garbage_is_ignored_and_a_real_follower_is_still_heard() {
    let (_dir, path, server, asked) = server();
    // No greeting: nothing it says counts, not even a valid line.
    let mut stranger = UnixStream::connect(&path).unwrap();
    stranger.write_all(b"next\n\xff\xfe\x00garbage\n").unwrap();
    // A greeting, then junk, a line far too long, and one that never ends.
    let mut rude = UnixStream::connect(&path).unwrap();
    rude.write_all(format!("{GREETING}\nplace 1 0\nnext please\n\u{1b}[2J\n").as_bytes()).unwrap();
    rude.write_all(&vec![b'x'; 100_000]).unwrap();
    let mut follower = UnixStream::connect(&path).unwrap();
    follower.write_all(format!("{GREETING}\nnext\n").as_bytes()).unwrap();
    match asked.recv_timeout(Duration::from_secs(20)) {
        Ok(Message::Asked(Asked::Next)) => {}
        other => panic!("expected the follower's next, got {other:?}"),
    }
    // The follower hears the presenter's place after its greeting.
    server.publish(Told::Place { slide: 3, blank: false });
    assert_eq!(read_line(&mut follower), GREETING);
    assert_eq!(read_line(&mut follower), "place 4 0");
    assert!(asked.try_recv().is_err(), "a line of garbage was taken for an action");
}

#[test]
fn a_follower_that_never_reads_is_dropped_without_holding_the_presenter() {
    let (_dir, path, server, _asked) = server();
    let silent = UnixStream::connect(&path).unwrap();
    eventually("the silent follower is counted", || server.followers() == 1);
    let started = Instant::now();
    for n in 0..200_000 {
        server.publish(Told::Place { slide: n % 7, blank: n % 2 == 0 });
    }
    // Each publish hands a line to a queue and never waits for the socket.
    assert!(started.elapsed() < Duration::from_secs(10), "publishing took {:?}", started.elapsed());
    assert_eq!(server.followers(), 0, "the follower that never reads is still served");
    drop(silent);
}

#[test]
fn a_stale_socket_is_replaced_and_a_live_one_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stale.sock");
    drop(UnixListener::bind(&path).unwrap());
    assert!(path.exists(), "the socket file stays after its listener is gone");
    let (sender, _receiver) = mpsc::channel();
    let server = Server::start(path.clone(), sender.clone()).expect("a stale socket is replaced");
    let error = Server::start(path.clone(), sender).err().expect("a live socket is someone's");
    assert_eq!(error.kind(), std::io::ErrorKind::AddrInUse);
    drop(server);
    assert!(!path.exists(), "the socket is removed when its presenter goes");
}

#[test]
fn the_socket_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, _server, _asked) = server();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
}
