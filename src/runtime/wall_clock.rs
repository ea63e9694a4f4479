//! The time of day, read from the system's clock in its local time zone, for the presenter
//! view: the app reads no clock, so the runtime hands it in as an event.

use std::time::Instant;

use chrono::Timelike;

use crate::app::{Event, TimeOfDay};

/// The local time of day now, as the event that tells the app.
pub fn now() -> Event {
    let local = chrono::Local::now();
    let time = TimeOfDay::new(local.hour(), local.minute(), local.second());
    Event::WallClock { time, at: Instant::now() }
}
