//! One viewer's state over a shared [`Content`]: the screen size, the focus and selections,
//! the article's position and its wrap for this width, the overlay, the search and the place in
//! a presentation. Several views can look at one content, each at its own size and place.
//!
//! A view changes only through [`View::update`] (its own events) and [`View::hear`] (news of
//! the content); both read no file and no clock.

mod notice;
pub use notice::{NOTICE_LIFETIME, WARNING_LIFETIME};
mod read;
mod solved;
pub(super) use solved::Solved;

use std::time::Instant;

use ratatui::layout::Rect;

use super::content::{Content, News};
use super::{Effects, End, Event, Item, Level, Mode, Notice, Overlay, PresentOptions, Presentation, Search};
use crate::action::{Action, Context, Keymap};
use crate::article::Wrapping;
use crate::help::Audience;
use crate::layout::Pane;
use crate::theme::Theme;

/// One viewer's place in the content.
pub struct View {
    /// The status line's message, and since when it shows (stamped by the first tick after it
    /// appeared: the runtime ticks after every batch of events).
    pub(super) notice: Option<Notice>,
    pub(super) notice_since: Option<Instant>,
    pub(super) focus: Pane,
    /// The pane whose selection the detail line shows while the article has the focus.
    pub(super) last_item_pane: Pane,
    /// Selected bar of each chart (kept on the same metric, by id, across reloads).
    pub(super) chart_selection: Vec<usize>,
    /// The sort `s` and `S` chose for each table, by chart; `None`: the file's.
    pub(super) table_sorts: Vec<Option<crate::table::TableSort>>,
    pub(super) gauge_selection: usize,
    /// The article's top visible row (rows count the evidence badge too).
    pub(super) article_scroll: usize,
    pub(super) help_scroll: usize,
    /// The details window's first row of fields (a long history scrolls; 0 on opening).
    pub(super) details_scroll: u16,
    pub(super) overlay: Overlay,
    pub(super) mode: Mode,
    pub(super) presentation: Presentation,
    /// The search being typed, or whose matches are still highlighted.
    pub(super) search: Option<Search>,
    /// The metric whose sentence is highlighted in the article.
    pub(super) evidence_metric: Option<usize>,
    /// The selection the article last followed (so only a change of selection scrolls it).
    pub(super) followed: Option<Item>,
    /// The terminal's size: layout needs it in `update`, not only in render.
    pub(super) size: Rect,
    /// The article wrapped for [`View::article_width`] columns, as far down as this view has
    /// looked (the rest is wrapped while the program is idle).
    pub(super) article_wrap: Wrapping,
    pub(super) article_width: usize,
    /// When this view was made: a past instant, the deadline of work that is due at once.
    pub(super) created: Instant,
    pub(super) theme: Theme,
    /// The key table in force (the defaults with the config's `[keys]`).
    pub(super) keys: Keymap,
    /// A follower's message while it has no presenter to follow (see [`super::Follow`]).
    pub(super) following: Option<String>,
    /// Who the view is shown to: what its help and key hints list beyond the key table.
    pub(super) audience: Audience,
    /// The layout last solved for this view (at the end of every update): see [`View::areas`].
    pub(super) solved: Option<Solved>,
}

impl View {
    /// A view at the top of `content`, at `size`; `now` starts its presentation clock.
    pub fn new(content: &Content, theme: Theme, size: Rect, now: Instant) -> Self {
        Self::with_keys(content, theme, Keymap::default(), size, now)
    }

    /// [`View::new`] with a key table of its own (built once at start from the config).
    pub fn with_keys(content: &Content, theme: Theme, keys: Keymap, size: Rect, now: Instant) -> Self {
        let mut view = Self {
            notice: None,
            notice_since: None,
            focus: Pane::Chart(0),
            last_item_pane: Pane::Chart(0),
            chart_selection: Vec::new(),
            table_sorts: Vec::new(),
            gauge_selection: 0,
            article_scroll: 0,
            help_scroll: 0,
            details_scroll: 0,
            overlay: Overlay::None,
            mode: Mode::Dashboard,
            presentation: Presentation::new(PresentOptions::default(), now),
            search: None,
            evidence_metric: None,
            followed: None,
            size,
            article_wrap: Wrapping::default(),
            article_width: 0,
            created: now,
            theme,
            keys,
            following: None,
            audience: Audience::LOCAL,
            solved: None,
        };
        view.keep_place(content, None);
        view.solve(content);
        // The article starts at its top: it follows the selection only once the user moves.
        view.followed = view.selected_item(content);
        view
    }

    /// This view as its owner shows it to `audience` (the local terminal's is the default): set
    /// once, when the view is made.
    #[must_use]
    pub fn for_audience(self, audience: Audience) -> Self {
        Self { audience, ..self }
    }

    /// Applies one of this view's events (keys, mouse, size, paste, a notice, presentation
    /// commands, time passing) and says what the runtime should do next.
    pub fn update(&mut self, content: &Content, event: Event) -> Effects {
        let effects = self.step(content, event);
        self.solve(content);
        effects
    }

    fn step(&mut self, content: &Content, event: Event) -> Effects {
        match event {
            Event::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                self.refresh_article(content);
                self.make_room_for_details(content);
                Effects::redraw()
            }
            Event::Key(key, at) => match self.keys.action_for(&key, self.context()) {
                _ if self.presentation.blank && self.context() == Context::Presentation => {
                    self.key_while_blank(content, &key, at)
                }
                Some(action) => {
                    // A message is read by the next thing the user does; an error stays
                    // while it is true.
                    let dismissed = self.dismiss_notice();
                    let effects = self.apply(content, action, at);
                    Effects { redraw: effects.redraw || dismissed, ..effects }
                }
                None => Effects::none(),
            },
            Event::Mouse(mouse) => self.on_mouse(content, mouse),
            Event::Paste(text) if self.context() == Context::Search => {
                self.type_into_search(content, &text);
                self.follow_selection(content);
                Effects::redraw()
            }
            Event::Notice(notice) => {
                self.show_notice(notice);
                Effects::redraw()
            }
            Event::Present { options, start, slide, at } => {
                self.presentation = Presentation::new(options, at);
                self.presentation.slide = slide.min(content.deck().len().saturating_sub(1));
                if start && self.mode == Mode::Dashboard {
                    self.toggle_presentation(content, at);
                }
                Effects::redraw()
            }
            Event::GoToSlide { slide, at } => {
                self.presentation.go_to(slide, content.deck().len(), at, true);
                Effects::redraw()
            }
            Event::WallClock { time, at } => {
                self.presentation.set_wall_clock(time, at);
                Effects::none()
            }
            Event::Follow(news) => self.hear_presenter(content, news),
            Event::Viewers(count) => {
                self.presentation.viewers = Some(count);
                Effects::redraw()
            }
            Event::Theme(theme) => {
                self.theme = *theme;
                Effects::redraw()
            }
            Event::Tick(now) => {
                let moved = self.mode == Mode::Presentation && self.presentation.tick(now, content.deck().len());
                let expired = self.age_notice(now);
                let wrapped = self.wrap_article_more(content);
                Effects { redraw: moved || expired || wrapped, ..Effects::none() }
            }
            _ => Effects::none(),
        }
    }

    /// Takes in news of the content: the status line's message, and new data, under which the
    /// view keeps its place (selections by metric id, the article's position, the same slide).
    pub fn hear(&mut self, content: &Content, news: &News) -> Effects {
        if let Some(notice) = &news.notice {
            self.show_notice(notice.clone());
        }
        if let Some(replaced) = &news.replaced {
            self.keep_place(content, replaced.old.as_ref());
            let slide = self.presentation.slide;
            self.presentation.slide = crate::deck::same_slide(replaced.old_deck.get(slide), slide, content.deck());
            // On a slide, changed values move from their old values to the new ones.
            let old_values: Vec<(String, f64)> =
                content.changes().iter().filter_map(|c| Some((c.id.clone(), c.old_value?))).collect();
            self.presentation.animate_change(old_values, replaced.at);
            self.make_room_for_details(content);
        }
        self.solve(content);
        Effects { redraw: news.redraw, ..Effects::none() }
    }

    /// The earliest instant this view's screen must change (a presentation's next frame,
    /// autoplay step or timer second); `None` when nothing moves.
    pub fn next_deadline(&self) -> Option<Instant> {
        let presenting = (self.mode == Mode::Presentation).then(|| self.presentation.next_deadline()).flatten();
        // An article still partly wrapped: go on at once, between events.
        let wrapping = (!self.article_wrap.is_complete()).then_some(self.created);
        presenting.into_iter().chain(self.notice_expiry()).chain(wrapping).min()
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return Context::Search;
        }
        if self.mode == Mode::Presentation && self.overlay == Overlay::None {
            return Context::Presentation;
        }
        match self.overlay {
            Overlay::None => Context::Dashboard,
            Overlay::Help => Context::Help,
            Overlay::Details => Context::Details,
            Overlay::Problems => Context::Problems,
        }
    }

    fn apply(&mut self, content: &Content, action: Action, now: Instant) -> Effects {
        match action {
            Action::Quit => return Effects::end(End::Quit),
            Action::Suspend => return Effects::end(End::Suspend),
            Action::Help => self.overlay = Overlay::Help,
            Action::Problems => {
                self.overlay = Overlay::Problems;
                self.help_scroll = 0;
            }
            Action::Close if self.overlay != Overlay::None => self.overlay = Overlay::None,
            Action::Close => self.close_search(content),
            Action::Reload => return Effects::load(content.load_ask(false, true)).and(Effects::redraw()),
            Action::Details => {
                if self.selected_item(content).is_some() {
                    self.overlay = Overlay::Details;
                    self.details_scroll = 0;
                    self.show_evidence(content);
                }
            }
            Action::Sort | Action::SortReverse => self.sort_table(content, action),
            Action::NextPane => self.cycle_focus(content, 1),
            Action::PrevPane => self.cycle_focus(content, -1),
            Action::Prev | Action::Next | Action::PageUp | Action::PageDown | Action::First | Action::Last => {
                if matches!(self.overlay, Overlay::Help | Overlay::Problems) {
                    self.scroll_help(content, action);
                } else if self.overlay == Overlay::Details && matches!(action, Action::PageUp | Action::PageDown) {
                    self.scroll_details(content, action);
                } else {
                    self.details_scroll = 0;
                    self.move_in_pane(content, action);
                }
            }
            Action::Search => self.open_search(content),
            Action::SearchNext => self.step_search(content, 1),
            Action::SearchPrev => self.step_search(content, -1),
            Action::Type(c) => self.type_into_search(content, c.encode_utf8(&mut [0; 4])),
            Action::DeleteChar => self.delete_from_search(content),
            Action::Confirm => self.confirm_search(),
            Action::MetricHere => self.select_metric_here(content),
            Action::Present => self.toggle_presentation(content, now),
            Action::SlideNext
            | Action::SlidePrev
            | Action::SlideFirst
            | Action::SlideLast
            | Action::SlideEnter
            | Action::Digit(_)
            | Action::Blank
            | Action::Restart
            | Action::Autoplay
            | Action::Timer
            | Action::PresenterView => return self.apply_to_presentation(content, action, now),
        }
        self.follow_selection(content);
        self.make_room_for_details(content);
        Effects::redraw()
    }

    /// Sets the status-line message.
    pub(super) fn set_notice(&mut self, text: impl Into<String>, level: Level) {
        self.show_notice(Notice { text: text.into(), level });
    }
}
