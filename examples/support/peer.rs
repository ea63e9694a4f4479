//! `ptybench --peer PATH`: presenterm 0.16.1, a terminal slide show, measured in the same run as
//! coopdash's presentation mode (bundled data, `--present --no-animation`), each figure the same
//! way for both, then a ratio line (coopdash / presenterm) for each figure both have.
//!
//! presenterm shows a Markdown deck the harness writes into a temporary folder: the bundled
//! dataset's facts as text (a title slide from the front matter, bullet lists and a table where
//! coopdash draws bars, gauges and big numbers, the sources). Both run with their own empty
//! config and state folders, so neither reads a user's settings nor writes a resume file.
//!
//! - first frame: spawn → the screen is exactly the settled title slide;
//! - slide → frame: → and ← alternated between the title slide and the next, each timed until the
//!   screen is exactly that slide's settled frame, with the bytes each change wrote; and the same
//!   changes timed to the first bytes of the answer read (the harness's parsing left out);
//! - idle 10 s (presenterm also without `--present`, where it watches its file);
//! - reload: presenterm reloads a changed deck by itself only without `--present`, so that run
//!   leaves it out, as coopdash's reload run leaves out `--present`;
//! - peak RSS after the slide runs.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{Idle, Subject, first_bytes, key_latencies, peak_rss_kib, reload_timings, report, spawn};

/// The bundled slides' content, as presenterm reads it.
const DECK: &str = r#"---
title: "China and its neighbours: cooperation in numbers"
sub_title: "Ties, treaties and trade, as of April 2025"
author: "CGTN · “China draws blueprint for win-win cooperation with its neighbors” · 10 Apr 2025"
---

Neighbours, by kind of tie
===

* Partnership ties: 28 countries
* Belt and Road agreements: 25 countries
* China top trading partner: 18 countries
* Shared-future consensus: 17 countries
* Land borders settled: 12 countries
* Friendship treaties: 9 countries

<!-- end_slide -->

China–Laos Railway freight, Dec 2021 – Dec 2024
===

* Railway cargo, total: over 50 Mt
* Cross-border cargo: 11.58 Mt

<!-- end_slide -->

China–Laos Railway freight over time
===

| Date | Railway cargo, total | Cross-border cargo |
| --- | --- | --- |
| 2 Dec 2022 | 11.2 Mt | |
| 19 Apr 2023 | 18.8 Mt | 3.7 Mt |
| 2 Dec 2023 | 29.1 Mt | |
| 8 Feb 2024 | 32.56 Mt | 7.31 Mt |
| 31 Dec 2024 | over 50 Mt | 11.58 Mt |

<!-- end_slide -->

Cargo crossing a border
===

**≤ 23.2%**

Cross-border cargo: 11.58 Mt of Railway cargo, total: over 50 Mt

11.58 Mt of a total above 50 Mt: since the total is a lower bound, the share is at most 23.2%.

<!-- end_slide -->

Shares
===

* Belt and Road, of 28: 89% (25 of 28 countries)
* Top trade partner, of 28: 64% (18 of 28 countries)
* Borders settled, of 14: 86% (12 of 14 countries)

<!-- end_slide -->

The figures
===

* **28** countries: “28 neighbouring countries”
* **25** countries: “Belt and Road cooperation agreements with 25 of its neighbours”
* **18** countries: “largest trading partner of 18 neighbouring countries”
* **17** countries: “17 neighbours”
* **12** countries: “settled the historical boundary questions on land with 12 neighbours”
* **9** countries: “treaties of good-neighbourliness and friendly cooperation with nine”
* **over 50 Mt**: “more than 50 million tonnes”
* **11.58 Mt**: “11.58 million tonnes”

<!-- end_slide -->

Sources
===

* CGTN, “China draws blueprint for win-win cooperation with its neighbors”, 10 Apr 2025
* Land neighbours: https://en.wikipedia.org/wiki/Borders_of_China
"#;

/// The end of both title slides' last line.
const TITLE_SOURCE: &str = "with its neighbors” · 10 Apr 2025";

/// Next and previous slide: → and ←, the arrow keys both programs take by default.
const NEXT: &str = "\x1b[C";
const PREVIOUS: &str = "\x1b[D";

/// One subject's medians, for the ratios.
#[derive(Default)]
struct Figures {
    first_frame: Option<Duration>,
    slide: Option<Duration>,
    /// Slide → the first bytes of the answer read.
    first_bytes: Option<Duration>,
    bytes_per_slide: Option<f64>,
    rss_kib: Option<u64>,
    idle: Option<Idle>,
    reloads: Option<(Duration, Duration)>,
}

/// Measures coopdash's presentation and presenterm (`presenterm`, the binary) for `what` (as
/// ptybench's first argument), then prints the ratios; `reloads` are coopdash's reload medians
/// (in place, by rename) if ptybench measured them.
pub fn compare(
    coopdash: &Path,
    presenterm: &Path,
    root: &Path,
    what: &str,
    runs: usize,
    reloads: Option<(Duration, Duration)>,
) {
    let deck = tempfile::tempdir().unwrap();
    std::fs::write(deck.path().join("deck.md"), DECK).unwrap();
    let home = tempfile::tempdir().unwrap();
    let env = || {
        let home = home.path().display().to_string();
        vec![("XDG_CONFIG_HOME", home.clone()), ("XDG_STATE_HOME", home)]
    };
    let ours = Subject {
        name: "coopdash (bundled, --present)",
        binary: coopdash.to_path_buf(),
        args: vec!["--present".into(), "--no-animation".into()],
        cwd: root.to_path_buf(),
        ready: TITLE_SOURCE,
        setup: "",
        env: env(),
    };
    let theirs = Subject {
        name: "presenterm 0.16.1 (--present)",
        binary: presenterm.to_path_buf(),
        args: vec!["--present".into(), "deck.md".into()],
        cwd: deck.path().to_path_buf(),
        ready: TITLE_SOURCE,
        setup: "",
        env: env(),
    };
    let wanted = |measure: &str| what == "all" || what == measure;
    let mut figures = [Figures { reloads, ..Figures::default() }, Figures::default()];
    for (subject, figures) in [&ours, &theirs].into_iter().zip(&mut figures) {
        if wanted("first-frame") {
            figures.first_frame = Some(first_frame(subject, runs));
        }
        if wanted("keys") {
            slides(subject, runs, figures);
        }
        if wanted("idle") {
            figures.idle = Some(super::idle(subject));
        }
    }
    if wanted("idle") {
        let watching = Subject { name: "presenterm 0.16.1 (no --present)", args: vec!["deck.md".into()], ..theirs };
        super::idle(&watching);
    }
    if wanted("reload") {
        let text = |value: u32| format!("Harbour\n===\n\nBoxes: {value} ships\n");
        let (in_place, renamed) = reload_timings(presenterm, &["reload.md"], "reload.md", text, runs);
        figures[1].reloads = Some((
            report("presenterm 0.16.1", "reload, save in place", in_place),
            report("presenterm 0.16.1", "reload, save by rename", renamed),
        ));
    }
    ratios(&figures[0], &figures[1]);
}

/// Spawn → the screen is exactly the title slide as it settles (learnt from a first start).
fn first_frame(subject: &Subject, runs: usize) -> Duration {
    let mut app = spawn(subject);
    app.wait_for(subject.ready);
    let title = app.settled();
    app.send("q");
    app.wait_exit();
    let samples = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let mut app = spawn(subject);
            app.wait_until(|screen| screen == title, "the title slide");
            let elapsed = started.elapsed();
            app.send("q");
            app.wait_exit();
            elapsed
        })
        .collect();
    report(subject.name, "first frame (title slide)", samples)
}

/// Slide → frame, the bytes each slide change wrote, and the peak RSS after.
fn slides(subject: &Subject, runs: usize, figures: &mut Figures) {
    let mut app = spawn(subject);
    app.wait_for(subject.ready);
    app.settled();
    let before = app.raw_output().len();
    let samples = key_latencies(&mut app, NEXT, PREVIOUS, runs);
    // key_latencies presses each key once more to learn its frame.
    let bytes = (app.raw_output().len() - before) as f64 / (runs + 2) as f64;
    figures.slide = Some(report(subject.name, "slide →/← → frame", samples));
    println!("{:<36} {:<26} {:>8.0} bytes", subject.name, "bytes per slide change", bytes);
    figures.first_bytes =
        Some(report(subject.name, "slide →/← → first bytes", first_bytes(&mut app, NEXT, PREVIOUS, runs)));
    figures.bytes_per_slide = Some(bytes);
    let rss = peak_rss_kib(app.pid());
    println!("{:<36} {:<26} {:>8.1} MB", subject.name, "peak RSS", rss as f64 / 1024.0);
    figures.rss_kib = Some(rss);
    app.send("q");
    app.wait_exit();
}

/// One line per figure both subjects have: coopdash's value, presenterm's, and their ratio.
fn ratios(ours: &Figures, theirs: &Figures) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    // `unit` with its leading space; `decimals` 0 for counts.
    let line = |what: &str, ours: f64, theirs: f64, unit: &str, decimals: usize| {
        let ratio = if theirs > 0.0 { format!("{:.3}×", ours / theirs) } else { "-".to_owned() };
        println!(
            "{:<36} {what:<26} {ours:>8.decimals$}{unit} against {theirs:.decimals$}{unit}: {ratio}",
            "coopdash / presenterm"
        );
    };
    let both = |a: Option<Duration>, b: Option<Duration>| a.zip(b).map(|(a, b)| (ms(a), ms(b)));
    if let Some((a, b)) = both(ours.first_frame, theirs.first_frame) {
        line("first frame", a, b, " ms", 2);
    }
    if let Some((a, b)) = both(ours.slide, theirs.slide) {
        line("slide → frame", a, b, " ms", 2);
    }
    if let Some((a, b)) = both(ours.first_bytes, theirs.first_bytes) {
        line("slide → first bytes", a, b, " ms", 2);
    }
    if let Some((a, b)) = ours.bytes_per_slide.zip(theirs.bytes_per_slide) {
        line("bytes per slide change", a, b, " bytes", 0);
    }
    if let Some((a, b)) = ours.idle.as_ref().zip(theirs.idle.as_ref()) {
        line("idle 10 s: CPU", a.cpu_nanoseconds as f64 / 1e6, b.cpu_nanoseconds as f64 / 1e6, " ms", 2);
        line("idle 10 s: wake-ups", a.wake_ups as f64, b.wake_ups as f64, "", 0);
        line("idle 10 s: bytes", a.bytes as f64, b.bytes as f64, " bytes", 0);
    }
    if let Some(((a_in, a_renamed), (b_in, b_renamed))) = ours.reloads.zip(theirs.reloads) {
        line("reload, save in place", ms(a_in), ms(b_in), " ms", 2);
        line("reload, save by rename", ms(a_renamed), ms(b_renamed), " ms", 2);
    }
    if let Some((a, b)) = ours.rss_kib.zip(theirs.rss_kib) {
        line("peak RSS", a as f64 / 1024.0, b as f64 / 1024.0, " MB", 2);
    }
}
