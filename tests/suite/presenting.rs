//! Giving a talk: the audience's slide carries nothing but the slide, the presenter view shows
//! the notes, the next slide and the time, and the rules of the timer, autoplay and the blank
//! screen hold, driven by made-up instants (no sleeping, no real clock).

use crate::common;

use std::time::{Duration, Instant};

use common::{apply, every_slide, fixture, fixture_app, go_to_slide, present, screen, slide_count, step};
use coopdash::app::{App, End, Event, Mode, PresentOptions, TimeOfDay};
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
use coopdash::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// A key pressed at `at`; what it asks the runtime to do comes back.
fn key_effects(app: &mut App, code: KeyCode, at: Instant) -> coopdash::app::Effects {
    step(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), at))
}

fn key_at(app: &mut App, code: KeyCode, at: Instant) {
    let _ = key_effects(app, code, at);
}

fn tick(app: &mut App, at: Instant) {
    apply(app, Event::Tick(at));
}

/// The notes fixture in the presenter view at a size: a 20-minute talk, the wall clock at
/// 14:05 when it opened, values settled.
fn presenter_app(width: u16, height: u16, theme: Theme) -> (App, Instant) {
    let request = LoadRequest { dataset: DatasetSource::File(fixture("notes")), article_override: None };
    let first = LoadAsk::first(&request);
    let t0 = first.at;
    let mut app = App::new(request, first, theme, Rect::default());
    apply(&mut app, Event::Resize(width, height));
    let options = PresentOptions {
        animation: false,
        presenter: true,
        duration: Some(Duration::from_secs(20 * 60)),
        ..PresentOptions::default()
    };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: t0 });
    apply(&mut app, Event::WallClock { time: TimeOfDay::new(14, 5, 0), at: t0 });
    (app, t0)
}

/// Words that belong to the presenter, never to the audience's screen.
const PRESENTER_ONLY: [&str; 9] = ["next", "back", "blank", "autoplay", "Esc", "dashboard", "Article:", ".md", "00:0"];

#[test]
fn the_audiences_slides_show_no_hints_no_timer_and_no_file_paths() {
    for name in ["notes", "tonnages", "chinese"] {
        let mut app = fixture_app(name, 80, 24);
        present(&mut app);
        for (index, slide) in every_slide(&mut app).iter().enumerate() {
            for word in PRESENTER_ONLY {
                assert!(
                    !slide.contains(word),
                    "{name} slide {}: `{word}` on the audience's screen\n{slide}",
                    index + 1
                );
            }
        }
    }
}

#[test]
fn slide_numbers_show_only_when_asked_for() {
    let mut app = fixture_app("notes", 80, 24);
    present(&mut app);
    go_to_slide(&mut app, "Harvest by fruit");
    assert!(!screen(&app).contains("2/5"));
    let options = PresentOptions { animation: false, slide_numbers: true, ..PresentOptions::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 1, at: Instant::now() });
    let last_row = screen(&app).lines().last().unwrap_or_default().to_owned();
    assert!(last_row.trim_end().ends_with("2/5"), "{last_row:?}");
}

#[test]
fn the_presenter_view_at_80x24() {
    let (mut app, t0) = presenter_app(80, 24, Theme::monochrome());
    key_at(&mut app, KeyCode::Right, t0 + Duration::from_secs(200));
    tick(&mut app, t0 + Duration::from_secs(7 * 60 + 30));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_presenter_view_at_120x40() {
    let (mut app, t0) = presenter_app(120, 40, Theme::monochrome());
    key_at(&mut app, KeyCode::Right, t0 + Duration::from_secs(200));
    tick(&mut app, t0 + Duration::from_secs(7 * 60 + 30));
    let text = screen(&app);
    for part in ["Slide 2 of 5", "Next", "Notes", "Harvest by fruit", "Rows picked so far", "Apples are most"] {
        assert!(text.contains(part), "`{part}` missing\n{text}");
    }
    assert!(text.contains("slide 2 of 5 · 12:30 left · 07:30 elapsed · 14:12"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_presenter_view_at_200x50() {
    let (mut app, t0) = presenter_app(200, 50, Theme::monochrome());
    tick(&mut app, t0 + Duration::from_secs(65));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_last_minute_warns_and_then_time_is_up() {
    let (mut app, t0) = presenter_app(120, 40, Theme::dark());
    let warning = Theme::dark().warning;
    tick(&mut app, t0 + Duration::from_secs(19 * 60 + 15));
    let buffer = common::render(&app);
    let text = coopdash::export::to_plain_text(&buffer);
    let status = text.lines().last().unwrap_or_default();
    let at = status.find("00:45 left").unwrap_or_else(|| panic!("{status}"));
    // The status line is ASCII up to there but for the `·`s, each one cell.
    let column = status[..at].chars().count() as u16;
    assert_eq!(buffer[(column, 39)].fg, warning.fg.unwrap(), "the last minute is a warning");
    tick(&mut app, t0 + Duration::from_secs(20 * 60 + 5));
    let text = screen(&app);
    assert!(text.lines().last().unwrap_or_default().contains("time is up, 00:05 over"), "{text}");
}

#[test]
fn every_part_steps_down_on_small_screens_and_none_spills() {
    for (width, height) in [(60, 20), (40, 10), (30, 5), (12, 2), (1, 1), (90, 14)] {
        let (app, _) = presenter_app(width, height, Theme::monochrome());
        let text = screen(&app);
        assert_eq!(text.lines().count(), usize::from(height), "{width}x{height}");
        assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= usize::from(width)));
        if width >= 30 && height >= 5 {
            assert!(text.contains("Notes") && text.contains("Welcome"), "{width}x{height}: the notes stay\n{text}");
            assert!(text.contains("slide 1 of 5"), "{width}x{height}: where we are\n{text}");
        }
    }
    let (app, _) = presenter_app(60, 20, Theme::monochrome());
    let text = screen(&app);
    assert!(text.contains("Next") && text.contains("Harvest by fruit"), "the next slide's title stays\n{text}");
    assert!(text.contains("Notes · The orchard's year") || text.contains("The orchard's year"), "{text}");
}

#[test]
fn s_switches_between_the_audiences_slide_and_the_presenter_view() {
    let (mut app, t0) = presenter_app(120, 40, Theme::monochrome());
    assert!(screen(&app).contains("Notes"));
    key_at(&mut app, KeyCode::Char('s'), t0);
    let audience = screen(&app);
    assert!(!audience.contains("Notes") && !audience.contains("Welcome"), "{audience}");
    key_at(&mut app, KeyCode::Char('s'), t0);
    assert!(screen(&app).contains("Notes"));
}

#[test]
fn a_slide_without_notes_says_so_and_a_gauge_slide_takes_the_gauges_note() {
    let (mut app, t0) = presenter_app(120, 40, Theme::monochrome());
    key_at(&mut app, KeyCode::Char('3'), t0);
    key_at(&mut app, KeyCode::Enter, t0);
    assert!(screen(&app).contains("old trees on the hill"), "{}", screen(&app));
    key_at(&mut app, KeyCode::End, t0);
    assert!(screen(&app).contains("No notes for this slide."));
    assert!(screen(&app).contains("End of the deck"));
}

#[test]
fn the_timer_starts_when_the_presentation_starts() {
    let mut app = fixture_app("notes", 80, 24);
    let t0 = Instant::now();
    tick(&mut app, t0 + Duration::from_secs(120));
    key_at(&mut app, KeyCode::Char('p'), t0 + Duration::from_secs(120));
    key_at(&mut app, KeyCode::Char('t'), t0 + Duration::from_secs(121));
    tick(&mut app, t0 + Duration::from_secs(140));
    let text = screen(&app);
    assert!(text.contains("00:20"), "two minutes on the dashboard do not count\n{text}");
}

#[test]
fn autoplay_switched_off_stays_off_after_esc_and_p() {
    let mut app = fixture_app("notes", 80, 24);
    let t0 = Instant::now();
    let options =
        PresentOptions { autoplay: Some(Duration::from_secs(5)), animation: false, ..PresentOptions::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: t0 });
    assert!(screen(&app).contains("autoplay"));
    key_at(&mut app, KeyCode::Char('a'), t0 + Duration::from_secs(1));
    key_at(&mut app, KeyCode::Esc, t0 + Duration::from_secs(2));
    key_at(&mut app, KeyCode::Char('p'), t0 + Duration::from_secs(3));
    assert_eq!(app.view().mode(), Mode::Presentation);
    tick(&mut app, t0 + Duration::from_secs(30));
    assert_eq!(app.view().presentation().slide, 0, "autoplay did not come back");
    assert!(!screen(&app).contains("autoplay"));
}

#[test]
fn a_blank_screen_comes_back_on_the_same_slide_with_the_first_key() {
    let mut app = fixture_app("notes", 80, 24);
    present(&mut app);
    let t0 = Instant::now();
    let at = go_to_slide(&mut app, "Harvest by fruit");
    for code in [KeyCode::Right, KeyCode::Char(' '), KeyCode::Char('x'), KeyCode::Char('b'), KeyCode::Left] {
        key_at(&mut app, KeyCode::Char('b'), t0);
        assert!(app.view().presentation().blank);
        key_at(&mut app, code, t0);
        let p = app.view().presentation();
        assert!(!p.blank, "{code:?} brings the slide back");
        assert_eq!(p.slide, at, "{code:?} does not move: the audience has not seen the slide yet");
    }
    key_at(&mut app, KeyCode::Right, t0);
    assert_eq!(app.view().presentation().slide, at + 1, "once lit, keys move again");
    key_at(&mut app, KeyCode::Char('b'), t0);
    assert_eq!(key_effects(&mut app, KeyCode::Char('q'), t0).end, Some(End::Quit), "q still quits");
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), t0);
    assert_eq!(step(&mut app, ctrl_c).end, Some(End::Quit), "Ctrl-C still quits");
    assert!(slide_count(&app) > at + 1);
}

#[test]
fn the_presenter_view_says_how_many_watch_over_ssh() {
    let (mut app, _) = presenter_app(120, 40, Theme::monochrome());
    assert!(!screen(&app).contains("over SSH"), "no count before `coopdash serve` says one");
    apply(&mut app, Event::Viewers(12));
    let screen = common::screen(&app);
    assert!(screen.contains("12 viewers over SSH"), "{screen}");
    apply(&mut app, Event::Viewers(1));
    assert!(common::screen(&app).contains("1 viewer over SSH"));
}
