//! The README stays true: its screen is the program's, and its key table names every key.

use std::process::Command;

use coopdash::action::{Context, bindings};

const README: &str = include_str!("../README.md");

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
fn the_readme_names_every_dashboard_key() {
    for binding in bindings(Context::Dashboard) {
        for key in binding.keys {
            let name = format!("`{}`", key.name());
            assert!(README.contains(&name), "README's key table lacks {name} ({})", binding.help);
        }
    }
}
