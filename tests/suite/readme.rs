//! The README stays true: its screen is the program's, and its key table names every key.

use std::process::Command;

use coopdash::action::{Context, bindings};

const README: &str = include_str!("../../README.md");

#[test]
fn the_readme_opens_with_the_two_commands() {
    let first_block = README.split("```sh").nth(1).expect("a shell block").split("```").next().unwrap();
    assert!(first_block.contains("cargo run --release"));
    assert!(first_block.contains("cargo test"));
}

#[test]
fn the_readme_screen_is_the_current_snapshot() {
    let output = Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(["--snapshot", "100x30"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let snapshot = String::from_utf8(output.stdout).unwrap();
    assert!(
        README.contains(snapshot.trim_end()),
        "README's screen is stale: paste the output of `cargo run --release -- --snapshot 100x30`"
    );
}

#[test]
fn the_readme_names_every_key_of_the_dashboard_and_the_slides() {
    for binding in bindings(Context::Dashboard).chain(bindings(Context::Presentation)) {
        for key in binding.keys {
            let name = format!("`{}`", key.name());
            assert!(README.contains(&name), "README's key table lacks {name} ({})", binding.help);
        }
    }
}

#[test]
fn the_readme_pictures_are_exports_of_the_current_screen() {
    let dir = tempfile::tempdir().unwrap();
    for (name, extra) in [("screenshot-dashboard.svg", &[][..]), ("screenshot-slide.svg", &["--slide", "5"][..])] {
        let fresh = dir.path().join(name);
        let status = Command::new(env!("CARGO_BIN_EXE_coopdash"))
            .args(["--export", fresh.to_str().unwrap(), "--size", "100x30"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("NO_COLOR")
            .status()
            .unwrap();
        assert!(status.success());
        let committed =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(name))
                .unwrap();
        assert!(
            committed == std::fs::read_to_string(&fresh).unwrap(),
            "assets/{name} is stale: remake it with the commands in the README's \"What it looks like\""
        );
    }
}
