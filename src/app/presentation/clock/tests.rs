//! The presentation clock driven by made-up instants: animation frames, autoplay, the timer.
use super::*;

fn at(start: Instant, ms: u64) -> Instant {
    start + Duration::from_millis(ms)
}

#[test]
fn a_slide_animates_in_over_half_a_second_and_then_stops_asking_for_frames() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions::default(), t0);
    p.show_timer = false;
    assert_eq!(p.next_deadline(), None, "nothing moves: no wake-ups");
    p.go_to(1, 5, t0, true);
    assert_eq!(p.shown_value("x", 10.0), 0.0, "values start from zero");
    assert_eq!(p.next_deadline(), Some(t0 + FRAME));
    assert!(p.tick(at(t0, 250), 5));
    let halfway = p.shown_value("x", 10.0);
    assert!(halfway > 5.0 && halfway < 10.0, "eased: {halfway}");
    assert!(p.tick(at(t0, 500), 5));
    assert_eq!(p.shown_value("x", 10.0), 10.0);
    assert_eq!(p.animation, None);
    assert_eq!(p.next_deadline(), None);
}

#[test]
fn without_animation_values_are_settled_at_once() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions { animation: false, ..PresentOptions::default() }, t0);
    p.go_to(2, 5, t0, true);
    assert_eq!(p.shown_value("x", 7.0), 7.0);
    assert_eq!(p.animation, None);
}

#[test]
fn a_reload_moves_changed_values_from_their_old_ones() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions::default(), t0);
    p.animate_change(vec![("a".into(), 20.0)], t0);
    assert_eq!(p.shown_value("a", 30.0), 20.0);
    assert_eq!(p.shown_value("b", 5.0), 5.0, "unchanged values do not move");
    p.tick(at(t0, 600), 3);
    assert_eq!(p.shown_value("a", 30.0), 30.0);
}

#[test]
fn autoplay_advances_loops_and_pauses_on_a_key() {
    let t0 = Instant::now();
    let options = PresentOptions {
        autoplay: Some(Duration::from_secs(3)),
        looping: true,
        animation: false,
        ..PresentOptions::default()
    };
    let mut p = Presentation::new(options, t0);
    p.start_autoplay(t0);
    assert!(!p.tick(at(t0, 2999), 3) || p.slide == 0);
    assert_eq!(p.slide, 0);
    p.tick(at(t0, 3000), 3);
    assert_eq!(p.slide, 1);
    p.tick(at(t0, 6000), 3);
    p.tick(at(t0, 9000), 3);
    assert_eq!(p.slide, 0, "looped after the last slide");
    assert_eq!(p.autoplay_fraction(), Some(0.0));
    p.tick(at(t0, 10500), 3);
    assert_eq!(p.autoplay_fraction(), Some(0.5));
    p.go_to(2, 3, at(t0, 10600), true);
    assert_eq!(p.autoplay.unwrap().next_at, None, "a key press pauses autoplay");
    p.tick(at(t0, 20000), 3);
    assert_eq!(p.slide, 2);
    p.toggle_autoplay(at(t0, 20000));
    assert_eq!(p.autoplay.unwrap().next_at, Some(at(t0, 23000)), "a resumes");
}

#[test]
fn autoplay_without_loop_stops_at_the_last_slide() {
    let t0 = Instant::now();
    let options = PresentOptions {
        autoplay: Some(Duration::from_secs(1)),
        looping: false,
        animation: false,
        ..PresentOptions::default()
    };
    let mut p = Presentation::new(options, t0);
    p.start_autoplay(t0);
    for s in 1..=5 {
        p.tick(at(t0, 1000 * s), 3);
    }
    assert_eq!(p.slide, 2);
    assert_eq!(p.autoplay.unwrap().next_at, None);
}

#[test]
fn the_timer_ticks_once_a_second_and_not_while_blank_or_hidden() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions { animation: false, ..PresentOptions::default() }, t0);
    assert_eq!(p.next_deadline(), None, "the audience's slide shows no timer unless asked (t)");
    p.show_timer = true;
    assert_eq!(p.next_deadline(), None, "nor before the presentation opens");
    p.enter(t0);
    assert_eq!(p.next_deadline(), Some(at(t0, 1000)));
    assert!(!p.tick(at(t0, 400), 3), "same second: no frame");
    assert!(p.tick(at(t0, 1000), 3));
    assert_eq!(p.elapsed(), Duration::from_secs(1));
    p.blank = true;
    assert_eq!(p.next_deadline(), None);
    p.blank = false;
    p.show_timer = false;
    assert_eq!(p.next_deadline(), None);
}

#[test]
fn f5_starts_again_from_the_first_slide_with_a_fresh_timer() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions::default(), t0);
    p.enter(t0);
    p.go_to(3, 5, t0, true);
    p.tick(at(t0, 65_000), 5);
    assert_eq!(p.elapsed(), Duration::from_secs(65));
    p.restart(at(t0, 65_000));
    assert_eq!(p.slide, 0);
    assert_eq!(p.elapsed(), Duration::ZERO);
    assert!(p.animation.is_some());
}

#[test]
fn the_timer_starts_when_the_slides_first_open_and_goes_on_across_the_dashboard() {
    let t0 = Instant::now();
    let mut p = Presentation::new(PresentOptions { animation: false, ..PresentOptions::default() }, t0);
    p.tick(at(t0, 120_000), 5);
    assert_eq!(p.elapsed(), Duration::ZERO, "two minutes on the dashboard do not count");
    p.enter(at(t0, 120_000));
    p.tick(at(t0, 140_000), 5);
    assert_eq!(p.elapsed(), Duration::from_secs(20));
    // Esc to the dashboard and back: the same talk, the same timer.
    p.enter(at(t0, 200_000));
    assert_eq!(p.elapsed(), Duration::from_secs(80));
}

#[test]
fn autoplay_switched_off_stays_off_when_the_slides_open_again() {
    let t0 = Instant::now();
    let options =
        PresentOptions { autoplay: Some(Duration::from_secs(3)), animation: false, ..PresentOptions::default() };
    let mut p = Presentation::new(options, t0);
    p.enter(t0);
    assert_eq!(p.autoplay.unwrap().next_at, Some(at(t0, 3000)), "--autoplay starts with the slides");
    p.toggle_autoplay(at(t0, 1000));
    assert_eq!(p.autoplay.unwrap().next_at, None);
    p.enter(at(t0, 5000));
    assert_eq!(p.autoplay.unwrap().next_at, None, "off stays off");
    p.toggle_autoplay(at(t0, 6000));
    p.enter(at(t0, 60_000));
    assert_eq!(p.autoplay.unwrap().next_at, Some(at(t0, 63_000)), "on stays on, a whole step from now");
}
