//! The talk around the slides: when it began, how long it may take, the time of day, and which
//! screen this view shows (the audience's slide or the presenter view). Driven by instants and
//! times of day passed in: nothing here reads a clock.

use std::time::{Duration, Instant};

use super::Presentation;

/// Seconds in a day.
const DAY: u64 = 24 * 60 * 60;

/// A time of day on the wall clock, local time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeOfDay(u32);

impl TimeOfDay {
    /// The time `hour:minute:second` (each wrapped into its range).
    pub fn new(hour: u32, minute: u32, second: u32) -> Self {
        Self(((u64::from(hour) * 3600 + u64::from(minute) * 60 + u64::from(second)) % DAY) as u32)
    }

    /// This time `later` on (wrapping past midnight).
    pub fn after(self, later: Duration) -> Self {
        Self(((u64::from(self.0) + later.as_secs() % DAY) % DAY) as u32)
    }

    /// As a wall clock shows it: `14:05`.
    pub fn hours_minutes(self) -> String {
        format!("{:02}:{:02}", self.0 / 3600, self.0 / 60 % 60)
    }
}

/// How the talk stands against its `--duration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    /// More than a minute to go.
    Plenty(Duration),
    /// The last minute.
    LastMinute(Duration),
    /// Time is up, this long ago.
    Over(Duration),
}

impl Presentation {
    /// Opening the slides (`p`, `--present`): the first time, the timer starts and autoplay (if
    /// asked for) begins; coming back from the dashboard, the timer goes on and autoplay is as
    /// it was left (switched off stays off, running waits a whole step again).
    pub fn enter(&mut self, now: Instant) {
        self.now = now;
        self.animate_in(now);
        match self.started {
            None => {
                self.started = Some(now);
                self.start_autoplay(now);
            }
            Some(_) => {
                if let Some(autoplay) = &mut self.autoplay
                    && autoplay.next_at.is_some()
                {
                    autoplay.next_at = Some(now + autoplay.every);
                }
            }
        }
    }

    /// Whether the presentation has been opened (its timer runs).
    pub fn begun(&self) -> bool {
        self.started.is_some()
    }

    /// Whether this view shows the presenter view rather than the audience's slide.
    pub fn presenter(&self) -> bool {
        self.presenter
    }

    /// Switches between the audience's slide and the presenter view.
    pub fn toggle_presenter(&mut self) {
        self.presenter = !self.presenter;
    }

    /// Whether the audience's slide carries its number (`--slide-numbers`).
    pub fn slide_numbers(&self) -> bool {
        self.slide_numbers
    }

    /// The talk's length, if one was given.
    pub fn duration(&self) -> Option<Duration> {
        self.duration
    }

    /// How the talk stands against its duration; `None` without one.
    pub fn time_left(&self) -> Option<TimeLeft> {
        let duration = self.duration?;
        let elapsed = self.elapsed();
        Some(match duration.checked_sub(elapsed) {
            Some(left) if left >= Duration::from_secs(60) => TimeLeft::Plenty(left),
            Some(left) if !left.is_zero() => TimeLeft::LastMinute(left),
            _ => TimeLeft::Over(elapsed.saturating_sub(duration)),
        })
    }

    /// Takes the time of day the runtime read at `at`.
    pub fn set_wall_clock(&mut self, time: TimeOfDay, at: Instant) {
        self.wall = Some((time, at));
    }

    /// The time of day now (as of the last tick), if the runtime has told it.
    pub fn wall_clock(&self) -> Option<TimeOfDay> {
        self.wall.map(|(time, at)| time.after(self.now.saturating_duration_since(at)))
    }

    /// Whether the runtime should tell this presentation the time of day: only the presenter
    /// view shows it.
    pub fn wants_wall_clock(&self) -> bool {
        self.presenter
    }

    /// Whether a clock on screen moves each second: the presenter view's always (the
    /// presenter keeps time while the audience's screen is blank), the audience's timer only
    /// when shown and not blank.
    pub(super) fn clock_shown(&self) -> bool {
        self.presenter || (self.show_timer && !self.blank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PresentOptions;

    #[test]
    fn the_time_of_day_moves_with_the_instants_and_wraps_at_midnight() {
        let t0 = Instant::now();
        let mut p = Presentation::new(PresentOptions { presenter: true, ..PresentOptions::default() }, t0);
        assert_eq!(p.wall_clock(), None, "not told yet");
        p.set_wall_clock(TimeOfDay::new(23, 59, 30), t0);
        assert_eq!(p.wall_clock().map(TimeOfDay::hours_minutes).as_deref(), Some("23:59"));
        p.tick(t0 + Duration::from_secs(45), 3);
        assert_eq!(p.wall_clock().map(TimeOfDay::hours_minutes).as_deref(), Some("00:00"));
    }

    #[test]
    fn time_left_counts_down_warns_in_the_last_minute_and_then_counts_over() {
        let t0 = Instant::now();
        let options = PresentOptions { duration: Some(Duration::from_secs(20 * 60)), ..PresentOptions::default() };
        let mut p = Presentation::new(options, t0);
        assert_eq!(p.time_left(), Some(TimeLeft::Plenty(Duration::from_secs(1200))), "not begun: all of it");
        p.enter(t0);
        p.tick(t0 + Duration::from_secs(18 * 60), 3);
        assert_eq!(p.time_left(), Some(TimeLeft::Plenty(Duration::from_secs(120))));
        p.tick(t0 + Duration::from_secs(19 * 60), 3);
        assert_eq!(p.time_left(), Some(TimeLeft::Plenty(Duration::from_secs(60))), "a minute left is not yet the last");
        p.tick(t0 + Duration::from_secs(19 * 60 + 1), 3);
        assert_eq!(p.time_left(), Some(TimeLeft::LastMinute(Duration::from_secs(59))));
        p.tick(t0 + Duration::from_secs(20 * 60), 3);
        assert_eq!(p.time_left(), Some(TimeLeft::Over(Duration::ZERO)));
        p.tick(t0 + Duration::from_secs(21 * 60 + 5), 3);
        assert_eq!(p.time_left(), Some(TimeLeft::Over(Duration::from_secs(65))));
        let untimed = Presentation::new(PresentOptions::default(), t0);
        assert_eq!(untimed.time_left(), None);
    }

    #[test]
    fn the_presenter_views_clock_ticks_even_while_the_audience_sees_black() {
        let t0 = Instant::now();
        let options = PresentOptions { presenter: true, animation: false, ..PresentOptions::default() };
        let mut p = Presentation::new(options, t0);
        p.enter(t0);
        p.blank = true;
        assert_eq!(p.next_deadline(), Some(t0 + Duration::from_secs(1)));
        p.toggle_presenter();
        assert_eq!(p.next_deadline(), None, "the audience's screen is blank and shows no timer");
    }
}
