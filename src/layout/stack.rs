//! Rows or columns of fixed lengths and at most one filler, cut by arithmetic.
//!
//! Every split of the dashboard is of that shape, and ratatui's constraint solver costs about
//! 100,000 instructions a split (a dozen of them were an eighth of the first frame). The answer
//! is the solver's: lengths one after another from the start, the filler taking what is left, the
//! rest empty at the end when there is no filler ([`Flex::Start`], ratatui's default). Shapes whose
//! answer is not plain arithmetic (lengths that do not fit, several fillers sharing the room) are
//! handed to the solver, so they too come out as they always did.
//!
//! [`Flex::Start`]: ratatui::layout::Flex::Start

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// One row (or column) of a stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Exactly this many cells.
    Length(u16),
    /// What the lengths leave.
    Fill,
}

/// Which way a stack runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Rows, top to bottom.
    Vertical,
    /// Columns, left to right.
    Horizontal,
}

/// `area` cut into `parts` along `axis`; the same rects as ratatui's `Layout` with the matching
/// constraints.
pub fn stack<const N: usize>(area: Rect, axis: Axis, parts: [Part; N]) -> [Rect; N] {
    let mut rects = [Rect::default(); N];
    if !cut(area, axis, &parts, &mut rects) {
        rects.copy_from_slice(&solved(area, axis, &parts));
    }
    rects
}

/// [`stack`] for a number of parts known only at run time.
pub fn stack_vec(area: Rect, axis: Axis, parts: &[Part]) -> Vec<Rect> {
    let mut rects = vec![Rect::default(); parts.len()];
    if !cut(area, axis, parts, &mut rects) {
        return solved(area, axis, parts);
    }
    rects
}

/// Fills `rects` by arithmetic and returns true, or returns false when the shape needs the
/// solver (lengths longer than the room, or more than one filler).
fn cut(area: Rect, axis: Axis, parts: &[Part], rects: &mut [Rect]) -> bool {
    let room = match axis {
        Axis::Vertical => area.height,
        Axis::Horizontal => area.width,
    };
    let mut fixed: u32 = 0;
    let mut fillers = 0;
    for part in parts {
        match part {
            Part::Length(n) => fixed += u32::from(*n),
            Part::Fill => fillers += 1,
        }
    }
    if fixed > u32::from(room) || fillers > 1 {
        return false;
    }
    // Fits in u16: `fixed` is at most `room`.
    let left_over = room - u16::try_from(fixed).unwrap_or(room);
    let mut start = match axis {
        Axis::Vertical => area.y,
        Axis::Horizontal => area.x,
    };
    for (part, rect) in parts.iter().zip(rects.iter_mut()) {
        let length = match part {
            Part::Length(n) => *n,
            Part::Fill => left_over,
        };
        *rect = match axis {
            Axis::Vertical => Rect { y: start, height: length, ..area },
            Axis::Horizontal => Rect { x: start, width: length, ..area },
        };
        start = start.saturating_add(length);
    }
    true
}

/// The constraint solver's answer, for the shapes [`cut`] leaves to it.
fn solved(area: Rect, axis: Axis, parts: &[Part]) -> Vec<Rect> {
    let direction = match axis {
        Axis::Vertical => Direction::Vertical,
        Axis::Horizontal => Direction::Horizontal,
    };
    Layout::new(direction, parts.iter().map(|part| constraint(*part))).split(area).to_vec()
}

/// The ratatui constraint a part stands for.
fn constraint(part: Part) -> Constraint {
    match part {
        Part::Length(n) => Constraint::Length(n),
        Part::Fill => Constraint::Fill(1),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn part() -> impl Strategy<Value = Part> {
        prop_oneof![3 => (0u16..40).prop_map(Part::Length), 1 => Just(Part::Fill)]
    }

    fn axis() -> impl Strategy<Value = Axis> {
        prop_oneof![Just(Axis::Vertical), Just(Axis::Horizontal)]
    }

    proptest! {
        /// Whatever the shape, including those handed to the solver, the rects are the solver's.
        #[test]
        fn the_same_rects_as_ratatuis_layout(
            x in 0u16..50, y in 0u16..50, width in 0u16..300, height in 0u16..120,
            axis in axis(), parts in proptest::collection::vec(part(), 0..9),
        ) {
            let area = Rect::new(x, y, width, height);
            let expected = solved(area, axis, &parts);
            prop_assert_eq!(stack_vec(area, axis, &parts), expected);
        }
    }

    #[test]
    fn a_filler_takes_what_the_lengths_leave() {
        let area = Rect::new(2, 3, 40, 20);
        let [top, body, bottom] = stack(area, Axis::Vertical, [Part::Length(2), Part::Fill, Part::Length(1)]);
        assert_eq!(top, Rect::new(2, 3, 40, 2));
        assert_eq!(body, Rect::new(2, 5, 40, 17));
        assert_eq!(bottom, Rect::new(2, 22, 40, 1));
    }

    #[test]
    fn without_a_filler_the_room_left_stays_empty_at_the_end() {
        let [a, b] = stack(Rect::new(0, 0, 30, 5), Axis::Horizontal, [Part::Length(4), Part::Length(6)]);
        assert_eq!((a, b), (Rect::new(0, 0, 4, 5), Rect::new(4, 0, 6, 5)));
    }
}
