//! A viewer's writer task: its frames to its SSH channel, each within the window the client
//! grants. russh's channel writer waits for that window; the session handle's `data` would
//! queue frames inside russh without bound. So a viewer that stops reading stops its writer
//! here, its queue of [`super::session::FRAME_QUEUE`] frames fills, and the hub drops frames
//! for it until it catches up, or cuts it off at the stall timeout.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use russh::ChannelWriteHalf;
use russh::server::Msg;
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

/// Writes a viewer's frames to its channel, each within the window the client grants, until
/// the hub or the channel ends it; then gives the viewer's terminal back (main screen, cursor)
/// and closes the channel, or, for a viewer that reads nothing, cuts the connection. A write
/// the client does not take (it stopped reading) waits here, never in the hub.
pub async fn write_frames(
    writer: ChannelWriteHalf<Msg>,
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
            sent = writer.data_bytes(frame) => sent.is_ok(),
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
        let _ = writer.data_bytes(Screen::closing()).await;
        let _ = writer.exit_status(0).await;
        let _ = writer.eof().await;
        let _ = writer.close().await;
    };
    // A viewer that reads nothing gets no goodbye, and its connection is cut: russh would
    // otherwise keep it (and its place among the viewers) until the idle timeout.
    let said = how == Close::Goodbye && tokio::time::timeout(Duration::from_secs(2), goodbye).await.is_ok();
    if !said && let Some(line) = line {
        let _ = line.shutdown(std::net::Shutdown::Both);
    }
    let _ = notes.send(Note::Leave { id });
}
