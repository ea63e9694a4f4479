//! The app's effects carried out in place, on the calling thread: for drawing without a
//! terminal, tests and benchmarks, where a load may as well block and time stands still.

use crate::app::{App, Effects, Event};

/// Applies `event` and, if the app asks for a load, performs it at once and feeds the outcome
/// back, stamped with the event's own instant when it has one (as if the load took no time: a
/// test's made-up clock stays consistent). Returns the effects of both, without the load.
pub fn step(app: &mut App, event: Event) -> Effects {
    let at = match &event {
        Event::Key(_, at) | Event::FileChanged(_, at) | Event::Tick(at) => Some(*at),
        _ => None,
    };
    let mut effects = app.update(event);
    if let Some(ask) = effects.load.take() {
        let mut outcome = ask.perform();
        if let Some(at) = at {
            outcome.at = at;
        }
        effects = effects.and(app.update(Event::Loaded(Box::new(outcome))));
    }
    effects
}

/// [`step`], for when only the new state matters.
pub fn apply(app: &mut App, event: Event) {
    let _ = step(app, event);
}
