//! Replays every input kept from fuzzing (tests/fixtures/fuzz/<target>/, corpus and past
//! crashes) through the fuzz targets' code, on stable Rust: the short smoke run that keeps
//! every finding fixed. The long runs are `make fuzz` (cargo-fuzz, nightly).
#![cfg(feature = "native")]

#[path = "../fuzz/fuzz_targets/common.rs"]
mod common;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = format!(
        "{}/tests/fixtures/fuzz/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut n = 0;
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let data = std::fs::read(e.path()).unwrap_or_default();
        run(&data);
        n += 1;
    }
    n
}

#[test]
fn dates_corpus() {
    assert!(replay("dates", common::dates) > 0);
}

#[test]
fn jsonld_corpus() {
    assert!(replay("jsonld", common::jsonld) > 0);
}

#[test]
fn officials_corpus() {
    assert!(replay("officials", common::officials) > 0);
}

#[test]
fn page_corpus() {
    assert!(replay("page", common::page) > 0);
}
