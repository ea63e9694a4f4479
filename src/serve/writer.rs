//! A viewer's writer task: its frames to its SSH channel. russh takes no more messages from a
//! connection's handle while it holds data the client has granted no window for, so a viewer
//! that stops reading stops its writer here, its queue of [`super::session::FRAME_QUEUE`]
//! frames fills, and the hub drops frames for it until it catches up, or cuts it off at the
//! stall timeout.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use russh::ChannelId;
use russh::server::Handle;
use tokio::sync::{mpsc, oneshot};

use super::hub::{Note, ViewerId};
use super::screen::Screen;
use super::seat::Close;

/// How a viewer's writer task ends, and whom it tells.
pub struct Ends {
    pub closed: oneshot::Receiver<Close>,
    pub line: Option<std::net::TcpStream>,
    pub notes: Sender<Note>,
    pub id: ViewerId,
}

/// Writes a viewer's frames to its channel until the hub or the channel ends it; then gives the viewer's terminal back (main screen, cursor)
/// and closes the channel, or, for a viewer that reads nothing, cuts the connection. A write
/// the client does not take (it stopped reading) waits here, never in the hub.
pub async fn write_frames(
    handle: Handle,
    channel: ChannelId,
    mut queue: mpsc::Receiver<Vec<u8>>,
    behind: Arc<AtomicBool>,
    ends: Ends,
) {
    let Ends { mut closed, line, notes, id } = ends;
    let how = loop {
        let frame = tokio::select! {
            frame = queue.recv() => frame,
            how = &mut closed => break how.unwrap_or(Close::Goodbye),
        };
        let Some(frame) = frame else { break Close::Goodbye };
        let sent = tokio::select! {
            sent = handle.data(channel, frame) => sent.is_ok(),
            how = &mut closed => break how.unwrap_or(Close::Goodbye),
        };
        if !sent {
            // The channel is gone: nobody to say goodbye to.
            break Close::Cut;
        }
        if queue.is_empty() && behind.swap(false, Ordering::SeqCst) {
            let _ = notes.send(Note::CaughtUp { id });
        }
    };
    let goodbye = async {
        let _ = handle.data(channel, Screen::closing()).await;
        let _ = handle.exit_status_request(channel, 0).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
    };
    // A viewer that reads nothing gets no goodbye, and its connection is cut: russh would
    // otherwise keep it (and its place among the viewers) until the idle timeout.
    let said = how == Close::Goodbye && tokio::time::timeout(Duration::from_secs(2), goodbye).await.is_ok();
    if !said && let Some(line) = line {
        let _ = line.shutdown(std::net::Shutdown::Both);
    }
    let _ = notes.send(Note::Leave { id });
}
