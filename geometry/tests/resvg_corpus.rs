//! Robustness over resvg's test suite: every `*.svg` under the corpus folder
//! (about 1,700 files of every SVG feature and many broken ones) must
//! either import or fail with an [`ImportError`], never panic.
//!
//! The corpus lives outside the repository, in
//! `../../shared/corpus/resvg-tests` from this crate, or wherever the
//! `FABRIQUE_CORPUS` environment variable points. Without it the test says
//! why and passes, except when `FABRIQUE_REQUIRE_TOOLS=1` (CI): then a
//! missing corpus fails, unless `FABRIQUE_CORPUS=none` says on purpose
//! that this machine has none (`.ci/run` prints that loudly). Times are measured and the slowest files printed (run
//! with `--nocapture`), but not asserted: speed belongs to benchmarks.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use geometry::import::import_svg;

/// A file slower than this is reported (the budget of one import).
const SLOW: Duration = Duration::from_secs(2);

fn corpus_dir() -> PathBuf {
    match std::env::var_os("FABRIQUE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/resvg-tests"),
    }
}

fn svg_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            svg_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "svg") {
            out.push(path);
        }
    }
}

/// The variant name of an error's `Debug` text: `TooDeep { max: 256 }` → `TooDeep`.
fn variant(debug: &str) -> String {
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(debug)
        .to_owned()
}

#[test]
fn every_corpus_file_imports_or_fails_cleanly() {
    if std::env::var_os("FABRIQUE_CORPUS").is_some_and(|v| v == "none") {
        println!("skipped: FABRIQUE_CORPUS=none (this machine has no SVG corpus)");
        return;
    }
    let dir = corpus_dir();
    if !dir.is_dir() {
        let why = format!(
            "no SVG corpus at {} (set FABRIQUE_CORPUS to resvg's tests folder, or to none)",
            dir.display()
        );
        assert!(
            std::env::var_os("FABRIQUE_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
            "{why}"
        );
        println!("skipped: {why}");
        return;
    }
    let mut files = Vec::new();
    svg_files(&dir, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .svg under {}", dir.display());

    let (mut imported, mut shapes, mut empty) = (0usize, 0usize, 0usize);
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut panics = Vec::new();
    let mut times = Vec::new();
    let start = Instant::now();
    for file in &files {
        let Ok(data) = std::fs::read(file) else {
            panics.push(format!("{}: unreadable", file.display()));
            continue;
        };
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| import_svg(&data)));
        times.push((t0.elapsed(), file.clone()));
        match result {
            Ok(Ok(import)) => {
                imported += 1;
                shapes += import.shapes.len();
                empty += usize::from(import.shapes.is_empty());
            }
            Ok(Err(e)) => *errors.entry(variant(&format!("{e:?}"))).or_default() += 1,
            Err(_) => panics.push(file.display().to_string()),
        }
    }
    times.sort_by_key(|t| std::cmp::Reverse(t.0));

    let failed: usize = errors.values().sum();
    println!(
        "{} files in {:.1} s: {imported} imported ({shapes} shapes, {empty} with none), \
         {failed} refused, {} panicked",
        files.len(),
        start.elapsed().as_secs_f64(),
        panics.len()
    );
    for (name, count) in &errors {
        println!("  {name}: {count}");
    }
    println!("slowest:");
    for (time, file) in times.iter().take(10) {
        let name = file.strip_prefix(&dir).unwrap_or(file);
        println!(
            "  {:>8.1} ms  {}",
            time.as_secs_f64() * 1000.0,
            name.display()
        );
    }
    let slow: Vec<_> = times.iter().filter(|(t, _)| *t > SLOW).collect();
    if !slow.is_empty() {
        println!(
            "{} files over {SLOW:?} (not a failure: see benchmarks)",
            slow.len()
        );
    }
    assert!(panics.is_empty(), "panicked on:\n{}", panics.join("\n"));
}
