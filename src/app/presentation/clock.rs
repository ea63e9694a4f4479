//! Presentation mode's clock: which slide, blank or not, the timer, autoplay and the animation
//! of values growing into place. Everything is driven by instants passed in, so it is tested
//! without sleeping.

use std::time::{Duration, Instant};

use crate::dataset::{Dataset, Gauge};

/// How long values take to grow into place.
pub const ANIMATION: Duration = Duration::from_millis(500);
/// Time between animation frames (30 a second), only while something moves.
pub const FRAME: Duration = Duration::from_millis(33);
/// How often the autoplay progress line moves.
const PROGRESS_STEP: Duration = Duration::from_millis(250);
/// Autoplay's pace when `a` turns it on without `--autoplay`.
pub const DEFAULT_AUTOPLAY: Duration = Duration::from_secs(5);

/// What the command line asks of presentation mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentOptions {
    pub autoplay: Option<Duration>,
    /// Start again after the last slide (a kiosk).
    pub looping: bool,
    pub animation: bool,
    /// Open on the presenter view (`--presenter`) rather than the audience's slide.
    pub presenter: bool,
    /// How long the talk may take (`--duration`): the presenter view counts down to it.
    pub duration: Option<Duration>,
    /// A small slide number on the audience's slide (`--slide-numbers`).
    pub slide_numbers: bool,
}

impl Default for PresentOptions {
    fn default() -> Self {
        Self { autoplay: None, looping: false, animation: true, presenter: false, duration: None, slide_numbers: false }
    }
}

/// Where values animate from.
#[derive(Debug, Clone, PartialEq)]
pub enum Growth {
    /// A slide appearing: every value grows from zero.
    FromZero,
    /// A reload: changed values move from their old values (by metric id).
    FromValues(Vec<(String, f64)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Animation {
    pub start: Instant,
    pub growth: Growth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Autoplay {
    pub every: Duration,
    pub looping: bool,
    /// When the next slide comes; `None` while paused.
    pub next_at: Option<Instant>,
}

/// The state of a presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    pub slide: usize,
    pub blank: bool,
    /// The timer on the audience's slide (`t`; off by default: the presenter view has one).
    pub show_timer: bool,
    /// Digits typed before Enter (go to slide N).
    pub typed: String,
    pub autoplay: Option<Autoplay>,
    pub animation: Option<Animation>,
    animate: bool,
    /// When the presentation first opened (or F5): the timer counts from it. `None` until the
    /// slides are first shown, so time on the dashboard before them does not count.
    started: Option<Instant>,
    /// The instant of the last tick: what the screen shows the time of.
    pub now: Instant,
    /// The presenter view instead of the audience's slide.
    presenter: bool,
    duration: Option<Duration>,
    slide_numbers: bool,
    /// The time of day the runtime last told, and the instant it was read at.
    wall: Option<(talk::TimeOfDay, Instant)>,
    /// How many viewers `coopdash serve` has on this presentation, once it has said (the
    /// presenter view shows it).
    pub viewers: Option<usize>,
}

impl Presentation {
    pub fn new(options: PresentOptions, now: Instant) -> Self {
        Self {
            slide: 0,
            blank: false,
            show_timer: false,
            typed: String::new(),
            autoplay: options.autoplay.map(|every| Autoplay { every, looping: options.looping, next_at: None }),
            animation: None,
            animate: options.animation,
            started: None,
            now,
            presenter: options.presenter,
            duration: options.duration,
            slide_numbers: options.slide_numbers,
            wall: None,
            viewers: None,
        }
    }

    /// Time since the presentation first opened (or F5); zero before it has.
    pub fn elapsed(&self) -> Duration {
        self.started.map_or(Duration::ZERO, |started| self.now.saturating_duration_since(started))
    }

    /// How far values have grown, eased: 0 at the start of an animation, 1 when settled.
    pub fn progress(&self) -> f64 {
        match &self.animation {
            None => 1.0,
            Some(animation) => {
                let t = self.now.saturating_duration_since(animation.start).as_secs_f64() / ANIMATION.as_secs_f64();
                ease_out(t.clamp(0.0, 1.0))
            }
        }
    }

    /// The value to draw for a metric whose real value is `value`.
    pub fn shown_value(&self, id: &str, value: f64) -> f64 {
        let progress = self.progress();
        match self.animation.as_ref().map(|a| &a.growth) {
            None => value,
            Some(Growth::FromZero) => value * progress,
            Some(Growth::FromValues(from)) => match from.iter().find(|(i, _)| i == id) {
                Some((_, old)) => old + (value - old) * progress,
                None => value,
            },
        }
    }

    /// The share to draw for a gauge: grown from zero on a new slide, moved from the old
    /// figures after a reload.
    pub fn shown_ratio(&self, dataset: &Dataset, gauge: &Gauge) -> f64 {
        match self.animation.as_ref().map(|a| &a.growth) {
            None => gauge.ratio,
            Some(Growth::FromZero) => gauge.ratio * self.progress(),
            Some(Growth::FromValues(_)) => {
                let (part, whole) = (&dataset.metrics[gauge.metric], &dataset.metrics[gauge.of]);
                let whole_value = self.shown_value(&whole.id, whole.value);
                if whole_value > 0.0 {
                    (self.shown_value(&part.id, part.value) / whole_value).clamp(0.0, 1.0)
                } else {
                    gauge.ratio
                }
            }
        }
    }

    /// The share of the wait for the next slide already gone, while autoplay runs.
    pub fn autoplay_fraction(&self) -> Option<f64> {
        let autoplay = self.autoplay?;
        let next_at = autoplay.next_at?;
        let left = next_at.saturating_duration_since(self.now).as_secs_f64();
        Some((1.0 - left / autoplay.every.as_secs_f64().max(0.001)).clamp(0.0, 1.0))
    }

    /// Starts the animation of a slide appearing (if animations are on).
    pub fn animate_in(&mut self, now: Instant) {
        self.animation = self.animate.then_some(Animation { start: now, growth: Growth::FromZero });
    }

    /// Starts the animation of changed values after a reload.
    pub fn animate_change(&mut self, from: Vec<(String, f64)>, now: Instant) {
        if self.animate && !from.is_empty() {
            self.animation = Some(Animation { start: now, growth: Growth::FromValues(from) });
        }
    }

    /// Goes to a slide (clamped), animating it in; a move by hand pauses autoplay.
    pub fn go_to(&mut self, slide: usize, count: usize, now: Instant, by_hand: bool) {
        let slide = slide.min(count.saturating_sub(1));
        if by_hand && let Some(autoplay) = &mut self.autoplay {
            autoplay.next_at = None;
        }
        self.typed.clear();
        if slide != self.slide {
            self.slide = slide;
            self.animate_in(now);
        }
    }

    /// F5: the first slide, a fresh timer.
    pub fn restart(&mut self, now: Instant) {
        self.started = Some(now);
        self.now = now;
        self.blank = false;
        self.slide = 0;
        self.typed.clear();
        self.animate_in(now);
        if let Some(autoplay) = &mut self.autoplay {
            autoplay.next_at = autoplay.next_at.map(|_| now + autoplay.every);
        }
    }

    /// `a`: pauses a running autoplay, or (re)starts it (at the default pace if none was asked).
    pub fn toggle_autoplay(&mut self, now: Instant) {
        let autoplay = self.autoplay.get_or_insert(Autoplay { every: DEFAULT_AUTOPLAY, looping: false, next_at: None });
        autoplay.next_at = match autoplay.next_at {
            Some(_) => None,
            None => Some(now + autoplay.every),
        };
    }

    /// Starts autoplay's clock if it is configured and not yet running (entering the mode).
    pub fn start_autoplay(&mut self, now: Instant) {
        if let Some(autoplay) = &mut self.autoplay
            && autoplay.next_at.is_none()
        {
            autoplay.next_at = Some(now + autoplay.every);
        }
    }

    /// The earliest instant the screen must change: the next animation frame, the next
    /// autoplay step or progress-line move, the timer's next second. `None` when nothing moves.
    pub fn next_deadline(&self) -> Option<Instant> {
        let frame = self.animation.as_ref().map(|_| self.now + FRAME);
        let autoplay = self.autoplay.and_then(|a| a.next_at).map(|at| at.min(self.now + PROGRESS_STEP));
        let timer = self.started.filter(|_| self.clock_shown()).map(|started| {
            let next_second = self.elapsed().as_secs() + 1;
            started + Duration::from_secs(next_second)
        });
        [frame, autoplay, timer].into_iter().flatten().min()
    }

    /// Moves the clock to `now`: ends a finished animation, advances autoplay (looping or
    /// stopping at the end). Returns whether the screen changed.
    pub fn tick(&mut self, now: Instant, count: usize) -> bool {
        let before_second = self.elapsed().as_secs();
        let before_fraction = self.autoplay_fraction();
        self.now = now;
        let mut changed = self.elapsed().as_secs() != before_second && self.clock_shown();
        if let Some(animation) = &self.animation {
            changed = true;
            if now.saturating_duration_since(animation.start) >= ANIMATION {
                self.animation = None;
            }
        }
        if let Some(autoplay) = self.autoplay
            && let Some(next_at) = autoplay.next_at
            && next_at <= now
        {
            let last = self.slide + 1 >= count;
            match (last, autoplay.looping) {
                (true, false) => self.autoplay = Some(Autoplay { next_at: None, ..autoplay }),
                (true, true) => self.go_to(0, count, now, false),
                (false, _) => self.go_to(self.slide + 1, count, now, false),
            }
            if let Some(a) = &mut self.autoplay
                && a.next_at.is_some()
            {
                a.next_at = Some(now + a.every);
            }
            changed = true;
        }
        changed || self.autoplay_fraction() != before_fraction
    }
}

/// Fast at first, gentle at the end.
fn ease_out(t: f64) -> f64 {
    1.0 - (1.0 - t).powi(3)
}

mod talk;
pub use talk::{TimeLeft, TimeOfDay};

#[cfg(test)]
mod tests;
