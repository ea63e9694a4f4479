//! A viewer's keystrokes: the bytes its SSH client sends, parsed by terminput (a maintained
//! parser of the xterm, fixterms and kitty encodings) into the crossterm events the app knows.
//!
//! SSH data arrives in packets that may cut an escape sequence anywhere: what is left over
//! waits for the next packet, at most [`MAX_PENDING`] bytes of it (a longer "sequence" is
//! garbage and dropped). A lone Esc at the end of a packet is the Esc key, as crossterm reads
//! it on a local terminal; an Esc followed by more bytes in the same packet starts a sequence.

use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use terminput::{Event as Input, KeyCode as In};

/// The longest unfinished sequence kept between two packets.
pub const MAX_PENDING: usize = 64;

/// The longest bracketed paste taken in (the search prompt keeps 200 characters anyway); a
/// longer one is dropped whole.
pub const MAX_PASTE: usize = 8192;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// One viewer's input parser: bytes in, events out.
#[derive(Debug, Default)]
pub struct Keys {
    pending: Vec<u8>,
}

impl Keys {
    /// The events in `bytes` (with what the last packet left over in front), in order. Bytes
    /// that form no event are dropped; nothing here panics on any input.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<TermEvent> {
        let mut buffer = std::mem::take(&mut self.pending);
        buffer.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut start = 0;
        let mut end = start;
        while end < buffer.len() {
            // A paste is looked for whole (its end found once, not parsed again at every byte,
            // which would make a long paste cost its square), then parsed in one piece.
            if end == start && buffer[start..].starts_with(PASTE_START) {
                match find(&buffer[start..], PASTE_END) {
                    Some(at) => {
                        end = start + at + PASTE_END.len();
                        if let Ok(Some(event)) = Input::parse_from(&buffer[start..end]) {
                            events.extend(convert(event));
                        }
                        start = end;
                        continue;
                    }
                    None if buffer.len() - start <= MAX_PASTE => break,
                    None => {
                        start = buffer.len();
                        break;
                    }
                }
            }
            end += 1;
            let candidate = &buffer[start..end];
            // More bytes follow in this packet: an Esc starts a sequence, not the Esc key.
            if candidate == b"\x1b" && end < buffer.len() {
                continue;
            }
            match Input::parse_from(candidate) {
                Ok(Some(event)) => {
                    events.extend(convert(event));
                    start = end;
                }
                // Incomplete: a longer sequence may be coming.
                Ok(None) if end - start < MAX_PENDING => {}
                Ok(None) | Err(_) => start = end,
            }
        }
        let limit = if buffer[start..].starts_with(PASTE_START) { MAX_PASTE } else { MAX_PENDING };
        if buffer.len() - start <= limit {
            self.pending = buffer[start..].to_vec();
        }
        events
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// terminput's event as crossterm's, for the keys and pastes the app reads; mouse, focus and
/// resize reports (a viewer's size comes from SSH, not from its bytes) become nothing.
fn convert(event: Input) -> Option<TermEvent> {
    match event {
        Input::Key(key) => key_event(key).map(TermEvent::Key),
        Input::Paste(text) => Some(TermEvent::Paste(text)),
        _ => None,
    }
}

fn key_event(key: terminput::KeyEvent) -> Option<KeyEvent> {
    let mut modifiers = KeyModifiers::empty();
    for (from, to) in [
        (terminput::KeyModifiers::SHIFT, KeyModifiers::SHIFT),
        (terminput::KeyModifiers::CTRL, KeyModifiers::CONTROL),
        (terminput::KeyModifiers::ALT, KeyModifiers::ALT),
        (terminput::KeyModifiers::SUPER, KeyModifiers::SUPER),
    ] {
        if key.modifiers.contains(from) {
            modifiers |= to;
        }
    }
    let code = match key.code {
        // crossterm calls Shift-Tab BackTab.
        In::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        In::Tab => KeyCode::Tab,
        In::Backspace => KeyCode::Backspace,
        In::Enter => KeyCode::Enter,
        In::Left => KeyCode::Left,
        In::Right => KeyCode::Right,
        In::Up => KeyCode::Up,
        In::Down => KeyCode::Down,
        In::Home => KeyCode::Home,
        In::End => KeyCode::End,
        In::PageUp => KeyCode::PageUp,
        In::PageDown => KeyCode::PageDown,
        In::Delete => KeyCode::Delete,
        In::Insert => KeyCode::Insert,
        In::F(n) => KeyCode::F(n),
        In::Char(c) => KeyCode::Char(c),
        In::Esc => KeyCode::Esc,
        _ => return None,
    };
    let kind = match key.kind {
        terminput::KeyEventKind::Press => KeyEventKind::Press,
        terminput::KeyEventKind::Repeat => KeyEventKind::Repeat,
        terminput::KeyEventKind::Release => KeyEventKind::Release,
    };
    Some(KeyEvent { code, modifiers, kind, state: KeyEventState::NONE })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(events: &[TermEvent]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|event| match event {
                TermEvent::Key(key) => Some(key.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn arrows_tabs_and_letters_read_as_keys() {
        let mut keys = Keys::default();
        let events = keys.feed(b"\x1b[A\x1b[B\tq\x1b[Z\x1b[6~/\r");
        assert_eq!(
            codes(&events),
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Tab,
                KeyCode::Char('q'),
                KeyCode::BackTab,
                KeyCode::PageDown,
                KeyCode::Char('/'),
                KeyCode::Enter
            ]
        );
    }

    #[test]
    fn a_sequence_cut_between_packets_is_one_key_and_a_lone_esc_is_esc() {
        let mut keys = Keys::default();
        assert!(codes(&keys.feed(b"\x1b[")).is_empty());
        assert_eq!(codes(&keys.feed(b"C")), [KeyCode::Right]);
        assert_eq!(codes(&keys.feed(b"\x1b")), [KeyCode::Esc]);
        let ctrl_c = keys.feed(b"\x03");
        assert!(
            matches!(&ctrl_c[..], [TermEvent::Key(k)] if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
        );
    }

    #[test]
    fn garbage_never_panics_and_never_piles_up() {
        let mut keys = Keys::default();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..2000 {
            let bytes: Vec<u8> = (0..37)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let _ = keys.feed(&bytes);
            assert!(keys.pending.len() <= MAX_PASTE);
        }
        // An endless unfinished sequence is dropped, and keys after it read again.
        let _ = keys.feed(b"\x1b[");
        let _ = keys.feed(&[b'1'; 500]);
        assert!(keys.pending.len() < MAX_PENDING);
        let _ = keys.feed(b"~");
        assert_eq!(codes(&keys.feed(b"q")), [KeyCode::Char('q')]);
    }

    #[test]
    fn a_bracketed_paste_is_one_event() {
        let mut keys = Keys::default();
        let events = keys.feed(b"\x1b[200~cross-border\x1b[201~");
        assert_eq!(events, [TermEvent::Paste("cross-border".to_owned())]);
        // Cut in two packets, and followed by a key.
        assert!(keys.feed(b"\x1b[200~cross").is_empty());
        let events = keys.feed(b"-border\x1b[201~q");
        assert_eq!(events[0], TermEvent::Paste("cross-border".to_owned()));
        assert_eq!(codes(&events), [KeyCode::Char('q')]);
        // A paste that never ends is dropped at its limit.
        let _ = keys.feed(b"\x1b[200~");
        let _ = keys.feed(&vec![b'x'; MAX_PASTE * 2]);
        assert!(keys.pending.is_empty());
    }
}
